// `baton heartbeat` (keeps a task from going stale) and `baton brief` (how to resume it).
import { Command } from "commander";
import { printJson } from "@/cli/io";
import { report, sessionOf } from "@/cli/command-kit";

export function heartbeatCommand(): Command {
  return new Command("heartbeat")
    .description("tell Baton the agent is alive, so the task does not go stale")
    .argument("<key>", "the task key")
    .option("--agent <name>", "which agent is alive")
    .action(async (key: string, options: { agent?: string }, command: Command) => {
      const session = sessionOf(command);
      const body = options.agent ? { agent: options.agent } : {};
      const written = await session.writeOrQueue<null>({ op: "heartbeat", task: key, body });
      report(session, written, () => `heartbeat sent for ${key}`);
    });
}

export function briefCommand(): Command {
  return new Command("brief")
    .description("the resume brief: everything a new session needs to pick the task up (markdown; JSON with --json)")
    .argument("<key>", "the task key")
    .option("--agent <name>", "narrow to this agent's lane and the handoffs addressed to it")
    .action(async (key: string, options: { agent?: string }, command: Command) => {
      const session = sessionOf(command);
      if (session.json) return printJson(await session.online((client) => client.brief(key, options)));
      const markdown = await session.online((client) => client.briefMarkdown(key, options));
      process.stdout.write(markdown.endsWith("\n") ? markdown : `${markdown}\n`);
    });
}
