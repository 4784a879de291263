import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRequiredLevel } from "../../src/index";
import { createHarness, type Harness } from "../support/harness";
import { bytesOf, codeOf, customerWithCredential, errorOf, file, request, staffWithCredential, validSubmission } from "./fixtures";

let h: Harness;
let reviewer: Awaited<ReturnType<typeof staffWithCredential>>;
beforeAll(async () => {
  h = await createHarness();
  reviewer = await staffWithCredential(h, "reviewer@broker.example");
});
afterAll(() => h.close());

const staffApi = () => h.caller(reviewer.credential).kycReview;

/** A customer asked for `level` who has submitted for it. */
async function pendingCustomer(email: string, options: { required?: number; submitted?: 1 | 2; name?: { firstName: string; lastName: string } } = {}) {
  const c = await customerWithCredential(h, email, options.name);
  await setRequiredLevel(h.db, {
    customerId: c.id,
    level: options.required ?? 1,
    reason: "real_account_required",
    source: "account_opening",
    now: h.clock.now(),
    request,
  });
  const submitted = await h.caller(c.credential).kyc.submit(
    validSubmission({ level: options.submitted ?? 1, files: [file("passport.jpg", bytesOf.jpeg()), file("bill.pdf", bytesOf.pdf())] }),
  );
  return { ...c, submissionId: submitted.submissionId, documents: submitted.documents };
}

// What the review sent (a sign-in of a new device also e-mails the customer: not counted here).
const outbox = (email: string) =>
  h.db.message.findMany({ where: { recipient: email, template: { not: "new-sign-in" } }, select: { template: true, subject: true, body: true, channel: true }, orderBy: { createdAt: "asc" } });

describe("kycReview.queue", () => {
  it("lists pending submissions oldest first, with the customer's name and e-mail", async () => {
    const first = await pendingCustomer("queue-a@example.com", { name: { firstName: "Ada", lastName: "First" } });
    h.clock.advance(60_000);
    const second = await pendingCustomer("queue-b@example.com", { name: { firstName: "Bo", lastName: "Second" }, required: 2, submitted: 2 });
    const { items, total } = await staffApi().queue();
    const mine = items.filter((i) => [first.submissionId, second.submissionId].includes(i.submissionId));
    expect(mine).toEqual([
      {
        submissionId: first.submissionId,
        level: 1,
        submittedAt: expect.any(String),
        documentCount: 2,
        customer: { customerId: first.id, name: "Ada First", email: "queue-a@example.com" },
      },
      {
        submissionId: second.submissionId,
        level: 2,
        submittedAt: expect.any(String),
        documentCount: 2,
        customer: { customerId: second.id, name: "Bo Second", email: "queue-b@example.com" },
      },
    ]);
    expect(Date.parse(mine[0]!.submittedAt)).toBeLessThan(Date.parse(mine[1]!.submittedAt));
    expect(total).toBeGreaterThanOrEqual(2);
    expect((await staffApi().queue({ limit: 1, offset: 0 })).items).toHaveLength(1);
    await staffApi().approve({ submissionId: first.submissionId });
    expect((await staffApi().queue()).items.map((i) => i.submissionId)).not.toContain(first.submissionId);
  });
});

