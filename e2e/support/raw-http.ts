// Requests from a chosen loopback address (127.0.0.2 ... 127.0.0.254), over node:http: a
// test that trips a per-address throttle does it from an address of its own, so the
// other flows of the suite (all from 127.0.0.1 / ::1) are not throttled by it.
import { randomInt } from "node:crypto";
import http from "node:http";

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => Record<string, unknown>;
}

export function portOf(baseURL: string | undefined): number {
  if (!baseURL) throw new Error("baseURL is not set");
  return Number(new URL(baseURL).port);
}

/** A loopback address no other test uses (the suite runs from 127.0.0.1 and ::1). */
export function loopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(2, 255)}`;
}

/** A random public-looking address, for X-Forwarded-For values a client makes up. */
export function madeUpAddress(): string {
  return `${randomInt(11, 100)}.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export function rawRequest(
  port: number,
  from: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        localAddress: from,
        headers: { host: `localhost:${port}`, ...options.headers, ...(options.body !== undefined ? { "content-length": Buffer.byteLength(options.body) } : {}) },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json: () => JSON.parse(text) as Record<string, unknown>,
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesOf(reply: RawReply): string {
  return (reply.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";", 1)[0]).join("; ");
}
