-- The customer's money history, the house accounts and the dashboard's currency.
ALTER TABLE "Customer" ADD COLUMN "preferredCurrency" VARCHAR(3) NOT NULL DEFAULT 'USD';

CREATE TYPE "MovementKind" AS ENUM ('OPENING_DEPOSIT', 'DEPOSIT', 'WITHDRAWAL', 'TRANSFER', 'CONVERSION', 'ADJUSTMENT', 'REFUND', 'CHARGEBACK');
CREATE TYPE "MovementStatus" AS ENUM ('PENDING', 'COMPLETED', 'FAILED', 'CANCELED', 'REJECTED', 'EXPIRED');

CREATE TABLE "MoneyMovement" (
    "id" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "kind" "MovementKind" NOT NULL,
    "status" "MovementStatus" NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "counterpartyAccountId" INTEGER,
    "reference" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MoneyMovement_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MoneyMovement_reference_accountId_key" ON "MoneyMovement"("reference", "accountId");
CREATE INDEX "MoneyMovement_customerId_createdAt_idx" ON "MoneyMovement"("customerId", "createdAt");
CREATE INDEX "MoneyMovement_accountId_createdAt_idx" ON "MoneyMovement"("accountId", "createdAt");
ALTER TABLE "MoneyMovement" ADD CONSTRAINT "MoneyMovement_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MoneyMovement" ADD CONSTRAINT "MoneyMovement_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MoneyMovement" ADD CONSTRAINT "MoneyMovement_counterpartyAccountId_fkey" FOREIGN KEY ("counterpartyAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "HouseAccount" (
    "currency" VARCHAR(3) NOT NULL,
    "login" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseAccount_pkey" PRIMARY KEY ("currency")
);
CREATE UNIQUE INDEX "HouseAccount_login_key" ON "HouseAccount"("login");
