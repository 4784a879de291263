import { COUNTRY_CODES as SHARED_COUNTRY_CODES } from "@brokerage/validators";
import { describe, expect, it } from "vitest";
import { contentDisposition } from "~/app/(staff)/staff/kyc/documents/[id]/content-disposition";
import { readSubmittedData } from "~/app/(staff)/staff/kyc/[id]/submitted-data";
import {
  EMPTY_VALUES,
  fromServerFieldCodes,
  MAX_FILE_BYTES,
  toSubmitInput,
  validateKycForm,
  type KycFormValues,
} from "~/app/kyc/form-model";
import { COUNTRY_CODES, countryOptions } from "~/components/kyc/countries";
import {
  formatFileSize,
  outstandingReasons,
  reasonKey,
  statusNameOf,
} from "~/components/kyc/kyc-words";
import { PNG, VALID } from "./kyc-form-fixtures";
import { safeRedirectPath as safeReturnPath } from "~/security/safe-redirect";

describe("safeReturnPath", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeReturnPath("/accounts/open?group=real-usd")).toBe("/accounts/open?group=real-usd");
    expect(safeReturnPath(["/kyc", "/other"])).toBeNull();
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "accounts",
    "",
    "/\t/evil.example",
    "/ok\n",
    " /accounts",
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value)).toBeNull();
  });

  it("refuses null, undefined and very long values", () => {
    expect(safeReturnPath(null)).toBeNull();
    expect(safeReturnPath(undefined)).toBeNull();
    expect(safeReturnPath(`/${"a".repeat(3000)}`)).toBeNull();
  });

  it("can require a prefix", () => {
    expect(safeReturnPath("/staff/kyc/12", { prefix: "/staff" })).toBe("/staff/kyc/12");
    expect(safeReturnPath("/staff", { prefix: "/staff" })).toBe("/staff");
    expect(safeReturnPath("/staffing", { prefix: "/staff" })).toBeNull();
    expect(safeReturnPath("/kyc", { prefix: "/staff" })).toBeNull();
    // Dot segments cannot walk out of the prefix.
    expect(safeReturnPath("/staff/../kyc", { prefix: "/staff" })).toBeNull();
  });
});

const TODAY = "2026-11-23";

describe("validateKycForm", () => {
  it("accepts a complete form", () => {
    expect(validateKycForm(VALID, [PNG], TODAY)).toEqual([]);
  });

  it("names every missing field, in the order of the form", () => {
    const targets = validateKycForm(EMPTY_VALUES, [], TODAY).map((e) => e.target);
    expect(targets).toEqual([
      "firstName",
      "lastName",
      "dateOfBirth",
      "nationality",
      "countryOfResidence",
      "line1",
      "city",
      "postalCode",
      "addressCountry",
      "documentType",
      "documentNumber",
      "expiryDate",
      "files",
    ]);
  });

  it("checks age, dates and characters as the server does", () => {
    const keys = (values: Partial<KycFormValues>) =>
      validateKycForm({ ...VALID, ...values }, [PNG], TODAY).map((e) => e.key);
    expect(keys({ dateOfBirth: "2008-11-24" })).toEqual(["tooYoung"]);
    expect(keys({ dateOfBirth: "2008-11-23" })).toEqual([]);
    expect(keys({ dateOfBirth: "2027-01-01" })).toEqual(["dateOfBirthFuture"]);
    expect(keys({ dateOfBirth: "1990-02-30" })).toEqual(["dateFormat"]);
    expect(keys({ expiryDate: "2026-11-22" })).toEqual(["documentExpired"]);
    expect(keys({ expiryDate: TODAY })).toEqual([]);
    expect(keys({ firstName: "R2-D2" })).toEqual(["nameCharacters"]);
    expect(keys({ documentNumber: "AB/123" })).toEqual(["codeCharacters"]);
  });

  it("checks the files: 1 to 5, 5 MB each, JPEG/PNG/PDF", () => {
    const six = Array.from({ length: 6 }, () => PNG);
    expect(validateKycForm(VALID, six, TODAY)).toEqual([{ target: "files", key: "filesTooMany" }]);
    expect(
      validateKycForm(
        VALID,
        [
          PNG,
          { name: "big.pdf", size: MAX_FILE_BYTES + 1, type: "application/pdf" },
          { name: "x.gif", size: 10, type: "image/gif" },
        ],
        TODAY,
      ),
    ).toEqual([
      { target: "files", key: "fileTooLarge", file: 1 },
      { target: "files", key: "fileType", file: 2 },
    ]);
    expect(validateKycForm(VALID, [{ ...PNG, size: MAX_FILE_BYTES }], TODAY)).toEqual([]);
  });
});

