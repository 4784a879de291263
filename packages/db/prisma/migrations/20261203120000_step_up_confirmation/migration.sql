-- Step-up confirmation (issue 16): a challenge bound to one operation and a hash of its
-- canonical parameters, for one customer and one session, single use, 5 minutes, 5 tries.
-- Codes sent by e-mail or SMS live in VerificationCode under their own purpose; the
-- challenge names the one it sent (`codeId`), so a code confirms only its own challenge.
ALTER TYPE "CodePurpose" ADD VALUE 'STEP_UP';

CREATE TABLE "StepUpChallenge" (
    "id" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "sessionId" UUID NOT NULL,
    "operation" TEXT NOT NULL,
    "paramsHash" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "channels" TEXT[],
    "channel" TEXT,
    "codeId" UUID,
    "sendCount" INTEGER NOT NULL DEFAULT 0,
    "lastSentAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "consumedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StepUpChallenge_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "StepUpChallenge_customerId_createdAt_idx" ON "StepUpChallenge"("customerId", "createdAt");
CREATE INDEX "StepUpChallenge_sessionId_idx" ON "StepUpChallenge"("sessionId");
ALTER TABLE "StepUpChallenge" ADD CONSTRAINT "StepUpChallenge_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StepUpChallenge" ADD CONSTRAINT "StepUpChallenge_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
