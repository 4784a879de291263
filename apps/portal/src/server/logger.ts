import "server-only";
import { createLogger, type Logger } from "@brokerage/api";
import { env } from "~/env";

let logger: Logger | undefined;

/** One pino logger per server process; requests log through `child({ requestId })`. */
export function getLogger(): Logger {
  logger ??= createLogger({ name: "portal", level: env.LOG_LEVEL });
  return logger;
}
