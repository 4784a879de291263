import { DomainError } from "../errors";

/**
 * Seed 004's reserved names ("like admin or bank") and their kin: names that would let a
 * customer pass for the broker or its staff. Compared without letter case, spaces or
 * punctuation, so "Ad-min" and " BANK." are refused too.
 */
export const RESERVED_NAMES = [
  "admin",
  "administrator",
  "bank",
  "broker",
  "root",
  "system",
  "support",
  "staff",
  "operator",
  "compliance",
  "security",
  "exchange",
] as const;

const normalized = (name: string) =>
  name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

export function isReservedName(name: string): boolean {
  return (RESERVED_NAMES as readonly string[]).includes(normalized(name));
}

/** 409 RESERVED_NAME with a field error on each reserved field (e.g. firstName, lastName). */
export function assertNoReservedNames(fields: Record<string, string | undefined>): void {
  const reserved = Object.entries(fields).filter(([, v]) => v !== undefined && isReservedName(v));
  if (reserved.length > 0) {
    throw new DomainError("RESERVED_NAME", {
      fieldErrors: Object.fromEntries(reserved.map(([f]) => [f, ["This name is reserved"]])),
      fieldCodes: Object.fromEntries(reserved.map(([f]) => [f, ["RESERVED" as const]])),
    });
  }
}
