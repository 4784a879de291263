import { z } from "zod";

export const queueInput = z
  .strictObject({
    limit: z.number().int().min(1).max(100).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .default({ limit: 50, offset: 0 });

export type QueueInput = z.infer<typeof queueInput>;
