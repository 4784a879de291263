// The container deployment (apps/*/Dockerfile, deploy/compose.yaml, deploy/haproxy.cfg),
// checked with what this machine has (no container engine runs here): the compose file
// parses and every file, script, port and variable it names exists and is what the apps
// read; each Dockerfile is multi-stage, runs as a non-root user, copies files that exist
// and starts a file its build makes; HAProxy accepts its configuration (`haproxy -c`).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(deployDir, "..");
const read = (...parts: string[]) => readFileSync(path.join(repo, ...parts), "utf8");

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | number>;
  command?: string[];
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
}

const composeText = read("deploy", "compose.yaml");
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** Names every environment schema of the apps knows (each app validates its variables in one env.ts). */
function knownVariables(...files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) for (const match of read(file).matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)) names.add(match[1]!);
  return names;
}
const portalVariables = knownVariables("apps/portal/src/env.ts", "packages/api/src/env.ts", "packages/api/src/messaging/env.ts", "apps/portal/scripts/env.ts");
const apiVariables = knownVariables("apps/api/src/env.ts", "packages/api/src/env.ts");
// Read outside the env schemas: next-auth's own and the payment simulator's.
for (const name of ["AUTH_SECRET", "PAYMENT_WEBHOOK_SECRET"]) portalVariables.add(name);

const dockerfiles = {
  portal: "apps/portal/Dockerfile",
  api: "apps/api/Dockerfile",
};

function stages(dockerfile: string): string[][] {
  // Logical lines: continuations joined, comments dropped.
  const lines = read(dockerfile)
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const result: string[][] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) result.push([]);
    result.at(-1)?.push(line);
  }
  return result;
}

describe("deploy/compose.yaml", () => {
  it("runs PostgreSQL, Redis, the migrations, two portals, two API servers and the load balancer", () => {
    expect(Object.keys(services).sort()).toEqual(["api-a", "api-b", "lb", "migrate", "portal-a", "portal-b", "postgres", "redis"]);
    for (const name of ["portal-a", "portal-b", "api-a", "api-b"]) {
      expect(services[name]!.depends_on).toMatchObject({ migrate: { condition: "service_completed_successfully" }, redis: { condition: "service_healthy" } });
    }
  });

  it("builds from Dockerfiles that exist, with the repository as the context", () => {
    for (const [name, service] of Object.entries(services)) {
      if (!service.build) continue;
      const context = path.resolve(deployDir, service.build.context);
      expect(context, name).toBe(repo);
      expect(existsSync(path.join(context, service.build.dockerfile)), `${name}: ${service.build.dockerfile}`).toBe(true);
    }
    expect(services["portal-a"]!.build?.dockerfile).toBe(dockerfiles.portal);
    expect(services["api-a"]!.build?.dockerfile).toBe(dockerfiles.api);
  });

  it("mounts files that exist and runs scripts that exist", () => {
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(":")[0]!;
        if (source.startsWith(".")) expect(existsSync(path.resolve(deployDir, source)), `${name}: ${source}`).toBe(true);
      }
    }
    // The migrate service runs in the portal image's working folder (apps/portal).
    const script = services.migrate!.command!.at(-1)!;
    expect(existsSync(path.join(repo, "apps/portal", script)), script).toBe(true);
  });

  it("gives each app the variables production requires, and only variables the app reads", () => {
    const required = { portal: ["DATABASE_URL", "AUTH_SECRET", "OTP_ENCRYPTION_KEY"], api: ["DATABASE_URL", "OTP_ENCRYPTION_KEY"] };
    for (const [name, known, needs] of [
      ["portal-a", portalVariables, required.portal],
      ["portal-b", portalVariables, required.portal],
      ["migrate", portalVariables, ["DATABASE_URL"]],
      ["api-a", apiVariables, required.api],
      ["api-b", apiVariables, required.api],
    ] as const) {
      const environment = services[name]!.environment ?? {};
      for (const variable of needs) expect(environment[variable], `${name} needs ${variable}`).toBeTruthy();
      for (const variable of Object.keys(environment)) expect(known.has(variable), `${name}: ${variable} is read by no env.ts`).toBe(true);
    }
  });

  it("refuses to start without the secrets, and the README documents each variable it asks for", () => {
    const readme = read("README.md");
    const asked = [...composeText.matchAll(/\$\{([A-Z_]+)(:[?-])/g)].map((match) => match[1]!);
    expect(asked).toEqual(expect.arrayContaining(["AUTH_SECRET", "OTP_ENCRYPTION_KEY", "PAYMENT_WEBHOOK_SECRET"]));
    for (const variable of new Set(asked)) expect(readme, variable).toContain(variable);
    for (const secret of ["AUTH_SECRET", "OTP_ENCRYPTION_KEY", "PAYMENT_WEBHOOK_SECRET"]) {
      expect(composeText).toMatch(new RegExp(`\\$\\{${secret}:\\?`));
    }
  });

  it("sends the load balancer to the ports the instances listen on", () => {
    const config = read("deploy", "haproxy.cfg");
    for (const name of ["portal-a", "portal-b", "api-a", "api-b"]) {
      const port = services[name]!.environment!.PORT;
      expect(config).toMatch(new RegExp(`server ${name} ${name}:${port}\\b`));
    }
    expect(config).toContain("option httpchk GET /api/health/ready");
    expect(config).toContain("option httpchk GET /health/ready");
    expect(existsSync(path.join(repo, "apps/portal/src/app/api/health/ready/route.ts"))).toBe(true);
  });

  it("is a configuration HAProxy accepts (haproxy -c)", () => {
    const haproxy = process.env.HAPROXY_PATH ?? "/usr/sbin/haproxy";
    expect(existsSync(haproxy), "HAProxy is installed by .ci/run").toBe(true);
    const check = spawnSync(haproxy, ["-c", "-f", path.join(deployDir, "haproxy.cfg")], { encoding: "utf8" });
    expect(check.status, check.stderr).toBe(0);
  });
});

