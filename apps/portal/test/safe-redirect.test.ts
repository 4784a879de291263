// The one safe-redirect helper (security/safe-redirect.ts), used by the customer sign-in
// (page and action), next-auth's redirect callback, the KYC page's "continue" link and the
// staff sign-in. Every hostile form below must come out as "not a path of ours".
import { describe, expect, it } from "vitest";
import { nextAuthRedirect, safeRedirectPath, safeRedirectTarget } from "~/security/safe-redirect";

const HOSTILE: ReadonlyArray<[string, string]> = [
  ["/.//evil.example", "a dot segment that leaves //evil.example"],
  ["/././/evil.example", "two dot segments"],
  ["/a/..//x", "a parent segment that leaves //x"],
  ["/a/b/../..//evil.example", "parent segments back to the root"],
  ["/%2e//x", "an escaped dot segment"],
  ["/%2E%2E//evil.example", "an escaped parent segment"],
  ["/.%2e//evil.example", "half-escaped parent segment"],
  ["//evil", "protocol-relative"],
  ["///evil", "three slashes"],
  ["/\\evil", "slash backslash"],
  ["\\/evil", "backslash slash"],
  ["\\\\evil.example", "two backslashes"],
  ["/%5c%5cevil", "escaped backslashes"],
  ["/%5Cevil.example", "an escaped backslash"],
  ["/%2f%2fevil.example", "escaped slashes"],
  ["/%252f%252fevil.example", "double-escaped slashes"],
  ["https://evil", "an absolute URL"],
  ["HTTPS://evil.example/accounts", "an absolute URL in capitals"],
  ["javascript:alert(1)", "a javascript: URL"],
  ["JaVaScRiPt:alert(document.domain)", "mixed case javascript:"],
  ["data:text/html,<script>alert(1)</script>", "a data: URL"],
  ["/accounts%0d%0aSet-Cookie:x=1", "escaped CR/LF (header injection)"],
  ["/accounts\r\nLocation: https://evil.example", "raw CR/LF"],
  ["/%0a/evil.example", "an escaped newline"],
  ["/\t/evil.example", "a tab that browsers strip"],
  ["/%09/evil.example", "an escaped tab"],
  ["/\n/evil.example", "a newline that browsers strip"],
  [" /accounts", "leading space"],
  ["/accounts ", "trailing space"],
  ["/%00", "an escaped NUL"],
  ["/\u0000evil", "a raw NUL"],
  ["/\u2028evil", "a line separator"],
  ["accounts", "a relative path"],
  ["./accounts", "a dot-relative path"],
  ["?next=//evil", "a query alone"],
  ["#//evil", "a fragment alone"],
  ["", "nothing"],
  [`/${"a".repeat(3000)}`, "very long"],
  ["http://portal.invalid/accounts", "the helper's own base"],
  ["/%", "a malformed escape"],
];

describe("safeRedirectPath", () => {
  it("has a table of at least 20 hostile forms", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
  });

  it.each(HOSTILE)("refuses %j (%s)", (value) => {
    expect(safeRedirectPath(value)).toBeNull();
    expect(safeRedirectTarget(value, "/accounts")).toBe("/accounts");
    expect(safeRedirectPath(value, { prefix: "/staff" })).toBeNull();
    expect(nextAuthRedirect({ url: value, baseUrl: "http://localhost:3000" })).toBe("http://localhost:3000");
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 42, {}, ["//evil"]]) expect(safeRedirectPath(value)).toBeNull();
  });

  it("keeps paths of this site with their query and fragment", () => {
    expect(safeRedirectPath("/security")).toBe("/security");
    expect(safeRedirectPath("/accounts/12?tab=history#top")).toBe("/accounts/12?tab=history#top");
    // Two values (`?next=a&next=b`): neither is taken.
    expect(safeRedirectPath(["/kyc", "//evil"])).toBeNull();
    // The KYC page hands its own return address on, escaped, in the query.
    expect(safeRedirectPath("/kyc?returnTo=%2Faccounts%2Fopen%3Fgroup%3Dreal-usd")).toBe("/kyc?returnTo=%2Faccounts%2Fopen%3Fgroup%3Dreal-usd");
    // A harmless dot segment is resolved, not kept.
    expect(safeRedirectPath("/accounts/./open")).toBe("/accounts/open");
  });

  it("keeps a prefix that dot segments cannot walk out of", () => {
    expect(safeRedirectPath("/staff/kyc/12", { prefix: "/staff" })).toBe("/staff/kyc/12");
    expect(safeRedirectPath("/staff", { prefix: "/staff" })).toBe("/staff");
    expect(safeRedirectPath("/staffing", { prefix: "/staff" })).toBeNull();
    expect(safeRedirectPath("/staff/../kyc", { prefix: "/staff" })).toBeNull();
    expect(safeRedirectPath("/staff/%2e%2e/kyc", { prefix: "/staff" })).toBeNull();
  });

  it("gives next-auth our own origin's paths only", () => {
    const baseUrl = "http://localhost:3000";
    expect(nextAuthRedirect({ url: "/accounts", baseUrl })).toBe("http://localhost:3000/accounts");
    expect(nextAuthRedirect({ url: "http://localhost:3000/security?x=1", baseUrl })).toBe("http://localhost:3000/security?x=1");
    expect(nextAuthRedirect({ url: "http://localhost:4000/accounts", baseUrl })).toBe(baseUrl);
    expect(nextAuthRedirect({ url: "http://localhost:3000/.//evil.example", baseUrl })).toBe(baseUrl);
  });
});
