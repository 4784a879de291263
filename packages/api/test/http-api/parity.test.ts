// The facade adds nothing: for the same call, HTTP and the tRPC procedure (through
// `createCaller` with the same bearer credential) give the same result, refusal or value,
// up to the names (snake_case vs camelCase).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Credential } from "../../src/context";
import { getDomainError } from "../../src/errors";
import { PASSWORD, setUp, signedIn, tearDown, type Setup } from "./support";

let s: Setup;
beforeAll(async () => {
  s = await setUp();
});
afterAll(() => tearDown(s));

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
function snakeDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeDeep);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), snakeDeep(v)]));
  }
  return value;
}

async function both(token: string) {
  const credential: Credential = { type: "bearer", token };
  return { trpc: s.h.caller(credential), http: (method: string, path: string, body?: unknown) => s.api.call(method, path, { token, body }) };
}

/** A tRPC refusal as the HTTP body would carry it. */
async function refusal(p: Promise<unknown>) {
  const error = getDomainError(await p.then(() => undefined, (e: unknown) => e));
  if (!error) throw new Error("the procedure did not refuse");
  return { status: error.httpStatus, error: error.code, message: error.message, details: snakeDeep(error.details ?? {}), fieldErrors: error.fieldErrors, fieldCodes: error.fieldCodes };
}

describe("the facade and the procedures agree", () => {
  it("on values: groups and linked accounts", async () => {
    const { token } = await signedIn(s, { kycApproved: true });
    const { trpc, http } = await both(token);
    await http("POST", "/customer/account/open", { group: "demo-usd" });
    await http("POST", "/customer/account/open", { group: "wallet-usd" });

    const groups = await http("GET", "/customer/account/groups");
    expect(groups.body).toEqual({ groups: snakeDeep(await trpc.accounts.groups()) });
    expect((groups.body.groups as Array<{ already_held: boolean; name: string }>).find((g) => g.name === "wallet-usd")?.already_held).toBe(true);

    const accounts = await http("GET", "/customer/session/accounts");
    expect(accounts.body).toEqual(snakeDeep(await trpc.session.accounts()));
    expect((accounts.body.accounts as unknown[]).length).toBe(1);
  });

  it("on login: the same profile and accounts, the tokens aside", async () => {
    const { customer } = await signedIn(s);
    const http = await s.api.call("POST", "/customer/auth/login", { body: { email: customer.email, password: PASSWORD } });
    const trpc = snakeDeep(await s.h.caller().auth.login({ email: customer.email, password: PASSWORD })) as Record<string, unknown>;
    const tokens = ["__token", "refresh_token", "token_expires_at", "device_token"];
    const fields = Object.keys(http.body).filter((k) => !tokens.includes(k));
    expect(Object.fromEntries(fields.map((k) => [k, http.body[k]]))).toEqual(Object.fromEntries(fields.map((k) => [k, trpc[k]])));
    // `__token` is tRPC's `token`; the other two keep their names.
    expect(Object.keys(trpc)).toEqual(expect.arrayContaining(["token", "refresh_token", "token_expires_at"]));
  });

  it("on refusals: the same code, status, message, details and fields", async () => {
    const { token } = await signedIn(s);
    const { trpc, http } = await both(token);
    const cases: Array<[unknown, () => Promise<unknown>]> = [
      [{ group: "no-such-group" }, () => trpc.accounts.open({ group: "no-such-group" })],
      [{ group: "real-usd-vip" }, () => trpc.accounts.open({ group: "real-usd-vip" })],
      [{ group: "demo-usd-legacy" }, () => trpc.accounts.open({ group: "demo-usd-legacy" })],
      [{ group: "real-usd" }, () => trpc.accounts.open({ group: "real-usd" })],
      [{ group: "demo-usd", leverage: 30 }, () => trpc.accounts.open({ group: "demo-usd", leverage: 30 })],
      [{ group: "demo-usd", start_amount: "999999" }, () => trpc.accounts.open({ group: "demo-usd", startAmount: "999999" })],
      [{ group: 5 }, () => trpc.accounts.open({ group: 5 } as never)],
    ];
    for (const [body, call] of cases) {
      const reply = await http("POST", "/customer/account/open", body);
      const expected = await refusal(call());
      const { error, message, field_errors: fieldErrors, field_codes: fieldCodes, ...details } = reply.body;
      expect({ status: reply.status, error, message, details }, JSON.stringify(body)).toEqual({
        status: expected.status,
        error: expected.error,
        message: expected.message,
        details: expected.details,
      });
      expect(fieldErrors, JSON.stringify(body)).toEqual(expected.fieldErrors ? snakeDeep(expected.fieldErrors) : undefined);
      // The codes agree too: one mapping from schema issues, whichever way the call came in.
      expect(fieldCodes, JSON.stringify(body)).toEqual(expected.fieldCodes ? snakeDeep(expected.fieldCodes) : undefined);
    }

    // OTP: the same refusal for a check without OTP, and for anonymous callers.
    const check = await http("POST", "/customer/auth/otp/check", { code: "123456" });
    const expected = await refusal(trpc.otp.check({ code: "123456" }));
    expect([check.status, check.body.error]).toEqual([expected.status, expected.error]);
    const anonymous = await s.api.call("GET", "/customer/account/groups");
    const anonymousTrpc = await refusal(s.h.caller(null).accounts.groups());
    expect([anonymous.status, anonymous.body.error, anonymous.body.message]).toEqual([
      anonymousTrpc.status,
      anonymousTrpc.error,
      anonymousTrpc.message,
    ]);
  });

  it("on seed 001's camelCase paths: the same account, and the same refusals with the same field names", async () => {
    const { token } = await signedIn(s);
    const { trpc, http } = await both(token);
    const opened = await http("POST", "/customer/account/open", { group: "demo-usd" });
    const accountId = opened.body.account_id as number;
    const renamed = await http("PATCH", `/api/v2/my/accounts/${accountId}`, { caption: "Parity" });
    const viaTrpc = await trpc.accounts.get({ accountId });
    expect(renamed.body).toMatchObject({ id: viaTrpc.id, caption: viaTrpc.caption, createTime: viaTrpc.createdAt, alphabeticCurrencyCode: viaTrpc.currency });

    const cases: Array<[unknown, () => Promise<unknown>]> = [
      [{ caption: "x".repeat(65) }, () => trpc.accounts.update({ accountId, caption: "x".repeat(65) })],
      [{}, () => trpc.accounts.update({ accountId })],
      [{ favorite: "yes" }, () => trpc.accounts.update({ accountId, favorite: "yes" } as never)],
    ];
    for (const [body, call] of cases) {
      const reply = await http("PUT", `/api/v2/my/accounts/${accountId}`, body);
      const expected = await refusal(call());
      expect(
        { status: reply.status, error: reply.body.error, message: reply.body.message, fieldErrors: reply.body.field_errors, fieldCodes: reply.body.field_codes },
        JSON.stringify(body),
      ).toEqual({ status: expected.status, error: expected.error, message: expected.message, fieldErrors: expected.fieldErrors, fieldCodes: expected.fieldCodes });
    }
  });
});
