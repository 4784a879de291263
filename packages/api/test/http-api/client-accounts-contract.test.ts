// Seed 001 over real HTTP at the seed's own paths: the account list with its filters,
// sorting and paging, details, rename/favorite (PUT and PATCH) and archive with
// `fallbackId`. Every documented refusal answers its status and code in the API's error
// body, and leaves the accounts (and the money) as they were.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accountDetailsResponseSchema, accountListResponseSchema, clientAccountSchema } from "../../src/http-api/schemas-mobile";
import { balanceOf, codeIn, expectError, fund, lastMessage, openVia } from "./mobile-support";
import { setUp, signedIn, tearDown, type Setup } from "./support";

let s: Setup;
beforeAll(async () => {
  s = await setUp();
});
afterAll(() => tearDown(s));
beforeEach(() => s.h.faults.reset());

const ACCOUNTS = "/api/v2/my/accounts";
const accountRow = (id: number) =>
  s.h.db.account.findUniqueOrThrow({ where: { id }, select: { caption: true, favorite: true, archivedAt: true } });

/** A KYC-approved customer with a demo account, a REAL account and a USD wallet. */
async function trader() {
  const c = await signedIn(s, { kycApproved: true });
  const demo = await openVia(s, c.token, "demo-usd");
  const real = await openVia(s, c.token, "real-usd");
  const wallet = await openVia(s, c.token, "wallet-usd");
  return { ...c, demo, real, wallet };
}

