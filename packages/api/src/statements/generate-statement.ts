// Monthly statements (issue 17): made on demand for a month that has ended, then kept as
// issued. The first request stores the figures and both documents' bytes; every later one
// answers the stored row, so a movement recorded or changed afterwards never alters a
// statement already given out.
import { type Prisma, type Database } from "@brokerage/db";
import type { StatementFormat } from "@brokerage/validators";
import { findOwnAccount, type OwnAccount } from "../accounts/own-account";
import type { Clock } from "../clock";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../errors/unique-violation";
import type { RateLimits } from "../rate-limit/rate-limits";
import { renderStatementCsv, renderStatementPdf } from "./statement-documents";
import { statementFigures, unsettledMovements } from "./statement-data";
import { assertStatementMonth, availableMonths } from "./months";

export interface StatementDeps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

const statementSelect = {
  id: true,
  accountId: true,
  month: true,
  currency: true,
  openingBalance: true,
  closingBalance: true,
  credits: true,
  debits: true,
  fees: true,
  movementCount: true,
  createdAt: true,
  account: { select: { login: true } },
} satisfies Prisma.AccountStatementSelect;

type StatementRow = Prisma.AccountStatementGetPayload<{ select: typeof statementSelect }>;

export interface StatementView {
  id: string;
  accountId: number;
  login: number;
  month: string;
  currency: string;
  openingBalance: string;
  closingBalance: string;
  /** Money in (positive). */
  credits: string;
  /** Money out (negative or 0.00). */
  debits: string;
  /** The conversion spread of conversions into this account; inside the rates, not a separate debit. */
  fees: string;
  movementCount: number;
  generatedAt: string;
  fileNames: Record<StatementFormat, string>;
}

export const statementFileName = (login: number, month: string, format: StatementFormat) => `statement-${login}-${month}.${format}`;

function view(row: StatementRow): StatementView {
  return {
    id: row.id,
    accountId: row.accountId,
    login: row.account.login,
    month: row.month,
    currency: row.currency,
    openingBalance: row.openingBalance.toFixed(2),
    closingBalance: row.closingBalance.toFixed(2),
    credits: row.credits.toFixed(2),
    debits: row.debits.toFixed(2),
    fees: row.fees.toFixed(2),
    movementCount: row.movementCount,
    generatedAt: row.createdAt.toISOString(),
    fileNames: { pdf: statementFileName(row.account.login, row.month, "pdf"), csv: statementFileName(row.account.login, row.month, "csv") },
  };
}

/** Play money has no statement: DEMO accounts are refused like their money operations. */
function assertStatementAccount(account: OwnAccount): void {
  if (account.accountMode === "DEMO") {
    throw new DomainError("INVALID_DATA", {
      message: "Demo accounts have no statements",
      fieldErrors: { accountId: ["Demo accounts have no statements"] },
      fieldCodes: { accountId: ["DEMO_ACCOUNT"] },
    });
  }
}

/**
 * The accounts that have statements (REAL trading accounts and wallets, archived ones too)
 * with the months one can be asked for, newest first, and which of them are already made.
 */
export async function listStatementMonths(deps: Pick<StatementDeps, "db" | "clock">, customerId: number, input: { accountId?: number | undefined }) {
  if (input.accountId !== undefined) assertStatementAccount(await findOwnAccount(deps.db, customerId, input.accountId));
  const accounts = await deps.db.account.findMany({
    where: { customerId, accountMode: "REAL", ...(input.accountId !== undefined ? { id: input.accountId } : {}) },
    orderBy: { id: "asc" },
    select: { id: true, login: true, caption: true, kind: true, currency: true, createdAt: true, archivedAt: true, group: { select: { name: true } } },
  });
  const made = await deps.db.accountStatement.findMany({
    where: { customerId, accountId: { in: accounts.map((a) => a.id) } },
    select: { accountId: true, month: true },
  });
  const madeKeys = new Set(made.map((m) => `${m.accountId}:${m.month}`));
  const now = deps.clock.now();
  return {
    accounts: accounts.map((a) => ({
      accountId: a.id,
      login: a.login,
      caption: a.caption ?? a.group.name,
      kind: a.kind,
      currency: a.currency,
      archived: a.archivedAt !== null,
      months: availableMonths(a, now).map((month) => ({ month, generated: madeKeys.has(`${a.id}:${month}`) })),
    })),
  };
}

