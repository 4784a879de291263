// What the dispatcher needs from a channel. A transport resolves once the far end has
// taken the message (SMTP 250, HTTP 2xx) and throws otherwise; throwing a
// DeliveryError with `permanent: true` fails the message at once instead of retrying.

export interface OutgoingEmail {
  /** The Message row's uuid: the stable Message-ID is derived from it. */
  id: string;
  to: string;
  subject: string;
  /** Plain text. */
  body: string;
}

export interface OutgoingSms {
  /** The Message row's uuid, sent along so a provider can deduplicate retries. */
  id: string;
  /** E.164. */
  to: string;
  body: string;
}

export interface SendOptions {
  /** Aborted when the dispatcher gives up waiting (its send timeout). */
  signal?: AbortSignal;
}

export interface EmailTransport {
  /** For logs: "smtp", "mailbox", ... */
  readonly kind: string;
  send(email: OutgoingEmail, options?: SendOptions): Promise<void>;
  close?(): Promise<void> | void;
}

export interface SmsTransport {
  readonly kind: string;
  send(sms: OutgoingSms, options?: SendOptions): Promise<void>;
  close?(): Promise<void> | void;
}

export interface Transports {
  email: EmailTransport;
  sms: SmsTransport;
}

/** Closes pooled connections; the dispatcher never does it, the transports' owner does. */
export async function closeTransports(transports: Transports): Promise<void> {
  await transports.email.close?.();
  if ((transports.sms as unknown) !== (transports.email as unknown)) await transports.sms.close?.();
}
