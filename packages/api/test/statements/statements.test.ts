// Monthly statements (issue 17): figures against movements made in the month and the months
// around it, the PDF as a reader sees it (parsed back), the CSV, kept-ness, every refusal,
// other customers' ids, and parallel first generations.
import { Prisma } from "@brokerage/db";
import { parse } from "csv-parse/sync";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Credential } from "../../src/context";
import { createSession } from "../../src/session/sessions";
import { statementFigures } from "../../src/statements/statement-data";
import { failure, newCustomer, openFrom, seedGroups } from "../accounts/fixtures";
import { CARD_DECLINED, depositByCard, key, payOnPage } from "../money/fixtures";
import { staffMember } from "../staff/fixtures";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

/** Moves the clock and signs the customer in again there (a month's jump outlives any session). */
async function signedInAt(customerId: number, iso: string) {
  h.clock.set(Date.parse(iso));
  const { sessionId } = await createSession(h.db, {
    customerId,
    kind: "WEB",
    request: { requestId: "t", ip: null, userAgent: null },
    now: h.clock.now(),
  });
  const credential: Credential = { type: "customer-session", sessionId };
  return h.caller(credential);
}

async function adjust(accountId: number, amount: string, type: "deposit" | "withdrawal" = "deposit") {
  const { api } = await staffMember(h, "FINANCE");
  await api.staff.adjustBalance({ accountId, type, amount, comment: "Wire received", idempotencyKey: key("st-adj") });
}

async function pdfText(base64: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.from(base64, "base64")) });
  try {
    return (await parser.getText()).text.replace(/[ \t]+/g, " ");
  } finally {
    await parser.destroy();
  }
}

const csvRows = (base64: string) =>
  parse(Buffer.from(base64, "base64").toString("utf8"), { bom: true, columns: true }) as Array<Record<string, string>>;

// One customer's year: accounts opened in September, money in every month to November.
let tina: Awaited<ReturnType<typeof newCustomer>>;
let wallet: { id: number; login: number };
let eur: { id: number; login: number };
let real: { id: number; login: number };
let demo: { id: number; login: number };
let conversion: { sellAmount: string; buyAmount: string; midRate: string };
const DECEMBER = "2026-12-05T10:00:00Z";

beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
  h.clock.set(Date.parse("2026-09-10T09:00:00Z"));
  tina = await newCustomer(h, { kycApproved: true });
  wallet = await openFrom(tina.api, "wallet-usd");
  eur = await openFrom(tina.api, "wallet-eur");
  real = await openFrom(tina.api, "real-usd");
  demo = await openFrom(tina.api, "demo-usd");
  // September: 1000.00 wired in.
  await adjust(wallet.id, "1000.00");

  // October: a card deposit, a declined one (moves nothing), a transfer out, a conversion out, an adjustment in.
  let api = await signedInAt(tina.customer.id, "2026-10-03T08:00:00Z");
  await depositByCard(h, api, wallet.id, "200.00");
  const declined = await api.deposits.create({ accountId: wallet.id, amount: "70.00", idempotencyKey: key("st-dec") });
  await payOnPage(h, declined.paymentPageUrl!, CARD_DECLINED);
  await h.payments.deliverDueWebhooks();
  api = await signedInAt(tina.customer.id, "2026-10-15T12:00:00Z");
  await api.accounts.transfer({ fromAccountId: wallet.id, toAccountId: real.id, amount: "100.00", idempotencyKey: key("st-tx") });
  h.clock.advance(60_000); // a minute later: lines at the same instant would be in id order
  const quote = await api.conversion.quote({ fromAccountId: wallet.id, toAccountId: eur.id, amount: "50.00" });
  await api.conversion.accept({ quoteId: quote.quoteId });
  const q = await h.db.conversionQuote.findUniqueOrThrow({ where: { id: quote.quoteId } });
  conversion = { sellAmount: q.sellAmount.toFixed(2), buyAmount: q.buyAmount.toFixed(2), midRate: q.midRate.toString() };
  h.clock.set(Date.parse("2026-10-31T23:59:59Z"));
  await adjust(wallet.id, "25.00");

  // November: another deposit (the next statement's).
  api = await signedInAt(tina.customer.id, "2026-11-01T00:00:00Z");
  await depositByCard(h, api, wallet.id, "300.00");
}, 180_000);
afterAll(() => h.close());

