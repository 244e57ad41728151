-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "abilityOther" DOUBLE PRECISION,
ADD COLUMN     "abilitySdOther" DOUBLE PRECISION,
ADD COLUMN     "calibrationVersion" TEXT,
ADD COLUMN     "evidence" TEXT;

-- CreateIndex
CREATE INDEX "Answer_evidence_questionId_idx" ON "Answer"("evidence", "questionId");


-- Scored answers are kept live on "Answer" (evidence = 'live' | 'demo'); when their attempt is
-- deleted — one attempt, the 90-day purge, an account deleted with its attempts — each is copied
-- into the anonymised "ResponseRecord" first, with no link back: a random id, the UTC day it was
-- answered (decision 013). A trigger, so every path that deletes an attempt keeps the evidence;
-- PostgreSQL fires row triggers for the rows ON DELETE CASCADE removes too.
CREATE OR REPLACE FUNCTION "Answer_keep_evidence"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ResponseRecord" ("id", "questionId", "itemHash", "skillId", "chosenOptionIds", "isDontKnow", "isCorrect", "abilityOther", "abilitySdOther", "msOnItem", "calibrationVersion", "difficulty", "discrimination", "guessing", "demo", "createdAt")
  VALUES ('r' || replace(gen_random_uuid()::text, '-', ''), OLD."questionId", OLD."itemHash", OLD."skillId", OLD."chosenOptionIds", OLD."isDontKnow", OLD."isCorrect", OLD."abilityOther", OLD."abilitySdOther", OLD."msOnItem", OLD."calibrationVersion", OLD."difficulty", OLD."discrimination", OLD."guessing", OLD."evidence" = 'demo', date_trunc('day', OLD."answeredAt"));
  RETURN OLD;
END
$$;
CREATE TRIGGER "Answer_keep_evidence" BEFORE DELETE ON "Answer"
FOR EACH ROW WHEN (OLD."evidence" IS NOT NULL AND OLD."itemHash" IS NOT NULL)
EXECUTE FUNCTION "Answer_keep_evidence"();
