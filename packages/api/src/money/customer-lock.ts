// Closures and money operations of one customer are serialised (issue 17): a closure checks
// that nothing is pending and no money is left, then closes; a withdrawal, deposit, transfer
// or conversion starting meanwhile must not slip between the check and the close. Both take
// the same transaction-scoped advisory lock per customer: the closure for its whole run, a
// money operation in the transaction that records it (its PENDING row, which the closure's
// check then sees). A money operation that gets the lock after a closure finds the customer
// closed and is refused.
import type { Prisma } from "@brokerage/db";
import { DomainError } from "../errors";

/** The lock's namespace (the first key of the two-key advisory lock); the customer id is the second. */
const CUSTOMER_MONEY_LOCK = 7_401_010;

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "customer">;

/** Waits for, then holds until the transaction ends, the customer's money/closure lock. */
export async function lockCustomerMoney(tx: Tx, customerId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CUSTOMER_MONEY_LOCK}::int, ${customerId}::int)`;
}

/** The relationship was closed meanwhile: the session that asked is ended with it. */
export const relationshipClosed = () =>
  new DomainError("INVALID_CUSTOMER_SESSION", { message: "The client relationship is closed" });

/**
 * The start of a money operation, in the transaction that records it: the customer's lock,
 * then 401 INVALID_CUSTOMER_SESSION if a closure got there first.
 */
export async function startMoneyOperation(tx: Tx, customerId: number): Promise<void> {
  await lockCustomerMoney(tx, customerId);
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { closedAt: true } });
  if (!customer || customer.closedAt !== null) throw relationshipClosed();
}
