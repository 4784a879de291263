// Walks every staff procedure of the app router with a staff member of every role and
// proves the permission matrix (src/staff-auth/permissions.ts) is what guards it: a role
// without the procedure's permission gets 403 FORBIDDEN before any input is looked at;
// a role with it gets past the guard. A staff procedure built without a permission fails.
// TOTP is mandatory: a member of any role who has not enrolled yet is refused every staff
// procedure but the enrolment ones (`staff:enrol`), which refuse enrolled members.
import { readFile } from "node:fs/promises";
import type { StaffRole } from "@brokerage/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Credential } from "../../src/context";
import { getDomainError } from "../../src/errors";
import { appRouter } from "../../src/root";
import {
  ENROLMENT_PERMISSION,
  ROLE_PERMISSIONS,
  STAFF_PERMISSIONS,
  STAFF_ROLES,
  hasPermission,
  type StaffPermission,
} from "../../src/staff-auth/permissions";
import type { ProcedureMeta } from "../../src/trpc";
import { createCustomer } from "../kyc/fixtures";
import { createHarness, type Harness } from "../support/harness";
import { enrolledTotp } from "./fixtures";

interface WalkedProcedure {
  _def: { meta?: Partial<ProcedureMeta> };
}

const staffProcedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, WalkedProcedure>,
)
  .filter(([, p]) => p._def.meta?.access === "staff")
  .map(([path, p]) => ({ path, permission: p._def.meta?.permission }));

let h: Harness;
const staffIds = new Map<StaffRole, number>();
const unenrolledIds = new Map<StaffRole, number>();
beforeAll(async () => {
  h = await createHarness();
  for (const role of STAFF_ROLES) {
    const staff = await h.db.staff.create({
      data: {
        email: `${role.toLowerCase()}@walk.example`,
        name: role,
        role,
        passwordHash: "not-used",
        ...enrolledTotp(),
      },
    });
    staffIds.set(role, staff.id);
    const fresh = await h.db.staff.create({
      data: {
        email: `new-${role.toLowerCase()}@walk.example`,
        name: `New ${role}`,
        role,
        passwordHash: "not-used",
      },
    });
    unenrolledIds.set(role, fresh.id);
  }
});
afterAll(() => h.close());

/** A fresh session each call, so that a logout in the walk cannot end the next call's session. */
async function credentialOf(role: StaffRole, enrolled = true): Promise<Credential> {
  const now = h.clock.now();
  const staffId = (enrolled ? staffIds : unenrolledIds).get(role)!;
  const session = await h.db.staffSession.create({
    data: {
      staffId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3600_000),
    },
  });
  return { type: "staff-session", sessionId: session.id };
}

async function call(path: string, role: StaffRole, enrolled = true): Promise<string> {
  let target: unknown = h.caller(await credentialOf(role, enrolled));
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  try {
    await (target as (input?: unknown) => Promise<unknown>)(undefined);
    return "OK";
  } catch (error) {
    const domain = getDomainError(error);
    return domain ? `${domain.httpStatus} ${domain.code}` : String(error);
  }
}

