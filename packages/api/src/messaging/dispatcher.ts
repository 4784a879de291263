import { type Database, Prisma } from "@brokerage/db";
import { createLogger } from "../logger";
import { exponentialBackoff } from "./backoff";
import { describeFailure, isPermanent } from "./delivery-error";
import { renderMessageBody } from "./secret-payload";
import type { Transports } from "./transport";

function safeRender(row: { body: string; secretEnc: string | null }): string {
  try {
    return renderMessageBody(row);
  } catch {
    return row.body;
  }
}

/** What the dispatcher needs from the database: raw statements only. */
export type DispatcherDb = Pick<Database, "$queryRaw" | "$executeRaw">;

/** pino's Logger fits; only these calls are made, and never with a body. */
export interface DispatcherLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface DispatcherOptions {
  db: DispatcherDb;
  transports: Transports;
  /**
   * Omitted (production): every time is the database's now(), one clock for every portal
   * instance. Given (tests): this clock's time replaces now() in claims, leases, backoff
   * and sentAt; it must not be behind the database's time when messages are enqueued
   * (their nextAttemptAt defaults to the database's now()).
   */
  clock?: { now(): Date };
  logger?: DispatcherLogger;
  /** Messages claimed per runOnce. Default 20. */
  batchSize?: number;
  /** Attempts before a message becomes FAILED. Default 8. */
  maxAttempts?: number;
  /** How long a claim keeps other dispatchers off a message. Default 60. */
  lockSeconds?: number;
  /** A send that has not settled by then counts as a failed attempt. Default 15 000. */
  sendTimeoutMs?: number;
  /** Milliseconds to wait after the n-th failed attempt. Default 5 s doubling, at most 15 min. */
  backoff?: (attempts: number) => number;
}

export interface DispatchResult {
  /** Acknowledged by the far end and marked SENT. */
  sent: number;
  /** Became FAILED in this run (permanent rejection or maxAttempts reached). */
  failed: number;
  /** Failed attempts that were rescheduled. */
  retried: number;
}

export interface Dispatcher {
  /** Claims one batch of due messages and tries each once. */
  runOnce(): Promise<DispatchResult>;
  /** Runs batches until stop(): again at once after a full batch, else after intervalMs. */
  start(intervalMs?: number): void;
  /** Stops the loop and waits for the batch in progress. Does not close the transports. */
  stop(): Promise<void>;
}