describe("GET /api/v2/my/accounts (list)", () => {
  it("lists the caller's accounts with the seed's names, filters, sorting and paging", async () => {
    const t = await trader();
    const eur = await openVia(s, t.token, "demo-eur");
    await trader(); // another customer's accounts never show

    const all = await s.api.call("GET", ACCOUNTS, { token: t.token });
    expect(all.status).toBe(200);
    expect(accountListResponseSchema.strict().safeParse(all.body).success).toBe(true);
    expect(all.body).toMatchObject({ total: 4, limit: 20, offset: 0 });
    const items = all.body.data as Array<Record<string, unknown>>;
    // Newest first by default (createTime, id breaking ties).
    expect(items.map((a) => a.id)).toEqual([eur.id, t.wallet.id, t.real.id, t.demo.id]);
    expect(items.find((a) => a.id === t.demo.id)).toEqual({
      id: t.demo.id,
      login: t.demo.login,
      caption: "demo-usd",
      customCaption: false,
      favorite: false,
      kind: "TRADING",
      accountMode: "DEMO",
      alphabeticCurrencyCode: "USD",
      platform: "MT5",
      leverage: 100,
      group: "demo-usd",
      createTime: expect.any(String),
      archivedAt: null,
      mustChangePassword: true,
      permissions: expect.arrayContaining(["enabled", "visible", "trade"]),
    });
    expect(items.find((a) => a.id === t.demo.id)?.permissions).toHaveLength(3);

    const ids = async (query: string) => {
      const reply = await s.api.call("GET", `${ACCOUNTS}?${query}`, { token: t.token });
      expect(reply.status, `${query}: ${reply.text}`).toBe(200);
      return (reply.body.data as Array<{ id: number }>).map((a) => a.id);
    };
    // The seed's own example query, with our currency.
    expect(await ids("limit=10&offset=0&sort_order=desc&sort_by=createTime&filter[alphabeticCurrencyCode]=USD&filter[permissions]=deposit&filter[platformId]=MT5")).toEqual([
      t.wallet.id,
      t.real.id,
    ]);
    expect(await ids("filter%5BalphabeticCurrencyCode%5D=eur")).toEqual([eur.id]);
    expect(await ids("filter[permissions]=deposit&filter[permissions]=exchange")).toEqual([t.wallet.id]);
    expect(await ids("filter[permissions]=trade,deposit")).toEqual([t.real.id]);
    expect(await ids("filter[platformId]=MT4")).toEqual([]);
    expect(await ids("filter[accountMode]=DEMO&sort_order=asc")).toEqual([t.demo.id, eur.id]);
    expect(await ids("filter[kind]=WALLET")).toEqual([t.wallet.id]);
    expect(await ids("sort_order=asc&limit=2&offset=1")).toEqual([t.real.id, t.wallet.id]);
    const page = await s.api.call("GET", `${ACCOUNTS}?limit=1&offset=3`, { token: t.token });
    expect(page.body).toMatchObject({ total: 4, limit: 1, offset: 3, data: [{ id: t.demo.id }] });

    // Favorites first; archived accounts only when asked for.
    await s.api.call("PATCH", `${ACCOUNTS}/${t.demo.id}`, { token: t.token, body: { favorite: true } });
    expect((await ids("sort_order=desc"))[0]).toBe(t.demo.id);
    await s.api.call("POST", `${ACCOUNTS}/${eur.id}/archive`, { token: t.token, body: {} });
    expect(await ids("filter[accountMode]=DEMO")).toEqual([t.demo.id]);
    expect(await ids("filter[accountMode]=DEMO&filter[includeArchived]=true")).toEqual([t.demo.id, eur.id]);

    // The same as the procedure, up to the names.
    const viaTrpc = await s.h.caller({ type: "bearer", token: t.token }).accounts.list({ sortOrder: "desc" });
    const listed = await s.api.call("GET", ACCOUNTS, { token: t.token });
    expect((listed.body.data as Array<{ id: number; caption: string }>).map((a) => [a.id, a.caption])).toEqual(
      viaTrpc.items.map((a) => [a.id, a.caption]),
    );
  });

  it("refuses bad query parameters with 400 INVALID_DATA naming them, unknown ones too", async () => {
    const { token } = await signedIn(s);
    const cases: Array<[string, string[]]> = [
      ["limit=0", ["limit"]],
      ["limit=101", ["limit"]],
      ["limit=ten", ["limit"]],
      ["offset=-1", ["offset"]],
      ["sort_by=caption", ["sort_by"]],
      ["sort_order=sideways", ["sort_order"]],
      ["filter[permissions]=fly", ["filter[permissions]"]],
      ["filter[alphabeticCurrencyCode]=DOLLAR", ["filter[alphabeticCurrencyCode]"]],
      ["filter[accountMode]=PLAY", ["filter[accountMode]"]],
      ["filter[includeArchived]=maybe", ["filter[includeArchived]"]],
      ["filter[colour]=red", ["filter[colour]"]],
      ["page=2", ["page"]],
      ["limit=1&limit=2", ["limit"]],
    ];
    for (const [query, fields] of cases) {
      expectError(await s.api.call("GET", `${ACCOUNTS}?${query}`, { token }), 400, "INVALID_DATA", fields);
    }
    const codes = await s.api.call("GET", `${ACCOUNTS}?page=2`, { token });
    expect(codes.body.field_codes).toEqual({ page: ["UNKNOWN_FIELD"] });
  });

  it("is 401 INVALID_CUSTOMER_SESSION without a token, with an unknown or an expired one, before the query is looked at", async () => {
    expectError(await s.api.call("GET", `${ACCOUNTS}?limit=ten`), 401, "INVALID_CUSTOMER_SESSION");
    const unknown = await s.api.call("GET", ACCOUNTS, { token: "not-a-real-token-at-all" });
    expectError(unknown, 401, "INVALID_CUSTOMER_SESSION");
    expect(unknown.headers.get("www-authenticate")).toBe('Bearer realm="customer"');
    const { token } = await signedIn(s);
    s.h.clock.advance(16 * 60 * 1000); // the access token lives 15 minutes
    try {
      expectError(await s.api.call("GET", ACCOUNTS, { token }), 401, "INVALID_CUSTOMER_SESSION");
    } finally {
      s.h.clock.advance(-16 * 60 * 1000);
    }
  });
});

