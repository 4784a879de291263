-- AlterTable: when the session's holder last entered the password or a second factor
-- (a sign-in counts). Sensitive changes need it within the last 5 minutes.
ALTER TABLE "Session" ADD COLUMN "reauthenticatedAt" TIMESTAMPTZ(3);