describe("fromServerFieldCodes", () => {
  it("maps dotted keys, groups and file positions to the form, by code", () => {
    expect(
      fromServerFieldCodes({
        "document.expiryDate": ["DOCUMENT_EXPIRED"],
        "files.1": ["FILE_TYPE"],
        dateOfBirth: ["TOO_YOUNG"],
        address: ["REQUIRED"],
        firstName: ["REQUIRED"],
        level: ["LEVEL_VERIFIED"],
        "files.0.contentBase64": ["TOO_LONG"],
        somethingNew: ["INVALID"],
      }),
    ).toEqual([
      { target: "firstName", key: "firstNameRequired" },
      { target: "dateOfBirth", key: "tooYoung" },
      { target: "address", key: "addressInvalid" },
      { target: "expiryDate", key: "documentExpired" },
      { target: "files", key: "fileType", file: 1 },
      { target: "files", key: "fileTooLarge", file: 0 },
      { target: "form", key: "levelVerified" },
      { target: "form", key: "invalid" },
    ]);
  });

  it("accepts nothing at all", () => {
    expect(fromServerFieldCodes(null)).toEqual([]);
    expect(fromServerFieldCodes({})).toEqual([]);
  });
});

describe("toSubmitInput", () => {
  it("builds kyc.submit's input, without an empty second address line", () => {
    const input = toSubmitInput(1, { ...VALID, firstName: "  Ada  " }, [
      { fileName: "p.png", contentBase64: "iVBO" },
    ]);
    expect(input).toEqual({
      level: 1,
      firstName: "Ada",
      lastName: "O'Neil-Smith",
      dateOfBirth: "1990-04-12",
      nationality: "DE",
      countryOfResidence: "CY",
      address: { line1: "1 Harbour Road", city: "Limassol", postalCode: "3035", country: "CY" },
      document: { type: "passport", number: "C01X00T47", expiryDate: "2031-01-31" },
      files: [{ fileName: "p.png", contentBase64: "iVBO" }],
    });
    expect(toSubmitInput(1, { ...VALID, line2: "Flat 4" }, []).address.line2).toBe("Flat 4");
  });
});

describe("KYC words", () => {
  it("names the status codes of product.md", () => {
    expect([0, 1, 2, 3, 4].map(statusNameOf)).toEqual([
      "NOT_REQUIRED",
      "PENDING_REVIEW",
      "REQUIRED",
      "APPROVED",
      "REJECTED",
    ]);
  });

  it("gives the reasons still open, each once", () => {
    expect(reasonKey("something_else")).toBe("other");
    const requirements = [
      { level: 1, reason: "real_account_required" },
      { level: 1, reason: "wallet_required" },
      { level: 1, reason: "real_account_required" },
      { level: 2, reason: "customer_request" },
    ];
    expect(outstandingReasons(requirements, 0)).toEqual([
      "real_account_required",
      "wallet_required",
      "customer_request",
    ]);
    expect(outstandingReasons(requirements, 1)).toEqual(["customer_request"]);
    expect(outstandingReasons(requirements, 2)).toEqual([
      "real_account_required",
      "wallet_required",
      "customer_request",
    ]);
  });

  it("formats file sizes", () => {
    expect(formatFileSize(812)).toEqual({ unit: "bytes", value: 812 });
    expect(formatFileSize(48 * 1024)).toEqual({ unit: "kb", value: 48 });
    expect(formatFileSize(4.2 * 1024 * 1024)).toEqual({ unit: "mb", value: 4.2 });
  });
});

describe("countries", () => {
  it("offers each ISO 3166-1 alpha-2 code once, named and sorted by name", () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES).toBe(SHARED_COUNTRY_CODES);
    const options = countryOptions("en");
    expect(options.find((o) => o.code === "DE")?.label).toBe("Germany");
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("en").compare));
    expect(options.every((o) => o.label !== o.code)).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("is an attachment, with a safe fallback and the exact name", () => {
    expect(contentDisposition("passport.png")).toBe(
      `attachment; filename="passport.png"; filename*=UTF-8''passport.png`,
    );
    expect(contentDisposition('Pässe "1";.pdf')).toBe(
      `attachment; filename="P_sse _1__.pdf"; filename*=UTF-8''P%C3%A4sse%20%221%22%3B.pdf`,
    );
  });
});

describe("readSubmittedData", () => {
  it("reads what kyc.submit stored and tolerates anything else", () => {
    const data = readSubmittedData({
      firstName: "Ada",
      address: { line1: "1 Road", line2: null, city: "X", postalCode: "1", country: "CY" },
      document: { type: "passport", number: "A1", expiryDate: "2030-01-01" },
    });
    expect(data.firstName).toBe("Ada");
    expect(data.lastName).toBeNull();
    expect(data.address.line2).toBeNull();
    expect(data.document.type).toBe("passport");
    expect(readSubmittedData("nonsense").address.city).toBeNull();
  });
});
