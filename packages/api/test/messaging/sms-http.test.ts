import type { Database } from "@brokerage/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDispatcher,
  createHttpSmsProvider,
  createMailboxTransport,
  enqueueMessage,
  verificationCodeSms,
} from "../../src/messaging";
import { captureLogger, createMessagingDb, manualClock, startHttpServer } from "./support";

let env: Awaited<ReturnType<typeof createMessagingDb>>;
let db: Database;

beforeAll(async () => {
  env = await createMessagingDb();
  db = env.db;
});
afterAll(() => env.close());

describe("HTTP SMS provider", () => {
  it("posts {to, body, id} as JSON, retries a non-2xx answer, then marks the message SENT", async () => {
    const server = await startHttpServer((_request, index) => (index === 0 ? 503 : 202));
    try {
      const id = await enqueueMessage(db, {
        channel: "SMS",
        recipient: "+4917012345678",
        ...verificationCodeSms({ code: "8642", expiresInMinutes: 10, brandName: "Acme" }),
      });
      const clock = manualClock(Date.now() + 1_000);
      const logs = captureLogger();
      const dispatcher = createDispatcher({
        db,
        transports: { email: createMailboxTransport(), sms: createHttpSmsProvider(server.url) },
        clock,
        logger: logs.logger,
      });

      expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
      let row = await db.message.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "sms http 503 Service Unavailable" });

      clock.advance(5_000);
      expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
      row = await db.message.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "SENT", attempts: 2 });

      const expected = { to: "+4917012345678", body: "Acme: your code is 8642. It expires in 10 minutes.", id };
      expect(server.requests.map((r) => r.json)).toEqual([expected, expected]);
      expect(server.requests[1]?.headers["content-type"]).toBe("application/json");
      expect(server.requests[1]?.headers["idempotency-key"]).toBe(id);

      clock.advance(60_000);
      expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(server.requests).toHaveLength(2);
      expect(logs.text()).not.toContain("8642");
    } finally {
      await server.close();
    }
  });

  it("treats an unreachable provider as a failed attempt", async () => {
    const server = await startHttpServer(() => 200);
    const url = server.url;
    await server.close();
    await expect(createHttpSmsProvider(url).send({ id: "x", to: "+4917012345678", body: "b" })).rejects.toThrow(/^sms http:/);
  });
});