describe("statement figures", () => {
  it("October of the USD wallet: opening = September's money, every movement of the month, closing = opening + in + out", async () => {
    const api = await signedInAt(tina.customer.id, DECEMBER);
    const s = await api.statements.generate({ accountId: wallet.id, month: "2026-10" });
    expect(s).toMatchObject({
      accountId: wallet.id,
      login: wallet.login,
      month: "2026-10",
      currency: "USD",
      openingBalance: "1000.00",
      credits: "225.00",
      debits: "-150.00",
      closingBalance: "1075.00",
      // The conversion out of this wallet has its spread on the EUR side: none here.
      fees: "0.00",
      movementCount: 4,
      fileNames: { pdf: `statement-${wallet.login}-2026-10.pdf`, csv: `statement-${wallet.login}-2026-10.csv` },
    });

    // The months around it chain: September closes where October opens, October where November opens,
    // and November's close is the wallet's balance in the core today.
    const september = await api.statements.generate({ accountId: wallet.id, month: "2026-09" });
    expect(september).toMatchObject({ openingBalance: "0.00", closingBalance: "1000.00", credits: "1000.00", movementCount: 1 });
    const november = await api.statements.generate({ accountId: wallet.id, month: "2026-11" });
    expect(november).toMatchObject({ openingBalance: "1075.00", closingBalance: "1375.00", credits: "300.00", movementCount: 1 });
    expect((await h.core.getAccount(wallet.login)).balance).toBe("1375.00");
  });

  it("the EUR wallet's October: the conversion credited, its spread as the fees", async () => {
    const api = await signedInAt(tina.customer.id, DECEMBER);
    const s = await api.statements.generate({ accountId: eur.id, month: "2026-10" });
    const atMid = new Prisma.Decimal(conversion.sellAmount).times(conversion.midRate).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_EVEN);
    const spread = atMid.minus(conversion.buyAmount).toFixed(2);
    expect(Number(spread)).toBeGreaterThan(0);
    expect(s).toMatchObject({ openingBalance: "0.00", credits: conversion.buyAmount, closingBalance: conversion.buyAmount, fees: spread, movementCount: 1 });
  });

  it("the PDF says what a reader needs: period, balances, each movement with its running balance", async () => {
    const api = await signedInAt(tina.customer.id, DECEMBER);
    const file = await api.statements.file({ accountId: wallet.id, month: "2026-10", format: "pdf" });
    expect(file.fileName).toBe(`statement-${wallet.login}-2026-10.pdf`);
    expect(file.contentType).toBe("application/pdf");
    expect(Buffer.from(file.contentBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(file.contentBase64);
    expect(text).toContain(`Customer: ${tina.customer.firstName} ${tina.customer.lastName}`);
    expect(text).toMatch(new RegExp(`Account: ${wallet.login} \\(wallet-usd\\), wallet, USD`));
    expect(text).toContain("Period: 2026-10-01 to 2026-10-31 (UTC)");
    expect(text).toMatch(/Opening balance\s+1000\.00 USD/);
    expect(text).toMatch(/Money in\s+225\.00 USD/);
    expect(text).toMatch(/Money out\s+-150\.00 USD/);
    expect(text).toMatch(/Closing balance\s+1075\.00 USD/);
    expect(text).toMatch(/Fees \(conversion spread, included in the rates above\)\s+0\.00 USD/);
    // The lines in order, with the balance after each.
    expect(text).toMatch(/2026-10-03\s+Deposit\s+Card payment\s+200\.00\s+1200\.00/);
    expect(text).toMatch(new RegExp(`2026-10-15\\s+Transfer\\s+To ${real.login}\\s+-100\\.00\\s+1100\\.00`));
    expect(text).toMatch(new RegExp(`2026-10-15\\s+Conversion\\s+Converted to EUR at [\\d.]+ \\(account\\s+${eur.login}\\)\\s+-50\\.00\\s+1050\\.00`));
    expect(text).toMatch(/2026-10-31\s+Adjustment\s+[^\n]*25\.00\s+1075\.00/);
    // The declined deposit moved nothing and is not a line; November's deposit is next month's.
    expect(text).not.toContain("70.00");
    expect(text).not.toContain("300.00");
  });

  it("the CSV: opening, each movement, closing and the fees; amounts are numbers, text cannot be a formula", async () => {
    const api = await signedInAt(tina.customer.id, DECEMBER);
    const file = await api.statements.file({ accountId: wallet.id, month: "2026-10", format: "csv" });
    expect(file.contentType).toBe("text/csv; charset=utf-8; header=present");
    const raw = Buffer.from(file.contentBase64, "base64");
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString("utf8")).toContain("\r\n");
    const rows = csvRows(file.contentBase64);
    expect(rows.map((r) => [r["Row"], r["Kind"], r["Amount"], r["Balance"]])).toEqual([
      ["OPENING_BALANCE", "", "", "1000.00"],
      ["MOVEMENT", "DEPOSIT", "200.00", "1200.00"],
      ["MOVEMENT", "TRANSFER", "-100.00", "1100.00"],
      ["MOVEMENT", "CONVERSION", "-50.00", "1050.00"],
      ["MOVEMENT", "ADJUSTMENT", "25.00", "1075.00"],
      ["CLOSING_BALANCE", "", "", "1075.00"],
      ["FEES", "", "0.00", ""],
    ]);
    expect(rows[0]!["Date (UTC)"]).toBe("2026-10-01T00:00:00.000Z");
    expect(rows[5]!["Date (UTC)"]).toBe("2026-11-01T00:00:00.000Z");
    expect(rows[2]!["Counterparty login"]).toBe(String(real.login));
    expect(rows.every((r) => r["Currency"] === "USD")).toBe(true);
  });

  it("is kept: a movement recorded later but dated in the month changes neither the figures nor a byte of the files", async () => {
    let api = await signedInAt(tina.customer.id, DECEMBER);
    const first = await api.statements.generate({ accountId: real.id, month: "2026-10" });
    const pdf = await api.statements.file({ accountId: real.id, month: "2026-10", format: "pdf" });
    const csv = await api.statements.file({ accountId: real.id, month: "2026-10", format: "csv" });
    expect(first).toMatchObject({ openingBalance: "0.00", closingBalance: "100.00", movementCount: 1 });

    // Staff book a correction dated in October (the clock set back), after the statement was made.
    h.clock.set(Date.parse("2026-10-20T10:00:00Z"));
    await adjust(real.id, "40.00");
    expect((await statementFigures(h.db, real.id, "2026-10")).closingBalance.toFixed(2)).toBe("140.00");

    api = await signedInAt(tina.customer.id, "2026-12-20T10:00:00Z");
    expect(await api.statements.generate({ accountId: real.id, month: "2026-10" })).toEqual(first);
    expect(await api.statements.file({ accountId: real.id, month: "2026-10", format: "pdf" })).toEqual(pdf);
    expect(await api.statements.file({ accountId: real.id, month: "2026-10", format: "csv" })).toEqual(csv);
    expect(await h.db.accountStatement.count({ where: { accountId: real.id } })).toBe(1);
  });

  it("lists, per REAL account and wallet, the months that have ended since it was opened, and which are made", async () => {
    const api = await signedInAt(tina.customer.id, DECEMBER);
    const list = await api.statements.list();
    expect(list.accounts.map((a) => a.accountId).sort()).toEqual([wallet.id, eur.id, real.id].sort());
    const w = list.accounts.find((a) => a.accountId === wallet.id)!;
    expect(w).toMatchObject({ login: wallet.login, currency: "USD", kind: "WALLET", archived: false });
    expect(w.months).toEqual([
      { month: "2026-11", generated: true },
      { month: "2026-10", generated: true },
      { month: "2026-09", generated: true },
    ]);
    expect((await api.statements.list({ accountId: eur.id })).accounts).toHaveLength(1);
  });
});

