import { AccountMode, GroupKind } from "@brokerage/db";
import { z } from "zod";
import { PERMISSIONS } from "./permissions";

const permission = z.enum(PERMISSIONS);

/** Seed 001 `GET /my/accounts`: filters, sorting by creation time, limit and offset. */
export const listAccountsInput = z
  .strictObject({
    /** ISO 4217 letters, e.g. `USD` (any letter case). */
    alphabeticCurrencyCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, { message: "Three letters, e.g. USD" })
      .transform((v) => v.toUpperCase())
      .optional(),
    /** One permission or several: accounts holding all of them. */
    permissions: z
      .union([permission, z.array(permission).max(8)])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional(),
    platform: z.string().trim().min(1).max(32).optional(),
    accountMode: z.enum(AccountMode).optional(),
    kind: z.enum(GroupKind).optional(),
    includeArchived: z.boolean().default(false),
    sortBy: z.literal("createTime").default("createTime"),
    sortOrder: z.enum(["asc", "desc"]).default("desc"),
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .prefault({});
