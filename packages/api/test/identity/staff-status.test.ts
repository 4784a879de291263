import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import {
  apiLogin,
  bearer,
  callerAs,
  codeOf,
  createBrand,
  createStaffSession,
  refusal,
  registerCustomer,
  rowCounts,
  staffCredential,
  uniqueIp,
  web,
  webLogin,
} from "./fixtures";

let h: Harness;
let staff: { staffId: number; sessionId: string };
beforeAll(async () => {
  h = await createHarness();
  await createBrand(h);
  staff = await createStaffSession(h);
});
afterAll(() => h.close());

const asStaff = () => callerAs(h, staffCredential(staff.sessionId), { ip: "192.0.2.10", userAgent: "back-office" });

async function customerWithSessions() {
  const c = await registerCustomer(h);
  const w = await webLogin(h, c.email, c.password);
  const api = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
  return { ...c, web: w, api };
}

describe("staff.setCustomerStatus: who may call", () => {
  it("refuses a customer credential with 403 FORBIDDEN and changes nothing", async () => {
    const c = await customerWithSessions();
    const before = await rowCounts(h);
    for (const credential of [web(c.web), bearer(c.api.token)]) {
      const e = await refusal(callerAs(h, credential).staff.setCustomerStatus({ customerId: c.customerId, status: 1 }));
      expect(e.code).toBe("FORBIDDEN");
      expect(e.httpStatus).toBe(403);
    }
    expect(await rowCounts(h)).toEqual(before);
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).status).toBe(0);
    expect(await codeOf(callerAs(h, web(c.web)).customer.me())).toBe("OK");
  });

  it("refuses an anonymous caller with 401, whatever the input", async () => {
    const c = await registerCustomer(h);
    const e = await refusal(callerAs(h, null).staff.setCustomerStatus({ customerId: c.customerId, status: 1 }));
    expect(e.code).toBe("INVALID_CUSTOMER_SESSION");
    expect(e.httpStatus).toBe(401);
    expect(await codeOf(callerAs(h, null).staff.setCustomerStatus({ nonsense: true } as never))).toBe(
      "INVALID_CUSTOMER_SESSION",
    );
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).status).toBe(0);
  });

  it("refuses a revoked staff session with 401", async () => {
    const other = await createStaffSession(h);
    await h.db.staffSession.update({ where: { id: other.sessionId }, data: { revokedAt: h.clock.now() } });
    const c = await registerCustomer(h);
    expect(
      await codeOf(callerAs(h, staffCredential(other.sessionId)).staff.setCustomerStatus({ customerId: c.customerId, status: 1 })),
    ).toBe("INVALID_CUSTOMER_SESSION");
  });
});

describe("staff.setCustomerStatus: disabling and re-enabling", () => {
  it("disabling ends every session at once (their calls become 401) and the next login is CUSTOMER_DISABLED", async () => {
    const c = await customerWithSessions();
    const second = await webLogin(h, c.email, c.password);
    const bystander = await customerWithSessions();

    await expect(asStaff().staff.setCustomerStatus({ customerId: c.customerId, status: 1 })).resolves.toEqual({
      customerId: c.customerId,
      status: 1,
      endedSessions: 3,
    });

    for (const credential of [web(c.web), web(second), bearer(c.api.token)]) {
      const e = await refusal(callerAs(h, credential).customer.me());
      expect(e.code).toBe("INVALID_CUSTOMER_SESSION");
      expect(e.httpStatus).toBe(401);
    }
    expect(await codeOf(callerAs(h, null).auth.refresh({ refreshToken: c.api.refreshToken }))).toBe(
      "INVALID_CUSTOMER_SESSION",
    );
    expect(await h.db.session.count({ where: { customerId: c.customerId, revokedAt: null } })).toBe(0);
    expect(await h.db.apiToken.count({ where: { session: { customerId: c.customerId }, revokedAt: null } })).toBe(0);

    const e = await refusal(apiLogin(h, c.email, c.password, { ip: uniqueIp() }));
    expect(e.code).toBe("CUSTOMER_DISABLED");
    expect(e.httpStatus).toBe(403);

    // nobody else was touched
    expect(await codeOf(callerAs(h, web(bystander.web)).customer.me())).toBe("OK");
    expect(await codeOf(callerAs(h, bearer(bystander.api.token)).customer.me())).toBe("OK");

    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { kind: "customer.disabled", customerId: c.customerId } });
    expect(audit).toMatchObject({ staffId: staff.staffId, ip: "192.0.2.10", userAgent: "back-office" });
  });

  it("re-enabling lets login work again; the ended sessions stay ended", async () => {
    const c = await customerWithSessions();
    await asStaff().staff.setCustomerStatus({ customerId: c.customerId, status: 1 });
    expect(await codeOf(apiLogin(h, c.email, c.password, { ip: uniqueIp() }))).toBe("CUSTOMER_DISABLED");

    await expect(asStaff().staff.setCustomerStatus({ customerId: c.customerId, status: 0 })).resolves.toEqual({
      customerId: c.customerId,
      status: 0,
      endedSessions: 0,
    });
    const login = await apiLogin(h, c.email, c.password, { ip: uniqueIp() });
    expect(login.status).toBe(0);
    expect(await codeOf(callerAs(h, bearer(login.token)).customer.me())).toBe("OK");
    expect(await codeOf(callerAs(h, web(c.web)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(callerAs(h, bearer(c.api.token)).customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await h.db.auditEvent.count({ where: { kind: "customer.enabled", customerId: c.customerId } })).toBe(1);
  });

  it("an unknown customer is 404 NOT_FOUND and changes nothing", async () => {
    const before = await rowCounts(h);
    const e = await refusal(asStaff().staff.setCustomerStatus({ customerId: 999_999, status: 1 }));
    expect(e.code).toBe("NOT_FOUND");
    expect(e.httpStatus).toBe(404);
    expect(await rowCounts(h)).toEqual(before);
  });

  it("a status other than 0 or 1 is INVALID_DATA", async () => {
    const c = await registerCustomer(h);
    const e = await refusal(asStaff().staff.setCustomerStatus({ customerId: c.customerId, status: 2 as 1 }));
    expect(e.code).toBe("INVALID_DATA");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["status"]);
  });
});
