// Staff TOTP is mandatory: the first sign-in gives a session that can only enrol; the
// enrolment issues a secret (QR + key), takes a code (its time step is used up), hands out
// recovery codes once (stored hashed), and from then on the sign-in asks for a code.
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Credential } from "../../src/context";
import { hashRecoveryCode } from "../../src/otp/recovery-codes";
import { loginStaff } from "../../src/staff-auth/login-staff";
import { codeOf, createStaff, errorOf, request, STAFF_PASSWORD } from "../kyc/fixtures";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.db.brand.create({ data: { code: "default", displayName: "Northwind Markets" } });
});
afterAll(() => h.close());

const staffCredential = (sessionId: string): Credential => ({ type: "staff-session", sessionId });
const codeAt = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(h.clock.now().getTime() / 1000) + steps * 30 });

/** A member who has never enrolled, signed in with the password alone. */
async function freshMember(email: string, role: "ADMIN" | "KYC_REVIEWER" = "KYC_REVIEWER") {
  const staff = await createStaff(h, email, { enrolled: false, role });
  const login = await loginStaff(h, { email, password: STAFF_PASSWORD }, request);
  return { ...staff, login, api: h.caller(staffCredential(login.sessionId)) };
}

/** A fresh member taken through setup and enable; returns the secret and the recovery codes. */
async function enrolledMember(email: string) {
  const m = await freshMember(email);
  const setup = await m.api.staffAuth.enrolment.setup();
  const { recoveryCodes } = await m.api.staffAuth.enrolment.enable({
    code: await codeAt(setup.secret),
  });
  return { ...m, secret: setup.secret, recoveryCodes };
}

