import { FIELD_CODES } from "@brokerage/validators";
import { describe, expect, it } from "vitest";
import { fieldSentenceKeys } from "~/components/forms/refusal";
import messages from "../../messages/en";

const sentences: Record<string, string> = messages.fieldCodes;

describe("the field-code catalog", () => {
  it.each(FIELD_CODES)("has a sentence for %s", (code) => {
    expect(sentences[code]?.trim().length ?? 0).toBeGreaterThan(10);
    expect(sentences[code]).not.toContain(code);
  });

  it("has nothing but the codes", () => {
    expect(Object.keys(sentences).sort()).toEqual([...FIELD_CODES].sort());
  });

  it("looks a field's own sentence up before the code's", () => {
    expect(fieldSentenceKeys("currentPassword", "INCORRECT")).toEqual([
      "formErrors.currentPassword.INCORRECT",
      "formErrors.currentPassword.default",
      "fieldCodes.INCORRECT",
      "fieldCodes.INVALID",
    ]);
  });

  it("looks a form's own section up first, one item of a list as `item`", () => {
    expect(fieldSentenceKeys("files.1.type", "FILE_TYPE", "kyc.form.fieldErrors").slice(0, 3)).toEqual([
      "kyc.form.fieldErrors.files.item.FILE_TYPE",
      "kyc.form.fieldErrors.files.item.default",
      "formErrors.files.1.type.FILE_TYPE",
    ]);
    expect(fieldSentenceKeys("expiryDate", "REQUIRED", "kyc.form.fieldErrors").slice(0, 2)).toEqual([
      "kyc.form.fieldErrors.expiryDate.REQUIRED",
      "kyc.form.fieldErrors.expiryDate.default",
    ]);
  });
});
