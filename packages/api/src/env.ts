import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * The development mailbox (/dev/mailbox and its procedure). On by default outside
   * production, off in production unless explicitly enabled (the e2e suite does).
   */
  DEV_MAILBOX: z.enum(["true", "false"]).optional(),
});

const parsed = schema.parse(process.env);

export const env = {
  ...parsed,
  devMailboxEnabled: parsed.DEV_MAILBOX
    ? parsed.DEV_MAILBOX === "true"
    : parsed.NODE_ENV !== "production",
};
