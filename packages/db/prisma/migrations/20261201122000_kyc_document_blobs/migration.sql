-- CreateTable: KYC files in the database, so that every instance serves what any stored.
-- The bytes are AES-256-GCM encrypted by the application (the key never reaches here).
CREATE TABLE "KycDocumentBlob" (
    "key" UUID NOT NULL,
    "iv" BYTEA NOT NULL,
    "tag" BYTEA NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KycDocumentBlob_pkey" PRIMARY KEY ("key")
);
