// The plugin as users load it, on ESLint 10 and ESLint 9 (installed as `eslint-v9`), with the
// typescript-eslint parser, with typescript-eslint's and ESLint's own config helpers, and on plain JS
// with ESLint's default parser. Every setup must find exactly the fixture's marked findings.
import { execFileSync } from "node:child_process";
import path from "node:path";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";
import { describe, expect, it } from "vitest";
import { FIXTURES, markedFindings } from "../helpers/fixtures";

// The build, as `require("eslint-plugin-dynamodb-security")` returns it (tests/global-setup.ts builds it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require("../../dist/src/index.js") as typeof import("../../src/index");

interface LintResultLike {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; message: string }>;
}
interface ESLintLike {
  lintFiles(patterns: string[]): Promise<LintResultLike[]>;
}
type ESLintClass = new (options: Record<string, unknown>) => ESLintLike;

const ESLINT_MAJORS: Array<[string, () => ESLintClass]> = [
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ["ESLint 10", () => (require("eslint") as { ESLint: ESLintClass }).ESLint],
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ["ESLint 9", () => (require("eslint-v9") as { ESLint: ESLintClass }).ESLint],
];

const SOURCES = "**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}";
const VULNERABLE = path.join(FIXTURES, "vulnerable-api");
const LAYERED_EXPRESS = path.join(FIXTURES, "layered-api", "express-js");

async function findings(ESLint: ESLintClass, config: unknown[], patterns = ["."], cwd = VULNERABLE): Promise<string[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false });
  const results = await eslint.lintFiles(patterns);
  return results
    .flatMap((result) =>
      result.messages.map((message) => `${message.ruleId ?? `parse-error(${message.message})`} ${path.relative(cwd, result.filePath).split(path.sep).join("/")}:${message.line}`),
    )
    .sort();
}

describe.each(ESLINT_MAJORS)("%s", (_name, load) => {
  it("flat config with the typescript-eslint parser finds exactly the marked findings", async () => {
    const config = [{ files: [SOURCES], languageOptions: { parser: tsParser } }, plugin.configs.recommended];
    expect(await findings(load(), config)).toEqual(markedFindings("vulnerable-api"));
  });

  it("the same with Node's globals declared, as most flat configs do (`console` and `process` are then variables)", async () => {
    const config = [{ files: [SOURCES], languageOptions: { parser: tsParser, globals: globals.node } }, plugin.configs.recommended];
    expect(await findings(load(), config)).toEqual(markedFindings("vulnerable-api"));
  });

  it("plain JavaScript files on ESLint's default parser", async () => {
    const config = [{ files: ["**/*.{js,cjs,mjs}"] }, plugin.configs.recommended];
    const expected = markedFindings("vulnerable-api").filter((finding) => /\.[cm]?js:\d+$/.test(finding));
    const linted = await findings(load(), config, ["**/*.js", "**/*.cjs", "**/*.mjs"]);
    expect(linted).toEqual(expected);
  });

  it("a plain JavaScript application of routes, service classes and repositories on ESLint's default parser", async () => {
    // espree's trees have no `decorators`, `implements` or type fields; a class method once crashed every rule.
    const config = [{ files: ["**/*.js"] }, plugin.configs.all];
    expect(await findings(load(), config, ["."], LAYERED_EXPRESS)).toEqual(markedFindings("layered-api/express-js"));
    const withGlobals = [{ files: ["**/*.js"], languageOptions: { globals: globals.node } }, plugin.configs.all];
    expect(await findings(load(), withGlobals, ["."], LAYERED_EXPRESS)).toEqual(markedFindings("layered-api/express-js"));
  });
});

describe("a plain JavaScript project on ESLint's default parser", () => {
  it("is linted, other modules included, without loading TypeScript", () => {
    // In a process of its own: this one has loaded TypeScript for the typescript-eslint parser.
    const script = `
      const { ESLint } = require("eslint");
      const plugin = require(${JSON.stringify(path.resolve(__dirname, "../../dist/src/index.js"))});
      const eslint = new ESLint({ cwd: ${JSON.stringify(LAYERED_EXPRESS)}, overrideConfigFile: true, overrideConfig: [{ files: ["**/*.js"] }, plugin.configs.all] });
      eslint.lintFiles(["."]).then((results) => {
        const typescript = Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]typescript[\\/]/.test(file));
        console.log(JSON.stringify({ findings: results.reduce((sum, result) => sum + result.messages.length, 0), typescript }));
      });`;
    const output = execFileSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: path.resolve(__dirname, "../..") });
    expect(JSON.parse(output)).toEqual({ findings: markedFindings("layered-api/express-js").length, typescript: false });
  });
});

describe("config helpers", () => {
  it("composes with typescript-eslint's configs and ESLint's defineConfig", async () => {
    const tseslint = (await import("typescript-eslint")).default;
    const { defineConfig } = await import("eslint/config");
    const { ESLint } = await import("eslint");
    const config = defineConfig(tseslint.configs.base, plugin.configs.recommended, {
      // Only this plugin's findings are compared; typescript-eslint's own rules stay off.
      files: [SOURCES],
    });
    expect(await findings(ESLint as unknown as ESLintClass, config)).toEqual(markedFindings("vulnerable-api"));
  });

  it("strict and all configs register the plugin under its name and only name its rules", () => {
    for (const config of [plugin.configs.recommended, plugin.configs.strict, plugin.configs.all]) {
      expect(config.plugins?.["dynamodb-security"]).toBe(plugin);
      for (const id of Object.keys(config.rules ?? {})) expect(plugin.rules).toHaveProperty(id.replace("dynamodb-security/", ""));
    }
  });
});
