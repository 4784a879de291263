// The portal process's background work (outbox dispatcher, recovery rounds, heartbeat,
// metrics listener ...) stops through this one registry. SIGTERM or SIGINT runs every
// stop once; the production start (scripts/start.ts) waits for them before it exits, so
// a message handed to the SMTP server is marked SENT before the process goes away and
// no other instance sends it again.
//
// No imports: scripts/start.ts loads this file outside Next's bundle, and the two copies
// meet on globalThis.

type Stop = () => unknown;

interface Registry {
  stops: { name: string; stop: Stop }[];
  listening: boolean;
  done?: Promise<void>;
}

const KEY = Symbol.for("brokerage.portal.shutdown");

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [KEY]?: Registry };
  return (holder[KEY] ??= { stops: [], listening: false });
}

/** Runs `stop` (and waits for what it returns) when the process shuts down. */
export function onShutdown(name: string, stop: Stop): void {
  const state = registry();
  state.stops.push({ name, stop });
  if (state.listening) return;
  state.listening = true;
  process.once("SIGTERM", () => void shutDown());
  process.once("SIGINT", () => void shutDown());
}

/** Runs every registered stop at once; later calls get the first call's promise. */
export function shutDown(): Promise<void> {
  const state = registry();
  state.done ??= Promise.allSettled(state.stops.map(async ({ stop }) => stop())).then((results) => {
    results.forEach((result, index) => {
      if (result.status === "rejected") console.error(`[portal] ${state.stops[index]?.name} did not stop cleanly:`, result.reason);
    });
  });
  return state.done;
}
