// The figures of a monthly statement, from the account's money history (MoneyMovement).
import { Prisma, type Database, type MovementKind } from "@brokerage/db";
import { monthBounds } from "./months";

/**
 * The movements that moved money, the rule by which every account's history adds up to its
 * balance (the money property test): COMPLETED ones, and withdrawals PENDING (held: the
 * money has left the account). FAILED, CANCELED, REJECTED and EXPIRED ones moved nothing.
 */
export const COUNTED_MOVEMENTS: Prisma.MoneyMovementWhereInput = {
  OR: [{ status: "COMPLETED" }, { kind: "WITHDRAWAL", status: "PENDING" }],
};

export interface StatementLine {
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  kind: MovementKind;
  description: string;
  counterpartyLogin: number | null;
  /** Signed, two decimals. */
  amount: string;
  /** The balance after this line. */
  balance: string;
}

export interface StatementFigures {
  month: string;
  periodStart: Date;
  periodEnd: Date;
  openingBalance: Prisma.Decimal;
  closingBalance: Prisma.Decimal;
  credits: Prisma.Decimal;
  debits: Prisma.Decimal;
  fees: Prisma.Decimal;
  lines: StatementLine[];
}

const ZERO = new Prisma.Decimal(0);

/** Movements still PENDING dated before the month's end: their outcome would change the figures. */
export async function unsettledMovements(db: Database, accountId: number, month: string): Promise<number> {
  const { end } = monthBounds(month);
  return db.moneyMovement.count({ where: { accountId, status: "PENDING", createdAt: { lt: end } } });
}

/**
 * The conversion spread of the month's conversions into the account: what the sold amount
 * was worth at the mid rate (rounded half-even to cents) less what was credited. It is
 * inside the rate, not a separate debit: the lines already hold it.
 */
async function conversionSpread(db: Database, references: string[]): Promise<Prisma.Decimal> {
  const ids = references.map((r) => r.slice("conversion:".length));
  if (ids.length === 0) return ZERO;
  const quotes = await db.conversionQuote.findMany({
    where: { id: { in: ids }, status: "COMPLETED" },
    select: { sellAmount: true, midRate: true, buyAmount: true },
  });
  return quotes.reduce((sum, q) => {
    const atMid = q.sellAmount.times(q.midRate).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_EVEN);
    return sum.plus(Prisma.Decimal.max(ZERO, atMid.minus(q.buyAmount)));
  }, ZERO);
}

export async function statementFigures(db: Database, accountId: number, month: string): Promise<StatementFigures> {
  const { start, end } = monthBounds(month);
  const before = await db.moneyMovement.aggregate({
    where: { AND: [{ accountId, createdAt: { lt: start } }, COUNTED_MOVEMENTS] },
    _sum: { amount: true },
  });
  const rows = await db.moneyMovement.findMany({
    where: { AND: [{ accountId, createdAt: { gte: start, lt: end } }, COUNTED_MOVEMENTS] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      createdAt: true,
      kind: true,
      amount: true,
      description: true,
      reference: true,
      counterpartyAccount: { select: { login: true } },
    },
  });
  const openingBalance = before._sum.amount ?? ZERO;
  let balance = openingBalance;
  let credits = ZERO;
  let debits = ZERO;
  const lines: StatementLine[] = rows.map((row) => {
    balance = balance.plus(row.amount);
    if (row.amount.isPositive()) credits = credits.plus(row.amount);
    else debits = debits.plus(row.amount);
    return {
      id: row.id,
      at: row.createdAt.toISOString(),
      kind: row.kind,
      description: row.description ?? "",
      counterpartyLogin: row.counterpartyAccount?.login ?? null,
      amount: row.amount.toFixed(2),
      balance: balance.toFixed(2),
    };
  });
  const fees = await conversionSpread(
    db,
    rows.filter((r) => r.kind === "CONVERSION" && r.amount.isPositive()).map((r) => r.reference),
  );
  return { month, periodStart: start, periodEnd: end, openingBalance, closingBalance: balance, credits, debits, fees, lines };
}