describe("the first sign-in of a member without TOTP", () => {
  it("gives a session that can only enrol: every other staff procedure is 403 FORBIDDEN", async () => {
    const m = await freshMember("first@broker.example", "ADMIN");
    expect(m.login.enrolmentRequired).toBe(true);
    expect(await codeOf(m.api.staffAuth.me())).toBe("FORBIDDEN");
    expect(await codeOf(m.api.kycReview.queue({ limit: 1, offset: 0 }))).toBe("FORBIDDEN");
    expect(await codeOf(m.api.staffAuth.sessions())).toBe("FORBIDDEN");
    expect(await m.api.staffAuth.enrolment.status()).toMatchObject({
      email: "first@broker.example",
      role: "ADMIN",
      otpEnabled: false,
      issuer: "Northwind Markets",
    });
  });

  it("sets up a secret shown as a QR code and a key, issuer = the brand's display name, enabling nothing", async () => {
    const m = await freshMember("setup@broker.example");
    const setup = await m.api.staffAuth.enrolment.setup();
    expect(setup.otpUrl).toBe(
      `otpauth://totp/Northwind%20Markets:setup%40broker.example?secret=${setup.secret}&issuer=Northwind%20Markets&algorithm=SHA1&digits=6&period=30`,
    );
    expect(setup.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    const row = await h.db.staff.findUniqueOrThrow({ where: { id: m.id } });
    expect(row.otpEnabled).toBe(false);
    expect(row.otpSetupSecretEnc).not.toContain(setup.secret);
    expect(row.otpSecretEnc).toBeNull();
  });

  it("refuses a wrong code (INVALID_OTP_CODE, audited) and changes nothing", async () => {
    const m = await freshMember("wrong-code@broker.example");
    const setup = await m.api.staffAuth.enrolment.setup();
    const right = await codeAt(setup.secret);
    const wrong = right === "000000" ? "111111" : "000000";
    expect(await codeOf(m.api.staffAuth.enrolment.enable({ code: wrong }))).toBe(
      "INVALID_OTP_CODE",
    );
    const row = await h.db.staff.findUniqueOrThrow({ where: { id: m.id } });
    expect(row.otpEnabled).toBe(false);
    expect(await h.db.staffRecoveryCode.count({ where: { staffId: m.id } })).toBe(0);
    expect(
      await h.db.auditEvent.count({ where: { staffId: m.id, kind: "staff.otp_failed" } }),
    ).toBe(1);
    expect(await codeOf(m.api.staffAuth.me())).toBe("FORBIDDEN");
  });

  it("enables TOTP with a right code: recovery codes once (stored hashed), other sessions end, this one reaches the staff pages", async () => {
    const m = await freshMember("enrol@broker.example");
    const other = await loginStaff(
      h,
      { email: "enrol@broker.example", password: STAFF_PASSWORD },
      request,
    );
    const setup = await m.api.staffAuth.enrolment.setup();
    const result = await m.api.staffAuth.enrolment.enable({ code: await codeAt(setup.secret) });
    expect(result.otpEnabled).toBe(true);
    expect(result.recoveryCodes).toHaveLength(10);
    for (const code of result.recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){5}$/);
    const stored = await h.db.staffRecoveryCode.findMany({
      where: { staffId: m.id },
      select: { codeHash: true },
    });
    expect(stored.map((s) => s.codeHash).sort()).toEqual(
      result.recoveryCodes.map(hashRecoveryCode).sort(),
    );
    expect(JSON.stringify(stored)).not.toContain(result.recoveryCodes[0]);

    expect(await m.api.staffAuth.me()).toMatchObject({
      email: "enrol@broker.example",
      otpEnabled: true,
    });
    expect(await codeOf(m.api.kycReview.queue({ limit: 1, offset: 0 }))).toBe("OK");
    expect(
      await codeOf(h.caller(staffCredential(other.sessionId)).staffAuth.enrolment.status()),
    ).toBe("INVALID_CUSTOMER_SESSION");
    // Enrolled: enrolment is closed (a new authenticator only after an ADMIN reset).
    expect(await codeOf(m.api.staffAuth.enrolment.setup())).toBe("FORBIDDEN");
    expect(
      await h.db.auditEvent.count({ where: { staffId: m.id, kind: "staff.otp_enrolled" } }),
    ).toBe(1);
  });

  it("uses up the enrolment code's time step: the same code cannot sign in, the next step's can", async () => {
    const m = await freshMember("replay@broker.example");
    const setup = await m.api.staffAuth.enrolment.setup();
    const code = await codeAt(setup.secret);
    await m.api.staffAuth.enrolment.enable({ code });
    const input = { email: "replay@broker.example", password: STAFF_PASSWORD };
    const sessionsBefore = await h.db.staffSession.count({ where: { staffId: m.id } });
    expect(await codeOf(loginStaff(h, { ...input, otpCode: code }, request))).toBe(
      "INVALID_OTP_CODE",
    );
    expect(await h.db.staffSession.count({ where: { staffId: m.id } })).toBe(sessionsBefore);
    h.clock.advance(30_000);
    expect(
      await codeOf(loginStaff(h, { ...input, otpCode: await codeAt(setup.secret) }, request)),
    ).toBe("OK");
  });

  it("accepts one of two parallel confirmations with the same code, never both", async () => {
    const m = await freshMember("race@broker.example");
    const second = h.caller(
      staffCredential(
        (await loginStaff(h, { email: "race@broker.example", password: STAFF_PASSWORD }, request))
          .sessionId,
      ),
    );
    const setup = await m.api.staffAuth.enrolment.setup();
    const code = await codeAt(setup.secret);
    const results = await Promise.all([
      codeOf(m.api.staffAuth.enrolment.enable({ code })),
      codeOf(second.staffAuth.enrolment.enable({ code })),
    ]);
    // The loser is refused whichever way it lost: the code's step taken, the setup gone, or its session ended.
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r !== "OK")[0]).toMatch(
      /^(INVALID_OTP_CODE|INVALID_DATA|INVALID_CUSTOMER_SESSION)$/,
    );
    expect(await h.db.staffRecoveryCode.count({ where: { staffId: m.id } })).toBe(10);
    expect(
      await h.db.auditEvent.count({ where: { staffId: m.id, kind: "staff.otp_enrolled" } }),
    ).toBe(1);
  });

  it("throttles wrong enrolment codes: 5 in 15 minutes, then 429 even for the right one", async () => {
    const m = await freshMember("throttle-enrol@broker.example");
    const setup = await m.api.staffAuth.enrolment.setup();
    const right = await codeAt(setup.secret);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++)
      expect(await codeOf(m.api.staffAuth.enrolment.enable({ code: wrong }))).toBe(
        "INVALID_OTP_CODE",
      );
    expect(await codeOf(m.api.staffAuth.enrolment.enable({ code: right }))).toBe(
      "TOO_MANY_ATTEMPTS",
    );
    expect((await h.db.staff.findUniqueOrThrow({ where: { id: m.id } })).otpEnabled).toBe(false);
  });

  it("refuses an expired setup (10 minutes) and asks to start again", async () => {
    const m = await freshMember("expired-setup@broker.example");
    const setup = await m.api.staffAuth.enrolment.setup();
    h.clock.advance(11 * 60_000);
    const e = await errorOf(m.api.staffAuth.enrolment.enable({ code: await codeAt(setup.secret) }));
    expect(e.code).toBe("INVALID_DATA");
    expect((await h.db.staff.findUniqueOrThrow({ where: { id: m.id } })).otpEnabled).toBe(false);
  });
});

