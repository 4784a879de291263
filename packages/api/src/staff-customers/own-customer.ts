import type { Database } from "@brokerage/db";
import { DomainError } from "../errors";

/**
 * 403 SELF_APPROVAL when the customer's e-mail is the staff member's own (any letter
 * case): nobody administers their own customer account.
 */
export async function assertNotOwnCustomer(
  db: Pick<Database, "staff">,
  staffId: number,
  customerEmail: string,
): Promise<void> {
  const staff = await db.staff.findUniqueOrThrow({
    where: { id: staffId },
    select: { email: true },
  });
  if (staff.email.trim().toLowerCase() === customerEmail.trim().toLowerCase()) {
    throw new DomainError("SELF_APPROVAL", {
      message: "Staff may not act on their own customer account",
    });
  }
}

export const customerNotFound = () =>
  new DomainError("NOT_FOUND", { message: "Customer not found" });
