// The rule test harness every rule's tests use: typescript-eslint's RuleTester, plus fix safety for every
// invalid case. Each autofix (also with `autofix: true` merged into the options, where the rule has that
// option) and each suggestion is applied, and the output must parse, must keep every comment, and must be
// stable: a second fix pass changes nothing, and a suggestion applied twice changes nothing the second time.
//
//   import { runRuleTests } from "../rule-tester";
//   runRuleTests("no-insecure-transport", rule, { valid: [...], invalid: [...] });
import path from "node:path";
import { Linter } from "eslint";
import * as tsParser from "@typescript-eslint/parser";
import globals from "globals";
import { RuleTester, type InvalidTestCase, type RuleTesterConfig, type RunTests } from "@typescript-eslint/rule-tester";
import type { TSESLint } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { clearProjectModules } from "../src/analysis";
import { clearProjectCaches } from "../src/analysis/project";

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;

/** One file to lint and fix: the code, how to parse it, and which rules (with options) to run. */
export interface FixCheckTarget {
  code: string;
  filename: string;
  languageOptions?: Linter.LanguageOptions;
  settings?: Record<string, unknown>;
  plugins: Record<string, unknown>;
  rules: Linter.RulesRecord;
}

/** Does the rule's first option object declare `autofix`? */
export function hasAutofixOption(rule: { meta: { schema?: unknown } }): boolean {
  const schema = rule.meta.schema;
  const first = Array.isArray(schema) ? schema[0] : undefined;
  const properties = first && typeof first === "object" ? (first as { properties?: Record<string, unknown> }).properties : undefined;
  return properties !== undefined && Object.hasOwn(properties, "autofix");
}

function linterFor(filename: string): Linter {
  // Absolute file names must lie under the linter's cwd.
  return new Linter({ configType: "flat", cwd: path.isAbsolute(filename) ? path.parse(filename).root : undefined });
}

/** The parser a target is linted with: typescript-eslint's (as the rule tests run), or ESLint's default, espree. */
type ParserChoice = "typescript" | "default";

function configOf(target: FixCheckTarget, withRules: boolean, parser: ParserChoice = "typescript"): Linter.Config[] {
  const extension = path.extname(target.filename) || ".js";
  const { parserOptions, parser: caseParser, ...languageOptions } = target.languageOptions ?? {};
  // RuleTester cases set the source type either way: languageOptions.sourceType or parserOptions.sourceType.
  const sourceType = languageOptions.sourceType ?? (parserOptions as { sourceType?: Linter.SourceType } | undefined)?.sourceType;
  return [
    {
      files: [`**/*${extension}`],
      languageOptions: {
        ...(parser === "typescript" ? { parser: (caseParser ?? tsParser) as Linter.Parser } : {}),
        ecmaVersion: "latest",
        sourceType: "module",
        ...languageOptions,
        ...(sourceType ? { sourceType } : {}),
        parserOptions:
          parser === "typescript"
            ? { ecmaFeatures: { jsx: /\.[jt]sx$/.test(target.filename) }, ...(parserOptions as object | undefined) }
            : { ecmaFeatures: { jsx: /\.[jt]sx$/.test(target.filename) || Boolean((parserOptions as { ecmaFeatures?: { jsx?: boolean } } | undefined)?.ecmaFeatures?.jsx) } },
      },
      // Directives in test code may name rules that are not loaded here.
      linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
      settings: target.settings ?? {},
      plugins: withRules ? (target.plugins as Linter.Config["plugins"]) : {},
      rules: withRules ? target.rules : {},
    },
  ];
}

function lint(target: FixCheckTarget, code: string, parser: ParserChoice = "typescript"): Linter.LintMessage[] {
  return linterFor(target.filename).verify(code, configOf(target, true, parser), target.filename);
}

/** What a finding says and offers, for comparing two lints of the same code. */
function describeMessage(message: Linter.LintMessage): string {
  const fix = (fix: Linter.LintMessage["fix"]) => (fix ? `${fix.range.join("-")}:${JSON.stringify(fix.text)}` : "");
  const suggestions = (message.suggestions ?? []).map((suggestion) => `${suggestion.desc} ${fix(suggestion.fix)}`);
  return [`${message.line}:${message.column}-${message.endLine}:${message.endColumn}`, message.ruleId, message.message, fix(message.fix), ...suggestions].join(" | ");
}

