-- Retail-client compliance (issue 17): client categories and leverage caps, versioned
-- terms and their acceptances, the appropriateness questionnaire and its assessments.

-- CreateEnum
CREATE TYPE "ClientCategory" AS ENUM ('RETAIL', 'PROFESSIONAL');

-- AlterTable
ALTER TABLE "Brand" ADD COLUMN "retailLeverageCap" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN "professionalLeverageCap" INTEGER;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "clientCategory" "ClientCategory" NOT NULL DEFAULT 'RETAIL',
ADD COLUMN "closedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ClientCategoryChange" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "category" "ClientCategory" NOT NULL,
    "evidence" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientCategoryChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermsDocument" (
    "id" SERIAL NOT NULL,
    "brandId" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "material" BOOLEAN NOT NULL DEFAULT true,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "riskWarning" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TermsDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermsAcceptance" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "termsId" INTEGER NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TermsAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppropriatenessQuestionnaire" (
    "id" SERIAL NOT NULL,
    "brandId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "questions" JSONB NOT NULL,
    "passScore" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppropriatenessQuestionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppropriatenessAssessment" (
    "id" UUID NOT NULL,
    "customerId" INTEGER NOT NULL,
    "questionnaireId" INTEGER NOT NULL,
    "answers" JSONB NOT NULL,
    "score" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "retryAfter" TIMESTAMPTZ(3),
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AppropriatenessAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClientCategoryChange_customerId_createdAt_idx" ON "ClientCategoryChange"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TermsDocument_brandId_language_version_key" ON "TermsDocument"("brandId", "language", "version");

-- CreateIndex
CREATE UNIQUE INDEX "TermsAcceptance_customerId_termsId_key" ON "TermsAcceptance"("customerId", "termsId");

-- CreateIndex
CREATE INDEX "TermsAcceptance_customerId_acceptedAt_idx" ON "TermsAcceptance"("customerId", "acceptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AppropriatenessQuestionnaire_brandId_version_key" ON "AppropriatenessQuestionnaire"("brandId", "version");

-- CreateIndex
CREATE INDEX "AppropriatenessAssessment_customerId_createdAt_idx" ON "AppropriatenessAssessment"("customerId", "createdAt");

-- AddForeignKey
ALTER TABLE "ClientCategoryChange" ADD CONSTRAINT "ClientCategoryChange_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientCategoryChange" ADD CONSTRAINT "ClientCategoryChange_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsDocument" ADD CONSTRAINT "TermsDocument_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsAcceptance" ADD CONSTRAINT "TermsAcceptance_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsAcceptance" ADD CONSTRAINT "TermsAcceptance_termsId_fkey" FOREIGN KEY ("termsId") REFERENCES "TermsDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppropriatenessQuestionnaire" ADD CONSTRAINT "AppropriatenessQuestionnaire_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppropriatenessAssessment" ADD CONSTRAINT "AppropriatenessAssessment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppropriatenessAssessment" ADD CONSTRAINT "AppropriatenessAssessment_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "AppropriatenessQuestionnaire"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
