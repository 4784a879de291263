// `pnpm --filter @brokerage/portal start`: the production server. Next's request handler
// behind our own `node:http` server (portal-server.ts), so the client address comes from
// the socket and TRUST_PROXY, never from a header a client wrote, and malformed requests
// get the API's JSON errors instead of Next's 500s. Listens on PORT (default 3000) on
// every interface, as `next start` does. SIGTERM/SIGINT stop accepting, let Next and the background work
// (server/shutdown.ts) finish, then exit.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseTrustProxy } from "@brokerage/api/trusted-proxy";
import { scriptEnv } from "./env";
import { shutDown } from "../src/server/shutdown";
import { createPortalServer } from "./portal-server";

// The production start is production: an unset NODE_ENV must not fall back to
// development defaults. Set before Next (and the app's env.ts) is loaded.
const processEnv = process.env as Record<string, string | undefined>;
processEnv.NODE_ENV ??= "production";
processEnv.NEXT_TELEMETRY_DISABLED ??= "1";
// This start's proof for the client-address header (server/trusted-proxy.ts): random, in
// this process only; whatever the environment said is replaced.
const edgeToken = randomBytes(32).toString("base64url");
processEnv.PORTAL_EDGE_TOKEN = edgeToken;

const portalDir = fileURLToPath(new URL("..", import.meta.url));
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
const { default: next } = await import("next");

const app = next({ dev: false, dir: path.resolve(portalDir), port: scriptEnv.PORT });
await app.prepare();
const handle = app.getRequestHandler();

const server = createPortalServer({
  handle: (req, res) => handle(req, res),
  trustProxy,
  edgeToken,
  onError: (error) => console.error("[portal] request handler failed:", error),
});

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[portal] ${signal}: stopping`);
  const timer = setTimeout(() => process.exit(0), 8_000);
  timer.unref();
  // The background work (outbox dispatcher first of all) finishes what it holds meanwhile.
  const background = shutDown();
  server.close(() => {
    void Promise.allSettled([background, app.close()]).finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

server.listen(scriptEnv.PORT, () => {
  const trust = trustProxy.kind === "none" ? "direct connections" : trustProxy.kind === "hops" ? `${trustProxy.hops} proxy hop(s)` : `proxies in ${trustProxy.ranges.join(", ")}`;
  console.log(`[portal] listening on port ${scriptEnv.PORT} (client address: ${trust})`);
});
