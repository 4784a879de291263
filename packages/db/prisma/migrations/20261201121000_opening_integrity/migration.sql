-- AlterEnum: an opening whose core call failed is final (ABANDONED); the recovery pass
-- archives in the core whatever that attempt may have created (DISCARDED).
ALTER TYPE "OpeningStatus" ADD VALUE 'ABANDONED';
ALTER TYPE "OpeningStatus" ADD VALUE 'DISCARDED';

-- AlterTable: one open wallet per customer and currency, enforced by the database. The
-- column holds the currency while the wallet is open and is NULL otherwise (NULLs never
-- conflict), so the unique index is expressible in schema.prisma.
ALTER TABLE "Account" ADD COLUMN "openWalletCurrency" VARCHAR(3);

-- Backfill: the oldest open wallet of each currency keeps the slot.
UPDATE "Account" a SET "openWalletCurrency" = a."currency"
  FROM (
    SELECT DISTINCT ON ("customerId", "currency") "id"
      FROM "Account"
     WHERE "kind" = 'WALLET' AND "archivedAt" IS NULL
     ORDER BY "customerId", "currency", "id"
  ) first_wallet
 WHERE a."id" = first_wallet."id";

-- CreateIndex
CREATE UNIQUE INDEX "Account_customerId_openWalletCurrency_key" ON "Account"("customerId", "openWalletCurrency");

-- AlterTable: an idempotency key is bound to its request (same key, other request: 409).
ALTER TABLE "AccountOpening" ADD COLUMN "requestFingerprint" TEXT;
