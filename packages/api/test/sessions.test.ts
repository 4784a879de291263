import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDomainError } from "../src/errors";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../src/session/policy";
import { resolveCustomerSession, resolveStaffSession } from "../src/session/resolve-session";
import { hashToken } from "../src/session/token-hash";
import { createHarness, type Harness } from "./support/harness";

let h: Harness;
let customerId: number;
let staffId: number;
const now = new Date("2026-11-23T12:00:00Z");

beforeAll(async () => {
  h = await createHarness();
  const brand = await h.db.brand.create({ data: { code: "default", displayName: "Northwind" } });
  customerId = (
    await h.db.customer.create({
      data: { brandId: brand.id, email: "a@example.com", passwordHash: "x", firstName: "A", lastName: "B" },
    })
  ).id;
  staffId = (await h.db.staff.create({ data: { email: "s@example.com", passwordHash: "x", name: "S", role: "ADMIN" } })).id;
});
afterAll(() => h.close());

const newSession = (data: { lastSeenAt?: Date; expiresAt?: Date; revokedAt?: Date | null } = {}) =>
  h.db.session.create({
    data: {
      customerId,
      kind: "WEB",
      createdAt: now,
      lastSeenAt: data.lastSeenAt ?? now,
      expiresAt: data.expiresAt ?? new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      revokedAt: data.revokedAt ?? null,
    },
  });

const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => getDomainError(e)?.code);

describe("customer sessions are checked against their row on every call", () => {
  it("accepts a live session and refreshes its last-seen time", async () => {
    const s = await newSession();
    const later = new Date(now.getTime() + 5 * 60_000);
    await expect(resolveCustomerSession(h.db, { type: "customer-session", sessionId: s.id }, later)).resolves.toEqual({
      sessionId: s.id,
      customerId,
    });
    expect((await h.db.session.findUniqueOrThrow({ where: { id: s.id } })).lastSeenAt).toEqual(later);
  });

  it("refuses missing, unknown, malformed, revoked, idle and expired sessions with 401", async () => {
    const revoked = await newSession({ revokedAt: now });
    const idle = await newSession();
    const old = await newSession({ expiresAt: new Date(now.getTime() + 60_000) });
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(await codeOf(resolveCustomerSession(h.db, null, now))).toBe("INVALID_CUSTOMER_SESSION");
    expect(
      await codeOf(resolveCustomerSession(h.db, { type: "customer-session", sessionId: crypto.randomUUID() }, now)),
    ).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(resolveCustomerSession(h.db, { type: "customer-session", sessionId: "1; drop" }, now))).toBe(
      "INVALID_CUSTOMER_SESSION",
    );
    expect(await codeOf(resolveCustomerSession(h.db, { type: "customer-session", sessionId: revoked.id }, now))).toBe(
      "INVALID_CUSTOMER_SESSION",
    );
    expect(
      await codeOf(resolveCustomerSession(h.db, { type: "customer-session", sessionId: idle.id }, at(SESSION_IDLE_MS + 1))),
    ).toBe("INVALID_CUSTOMER_SESSION");
    expect(
      await codeOf(resolveCustomerSession(h.db, { type: "customer-session", sessionId: old.id }, at(60_001))),
    ).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("ends the sessions of a disabled customer", async () => {
    const s = await newSession();
    await h.db.customer.update({ where: { id: customerId }, data: { status: 1 } });
    try {
      expect(await codeOf(resolveCustomerSession(h.db, { type: "customer-session", sessionId: s.id }, now))).toBe(
        "INVALID_CUSTOMER_SESSION",
      );
    } finally {
      await h.db.customer.update({ where: { id: customerId }, data: { status: 0 } });
    }
  });

  it("accepts a live access token and refuses refresh tokens, expired and revoked ones", async () => {
    const s = await newSession();
    const mk = (token: string, kind: "ACCESS" | "REFRESH", extra: { expiresAt?: Date; revokedAt?: Date } = {}) =>
      h.db.apiToken.create({
        data: {
          sessionId: s.id,
          kind,
          tokenHash: hashToken(token),
          expiresAt: extra.expiresAt ?? new Date(now.getTime() + 60_000),
          revokedAt: extra.revokedAt ?? null,
        },
      });
    await mk("good", "ACCESS");
    await mk("refresh", "REFRESH");
    await mk("expired", "ACCESS", { expiresAt: now });
    await mk("revoked", "ACCESS", { revokedAt: now });
    await expect(resolveCustomerSession(h.db, { type: "bearer", token: "good" }, now)).resolves.toMatchObject({
      sessionId: s.id,
    });
    for (const token of ["refresh", "expired", "revoked", "unknown"]) {
      expect(await codeOf(resolveCustomerSession(h.db, { type: "bearer", token }, now))).toBe("INVALID_CUSTOMER_SESSION");
    }
  });

  it("keeps staff and customers apart: each is 403 FORBIDDEN on the other's procedures", async () => {
    const staffSession = await h.db.staffSession.create({
      data: { staffId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
    });
    const customerSession = await newSession();
    expect(
      await codeOf(resolveCustomerSession(h.db, { type: "staff-session", sessionId: staffSession.id }, now)),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(resolveStaffSession(h.db, { type: "customer-session", sessionId: customerSession.id }, now)),
    ).toBe("FORBIDDEN");
    await expect(
      resolveStaffSession(h.db, { type: "staff-session", sessionId: staffSession.id }, now),
    ).resolves.toMatchObject({ sessionId: staffSession.id, staffId });
  });
});
