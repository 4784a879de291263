// The web sign-in (next-auth's Credentials providers) checks its fields with the API's own
// login schema, so it accepts exactly what auth.login and POST /customer/auth/login accept.
import { loginInput } from "@brokerage/api";
import { describe, expect, it } from "vitest";
import { parseSignInCredentials } from "~/session/sign-in-input";

describe("web sign-in input", () => {
  it("is the API's login input: trimmed e-mail, password as typed, an empty code is no code", () => {
    expect(parseSignInCredentials({ email: " demo@example.com ", password: " pw ", otpCode: "" })).toEqual({
      email: "demo@example.com",
      password: " pw ",
      otpCode: undefined,
    });
    expect(parseSignInCredentials({ email: "demo@example.com", password: "pw", otpCode: " 123456 " })).toEqual({
      email: "demo@example.com",
      password: "pw",
      otpCode: "123456",
    });
  });

  it("refuses what the API's schema refuses, and text that cannot be stored", () => {
    const refused: Array<Record<string, unknown>> = [
      { email: "not-an-address", password: "pw" },
      { email: "demo@example.com", password: "" },
      { email: "demo@example.com" },
      { password: "pw" },
      { email: "demo@example.com", password: "x".repeat(1025) },
      { email: "demo@example.com", password: "pw", otpCode: "1".repeat(65) },
      { email: ["demo@example.com"], password: "pw" },
      { email: "demo@example.com", password: "p\u0000w" },
      { email: "demo@example.com", password: "\ud800" },
    ];
    for (const credentials of refused) {
      expect([credentials, parseSignInCredentials(credentials)]).toEqual([credentials, null]);
      // ... exactly as the API's schema does (or the central unstorable-text check).
      const api = loginInput.safeParse(credentials);
      const unstorable = JSON.stringify(credentials).includes("\\u0000") || JSON.stringify(credentials).includes("\\ud800");
      expect(api.success && !unstorable).toBe(false);
    }
  });
});
