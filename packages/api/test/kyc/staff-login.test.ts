import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginStaff } from "../../src/index";
import { STAFF_SESSION_ABSOLUTE_MS, STAFF_SESSION_IDLE_MS } from "../../src/session/policy";
import { encryptSecret } from "../../src/otp/secret-box";
import { createHarness, type Harness } from "../support/harness";
import { STAFF_TOTP_SECRET, totpAt } from "../staff/fixtures";
import { codeOf, createStaff, errorOf, request, STAFF_PASSWORD } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("loginStaff", () => {
  it("creates an 8-hour staff session that reaches staff procedures, and audits it", async () => {
    const staff = await createStaff(h, "sam@broker.example");
    const login = await loginStaff(h, { email: "  SAM@broker.example ", password: STAFF_PASSWORD, otpCode: await totpAt(h) }, request);
    expect(login).toEqual({
      sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expiresAt: new Date(h.clock.now().getTime() + STAFF_SESSION_ABSOLUTE_MS),
      enrolmentRequired: false,
      staff: { staffId: staff.id, email: "sam@broker.example", name: staff.name, role: "KYC_REVIEWER" },
    });
    expect(await h.db.staffSession.findUniqueOrThrow({ where: { id: login.sessionId }, select: { staffId: true, ip: true, userAgent: true, expiresAt: true } })).toEqual({
      staffId: staff.id,
      ip: request.ip,
      userAgent: request.userAgent,
      expiresAt: new Date(h.clock.now().getTime() + STAFF_SESSION_ABSOLUTE_MS),
    });
    expect(await h.db.auditEvent.count({ where: { kind: "staff.login", staffId: staff.id } })).toBe(1);
    const api = h.caller({ type: "staff-session", sessionId: login.sessionId });
    expect(await codeOf(api.kycReview.queue())).toBe("OK");
    // Idle expiry holds for staff as for customers (15 minutes for staff).
    h.clock.advance(STAFF_SESSION_IDLE_MS + 1000);
    expect(await codeOf(api.kycReview.queue())).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("gives one answer for an unknown e-mail and a wrong password, and audits both", async () => {
    const staff = await createStaff(h, "wrong@broker.example");
    const unknown = await errorOf(loginStaff(h, { email: "nobody@broker.example", password: STAFF_PASSWORD }, request));
    const wrong = await errorOf(loginStaff(h, { email: "wrong@broker.example", password: "not-the-password" }, request));
    for (const error of [unknown, wrong]) {
      expect(error).toMatchObject({ code: "CUSTOMER_NOT_FOUND_OR_INCORRECT", httpStatus: 403, message: "Email or password is incorrect" });
    }
    expect(await h.db.staffSession.count({ where: { staffId: staff.id } })).toBe(0);
    expect(await h.db.auditEvent.count({ where: { kind: "staff.login_failed", staffId: staff.id } })).toBe(1);
    expect(await h.db.auditEvent.count({ where: { kind: "staff.login_failed", staffId: null } })).toBeGreaterThanOrEqual(1);
  });

  it("refuses a disabled staff member after the password, creating no session", async () => {
    const staff = await createStaff(h, "disabled@broker.example", { enabled: false });
    expect(await codeOf(loginStaff(h, { email: "disabled@broker.example", password: STAFF_PASSWORD }, request))).toBe("FORBIDDEN");
    expect(await h.db.staffSession.count({ where: { staffId: staff.id } })).toBe(0);
  });

  it("throttles failures per e-mail and address (5 in 15 minutes), even for the right password from there", async () => {
    await createStaff(h, "throttle@broker.example");
    const attacker = { ...request, ip: "203.0.113.50" };
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(loginStaff(h, { email: "throttle@broker.example", password: "wrong" }, attacker))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    }
    const blocked = await errorOf(loginStaff(h, { email: "throttle@broker.example", password: STAFF_PASSWORD }, attacker));
    expect(blocked.code).toBe("TOO_MANY_ATTEMPTS");
    expect(blocked.details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // The member at their own address is not locked out by the guesser's address.
    const owner = { ...request, ip: "198.51.100.20" };
    // (Right password: on to the second factor, not 429.)
    expect(await codeOf(loginStaff(h, { email: "throttle@broker.example", password: STAFF_PASSWORD }, owner))).toBe("OTP_REQUIRED");
  });

  it("stops a guesser rotating addresses at 10 failures per member in 15 minutes", async () => {
    await createStaff(h, "rotating@broker.example");
    for (let i = 0; i < 10; i++) {
      const from = { ...request, ip: `203.0.113.${100 + i}` };
      expect(await codeOf(loginStaff(h, { email: "rotating@broker.example", password: "wrong" }, from))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    }
    expect(await codeOf(loginStaff(h, { email: "rotating@broker.example", password: "wrong" }, { ...request, ip: "203.0.113.120" }))).toBe("TOO_MANY_ATTEMPTS");
    expect(await h.db.staffSession.count({ where: { staff: { email: "rotating@broker.example" } } })).toBe(0);
  });

  it("asks for a TOTP code when the staff member has one, and accepts each code once", async () => {
    const secret = STAFF_TOTP_SECRET;
    const staff = await createStaff(h, "otp@broker.example");
    await h.db.staff.update({ where: { id: staff.id }, data: { otpEnabled: true, otpSecretEnc: encryptSecret(secret) } });
    const code = await generate({ secret, epoch: Math.floor(h.clock.now().getTime() / 1000) });
    const input = { email: "otp@broker.example", password: STAFF_PASSWORD };
    expect(await codeOf(loginStaff(h, input, request))).toBe("OTP_REQUIRED");
    expect(await codeOf(loginStaff(h, { ...input, otpCode: code === "000000" ? "111111" : "000000" }, request))).toBe("INVALID_OTP_CODE");
    expect(await codeOf(loginStaff(h, { ...input, otpCode: code }, request))).toBe("OK");
    expect(await codeOf(loginStaff(h, { ...input, otpCode: code }, request))).toBe("INVALID_OTP_CODE");
    expect(await h.db.staffSession.count({ where: { staffId: staff.id } })).toBe(1);
  });
});

describe("staffAuth.logout", () => {
  it("ends the staff session at once, audited", async () => {
    const staff = await createStaff(h, "logout@broker.example");
    const { sessionId } = await loginStaff(h, { email: "logout@broker.example", password: STAFF_PASSWORD, otpCode: await totpAt(h) }, request);
    const api = h.caller({ type: "staff-session", sessionId });
    expect(await api.staffAuth.logout()).toEqual({ loggedOut: true });
    expect(await codeOf(api.kycReview.queue())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(api.staffAuth.logout())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await h.db.auditEvent.count({ where: { kind: "staff.logout", staffId: staff.id } })).toBe(1);
  });
});
