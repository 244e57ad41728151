-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "calibrationVersion" TEXT;

-- CreateTable
CREATE TABLE "CalibrationSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" TEXT NOT NULL,
    "responses" INTEGER NOT NULL,
    "minResponses" INTEGER NOT NULL,
    "maxDifficultySe" REAL NOT NULL,
    "maxRelativeDiscriminationSe" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CalibrationItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "itemHash" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "nominalDifficulty" REAL NOT NULL,
    "nominalDiscrimination" REAL NOT NULL,
    "guessing" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "discrimination" REAL NOT NULL,
    "difficultySe" REAL NOT NULL,
    "discriminationSe" REAL NOT NULL,
    "n" INTEGER NOT NULL,
    "usable" BOOLEAN NOT NULL,
    "drift" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "CalibrationItem_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CalibrationSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationSet_version_key" ON "CalibrationSet"("version");

-- CreateIndex
CREATE INDEX "CalibrationItem_itemHash_idx" ON "CalibrationItem"("itemHash");

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationItem_setId_itemHash_key" ON "CalibrationItem"("setId", "itemHash");

