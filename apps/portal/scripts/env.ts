// The environment of the portal's scripts (they run under tsx, outside Next).
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const schema = z.object({
  /** Set: use that PostgreSQL. Unset: `pnpm dev` starts an embedded one. */
  DATABASE_URL: optional(z.string().min(1)),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The standalone API server that `pnpm dev` starts beside the portal. */
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Data folder of the embedded PostgreSQL; defaults to <repo>/.data/postgres. */
  EMBEDDED_PG_DIR: optional(z.string().min(1)),
});

export const scriptEnv = schema.parse(process.env);
