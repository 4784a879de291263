// The throttle stores connect and check themselves before the first count (a fresh
// instance used to answer 500 while its Redis client connected). Uses the Redis server
// these machines run on 127.0.0.1:6379 (platform.md), with keys of this run's own.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisRateLimits } from "../src/rate-limit/rate-limits";
import { createHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("the throttle stores", () => {
  it("PostgreSQL: says its store, and is ready", async () => {
    expect(h.rateLimits.store).toBe("postgresql");
    await expect(h.rateLimits.ready()).resolves.toBeUndefined();
  });

  it("Redis: the first counts of a fresh client wait for its connection instead of failing", async () => {
    const limits = createRedisRateLimits("redis://127.0.0.1:6379");
    try {
      expect(limits.store).toBe("redis");
      const key = `test-${randomUUID()}`;
      // Straight after creation, five at once: none fails, the sixth is 429.
      await Promise.all(Array.from({ length: 5 }, () => limits.consume("loginByAccountAddress", key)));
      await expect(limits.consume("loginByAccountAddress", key)).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
      await limits.reset("loginByAccountAddress", key);
    } finally {
      await limits.close();
    }
  });

  it("Redis that is not there: ready() and counts refuse at once, and nothing hangs", async () => {
    const limits = createRedisRateLimits("redis://127.0.0.1:1");
    try {
      await expect(limits.ready()).rejects.toThrow();
      await expect(limits.consume("loginByAccountAddress", "anyone")).rejects.toThrow();
    } finally {
      await limits.close();
    }
  });
});
