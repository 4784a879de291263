// Staff management (ADMIN, staff:manage): invite (the link goes by e-mail through the
// outbox), change role, disable/enable, end sessions, revoke one session, reset two-factor.
// An ADMIN cannot disable, demote or reset themselves (403 SELF_APPROVAL); every action is
// audited with the acting member's id; other roles are refused (the walk test covers all).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginStaff } from "../../src/staff-auth/login-staff";
import { codeOf, errorOf, request, STAFF_PASSWORD, staffWithCredential } from "../kyc/fixtures";
import { createHarness, type Harness } from "../support/harness";
import { totpAt } from "./fixtures";

let h: Harness;
let admin: Awaited<ReturnType<typeof staffWithCredential>>;
beforeAll(async () => {
  h = await createHarness();
  await h.db.brand.create({ data: { code: "default", displayName: "Northwind Markets" } });
  admin = await staffWithCredential(h, "admin@broker.example", "ADMIN");
});
afterAll(() => h.close());

const asAdmin = () => h.caller(admin.credential);
const auditedBy = (kind: string, targetStaffId: number) =>
  h.db.auditEvent.findMany({
    where: { kind, staffId: admin.id, data: { path: ["targetStaffId"], equals: targetStaffId } },
  });

describe("staffMembers.invite", () => {
  it("creates the member without a usable password and e-mails the single-use link through the outbox, never returning it", async () => {
    const member = await asAdmin().staffMembers.invite({
      email: "Invitee@Broker.example",
      name: "Ida Invitee",
      role: "FINANCE",
    });
    expect(member).toMatchObject({
      email: "invitee@broker.example",
      name: "Ida Invitee",
      role: "FINANCE",
      enabled: true,
      otpEnabled: false,
      passwordSet: false,
      invitePending: true,
      activeSessions: 0,
    });
    expect(JSON.stringify(member)).not.toMatch(/staff\/enrol/);
    const mail = await h.db.message.findFirstOrThrow({
      where: { recipient: "invitee@broker.example" },
    });
    expect(mail).toMatchObject({ channel: "EMAIL", template: "staff-invite", status: "PENDING" });
    const url = /https?:\/\/\S+\/staff\/enrol\/([A-Za-z0-9_-]{43})/.exec(mail.body);
    expect(url).not.toBeNull();
    expect(await h.caller(null).staffAuth.enrolmentLink.get({ token: url![1]! })).toMatchObject({
      email: "invitee@broker.example",
    });
    expect(await auditedBy("staff.invited", member.id)).toHaveLength(1);
  });

  it("refuses an e-mail that is already a staff member's, creating and sending nothing", async () => {
    const before = { staff: await h.db.staff.count(), messages: await h.db.message.count() };
    expect(
      await codeOf(
        asAdmin().staffMembers.invite({
          email: "ADMIN@broker.example",
          name: "Copy",
          role: "ADMIN",
        }),
      ),
    ).toBe("EMAIL_ALREADY_REGISTERED");
    expect({ staff: await h.db.staff.count(), messages: await h.db.message.count() }).toEqual(
      before,
    );
  });
});

describe("staffMembers.resendInvite", () => {
  it("e-mails a new link to a member without a password; the earlier link stops working (410)", async () => {
    const member = await asAdmin().staffMembers.invite({
      email: "resend@broker.example",
      name: "Rene Resend",
      role: "SUPPORT",
    });
    const tokens = async () =>
      (
        await h.db.message.findMany({
          where: { recipient: "resend@broker.example" },
          orderBy: { createdAt: "asc" },
        })
      ).map((m) => /\/staff\/enrol\/([A-Za-z0-9_-]{43})/.exec(m.body)![1]!);
    const [first] = await tokens();
    // The first link expires (made so directly: moving the clock 24 hours would end the ADMIN's session too).
    await h.db.staffEnrolmentLink.updateMany({
      where: { staffId: member.id },
      data: { expiresAt: h.clock.now() },
    });
    expect(await codeOf(h.caller(null).staffAuth.enrolmentLink.get({ token: first! }))).toBe(
      "LINK_USED",
    );
    expect(
      (await asAdmin().staffMembers.list()).members.find((m) => m.id === member.id),
    ).toMatchObject({ invitePending: false, passwordSet: false });

    expect(await asAdmin().staffMembers.resendInvite({ staffId: member.id })).toMatchObject({
      invitePending: true,
    });
    const [, second] = await tokens();
    expect(second).toBeDefined();
    expect(await h.caller(null).staffAuth.enrolmentLink.get({ token: second! })).toMatchObject({
      email: "resend@broker.example",
    });
    // A third link supersedes the second.
    await asAdmin().staffMembers.resendInvite({ staffId: member.id });
    expect(await codeOf(h.caller(null).staffAuth.enrolmentLink.get({ token: second! }))).toBe(
      "LINK_USED",
    );
    expect(await auditedBy("staff.enrolment_link_issued", member.id)).toHaveLength(2);
  });

  it("refuses a member who already has a password (403), sending nothing", async () => {
    const m = await staffWithCredential(h, "has-password@broker.example", "SUPPORT");
    const before = await h.db.message.count();
    expect(await codeOf(asAdmin().staffMembers.resendInvite({ staffId: m.id }))).toBe("FORBIDDEN");
    expect(await h.db.message.count()).toBe(before);
    expect(await h.db.staffEnrolmentLink.count({ where: { staffId: m.id } })).toBe(0);
  });
});

