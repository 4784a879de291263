import { z } from "zod";

export const revokeSessionInput = z.strictObject({ sessionId: z.uuid() });

// Shared with the portal's re-authentication prompt (@brokerage/validators).
export { reauthenticateInput } from "@brokerage/validators";

export const activityInput = z
  .strictObject({
    /** The `nextCursor` of the previous page. */
    cursor: z.string().regex(/^[1-9]\d{0,18}$/).optional(),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .optional();
