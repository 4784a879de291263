import { isPaymentProviderError } from "@brokerage/payments";
import { DomainError } from "../errors";
import type { WithdrawalDeps } from "../withdrawals/lifecycle";
import { depositSelect, depositView } from "./deposit-view";
import { settleDeposit } from "./settle-deposit";

/**
 * One of the caller's deposits. One still open is first brought up to date with the
 * provider, so the page the payer returns to shows the outcome without waiting for the
 * webhook; a provider that does not answer leaves it as it was.
 */
export async function readDeposit(deps: WithdrawalDeps, customerId: number, depositId: string) {
  const read = () => deps.db.deposit.findFirst({ where: { id: depositId, customerId }, select: depositSelect });
  let row = await read();
  if (!row) throw new DomainError("NOT_FOUND", { message: "Deposit not found" });
  if ((row.status === "AWAITING_PAYMENT" || row.status === "PAID") && row.providerPaymentId && deps.payments) {
    try {
      await settleDeposit(deps, await deps.payments.getPayment(row.providerPaymentId));
      row = (await read())!;
    } catch (error) {
      if (!isPaymentProviderError(error)) throw error;
    }
  }
  return depositView(row);
}
