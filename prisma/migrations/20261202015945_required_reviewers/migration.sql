-- Required reviewers: a phase asks for N distinct approvers (and may bar the requesting token's creator);
-- an approval keeps the rules it was requested under and lists each person's decision.
ALTER TABLE "Phase" ADD COLUMN "requiredApprovals" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Phase" ADD COLUMN "preventSelfReview" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Approval" ADD COLUMN "requiredApprovals" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Approval" ADD COLUMN "preventSelfReview" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Approval" ADD COLUMN "requesterPerson" TEXT;

-- CreateTable
CREATE TABLE "ApprovalDecision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "approvalId" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "artifactSha256" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApprovalDecision_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalDecision_approvalId_by_key" ON "ApprovalDecision"("approvalId", "by");
