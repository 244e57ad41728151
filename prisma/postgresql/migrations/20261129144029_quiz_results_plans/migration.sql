-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "hoursPerWeek" INTEGER,
ADD COLUMN     "readiness" DOUBLE PRECISION,
ADD COLUMN     "resultJson" TEXT,
ADD COLUMN     "stopReason" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "SkillEstimate" ADD COLUMN     "answerCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bandHigh" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "bandLow" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "LearningPlan" ADD COLUMN     "startDate" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "PlanItem" ALTER COLUMN "week" DROP NOT NULL;

-- CreateTable
CREATE TABLE "QuestionReport" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "attemptId" TEXT,
    "reason" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuestionReport_questionId_idx" ON "QuestionReport"("questionId");

-- CreateIndex
CREATE INDEX "QuestionReport_createdAt_idx" ON "QuestionReport"("createdAt");

-- AddForeignKey
ALTER TABLE "QuestionReport" ADD CONSTRAINT "QuestionReport_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

