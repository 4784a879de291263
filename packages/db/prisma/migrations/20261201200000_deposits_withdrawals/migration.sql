-- Deposits through the payment provider, payout methods, withdrawals, provider events.
CREATE TYPE "PaymentDepositStatus" AS ENUM ('CREATING', 'AWAITING_PAYMENT', 'PAID', 'CREDITED', 'DECLINED', 'EXPIRED', 'CANCELED', 'CREDIT_REFUSED');
CREATE TYPE "WithdrawalStatus" AS ENUM ('HOLDING', 'PENDING', 'APPROVED', 'PAYING', 'PAID', 'RELEASING', 'REJECTED', 'CANCELED', 'FAILED', 'ABANDONED', 'DISCARDED');
CREATE TYPE "PayoutKind" AS ENUM ('BANK', 'CARD_REFUND');

CREATE TABLE "Deposit" (
    "id" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" "PaymentDepositStatus" NOT NULL DEFAULT 'CREATING',
    "idempotencyKey" TEXT NOT NULL,
    "providerPaymentId" TEXT,
    "paymentPageUrl" TEXT,
    "cardBrand" TEXT,
    "cardLast4" VARCHAR(4),
    "refundedAmount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "chargedBackAmount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "unrecoveredAmount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "creditedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Deposit_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Deposit_providerPaymentId_key" ON "Deposit"("providerPaymentId");
CREATE UNIQUE INDEX "Deposit_customerId_idempotencyKey_key" ON "Deposit"("customerId", "idempotencyKey");
CREATE INDEX "Deposit_status_updatedAt_idx" ON "Deposit"("status", "updatedAt");
CREATE INDEX "Deposit_customerId_createdAt_idx" ON "Deposit"("customerId", "createdAt");
ALTER TABLE "Deposit" ADD CONSTRAINT "Deposit_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Deposit" ADD CONSTRAINT "Deposit_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "PayoutMethod" (
    "id" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "ibanEnc" TEXT NOT NULL,
    "ibanLast4" VARCHAR(4) NOT NULL,
    "country" VARCHAR(2) NOT NULL,
    "bic" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "removedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PayoutMethod_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PayoutMethod_customerId_idx" ON "PayoutMethod"("customerId");
ALTER TABLE "PayoutMethod" ADD CONSTRAINT "PayoutMethod_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "Withdrawal" (
    "id" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" "WithdrawalStatus" NOT NULL DEFAULT 'HOLDING',
    "releaseOutcome" "WithdrawalStatus",
    "payoutKind" "PayoutKind" NOT NULL,
    "payoutMethodId" UUID,
    "depositId" UUID,
    "idempotencyKey" TEXT NOT NULL,
    "providerPayoutId" TEXT,
    "deciderId" INTEGER,
    "rejectionReason" TEXT,
    "failureReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "paidAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Withdrawal_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Withdrawal_providerPayoutId_key" ON "Withdrawal"("providerPayoutId");
CREATE UNIQUE INDEX "Withdrawal_customerId_idempotencyKey_key" ON "Withdrawal"("customerId", "idempotencyKey");
CREATE INDEX "Withdrawal_status_createdAt_idx" ON "Withdrawal"("status", "createdAt");
CREATE INDEX "Withdrawal_customerId_createdAt_idx" ON "Withdrawal"("customerId", "createdAt");
CREATE INDEX "Withdrawal_depositId_idx" ON "Withdrawal"("depositId");
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_payoutMethodId_fkey" FOREIGN KEY ("payoutMethodId") REFERENCES "PayoutMethod"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_depositId_fkey" FOREIGN KEY ("depositId") REFERENCES "Deposit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "PaymentEventReceipt" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PaymentEventReceipt_pkey" PRIMARY KEY ("id")
);
