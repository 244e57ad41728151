-- CreateTable
CREATE TABLE "QuestionReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "attemptId" TEXT,
    "reason" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuestionReport_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "anonymousTokenHash" TEXT,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME
);
INSERT INTO "new_Attempt" ("anonymousTokenHash", "budget", "completedAt", "contentHash", "createdAt", "currentQuestionId", "currentRoleId", "engineSeed", "id", "status", "targetRoleId", "updatedAt") SELECT "anonymousTokenHash", "budget", "completedAt", "contentHash", "createdAt", "currentQuestionId", "currentRoleId", "engineSeed", "id", "status", "targetRoleId", "updatedAt" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_anonymousTokenHash_createdAt_idx" ON "Attempt"("anonymousTokenHash", "createdAt");
CREATE INDEX "Attempt_targetRoleId_status_idx" ON "Attempt"("targetRoleId", "status");
CREATE TABLE "new_SkillEstimate" (
    "attemptId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "mean" REAL NOT NULL,
    "sd" REAL NOT NULL,
    "band" INTEGER NOT NULL,
    "targetLevel" INTEGER,
    "pMeets" REAL,
    "isAssessed" BOOLEAN NOT NULL,
    "bandLow" INTEGER NOT NULL DEFAULT 0,
    "bandHigh" INTEGER NOT NULL DEFAULT 4,
    "answerCount" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("attemptId", "skillId"),
    CONSTRAINT "SkillEstimate_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SkillEstimate" ("attemptId", "band", "isAssessed", "mean", "pMeets", "sd", "skillId", "targetLevel") SELECT "attemptId", "band", "isAssessed", "mean", "pMeets", "sd", "skillId", "targetLevel" FROM "SkillEstimate";
DROP TABLE "SkillEstimate";
ALTER TABLE "new_SkillEstimate" RENAME TO "SkillEstimate";
CREATE TABLE "new_LearningPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "anonymousTokenHash" TEXT,
    "targetRoleId" TEXT NOT NULL,
    "sourceAttemptId" TEXT,
    "contentHash" TEXT NOT NULL,
    "hoursPerWeek" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "startDate" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LearningPlan_sourceAttemptId_fkey" FOREIGN KEY ("sourceAttemptId") REFERENCES "Attempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LearningPlan" ("anonymousTokenHash", "contentHash", "createdAt", "hoursPerWeek", "id", "sourceAttemptId", "targetRoleId", "updatedAt") SELECT "anonymousTokenHash", "contentHash", "createdAt", "hoursPerWeek", "id", "sourceAttemptId", "targetRoleId", "updatedAt" FROM "LearningPlan";
DROP TABLE "LearningPlan";
ALTER TABLE "new_LearningPlan" RENAME TO "LearningPlan";
CREATE INDEX "LearningPlan_sourceAttemptId_idx" ON "LearningPlan"("sourceAttemptId");
CREATE UNIQUE INDEX "LearningPlan_anonymousTokenHash_targetRoleId_key" ON "LearningPlan"("anonymousTokenHash", "targetRoleId");
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
    "doneAt" DATETIME,
    CONSTRAINT "PlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "LearningPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PlanItem" ("doneAt", "dueDate", "fromLevel", "hours", "id", "moduleId", "planId", "position", "skillId", "source", "toLevel", "week") SELECT "doneAt", "dueDate", "fromLevel", "hours", "id", "moduleId", "planId", "position", "skillId", "source", "toLevel", "week" FROM "PlanItem";
DROP TABLE "PlanItem";
ALTER TABLE "new_PlanItem" RENAME TO "PlanItem";
CREATE INDEX "PlanItem_planId_position_idx" ON "PlanItem"("planId", "position");
CREATE UNIQUE INDEX "PlanItem_planId_moduleId_key" ON "PlanItem"("planId", "moduleId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QuestionReport_questionId_idx" ON "QuestionReport"("questionId");

-- CreateIndex
CREATE INDEX "QuestionReport_createdAt_idx" ON "QuestionReport"("createdAt");

