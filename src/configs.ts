import type { ESLint, Linter } from "eslint";
import type { TSESLint } from "@typescript-eslint/utils";
import type { DynamoDBSecurityDocs } from "./utils/create-rule";

export const PLUGIN_NAME = "dynamodb-security";
export type ConfigName = "recommended" | "strict" | "all";

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;
type RuleEntry = TSESLint.Linter.RuleEntry;

function docsOf(rule: AnyRule): DynamoDBSecurityDocs {
  return rule.meta.docs as unknown as DynamoDBSecurityDocs;
}

/** Rule settings of each config, derived from rule meta (the single source of truth). */
export function ruleSettings(rules: Record<string, AnyRule>, config: ConfigName): Record<string, RuleEntry> {
  const entries: Record<string, RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = docsOf(rule);
    const id = `${PLUGIN_NAME}/${name}`;
    if (config === "all") {
      entries[id] = "error";
    } else if (config === "recommended") {
      if (docs.recommended) entries[id] = "error";
    } else if (docs.strictOptions) {
      entries[id] = ["error", docs.strictOptions];
    } else if (docs.recommended) {
      entries[id] = "error";
    }
  }
  return entries;
}

export function createConfigs(
  plugin: ESLint.Plugin,
  rules: Record<string, AnyRule>,
): Record<ConfigName, Linter.Config> {
  const make = (config: ConfigName): Linter.Config => ({
    name: `${PLUGIN_NAME}/${config}`,
    plugins: { [PLUGIN_NAME]: plugin },
    rules: ruleSettings(rules, config),
  });
  return { recommended: make("recommended"), strict: make("strict"), all: make("all") };
}
