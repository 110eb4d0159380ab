// Fix safety for every rule in rules/index.ts, whatever rules exist: every autofix and suggestion on the
// incorrect examples of each rule's documentation (default options, strict options, and `autofix: true`
// where the rule has it) and on the example fixtures (fixtures/**, every rule at strict options) must
// parse, keep every comment and be stable. Rule test cases get the same check through runRuleTests.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index";
import { fixSafetyProblems, hasAutofixOption } from "../rule-tester";
import { allRulesStrict } from "./synthetic";

const root = path.resolve(__dirname, "../..");
const PLUGIN = "dynamodb-security";

/** The incorrect examples of a rule doc: ```js incorrect / ```ts incorrect blocks. */
function incorrectExamples(markdown: string): Array<{ language: "js" | "ts"; code: string; line: number }> {
  const examples: Array<{ language: "js" | "ts"; code: string; line: number }> = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(js|ts) incorrect\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith("```")) end++;
    examples.push({ language: open[1] as "js" | "ts", code: lines.slice(start, end).join("\n"), line: start });
    i = end;
  }
  return examples;
}

function optionVariants(name: string): Array<{ label: string; entry: Linter.RuleEntry }> {
  const rule = plugin.rules[name];
  const strict = (rule.meta.docs as { strictOptions?: Record<string, unknown> } | undefined)?.strictOptions;
  const variants: Array<{ label: string; entry: Linter.RuleEntry }> = [{ label: "default options", entry: "error" }];
  if (strict) variants.push({ label: "strict options", entry: ["error", strict] });
  if (hasAutofixOption(rule)) variants.push({ label: "autofix", entry: ["error", { ...(strict ?? {}), autofix: true }] });
  return variants;
}

function fixtureFiles(): string[] {
  const folder = path.join(root, "fixtures");
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:[cm]?[jt]s|[jt]sx)$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes("node_modules"))
    .sort();
}

describe("fix safety of every rule's documented incorrect examples", () => {
  it("every registered rule has a doc to take examples from", () => {
    for (const name of Object.keys(plugin.rules)) expect(existsSync(path.join(root, "rules", `${name}.md`)), `rules/${name}.md`).toBe(true);
  });

  for (const name of Object.keys(plugin.rules)) {
    const doc = path.join(root, "rules", `${name}.md`);
    if (!existsSync(doc)) continue;
    for (const example of incorrectExamples(readFileSync(doc, "utf8"))) {
      for (const { label, entry } of optionVariants(name)) {
        it(`${name}: example at rules/${name}.md:${example.line} (${label})`, () => {
          const problems = fixSafetyProblems({
            code: example.code,
            filename: `example.${example.language}`,
            plugins: { [PLUGIN]: plugin },
            rules: { [`${PLUGIN}/${name}`]: entry },
          });
          expect(problems).toEqual([]);
        });
      }
    }
  }
});

describe("fix safety on the example fixtures, every rule at strict options", () => {
  const files = fixtureFiles();
  if (files.length === 0) it.skip("no fixtures/ yet", () => {});
  for (const file of files) {
    it(path.relative(root, file), () => {
      const problems = fixSafetyProblems({
        code: readFileSync(file, "utf8"),
        filename: file,
        languageOptions: /\.c[jt]s$/.test(file) ? { sourceType: "commonjs" } : {},
        plugins: { [PLUGIN]: plugin },
        rules: allRulesStrict(),
      });
      expect(problems).toEqual([]);
    });
  }
});
