import type { TSESLint } from "@typescript-eslint/utils";
// The subpath, not the package's index: the index also loads typescript-eslint's ESLint classes and its scope
// manager (226 modules, 60 ms of every lint run that uses ESLint's default parser); this is 8 modules.
import * as ESLintUtils from "@typescript-eslint/utils/eslint-utils";
import type { RuleWithMetaAndName } from "@typescript-eslint/utils/eslint-utils";

export const REPOSITORY_URL = "https://github.com/eslint-plugin-dynamodb-security/eslint-plugin-dynamodb-security";

/** Extra `meta.docs` fields every rule of this plugin declares; configs and docs are generated from them. */
export interface DynamoDBSecurityDocs {
  description: string;
  /** In `configs.recommended` (and so in `strict` and `all`). */
  recommended: boolean;
  /** Options `configs.strict` sets for this rule (the rule is in `strict` when recommended or when this is set). */
  strictOptions?: Record<string, unknown>;
  /** CWE identifiers, e.g. `["CWE-295"]`. */
  cwe: readonly string[];
  /** OWASP API Security Top 10 (2023) entry, where one fits, e.g. `"API8:2023"`. */
  owasp?: string;
  /** Severity for code scanning (SARIF `security-severity`, 0.0–10.0). */
  securitySeverity: number;
}

const ruleCreator = ESLintUtils.RuleCreator<DynamoDBSecurityDocs>((name) => `${REPOSITORY_URL}/blob/main/rules/${name}.md`);

/** Option sets remembered per rule; a project has a handful, a bound keeps a pathological caller from growing it. */
const MAX_REMEMBERED_OPTIONS = 64;

/**
 * The rule factory: `ESLintUtils.RuleCreator` (docs URL, `meta.defaultOptions` merged into the options the
 * rule's `create` receives), with the merged options remembered. RuleCreator deep-clones the defaults on
 * every `create`, that is once per rule per linted file; on projects of small files that clone was the
 * largest single cost of the plugin. ESLint hands each file a fresh copy of the same options: compared
 * with the last ones structurally (cheap: options are small), else looked up by their JSON text. Rules treat
 * options as read-only.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, DynamoDBSecurityDocs>>,
): ESLintUtils.RuleModule<MessageIds, Options, DynamoDBSecurityDocs> {
  const created = ruleCreator<Options, MessageIds>(rule);
  const defaults = (rule.meta.defaultOptions ?? []) as Options;
  // The options last seen, and what they merged into: ESLint hands every file a fresh but equal copy.
  let lastGiven: readonly unknown[] | undefined;
  let lastOptions: Options | undefined;
  const byText = new Map<string, Options>();
  const optionsFor = (given: readonly unknown[]): Options => {
    if (lastOptions && (given === lastGiven || equalOptions(given, lastGiven, 0))) {
      lastGiven = given;
      return lastOptions;
    }
    const text = JSON.stringify(given);
    let options = byText.get(text);
    if (!options) {
      options = ESLintUtils.applyDefault<Options, Options>(defaults, given as Options);
      if (byText.size >= MAX_REMEMBERED_OPTIONS) byText.clear();
      byText.set(text, options);
    }
    lastGiven = given;
    lastOptions = options;
    return options;
  };
  return {
    ...created,
    create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>): TSESLint.RuleListener {
      return rule.create(context, optionsFor(context.options));
    },
  };
}

/** Structural equality of JSON-like option values (arrays, plain objects, primitives), for small values. */
function equalOptions(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (depth > 8 || typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalOptions(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !equalOptions((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}
