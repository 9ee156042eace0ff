// Pure rules for required reviewers: when enough distinct people approved, and who may not review.

export type ReviewOutcome = "approved" | "rejected" | "pending";

/** One rejection settles it; approvals settle it once `required` distinct people approved the same artifact. */
export function reviewOutcome(decision: "approve" | "reject", approvalsReceived: number, requiredApprovals: number): ReviewOutcome {
  if (decision === "reject") return "rejected";
  return approvalsReceived >= requiredApprovals ? "approved" : "pending";
}

/** With preventSelfReview, the person answerable for the request (who created the agent's token) cannot decide it. */
export function isSelfReview(approval: { preventSelfReview: boolean; requesterPerson: string | null }, person: string): boolean {
  return approval.preventSelfReview && approval.requesterPerson === person;
}
