// docs/security/asvs.md names, for each requirement it calls met, the tests that prove it
// (`file` › test name). A renamed or deleted test must not leave the map claiming a proof.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const map = readFileSync(path.join(root, "docs", "security", "asvs.md"), "utf8");

interface Row {
  id: string;
  status: string;
  proof: string;
}

const rows: Row[] = map
  .split("\n")
  .filter((line) => /^\| V\d+\.\d+\.\d+ \|/.test(line))
  .map((line) => {
    const cells = line.split(" | ").map((c) => c.replace(/^\|\s*|\s*\|$/g, "").trim());
    return { id: cells[0]!, status: cells[3]!, proof: cells[4]! };
  });

/** `file` › name pairs; a name runs to the next `; \`` or the end of the cell. */
function proofsOf(cell: string): Array<{ file: string; name: string }> {
  return [...cell.matchAll(/`([^`]+)` › (.+?)(?=; `|\. [A-Z]|$)/g)].map((m) => ({ file: m[1]!, name: m[2]!.trim() }));
}

describe("docs/security/asvs.md", () => {
  it("has rows, each with a status", () => {
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row.status, row.id).toMatch(/^(met|partial|not met|N\/A)/);
  });

  it("names, for every met or partial row, tests that exist in the files it names", () => {
    for (const row of rows.filter((r) => /^(met|partial)/.test(r.status))) {
      const proofs = proofsOf(row.proof);
      expect(proofs.length, `${row.id} names no test`).toBeGreaterThan(0);
      for (const { file, name } of proofs) {
        const full = path.join(root, file);
        expect(existsSync(full), `${row.id}: ${file} does not exist`).toBe(true);
        const source = readFileSync(full, "utf8");
        expect(source.includes(`"${name}"`) || source.includes(`\`${name}\``), `${row.id}: no test "${name}" in ${file}`).toBe(true);
      }
    }
  });
});
