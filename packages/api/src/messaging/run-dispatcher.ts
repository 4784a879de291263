// The dispatcher on its own, for a deployment that runs it beside the portal:
//   DATABASE_URL=... [SMTP_URL=...] [SMS_URL=...] tsx packages/api/src/messaging/run-dispatcher.ts
// It loops until SIGTERM or SIGINT, then finishes the batch in progress and exits.
import { createPrismaClient } from "@brokerage/db";
import { createLogger } from "../logger";
import { createDispatcher } from "./dispatcher";
import { messagingEnv } from "./env";
import { closeTransports } from "./transport";
import { createTransportsFromEnv } from "./transports-from-env";

const logger = createLogger({ name: "dispatcher" });

if (!messagingEnv.DATABASE_URL) {
  logger.fatal("DATABASE_URL is not set");
  process.exit(1);
}

const db = createPrismaClient(messagingEnv.DATABASE_URL, { max: 2 });
const transports = createTransportsFromEnv(messagingEnv);
const dispatcher = createDispatcher({ db, transports, logger });

logger.info(
  { email: transports.email.kind, sms: transports.sms.kind, intervalMs: messagingEnv.DISPATCH_INTERVAL_MS },
  "dispatcher started",
);
dispatcher.start(messagingEnv.DISPATCH_INTERVAL_MS);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "dispatcher stopping");
  try {
    await dispatcher.stop();
    await closeTransports(transports);
    await db.$disconnect();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
