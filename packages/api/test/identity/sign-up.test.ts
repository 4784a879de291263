import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import { callerAs, codeOf, createBrand, refusal, rowCounts, strongPassword, uniqueEmail } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  // More than one connection, so that two sign-ups really run at the same time.
  h = await createHarness({ poolSize: 10 });
  await createBrand(h);
  await createBrand(h, { code: "closed", displayName: "Closed Brand", selfServiceRegistration: false });
});
afterAll(() => h.close());

const signUp = (input: Record<string, unknown>) =>
  callerAs(h, null).auth.signUp({
    email: uniqueEmail("su"),
    password: strongPassword(),
    firstName: "Jane",
    lastName: "Doe",
    ...input,
  } as Parameters<ReturnType<typeof callerAs>["auth"]["signUp"]>[0]);

/** Runs a sign-up that must be refused, checks it changed nothing, returns the error. */
async function refusedSignUp(input: Record<string, unknown>) {
  const before = await rowCounts(h);
  const error = await refusal(signUp(input));
  expect(await rowCounts(h)).toEqual(before);
  return error;
}

describe("auth.signUp: a valid sign-up", () => {
  it("creates the customer (lower-cased e-mail, status 0, unverified) and no session", async () => {
    const email = uniqueEmail("Mixed.Case");
    const before = await rowCounts(h);
    const result = await signUp({
      email: `  ${email.toUpperCase()} `,
      phone: "+35712345678",
      preferredLanguage: "de",
      firstName: " Jane ",
    });
    expect(result).toEqual({
      customerId: expect.any(Number),
      email: email.toLowerCase(),
      emailVerificationSent: true,
      phoneVerificationSent: true,
    });
    const row = await h.db.customer.findUniqueOrThrow({ where: { id: result.customerId }, include: { brand: true } });
    expect(row).toMatchObject({
      email: email.toLowerCase(),
      firstName: "Jane",
      lastName: "Doe",
      phone: "+35712345678",
      preferredLanguage: "de",
      status: 0,
      deskId: null,
      managerId: null,
      emailVerifiedAt: null,
      phoneVerifiedAt: null,
      otpEnabled: false,
      lastLoginAt: null,
    });
    expect(row.brand.code).toBe("default");
    const after = await rowCounts(h);
    expect(after.customers).toBe(before.customers + 1);
    expect(after.sessions).toBe(before.sessions);
    // one e-mail code and one SMS code, one audit row
    expect(after.messages).toBe(before.messages + 2);
    expect(after.auditEvents).toBe(before.auditEvents + 1);
  });

  it("defaults the language to en and sends no SMS without a phone", async () => {
    const result = await signUp({});
    expect(result.phoneVerificationSent).toBe(false);
    const row = await h.db.customer.findUniqueOrThrow({ where: { id: result.customerId } });
    expect(row.preferredLanguage).toBe("en");
    expect(row.phone).toBeNull();
    expect(await h.db.message.count({ where: { customerId: result.customerId } })).toBe(1);
  });

  it("stores an argon2id hash with m >= 19456 KiB, t >= 2, p >= 1, never the password", async () => {
    const password = strongPassword("hash");
    const { customerId } = await signUp({ password });
    const { passwordHash } = await h.db.customer.findUniqueOrThrow({ where: { id: customerId } });
    expect(passwordHash).not.toContain(password);
    const match = /^\$argon2id\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(passwordHash);
    expect(match, passwordHash).not.toBeNull();
    const [, version, m, t, p] = match!.map(Number);
    expect(version).toBe(19);
    expect(m).toBeGreaterThanOrEqual(19456);
    expect(t).toBeGreaterThanOrEqual(2);
    expect(p).toBeGreaterThanOrEqual(1);
  });
});

