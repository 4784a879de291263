import { z } from "zod";

export const documentInput = z.strictObject({ documentId: z.uuid() });

export type DocumentInput = z.infer<typeof documentInput>;
