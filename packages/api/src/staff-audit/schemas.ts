import { z } from "zod";

const id = z.number().int().positive().max(2_147_483_647);

/** Filters of the audit trail; all optional. `kind` matches exactly, or as a prefix when it ends with a dot. */
export const auditListInput = z
  .strictObject({
    kind: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[a-z_.]+$/, {
        message: "Letters, dots and underscores, e.g. adjustment. or customer.disabled",
      })
      .optional(),
    staffId: id.optional(),
    customerId: id.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Only what staff did (the default), or every event, customers' own included. */
    staffOnly: z.boolean().default(true),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .refine((v) => !v.from || !v.to || Date.parse(v.from) <= Date.parse(v.to), {
    path: ["to"],
    message: "The end is before the start",
  })
  .default({ staffOnly: true, limit: 50, offset: 0 });
