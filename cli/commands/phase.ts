// `baton phase KEY PHASE STATUS`: move a phase through the same gate rules as the API.
import { Argument, Command } from "commander";
import { phaseStatuses, type PhaseStatus } from "@/lib/schemas/phase";
import type { PhasePatchBody, PhaseView } from "@/lib/client/baton-client";
import { usageError } from "@/cli/exit";
import { report, sessionOf } from "@/cli/command-kit";
import { phaseLine } from "@/cli/format";

export function phaseCommand(): Command {
  return new Command("phase")
    .description("move a phase (active, done, failed, …); gates and verification apply")
    .argument("<key>", "the task key")
    .argument("<phase>", "the phase key")
    .addArgument(new Argument("<status>", "the new status").choices(phaseStatuses))
    .option("--force", "finish despite missing verification (needs --reason; never opens an approval gate)")
    .option("--reason <text>", "why verification is overridden (recorded in the audit log)")
    .option("--agent <name>", "which agent works the phase (the lane)")
    .action(async (key: string, phase: string, status: PhaseStatus, options: { force?: boolean; reason?: string; agent?: string }, command: Command) => {
      const session = sessionOf(command);
      if (options.force && !options.reason) throw usageError("--force needs --reason");
      const body: PhasePatchBody = { status, force: options.force, reason: options.reason, agent: options.agent };
      const written = await session.writeOrQueue<PhaseView>({ op: "phase", task: key, phase, body });
      report(session, written, (view) => `${key} ${phaseLine(view)}`);
    });
}
