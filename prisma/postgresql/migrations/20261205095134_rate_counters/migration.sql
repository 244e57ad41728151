-- CreateTable
CREATE TABLE "RateCounter" (
    "rule" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateCounter_pkey" PRIMARY KEY ("rule","key")
);

-- CreateIndex
CREATE INDEX "RateCounter_endsAt_idx" ON "RateCounter"("endsAt");

