import { randomUUID } from "node:crypto";
import { generateSecret } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginCustomer } from "../../src/auth/login";
import { encryptSecret } from "../../src/otp/secret-box";
import { createHarness, type Harness } from "../support/harness";
import {
  bearer,
  callerAs,
  codeOf,
  codeSentBy,
  createBrand,
  registerCustomer,
  strongPassword,
  uniqueEmail,
  uniquePhone,
  web,
} from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await createBrand(h);
});
afterAll(() => h.close());

const REQUEST = { ip: "203.0.113.7", userAgent: "vitest" };
const caller = (credential: Parameters<typeof callerAs>[1] = null) => callerAs(h, credential, REQUEST);

/** Every secret a test typed or was given, to be looked for in audit rows and messages. */
const passwords: string[] = [];
const otherSecrets: string[] = [];

const auditOf = (customerId: number | null, kind: string) =>
  h.db.auditEvent.findMany({ where: { customerId, kind }, orderBy: { id: "asc" } });

function expectFromRequest(rows: { ip: string | null; userAgent: string | null; createdAt: Date }[], count = 1) {
  expect(rows).toHaveLength(count);
  for (const row of rows) {
    expect(row.ip).toBe(REQUEST.ip);
    expect(row.userAgent).toBe(REQUEST.userAgent);
    expect(row.createdAt).toEqual(h.clock.now());
  }
}

