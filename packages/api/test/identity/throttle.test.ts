// The limiter counts in real time (Date.now), so every test uses e-mails and addresses of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createHarness, type Harness } from "../support/harness";
import { apiLogin, callerAs, codeOf, createBrand, refusal, registerCustomer, rowCounts, uniqueEmail, uniqueIp } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  // Several connections, so that simultaneous attempts really run side by side.
  h = await createHarness({ poolSize: 10 });
  await createBrand(h);
});
afterAll(() => h.close());

const WRONG = "Not-the-password-1";

async function failTimes(n: number, email: string, ip: string) {
  for (let i = 0; i < n; i++) {
    expect(await codeOf(apiLogin(h, email, WRONG, { ip })), `attempt ${i + 1}`).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
  }
}

function expectTooMany(e: { code: string; httpStatus: number; details?: Record<string, unknown> | undefined }, maxSeconds: number) {
  expect(e.code).toBe("TOO_MANY_ATTEMPTS");
  expect(e.httpStatus).toBe(429);
  const retry = e.details?.retryAfterSeconds;
  expect(retry).toEqual(expect.any(Number));
  expect(retry as number).toBeGreaterThan(0);
  expect(retry as number).toBeLessThanOrEqual(maxSeconds);
}

describe("login throttling per account", () => {
  it("after 5 wrong passwords the 6th attempt is 429, even with the right password, and makes no session", async () => {
    const c = await registerCustomer(h);
    const ip = uniqueIp();
    await failTimes(5, c.email, ip);
    const before = await rowCounts(h);
    const raw = await apiLogin(h, c.email, c.password, { ip }).catch((error: unknown) => error);
    expect(raw).toBeInstanceOf(TRPCError);
    expect((raw as TRPCError).code).toBe("TOO_MANY_REQUESTS");
    const e = await refusal(Promise.reject(raw));
    expectTooMany(e, 15 * 60);
    expect(await codeOf(apiLogin(h, c.email, WRONG, { ip }))).toBe("TOO_MANY_ATTEMPTS");
    const after = await rowCounts(h);
    expect(after.sessions).toBe(before.sessions);
    expect(after.apiTokens).toBe(before.apiTokens);
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).lastLoginAt).toBeNull();
  });

  it("holds the account+address pair only: the owner elsewhere, and another account, still get in", async () => {
    const victim = await registerCustomer(h);
    const bystander = await registerCustomer(h);
    const attackerIp = uniqueIp();
    await failTimes(5, victim.email, attackerIp);
    expect(await codeOf(apiLogin(h, victim.email, victim.password, { ip: attackerIp }))).toBe("TOO_MANY_ATTEMPTS");
    expect(await codeOf(apiLogin(h, victim.email, victim.password, { ip: uniqueIp() }))).toBe("OK");
    expect(await codeOf(apiLogin(h, bystander.email, bystander.password, { ip: uniqueIp() }))).toBe("OK");
  });

  it("counts the account whatever the letter case of the e-mail", async () => {
    const c = await registerCustomer(h);
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) {
      const variant = i % 2 === 0 ? c.email.toUpperCase() : ` ${c.email} `;
      expect(await codeOf(apiLogin(h, variant, WRONG, { ip }))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    }
    expect(await codeOf(apiLogin(h, c.email, c.password, { ip }))).toBe("TOO_MANY_ATTEMPTS");
  });

  it("throttles an unregistered e-mail the same way (the answer tells nothing)", async () => {
    const email = uniqueEmail("ghost");
    const ip = uniqueIp();
    await failTimes(5, email, ip);
    expectTooMany(await refusal(apiLogin(h, email, WRONG, { ip })), 15 * 60);
  });

  it("a successful login before the limit resets the account's counter", async () => {
    const c = await registerCustomer(h);
    const ip = uniqueIp();
    await failTimes(4, c.email, ip);
    expect(await codeOf(apiLogin(h, c.email, c.password, { ip }))).toBe("OK");
    // without the reset these would be failures 5 to 8 and the login below a 429
    await failTimes(4, c.email, ip);
    expect(await codeOf(apiLogin(h, c.email, c.password, { ip }))).toBe("OK");
  });

  // Each attempt takes its point before the password is checked (consume), so a burst
  // of parallel guesses cannot all be verified.
  it("a burst of simultaneous wrong passwords gets no more than 5 of them checked", async () => {
    const c = await registerCustomer(h);
    const ip = uniqueIp();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => codeOf(apiLogin(h, c.email, `${WRONG}-${i}`, { ip }))),
    );
    const checked = results.filter((r) => r === "CUSTOMER_NOT_FOUND_OR_INCORRECT").length;
    expect(results.filter((r) => r !== "CUSTOMER_NOT_FOUND_OR_INCORRECT" && r !== "TOO_MANY_ATTEMPTS")).toEqual([]);
    expect(checked).toBeLessThanOrEqual(5);
  });
});

