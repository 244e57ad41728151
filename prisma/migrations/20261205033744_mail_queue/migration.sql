-- CreateTable
CREATE TABLE "QueuedMail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "teamId" TEXT,
    "invitationId" TEXT,
    "cohortId" TEXT,
    "cohortInvitationId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QueuedMail_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QueuedMail_cohortInvitationId_fkey" FOREIGN KEY ("cohortInvitationId") REFERENCES "CohortInvitation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QueuedMail_status_nextAttemptAt_idx" ON "QueuedMail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "QueuedMail_invitationId_idx" ON "QueuedMail"("invitationId");

-- CreateIndex
CREATE INDEX "QueuedMail_cohortInvitationId_idx" ON "QueuedMail"("cohortInvitationId");

-- CreateIndex
CREATE INDEX "QueuedMail_teamId_idx" ON "QueuedMail"("teamId");

-- CreateIndex
CREATE INDEX "QueuedMail_cohortId_idx" ON "QueuedMail"("cohortId");

