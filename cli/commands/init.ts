// `baton init claude`: wire Baton into the current repository's Claude Code setup.
import path from "node:path";
import { Command } from "commander";
import { initClaude } from "@/cli/claude-config";
import { output, sessionOf } from "@/cli/command-kit";

export function initCommand(): Command {
  const init = new Command("init").description("set up an agent tool to use Baton in the current repository");

  init
    .command("claude")
    .description("merge the baton MCP server into .mcp.json and the SessionStart/PreCompact hooks into .claude/settings.json (never clobbers; safe to re-run)")
    .option("--task <key>", "the task this repository works on (BATON_TASK for the hooks and the MCP server)")
    .option("--agent <name>", "the agent's lane (BATON_AGENT)")
    .action((options: { task?: string; agent?: string }, command: Command) => {
      const session = sessionOf(command);
      const root = process.cwd();
      const changes = initClaude(root, options);
      output(session, { files: changes }, ({ files }) =>
        files.map((f) => `${f.changed ? "updated" : "unchanged"} ${path.relative(root, f.file)}`).join("\n"),
      );
    });

  return init;
}
