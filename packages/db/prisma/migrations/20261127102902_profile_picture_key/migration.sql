-- AlterTable
ALTER TABLE "users" ADD COLUMN     "profile_picture_key" TEXT;
