import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDomainError } from "../../src/errors";
import { createHarness, type Harness } from "../support/harness";
import { codeAt, createCustomer, PASSWORD, signIn } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => getDomainError(e)?.code ?? String(e));
const nextStep = () => h.clock.advance(30_000);

async function enabledCustomer(email: string) {
  await createCustomer(h, email);
  const { credential } = await signIn(h, email);
  const setup = await h.caller(credential).otp.setup();
  const enabled = await h.caller(credential).otp.enable({ secret: setup.secret, code: await codeAt(setup.secret, h.clock.now()) });
  nextStep();
  return { secret: setup.secret, recoveryCodes: enabled.recoveryCodes, credential: { type: "bearer" as const, token: enabled.token! } };
}

describe("setup (seed 002 GET /customer/auth/otp)", () => {
  it("answers the seed's fields, a 160-bit base32 secret, the exact URI, and a QR image of it, without enabling", async () => {
    await h.db.brand.upsert({ where: { code: "default" }, create: { code: "default", displayName: "ION Trader" }, update: { displayName: "ION Trader" } });
    await createCustomer(h, "client+otp@example.com");
    const { credential } = await signIn(h, "client+otp@example.com");
    const setup = await h.caller(credential).otp.setup();
    expect(setup).toMatchObject({ algorithm: "SHA1", digits: 6, period: 30 });
    expect(setup.secret).toMatch(/^[A-Z2-7]{32,}$/);
    expect(setup.otpUrl).toBe(
      `otpauth://totp/ION%20Trader:client%2Botp%40example.com?secret=${setup.secret}&issuer=ION%20Trader&algorithm=SHA1&digits=6&period=30`,
    );
    // zbarimg is an independent QR decoder (Debian's zbar-tools).
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "qr-")), "otp.png");
    writeFileSync(file, Buffer.from(setup.qrCode.replace(/^data:image\/png;base64,/, ""), "base64"));
    expect(execFileSync("zbarimg", ["--quiet", "--raw", file], { encoding: "utf8" }).trim()).toBe(setup.otpUrl);
    expect(await h.caller(credential).otp.status()).toEqual({ otpEnabled: 0, recoveryCodesLeft: 0 });
    const row = await h.db.otpSetup.findFirstOrThrow({ where: { customer: { email: "client+otp@example.com" } } });
    expect(row.secretEnc).not.toContain(setup.secret);
  });
});

