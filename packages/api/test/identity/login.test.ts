import { performance } from "node:perf_hooks";
import { generate, generateSecret } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CATALOG } from "../../src/errors";
import { encryptSecret } from "../../src/otp/secret-box";
import { createHarness, type Harness } from "../support/harness";
import {
  apiLogin,
  bearer,
  callerAs,
  codeOf,
  createBrand,
  refusal,
  registerCustomer,
  rowCounts,
  strongPassword,
  uniqueEmail,
  uniqueIp,
} from "./fixtures";

let h: Harness;
let brandId: number;
beforeAll(async () => {
  h = await createHarness();
  brandId = (await createBrand(h)).id;
});
afterAll(() => h.close());

const unixSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

async function addGroup(name: string, kind: "TRADING" | "WALLET" = "TRADING") {
  return h.db.accountGroup.create({
    data: {
      brandId,
      name,
      kind,
      accountMode: kind === "WALLET" ? "REAL" : "DEMO",
      currency: "USD",
      platform: "MT5",
      leverage: 100,
      allowedLeverages: [50, 100],
    },
  });
}

let nextLogin = 700_001;
async function addAccount(customerId: number, group: { id: number; kind: "TRADING" | "WALLET" }, extra: { leverage?: number; archivedAt?: Date } = {}) {
  nextLogin += 1;
  return h.db.account.create({
    data: {
      customerId,
      groupId: group.id,
      brandId,
      login: nextLogin,
      kind: group.kind,
      accountMode: group.kind === "WALLET" ? "REAL" : "DEMO",
      currency: "USD",
      platform: "MT5",
      leverage: extra.leverage ?? 100,
      archivedAt: extra.archivedAt ?? null,
      createdAt: new Date(h.clock.now().getTime() + nextLogin),
    },
  });
}

