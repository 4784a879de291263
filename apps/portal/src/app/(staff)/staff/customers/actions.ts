"use server";

import { revalidatePath } from "next/cache";
import { getServerCaller } from "~/trpc/server";
import type { createCustomerForm } from "@brokerage/validators";
import type { z } from "zod";
import { runStaffAction, type StaffActionResult } from "../staff-action-result";

/** staffCustomers.create with the values the shared form schema accepted; the customer gets an e-mail to set a password. */
export async function createCustomerAction(
  input: z.output<typeof createCustomerForm>,
): Promise<StaffActionResult<{ customerId: number; email: string }>> {
  return runStaffAction(async () => {
    const created = await (await getServerCaller()).staffCustomers.create(input);
    return { customerId: created.customerId, email: created.email };
  });
}

export async function endSessionsAction(customerId: number, reason: string) {
  const result = await runStaffAction(async () =>
    (await getServerCaller()).staffCustomers.endSessions({ customerId, reason }),
  );
  revalidatePath(`/staff/customers/${customerId}`);
  return result;
}

export async function resetTwoFactorAction(customerId: number, reason: string) {
  const result = await runStaffAction(async () =>
    (await getServerCaller()).staffCustomers.resetTwoFactor({ customerId, reason }),
  );
  revalidatePath(`/staff/customers/${customerId}`);
  return result;
}

export async function assignCustomerAction(customerId: number, deskId: string, managerId: string) {
  const toId = (v: string) =>
    v.trim() === "" ? null : /^\d{1,10}$/.test(v.trim()) ? Number(v.trim()) : (v as never);
  const result = await runStaffAction(async () =>
    (await getServerCaller()).staffCustomers.assign({
      customerId,
      deskId: toId(deskId),
      managerId: toId(managerId),
    }),
  );
  revalidatePath(`/staff/customers/${customerId}`);
  return result;
}

export async function setCustomerStatusAction(customerId: number, status: 0 | 1) {
  const result = await runStaffAction(async () =>
    (await getServerCaller()).staff.setCustomerStatus({ customerId, status }),
  );
  revalidatePath(`/staff/customers/${customerId}`);
  return result;
}

export async function setClientCategoryAction(
  customerId: number,
  category: "RETAIL" | "PROFESSIONAL",
  evidence: string,
) {
  const result = await runStaffAction(async () =>
    (await getServerCaller()).staffCustomers.setCategory({ customerId, category, evidence }),
  );
  revalidatePath(`/staff/customers/${customerId}`);
  return result;
}
