-- Questions for a person: a decision blocker may carry a question, options and a recommended option;
-- a person's answer resolves it.
ALTER TABLE "Blocker" ADD COLUMN "question" TEXT;
ALTER TABLE "Blocker" ADD COLUMN "options" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "Blocker" ADD COLUMN "recommended" TEXT;
ALTER TABLE "Blocker" ADD COLUMN "answer" TEXT;
ALTER TABLE "Blocker" ADD COLUMN "answerComment" TEXT;
ALTER TABLE "Blocker" ADD COLUMN "answeredBy" TEXT;
ALTER TABLE "Blocker" ADD COLUMN "answeredAt" DATETIME;

-- CreateIndex
CREATE INDEX "Blocker_status_createdAt_idx" ON "Blocker"("status", "createdAt");
