-- CreateEnum
CREATE TYPE "TradingPasswordType" AS ENUM ('MAIN', 'INVESTOR');

-- AlterEnum
ALTER TYPE "ArchivalStatus" ADD VALUE 'FAILED';

-- AlterTable
ALTER TABLE "AccountArchival" ADD COLUMN     "lastError" TEXT;

-- CreateTable
CREATE TABLE "TradingPasswordFlow" (
    "id" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "passwordType" "TradingPasswordType" NOT NULL,
    "recipient" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TradingPasswordFlow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordRestoreLink" (
    "id" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "passwordType" "TradingPasswordType" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "passwordEnc" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordRestoreLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountArchival_status_createdAt_idx" ON "AccountArchival"("status", "createdAt");

-- CreateIndex
CREATE INDEX "TradingPasswordFlow_accountId_passwordType_idx" ON "TradingPasswordFlow"("accountId", "passwordType");

-- CreateIndex
CREATE INDEX "TradingPasswordFlow_customerId_idx" ON "TradingPasswordFlow"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordRestoreLink_tokenHash_key" ON "PasswordRestoreLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordRestoreLink_accountId_passwordType_idx" ON "PasswordRestoreLink"("accountId", "passwordType");

-- CreateIndex
CREATE INDEX "PasswordRestoreLink_customerId_idx" ON "PasswordRestoreLink"("customerId");

-- AddForeignKey
ALTER TABLE "TradingPasswordFlow" ADD CONSTRAINT "TradingPasswordFlow_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TradingPasswordFlow" ADD CONSTRAINT "TradingPasswordFlow_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordRestoreLink" ADD CONSTRAINT "PasswordRestoreLink_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordRestoreLink" ADD CONSTRAINT "PasswordRestoreLink_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
