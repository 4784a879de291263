import { describe, expect, it } from "vitest";
import {
  dateOfBirthProblem,
  documentExpiryProblem,
  dottedPath,
  fieldCodeOfIssue,
  fieldCodesOf,
  kycFormFieldOf,
  kycSubmissionForm,
  kycSubmitInputOf,
  selectedDocumentFiles,
  submitKycInput,
  MAX_DOCUMENT_BYTES,
} from "../src";

const valid = {
  level: 1,
  firstName: "Ada",
  lastName: "Lovelace",
  dateOfBirth: "1990-12-10",
  nationality: "gb",
  countryOfResidence: "DE",
  address: { line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" },
  document: { type: "passport", number: "ab123", expiryDate: "2035-01-01" },
  files: [{ fileName: "p.pdf", contentBase64: "JVBERi0=" }],
};

const codes = (input: unknown) => {
  const parsed = submitKycInput.safeParse(input);
  return parsed.success ? null : fieldCodesOf(parsed.error, { keyOf: dottedPath, input });
};

describe("submitKycInput", () => {
  it("accepts a submission and normalizes it", () => {
    const parsed = submitKycInput.parse(valid);
    expect(parsed.nationality).toBe("GB");
    expect(parsed.document.number).toBe("AB123");
    expect(parsed.address.line2).toBeUndefined();
  });

  it.each([
    [{ firstName: " " }, { firstName: ["REQUIRED", "INVALID_CHARACTERS"] }],
    [{ firstName: "R2D2" }, { firstName: ["INVALID_CHARACTERS"] }],
    [{ lastName: "x".repeat(101) }, { lastName: ["TOO_LONG"] }],
    [{ dateOfBirth: "10.12.1990" }, { dateOfBirth: ["INVALID_DATE"] }],
    [{ nationality: "UK" }, { nationality: ["INVALID_COUNTRY"] }],
    [{ address: { ...valid.address, city: "" } }, { "address.city": ["REQUIRED"] }],
    [{ address: { ...valid.address, postalCode: "10/115" } }, { "address.postalCode": ["INVALID_CHARACTERS"] }],
    [{ document: { ...valid.document, type: "visa" } }, { "document.type": ["NOT_ALLOWED"] }],
    [{ files: [] }, { files: ["REQUIRED"] }],
    [{ files: Array.from({ length: 6 }, () => valid.files[0]) }, { files: ["TOO_LONG"] }],
    [{ files: [{ fileName: "x", contentBase64: "not base64!" }] }, { "files.0.contentBase64": ["INVALID_FORMAT"] }],
    [{ level: 3 }, { level: ["NOT_ALLOWED"] }],
    [{ extra: 1 }, { _form: ["UNKNOWN_FIELD"] }],
  ])("%j answers %j", (change, expected) => {
    expect(codes({ ...valid, ...change })).toEqual(expected);
  });

  it("a missing field is REQUIRED", () => {
    const { firstName: _omit, ...rest } = valid;
    expect(codes(rest)).toEqual({ firstName: ["REQUIRED"] });
  });
});

describe("KYC date rules", () => {
  it("date of birth", () => {
    expect(dateOfBirthProblem("2030-01-01", "2026-12-01")?.code).toBe("DATE_IN_FUTURE");
    expect(dateOfBirthProblem("2008-12-02", "2026-12-01")?.code).toBe("TOO_YOUNG");
    expect(dateOfBirthProblem("2008-12-01", "2026-12-01")).toBeNull();
    expect(dateOfBirthProblem("1890-01-01", "2026-12-01")?.code).toBe("DATE_UNLIKELY");
  });

  it("document expiry", () => {
    expect(documentExpiryProblem("2026-11-30", "2026-12-01")?.code).toBe("DOCUMENT_EXPIRED");
    expect(documentExpiryProblem("2026-12-01", "2026-12-01")).toBeNull();
  });
});

describe("selected document files", () => {
  const file = (type: string, size: number) => ({ name: "f", type, size });
  it.each([
    [[file("application/pdf", 10)], null],
    [[], { _form: ["REQUIRED"] }],
    [[file("image/gif", 10)], { "0.type": ["FILE_TYPE"] }],
    [[file("image/png", MAX_DOCUMENT_BYTES + 1)], { "0.size": ["FILE_TOO_LARGE"] }],
    [[file("image/png", 0)], { "0.size": ["FILE_EMPTY"] }],
    [Array.from({ length: 6 }, () => file("image/png", 1)), { _form: ["TOO_LONG"] }],
  ])("%j answers %j", (files, expected) => {
    const parsed = selectedDocumentFiles.safeParse(files);
    expect(parsed.success ? null : fieldCodesOf(parsed.error, { keyOf: dottedPath, input: files })).toEqual(expected);
  });
});

describe("fieldCodesOf without the input", () => {
  it("cannot tell a missing field from a wrong type, and says INVALID_TYPE", () => {
    const parsed = submitKycInput.safeParse({ ...valid, firstName: 5 });
    expect(parsed.success ? null : fieldCodesOf(parsed.error)).toEqual({ firstName: ["INVALID_TYPE"] });
  });
});

describe("kycSubmissionForm (the form's shape of a submission)", () => {
  const today = new Date().toISOString().slice(0, 10);
  const shifted = (years: number, days = 0) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  const form = {
    firstName: " Ada ",
    lastName: "Lovelace",
    dateOfBirth: "1990-12-10",
    nationality: "gb",
    countryOfResidence: "DE",
    line1: "1 Main St",
    line2: "",
    city: "Berlin",
    postalCode: "10115",
    addressCountry: "DE",
    documentType: "passport",
    documentNumber: "ab123",
    expiryDate: shifted(5),
    files: [{ name: "p.pdf", type: "application/pdf", size: 5 }],
  };
  /** Each field's first code, as the form shows it. */
  const firstCodes = (changes: Record<string, unknown>) => {
    const input = { ...form, ...changes };
    const parsed = kycSubmissionForm.safeParse(input);
    if (parsed.success) return {};
    const out: Record<string, string> = {};
    for (const issue of parsed.error.issues) out[issue.path.join(".")] ??= fieldCodeOfIssue(issue, { input });
    return out;
  };

  it("gives what kyc.submit parses", () => {
    const parsed = kycSubmissionForm.parse(form);
    const input = kycSubmitInputOf(1, parsed, [{ fileName: "p.pdf", contentBase64: "JVBERi0=" }]);
    expect(input.firstName).toBe("Ada");
    expect(input.address).toEqual({ line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" });
    expect(input.document.number).toBe("AB123");
    expect(submitKycInput.safeParse(input).success).toBe(true);
    expect(kycSubmitInputOf(1, kycSubmissionForm.parse({ ...form, line2: "Flat 4" }), []).address.line2).toBe("Flat 4");
  });

  it("reads a blank field as REQUIRED, whatever its schema says about an empty string", () => {
    expect(firstCodes({ dateOfBirth: " ", nationality: "", documentType: "", expiryDate: "", files: [] })).toEqual({
      dateOfBirth: "REQUIRED",
      nationality: "REQUIRED",
      documentType: "REQUIRED",
      expiryDate: "REQUIRED",
      files: "REQUIRED",
    });
    expect(firstCodes({ line2: "" })).toEqual({});
  });

  it("applies the date rules on today's date (UTC), as the server does", () => {
    expect(firstCodes({ dateOfBirth: shifted(-18, 1) })).toEqual({ dateOfBirth: "TOO_YOUNG" });
    expect(firstCodes({ dateOfBirth: shifted(-18) })).toEqual({});
    expect(firstCodes({ dateOfBirth: shifted(0, 1) })).toEqual({ dateOfBirth: "DATE_IN_FUTURE" });
    expect(firstCodes({ dateOfBirth: "1990-02-30" })).toEqual({ dateOfBirth: "INVALID_DATE" });
    expect(firstCodes({ expiryDate: shifted(0, -1) })).toEqual({ expiryDate: "DOCUMENT_EXPIRED" });
    expect(firstCodes({ expiryDate: today })).toEqual({});
  });

  it("checks each picked file and the list", () => {
    const png = { name: "p.png", type: "image/png", size: 10 };
    expect(firstCodes({ files: Array.from({ length: 6 }, () => png) })).toEqual({ files: "TOO_LONG" });
    expect(firstCodes({ files: [png, { ...png, size: MAX_DOCUMENT_BYTES + 1 }, { ...png, type: "image/gif" }] })).toEqual({
      "files.1.size": "FILE_TOO_LARGE",
      "files.2.type": "FILE_TYPE",
    });
  });

  it("names the form's field for each key of a refusal", () => {
    expect(
      ["dateOfBirth", "address.line1", "address.country", "document.expiryDate", "files", "files.1", "files.0.contentBase64", "address", "document", "level", "_form", "new"].map(kycFormFieldOf),
    ).toEqual(["dateOfBirth", "line1", "addressCountry", "expiryDate", "files", "files.1", "files.0", "address", "document", "form", "form", "form"]);
  });
});
