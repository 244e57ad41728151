-- AlterTable
ALTER TABLE "QuestionReport" ADD COLUMN     "resolutionNote" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedById" TEXT;

-- CreateTable
CREATE TABLE "RightsChange" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "subjectId" TEXT,
    "rightName" TEXT NOT NULL,
    "isGranted" BOOLEAN NOT NULL,
    "via" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RightsChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RightsChange_createdAt_idx" ON "RightsChange"("createdAt");

-- CreateIndex
CREATE INDEX "RightsChange_subjectId_idx" ON "RightsChange"("subjectId");

-- CreateIndex
CREATE INDEX "RightsChange_actorId_idx" ON "RightsChange"("actorId");

-- AddForeignKey
ALTER TABLE "QuestionReport" ADD CONSTRAINT "QuestionReport_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsChange" ADD CONSTRAINT "RightsChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsChange" ADD CONSTRAINT "RightsChange_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

