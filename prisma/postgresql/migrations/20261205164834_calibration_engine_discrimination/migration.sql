-- AlterTable
ALTER TABLE "CalibrationItem" ADD COLUMN     "engineDiscrimination" DOUBLE PRECISION;

