// Sends the outbox's due webhooks, signed, at least once: a failure or a non-2xx answer
// is retried later with exponential backoff; each event is claimed with a lease, so two
// deliverers (two portal processes) never send one event at the same time.
import type pg from "pg";
import { signWebhook } from "../webhook";
import { WEBHOOK_SIGNATURE_HEADER } from "../webhook";
import { readSettings } from "./faults";

export interface WebhookRequest {
  payload: string;
  signature: string;
}

export interface WebhookOptions {
  /** Signs every webhook (HMAC-SHA256). */
  secret: string;
  /** POSTed to with fetch when `deliver` is not given. */
  url?: string;
  /** Sends a webhook in-process instead of over HTTP (tests, a single process). */
  deliver?: (request: WebhookRequest) => Promise<{ status: number }>;
  /** Backoff of failed deliveries: base * 2^(attempt-1), at most maxDelayMs, maxAttempts tries in all. */
  retry?: { baseDelayMs?: number; maxDelayMs?: number; maxAttempts?: number };
  /** How long one HTTP delivery may take. Default 10 s. */
  timeoutMs?: number;
}

export interface DeliveryCounts {
  /** Events answered 2xx (now delivered). */
  delivered: number;
  /** Events whose attempt failed and that will be tried again. */
  retrying: number;
  /** Events given up after their last attempt. */
  dead: number;
  /** Events dropped by the "lost" fault (marked sent, never sent). */
  lost: number;
  /** HTTP requests (or deliver calls) made, duplicates included. */
  requests: number;
}

const BATCH = 100;
const LEASE_MS = 60_000;

interface ClaimedEvent {
  seq: string;
  id: string;
  payload: string;
  attempts: number;
}

export function retryDelayMs(options: WebhookOptions, attempts: number): number {
  const base = options.retry?.baseDelayMs ?? 5_000;
  const max = options.retry?.maxDelayMs ?? 3_600_000;
  return Math.min(base * 2 ** Math.min(attempts - 1, 30), max);
}

export async function deliverDue(
  pool: pg.Pool,
  options: WebhookOptions,
  now: Date,
): Promise<DeliveryCounts> {
  const settings = await readSettings(pool);
  const counts: DeliveryCounts = { delivered: 0, retrying: 0, dead: 0, lost: 0, requests: 0 };
  const send = senderFor(options);
  const { rows } = await pool.query<ClaimedEvent>(
    `UPDATE payment_sim.events SET lease_until = $1::timestamptz + make_interval(secs => $3 / 1000.0)
      WHERE seq IN (
        SELECT seq FROM payment_sim.events
         WHERE state = 'pending' AND next_attempt_at <= $1
           AND created_at <= $1::timestamptz - make_interval(secs => $2 / 1000.0)
           AND (lease_until IS NULL OR lease_until <= $1)
         ORDER BY seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING seq, id, payload, attempts`,
    [now, settings.webhookDelayMs, LEASE_MS],
  );
  const batch = rows.sort((a, b) => Number(a.seq) - Number(b.seq));
  if (settings.webhookOutOfOrder) batch.reverse();
  if (settings.webhookLost) {
    await pool.query(
      `UPDATE payment_sim.events SET state = 'lost', lease_until = NULL, delivered_at = $2 WHERE seq = ANY($1::bigint[])`,
      [batch.map((event) => event.seq), now],
    );
    counts.lost = batch.length;
    return counts;
  }
  const maxAttempts = options.retry?.maxAttempts ?? 12;
  for (const event of batch) {
    let error: string | null = null;
    for (let copy = 0; copy < (settings.webhookDuplicate ? 2 : 1); copy++) {
      counts.requests++;
      const outcome = await send({
        payload: event.payload,
        signature: signWebhook(event.payload, options.secret, now),
      });
      // The duplicate's answer does not matter: the first send decides.
      if (copy === 0) error = outcome;
    }
    const attempts = event.attempts + 1;
    if (error === null) {
      counts.delivered++;
      await pool.query(
        `UPDATE payment_sim.events SET state = 'delivered', attempts = $2, delivered_at = $3, lease_until = NULL, last_error = NULL WHERE seq = $1`,
        [event.seq, attempts, now],
      );
    } else {
      const dead = attempts >= maxAttempts;
      if (dead) counts.dead++;
      else counts.retrying++;
      await pool.query(
        `UPDATE payment_sim.events SET state = $2, attempts = $3, last_error = $4, lease_until = NULL,
           next_attempt_at = $5::timestamptz + make_interval(secs => $6 / 1000.0) WHERE seq = $1`,
        [
          event.seq,
          dead ? "dead" : "pending",
          attempts,
          error.slice(0, 500),
          now,
          retryDelayMs(options, attempts),
        ],
      );
    }
  }
  return counts;
}

/** One attempt: null when answered 2xx, else what went wrong. */
function senderFor(options: WebhookOptions): (request: WebhookRequest) => Promise<string | null> {
  const { deliver, url } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const judge = (status: number) => (status >= 200 && status < 300 ? null : `answered ${status}`);
  if (deliver) {
    return async (request) => {
      try {
        return judge((await deliver(request)).status);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
  }
  if (!url) throw new TypeError("The payment simulator has no webhook url or deliver function");
  return async (request) => {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [WEBHOOK_SIGNATURE_HEADER]: request.signature,
        },
        body: request.payload,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return judge(response.status);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}