/**
 * How the findings of the target differ when ESLint's default parser (espree) parses it instead of the
 * typescript-eslint parser: "missing with espree: ..." and "only with espree: ..." lines, or a crash. Plain
 * JavaScript projects lint with espree and its scope analysis (eslint-scope), whose trees lack the
 * TypeScript-only fields (`decorators`, `typeAnnotation`, ...); the analysis must give the same answers on
 * both. Undefined when espree cannot parse the code (TypeScript syntax).
 */
export function defaultParserDifferences(target: FixCheckTarget, { declareGlobals = false } = {}): string[] | undefined {
  if (parseError(target, target.code, "default") !== undefined) return undefined;
  // A CommonJS project usually declares Node's globals (`globals.node`): `console`, `process` then resolve to
  // variables instead of staying unresolved, and the findings must not change.
  const espreeTarget = declareGlobals ? { ...target, languageOptions: { ...target.languageOptions, globals: { ...globals.browser, ...globals.node } } } : target;
  // Other modules a case imports are parsed afresh each time, by the parser of the file that imports them.
  const forgetModules = () => {
    clearProjectModules();
    clearProjectCaches();
  };
  let withEspree: string[];
  try {
    forgetModules();
    withEspree = lint(espreeTarget, target.code, "default").map(describeMessage);
  } catch (error) {
    return [`crashes with espree: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
  forgetModules();
  const withTypescript = lint(target, target.code).map(describeMessage);
  const remaining = new Map<string, number>();
  for (const message of withEspree) remaining.set(message, (remaining.get(message) ?? 0) + 1);
  const differences: string[] = [];
  for (const message of withTypescript) {
    const count = remaining.get(message) ?? 0;
    if (count > 0) remaining.set(message, count - 1);
    else differences.push(`missing with espree: ${message}`);
  }
  for (const [message, count] of remaining) for (let i = 0; i < count; i++) differences.push(`only with espree: ${message}`);
  return differences;
}

/** The parse error of `code`, or undefined when it parses as the target's language. */
function parseError(target: FixCheckTarget, code: string, parser: ParserChoice = "typescript"): string | undefined {
  const fatal = linterFor(target.filename)
    .verify(code, configOf(target, false, parser), target.filename)
    .find((message) => message.fatal);
  return fatal?.message;
}

/** Comments of `code` as "Line:text" / "Block:text" (empty when it does not parse). */
function commentsOf(target: FixCheckTarget, code: string): string[] {
  const languageOptions = target.languageOptions ?? {};
  try {
    const { ast } = tsParser.parseForESLint(code, {
      ecmaVersion: "latest",
      ecmaFeatures: { jsx: /\.[jt]sx$/.test(target.filename) },
      ...(languageOptions.parserOptions as object | undefined),
      sourceType:
        (languageOptions.sourceType as "module" | "script" | "commonjs" | undefined) ??
        (languageOptions.parserOptions as { sourceType?: "module" | "script" | "commonjs" } | undefined)?.sourceType ??
        "module",
      comment: true,
      range: true,
      filePath: target.filename,
    });
    return (ast.comments ?? []).map((comment) => `${comment.type}:${comment.value}`);
  } catch {
    return [];
  }
}

/** The comments of `before` that `after` no longer has (as a multiset). */
function removedComments(target: FixCheckTarget, before: string, after: string): string[] {
  const remaining = new Map<string, number>();
  for (const comment of commentsOf(target, after)) remaining.set(comment, (remaining.get(comment) ?? 0) + 1);
  const removed: string[] = [];
  for (const comment of commentsOf(target, before)) {
    const count = remaining.get(comment) ?? 0;
    if (count > 0) remaining.set(comment, count - 1);
    else removed.push(comment);
  }
  return removed;
}

function applyFix(code: string, fix: { range: readonly [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

function offsetOf(code: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = code.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

const short = (text: string) => (text.length > 3000 ? `${text.slice(0, 3000)}…` : text);

/**
 * Every fix-safety problem of the target's findings, as readable strings (empty when all is well):
 * outputs that do not parse, removed comments, autofixes that do not converge, suggestions that change
 * the code again when applied a second time.
 */
export function fixSafetyProblems(target: FixCheckTarget): string[] {
  const problems: string[] = [];
  const { code } = target;
  const all = lint(target, code);
  const fatal = all.find((message) => message.fatal);
  if (fatal) return [`${target.filename}: the code does not parse (${fatal.message})`];
  const messages = all.filter((message) => message.ruleId !== null);
  const where = (message: Linter.LintMessage) => `${target.filename}:${message.line}:${message.column} ${message.ruleId}`;

  const checkOutput = (label: string, output: string) => {
    const error = parseError(target, output);
    if (error) {
      problems.push(`${label}: output does not parse (${error}):\n${short(output)}`);
      return false;
    }
    const removed = removedComments(target, code, output);
    if (removed.length > 0) problems.push(`${label}: removes comment(s) ${removed.map((comment) => JSON.stringify(comment)).join(", ")}`);
    return true;
  };

  for (const message of messages) {
    if (message.fix) checkOutput(`fix of ${where(message)}`, applyFix(code, message.fix));
    for (const suggestion of message.suggestions ?? []) {
      const label = `suggestion "${suggestion.desc}" of ${where(message)}`;
      const output = applyFix(code, suggestion.fix);
      if (output === code) {
        problems.push(`${label}: changes nothing`);
        continue;
      }
      if (!checkOutput(label, output)) continue;
      // Applied twice: the same finding at the same place must not offer the same suggestion with another change.
      const [start, end] = suggestion.fix.range;
      const inserted = suggestion.fix.text.length;
      const delta = inserted - (end - start);
      const offset = offsetOf(code, message.line, message.column);
      const inside = offset >= start && offset < end;
      const moved = offset < start ? offset : inside ? start : offset + delta;
      for (const again of lint(target, output)) {
        if (again.ruleId !== message.ruleId || again.messageId !== message.messageId || again.message !== message.message) continue;
        const at = offsetOf(output, again.line, again.column);
        // A finding inside the replaced range is the same one only if it lies in the inserted text; after a
        // pure removal, whatever now starts there is a different finding (the next statement or property).
        if (!(inside ? at >= start && at < start + inserted : at === moved)) continue;
        for (const repeat of again.suggestions ?? []) {
          if (repeat.desc !== suggestion.desc) continue;
          const twice = applyFix(output, repeat.fix);
          if (twice !== output) problems.push(`${label}: applied a second time it changes the code again:\n${short(twice)}`);
        }
      }
    }
  }

  if (messages.some((message) => message.fix)) {
    const linter = linterFor(target.filename);
    const config = configOf(target, true);
    const fixed = linter.verifyAndFix(code, config, target.filename);
    const fatal = fixed.messages.find((message) => message.fatal);
    if (fatal) problems.push(`--fix of ${target.filename}: output does not parse (${fatal.message}):\n${short(fixed.output)}`);
    else {
      const removed = removedComments(target, code, fixed.output);
      if (removed.length > 0) problems.push(`--fix of ${target.filename}: removes comment(s) ${removed.map((comment) => JSON.stringify(comment)).join(", ")}`);
      const again = linter.verifyAndFix(fixed.output, config, target.filename);
      if (again.output !== fixed.output) problems.push(`--fix of ${target.filename}: does not converge; a second --fix changes the code again:\n${short(again.output)}`);
    }
  }
  return problems;
}

/** The option variants fix safety checks for a test case: as written, and with `autofix: true` where the rule has it. */
function optionVariants(rule: AnyRule, options: readonly unknown[] | undefined): unknown[][] {
  const variants: unknown[][] = [[...(options ?? [])]];
  if (hasAutofixOption(rule)) {
    const [first, ...rest] = options ?? [];
    const object = first && typeof first === "object" ? (first as Record<string, unknown>) : {};
    if (object.autofix !== true) variants.push([{ ...object, autofix: true }, ...rest]);
  }
  return variants;
}

/** A rule test case as a lint target: its code, file name, language options and settings, and the rule with the case's options. */
function targetOf(
  name: string,
  rule: AnyRule,
  testCase: { code: string; filename?: string; languageOptions?: unknown; settings?: Record<string, unknown> },
  options: readonly unknown[],
  config: RuleTesterConfig | undefined,
): FixCheckTarget {
  const languageOptions = { ...(config?.languageOptions ?? {}), ...((testCase.languageOptions as object | undefined) ?? {}) } as Linter.LanguageOptions;
  const jsx = Boolean((languageOptions.parserOptions as { ecmaFeatures?: { jsx?: boolean } } | undefined)?.ecmaFeatures?.jsx);
  return {
    code: testCase.code,
    filename: testCase.filename ?? (jsx ? "react.tsx" : "file.ts"),
    languageOptions,
    settings: { ...(config?.settings ?? {}), ...(testCase.settings ?? {}) },
    plugins: { "rule-under-test": { rules: { [name]: rule } } },
    rules: { [`rule-under-test/${name}`]: ["error", ...options] as Linter.RuleEntry },
  };
}

/** Fix-safety problems of one invalid test case, for each option variant. */
export function checkFixSafety<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  testCase: InvalidTestCase<MessageIds, Options>,
  config: RuleTesterConfig | undefined = undefined,
): string[] {
  const anyRule = rule as unknown as AnyRule;
  const problems: string[] = [];
  optionVariants(anyRule, testCase.options).forEach((options, variant) => {
    const found = fixSafetyProblems(targetOf(name, anyRule, testCase, options, config));
    const label = variant === 0 ? "" : ` [options ${JSON.stringify(options)}]`;
    problems.push(...found.map((problem) => `${problem}${label}`));
  });
  return [...new Set(problems)];
}

/** A test's title for a case: its name, or its position and first line. */
function caseTitle(testCase: { name?: string; code: string }, label: string): string {
  return testCase.name ?? `${label}: ${testCase.code.trim().split("\n")[0].slice(0, 60)}`;
}

/**
 * RuleTester's tests for `rule`, then fix safety for every invalid case. Use this instead of
 * `new RuleTester().run(...)` in tests/rules/<name>.test.ts.
 */
export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: RunTests<MessageIds, Options>,
  config?: RuleTesterConfig,
): void {
  new RuleTester(config).run(name, rule, tests);
  describe(`${name}: fix safety`, () => {
    tests.invalid.forEach((testCase, i) => {
      const title = caseTitle(testCase, `invalid #${i + 1}`);
      it(title, () => {
        expect(checkFixSafety(name, rule, testCase, config)).toEqual([]);
      });
    });
  });
  // Every case that is plain JavaScript gives the same findings, fixes and suggestions on ESLint's default parser:
  // as CommonJS where it has no import or export (top-level bindings then live in a function scope; Node's and the
  // browser's globals declared, as such projects configure them), else as a module.
  const plainJavaScript = [
    ...tests.valid.map((testCase, i) => ({ testCase: typeof testCase === "string" ? { code: testCase } : testCase, label: `valid #${i + 1}` })),
    ...tests.invalid.map((testCase, i) => ({ testCase, label: `invalid #${i + 1}` })),
  ].flatMap(({ testCase, label }) => {
    const target = targetOf(name, rule as unknown as AnyRule, testCase, (testCase as { options?: readonly unknown[] }).options ?? [], config);
    const title = caseTitle(testCase, label);
    const ownSourceType = target.languageOptions?.sourceType ?? (target.languageOptions?.parserOptions as { sourceType?: string } | undefined)?.sourceType;
    const commonjs = { ...target, languageOptions: { ...target.languageOptions, sourceType: "commonjs" as const } };
    if (!ownSourceType && parseError(commonjs, commonjs.code, "default") === undefined) return [{ title: `${title} (CommonJS, Node globals)`, target: commonjs, declareGlobals: true }];
    return parseError(target, target.code, "default") === undefined ? [{ title, target, declareGlobals: false }] : [];
  });
  if (plainJavaScript.length === 0) return;
  describe(`${name}: ESLint's default parser`, () => {
    for (const { title, target, declareGlobals } of plainJavaScript) {
      it(title, () => {
        expect(defaultParserDifferences(target, { declareGlobals })).toEqual([]);
      });
    }
  });
}