describe("auth.login: success (seed 002)", () => {
  it("answers the profile, no accounts and working tokens; records the login time", async () => {
    const c = await registerCustomer(h, { phone: "+35712345678", firstName: "John", lastName: "Smith" });
    const ip = uniqueIp();
    const before = await rowCounts(h);
    const result = await apiLogin(h, c.email, c.password, { ip, userAgent: "seed-002-client" });
    expect(result).toMatchObject({
      customerId: c.customerId,
      email: c.email,
      fullName: "John Smith",
      firstName: "John",
      lastName: "Smith",
      status: 0,
      phone: "+35712345678",
      preferredLanguage: "en",
      brand: "default",
      deskId: null,
      managerId: null,
      lastLoginTime: unixSeconds(h.clock.now()),
      otpEnabled: 0,
      accounts: [],
    });
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(result.refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(result.refreshToken).not.toBe(result.token);
    expect(result.tokenExpiresAt).toBe(new Date(h.clock.now().getTime() + 15 * 60_000).toISOString());
    expect(result).not.toHaveProperty("sessionId");
    expect(result).not.toHaveProperty("passwordHash");
    const row = await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    expect(row.lastLoginAt).toEqual(h.clock.now());

    // one API session from that address, with an access and a refresh token stored hashed
    const after = await rowCounts(h);
    expect(after.sessions).toBe(before.sessions + 1);
    const session = await h.db.session.findFirstOrThrow({ where: { customerId: c.customerId }, include: { tokens: true } });
    expect(session).toMatchObject({ kind: "API", ip, userAgent: "seed-002-client", revokedAt: null });
    expect(session.tokens.map((t) => t.kind).sort()).toEqual(["ACCESS", "REFRESH"]);
    for (const t of session.tokens) {
      expect(t.tokenHash).not.toBe(result.token);
      expect(t.tokenHash).not.toBe(result.refreshToken);
    }

    // the bearer token is a session for the customer procedures
    const me = await callerAs(h, bearer(result.token)).customer.me();
    expect(me).toMatchObject({ customerId: c.customerId, email: c.email, lastLoginTime: result.lastLoginTime });
    await expect(callerAs(h, bearer(result.token)).session.accounts()).resolves.toEqual({ accounts: [] });
    // the refresh token is not an access token
    expect(await codeOf(callerAs(h, bearer(result.refreshToken)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("lists the linked trading accounts with seed 002's fields, in login and session.accounts", async () => {
    const c = await registerCustomer(h, { firstName: "Ann", lastName: "Lee" });
    const group = await addGroup("standard");
    const wallets = await addGroup("wallet-usd-login", "WALLET");
    const first = await addAccount(c.customerId, group, { leverage: 50 });
    const archived = await addAccount(c.customerId, group, { archivedAt: h.clock.now() });
    await addAccount(c.customerId, wallets);
    const other = await registerCustomer(h);
    await addAccount(other.customerId, group);

    const result = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    const expected = [
      { login: first.login, customerId: c.customerId, enable: 1, leverage: 50, group: "standard", name: "Ann Lee", email: c.email },
      { login: archived.login, customerId: c.customerId, enable: 0, leverage: 100, group: "standard", name: "Ann Lee", email: c.email },
    ];
    expect(result.accounts).toEqual(expected);
    await expect(callerAs(h, bearer(result.token)).session.accounts()).resolves.toEqual({ accounts: expected });
  });

  it("accepts the e-mail in any letter case and with surrounding spaces", async () => {
    const c = await registerCustomer(h);
    const result = await apiLogin(h, `  ${c.email.toUpperCase()} `, c.password, { ip: uniqueIp() });
    expect(result.customerId).toBe(c.customerId);
  });

  it("creates a new session for every login", async () => {
    const c = await registerCustomer(h);
    const ip = uniqueIp();
    const a = await apiLogin(h, c.email, c.password, { ip });
    const b = await apiLogin(h, c.email, c.password, { ip });
    expect(a.token).not.toBe(b.token);
    expect(await h.db.session.count({ where: { customerId: c.customerId, revokedAt: null } })).toBe(2);
    expect(await codeOf(callerAs(h, bearer(a.token)).customer.me())).toBe("OK");
    expect(await codeOf(callerAs(h, bearer(b.token)).customer.me())).toBe("OK");
  });
});

describe("auth.login: refusals (seed 002's table)", () => {
  it("INVALID_DATA (400) for a bad body, before anything is counted or recorded", async () => {
    const before = await rowCounts(h);
    const caller = callerAs(h, null, { ip: uniqueIp() });
    const e = await refusal(caller.auth.login({ email: "not-an-email", password: "" }));
    expect(e.code).toBe("INVALID_DATA");
    expect(e.httpStatus).toBe(400);
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["email", "password"]);
    expect(await codeOf(caller.auth.login({ email: uniqueEmail(), password: "x", otp_code: "1" } as never))).toBe(
      "INVALID_DATA",
    );
    expect(await codeOf(caller.auth.login({} as never))).toBe("INVALID_DATA");
    expect(await rowCounts(h)).toEqual(before);
  });

  it("CUSTOMER_NOT_FOUND_OR_INCORRECT (403) alike for an unknown e-mail and a wrong password", async () => {
    const c = await registerCustomer(h);
    const ip = uniqueIp();
    const before = await rowCounts(h);
    const unknown = await refusal(apiLogin(h, uniqueEmail("nobody"), c.password, { ip }));
    const wrong = await refusal(apiLogin(h, c.email, `${c.password}x`, { ip }));
    for (const e of [unknown, wrong]) {
      expect(e.code).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
      expect(e.httpStatus).toBe(403);
      expect(e.message).toBe(ERROR_CATALOG.CUSTOMER_NOT_FOUND_OR_INCORRECT.message);
      expect(e.fieldErrors).toBeUndefined();
      expect(e.details).toBeUndefined();
    }
    expect(wrong.message).toBe(unknown.message);
    const after = await rowCounts(h);
    expect(after.sessions).toBe(before.sessions);
    expect(after.apiTokens).toBe(before.apiTokens);
    const row = await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    expect(row.lastLoginAt).toBeNull();
  });

  it("takes about the same time for an unknown e-mail as for a wrong password (a dummy hash is verified)", async () => {
    const c = await registerCustomer(h);
    const ip = uniqueIp();
    const timed = async (email: string, password: string) => {
      const t0 = performance.now();
      expect(await codeOf(apiLogin(h, email, password, { ip }))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
      return performance.now() - t0;
    };
    const resetCounters = async () => {
      for (const name of ["loginByAccount", "loginByAccountHour", "loginByAccountDay"] as const) await h.rateLimits.reset(name, c.email);
      await h.rateLimits.reset("loginByAccountAddress", `${c.email}|${ip}`);
      await h.rateLimits.reset("loginByAddress", ip);
    };
    // warm both paths (the dummy hash is made on first use)
    await timed(uniqueEmail("warm"), "wrong password 0");
    await timed(c.email, "wrong password 0");
    await resetCounters();
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(await timed(uniqueEmail("timing"), `wrong password ${i}`));
      wrong.push(await timed(c.email, `wrong password ${i}`));
      await resetCounters();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const u = median(unknown);
    const w = median(wrong);
    console.info(`login timing: unknown e-mail median ${u.toFixed(1)} ms, wrong password median ${w.toFixed(1)} ms`);
    expect(u).toBeGreaterThan(0.5 * w);
    expect(w).toBeGreaterThan(0.5 * u);
  });

  it("CUSTOMER_DISABLED (403) for a disabled customer with the right password; a wrong one tells nothing", async () => {
    const c = await registerCustomer(h);
    await h.db.customer.update({ where: { id: c.customerId }, data: { status: 1 } });
    const ip = uniqueIp();
    const before = await rowCounts(h);
    const e = await refusal(apiLogin(h, c.email, c.password, { ip }));
    expect(e.code).toBe("CUSTOMER_DISABLED");
    expect(e.httpStatus).toBe(403);
    expect(await codeOf(apiLogin(h, c.email, "Wrong-password-1", { ip }))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    const after = await rowCounts(h);
    expect(after.sessions).toBe(before.sessions);
  });
});

describe("auth.login with OTP (seed 002)", () => {
  async function withOtp(options: { secret: string | null }) {
    const c = await registerCustomer(h);
    await h.db.customer.update({
      where: { id: c.customerId },
      data: { otpEnabled: true, otpSecretEnc: options.secret === null ? null : encryptSecret(options.secret) },
    });
    return c;
  }
  const login = (email: string, password: string, otpCode?: string) =>
    callerAs(h, null, { ip: uniqueIp() }).auth.login({ email, password, ...(otpCode === undefined ? {} : { otpCode }) });
  const codeAt = (secret: string, offsetSeconds = 0) =>
    generate({ secret, epoch: unixSeconds(h.clock.now()) + offsetSeconds });

  it("OTP_NOT_CONFIGURED (403) when OTP is enabled but there is no secret", async () => {
    const c = await withOtp({ secret: null });
    const before = await rowCounts(h);
    const e = await refusal(login(c.email, c.password));
    expect(e.code).toBe("OTP_NOT_CONFIGURED");
    expect(e.httpStatus).toBe(403);
    expect(await codeOf(login(c.email, c.password, "123456"))).toBe("OTP_NOT_CONFIGURED");
    expect((await rowCounts(h)).sessions).toBe(before.sessions);
  });

  it("OTP_REQUIRED (403) without a code; INVALID_OTP_CODE (403) with a wrong one; no session either way", async () => {
    const secret = generateSecret();
    const c = await withOtp({ secret });
    const before = await rowCounts(h);
    const required = await refusal(login(c.email, c.password));
    expect(required.code).toBe("OTP_REQUIRED");
    expect(required.httpStatus).toBe(403);
    const valid = new Set([await codeAt(secret, -30), await codeAt(secret), await codeAt(secret, 30)]);
    let wrong = "000000";
    while (valid.has(wrong)) wrong = String(Number(wrong) + 1).padStart(6, "0");
    const invalid = await refusal(login(c.email, c.password, wrong));
    expect(invalid.code).toBe("INVALID_OTP_CODE");
    expect(invalid.httpStatus).toBe(403);
    expect((await rowCounts(h)).sessions).toBe(before.sessions);
    const row = await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    expect(row.lastLoginAt).toBeNull();
  });

  it("a wrong password comes first: CUSTOMER_NOT_FOUND_OR_INCORRECT, not an OTP code", async () => {
    const c = await withOtp({ secret: generateSecret() });
    expect(await codeOf(login(c.email, "Wrong-password-1"))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
  });

  it("logs in with the current code (otpEnabled 1); the same code again is INVALID_OTP_CODE", async () => {
    const secret = generateSecret();
    const c = await withOtp({ secret });
    const code = await codeAt(secret);
    const result = await login(c.email, c.password, code);
    expect(result).toMatchObject({ customerId: c.customerId, otpEnabled: 1 });
    expect(await codeOf(callerAs(h, bearer(result.token)).customer.me())).toBe("OK");
    const before = await rowCounts(h);
    expect(await codeOf(login(c.email, c.password, code))).toBe("INVALID_OTP_CODE");
    expect((await rowCounts(h)).sessions).toBe(before.sessions);
  });

  it("accepts a code of the previous time step (window 1)", async () => {
    const secret = generateSecret();
    const c = await withOtp({ secret });
    expect(await codeOf(login(c.email, c.password, await codeAt(secret, -30)))).toBe("OK");
  });
});

describe("a password is never given back", () => {
  it("login answers carry no password or hash", async () => {
    const password = strongPassword("echo");
    const c = await registerCustomer(h, { password });
    const result = await apiLogin(h, c.email, password, { ip: uniqueIp() });
    const text = JSON.stringify(result);
    expect(text).not.toContain(password);
    expect(text).not.toContain("argon2");
  });
});
