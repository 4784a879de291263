// Real things on loopback for the messaging tests: a database of the file's own, an
// SMTP server (smtp-server) and an HTTP server (node:http), plus a log capture.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createPrismaClient, type Database } from "@brokerage/db";
import { createTestDatabase } from "@brokerage/db/testing";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { inject } from "vitest";

export async function createMessagingDb(poolSize = 4): Promise<{ db: Database; url: string; close(): Promise<void> }> {
  const database = await createTestDatabase(inject("adminUrl"), inject("templateDb"));
  const db = createPrismaClient(database.url, { max: poolSize });
  return {
    db,
    url: database.url,
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** A clock that moves only when told to. */
export function manualClock(start: number = Date.now()) {
  let current = start;
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}

/** JSON log lines written by a pino logger, to check what was (not) logged. */
export function captureLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString("utf8"));
      callback();
    },
  });
  return { logger: pino({ level: "debug" }, stream), text: () => lines.join("") };
}

export interface SmtpDelivery {
  messageId: string | undefined;
  to: string[];
  raw: string;
}

/** What the server answers to a DATA (after reading it); null accepts. */
export type SmtpVerdict = { code: number; message: string } | null;

export interface TestSmtpServer {
  url: string;
  /** Every DATA the server read, accepted or not. */
  attempts: SmtpDelivery[];
  /** The messages the server accepted (250). */
  accepted: SmtpDelivery[];
  close(): Promise<void>;
}

function smtpError(verdict: { code: number; message: string }): Error {
  return Object.assign(new Error(verdict.message), { responseCode: verdict.code });
}

export async function startSmtpServer(
  options: {
    onData?: (delivery: SmtpDelivery, index: number) => SmtpVerdict;
    onRcptTo?: (address: string) => SmtpVerdict;
  } = {},
): Promise<TestSmtpServer> {
  const attempts: SmtpDelivery[] = [];
  const accepted: SmtpDelivery[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const verdict = options.onRcptTo?.(address.address) ?? null;
      callback(verdict ? smtpError(verdict) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
        const delivery: SmtpDelivery = {
          messageId: /^message-id:\s*(\S+)/im.exec(headers)?.[1],
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        };
        const index = attempts.push(delivery) - 1;
        const verdict = options.onData?.(delivery, index) ?? null;
        if (verdict) return callback(smtpError(verdict));
        accepted.push(delivery);
        callback(null);
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    attempts,
    accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface HttpRequestRecord {
  headers: http.IncomingHttpHeaders;
  json: unknown;
}

export async function startHttpServer(respond: (request: HttpRequestRecord, index: number) => number) {
  const requests: HttpRequestRecord[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const record = { headers: req.headers, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown };
      const index = requests.push(record) - 1;
      res.statusCode = respond(record, index);
      res.end(res.statusCode < 300 ? '{"ok":true}' : '{"error":"try later"}');
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
