// history.list and history.exportCsv (issue #13): the caller's own movements only,
// filtered, newest first, keyset-paged; the CSV of the same filters.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordMovement } from "../../src/money/movements";
import { createHarness, type Harness } from "../support/harness";
import { codeOf, failure, seedGroups } from "../accounts/fixtures";
import { trader } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());

let keys = 0;
const key = () => `history-key-${++keys}`;
const SECOND = 1000;

/** Records `count` movements on one account, one second apart (the clock moves). */
async function movements(customerId: number, accountId: number, count: number, kind: "DEPOSIT" | "WITHDRAWAL" = "DEPOSIT") {
  for (let i = 0; i < count; i++) {
    h.clock.advance(SECOND);
    await recordMovement(h.db, {
      customerId,
      accountId,
      kind,
      status: "COMPLETED",
      amount: kind === "DEPOSIT" ? `${i + 1}.5` : `-${i + 1}.25`,
      currency: "USD",
      reference: `test:${key()}`,
      at: h.clock.now(),
    });
  }
}

describe("history.list", () => {
  it("shows a transfer as two rows, newest first, with accounts, counterparties and two-decimal amounts", async () => {
    const t = await trader(h);
    h.clock.advance(SECOND);
    await t.api.accounts.update({ accountId: t.wallet.id, caption: "Rainy day" });
    await t.api.accounts.transfer({ fromAccountId: t.real.id, toAccountId: t.wallet.id, amount: "120.5", idempotencyKey: key() });

    const page = await t.api.history.list({});
    expect(page.nextCursor).toBeNull();
    const transfer = page.items.filter((i) => i.kind === "TRANSFER");
    expect(transfer).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          amount: "-120.50",
          currency: "USD",
          status: "COMPLETED",
          account: { id: t.real.id, login: t.real.login, caption: "real-usd", kind: "TRADING", accountMode: "REAL" },
          counterparty: { id: t.wallet.id, login: t.wallet.login, caption: "Rainy day" },
        }),
        expect.objectContaining({
          amount: "120.50",
          account: expect.objectContaining({ id: t.wallet.id, caption: "Rainy day", kind: "WALLET" }),
          counterparty: { id: t.real.id, login: t.real.login, caption: "real-usd" },
        }),
      ]),
    );
    expect(transfer).toHaveLength(2);
    // The demo account's opening deposit is in the history too, older than the transfer.
    const demoOpening = page.items.find((i) => i.kind === "OPENING_DEPOSIT");
    expect(demoOpening).toMatchObject({ amount: "10000.00", account: { id: t.demo.id, accountMode: "DEMO" }, counterparty: null });
    const times = page.items.map((i) => Date.parse(i.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by account, kinds, statuses and a time window", async () => {
    const t = await trader(h);
    // After the demo account's opening deposit (recorded when the trader was set up).
    h.clock.advance(SECOND);
    const start = h.clock.now();
    await movements(t.customer.id, t.real.id, 3, "DEPOSIT");
    const middle = new Date(h.clock.now().getTime() + 1);
    await movements(t.customer.id, t.wallet.id, 2, "WITHDRAWAL");
    h.clock.advance(SECOND);
    await recordMovement(h.db, {
      customerId: t.customer.id,
      accountId: t.wallet.id,
      kind: "WITHDRAWAL",
      status: "PENDING",
      amount: "-9.00",
      currency: "USD",
      reference: `test:${key()}`,
      at: h.clock.now(),
    });

    const real = await t.api.history.list({ accountId: t.real.id });
    expect(real.items.map((i) => i.amount)).toEqual(["3.50", "2.50", "1.50"]);
    expect(new Set(real.items.map((i) => i.account.id))).toEqual(new Set([t.real.id]));

    const withdrawals = await t.api.history.list({ kinds: ["WITHDRAWAL"] });
    expect(withdrawals.items.map((i) => [i.amount, i.status])).toEqual([
      ["-9.00", "PENDING"],
      ["-2.25", "COMPLETED"],
      ["-1.25", "COMPLETED"],
    ]);
    const pending = await t.api.history.list({ statuses: ["PENDING"] });
    expect(pending.items.map((i) => i.amount)).toEqual(["-9.00"]);
    const both = await t.api.history.list({ kinds: ["DEPOSIT", "WITHDRAWAL"], statuses: ["COMPLETED"] });
    expect(both.items).toHaveLength(5);

    const window = await t.api.history.list({ from: start.toISOString(), to: middle.toISOString() });
    expect(window.items.map((i) => i.amount)).toEqual(["3.50", "2.50", "1.50"]);
    const since = await t.api.history.list({ from: middle.toISOString(), kinds: ["WITHDRAWAL"] });
    expect(since.items).toHaveLength(3);
    // `to` is exclusive: a window ending at the first deposit's instant leaves it out.
    const first = real.items.at(-1)!.createdAt;
    expect((await t.api.history.list({ accountId: t.real.id, to: first })).items).toHaveLength(0);
    expect((await t.api.history.list({ accountId: t.real.id, from: first, to: first })).items).toHaveLength(0);
  });

  it("pages newest first with a cursor: every row once, none repeated when new ones arrive meanwhile", async () => {
    const t = await trader(h);
    await movements(t.customer.id, t.wallet.id, 25);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await t.api.history.list({ accountId: t.wallet.id, limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.amount));
      cursor = page.nextCursor ?? undefined;
      pages++;
      // New movements recorded between pages (newer than all) do not shift later pages.
      if (pages === 1) await movements(t.customer.id, t.wallet.id, 3);
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `${25 - i}.50`));
    // The new rows are on a fresh first page.
    expect((await t.api.history.list({ accountId: t.wallet.id, limit: 3 })).items.map((i) => i.amount)).toEqual(["3.50", "2.50", "1.50"]);
  });

  it("rows recorded at the same instant page by id, none lost or repeated", async () => {
    const t = await trader(h);
    const at = h.clock.now();
    for (let i = 0; i < 7; i++) {
      await recordMovement(h.db, {
        customerId: t.customer.id,
        accountId: t.eur.id,
        kind: "ADJUSTMENT",
        status: "COMPLETED",
        amount: `${i}.01`,
        currency: "EUR",
        reference: `test:${key()}`,
        at,
      });
    }
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.api.history.list({ accountId: t.eur.id, limit: 2, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
  });

  it("refuses a cursor it did not make, a window that ends before it starts and odd inputs with INVALID_DATA", async () => {
    const t = await trader(h);
    for (const cursor of ["nope", Buffer.from("2026-01-01T00:00:00.000Z|1; DROP TABLE").toString("base64url"), "x".repeat(200)]) {
      const refused = await failure(t.api.history.list({ cursor }));
      expect([refused?.code, refused?.fieldCodes]).toEqual(["INVALID_DATA", { cursor: ["INVALID_FORMAT"] }]);
    }
    const window = await failure(t.api.history.list({ from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" }));
    expect([window?.code, Object.keys(window?.fieldErrors ?? {})]).toEqual(["INVALID_DATA", ["to"]]);
    const odd = [
      { limit: 0 },
      { limit: 101 },
      { kinds: ["THEFT"] },
      { statuses: ["DONE"] },
      { from: "yesterday" },
      { accountId: -1 },
      { accountId: "1 OR 1=1" },
      { extra: true },
    ];
    for (const input of odd) expect(await codeOf(t.api.history.list(input as never))).toBe("INVALID_DATA");
  });
});

describe("isolation between customers", () => {
  it("another customer's account id answers 404 NOT_FOUND, exactly like an id that does not exist", async () => {
    const alice = await trader(h);
    const mallory = await trader(h);
    await alice.api.accounts.transfer({ fromAccountId: alice.real.id, toAccountId: alice.wallet.id, amount: "10.00", idempotencyKey: key() });

    const foreign = await failure(mallory.api.history.list({ accountId: alice.real.id }));
    const missing = await failure(mallory.api.history.list({ accountId: 2_000_000_000 }));
    const accountsFeature = await failure(mallory.api.accounts.get({ accountId: alice.real.id }));
    expect([foreign?.code, foreign?.httpStatus, foreign?.message]).toEqual(["NOT_FOUND", 404, accountsFeature?.message]);
    expect([missing?.code, missing?.message]).toEqual([foreign?.code, foreign?.message]);
    expect(await codeOf(mallory.api.history.exportCsv({ accountId: alice.wallet.id }))).toBe("NOT_FOUND");

    const mine = await mallory.api.history.list({ limit: 100 });
    expect(mine.items.every((i) => [mallory.real.id, mallory.wallet.id, mallory.eur.id, mallory.demo.id].includes(i.account.id))).toBe(true);
    const csv = (await mallory.api.history.exportCsv({})).csv;
    expect(csv).not.toContain(String(alice.real.login));
  });

  it("a cursor from another customer's list pages only the caller's own rows", async () => {
    const alice = await trader(h);
    const mallory = await trader(h);
    await movements(alice.customer.id, alice.wallet.id, 4);
    const alicePage = await alice.api.history.list({ limit: 1 });
    const page = await mallory.api.history.list({ cursor: alicePage.nextCursor!, limit: 100 });
    expect(page.items.every((i) => i.account.id !== alice.wallet.id && i.account.id !== alice.real.id)).toBe(true);
  });

  it("an anonymous caller gets 401 before the input is looked at", async () => {
    const anonymous = h.caller(null);
    expect(await codeOf(anonymous.history.list({ limit: 5000 } as never))).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(anonymous.history.exportCsv({}))).toBe("INVALID_CUSTOMER_SESSION");
  });
});

describe("history.exportCsv", () => {
  it("is RFC 4180 CSV of the same filters: header, CRLF, quoted fields, amounts as numbers", async () => {
    const t = await trader(h);
    await t.api.accounts.update({ accountId: t.wallet.id, caption: 'Savings, "blue" jar' });
    h.clock.advance(SECOND);
    await t.api.accounts.transfer({ fromAccountId: t.real.id, toAccountId: t.wallet.id, amount: "99.99", idempotencyKey: key() });

    const out = await t.api.history.exportCsv({ kinds: ["TRANSFER"] });
    expect(out.fileName).toBe(`history-${h.clock.now().toISOString().slice(0, 10)}.csv`);
    expect([out.rows, out.truncated]).toEqual([2, false]);
    expect(out.csv.startsWith("\ufeffDate (UTC),Account login,Account,Kind,Status,Amount,Currency,Counterparty login,Counterparty,Description,Id\r\n")).toBe(true);
    expect(out.csv).toContain(`"Savings, ""blue"" jar"`);
    expect(out.csv.split("\r\n")).toHaveLength(4); // header, two rows, the final empty line

    const records = parse(out.csv, { bom: true, columns: true }) as Record<string, string>[];
    const list = await t.api.history.list({ kinds: ["TRANSFER"] });
    expect(records.map((r) => r["Id"])).toEqual(list.items.map((i) => i.id));
    expect(records.map((r) => [r["Account login"], r["Account"], r["Amount"], r["Counterparty"], r["Kind"], r["Status"]])).toEqual(
      list.items.map((i) => [String(i.account.login), i.account.caption, i.amount, i.counterparty?.caption, "TRANSFER", "COMPLETED"]),
    );
    expect(records.find((r) => r["Amount"] === "-99.99")?.["Account"]).toBe("real-usd");
  });

  it("neutralises cells a spreadsheet would run as a formula", async () => {
    const t = await trader(h);
    const hostile = ['=HYPERLINK("http://evil.example","x")', "+1+2", "-3+4", "@SUM(A1)"];
    const records: Record<string, string>[] = [];
    for (const caption of hostile) {
      await t.api.accounts.update({ accountId: t.wallet.id, caption });
      h.clock.advance(SECOND);
      await t.api.accounts.transfer({ fromAccountId: t.real.id, toAccountId: t.wallet.id, amount: "1.00", idempotencyKey: key() });
      const out = await t.api.history.exportCsv({ accountId: t.real.id, kinds: ["TRANSFER"] });
      records.push((parse(out.csv, { bom: true, columns: true }) as Record<string, string>[])[0]!);
    }
    expect(records.map((r) => r["Counterparty"])).toEqual(hostile.map((c) => `'${c}`));
    // Amounts stay numbers: a debit's minus sign is not a formula.
    expect(records.map((r) => r["Amount"])).toEqual(["-1.00", "-1.00", "-1.00", "-1.00"]);
    for (const r of records) for (const [column, cell] of Object.entries(r)) if (column !== "Amount") expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("is throttled per customer: the 11th export in 10 minutes is 429 and reads nothing", async () => {
    const t = await trader(h);
    const other = await trader(h);
    for (let i = 0; i < 10; i++) await t.api.history.exportCsv({});
    const refused = await failure(t.api.history.exportCsv({}));
    expect([refused?.code, refused?.httpStatus, typeof refused?.details?.["retryAfterSeconds"]]).toEqual(["TOO_MANY_ATTEMPTS", 429, "number"]);
    // Another customer keeps their own budget; the list is not throttled.
    expect((await other.api.history.exportCsv({})).rows).toBeGreaterThan(0);
    expect((await t.api.history.list({})).items.length).toBeGreaterThan(0);
  });
});
