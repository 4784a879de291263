// Issue 17 over the customer HTTP API (seed 000's POST /customer/account/open).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUp, signedIn, tearDown, type Setup } from "../http-api/support";

let s: Setup;
beforeAll(async () => {
  s = await setUp();
});
afterAll(() => tearDown(s));

const open = (token: string, body: unknown) => s.api.call("POST", "/customer/account/open", { token, body });

describe("POST /customer/account/open and the compliance gates", () => {
  it("leverage above the retail cap: 400 INVALID_DATA with field_errors and field_codes on leverage, nothing opened", async () => {
    const { customer, token } = await signedIn(s, { kycApproved: true });
    const reply = await open(token, { group: "real-usd", leverage: 100 });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: "INVALID_DATA",
      field_errors: { leverage: [expect.stringContaining("1:30")] },
      field_codes: { leverage: ["LEVERAGE_CAP"] },
      allowed_leverages: [1, 10, 30],
      leverage_cap: 30,
    });
    expect(await s.h.db.account.count({ where: { customerId: customer.id } })).toBe(0);
    const ok = await open(token, { group: "real-usd", leverage: 30 });
    expect([ok.status, ok.body.leverage]).toEqual([200, 30]);
  });

  it("the groups list offers only allowed leverages, with the cap and the steps still needed", async () => {
    const { token } = await signedIn(s, { kycApproved: true, compliance: false });
    const reply = await s.api.call("GET", "/customer/account/groups", { token });
    const groups = reply.body.groups as Array<Record<string, unknown>>;
    expect(groups.find((g) => g.name === "real-usd")).toMatchObject({
      leverage: 30,
      allowed_leverages: [1, 10, 30],
      leverage_cap: 30,
      appropriateness_required: true,
      terms_acceptance_required: true,
    });
    expect(groups.find((g) => g.name === "demo-usd")).toMatchObject({ allowed_leverages: [50, 100, 200, 500], leverage_cap: null });
  });

  it("a customer without KYC still gets seed 000's KYC payload first; then 403 APPROPRIATENESS_REQUIRED, then 403 TERMS_NOT_ACCEPTED", async () => {
    const { customer, token } = await signedIn(s);
    expect((await open(token, { group: "real-usd" })).body.error).toBe("KYC_REQUIRED");
    await s.h.db.kycProfile.update({ where: { customerId: customer.id }, data: { status: 3, currentLevel: 1 } });
    const appropriateness = await open(token, { group: "real-usd" });
    expect([appropriateness.status, appropriateness.body]).toEqual([
      403,
      {
        error: "APPROPRIATENESS_REQUIRED",
        message: "An appropriateness assessment is required first",
        appropriateness_status: "NOT_TAKEN",
        retry_after: null,
        path: "/compliance/appropriateness",
        procedure: "compliance.submitAppropriateness",
      },
    ]);
    const { completeCompliance } = await import("../support/compliance");
    await completeCompliance(s.h.db, customer.id);
    await s.h.db.termsAcceptance.deleteMany({ where: { customerId: customer.id } });
    const terms = await open(token, { group: "real-usd" });
    expect([terms.status, terms.body.error, terms.body.path]).toEqual([403, "TERMS_NOT_ACCEPTED", "/compliance/terms"]);
    // DEMO needs neither, and is not capped.
    const demo = await open(token, { group: "demo-usd", leverage: 500 });
    expect([demo.status, demo.body.leverage]).toEqual([200, 500]);
  });
});