describe("refusals", () => {
  it("the current and future months, months before the opening, bad months and DEMO accounts: INVALID_DATA with a field code, nothing stored", async () => {
    const api = await signedInAt(tina.customer.id, DECEMBER);
    const before = await h.db.accountStatement.count();
    const cases: Array<[number, string, string, string]> = [
      [wallet.id, "2026-12", "month", "MONTH_NOT_ENDED"],
      [wallet.id, "2027-01", "month", "MONTH_NOT_ENDED"],
      [wallet.id, "2026-08", "month", "BEFORE_ACCOUNT_OPENED"],
      [wallet.id, "2026-13", "month", "INVALID_FORMAT"],
      [wallet.id, "26-10", "month", "INVALID_FORMAT"],
      [demo.id, "2026-10", "accountId", "DEMO_ACCOUNT"],
    ];
    for (const [accountId, month, field, code] of cases) {
      const e = await failure(api.statements.generate({ accountId, month }));
      expect(e?.code, `${accountId} ${month}`).toBe("INVALID_DATA");
      expect(e?.fieldCodes?.[field]).toEqual([code]);
      expect((await failure(api.statements.file({ accountId, month, format: "pdf" })))?.fieldCodes?.[field]).toEqual([code]);
    }
    expect((await failure(api.statements.list({ accountId: demo.id })))?.fieldCodes?.["accountId"]).toEqual(["DEMO_ACCOUNT"]);
    expect(await failure(api.statements.file({ accountId: wallet.id, month: "2026-10", format: "exe" as "pdf" }))).toMatchObject({ code: "INVALID_DATA" });
    expect(await failure(api.statements.generate({ accountId: wallet.id, month: "2026-10", extra: 1 } as never))).toMatchObject({ code: "INVALID_DATA" });
    expect(await h.db.accountStatement.count()).toBe(before);
  });

  it("a month with a payment still pending: 409 STATEMENT_NOT_READY, made once it is settled", async () => {
    const c = await newCustomer(h, { kycApproved: true });
    let api = await signedInAt(c.customer.id, "2026-10-05T10:00:00Z");
    const w = await openFrom(api, "wallet-usd");
    await api.deposits.create({ accountId: w.id, amount: "80.00", idempotencyKey: key("st-pend") });
    api = await signedInAt(c.customer.id, DECEMBER);
    const e = await failure(api.statements.generate({ accountId: w.id, month: "2026-10" }));
    expect(e).toMatchObject({ code: "STATEMENT_NOT_READY", httpStatus: 409, details: { pendingMovements: 1 } });
    expect(await h.db.accountStatement.count({ where: { accountId: w.id } })).toBe(0);
    await h.db.moneyMovement.updateMany({ where: { accountId: w.id }, data: { status: "EXPIRED" } });
    expect(await api.statements.generate({ accountId: w.id, month: "2026-10" })).toMatchObject({ closingBalance: "0.00", movementCount: 0 });
  });

  it("an archived account: its months up to the archive, not after", async () => {
    const c = await newCustomer(h, { kycApproved: true });
    let api = await signedInAt(c.customer.id, "2026-08-20T10:00:00Z");
    const r = await openFrom(api, "real-usd");
    api = await signedInAt(c.customer.id, "2026-09-20T10:00:00Z");
    await api.accounts.archive({ accountId: r.id });
    api = await signedInAt(c.customer.id, DECEMBER);
    const listed = (await api.statements.list()).accounts.find((a) => a.accountId === r.id)!;
    expect(listed).toMatchObject({ archived: true, months: [{ month: "2026-09", generated: false }, { month: "2026-08", generated: false }] });
    expect(await api.statements.generate({ accountId: r.id, month: "2026-09" })).toMatchObject({ closingBalance: "0.00" });
    expect((await failure(api.statements.generate({ accountId: r.id, month: "2026-10" })))?.fieldCodes?.["month"]).toEqual(["AFTER_ACCOUNT_ARCHIVED"]);
  });

  it("another customer's account answers exactly as one that does not exist; staff and nobody are refused", async () => {
    const mallory = await newCustomer(h, { kycApproved: true });
    const api = await signedInAt(mallory.customer.id, DECEMBER);
    const missing = await failure(api.statements.generate({ accountId: 2_000_000_000, month: "2026-10" }));
    expect(missing).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
    const calls = [
      () => api.statements.generate({ accountId: wallet.id, month: "2026-10" }),
      () => api.statements.file({ accountId: wallet.id, month: "2026-10", format: "pdf" }),
      () => api.statements.file({ accountId: wallet.id, month: "2026-10", format: "csv" }),
      () => api.statements.list({ accountId: wallet.id }),
      // Even a month that is refused for its own account: the account is looked at first.
      () => api.statements.generate({ accountId: wallet.id, month: "2030-01" }),
    ];
    for (const call of calls) {
      const e = await failure(call());
      expect(e).toMatchObject({ code: "NOT_FOUND", message: missing!.message });
    }
    expect((await api.statements.list()).accounts).toEqual([]);
    const { api: staff } = await staffMember(h, "ADMIN");
    expect(await failure(staff.statements.list())).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(h.caller(null).statements.generate({ accountId: wallet.id, month: "2026-10" }))).toMatchObject({ code: "INVALID_CUSTOMER_SESSION" });
  });
});

