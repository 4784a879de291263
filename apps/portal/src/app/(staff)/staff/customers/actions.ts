"use server";

import { revalidatePath } from "next/cache";
import { getServerCaller } from "~/trpc/server";
import type { assignCustomerForm, clientCategoryForm, createCustomerForm, staffReasonForm } from "@brokerage/validators";
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

/** One staff action on the customer's page: the procedure, then the page is rendered again. */
async function onCustomer<T>(customerId: number, run: (caller: Awaited<ReturnType<typeof getServerCaller>>) => Promise<T>) {
  const result = await runStaffAction(async () => run(await getServerCaller()));
  revalidatePath(`/staff/customers/${customerId}`);
  return result;
}

export async function endSessionsAction(customerId: number, values: z.output<typeof staffReasonForm>) {
  return onCustomer(customerId, (caller) => caller.staffCustomers.endSessions({ customerId, ...values }));
}

export async function resetTwoFactorAction(customerId: number, values: z.output<typeof staffReasonForm>) {
  return onCustomer(customerId, (caller) => caller.staffCustomers.resetTwoFactor({ customerId, ...values }));
}

export async function assignCustomerAction(customerId: number, values: z.output<typeof assignCustomerForm>) {
  return onCustomer(customerId, (caller) => caller.staffCustomers.assign({ customerId, ...values }));
}

export async function setCustomerStatusAction(customerId: number, status: 0 | 1) {
  return onCustomer(customerId, (caller) => caller.staff.setCustomerStatus({ customerId, status }));
}

export async function setClientCategoryAction(customerId: number, values: z.output<typeof clientCategoryForm>) {
  return onCustomer(customerId, (caller) => caller.staffCustomers.setCategory({ customerId, ...values }));
}
