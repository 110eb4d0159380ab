// Every example in the rule docs is linted with its rule, so the docs cannot drift from the behaviour.
//
// An example is a fenced block whose info string is `<language> <kind> [filename=<path>]`:
//   language  js | jsx | ts | tsx
//   kind      incorrect (must report the rule at least once) | correct (must not report it)
//   filename  optional path the example is linted as, for rules that care where the code lives
//             (e.g. filename=app/api/notes/[id]/route.ts)
// Options go in an inline config comment: /* eslint dynamodb-security/<rule>: ["error", { ... }] */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Linter } from "eslint";
import * as typescriptParser from "@typescript-eslint/parser";
import globals from "globals";
import { describe, expect, it } from "vitest";
import plugin from "../src/index";
import { rules } from "../rules";

const RULES_DIRECTORY = path.resolve(__dirname, "../rules");
const LANGUAGES = ["js", "jsx", "ts", "tsx"] as const;
const KINDS = ["incorrect", "correct"] as const;

interface Example {
  language: (typeof LANGUAGES)[number];
  kind: (typeof KINDS)[number];
  filename: string;
  code: string;
  /** Line of the opening fence in the doc. */
  line: number;
}

const OPENING_FENCE = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))(.*)$/;

/** The example blocks of a Markdown document (CommonMark fences; other fenced blocks are skipped). */
function examples(markdown: string): Example[] {
  const lines = markdown.split(/\r?\n/);
  const found: Example[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING_FENCE.exec(lines[index]);
    if (!opening) continue;
    const [, fence, info] = opening;
    const isClosing = (line: string) => {
      const trimmed = line.trim();
      return trimmed.length >= fence.length && [...trimmed].every((character) => character === fence[0]);
    };
    let end = index + 1;
    while (end < lines.length && !isClosing(lines[end])) end++;

    const [language, kind, ...attributes] = info.trim().split(/\s+/);
    if (
      (LANGUAGES as readonly string[]).includes(language) &&
      (KINDS as readonly string[]).includes(kind)
    ) {
      const filename = attributes.find((attribute) => attribute.startsWith("filename="))?.slice("filename=".length);
      found.push({
        language: language as Example["language"],
        kind: kind as Example["kind"],
        filename: filename ?? `example.${language}`,
        code: lines.slice(index + 1, end).join("\n"),
        line: index + 1,
      });
    }
    index = end;
  }
  return found;
}

/**
 * What most configurations declare (`languageOptions.globals`): with them `console`, `process` and `require`
 * resolve to global variables instead of staying unresolved, and the rules must not tell the two apart.
 */
const DECLARED_GLOBALS = { ...globals.browser, ...globals.node };

function lintExample(ruleName: string, example: Example, declaredGlobals?: Linter.Globals): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat" });
  const jsx = example.language === "jsx" || example.language === "tsx";
  return linter.verify(
    example.code,
    [
      {
        files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
        languageOptions: {
          parser: typescriptParser as unknown as Linter.Parser,
          sourceType: "module",
          parserOptions: { ecmaFeatures: { jsx } },
          ...(declaredGlobals && { globals: declaredGlobals }),
        },
        linterOptions: { reportUnusedDisableDirectives: "off" },
        plugins: { "dynamodb-security": plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
        rules: { [`dynamodb-security/${ruleName}`]: "error" },
      },
    ],
    { filename: example.filename },
  );
}

const ruleNames = Object.keys(rules).sort();
const documentedNames = readdirSync(RULES_DIRECTORY)
  .filter((file) => file.endsWith(".md"))
  .map((file) => file.slice(0, -".md".length))
  .sort();

it("every rule has a doc in rules/<name>.md and every doc a rule", () => {
  expect(documentedNames).toEqual(ruleNames);
});

it("finds examples the way the docs write them", () => {
  const markdown = [
    "```ts incorrect",
    "const a = 1;",
    "```",
    "````js correct filename=app/api/notes/[id]/route.js",
    "```",
    "still code",
    "````",
    "```json",
    "{}",
    "```",
    "~~~tsx correct",
    "<a />",
    "~~~",
  ].join("\n");
  expect(examples(markdown)).toEqual([
    { language: "ts", kind: "incorrect", filename: "example.ts", code: "const a = 1;", line: 1 },
    { language: "js", kind: "correct", filename: "app/api/notes/[id]/route.js", code: "```\nstill code", line: 4 },
    { language: "tsx", kind: "correct", filename: "example.tsx", code: "<a />", line: 11 },
  ]);
});

describe.each(ruleNames.filter((name) => documentedNames.includes(name)))("rules/%s.md", (ruleName) => {
  const ruleId = `dynamodb-security/${ruleName}`;
  const ruleExamples = examples(readFileSync(path.join(RULES_DIRECTORY, `${ruleName}.md`), "utf8"));

  it("has incorrect and correct examples", () => {
    expect(ruleExamples.some((example) => example.kind === "incorrect"), "no ```js incorrect / ```ts incorrect block").toBe(true);
    expect(ruleExamples.some((example) => example.kind === "correct"), "no ```js correct / ```ts correct block").toBe(true);
  });

  it.each(ruleExamples.map((example) => [`${example.language} ${example.kind} example at line ${example.line}`, example] as const))(
    "%s",
    (_title, example) => {
      const messages = lintExample(ruleName, example);
      expect(messages.filter((message) => message.fatal), "the example does not parse").toEqual([]);
      const reports = messages.filter((message) => message.ruleId === ruleId);
      if (example.kind === "incorrect") {
        expect(reports.length, `${ruleId} reports nothing in an incorrect example`).toBeGreaterThan(0);
      } else {
        expect(reports, `${ruleId} reports a correct example`).toEqual([]);
      }
      // The same reports when the configuration declares Node's and the browser's globals.
      const withGlobals = lintExample(ruleName, example, DECLARED_GLOBALS).filter((message) => message.ruleId === ruleId);
      expect(withGlobals.map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual(reports.map((message) => `${message.line}:${message.column} ${message.message}`));
    },
  );
});
