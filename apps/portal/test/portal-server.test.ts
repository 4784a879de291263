// The production front door (scripts/portal-server.ts) over real sockets, with a stand-in
// for Next's handler that echoes what it was handed.
import type { AddressInfo } from "node:net";
import net from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalServer } from "../scripts/portal-server";
import { parseTrustProxy } from "@brokerage/api/trusted-proxy";

let server: Server;
let port: number;
let handled = 0;
const EDGE_TOKEN = "e".repeat(43);

beforeAll(async () => {
  server = createPortalServer({
    trustProxy: parseTrustProxy(undefined),
    edgeToken: EDGE_TOKEN,
    handle: (req, res) => {
      handled++;
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          address: req.headers["x-portal-client-address"] ?? null,
          token: req.headers["x-portal-edge-token"] ?? null,
          forwarded: req.headers["x-forwarded-for"] ?? null,
        }),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One raw HTTP/1.1 exchange: what a client that ignores fetch's rules can send. */
function raw(request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
    let data = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", body = ""] = data.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head.toLowerCase(), body });
    });
  });
}

const line = (method: string, target: string, headers = "") => `${method} ${target} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`;

describe("the client address", () => {
  it("is the socket's peer; a client's X-Forwarded-For and own address header are not believed", async () => {
    const reply = await raw(
      line("GET", "/x", "X-Forwarded-For: 6.6.6.6\r\nX-Portal-Client-Address: 7.7.7.7\r\nX-Portal-Edge-Token: forged\r\n"),
    );
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ address: "127.0.0.1", token: EDGE_TOKEN, forwarded: "6.6.6.6" });
  });
});

describe("requests refused before Next", () => {
  it("answers TRACE, TRACK, CONNECT and other unserved methods with 405 JSON", async () => {
    const before = handled;
    for (const method of ["TRACE", "TRACK", "PROPFIND", "MKCOL", "COPY", "LOCK", "SEARCH"]) {
      const reply = await raw(line(method, "/api/trpc/session.list"));
      expect([method, reply.status, JSON.parse(reply.body).error]).toEqual([method, 405, "METHOD_NOT_ALLOWED"]);
      expect(reply.headers).toContain("content-type: application/json");
    }
    const connect = await raw("CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n");
    expect([connect.status, JSON.parse(connect.body)]).toEqual([405, { error: "METHOD_NOT_ALLOWED", message: expect.any(String) }]);
    expect(handled).toBe(before);
  });

  it("answers PUT, PATCH, DELETE and OPTIONS on pages with 405 JSON, and leaves them to route handlers under /api, /customer and /v1", async () => {
    const before = handled;
    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS"]) {
      for (const path of ["/", "/accounts", "/sign-in?next=/x", "/_next/static/x.js", "/staff/kyc"]) {
        const reply = await raw(line(method, path));
        expect([method, path, reply.status, JSON.parse(reply.body).error]).toEqual([method, path, 405, "METHOD_NOT_ALLOWED"]);
        expect(reply.headers).toContain("allow: get, head, post");
      }
    }
    expect(handled).toBe(before);
    const handlerPaths = ["/api/trpc/session.revokeOthers", "/customer/auth/otp", "/api/health", "/api/v2/my/accounts/1", "/v1/user/change-password"];
    for (const path of handlerPaths) {
      expect([path, (await raw(line("DELETE", path))).status]).toEqual([path, 200]);
    }
    expect(handled).toBe(before + handlerPaths.length);
    // `/v1` alone is seed 003's prefix, not `/v1x` (a page path).
    expect((await raw(line("PUT", "/v1x"))).status).toBe(405);
  });

  it("answers malformed percent-escapes in the path with 400 INVALID_DATA, and lets good ones through", async () => {
    const before = handled;
    for (const path of ["/%", "/%zz", "/sign-in/%E0%A4%A", "/api/trpc/%ff", "/customer/auth/%c0%af"]) {
      const reply = await raw(line("GET", path));
      expect([path, reply.status, JSON.parse(reply.body).error]).toEqual([path, 400, "INVALID_DATA"]);
    }
    expect(handled).toBe(before);
    // Only the path: the query string is the application's to judge.
    expect((await raw(line("GET", "/sign-in/%C3%A9?next=%zz"))).status).toBe(200);
  });

  it("answers a request line Node cannot parse with 400 JSON, not a bare page", async () => {
    const reply = await raw("GET /\x01 HTTP/1.1\r\nHost: localhost\r\n\r\n");
    expect([reply.status, JSON.parse(reply.body).error]).toEqual([400, "INVALID_DATA"]);
  });

  it("answers HEAD refusals without a body", async () => {
    const reply = await raw(line("HEAD", "/%zz"));
    expect([reply.status, reply.body]).toEqual([400, ""]);
  });
});
