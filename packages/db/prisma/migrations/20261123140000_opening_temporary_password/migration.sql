-- AlterTable
ALTER TABLE "AccountOpening" ADD COLUMN     "temporaryPasswordEnc" TEXT;
