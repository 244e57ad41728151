-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "emailDomains" TEXT;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "joinedVia" TEXT;

