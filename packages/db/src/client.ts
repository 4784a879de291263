// The process-wide client for server code. `server-only` makes a bundler refuse to put
// it (and so `pg`) into a browser bundle.
import "server-only";
import { createPrismaClient, type Database } from "./create-client";
import { env } from "./env";

let client: Database | undefined;

/** Created lazily, so `next build` can import route modules without a database. */
export function getDb(): Database {
  if (!client) {
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
    client = createPrismaClient(env.DATABASE_URL);
  }
  return client;
}
