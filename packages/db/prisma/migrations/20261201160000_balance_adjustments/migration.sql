-- CreateEnum
CREATE TYPE "AdjustmentStatus" AS ENUM ('PENDING', 'APPLYING', 'APPLIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "AdjustmentType" AS ENUM ('DEPOSIT', 'WITHDRAWAL');

-- CreateTable
CREATE TABLE "BalanceAdjustment" (
    "id" UUID NOT NULL,
    "accountId" INTEGER NOT NULL,
    "type" "AdjustmentType" NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "comment" TEXT NOT NULL,
    "makerId" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "approvalRequired" BOOLEAN NOT NULL,
    "status" "AdjustmentStatus" NOT NULL,
    "checkerId" INTEGER,
    "rejectionReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "appliedAt" TIMESTAMPTZ(3),
    "operationId" TEXT,
    "balanceAfter" DECIMAL(18,2),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BalanceAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BalanceAdjustment_makerId_idempotencyKey_key" ON "BalanceAdjustment"("makerId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "BalanceAdjustment_status_createdAt_idx" ON "BalanceAdjustment"("status", "createdAt");

-- CreateIndex
CREATE INDEX "BalanceAdjustment_accountId_idx" ON "BalanceAdjustment"("accountId");

-- AddForeignKey
ALTER TABLE "BalanceAdjustment" ADD CONSTRAINT "BalanceAdjustment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalanceAdjustment" ADD CONSTRAINT "BalanceAdjustment_makerId_fkey" FOREIGN KEY ("makerId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalanceAdjustment" ADD CONSTRAINT "BalanceAdjustment_checkerId_fkey" FOREIGN KEY ("checkerId") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;
