import { z } from "zod";

export const getInput = z.strictObject({ submissionId: z.number().int().positive() });

export type GetInput = z.infer<typeof getInput>;
