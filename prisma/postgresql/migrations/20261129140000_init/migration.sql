-- CreateTable
CREATE TABLE "Attempt" (
    "id" TEXT NOT NULL,
    "anonymousTokenHash" TEXT,
    "currentRoleId" TEXT,
    "targetRoleId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "engineSeed" INTEGER NOT NULL,
    "budget" INTEGER NOT NULL DEFAULT 30,
    "currentQuestionId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'in_progress',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "chosenOptionIds" TEXT NOT NULL,
    "isDontKnow" BOOLEAN NOT NULL DEFAULT false,
    "isCorrect" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "discrimination" DOUBLE PRECISION NOT NULL,
    "guessing" DOUBLE PRECISION NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillEstimate" (
    "attemptId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "mean" DOUBLE PRECISION NOT NULL,
    "sd" DOUBLE PRECISION NOT NULL,
    "band" INTEGER NOT NULL,
    "targetLevel" INTEGER,
    "pMeets" DOUBLE PRECISION,
    "isAssessed" BOOLEAN NOT NULL,

    CONSTRAINT "SkillEstimate_pkey" PRIMARY KEY ("attemptId","skillId")
);

-- CreateTable
CREATE TABLE "LearningPlan" (
    "id" TEXT NOT NULL,
    "anonymousTokenHash" TEXT,
    "targetRoleId" TEXT NOT NULL,
    "sourceAttemptId" TEXT,
    "contentHash" TEXT NOT NULL,
    "hoursPerWeek" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItem" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "fromLevel" INTEGER NOT NULL,
    "toLevel" INTEGER NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "position" INTEGER NOT NULL,
    "week" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'generated',
    "dueDate" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "PlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attempt_anonymousTokenHash_createdAt_idx" ON "Attempt"("anonymousTokenHash", "createdAt");

-- CreateIndex
CREATE INDEX "Attempt_targetRoleId_status_idx" ON "Attempt"("targetRoleId", "status");

-- CreateIndex
CREATE INDEX "Answer_attemptId_position_idx" ON "Answer"("attemptId", "position");

-- CreateIndex
CREATE INDEX "Answer_questionId_idx" ON "Answer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_attemptId_questionId_key" ON "Answer"("attemptId", "questionId");

-- CreateIndex
CREATE INDEX "LearningPlan_sourceAttemptId_idx" ON "LearningPlan"("sourceAttemptId");

-- CreateIndex
CREATE UNIQUE INDEX "LearningPlan_anonymousTokenHash_targetRoleId_key" ON "LearningPlan"("anonymousTokenHash", "targetRoleId");

-- CreateIndex
CREATE INDEX "PlanItem_planId_position_idx" ON "PlanItem"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PlanItem_planId_moduleId_key" ON "PlanItem"("planId", "moduleId");

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillEstimate" ADD CONSTRAINT "SkillEstimate_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningPlan" ADD CONSTRAINT "LearningPlan_sourceAttemptId_fkey" FOREIGN KEY ("sourceAttemptId") REFERENCES "Attempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "LearningPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

