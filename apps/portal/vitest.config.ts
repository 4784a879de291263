import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./src", import.meta.url)),
      // `server-only` throws outside a React Server bundle; unit tests are plain Node.
      "server-only": fileURLToPath(new URL("./test/support/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    setupFiles: ["test/support/dom-setup.ts"],
    // A DOM test types, clicks and waits (Testing Library waits up to 10 s): on a busy
    // 2-core runner, beside the other packages' suites and the builds, a few steps can
    // take longer than Vitest's default 5 s. Like the other packages: 30 s.
    testTimeout: 30_000,
  },
});
