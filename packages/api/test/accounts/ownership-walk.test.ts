// Walks EVERY procedure of appRouter whose input names an account (`accountId`,
// `fromAccountId`, `toAccountId`, `fallbackId`, ...) and proves that another customer's
// account answers exactly like an account that does not exist: 404 NOT_FOUND with the
// same message (FALLBACK_INVALID for a fallback), and changes nothing of the other
// customer's. A new account-scoped procedure fails this test until it is added to
// SAMPLES below, and so walked (issue #7).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDomainError } from "../../src/errors";
import { appRouter } from "../../src/root";
import type { ProcedureMeta } from "../../src/trpc";
import { createHarness, type Harness } from "../support/harness";
import { coreBalance, fund, newCustomer, openFrom, seedGroups } from "./fixtures";

/** A key of an input that holds an account's portal id. */
const ACCOUNT_KEY = /^(accountId|[a-z]+AccountId|fallbackId)$/;
const MISSING_ID = 2_000_000_000;

interface ZodLike {
  _zod?: { def: { type: string; shape?: Record<string, unknown>; innerType?: ZodLike; in?: ZodLike } };
}

/** The keys of an input schema, through optional/default/prefault/pipe wrappers. */
function inputKeys(schema: unknown): string[] {
  const def = (schema as ZodLike)._zod?.def;
  if (!def) return [];
  if (def.type === "object") return Object.keys(def.shape ?? {});
  if (def.innerType) return inputKeys(def.innerType);
  if (def.in) return inputKeys(def.in);
  return [];
}

interface WalkedProcedure {
  _def: { meta?: Partial<ProcedureMeta>; inputs?: unknown[] };
}

// At run time `_def.procedures` is flat, keyed by dotted path.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, WalkedProcedure>).map(([path, p]) => ({
  path,
  access: p._def.meta?.access,
  accountKeys: (p._def.inputs ?? []).flatMap(inputKeys).filter((k) => ACCOUNT_KEY.test(k)),
}));

interface Own {
  demo: number;
  real: number;
  wallet: number;
}

/** A valid input per account-scoped customer procedure, naming only the caller's own accounts. */
const SAMPLES: Record<string, (own: Own) => Record<string, unknown>> = {
  "accounts.get": (own) => ({ accountId: own.demo }),
  "history.list": (own) => ({ accountId: own.demo }),
  "history.exportCsv": (own) => ({ accountId: own.demo }),
  "accounts.live": (own) => ({ accountId: own.demo }),
  "accounts.update": (own) => ({ accountId: own.demo, caption: "Walked", favorite: true }),
  "accounts.transfer": (own) => ({ fromAccountId: own.real, toAccountId: own.wallet, amount: "1.00", idempotencyKey: "walk-key-0001" }),
  // `real` holds funds, so the fallback is really looked at.
  "accounts.archive": (own) => ({ accountId: own.real, fallbackId: own.wallet }),
  "accounts.passwordWizard.start": (own) => ({ accountId: own.demo, passwordType: "main" }),
  "accounts.passwordWizard.confirm": (own) => ({ accountId: own.demo, flowId: randomUUID(), code: "123456" }),
  "accounts.passwordWizard.change": (own) => ({ accountId: own.demo, flowId: randomUUID(), password: "Walk-Pass-1", passwordConfirmation: "Walk-Pass-1" }),
  "accounts.restorePassword": (own) => ({ accountId: own.demo, passwordType: "investor" }),
  // Both accounts are looked up (404) before the wallet and currency checks.
  "conversion.quote": (own) => ({ fromAccountId: own.wallet, toAccountId: own.real, amount: "1.00" }),
  "deposits.create": (own) => ({ accountId: own.real, amount: "20.00", idempotencyKey: "walk-deposit-0001" }),
  "deposits.list": (own) => ({ accountId: own.real }),
  "withdrawals.request": (own) => ({ accountId: own.real, amount: "1.00", idempotencyKey: "walk-withdrawal-0001" }),
  "withdrawals.list": (own) => ({ accountId: own.real }),
  "statements.list": (own) => ({ accountId: own.real }),
  "statements.generate": (own) => ({ accountId: own.real, month: "2026-01" }),
  "statements.file": (own) => ({ accountId: own.real, month: "2026-01", format: "pdf" }),
};

/** Procedures that name any customer's account on purpose: staff act for every customer. */
const STAFF_WIDE = ["staff.adjustBalance"];

let h: Harness;
let me: Awaited<ReturnType<typeof newCustomer>>;
let stranger: Awaited<ReturnType<typeof newCustomer>>;
let own: Own;
let theirs: Own;
let theirLogins: number[];

beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
  me = await newCustomer(h, { kycApproved: true });
  stranger = await newCustomer(h, { kycApproved: true });
  const open = async (c: typeof me) => {
    const demo = await openFrom(c.api, "demo-usd");
    const real = await openFrom(c.api, "real-usd");
    const wallet = await openFrom(c.api, "wallet-usd");
    await fund(h, real.login, "100.00");
    return { ids: { demo: demo.id, real: real.id, wallet: wallet.id }, logins: [demo.login, real.login, wallet.login] };
  };
  own = (await open(me)).ids;
  const t = await open(stranger);
  theirs = t.ids;
  theirLogins = t.logins;
});
afterAll(() => h.close());

/** The refusal as a caller sees it (everything but the stack). */
async function answer(path: string, input: Record<string, unknown>) {
  let target: unknown = me.api;
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  try {
    await (target as (input: unknown) => Promise<unknown>)(input);
    return { code: "OK" };
  } catch (error) {
    const d = getDomainError(error);
    if (!d) throw error;
    return { code: d.code, httpStatus: d.httpStatus, message: d.message, fieldErrors: d.fieldErrors ?? null, details: d.details ?? null };
  }
}

/** The stranger's account of the same kind as one of mine. */
const theirsLike = (ownId: number) => theirs[(Object.keys(own) as Array<keyof Own>).find((k) => own[k] === ownId)!];

describe("ownership walk over appRouter", () => {
  const scoped = procedures.filter((p) => p.accountKeys.length > 0);

  it("finds every account-scoped procedure, and each customer one has a sample to walk", () => {
    expect(scoped.length).toBeGreaterThanOrEqual(9);
    const customerScoped = scoped.filter((p) => p.access === "customer").map((p) => p.path);
    expect(customerScoped.sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(scoped.filter((p) => p.access !== "customer").map((p) => p.path).sort()).toEqual([...STAFF_WIDE].sort());
    expect(scoped.find((p) => p.path === "accounts.transfer")?.accountKeys).toEqual(["fromAccountId", "toAccountId"]);
  });

  it("another customer's account answers exactly like one that does not exist, in every account field of every procedure", async () => {
    const found: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const { path, accountKeys } of scoped.filter((p) => p.access === "customer")) {
      const sample = SAMPLES[path]!(own);
      for (const key of accountKeys) {
        const ownId = sample[key] as number;
        const foreign = await answer(path, { ...sample, [key]: theirsLike(ownId) });
        const missing = await answer(path, { ...sample, [key]: MISSING_ID });
        found[`${path} ${key}`] = { foreign, missing };
        const refusal =
          key === "fallbackId"
            ? { code: "FALLBACK_INVALID", httpStatus: 409 }
            : { code: "NOT_FOUND", httpStatus: 404, message: "Account not found" };
        expected[`${path} ${key}`] = { foreign: missing, missing: expect.objectContaining(refusal) };
      }
    }
    expect(found).toEqual(expected);
  });

  it("the samples are valid: with the caller's own ids each passes the ownership check", async () => {
    for (const path of ["accounts.get", "accounts.live", "accounts.passwordWizard.confirm"]) {
      const result = await answer(path, SAMPLES[path]!(own));
      expect(result.code, path).not.toBe("NOT_FOUND");
    }
  });

  it("the walk changed nothing of the other customer's: accounts, balances, passwords, e-mails, flows, links, archivals", async () => {
    const accounts = await h.db.account.findMany({
      where: { customerId: stranger.customer.id },
      select: { caption: true, favorite: true, archivedAt: true, mustChangePassword: true },
    });
    expect(accounts).toEqual(accounts.map(() => ({ caption: null, favorite: false, archivedAt: null, mustChangePassword: true })));
    expect(await Promise.all(theirLogins.map((l) => coreBalance(h, l)))).toEqual(["10000.00", "100.00", "0.00"]);
    expect(await h.db.message.count({ where: { customerId: stranger.customer.id } })).toBe(0);
    const ids = Object.values(theirs);
    expect(await h.db.tradingPasswordFlow.count({ where: { accountId: { in: ids } } })).toBe(0);
    expect(await h.db.passwordRestoreLink.count({ where: { accountId: { in: ids } } })).toBe(0);
    expect(await h.db.accountArchival.count({ where: { accountId: { in: ids } } })).toBe(0);
    expect(await h.db.deposit.count({ where: { accountId: { in: ids } } })).toBe(0);
    expect(await h.db.withdrawal.count({ where: { accountId: { in: ids } } })).toBe(0);
    expect(await h.db.auditEvent.count({ where: { customerId: stranger.customer.id, kind: { not: "account.opened" } } })).toBe(0);
  });
});
