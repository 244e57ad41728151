-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "currentRoleId" TEXT,
    "hoursPerWeek" INTEGER,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "refreshTokenExpiresAt" DATETIME,
    "scope" TEXT,
    "password" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "ShareLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "anonymousTokenHash" TEXT,
    "userId" TEXT,
    "currentRoleId" TEXT,
    "targetRoleId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "engineSeed" INTEGER NOT NULL,
    "budget" INTEGER NOT NULL DEFAULT 30,
    "currentQuestionId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'in_progress',
    "hoursPerWeek" INTEGER,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "stopReason" TEXT,
    "readiness" REAL,
    "resultJson" TEXT,
    "seenQuestionIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("anonymousTokenHash", "budget", "completedAt", "contentHash", "createdAt", "currentQuestionId", "currentRoleId", "engineSeed", "hoursPerWeek", "id", "readiness", "resultJson", "seenQuestionIds", "status", "stopReason", "targetRoleId", "timeZone", "updatedAt") SELECT "anonymousTokenHash", "budget", "completedAt", "contentHash", "createdAt", "currentQuestionId", "currentRoleId", "engineSeed", "hoursPerWeek", "id", "readiness", "resultJson", "seenQuestionIds", "status", "stopReason", "targetRoleId", "timeZone", "updatedAt" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_anonymousTokenHash_createdAt_idx" ON "Attempt"("anonymousTokenHash", "createdAt");
CREATE INDEX "Attempt_userId_createdAt_idx" ON "Attempt"("userId", "createdAt");
CREATE INDEX "Attempt_targetRoleId_status_idx" ON "Attempt"("targetRoleId", "status");
CREATE TABLE "new_LearningPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "anonymousTokenHash" TEXT,
    "userId" TEXT,
    "targetRoleId" TEXT NOT NULL,
    "sourceAttemptId" TEXT,
    "contentHash" TEXT NOT NULL,
    "hoursPerWeek" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "startDate" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LearningPlan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LearningPlan_sourceAttemptId_fkey" FOREIGN KEY ("sourceAttemptId") REFERENCES "Attempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LearningPlan" ("anonymousTokenHash", "contentHash", "createdAt", "hoursPerWeek", "id", "sourceAttemptId", "startDate", "targetRoleId", "timeZone", "updatedAt") SELECT "anonymousTokenHash", "contentHash", "createdAt", "hoursPerWeek", "id", "sourceAttemptId", "startDate", "targetRoleId", "timeZone", "updatedAt" FROM "LearningPlan";
DROP TABLE "LearningPlan";
ALTER TABLE "new_LearningPlan" RENAME TO "LearningPlan";
CREATE INDEX "LearningPlan_sourceAttemptId_idx" ON "LearningPlan"("sourceAttemptId");
CREATE UNIQUE INDEX "LearningPlan_anonymousTokenHash_targetRoleId_key" ON "LearningPlan"("anonymousTokenHash", "targetRoleId");
CREATE UNIQUE INDEX "LearningPlan_userId_targetRoleId_key" ON "LearningPlan"("userId", "targetRoleId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE INDEX "Verification_identifier_idx" ON "Verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_userId_kind_targetId_idx" ON "ShareLink"("userId", "kind", "targetId");

