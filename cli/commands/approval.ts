// `baton approval request|wait`: ask a person to open a gated phase, and block until they decide.
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { CliExit, EXIT, usageError } from "@/cli/exit";
import { printJson, printLine, warn } from "@/cli/io";
import { parseSeconds } from "@/cli/option-parsers";
import { sessionOf } from "@/cli/command-kit";
import type { Approval } from "@/lib/client/baton-client";

const CONTENT_TYPES: Record<string, string> = { ".json": "application/json", ".md": "text/markdown" };

export function approvalCommand(): Command {
  const approval = new Command("approval").description("request a person's approval for a gated phase, and wait for the decision");

  approval
    .command("request")
    .description("request approval for a phase with an artifact to review (e.g. a terraform plan); prints the approval id")
    .argument("<key>", "the task key")
    .argument("<phase>", "the gated phase")
    .requiredOption("--title <text>", "what is to be approved")
    .requiredOption("--artifact <file>", "the file the person reviews (e.g. plan.out as text)")
    .option("--summary <text>", "a one-paragraph summary")
    .option("--expires <seconds>", "expire (as rejected) after this many seconds", parseSeconds)
    .action(async (key: string, phase: string, options: { title: string; artifact: string; summary?: string; expires?: number }, command: Command) => {
      const session = sessionOf(command);
      let content: string;
      try {
        content = fs.readFileSync(options.artifact, "utf8");
      } catch (error) {
        throw usageError(`Cannot read ${options.artifact}: ${(error as Error).message}`);
      }
      const artifact = { name: path.basename(options.artifact), contentType: CONTENT_TYPES[path.extname(options.artifact)] ?? "text/plain", content };
      const created = await session.online((client) =>
        client.requestApproval(key, phase, { title: options.title, summary: options.summary, artifact, expiresInSeconds: options.expires }),
      );
      if (session.json) return printJson(created);
      printLine(created.id);
      warn(`waiting for a person: ${created.url}`);
    });

  approval
    .command("wait")
    .description("wait until decided: exit 0 approved, 3 rejected (comment on stdout), 4 expired or cancelled, 5 still pending at the timeout")
    .argument("<id>", "the approval id")
    .option("--timeout <seconds>", "how long to wait", parseSeconds, 600)
    .action(async (id: string, options: { timeout: number }, command: Command) => {
      const session = sessionOf(command);
      const decided = await session.online((client) => client.waitForApproval(id, options.timeout));
      if (session.json) printJson(decided);
      switch (decided.status) {
        case "approved":
          if (!session.json) printLine(`approved by ${approvers(decided)}${decided.comment ? `: ${decided.comment}` : ""}`);
          return;
        case "rejected":
          if (!session.json) printLine(decided.comment ?? "");
          throw new CliExit(EXIT.rejected, `rejected by ${decided.decidedBy ?? "a person"}`);
        case "expired":
        case "cancelled":
          throw new CliExit(EXIT.expired, `approval ${id} is ${decided.status}`);
        default:
          throw new CliExit(EXIT.stillWaiting, `approval ${id} is still pending after ${options.timeout}s (${approvalCount(decided)})`);
      }
    });

  return approval;
}

function approvalCount(approval: Approval): string {
  return `${approval.approvalsReceived} of ${approval.requiredApprovals} approvals`;
}

/** The settling person, plus everyone who approved when the gate needed more than one. */
function approvers(approval: Approval): string {
  const settledBy = approval.decidedBy ?? "a person";
  if (approval.requiredApprovals === 1) return settledBy;
  const names = approval.decisions.filter((d) => d.decision === "approve").map((d) => d.by);
  return `${names.join(", ")} (${approvalCount(approval)})`;
}
