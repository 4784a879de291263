// Issue 12: a new-device sign-in e-mail, and the customer's own "Security activity" from the
// audit events (session.activity): own events only, paged, no secrets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KNOWN_DEVICE_TTL_MS } from "../../src/auth/known-devices";
import { hashToken } from "../../src/session/token-hash";
import { createHarness, type Harness } from "../support/harness";
import { callerAs, codeOf, createBrand, messageIds, newMessages, registerCustomer, uniqueIp, web, webLogin } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await createBrand(h);
});
afterAll(() => h.close());

const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

describe("new-device sign-in e-mail", () => {
  it("a sign-in without a known-device token e-mails the owner the device, address and time; the same device again does not", async () => {
    const c = await registerCustomer(h);
    const ip = uniqueIp();
    const before = await messageIds(h, c.email);
    const first = await callerAs(h, null, { ip, userAgent: UA }).auth.login({ email: c.email, password: c.password });
    const sent = (await newMessages(h, c.email, before)).filter((m) => m.template === "new-sign-in");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/new sign-in/);
    expect(sent[0]!.body).toContain(`Device: ${UA}`);
    expect(sent[0]!.body).toContain(`Address: ${ip}`);
    expect(sent[0]!.body).toContain(`Time: ${h.clock.now().toISOString().replace("T", " ").slice(0, 16)} UTC`);
    // no secret in it: not the password, not the tokens
    for (const secret of [c.password, first.token, first.refreshToken, first.deviceToken]) expect(sent[0]!.body).not.toContain(secret);

    const again = await messageIds(h, c.email);
    await callerAs(h, null, { ip: uniqueIp(), userAgent: UA }).auth.login({ email: c.email, password: c.password, deviceToken: first.deviceToken });
    expect((await newMessages(h, c.email, again)).filter((m) => m.template === "new-sign-in")).toHaveLength(0);
  });

  it("a known device's last use is kept to the hour; unused for 180 days, it is a stranger again", async () => {
    const c = await registerCustomer(h);
    const start = h.clock.now();
    const login = (deviceToken?: string) => callerAs(h, null, { ip: uniqueIp(), userAgent: UA }).auth.login({ email: c.email, password: c.password, deviceToken });
    try {
      const first = await login();
      const lastUsed = async () => (await h.db.knownDevice.findUniqueOrThrow({ where: { tokenHash: hashToken(first.deviceToken!) } })).lastUsedAt;
      expect(await lastUsed()).toEqual(start);

      h.clock.advance(59 * 60_000);
      expect((await login(first.deviceToken)).deviceToken).toBe(first.deviceToken);
      expect(await lastUsed()).toEqual(start);
      h.clock.advance(60_000);
      await login(first.deviceToken);
      expect(await lastUsed()).toEqual(h.clock.now());

      h.clock.advance(KNOWN_DEVICE_TTL_MS);
      const before = await messageIds(h, c.email);
      const stranger = await login(first.deviceToken);
      expect(stranger.deviceToken).not.toBe(first.deviceToken);
      expect((await newMessages(h, c.email, before)).filter((m) => m.template === "new-sign-in")).toHaveLength(1);
    } finally {
      h.clock.set(start);
    }
  });

  it("a user agent cannot add lines (headers, links) to the e-mail", async () => {
    const c = await registerCustomer(h);
    const before = await messageIds(h, c.email);
    await callerAs(h, null, { ip: uniqueIp(), userAgent: "Evil\r\nBcc: x@example.com\n\nClick https://evil.example" }).auth.login({
      email: c.email,
      password: c.password,
    });
    const [mail] = (await newMessages(h, c.email, before)).filter((m) => m.template === "new-sign-in");
    expect(mail!.body).toContain("Device: Evil Bcc: x@example.com Click https://evil.example\n");
    expect(mail!.body).not.toMatch(/^Bcc:/m);
  });

  it("a failed sign-in sends nothing", async () => {
    const c = await registerCustomer(h);
    const before = await messageIds(h, c.email);
    expect(await codeOf(callerAs(h, null, { ip: uniqueIp() }).auth.login({ email: c.email, password: "Wrong-password-9" }))).toBe(
      "CUSTOMER_NOT_FOUND_OR_INCORRECT",
    );
    expect(await newMessages(h, c.email, before)).toHaveLength(0);
  });
});

