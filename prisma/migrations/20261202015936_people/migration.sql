-- People with roles, their one-time invites, and sessions that belong to a person.
-- Sessions from before name no person, so they end here (people log in once more, as the owner).
CREATE TABLE "Person" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "Invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personName" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "Invite_personName_fkey" FOREIGN KEY ("personName") REFERENCES "Person" ("name") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Invite_secretHash_key" ON "Invite"("secretHash");
CREATE INDEX "Invite_personName_idx" ON "Invite"("personName");

PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "personName" TEXT NOT NULL,
    "tokenId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_personName_fkey" FOREIGN KEY ("personName") REFERENCES "Person" ("name") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Session_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");
CREATE INDEX "Session_tokenId_idx" ON "Session"("tokenId");
CREATE INDEX "Session_personName_idx" ON "Session"("personName");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Every token so far was made by the admin token or its session, and that is the owner.
UPDATE "ApiToken" SET "createdBy" = 'owner';
