// Where the e2e server and the tests meet: a private temp folder created by the
// Playwright config (E2E_STATE_DIR, inherited by the server script and the workers).
import { readFileSync } from "node:fs";
import path from "node:path";

export function stateDir(): string {
  const dir = process.env.E2E_STATE_DIR;
  if (!dir) throw new Error("E2E_STATE_DIR is not set: run the suite through `playwright test`");
  return dir;
}

export const databaseUrlFile = () => path.join(stateDir(), "database-url");

/** The URL of the database the portal under test uses (written by scripts/serve.ts). */
export function readDatabaseUrl(): string {
  return readFileSync(databaseUrlFile(), "utf8").trim();
}
