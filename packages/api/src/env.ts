import path from "node:path";
import { z } from "zod";
import { parseAdjustmentThresholds } from "./staff/adjustment-thresholds";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * The development mailbox (/dev/mailbox and its procedure). On by default outside
   * production, off in production unless explicitly enabled (the e2e suite does).
   */
  DEV_MAILBOX: z.enum(["true", "false"]).optional(),
  /** 32 bytes, base64 or hex: the AES-256-GCM key of TOTP secrets at rest. */
  OTP_ENCRYPTION_KEY: z.string().optional(),
  /**
   * Keep uploaded KYC documents in this local directory (outside any web root; relative
   * to the working directory) instead of PostgreSQL: for a single instance only.
   */
  KYC_STORAGE_DIR: z.string().trim().min(1).optional(),
  /**
   * 32 bytes, base64 or hex: the AES-256-GCM key of KYC files at rest. Unset, one is
   * derived from OTP_ENCRYPTION_KEY (HKDF), so production needs no new variable.
   */
  KYC_DOCUMENTS_KEY: z.string().optional(),
  /** Where customers open the portal: single-use links in e-mails point here. */
  PORTAL_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
  /**
   * Staff balance adjustments strictly above these amounts wait for a second staff
   * member: `USD:1000.00,EUR:500.00,*:1000.00` (`*`: other currencies; default 1000.00).
   */
  ADJUSTMENT_APPROVAL_THRESHOLDS: z.string().optional(),
});

const parsed = schema.parse(process.env);

/**
 * Validated at start-up: a missing key in production stops the server; elsewhere a fixed
 * development key is used (its secrets are worthless outside this machine).
 */
function otpKey(value: string | undefined): Buffer {
  if (!value) {
    if (parsed.NODE_ENV === "production") throw new Error("OTP_ENCRYPTION_KEY is required in production");
    return Buffer.alloc(32, "development-only-otp-key");
  }
  return keyBytes("OTP_ENCRYPTION_KEY", value);
}

function keyBytes(name: string, value: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, in hex or base64`);
  return key;
}

let key: Buffer | undefined;

export const env = {
  ...parsed,
  /** Read lazily, so `next build` (NODE_ENV=production, no secrets) can import the router. */
  get otpEncryptionKey(): Buffer {
    key ??= otpKey(parsed.OTP_ENCRYPTION_KEY);
    return key;
  },
  get kycDocumentsKey(): Buffer | undefined {
    return parsed.KYC_DOCUMENTS_KEY ? keyBytes("KYC_DOCUMENTS_KEY", parsed.KYC_DOCUMENTS_KEY) : undefined;
  },
  get kycStorageDir(): string | undefined {
    return parsed.KYC_STORAGE_DIR ? path.resolve(parsed.KYC_STORAGE_DIR) : undefined;
  },
  adjustmentThresholds: parseAdjustmentThresholds(parsed.ADJUSTMENT_APPROVAL_THRESHOLDS),
  devMailboxEnabled: parsed.DEV_MAILBOX
    ? parsed.DEV_MAILBOX === "true"
    : parsed.NODE_ENV !== "production",
};

/** Called by the server at start-up, so a bad configuration stops it at once. */
export function validateServerEnv(): void {
  void env.otpEncryptionKey;
}
