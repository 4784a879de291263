import { z } from "zod";

export const approveInput = z.strictObject({ submissionId: z.number().int().positive() });

export type ApproveInput = z.infer<typeof approveInput>;
