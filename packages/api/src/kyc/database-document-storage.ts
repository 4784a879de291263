import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Database } from "@brokerage/db";
import { env } from "../env";
import type { DocumentStorage } from "./document-storage";

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** KYC_DOCUMENTS_KEY when set, else a key of its own derived from OTP_ENCRYPTION_KEY. */
export function documentsKey(): Buffer {
  return env.kycDocumentsKey ?? Buffer.from(hkdfSync("sha256", env.otpEncryptionKey, Buffer.alloc(0), "brokerage kyc documents v1", 32));
}

/**
 * KYC files in PostgreSQL (the default): every portal and API server instance serves a
 * document any of them stored. Each file is AES-256-GCM encrypted with a fresh IV, its key
 * bound in as associated data, so a blob copied under another key does not decrypt.
 */
export function createDatabaseDocumentStorage(db: Database, key: Buffer = documentsKey()): DocumentStorage {
  const check = (documentKey: string) => {
    if (!KEY.test(documentKey)) throw new Error("Invalid document storage key");
    return documentKey;
  };
  return {
    async put(documentKey, bytes) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(check(documentKey)));
      const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
      // create, not upsert: a key is written once, never replaced.
      await db.kycDocumentBlob.create({
        data: { key: documentKey, iv, tag: cipher.getAuthTag(), ciphertext: new Uint8Array(ciphertext) },
      });
    },
    async get(documentKey) {
      const blob = await db.kycDocumentBlob.findUnique({ where: { key: check(documentKey) } });
      if (!blob) throw new Error(`No document stored under ${documentKey}`);
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(blob.iv));
      decipher.setAAD(Buffer.from(documentKey));
      decipher.setAuthTag(Buffer.from(blob.tag));
      return Buffer.concat([decipher.update(Buffer.from(blob.ciphertext)), decipher.final()]);
    },
    async delete(documentKey) {
      await db.kycDocumentBlob.deleteMany({ where: { key: check(documentKey) } });
    },
  };
}
