// The project lints itself: typescript-eslint, eslint-plugin-eslint-plugin for the rule modules,
// eslint-plugin-regexp (every regular expression must be linear-time), and this plugin's own
// recommended config from the build (run `npm run build` first; CI does).
import js from "@eslint/js";
import eslintPlugin from "eslint-plugin-eslint-plugin";
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";
import globals from "globals";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const self = existsSync(new URL("./dist/src/index.js", import.meta.url)) ? require("./dist/src/index.js") : undefined;

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "fixtures/", "tests/fixtures/", "coverage/", "src/analysis/sdk/catalogue.generated.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs["flat/recommended"],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The analysis reads node types millions of times per run: the enum's re-export is a getter chain.
    files: ["src/**/*.ts", "rules/**/*.ts"],
    ignores: ["src/analysis/node-types.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: ["@typescript-eslint/utils", "@typescript-eslint/types"].map((name) => ({
          name,
          importNames: ["AST_NODE_TYPES"],
          message: "Import AST_NODE_TYPES from src/analysis/node-types (a plain object: no getter call per read).",
        })),
      }],
    },
  },
  {
    files: ["rules/**/*.ts"],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      "eslint-plugin/require-meta-docs-description": ["error", { pattern: "^(Disallow|Require|Enforce)" }],
      "eslint-plugin/require-meta-schema-description": "error",
      "eslint-plugin/require-meta-default-options": "error",
      "eslint-plugin/require-meta-docs-url": "off",
    },
  },
  {
    files: ["tests/**/*.ts"],
    ...eslintPlugin.configs.recommended,
    rules: { ...eslintPlugin.configs.recommended.rules },
  },
  ...(self ? [{ files: ["**/*.{js,mjs,cjs,ts,mts,cts}"], ...self.configs.recommended }] : []),
);
