// One lint setup for every package: each package's `lint` script runs `eslint .`,
// and ESLint finds this file by walking up from the package folder.
import path from "node:path";
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const portal = ["apps/portal/**/*.{ts,tsx}"];
// Absolute: each package's `lint` runs from its own folder.
const portalDir = path.join(import.meta.dirname, "apps/portal");

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/generated/**",
      "**/next-env.d.ts",
      "**/playwright-report/**",
      "**/test-results/**",
      "**/.data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read the environment through the package's env.ts only.",
        },
      ],
    },
  },
  {
    files: ["**/env.ts", "**/*.config.*", "**/scripts/**", "**/examples/**", "**/test/**", "**/*.test.ts", "**/e2e/**", "**/bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
  // The portal: React's rules of hooks (and the compiler's checks), accessibility of the
  // JSX, Next's own rules, and no import cycles (a circle of modules is a tangle to split).
  { ...reactHooks.configs.flat.recommended, files: portal },
  { ...jsxA11y.flatConfigs.recommended, files: portal },
  { ...nextPlugin.configs.recommended, files: portal },
  { ...nextPlugin.configs["core-web-vitals"], files: portal },
  {
    files: portal,
    plugins: { "import-x": importX },
    settings: {
      next: { rootDir: `${portalDir}/` },
      // How import-x reads the TypeScript files it follows (its `typescript` preset's).
      "import-x/extensions": importX.flatConfigs.typescript.settings["import-x/extensions"],
      "import-x/parsers": importX.flatConfigs.typescript.settings["import-x/parsers"],
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: path.join(portalDir, "tsconfig.json") })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // A choice's label text sits a few elements deep (<label><input/><span><strong>…).
      "jsx-a11y/label-has-associated-control": ["error", { depth: 4 }],
    },
  },
);