describe("signing in once enrolled", () => {
  it("asks for the code (OTP_REQUIRED, no session), accepts TOTP and a recovery code once each", async () => {
    const m = await enrolledMember("enrolled@broker.example");
    h.clock.advance(30_000);
    const input = { email: "enrolled@broker.example", password: STAFF_PASSWORD };
    const before = await h.db.staffSession.count({ where: { staffId: m.id } });
    expect(await codeOf(loginStaff(h, input, request))).toBe("OTP_REQUIRED");
    expect(await h.db.staffSession.count({ where: { staffId: m.id } })).toBe(before);

    const withTotp = await loginStaff(h, { ...input, otpCode: await codeAt(m.secret) }, request);
    expect(withTotp.enrolmentRequired).toBe(false);

    const recovery = m.recoveryCodes[3]!;
    expect(
      await codeOf(loginStaff(h, { ...input, otpCode: recovery.toUpperCase() }, request)),
    ).toBe("OK");
    expect(await codeOf(loginStaff(h, { ...input, otpCode: recovery }, request))).toBe(
      "INVALID_OTP_CODE",
    );
    expect(
      await h.db.staffRecoveryCode.count({ where: { staffId: m.id, usedAt: { not: null } } }),
    ).toBe(1);
  });

  it("does not take another member's recovery code", async () => {
    const a = await enrolledMember("codes-a@broker.example");
    await enrolledMember("codes-b@broker.example");
    const e = await errorOf(
      loginStaff(
        h,
        { email: "codes-b@broker.example", password: STAFF_PASSWORD, otpCode: a.recoveryCodes[0]! },
        request,
      ),
    );
    expect(e.code).toBe("INVALID_OTP_CODE");
    expect(
      await h.db.staffRecoveryCode.count({ where: { staffId: a.id, usedAt: { not: null } } }),
    ).toBe(0);
  });
});

describe("signing out before enrolling", () => {
  it("ends the enrolment session (staffAuth.enrolment.signOut); enrolled members use staffAuth.logout", async () => {
    const m = await freshMember("sign-out-early@broker.example");
    expect(await codeOf(m.api.staffAuth.logout())).toBe("FORBIDDEN");
    expect(await m.api.staffAuth.enrolment.signOut()).toEqual({ loggedOut: true });
    expect(await codeOf(m.api.staffAuth.enrolment.setup())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await h.db.auditEvent.count({ where: { staffId: m.id, kind: "staff.logout" } })).toBe(1);
  });
});
