import "server-only";
import { requireCustomer as requireSignedInCustomer } from "~/session/current-customer";

/**
 * Anonymous visitors, staff and customers whose session ended go to the customer
 * sign-in, which brings them back to `returnTo` afterwards.
 */
export async function requireCustomer(returnTo: string): Promise<void> {
  await requireSignedInCustomer(returnTo);
}
