// The profile page (issue 15): name, preferred language, e-mail and phone changes through
// the real router against a real PostgreSQL. Every refusal is checked with its code and
// with the state after it (nothing changed, nothing sent).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import {
  callerAs,
  codeInBody,
  codeOf,
  createBrand,
  messageIds,
  newMessages,
  refusal,
  registerCustomer,
  uniqueEmail,
  uniqueIp,
  uniquePhone,
  web,
  webLogin,
} from "../identity/fixtures";
import { autoConfirming, challengeOf, emailedCode } from "../step-up/fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await createBrand(h);
});
afterAll(() => h.close());

const SIX_MINUTES = 6 * 60_000;
const ELEVEN_MINUTES = 11 * 60_000;

/** Any code of the same length other than `code`. */
const otherCode = (code: string) => String((Number(code) + 1) % 10 ** code.length).padStart(code.length, "0");

/** A new customer (e-mail verified at sign-up is not needed here) with a fresh web session. */
async function customer(options: { phone?: string; firstName?: string; verified?: boolean } = {}) {
  const c = await registerCustomer(h, { ...(options.phone ? { phone: options.phone } : {}), ...(options.firstName ? { firstName: options.firstName } : {}) });
  const ip = uniqueIp();
  const sessionId = await webLogin(h, c.email, c.password, { ip });
  // A verified e-mail is the step-up channel of a customer without a second factor.
  if (options.verified) await callerAs(h, web(sessionId), { ip }).customer.verifyEmail({ code: c.emailCode });
  // A customer who confirms the e-mail and phone changes (step-up) with the e-mailed code;
  // `plain` is the caller as it is, for the step-up checks.
  const plain = callerAs(h, web(sessionId), { ip });
  return { ...c, ip, sessionId, plain, caller: autoConfirming(h, plain, c.customerId) };
}

async function row(customerId: number) {
  return h.db.customer.findUniqueOrThrow({ where: { id: customerId } });
}

async function auditKinds(customerId: number, prefix = "customer.") {
  const rows = await h.db.auditEvent.findMany({ where: { customerId, kind: { startsWith: prefix } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true } });
  return rows.map((r) => r.kind);
}

/** Everything a refused call must leave alone for this customer. */
async function footprint(customerId: number) {
  const [customer, messages, codes, audit, liveSessions] = await Promise.all([
    row(customerId),
    h.db.message.count(),
    h.db.verificationCode.findMany({ where: { customerId }, orderBy: { createdAt: "asc" }, select: { id: true, consumedAt: true, purpose: true } }),
    h.db.auditEvent.count({ where: { customerId, kind: { not: "customer.reauth_failed" } } }),
    h.db.session.count({ where: { customerId, revokedAt: null } }),
  ]);
  const { updatedAt: _updatedAt, ...rest } = customer;
  return { customer: rest, messages, codes, audit, liveSessions };
}

/** Runs `request` and reads the code it sent to `recipient` (exactly one message). */
async function codeSentTo(recipient: string, digits: number, request: () => Promise<unknown>) {
  const before = await messageIds(h, recipient);
  await request();
  const sent = await newMessages(h, recipient, before);
  expect(sent).toHaveLength(1);
  return codeInBody(sent[0]!.body, digits);
}

describe("profile.get", () => {
  it("shows the caller's own name, contacts, language and no pending change", async () => {
    const c = await customer({ phone: uniquePhone() });
    expect(await c.caller.profile.get()).toEqual({
      firstName: "Jane",
      lastName: "Doe",
      nameLocked: false,
      email: c.email,
      emailVerified: false,
      phone: c.phone,
      phoneVerified: false,
      preferredLanguage: "en",
      smsOtpEnabled: false,
      pendingEmail: null,
      pendingPhone: null,
    });
  });

  it("is 401 INVALID_CUSTOMER_SESSION without a session, before the input is looked at", async () => {
    const anonymous = callerAs(h, null);
    expect(await codeOf(anonymous.profile.get())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(anonymous.profile.updateName({ firstName: "", lastName: "" }))).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(anonymous.profile.confirmEmailChange({ code: "x" }))).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(anonymous.profile.requestPhoneChange({ phone: "nope" }))).toBe("INVALID_CUSTOMER_SESSION");
  });
});