interface ClaimedRow {
  id: string;
  channel: string;
  recipient: string;
  template: string;
  subject: string | null;
  body: string;
  secretEnc: string | null;
  attempts: number;
  lockedUntil: Date;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, transports, clock } = options;
  const logger = options.logger ?? createLogger({ name: "messaging" });
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const lockMs = (options.lockSeconds ?? 60) * 1000;
  const sendTimeoutMs = options.sendTimeoutMs ?? 15_000;
  const backoff = options.backoff ?? ((attempts: number) => exponentialBackoff(attempts));
  if (!(batchSize >= 1 && maxAttempts >= 1)) throw new RangeError("batchSize and maxAttempts must be at least 1");
  if (!(lockMs > sendTimeoutMs)) throw new RangeError("lockSeconds must be longer than sendTimeoutMs");

  const nowSql = () => (clock ? Prisma.sql`${clock.now().toISOString()}::timestamptz` : Prisma.sql`now()`);
  const elapsedClock = () => (clock ? clock.now().getTime() : performance.now());
  const interval = (ms: number) => Prisma.sql`(${Math.round(ms)}::int * interval '1 millisecond')`;

  // One statement: the subquery locks due, unclaimed rows (skipping rows another
  // dispatcher is claiming right now) and the update leases them, so no two
  // dispatchers ever hold the same message.
  async function claim(): Promise<ClaimedRow[]> {
    const now = nowSql();
    return db.$queryRaw<ClaimedRow[]>`
      UPDATE "Message" SET "lockedUntil" = ${now} + ${interval(lockMs)}
      WHERE "id" IN (
        SELECT "id" FROM "Message"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
          AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
        ORDER BY "createdAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id"::text AS "id", "channel"::text AS "channel", "recipient", "template",
        "subject", "body", "secretEnc", "attempts", "lockedUntil"`;
  }

  // The development mailbox is the destination itself: there the secret stays readable.
  const keepsSecret = (channel: string) => (channel === "EMAIL" ? transports.email : transports.sms).kind === "mailbox";

  // SENT wins over everything: the far end has the message, it must never go again. Its
  // secret has left: it is erased from the outbox.
  async function markSent(row: ClaimedRow): Promise<void> {
    await db.$executeRaw`
      UPDATE "Message"
      SET "status" = 'SENT', "sentAt" = ${nowSql()}, "attempts" = "attempts" + 1,
        "lockedUntil" = NULL,
        "secretEnc" = ${keepsSecret(row.channel) ? Prisma.sql`"secretEnc"` : Prisma.sql`NULL`}
      WHERE "id" = ${row.id}::uuid AND "status" = 'PENDING'`;
  }

  // Only while we still hold the lease: after it ran out another dispatcher may own the row.
  async function markFailed(
    row: ClaimedRow,
    fields: { status: "PENDING" | "FAILED"; lastError: string; delayMs: number; keepLease: boolean },
  ): Promise<boolean> {
    const count = await db.$executeRaw`
      UPDATE "Message"
      SET "status" = ${fields.status}::"MessageStatus", "attempts" = "attempts" + 1,
        "lastError" = ${fields.lastError},
        "secretEnc" = ${fields.status === "FAILED" ? Prisma.sql`NULL` : Prisma.sql`"secretEnc"`},
        "nextAttemptAt" = ${nowSql()} + ${interval(fields.delayMs)},
        "lockedUntil" = ${fields.keepLease ? Prisma.sql`"lockedUntil"` : Prisma.sql`NULL`}
      WHERE "id" = ${row.id}::uuid AND "status" = 'PENDING'
        AND "lockedUntil" = ${row.lockedUntil.toISOString()}::timestamptz`;
    return count > 0;
  }

  async function release(rows: ClaimedRow[]): Promise<void> {
    for (const row of rows) {
      await db.$executeRaw`
        UPDATE "Message" SET "lockedUntil" = NULL
        WHERE "id" = ${row.id}::uuid AND "status" = 'PENDING'
          AND "lockedUntil" = ${row.lockedUntil.toISOString()}::timestamptz`;
    }
  }

  async function deliver(row: ClaimedRow, signal: AbortSignal): Promise<void> {
    const body = renderMessageBody(row);
    if (row.channel === "EMAIL") {
      await transports.email.send({ id: row.id, to: row.recipient, subject: row.subject ?? "", body }, { signal });
    } else if (row.channel === "SMS") {
      await transports.sms.send({ id: row.id, to: row.recipient, body }, { signal });
    } else {
      throw new Error(`unknown channel ${row.channel}`);
    }
  }

  /** Resolves "sent", or throws the transport's error, or "timeout". */
  async function attempt(row: ClaimedRow): Promise<"sent" | "timeout"> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new Error("send timeout"));
        resolve("timeout");
      }, sendTimeoutMs);
    });
    try {
      return await Promise.race([deliver(row, controller.signal).then(() => "sent" as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function runOnce(): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, failed: 0, retried: 0 };
    const startedAt = elapsedClock();
    const rows = await claim();
    for (const [index, row] of rows.entries()) {
      // Stopping (a shutdown): finish the message in hand, hand the rest back at once so
      // another instance sends them now, not when this claim's lease runs out.
      if (stopRequested) {
        await release(rows.slice(index));
        logger.info({ released: rows.length - index }, "stopping: messages handed back");
        break;
      }
      // Never start a send that could outlive the lease: hand the rest back.
      if (elapsedClock() - startedAt + sendTimeoutMs >= lockMs) {
        await release(rows.slice(index));
        logger.warn({ released: rows.length - index }, "lease running out, messages handed back");
        break;
      }
      const log = { messageId: row.id, template: row.template, channel: row.channel, attempt: row.attempts + 1 };
      let outcome: "sent" | "timeout" | { error: unknown };
      try {
        outcome = await attempt(row);
      } catch (error) {
        outcome = { error };
      }
      if (outcome === "sent") {
        await markSent(row);
        result.sent += 1;
        logger.info(log, "message sent");
        continue;
      }
      const timedOut = outcome === "timeout";
      const error = outcome === "timeout" ? new Error(`no answer within ${sendTimeoutMs} ms`) : outcome.error;
      const attempts = row.attempts + 1;
      const giveUp = isPermanent(error) || attempts >= maxAttempts;
      // The rendered body, so a failure that echoes it cannot put the secret in lastError.
      const lastError = describeFailure(error, safeRender(row));
      const delayMs = giveUp ? 0 : backoff(attempts);
      // A send that timed out may still be in flight: keep the lease until it expires.
      const updated = await markFailed(row, {
        status: giveUp ? "FAILED" : "PENDING",
        lastError,
        delayMs,
        keepLease: timedOut,
      });
      if (!updated) {
        logger.warn(log, "lease lost before the failure was recorded");
      } else if (giveUp) {
        result.failed += 1;
        logger.error({ ...log, error: lastError, permanent: isPermanent(error) }, "message failed");
      } else {
        result.retried += 1;
        logger.warn({ ...log, error: lastError, retryInMs: delayMs }, "delivery failed, will retry");
      }
    }
    return result;
  }

  let running = false;
  let stopRequested = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;

  function schedule(delayMs: number, intervalMs: number) {
    timer = setTimeout(() => {
      timer = undefined;
      current = (async () => {
        let next = intervalMs;
        try {
          const r = await runOnce();
          if (r.sent + r.failed + r.retried >= batchSize) next = 0;
        } catch (error) {
          logger.error({ error: error instanceof Error ? error.message : String(error) }, "dispatch run failed");
        }
        if (running) schedule(next, intervalMs);
      })();
    }, delayMs);
  }

  return {
    runOnce,
    start(intervalMs = 2_000) {
      if (running) return;
      running = true;
      stopRequested = false;
      schedule(0, intervalMs);
    },
    async stop() {
      running = false;
      stopRequested = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
    },
  };
}
