-- AlterTable
ALTER TABLE "CalibrationItem" ADD COLUMN "engineDiscrimination" REAL;

