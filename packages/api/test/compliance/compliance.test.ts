// Issue 17: leverage caps by client category, the appropriateness questionnaire with its
// cooling-off, versioned terms, and the order of the REAL opening's gates.
import { FAILING_ANSWERS, PASSING_ANSWERS } from "@brokerage/db/compliance-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, failure, newCustomer, newStaff, seedGroups } from "../accounts/fixtures";
import { createSession } from "../../src/session/sessions";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ poolSize: 10 });
  await seedGroups(h);
});
afterAll(() => h.close());

const HOUR = 3600_000;

/** A new session at the clock's current time (sessions idle out when the test moves the clock). */
async function signIn(customerId: number) {
  const { sessionId } = await createSession(h.db, {
    customerId,
    kind: "WEB",
    request: { requestId: "t", ip: null, userAgent: null },
    now: h.clock.now(),
  });
  return h.caller({ type: "customer-session", sessionId });
}

async function compliantRetail() {
  return newCustomer(h, { kycApproved: true });
}

describe("leverage caps", () => {
  it("a retail client sees only leverages up to 1:30 on real-usd, and an opening without leverage gets 1:30", async () => {
    const { api } = await compliantRetail();
    const real = (await api.accounts.groups()).find((g) => g.name === "real-usd")!;
    expect([real.leverage, real.allowedLeverages, real.leverageCap]).toEqual([30, [1, 10, 30], 30]);
    const opened = await api.accounts.open({ group: "real-usd" });
    expect(opened.leverage).toBe(30);
    expect((await h.core.getAccount(opened.login)).leverage).toBe(30);
  });

  it("leverage above the retail cap is INVALID_DATA on `leverage` (LEVERAGE_CAP) and opens nothing", async () => {
    const { api, customer } = await compliantRetail();
    for (const leverage of [50, 100]) {
      const refused = await failure(api.accounts.open({ group: "real-usd", leverage }));
      expect([refused?.code, refused?.httpStatus, refused?.fieldCodes]).toEqual(["INVALID_DATA", 400, { leverage: ["LEVERAGE_CAP"] }]);
      expect(refused?.details).toEqual({ allowedLeverages: [1, 10, 30], leverageCap: 30 });
    }
    // Not in the group's list at all: NOT_ALLOWED, as before.
    expect((await failure(api.accounts.open({ group: "real-usd", leverage: 20 })))?.fieldCodes).toEqual({ leverage: ["NOT_ALLOWED"] });
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await h.db.accountOpening.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("DEMO is never capped: 1:500 on demo-usd for a retail client without any compliance step", async () => {
    const { api } = await newCustomer(h);
    const demo = (await api.accounts.groups()).find((g) => g.name === "demo-usd")!;
    expect([demo.allowedLeverages, demo.leverageCap, demo.appropriatenessRequired, demo.termsAcceptanceRequired]).toEqual([
      [50, 100, 200, 500], null, false, false,
    ]);
    expect((await api.accounts.open({ group: "demo-usd", leverage: 500 })).leverage).toBe(500);
  });

  it("staff (customers:manage) make a client PROFESSIONAL with evidence, audited; the cap lifts; RETAIL again restores it", async () => {
    const { api, customer } = await compliantRetail();
    const { api: staff, staff: member } = await newStaff(h);
    // Evidence is required.
    expect((await failure(staff.staffCustomers.setCategory({ customerId: customer.id, category: "PROFESSIONAL", evidence: "" })))?.fieldCodes).toEqual({
      evidence: ["TOO_SHORT"],
    });
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).clientCategory).toBe("RETAIL");

    const evidence = "Portfolio over EUR 500k; 40 leveraged trades in the last 4 quarters";
    expect(await staff.staffCustomers.setCategory({ customerId: customer.id, category: "PROFESSIONAL", evidence })).toEqual({
      customerId: customer.id,
      clientCategory: "PROFESSIONAL",
    });
    const real = (await api.accounts.groups()).find((g) => g.name === "real-usd")!;
    expect([real.allowedLeverages, real.leverageCap]).toEqual([[1, 10, 30, 50, 100], null]);
    expect((await api.accounts.open({ group: "real-usd", leverage: 100 })).leverage).toBe(100);
    const event = await h.db.auditEvent.findFirstOrThrow({ where: { customerId: customer.id, kind: "customer.category_changed" } });
    expect([event.staffId, event.data]).toEqual([member.id, { from: "RETAIL", to: "PROFESSIONAL", evidence }]);
    const file = await staff.staffCustomers.get({ customerId: customer.id });
    expect(file.compliance.clientCategory).toBe("PROFESSIONAL");
    expect(file.compliance.categoryChanges).toEqual([
      { category: "PROFESSIONAL", evidence, at: expect.any(String), staff: { staffId: member.id, name: member.name } },
    ]);

    await staff.staffCustomers.setCategory({ customerId: customer.id, category: "RETAIL", evidence: "Client asked to be treated as retail" });
    expect(await codeOf(api.accounts.open({ group: "real-usd", leverage: 100 }))).toBe("INVALID_DATA");
  });

  it("the category change needs customers:manage: a customer and other roles get FORBIDDEN", async () => {
    const { api, customer } = await compliantRetail();
    expect(await codeOf(api.staffCustomers.setCategory({ customerId: customer.id, category: "PROFESSIONAL", evidence: "I say so, trust me" }))).toBe("FORBIDDEN");
    const { staff } = await newStaff(h);
    await h.db.staff.update({ where: { id: staff.id }, data: { role: "SUPPORT" } });
    const support = h.caller({ type: "staff-session", sessionId: (await h.db.staffSession.findFirstOrThrow({ where: { staffId: staff.id } })).id });
    expect(await codeOf(support.staffCustomers.setCategory({ customerId: customer.id, category: "PROFESSIONAL", evidence: "Portfolio over EUR 500k" }))).toBe("FORBIDDEN");
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).clientCategory).toBe("RETAIL");
  });
});

