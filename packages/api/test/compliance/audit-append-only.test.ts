// Issue 17: the audit log is append-only. The migration's trigger refuses UPDATE, DELETE
// and TRUNCATE whoever runs them; the retention purge (purge_audit_events) is the only
// deleter, and deletes only what is past the retention.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredAuditEvents } from "../../src/jobs/audit-retention";
import { newCustomer, seedGroups } from "../accounts/fixtures";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());

const YEAR = 365 * 24 * 3600_000;

/** The PostgreSQL error (SQLSTATE and message) a raw statement ends with, or "OK". */
async function sqlError(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return "OK";
  } catch (error) {
    // Prisma wraps the server's message; the trigger's own words are in it.
    const text = String((error as { message?: string }).message ?? error);
    const ours = text.match(/AuditEvent is append-only: [A-Z]+ is not allowed|permission denied[^\n"]*|audit events are kept for at least one year/);
    return ours ? ours[0] : text;
  }
}

async function event(kind: string, at: Date, customerId: number | null = null) {
  return h.db.auditEvent.create({ data: { kind, customerId, createdAt: at }, select: { id: true } });
}

describe("the audit log is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE through the application's database client, changing nothing", async () => {
    const { customer } = await newCustomer(h);
    const row = await event("customer.login", h.clock.now(), customer.id);
    const before = await h.db.auditEvent.count();

    expect(await sqlError(h.db.$executeRaw`UPDATE "AuditEvent" SET "kind" = 'forged' WHERE "id" = ${row.id}`)).toContain("AuditEvent is append-only: UPDATE");
    expect(await sqlError(h.db.auditEvent.update({ where: { id: row.id }, data: { ip: "10.0.0.1" } }))).toContain("AuditEvent is append-only: UPDATE");
    expect(await sqlError(h.db.auditEvent.updateMany({ data: { data: { tampered: true } } }))).toContain("AuditEvent is append-only: UPDATE");
    expect(await sqlError(h.db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${row.id}`)).toContain("AuditEvent is append-only: DELETE");
    expect(await sqlError(h.db.auditEvent.deleteMany({}))).toContain("AuditEvent is append-only: DELETE");
    expect(await sqlError(h.db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`))).toContain("AuditEvent is append-only: TRUNCATE");

    expect(await h.db.auditEvent.count()).toBe(before);
    expect((await h.db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).kind).toBe("customer.login");
  });

  it("setting the purge's variable by hand does not open the door to a role that is not the purge function's owner", async () => {
    const role = `audit_app_${Date.now()}`;
    const old = await event("customer.login", new Date(h.clock.now().getTime() - 6 * YEAR));
    await h.db.$executeRawUnsafe(`CREATE ROLE ${role} NOLOGIN`);
    await h.db.$executeRawUnsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON "AuditEvent" TO ${role}`);
    try {
      const outcome = await h.db
        .$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL ROLE ${role}`);
          await tx.$executeRawUnsafe(`SELECT set_config('brokerage.audit_purge_before', '2100-01-01', true)`);
          await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${old.id}`;
        })
        .then(() => "OK", (e: unknown) => String((e as Error).message));
      expect(outcome).toContain("AuditEvent is append-only: DELETE");
      const call = await h.db
        .$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL ROLE ${role}`);
          await tx.$queryRawUnsafe(`SELECT purge_audit_events(now() - interval '5 years')`);
        })
        .then(() => "OK", (e: unknown) => String((e as Error).message));
      expect(call).toContain("permission denied");
    } finally {
      await h.db.$executeRawUnsafe(`REVOKE ALL ON "AuditEvent" FROM ${role}`);
      await h.db.$executeRawUnsafe(`DROP ROLE ${role}`);
    }
    expect(await h.db.auditEvent.count({ where: { id: old.id } })).toBe(1);
  });

  it("the retention purge deletes only events older than the retention (default 5 years), and is the only deleter", async () => {
    const now = h.clock.now();
    const ancient = await event("customer.login", new Date(now.getTime() - 5 * YEAR - 10 * 24 * 3600_000));
    const recent = await event("customer.login", new Date(now.getTime() - 5 * YEAR + 10 * 24 * 3600_000));
    const deleted = await purgeExpiredAuditEvents(h.db, { now });
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await h.db.auditEvent.count({ where: { id: ancient.id } })).toBe(0);
    expect(await h.db.auditEvent.count({ where: { id: recent.id } })).toBe(1);
    // Nothing younger than a year, whatever the caller asks for.
    expect(await sqlError(purgeExpiredAuditEvents(h.db, { now, retentionYears: 0 }))).toContain("audit events are kept for at least one year");
    // After a purge the door is shut again in the same session.
    expect(await sqlError(h.db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${recent.id}`)).toContain("AuditEvent is append-only: DELETE");
  });
});
