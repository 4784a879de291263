// Seed 001's trading-password wizard (GET .../password/wizard, POST .../password/confirm,
// PUT .../password) and restore (POST .../password/restore) over real HTTP: the seed's
// bodies and step answers (200, then 202), every documented refusal, and nothing changed
// by a refused call (no flow advanced, no password set, no e-mail sent).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { wizardChangeResponseSchema, wizardConfirmResponseSchema, wizardStartResponseSchema } from "../../src/http-api/schemas-mobile";
import { codeIn, expectError, lastMessage, messageCount, openVia } from "./mobile-support";
import { setUp, signedIn, tearDown, type Setup } from "./support";

let s: Setup;
beforeAll(async () => {
  s = await setUp();
});
afterAll(() => tearDown(s));
beforeEach(() => s.h.faults.reset());

const TEN_MINUTES = 10 * 60 * 1000;
const NEW_PASSWORD = "1234567As";
const base = (id: number) => `/api/v2/my/accounts/${id}/password`;

async function trader(options: { emailVerified?: boolean } = {}) {
  const c = await signedIn(s, { kycApproved: true });
  const account = await openVia(s, c.token, "demo-usd");
  if (options.emailVerified === false) {
    await s.h.db.customer.update({ where: { id: c.customer.id }, data: { emailVerifiedAt: null } });
  }
  return { ...c, account };
}

type Trader = Awaited<ReturnType<typeof trader>>;

async function start(t: Trader, passwordType = "main", id = t.account.id) {
  const reply = await s.api.call("GET", `${base(id)}/wizard?passwordType=${passwordType}`, { token: t.token });
  if (reply.status !== 200) return { reply, code: "", uuid: "" };
  const mail = await lastMessage(s, t.customer.id, "trading-password-change-code");
  return { reply, code: codeIn(mail!.body, 6), uuid: reply.body.uuid as string };
}

const flowsOf = (accountId: number) =>
  s.h.db.tradingPasswordFlow.findMany({
    where: { accountId },
    orderBy: { createdAt: "asc" },
    select: { confirmedAt: true, completedAt: true, closedAt: true, attempts: true },
  });

const passwordWorks = (login: number, password: string, type: "main" | "investor" = "main") =>
  s.h.core.checkPassword({ login, type, password });

