import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRequiredLevel } from "../../src/index";
import { MAX_DOCUMENT_BYTES } from "../../src/kyc/submit-kyc";
import { createHarness, type Harness } from "../support/harness";
import {
  bytesOf,
  codeOf,
  customerWithCredential,
  errorOf,
  file,
  kycFootprint,
  request,
  storedFiles,
  validSubmission,
} from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const requireKyc = (customerId: number, level = 1) =>
  setRequiredLevel(h.db, { customerId, level, reason: "real_account_required", source: "account_opening", now: h.clock.now(), request });

describe("kyc.state", () => {
  it("shows NOT_REQUIRED with nothing to do before anything was asked", async () => {
    const c = await customerWithCredential(h, "state-none@example.com");
    expect(await h.caller(c.credential).kyc.state()).toEqual({
      profileId: null,
      status: 0,
      statusName: "NOT_REQUIRED",
      currentLevel: 0,
      requiredLevel: 0,
      requirements: [],
      latestSubmission: null,
      nextStep: "NONE",
      nextStepLevel: null,
    });
  });

  it("shows REQUIRED with its reasons and the level to submit", async () => {
    const c = await customerWithCredential(h, "state-required@example.com");
    const { profileId } = await requireKyc(c.id);
    expect(await h.caller(c.credential).kyc.state()).toEqual({
      profileId,
      status: 2,
      statusName: "REQUIRED",
      currentLevel: 0,
      requiredLevel: 1,
      requirements: [{ level: 1, reason: "real_account_required", source: "account_opening", createdAt: h.clock.now().toISOString() }],
      latestSubmission: null,
      nextStep: "SUBMIT",
      nextStepLevel: 1,
    });
  });
});

