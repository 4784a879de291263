// The outbox dispatcher inside the portal's server process: it delivers the e-mails and
// SMS that features wrote to the Message table. Started once per process by
// instrumentation.ts; a deployment may instead run packages/api's run-dispatcher.ts alone.
import { closeTransports, createDispatcher, createTransportsFromEnv } from "@brokerage/api/messaging";
import { getDb } from "@brokerage/db/client";
import { env } from "~/env";
import { getLogger } from "./logger";
import { onShutdown } from "./shutdown";

const STARTED = Symbol.for("brokerage.portal.outbox-dispatcher");
const registry = globalThis as typeof globalThis & { [STARTED]?: true };

export function startOutboxDispatcher(): void {
  // Next may evaluate instrumentation more than once per process (development reloads).
  if (registry[STARTED]) return;
  const logger = getLogger().child({ component: "outbox-dispatcher" });
  if (!env.DATABASE_URL) {
    logger.warn("DATABASE_URL is not set: the outbox dispatcher is not started");
    return;
  }
  registry[STARTED] = true;

  const transports = createTransportsFromEnv(env);
  const dispatcher = createDispatcher({ db: getDb(), transports, logger });
  if (env.isProduction && (transports.email.kind === "mailbox" || transports.sms.kind === "mailbox")) {
    logger.warn(
      { email: transports.email.kind, sms: transports.sms.kind },
      "messages go to the development mailbox: set SMTP_URL and SMS_URL to deliver them",
    );
  }
  dispatcher.start(env.DISPATCH_INTERVAL_MS);
  logger.info(
    { email: transports.email.kind, sms: transports.sms.kind, intervalMs: env.DISPATCH_INTERVAL_MS },
    "outbox dispatcher started",
  );

  // The production start waits for this stop before it exits: the message in hand is
  // marked SENT, the rest of the batch is handed back for another instance at once. A
  // process that dies mid-send instead leaves its lease to expire, and another dispatcher
  // sends the message again (at least once, with a stable Message-ID).
  onShutdown("outbox dispatcher", async () => {
    logger.info("outbox dispatcher stopping");
    await dispatcher.stop();
    await closeTransports(transports);
    logger.info("outbox dispatcher stopped");
  });
}
