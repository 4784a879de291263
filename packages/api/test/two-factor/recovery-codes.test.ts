// Recovery codes (issue 12): at least 64 bits each (120 here), stored as an HMAC under a key derived
// from OTP_ENCRYPTION_KEY, so neither the table alone nor a plain hash of a guess matches.
import { createHash, createHmac, hkdfSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../../src/env";
import { createHarness, type Harness } from "../support/harness";
import { codeAt, createCustomer, signIn } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function enabled(email: string) {
  const customer = await createCustomer(h, email);
  const { credential } = await signIn(h, email);
  const api = h.caller(credential);
  const setup = await api.otp.setup();
  const { recoveryCodes } = await api.otp.enable({ secret: setup.secret, code: await codeAt(setup.secret, h.clock.now()) });
  h.clock.advance(30_000);
  return { customer, recoveryCodes };
}

describe("recovery codes", () => {
  it("are 24 base32 characters in 6 groups (120 random bits each, >= 112), all different", async () => {
    const { recoveryCodes } = await enabled("rc-format@example.com");
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){5}$/);
    // 24 symbols of a 32-letter alphabet: 24 x 5 = 120 bits (>= 64 asked by the issue, >= 112 by ASVS 6.5.2)
    expect(recoveryCodes[0]!.replace(/-/g, "").length * Math.log2(32)).toBeGreaterThanOrEqual(112);
  });

  it("are stored as HMAC-SHA-256 under a key derived (HKDF) from OTP_ENCRYPTION_KEY: neither the code nor its plain SHA-256 is in the table", async () => {
    const { customer, recoveryCodes } = await enabled("rc-storage@example.com");
    const rows = await h.db.recoveryCode.findMany({ where: { customerId: customer.id } });
    const stored = new Set(rows.map((r) => r.codeHash));
    const key = Buffer.from(hkdfSync("sha256", env.otpEncryptionKey, Buffer.alloc(0), "brokerage recovery codes v1", 32));
    for (const code of recoveryCodes) {
      const plain = code.replace(/-/g, "");
      expect(stored.has(createHmac("sha256", key).update(plain).digest("hex"))).toBe(true);
      expect(stored.has(createHash("sha256").update(plain).digest("hex"))).toBe(false);
      expect(stored.has(createHash("sha256").update(code).digest("hex"))).toBe(false);
      expect(JSON.stringify(rows)).not.toContain(plain);
    }
  });

  it("stand in for a TOTP code once each, typed with or without hyphens, in any letter case", async () => {
    const { recoveryCodes } = await enabled("rc-use@example.com");
    const first = recoveryCodes[0]!;
    await expect(signIn(h, "rc-use@example.com", first.toUpperCase().replace(/-/g, ""))).resolves.toMatchObject({ otpEnabled: 1 });
    await expect(signIn(h, "rc-use@example.com", first)).rejects.toMatchObject({ code: "INVALID_OTP_CODE" });
    await expect(signIn(h, "rc-use@example.com", ` ${recoveryCodes[1]!} `)).resolves.toMatchObject({ otpEnabled: 1 });
  });
});
