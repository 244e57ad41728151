-- CreateTable
CREATE TABLE "RightsChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "subjectId" TEXT,
    "rightName" TEXT NOT NULL,
    "isGranted" BOOLEAN NOT NULL,
    "via" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RightsChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RightsChange_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuestionReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "attemptId" TEXT,
    "reason" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "resolutionNote" TEXT,
    CONSTRAINT "QuestionReport_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "QuestionReport_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_QuestionReport" ("attemptId", "contentHash", "createdAt", "details", "id", "questionId", "reason") SELECT "attemptId", "contentHash", "createdAt", "details", "id", "questionId", "reason" FROM "QuestionReport";
DROP TABLE "QuestionReport";
ALTER TABLE "new_QuestionReport" RENAME TO "QuestionReport";
CREATE INDEX "QuestionReport_questionId_idx" ON "QuestionReport"("questionId");
CREATE INDEX "QuestionReport_createdAt_idx" ON "QuestionReport"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RightsChange_createdAt_idx" ON "RightsChange"("createdAt");

-- CreateIndex
CREATE INDEX "RightsChange_subjectId_idx" ON "RightsChange"("subjectId");

-- CreateIndex
CREATE INDEX "RightsChange_actorId_idx" ON "RightsChange"("actorId");

