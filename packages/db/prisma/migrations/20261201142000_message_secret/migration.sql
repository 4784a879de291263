-- AlterTable: the secret part of a message (a code, a single-use link) is kept apart from
-- the body, encrypted, and erased once the message has left for a real destination.
ALTER TABLE "Message" ADD COLUMN "secretEnc" TEXT;