describe("profile.updateName", () => {
  it("changes the first and last name (trimmed); customer.me follows; the audit event holds no name", async () => {
    const c = await customer();
    await expect(c.caller.profile.updateName({ firstName: "  Maria ", lastName: "Lopez" })).resolves.toEqual({ firstName: "Maria", lastName: "Lopez" });
    expect(await c.caller.customer.me()).toMatchObject({ firstName: "Maria", lastName: "Lopez", fullName: "Maria Lopez" });
    const event = await h.db.auditEvent.findFirstOrThrow({ where: { customerId: c.customerId, kind: "customer.name_changed" } });
    expect(event.data).toEqual({ firstName: true, lastName: true });
    expect(JSON.stringify(event.data)).not.toContain("Maria");
  });

  it("refuses bad input with INVALID_DATA and a reserved name with RESERVED_NAME, changing nothing", async () => {
    const c = await customer();
    const before = await footprint(c.customerId);
    const blank = await refusal(c.caller.profile.updateName({ firstName: "  ", lastName: "Doe" }));
    expect(blank.code).toBe("INVALID_DATA");
    expect(blank.fieldCodes).toMatchObject({ firstName: ["REQUIRED"] });
    expect(await codeOf(c.caller.profile.updateName({ firstName: "A".repeat(101), lastName: "Doe" }))).toBe("INVALID_DATA");
    // a staff-only field smuggled in is not a name change
    expect(await codeOf(c.caller.profile.updateName({ firstName: "Ann", lastName: "Doe", status: 0 } as never))).toBe("INVALID_DATA");
    const reserved = await refusal(c.caller.profile.updateName({ firstName: "Ad-min", lastName: "Doe" }));
    expect(reserved.code).toBe("RESERVED_NAME");
    expect(reserved.fieldCodes).toEqual({ firstName: ["RESERVED"] });
    expect(await footprint(c.customerId)).toEqual(before);
  });

  it("is 409 NAME_LOCKED while a KYC submission is under review and once one was approved; a rejected one does not lock", async () => {
    for (const [status, locked] of [["REJECTED", false], ["PENDING", true], ["APPROVED", true]] as const) {
      const c = await customer();
      await h.db.kycProfile.create({
        data: {
          customerId: c.customerId,
          status: status === "PENDING" ? 1 : status === "APPROVED" ? 3 : 4,
          currentLevel: status === "APPROVED" ? 1 : 0,
          requiredLevel: 1,
          submissions: { create: { level: 1, status, data: { firstName: "Jane", lastName: "Doe" } } },
        },
      });
      expect((await c.caller.profile.get()).nameLocked).toBe(locked);
      const before = await footprint(c.customerId);
      const attempt = c.caller.profile.updateName({ firstName: "Someone", lastName: "Else" });
      if (locked) {
        const e = await refusal(attempt);
        expect(e.code).toBe("NAME_LOCKED");
        expect(e.httpStatus).toBe(409);
        expect(await footprint(c.customerId)).toEqual(before);
      } else {
        await expect(attempt).resolves.toEqual({ firstName: "Someone", lastName: "Else" });
      }
    }
  });
});

describe("profile.setPreferredLanguage", () => {
  it("stores one of the sign-up languages on Customer.preferredLanguage", async () => {
    const c = await customer();
    await expect(c.caller.profile.setPreferredLanguage({ language: "de" })).resolves.toEqual({ preferredLanguage: "de" });
    expect((await row(c.customerId)).preferredLanguage).toBe("de");
    expect(await c.caller.customer.me()).toMatchObject({ preferredLanguage: "de" });
    expect(await auditKinds(c.customerId, "customer.language")).toEqual(["customer.language_changed"]);
  });

  it("refuses a language outside the list with INVALID_DATA (NOT_ALLOWED) and changes nothing", async () => {
    const c = await customer();
    const before = await footprint(c.customerId);
    for (const language of ["xx", "de-DE", "", "EN"]) {
      const e = await refusal(c.caller.profile.setPreferredLanguage({ language } as never));
      expect(e.code).toBe("INVALID_DATA");
      expect(e.fieldCodes).toMatchObject({ language: ["NOT_ALLOWED"] });
    }
    expect(await footprint(c.customerId)).toEqual(before);
  });
});

