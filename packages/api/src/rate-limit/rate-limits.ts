import { Redis } from "ioredis";
import pg from "pg";
import {
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { DomainError } from "../errors";
import { RATE_LIMIT_POLICIES, type RateLimitName } from "./policies";

/**
 * Counters shared by every portal instance (rate-limiter-flexible over PostgreSQL by
 * default, Redis when configured). A guess takes its point BEFORE it is checked
 * (`consume`), so a burst of parallel guesses cannot all be checked; a right answer
 * gives the point back (`reward`) or clears the key.
 */
export interface RateLimits {
  /**
   * Counts one use and answers 429 when it is one too many. `onLimitReached` runs once,
   * on the first refused use of a window (e.g. to alert the owner), before the 429.
   */
  consume(name: RateLimitName, key: string, options?: { onLimitReached?: () => Promise<void> }): Promise<void>;
  /** Gives back one point taken by `consume` (the attempt turned out right). */
  reward(name: RateLimitName, key: string): Promise<void>;
  reset(name: RateLimitName, key: string): Promise<void>;
  /** Where the counters live: every instance must use the same (see the health report). */
  readonly store: ThrottleStore;
  /**
   * Connects and checks the store. Servers await it at start-up, so a store that is not
   * there stops them; a call made earlier waits for it instead of failing.
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export type ThrottleStore = "postgresql" | "redis";

function tooMany(msBeforeNext: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError("TOO_MANY_ATTEMPTS", { details: { retryAfterSeconds } });
}

function build(
  store: ThrottleStore,
  limiterFor: (name: RateLimitName) => RateLimiterAbstract,
  connect: () => Promise<void>,
  close: () => Promise<void>,
): RateLimits {
  let connected: Promise<void> | undefined;
  // Once per process; a failed attempt is forgotten, so the next call tries again.
  const ready = () => (connected ??= connect().catch((error: unknown) => {
    connected = undefined;
    throw error;
  }));
  const cache = new Map<RateLimitName, RateLimiterAbstract>();
  const limiter = (name: RateLimitName) => {
    let l = cache.get(name);
    if (!l) cache.set(name, (l = limiterFor(name)));
    return l;
  };
  return {
    async consume(name, key, consumeOptions) {
      await ready();
      try {
        await limiter(name).consume(key, 1);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          if (consumeOptions?.onLimitReached && error.consumedPoints === RATE_LIMIT_POLICIES[name].points + 1) {
            await consumeOptions.onLimitReached();
          }
          throw tooMany(error.msBeforeNext);
        }
        throw error;
      }
    },
    async reward(name, key) {
      await ready();
      await limiter(name).reward(key, 1);
    },
    async reset(name, key) {
      await ready();
      await limiter(name).delete(key);
    },
    store,
    ready,
    close,
  };
}

const options = (name: RateLimitName) => ({
  keyPrefix: name,
  points: RATE_LIMIT_POLICIES[name].points,
  duration: RATE_LIMIT_POLICIES[name].durationSeconds,
});

/** The `rate_limits` table comes from the portal's migrations. */
export function createPostgresRateLimits(connectionString: string): RateLimits {
  const pool = new pg.Pool({ connectionString, max: 4 });
  return build(
    "postgresql",
    (name) =>
      new RateLimiterPostgres({ storeClient: pool, tableName: "rate_limits", tableCreated: true, ...options(name) }),
    async () => {
      await pool.query("SELECT 1 FROM rate_limits LIMIT 1");
    },
    () => pool.end(),
  );
}

/**
 * `keyPrefix` (REDIS_KEY_PREFIX) goes in front of every key, so deployments (or test runs)
 * can share one Redis without sharing counters.
 */
export function createRedisRateLimits(redisUrl: string, { keyPrefix }: { keyPrefix?: string } = {}): RateLimits {
  // Connected on `ready()` (at start-up), not lazily by the first throttled request: with
  // the offline queue off, that request would otherwise fail while the client connects.
  const redis = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    ...(keyPrefix ? { keyPrefix } : {}),
  });
  // Connection errors reach the callers (ready(), each count) and the health report;
  // without a listener ioredis would also print each reconnection attempt.
  redis.on("error", () => undefined);
  return build(
    "redis",
    (name) => new RateLimiterRedis({ storeClient: redis, ...options(name) }),
    async () => {
      if (redis.status === "wait") await redis.connect();
      await redis.ping();
    },
    async () => {
      redis.disconnect();
    },
  );
}
