-- Required reviewers: a phase asks for N distinct approvers (and may bar the requesting token's creator);
-- an approval keeps the rules it was requested under and lists each person's decision.
-- AlterTable
ALTER TABLE "Phase" ADD COLUMN     "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "preventSelfReview" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "preventSelfReview" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "requesterPerson" TEXT;

-- CreateTable
CREATE TABLE "ApprovalDecision" (
    "id" SERIAL NOT NULL,
    "approvalId" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "artifactSha256" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalDecision_approvalId_by_key" ON "ApprovalDecision"("approvalId", "by");

-- AddForeignKey
ALTER TABLE "ApprovalDecision" ADD CONSTRAINT "ApprovalDecision_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval"("id") ON DELETE CASCADE ON UPDATE CASCADE;
