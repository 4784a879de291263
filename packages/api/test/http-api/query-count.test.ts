// The hot read of trading terminals (seed 002's session accounts) costs two queries: the
// bearer token resolved to its live session and customer in one, the accounts with their
// group in the other. The session is resolved once per request, not by the facade and the
// procedure each.
import { createPrismaClient } from "@brokerage/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harnessDeps, setUp, signedIn, startApiServer, tearDown, type ApiServer, type Setup } from "./support";

let s: Setup;
let counted: ApiServer;
let queries: string[] = [];
let db: ReturnType<typeof createPrismaClient>;

beforeAll(async () => {
  s = await setUp();
  db = createPrismaClient(s.h.database.url, { max: 2, onQuery: (sql) => queries.push(sql) });
  counted = await startApiServer({ ...harnessDeps(s.h), db });
});
afterAll(async () => {
  await counted?.close();
  await db?.$disconnect();
  await tearDown(s);
});

describe("the session-accounts read", () => {
  it("runs two queries: credential to session and customer, then the accounts", async () => {
    const { token } = await signedIn(s);
    // A first call may refresh the session's last-seen time; the next ones do not.
    await counted.call("GET", "/customer/session/accounts", { token });
    queries = [];
    const reply = await counted.call("GET", "/customer/session/accounts", { token });
    expect(reply.status).toBe(200);
    expect(queries.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK)/.test(q))).toHaveLength(2);
    expect(queries[0]).toMatch(/"ApiToken"/);
    expect(queries[0]).toMatch(/"Session"/);
    expect(queries[1]).toMatch(/"Account"/);
  });

  it("answers 401 after one query for a token that does not exist", async () => {
    queries = [];
    const reply = await counted.call("GET", "/customer/session/accounts", { token: "x".repeat(43) });
    expect(reply.status).toBe(401);
    expect(queries).toHaveLength(1);
  });
});
