import type { Database } from "@brokerage/db";
import { getCustomerKycView } from "../../kyc/customer-kyc-view";
import type { CustomerSession } from "../../sessions/resolve-session";

export function kycState({ ctx }: { ctx: { db: Database; session: CustomerSession } }) {
  return getCustomerKycView(ctx.db, ctx.session.customerId);
}
