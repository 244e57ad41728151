-- CreateTable
CREATE TABLE "Cohort" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "targetRoleId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdById" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Cohort_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'learner',
    "userId" TEXT,
    "joinedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Enrollment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CohortInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CohortInvitation_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CohortInvitation_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CohortAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CohortAssessment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssignmentRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "belowLevel" INTEGER,
    "pMeetsBelow" REAL,
    "moduleId" TEXT NOT NULL,
    "dueDays" INTEGER NOT NULL,
    "appliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssignmentRule_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "ruleId" TEXT,
    "source" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "waivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assignment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AssignmentRule" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attempt_teamRoundId_fkey" FOREIGN KEY ("teamRoundId") REFERENCES "TeamRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attempt_cohortAssessmentId_fkey" FOREIGN KEY ("cohortAssessmentId") REFERENCES "CohortAssessment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("anonymousTokenHash", "budget", "completedAt", "contentHash", "createdAt", "currentQuestionId", "currentRoleId", "engineSeed", "hoursPerWeek", "id", "readiness", "resultJson", "seenQuestionIds", "status", "stopReason", "targetRoleId", "teamId", "teamRoundId", "timeZone", "updatedAt", "userId") SELECT "anonymousTokenHash", "budget", "completedAt", "contentHash", "createdAt", "currentQuestionId", "currentRoleId", "engineSeed", "hoursPerWeek", "id", "readiness", "resultJson", "seenQuestionIds", "status", "stopReason", "targetRoleId", "teamId", "teamRoundId", "timeZone", "updatedAt", "userId" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_anonymousTokenHash_createdAt_idx" ON "Attempt"("anonymousTokenHash", "createdAt");
CREATE INDEX "Attempt_userId_createdAt_idx" ON "Attempt"("userId", "createdAt");
CREATE INDEX "Attempt_teamId_status_idx" ON "Attempt"("teamId", "status");
CREATE INDEX "Attempt_cohortAssessmentId_status_idx" ON "Attempt"("cohortAssessmentId", "status");
CREATE INDEX "Attempt_targetRoleId_status_idx" ON "Attempt"("targetRoleId", "status");
CREATE TABLE "new_PlanItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "fromLevel" INTEGER NOT NULL,
    "toLevel" INTEGER NOT NULL,
    "hours" REAL NOT NULL,
    "position" INTEGER NOT NULL,
    "week" INTEGER,
    "source" TEXT NOT NULL DEFAULT 'generated',
    "dueDate" DATETIME,
    "cohortId" TEXT,
    "doneAt" DATETIME,
    CONSTRAINT "PlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "LearningPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlanItem_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PlanItem" ("doneAt", "dueDate", "fromLevel", "hours", "id", "moduleId", "planId", "position", "skillId", "source", "toLevel", "week") SELECT "doneAt", "dueDate", "fromLevel", "hours", "id", "moduleId", "planId", "position", "skillId", "source", "toLevel", "week" FROM "PlanItem";
DROP TABLE "PlanItem";
ALTER TABLE "new_PlanItem" RENAME TO "PlanItem";
CREATE INDEX "PlanItem_planId_position_idx" ON "PlanItem"("planId", "position");
CREATE UNIQUE INDEX "PlanItem_planId_moduleId_key" ON "PlanItem"("planId", "moduleId");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "currentRoleId" TEXT,
    "hoursPerWeek" INTEGER,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "canCreateCohorts" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_User" ("createdAt", "currentRoleId", "email", "emailVerified", "hoursPerWeek", "id", "image", "isAdmin", "name", "updatedAt") SELECT "createdAt", "currentRoleId", "email", "emailVerified", "hoursPerWeek", "id", "image", "isAdmin", "name", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Enrollment_userId_idx" ON "Enrollment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_cohortId_email_key" ON "Enrollment"("cohortId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "CohortInvitation_tokenHash_key" ON "CohortInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "CohortInvitation_cohortId_idx" ON "CohortInvitation"("cohortId");

-- CreateIndex
CREATE INDEX "CohortInvitation_enrollmentId_idx" ON "CohortInvitation"("enrollmentId");

-- CreateIndex
CREATE UNIQUE INDEX "CohortAssessment_cohortId_key" ON "CohortAssessment"("cohortId");

-- CreateIndex
CREATE INDEX "AssignmentRule_cohortId_idx" ON "AssignmentRule"("cohortId");

-- CreateIndex
CREATE INDEX "Assignment_userId_idx" ON "Assignment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_cohortId_userId_moduleId_key" ON "Assignment"("cohortId", "userId", "moduleId");

