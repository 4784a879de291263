// The README's snippet: an internal developer calling the router without Next.js.
import { createCaller, createContextInner, createPostgresRateLimits, getDomainError } from "@brokerage/api";
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { createPrismaClient } from "@brokerage/db";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url);
const { core, close } = createSimulatorCore({ connectionString: url });
const rateLimits = createPostgresRateLimits(url);
const api = createCaller(createContextInner({ deps: { db, core, rateLimits } }));

console.log(await api.brand.get());
const login = await api.auth.login({ email: "demo@example.com", password: "Demo-Trader-2026" });
const me = createCaller(
  createContextInner({ deps: { db, core, rateLimits }, credential: { type: "bearer", token: login.token } }),
);
console.log(await me.session.accounts());
try {
  await me.accounts.open({ group: "no-such-group" });
} catch (error) {
  console.log(getDomainError(error)?.code); // INVALID_GROUP
}
await Promise.all([db.$disconnect(), close(), rateLimits.close()]);
