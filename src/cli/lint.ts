import path from "node:path";
import { ESLint, type Linter } from "eslint";
import * as typescriptParser from "@typescript-eslint/parser";
import plugin from "../index";
import { PLUGIN_NAME, type ConfigName } from "../configs";
import type { DynamoDBSecuritySettings } from "../settings";

const OWN_RULE_IDS: ReadonlySet<string> = new Set(Object.keys(plugin.rules).map((name) => `${PLUGIN_NAME}/${name}`));

export function isOwnRuleId(ruleId: string | null): boolean {
  return ruleId !== null && OWN_RULE_IDS.has(ruleId);
}

/** ESLint words every parse failure "Parsing error: ..."; other rule-less fatal messages (e.g. `eslint-env`) are not ours. */
export function isParseError(message: Linter.LintMessage): boolean {
  return message.ruleId === null && message.fatal === true && message.message.startsWith("Parsing error");
}

function isReported(message: Linter.LintMessage): boolean {
  return isParseError(message) || isOwnRuleId(message.ruleId);
}

/** The flat config of a run: every JS/TS file through the TypeScript parser, no type information, one plugin config. */
export function cliConfig(configName: ConfigName, settings?: DynamoDBSecuritySettings): Linter.Config[] {
  const parser = typescriptParser as unknown as Linter.Parser;
  const linterOptions: Linter.LinterOptions = {
    // Unused directives name other tools' rules far more often than ours: they are not findings.
    reportUnusedDisableDirectives: "off",
    reportUnusedInlineConfigs: "off",
  };
  return [
    {
      name: "dynamodb-security/cli/javascript",
      files: ["**/*.js", "**/*.mjs", "**/*.jsx"],
      languageOptions: { parser, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
      linterOptions,
    },
    {
      name: "dynamodb-security/cli/commonjs",
      files: ["**/*.cjs", "**/*.cts"],
      languageOptions: { parser, sourceType: "commonjs" },
      linterOptions,
    },
    {
      name: "dynamodb-security/cli/typescript",
      files: ["**/*.ts", "**/*.mts"],
      // JSX off: `<Type>value` is a type assertion in .ts files.
      languageOptions: { parser, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: false } } },
      linterOptions,
    },
    {
      name: "dynamodb-security/cli/tsx",
      files: ["**/*.tsx"],
      languageOptions: { parser, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
      linterOptions,
    },
    plugin.configs[configName] as Linter.Config,
    ...(settings ? [{ name: "dynamodb-security/cli/settings", settings: { "dynamodb-security": settings } }] : []),
  ];
}

/** The deepest folder that contains all of `paths`: ESLint skips files outside its `cwd`. */
function commonAncestor(paths: readonly string[]): string {
  let ancestor = paths[0];
  for (const candidate of paths.slice(1)) {
    while (path.relative(ancestor, candidate).startsWith("..") || path.isAbsolute(path.relative(ancestor, candidate))) {
      ancestor = path.dirname(ancestor);
    }
  }
  return ancestor;
}

/** `result` with `messages` in place of its own, and the counts recomputed to match. */
export function withMessages(result: ESLint.LintResult, messages: Linter.LintMessage[]): ESLint.LintResult {
  const count = (severity: number, fixable: boolean) =>
    messages.filter((message) => message.severity === severity && (!fixable || message.fix !== undefined)).length;
  return {
    ...result,
    messages,
    errorCount: count(2, false),
    fatalErrorCount: messages.filter((message) => message.fatal === true).length,
    warningCount: count(1, false),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
  };
}

function withOnlyReportedMessages(result: ESLint.LintResult): ESLint.LintResult {
  return {
    ...withMessages(result, result.messages.filter(isReported)),
    suppressedMessages: result.suppressedMessages.filter((message) => isOwnRuleId(message.ruleId)),
  };
}

export interface LintRun {
  eslint: ESLint;
  results: ESLint.LintResult[];
}

/**
 * Lints `files` (absolute paths) and keeps only this plugin's findings and parse errors: inline
 * directives may name or enable any other tool's rules, and those must neither fail nor fix anything here.
 */
export async function lintFiles(
  files: readonly string[],
  options: { cwd: string; configName: ConfigName; fix: boolean; settings?: DynamoDBSecuritySettings },
): Promise<LintRun> {
  const eslint = new ESLint({
    cwd: commonAncestor([options.cwd, ...files]),
    overrideConfigFile: true,
    overrideConfig: cliConfig(options.configName, options.settings),
    // The file list is final: names such as `app/notes/[id]/route.ts` are paths, not glob patterns.
    globInputPaths: false,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    fix: options.fix ? (message) => isOwnRuleId(message.ruleId) : false,
  });
  const results = files.length === 0 ? [] : await eslint.lintFiles([...files]);
  if (options.fix) await ESLint.outputFixes(results);
  return { eslint, results: results.map(withOnlyReportedMessages) };
}
