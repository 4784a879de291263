import type { MovementKind, MovementStatus, Prisma } from "@brokerage/db";

type MovementWriter = { moneyMovement: Prisma.TransactionClient["moneyMovement"] };

export interface MovementInput {
  customerId: number;
  accountId: number;
  kind: MovementKind;
  status: MovementStatus;
  /** Signed two-decimal string: positive credits the account, negative debits it. */
  amount: string;
  currency: string;
  counterpartyAccountId?: number | null;
  /** Where it comes from, unique per account: `deposit:<id>`, `transfer:<core key>`... */
  reference: string;
  description?: string | null;
  at: Date;
}

/**
 * Records a movement in the customer's history, once: a repeat (a retried request, a
 * recovery pass) with the same reference and account updates its status instead.
 * Call it in the transaction that records the feature's own state.
 */
export async function recordMovement(db: MovementWriter, input: MovementInput, options: { keepStatus?: boolean } = {}): Promise<void> {
  await db.moneyMovement.upsert({
    where: { reference_accountId: { reference: input.reference, accountId: input.accountId } },
    create: {
      customerId: input.customerId,
      accountId: input.accountId,
      kind: input.kind,
      status: input.status,
      amount: input.amount,
      currency: input.currency,
      counterpartyAccountId: input.counterpartyAccountId ?? null,
      reference: input.reference,
      description: input.description ?? null,
      createdAt: input.at,
    },
    // keepStatus: a repeat of a request records nothing new (a completed leg stays completed).
    update: options.keepStatus ? {} : { status: input.status },
  });
}

/** Moves every row of one movement (both legs of a transfer, say) to a new status. */
export async function setMovementStatus(db: MovementWriter, reference: string, status: MovementStatus): Promise<void> {
  await db.moneyMovement.updateMany({ where: { reference }, data: { status } });
}
