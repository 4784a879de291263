import { describe, expect, it } from "vitest";
import { hasFilters, listHref, parseListState, toListInput } from "~/app/accounts/_lib/list-params";

describe("the accounts list's URL state", () => {
  it("defaults to newest first, 20 a page, first page, no filters", () => {
    const state = parseListState({});
    expect(state).toEqual({ permissions: [], archived: false, sort: "desc", limit: 20, offset: 0 });
    expect(listHref(state)).toBe("/accounts");
    expect(toListInput(state)).toEqual({ includeArchived: false, sortBy: "createTime", sortOrder: "desc", limit: 20, offset: 0 });
    expect(hasFilters(state)).toBe(false);
  });

  it("reads every filter and turns it into the list input", () => {
    const state = parseListState({
      currency: "usd",
      mode: "REAL",
      kind: "wallet",
      platform: "MT5",
      permission: ["deposit", "trade", "deposit"],
      archived: "1",
      sort: "asc",
      limit: "50",
      offset: "100",
    });
    expect(toListInput(state)).toEqual({
      alphabeticCurrencyCode: "USD",
      accountMode: "REAL",
      kind: "WALLET",
      platform: "MT5",
      permissions: ["deposit", "trade"],
      includeArchived: true,
      sortBy: "createTime",
      sortOrder: "asc",
      limit: 50,
      offset: 100,
    });
    expect(hasFilters(state)).toBe(true);
  });

  it("round-trips through the URL", () => {
    const href = "/accounts?currency=EUR&mode=DEMO&permission=trade&archived=1&sort=asc&limit=10&offset=10";
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(listHref(parseListState({ ...params, permission: "trade" }))).toBe(href);
  });

  it("drops what is malformed instead of sending it", () => {
    const state = parseListState({
      currency: "dollars",
      mode: "PRACTICE",
      kind: "",
      platform: "<script>",
      permission: "everything",
      archived: "yes",
      sort: "sideways",
      limit: "1000",
      offset: "-5",
    });
    expect(state).toEqual({ permissions: [], archived: false, sort: "desc", limit: 20, offset: 0 });
  });
});