describe("session.activity", () => {
  it("lists the caller's sign-ins, failed sign-ins, password changes and revoked sessions, newest first, without secrets", async () => {
    const c = await registerCustomer(h);
    const attackerIp = uniqueIp();
    expect(await codeOf(callerAs(h, null, { ip: attackerIp, userAgent: "curl/8" }).auth.login({ email: c.email, password: "Wrong-password-1" }))).toBe(
      "CUSTOMER_NOT_FOUND_OR_INCORRECT",
    );
    const ip = uniqueIp();
    const login = await webLogin(h, c.email, c.password, { ip, userAgent: UA });
    const other = await webLogin(h, c.email, c.password, { ip: uniqueIp() });
    const api = callerAs(h, web(login), { ip, userAgent: UA });
    await api.session.revoke({ sessionId: other });
    await api.customer.changePassword({ currentPassword: c.password, newPassword: "Another-pass-2027", newPasswordConfirmation: "Another-pass-2027" });

    const page = await api.session.activity();
    expect(page.events.map((e) => e.kind)).toEqual([
      "customer.password_changed",
      "customer.session_revoked",
      "customer.login",
      "customer.login",
      "customer.login_failed",
    ]);
    expect(page.nextCursor).toBeNull();
    const failed = page.events[4]!;
    expect(failed).toMatchObject({ ip: attackerIp, userAgent: "curl/8", newDevice: null });
    expect(page.events[3]).toMatchObject({ ip, userAgent: UA, newDevice: true });
    expect(Object.keys(failed).sort()).toEqual(["at", "id", "ip", "kind", "newDevice", "userAgent"]);
    const text = JSON.stringify(page);
    for (const secret of [c.password, "Wrong-password-1", "Another-pass-2027", other, login]) {
      expect(text).not.toContain(secret);
    }
  });

  it("shows only the caller's own events, and pages with a cursor", async () => {
    const mine = await registerCustomer(h);
    const theirs = await registerCustomer(h);
    await callerAs(h, null, { ip: uniqueIp() }).auth.login({ email: theirs.email, password: theirs.password });
    for (let i = 0; i < 3; i++) await codeOf(callerAs(h, null, { ip: uniqueIp() }).auth.login({ email: mine.email, password: `Wrong-${i}-password` }));
    const api = callerAs(h, web(await webLogin(h, mine.email, mine.password, { ip: uniqueIp() })));
    const first = await api.session.activity({ limit: 2 });
    expect(first.events.map((e) => e.kind)).toEqual(["customer.login", "customer.login_failed"]);
    const second = await api.session.activity({ limit: 2, cursor: first.nextCursor! });
    expect(second.events.map((e) => e.kind)).toEqual(["customer.login_failed", "customer.login_failed"]);
    expect(second.nextCursor).toBeNull();
    const all = await api.session.activity({ limit: 50 });
    const theirEvents = await h.db.auditEvent.findMany({ where: { customerId: theirs.customerId }, select: { id: true } });
    expect(all.events.map((e) => e.id)).not.toEqual(expect.arrayContaining(theirEvents.map((e) => e.id.toString())));
  });

  it("is 401 without a session and INVALID_DATA for a malformed cursor or limit", async () => {
    expect(await codeOf(callerAs(h, null).session.activity())).toBe("INVALID_CUSTOMER_SESSION");
    const c = await registerCustomer(h);
    const api = callerAs(h, web(await webLogin(h, c.email, c.password, { ip: uniqueIp() })));
    expect(await codeOf(api.session.activity({ cursor: "0; DROP TABLE" }))).toBe("INVALID_DATA");
    expect(await codeOf(api.session.activity({ limit: 500 }))).toBe("INVALID_DATA");
  });
});
