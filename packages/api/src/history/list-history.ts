import type { Database, MovementKind, MovementStatus, Prisma } from "@brokerage/db";
import { findOwnAccount } from "../accounts/own-account";
import { decodeCursor, encodeCursor, type HistoryCursor } from "./cursor";
import type { HistoryFilters } from "./schemas";

/** An account as a history row names it. */
export interface HistoryAccountRef {
  id: number;
  login: number;
  /** The customer's name for it, the group's name until they choose one. */
  caption: string;
}

export interface HistoryItem {
  id: string;
  createdAt: string;
  kind: MovementKind;
  status: MovementStatus;
  /** Signed, two decimals: positive credited the account, negative debited it. */
  amount: string;
  currency: string;
  description: string | null;
  account: HistoryAccountRef & { kind: "TRADING" | "WALLET"; accountMode: "DEMO" | "REAL" };
  /** The other account of a transfer or a conversion (always one of the caller's own). */
  counterparty: HistoryAccountRef | null;
}

export interface HistoryPage {
  items: HistoryItem[];
  /** Pass it back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const refSelect = { id: true, login: true, caption: true, customerId: true, group: { select: { name: true } } } as const;

const historySelect = {
  id: true,
  createdAt: true,
  kind: true,
  status: true,
  amount: true,
  currency: true,
  description: true,
  account: { select: { ...refSelect, kind: true, accountMode: true } },
  counterpartyAccount: { select: refSelect },
} satisfies Prisma.MoneyMovementSelect;

type HistoryRow = Prisma.MoneyMovementGetPayload<{ select: typeof historySelect }>;

/**
 * The rows of the caller's history the filters select. An `accountId` that is not the
 * caller's answers 404 NOT_FOUND exactly as the accounts feature does (findOwnAccount).
 */
export async function historyWhere(
  db: Database,
  customerId: number,
  filters: HistoryFilters,
): Promise<Prisma.MoneyMovementWhereInput> {
  if (filters.accountId !== undefined) await findOwnAccount(db, customerId, filters.accountId);
  const createdAt: Prisma.DateTimeFilter = {
    ...(filters.from ? { gte: filters.from } : {}),
    ...(filters.to ? { lt: filters.to } : {}),
  };
  return {
    customerId,
    ...(filters.accountId !== undefined ? { accountId: filters.accountId } : {}),
    ...(filters.kinds?.length ? { kind: { in: filters.kinds } } : {}),
    ...(filters.statuses?.length ? { status: { in: filters.statuses } } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
  };
}

/** Rows strictly older than the cursor, in the order (createdAt desc, id desc). */
function after(cursor: HistoryCursor): Prisma.MoneyMovementWhereInput {
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

/**
 * One page of rows, newest first. Keyset paging: a page starts strictly after the last
 * row of the one before, so rows recorded meanwhile (always newer) neither repeat nor
 * push rows out of a page the customer has not seen yet.
 */
export async function historyRows(
  db: Database,
  where: Prisma.MoneyMovementWhereInput,
  cursor: HistoryCursor | null,
  limit: number,
): Promise<{ rows: HistoryRow[]; next: HistoryCursor | null }> {
  const rows = await db.moneyMovement.findMany({
    where: cursor ? { AND: [where, after(cursor)] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: historySelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}

function ref(customerId: number, account: HistoryRow["counterpartyAccount"]): HistoryAccountRef | null {
  if (!account) return null;
  // Only the caller's own accounts are ever counterparties; should another customer's
  // appear, its login is shown and nothing the other customer chose.
  const own = account.customerId === customerId;
  return { id: account.id, login: account.login, caption: own ? (account.caption ?? account.group.name) : String(account.login) };
}

export function toHistoryItem(customerId: number, row: HistoryRow): HistoryItem {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    kind: row.kind,
    status: row.status,
    amount: row.amount.toFixed(2),
    currency: row.currency,
    description: row.description,
    account: {
      id: row.account.id,
      login: row.account.login,
      caption: row.account.caption ?? row.account.group.name,
      kind: row.account.kind,
      accountMode: row.account.accountMode,
    },
    counterparty: ref(customerId, row.counterpartyAccount),
  };
}

/** `history.list`: the caller's money movements, filtered, newest first, keyset-paged. */
export async function listHistory(
  db: Database,
  customerId: number,
  input: HistoryFilters & { cursor?: string | undefined; limit: number },
): Promise<HistoryPage> {
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const where = await historyWhere(db, customerId, input);
  const { rows, next } = await historyRows(db, where, cursor, input.limit);
  return { items: rows.map((row) => toHistoryItem(customerId, row)), nextCursor: next ? encodeCursor(next) : null };
}
