// Staff sessions: 15 idle minutes, 8 hours in all (customers keep 30 minutes / 12 hours),
// listed and revocable by their owner; another member's session is not theirs to end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF_SESSION_ABSOLUTE_MS, STAFF_SESSION_IDLE_MS } from "../../src/session/policy";
import { codeOf, request, staffWithCredential } from "../kyc/fixtures";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("staff session lifetime", () => {
  it("ends after 15 idle minutes", async () => {
    const s = await staffWithCredential(h, "idle@broker.example");
    const api = h.caller(s.credential);
    h.clock.advance(STAFF_SESSION_IDLE_MS - 60_000);
    expect(await codeOf(api.staffAuth.me())).toBe("OK");
    h.clock.advance(STAFF_SESSION_IDLE_MS - 60_000);
    expect(await codeOf(api.staffAuth.me())).toBe("OK");
    h.clock.advance(STAFF_SESSION_IDLE_MS + 1000);
    expect(await codeOf(api.staffAuth.me())).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("ends after 8 hours however busy it was", async () => {
    const s = await staffWithCredential(h, "absolute@broker.example");
    const api = h.caller(s.credential);
    const start = h.clock.now().getTime();
    while (h.clock.now().getTime() + 10 * 60_000 < start + STAFF_SESSION_ABSOLUTE_MS) {
      h.clock.advance(10 * 60_000);
      expect(await codeOf(api.staffAuth.me())).toBe("OK");
    }
    h.clock.set(start + STAFF_SESSION_ABSOLUTE_MS);
    expect(await codeOf(api.staffAuth.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(STAFF_SESSION_ABSOLUTE_MS).toBe(8 * 3600_000);
  });
});

describe("staffAuth.sessions and staffAuth.revokeSession", () => {
  it("lists the caller's live sessions, marks the current one, and ends one of them", async () => {
    const s = await staffWithCredential(h, "lister@broker.example");
    const second = await h.db.staffSession.create({
      data: {
        staffId: s.id,
        createdAt: h.clock.now(),
        lastSeenAt: h.clock.now(),
        expiresAt: new Date(h.clock.now().getTime() + 3600_000),
        ip: "203.0.113.9",
      },
    });
    const api = h.caller(s.credential);
    const listed = await api.staffAuth.sessions();
    expect(listed.map((x) => [x.id, x.current]).sort()).toEqual(
      [
        [s.sessionId, true],
        [second.id, false],
      ].sort(),
    );
    expect(listed.find((x) => x.current)).toMatchObject({
      ip: request.ip,
      userAgent: request.userAgent,
    });

    expect(await api.staffAuth.revokeSession({ sessionId: second.id })).toEqual({
      revoked: true,
      current: false,
    });
    expect((await api.staffAuth.sessions()).map((x) => x.id)).toEqual([s.sessionId]);
    expect(
      await h.db.auditEvent.count({ where: { staffId: s.id, kind: "staff.session_revoked" } }),
    ).toBe(1);
  });

  it("answers 404 for another member's session id and leaves it alive", async () => {
    const attacker = await staffWithCredential(h, "attacker@broker.example", "ADMIN");
    const victim = await staffWithCredential(h, "victim@broker.example");
    const e = await codeOf(
      h.caller(attacker.credential).staffAuth.revokeSession({ sessionId: victim.sessionId }),
    );
    expect(e).toBe("NOT_FOUND");
    expect(
      (await h.db.staffSession.findUniqueOrThrow({ where: { id: victim.sessionId } })).revokedAt,
    ).toBeNull();
    expect(await codeOf(h.caller(victim.credential).staffAuth.me())).toBe("OK");
    expect(
      await h.db.auditEvent.count({
        where: { kind: "staff.session_revoked", staffId: attacker.id },
      }),
    ).toBe(0);
  });

  it("ending the current session signs the caller out", async () => {
    const s = await staffWithCredential(h, "self-end@broker.example");
    const api = h.caller(s.credential);
    expect(await api.staffAuth.revokeSession({ sessionId: s.sessionId })).toEqual({
      revoked: true,
      current: true,
    });
    expect(await codeOf(api.staffAuth.me())).toBe("INVALID_CUSTOMER_SESSION");
  });
});
