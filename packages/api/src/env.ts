import path from "node:path";
import { z } from "zod";
import { parseAdjustmentThresholds } from "./staff/adjustment-thresholds";

/**
 * Destination calling codes SMS may go to by default: the EEA (EU 27, Iceland,
 * Liechtenstein, Norway), the United Kingdom and Switzerland. ITU codes are prefix-free,
 * so a number is allowed when it starts with one of them.
 */
export const DEFAULT_SMS_COUNTRY_CODES = [
  "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
  "351", "352", "353", "354", "356", "357", "358", "359", "370", "371", "372", "385", "386", "420", "421", "423",
] as const;

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

const schema = z.object({
  /**
   * Unset is production (fails closed): development defaults (the fixed OTP key, the
   * development mailbox) only when it is explicitly `development` or `test`.
   */
  NODE_ENV: z.enum(["development", "test", "production"]).optional(),
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
  /** Sign-ups from one client address per hour (then 429 TOO_MANY_ATTEMPTS, nothing created). */
  SIGNUP_LIMIT_PER_ADDRESS: positiveInt(20),
  /** Sign-ups giving one phone number per day. */
  SIGNUP_LIMIT_PER_PHONE: positiveInt(10),
  /** SMS to one number per day; past it no SMS is queued (the phone stays unverified). */
  SMS_LIMIT_PER_NUMBER: positiveInt(5),
  /** SMS caused from one client address per day; past it no SMS is queued. */
  SMS_LIMIT_PER_ADDRESS: positiveInt(20),
  /**
   * Calling codes (comma-separated, `+` optional, `*` for any) SMS may be sent to; other
   * numbers are stored but get no SMS. Default: EEA, UK, CH.
   */
  SMS_ALLOWED_COUNTRY_CODES: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined || value.trim() === ""
        ? [...DEFAULT_SMS_COUNTRY_CODES]
        : value.split(",").map((code) => code.trim().replace(/^\+/, "")).filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^(\*|[1-9]\d{0,2})$/, "SMS_ALLOWED_COUNTRY_CODES: calling codes like 44 or +357, or *")).min(1)),
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
  /** Hours a customer who failed the appropriateness questionnaire waits before a retry. */
  APPROPRIATENESS_COOLING_OFF_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  /** Years audit events are kept; the purge job deletes older ones (and nothing else can). */
  AUDIT_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  /** Years after a closure that KYC records (profile, submissions, documents) are kept; then deleted. */
  KYC_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  /** Years after a closure that transaction records (accounts, movements, deposits, ...) are kept; then deleted. */
  TRANSACTION_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  /** Years after a closure that MiFID records (terms acceptances, assessments, category decisions) are kept. */
  CLIENT_RECORDS_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  /** Data exports one customer may download per day. */
  DATA_EXPORT_LIMIT_PER_DAY: positiveInt(5),
});

const parsed = schema.parse(process.env);

/** Development defaults apply: NODE_ENV is explicitly `development` or `test`. */
const developmentDefaults = parsed.NODE_ENV === "development" || parsed.NODE_ENV === "test";

/**
 * Validated at start-up: a missing key in production stops the server; elsewhere a fixed
 * development key is used (its secrets are worthless outside this machine).
 */
function otpKey(value: string | undefined): Buffer {
  if (!value) {
    if (!developmentDefaults) {
      throw new Error("OTP_ENCRYPTION_KEY is required unless NODE_ENV is development or test");
    }
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
  /** True only when NODE_ENV is explicitly `development` or `test`; unset is production. */
  developmentDefaults,
  devMailboxEnabled: parsed.DEV_MAILBOX ? parsed.DEV_MAILBOX === "true" : developmentDefaults,
};

/** Called by the server at start-up, so a bad configuration stops it at once. */
export function validateServerEnv(): void {
  void env.otpEncryptionKey;
}
