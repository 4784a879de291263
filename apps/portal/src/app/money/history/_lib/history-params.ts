// The history page's state lives in the URL: filters, page size and the keyset cursor.
// Unknown or malformed values are dropped, never sent; the CSV export link carries the
// same filters (without the cursor).

export const KIND_VALUES = [
  "OPENING_DEPOSIT",
  "DEPOSIT",
  "WITHDRAWAL",
  "TRANSFER",
  "CONVERSION",
  "ADJUSTMENT",
  "REFUND",
  "CHARGEBACK",
] as const;
export const STATUS_VALUES = ["PENDING", "COMPLETED", "FAILED", "CANCELED", "REJECTED", "EXPIRED"] as const;
export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_LIMIT = 20;

/** The accounts offered by the account filter (archived ones too: their history stays). */
export const ACCOUNT_CHOICES_INPUT = { includeArchived: true, limit: 100 } as const;

export type KindValue = (typeof KIND_VALUES)[number];
export type StatusValue = (typeof STATUS_VALUES)[number];

export interface HistoryState {
  accountId?: number | undefined;
  kinds: KindValue[];
  statuses: StatusValue[];
  /** Calendar days (YYYY-MM-DD, UTC), both included. */
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface HistoryFilterInput {
  accountId?: number;
  kinds?: KindValue[];
  statuses?: StatusValue[];
  from?: string;
  to?: string;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();
const all = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const someOf = <T extends string>(values: readonly T[], raw: string | string[] | undefined): T[] =>
  values.filter((v) => all(raw).some((r) => r.trim().toUpperCase() === v));

/** A real calendar day, YYYY-MM-DD. */
function day(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}

function nextDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

export function parseHistoryState(params: RawSearchParams): HistoryState {
  const account = first(params.account);
  const limit = first(params.limit);
  const cursor = first(params.cursor);
  const size = limit && /^\d{1,3}$/.test(limit) ? Number(limit) : undefined;
  return {
    accountId: account && /^\d{1,10}$/.test(account) && Number(account) <= 2_147_483_647 && Number(account) > 0 ? Number(account) : undefined,
    kinds: someOf(KIND_VALUES, params.kind),
    statuses: someOf(STATUS_VALUES, params.status),
    from: day(first(params.from)),
    to: day(first(params.to)),
    cursor: cursor && /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? cursor : undefined,
    limit: size !== undefined && size >= 1 && size <= 100 ? size : DEFAULT_LIMIT,
  };
}

/** The filters as the API takes them: `to` is exclusive there, so the day after the last one. */
export function toFilterInput(state: HistoryState): HistoryFilterInput {
  // A window given backwards is read the right way round rather than refused.
  const [from, to] = state.from && state.to && state.from > state.to ? [state.to, state.from] : [state.from, state.to];
  return {
    ...(state.accountId !== undefined ? { accountId: state.accountId } : {}),
    ...(state.kinds.length ? { kinds: state.kinds } : {}),
    ...(state.statuses.length ? { statuses: state.statuses } : {}),
    ...(from ? { from: `${from}T00:00:00.000Z` } : {}),
    ...(to ? { to: nextDay(to) } : {}),
  };
}

export function toListInput(state: HistoryState) {
  return { ...toFilterInput(state), ...(state.cursor ? { cursor: state.cursor } : {}), limit: state.limit };
}

function query(state: HistoryState, options: { cursor: boolean; limit: boolean }): string {
  const params = new URLSearchParams();
  if (state.accountId !== undefined) params.set("account", String(state.accountId));
  for (const kind of state.kinds) params.append("kind", kind);
  for (const status of state.statuses) params.append("status", status);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (options.limit && state.limit !== DEFAULT_LIMIT) params.set("limit", String(state.limit));
  if (options.cursor && state.cursor) params.set("cursor", state.cursor);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const historyHref = (state: HistoryState) => `/money/history${query(state, { cursor: true, limit: true })}`;
export const exportHref = (state: HistoryState) => `/money/history/export.csv${query(state, { cursor: false, limit: false })}`;
export const hasFilters = (s: HistoryState) =>
  s.accountId !== undefined || s.kinds.length > 0 || s.statuses.length > 0 || Boolean(s.from) || Boolean(s.to);
