import { kycRejectionForm } from "@brokerage/validators";
import { z } from "zod";

export const queueInput = z
  .strictObject({
    limit: z.number().int().min(1).max(100).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .default({ limit: 50, offset: 0 });

export const submissionIdInput = z.strictObject({ submissionId: z.number().int().positive() });

export const documentInput = z.strictObject({ documentId: z.uuid() });

export const rejectInput = z.strictObject({
  submissionId: z.number().int().positive(),
  /** Sent to the customer as written: say what to correct. */
  reason: kycRejectionForm.shape.reason,
});
