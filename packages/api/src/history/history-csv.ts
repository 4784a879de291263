import { stringify } from "csv-stringify/sync";
import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RateLimits } from "../rate-limit/rate-limits";
import { historyRows, historyWhere, toHistoryItem, type HistoryItem } from "./list-history";
import type { HistoryCursor } from "./cursor";
import type { HistoryFilters } from "./schemas";

/** An export holds at most this many rows (the newest); `truncated` says when there were more. */
export const HISTORY_EXPORT_MAX_ROWS = 10_000;
const BATCH = 1_000;

export interface HistoryCsv {
  fileName: string;
  /** RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, UTF-8 with a BOM. */
  csv: string;
  rows: number;
  truncated: boolean;
}

const COLUMNS = [
  "Date (UTC)",
  "Account login",
  "Account",
  "Kind",
  "Status",
  "Amount",
  "Currency",
  "Counterparty login",
  "Counterparty",
  "Description",
  "Id",
] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return that
 * hides one) as a formula: such text cells get a leading apostrophe (OWASP "CSV
 * injection"). Amounts are not text: we format them (-?digits.dd), so they stay numbers.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * The CSV documents we hand out (history export, statements): RFC 4180 by csv-stringify,
 * a header row, CRLF line ends, UTF-8 with a BOM (so spreadsheets read accents right).
 * Callers pass text cells through `neutralizeFormula`.
 */
export function csvDocument(columns: readonly string[], records: string[][]): string {
  return stringify(records, { header: true, columns: [...columns], record_delimiter: "windows", bom: true });
}

function toRecord(item: HistoryItem): string[] {
  const text = [
    item.createdAt,
    String(item.account.login),
    item.account.caption,
    item.kind,
    item.status,
    "", // the amount, below
    item.currency,
    item.counterparty ? String(item.counterparty.login) : "",
    item.counterparty?.caption ?? "",
    item.description ?? "",
    item.id,
  ].map(neutralizeFormula);
  text[5] = item.amount;
  return text;
}

/**
 * The CSV of the caller's history under the same filters as `history.list`, newest first.
 * Throttled per customer (`historyExport`) before anything is read, so neither the
 * database nor the account-id check can be hammered through it.
 */
export async function exportHistoryCsv(
  deps: { db: Database; rateLimits: RateLimits; clock: Clock },
  customerId: number,
  filters: HistoryFilters,
): Promise<HistoryCsv> {
  await deps.rateLimits.consume("historyExport", String(customerId));
  const where = await historyWhere(deps.db, customerId, filters);
  const items: HistoryItem[] = [];
  let cursor: HistoryCursor | null = null;
  let truncated = false;
  for (;;) {
    const room = HISTORY_EXPORT_MAX_ROWS - items.length;
    const { rows, next } = await historyRows(deps.db, where, cursor, Math.min(BATCH, room));
    items.push(...rows.map((row) => toHistoryItem(customerId, row)));
    if (!next) break;
    if (items.length >= HISTORY_EXPORT_MAX_ROWS) {
      truncated = true;
      break;
    }
    cursor = next;
  }
  const csv = csvDocument(COLUMNS, items.map(toRecord));
  const day = deps.clock.now().toISOString().slice(0, 10);
  return { fileName: `history-${day}.csv`, csv, rows: items.length, truncated };
}
