-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "selfRatingBiasMean" DOUBLE PRECISION,
ADD COLUMN     "selfRatingBiasSd" DOUBLE PRECISION,
ADD COLUMN     "selfRatingNoiseSd" DOUBLE PRECISION,
ADD COLUMN     "selfRatingStep" TEXT NOT NULL DEFAULT 'none';

-- CreateTable
CREATE TABLE "SelfRating" (
    "attemptId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "level" INTEGER,

    CONSTRAINT "SelfRating_pkey" PRIMARY KEY ("attemptId","skillId")
);

-- AddForeignKey
ALTER TABLE "SelfRating" ADD CONSTRAINT "SelfRating_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

