import { z } from "zod";

export const openAccountInput = z.strictObject({
  /** A group name from `accounts.groups` (seed 000's only required field). */
  group: z.string().trim().min(1).max(64),
  /** One of the group's allowed leverages (seed 001). */
  leverage: z.number().int().positive().optional(),
  /** DEMO groups only, up to the group's maximum; replaces the default deposit (seed 001). */
  startAmount: z
    .union([z.number(), z.string()])
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, { message: "An amount with at most two decimals" }))
    .refine((v) => Number(v) > 0, { message: "Must be more than zero" })
    .optional(),
  /** A repeat with the same key returns the same account instead of opening another. */
  idempotencyKey: z.string().trim().min(8).max(128).optional(),
});

/** Seed 001 `POST /my/accounts`: the group by id (seed 001's `productCurrencyId`), the rest as above. */
export const openAccountByGroupIdInput = openAccountInput.omit({ group: true }).extend({
  groupId: z.number().int().positive().max(2_147_483_647),
});
