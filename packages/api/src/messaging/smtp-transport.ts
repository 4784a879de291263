import nodemailer from "nodemailer";
import { DeliveryError } from "./delivery-error";
import { DEFAULT_MAIL_FROM, domainOfAddress, messageIdFor } from "./message-id";
import type { EmailTransport } from "./transport";

export interface SmtpTransportOptions {
  /** The From header, e.g. `Portal <no-reply@broker.example>`. */
  from?: string;
  /** Right-hand side of the Message-ID; defaults to the From address's domain. */
  messageIdDomain?: string;
  /** Connection, greeting and socket-inactivity timeout. Keep it below the dispatcher's sendTimeoutMs. */
  timeoutMs?: number;
  /** Pooled connections (reused between messages). */
  maxConnections?: number;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

/**
 * A 5xx to MAIL FROM, RCPT TO or DATA is about this message or recipient: retrying will
 * not help. Other errors (network, timeouts, 4xx, and also a 5xx to AUTH, which is our
 * configuration and would fail every message) are retried.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  const e = (typeof error === "object" && error !== null ? error : {}) as SmtpError;
  const code = e.responseCode;
  const aboutMessage = e.code === "EENVELOPE" || e.code === "EMESSAGE";
  const permanent = aboutMessage && typeof code === "number" && code >= 500 && code < 600;
  const detail = e.response ?? e.message ?? String(error);
  const label = code ? `smtp ${code}` : `smtp ${e.code ?? "error"}`;
  return new DeliveryError(`${label}${e.command ? ` (${e.command})` : ""}: ${detail}`, { permanent, cause: error });
}

/** E-mail over SMTP (`smtp://` or `smtps://` URL, credentials in the URL). */
export function createSmtpTransport(url: string, options: SmtpTransportOptions = {}): EmailTransport {
  const from = options.from ?? DEFAULT_MAIL_FROM;
  const domain = options.messageIdDomain ?? domainOfAddress(from) ?? "portal.local";
  const timeout = options.timeoutMs ?? 10_000;
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 2,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  return {
    kind: "smtp",
    async send(email) {
      let info: { rejected?: unknown[] };
      try {
        info = await transporter.sendMail({
          from,
          to: email.to,
          subject: email.subject,
          text: email.body,
          messageId: messageIdFor(email.id, domain),
          headers: { "Auto-Submitted": "auto-generated" },
        });
      } catch (error) {
        throw toDeliveryError(error);
      }
      // With one recipient a rejection is an error above; this guards partial acceptance.
      if (info.rejected && info.rejected.length > 0) {
        throw new DeliveryError("smtp: recipient rejected", { permanent: true });
      }
    },
    close() {
      transporter.close();
    },
  };
}
