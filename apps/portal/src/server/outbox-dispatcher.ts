// The outbox dispatcher inside the portal's server process: it delivers the e-mails and
// SMS that features wrote to the Message table. Started once per process by
// instrumentation.ts; a deployment may instead run packages/api's run-dispatcher.ts alone.
import { closeTransports, createDispatcher, createTransportsFromEnv } from "@brokerage/api/messaging";
import { getDb } from "@brokerage/db/client";
import { env } from "~/env";
import { getLogger } from "./logger";

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

  // Next exits on its own after closing the HTTP server; stopping here lets the batch in
  // progress finish when there is time. When there is not, its lease expires and another
  // dispatcher sends it again (delivery is at least once, with a stable Message-ID).
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "outbox dispatcher stopping");
    void dispatcher
      .stop()
      .then(() => closeTransports(transports))
      .then(() => logger.info("outbox dispatcher stopped"))
      .catch((error: unknown) => logger.error({ err: error }, "outbox dispatcher did not stop cleanly"));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
