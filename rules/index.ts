// The rule registry: one entry per rule module. Configs and the README table are generated from each rule's meta.
import type { TSESLint } from "@typescript-eslint/utils";
import noExpressionInjection from "./no-expression-injection";
import noHardcodedCredentials from "./no-hardcoded-credentials";
import noInsecureTransport from "./no-insecure-transport";
import noRequestControlledInput from "./no-request-controlled-input";
import noSensitiveLogging from "./no-sensitive-logging";
import requireOwnershipCheck from "./require-ownership-check";

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;

export const rules: Record<string, AnyRule> = {
  "no-expression-injection": noExpressionInjection as unknown as AnyRule,
  "no-hardcoded-credentials": noHardcodedCredentials as unknown as AnyRule,
  "no-insecure-transport": noInsecureTransport as unknown as AnyRule,
  "no-request-controlled-input": noRequestControlledInput as unknown as AnyRule,
  "no-sensitive-logging": noSensitiveLogging as unknown as AnyRule,
  "require-ownership-check": requireOwnershipCheck as unknown as AnyRule,
};
