// The outbox: features enqueue messages inside their own transaction; a dispatcher
// (in the server process, or run-dispatcher.ts alone) delivers them at least once.
export { enqueueMessage, type EnqueueMessageInput, type MessageWriter } from "./enqueue";
export {
  createDispatcher,
  type Dispatcher,
  type DispatcherDb,
  type DispatcherLogger,
  type DispatcherOptions,
  type DispatchResult,
} from "./dispatcher";
export { exponentialBackoff } from "./backoff";
export { listMailbox, type MailboxMessage, type MailboxReader } from "./mailbox";
export {
  closeTransports,
  type EmailTransport,
  type OutgoingEmail,
  type OutgoingSms,
  type SendOptions,
  type SmsTransport,
  type Transports,
} from "./transport";
export { DeliveryError } from "./delivery-error";
export { createSmtpTransport, type SmtpTransportOptions } from "./smtp-transport";
export { createHttpSmsProvider, type HttpSmsProviderOptions } from "./http-sms-provider";
export { createMailboxTransport } from "./mailbox-transport";
export { createTransportsFromEnv, type TransportEnv } from "./transports-from-env";
export { messageIdFor } from "./message-id";
export { ERASED_SECRET, renderMessageBody, SECRET_PLACEHOLDER } from "./secret-payload";
export { messagingEnv, type MessagingEnv } from "./env";
export * from "./templates";
export { maskEmail, maskMiddle, maskPhone, phoneEnding } from "./masking";
