import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { LongFilesFirst } from "./test/support/long-files-first";

export default defineConfig({
  resolve: {
    // `server-only` throws outside a React Server bundle; tests are plain Node.
    alias: { "server-only": fileURLToPath(new URL("./test/support/server-only-stub.ts", import.meta.url)) },
  },
  test: {
    globalSetup: ["./test/support/global-setup.ts"],
    pool: "forks",
    // Each file has its own database and mostly waits on PostgreSQL: three at a time on a
    // 2-core runner (Vitest's default there is one), the long property files first.
    maxWorkers: 3,
    sequence: { sequencer: LongFilesFirst },
    // Files share a worker's module cache: importing the whole API again for each of 85
    // files cost 144 s of the suite's CPU (35 s shared). Each file still has its own
    // harness and database; the one test that re-reads the environment resets modules.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