describe("POST /api/v2/my/accounts (create)", () => {
  const groupId = async (name: string) => (await s.h.db.accountGroup.findUniqueOrThrow({ where: { name } })).id;

  it("opens from the seed's body (productCurrencyId, leverage, startAmount, options) and answers the account with its temporary password", async () => {
    const { token, customer } = await signedIn(s);
    const groups = await s.api.call("GET", "/customer/account/groups", { token });
    const demo = (groups.body.groups as Array<{ id: number; name: string }>).find((g) => g.name === "demo-usd")!;
    expect(demo.id).toBe(await groupId("demo-usd"));
    const reply = await s.api.call("POST", ACCOUNTS, {
      token,
      body: { productCurrencyId: demo.id, leverage: 100, startAmount: 100, options: {} },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      caption: "demo-usd",
      accountMode: "DEMO",
      alphabeticCurrencyCode: "USD",
      leverage: 100,
      mustChangePassword: true,
      temporaryPassword: expect.stringMatching(/^\S{8,}$/),
    });
    expect(await balanceOf(s, reply.body.login as number)).toBe("100.00");
    expect(await s.h.db.account.count({ where: { customerId: customer.id } })).toBe(1);
    // A repeat with the same key answers the same account, without the password.
    const keyed = { productCurrencyId: demo.id, idempotencyKey: "mobile-open-0001" };
    const first = await s.api.call("POST", ACCOUNTS, { token, body: keyed });
    const again = await s.api.call("POST", ACCOUNTS, { token, body: keyed });
    expect([again.body.id, again.body.temporaryPassword]).toEqual([first.body.id, null]);
    expect(await s.h.db.account.count({ where: { customerId: customer.id } })).toBe(2);
  });

  it("answers seed 000's refusals in its order, by id, opening nothing", async () => {
    const { token, customer } = await signedIn(s);
    const unverified = await signedIn(s, { emailVerified: false });
    const disabled = await s.h.db.accountGroup.findFirstOrThrow({ where: { enabled: false } });
    const hidden = await s.h.db.accountGroup.findFirstOrThrow({ where: { public: false, enabled: true } });
    const open = (body: unknown, t = token) => s.api.call("POST", ACCOUNTS, { token: t, body });

    expectError(await open({ productCurrencyId: 2147483647 }), 400, "INVALID_GROUP");
    expectError(await open({ productCurrencyId: disabled.id }), 403, "GROUP_DISABLED");
    expectError(await open({ productCurrencyId: hidden.id }), 403, "GROUP_NOT_PUBLIC");
    expectError(await open({ productCurrencyId: await groupId("demo-usd"), leverage: 7 }), 400, "INVALID_DATA", ["leverage"]);
    expectError(await open({ productCurrencyId: await groupId("real-usd"), startAmount: 100 }), 400, "INVALID_DATA", ["startAmount"]);
    expectError(await open({ productCurrencyId: "1" }), 400, "INVALID_DATA", ["productCurrencyId"]);
    expectError(await open({}), 400, "INVALID_DATA", ["productCurrencyId"]);
    expectError(await open({ group: "demo-usd" }), 400, "INVALID_DATA", ["group", "productCurrencyId"]);
    expectError(await open({ productCurrencyId: await groupId("demo-usd"), options: { x: 1 } }), 400, "INVALID_DATA", ["options"]);
    expectError(await open({ productCurrencyId: await groupId("real-usd") }, unverified.token), 403, "EMAIL_NOT_VERIFIED");
    // KYC_REQUIRED keeps seed 000's payload.
    const kyc = await open({ productCurrencyId: await groupId("real-usd") });
    expect(kyc.status).toBe(403);
    expect(kyc.body).toMatchObject({ error: "KYC_REQUIRED", kyc_required: true, kyc_required_level: 1, kyc_status: 2 });
    await s.h.faults.setUnavailable(true);
    expectError(await open({ productCurrencyId: await groupId("demo-usd") }), 500, "CORE_NOT_AVAILABLE");
    await s.h.faults.setUnavailable(false);
    expect(await s.h.db.account.count({ where: { customerId: { in: [customer.id, unverified.customer.id] } } })).toBe(0);
  });
});

describe("GET /api/v2/accounts/{accountId} (details)", () => {
  it("answers the account with the core's balance, at the seed's path and at its example's", async () => {
    const t = await trader();
    await fund(s, t.real.login, "125.50");
    for (const path of [`/api/v2/accounts/${t.real.id}`, `${ACCOUNTS}/${t.real.id}`]) {
      const reply = await s.api.call("GET", path, { token: t.token });
      expect(reply.status).toBe(200);
      expect(accountDetailsResponseSchema.strict().safeParse(reply.body).success).toBe(true);
      expect(reply.body).toMatchObject({
        id: t.real.id,
        login: t.real.login,
        accountMode: "REAL",
        kind: "TRADING",
        live: { balance: "125.50", equity: "125.50", leverage: 30, enabled: true, archived: false }, // retail cap (issue 17)
      });
    }
    const details = await s.api.call("GET", `/api/v2/accounts/${t.real.id}`, { token: t.token });
    expect((details.body.permissions as string[]).sort()).toEqual(
      ["enabled", "visible", "trade", "deposit", "withdrawal", "transferDeposit", "transferWithdrawal"].sort(),
    );
    // A core that does not answer: the details still come, without the live part.
    await s.h.faults.setUnavailable(true);
    const down = await s.api.call("GET", `/api/v2/accounts/${t.real.id}`, { token: t.token });
    expect([down.status, down.body.live, down.body.id]).toEqual([200, null, t.real.id]);
  });

  it("answers another customer's account exactly as one that does not exist: 404 NOT_FOUND", async () => {
    const mine = await signedIn(s);
    const theirs = await trader();
    const foreign = await s.api.call("GET", `/api/v2/accounts/${theirs.real.id}`, { token: mine.token });
    const missing = await s.api.call("GET", `/api/v2/accounts/2147483647`, { token: mine.token });
    expectError(foreign, 404, "NOT_FOUND");
    expect(foreign.body).toEqual(missing.body);
    expectError(await s.api.call("GET", `${ACCOUNTS}/${theirs.real.id}`, { token: mine.token }), 404, "NOT_FOUND");
  });

  it("refuses an id that is not a positive 32-bit number with 400 INVALID_DATA naming accountId", async () => {
    const { token } = await signedIn(s);
    for (const id of ["abc", "0", "-1", "1.5", "2147483648", "99999999999999", "%20"]) {
      expectError(await s.api.call("GET", `/api/v2/accounts/${id}`, { token }), 400, "INVALID_DATA", ["accountId"]);
    }
  });
});

