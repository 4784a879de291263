// Next bundles route handlers and pages apart, each with its own copy of @brokerage/api,
// while the rate limits and the simulator are shared: an error made by one copy must be
// recognised by the other. A structurally identical object from "another copy" stands in.
import { DomainError, getDomainError } from "@brokerage/api";
import { CoreRejectedError, CoreUnavailableError, InsufficientFundsError } from "@brokerage/core-adapter";
import { describe, expect, it } from "vitest";

/** A copy of an error as another bundle's class would make it: same marker, other prototype. */
function fromAnotherCopy<T extends object>(error: T): object {
  const copy = Object.create(Error.prototype) as Record<string | symbol, unknown>;
  for (const key of Reflect.ownKeys(error)) copy[key] = (error as Record<string | symbol, unknown>)[key];
  for (const symbol of Object.getOwnPropertySymbols(Object.getPrototypeOf(Object.getPrototypeOf(error)) as object)) {
    copy[symbol] = (error as Record<symbol, unknown>)[symbol];
  }
  return copy;
}

describe("errors across bundled copies of the packages", () => {
  it("recognises a DomainError by its marker, not its prototype", () => {
    const foreign = fromAnotherCopy(new DomainError("TOO_MANY_ATTEMPTS", { details: { retryAfterSeconds: 5 } }));
    expect(Object.getPrototypeOf(foreign)).toBe(Error.prototype);
    expect(foreign instanceof DomainError).toBe(true);
    expect(getDomainError(foreign)?.code).toBe("TOO_MANY_ATTEMPTS");
    expect(new Error("plain") instanceof DomainError).toBe(false);
  });

  it("recognises core errors by kind", () => {
    const foreign = fromAnotherCopy(new InsufficientFundsError(100001, "1.00", "2.00"));
    expect(foreign instanceof InsufficientFundsError).toBe(true);
    expect(foreign instanceof CoreRejectedError).toBe(false);
    expect(new CoreUnavailableError() instanceof CoreUnavailableError).toBe(true);
    expect(new CoreUnavailableError() instanceof InsufficientFundsError).toBe(false);
  });
});
