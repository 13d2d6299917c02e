-- AlterEnum
ALTER TYPE "token_purpose" ADD VALUE 'confirm_email';

-- AlterTable
ALTER TABLE "one_time_tokens" ADD COLUMN     "email" VARCHAR(254);

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "pending_email" VARCHAR(254);
