// What stands between a caller and the simulator's work on every call: the injected
// faults, the latency, the timeout, and the translation of failures into CoreErrors.
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { CoreUnavailableError } from "../errors";
import type { CoreOperation } from "../trading-core";
import { asCoreError } from "./database";
import { consumeFault, readCallFaults } from "./faults";

export interface GuardOptions {
  pool: pg.Pool;
  timeoutMs: number;
}

const timedOut = (timeoutMs: number) =>
  new CoreUnavailableError("timeout", `Trading core did not answer within ${timeoutMs} ms`);

export async function guardCall<T>(
  options: GuardOptions,
  operation: CoreOperation,
  work: () => Promise<T>,
): Promise<T> {
  const { pool, timeoutMs } = options;
  const started = performance.now();

  const attempt = async (): Promise<T> => {
    const faults = await readCallFaults(pool, operation);
    if (faults.unavailable)
      throw new CoreUnavailableError(
        "unavailable",
        "Trading core is switched off (injected fault)",
      );
    if (faults.latencyMs > 0) {
      const left = timeoutMs - (performance.now() - started);
      // A request slower than the timeout is given up before it reaches the core, so a
      // test that injects latency knows nothing was changed.
      if (faults.latencyMs >= left) {
        await sleep(Math.max(left, 0));
        throw timedOut(timeoutMs);
      }
      await sleep(faults.latencyMs);
    }
    // Reading the faults can itself be slow (a busy database): a call whose caller has
    // already been told "timeout" does not start its work any more.
    if (performance.now() - started >= timeoutMs) throw timedOut(timeoutMs);
    let loseReply = false;
    if (faults.pending) {
      if (await consumeFault(pool, operation, "fail")) {
        throw new CoreUnavailableError(
          "unreachable",
          `Trading core refused the connection (injected fault on ${operation})`,
        );
      }
      loseReply = await consumeFault(pool, operation, "lose-reply");
    }
    if (!loseReply) return work();
    // The core did its part (committed, or refused); only the answer goes missing.
    await work().catch(() => {});
    throw new CoreUnavailableError(
      "reply_lost",
      `Trading core reply lost (injected fault on ${operation})`,
    );
  };

  // Real database slowness is cut off too: the caller gets CoreUnavailableError after
  // timeoutMs while the work may still finish, exactly like a core whose reply is late.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut(timeoutMs)), timeoutMs);
  });
  const running = attempt();
  running.catch(() => {}); // settled later than the deadline: nobody is listening any more
  try {
    return await Promise.race([running, deadline]);
  } catch (error) {
    throw asCoreError(error);
  } finally {
    clearTimeout(timer);
  }
}
