import { randomUUID } from "node:crypto";
import type { Database } from "@brokerage/db";
import type { ThrottleStore } from "../rate-limit/rate-limits";

export const HEARTBEAT_INTERVAL_MS = 30_000;
/** An instance not heard of for this long is gone (three missed beats and then some). */
export const INSTANCE_GONE_MS = 2 * 60_000;

export interface InstanceInfo {
  kind: "portal" | "api-server";
  throttleStore: ThrottleStore;
}

/** Records this process as a live instance now. */
export async function reportInstance(db: Database, id: string, info: InstanceInfo, startedAt: Date, now: Date): Promise<void> {
  await db.serviceInstance.upsert({
    where: { id },
    create: { id, kind: info.kind, throttleStore: info.throttleStore, startedAt, seenAt: now },
    update: { throttleStore: info.throttleStore, seenAt: now },
  });
}

/**
 * Beats every 30 s until `stop()`, which also removes this instance's row (a clean exit
 * leaves no ghost in the health report). Failures are reported to `onError`, never thrown.
 */
export function startInstanceHeartbeat(
  db: Database,
  info: InstanceInfo,
  options: { onError?: (error: unknown) => void; now?: () => Date } = {},
) {
  const id = randomUUID();
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const beat = () => reportInstance(db, id, info, startedAt, now()).catch((error: unknown) => options.onError?.(error));
  void beat();
  const timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
  timer.unref();
  return {
    id,
    async stop() {
      clearInterval(timer);
      await db.serviceInstance.deleteMany({ where: { id } }).catch((error: unknown) => options.onError?.(error));
    },
  };
}

/** The throttle stores of the instances alive now, with how many use each. */
export async function liveThrottleStores(db: Database, now: Date): Promise<Record<string, number>> {
  const rows = await db.serviceInstance.groupBy({
    by: ["throttleStore"],
    where: { seenAt: { gt: new Date(now.getTime() - INSTANCE_GONE_MS) } },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.throttleStore, r._count._all]));
}
