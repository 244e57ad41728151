-- CreateTable
CREATE TABLE "QueuedMail" (
    "id" TEXT NOT NULL,
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
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QueuedMail_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "QueuedMail" ADD CONSTRAINT "QueuedMail_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueuedMail" ADD CONSTRAINT "QueuedMail_cohortInvitationId_fkey" FOREIGN KEY ("cohortInvitationId") REFERENCES "CohortInvitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

