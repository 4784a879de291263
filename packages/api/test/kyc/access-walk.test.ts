// Walks every procedure of the app router and proves its guard from the builder it was
// made with (the `access` meta each builder sets in src/trpc.ts), so a new procedure
// cannot go out without one: staff procedures refuse customers, customer procedures
// refuse staff (403 FORBIDDEN), and both refuse anonymous callers (401), before any
// input is looked at.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Credential } from "../../src/context";
import { getDomainError } from "../../src/errors";
import { appRouter } from "../../src/root";
import type { ProcedureMeta } from "../../src/trpc";
import { createHarness, type Harness } from "../support/harness";
import { customerWithCredential, staffWithCredential } from "./fixtures";

/**
 * The procedures anyone may call. A new public procedure must be added here on purpose,
 * so that one made with publicProcedure by mistake fails this test.
 */
const PUBLIC = [
  "auth.login",
  "auth.refresh",
  "auth.requestPasswordReset",
  "auth.resetPassword",
  "auth.signUp",
  "brand.get",
  "dev.mailbox",
  // A new staff member's single-use enrolment link (a 256-bit token is the credential).
  "staffAuth.enrolmentLink.get",
  "staffAuth.enrolmentLink.setPassword",
];

interface WalkedProcedure {
  _def: { meta?: Partial<ProcedureMeta>; type: string };
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, WalkedProcedure>).map(([path, p]) => ({
  path,
  access: p._def.meta?.access,
  type: p._def.type,
}));
const byAccess = (access: string) => procedures.filter((p) => p.access === access).map((p) => p.path);

let h: Harness;
let customer: Credential;
let customerWeb: Credential;
let staff: Credential;
beforeAll(async () => {
  h = await createHarness();
  const c = await customerWithCredential(h, "walker@example.com");
  customer = c.credential;
  customerWeb = { type: "customer-session", sessionId: c.sessionId };
  staff = (await staffWithCredential(h, "walker@broker.example")).credential;
});
afterAll(() => h.close());

/** Calls a procedure by its dotted path with no input, and answers the refusal's code and HTTP status. */
async function call(path: string, credential: Credential | null): Promise<string> {
  let target: unknown = h.caller(credential);
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  try {
    await (target as (input?: unknown) => Promise<unknown>)(undefined);
    return "OK";
  } catch (error) {
    const domain = getDomainError(error);
    return domain ? `${domain.httpStatus} ${domain.code}` : String(error);
  }
}

describe("the access walk over appRouter", () => {
  it("finds the procedures, each with its access declared by the builder", () => {
    expect(procedures.length).toBeGreaterThan(20);
    expect(procedures.filter((p) => !["public", "customer", "staff"].includes(p.access ?? "")).map((p) => p.path)).toEqual([]);
    expect(byAccess("staff")).toEqual(expect.arrayContaining(["kycReview.queue", "kycReview.get", "kycReview.document", "kycReview.approve", "kycReview.reject", "staffAuth.logout", "staff.setCustomerStatus"]));
    expect(byAccess("customer")).toEqual(expect.arrayContaining(["kyc.state", "kyc.submit", "customer.me"]));
  });

  it("has no public procedure but the known ones", () => {
    expect(byAccess("public").sort()).toEqual([...PUBLIC].sort());
  });

  it("staff procedures answer 403 to a customer (bearer and web session) and 401 to anyone anonymous", async () => {
    const found: Record<string, string[]> = {};
    for (const path of byAccess("staff")) {
      found[path] = [await call(path, customer), await call(path, customerWeb), await call(path, null)];
    }
    const expected = Object.fromEntries(
      byAccess("staff").map((p) => [p, ["403 FORBIDDEN", "403 FORBIDDEN", "401 INVALID_CUSTOMER_SESSION"]]),
    );
    expect(found).toEqual(expected);
  });

  it("customer procedures answer 403 to staff and 401 to anyone anonymous", async () => {
    const found: Record<string, string[]> = {};
    for (const path of byAccess("customer")) {
      found[path] = [await call(path, staff), await call(path, null)];
    }
    const expected = Object.fromEntries(byAccess("customer").map((p) => [p, ["403 FORBIDDEN", "401 INVALID_CUSTOMER_SESSION"]]));
    expect(found).toEqual(expected);
  });

  it("the guards really admit their own callers (so the walk is not refusing everything)", async () => {
    expect(await call("kyc.state", customer)).toBe("OK");
    expect(await call("kycReview.queue", staff)).toBe("OK");
    // Input is looked at only after the guard passed.
    expect(await call("kyc.submit", customer)).toBe("400 INVALID_DATA");
    expect(await call("kycReview.approve", staff)).toBe("400 INVALID_DATA");
  });
});
