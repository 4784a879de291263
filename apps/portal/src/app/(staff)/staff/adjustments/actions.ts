"use server";

import { revalidatePath } from "next/cache";
import { getServerCaller } from "~/trpc/server";
import type { balanceAdjustmentForm, staffReasonForm } from "@brokerage/validators";
import type { z } from "zod";
import { runStaffAction, type StaffActionResult } from "../staff-action-result";

export interface RequestedAdjustment {
  requestId: string;
  status: string;
  amount: string;
  currency: string;
  login: number;
  balance: string | null;
}

/** staff.adjustBalance with the values the shared form schema accepted (the key comes from the kit, so a double submit is one request). */
export async function requestAdjustmentAction(
  input: z.output<typeof balanceAdjustmentForm> & { idempotencyKey: string },
): Promise<StaffActionResult<RequestedAdjustment>> {
  const result = await runStaffAction(async () => {
    const made = await (await getServerCaller()).staff.adjustBalance(input);
    return {
      requestId: made.requestId,
      status: made.status,
      amount: made.amount,
      currency: made.currency,
      login: made.login,
      balance: made.balance,
    };
  });
  if (result.ok) revalidatePath("/staff/adjustments");
  return result;
}

export async function approveAdjustmentAction(
  requestId: string,
): Promise<StaffActionResult<string>> {
  const result = await runStaffAction(
    async () => (await (await getServerCaller()).staff.approveAdjustment({ requestId })).status,
  );
  revalidatePath("/staff/adjustments");
  return result;
}

export async function rejectAdjustmentAction(
  requestId: string,
  values: z.output<typeof staffReasonForm>,
): Promise<StaffActionResult<string>> {
  const result = await runStaffAction(
    async () =>
      (await (await getServerCaller()).staff.rejectAdjustment({ requestId, ...values })).status,
  );
  revalidatePath("/staff/adjustments");
  return result;
}
