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

  it("refuses a TRUST_PROXY that is a bare flag", async () => {
    await expect(envWith({ NODE_ENV: "test", TRUST_PROXY: "true" })).rejects.toThrow(/TRUST_PROXY/);
  });
});
