import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "../env";

/**
 * AES-256-GCM for secrets kept at rest (TOTP secrets). The stored form is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url, so the key can be rotated later by version.
 */
export function encryptSecret(plain: string, key: Buffer = env.otpEncryptionKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(stored: string, key: Buffer = env.otpEncryptionKey): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("unreadable encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
