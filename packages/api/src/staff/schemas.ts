import { staffReasonForm, staffTextField } from "@brokerage/validators";
import { z } from "zod";
import { accountIdField, amountField, idempotencyKeyField } from "../accounts/fields";

/** Staff credit or debit a customer's account; the comment goes to the core and the audit log. */
export const adjustBalanceInput = z.strictObject({
  accountId: accountIdField,
  type: z.enum(["deposit", "withdrawal"]),
  amount: amountField,
  comment: staffTextField(1, 255),
  idempotencyKey: idempotencyKeyField,
});

export const setCustomerStatusInput = z.strictObject({
  customerId: z.number().int().positive(),
  status: z.union([z.literal(0), z.literal(1)]),
});

export const ADJUSTMENT_STATUSES = ["PENDING", "APPLYING", "APPLIED", "REJECTED"] as const;

/** Requests by status (all when omitted), newest first, paged. */
export const adjustmentRequestsInput = z
  .strictObject({
    status: z.enum(ADJUSTMENT_STATUSES).optional(),
    limit: z.number().int().min(1).max(100).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .default({ limit: 50, offset: 0 });

export const approveAdjustmentInput = z.strictObject({ requestId: z.uuid() });

/** The portal's reason form (@brokerage/validators) plus the request; the reason is kept with it and in the audit trail. */
export const rejectAdjustmentInput = staffReasonForm.extend({ requestId: z.uuid() });