describe("the gates of a REAL opening, in order", () => {
  it("KYC_REQUIRED first (seed 000's payload), then APPROPRIATENESS_REQUIRED, then TERMS_NOT_ACCEPTED, then it opens", async () => {
    const { api, customer } = await newCustomer(h);
    const kyc = await failure(api.accounts.open({ group: "real-usd" }));
    expect([kyc?.code, kyc?.httpStatus, kyc?.details?.kyc_required]).toEqual(["KYC_REQUIRED", 403, true]);

    await h.db.kycProfile.update({ where: { customerId: customer.id }, data: { status: 3, currentLevel: 1 } });
    const groups = await api.accounts.groups();
    expect(groups.find((g) => g.name === "real-usd")).toMatchObject({ appropriatenessRequired: true, termsAcceptanceRequired: true });
    const appropriateness = await failure(api.accounts.open({ group: "real-usd" }));
    expect([appropriateness?.code, appropriateness?.httpStatus, appropriateness?.details]).toEqual([
      "APPROPRIATENESS_REQUIRED",
      403,
      { appropriatenessStatus: "NOT_TAKEN", retryAfter: null, path: "/compliance/appropriateness", procedure: "compliance.submitAppropriateness" },
    ]);

    const questionnaire = (await api.compliance.questionnaire())!;
    expect(questionnaire.questions.length).toBeGreaterThan(0);
    expect(JSON.stringify(questionnaire)).not.toContain("score");
    expect(await api.compliance.submitAppropriateness({ version: questionnaire.version, answers: PASSING_ANSWERS })).toMatchObject({
      passed: true,
      retryAfter: null,
    });
    const terms = await failure(api.accounts.open({ group: "real-usd" }));
    expect([terms?.code, terms?.httpStatus, terms?.details]).toEqual([
      "TERMS_NOT_ACCEPTED", 403, { path: "/compliance/terms", procedure: "compliance.acceptTerms" },
    ]);
    expect(await h.db.accountOpening.count({ where: { customerId: customer.id } })).toBe(0);

    const current = (await api.compliance.terms())!;
    expect([current.version, current.accepted, current.riskWarning]).toEqual([1, false, expect.stringContaining("lose money")]);
    // Without the box ticked nothing is recorded.
    expect((await failure(api.compliance.acceptTerms({ version: current.version, accepted: false })))?.fieldCodes).toEqual({ accepted: ["REQUIRED"] });
    expect(await h.db.termsAcceptance.count({ where: { customerId: customer.id } })).toBe(0);
    await api.compliance.acceptTerms({ version: current.version, accepted: true });
    expect((await api.accounts.open({ group: "real-usd" })).accountMode).toBe("REAL");
  });

  it("wallets and DEMO accounts need neither the questionnaire nor the terms", async () => {
    const { api } = await newCustomer(h, { kycApproved: true, compliance: false });
    expect((await api.accounts.open({ group: "wallet-usd" })).kind).toBe("WALLET");
    expect((await api.accounts.open({ group: "demo-usd" })).accountMode).toBe("DEMO");
    expect(await codeOf(api.accounts.open({ group: "real-usd" }))).toBe("APPROPRIATENESS_REQUIRED");
  });
});

