import { accountCaptionField } from "@brokerage/validators";
import { z } from "zod";
import { accountIdField } from "./fields";

/** Seed 001 PUT/PATCH `/my/accounts/{accountId}`: a caption, favorite, or both. */
export const updateAccountInput = z
  .strictObject({
    accountId: accountIdField,
    /** 1 to 64 characters after trimming; null goes back to the default caption. */
    caption: accountCaptionField.nullable().optional(),
    favorite: z.boolean().optional(),
  })
  .refine((v) => v.caption !== undefined || v.favorite !== undefined, {
    message: "Send a caption, favorite, or both",
  });
