-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "questionShownAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "itemHash" TEXT,
ADD COLUMN     "msOnItem" INTEGER;

-- CreateTable
CREATE TABLE "ResponseRecord" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "itemHash" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "chosenOptionIds" TEXT NOT NULL,
    "isDontKnow" BOOLEAN NOT NULL,
    "isCorrect" BOOLEAN NOT NULL,
    "abilityOther" DOUBLE PRECISION,
    "abilitySdOther" DOUBLE PRECISION,
    "msOnItem" INTEGER,
    "calibrationVersion" TEXT,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "discrimination" DOUBLE PRECISION NOT NULL,
    "guessing" DOUBLE PRECISION NOT NULL,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResponseRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ResponseRecord_questionId_idx" ON "ResponseRecord"("questionId");

-- CreateIndex
CREATE INDEX "ResponseRecord_itemHash_idx" ON "ResponseRecord"("itemHash");