describe("the appropriateness questionnaire", () => {
  it("a fail warns and holds a retry for 24 hours (APPROPRIATENESS_COOLING_OFF, nothing recorded); after it, a pass", async () => {
    const c = await newCustomer(h, { kycApproved: true, compliance: false });
    const customer = c.customer;
    let api = c.api;
    const start = h.clock.now().getTime();
    const failed = await api.compliance.submitAppropriateness({ version: 1, answers: FAILING_ANSWERS });
    expect(failed).toEqual({ passed: false, score: 0, passScore: 6, retryAfter: new Date(start + 24 * HOUR).toISOString() });
    expect(await api.compliance.status()).toMatchObject({
      appropriateness: { status: "FAILED", retryAfter: new Date(start + 24 * HOUR).toISOString() },
    });
    const gate = await failure(api.accounts.open({ group: "real-usd" }));
    expect([gate?.code, gate?.details?.appropriatenessStatus]).toEqual(["APPROPRIATENESS_REQUIRED", "FAILED"]);

    h.clock.advance(23 * HOUR);
    try {
      api = await signIn(customer.id);
      const early = await failure(api.compliance.submitAppropriateness({ version: 1, answers: PASSING_ANSWERS }));
      expect([early?.code, early?.httpStatus, early?.details]).toEqual([
        "APPROPRIATENESS_COOLING_OFF", 409, { retryAfter: new Date(start + 24 * HOUR).toISOString(), retryAfterSeconds: 3600 },
      ]);
      expect(await h.db.appropriatenessAssessment.count({ where: { customerId: customer.id } })).toBe(1);
      // Parallel retries during the cooling-off: none gets through.
      const parallel = await Promise.all(Array.from({ length: 5 }, () => codeOf(api.compliance.submitAppropriateness({ version: 1, answers: PASSING_ANSWERS }))));
      expect(new Set(parallel)).toEqual(new Set(["APPROPRIATENESS_COOLING_OFF"]));

      h.clock.advance(HOUR);
      api = await signIn(customer.id);
      expect((await api.compliance.submitAppropriateness({ version: 1, answers: PASSING_ANSWERS })).passed).toBe(true);
      expect((await api.compliance.status()).appropriateness.status).toBe("PASSED");
    } finally {
      h.clock.set(start);
    }
    expect((await h.db.auditEvent.findMany({ where: { customerId: customer.id, kind: { startsWith: "compliance.appropriateness" } }, orderBy: { id: "asc" } })).map((e) => e.kind)).toEqual([
      "compliance.appropriateness_failed",
      "compliance.appropriateness_passed",
    ]);
  });

  it("refuses unanswered questions, unknown options and questions, and another version, recording nothing", async () => {
    const { api, customer } = await newCustomer(h, { kycApproved: true, compliance: false });
    const { loss: _omitted, ...partial } = PASSING_ANSWERS;
    expect((await failure(api.compliance.submitAppropriateness({ version: 1, answers: partial })))?.fieldCodes).toEqual({ "answers.loss": ["REQUIRED"] });
    expect((await failure(api.compliance.submitAppropriateness({ version: 1, answers: { ...PASSING_ANSWERS, loss: "maybe" } })))?.fieldCodes).toEqual({
      "answers.loss": ["NOT_ALLOWED"],
    });
    expect((await failure(api.compliance.submitAppropriateness({ version: 1, answers: { ...PASSING_ANSWERS, extra: "x" } })))?.fieldCodes).toEqual({
      "answers.extra": ["UNKNOWN_FIELD"],
    });
    expect((await failure(api.compliance.submitAppropriateness({ version: 2, answers: PASSING_ANSWERS })))?.fieldCodes).toEqual({ version: ["NOT_CURRENT"] });
    expect(await h.db.appropriatenessAssessment.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("a new questionnaire version asks for a new pass", async () => {
    const { customer } = await compliantRetail();
    let api = await signIn(customer.id);
    const brand = await h.db.brand.findUniqueOrThrow({ where: { code: "default" } });
    const v1 = await h.db.appropriatenessQuestionnaire.findFirstOrThrow({ where: { brandId: brand.id, version: 1 } });
    const future = new Date(h.clock.now().getTime() + 10 * 24 * HOUR);
    const v2 = await h.db.appropriatenessQuestionnaire.create({
      data: { brandId: brand.id, version: 2, effectiveAt: future, questions: v1.questions as object, passScore: v1.passScore },
    });
    try {
      expect((await api.compliance.status()).appropriateness.status).toBe("PASSED");
      h.clock.set(future);
      api = await signIn(customer.id);
      expect((await api.compliance.status()).appropriateness).toMatchObject({ status: "NOT_TAKEN", version: 2 });
      expect(await codeOf(api.accounts.open({ group: "real-usd" }))).toBe("APPROPRIATENESS_REQUIRED");
    } finally {
      h.clock.set(Date.parse("2026-11-23T12:00:00Z"));
      await h.db.appropriatenessQuestionnaire.delete({ where: { id: v2.id } });
    }
    expect(customer.id).toBeGreaterThan(0);
  });
});

describe("terms", () => {
  it("a new material version forces re-acceptance; a non-material one does not; every acceptance is recorded and shown to staff", async () => {
    const { customer } = await compliantRetail();
    let api = await signIn(customer.id);
    const brand = await h.db.brand.findUniqueOrThrow({ where: { code: "default" } });
    const start = h.clock.now().getTime();
    const v2At = new Date(start + 24 * HOUR);
    const v3At = new Date(start + 48 * HOUR);
    const base = { brandId: brand.id, language: "en", title: "Client agreement", body: "Changed terms", riskWarning: "Risk warning v2" };
    const v2 = await h.db.termsDocument.create({ data: { ...base, version: 2, effectiveAt: v2At, material: true } });
    const v3 = await h.db.termsDocument.create({ data: { ...base, version: 3, effectiveAt: v3At, material: false, body: "Changed terms (typo fixed)" } });
    try {
      expect((await api.compliance.terms())?.accepted).toBe(true);
      h.clock.set(v2At);
      api = await signIn(customer.id);
      expect(await api.compliance.terms()).toMatchObject({ version: 2, accepted: false, riskWarning: "Risk warning v2" });
      expect(await codeOf(api.accounts.open({ group: "real-usd" }))).toBe("TERMS_NOT_ACCEPTED");
      // A page showing version 1 cannot accept version 2 unseen.
      expect((await failure(api.compliance.acceptTerms({ version: 1, accepted: true })))?.fieldCodes).toEqual({ version: ["NOT_CURRENT"] });
      const accepted = await api.compliance.acceptTerms({ version: 2, accepted: true });
      expect(accepted).toEqual({ version: 2, language: "en", acceptedAt: v2At.toISOString() });
      // Accepting again keeps the first record.
      await api.compliance.acceptTerms({ version: 2, accepted: true });
      expect(await h.db.termsAcceptance.count({ where: { customerId: customer.id, termsId: v2.id } })).toBe(1);
      expect((await api.accounts.open({ group: "real-usd" })).accountMode).toBe("REAL");

      h.clock.set(v3At);
      api = await signIn(customer.id);
      expect(await api.compliance.terms()).toMatchObject({ version: 3, accepted: true, material: false });
      expect((await api.accounts.open({ group: "real-usd" })).accountMode).toBe("REAL");
    } finally {
      h.clock.set(start);
      await h.db.termsAcceptance.deleteMany({ where: { termsId: { in: [v2.id, v3.id] } } });
      await h.db.termsDocument.deleteMany({ where: { id: { in: [v2.id, v3.id] } } });
    }
    const { api: staff } = await newStaff(h);
    const file = await staff.staffCustomers.get({ customerId: customer.id });
    expect(file.compliance.termsAcceptances.map((a) => a.version)).toEqual([1]);
    expect(file.compliance.assessments.map((a) => [a.version, a.passed])).toEqual([[1, true]]);
  });

  it("records the address and user agent of an acceptance, visible to staff", async () => {
    const { customer } = await newCustomer(h, { kycApproved: true, compliance: false });
    const sessionId = (await h.db.session.findFirstOrThrow({ where: { customerId: customer.id } })).id;
    const { createCaller } = await import("../../src/index");
    const { createContextInner } = await import("../../src/context");
    const api = createCaller(
      createContextInner({
        deps: { db: h.db, core: h.core, clock: h.clock, rateLimits: h.rateLimits, documents: h.documents },
        credential: { type: "customer-session", sessionId },
        request: { ip: "203.0.113.7", userAgent: "Terms-Test-Browser/1.0" },
      }),
    );
    await api.compliance.acceptTerms({ version: 1, accepted: true });
    const { api: staff } = await newStaff(h);
    const file = await staff.staffCustomers.get({ customerId: customer.id });
    expect(file.compliance.termsAcceptances).toEqual([
      { version: 1, language: "en", title: "Client agreement", acceptedAt: h.clock.now().toISOString(), ip: "203.0.113.7", userAgent: "Terms-Test-Browser/1.0" },
    ]);
    const event = await h.db.auditEvent.findFirstOrThrow({ where: { customerId: customer.id, kind: "compliance.terms_accepted" } });
    expect([event.ip, event.data]).toEqual(["203.0.113.7", { version: 1, language: "en" }]);
  });
});