describe("changing a member", () => {
  it("changes the role (audited with both roles), effective on the member's next call", async () => {
    const m = await staffWithCredential(h, "role@broker.example", "SUPPORT");
    const api = h.caller(m.credential);
    expect(await codeOf(api.kycReview.queue({ limit: 1, offset: 0 }))).toBe("FORBIDDEN");
    expect(
      await asAdmin().staffMembers.changeRole({ staffId: m.id, role: "KYC_REVIEWER" }),
    ).toMatchObject({ role: "KYC_REVIEWER" });
    expect(await codeOf(api.kycReview.queue({ limit: 1, offset: 0 }))).toBe("OK");
    const [event] = await auditedBy("staff.role_changed", m.id);
    expect(event?.data).toMatchObject({ from: "SUPPORT", to: "KYC_REVIEWER" });
  });

  it("disabling ends the member's sessions at once and refuses their sign-in; enabling lets them back", async () => {
    const m = await staffWithCredential(h, "disable@broker.example", "SUPPORT");
    const result = await asAdmin().staffMembers.setEnabled({ staffId: m.id, enabled: false });
    expect(result).toMatchObject({ enabled: false, endedSessions: 1, activeSessions: 0 });
    expect(await codeOf(h.caller(m.credential).staffAuth.me())).toBe("INVALID_CUSTOMER_SESSION");
    h.clock.advance(30_000);
    expect(
      await codeOf(
        loginStaff(
          h,
          { email: "disable@broker.example", password: STAFF_PASSWORD, otpCode: await totpAt(h) },
          request,
        ),
      ),
    ).toBe("FORBIDDEN");
    await asAdmin().staffMembers.setEnabled({ staffId: m.id, enabled: true });
    h.clock.advance(30_000);
    expect(
      await codeOf(
        loginStaff(
          h,
          { email: "disable@broker.example", password: STAFF_PASSWORD, otpCode: await totpAt(h) },
          request,
        ),
      ),
    ).toBe("OK");
    expect(await auditedBy("staff.disabled", m.id)).toHaveLength(1);
    expect(await auditedBy("staff.enabled", m.id)).toHaveLength(1);
  });

  it("lists a member's sessions, revokes one of them, and ends all of them", async () => {
    const m = await staffWithCredential(h, "sessions@broker.example", "FINANCE");
    h.clock.advance(30_000);
    const second = await loginStaff(
      h,
      { email: "sessions@broker.example", password: STAFF_PASSWORD, otpCode: await totpAt(h) },
      request,
    );
    const listed = await asAdmin().staffMembers.sessions({ staffId: m.id });
    expect(listed.sessions.map((s) => s.id).sort()).toEqual([m.sessionId, second.sessionId].sort());

    // An ADMIN revokes another member's session: that session ends, the other lives on.
    expect(await asAdmin().staffMembers.revokeSession({ sessionId: second.sessionId })).toEqual({
      revoked: true,
    });
    expect(
      await codeOf(h.caller({ type: "staff-session", sessionId: second.sessionId }).staffAuth.me()),
    ).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(h.caller(m.credential).staffAuth.me())).toBe("OK");
    expect(
      await codeOf(asAdmin().staffMembers.revokeSession({ sessionId: second.sessionId })),
    ).toBe("NOT_FOUND");
    expect(await auditedBy("staff.session_revoked", m.id)).toHaveLength(1);

    expect(await asAdmin().staffMembers.endSessions({ staffId: m.id })).toEqual({
      endedSessions: 1,
    });
    expect(await codeOf(h.caller(m.credential).staffAuth.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await auditedBy("staff.sessions_ended", m.id)).toHaveLength(1);
  });

  it("resets a member's two-factor: sessions end, recovery codes go, the next sign-in enrols again", async () => {
    const m = await staffWithCredential(h, "reset@broker.example", "KYC_REVIEWER");
    await h.db.staffRecoveryCode.create({ data: { staffId: m.id, codeHash: "x" } });
    const result = await asAdmin().staffMembers.resetTwoFactor({ staffId: m.id });
    expect(result).toMatchObject({ otpEnabled: false, endedSessions: 1 });
    expect(await h.db.staffRecoveryCode.count({ where: { staffId: m.id } })).toBe(0);
    expect(await codeOf(h.caller(m.credential).staffAuth.me())).toBe("INVALID_CUSTOMER_SESSION");
    const login = await loginStaff(
      h,
      { email: "reset@broker.example", password: STAFF_PASSWORD },
      request,
    );
    expect(login.enrolmentRequired).toBe(true);
    const api = h.caller({ type: "staff-session", sessionId: login.sessionId });
    expect(await codeOf(api.kycReview.queue({ limit: 1, offset: 0 }))).toBe("FORBIDDEN");
    expect(await codeOf(api.staffAuth.enrolment.setup())).toBe("OK");
    expect(await auditedBy("staff.otp_reset", m.id)).toHaveLength(1);
  });

  it("answers 404 for an unknown member", async () => {
    expect(
      await codeOf(asAdmin().staffMembers.changeRole({ staffId: 999_999, role: "ADMIN" })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(asAdmin().staffMembers.resetTwoFactor({ staffId: 999_999 }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(asAdmin().staffMembers.sessions({ staffId: 999_999 }))).toBe("NOT_FOUND");
  });
});

describe("an ADMIN acting on themselves", () => {
  it("cannot disable, demote or reset themselves (403 SELF_APPROVAL), and nothing changes", async () => {
    const auditBefore = await h.db.auditEvent.count({ where: { staffId: admin.id } });
    for (const call of [
      asAdmin().staffMembers.setEnabled({ staffId: admin.id, enabled: false }),
      asAdmin().staffMembers.changeRole({ staffId: admin.id, role: "SUPPORT" }),
      asAdmin().staffMembers.resetTwoFactor({ staffId: admin.id }),
    ]) {
      const e = await errorOf(call);
      expect(e).toMatchObject({ code: "SELF_APPROVAL", httpStatus: 403 });
    }
    expect(
      await h.db.staff.findUniqueOrThrow({
        where: { id: admin.id },
        select: { role: true, enabled: true, otpEnabled: true },
      }),
    ).toEqual({
      role: "ADMIN",
      enabled: true,
      otpEnabled: true,
    });
    expect(await codeOf(asAdmin().staffAuth.me())).toBe("OK");
    expect(await h.db.auditEvent.count({ where: { staffId: admin.id } })).toBe(auditBefore);
  });
});

describe("other roles", () => {
  it("are refused every staffMembers procedure with 403, changing nothing (the walk test proves it for every role)", async () => {
    const finance = await staffWithCredential(h, "not-admin@broker.example", "FINANCE");
    const target = await staffWithCredential(h, "target@broker.example", "SUPPORT");
    const api = h.caller(finance.credential);
    for (const call of [
      api.staffMembers.list(),
      api.staffMembers.setEnabled({ staffId: target.id, enabled: false }),
      api.staffMembers.changeRole({ staffId: finance.id, role: "ADMIN" }),
      api.staffMembers.resetTwoFactor({ staffId: target.id }),
      api.staffMembers.revokeSession({ sessionId: target.sessionId }),
      api.staffMembers.invite({ email: "sneaky@broker.example", name: "Sneaky", role: "ADMIN" }),
    ]) {
      expect(await codeOf(call)).toBe("FORBIDDEN");
    }
    expect(
      await h.db.staff.findUniqueOrThrow({ where: { id: finance.id }, select: { role: true } }),
    ).toEqual({ role: "FINANCE" });
    expect(
      await h.db.staff.findUniqueOrThrow({
        where: { id: target.id },
        select: { enabled: true, otpEnabled: true },
      }),
    ).toEqual({
      enabled: true,
      otpEnabled: true,
    });
    expect(await h.db.staff.count({ where: { email: "sneaky@broker.example" } })).toBe(0);
    expect(await codeOf(h.caller(target.credential).staffAuth.me())).toBe("OK");
  });
});
