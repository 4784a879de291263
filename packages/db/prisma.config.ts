import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // process.env, not env(): `prisma generate` must work with no database configured.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
