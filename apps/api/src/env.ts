// The API server's environment, validated once; nothing else here reads process.env. The
// router's own settings (OTP_ENCRYPTION_KEY, PORTAL_BASE_URL, KYC_STORAGE_DIR, ...) are
// validated by @brokerage/api; the server shares them with the portal.
import { parseTrustProxy } from "@brokerage/api/trusted-proxy";
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  /** The interface to listen on; all of them by default (a container's port mapping). */
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
  /** Redis for the shared rate-limit counters; unset, they live in PostgreSQL. */
  REDIS_URL: optional(z.string().min(1)),
  /** Put in front of every Redis key, as for the portal. */
  REDIS_KEY_PREFIX: optional(z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, "REDIS_KEY_PREFIX: letters, digits and : _ . - (up to 64)")),
  /**
   * Behind a reverse proxy: which proxies' X-Forwarded-For entries are believed, a hop
   * count (`1`) or a comma-separated list of proxy addresses/CIDR ranges, as for the
   * portal. Unset: the socket's address, never a header.
   */
  TRUST_PROXY: z.string().optional().transform((value, ctx) => {
    try {
      return parseTrustProxy(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  }),
  CORS_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  /** Prometheus metrics (GET /metrics) on this port of their own; unset, no metrics server. */
  METRICS_PORT: optional(z.coerce.number().int().min(1).max(65_535)),
  /** The interface of the metrics server: loopback unless your scraper runs elsewhere. */
  METRICS_HOST: z.string().trim().min(1).default("127.0.0.1"),
  /** Connections of each pool (the router's and the simulator's) per process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * The payment simulator's webhook secret, as the portal's (deposits and payouts asked for
   * through this server are the portal's simulator's; its webhooks go to the portal). Unset:
   * deposits and withdrawals here answer 503 PAYMENT_PROVIDER_NOT_AVAILABLE.
   */
  /** The portal's public address: the payment page and the webhooks live there. */
  PORTAL_BASE_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000").transform((url) => url.replace(/\/+$/, "")),
  PAYMENT_WEBHOOK_SECRET: optional(z.string().min(32, "PAYMENT_WEBHOOK_SECRET must be at least 32 characters")),
  /** How long a graceful stop waits for requests in flight before it closes them. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

export type ApiServerEnv = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): ApiServerEnv {
  return schema.parse(source);
}
