import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  /** Data folder of the embedded PostgreSQL used by `pnpm dev` when DATABASE_URL is unset. */
  EMBEDDED_PG_DIR: z.string().optional(),
  /** Port of that embedded PostgreSQL; 5432 is left to a system server. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Admin URL of a PostgreSQL server for tests; unset, tests start an embedded one. */
  TEST_DATABASE_URL: z.string().url().optional(),
});

export const env = schema.parse(process.env);