describe("generation under load", () => {
  it("parallel first requests store one statement and all answer it", async () => {
    const c = await newCustomer(h, { kycApproved: true });
    let api = await signedInAt(c.customer.id, "2026-09-02T10:00:00Z");
    const w = await openFrom(api, "wallet-usd");
    await adjust(w.id, "12.34");
    api = await signedInAt(c.customer.id, DECEMBER);
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.statements.generate({ accountId: w.id, month: "2026-09" })));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(answers[0]).toMatchObject({ closingBalance: "12.34" });
    expect(await h.db.accountStatement.count({ where: { accountId: w.id } })).toBe(1);
  });

  it("new statements are throttled per customer (20 in 10 minutes); kept ones are still served", async () => {
    const c = await newCustomer(h, { kycApproved: true });
    let api = await signedInAt(c.customer.id, "2024-01-15T10:00:00Z");
    const w = await openFrom(api, "wallet-usd");
    api = await signedInAt(c.customer.id, DECEMBER);
    const months = (await api.statements.list({ accountId: w.id })).accounts[0]!.months.map((m) => m.month);
    expect(months.length).toBeGreaterThan(21);
    for (const month of months.slice(0, 20)) await api.statements.generate({ accountId: w.id, month });
    const e = await failure(api.statements.generate({ accountId: w.id, month: months[20]! }));
    expect(e).toMatchObject({ code: "TOO_MANY_ATTEMPTS", httpStatus: 429 });
    expect(await h.db.accountStatement.count({ where: { accountId: w.id } })).toBe(20);
    expect(await api.statements.generate({ accountId: w.id, month: months[0]! })).toMatchObject({ month: months[0] });
  });
});
