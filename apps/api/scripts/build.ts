// Builds the API server into dist/main.mjs: our workspace packages (TypeScript sources)
// are bundled in; third-party packages stay external and load from node_modules at run
// time, so native addons (argon2) and Prisma's runtime files work as installed. Every
// external must resolve from this package: the build fails otherwise, naming the package
// to add to this package.json.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const externals = new Set<string>();

const packageName = (specifier: string) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;

const thirdPartyExternal: Plugin = {
  name: "third-party-external",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: path.join(root, "src/server-only.ts") }));
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@brokerage/") || args.path.startsWith("node:")) return undefined;
      externals.add(packageName(args.path));
      return { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: [path.join(root, "src/main.ts")],
  outfile: path.join(root, "dist/main.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [thirdPartyExternal],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// Checked by a plain Node process (tsx, which runs this script, resolves more widely).
const check = spawnSync(
  process.execPath,
  [
    "-e",
    `const r = require("node:module").createRequire(${JSON.stringify(path.join(root, "dist/main.mjs"))});
     const missing = ${JSON.stringify([...externals])}.filter((n) => { try { r.resolve(n); return false; } catch { try { r.resolve(n + "/package.json"); return false; } catch { return true; } } });
     process.stdout.write(JSON.stringify(missing));`,
  ],
  // Without tsx's loaders (NODE_OPTIONS) or pnpm's NODE_PATH, as `node dist/main.mjs` runs.
  { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "", NODE_PATH: "" } },
);
if (check.status !== 0) throw new Error(`the dependency check failed: ${check.stderr}`);
const missing = JSON.parse(check.stdout) as string[];
if (missing.length > 0) {
  console.error(`[api-server build] add to apps/api/package.json dependencies: ${missing.join(", ")}`);
  process.exit(1);
}
console.log(`[api-server] built dist/main.mjs (${externals.size} external packages)`);
