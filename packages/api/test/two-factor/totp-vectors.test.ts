import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "../../src/otp/secret-box";
import { verifyTotp } from "../../src/otp/totp";

// RFC 6238 appendix B: ASCII "12345678901234567890" is base32 GEZDGNBVGY3TQOJQ...
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const VECTORS: Array<[number, string]> = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
  [20000000000, "353130"],
];

/** oathtool is an independent TOTP implementation (Debian's oath-toolkit). */
const oathtool = (epochSeconds: number, secret = RFC_SECRET) =>
  execFileSync("oathtool", ["--totp", "-b", "-N", `@${epochSeconds}`, secret], { encoding: "utf8" }).trim();

describe("TOTP verification (SHA1, 6 digits, 30 s, window 1)", () => {
  it.each(VECTORS)("accepts the RFC 6238 code at t=%i", async (t, code) => {
    const step = await verifyTotp({ secret: RFC_SECRET, code, now: new Date(t * 1000), lastStep: null });
    expect(step).toBe(Math.floor(t / 30));
    expect(oathtool(t)).toBe(code);
  });

  it("accepts one step either side and refuses two", async () => {
    const t = 1_800_000_015;
    const at = (delta: number) => oathtool(t + delta * 30);
    const verifyAt = (code: string) => verifyTotp({ secret: RFC_SECRET, code, now: new Date(t * 1000), lastStep: null });
    expect(await verifyAt(at(-1))).toBe(Math.floor(t / 30) - 1);
    expect(await verifyAt(at(0))).toBe(Math.floor(t / 30));
    expect(await verifyAt(at(1))).toBe(Math.floor(t / 30) + 1);
    expect(await verifyAt(at(-2))).toBeNull();
    expect(await verifyAt(at(2))).toBeNull();
  });

  it("refuses a code of a step already used, or an earlier one", async () => {
    const t = 1_800_000_015;
    const step = Math.floor(t / 30);
    const now = new Date(t * 1000);
    expect(await verifyTotp({ secret: RFC_SECRET, code: oathtool(t), now, lastStep: BigInt(step) })).toBeNull();
    expect(await verifyTotp({ secret: RFC_SECRET, code: oathtool(t - 30), now, lastStep: BigInt(step - 1) })).toBeNull();
    expect(await verifyTotp({ secret: RFC_SECRET, code: oathtool(t + 30), now, lastStep: BigInt(step) })).toBe(step + 1);
  });

  it("refuses malformed codes", async () => {
    for (const code of ["", "12345", "1234567", "abcdef", " 287082x"]) {
      expect(await verifyTotp({ secret: RFC_SECRET, code, now: new Date(59_000), lastStep: null })).toBeNull();
    }
  });
});

describe("secrets at rest", () => {
  it("are AES-256-GCM ciphertexts that only the key opens, and tampering is detected", () => {
    const stored = encryptSecret(RFC_SECRET);
    expect(stored).not.toContain(RFC_SECRET);
    expect(encryptSecret(RFC_SECRET)).not.toBe(stored);
    expect(decryptSecret(stored)).toBe(RFC_SECRET);
    expect(() => decryptSecret(stored, Buffer.alloc(32, 7))).toThrow();
    const parts = stored.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow();
  });
});
