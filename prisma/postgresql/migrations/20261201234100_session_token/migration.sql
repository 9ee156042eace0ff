-- A session belongs to the admin token that created it: revoking or rotating that token ends it.
-- Sessions from before cannot be attributed to a token, so they end here (people log in once more).
DELETE FROM "Session";

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "tokenId" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "Session_tokenId_idx" ON "Session"("tokenId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;