describe("auth.signUp: every rule and its code; a refused sign-up creates nothing", () => {
  it("INVALID_DATA (400) for a bad e-mail, naming the field", async () => {
    for (const email of ["not-an-email", "a@", "@example.com", "a b@example.com", ""]) {
      const e = await refusedSignUp({ email });
      expect(e.code).toBe("INVALID_DATA");
      expect(e.httpStatus).toBe(400);
      expect(Object.keys(e.fieldErrors ?? {})).toEqual(["email"]);
    }
  });

  it("INVALID_DATA (400) for a phone not in E.164, naming the field", async () => {
    for (const phone of ["12345678", "+0123456789", "+357 1234 5678", "00357123456", "+1"]) {
      const e = await refusedSignUp({ phone });
      expect(e.code, phone).toBe("INVALID_DATA");
      expect(e.httpStatus).toBe(400);
      expect(Object.keys(e.fieldErrors ?? {})).toEqual(["phone"]);
    }
  });

  it("PASSWORD_TOO_SHORT (409) at 7 characters; 8 is accepted", async () => {
    const e = await refusedSignUp({ password: "Qz7!mK2" });
    expect(e.code).toBe("PASSWORD_TOO_SHORT");
    expect(e.httpStatus).toBe(409);
    expect(await codeOf(signUp({ password: "Qz7!mK2p" }))).toBe("OK");
  });

  it("PASSWORD_TOO_LONG (409) at 65 characters; 64 is accepted", async () => {
    const base = "Kq8#vN2$wL5@";
    const of = (n: number) => base.repeat(6).slice(0, n);
    expect(of(64)).toHaveLength(64);
    const e = await refusedSignUp({ password: of(65) });
    expect(e.code).toBe("PASSWORD_TOO_LONG");
    expect(e.httpStatus).toBe(409);
    expect(await codeOf(signUp({ password: of(64) }))).toBe("OK");
  });

  it("counts characters as a person sees them, not UTF-16 units", async () => {
    // 7 characters outside the BMP are 14 UTF-16 units: still too short
    expect((await refusedSignUp({ password: "\u{1F512}".repeat(7) })).code).toBe("PASSWORD_TOO_SHORT");
    expect(await codeOf(signUp({ password: "\u{1F512}".repeat(8) }))).toBe("OK");
    // 64 of them are 128 units: still allowed
    expect(await codeOf(signUp({ password: "\u{1F511}".repeat(64) }))).toBe("OK");
  });

  it("PASSWORD_TOO_WEAK (409) for the e-mail itself (in any case) and for a common password", async () => {
    const email = uniqueEmail("weak");
    for (const password of [email, email.toUpperCase(), "password1", "Password1", "qwertyuiop"]) {
      const e = await refusedSignUp({ email, password });
      expect(e.code, password).toBe("PASSWORD_TOO_WEAK");
      expect(e.httpStatus).toBe(409);
    }
  });

  it("PASSWORD_TOO_WEAK (409) for a context word dressed up with digits and symbols; a longer phrase with one passes", async () => {
    for (const password of ["Northwind2026!", "Brokerage#2026", "b-r-o-k-e-r-a-g-e-1", "PORTAL_2026!!", "Staff!2026"]) {
      expect((await refusedSignUp({ email: uniqueEmail("context"), password })).code, password).toBe("PASSWORD_TOO_WEAK");
    }
    expect(await codeOf(signUp({ email: uniqueEmail("context"), password: "Northwind-rainy-harbour-42" }))).toBe("OK");
  });

  it("EMAIL_ALREADY_REGISTERED (409) for a registered e-mail in another letter case", async () => {
    const email = uniqueEmail("dup");
    await signUp({ email });
    const e = await refusedSignUp({ email: email.toUpperCase() });
    expect(e.code).toBe("EMAIL_ALREADY_REGISTERED");
    expect(e.httpStatus).toBe(409);
    expect(await h.db.customer.count({ where: { email } })).toBe(1);
  });

  it.each(["deskId", "managerId", "status"])("NON_ADMIN_FIELD (409) when a customer sends %s", async (field) => {
    const e = await refusedSignUp({ [field]: field === "status" ? 0 : 7 });
    expect(e.code).toBe("NON_ADMIN_FIELD");
    expect(e.httpStatus).toBe(409);
    expect(Object.keys(e.fieldErrors ?? {})).toEqual([field]);
  });

  it("NON_ADMIN_FIELD names every staff-only field sent", async () => {
    const e = await refusedSignUp({ deskId: 1, managerId: 2, status: 1 });
    expect(e.code).toBe("NON_ADMIN_FIELD");
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["deskId", "managerId", "status"]);
  });

  it("REGISTRATION_DISABLED (403) on a brand without self-service registration", async () => {
    const e = await refusedSignUp({ brand: "closed" });
    expect(e.code).toBe("REGISTRATION_DISABLED");
    expect(e.httpStatus).toBe(403);
  });

  it("REGISTRATION_DISABLED (403) on a disabled brand", async () => {
    await h.db.brand.create({ data: { code: "off", displayName: "Off", enabled: false } });
    expect((await refusedSignUp({ brand: "off" })).code).toBe("REGISTRATION_DISABLED");
  });

  it("refuses unknown fields with INVALID_DATA", async () => {
    const e = await refusedSignUp({ nickname: "admin" });
    expect(e.code).toBe("INVALID_DATA");
  });

  it("refuses seed 003's roles as a staff-only field (NON_ADMIN_FIELD): customers never choose their own", async () => {
    const e = await refusedSignUp({ roles: ["admin"] });
    expect([e.code, e.fieldCodes]).toEqual(["NON_ADMIN_FIELD", { roles: ["STAFF_ONLY"] }]);
  });
});

describe("auth.signUp under concurrency", () => {
  it("two sign-ups with the same e-mail at once give one customer; the other gets EMAIL_ALREADY_REGISTERED", async () => {
    const email = uniqueEmail("race");
    const before = await rowCounts(h);
    const results = await Promise.allSettled([signUp({ email }), signUp({ email: email.toUpperCase() })]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(await codeOf(Promise.reject(rejected[0]!.reason))).toBe("EMAIL_ALREADY_REGISTERED");
    expect(await h.db.customer.count({ where: { email } })).toBe(1);
    const after = await rowCounts(h);
    expect(after.customers).toBe(before.customers + 1);
    // only the winner's code e-mail and audit row
    expect(after.messages).toBe(before.messages + 1);
    expect(after.auditEvents).toBe(before.auditEvents + 1);
  });
});
