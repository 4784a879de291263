// Forgotten password (seed 003) and changing the password while signed in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import {
  apiLogin,
  bearer,
  callerAs,
  codeOf,
  codeSentBy,
  createBrand,
  messageIds,
  newMessages,
  refusal,
  registerCustomer,
  rowCounts,
  strongPassword,
  uniqueEmail,
  uniqueIp,
  web,
  webLogin,
} from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await createBrand(h);
});
afterAll(() => h.close());

const anon = () => callerAs(h, null, { ip: uniqueIp() });
const requestCode = (email: string) =>
  codeSentBy(h, email.trim().toLowerCase(), 6, () => anon().auth.requestPasswordReset({ email }));
const reset = (email: string, code: string, password: string, passwordConfirmation = password) =>
  anon().auth.resetPassword({ email, code, password, passwordConfirmation });
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("auth.requestPasswordReset", () => {
  it("answers the same for a registered and an unregistered e-mail; only the registered one gets a message", async () => {
    const c = await registerCustomer(h);
    const ghost = uniqueEmail("ghost");
    const before = await rowCounts(h);
    const beforeMails = await messageIds(h, c.email);
    const registered = await anon().auth.requestPasswordReset({ email: c.email.toUpperCase() });
    const unregistered = await anon().auth.requestPasswordReset({ email: ghost });
    expect(registered).toEqual(unregistered);
    expect(registered).toEqual({ sent: true });
    const sent = await newMessages(h, c.email, beforeMails);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: "EMAIL", template: "password-reset-code", customerId: c.customerId });
    expect(sent[0]!.body).toMatch(/code is \d{6}\b/);
    expect(await h.db.message.count({ where: { recipient: ghost } })).toBe(0);
    const after = await rowCounts(h);
    expect(after.messages).toBe(before.messages + 1);
    expect(after.customers).toBe(before.customers);
  });

  it("sends nothing to a disabled customer, with the same answer", async () => {
    const c = await registerCustomer(h);
    await h.db.customer.update({ where: { id: c.customerId }, data: { status: 1 } });
    const before = await messageIds(h, c.email);
    await expect(anon().auth.requestPasswordReset({ email: c.email })).resolves.toEqual({ sent: true });
    expect(await newMessages(h, c.email, before)).toHaveLength(0);
  });

  it("throttles alike: the 4th request for one e-mail in 15 minutes is 429, registered or not", async () => {
    const c = await registerCustomer(h);
    const ghost = uniqueEmail("ghost");
    for (const email of [c.email, ghost]) {
      for (let i = 0; i < 3; i++) await anon().auth.requestPasswordReset({ email });
      const before = await rowCounts(h);
      const e = await refusal(anon().auth.requestPasswordReset({ email }));
      expect(e.code).toBe("TOO_MANY_ATTEMPTS");
      expect(e.httpStatus).toBe(429);
      expect(e.details?.retryAfterSeconds as number).toBeGreaterThan(0);
      expect(await rowCounts(h)).toEqual(before);
    }
  });

  it("a bad e-mail is INVALID_DATA on email", async () => {
    const e = await refusal(anon().auth.requestPasswordReset({ email: "nope" }));
    expect(e.code).toBe("INVALID_DATA");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["email"]);
  });
});

