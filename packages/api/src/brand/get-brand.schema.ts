import { z } from "zod";

export const getBrandInput = z
  .strictObject({
    /** The brand's code; the portal's own brand when omitted. */
    code: z.string().trim().min(1).max(64).optional(),
  })
  .optional();

export type GetBrandInput = z.infer<typeof getBrandInput>;
