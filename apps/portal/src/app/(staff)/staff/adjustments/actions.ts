"use server";

import { revalidatePath } from "next/cache";
import { getServerCaller } from "~/trpc/server";
import {
  formInteger,
  formText,
  runStaffAction,
  type StaffActionResult,
} from "../staff-action-result";

export interface RequestedAdjustment {
  requestId: string;
  status: string;
  amount: string;
  currency: string;
  login: number;
  balance: string | null;
}

/** staff.adjustBalance from the request form (the key comes with the form, so a double submit is one request). */
export async function requestAdjustmentAction(
  _previous: StaffActionResult<RequestedAdjustment> | null,
  form: FormData,
): Promise<StaffActionResult<RequestedAdjustment>> {
  const result = await runStaffAction(async () => {
    const made = await (
      await getServerCaller()
    ).staff.adjustBalance({
      accountId: formInteger(form, "accountId") as number,
      type: formText(form, "type") as "deposit",
      amount: formText(form, "amount"),
      comment: formText(form, "comment"),
      idempotencyKey: formText(form, "idempotencyKey"),
    });
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
  reason: string,
): Promise<StaffActionResult<string>> {
  const result = await runStaffAction(
    async () =>
      (await (await getServerCaller()).staff.rejectAdjustment({ requestId, reason })).status,
  );
  revalidatePath("/staff/adjustments");
  return result;
}
