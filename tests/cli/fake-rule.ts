import { createRule } from "../../src/utils/create-rule";

/**
 * A stand-in rule for CLI tests, independent of the real rules being written: it reports every call of
 * `hazard(...)`, and its fix renames the call to `safe(...)`.
 */
export const noHazard = createRule({
  name: "no-hazard",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow calls of hazard()",
      recommended: true,
      cwe: ["CWE-319"],
      securitySeverity: 7.4,
    },
    fixable: "code",
    messages: { hazard: "Calling hazard() is unsafe; call safe() instead." },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        if (node.callee.type !== "Identifier" || node.callee.name !== "hazard") return;
        const callee = node.callee;
        context.report({ node, messageId: "hazard", fix: (fixer) => fixer.replaceText(callee, "safe") });
      },
    };
  },
});
