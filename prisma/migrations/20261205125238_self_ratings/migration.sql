-- CreateTable
CREATE TABLE "SelfRating" (
    "attemptId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "level" INTEGER,

    PRIMARY KEY ("attemptId", "skillId"),
    CONSTRAINT "SelfRating_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "anonymousTokenHash" TEXT,
    "userId" TEXT,
    "teamId" TEXT,
    "teamRoundId" TEXT,
    "cohortAssessmentId" TEXT,
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
    "selfRatingStep" TEXT NOT NULL DEFAULT 'none',
    "selfRatingBiasMean" REAL,
    "selfRatingBiasSd" REAL,
    "selfRatingNoiseSd" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attempt_teamRoundId_fkey" FOREIGN KEY ("teamRoundId") REFERENCES "TeamRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attempt_cohortAssessmentId_fkey" FOREIGN KEY ("cohortAssessmentId") REFERENCES "CohortAssessment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("anonymousTokenHash", "budget", "cohortAssessmentId", "completedAt", "contentHash", "createdAt", "currentQuestionId", "currentRoleId", "engineSeed", "hoursPerWeek", "id", "readiness", "resultJson", "seenQuestionIds", "status", "stopReason", "targetRoleId", "teamId", "teamRoundId", "timeZone", "updatedAt", "userId") SELECT "anonymousTokenHash", "budget", "cohortAssessmentId", "completedAt", "contentHash", "createdAt", "currentQuestionId", "currentRoleId", "engineSeed", "hoursPerWeek", "id", "readiness", "resultJson", "seenQuestionIds", "status", "stopReason", "targetRoleId", "teamId", "teamRoundId", "timeZone", "updatedAt", "userId" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_anonymousTokenHash_createdAt_idx" ON "Attempt"("anonymousTokenHash", "createdAt");
CREATE INDEX "Attempt_userId_createdAt_idx" ON "Attempt"("userId", "createdAt");
CREATE INDEX "Attempt_teamId_status_idx" ON "Attempt"("teamId", "status");
CREATE INDEX "Attempt_cohortAssessmentId_status_idx" ON "Attempt"("cohortAssessmentId", "status");
CREATE INDEX "Attempt_targetRoleId_status_idx" ON "Attempt"("targetRoleId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

