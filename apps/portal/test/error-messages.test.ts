import { ERROR_CODES } from "@brokerage/api";
import { describe, expect, it } from "vitest";
import { errorMessageKey } from "~/i18n/error-message";
import messages from "../messages/en";

const sentences: Record<string, string> = messages.errors;
const hasSentence = (code: string) => Object.hasOwn(sentences, code);

describe("the errors catalog", () => {
  it.each(ERROR_CODES)("has a human sentence for %s", (code) => {
    expect(sentences[code]?.trim().length ?? 0).toBeGreaterThan(10);
    // A sentence for people, not the developer message or the code itself.
    expect(sentences[code]).not.toContain(code);
  });

  it("has nothing but the codes and the generic fallback", () => {
    expect(Object.keys(sentences).sort()).toEqual([...ERROR_CODES, "UNKNOWN"].sort());
  });
});

describe("errorMessageKey", () => {
  it("uses the appCode of a tRPC error", () => {
    expect(errorMessageKey({ data: { appCode: "KYC_REQUIRED", httpStatus: 403 } }, hasSentence)).toBe("KYC_REQUIRED");
  });

  it("falls back to UNKNOWN for codes it does not know and for errors without one", () => {
    expect(errorMessageKey({ data: { appCode: "SOMETHING_NEW" } }, hasSentence)).toBe("UNKNOWN");
    expect(errorMessageKey(new TypeError("Failed to fetch"), hasSentence)).toBe("UNKNOWN");
    expect(errorMessageKey(null, hasSentence)).toBe("UNKNOWN");
  });
});
