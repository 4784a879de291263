import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import type { Prisma } from "@brokerage/db";
import { env } from "../env";

export const RECOVERY_CODE_COUNT = 10;

/** RFC 4648 base32, lower case: 32 symbols, so 5 random bits each and no modulo bias. */
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
const GROUPS = 6;
const GROUP_LENGTH = 4;

/**
 * `xxxx-xxxx-xxxx-xxxx-xxxx-xxxx`: 24 base32 characters, 120 random bits each code: at
 * least 112 bits, so a keyed standard hash stores it safely (ASVS 5.0 6.5.2).
 */
function newRecoveryCode(): string {
  const bytes = randomBytes(15);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let chars = "";
  for (let i = GROUPS * GROUP_LENGTH - 1; i >= 0; i--) chars += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return chars.match(new RegExp(`.{${GROUP_LENGTH}}`, "g"))!.join("-");
}

/** The code as typed, without spaces or hyphens, lower case. */
const canonical = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, "");

let derivedKey: Buffer | undefined;
/**
 * The HMAC key of recovery codes, derived (HKDF-SHA-256) from OTP_ENCRYPTION_KEY, so a
 * copy of the database alone cannot test guesses against the stored values.
 */
function recoveryCodeKey(): Buffer {
  derivedKey ??= Buffer.from(hkdfSync("sha256", env.otpEncryptionKey, Buffer.alloc(0), "brokerage recovery codes v1", 32));
  return derivedKey;
}

/** HMAC-SHA-256 under the server key: random 120-bit codes need no slow, salted hash on top. */
export const hashRecoveryCode = (code: string) => createHmac("sha256", recoveryCodeKey()).update(canonical(code)).digest("hex");

export function looksLikeRecoveryCode(code: string): boolean {
  return new RegExp(`^[${BASE32}]{${GROUPS * GROUP_LENGTH}}$`).test(canonical(code));
}

/** A fresh set of RECOVERY_CODE_COUNT codes (customers' and staff's alike). */
export const newRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/** Replaces the customer's recovery codes; returns the new ones, to be shown once. */
export async function replaceRecoveryCodes(
  tx: Pick<Prisma.TransactionClient, "recoveryCode">,
  customerId: number,
  now: Date,
): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { customerId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ customerId, codeHash: hashRecoveryCode(code), createdAt: now })),
  });
  return codes;
}

/** Uses up a recovery code: true once per code, even when two requests race. */
export async function useRecoveryCode(
  db: Pick<Prisma.TransactionClient, "recoveryCode">,
  customerId: number,
  code: string,
  now: Date,
): Promise<boolean> {
  const used = await db.recoveryCode.updateMany({
    where: { customerId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return used.count === 1;
}
