// The rule registry: one entry per rule module. Configs and the README table are generated from each rule's meta.
import type { TSESLint } from "@typescript-eslint/utils";
import noHardcodedCredentials from "./no-hardcoded-credentials";

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  "no-hardcoded-credentials": noHardcodedCredentials as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
};