describe("enable (seed 002 PUT /customer/auth/otp)", () => {
  it("refuses a secret the server never issued, an expired one, and a wrong code, changing nothing", async () => {
    await createCustomer(h, "enable@example.com");
    const { credential } = await signIn(h, "enable@example.com");
    const api = h.caller(credential);
    expect(await codeOf(api.otp.enable({ secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", code: "123456" }))).toBe("INVALID_DATA");
    const setup = await api.otp.setup();
    expect(await codeOf(api.otp.enable({ secret: setup.secret, code: "000000" }))).toBe("INVALID_OTP_CODE");
    h.clock.advance(11 * 60_000);
    // the sign-in is older than 5 minutes now: re-authenticate, then the expired secret is refused
    await api.session.reauthenticate({ password: PASSWORD });
    expect(await codeOf(api.otp.enable({ secret: setup.secret, code: await codeAt(setup.secret, h.clock.now()) }))).toBe("INVALID_DATA");
    expect(await api.otp.status()).toEqual({ otpEnabled: 0, recoveryCodesLeft: 0 });
  });

  it("enables with a code of the setup secret: recovery codes once (hashes only), a new session, a notice", async () => {
    await createCustomer(h, "enable2@example.com");
    const first = await signIn(h, "enable2@example.com");
    const other = await signIn(h, "enable2@example.com");
    const api = h.caller(first.credential);
    const setup = await api.otp.setup();
    const result = await api.otp.enable({ secret: setup.secret, code: await codeAt(setup.secret, h.clock.now()) });
    expect(result.otpEnabled).toBe(1);
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);
    const customer = await h.db.customer.findUniqueOrThrow({ where: { email: "enable2@example.com" }, include: { recoveryCodes: true } });
    expect(customer.otpEnabled).toBe(true);
    expect(customer.otpSecretEnc).not.toContain(setup.secret);
    const stored = JSON.stringify(customer.recoveryCodes);
    for (const code of result.recoveryCodes) expect(stored).not.toContain(code);
    // The caller's session is replaced and every other session ends.
    expect(await codeOf(api.customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(h.caller(other.credential).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect((await h.caller({ type: "bearer", token: result.token! }).customer.me()).otpEnabled).toBe(1);
    const notice = await h.db.message.findFirst({ where: { recipient: "enable2@example.com", template: "security-notice" } });
    expect(notice?.body).toMatch(/enabled/);
    expect(await h.db.auditEvent.count({ where: { customerId: customer.id, kind: "customer.otp_enabled" } })).toBe(1);
  });

  it("replaces only with the current code (or a recovery code); missing or wrong, nothing changes", async () => {
    const c = await enabledCustomer("replace@example.com");
    const api = h.caller(c.credential);
    const setup = await api.otp.setup();
    const newCode = await codeAt(setup.secret, h.clock.now());
    expect(await codeOf(api.otp.enable({ secret: setup.secret, code: newCode }))).toBe("OTP_REQUIRED");
    expect(await codeOf(api.otp.enable({ secret: setup.secret, code: newCode, currentCode: "000000" }))).toBe("INVALID_OTP_CODE");
    const before = await h.db.customer.findUniqueOrThrow({ where: { email: "replace@example.com" } });
    expect(before.otpEnabled).toBe(true);
    const replaced = await api.otp.enable({ secret: setup.secret, code: newCode, currentCode: c.recoveryCodes[0] });
    expect(replaced.replaced).toBe(true);
    const after = await h.db.customer.findUniqueOrThrow({ where: { email: "replace@example.com" } });
    expect(after.otpSecretEnc).not.toBe(before.otpSecretEnc);
    nextStep();
    const fresh = h.caller({ type: "bearer", token: replaced.token! });
    // The old secret's codes no longer work; the new one's do.
    expect(await codeOf(fresh.otp.check({ code: await codeAt(c.secret, h.clock.now()) }))).toBe("INVALID_OTP_CODE");
    expect(await fresh.otp.check({ code: await codeAt(setup.secret, h.clock.now()) })).toEqual({ data: "OK" });
  });
});

describe("check, replay and the attempt limit", () => {
  it("a check with two-factor off is OTP_NOT_CONFIGURED every time and spends no point of the code throttle", async () => {
    await createCustomer(h, "check-off@example.com");
    const { credential } = await signIn(h, "check-off@example.com");
    const api = h.caller(credential);
    for (let i = 0; i < 8; i++) expect(await codeOf(api.otp.check({ code: "123456" })), `check ${i + 1}`).toBe("OTP_NOT_CONFIGURED");
    // Turned on now, the full 5 tries are there: the 8 checks above took none.
    const setup = await api.otp.setup();
    await api.otp.enable({ secret: setup.secret, code: await codeAt(setup.secret, h.clock.now()) });
    const { credential: again } = await signIn(h, "check-off@example.com", await codeAt(setup.secret, new Date(h.clock.now().getTime() + 30_000)));
    const on = h.caller(again);
    for (let i = 0; i < 4; i++) expect(await codeOf(on.otp.check({ code: "000000" })), `wrong ${i + 1}`).toBe("INVALID_OTP_CODE");
  });

  it("accepts a code once: the step used at check (or at enable) is never accepted again", async () => {
    const c = await enabledCustomer("check@example.com");
    const api = h.caller(c.credential);
    const code = await codeAt(c.secret, h.clock.now());
    expect(await api.otp.check({ code })).toEqual({ data: "OK" });
    expect(await codeOf(api.otp.check({ code }))).toBe("INVALID_OTP_CODE");
    // The previous step's code is within the window but not after the last used step.
    expect(await codeOf(api.otp.check({ code: await codeAt(c.secret, new Date(h.clock.now().getTime() - 30_000)) }))).toBe(
      "INVALID_OTP_CODE",
    );
  });

  it("answers 429 after 5 wrong codes in 15 minutes, even for the right one", async () => {
    const c = await enabledCustomer("limit@example.com");
    const api = h.caller(c.credential);
    for (let i = 0; i < 5; i++) expect(await codeOf(api.otp.check({ code: "000000" }))).toBe("INVALID_OTP_CODE");
    const error = await api.otp.check({ code: await codeAt(c.secret, h.clock.now()) }).then(() => undefined, (e: unknown) => getDomainError(e));
    expect(error?.code).toBe("TOO_MANY_ATTEMPTS");
    expect(error?.details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("refuses check when OTP is not enabled", async () => {
    await createCustomer(h, "none@example.com");
    const { credential } = await signIn(h, "none@example.com");
    expect(await codeOf(h.caller(credential).otp.check({ code: "123456" }))).toBe("OTP_NOT_CONFIGURED");
  });
});

describe("the login OTP step", () => {
  it("asks for the code, refuses wrong and replayed ones, accepts a recovery code once", async () => {
    const c = await enabledCustomer("login2fa@example.com");
    expect(await codeOf(signIn(h, "login2fa@example.com"))).toBe("OTP_REQUIRED");
    expect(await codeOf(signIn(h, "login2fa@example.com", "000000"))).toBe("INVALID_OTP_CODE");
    const code = await codeAt(c.secret, h.clock.now());
    const ok = await signIn(h, "login2fa@example.com", code);
    expect(ok.otpEnabled).toBe(1);
    expect(await codeOf(signIn(h, "login2fa@example.com", code))).toBe("INVALID_OTP_CODE");
    const recovery = c.recoveryCodes[3]!;
    await expect(signIn(h, "login2fa@example.com", recovery.toUpperCase())).resolves.toMatchObject({ otpEnabled: 1 });
    expect(await codeOf(signIn(h, "login2fa@example.com", recovery))).toBe("INVALID_OTP_CODE");
    expect(await h.caller(ok.credential).otp.status()).toEqual({ otpEnabled: 1, recoveryCodesLeft: 9 });
  });

  it("answers OTP_NOT_CONFIGURED when OTP is on but the secret is missing, and creates no session", async () => {
    const customer = await createCustomer(h, "broken2fa@example.com");
    await h.db.customer.update({ where: { id: customer.id }, data: { otpEnabled: true, otpSecretEnc: null } });
    expect(await codeOf(signIn(h, "broken2fa@example.com", "123456"))).toBe("OTP_NOT_CONFIGURED");
    expect(await h.db.session.count({ where: { customerId: customer.id } })).toBe(0);
  });
});

describe("disable (seed 002 DELETE /customer/auth/otp) and recovery codes", () => {
  it("disables with a current code, removing the secret and the recovery codes", async () => {
    const c = await enabledCustomer("disable@example.com");
    const api = h.caller(c.credential);
    expect(await codeOf(api.otp.disable({ code: "000000" }))).toBe("INVALID_OTP_CODE");
    expect(await api.otp.disable({ code: await codeAt(c.secret, h.clock.now()) })).toEqual({ otpEnabled: 0 });
    const customer = await h.db.customer.findUniqueOrThrow({ where: { email: "disable@example.com" } });
    expect([customer.otpEnabled, customer.otpSecretEnc]).toEqual([false, null]);
    expect(await h.db.recoveryCode.count({ where: { customerId: customer.id } })).toBe(0);
    await expect(signIn(h, "disable@example.com")).resolves.toMatchObject({ otpEnabled: 0 });
  });

  it("disables with a recovery code when the phone is lost", async () => {
    const c = await enabledCustomer("lostphone@example.com");
    expect(await h.caller(c.credential).otp.disable({ code: c.recoveryCodes[9]! })).toEqual({ otpEnabled: 0 });
  });

  it("regenerates recovery codes with a current code; the old ones stop working", async () => {
    const c = await enabledCustomer("regen@example.com");
    const api = h.caller(c.credential);
    const { recoveryCodes } = await api.otp.regenerateRecoveryCodes({ code: await codeAt(c.secret, h.clock.now()) });
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes).not.toContain(c.recoveryCodes[0]);
    expect(await codeOf(signIn(h, "regen@example.com", c.recoveryCodes[0]))).toBe("INVALID_OTP_CODE");
    await expect(signIn(h, "regen@example.com", recoveryCodes[0])).resolves.toMatchObject({ otpEnabled: 1 });
  });
});
