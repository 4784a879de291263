// The portal's environment fails closed: an unset NODE_ENV is production, which needs a
// real AUTH_SECRET and gets secure cookies; the fixed development secret only under an
// explicit `development` or `test`.
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
  return (await import("~/env")).env;
}

describe("the portal's environment", () => {
  it("refuses to start without AUTH_SECRET when NODE_ENV is unset", async () => {
    await expect(envWith({ NODE_ENV: undefined, AUTH_SECRET: undefined, NEXT_PHASE: undefined })).rejects.toThrow(/AUTH_SECRET is required/);
  });

  it("is production when NODE_ENV is unset, with the documented variables only", async () => {
    const env = await envWith({ NODE_ENV: undefined, AUTH_SECRET: "s".repeat(40), NEXT_PHASE: undefined, TRUST_PROXY: undefined });
    expect([env.isProduction, env.isDevelopment, env.TRUST_PROXY.kind]).toEqual([true, false, "none"]);
  });

  it("uses the development secret only when NODE_ENV says development or test", async () => {
    for (const nodeEnv of ["development", "test"]) {
      const env = await envWith({ NODE_ENV: nodeEnv, AUTH_SECRET: undefined, NEXT_PHASE: undefined });
      expect([nodeEnv, env.isProduction, typeof env.AUTH_SECRET]).toEqual([nodeEnv, false, "string"]);
    }
  });

  it("gives the payment simulator its development webhook secret only outside production, and refuses a short one", async () => {
    const production = await envWith({ NODE_ENV: undefined, AUTH_SECRET: "s".repeat(40), NEXT_PHASE: undefined, PAYMENT_WEBHOOK_SECRET: undefined });
    expect(production.PAYMENT_WEBHOOK_SECRET).toBeUndefined();
    const development = await envWith({ NODE_ENV: "development", PAYMENT_WEBHOOK_SECRET: undefined });
    expect(development.PAYMENT_WEBHOOK_SECRET).toBe("development-only-payment-webhook-secret-do-not-use");
    const configured = await envWith({ NODE_ENV: undefined, AUTH_SECRET: "s".repeat(40), NEXT_PHASE: undefined, PAYMENT_WEBHOOK_SECRET: "w".repeat(32) });
    expect(configured.PAYMENT_WEBHOOK_SECRET).toBe("w".repeat(32));
    await expect(envWith({ NODE_ENV: "test", PAYMENT_WEBHOOK_SECRET: "short" })).rejects.toThrow(/PAYMENT_WEBHOOK_SECRET/);
  });

  it("refuses a TRUST_PROXY that is a bare flag", async () => {
    await expect(envWith({ NODE_ENV: "test", TRUST_PROXY: "true" })).rejects.toThrow(/TRUST_PROXY/);
  });
});
