import { createHttpSmsProvider } from "./http-sms-provider";
import { createMailboxTransport } from "./mailbox-transport";
import { DEFAULT_MAIL_FROM } from "./message-id";
import { createSmtpTransport } from "./smtp-transport";
import type { Transports } from "./transport";

export interface TransportEnv {
  SMTP_URL?: string | undefined;
  SMS_URL?: string | undefined;
  MAIL_FROM?: string | undefined;
  MESSAGE_ID_DOMAIN?: string | undefined;
}

/**
 * SMTP when SMTP_URL is set, the HTTP SMS provider when SMS_URL is set; each channel
 * that is not configured goes to the development mailbox (check `kind` at start-up:
 * a production server should not report "mailbox").
 */
export function createTransportsFromEnv(env: TransportEnv): Transports {
  const mailbox = createMailboxTransport();
  const email = env.SMTP_URL
    ? createSmtpTransport(env.SMTP_URL, {
        from: env.MAIL_FROM ?? DEFAULT_MAIL_FROM,
        ...(env.MESSAGE_ID_DOMAIN ? { messageIdDomain: env.MESSAGE_ID_DOMAIN } : {}),
      })
    : mailbox;
  const sms = env.SMS_URL ? createHttpSmsProvider(env.SMS_URL) : mailbox;
  return { email, sms };
}