describe("the trading-password wizard at seed 001's paths", () => {
  it("starts (200, a code e-mailed), confirms the code (200) and sets the password (202), with the seed's bodies", async () => {
    const t = await trader();
    const { reply, code, uuid } = await start(t);
    const now = s.h.clock.now();
    expect(wizardStartResponseSchema.strict().safeParse(reply.body).success).toBe(true);
    expect(reply.body).toEqual({
      code: 200,
      data: {
        sentAt: now.toISOString(),
        expiredAt: new Date(now.getTime() + TEN_MINUTES).toISOString(),
        recipient: {
          template: "trading-password-change-code",
          email: `${t.customer.email[0]}***@example.com`,
          name: "John Smith",
          method: "email",
        },
      },
      done: false,
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      workflow: "confirm",
    });

    // The seed sends the code as a number.
    const confirm = await s.api.call("POST", `${base(t.account.id)}/confirm`, { token: t.token, body: { code: Number(code), uuid } });
    expect(confirm.status).toBe(200);
    expect(wizardConfirmResponseSchema.strict().safeParse(confirm.body).success).toBe(true);
    expect(confirm.body).toEqual({ code: 200, data: { expiredAt: expect.any(String) }, done: false, uuid, workflow: "change" });

    const change = await s.api.call("PUT", base(t.account.id), {
      token: t.token,
      body: { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, uuid },
    });
    expect(change.status).toBe(202);
    expect(wizardChangeResponseSchema.strict().safeParse(change.body).success).toBe(true);
    expect(change.body).toEqual({ code: 202, data: {}, done: true, uuid, workflow: "terminated" });
    expect(await passwordWorks(t.account.login, NEW_PASSWORD)).toBe(true);

    // A finished flow sets nothing again.
    expectError(
      await s.api.call("PUT", base(t.account.id), { token: t.token, body: { password: "Other-9876a", passwordConfirmation: "Other-9876a", uuid } }),
      400,
      "CODE_INVALID",
    );
    expect(await passwordWorks(t.account.login, "Other-9876a")).toBe(false);
  });

  it("start refuses a bad password type, a wallet, an unverified e-mail, an archived or a foreign account, sending nothing", async () => {
    const t = await trader();
    const other = await trader();
    const wallet = await openVia(s, t.token, "wallet-usd");
    const mails = await messageCount(s, t.customer.id);
    expectError((await start(t, "")).reply, 400, "INVALID_DATA", ["passwordType"]);
    expectError((await start(t, "master")).reply, 400, "INVALID_DATA", ["passwordType"]);
    expectError(await s.api.call("GET", `${base(t.account.id)}/wizard`, { token: t.token }), 400, "INVALID_DATA", ["passwordType"]);
    expectError(await s.api.call("GET", `${base(t.account.id)}/wizard?passwordType=main&x=1`, { token: t.token }), 400, "INVALID_DATA", ["x"]);
    expectError((await start(t, "main", wallet.id)).reply, 400, "INVALID_DATA", ["accountId"]);
    expectError((await start(t, "main", other.account.id)).reply, 404, "NOT_FOUND");
    expectError(await s.api.call("GET", `${base(t.account.id)}/wizard?passwordType=main`), 401, "INVALID_CUSTOMER_SESSION");
    const unverified = await trader({ emailVerified: false });
    expectError((await start(unverified)).reply, 403, "EMAIL_NOT_VERIFIED");
    expect(await flowsOf(unverified.account.id)).toEqual([]);
    await s.api.call("POST", `/api/v2/my/accounts/${t.account.id}/archive`, { token: t.token });
    expectError((await start(t)).reply, 409, "ACCOUNT_ARCHIVED");
    expect(await messageCount(s, t.customer.id)).toBe(mails);
    expect(await flowsOf(t.account.id)).toEqual([]);
    expect(await flowsOf(other.account.id)).toEqual([]);
  });

  it("start is throttled: the 6th code in 10 minutes is 429 TOO_MANY_ATTEMPTS with Retry-After, and sends nothing", async () => {
    const t = await trader();
    for (let i = 0; i < 5; i++) expect((await start(t)).reply.status).toBe(200);
    const mails = await messageCount(s, t.customer.id);
    const refused = (await start(t)).reply;
    expectError(refused, 429, "TOO_MANY_ATTEMPTS");
    expect(refused.body.retry_after_seconds).toEqual(expect.any(Number));
    expect(refused.headers.get("retry-after")).toBe(String(refused.body.retry_after_seconds));
    expect(await messageCount(s, t.customer.id)).toBe(mails);
    expect((await flowsOf(t.account.id)).length).toBe(5);
  });

  it("confirm answers CODE_INVALID for wrong, reused or foreign codes and CODE_EXPIRED for old ones", async () => {
    const t = await trader();
    const other = await trader();
    const confirm = (body: unknown, id = t.account.id, token = t.token) => s.api.call("POST", `${base(id)}/confirm`, { token, body });
    const { code, uuid } = await start(t);
    const wrong = code === "000000" ? "111111" : "000000";

    expectError(await confirm({ code: wrong, uuid }), 400, "CODE_INVALID");
    expect((await flowsOf(t.account.id))[0]).toMatchObject({ confirmedAt: null, attempts: 1 });
    expectError(await confirm({ code }), 400, "INVALID_DATA", ["uuid"]);
    expectError(await confirm({ code: "12ab56", uuid }), 400, "INVALID_DATA", ["code"]);
    expectError(await confirm({ code, uuid: "not-a-uuid" }), 400, "INVALID_DATA", ["uuid"]);
    expectError(await confirm({ code, uuid, flowId: uuid }), 400, "INVALID_DATA", ["flowId"]);
    // Another customer's account with this flow: their account is not found for me...
    expectError(await confirm({ code, uuid }, other.account.id), 404, "NOT_FOUND");
    // ...and my flow is no flow of theirs.
    expectError(await confirm({ code, uuid }, other.account.id, other.token), 400, "CODE_INVALID");
    expect((await flowsOf(t.account.id))[0]).toMatchObject({ confirmedAt: null });

    expect((await confirm({ code, uuid })).status).toBe(200);
    expectError(await confirm({ code, uuid }), 400, "CODE_INVALID");

    const late = await start(t, "investor");
    s.h.clock.advance(TEN_MINUTES + 1000);
    try {
      expectError(await confirm({ code: late.code, uuid: late.uuid }), 400, "CODE_EXPIRED");
    } finally {
      s.h.clock.advance(-(TEN_MINUTES + 1000));
    }
    expect((await flowsOf(t.account.id))[1]).toMatchObject({ confirmedAt: null });
  });

  it("change refuses an unconfirmed flow, a mismatch, the policy and a core fault, setting no password", async () => {
    const t = await trader();
    const { code, uuid } = await start(t);
    const change = (body: unknown) => s.api.call("PUT", base(t.account.id), { token: t.token, body });

    expectError(await change({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, uuid }), 400, "CODE_INVALID");
    await s.api.call("POST", `${base(t.account.id)}/confirm`, { token: t.token, body: { code, uuid } });
    expectError(await change({ password: NEW_PASSWORD, passwordConfirmation: "1234567Ax", uuid }), 400, "INVALID_DATA", ["passwordConfirmation"]);
    expectError(await change({ password: "short", passwordConfirmation: "short", uuid }), 409, "PASSWORD_POLICY");
    expectError(await change({ password: NEW_PASSWORD, uuid }), 400, "INVALID_DATA", ["passwordConfirmation"]);
    expectError(await change({ password: 1234567, passwordConfirmation: 1234567, uuid }), 400, "INVALID_DATA", ["password", "passwordConfirmation"]);
    await s.h.faults.setUnavailable(true);
    expectError(await change({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, uuid }), 500, "CORE_NOT_AVAILABLE");
    await s.h.faults.setUnavailable(false);
    expect(await passwordWorks(t.account.login, NEW_PASSWORD)).toBe(false);
    expect((await flowsOf(t.account.id))[0]).toMatchObject({ completedAt: null });
    // The flow is still good after the fault.
    expect((await change({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, uuid })).status).toBe(202);
  });

  it("two concurrent changes of one flow set one password", async () => {
    const t = await trader();
    const { code, uuid } = await start(t);
    await s.api.call("POST", `${base(t.account.id)}/confirm`, { token: t.token, body: { code, uuid } });
    const replies = await Promise.all(
      ["Parallel-One1", "Parallel-Two2"].map((password) =>
        s.api.call("PUT", base(t.account.id), { token: t.token, body: { password, passwordConfirmation: password, uuid } }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([202, 400]);
    const winner = replies[0]!.status === 202 ? "Parallel-One1" : "Parallel-Two2";
    expect(await passwordWorks(t.account.login, winner)).toBe(true);
  });
});

describe("POST /api/v2/my/accounts/{accountId}/password/restore", () => {
  it("sets a new password and e-mails a single-use link, answering 204 with no body", async () => {
    const t = await trader();
    const reply = await s.api.call("POST", `${base(t.account.id)}/restore`, { token: t.token, body: { passwordType: "main" } });
    expect([reply.status, reply.text]).toEqual([204, ""]);
    const mail = await lastMessage(s, t.customer.id);
    expect(mail!.body).toMatch(/\/accounts\/password-link\/[A-Za-z0-9_-]{20,}/);
    expect(await s.h.db.passwordRestoreLink.count({ where: { accountId: t.account.id, usedAt: null } })).toBe(1);
  });

  it("answers every documented refusal, leaving the password and the links as they were", async () => {
    const t = await trader();
    const other = await trader();
    const restore = (body: unknown, id = t.account.id, token: string | null = t.token) =>
      s.api.call("POST", `${base(id)}/restore`, { token, body });
    const links = () => s.h.db.passwordRestoreLink.count({ where: { accountId: t.account.id } });

    expectError(await restore({}), 400, "INVALID_DATA", ["passwordType"]);
    expectError(await restore({ passwordType: "master" }), 400, "INVALID_DATA", ["passwordType"]);
    expectError(await restore({ passwordType: "main" }, other.account.id), 404, "NOT_FOUND");
    expectError(await restore({ passwordType: "main" }, t.account.id, null), 401, "INVALID_CUSTOMER_SESSION");
    await s.h.faults.setUnavailable(true);
    expectError(await restore({ passwordType: "investor" }), 500, "CORE_NOT_AVAILABLE");
    await s.h.faults.setUnavailable(false);
    expect(await links()).toBe(0);
    expect(await s.h.db.passwordRestoreLink.count({ where: { accountId: other.account.id } })).toBe(0);

    const unverified = await trader({ emailVerified: false });
    expectError(await restore({ passwordType: "main" }, unverified.account.id, unverified.token), 403, "EMAIL_NOT_VERIFIED");

    // Three restores an hour per account (the one the core did not answer counted); the fourth sets nothing.
    for (let i = 0; i < 2; i++) expect((await restore({ passwordType: "investor" })).status).toBe(204);
    const refused = await restore({ passwordType: "investor" });
    expectError(refused, 429, "TOO_MANY_ATTEMPTS");
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect(await links()).toBe(2);

    const restoreArchived = await trader();
    await s.api.call("POST", `/api/v2/my/accounts/${restoreArchived.account.id}/archive`, { token: restoreArchived.token });
    expectError(await restore({ passwordType: "main" }, restoreArchived.account.id, restoreArchived.token), 409, "ACCOUNT_ARCHIVED");
  });
});
