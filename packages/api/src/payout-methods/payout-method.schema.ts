import { stepUpField } from "@brokerage/validators";
import { z } from "zod";

/** A bank account for withdrawals; IBAN and BIC may be typed with spaces. */
export const addPayoutMethodInput = z.strictObject({
  iban: z.string().trim().min(1).max(64),
  bic: z.string().trim().min(1).max(16),
  holderName: z.string().trim().min(1).max(140),
  /** The confirmation of adding this very account (403 STEP_UP_REQUIRED without it). */
  stepUp: stepUpField.optional(),
});

export const payoutMethodIdInput = z.strictObject({ payoutMethodId: z.uuid() });
