import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Database = PrismaClient;

/** A Prisma client over node-postgres. `max` is the pool size. */
export function createPrismaClient(
  connectionString: string,
  options: { max?: number; /** Called with each SQL statement sent (query counts in tests, debugging). */ onQuery?: (sql: string) => void } = {},
) {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  if (!options.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  client.$on("query", (event) => onQuery(event.query));
  return client as unknown as PrismaClient;
}
