// `baton task put|show|list`.
import { Command, Option } from "commander";
import { taskStatuses } from "@/lib/schemas/task";
import { collect } from "@/cli/option-parsers";
import { output, sessionOf } from "@/cli/command-kit";
import { taskDetailText, taskSummaryLine } from "@/cli/format";

/** `KEY` or `KEY:gate` (a phase that needs a person's approval to start). */
function phaseSpec(spec: string) {
  const [key, flag] = spec.split(":");
  return flag === "gate" ? { key, requiresApproval: true } : { key };
}

export function taskCommand(): Command {
  const task = new Command("task").description("create, update, show and list tasks");

  task
    .command("put")
    .description("create or update a task; phases are upserted in order, never deleted")
    .argument("<key>", "the task key (a slug you choose, so a new session finds it again)")
    .requiredOption("--title <title>", "the task's title")
    .option("--description <text>", "what the task is for")
    .option("--playbook <key>", "instantiate a playbook's phases (e.g. db-migration-backfill)")
    .option("--phase <key[:gate]>", "a phase; `:gate` makes it require a person's approval (repeatable)", collect, [])
    .action(async (key: string, options: { title: string; description?: string; playbook?: string; phase: string[] }, command: Command) => {
      const session = sessionOf(command);
      const phases = options.phase.map(phaseSpec);
      const { created, task: detail } = await session.online((client) =>
        client.putTask(key, { title: options.title, description: options.description, playbook: options.playbook, ...(phases.length > 0 && { phases }) }),
      );
      output(session, detail, (t) => `${created ? "created" : "updated"} ${taskDetailText(t)}`);
    });

  task
    .command("show")
    .description("a task with its phases, open blockers, pending approvals and latest checkpoint")
    .argument("<key>", "the task key")
    .action(async (key: string, _options: object, command: Command) => {
      const session = sessionOf(command);
      output(session, await session.online((client) => client.getTask(key)), taskDetailText);
    });

  task
    .command("list")
    .description("tasks, newest activity first")
    .addOption(new Option("--status <status>", "only tasks with this status").choices(taskStatuses))
    .option("--search <text>", "only tasks whose key, title or description contains this")
    .action(async (options: { status?: (typeof taskStatuses)[number]; search?: string }, command: Command) => {
      const session = sessionOf(command);
      const page = await session.online((client) => client.listTasks({ status: options.status, q: options.search }));
      output(session, page, (p) => (p.items.length === 0 ? "no tasks" : p.items.map(taskSummaryLine).join("\n")));
    });

  return task;
}
