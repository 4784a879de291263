import { createPrismaClient } from "../src/create-client";
import { env } from "../src/env";
import { seedDemoData } from "../src/seed";

if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set. (`pnpm dev` seeds its embedded database itself.)");
  process.exit(1);
}
const db = createPrismaClient(env.DATABASE_URL);
await seedDemoData(db);
await db.$disconnect();
console.log("demo data seeded");
