import { createPaymentWebhookEndpoint, systemClock } from "@brokerage/api";
import { getDb } from "@brokerage/db/client";
import { env } from "~/env";
import { getPaymentProvider, getSimulator } from "~/server/deps";
import { getLogger } from "~/server/logger";

// Signed webhooks of the payment provider: no session, no CSRF token (the HMAC signature
// is the proof), never cached.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const endpoint = createPaymentWebhookEndpoint({
  deps: () => ({ db: getDb(), core: getSimulator().core, clock: systemClock, payments: getPaymentProvider() }),
  secret: () => env.PAYMENT_WEBHOOK_SECRET,
  logger: getLogger(),
});

export { endpoint as POST, endpoint as GET, endpoint as PUT, endpoint as PATCH, endpoint as DELETE };
