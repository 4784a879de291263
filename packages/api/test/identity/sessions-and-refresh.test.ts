import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../src/root";
import { createHarness, type Harness } from "../support/harness";
import {
  apiLogin,
  bearer,
  callerAs,
  codeOf,
  createBrand,
  createStaffSession,
  refusal,
  registerCustomer,
  rowCounts,
  staffCredential,
  uniqueIp,
  web,
  webLogin,
} from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await createBrand(h);
});
afterAll(() => h.close());

const MINUTE = 60_000;

describe("session.list", () => {
  it("shows each signed-in device with its address, user agent and last-seen time, and marks the current one", async () => {
    const c = await registerCustomer(h);
    const ipA = uniqueIp();
    const ipB = uniqueIp();
    const loginAt = h.clock.now();
    const a = await webLogin(h, c.email, c.password, { ip: ipA, userAgent: "Firefox on Linux" });
    const b = await webLogin(h, c.email, c.password, { ip: ipB, userAgent: "Safari on iPhone" });
    const api = await apiLogin(h, c.email, c.password, { ip: ipB, userAgent: "script/1.0" });
    // somebody else's session is not listed
    const other = await registerCustomer(h);
    await webLogin(h, other.email, other.password);

    h.clock.advance(2 * MINUTE);
    await callerAs(h, web(b)).customer.me(); // b is seen again, later
    const bSeenAt = h.clock.now();
    h.clock.advance(2 * MINUTE);
    const aSeenAt = h.clock.now(); // the listing itself is a call from a

    const list = await callerAs(h, web(a)).session.list();
    expect(list).toHaveLength(3);
    // most recently seen first
    expect(list.map((s) => s.id).slice(0, 2)).toEqual([a, b]);
    expect(list[0]).toEqual({
      id: a,
      kind: "WEB",
      ip: ipA,
      userAgent: "Firefox on Linux",
      createdAt: loginAt.toISOString(),
      lastSeenAt: aSeenAt.toISOString(),
      current: true,
    });
    expect(list[1]).toMatchObject({ id: b, kind: "WEB", ip: ipB, userAgent: "Safari on iPhone", current: false });
    expect(list[1]!.lastSeenAt).toBe(bSeenAt.toISOString());
    const apiSession = list.find((s) => s.kind === "API");
    expect(apiSession).toMatchObject({
      ip: ipB,
      userAgent: "script/1.0",
      current: false,
      createdAt: loginAt.toISOString(),
      lastSeenAt: loginAt.toISOString(),
    });
    expect(list.filter((s) => s.current)).toHaveLength(1);

    // through the bearer token, the API session is the current one
    const fromApi = await callerAs(h, bearer(api.token)).session.list();
    expect(fromApi.find((s) => s.current)?.id).toBe(apiSession!.id);
  });

  it("does not list revoked sessions", async () => {
    const c = await registerCustomer(h);
    const a = await webLogin(h, c.email, c.password);
    const b = await webLogin(h, c.email, c.password);
    await callerAs(h, web(a)).session.revoke({ sessionId: b });
    expect((await callerAs(h, web(a)).session.list()).map((s) => s.id)).toEqual([a]);
  });

  // BUG: session.list filters revoked and absolutely expired sessions but not idle-expired
  // ones (src/session/manage-sessions.ts listSessions), which are dead (session/resolve-session.ts isLive).
  it("does not list a session that has expired after 30 idle minutes", async () => {
    const c = await registerCustomer(h);
    const idle = await webLogin(h, c.email, c.password);
    h.clock.advance(31 * MINUTE);
    expect(await codeOf(callerAs(h, web(idle)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    const fresh = await webLogin(h, c.email, c.password);
    expect((await callerAs(h, web(fresh)).session.list()).map((s) => s.id)).toEqual([fresh]);
  });
});

describe("session.revoke / session.revokeOthers / session.logout", () => {
  it("revokes another own session: that session is then 401 INVALID_CUSTOMER_SESSION", async () => {
    const c = await registerCustomer(h);
    const a = await webLogin(h, c.email, c.password);
    const b = await webLogin(h, c.email, c.password);
    await expect(callerAs(h, web(a)).session.revoke({ sessionId: b })).resolves.toEqual({ revoked: true, current: false });
    const e = await refusal(callerAs(h, web(b)).customer.me());
    expect(e.code).toBe("INVALID_CUSTOMER_SESSION");
    expect(e.httpStatus).toBe(401);
    expect(await codeOf(callerAs(h, web(a)).customer.me())).toBe("OK");
    // once revoked, it is gone
    expect(await codeOf(callerAs(h, web(a)).session.revoke({ sessionId: b }))).toBe("NOT_FOUND");
  });

  it("revoking an API session kills its access and refresh tokens", async () => {
    const c = await registerCustomer(h);
    const a = await webLogin(h, c.email, c.password);
    const api = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    const apiSessionId = (await callerAs(h, bearer(api.token)).session.list()).find((s) => s.current)!.id;
    await callerAs(h, web(a)).session.revoke({ sessionId: apiSessionId });
    expect(await codeOf(callerAs(h, bearer(api.token)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(callerAs(h, null).auth.refresh({ refreshToken: api.refreshToken }))).toBe(
      "INVALID_CUSTOMER_SESSION",
    );
  });

  it("another customer's session is 404 NOT_FOUND, like an unknown one, and changes nothing", async () => {
    const mallory = await registerCustomer(h);
    const victim = await registerCustomer(h);
    const m = await webLogin(h, mallory.email, mallory.password);
    const v = await webLogin(h, victim.email, victim.password);
    const before = await rowCounts(h);
    const e = await refusal(callerAs(h, web(m)).session.revoke({ sessionId: v }));
    expect(e.code).toBe("NOT_FOUND");
    expect(e.httpStatus).toBe(404);
    const unknown = await refusal(callerAs(h, web(m)).session.revoke({ sessionId: randomUUID() }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toBe(e.message);
    expect(await rowCounts(h)).toEqual(before);
    expect((await h.db.session.findUniqueOrThrow({ where: { id: v } })).revokedAt).toBeNull();
    expect(await codeOf(callerAs(h, web(v)).customer.me())).toBe("OK");
  });

  it("a session id that is not a UUID is INVALID_DATA", async () => {
    const c = await registerCustomer(h);
    const a = await webLogin(h, c.email, c.password);
    const e = await refusal(callerAs(h, web(a)).session.revoke({ sessionId: "1 or 1=1" }));
    expect(e.code).toBe("INVALID_DATA");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["sessionId"]);
  });

  it("revokes the current session when asked to, and says so", async () => {
    const c = await registerCustomer(h);
    const a = await webLogin(h, c.email, c.password);
    await expect(callerAs(h, web(a)).session.revoke({ sessionId: a })).resolves.toEqual({ revoked: true, current: true });
    expect(await codeOf(callerAs(h, web(a)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("revokeOthers ends every other session (web and API) and keeps the current one", async () => {
    const c = await registerCustomer(h);
    const other = await registerCustomer(h);
    const a = await webLogin(h, c.email, c.password);
    const b = await webLogin(h, c.email, c.password);
    const api = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    const o = await webLogin(h, other.email, other.password);
    await expect(callerAs(h, web(a)).session.revokeOthers()).resolves.toEqual({ revoked: 2 });
    expect(await codeOf(callerAs(h, web(a)).customer.me())).toBe("OK");
    expect(await codeOf(callerAs(h, web(b)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(callerAs(h, bearer(api.token)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(callerAs(h, web(o)).customer.me())).toBe("OK");
    expect((await callerAs(h, web(a)).session.list()).map((s) => s.id)).toEqual([a]);
  });

  it("logout ends the current API session and its tokens; other sessions live on", async () => {
    const c = await registerCustomer(h);
    const a = await webLogin(h, c.email, c.password);
    const api = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    await expect(callerAs(h, bearer(api.token)).session.logout()).resolves.toEqual({ loggedOut: true });
    const e = await refusal(callerAs(h, bearer(api.token)).customer.me());
    expect(e.code).toBe("INVALID_CUSTOMER_SESSION");
    expect(e.httpStatus).toBe(401);
    expect(await codeOf(callerAs(h, null).auth.refresh({ refreshToken: api.refreshToken }))).toBe(
      "INVALID_CUSTOMER_SESSION",
    );
    expect(await codeOf(callerAs(h, web(a)).customer.me())).toBe("OK");
    const tokens = await h.db.apiToken.findMany({ where: { session: { customerId: c.customerId } } });
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((t) => t.revokedAt !== null)).toBe(true);
  });

  it("logout ends a web session", async () => {
    const c = await registerCustomer(h);
    const a = await webLogin(h, c.email, c.password);
    await callerAs(h, web(a)).session.logout();
    expect(await codeOf(callerAs(h, web(a)).session.list())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(callerAs(h, web(a)).session.logout())).toBe("INVALID_CUSTOMER_SESSION");
  });
});

describe("authentication comes before the input schema", () => {
  const PUBLIC = new Set([
    "auth.signUp",
    "auth.login",
    "auth.refresh",
    "auth.requestPasswordReset",
    "auth.resetPassword",
    "brand.get",
    "dev.mailbox",
  ]);
  // Procedures that declare who may call them (`meta.access`) are taken at their word;
  // the others are public only when listed above.
  const procedures = appRouter._def.procedures as Record<string, { _def?: { meta?: { access?: string } } }>;
  const paths = Object.keys(procedures).filter((p) => {
    const access = procedures[p]?._def?.meta?.access;
    return access ? access !== "public" : !PUBLIC.has(p);
  });
  // Paths may nest (accounts.passwordWizard.start): walk the caller segment by segment.
  const call = (caller: unknown, path: string, input: unknown) => {
    const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
    return (fn as (input: unknown) => Promise<unknown>)(input);
  };

  it("lists the signed-in procedures it checks", () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        "customer.me",
        "customer.verifyEmail",
        "customer.verifyPhone",
        "customer.resendCode",
        "customer.changePassword",
        "session.accounts",
        "session.list",
        "session.revoke",
        "session.revokeOthers",
        "session.logout",
        "staff.setCustomerStatus",
      ]),
    );
  });

  it("answers 401 INVALID_CUSTOMER_SESSION to an anonymous call of every signed-in procedure, whatever the input", async () => {
    const before = await rowCounts(h);
    for (const path of paths) {
      for (const input of [undefined, { garbage: true }, "x", { code: 1, sessionId: "nope", channel: 7 }]) {
        const e = await refusal(call(callerAs(h, null), path, input));
        expect(`${path}: ${e.code} ${e.httpStatus}`).toBe(`${path}: INVALID_CUSTOMER_SESSION 401`);
      }
    }
    expect(await rowCounts(h)).toEqual(before);
  });

  it("answers 401 to unknown, malformed and revoked credentials too", async () => {
    const c = await registerCustomer(h);
    const dead = await webLogin(h, c.email, c.password);
    await callerAs(h, web(dead)).session.logout();
    for (const credential of [web(randomUUID()), web("not-a-uuid"), web(dead), bearer(randomBytes(32).toString("base64url"))]) {
      expect(await codeOf(callerAs(h, credential).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
      expect(await codeOf(callerAs(h, credential).session.revoke({ garbage: 1 } as never))).toBe("INVALID_CUSTOMER_SESSION");
    }
  });

  it("answers 403 FORBIDDEN to a staff credential on customer procedures", async () => {
    const staff = await createStaffSession(h);
    const e = await refusal(callerAs(h, staffCredential(staff.sessionId)).customer.me());
    expect(e.code).toBe("FORBIDDEN");
    expect(e.httpStatus).toBe(403);
    expect(await codeOf(callerAs(h, staffCredential(staff.sessionId)).session.list())).toBe("FORBIDDEN");
  });
});

describe("auth.refresh", () => {
  it("rotates: a new access and refresh token; the old access token is revoked, the new one works", async () => {
    const c = await registerCustomer(h);
    const login = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    h.clock.advance(5 * MINUTE);
    const fresh = await callerAs(h, null).auth.refresh({ refreshToken: login.refreshToken });
    expect(fresh.token).not.toBe(login.token);
    expect(fresh.refreshToken).not.toBe(login.refreshToken);
    expect(fresh.tokenExpiresAt).toBe(new Date(h.clock.now().getTime() + 15 * MINUTE).toISOString());
    expect(await codeOf(callerAs(h, bearer(login.token)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect((await callerAs(h, bearer(fresh.token)).customer.me()).customerId).toBe(c.customerId);
    // the same session, not a new one
    expect(await h.db.session.count({ where: { customerId: c.customerId } })).toBe(1);
    // and the new refresh token rotates again
    const third = await callerAs(h, null).auth.refresh({ refreshToken: fresh.refreshToken });
    expect(await codeOf(callerAs(h, bearer(third.token)).customer.me())).toBe("OK");
  });

  it("reusing an old refresh token ends the whole session: the newest tokens stop working too", async () => {
    const c = await registerCustomer(h);
    const login = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    const fresh = await callerAs(h, null).auth.refresh({ refreshToken: login.refreshToken });
    const e = await refusal(callerAs(h, null).auth.refresh({ refreshToken: login.refreshToken }));
    expect(e.code).toBe("INVALID_CUSTOMER_SESSION");
    expect(e.httpStatus).toBe(401);
    expect(await codeOf(callerAs(h, bearer(fresh.token)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(callerAs(h, null).auth.refresh({ refreshToken: fresh.refreshToken }))).toBe(
      "INVALID_CUSTOMER_SESSION",
    );
    const session = await h.db.session.findFirstOrThrow({ where: { customerId: c.customerId } });
    expect(session.revokedAt).not.toBeNull();
  });

  it("renews an expired access token within the session's life", async () => {
    const c = await registerCustomer(h);
    const login = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    h.clock.advance(16 * MINUTE);
    expect(await codeOf(callerAs(h, bearer(login.token)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    const fresh = await callerAs(h, null).auth.refresh({ refreshToken: login.refreshToken });
    expect(await codeOf(callerAs(h, bearer(fresh.token)).customer.me())).toBe("OK");
  });

  it("keeps a session alive by refreshing, but never past its 12 hours", async () => {
    const c = await registerCustomer(h);
    const start = h.clock.now().getTime();
    let tokens = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    // every 25 minutes (under the 30-minute idle limit) until just before 12 hours
    while (h.clock.now().getTime() + 25 * MINUTE < start + 12 * 60 * MINUTE) {
      h.clock.advance(25 * MINUTE);
      tokens = { ...tokens, ...(await callerAs(h, null).auth.refresh({ refreshToken: tokens.refreshToken })) };
    }
    expect(await codeOf(callerAs(h, bearer(tokens.token)).customer.me())).toBe("OK");
    // the last access token never outlives the session
    expect(Date.parse(tokens.tokenExpiresAt)).toBeLessThanOrEqual(start + 12 * 60 * MINUTE);
    h.clock.set(start + 12 * 60 * MINUTE + 1_000);
    expect(await codeOf(callerAs(h, null).auth.refresh({ refreshToken: tokens.refreshToken }))).toBe(
      "INVALID_CUSTOMER_SESSION",
    );
    expect(await codeOf(callerAs(h, bearer(tokens.token)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("refuses a refresh after 30 idle minutes", async () => {
    const c = await registerCustomer(h);
    const login = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    h.clock.advance(31 * MINUTE);
    expect(await codeOf(callerAs(h, null).auth.refresh({ refreshToken: login.refreshToken }))).toBe(
      "INVALID_CUSTOMER_SESSION",
    );
  });

  it("refuses an access token or an unknown token as a refresh token, and a malformed one as INVALID_DATA", async () => {
    const c = await registerCustomer(h);
    const login = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    expect(await codeOf(callerAs(h, null).auth.refresh({ refreshToken: login.token }))).toBe("INVALID_CUSTOMER_SESSION");
    expect(
      await codeOf(callerAs(h, null).auth.refresh({ refreshToken: randomBytes(32).toString("base64url") })),
    ).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(callerAs(h, null).auth.refresh({ refreshToken: "short" }))).toBe("INVALID_DATA");
    // none of that hurt the real session
    expect(await codeOf(callerAs(h, bearer(login.token)).customer.me())).toBe("OK");
    expect(await codeOf(callerAs(h, null).auth.refresh({ refreshToken: login.refreshToken }))).toBe("OK");
  });
});
