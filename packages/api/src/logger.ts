import pino, { type Logger } from "pino";
import { env } from "./env";

export type { Logger };

/**
 * Structured JSON logs. Secrets are redacted by key wherever they appear, as a second
 * line of defence: code must not log them in the first place.
 */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? "portal",
    level: options.level ?? env.LOG_LEVEL,
    redact: {
      paths: [
        "password",
        "*.password",
        "*.*.password",
        "currentPassword",
        "*.currentPassword",
        "temporaryPassword",
        "*.temporaryPassword",
        "code",
        "*.code",
        "otpCode",
        "*.otpCode",
        "secret",
        "*.secret",
        "token",
        "*.token",
        "authorization",
        "*.authorization",
        "*.headers.authorization",
        "*.headers.cookie",
      ],
      censor: "[redacted]",
    },
  });
}
