// The rule registry: one entry per rule module. Configs and the README table are generated from each rule's meta.
import type { TSESLint } from "@typescript-eslint/utils";

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {};
