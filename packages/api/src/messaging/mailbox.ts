import type { Database, Prisma } from "@brokerage/db";

export type MailboxReader = Pick<Database, "message">;

const mailboxSelect = {
  id: true,
  channel: true,
  recipient: true,
  subject: true,
  body: true,
  status: true,
  createdAt: true,
} satisfies Prisma.MessageSelect;

export type MailboxMessage = Prisma.MessageGetPayload<{ select: typeof mailboxSelect }>;

/**
 * The development mailbox: the newest messages first, optionally for one recipient
 * (any letter case). It shows bodies, so only development pages may call it.
 */
export async function listMailbox(
  db: MailboxReader,
  options: { recipient?: string | undefined; limit?: number | undefined } = {},
): Promise<MailboxMessage[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 500);
  const recipient = options.recipient?.trim();
  return db.message.findMany({
    where: recipient ? { recipient: { equals: recipient, mode: "insensitive" } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: mailboxSelect,
  });
}
