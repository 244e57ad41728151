-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "seenQuestionIds" TEXT NOT NULL DEFAULT '[]';