describe("PUT and PATCH /api/v2/my/accounts/{accountId} (rename, favorite)", () => {
  it("renames and marks as favorite with the seed's body, answering the account", async () => {
    const t = await trader();
    const put = await s.api.call("PUT", `${ACCOUNTS}/${t.demo.id}`, { token: t.token, body: { caption: "Bitcoin", favorite: true } });
    expect(put.status).toBe(200);
    expect(clientAccountSchema.strict().safeParse(put.body).success).toBe(true);
    expect(put.body).toMatchObject({ id: t.demo.id, caption: "Bitcoin", customCaption: true, favorite: true });
    const patch = await s.api.call("PATCH", `${ACCOUNTS}/${t.demo.id}`, { token: t.token, body: { favorite: false } });
    expect(patch.body).toMatchObject({ caption: "Bitcoin", favorite: false });
    const reset = await s.api.call("PATCH", `${ACCOUNTS}/${t.demo.id}`, { token: t.token, body: { caption: null } });
    expect(reset.body).toMatchObject({ caption: "demo-usd", customCaption: false });
    expect(await accountRow(t.demo.id)).toMatchObject({ caption: null, favorite: false });
  });

  it("refuses bad bodies, other customers' accounts and archived ones, changing nothing", async () => {
    const t = await trader();
    const other = await trader();
    await s.api.call("PUT", `${ACCOUNTS}/${t.demo.id}`, { token: t.token, body: { caption: "Mine" } });
    const before = await accountRow(t.demo.id);
    const put = (body: unknown, id = t.demo.id, token = t.token) => s.api.call("PUT", `${ACCOUNTS}/${id}`, { token, body });

    expectError(await put({}), 400, "INVALID_DATA", ["_form"]);
    expectError(await put({ caption: "x".repeat(65) }), 400, "INVALID_DATA", ["caption"]);
    expectError(await put({ caption: "   " }), 400, "INVALID_DATA", ["caption"]);
    expectError(await put({ caption: "tab\there" }), 400, "INVALID_DATA", ["caption"]);
    expectError(await put({ favorite: "yes" }), 400, "INVALID_DATA", ["favorite"]);
    // The path names the account: a body cannot point elsewhere.
    expectError(await put({ caption: "Hijack", accountId: other.demo.id }), 400, "INVALID_DATA", ["accountId"]);
    expectError(await put([{ caption: "x" }]), 400, "INVALID_DATA", ["_form"]);
    expectError(await put("caption=x"), 400, "INVALID_DATA", ["_form"]);
    expect(await accountRow(t.demo.id)).toEqual(before);

    expectError(await put({ caption: "Hijack" }, other.demo.id), 404, "NOT_FOUND");
    expect(await accountRow(other.demo.id)).toMatchObject({ caption: null });

    expect((await s.api.call("POST", `${ACCOUNTS}/${t.demo.id}/archive`, { token: t.token, body: {} })).status).toBe(204);
    const archived = await accountRow(t.demo.id);
    expectError(await put({ caption: "Again" }), 409, "ACCOUNT_ARCHIVED");
    expectError(await s.api.call("PATCH", `${ACCOUNTS}/${t.demo.id}`, { token: t.token, body: { favorite: true } }), 409, "ACCOUNT_ARCHIVED");
    expect(await accountRow(t.demo.id)).toEqual(archived);
  });
});

