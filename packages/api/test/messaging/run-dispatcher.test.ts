import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { Database } from "@brokerage/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMessage, messageIdFor } from "../../src/messaging";
import { createMessagingDb, startSmtpServer } from "./support";

let env: Awaited<ReturnType<typeof createMessagingDb>>;
let db: Database;

beforeAll(async () => {
  env = await createMessagingDb();
  db = env.db;
});
afterAll(() => env.close());

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

describe("run-dispatcher.ts", () => {
  it("delivers with the transports named by the environment and exits cleanly on SIGTERM", async () => {
    const server = await startSmtpServer();
    try {
      const id = await enqueueMessage(db, {
        channel: "EMAIL",
        recipient: "ann@example.com",
        template: "t",
        subject: "S",
        body: "Your code is 246810",
      });
      const child = spawn(process.execPath, ["--import", "tsx", "src/messaging/run-dispatcher.ts"], {
        cwd: packageDir,
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: env.url,
          SMTP_URL: server.url,
          MAIL_FROM: "Acme <no-reply@acme.test>",
          DISPATCH_INTERVAL_MS: "100",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = once(child, "exit");

      for (let i = 0; i < 300 && server.accepted.length === 0 && child.exitCode === null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill("SIGTERM");
      const [code] = await exited;

      expect(code, output).toBe(0);
      expect(server.accepted.map((d) => d.messageId)).toEqual([messageIdFor(id, "acme.test")]);
      expect((await db.message.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
      expect(output).toContain('"email":"smtp"');
      expect(output).toContain('"sms":"mailbox"');
      expect(output).toContain("dispatcher stopping");
      expect(output).not.toContain("246810");
    } finally {
      await server.close();
    }
  });
});
