-- Questions for a person: a decision blocker may carry a question, options and a recommended option;
-- a person's answer resolves it.
-- AlterTable
ALTER TABLE "Blocker" ADD COLUMN     "answer" TEXT,
ADD COLUMN     "answerComment" TEXT,
ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "answeredBy" TEXT,
ADD COLUMN     "options" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "question" TEXT,
ADD COLUMN     "recommended" TEXT;

-- CreateIndex
CREATE INDEX "Blocker_status_createdAt_idx" ON "Blocker"("status", "createdAt");
