-- CreateTable
CREATE TABLE "RateCounter" (
    "rule" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "endsAt" DATETIME NOT NULL,

    PRIMARY KEY ("rule", "key")
);

-- CreateIndex
CREATE INDEX "RateCounter_endsAt_idx" ON "RateCounter"("endsAt");

