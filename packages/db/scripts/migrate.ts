import { env } from "../src/env";
import { runMigrations } from "../src/migrate";

if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set. (`pnpm dev` migrates its embedded database itself.)");
  process.exit(1);
}
const result = await runMigrations({ connectionString: env.DATABASE_URL, log: console.log });
console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
