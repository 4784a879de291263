// What a real payment provider does on its own time, done for the payment simulator inside
// the portal's server process: send due webhooks (to /api/payments/webhook), expire
// payments past their 30 minutes, and settle payouts pending for PAYMENT_SIMULATOR_PAYOUT_SETTLE_MS
// (10 s unless set; the e2e server shortens it).
// Every step is safe with several portal processes (leases, conditional updates, SKIP LOCKED).
import { env } from "~/env";
import { getPaymentSimulator } from "./deps";
import { getLogger } from "./logger";
import { onShutdown } from "./shutdown";

const STARTED = Symbol.for("brokerage.portal.payment-simulator-ticker");
const registry = globalThis as typeof globalThis & { [STARTED]?: true };

export function startPaymentSimulatorTicker(): void {
  if (registry[STARTED] || !env.DATABASE_URL || !env.PAYMENT_WEBHOOK_SECRET) return;
  registry[STARTED] = true;
  const logger = getLogger().child({ component: "payment-simulator" });
  const simulator = getPaymentSimulator();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      const expired = await simulator.expireDue();
      const payouts = await simulator.settlePayouts({ olderThanMs: env.PAYMENT_SIMULATOR_PAYOUT_SETTLE_MS });
      const webhooks = await simulator.deliverDueWebhooks();
      if (expired.expired + payouts.paid + payouts.failed + webhooks.requests + webhooks.lost > 0) {
        logger.debug({ expired, payouts, webhooks }, "payment simulator round");
      }
      if (webhooks.dead > 0)
        logger.warn({ dead: webhooks.dead }, "payment simulator gave up on webhooks");
    })()
      .catch((error: unknown) => logger.error({ err: error }, "payment simulator round failed"))
      .finally(() => {
        running = false;
      });
  }, env.DISPATCH_INTERVAL_MS);
  timer.unref();
  onShutdown("payment simulator ticker", () => clearInterval(timer));
}
