import { z } from "zod";

export const mailboxInput = z
  .strictObject({
    recipient: z.string().trim().min(1).max(320).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .optional();

export type MailboxInput = z.infer<typeof mailboxInput>;