describe("auth.resetPassword", () => {
  it("a confirmation that does not match is INVALID_DATA on passwordConfirmation and changes nothing", async () => {
    const c = await registerCustomer(h);
    const code = await requestCode(c.email);
    const { passwordHash } = await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    const before = await rowCounts(h);
    const e = await refusal(reset(c.email, code, strongPassword(), strongPassword()));
    expect(e.code).toBe("INVALID_DATA");
    expect(e.httpStatus).toBe(400);
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["passwordConfirmation"]);
    expect(await rowCounts(h)).toEqual(before);
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).passwordHash).toBe(passwordHash);
    // the code is still good
    expect(await codeOf(reset(c.email, code, strongPassword("after")))).toBe("OK");
  });

  it("with the mailed code: sets the new password, ends every session, sends a security notice", async () => {
    const c = await registerCustomer(h);
    const web1 = await webLogin(h, c.email, c.password);
    const api = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    const code = await requestCode(c.email);
    const newPassword = strongPassword("reset");
    const beforeMails = await messageIds(h, c.email);

    await expect(reset(c.email, code, newPassword)).resolves.toEqual({ passwordChanged: true });

    expect(await codeOf(callerAs(h, web(web1)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(callerAs(h, bearer(api.token)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(anon().auth.refresh({ refreshToken: api.refreshToken }))).toBe("INVALID_CUSTOMER_SESSION");
    expect(await h.db.session.count({ where: { customerId: c.customerId, revokedAt: null } })).toBe(0);

    const notice = await newMessages(h, c.email, beforeMails);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ channel: "EMAIL", template: "security-notice", customerId: c.customerId });
    expect(notice[0]!.body).toMatch(/password was reset/i);
    expect(notice[0]!.body).not.toContain(newPassword);

    expect(await codeOf(apiLogin(h, c.email, c.password, { ip: uniqueIp() }))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    expect(await codeOf(apiLogin(h, c.email, newPassword, { ip: uniqueIp() }))).toBe("OK");
    // the code works once
    expect(await codeOf(reset(c.email, code, strongPassword("again")))).toBe("CODE_INVALID");
  });

  it("an unknown e-mail is CODE_INVALID and changes nothing", async () => {
    const before = await rowCounts(h);
    const e = await refusal(reset(uniqueEmail("ghost"), "123456", strongPassword()));
    expect(e.code).toBe("CODE_INVALID");
    expect(e.httpStatus).toBe(400);
    expect(await rowCounts(h)).toEqual(before);
  });

  it("a wrong code is CODE_INVALID and keeps the old password; 5 wrong codes kill the right one", async () => {
    const c = await registerCustomer(h);
    const code = await requestCode(c.email);
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(reset(c.email, otherCode(code), strongPassword()))).toBe("CODE_INVALID");
    }
    expect(await codeOf(reset(c.email, code, strongPassword()))).toBe("CODE_INVALID");
    expect(await codeOf(apiLogin(h, c.email, c.password, { ip: uniqueIp() }))).toBe("OK");
  });

  it("counts wrong codes per account across codes: after 10 the 11th try is 429 even with a fresh right code; the owner is alerted once", async () => {
    const c = await registerCustomer(h);
    const before = await messageIds(h, c.email);
    for (let round = 0; round < 2; round++) {
      const code = await requestCode(c.email);
      for (let i = 0; i < 5; i++) expect(await codeOf(reset(c.email, otherCode(code), strongPassword()))).toBe("CODE_INVALID");
    }
    const fresh = await requestCode(c.email);
    const alertsBefore = (await newMessages(h, c.email, before)).filter((m) => m.template === "security-notice");
    expect(alertsBefore).toHaveLength(0);
    const e = await refusal(reset(c.email, fresh, strongPassword()));
    expect(e.code).toBe("TOO_MANY_ATTEMPTS");
    expect(e.httpStatus).toBe(429);
    expect(await codeOf(reset(c.email, fresh, strongPassword()))).toBe("TOO_MANY_ATTEMPTS");
    // the password did not change, and the fresh code was not spent
    expect(await codeOf(apiLogin(h, c.email, c.password, { ip: uniqueIp() }))).toBe("OK");
    const live = await h.db.verificationCode.findMany({ where: { customerId: c.customerId, purpose: "PASSWORD_RESET", consumedAt: null } });
    expect(live).toHaveLength(1);
    expect(live[0]!.attempts).toBe(0);
    const alerts = (await newMessages(h, c.email, before)).filter((m) => m.template === "security-notice");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body).toMatch(/Too many wrong password-reset codes/);
    expect(alerts[0]!.body).not.toContain(fresh);
    expect(await h.db.auditEvent.count({ where: { customerId: c.customerId, kind: "customer.reset_code_limit_reached" } })).toBe(1);
  });

  it("forgets every known device of the account (they must sign in again to be known)", async () => {
    const c = await registerCustomer(h);
    const { deviceToken } = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    expect(await h.db.knownDevice.count({ where: { customerId: c.customerId } })).toBe(1);
    const password = strongPassword("forget");
    await reset(c.email, await requestCode(c.email), password);
    expect(await h.db.knownDevice.count({ where: { customerId: c.customerId } })).toBe(0);
    // the old token is no known device any more: it gets a new one
    const again = await anon().auth.login({ email: c.email, password, deviceToken });
    expect(again.deviceToken).not.toBe(deviceToken);
  });

  it("an unregistered e-mail is throttled alike (the 429 tells nothing) and nobody is mailed", async () => {
    const ghost = uniqueEmail("ghost");
    for (let i = 0; i < 10; i++) expect(await codeOf(reset(ghost, "123456", strongPassword()))).toBe("CODE_INVALID");
    expect(await codeOf(reset(ghost, "123456", strongPassword()))).toBe("TOO_MANY_ATTEMPTS");
    expect(await h.db.message.count({ where: { recipient: ghost } })).toBe(0);
  });

  it("a burst of parallel wrong guesses at one code takes exactly its 5 tries, no more; the right code is then dead", async () => {
    const c = await registerCustomer(h);
    const code = await requestCode(c.email);
    const results = await Promise.all(Array.from({ length: 8 }, () => codeOf(reset(c.email, otherCode(code), strongPassword()))));
    expect(results.every((r) => r === "CODE_INVALID")).toBe(true);
    const row = await h.db.verificationCode.findFirstOrThrow({ where: { customerId: c.customerId, purpose: "PASSWORD_RESET", consumedAt: null } });
    expect(row.attempts).toBe(5);
    expect(await codeOf(reset(c.email, code, strongPassword()))).toBe("CODE_INVALID");
  });

  it("parallel uses of the right code: exactly one resets the password", async () => {
    const c = await registerCustomer(h);
    const code = await requestCode(c.email);
    const results = await Promise.all(Array.from({ length: 4 }, () => codeOf(reset(c.email, code, strongPassword()))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r !== "OK").every((r) => r === "CODE_INVALID")).toBe(true);
  });

  it("a code past its 10 minutes is CODE_EXPIRED", async () => {
    const c = await registerCustomer(h);
    const code = await requestCode(c.email);
    h.clock.advance(10 * 60_000 + 1_000);
    expect(await codeOf(reset(c.email, code, strongPassword()))).toBe("CODE_EXPIRED");
    expect(await codeOf(apiLogin(h, c.email, c.password, { ip: uniqueIp() }))).toBe("OK");
  });

  it("a new request replaces the old code", async () => {
    const c = await registerCustomer(h);
    const first = await requestCode(c.email);
    const second = await requestCode(c.email);
    if (first !== second) expect(await codeOf(reset(c.email, first, strongPassword()))).toBe("CODE_INVALID");
    expect(await codeOf(reset(c.email, second, strongPassword()))).toBe("OK");
  });

  it("the e-mail verification code is no reset code", async () => {
    const c = await registerCustomer(h);
    expect(await codeOf(reset(c.email, c.emailCode, strongPassword()))).toBe("CODE_INVALID");
  });

  it("applies the password policy; a refused password leaves the code usable", async () => {
    const c = await registerCustomer(h);
    const code = await requestCode(c.email);
    expect(await codeOf(reset(c.email, code, "Sh0rt!"))).toBe("PASSWORD_TOO_SHORT");
    expect(await codeOf(reset(c.email, code, "x".repeat(65)))).toBe("PASSWORD_TOO_LONG");
    expect(await codeOf(reset(c.email, code, c.email))).toBe("PASSWORD_TOO_WEAK");
    expect(await codeOf(reset(c.email, code, "password1"))).toBe("PASSWORD_TOO_WEAK");
    expect(await codeOf(reset(c.email, code, strongPassword()))).toBe("OK");
  });

  // BUG: src/auth/password-reset.ts answers an unknown e-mail with CODE_INVALID
  // before the password policy, but a registered one with PASSWORD_TOO_* first, so a
  // weak password with any code tells whether the e-mail is registered.
  it("does not tell a registered e-mail from an unregistered one, whatever the new password", async () => {
    const c = await registerCustomer(h);
    const ghost = uniqueEmail("ghost");
    for (const password of ["password1", "Sh0rt!"]) {
      const registered = await codeOf(reset(c.email, "000000", password));
      const unregistered = await codeOf(reset(ghost, "000000", password));
      expect(registered).toBe(unregistered);
    }
  });

  it("lifts the login throttle of the account", async () => {
    const c = await registerCustomer(h);
    for (let i = 0; i < 10; i++) await codeOf(apiLogin(h, c.email, "Wrong-password-1", { ip: uniqueIp() }));
    expect(await codeOf(apiLogin(h, c.email, c.password, { ip: uniqueIp() }))).toBe("TOO_MANY_ATTEMPTS");
    const code = await requestCode(c.email);
    const newPassword = strongPassword("unlock");
    await reset(c.email, code, newPassword);
    expect(await codeOf(apiLogin(h, c.email, newPassword, { ip: uniqueIp() }))).toBe("OK");
  });
});

