import type { TradingCore } from "@brokerage/core-adapter";
import type { Credential } from "../../src/context";
import { createContextInner } from "../../src/context";
import { createCaller } from "../../src/index";
import { createLogger } from "../../src/logger";
import type { Harness } from "../support/harness";
import { fund, newCustomer, openFrom } from "../accounts/fixtures";

/** A KYC-approved customer with a funded REAL USD account, a USD wallet, a EUR wallet and a demo USD account. */
export async function trader(h: Harness, balance = "500.00") {
  const c = await newCustomer(h, { kycApproved: true });
  const real = await openFrom(c.api, "real-usd");
  const wallet = await openFrom(c.api, "wallet-usd");
  const eur = await openFrom(c.api, "wallet-eur");
  const demo = await openFrom(c.api, "demo-usd");
  await fund(h, real.login, balance);
  return { ...c, real, wallet, eur, demo };
}

/** The core with every call counted by method name. */
export function countingCore(core: TradingCore) {
  const calls: string[] = [];
  const counted = new Proxy(core, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { core: counted, calls };
}

/** A caller of the real router whose context has its own core (counted, or failing). */
export function callerWithCore(h: Harness, core: TradingCore, credential: Credential) {
  return createCaller(
    createContextInner({
      deps: { db: h.db, core, clock: h.clock, logger: createLogger({ level: "silent" }), rateLimits: h.rateLimits, documents: h.documents, rates: h.rates },
      credential,
    }),
  );
}
