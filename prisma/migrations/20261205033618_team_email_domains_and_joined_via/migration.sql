-- AlterTable
ALTER TABLE "Team" ADD COLUMN "emailDomains" TEXT;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "joinedVia" TEXT;


-- Every owner so far created their team (ownership could not be handed over yet).
UPDATE "Membership" SET "joinedVia" = 'created' WHERE "role" = 'owner';