describe("POST /api/v2/my/accounts/{accountId}/archive", () => {
  it("archives a demo account without a fallback, answering 204 with no body", async () => {
    const t = await trader();
    const reply = await s.api.call("POST", `${ACCOUNTS}/${t.demo.id}/archive`, { token: t.token });
    expect([reply.status, reply.text]).toEqual([204, ""]);
    expect((await accountRow(t.demo.id)).archivedAt).not.toBeNull();
    expect((await s.h.core.getAccount(t.demo.login)).archived).toBe(true);
  });

  it("moves a funded REAL account's money to the fallback wallet (the seed's body), once", async () => {
    const t = await trader();
    await fund(s, t.real.login, "250.75");
    const archive = (stepUp?: unknown) =>
      s.api.call("POST", `${ACCOUNTS}/${t.real.id}/archive`, { token: t.token, body: { fallbackId: t.wallet.id, ...(stepUp ? { stepUp } : {}) } });
    // Money leaves a REAL account only with a confirmation (issue 16): asked for, sent, given.
    const asked = await archive();
    expectError(asked, 403, "STEP_UP_REQUIRED");
    expect(asked.body).toMatchObject({ channels: ["email"], challenge_id: expect.any(String), expires_at: expect.any(String) });
    const challengeId = asked.body.challenge_id as string;
    const sent = await s.api.call("POST", "/customer/auth/step-up/send", { token: t.token, body: { challenge_id: challengeId, channel: "email" } });
    expect([sent.status, sent.body.sent, sent.body.resend_after_seconds]).toEqual([200, true, 30]);
    const code = codeIn((await lastMessage(s, t.customer.id, "step-up-code"))!.body, 6);
    expectError(await archive({ challengeId, code: code === "000000" ? "111111" : "000000" }), 400, "CODE_INVALID");
    expect(await balanceOf(s, t.real.login)).toBe("250.75");
    expect((await archive({ challengeId, code })).status).toBe(204);
    expect([await balanceOf(s, t.real.login), await balanceOf(s, t.wallet.login)]).toEqual(["0.00", "250.75"]);
    // A replay is refused and moves nothing.
    expectError(await archive(), 409, "ACCOUNT_ARCHIVED");
    expect(await balanceOf(s, t.wallet.login)).toBe("250.75");
  });

  it("answers every documented refusal and leaves the account and its money as they were", async () => {
    const t = await trader();
    const other = await trader();
    await fund(s, t.real.login, "80.00");
    const eurWallet = await openVia(s, t.token, "wallet-eur");
    const archive = (body: unknown, id = t.real.id) => s.api.call("POST", `${ACCOUNTS}/${id}/archive`, { token: t.token, body });
    const unchanged = async () => {
      expect((await accountRow(t.real.id)).archivedAt).toBeNull();
      expect(await balanceOf(s, t.real.login)).toBe("80.00");
      expect((await s.h.core.getAccount(t.real.login)).archived).toBe(false);
    };

    expectError(await archive({}), 409, "FALLBACK_INVALID");
    expectError(await archive({ fallbackId: eurWallet.id }), 409, "FALLBACK_INVALID");
    expectError(await archive({ fallbackId: other.wallet.id }), 409, "FALLBACK_INVALID");
    expectError(await archive({ fallbackId: t.real.id }), 409, "FALLBACK_INVALID");
    expectError(await archive({ fallbackId: "2260" }), 400, "INVALID_DATA", ["fallbackId"]);
    expectError(await archive({ fallbackId: -5 }), 400, "INVALID_DATA", ["fallbackId"]);
    expectError(await archive({ fallbackId: t.wallet.id, reason: "x" }), 400, "INVALID_DATA", ["reason"]);
    expectError(await archive({ fallbackId: t.wallet.id }, other.real.id), 404, "NOT_FOUND");
    expect((await accountRow(other.real.id)).archivedAt).toBeNull();
    expectError(await archive({ fallbackId: t.wallet.id }, 0), 400, "INVALID_DATA", ["accountId"]);
    await s.h.faults.setUnavailable(true);
    expectError(await archive({ fallbackId: t.wallet.id }), 500, "CORE_NOT_AVAILABLE");
    await s.h.faults.setUnavailable(false);
    await unchanged();
    expect(await balanceOf(s, t.wallet.login)).toBe("0.00");
  });
});
