// accounts.list / get / live / update: filters, sorting, paging, permissions, and the
// refusals of each (issue #7, seed 001).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PERMISSION_RULES, PERMISSIONS, permissionsOf } from "../../src/accounts/permissions";
import { createHarness, type Harness } from "../support/harness";
import { codeOf, failure, fund, newCustomer, openFrom, seedGroups } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());
beforeEach(() => h.faults.reset());

/** A customer holding, in creation order one second apart: demo USD, demo EUR, real USD, USD wallet, EUR wallet. */
async function customerWithFiveAccounts() {
  const c = await newCustomer(h, { kycApproved: true });
  const ids: Record<string, number> = {};
  for (const group of ["demo-usd", "demo-eur", "real-usd", "wallet-usd", "wallet-eur"]) {
    h.clock.advance(1000);
    ids[group] = (await openFrom(c.api, group)).id;
  }
  return { ...c, ids };
}

describe("accounts.list", () => {
  it("lists the caller's accounts and wallets (and nobody else's) with the seed's fields, newest first by default", async () => {
    const { api, ids } = await customerWithFiveAccounts();
    await newCustomer(h).then((other) => openFrom(other.api, "demo-usd"));
    const list = await api.accounts.list();
    expect(list.total).toBe(5);
    expect([list.limit, list.offset]).toEqual([20, 0]);
    expect(list.items.map((i) => i.group)).toEqual(["wallet-eur", "wallet-usd", "real-usd", "demo-eur", "demo-usd"]);
    const wallet = list.items.find((i) => i.id === ids["wallet-usd"]);
    expect(wallet).toEqual({
      id: ids["wallet-usd"],
      login: expect.any(Number),
      caption: "wallet-usd",
      customCaption: false,
      favorite: false,
      kind: "WALLET",
      accountMode: "REAL",
      currency: "USD",
      platform: "MT5",
      leverage: 1,
      group: "wallet-usd",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      archivedAt: null,
      mustChangePassword: false,
      permissions: ["deposit", "exchange", "transferDeposit", "transferWithdrawal", "withdrawal", "enabled", "visible"],
      // From the core, in one batch call for the page (test/history/balances-and-dashboard.test.ts).
      balance: "0.00",
    });
    expect(list.balancesAvailable).toBe(true);
    expect(list.items.find((i) => i.id === ids["demo-usd"])).toMatchObject({ mustChangePassword: true, permissions: ["trade", "enabled", "visible"] });
    expect(list.items.find((i) => i.id === ids["real-usd"])?.permissions).toEqual([
      "deposit",
      "trade",
      "transferDeposit",
      "transferWithdrawal",
      "withdrawal",
      "enabled",
      "visible",
    ]);
  });

  it("sorts by creation time both ways, favorites always first", async () => {
    const { api, ids } = await customerWithFiveAccounts();
    const asc = await api.accounts.list({ sortBy: "createTime", sortOrder: "asc" });
    expect(asc.items.map((i) => i.group)).toEqual(["demo-usd", "demo-eur", "real-usd", "wallet-usd", "wallet-eur"]);
    await api.accounts.update({ accountId: ids["real-usd"]!, favorite: true });
    await api.accounts.update({ accountId: ids["demo-eur"]!, favorite: true });
    const favAsc = await api.accounts.list({ sortOrder: "asc" });
    expect(favAsc.items.map((i) => i.group)).toEqual(["demo-eur", "real-usd", "demo-usd", "wallet-usd", "wallet-eur"]);
    const favDesc = await api.accounts.list({ sortOrder: "desc" });
    expect(favDesc.items.map((i) => i.group)).toEqual(["real-usd", "demo-eur", "wallet-eur", "wallet-usd", "demo-usd"]);
  });

  it("pages with limit and offset and always gives the total", async () => {
    const { api } = await customerWithFiveAccounts();
    const pages = [
      await api.accounts.list({ sortOrder: "asc", limit: 2, offset: 0 }),
      await api.accounts.list({ sortOrder: "asc", limit: 2, offset: 2 }),
      await api.accounts.list({ sortOrder: "asc", limit: 2, offset: 4 }),
      await api.accounts.list({ sortOrder: "asc", limit: 2, offset: 6 }),
    ];
    expect(pages.map((p) => p.items.map((i) => i.group))).toEqual([
      ["demo-usd", "demo-eur"],
      ["real-usd", "wallet-usd"],
      ["wallet-eur"],
      [],
    ]);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5, 5]);
    expect((await api.accounts.list({ limit: 1 })).items).toHaveLength(1);
    expect((await api.accounts.list({ limit: 100 })).items).toHaveLength(5);
  });

  it("filters by currency, permissions, platform, mode and kind, and combines them", async () => {
    const { api } = await customerWithFiveAccounts();
    const groups = async (input: Parameters<typeof api.accounts.list>[0]) =>
      (await api.accounts.list({ sortOrder: "asc", ...input })).items.map((i) => i.group);
    expect(await groups({ alphabeticCurrencyCode: "USD" })).toEqual(["demo-usd", "real-usd", "wallet-usd"]);
    expect(await groups({ alphabeticCurrencyCode: "eur" })).toEqual(["demo-eur", "wallet-eur"]);
    expect(await groups({ alphabeticCurrencyCode: "BTC" })).toEqual([]);
    expect(await groups({ permissions: "trade" })).toEqual(["demo-usd", "demo-eur", "real-usd"]);
    expect(await groups({ permissions: ["deposit"] })).toEqual(["real-usd", "wallet-usd", "wallet-eur"]);
    expect(await groups({ permissions: ["exchange"] })).toEqual(["wallet-usd", "wallet-eur"]);
    expect(await groups({ permissions: ["trade", "withdrawal"] })).toEqual(["real-usd"]);
    expect(await groups({ permissions: ["transferDeposit", "transferWithdrawal"], alphabeticCurrencyCode: "USD" })).toEqual([
      "real-usd",
      "wallet-usd",
    ]);
    expect(await groups({ permissions: ["enabled", "visible"] })).toHaveLength(5);
    expect(await groups({ platform: "MT5" })).toHaveLength(5);
    expect(await groups({ platform: "MT4" })).toEqual([]);
    expect(await groups({ accountMode: "DEMO" })).toEqual(["demo-usd", "demo-eur"]);
    expect(await groups({ accountMode: "REAL", kind: "TRADING" })).toEqual(["real-usd"]);
    expect(await groups({ kind: "WALLET", alphabeticCurrencyCode: "EUR" })).toEqual(["wallet-eur"]);
    expect((await api.accounts.list({ accountMode: "DEMO" })).total).toBe(2);
  });

  it("hides archived accounts unless includeArchived, and gives them no permission", async () => {
    const { api, ids } = await customerWithFiveAccounts();
    await api.accounts.archive({ accountId: ids["demo-eur"]! });
    const visible = await api.accounts.list();
    expect(visible.total).toBe(4);
    expect(visible.items.map((i) => i.id)).not.toContain(ids["demo-eur"]);
    const all = await api.accounts.list({ includeArchived: true, sortOrder: "asc" });
    expect(all.total).toBe(5);
    const archived = all.items.find((i) => i.id === ids["demo-eur"]);
    expect(archived?.archivedAt).toBe(h.clock.now().toISOString());
    expect(archived?.permissions).toEqual([]);
    expect((await api.accounts.list({ includeArchived: true, permissions: "visible" })).total).toBe(4);
  });

  it("refuses bad bounds and filter values with INVALID_DATA and field errors", async () => {
    const { api } = await newCustomer(h);
    const bad = [
      { limit: 0 },
      { limit: 101 },
      { limit: 1.5 },
      { offset: -1 },
      { alphabeticCurrencyCode: "US" },
      { alphabeticCurrencyCode: "DOLLAR" },
      { permissions: "fly" },
      { permissions: ["trade", "fly"] },
      { accountMode: "PAPER" },
      { kind: "SAVINGS" },
      { platform: "" },
      { sortBy: "balance" },
      { sortOrder: "up" },
      { includeArchived: "yes" },
      { unknown: 1 },
    ];
    for (const input of bad) {
      const error = await failure(api.accounts.list(input as never));
      expect([error?.code, error?.httpStatus], JSON.stringify(input)).toEqual(["INVALID_DATA", 400]);
    }
    expect((await failure(api.accounts.list({ limit: 0 })))?.fieldErrors).toHaveProperty("limit");
    expect((await failure(api.accounts.list({ offset: -1 })))?.fieldErrors).toHaveProperty("offset");
    expect(await codeOf(h.caller(null).accounts.list())).toBe("INVALID_CUSTOMER_SESSION");
  });
});

