import { ESLintUtils } from "@typescript-eslint/utils";

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

export const createRule = ESLintUtils.RuleCreator<DynamoDBSecurityDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/rules/${name}.md`,
);