describe("audit events of the identity flows", () => {
  it("sign-up and verification are recorded with customer, kind, address and user agent", async () => {
    const password = strongPassword("audit-signup");
    passwords.push(password);
    const c = await registerCustomer(h, { password, phone: uniquePhone(), request: REQUEST });
    otherSecrets.push(c.emailCode, c.smsCode!);
    expectFromRequest(await auditOf(c.customerId, "customer.signed_up"));

    const { sessionId } = await loginCustomer(
      h,
      { email: c.email, password },
      { requestId: randomUUID(), ...REQUEST },
      "WEB",
    );
    await caller(web(sessionId)).customer.verifyEmail({ code: c.emailCode });
    await caller(web(sessionId)).customer.verifyPhone({ code: c.smsCode! });
    expectFromRequest(await auditOf(c.customerId, "customer.email_verified"));
    expectFromRequest(await auditOf(c.customerId, "customer.phone_verified"));
  });

  it("a login, a failed login (wrong password, unknown e-mail, disabled) and a logout are recorded", async () => {
    const password = strongPassword("audit-login");
    const wrong = strongPassword("audit-wrong");
    passwords.push(password, wrong);
    const c = await registerCustomer(h, { password });
    const ghost = uniqueEmail("audit-ghost");

    expect(await codeOf(caller().auth.login({ email: c.email, password: wrong }))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    const failed = await auditOf(c.customerId, "customer.login_failed");
    expectFromRequest(failed);
    expect(failed[0]!.data).toEqual({ reason: "wrong_password" });

    const ghostBefore = await h.db.auditEvent.count({ where: { kind: "customer.login_failed", customerId: null } });
    expect(await codeOf(caller().auth.login({ email: ghost, password: wrong }))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    const ghostRows = await h.db.auditEvent.findMany({
      where: { kind: "customer.login_failed", customerId: null },
      orderBy: { id: "asc" },
    });
    expect(ghostRows).toHaveLength(ghostBefore + 1);
    expect(ghostRows.at(-1)).toMatchObject({ ip: REQUEST.ip, userAgent: REQUEST.userAgent, data: { reason: "unknown_email" } });

    const login = await caller().auth.login({ email: c.email, password });
    otherSecrets.push(login.token, login.refreshToken);
    const ok = await auditOf(c.customerId, "customer.login");
    expectFromRequest(ok);
    expect(ok[0]!.data).toEqual({ sessionKind: "API", knownDevice: false });

    await caller(bearer(login.token)).session.logout();
    expectFromRequest(await auditOf(c.customerId, "customer.logout"));

    await h.db.customer.update({ where: { id: c.customerId }, data: { status: 1 } });
    expect(await codeOf(caller().auth.login({ email: c.email, password }))).toBe("CUSTOMER_DISABLED");
    const afterDisabled = await auditOf(c.customerId, "customer.login_failed");
    expect(afterDisabled).toHaveLength(2);
    expect(afterDisabled[1]).toMatchObject({ ip: REQUEST.ip, userAgent: REQUEST.userAgent, data: { reason: "disabled" } });
  });

  it("a wrong OTP code at login is recorded", async () => {
    const password = strongPassword("audit-otp");
    passwords.push(password);
    const c = await registerCustomer(h, { password });
    await h.db.customer.update({
      where: { id: c.customerId },
      data: { otpEnabled: true, otpSecretEnc: encryptSecret(generateSecret()) },
    });
    // shaped like a recovery code, but not one of this customer
    expect(await codeOf(caller().auth.login({ email: c.email, password, otpCode: "abcde-fghij" }))).toBe(
      "INVALID_OTP_CODE",
    );
    const rows = await auditOf(c.customerId, "customer.otp_failed");
    expectFromRequest(rows);
    expect(rows[0]!.data).toEqual({ purpose: "login", channel: null });
  });

  it("a password change, a reset request and a reset are recorded", async () => {
    const password = strongPassword("audit-old");
    const changed = strongPassword("audit-changed");
    const resetTo = strongPassword("audit-reset");
    passwords.push(password, changed, resetTo);
    const c = await registerCustomer(h, { password });
    const login = await caller().auth.login({ email: c.email, password });
    otherSecrets.push(login.token, login.refreshToken);

    await caller(bearer(login.token)).customer.changePassword({
      currentPassword: password,
      newPassword: changed,
      newPasswordConfirmation: changed,
    });
    expectFromRequest(await auditOf(c.customerId, "customer.password_changed"));

    const code = await codeSentBy(h, c.email, 6, () => caller().auth.requestPasswordReset({ email: c.email }));
    otherSecrets.push(code);
    expectFromRequest(await auditOf(c.customerId, "customer.password_reset_requested"));

    await caller().auth.resetPassword({ email: c.email, code, password: resetTo, passwordConfirmation: resetTo });
    expectFromRequest(await auditOf(c.customerId, "customer.password_reset"));
  });

  it("a revoked session is recorded", async () => {
    const password = strongPassword("audit-revoke");
    passwords.push(password);
    const c = await registerCustomer(h, { password });
    const a = await caller().auth.login({ email: c.email, password });
    const b = await caller().auth.login({ email: c.email, password });
    otherSecrets.push(a.token, a.refreshToken, b.token, b.refreshToken);
    const bSession = (await caller(bearer(b.token)).session.list()).find((s) => s.current)!.id;
    await caller(bearer(a.token)).session.revoke({ sessionId: bSession });
    const rows = await auditOf(c.customerId, "customer.session_revoked");
    expectFromRequest(rows);
    expect(rows[0]!.data).toEqual({ sessionId: bSession });
  });
});

describe("no secret is ever written to an audit row or a message", () => {
  const json = (rows: unknown[]) =>
    JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));

  it("holds for every audit row and outbox message written above", async () => {
    expect(passwords.length).toBeGreaterThanOrEqual(8);
    const audit = json(await h.db.auditEvent.findMany());
    const messages = json(await h.db.message.findMany());
    expect(audit.length).toBeGreaterThan(100);
    for (const password of passwords) {
      expect(audit).not.toContain(password);
      expect(messages).not.toContain(password);
    }
    // codes and tokens belong in their message only, never in the audit trail
    for (const secret of otherSecrets) {
      if (secret.length >= 6) expect(audit).not.toContain(secret);
    }
    for (const token of otherSecrets.filter((s) => s.length > 20)) expect(messages).not.toContain(token);
    // and the stored password hashes are not the passwords either
    const hashes = json(await h.db.customer.findMany({ select: { passwordHash: true } }));
    for (const password of passwords) expect(hashes).not.toContain(password);
  });
});
