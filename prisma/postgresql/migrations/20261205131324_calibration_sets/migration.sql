-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "calibrationVersion" TEXT;

-- CreateTable
CREATE TABLE "CalibrationSet" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "responses" INTEGER NOT NULL,
    "minResponses" INTEGER NOT NULL,
    "maxDifficultySe" DOUBLE PRECISION NOT NULL,
    "maxRelativeDiscriminationSe" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalibrationSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalibrationItem" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "itemHash" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "nominalDifficulty" DOUBLE PRECISION NOT NULL,
    "nominalDiscrimination" DOUBLE PRECISION NOT NULL,
    "guessing" DOUBLE PRECISION NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "discrimination" DOUBLE PRECISION NOT NULL,
    "difficultySe" DOUBLE PRECISION NOT NULL,
    "discriminationSe" DOUBLE PRECISION NOT NULL,
    "n" INTEGER NOT NULL,
    "usable" BOOLEAN NOT NULL,
    "drift" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "CalibrationItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationSet_version_key" ON "CalibrationSet"("version");

-- CreateIndex
CREATE INDEX "CalibrationItem_itemHash_idx" ON "CalibrationItem"("itemHash");

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationItem_setId_itemHash_key" ON "CalibrationItem"("setId", "itemHash");

-- AddForeignKey
ALTER TABLE "CalibrationItem" ADD CONSTRAINT "CalibrationItem_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CalibrationSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

