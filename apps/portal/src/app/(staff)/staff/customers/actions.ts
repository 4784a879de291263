"use server";

import { revalidatePath } from "next/cache";
import { getServerCaller } from "~/trpc/server";
import {
  formInteger,
  formText,
  runStaffAction,
  type StaffActionResult,
} from "../staff-action-result";

const optional = (value: string) => (value === "" ? undefined : value);

/** staffCustomers.create from the form; the customer gets an e-mail to set a password. */
export async function createCustomerAction(
  _previous: StaffActionResult<{ customerId: number; email: string }> | null,
  form: FormData,
): Promise<StaffActionResult<{ customerId: number; email: string }>> {
  const conversion = formText(form, "conversionRateClass");
  return runStaffAction(async () => {
    const created = await (
      await getServerCaller()
    ).staffCustomers.create({
      email: formText(form, "email"),
      firstName: formText(form, "firstName"),
      lastName: formText(form, "lastName"),
      phone: optional(formText(form, "phone")),
      preferredLanguage: optional(formText(form, "preferredLanguage")),
      deskId: formInteger(form, "deskId") ?? (optional(formText(form, "deskId")) as never),
      managerId: formInteger(form, "managerId") ?? (optional(formText(form, "managerId")) as never),
      tanChannels: form
        .getAll("tanChannels")
        .filter((v): v is "sms" | "email" | "totp" => typeof v === "string" && v !== ""),
      conversionRateClass:
        conversion === ""
          ? undefined
          : /^\d{1,4}$/.test(conversion)
            ? Number(conversion)
            : (conversion as never),
    });
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
