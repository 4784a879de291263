import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The package is imported by client components: zod, the country list and itself only.
const ALLOWED = new Set(["zod", "i18n-iso-countries"]);

describe("browser-safe", () => {
  const dir = new URL("../src/", import.meta.url);
  for (const file of readdirSync(dir)) {
    it(`${file} imports nothing of the server`, () => {
      const text = readFileSync(new URL(file, dir), "utf8");
      const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
      for (const spec of imports) expect(spec.startsWith("./") || ALLOWED.has(spec), `${file}: ${spec}`).toBe(true);
    });
  }
});
