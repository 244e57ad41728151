-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "questionShownAt" DATETIME;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN "itemHash" TEXT;
ALTER TABLE "Answer" ADD COLUMN "msOnItem" INTEGER;

-- CreateTable
CREATE TABLE "ResponseRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "itemHash" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "chosenOptionIds" TEXT NOT NULL,
    "isDontKnow" BOOLEAN NOT NULL,
    "isCorrect" BOOLEAN NOT NULL,
    "abilityOther" REAL,
    "abilitySdOther" REAL,
    "msOnItem" INTEGER,
    "calibrationVersion" TEXT,
    "difficulty" REAL NOT NULL,
    "discrimination" REAL NOT NULL,
    "guessing" REAL NOT NULL,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ResponseRecord_questionId_idx" ON "ResponseRecord"("questionId");

-- CreateIndex
CREATE INDEX "ResponseRecord_itemHash_idx" ON "ResponseRecord"("itemHash");

