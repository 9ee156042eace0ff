// `baton hook session-start|pre-compact`: Claude Code hooks. They read the hook's JSON on stdin and never
// fail the session: when Baton cannot help, the session simply starts without the brief.
import { Command } from "commander";
import { readStdin, warn } from "@/cli/io";
import { sessionOf } from "@/cli/command-kit";

type HookInput = { session_id?: string; source?: string; trigger?: string; hook_event_name?: string };

async function readHookInput(): Promise<HookInput> {
  const text = await readStdin();
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as HookInput) : {};
  } catch {
    return {};
  }
}

export function hookCommand(): Command {
  const hook = new Command("hook").description("Claude Code hooks (configured by `baton init claude`); they read the hook JSON on stdin");

  hook
    .command("session-start")
    .description("print the brief of BATON_TASK (lane BATON_AGENT) as the new session's additional context (startup, resume, clear, compact)")
    .action(async (_options: object, command: Command) => {
      const input = await readHookInput();
      const task = process.env.BATON_TASK;
      if (!task) return warn("BATON_TASK is not set; no brief to load.");
      const agent = process.env.BATON_AGENT || undefined;
      const session = sessionOf(command);
      let context: string;
      try {
        const brief = await session.online((client) => client.briefMarkdown(task, { agent }));
        context = [
          `This session continues the Baton task \`${task}\`${agent ? ` as agent \`${agent}\`` : ""} (session ${input.source ?? "start"}).`,
          "Resume from the brief below; record progress with `baton checkpoint` / `baton note`, and ask a person with `baton ask`.",
          "",
          brief,
        ].join("\n");
      } catch (error) {
        context = `The Baton brief of task \`${task}\` could not be loaded (${(error as Error).message}). Run \`baton brief ${task}\` once Baton is reachable.`;
      }
      process.stdout.write(`${JSON.stringify({ hookSpecificOutput: { hookEventName: "SessionStart", additionalContext: context } })}\n`);
    });

  hook
    .command("pre-compact")
    .description("record a checkpoint on BATON_TASK marking that Claude Code is compacting its context")
    .action(async (_options: object, command: Command) => {
      const input = await readHookInput();
      const task = process.env.BATON_TASK;
      if (!task) return warn("BATON_TASK is not set; nothing recorded.");
      const session = sessionOf(command);
      const trigger = input.trigger ?? "manual";
      const body = {
        summary: `Context compaction (${trigger})`,
        body: `Claude Code compacted the context of session ${input.session_id ?? "(unknown)"}; the next session resumes from the brief.`,
        ...(process.env.BATON_AGENT && { agent: process.env.BATON_AGENT }),
      };
      await session.writeOrQueue({ op: "checkpoint", task, body });
    });

  return hook;
}
