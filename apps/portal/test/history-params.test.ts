import { describe, expect, it } from "vitest";
import { exportHref, hasFilters, historyHref, parseHistoryState, toFilterInput, toListInput } from "~/app/money/history/_lib/history-params";

describe("the history page's URL state", () => {
  it("defaults to the newest 20 movements, no filters", () => {
    const state = parseHistoryState({});
    expect(state).toEqual({ accountId: undefined, kinds: [], statuses: [], from: undefined, to: undefined, cursor: undefined, limit: 20 });
    expect([historyHref(state), exportHref(state), hasFilters(state)]).toEqual(["/money/history", "/money/history/export.csv", false]);
    expect(toListInput(state)).toEqual({ limit: 20 });
  });

  it("reads every filter; days become a UTC window whose end is the next midnight (the API's `to` is exclusive)", () => {
    const state = parseHistoryState({
      account: "42",
      kind: ["transfer", "DEPOSIT", "nonsense"],
      status: "completed",
      from: "2026-11-01",
      to: "2026-11-30",
      cursor: "abc_DEF-1",
      limit: "50",
    });
    expect(toListInput(state)).toEqual({
      accountId: 42,
      kinds: ["DEPOSIT", "TRANSFER"],
      statuses: ["COMPLETED"],
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-12-01T00:00:00.000Z",
      cursor: "abc_DEF-1",
      limit: 50,
    });
    // The export link keeps the filters and drops the page.
    expect(exportHref(state)).toBe(
      "/money/history/export.csv?account=42&kind=DEPOSIT&kind=TRANSFER&status=COMPLETED&from=2026-11-01&to=2026-11-30",
    );
    expect(historyHref(state)).toContain("cursor=abc_DEF-1");
  });

  it("drops malformed values instead of sending them", () => {
    const state = parseHistoryState({
      account: "-1",
      from: "2026-02-30",
      to: "tomorrow",
      cursor: "a b",
      limit: "1000",
    });
    expect(toListInput(state)).toEqual({ limit: 20 });
    expect(parseHistoryState({ account: "99999999999" }).accountId).toBeUndefined();
  });

  it("reads a window given backwards the right way round", () => {
    expect(toFilterInput(parseHistoryState({ from: "2026-11-30", to: "2026-11-01" }))).toEqual({
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-12-01T00:00:00.000Z",
    });
  });
});
