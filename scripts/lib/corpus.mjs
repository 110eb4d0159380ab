// Shared by scripts/test-corpus.mjs and scripts/bench.mjs: which files make up a corpus of real code, how
// each is parsed, and the plugin's rule settings. The plugin is loaded from the build (dist/): run
// `npm run build` first (the npm scripts do).
import { createRequire } from "node:module";
import { readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function loadPlugin() {
  const entry = path.join(ROOT, "dist/src/index.js");
  if (!existsSync(entry)) throw new Error("dist/ is missing: run `npm run build` first");
  return require(entry);
}

export function loadProbe() {
  return require(path.join(ROOT, "dist/src/analysis/probe.js")).probeAnalysis;
}

export function loadAnalysis() {
  return require(path.join(ROOT, "dist/src/analysis/index.js"));
}

export const tsParser = require("@typescript-eslint/parser");

/** Does the rule's first option object declare `autofix`? */
export function hasAutofixOption(rule) {
  const first = Array.isArray(rule.meta?.schema) ? rule.meta.schema[0] : undefined;
  return Boolean(first && typeof first === "object" && first.properties && Object.hasOwn(first.properties, "autofix"));
}

/** Every rule of the plugin at its strictest: `configs.all`, each rule's strict options, and `autofix: true` where offered. */
export function strictRuleSettings(plugin) {
  const rules = {};
  for (const [name, rule] of Object.entries(plugin.rules)) {
    const options = { ...(rule.meta.docs?.strictOptions ?? {}), ...(hasAutofixOption(rule) ? { autofix: true } : {}) };
    rules[`dynamodb-security/${name}`] = Object.keys(options).length > 0 ? ["error", options] : "error";
  }
  return rules;
}

/** Every rule of the plugin with its default options (what users get from `configs.all`). */
export function defaultRuleSettings(plugin) {
  return { ...plugin.configs.all.rules };
}

const EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/**
 * Files of a corpus under `roots` (folders), sorted. Declaration files are included only when asked
 * (`declarations`); `maxBytes` leaves out bundles larger than that.
 */
export function collectFiles(roots, { declarations = false, maxBytes = Infinity } = {}) {
  const files = [];
  const seen = new Set();
  const visit = (folder) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.name === ".bin" || entry.name === ".cache") continue;
      let stats;
      try {
        stats = statSync(full);
      } catch {
        continue;
      }
      if (stats.isDirectory()) {
        visit(full);
      } else if (stats.isFile() && EXTENSIONS.test(entry.name) && (declarations || !DECLARATION.test(entry.name)) && stats.size <= maxBytes) {
        const key = `${stats.dev}:${stats.ino}`;
        if (seen.has(key)) continue;
        seen.add(key);
        files.push({ file: full, bytes: stats.size });
      }
    }
  };
  for (const root of roots) visit(root);
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Language options for a file, as the plugin's CLI parses it (with a fallback source type for retries). */
export function languageOptionsFor(file, sourceType, parser = "typescript") {
  const commonjs = /\.c[jt]s$/.test(file);
  return {
    // "default": ESLint's own parser (espree), what a plain JavaScript project lints with.
    ...(parser === "default" ? {} : { parser: tsParser }),
    ecmaVersion: "latest",
    sourceType: sourceType ?? (commonjs ? "commonjs" : "module"),
    // As the CLI: JSX in .js/.mjs/.jsx/.tsx; never in .ts/.mts (`<T>x` is a type assertion there) or CommonJS files.
    parserOptions: { ecmaFeatures: { jsx: /\.(?:m?js|[jt]sx)$/.test(file) } },
  };
}

/** A flat config that applies `rules` (with `plugins`) to `file`, with inline configuration ignored. */
export function configFor(file, { plugins = {}, rules = {}, sourceType, parser } = {}) {
  return [
    {
      files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
      languageOptions: languageOptionsFor(file, sourceType, parser),
      // Third-party code carries directives for rules and environments that are not loaded here.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
      plugins,
      rules,
    },
  ];
}

/** Plain JavaScript files, which `javascriptParser: "default"` (and test:corpus's second pass) lint with ESLint's own parser. */
export const JAVASCRIPT_FILE = /\.(?:[cm]?js|jsx)$/;

/**
 * Flat config blocks for every file kind of a corpus (as `configFor` gives per file), with `plugins`, `rules` and
 * `settings`; `javascriptParser: "default"` lints the JavaScript kinds with ESLint's own parser, as a plain
 * JavaScript project does.
 */
export function corpusConfig({ plugins = {}, rules = {}, settings = {}, javascriptParser = "typescript" } = {}) {
  const kinds = ["x.js", "x.jsx", "x.mjs", "x.cjs", "x.ts", "x.tsx", "x.mts", "x.cts"];
  return kinds.map((name) => ({
    files: [`**/*${name.slice(1)}`],
    languageOptions: languageOptionsFor(name, undefined, JAVASCRIPT_FILE.test(name) ? javascriptParser : "typescript"),
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
    plugins,
    rules,
    settings,
  }));
}

/**
 * The name a corpus file is linted under: ESLint ignores everything under node_modules by default, so a
 * file of the project is linted under a name below ROOT/corpus with node_modules rewritten to deps (only
 * the name changes; the file's imports then name no file on disk). A file outside the project (a folder of
 * real applications given with --roots or --dir) keeps its own path, so cross-module analysis reads the
 * modules it imports.
 */
export function lintName(file) {
  const relative = path.relative(ROOT, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return file;
  return path.join(ROOT, "corpus", relative.split(path.sep).map((part) => (part === "node_modules" ? "deps" : part)).join(path.sep));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
