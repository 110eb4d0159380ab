// The fix-safety harness (tests/rule-tester.ts) catches bad fixes: proven on a tiny test-only rule with a
// good fix and on deliberately bad variants of it.
import { describe, expect, it } from "vitest";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { checkFixSafety, runRuleTests } from "../rule-tester";

type Options = [{ autofix?: boolean }];
type Fixer = (fixer: TSESLint.RuleFixer, node: TSESTree.CallExpression, source: TSESLint.SourceCode) => TSESLint.RuleFix | TSESLint.RuleFix[];

/** Reports `danger(...)`; offers the given change as a suggestion, and as a fix with `autofix: true`. */
function makeRule(change: Fixer): TSESLint.RuleModule<"danger" | "useSafe", Options> {
  return {
    meta: {
      type: "problem",
      fixable: "code",
      hasSuggestions: true,
      messages: { danger: "danger() is unsafe.", useSafe: "Call safe() instead." },
      schema: [{ type: "object", properties: { autofix: { type: "boolean", description: "Apply the fix with --fix." } }, additionalProperties: false }],
    },
    defaultOptions: [{}],
    create(context) {
      const autofix = context.options[0]?.autofix === true;
      const source = context.sourceCode as TSESLint.SourceCode;
      return {
        CallExpression(node) {
          if (node.callee.type !== "Identifier" || node.callee.name !== "danger") return;
          context.report({
            node,
            messageId: "danger",
            fix: autofix ? (fixer) => change(fixer, node, source) : null,
            suggest: [{ messageId: "useSafe", fix: (fixer) => change(fixer, node, source) }],
          });
        },
      };
    },
  };
}

const good = makeRule((fixer, node) => fixer.replaceText(node.callee, "safe"));
const unparseable = makeRule((fixer, node) => fixer.replaceText(node.callee, "safe("));
const notIdempotent = makeRule((fixer, node) => fixer.insertTextBefore(node, "void 0, "));
const deletesComments = makeRule((fixer, node, source) =>
  fixer.replaceText(node, `safe(${node.arguments.map((argument) => source.getText(argument)).join(", ")})`),
);
const neverConverges = makeRule((fixer, node) => fixer.insertTextAfter(node.arguments[node.arguments.length - 1] ?? node.callee, ", 1"));

const code = `export function handler(input) {\n  return danger(/* the caller's input */ input);\n}\n`;
const invalid = (options: Options = [{}]) => ({ code, options, errors: [{ messageId: "danger" as const }] });

describe("checkFixSafety", () => {
  it("accepts a good fix and suggestion", () => {
    expect(checkFixSafety("good", good, invalid())).toEqual([]);
    const script = { ...invalid(), code: code.replace("export function", "module.exports = function"), filename: "handler.js" };
    expect(checkFixSafety("good", good, { ...script, languageOptions: { parserOptions: { sourceType: "script" } } })).toEqual([]);
    // Code that does not parse is a problem of its own, never a vacuous pass.
    expect(checkFixSafety("good", good, { ...invalid(), code: "danger(" })[0]).toBe("file.ts: the code does not parse (Parsing error: ')' expected.)");
  });

  it("catches output that does not parse, for the suggestion and for the autofix variant", () => {
    const problems = checkFixSafety("unparseable", unparseable, invalid());
    expect(problems.some((problem) => problem.startsWith('suggestion "Call safe() instead." of file.ts:2:10') && problem.includes("does not parse"))).toBe(true);
    expect(problems.some((problem) => problem.startsWith("fix of file.ts:2:10") && problem.includes("does not parse") && problem.includes('"autofix":true'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith("--fix of file.ts: output does not parse"))).toBe(true);
  });

  it("catches a suggestion that changes the code again when applied twice", () => {
    const problems = checkFixSafety("not-idempotent", notIdempotent, invalid());
    expect(problems.some((problem) => problem.includes("applied a second time it changes the code again") && problem.includes("void 0, void 0, danger"))).toBe(true);
  });

  it("does not take the next finding that moves into a removed statement's place for the same one", () => {
    // Removes the statement with its line break, so the next statement starts where the finding was.
    const removesStatement = makeRule((fixer, node) => fixer.removeRange([node.parent.range[0], node.parent.range[1] + 1]));
    const twoStatements = { code: "danger(1);\ndanger(2);\n", errors: [{ messageId: "danger" as const }, { messageId: "danger" as const }] };
    expect(checkFixSafety("removes-statement", removesStatement, twoStatements)).toEqual([]);
  });

  it("catches a fix that removes a comment", () => {
    const problems = checkFixSafety("deletes-comments", deletesComments, invalid());
    expect(problems).toContain(`suggestion "Call safe() instead." of file.ts:2:10 rule-under-test/deletes-comments: removes comment(s) "Block: the caller's input "`);
    expect(problems.some((problem) => problem.startsWith("--fix of file.ts: removes comment(s)"))).toBe(true);
  });

  it("catches an autofix that never converges", () => {
    const problems = checkFixSafety("never-converges", neverConverges, invalid([{ autofix: true }]));
    expect(problems.some((problem) => problem.includes("does not converge"))).toBe(true);
  });
});

// The wrapper itself, as rule tests use it: RuleTester's checks plus fix safety for each invalid case.
runRuleTests("good", good, {
  valid: [`safe(input);`, { code: `const danger = 1; safe(danger);`, filename: "x.js" }],
  invalid: [
    {
      code,
      errors: [{ messageId: "danger", line: 2, suggestions: [{ messageId: "useSafe", output: code.replace("danger(", "safe(") }] }],
    },
    {
      code,
      options: [{ autofix: true }],
      output: code.replace("danger(", "safe("),
      errors: [{ messageId: "danger", line: 2, suggestions: [{ messageId: "useSafe", output: code.replace("danger(", "safe(") }] }],
    },
  ],
});
