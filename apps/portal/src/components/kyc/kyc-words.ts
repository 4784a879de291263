// KYC codes as the customer and staff screens put them into words: each function returns
// a key of the `kyc` messages, so every sentence lives in messages/en/kyc.json.

export const KYC_STATUS_NAMES = [
  "NOT_REQUIRED",
  "PENDING_REVIEW",
  "REQUIRED",
  "APPROVED",
  "REJECTED",
] as const;
export type KycStatusName = (typeof KYC_STATUS_NAMES)[number];

/** The status name of a code (product.md "KYC status codes"); an unknown code reads as REQUIRED. */
export function statusNameOf(code: number): KycStatusName {
  return KYC_STATUS_NAMES[[0, 1, 2, 3, 4].indexOf(code)] ?? "REQUIRED";
}

export type KycReasonKey =
  "real_account_required" | "wallet_required" | "customer_request" | "other";

export function reasonKey(reason: string): KycReasonKey {
  return reason === "real_account_required" ||
    reason === "wallet_required" ||
    reason === "customer_request"
    ? reason
    : "other";
}

interface Requirement {
  level: number;
  reason: string;
}

/**
 * Why the customer is asked: the reasons of the requirements the verified level does not
 * cover yet (all of them once everything is verified), each once, in the order raised.
 */
export function outstandingReasons(
  requirements: readonly Requirement[],
  currentLevel: number,
): KycReasonKey[] {
  const open = requirements.filter((r) => r.level > currentLevel);
  const keys = (open.length > 0 ? open : requirements).map((r) => reasonKey(r.reason));
  return [...new Set(keys)];
}

export type KycLevelKey = "identity" | "proofOfAddress";

/** Level 1 = identity, level 2 = proof of address (product.md). */
export function levelKey(level: number): KycLevelKey {
  return level >= 2 ? "proofOfAddress" : "identity";
}

export type DocumentTypeKey = "passport" | "id_card" | "driving_licence";

export function isDocumentType(value: unknown): value is DocumentTypeKey {
  return value === "passport" || value === "id_card" || value === "driving_licence";
}

/** A file size for people: "812 bytes", "48 KB", "4.2 MB" (1 KB = 1024 bytes, as the 5 MB limit). */
export function formatFileSize(bytes: number): { unit: "bytes" | "kb" | "mb"; value: number } {
  if (bytes < 1024) return { unit: "bytes", value: bytes };
  if (bytes < 1024 * 1024) return { unit: "kb", value: Math.round(bytes / 1024) };
  return { unit: "mb", value: Math.round((bytes / (1024 * 1024)) * 10) / 10 };
}
