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
  close(): Promise<void>;
}

function tooMany(msBeforeNext: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError("TOO_MANY_ATTEMPTS", { details: { retryAfterSeconds } });
}

function build(limiterFor: (name: RateLimitName) => RateLimiterAbstract, close: () => Promise<void>): RateLimits {
  const cache = new Map<RateLimitName, RateLimiterAbstract>();
  const limiter = (name: RateLimitName) => {
    let l = cache.get(name);
    if (!l) cache.set(name, (l = limiterFor(name)));
    return l;
  };
  return {
    async consume(name, key, consumeOptions) {
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
      await limiter(name).reward(key, 1);
    },
    async reset(name, key) {
      await limiter(name).delete(key);
    },
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
    (name) =>
      new RateLimiterPostgres({ storeClient: pool, tableName: "rate_limits", tableCreated: true, ...options(name) }),
    () => pool.end(),
  );
}

export function createRedisRateLimits(redisUrl: string): RateLimits {
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  return build(
    (name) => new RateLimiterRedis({ storeClient: redis, ...options(name) }),
    async () => {
      redis.disconnect();
    },
  );
}