describe("login throttling per account from many addresses, and the owner's known device (ASVS 6.3.1)", () => {
  const login = (email: string, password: string, ip: string, deviceToken?: string) =>
    callerAs(h, null, { ip }).auth.login({ email, password, ...(deviceToken ? { deviceToken } : {}) });

  it("an attacker rotating addresses is stopped at 10 failures with 429; the owner's known device still gets in, a new client does not", async () => {
    const c = await registerCustomer(h);
    const ownerIp = uniqueIp();
    const first = await login(c.email, c.password, ownerIp);
    expect(first.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // the device token is stored only as a hash
    const stored = await h.db.knownDevice.findMany({ where: { customerId: c.customerId } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(first.deviceToken);

    // 10 wrong passwords, each from another address: none of them hits the per-address ceilings
    for (let i = 0; i < 10; i++) {
      expect(await codeOf(login(c.email, WRONG, uniqueIp())), `attempt ${i + 1}`).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    }
    const before = await rowCounts(h);
    // the 11th guess, from yet another address, is refused before the password is checked, even a right one
    expectTooMany(await refusal(login(c.email, WRONG, uniqueIp())), 15 * 60);
    expectTooMany(await refusal(login(c.email, c.password, uniqueIp())), 15 * 60);
    // an attacker's forged device token (or none) is no known device
    expect(await codeOf(login(c.email, c.password, uniqueIp(), "forged-device-token"))).toBe("TOO_MANY_ATTEMPTS");
    const after = await rowCounts(h);
    expect(after.sessions).toBe(before.sessions);

    // the owner, from the known device (even from a new address), signs in during the attack
    const owner = await login(c.email, c.password, uniqueIp(), first.deviceToken);
    expect(owner.customerId).toBe(c.customerId);
    expect(owner.deviceToken).toBe(first.deviceToken);
    // ...and the owner's success does not hand the attacker fresh tries
    expect(await codeOf(login(c.email, WRONG, uniqueIp()))).toBe("TOO_MANY_ATTEMPTS");
  });

  it("the account-wide ceiling grows: past 20 failures in an hour the wait is the hour's", async () => {
    const c = await registerCustomer(h);
    for (let i = 0; i < 10; i++) await codeOf(login(c.email, WRONG, uniqueIp()));
    // the 15-minute tier is full: reset it as if 15 minutes had passed (the limiter runs on real time)
    await h.rateLimits.reset("loginByAccount", c.email);
    for (let i = 0; i < 10; i++) {
      expect(await codeOf(login(c.email, WRONG, uniqueIp())), `attempt ${i + 11}`).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    }
    await h.rateLimits.reset("loginByAccount", c.email);
    const e = await refusal(login(c.email, WRONG, uniqueIp()));
    expectTooMany(e, 60 * 60);
    expect(e.details?.retryAfterSeconds as number).toBeGreaterThan(15 * 60);
  });

  it("a known device has a throttle of its own: 5 wrong passwords through it are 429 for it, not for the owner's other devices", async () => {
    const c = await registerCustomer(h);
    const laptop = (await login(c.email, c.password, uniqueIp())).deviceToken;
    const phone = (await login(c.email, c.password, uniqueIp())).deviceToken;
    expect(phone).not.toBe(laptop);
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(login(c.email, WRONG, uniqueIp(), laptop))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    }
    expect(await codeOf(login(c.email, c.password, uniqueIp(), laptop))).toBe("TOO_MANY_ATTEMPTS");
    expect(await codeOf(login(c.email, c.password, uniqueIp(), phone))).toBe("OK");
  });

  it("another customer's device token is no known device for this account", async () => {
    const victim = await registerCustomer(h);
    const attacker = await registerCustomer(h);
    const attackerDevice = (await login(attacker.email, attacker.password, uniqueIp())).deviceToken;
    for (let i = 0; i < 10; i++) await codeOf(login(victim.email, WRONG, uniqueIp(), attackerDevice));
    // the foreign token counted like no token: the account-wide ceiling holds
    expect(await codeOf(login(victim.email, WRONG, uniqueIp(), attackerDevice))).toBe("TOO_MANY_ATTEMPTS");
    expect(await codeOf(login(victim.email, victim.password, uniqueIp()))).toBe("TOO_MANY_ATTEMPTS");
  });
});

describe("login throttling per address", () => {
  it("30 failures from one address across accounts block that address for everyone, not other addresses", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 30; i++) {
      expect(await codeOf(apiLogin(h, uniqueEmail("spray"), WRONG, { ip })), `attempt ${i + 1}`).toBe(
        "CUSTOMER_NOT_FOUND_OR_INCORRECT",
      );
    }
    const c = await registerCustomer(h);
    expectTooMany(await refusal(apiLogin(h, c.email, c.password, { ip })), 15 * 60);
    expect(await codeOf(apiLogin(h, c.email, c.password, { ip: uniqueIp() }))).toBe("OK");
  });
});