async function readStatement(db: Database, accountId: number, month: string) {
  return db.accountStatement.findUnique({ where: { accountId_month: { accountId, month } }, select: statementSelect });
}

/**
 * The statement of one of the caller's accounts for a month, made now if it is the first
 * request. Order: 404 NOT_FOUND (not the caller's account, indistinguishable from none),
 * 400 INVALID_DATA (`accountId` DEMO_ACCOUNT; `month` MONTH_NOT_ENDED, BEFORE_ACCOUNT_OPENED,
 * AFTER_ACCOUNT_ARCHIVED), then the kept statement if there is one; else 429
 * TOO_MANY_ATTEMPTS (`statementGeneration`), 409 STATEMENT_NOT_READY (a movement dated up to
 * the month's end is still PENDING), and the new statement. Parallel first requests store
 * one statement (unique per account and month) and all answer it.
 */
async function keptStatement(deps: StatementDeps, customerId: number, input: { accountId: number; month: string }): Promise<StatementRow> {
  const { db } = deps;
  const account = await findOwnAccount(db, customerId, input.accountId);
  assertStatementAccount(account);
  const now = deps.clock.now();
  assertStatementMonth(account, input.month, now);
  const existing = await readStatement(db, account.id, input.month);
  if (existing) return existing;

  await deps.rateLimits.consume("statementGeneration", String(customerId));
  const pending = await unsettledMovements(db, account.id, input.month);
  if (pending > 0) {
    throw new DomainError("STATEMENT_NOT_READY", { details: { pendingMovements: pending } });
  }
  const figures = await statementFigures(db, account.id, input.month);
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { firstName: true, lastName: true, brand: { select: { displayName: true } } },
  });
  const statementId = crypto.randomUUID();
  const header = {
    statementId,
    brandName: customer.brand.displayName,
    customerName: `${customer.firstName} ${customer.lastName}`,
    account: { login: account.login, caption: account.caption ?? account.group.name, kind: account.kind, currency: account.currency },
    generatedAt: now,
  };
  const pdf = await renderStatementPdf(header, figures);
  const csv = Buffer.from(renderStatementCsv(header, figures), "utf8");
  try {
    return await db.accountStatement.create({
      data: {
        id: statementId,
        customerId,
        accountId: account.id,
        month: input.month,
        currency: account.currency,
        openingBalance: figures.openingBalance,
        closingBalance: figures.closingBalance,
        credits: figures.credits,
        debits: figures.debits,
        fees: figures.fees,
        movementCount: figures.lines.length,
        pdf: new Uint8Array(pdf),
        csv: new Uint8Array(csv),
        createdAt: now,
      },
      select: statementSelect,
    });
  } catch (error) {
    // Another request made it first: theirs is the statement.
    if (!isUniqueViolation(error)) throw error;
    const winner = await readStatement(db, account.id, input.month);
    if (!winner) throw error;
    return winner;
  }
}

/** `statements.generate`: the statement's figures (made now on the first request, kept after). */
export async function getStatement(deps: StatementDeps, customerId: number, input: { accountId: number; month: string }): Promise<StatementView> {
  return view(await keptStatement(deps, customerId, input));
}

export interface StatementFile {
  fileName: string;
  contentType: string;
  /** The kept bytes, base64 (JSON carries no bytes). */
  contentBase64: string;
}

const CONTENT_TYPES: Record<StatementFormat, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8; header=present",
};

/** `statements.file`: the kept PDF or CSV, byte for byte as first issued. */
export async function getStatementFile(
  deps: StatementDeps,
  customerId: number,
  input: { accountId: number; month: string; format: StatementFormat },
): Promise<StatementFile> {
  const row = await keptStatement(deps, customerId, input);
  const bytes = await deps.db.accountStatement.findUniqueOrThrow({
    where: { id: row.id },
    select: input.format === "pdf" ? { pdf: true } : { csv: true },
  });
  const content = (bytes as { pdf?: Uint8Array; csv?: Uint8Array })[input.format]!;
  return {
    fileName: statementFileName(row.account.login, row.month, input.format),
    contentType: CONTENT_TYPES[input.format],
    contentBase64: Buffer.from(content).toString("base64"),
  };
}
