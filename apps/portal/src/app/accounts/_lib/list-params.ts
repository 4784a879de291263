// The accounts list's state lives in the URL: filters, sort and page. These functions
// turn search params into the `accounts.list` input (unknown or malformed values are
// dropped, never sent) and back into a URL, leaving defaults out so URLs stay short.

import { ACCOUNT_PERMISSIONS, type AccountPermission } from "@brokerage/validators";

/** The permission filter's values: the API's own list (packages/validators). */
export const PERMISSION_VALUES = ACCOUNT_PERMISSIONS;
export type PermissionValue = AccountPermission;

export const MODE_VALUES = ["DEMO", "REAL"] as const;
export const KIND_VALUES = ["TRADING", "WALLET"] as const;
export const SORT_VALUES = ["desc", "asc"] as const;
export const PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_LIMIT = 20;

export interface ListState {
  currency?: string | undefined;
  mode?: (typeof MODE_VALUES)[number] | undefined;
  kind?: (typeof KIND_VALUES)[number] | undefined;
  platform?: string | undefined;
  permissions: PermissionValue[];
  archived: boolean;
  sort: (typeof SORT_VALUES)[number];
  limit: number;
  offset: number;
}

/** The `accounts.list` input for a state (only what is set). */
export interface ListInput {
  alphabeticCurrencyCode?: string;
  accountMode?: (typeof MODE_VALUES)[number];
  kind?: (typeof KIND_VALUES)[number];
  platform?: string;
  permissions?: PermissionValue[];
  includeArchived: boolean;
  sortBy: "createTime";
  sortOrder: (typeof SORT_VALUES)[number];
  limit: number;
  offset: number;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();
const all = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.find((v) => v === value);

function intIn(value: string | undefined, min: number, max: number): number | undefined {
  if (!value || !/^\d{1,7}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

export function parseListState(params: RawSearchParams): ListState {
  const currency = first(params.currency)?.toUpperCase();
  const platform = first(params.platform);
  const limit = intIn(first(params.limit), 1, 100);
  const permissions = [...new Set(all(params.permission).map((p) => oneOf(PERMISSION_VALUES, p.trim())))].filter(
    (p): p is PermissionValue => p !== undefined,
  );
  return {
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined,
    mode: oneOf(MODE_VALUES, first(params.mode)?.toUpperCase()),
    kind: oneOf(KIND_VALUES, first(params.kind)?.toUpperCase()),
    platform: platform && /^[\w.-]{1,32}$/.test(platform) ? platform : undefined,
    permissions,
    archived: first(params.archived) === "1",
    sort: oneOf(SORT_VALUES, first(params.sort)) ?? "desc",
    limit: limit ?? DEFAULT_LIMIT,
    offset: intIn(first(params.offset), 0, 1_000_000) ?? 0,
  };
}

export function toListInput(state: ListState): ListInput {
  return {
    ...(state.currency ? { alphabeticCurrencyCode: state.currency } : {}),
    ...(state.mode ? { accountMode: state.mode } : {}),
    ...(state.kind ? { kind: state.kind } : {}),
    ...(state.platform ? { platform: state.platform } : {}),
    ...(state.permissions.length ? { permissions: state.permissions } : {}),
    includeArchived: state.archived,
    sortBy: "createTime",
    sortOrder: state.sort,
    limit: state.limit,
    offset: state.offset,
  };
}

/** `/accounts?…` for a state; defaults (newest first, 20 a page, first page) are left out. */
export function listHref(state: ListState): string {
  const params = new URLSearchParams();
  if (state.currency) params.set("currency", state.currency);
  if (state.mode) params.set("mode", state.mode);
  if (state.kind) params.set("kind", state.kind);
  if (state.platform) params.set("platform", state.platform);
  for (const permission of state.permissions) params.append("permission", permission);
  if (state.archived) params.set("archived", "1");
  if (state.sort !== "desc") params.set("sort", state.sort);
  if (state.limit !== DEFAULT_LIMIT) params.set("limit", String(state.limit));
  if (state.offset > 0) params.set("offset", String(state.offset));
  const query = params.toString();
  return query ? `/accounts?${query}` : "/accounts";
}

/** Whether any filter narrows the list (sort and paging do not). */
export function hasFilters(state: ListState): boolean {
  return Boolean(state.currency || state.mode || state.kind || state.platform || state.permissions.length || state.archived);
}
