-- AlterTable
ALTER TABLE "Answer" ADD COLUMN "abilityOther" REAL;
ALTER TABLE "Answer" ADD COLUMN "abilitySdOther" REAL;
ALTER TABLE "Answer" ADD COLUMN "calibrationVersion" TEXT;
ALTER TABLE "Answer" ADD COLUMN "evidence" TEXT;

-- CreateIndex
CREATE INDEX "Answer_evidence_questionId_idx" ON "Answer"("evidence", "questionId");


-- Scored answers are kept live on "Answer" (evidence = 'live' | 'demo'); when their attempt is
-- deleted — one attempt, the 90-day purge, an account deleted with its attempts — each is copied
-- into the anonymised "ResponseRecord" first, with no link back: a random id, the UTC day it was
-- answered (decision 013). A trigger, so every path that deletes an attempt keeps the evidence.
-- SQLite fires it for the rows a foreign key's ON DELETE CASCADE removes too. Prisma does not know
-- the trigger: a later migration that rebuilds "Answer" drops it with the table, and one that
-- rebuilds "ResponseRecord" fails on it — such a migration must drop and re-create it (npm run
-- db:new-migration warns).
CREATE TRIGGER "Answer_keep_evidence" BEFORE DELETE ON "Answer"
FOR EACH ROW WHEN OLD."evidence" IS NOT NULL AND OLD."itemHash" IS NOT NULL
BEGIN
  INSERT INTO "ResponseRecord" ("id", "questionId", "itemHash", "skillId", "chosenOptionIds", "isDontKnow", "isCorrect", "abilityOther", "abilitySdOther", "msOnItem", "calibrationVersion", "difficulty", "discrimination", "guessing", "demo", "createdAt")
  VALUES ('r' || lower(hex(randomblob(12))), OLD."questionId", OLD."itemHash", OLD."skillId", OLD."chosenOptionIds", OLD."isDontKnow", OLD."isCorrect", OLD."abilityOther", OLD."abilitySdOther", OLD."msOnItem", OLD."calibrationVersion", OLD."difficulty", OLD."discrimination", OLD."guessing", OLD."evidence" = 'demo',
    -- The day in the adapter's own format; rows from older Prisma versions hold epoch milliseconds.
    COALESCE(
      CASE WHEN typeof(OLD."answeredAt") IN ('integer', 'real')
        THEN strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."answeredAt" / 1000, 'unixepoch')
        ELSE strftime('%Y-%m-%dT00:00:00.000+00:00', OLD."answeredAt") END,
      strftime('%Y-%m-%dT00:00:00.000+00:00', 'now')));
END;
