import { z } from "zod";

export const rejectInput = z.strictObject({
  submissionId: z.number().int().positive(),
  /** Sent to the customer as written: say what to correct. */
  reason: z.string().trim().min(1, { message: "Give the customer a reason" }).max(500),
});

export type RejectInput = z.infer<typeof rejectInput>;
