// The audit trail (issue 11): every staff action with who, what, whom and when,
// filterable, for audit:read (ADMIN) only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../src/audit/record-audit-event";
import { codeOf, newCustomer, seedGroups } from "../accounts/fixtures";
import { createHarness, type Harness } from "../support/harness";
import { staffMember } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());

describe("staffAudit.list", () => {
  it("lists staff actions newest first with who, what, whom and when, filtered by kind, staff, customer and dates", async () => {
    const admin = await staffMember(h, "ADMIN");
    const support = await staffMember(h, "SUPPORT");
    const c = await newCustomer(h);
    const other = await newCustomer(h);
    await support.api.staffCustomers.endSessions({
      customerId: c.customer.id,
      reason: "Verified by phone",
    });
    h.clock.advance(60_000);
    await admin.api.staff.setCustomerStatus({ customerId: other.customer.id, status: 1 });
    h.clock.advance(60_000);
    await admin.api.staffCustomers.assign({ customerId: c.customer.id, deskId: 4 });
    // A customer's own event is not a staff action.
    await recordAuditEvent(h.db, {
      kind: "customer.login",
      customerId: c.customer.id,
      at: h.clock.now(),
    });

    const all = await admin.api.staffAudit.list();
    expect(all.items.map((e) => e.kind)).toEqual([
      "customer.assigned",
      "customer.disabled",
      "customer.sessions_ended_by_staff",
    ]);
    expect(all.items[2]).toMatchObject({
      staff: { staffId: support.staff.id, name: support.staff.name, role: "SUPPORT" },
      customer: { customerId: c.customer.id, email: c.customer.email },
      data: { reason: "Verified by phone" },
      at: expect.any(String),
    });
    expect(
      (await admin.api.staffAudit.list({ staffOnly: false })).items.map((e) => e.kind),
    ).toContain("customer.login");

    const kinds = async (input: Parameters<typeof admin.api.staffAudit.list>[0]) =>
      (await admin.api.staffAudit.list(input)).items.map((e) => e.kind);
    expect(await kinds({ kind: "customer.disabled" })).toEqual(["customer.disabled"]);
    expect(await kinds({ kind: "customer." })).toHaveLength(3);
    expect(await kinds({ staffId: support.staff.id })).toEqual([
      "customer.sessions_ended_by_staff",
    ]);
    expect(await kinds({ customerId: c.customer.id })).toEqual([
      "customer.assigned",
      "customer.sessions_ended_by_staff",
    ]);
    const start = h.clock.now().getTime() - 90_000;
    expect(
      await kinds({
        from: new Date(start).toISOString(),
        to: new Date(start + 60_000).toISOString(),
      }),
    ).toEqual(["customer.disabled"]);
    const page = await admin.api.staffAudit.list({ limit: 1, offset: 1 });
    expect([page.total, page.items.map((e) => e.kind)]).toEqual([3, ["customer.disabled"]]);
    expect(
      await codeOf(
        admin.api.staffAudit.list({ from: "2026-12-02T00:00:00Z", to: "2026-12-01T00:00:00Z" }),
      ),
    ).toBe("INVALID_DATA");
  });

  it("is ADMIN's only (audit:read): other roles and customers get 403 FORBIDDEN", async () => {
    for (const role of ["SUPPORT", "FINANCE", "KYC_REVIEWER"] as const) {
      const { api } = await staffMember(h, role);
      expect(await codeOf(api.staffAudit.list()), role).toBe("FORBIDDEN");
    }
    const c = await newCustomer(h);
    expect(await codeOf(c.api.staffAudit.list())).toBe("FORBIDDEN");
  });
});
