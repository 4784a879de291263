import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@brokerage/db";

export const RECOVERY_CODE_COUNT = 10;

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** `xxxxx-xxxxx`: 10 characters of a 31-letter alphabet, about 50 bits each. */
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** Codes are random and long, so a plain SHA-256 keeps them unusable at rest. */
export const hashRecoveryCode = (code: string) =>
  createHash("sha256").update(code.trim().toLowerCase().replace(/\s+/g, "")).digest("hex");

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}

/** A fresh set of RECOVERY_CODE_COUNT codes (customers' and staff's alike). */
export const newRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/** `xxxxx-xxxxx`, lower-case, whichever way it was typed: the form that is hashed. */
export const canonicalRecoveryCode = (code: string) => {
  const c = code.trim().toLowerCase().replace("-", "");
  return `${c.slice(0, 5)}-${c.slice(5)}`;
};

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
    where: { customerId, codeHash: hashRecoveryCode(canonicalRecoveryCode(code)), usedAt: null },
    data: { usedAt: now },
  });
  return used.count === 1;
}
