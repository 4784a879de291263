import { z } from "zod";

export const revokeSessionInput = z.strictObject({ sessionId: z.uuid() });

/** Exactly one of the password or a current second-factor code (TOTP or recovery code). */
export const reauthenticateInput = z
  .strictObject({
    password: z.string().min(1).max(1024).optional(),
    code: z.string().trim().min(6).max(32).optional(),
  })
  .refine((v) => (v.password === undefined) !== (v.code === undefined), {
    path: ["password"],
    message: "Send the password or a code, not both",
  });

export const activityInput = z
  .strictObject({
    /** The `nextCursor` of the previous page. */
    cursor: z.string().regex(/^[1-9]\d{0,18}$/).optional(),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .optional();