describe("customer.changePassword", () => {
  async function signedIn() {
    const c = await registerCustomer(h);
    const current = await webLogin(h, c.email, c.password);
    const other = await webLogin(h, c.email, c.password);
    const api = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    return { ...c, current, other, api, caller: callerAs(h, web(current)) };
  }

  it("a wrong current password is INVALID_DATA on currentPassword and changes nothing", async () => {
    const c = await signedIn();
    const { passwordHash } = await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    const before = await rowCounts(h);
    const newPassword = strongPassword();
    const e = await refusal(
      c.caller.customer.changePassword({
        currentPassword: `${c.password}x`,
        newPassword,
        newPasswordConfirmation: newPassword,
      }),
    );
    expect(e.code).toBe("INVALID_DATA");
    expect(e.httpStatus).toBe(400);
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["currentPassword"]);
    expect(await rowCounts(h)).toEqual(before);
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).passwordHash).toBe(passwordHash);
    expect(await codeOf(callerAs(h, web(c.other)).customer.me())).toBe("OK");
  });

  it("a confirmation that does not match is INVALID_DATA on newPasswordConfirmation", async () => {
    const c = await signedIn();
    const e = await refusal(
      c.caller.customer.changePassword({
        currentPassword: c.password,
        newPassword: strongPassword(),
        newPasswordConfirmation: strongPassword(),
      }),
    );
    expect(e.code).toBe("INVALID_DATA");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["newPasswordConfirmation"]);
  });

  it("applies the password policy to the new password", async () => {
    const c = await signedIn();
    const change = (p: string) =>
      codeOf(c.caller.customer.changePassword({ currentPassword: c.password, newPassword: p, newPasswordConfirmation: p }));
    expect(await change("Sh0rt!")).toBe("PASSWORD_TOO_SHORT");
    expect(await change("y".repeat(65))).toBe("PASSWORD_TOO_LONG");
    expect(await change(c.email)).toBe("PASSWORD_TOO_WEAK");
    expect(await change("password1")).toBe("PASSWORD_TOO_WEAK");
    expect(await codeOf(callerAs(h, web(c.other)).customer.me())).toBe("OK");
  });

  it("sets the new password, ends the other sessions but not the current one, and e-mails a notice", async () => {
    const c = await signedIn();
    const newPassword = strongPassword("changed");
    const beforeMails = await messageIds(h, c.email);
    await expect(
      c.caller.customer.changePassword({ currentPassword: c.password, newPassword, newPasswordConfirmation: newPassword }),
    ).resolves.toEqual({ passwordChanged: true });

    expect(await codeOf(c.caller.customer.me())).toBe("OK");
    expect(await codeOf(callerAs(h, web(c.other)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(callerAs(h, bearer(c.api.token)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect((await c.caller.session.list()).map((s) => s.id)).toEqual([c.current]);

    const notice = await newMessages(h, c.email, beforeMails);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ channel: "EMAIL", template: "security-notice" });
    expect(notice[0]!.body).toMatch(/password was changed/i);
    expect(notice[0]!.body).not.toContain(newPassword);

    expect(await codeOf(apiLogin(h, c.email, c.password, { ip: uniqueIp() }))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    expect(await codeOf(apiLogin(h, c.email, newPassword, { ip: uniqueIp() }))).toBe("OK");
  });

  it("after 5 wrong current passwords the 6th try is 429, even with the right one", async () => {
    const c = await signedIn();
    const p = strongPassword();
    const change = (current: string) =>
      c.caller.customer.changePassword({ currentPassword: current, newPassword: p, newPasswordConfirmation: p });
    for (let i = 0; i < 5; i++) expect(await codeOf(change(`wrong-${i}`))).toBe("INVALID_DATA");
    const e = await refusal(change(c.password));
    expect(e.code).toBe("TOO_MANY_ATTEMPTS");
    expect(e.details?.retryAfterSeconds as number).toBeGreaterThan(0);
    expect(await codeOf(apiLogin(h, c.email, c.password, { ip: uniqueIp() }))).toBe("OK");
  });
});