describe("the staff permission walk", () => {
  it("finds every staff procedure with a declared permission of the matrix", () => {
    expect(staffProcedures.length).toBeGreaterThanOrEqual(8);
    const undeclared = staffProcedures.filter(
      (p) =>
        !STAFF_PERMISSIONS.includes(p.permission as never) && p.permission !== ENROLMENT_PERMISSION,
    );
    expect(undeclared).toEqual([]);
    // The enrolment procedures exist, and they are the only ones without a matrix permission.
    expect(
      staffProcedures
        .filter((p) => p.permission === ENROLMENT_PERMISSION)
        .map((p) => p.path)
        .sort(),
    ).toEqual([
      "staffAuth.enrolment.enable",
      "staffAuth.enrolment.setup",
      "staffAuth.enrolment.signOut",
      "staffAuth.enrolment.status",
    ]);
  });

  it("refuses each enrolled role exactly the procedures its permissions do not cover (and enrolment), with 403 FORBIDDEN", async () => {
    const found: Record<string, boolean> = {};
    const expected: Record<string, boolean> = {};
    for (const { path, permission } of staffProcedures) {
      for (const role of STAFF_ROLES) {
        const key = `${role} ${path}`;
        found[key] = (await call(path, role)) === "403 FORBIDDEN";
        expected[key] =
          permission === ENROLMENT_PERMISSION ||
          !hasPermission(role, permission as StaffPermission);
      }
    }
    expect(found).toEqual(expected);
  });

  it("refuses a member of any role who has not enrolled TOTP every staff procedure but enrolment, with 403 FORBIDDEN", async () => {
    const found: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const { path, permission } of staffProcedures) {
      for (const role of STAFF_ROLES) {
        const key = `${role} ${path}`;
        const answer = await call(path, role, false);
        found[key] = answer === "403 FORBIDDEN" ? "refused" : "admitted";
        expected[key] = permission === ENROLMENT_PERMISSION ? "admitted" : "refused";
      }
    }
    expect(found).toEqual(expected);
    // Even the one procedure every role holds is refused until enrolment.
    expect(await call("staffAuth.me", "ADMIN", false)).toBe("403 FORBIDDEN");
    expect(await call("staffAuth.enrolment.status", "ADMIN", false)).toBe("OK");
  });

  it("holds the issue's rules: no money or customer management for SUPPORT and KYC_REVIEWER, no documents for SUPPORT and FINANCE", async () => {
    for (const role of ["SUPPORT", "KYC_REVIEWER"] as const) {
      expect(await call("staff.adjustBalance", role)).toBe("403 FORBIDDEN");
      expect(await call("staff.setCustomerStatus", role)).toBe("403 FORBIDDEN");
    }
    for (const role of ["SUPPORT", "FINANCE"] as const) {
      expect(await call("kycReview.document", role)).toBe("403 FORBIDDEN");
    }
    // The guard admits the roles that hold the permission: input is looked at next.
    expect(await call("staff.adjustBalance", "FINANCE")).toBe("400 INVALID_DATA");
    expect(await call("kycReview.document", "KYC_REVIEWER")).toBe("400 INVALID_DATA");
    expect(await call("staff.setCustomerStatus", "ADMIN")).toBe("400 INVALID_DATA");
    expect(await call("staffAuth.me", "SUPPORT")).toBe("OK");
  });

  it("a refused call changes nothing", async () => {
    const customer = await createCustomer(h, "victim@walk.example");
    // An ADMIN who has not enrolled TOTP yet holds every permission, and may use none.
    const unenrolled = h.caller(await credentialOf("ADMIN", false));
    await expect(
      unenrolled.staff.setCustomerStatus({ customerId: customer.id, status: 1 }),
    ).rejects.toMatchObject({
      cause: { code: "FORBIDDEN" },
    });
    await expect(
      unenrolled.staffMembers.setEnabled({ staffId: staffIds.get("SUPPORT")!, enabled: false }),
    ).rejects.toMatchObject({
      cause: { code: "FORBIDDEN" },
    });
    expect(
      (await h.db.staff.findUniqueOrThrow({ where: { id: staffIds.get("SUPPORT")! } })).enabled,
    ).toBe(true);
    let api = h.caller(await credentialOf("SUPPORT"));
    await expect(
      api.staff.setCustomerStatus({ customerId: customer.id, status: 1 }),
    ).rejects.toMatchObject({
      cause: { code: "FORBIDDEN" },
    });
    api = h.caller(await credentialOf("KYC_REVIEWER"));
    await expect(
      api.staff.setCustomerStatus({ customerId: customer.id, status: 1 }),
    ).rejects.toMatchObject({
      cause: { code: "FORBIDDEN" },
    });
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).status).toBe(0);
    expect(await h.db.auditEvent.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("is the matrix the README publishes", async () => {
    const readme = await readFile(new URL("../../../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Staff roles and permissions"));
    const published: Record<string, string[]> = {};
    for (const line of section.split("\n").filter((l) => /^\| `[a-z:]+` \|/.test(l))) {
      const cells = line
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim());
      const permission = cells[0]!.replaceAll("`", "");
      published[permission] = STAFF_ROLES.filter((_, i) => cells[i + 1] === "yes");
    }
    const actual = Object.fromEntries(
      STAFF_PERMISSIONS.map((p) => [
        p,
        STAFF_ROLES.filter((r) => (ROLE_PERMISSIONS[r] as readonly string[]).includes(p)),
      ]),
    );
    expect(published).toEqual(actual);
  });
});
