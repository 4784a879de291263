// The API's schemas are the shared ones (packages/validators), the objects the portal's
// forms validate with (apps/portal/test/shared-schemas.test.ts checks the portal's side).
import * as shared from "@brokerage/validators";
import { describe, expect, it } from "vitest";
import { amountField } from "../src/accounts/fields";
import { PERMISSIONS } from "../src/accounts/permissions";
import { ACCEPTED_DOCUMENT_TYPES } from "../src/kyc/file-content-type";
import { submitKycInput } from "../src/kyc/submit.schema";
import { MAX_DOCUMENT_BYTES } from "../src/kyc/submit-kyc";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../src/passwords/password-rules";
import { transferInput } from "../src/accounts/transfer.schema";

describe("the API's schemas are the shared objects", () => {
  it("imports them, never copies them", () => {
    expect(submitKycInput).toBe(shared.submitKycInput);
    expect(amountField).toBe(shared.amountField);
    expect(transferInput.shape.amount).toBe(shared.amountField);
    expect(PERMISSIONS).toBe(shared.ACCOUNT_PERMISSIONS);
    expect(ACCEPTED_DOCUMENT_TYPES).toBe(shared.ACCEPTED_DOCUMENT_TYPES);
    expect([MAX_DOCUMENT_BYTES, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]).toEqual([
      shared.MAX_DOCUMENT_BYTES,
      shared.PASSWORD_MIN_LENGTH,
      shared.PASSWORD_MAX_LENGTH,
    ]);
  });
});
