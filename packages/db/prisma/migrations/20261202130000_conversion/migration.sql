-- Currency conversion between a customer's own wallets: quotes (with their two legs) and
-- the spread tiers per conversion rate class.
CREATE TYPE "ConversionStatus" AS ENUM ('OPEN', 'ACCEPTED', 'SOLD', 'COMPLETED', 'FAILED', 'EXPIRED');

CREATE TABLE "ConversionQuote" (
    "id" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "fromAccountId" INTEGER NOT NULL,
    "toAccountId" INTEGER NOT NULL,
    "sellAmount" DECIMAL(18,2) NOT NULL,
    "sellCurrency" VARCHAR(3) NOT NULL,
    "buyAmount" DECIMAL(18,2) NOT NULL,
    "buyCurrency" VARCHAR(3) NOT NULL,
    "midRate" DECIMAL(24,8) NOT NULL,
    "rateAsOf" TIMESTAMPTZ(3) NOT NULL,
    "spread" DECIMAL(7,6) NOT NULL,
    "customerRate" DECIMAL(24,6) NOT NULL,
    "rateClass" INTEGER,
    "spreadTier" INTEGER NOT NULL,
    "status" "ConversionStatus" NOT NULL DEFAULT 'OPEN',
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "sellOperationId" TEXT,
    "buyOperationId" TEXT,
    "fromBalanceAfter" DECIMAL(18,2),
    "toBalanceAfter" DECIMAL(18,2),
    "failureCode" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConversionQuote_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ConversionQuote_customerId_createdAt_idx" ON "ConversionQuote"("customerId", "createdAt");
CREATE INDEX "ConversionQuote_status_acceptedAt_idx" ON "ConversionQuote"("status", "acceptedAt");
ALTER TABLE "ConversionQuote" ADD CONSTRAINT "ConversionQuote_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConversionQuote" ADD CONSTRAINT "ConversionQuote_fromAccountId_fkey" FOREIGN KEY ("fromAccountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConversionQuote" ADD CONSTRAINT "ConversionQuote_toAccountId_fkey" FOREIGN KEY ("toAccountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ConversionSpreadTier" (
    "rateClass" INTEGER NOT NULL,
    "spread" DECIMAL(7,6) NOT NULL,
    "description" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversionSpreadTier_pkey" PRIMARY KEY ("rateClass")
);

-- The tiers every deployment starts with (change them with SQL; no deploy needed).
INSERT INTO "ConversionSpreadTier" ("rateClass", "spread", "description") VALUES
    (0, 0.005000, 'Default: 0.50 %'),
    (1, 0.002500, 'Class 1: 0.25 %'),
    (2, 0.001000, 'Class 2: 0.10 %');
