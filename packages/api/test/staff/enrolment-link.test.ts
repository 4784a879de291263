// A new staff member (pnpm staff:create, staffMembers.invite) has no usable password and a
// single-use 24-hour link to set one; then the first sign-in leads to TOTP enrolment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../src/session/token-hash";
import { createStaffMember, NO_PASSWORD_YET } from "../../src/staff-auth/create-staff-member";
import { STAFF_ENROLMENT_LINK_MS } from "../../src/staff-auth/enrolment-links";
import { loginStaff } from "../../src/staff-auth/login-staff";
import { codeOf, errorOf, request } from "../kyc/fixtures";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const NEW_PASSWORD = "Back-Office-Entry-77";

async function newMember(email: string) {
  return h.db.$transaction((tx) =>
    createStaffMember(
      tx,
      { email, name: "New Member", role: "SUPPORT", createdById: null, now: h.clock.now() },
      request,
    ),
  );
}

const tokenOf = (url: string) => url.split("/staff/enrol/")[1]!;

describe("a new staff member's enrolment link", () => {
  it("is a 24-hour single-use link whose token is stored only hashed; the member has no usable password", async () => {
    const { staff, link } = await newMember("NEW.one@Broker.example");
    expect(staff.email).toBe("new.one@broker.example");
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/staff\/enrol\/[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.getTime() - h.clock.now().getTime()).toBe(STAFF_ENROLMENT_LINK_MS);
    const stored = await h.db.staffEnrolmentLink.findMany({ where: { staffId: staff.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(tokenOf(link.url)));
    expect(JSON.stringify(stored)).not.toContain(tokenOf(link.url));
    const row = await h.db.staff.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.passwordHash).toBe(NO_PASSWORD_YET);
    expect(row.otpEnabled).toBe(false);
    expect(
      await h.db.auditEvent.count({
        where: { kind: "staff.created", data: { path: ["targetStaffId"], equals: staff.id } },
      }),
    ).toBe(1);
    // Nothing signs in before the password is set: the same answer as a wrong password.
    for (const password of [NO_PASSWORD_YET, "", "anything-at-all"]) {
      expect(
        await codeOf(
          loginStaff(
            h,
            { email: "new.one@broker.example", password },
            { ...request, ip: "203.0.113.77" },
          ),
        ),
      ).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    }
  });

  it("refuses a second member with the same e-mail (any letter case)", async () => {
    await newMember("twice@broker.example");
    expect(await codeOf(newMember("TWICE@broker.example"))).toBe("EMAIL_ALREADY_REGISTERED");
    expect(await h.db.staff.count({ where: { email: "twice@broker.example" } })).toBe(1);
  });

  it("shows whom it is for, sets the password once (customer rules), then the first sign-in leads to enrolment", async () => {
    const { staff, link } = await newMember("setter@broker.example");
    const api = h.caller(null);
    const token = tokenOf(link.url);
    expect(await api.staffAuth.enrolmentLink.get({ token })).toMatchObject({
      email: "setter@broker.example",
      role: "SUPPORT",
    });

    // A refused password leaves the link usable and the member without a password.
    for (const [password, code] of [
      ["short", "PASSWORD_TOO_SHORT"],
      ["setter@broker.example", "PASSWORD_TOO_WEAK"],
      ["password123", "PASSWORD_TOO_WEAK"],
    ] as const) {
      expect(
        await codeOf(
          api.staffAuth.enrolmentLink.setPassword({
            token,
            password,
            passwordConfirmation: password,
          }),
        ),
      ).toBe(code);
    }
    const mismatch = await errorOf(
      api.staffAuth.enrolmentLink.setPassword({
        token,
        password: NEW_PASSWORD,
        passwordConfirmation: `${NEW_PASSWORD}x`,
      }),
    );
    expect(mismatch.code).toBe("INVALID_DATA");
    expect(mismatch.fieldErrors).toHaveProperty("passwordConfirmation");
    expect((await h.db.staff.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBe(
      NO_PASSWORD_YET,
    );

    expect(
      await api.staffAuth.enrolmentLink.setPassword({
        token,
        password: NEW_PASSWORD,
        passwordConfirmation: NEW_PASSWORD,
      }),
    ).toEqual({
      email: "setter@broker.example",
      passwordSet: true,
    });
    expect((await h.db.staff.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toMatch(
      /^\$argon2id\$/,
    );
    const login = await loginStaff(
      h,
      { email: "setter@broker.example", password: NEW_PASSWORD },
      request,
    );
    expect(login.enrolmentRequired).toBe(true);
    expect(
      await codeOf(h.caller({ type: "staff-session", sessionId: login.sessionId }).staffAuth.me()),
    ).toBe("FORBIDDEN");
  });

  it("is 410 LINK_USED once used, and a reused link changes nothing", async () => {
    const { staff, link } = await newMember("reuse@broker.example");
    const api = h.caller(null);
    const token = tokenOf(link.url);
    await api.staffAuth.enrolmentLink.setPassword({
      token,
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    const hashAfterFirst = (await h.db.staff.findUniqueOrThrow({ where: { id: staff.id } }))
      .passwordHash;
    const again = await errorOf(
      api.staffAuth.enrolmentLink.setPassword({
        token,
        password: "Another-Pass-Phrase-9",
        passwordConfirmation: "Another-Pass-Phrase-9",
      }),
    );
    expect(again).toMatchObject({ code: "LINK_USED", httpStatus: 410 });
    expect(await codeOf(api.staffAuth.enrolmentLink.get({ token }))).toBe("LINK_USED");
    expect((await h.db.staff.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBe(
      hashAfterFirst,
    );
  });

  it("takes one of two parallel uses, never both", async () => {
    const { link } = await newMember("parallel@broker.example");
    const token = tokenOf(link.url);
    const api = h.caller(null);
    const results = await Promise.all(
      ["First-Pass-Phrase-11", "Second-Pass-Phrase-22"].map((password) =>
        codeOf(
          api.staffAuth.enrolmentLink.setPassword({
            token,
            password,
            passwordConfirmation: password,
          }),
        ),
      ),
    );
    expect(results.sort()).toEqual(["LINK_USED", "OK"]);
  });

  it("is 410 LINK_USED after 24 hours and for an unknown token", async () => {
    const { staff, link } = await newMember("expired@broker.example");
    const api = h.caller(null);
    const token = tokenOf(link.url);
    h.clock.advance(STAFF_ENROLMENT_LINK_MS + 1000);
    expect(
      await codeOf(
        api.staffAuth.enrolmentLink.setPassword({
          token,
          password: NEW_PASSWORD,
          passwordConfirmation: NEW_PASSWORD,
        }),
      ),
    ).toBe("LINK_USED");
    expect((await h.db.staff.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBe(
      NO_PASSWORD_YET,
    );
    expect(await codeOf(api.staffAuth.enrolmentLink.get({ token: "A".repeat(43) }))).toBe(
      "LINK_USED",
    );
    expect(await codeOf(api.staffAuth.enrolmentLink.get({ token: "not-a-token" }))).toBe(
      "INVALID_DATA",
    );
  });

  it("does not work for a disabled member (410), and sets nothing", async () => {
    const { staff, link } = await newMember("disabled-invitee@broker.example");
    await h.db.staff.update({ where: { id: staff.id }, data: { enabled: false } });
    const token = tokenOf(link.url);
    expect(
      await codeOf(
        h
          .caller(null)
          .staffAuth.enrolmentLink.setPassword({
            token,
            password: NEW_PASSWORD,
            passwordConfirmation: NEW_PASSWORD,
          }),
      ),
    ).toBe("LINK_USED");
    expect((await h.db.staff.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBe(
      NO_PASSWORD_YET,
    );
    expect(
      (await h.db.staffEnrolmentLink.findFirstOrThrow({ where: { staffId: staff.id } })).usedAt,
    ).toBeNull();
  });
});