describe("permissions", () => {
  it("the in-memory rule and the SQL filter of each permission agree on every kind, mode and state", async () => {
    const { customer, ids } = await customerWithFiveAccounts();
    await h.db.account.update({ where: { id: ids["demo-usd"]! }, data: { archivedAt: h.clock.now() } });
    await h.db.account.update({ where: { id: ids["wallet-eur"]! }, data: { archivedAt: h.clock.now() } });
    const accounts = await h.db.account.findMany({ where: { customerId: customer.id } });
    for (const permission of PERMISSIONS) {
      const bySql = await h.db.account.findMany({
        where: { customerId: customer.id, ...PERMISSION_RULES[permission].where },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const inMemory = accounts.filter((a) => permissionsOf(a).includes(permission)).map((a) => a.id).sort((a, b) => a - b);
      expect(bySql.map((a) => a.id), permission).toEqual(inMemory);
    }
  });
});

describe("accounts.get and accounts.live", () => {
  it("get shows what the portal knows, live what the core holds", async () => {
    const { api } = await newCustomer(h);
    const { id, login } = await openFrom(api, "demo-usd", { startAmount: "1234.56" });
    const details = await api.accounts.get({ accountId: id });
    expect(details).toMatchObject({ id, login, kind: "TRADING", accountMode: "DEMO", currency: "USD", group: "demo-usd", archivedAt: null });
    expect(await api.accounts.live({ accountId: id })).toEqual({
      accountId: id,
      login,
      currency: "USD",
      balance: "1234.56",
      equity: "1234.56",
      leverage: 100,
      enabled: true,
      archived: false,
    });
  });

  it("a core that does not answer: live is 500 CORE_NOT_AVAILABLE, get still answers", async () => {
    const { api } = await newCustomer(h);
    const { id } = await openFrom(api, "demo-usd");
    await h.faults.setUnavailable(true);
    const error = await failure(api.accounts.live({ accountId: id }));
    expect([error?.code, error?.httpStatus]).toEqual(["CORE_NOT_AVAILABLE", 500]);
    await expect(api.accounts.get({ accountId: id })).resolves.toMatchObject({ id });
    await h.faults.setUnavailable(false);
    await h.faults.failNext("getAccount", 1);
    expect(await codeOf(api.accounts.live({ accountId: id }))).toBe("CORE_NOT_AVAILABLE");
  });

  it("an archived account stays readable", async () => {
    const { api } = await newCustomer(h);
    const { id } = await openFrom(api, "demo-usd");
    await api.accounts.archive({ accountId: id });
    await expect(api.accounts.get({ accountId: id })).resolves.toMatchObject({ id, archivedAt: expect.any(String), permissions: [] });
    await expect(api.accounts.live({ accountId: id })).resolves.toMatchObject({ balance: "0.00", archived: true });
  });

  it("refuses malformed ids with INVALID_DATA", async () => {
    const { api } = await newCustomer(h);
    for (const accountId of [0, -1, 1.5, "1", 2 ** 31]) {
      expect(await codeOf(api.accounts.get({ accountId } as never)), String(accountId)).toBe("INVALID_DATA");
    }
  });
});

describe("accounts.update", () => {
  it("renames (trimmed) and marks as favorite, separately or together, and null restores the default caption", async () => {
    const { api } = await newCustomer(h);
    const { id } = await openFrom(api, "demo-usd");
    expect(await api.accounts.update({ accountId: id, caption: "  Scalping  " })).toMatchObject({ caption: "Scalping", customCaption: true, favorite: false });
    expect(await api.accounts.update({ accountId: id, favorite: true })).toMatchObject({ caption: "Scalping", favorite: true });
    expect(await api.accounts.update({ accountId: id, caption: "x".repeat(64), favorite: false })).toMatchObject({ caption: "x".repeat(64), favorite: false });
    expect(await api.accounts.update({ accountId: id, caption: null })).toMatchObject({ caption: "demo-usd", customCaption: false });
    expect(await api.accounts.get({ accountId: id })).toMatchObject({ caption: "demo-usd", favorite: false });
  });

  it("refuses an empty update, captions out of 1..64 after trimming, and archived accounts", async () => {
    const { api } = await newCustomer(h);
    const { id } = await openFrom(api, "demo-usd");
    for (const input of [{}, { caption: "" }, { caption: "   " }, { caption: "x".repeat(65) }, { caption: "a\nb" }, { favorite: "yes" }, { caption: 5 }]) {
      expect(await codeOf(api.accounts.update({ accountId: id, ...input } as never)), JSON.stringify(input)).toBe("INVALID_DATA");
    }
    await api.accounts.archive({ accountId: id });
    const error = await failure(api.accounts.update({ accountId: id, caption: "Later" }));
    expect([error?.code, error?.httpStatus]).toEqual(["ACCOUNT_ARCHIVED", 409]);
    expect(await codeOf(api.accounts.update({ accountId: id, favorite: true }))).toBe("ACCOUNT_ARCHIVED");
    expect((await api.accounts.get({ accountId: id })).caption).toBe("demo-usd");
  });

  it("funds stay where they are when a REAL account is renamed", async () => {
    const { api } = await newCustomer(h, { kycApproved: true });
    const { id, login } = await openFrom(api, "real-usd");
    await fund(h, login, "10.00");
    await api.accounts.update({ accountId: id, caption: "Main" });
    expect((await api.accounts.live({ accountId: id })).balance).toBe("10.00");
  });
});
