-- People with roles, their one-time invites, and sessions that belong to a person.
-- Sessions from before name no person, so they end here (people log in once more, as the owner).
DELETE FROM "Session";

-- CreateTable
CREATE TABLE "Person" (
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "personName" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invite_secretHash_key" ON "Invite"("secretHash");

-- CreateIndex
CREATE INDEX "Invite_personName_idx" ON "Invite"("personName");

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_personName_fkey" FOREIGN KEY ("personName") REFERENCES "Person"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Session" DROP COLUMN "label",
ADD COLUMN     "personName" TEXT NOT NULL,
ALTER COLUMN "tokenId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Session_personName_idx" ON "Session"("personName");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_personName_fkey" FOREIGN KEY ("personName") REFERENCES "Person"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every token so far was made by the admin token or its session, and that is the owner.
UPDATE "ApiToken" SET "createdBy" = 'owner';
