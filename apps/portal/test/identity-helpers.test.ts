import { describe, expect, it } from "vitest";
import { describeUserAgent } from "~/app/(account)/sessions/device";
import { groupSecret, recoveryCodesFile } from "~/app/(account)/security/secret-text";
import { safeRedirectTarget } from "~/security/safe-redirect";

describe("safeRedirectTarget", () => {
  it("keeps paths of the portal, with their query and fragment", () => {
    expect(safeRedirectTarget("/security", "/accounts")).toBe("/security");
    expect(safeRedirectTarget("/accounts/12?tab=history#top", "/x")).toBe(
      "/accounts/12?tab=history#top",
    );
  });

  it.each([
    ["https://evil.example/", "another origin"],
    ["//evil.example/path", "a protocol-relative URL"],
    ["/\\evil.example", "a backslash that browsers read as //"],
    ["javascript:alert(1)", "a scheme"],
    ["security", "a relative path"],
    ["", "nothing"],
    [undefined, "no value"],
    [["/security"], "an array (?next=a&next=b)"],
  ] as Array<[unknown, string]>)("falls back for %s (%s)", (value) => {
    expect(safeRedirectTarget(value, "/accounts")).toBe("/accounts");
  });
});

describe("describeUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
      { browser: "Chrome", os: "Windows" },
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      { browser: "Safari", os: "macOS" },
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      { browser: "Safari", os: "iOS" },
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0",
      { browser: "Edge", os: "Windows" },
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
      { browser: "Firefox", os: "Linux" },
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36",
      { browser: "Chrome", os: "Android" },
    ],
    ["curl/8.5.0", { browser: null, os: null }],
    [null, { browser: null, os: null }],
  ])("%s", (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toEqual(expected);
  });
});

describe("the two-factor texts", () => {
  it("groups a setup key by four", () => {
    expect(groupSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).toBe(
      "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP",
    );
    expect(groupSecret("ABCDEF")).toBe("ABCD EF");
  });

  it("writes the recovery codes file with one code per line", () => {
    expect(
      recoveryCodesFile({
        heading: "Codes for a@b.c",
        note: "Each works once.",
        codes: ["aaaaa-bbbbb", "ccccc-ddddd"],
      }),
    ).toBe("Codes for a@b.c\n\nEach works once.\n\naaaaa-bbbbb\nccccc-ddddd\n");
  });
});
