// An unset NODE_ENV is production: development defaults (the fixed OTP key, the
// development mailbox, uncounted callers without an address) only when NODE_ENV says
// `development` or `test` explicitly.
import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function envWith(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return (await import("../src/env")).env;
}

describe("the api package's environment", () => {
  it("treats an unset NODE_ENV as production", async () => {
    const env = await envWith({ NODE_ENV: undefined, OTP_ENCRYPTION_KEY: undefined, DEV_MAILBOX: undefined });
    expect(env.developmentDefaults).toBe(false);
    expect(env.devMailboxEnabled).toBe(false);
    expect(() => env.otpEncryptionKey).toThrow(/OTP_ENCRYPTION_KEY is required/);
    const { addressKey } = await import("../src/rate-limit/sms-budget");
    expect(addressKey(null)).toBe("unknown");
  });

  it("gives development defaults only when NODE_ENV says so", async () => {
    for (const nodeEnv of ["development", "test"]) {
      const env = await envWith({ NODE_ENV: nodeEnv, OTP_ENCRYPTION_KEY: undefined, DEV_MAILBOX: undefined });
      expect([nodeEnv, env.developmentDefaults, env.devMailboxEnabled, env.otpEncryptionKey.length]).toEqual([nodeEnv, true, true, 32]);
    }
    const production = await envWith({ NODE_ENV: "production", OTP_ENCRYPTION_KEY: "ab".repeat(32), DEV_MAILBOX: undefined });
    expect([production.devMailboxEnabled, production.otpEncryptionKey.length]).toEqual([false, 32]);
  });

  it("starts production with only the documented keys", async () => {
    const env = await envWith({ NODE_ENV: undefined, OTP_ENCRYPTION_KEY: "ab".repeat(32), DEV_MAILBOX: undefined });
    expect(env.otpEncryptionKey.length).toBe(32);
    expect(env.SMS_ALLOWED_COUNTRY_CODES).toContain("44");
  });
});
