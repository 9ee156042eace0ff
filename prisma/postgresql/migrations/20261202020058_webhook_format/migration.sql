-- A webhook's body format: the signed event JSON (generic), or a chat message for Slack or Discord.
-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "format" TEXT NOT NULL DEFAULT 'generic';
