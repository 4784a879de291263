// Statement months are UTC calendar months: from the 1st at 00:00 UTC (inclusive) to the
// 1st of the next month at 00:00 UTC (exclusive). A movement belongs to the month of its
// `createdAt`, the time the history shows for it.
import { DomainError } from "../errors";

/** How far back the list of available months goes (ten years). */
export const STATEMENT_MONTHS_LISTED = 120;

export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

export function monthBounds(month: string): { start: Date; end: Date } {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  return { start: new Date(Date.UTC(year, mon - 1, 1)), end: new Date(Date.UTC(year, mon, 1)) };
}

function previousMonth(month: string): string {
  const { start } = monthBounds(month);
  return monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1)));
}

interface AccountSpan {
  createdAt: Date;
  archivedAt: Date | null;
}

/**
 * The months a statement can be made for, newest first: every month that has ended, from
 * the month the account was opened to the month it was archived (at most the last 120).
 */
export function availableMonths(account: AccountSpan, now: Date): string[] {
  const first = monthOf(account.createdAt);
  let month = previousMonth(monthOf(now));
  if (account.archivedAt && monthOf(account.archivedAt) < month) month = monthOf(account.archivedAt);
  const months: string[] = [];
  while (month >= first && months.length < STATEMENT_MONTHS_LISTED) {
    months.push(month);
    month = previousMonth(month);
  }
  return months;
}

function refuseMonth(code: "MONTH_NOT_ENDED" | "BEFORE_ACCOUNT_OPENED" | "AFTER_ACCOUNT_ARCHIVED", message: string): DomainError {
  return new DomainError("INVALID_DATA", { message, fieldErrors: { month: [message] }, fieldCodes: { month: [code] } });
}

/**
 * 400 INVALID_DATA on `month`: MONTH_NOT_ENDED (the current month or a later one),
 * BEFORE_ACCOUNT_OPENED, AFTER_ACCOUNT_ARCHIVED. Months are compared as YYYY-MM text.
 */
export function assertStatementMonth(account: AccountSpan, month: string, now: Date): void {
  if (month >= monthOf(now)) throw refuseMonth("MONTH_NOT_ENDED", "Statements are made for months that have ended");
  if (month < monthOf(account.createdAt)) throw refuseMonth("BEFORE_ACCOUNT_OPENED", "The account was opened after this month");
  if (account.archivedAt && month > monthOf(account.archivedAt)) {
    throw refuseMonth("AFTER_ACCOUNT_ARCHIVED", "The account was archived before this month");
  }
}
