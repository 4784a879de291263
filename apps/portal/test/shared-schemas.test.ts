// The portal validates with the API's own schemas and constants (packages/validators):
// the same objects, not copies. packages/api/test/shared-schemas.test.ts checks the
// API's side of the same identity.
import * as shared from "@brokerage/validators";
import { describe, expect, it } from "vitest";
import { PERMISSION_VALUES } from "~/app/accounts/_lib/list-params";
import { COUNTRY_CODES } from "~/components/kyc/countries";
import { PNG, VALID } from "./kyc-form-fixtures";

describe("the portal's rules are the shared ones", () => {
  it("uses the shared lists themselves", () => {
    expect(PERMISSION_VALUES).toBe(shared.ACCOUNT_PERMISSIONS);
    expect(COUNTRY_CODES).toBe(shared.COUNTRY_CODES);
  });


  // Whatever the form refuses, the server's schema refuses on the same field, and the
  // other way round: a table of inputs through both.
  it.each([
    ["firstName", "R2-D2", "firstName"],
    ["lastName", "x".repeat(101), "lastName"],
    ["postalCode", "10/115", "address"],
    ["documentNumber", "AB/123", "document"],
    ["nationality", "UK", "nationality"],
    ["dateOfBirth", "1990-02-30", "dateOfBirth"],
    ["city", " ", "address"],
    ["firstName", "Zoë-Anne", null],
    ["line2", "", null],
  ] as const)("%s = %j: the form and kyc.submit's schema agree", (field, value, serverKey) => {
    const values = { ...VALID, [field]: value };
    const checked = shared.kycSubmissionForm.safeParse({ ...values, files: [PNG] });
    const formErrors = checked.success ? [] : [...new Set(checked.error.issues.map((issue) => String(issue.path[0])))];
    const input = {
      level: 1,
      firstName: values.firstName,
      lastName: values.lastName,
      dateOfBirth: values.dateOfBirth,
      nationality: values.nationality,
      countryOfResidence: values.countryOfResidence,
      address: { line1: values.line1, city: values.city, postalCode: values.postalCode, country: values.addressCountry },
      document: { type: values.documentType, number: values.documentNumber, expiryDate: values.expiryDate },
      files: [{ fileName: "p.png", contentBase64: "iVBORw0KGgo=" }],
    };
    const parsed = shared.submitKycInput.safeParse(input);
    const serverKeys = parsed.success ? [] : Object.keys(shared.fieldCodesOf(parsed.error, { input }));
    expect(formErrors).toEqual(serverKey === null ? [] : [field]);
    expect(serverKeys).toEqual(serverKey === null ? [] : [serverKey]);
  });

  it("the trading password policy and amounts are the shared functions", () => {
    for (const password of ["Abcdefg1", "abcdefg1", "Abc defg1"])
      expect(shared.tradingPasswordField.safeParse(password).success).toBe(shared.meetsTradingPasswordPolicy(password));
    for (const amount of ["250", "0", "1.234", "1e3"]) expect(shared.isValidAmountInput(amount)).toBe(shared.amountField.safeParse(amount).success);
  });
});
