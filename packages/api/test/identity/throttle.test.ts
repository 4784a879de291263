// The limiter counts in real time (Date.now), so every test uses e-mails and addresses of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createHarness, type Harness } from "../support/harness";
import { apiLogin, codeOf, createBrand, refusal, registerCustomer, rowCounts, uniqueEmail, uniqueIp } from "./fixtures";

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

  it("holds the account from any address, and leaves another account on another address alone", async () => {
    const victim = await registerCustomer(h);
    const bystander = await registerCustomer(h);
    await failTimes(5, victim.email, uniqueIp());
    expect(await codeOf(apiLogin(h, victim.email, victim.password, { ip: uniqueIp() }))).toBe("TOO_MANY_ATTEMPTS");
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
