import type { Database } from "@brokerage/db";
import { env } from "../env";
import { DomainError } from "../errors";
import { listMailbox } from "../messaging";
import type { MailboxInput } from "./mailbox.schema";

/**
 * The development mailbox: every message the portal wrote, newest first. It does not
 * exist in production (404), unless DEV_MAILBOX=true says otherwise.
 */
export async function readDevMailbox(db: Database, input: MailboxInput) {
  if (!env.devMailboxEnabled) throw new DomainError("NOT_FOUND");
  const messages = await listMailbox(db, { recipient: input?.recipient, limit: input?.limit ?? 50 });
  return messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }));
}
