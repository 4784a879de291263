// The portal's environment, validated once. Nothing else in the app reads process.env
// (scripts/ have their own env.ts: they run outside Next).
import { z } from "zod";
import { parseTrustProxy } from "@brokerage/api/trusted-proxy";

/** Unset and empty both mean "not configured": an empty line in a .env file is common. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** next-auth counts any non-empty value as "trust"; "false" and "0" read as intended. */
const flag = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== "" && !/^(false|0|no)$/i.test(value));

const schema = z.object({
  /** Unset is production: development defaults only when explicitly `development` or `test`. */
  NODE_ENV: z.enum(["development", "test", "production"]).optional(),
  /** Set by Next: "phase-production-build" while `next build` imports route modules. */
  NEXT_PHASE: optional(z.string()),
  DATABASE_URL: optional(z.string().min(1)),
  /** Redis for the shared rate-limit counters; unset, they live in PostgreSQL. */
  REDIS_URL: optional(z.string().min(1)),
  /** Put in front of every Redis key, so deployments can share one Redis without sharing counters. */
  REDIS_KEY_PREFIX: optional(z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, "REDIS_KEY_PREFIX: letters, digits and : _ . - (up to 64)")),
  /** Signs and encrypts the next-auth JWT. At least 32 characters. */
  AUTH_SECRET: optional(z.string().min(32, "AUTH_SECRET must be at least 32 characters")),
  /** Off Vercel, next-auth answers 500 on /api/auth/* unless the Host header is trusted. */
  AUTH_TRUST_HOST: flag,
  /**
   * Which proxies' X-Forwarded-For entries to believe: a hop count or a list of proxy
   * addresses/CIDR ranges (server/trusted-proxy.ts). Applied by scripts/start.ts; parsed
   * here too so a bad value fails every start.
   */
  TRUST_PROXY: z.string().optional().transform((value, ctx) => {
    try {
      return parseTrustProxy(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  }),
  /** Set in-process by scripts/start.ts at each start (never configured): see server/trusted-proxy.ts. */
  PORTAL_EDGE_TOKEN: optional(z.string().min(32)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Read by the api package too; listed here so a typo fails the portal's start. */
  DEV_MAILBOX: optional(z.enum(["true", "false"])),
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/ })),
  SMS_URL: optional(z.url({ protocol: /^https?$/ })),
  MAIL_FROM: optional(z.string().trim().min(3).max(320)),
  MESSAGE_ID_DOMAIN: optional(z.string().regex(/^[A-Za-z0-9.-]+$/)),
  DISPATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
  /** The public URL (links in e-mails); also tells whether the site is served over HTTPS. */
  PORTAL_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
  /** Signs the payment simulator's webhooks (and checks them). 32+ characters; required in production. */
  PAYMENT_WEBHOOK_SECRET: optional(z.string().min(32, "PAYMENT_WEBHOOK_SECRET must be at least 32 characters")),
  /**
   * How long a simulated payout stays pending before the simulator's bank pays it. The e2e
   * server shortens it; production keeps the default.
   */
  PAYMENT_SIMULATOR_PAYOUT_SETTLE_MS: z.coerce.number().int().min(0).max(86_400_000).default(10_000),
  /**
   * Origins (comma-separated, e.g. `https://terminal.example.com`) that may call the
   * customer HTTP API from a browser. Unset: CORS is off.
   */
  /** Prometheus metrics (GET /metrics) on this port of their own; unset, no metrics server. */
  METRICS_PORT: optional(z.coerce.number().int().min(1).max(65_535)),
  /** The interface of the metrics server: loopback unless your scraper runs elsewhere. */
  METRICS_HOST: z.string().trim().min(1).default("127.0.0.1"),
  /** How often the core recovery round runs (each instance tries; one at a time runs it). */
  RECOVERY_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  CORS_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
});

const parsed = schema.parse(process.env);

// Fails closed: anything but an explicit development or test environment is production
// (the fixed AUTH_SECRET, trusting any Host, insecure cookies are development defaults).
const isProduction = parsed.NODE_ENV !== "development" && parsed.NODE_ENV !== "test";
const isBuild = parsed.NEXT_PHASE === "phase-production-build";

// Worthless outside this machine; a production server refuses to start without a real one.
const DEVELOPMENT_AUTH_SECRET = "development-only-auth-secret-do-not-use-in-production";

function authSecret(): string | undefined {
  if (parsed.AUTH_SECRET) return parsed.AUTH_SECRET;
  // `next build` runs with NODE_ENV=production and no secrets; it never signs a token.
  if (isBuild) return undefined;
  if (isProduction) {
    throw new Error("AUTH_SECRET is required in production (32+ random characters; NODE_ENV unset counts as production)");
  }
  // Next evaluates this module once per bundle (proxy, routes, pages): say it once.
  const once = globalThis as { __portalDevSecretWarned?: boolean };
  if (!once.__portalDevSecretWarned) {
    once.__portalDevSecretWarned = true;
    console.warn("[env] AUTH_SECRET is not set: using a fixed development secret");
  }
  return DEVELOPMENT_AUTH_SECRET;
}

// The payment simulator's webhook secret outside production (documented in the README).
export const DEVELOPMENT_PAYMENT_WEBHOOK_SECRET = "development-only-payment-webhook-secret-do-not-use";

export const env = {
  ...parsed,
  isProduction,
  isDevelopment: parsed.NODE_ENV === "development",
  isBuild,
  AUTH_SECRET: authSecret(),
  /** Undefined in production when PAYMENT_WEBHOOK_SECRET is unset: the payment simulator then refuses to start. */
  PAYMENT_WEBHOOK_SECRET: parsed.PAYMENT_WEBHOOK_SECRET ?? (isProduction ? undefined : DEVELOPMENT_PAYMENT_WEBHOOK_SECRET),
};

/**
 * Called once when the server starts (instrumentation.ts), so a production server with a
 * missing setting stops at once instead of failing its first request. (AUTH_SECRET is
 * checked above, on import; the api package checks its own keys.)
 */
export function assertServerEnv(): void {
  if (isProduction && !isBuild && !parsed.DATABASE_URL) throw new Error("DATABASE_URL is required in production");
}
