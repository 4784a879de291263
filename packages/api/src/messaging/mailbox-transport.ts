import type { EmailTransport, SmsTransport } from "./transport";

/**
 * The development mailbox: delivering is a no-op, so the dispatcher marks the message
 * SENT and it stays in the Message table, where /dev/mailbox (listMailbox) shows it.
 * Nothing leaves the machine.
 */
export function createMailboxTransport(): EmailTransport & SmsTransport {
  return {
    kind: "mailbox",
    async send() {},
  };
}
