// The embedded PostgreSQL of `pnpm dev` and of the e2e server, with a stop that is safe
// to call however the server ended.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@brokerage/db/embedded";

export interface LocalPostgres {
  port: number;
  /** URL of the prepared database. */
  url: string;
  /** Stops the server (if it still runs) and, unless persistent, deletes its data. */
  stop(): Promise<void>;
}

export async function startLocalPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  database: string;
}): Promise<LocalPostgres> {
  const { dataDir, persistent } = options;
  const server = await startEmbeddedPostgres({ dataDir, port: options.port, persistent });
  let stopped: Promise<void> | undefined;
  const stop = async () => {
    // A Ctrl-C or a process-group SIGTERM reaches PostgreSQL directly too, and it may
    // have shut down already; the library's stop() would then wait for an exit that has
    // happened. postmaster.pid exists exactly while the server runs.
    if (existsSync(path.join(dataDir, "postmaster.pid"))) {
      await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    if (!persistent) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await server.createDatabase(options.database);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port: server.port,
    url: server.url(options.database),
    stop: () => (stopped ??= stop()),
  };
}
