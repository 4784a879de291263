// The messaging part of the environment, validated once. Nothing else in this folder
// reads process.env.
import { z } from "zod";

/** Unset and empty both mean "not configured" (an empty line in a .env file is common). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const schema = z.object({
  /** Only the standalone dispatcher (run-dispatcher.ts) needs it. */
  DATABASE_URL: optional(z.string().min(1)),
  /** smtp://user:pass@host:587 or smtps://...:465; unset = the development mailbox. */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/ })),
  /** A generic HTTP SMS provider (POST JSON {to, body, id}); unset = the development mailbox. */
  SMS_URL: optional(z.url({ protocol: /^https?$/ })),
  /** The From header of every e-mail, e.g. `Portal <no-reply@broker.example>`. */
  MAIL_FROM: optional(z.string().trim().min(3).max(320)),
  /** The right-hand side of Message-IDs; defaults to MAIL_FROM's domain. */
  MESSAGE_ID_DOMAIN: optional(z.string().regex(/^[A-Za-z0-9.-]+$/)),
  /** How often the standalone dispatcher looks for due messages. */
  DISPATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
});

export type MessagingEnv = z.infer<typeof schema>;

export const messagingEnv: MessagingEnv = schema.parse(process.env);