describe("kycReview.get and kycReview.document", () => {
  it("shows the data, the documents' metadata and the history; serves each document's bytes to staff, audited", async () => {
    const c = await pendingCustomer("get@example.com");
    const view = await staffApi().get({ submissionId: c.submissionId });
    expect(view).toMatchObject({
      submissionId: c.submissionId,
      level: 1,
      status: "PENDING",
      decidedAt: null,
      data: { firstName: "Olga", lastName: "Tester", dateOfBirth: "1990-05-17", document: { type: "passport", number: "C01X00T47" } },
      customer: { customerId: c.id, email: "get@example.com", name: "Olga Tester" },
      profile: { status: 1, statusName: "PENDING_REVIEW", currentLevel: 0, requiredLevel: 1 },
      history: [{ submissionId: c.submissionId, status: "PENDING", reviews: [] }],
    });
    expect(view.documents.map((d) => [d.fileName, d.contentType, d.size])).toEqual([
      ["passport.jpg", "image/jpeg", 2048],
      ["bill.pdf", "application/pdf", 2048],
    ]);
    expect(JSON.stringify(view)).not.toContain("storageKey");

    const doc = await staffApi().document({ documentId: view.documents[1]!.documentId });
    expect(doc).toMatchObject({ contentType: "application/pdf", fileName: "bill.pdf", size: 2048 });
    expect(Buffer.from(doc.contentBase64, "base64").equals(bytesOf.pdf())).toBe(true);
    expect(
      await h.db.auditEvent.count({ where: { kind: "kyc.document_viewed", staffId: reviewer.id, customerId: c.id } }),
    ).toBe(1);

    expect(await codeOf(staffApi().get({ submissionId: 999_999 }))).toBe("NOT_FOUND");
    expect(await codeOf(staffApi().document({ documentId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    expect(await codeOf(staffApi().document({ documentId: "../../etc/passwd" }))).toBe("INVALID_DATA");
  });

  it("never serves a document to the customer who sent it", async () => {
    const c = await pendingCustomer("own-doc@example.com");
    const error = await errorOf(h.caller(c.credential).kycReview.document({ documentId: c.documents[0]!.documentId }));
    expect(error).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
  });
});

describe("kycReview.approve", () => {
  it("raises the verified level to APPROVED, writes the review and the audit event, and e-mails the customer", async () => {
    const c = await pendingCustomer("approve@example.com");
    h.clock.advance(5 * 60_000);
    const result = await staffApi().approve({ submissionId: c.submissionId });
    expect(result).toMatchObject({
      submissionId: c.submissionId,
      decision: "APPROVED",
      profile: { status: 3, statusName: "APPROVED", currentLevel: 1, requiredLevel: 1 },
    });
    expect(await h.db.kycReview.findMany({ where: { submissionId: c.submissionId }, select: { staffId: true, decision: true, reason: true, createdAt: true } })).toEqual([
      { staffId: reviewer.id, decision: "APPROVED", reason: null, createdAt: h.clock.now() },
    ]);
    expect(await h.db.kycSubmission.findUniqueOrThrow({ where: { id: c.submissionId }, select: { status: true, decidedAt: true } })).toEqual({
      status: "APPROVED",
      decidedAt: h.clock.now(),
    });
    expect(await h.db.auditEvent.findFirst({ where: { kind: "kyc.submission_approved", customerId: c.id }, select: { staffId: true, data: true } })).toMatchObject({
      staffId: reviewer.id,
      data: { submissionId: c.submissionId, level: 1, currentLevel: 1, status: 3 },
    });
    const mails = await outbox("approve@example.com");
    expect(mails).toEqual([
      { channel: "EMAIL", template: "kyc-approved", subject: "Northwind Markets: verification approved", body: expect.stringContaining("We have verified your identity") },
    ]);
    expect(await h.caller(c.credential).kyc.state()).toMatchObject({
      status: 3,
      statusName: "APPROVED",
      currentLevel: 1,
      nextStep: "NONE",
      latestSubmission: { status: "APPROVED", rejectionReason: null },
    });
    const history = (await staffApi().get({ submissionId: c.submissionId })).history;
    expect(history[0]?.reviews).toEqual([
      { reviewId: expect.any(Number), decision: "APPROVED", reason: null, decidedAt: h.clock.now().toISOString(), staff: { staffId: reviewer.id, name: reviewer.name } },
    ]);
  });

  it("leaves REQUIRED when the approved level is below the required one", async () => {
    const c = await pendingCustomer("partial@example.com", { required: 1, submitted: 1 });
    await setRequiredLevel(h.db, { customerId: c.id, level: 2, reason: "proof_of_address_required", source: "withdrawal", now: h.clock.now() });
    const result = await staffApi().approve({ submissionId: c.submissionId });
    expect(result.profile).toMatchObject({ status: 2, currentLevel: 1, requiredLevel: 2 });
    expect((await outbox("partial@example.com"))[0]?.body).toContain("One more step is needed");
    expect(await h.caller(c.credential).kyc.state()).toMatchObject({ status: 2, nextStep: "SUBMIT", nextStepLevel: 2 });
  });

  it("refuses to decide a submission twice (INVALID_DATA), changing nothing", async () => {
    const c = await pendingCustomer("twice@example.com");
    await staffApi().approve({ submissionId: c.submissionId });
    const error = await errorOf(staffApi().reject({ submissionId: c.submissionId, reason: "Changed my mind" }));
    expect(error).toMatchObject({ code: "INVALID_DATA", message: "This submission has already been decided" });
    expect(await codeOf(staffApi().approve({ submissionId: c.submissionId }))).toBe("INVALID_DATA");
    expect(await h.db.kycReview.count({ where: { submissionId: c.submissionId } })).toBe(1);
    expect((await h.caller(c.credential).kyc.state()).status).toBe(3);
    expect(await outbox("twice@example.com")).toHaveLength(1);
  });

  it("lets one of two reviewers deciding at once win", async () => {
    const c = await pendingCustomer("race@example.com");
    const other = await staffWithCredential(h, "other-reviewer@broker.example");
    const codes = await Promise.all([
      codeOf(staffApi().approve({ submissionId: c.submissionId })),
      codeOf(h.caller(other.credential).kycReview.reject({ submissionId: c.submissionId, reason: "Blurry scan" })),
    ]);
    expect(codes.filter((x) => x === "OK")).toHaveLength(1);
    expect(codes.filter((x) => x === "INVALID_DATA")).toHaveLength(1);
    expect(await h.db.kycReview.count({ where: { submissionId: c.submissionId } })).toBe(1);
    expect(await outbox("race@example.com")).toHaveLength(1);
  });

  it("answers NOT_FOUND for a submission that does not exist", async () => {
    expect(await codeOf(staffApi().approve({ submissionId: 999_999 }))).toBe("NOT_FOUND");
  });
});

describe("kycReview.reject and resubmission", () => {
  it("needs a reason of 1 to 500 characters", async () => {
    const c = await pendingCustomer("reason@example.com");
    for (const reason of ["", "   ", "x".repeat(501)]) {
      expect(await codeOf(staffApi().reject({ submissionId: c.submissionId, reason }))).toBe("INVALID_DATA");
    }
    expect(await codeOf(staffApi().reject({ submissionId: c.submissionId } as never))).toBe("INVALID_DATA");
    expect(await h.db.kycReview.count({ where: { submissionId: c.submissionId } })).toBe(0);
    expect(await codeOf(staffApi().reject({ submissionId: c.submissionId, reason: "x".repeat(500) }))).toBe("OK");
  });

  it("moves to REJECTED with the reason for the customer, by e-mail too; the customer submits again and is approved", async () => {
    const c = await pendingCustomer("reject@example.com");
    const reason = "The passport scan is unreadable; send a sharper photo.";
    const result = await staffApi().reject({ submissionId: c.submissionId, reason });
    expect(result.profile).toMatchObject({ status: 4, statusName: "REJECTED", currentLevel: 0, requiredLevel: 1 });
    expect(await h.db.kycReview.findMany({ where: { submissionId: c.submissionId }, select: { staffId: true, decision: true, reason: true } })).toEqual([
      { staffId: reviewer.id, decision: "REJECTED", reason },
    ]);
    expect(await h.db.auditEvent.findFirst({ where: { kind: "kyc.submission_rejected", customerId: c.id }, select: { staffId: true, data: true } })).toMatchObject({
      staffId: reviewer.id,
      data: { submissionId: c.submissionId, status: 4, reason },
    });
    expect(await outbox("reject@example.com")).toEqual([
      { channel: "EMAIL", template: "kyc-rejected", subject: "Northwind Markets: verification not approved", body: expect.stringContaining(`Reason: ${reason}`) },
    ]);
    expect(await h.caller(c.credential).kyc.state()).toMatchObject({
      status: 4,
      statusName: "REJECTED",
      nextStep: "RESUBMIT",
      nextStepLevel: 1,
      latestSubmission: { submissionId: c.submissionId, status: "REJECTED", rejectionReason: reason },
    });

    // The requirement raised again (another refused opening) keeps the way forward: resubmit.
    await setRequiredLevel(h.db, { customerId: c.id, level: 1, reason: "wallet_required", source: "wallet_opening", now: h.clock.now() });
    expect(await h.caller(c.credential).kyc.state()).toMatchObject({ status: 2, nextStep: "RESUBMIT", latestSubmission: { rejectionReason: reason } });

    const again = await h.caller(c.credential).kyc.submit(validSubmission());
    expect(again.status).toBe(1);
    expect((await staffApi().queue()).items.map((i) => i.submissionId)).toContain(again.submissionId);
    await staffApi().approve({ submissionId: again.submissionId });
    expect(await h.caller(c.credential).kyc.state()).toMatchObject({ status: 3, currentLevel: 1, latestSubmission: { submissionId: again.submissionId, status: "APPROVED" } });
    const history = (await staffApi().get({ submissionId: again.submissionId })).history;
    expect(history.map((s) => [s.submissionId, s.status, s.reviews.map((r) => r.decision)])).toEqual([
      [again.submissionId, "APPROVED", ["APPROVED"]],
      [c.submissionId, "REJECTED", ["REJECTED"]],
    ]);
    expect((await outbox("reject@example.com")).map((m) => m.template)).toEqual(["kyc-rejected", "kyc-approved"]);
  });
});

describe("staff who are the customer", () => {
  it("cannot approve or reject their own KYC (403 FORBIDDEN), whatever the letter case", async () => {
    const c = await pendingCustomer("dual.role@example.com");
    const self = await staffWithCredential(h, "Dual.Role@Example.com");
    for (const call of [
      () => h.caller(self.credential).kycReview.approve({ submissionId: c.submissionId }),
      () => h.caller(self.credential).kycReview.reject({ submissionId: c.submissionId, reason: "No" }),
    ]) {
      expect(await errorOf(call())).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    }
    expect(await h.db.kycReview.count({ where: { submissionId: c.submissionId } })).toBe(0);
    expect((await h.caller(c.credential).kyc.state()).status).toBe(1);
    expect(await outbox("dual.role@example.com")).toHaveLength(0);
    // Another reviewer may.
    expect(await codeOf(staffApi().approve({ submissionId: c.submissionId }))).toBe("OK");
  });
});
