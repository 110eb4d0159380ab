// Every regular expression of the plugin is linear-time: the self-lint keeps eslint-plugin-regexp's
// super-linear checks on as errors, the sources pass them, and no pattern is built at run time from text
// the linter cannot check.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const CHECKS = ["regexp/no-super-linear-backtracking", "regexp/no-super-linear-move"];

function sources(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(path.join(entry.parentPath, entry.name));
  }
  return files;
}

describe("linear-time regular expressions", () => {
  it("the project config reports super-linear backtracking and moves as errors", () => {
    const config = readFileSync(path.join(root, "eslint.config.mjs"), "utf8");
    for (const check of CHECKS) expect(config).toContain(`"${check}": "error"`);
  });

  it("src/ and rules/ pass both checks", async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        (await import("eslint-plugin-regexp")).configs["flat/recommended"],
        {
          files: ["**/*.ts"],
          languageOptions: { parser: (await import("@typescript-eslint/parser")) as never },
          linterOptions: { noInlineConfig: true },
          rules: Object.fromEntries(CHECKS.map((check) => [check, "error"])),
        },
      ],
    });
    const results = await eslint.lintFiles([...sources("src"), ...sources("rules")]);
    const problems = results.flatMap((result) =>
      result.messages.filter((message) => message.ruleId && CHECKS.includes(message.ruleId)).map((message) => `${path.relative(root, result.filePath)}:${message.line} ${message.message}`),
    );
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(10);
  }, 180_000);

  it("no pattern is compiled at run time (new RegExp / RegExp()) where the linter cannot check it", () => {
    const dynamic = [...sources("src"), ...sources("rules")].filter((file) => /\bRegExp\s*\(/.test(readFileSync(file, "utf8")));
    expect(dynamic.map((file) => path.relative(root, file))).toEqual([]);
  });
});
