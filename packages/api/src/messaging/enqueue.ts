import { MessageChannel, type Prisma } from "@brokerage/db";
import { z } from "zod";
import { encryptMessageSecret, SECRET_PLACEHOLDER } from "./secret-payload";

/** A Prisma client or an interactive transaction's client: all enqueueMessage needs. */
export type MessageWriter = Pick<Prisma.TransactionClient, "message">;

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

const enqueueSchema = z
  .object({
    channel: z.enum(MessageChannel),
    recipient: z.string().trim().min(1).max(320),
    template: z.string().trim().min(1).max(100),
    subject: z.string().trim().min(1).max(200).refine(noLineBreaks, "no line breaks").optional(),
    body: z.string().min(1).max(50_000),
    secret: z.string().min(1).max(2_000).optional(),
    customerId: z.number().int().positive().optional(),
  })
  .superRefine((m, ctx) => {
    if (m.secret !== undefined && !m.body.includes(SECRET_PLACEHOLDER)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "a message with a secret needs its placeholder in the body" });
    }
    if (m.channel === "EMAIL") {
      if (!z.email().safeParse(m.recipient).success) {
        ctx.addIssue({ code: "custom", path: ["recipient"], message: "not an e-mail address" });
      }
      if (!m.subject) ctx.addIssue({ code: "custom", path: ["subject"], message: "an e-mail needs a subject" });
    } else {
      if (!/^\+[1-9][0-9]{6,14}$/.test(m.recipient)) {
        ctx.addIssue({ code: "custom", path: ["recipient"], message: "not an E.164 phone number" });
      }
      if (m.subject !== undefined) ctx.addIssue({ code: "custom", path: ["subject"], message: "an SMS has no subject" });
    }
  });

export interface EnqueueMessageInput {
  channel: MessageChannel;
  /** An e-mail address (EMAIL) or an E.164 number (SMS). */
  recipient: string;
  /** The template's name, for logs and the mailbox; e.g. "email-verification-code". */
  template: string;
  /** Required for EMAIL, absent for SMS. */
  subject?: string;
  /** Plain text. Never a password; a secret appears only as SECRET_PLACEHOLDER. */
  body: string;
  /** A code or single-use link: stored encrypted, rendered at send time, erased after delivery. */
  secret?: string | undefined;
  customerId?: number;
}

/**
 * Writes a message to the outbox. Call it with the transaction client of the change that
 * causes the message, so both commit or neither does; the dispatcher delivers it later.
 * Throws a ZodError on malformed input (a programming error, not a user one).
 * Returns the message id (also the stable Message-ID's left-hand side).
 */
export async function enqueueMessage(tx: MessageWriter, input: EnqueueMessageInput): Promise<string> {
  const data = enqueueSchema.parse(input);
  const row = await tx.message.create({
    data: {
      channel: data.channel,
      recipient: data.recipient,
      template: data.template,
      subject: data.subject ?? null,
      body: data.body,
      secretEnc: data.secret === undefined ? null : encryptMessageSecret(data.secret),
      customerId: data.customerId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}