describe("e-mail change", () => {
  it("sends a code to the new address and a notice to the old; the code makes the change, ends the other sessions and notifies both", async () => {
    const c = await customer({ verified: true });
    const otherSession = await webLogin(h, c.email, c.password);
    // a password-reset code mailed to the old address before the change
    const resetCode = await codeSentTo(c.email, 6, () => callerAs(h, null).auth.requestPasswordReset({ email: c.email }));
    const newEmail = uniqueEmail("new");
    const oldBefore = await messageIds(h, c.email);
    const code = await codeSentTo(newEmail, 6, async () => {
      const answer = await c.caller.profile.requestEmailChange({ newEmail: `  ${newEmail.toUpperCase()} ` });
      expect(answer).toEqual({ sent: true, newEmail, expiresAt: new Date(h.clock.now().getTime() + 10 * 60_000).toISOString() });
    });
    // the old address got the step-up code that confirmed the change, then the notice
    const notice = await newMessages(h, c.email, oldBefore);
    expect(notice.map((m) => m.template).sort()).toEqual(["email-change-requested", "step-up-code"]);
    expect(notice.find((m) => m.template === "email-change-requested")!.body).not.toContain(newEmail); // masked: the old mailbox may be read by someone else
    expect((await c.caller.profile.get()).pendingEmail).toEqual({ newEmail, expiresAt: expect.any(String) });
    // nothing changes before the code comes back
    expect((await row(c.customerId)).email).toBe(c.email);

    const before = { old: await messageIds(h, c.email), new: await messageIds(h, newEmail) };
    await expect(c.caller.profile.confirmEmailChange({ code })).resolves.toEqual({ changed: true, email: newEmail });
    const after = await row(c.customerId);
    expect(after.email).toBe(newEmail);
    expect(after.emailVerifiedAt).toEqual(h.clock.now());
    expect((await newMessages(h, c.email, before.old)).map((m) => m.template)).toEqual(["email-changed"]);
    expect((await newMessages(h, newEmail, before.new)).map((m) => m.template)).toEqual(["email-changed"]);
    // this session stays, the other one ended
    expect(await h.db.session.findUniqueOrThrow({ where: { id: c.sessionId } })).toMatchObject({ revokedAt: null });
    expect((await h.db.session.findUniqueOrThrow({ where: { id: otherSession } })).revokedAt).not.toBeNull();
    expect(await codeOf(callerAs(h, web(otherSession)).profile.get())).toBe("INVALID_CUSTOMER_SESSION");
    expect((await c.caller.profile.get()).pendingEmail).toBeNull();
    expect(await auditKinds(c.customerId, "customer.email_")).toEqual(["customer.email_verified", "customer.email_change_requested", "customer.email_changed"]);
    // the new address signs in, the old one no longer does
    await expect(webLogin(h, newEmail, c.password)).resolves.toEqual(expect.any(String));
    expect(await codeOf(webLogin(h, c.email, c.password))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    // the reset code of the old mailbox works no more, with either address
    for (const email of [newEmail, c.email]) {
      const reset = { email, code: resetCode, password: "Another-Pass-2026x", passwordConfirmation: "Another-Pass-2026x" };
      expect(await codeOf(callerAs(h, null).auth.resetPassword(reset))).not.toBe("OK");
    }
    await expect(webLogin(h, newEmail, c.password)).resolves.toEqual(expect.any(String));
  });

  it("writes the change's messages in the customer's preferred language (German): the code to the new address, the notices, the step-up code", async () => {
    const c = await customer({ verified: true });
    await c.caller.profile.setPreferredLanguage({ language: "de" });
    const newEmail = uniqueEmail("neu");
    const before = { old: await messageIds(h, c.email), new: await messageIds(h, newEmail) };
    await c.caller.profile.requestEmailChange({ newEmail });
    const [toNew] = await newMessages(h, newEmail, before.new);
    expect(toNew!.template).toBe("email-change-code");
    expect(toNew!.subject).toContain("Bestätigen Sie Ihre neue E-Mail-Adresse");
    expect(toNew!.body).toMatch(/^Ihr Code lautet \d{6}\n/);
    expect(toNew!.body).toContain("Dies ist eine automatisch erstellte Nachricht");
    const toOld = await newMessages(h, c.email, before.old);
    const stepUpMail = toOld.find((m) => m.template === "step-up-code")!;
    // The new address masked: the current mailbox may be read by someone else.
    expect(stepUpMail.body).toContain(`um diesen Vorgang zu bestätigen: Ändern Ihrer E-Mail-Adresse in ${newEmail.slice(0, 1)}***@example.com.`);
    expect(stepUpMail.body).not.toContain(newEmail);
    expect(toOld.find((m) => m.template === "email-change-requested")!.subject).toContain("Änderung Ihrer E-Mail-Adresse beantragt");
    // The German code confirms the change; the notice of the change is German too.
    const afterRequest = await messageIds(h, newEmail);
    await c.caller.profile.confirmEmailChange({ code: codeInBody(toNew!.body, 6) });
    const [changed] = await newMessages(h, newEmail, afterRequest);
    expect(changed!.subject).toContain("Ihre E-Mail-Adresse wurde geändert");
  });

  it("tells the owner of a taken address in the owner's language, not the asker's", async () => {
    const owner = await customer();
    await owner.caller.profile.setPreferredLanguage({ language: "de" });
    const asker = await customer();
    const ownerBefore = await messageIds(h, owner.email);
    await asker.caller.profile.requestEmailChange({ newEmail: owner.email });
    const [notice] = await newMessages(h, owner.email, ownerBefore);
    expect(notice!.template).toBe("email-change-address-in-use");
    expect(notice!.subject).toContain("Ihre E-Mail-Adresse wurde bei einem anderen Konto angegeben");
    // The asker (English) reads English.
    const [requested] = (await newMessages(h, asker.email, new Set())).filter((m) => m.template === "email-change-requested");
    expect(requested!.subject).toContain("change of your e-mail address asked for");
  });

  it("asks for a step-up confirmation bound to the new address: nothing is sent there before it; it works once, for that address only", async () => {
    const c = await customer({ verified: true });
    const newEmail = uniqueEmail("bound");
    const before = await messageIds(h, newEmail);
    const challenge = await challengeOf(c.plain.profile.requestEmailChange({ newEmail }));
    expect(challenge.channels).toEqual(["email"]);
    expect(await newMessages(h, newEmail, before)).toEqual([]);
    expect((await c.plain.profile.get()).pendingEmail).toBeNull();

    const code = await emailedCode(h, c.plain, c.customerId, challenge.challengeId);
    const stepUp = { challengeId: challenge.challengeId, code };
    // for another address: refused, and the confirmation is still good for its own
    const other = await refusal(c.plain.profile.requestEmailChange({ newEmail: uniqueEmail("other"), stepUp }));
    expect(other.code).toBe("STEP_UP_MISMATCH");
    // nor for the phone change
    expect(await codeOf(c.plain.profile.requestPhoneChange({ phone: uniquePhone(), stepUp }))).toBe("STEP_UP_MISMATCH");
    await expect(c.plain.profile.requestEmailChange({ newEmail, stepUp })).resolves.toMatchObject({ sent: true, newEmail });
    expect(await newMessages(h, newEmail, before)).toHaveLength(1);
    // once only
    const again = await refusal(c.plain.profile.requestEmailChange({ newEmail, stepUp }));
    expect(again.code).toBe("STEP_UP_USED");
    expect(await newMessages(h, newEmail, before)).toHaveLength(1);
  });

  it("needs no step-up from a customer with no channel (no second factor, e-mail not verified): the re-authentication suffices", async () => {
    const c = await customer();
    const newEmail = uniqueEmail("fix-typo");
    await expect(c.plain.profile.requestEmailChange({ newEmail })).resolves.toMatchObject({ sent: true, newEmail });
    expect(await h.db.stepUpChallenge.count({ where: { customerId: c.customerId } })).toBe(0);
    // ...but not without it
    h.clock.advance(SIX_MINUTES);
    expect(await codeOf(c.plain.profile.requestEmailChange({ newEmail: uniqueEmail("late") }))).toBe("REAUTH_REQUIRED");
  });

  it("is 401 REAUTH_REQUIRED when the password was last entered more than 5 minutes ago: nothing is sent; after session.reauthenticate it works", async () => {
    const c = await customer();
    h.clock.advance(SIX_MINUTES);
    const before = await footprint(c.customerId);
    const e = await refusal(c.caller.profile.requestEmailChange({ newEmail: uniqueEmail("late") }));
    expect(e.code).toBe("REAUTH_REQUIRED");
    expect(e.httpStatus).toBe(401);
    expect(await footprint(c.customerId)).toEqual(before);
    await c.caller.session.reauthenticate({ password: c.password });
    await expect(c.caller.profile.requestEmailChange({ newEmail: uniqueEmail("late") })).resolves.toMatchObject({ sent: true });
  });

  it("refuses the current address (any letter case) and a malformed one with INVALID_DATA, changing nothing", async () => {
    const c = await customer();
    const before = await footprint(c.customerId);
    const same = await refusal(c.caller.profile.requestEmailChange({ newEmail: c.email.toUpperCase() }));
    expect(same.code).toBe("INVALID_DATA");
    expect(same.fieldCodes).toEqual({ newEmail: ["MUST_DIFFER"] });
    expect(await codeOf(c.caller.profile.requestEmailChange({ newEmail: "not-an-address" }))).toBe("INVALID_DATA");
    expect(await codeOf(c.caller.profile.requestEmailChange({ newEmail: uniqueEmail(), extra: 1 } as never))).toBe("INVALID_DATA");
    expect(await footprint(c.customerId)).toEqual(before);
  });

  it("does not reveal a registered address: the same answer, the owner gets a notice instead of a code, and no code can confirm it", async () => {
    const owner = await customer();
    const asker = await customer();
    const free = uniqueEmail("free");
    const freeAnswer = await asker.caller.profile.requestEmailChange({ newEmail: free });
    const ownerBefore = await messageIds(h, owner.email);
    const askerBefore = await messageIds(h, asker.email);
    const takenAnswer = await asker.caller.profile.requestEmailChange({ newEmail: owner.email.toUpperCase() });
    // same shape and values, apart from the address itself
    expect({ ...takenAnswer, newEmail: "x" }).toEqual({ ...freeAnswer, newEmail: "x" });
    expect((await asker.caller.profile.get()).pendingEmail).toEqual({ newEmail: owner.email, expiresAt: expect.any(String) });
    // the asker's own mailbox sees exactly what a free address gives
    expect((await newMessages(h, asker.email, askerBefore)).map((m) => m.template)).toEqual(["email-change-requested"]);
    const toOwner = await newMessages(h, owner.email, ownerBefore);
    expect(toOwner.map((m) => m.template)).toEqual(["email-change-address-in-use"]);
    expect(toOwner[0]!.body).not.toMatch(/\b\d{6}\b/);
    expect(toOwner[0]!.secretEnc).toBeNull();
    expect(toOwner[0]!.customerId).toBe(owner.customerId);
    // the code that was never sent cannot be guessed into a takeover: all 10^6 would fail, try a few
    for (const guess of ["000000", "123456", "999999"]) {
      expect(await codeOf(asker.caller.profile.confirmEmailChange({ code: guess }))).toBe("CODE_INVALID");
    }
    expect((await row(asker.customerId)).email).toBe(asker.email);
    expect((await row(owner.customerId)).email).toBe(owner.email);
  });

  it("a wrong code is CODE_INVALID (the try counts), the fifth wrong one kills the code, and nothing changes", async () => {
    const c = await customer();
    const newEmail = uniqueEmail("wrong");
    const code = await codeSentTo(newEmail, 6, () => c.caller.profile.requestEmailChange({ newEmail }));
    for (let i = 0; i < 5; i += 1) {
      const e = await refusal(c.caller.profile.confirmEmailChange({ code: otherCode(code) }));
      expect(e.code).toBe("CODE_INVALID");
      expect(e.httpStatus).toBe(400);
    }
    expect(await codeOf(c.caller.profile.confirmEmailChange({ code }))).toBe("CODE_INVALID");
    expect((await row(c.customerId)).email).toBe(c.email);
    expect((await c.caller.profile.get()).pendingEmail).toBeNull();
  });

  it("a code past its 10 minutes is CODE_EXPIRED; a used code is CODE_INVALID the second time; a newer request kills the older code", async () => {
    const c = await customer();
    const first = uniqueEmail("first");
    const expired = await codeSentTo(first, 6, () => c.caller.profile.requestEmailChange({ newEmail: first }));
    h.clock.advance(ELEVEN_MINUTES);
    expect(await codeOf(c.caller.profile.confirmEmailChange({ code: expired }))).toBe("CODE_EXPIRED");
    expect((await row(c.customerId)).email).toBe(c.email);

    await c.caller.session.reauthenticate({ password: c.password });
    const second = uniqueEmail("second");
    const third = uniqueEmail("third");
    const older = await codeSentTo(second, 6, () => c.caller.profile.requestEmailChange({ newEmail: second }));
    const newer = await codeSentTo(third, 6, () => c.caller.profile.requestEmailChange({ newEmail: third }));
    if (older !== newer) expect(await codeOf(c.caller.profile.confirmEmailChange({ code: older }))).toBe("CODE_INVALID");
    await expect(c.caller.profile.confirmEmailChange({ code: newer })).resolves.toEqual({ changed: true, email: third });
    // replay
    expect(await codeOf(c.caller.profile.confirmEmailChange({ code: newer }))).toBe("CODE_INVALID");
    expect((await row(c.customerId)).email).toBe(third);
  });

  it("another customer cannot use someone's pending change: their code is CODE_INVALID for anyone else and stays good for its owner", async () => {
    const victim = await customer();
    const attacker = await customer();
    const newEmail = uniqueEmail("pending");
    const code = await codeSentTo(newEmail, 6, () => victim.caller.profile.requestEmailChange({ newEmail }));
    expect(await codeOf(attacker.caller.profile.confirmEmailChange({ code }))).toBe("CODE_INVALID");
    expect((await attacker.caller.profile.get()).pendingEmail).toBeNull();
    expect((await row(attacker.customerId)).email).toBe(attacker.email);
    await expect(victim.caller.profile.confirmEmailChange({ code })).resolves.toEqual({ changed: true, email: newEmail });
  });

  it("parallel confirmations of one code: exactly one wins, the change and its notices happen once", async () => {
    const c = await customer();
    const newEmail = uniqueEmail("race");
    const code = await codeSentTo(newEmail, 6, () => c.caller.profile.requestEmailChange({ newEmail }));
    const before = await messageIds(h, newEmail);
    const results = await Promise.all(Array.from({ length: 4 }, () => codeOf(c.caller.profile.confirmEmailChange({ code }))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r !== "OK")).toEqual(["CODE_INVALID", "CODE_INVALID", "CODE_INVALID"]);
    expect(await newMessages(h, newEmail, before)).toHaveLength(1);
    expect(await auditKinds(c.customerId, "customer.email_changed")).toHaveLength(1);
  });

  it("an address another account takes before the code comes back: CODE_INVALID, nothing changes", async () => {
    const c = await customer();
    const newEmail = uniqueEmail("taken-later");
    const code = await codeSentTo(newEmail, 6, () => c.caller.profile.requestEmailChange({ newEmail }));
    await registerCustomer(h, { email: newEmail });
    expect(await codeOf(c.caller.profile.confirmEmailChange({ code }))).toBe("CODE_INVALID");
    expect((await row(c.customerId)).email).toBe(c.email);
  });

  it("is throttled: 5 requests an hour per customer, then 429 TOO_MANY_ATTEMPTS with nothing sent", async () => {
    const c = await customer();
    for (let i = 0; i < 5; i += 1) await c.caller.profile.requestEmailChange({ newEmail: uniqueEmail("many") });
    const before = await footprint(c.customerId);
    const e = await refusal(c.caller.profile.requestEmailChange({ newEmail: uniqueEmail("many") }));
    expect(e.code).toBe("TOO_MANY_ATTEMPTS");
    expect(e.httpStatus).toBe(429);
    expect(await footprint(c.customerId)).toEqual(before);
  });

  it("one target address gets at most 5 codes or notices a day, whoever asks (no flooding from many accounts)", async () => {
    const target = uniqueEmail("flooded");
    for (let i = 0; i < 5; i += 1) await (await customer()).caller.profile.requestEmailChange({ newEmail: target });
    const sixth = await customer();
    const before = await messageIds(h, target);
    expect(await codeOf(sixth.caller.profile.requestEmailChange({ newEmail: target }))).toBe("TOO_MANY_ATTEMPTS");
    expect(await newMessages(h, target, before)).toHaveLength(0);
  });
});

describe("phone change", () => {
  it("sends a 4-digit SMS code to the new number and an e-mail notice; the code makes it the verified phone", async () => {
    const oldPhone = uniquePhone();
    const c = await customer({ phone: oldPhone, verified: true });
    const otherSession = await webLogin(h, c.email, c.password);
    const newPhone = uniquePhone();
    const mailBefore = await messageIds(h, c.email);
    const code = await codeSentTo(newPhone, 4, async () => {
      expect(await c.caller.profile.requestPhoneChange({ phone: newPhone })).toMatchObject({ sent: true, phone: newPhone });
    });
    expect((await newMessages(h, c.email, mailBefore)).map((m) => m.template).sort()).toEqual(["phone-change-requested", "step-up-code"]);
    expect((await c.caller.profile.get()).pendingPhone).toEqual({ newPhone, expiresAt: expect.any(String) });
    expect((await row(c.customerId)).phone).toBe(oldPhone);

    await expect(c.caller.profile.confirmPhoneChange({ code })).resolves.toEqual({ changed: true, phone: newPhone });
    const after = await row(c.customerId);
    expect(after.phone).toBe(newPhone);
    expect(after.phoneVerifiedAt).toEqual(h.clock.now());
    expect(await c.caller.customer.me()).toMatchObject({ phone: newPhone, phoneVerified: true });
    // the sign-up code to the old number verifies nothing any more
    expect(await codeOf(c.caller.customer.verifyPhone({ code: c.smsCode! }))).toBe("CODE_INVALID");
    // without the SMS second factor the other sessions stay
    expect((await h.db.session.findUniqueOrThrow({ where: { id: otherSession } })).revokedAt).toBeNull();
    expect(await auditKinds(c.customerId, "customer.phone_")).toEqual(["customer.phone_change_requested", "customer.phone_changed"]);
  });

  it("with the SMS second factor on, the old number stays until the new one is verified, then other sessions end", async () => {
    const oldPhone = uniquePhone();
    const c = await customer({ phone: oldPhone });
    // Another device signs in first: with the SMS factor on, a sign-in also needs a code.
    const otherSession = await webLogin(h, c.email, c.password);
    await h.db.customer.update({ where: { id: c.customerId }, data: { smsOtpEnabled: true, phoneVerifiedAt: h.clock.now() } });
    const newPhone = uniquePhone();
    const code = await codeSentTo(newPhone, 4, () => c.caller.profile.requestPhoneChange({ phone: newPhone }));
    expect(await row(c.customerId)).toMatchObject({ phone: oldPhone, smsOtpEnabled: true });
    expect(await codeOf(c.caller.profile.confirmPhoneChange({ code: otherCode(code) }))).toBe("CODE_INVALID");
    expect(await row(c.customerId)).toMatchObject({ phone: oldPhone });
    await c.caller.profile.confirmPhoneChange({ code });
    expect(await row(c.customerId)).toMatchObject({ phone: newPhone, smsOtpEnabled: true });
    expect((await h.db.session.findUniqueOrThrow({ where: { id: otherSession } })).revokedAt).not.toBeNull();
    expect((await h.db.session.findUniqueOrThrow({ where: { id: c.sessionId } })).revokedAt).toBeNull();
  });

  it("adds a first number to a customer who signed up without one", async () => {
    const c = await customer();
    const phone = uniquePhone();
    const code = await codeSentTo(phone, 4, () => c.caller.profile.requestPhoneChange({ phone }));
    await c.caller.profile.confirmPhoneChange({ code });
    expect(await row(c.customerId)).toMatchObject({ phone });
  });

  it("refusals change nothing: REAUTH_REQUIRED, the same verified number, a malformed number, a country outside the SMS list", async () => {
    const phone = uniquePhone();
    const c = await customer({ phone });
    await c.caller.customer.verifyPhone({ code: c.smsCode! });
    const before = await footprint(c.customerId);
    const same = await refusal(c.caller.profile.requestPhoneChange({ phone }));
    expect(same.code).toBe("INVALID_DATA");
    expect(same.fieldCodes).toEqual({ phone: ["MUST_DIFFER"] });
    expect(await codeOf(c.caller.profile.requestPhoneChange({ phone: "0035799123456" }))).toBe("INVALID_DATA");
    const country = await refusal(c.caller.profile.requestPhoneChange({ phone: "+12025550123" }));
    expect(country.code).toBe("INVALID_DATA");
    expect(country.fieldCodes).toEqual({ phone: ["COUNTRY_NOT_SUPPORTED"] });
    h.clock.advance(SIX_MINUTES);
    expect(await codeOf(c.caller.profile.requestPhoneChange({ phone: uniquePhone() }))).toBe("REAUTH_REQUIRED");
    expect(await footprint(c.customerId)).toEqual(before);
  });

  it("wrong, expired, replayed and someone else's codes are refused; parallel confirmations: one wins", async () => {
    const c = await customer();
    const other = await customer();
    const first = uniquePhone();
    const expired = await codeSentTo(first, 4, () => c.caller.profile.requestPhoneChange({ phone: first }));
    h.clock.advance(ELEVEN_MINUTES);
    expect(await codeOf(c.caller.profile.confirmPhoneChange({ code: expired }))).toBe("CODE_EXPIRED");
    await c.caller.session.reauthenticate({ password: c.password });
    const phone = uniquePhone();
    const code = await codeSentTo(phone, 4, () => c.caller.profile.requestPhoneChange({ phone }));
    expect(await codeOf(other.caller.profile.confirmPhoneChange({ code }))).toBe("CODE_INVALID");
    expect(await codeOf(c.caller.profile.confirmPhoneChange({ code: "12345" }))).toBe("INVALID_DATA");
    const results = await Promise.all(Array.from({ length: 4 }, () => codeOf(c.caller.profile.confirmPhoneChange({ code }))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r !== "OK")).toEqual(["CODE_INVALID", "CODE_INVALID", "CODE_INVALID"]);
    expect(await codeOf(c.caller.profile.confirmPhoneChange({ code }))).toBe("CODE_INVALID");
    expect(await row(c.customerId)).toMatchObject({ phone });
    expect((await row(other.customerId)).phone).toBeNull();
    expect(await auditKinds(c.customerId, "customer.phone_changed")).toHaveLength(1);
  });

  it("takes from the SMS budget of the number: the sixth code to one number in a day is 429 and sends nothing", async () => {
    const phone = uniquePhone();
    const a = await customer();
    const b = await customer();
    for (let i = 0; i < 3; i += 1) await a.caller.profile.requestPhoneChange({ phone });
    for (let i = 0; i < 2; i += 1) await b.caller.profile.requestPhoneChange({ phone });
    const before = await messageIds(h, phone);
    expect(await codeOf(b.caller.profile.requestPhoneChange({ phone }))).toBe("TOO_MANY_ATTEMPTS");
    expect(await newMessages(h, phone, before)).toHaveLength(0);
  });
});
