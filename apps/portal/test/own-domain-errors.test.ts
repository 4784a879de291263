import { DomainError, type RateLimits } from "@brokerage/api";
import { describe, expect, it } from "vitest";
import { withOwnDomainErrors } from "~/server/own-domain-errors";

/** What another bundle's copy of DomainError looks like from here: same name and fields, another class. */
function foreignDomainError() {
  return Object.assign(new Error("Too many attempts; try again later"), {
    name: "DomainError",
    code: "TOO_MANY_ATTEMPTS",
    httpStatus: 429,
    details: { retryAfterSeconds: 60 },
  });
}

function limitsThrowing(error: unknown): RateLimits {
  return {
    consume: async () => {
      throw error;
    },
    reward: async () => undefined,
    reset: async () => undefined,
    close: async () => undefined,
  };
}

describe("withOwnDomainErrors", () => {
  it("re-throws another bundle's refusal as this bundle's DomainError, details and all", async () => {
    const limits = withOwnDomainErrors(limitsThrowing(foreignDomainError()));
    const error = await limits.consume("loginByAccount", "a@b.c").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
      httpStatus: 429,
      details: { retryAfterSeconds: 60 },
    });
  });

  it("passes this bundle's own errors and anything else through untouched", async () => {
    const own = new DomainError("TOO_MANY_ATTEMPTS");
    await expect(withOwnDomainErrors(limitsThrowing(own)).consume("otpAttempts", "1")).rejects.toBe(
      own,
    );
    const fault = new Error("connection refused");
    await expect(
      withOwnDomainErrors(limitsThrowing(fault)).consume("otpAttempts", "1"),
    ).rejects.toBe(fault);
  });

  it("consumes, rewards and resets on the shared counters", async () => {
    const calls: string[] = [];
    const shared: RateLimits = {
      consume: async (name, key) => void calls.push(`consume ${name} ${key}`),
      reward: async (name, key) => void calls.push(`reward ${name} ${key}`),
      reset: async (name, key) => void calls.push(`reset ${name} ${key}`),
      close: async () => void calls.push("close"),
    };
    const limits = withOwnDomainErrors(shared);
    await limits.consume("codeResend", "k");
    await limits.reward("codeResend", "k");
    await limits.reset("codeResend", "k");
    await limits.close();
    expect(calls).toEqual([
      "consume codeResend k",
      "reward codeResend k",
      "reset codeResend k",
      "close",
    ]);
  });
});
