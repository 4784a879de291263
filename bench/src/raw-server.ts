// The baseline of the read benchmark: a plain `node:http` + `pg` server doing the same
// three indexed queries as GET /customer/session/accounts (token -> session + customer ->
// accounts) and nothing else: no framework, no validation, no logging.
import { createHash } from "node:crypto";
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const port = Number(process.env.PORT);

const server = http.createServer((req, res) => {
  void (async () => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token) return answer(res, 401, { error: "INVALID_CUSTOMER_SESSION" });
    const hash = createHash("sha256").update(token).digest("hex");
    const now = new Date();
    const t = await pool.query<{ sessionId: string }>(
      `SELECT "sessionId" FROM "ApiToken" WHERE "tokenHash" = $1 AND kind = 'ACCESS' AND "revokedAt" IS NULL AND "expiresAt" > $2`,
      [hash, now],
    );
    const sessionId = t.rows[0]?.sessionId;
    if (!sessionId) return answer(res, 401, { error: "INVALID_CUSTOMER_SESSION" });
    const s = await pool.query<{ customerId: number }>(
      `SELECT s."customerId" FROM "Session" s JOIN "Customer" c ON c.id = s."customerId"
        WHERE s.id = $1 AND s."revokedAt" IS NULL AND s."expiresAt" > $2 AND c.status = 0`,
      [sessionId, now],
    );
    const customerId = s.rows[0]?.customerId;
    if (customerId === undefined) return answer(res, 401, { error: "INVALID_CUSTOMER_SESSION" });
    const a = await pool.query(
      `SELECT a.login, a.leverage, a."archivedAt", g.name AS "group", c."firstName", c."lastName", c.email
         FROM "Account" a JOIN "AccountGroup" g ON g.id = a."groupId" JOIN "Customer" c ON c.id = a."customerId"
        WHERE a."customerId" = $1 AND a.kind = 'TRADING' ORDER BY a."createdAt"`,
      [customerId],
    );
    answer(res, 200, {
      accounts: a.rows.map((r) => ({
        login: r.login,
        customer_id: customerId,
        enable: r.archivedAt ? 0 : 1,
        leverage: r.leverage,
        group: r.group,
        name: `${r.firstName} ${r.lastName}`,
        email: r.email,
      })),
    });
  })().catch(() => answer(res, 500, { error: "INTERNAL_ERROR" }));
});

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

server.listen(port, "127.0.0.1", () => console.log(`[raw-server] listening on ${port}`));
process.once("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