describe.each(Object.entries(dockerfiles))("the %s Dockerfile", (app, file) => {
  const all = stages(file);
  const runtime = all.at(-1)!;

  it("builds in one stage and runs in another, as a non-root user", () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(runtime.some((line) => /^COPY --from=build\b/.test(line))).toBe(true);
    const user = runtime.filter((line) => /^USER\s/.test(line)).at(-1);
    expect(user, "the runtime stage sets USER").toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(\s|:|$)/);
    // USER comes before the command, so the process never starts as root.
    expect(runtime.findIndex((line) => line.startsWith("USER"))).toBeLessThan(runtime.findIndex((line) => line.startsWith("CMD")));
  });

  it("copies only what exists, and .dockerignore keeps host installs and secrets out", () => {
    for (const line of all.flat().filter((l) => /^COPY\s/.test(l) && !l.includes("--from"))) {
      const sources = line.split(/\s+/).slice(1, -1).filter((part) => !part.startsWith("--"));
      for (const source of sources) expect(existsSync(path.join(repo, source)), `${file}: ${source}`).toBe(true);
    }
    const ignored = read(".dockerignore");
    for (const entry of ["**/node_modules", "**/.next", ".env", ".git"]) expect(ignored).toContain(entry);
  });

  it("starts a file the build makes, and checks its health on a route that exists", () => {
    const cmd = JSON.parse(runtime.find((line) => line.startsWith("CMD"))!.slice(3).trim()) as string[];
    const healthcheck = runtime.find((line) => line.startsWith("HEALTHCHECK"))!;
    if (app === "portal") {
      expect(cmd).toEqual(["node", "--import", "tsx", "scripts/start.ts"]);
      expect(existsSync(path.join(repo, "apps/portal/scripts/start.ts"))).toBe(true);
      expect(healthcheck).toContain("/api/health/live");
      expect(existsSync(path.join(repo, "apps/portal/src/app/api/health/live/route.ts"))).toBe(true);
    } else {
      expect(cmd).toEqual(["node", "dist/main.mjs"]);
      expect(read("apps/api/scripts/build.ts")).toContain('"dist/main.mjs"');
      expect(healthcheck).toContain("/health/live");
      expect(read("apps/api/src/server.ts")).toContain('"/health/live"');
    }
    // The pnpm the image installs is the repository's.
    const pnpm = (JSON.parse(read("package.json")) as { packageManager: string }).packageManager.replace("pnpm@", "");
    expect(read(file)).toContain(`pnpm@${pnpm}`);
  });
});
