import type { Database, Prisma } from "@brokerage/db";
import { renderMessageBody } from "./secret-payload";

export type MailboxReader = Pick<Database, "message">;

const mailboxSelect = {
  id: true,
  channel: true,
  recipient: true,
  subject: true,
  body: true,
  secretEnc: true,
  status: true,
  createdAt: true,
} satisfies Prisma.MessageSelect;

export type MailboxMessage = Omit<Prisma.MessageGetPayload<{ select: typeof mailboxSelect }>, "secretEnc">;

/**
 * The development mailbox: the newest messages first, optionally for one recipient
 * (any letter case). It shows bodies, secrets included, so only development pages may call it.
 */
export async function listMailbox(
  db: MailboxReader,
  options: { recipient?: string | undefined; limit?: number | undefined } = {},
): Promise<MailboxMessage[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 500);
  const recipient = options.recipient?.trim();
  const rows = await db.message.findMany({
    where: recipient ? { recipient: { equals: recipient, mode: "insensitive" } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: mailboxSelect,
  });
  // As the recipient reads it: the development mailbox keeps secrets, so codes show here.
  return rows.map(({ secretEnc, ...row }) => ({ ...row, body: renderMessageBody({ body: row.body, secretEnc }) }));
}
