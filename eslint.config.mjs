// One lint setup for every package: each package's `lint` script runs `eslint .`,
// and ESLint finds this file by walking up from the package folder.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

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
);