describe("kyc.submit", () => {
  it("stores the data and files (under random keys, typed by content) and moves REQUIRED to PENDING_REVIEW", async () => {
    const c = await customerWithCredential(h, "submit@example.com");
    await requireKyc(c.id);
    const pdf = bytesOf.pdf(4096);
    const result = await h.caller(c.credential).kyc.submit(
      validSubmission({
        nationality: "de",
        files: [file("passport.jpg", bytesOf.jpeg()), file("../../etc/utility-bill.PNG", bytesOf.png()), file("scan.bin", pdf)],
      }),
    );
    expect(result).toMatchObject({ level: 1, status: 1, statusName: "PENDING_REVIEW", currentLevel: 0, requiredLevel: 1 });
    expect(result.documents.map((d) => [d.fileName, d.contentType])).toEqual([
      ["passport.jpg", "image/jpeg"],
      ["utility-bill.PNG", "image/png"],
      ["scan.bin", "application/pdf"],
    ]);

    const submission = await h.db.kycSubmission.findUniqueOrThrow({
      where: { id: result.submissionId },
      select: { status: true, level: true, data: true, documents: { select: { storageKey: true, size: true, sha256: true, fileName: true } } },
    });
    expect(submission.status).toBe("PENDING");
    expect(submission.data).toEqual({
      firstName: "Olga",
      lastName: "Tester",
      dateOfBirth: "1990-05-17",
      nationality: "DE",
      countryOfResidence: "FR",
      address: { line1: "12 Rue de la Paix", line2: null, city: "Paris", postalCode: "75002", country: "FR" },
      document: { type: "passport", number: "C01X00T47", expiryDate: "2031-03-01" },
    });
    const files = await storedFiles(h);
    for (const doc of submission.documents) {
      expect(doc.storageKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(files).toContain(doc.storageKey);
      expect(doc.storageKey).not.toContain(doc.fileName);
    }
    expect((await h.documents.get(submission.documents[2]!.storageKey)).equals(pdf)).toBe(true);

    const state = await h.caller(c.credential).kyc.state();
    expect(state).toMatchObject({
      status: 1,
      statusName: "PENDING_REVIEW",
      nextStep: "WAIT_FOR_REVIEW",
      latestSubmission: { submissionId: result.submissionId, level: 1, status: "PENDING", rejectionReason: null },
    });
    expect(await h.db.auditEvent.findFirst({ where: { customerId: c.id, kind: "kyc.submitted" }, select: { data: true } })).toMatchObject({
      data: { submissionId: result.submissionId, level: 1, documentCount: 3, previousStatus: 2 },
    });
  });

  it("answers 409 KYC_SUBMISSION_PENDING while a submission is under review, storing nothing", async () => {
    const c = await customerWithCredential(h, "twice@example.com");
    await requireKyc(c.id);
    await h.caller(c.credential).kyc.submit(validSubmission());
    const before = await kycFootprint(h);
    const error = await errorOf(h.caller(c.credential).kyc.submit(validSubmission()));
    expect(error).toMatchObject({ code: "KYC_SUBMISSION_PENDING", httpStatus: 409 });
    expect(await kycFootprint(h)).toEqual(before);
  });

  it("lets a customer verify before being asked: the level becomes required by their own request", async () => {
    const c = await customerWithCredential(h, "voluntary@example.com");
    await h.caller(c.credential).kyc.submit(validSubmission({ level: 2 }));
    expect(await h.caller(c.credential).kyc.state()).toMatchObject({
      status: 1,
      requiredLevel: 2,
      requirements: [{ level: 2, reason: "customer_request", source: "kyc_submission" }],
    });
  });

  describe("refusals store nothing (no row, no file)", () => {
    const refusals: Array<[string, () => ReturnType<typeof validSubmission>, string, string]> = [
      ["a renamed ELF executable named passport.jpg", () => validSubmission({ files: [file("passport.jpg", bytesOf.elf())] }), "files.0", "FILE_TYPE"],
      [
        "a Windows executable among good files",
        () => validSubmission({ files: [file("id.png", bytesOf.png()), file("scan.pdf", bytesOf.mz())] }),
        "files.1", "FILE_TYPE",
      ],
      ["an empty file", () => validSubmission({ files: [file("empty.jpg", Buffer.alloc(0))] }), "files.0", "FILE_TYPE"],
      [
        "a file of 5 MB and one byte",
        () => validSubmission({ files: [file("huge.jpg", bytesOf.jpeg(MAX_DOCUMENT_BYTES + 1))] }),
        "files.0", "FILE_TOO_LARGE",
      ],
      ["a document that expired yesterday", () => validSubmission({ document: { type: "id_card", number: "L01X00T47", expiryDate: "2026-11-22" } }), "document.expiryDate", "DOCUMENT_EXPIRED"],
      ["a 17-year-old (18 tomorrow)", () => validSubmission({ dateOfBirth: "2008-11-24" }), "dateOfBirth", "TOO_YOUNG"],
      ["a date of birth in the future", () => validSubmission({ dateOfBirth: "2030-01-01" }), "dateOfBirth", "DATE_IN_FUTURE"],
      ["a country code that is not ISO 3166-1 (UK)", () => validSubmission({ nationality: "UK" }), "nationality", "INVALID_COUNTRY"],
      ["an unassigned country code (XX)", () => validSubmission({ countryOfResidence: "XX" }), "countryOfResidence", "INVALID_COUNTRY"],
      ["a former country (SU) in the address", () => validSubmission({ address: { line1: "1 Red Square", city: "Moscow", postalCode: "109012", country: "SU" } }), "address", "INVALID_COUNTRY"],
      ["an alpha-3 code", () => validSubmission({ nationality: "DEU" }), "nationality", "INVALID_COUNTRY"],
      ["no file", () => validSubmission({ files: [] }), "files", "REQUIRED"],
      ["six files", () => validSubmission({ files: Array.from({ length: 6 }, (_, i) => file(`p${i}.jpg`, bytesOf.jpeg())) }), "files", "TOO_LONG"],
      ["content that is not base64", () => validSubmission({ files: [{ fileName: "a.jpg", contentBase64: "not base64!" }] }), "files", "INVALID_FORMAT"],
      ["an unknown document type", () => validSubmission({ document: { type: "library_card" as "passport", number: "X1", expiryDate: "2030-01-01" } }), "document", "NOT_ALLOWED"],
      ["a date that does not exist", () => validSubmission({ dateOfBirth: "1990-02-30" }), "dateOfBirth", "INVALID_DATE"],
      ["a level that does not exist", () => validSubmission({ level: 3 as 1 }), "level", "NOT_ALLOWED"],
    ];

    it.each(refusals)("refuses %s with INVALID_DATA and a field error with its code", async (_name, input, field, fieldCode) => {
      const c = await customerWithCredential(h, `refused-${Math.random().toString(36).slice(2)}@example.com`);
      await requireKyc(c.id);
      const before = await kycFootprint(h);
      const error = await errorOf(h.caller(c.credential).kyc.submit(input()));
      expect(error.code).toBe("INVALID_DATA");
      expect(error.httpStatus).toBe(400);
      expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
      expect(error.fieldCodes?.[field]).toContain(fieldCode);
      expect(Object.keys(error.fieldCodes ?? {}).sort()).toEqual(Object.keys(error.fieldErrors ?? {}).sort());
      expect(await kycFootprint(h)).toEqual(before);
      expect((await h.caller(c.credential).kyc.state()).status).toBe(2);
    });

    it("reports every failing check at once", async () => {
      const c = await customerWithCredential(h, "many-errors@example.com");
      const error = await errorOf(
        h.caller(c.credential).kyc.submit(
          validSubmission({
            dateOfBirth: "2010-01-01",
            document: { type: "passport", number: "C01X00T47", expiryDate: "2020-01-01" },
            files: [file("a.jpg", bytesOf.jpeg()), file("b.jpg", bytesOf.elf())],
          }),
        ),
      );
      expect(error.fieldErrors).toEqual({
        dateOfBirth: ["You must be at least 18 years old"],
        "document.expiryDate": ["The document has expired"],
        "files.1": ["Only JPEG, PNG and PDF files are accepted"],
      });
      expect(error.fieldCodes).toEqual({ dateOfBirth: ["TOO_YOUNG"], "document.expiryDate": ["DOCUMENT_EXPIRED"], "files.1": ["FILE_TYPE"] });
    });

    it("refuses a level already verified", async () => {
      const c = await customerWithCredential(h, "verified@example.com");
      await h.db.kycProfile.create({ data: { customerId: c.id, status: 3, currentLevel: 1, requiredLevel: 1 } });
      const before = await kycFootprint(h);
      const error = await errorOf(h.caller(c.credential).kyc.submit(validSubmission({ level: 1 })));
      expect(error).toMatchObject({ code: "INVALID_DATA", fieldErrors: { level: ["This level is already verified"] }, fieldCodes: { level: ["LEVEL_VERIFIED"] } });
      expect(await kycFootprint(h)).toEqual(before);
      expect(await codeOf(h.caller(c.credential).kyc.submit(validSubmission({ level: 2 })))).toBe("OK");
    });
  });

  it("accepts the edges: 18 today, a document expiring today, exactly 5 MB, 5 files", async () => {
    const c = await customerWithCredential(h, "edges@example.com");
    const result = await h.caller(c.credential).kyc.submit(
      validSubmission({
        dateOfBirth: "2008-11-23",
        document: { type: "driving_licence", number: "dl-123 456", expiryDate: "2026-11-23" },
        files: [
          file("max.jpg", bytesOf.jpeg(MAX_DOCUMENT_BYTES)),
          ...Array.from({ length: 4 }, (_, i) => file(`p${i}.pdf`, bytesOf.pdf())),
        ],
      }),
    );
    expect(result.documents).toHaveLength(5);
    expect(result.documents[0]?.size).toBe(MAX_DOCUMENT_BYTES);
  });

  it("removes the files it stored when the rows cannot be written", async () => {
    const c = await customerWithCredential(h, "rollback@example.com");
    await requireKyc(c.id);
    const before = await kycFootprint(h);
    // The database refuses the submission row; the files already stored must go too.
    await h.db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_submission() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
    );
    await h.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_submission BEFORE INSERT ON "KycSubmission" FOR EACH ROW EXECUTE FUNCTION refuse_submission()`,
    );
    try {
      expect(await codeOf(h.caller(c.credential).kyc.submit(validSubmission({ files: [file("a.jpg", bytesOf.jpeg()), file("b.pdf", bytesOf.pdf())] })))).toBe(
        "INTERNAL_ERROR",
      );
    } finally {
      await h.db.$executeRawUnsafe(`DROP TRIGGER refuse_submission ON "KycSubmission"`);
      await h.db.$executeRawUnsafe(`DROP FUNCTION refuse_submission()`);
    }
    expect(await kycFootprint(h)).toEqual(before);
    expect((await h.caller(c.credential).kyc.state()).status).toBe(2);
  });

  it("lets only one of two parallel submissions through", async () => {
    const c = await customerWithCredential(h, "parallel@example.com");
    await requireKyc(c.id);
    const before = await kycFootprint(h);
    const codes = await Promise.all([1, 2].map(() => codeOf(h.caller(c.credential).kyc.submit(validSubmission()))));
    expect(codes.sort()).toEqual(["KYC_SUBMISSION_PENDING", "OK"]);
    const after = await kycFootprint(h);
    expect(after).toEqual({ submissions: before.submissions + 1, documents: before.documents + 1, files: before.files + 1 });
  });
});
