-- Monthly account statements (issue 17): made on demand for a past UTC calendar month and
-- kept as issued, figures and the PDF and CSV bytes, so a later download is the same
-- document whatever changes afterwards. One per account and month.
CREATE TABLE "AccountStatement" (
    "id" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "openingBalance" DECIMAL(18,2) NOT NULL,
    "closingBalance" DECIMAL(18,2) NOT NULL,
    "credits" DECIMAL(18,2) NOT NULL,
    "debits" DECIMAL(18,2) NOT NULL,
    "fees" DECIMAL(18,2) NOT NULL,
    "movementCount" INTEGER NOT NULL,
    "pdf" BYTEA NOT NULL,
    "csv" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccountStatement_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AccountStatement_accountId_month_key" ON "AccountStatement"("accountId", "month");
CREATE INDEX "AccountStatement_customerId_idx" ON "AccountStatement"("customerId");
ALTER TABLE "AccountStatement" ADD CONSTRAINT "AccountStatement_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AccountStatement" ADD CONSTRAINT "AccountStatement_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
