import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { dropFallback, insertArrayElements, insertProperties, removeProperties, removeStatement } from "../../src/utils/fixes";

/** Applies the fix `build` makes from the whole program, through ESLint itself (it re-runs until nothing is left to fix). */
function apply(code: string, build: (sourceCode: TSESLint.SourceCode, fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[]): string {
  const rule: TSESLint.RuleModule<"x"> = {
    meta: { type: "suggestion", fixable: "code", messages: { x: "x" }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        "Program:exit"(node) {
          context.report({ node, messageId: "x", fix: (fixer) => build(context.sourceCode as TSESLint.SourceCode, fixer) });
        },
      };
    },
  };
  const linter = new Linter({ configType: "flat" });
  const result = linter.verifyAndFix(
    code,
    [{ files: ["**/*.ts"], languageOptions: { parser: tsParser }, plugins: { t: { rules: { fix: rule as never } } }, rules: { "t/fix": "error" } }],
    { filename: "file.ts" },
  );
  // The output must parse.
  const after = linter.verify(result.output, [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }], "file.ts");
  expect(after.filter((message) => message.fatal)).toEqual([]);
  return result.output;
}

/** Removes every property whose key starts with `drop`. */
function dropProperties(code: string): string {
  return apply(code, (sourceCode, fixer) => {
    const properties: TSESTree.Property[] = [];
    const visit = (node: TSESTree.Node) => {
      if (node.type === AST_NODE_TYPES.Property && node.key.type === AST_NODE_TYPES.Identifier && node.key.name.startsWith("drop")) properties.push(node);
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) if (item && typeof item === "object" && "type" in item) visit(item as TSESTree.Node);
      }
    };
    visit(sourceCode.ast);
    return removeProperties(sourceCode, fixer, properties);
  });
}

describe("removeProperties", () => {
  it("removes inline properties with their commas", () => {
    expect(dropProperties(`f({ a: 1, drop: 2, b: 3 });`)).toBe(`f({ a: 1, b: 3 });`);
    expect(dropProperties(`f({ a: 1, drop: 2 });`)).toBe(`f({ a: 1 });`);
    expect(dropProperties(`f({ drop: 2, a: 1 });`)).toBe(`f({ a: 1 });`);
    expect(dropProperties(`f({ drop: { x: [1, 2] } });`)).toBe(`f({});`);
    expect(dropProperties(`f({ dropA: 1, dropB: 2 });`)).toBe(`f({});`);
  });

  it("keeps comments between deleted properties (found by the fix-safety harness on the fixtures)", () => {
    expect(dropProperties(`f({\n  a: 1,\n  dropA: "x", // why A\n  dropB: "y", // why B\n});`)).toBe(`f({\n  a: 1,\n  // why A\n  // why B\n});`);
    expect(dropProperties(`f({ dropA: 1, /* keep */ dropB: 2, c: 3 });`)).toBe(`f({ /* keep */ c: 3 });`);
  });

  it("removes properties that have their own lines, and runs of them", () => {
    expect(dropProperties(`f({\n  a: 1,\n  drop: 2,\n  b: 3,\n});`)).toBe(`f({\n  a: 1,\n  b: 3,\n});`);
    expect(dropProperties(`f({\n  a: 1,\n  drop: {\n    x: 1,\n  },\n});`)).toBe(`f({\n  a: 1,\n});`);
    expect(dropProperties(`f({\n  a: 1,\n  dropA: 1,\n  dropB: 2\n});`)).toBe(`f({\n  a: 1\n});`);
    expect(dropProperties(`f({\r\n  a: 1,\r\n  drop: 2,\r\n  b: 3\r\n});`)).toBe(`f({\r\n  a: 1,\r\n  b: 3\r\n});`);
    expect(dropProperties(`f({ dropA: 1, a: 1, dropB: 2, b: 2, dropC: 3 });`)).toBe(`f({ a: 1, b: 2 });`);
  });

  it("keeps comments that are not inside a removed property", () => {
    expect(dropProperties(`f({\n  a: 1, // keep me\n  drop: 2\n});`)).toBe(`f({\n  a: 1 // keep me\n});`);
    expect(dropProperties(`f({\n  // keep me\n  drop: 2,\n});`)).toBe(`f({\n  // keep me\n});`);
  });
});

describe("removeStatement", () => {
  const statementOf = (sourceCode: TSESLint.SourceCode) => {
    let found: TSESTree.ExpressionStatement | undefined;
    const visit = (node: TSESTree.Node) => {
      if (node.type === AST_NODE_TYPES.ExpressionStatement && sourceCode.getText(node).startsWith("drop")) found = node;
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) if (item && typeof item === "object" && "type" in item) visit(item as TSESTree.Node);
      }
    };
    visit(sourceCode.ast);
    return found;
  };
  const drop = (code: string) =>
    apply(code, (sourceCode, fixer) => {
      const statement = statementOf(sourceCode);
      return statement ? removeStatement(sourceCode, fixer, statement) : [];
    });

  it("removes the statement's line, or leaves an empty block where a statement is required", () => {
    expect(drop(`a();\n  drop();\nb();\n`)).toBe(`a();\nb();\n`);
    expect(drop(`a(); drop(); b();`)).toBe(`a();  b();`);
    expect(drop(`if (x) drop();\nb();`)).toBe(`if (x) {}\nb();`);
    expect(drop(`a();\ndrop();`)).toBe(`a();\n`);
  });
});

describe("dropFallback", () => {
  const drop = (code: string) =>
    apply(code, (sourceCode, fixer) => {
      let target: TSESTree.LogicalExpression | undefined;
      const visit = (node: TSESTree.Node) => {
        if (node.type === AST_NODE_TYPES.LogicalExpression && node.right.type === AST_NODE_TYPES.Literal && node.right.value === "fallback") target = node;
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[key];
          for (const item of Array.isArray(child) ? child : [child]) if (item && typeof item === "object" && "type" in item) visit(item as TSESTree.Node);
        }
      };
      visit(sourceCode.ast);
      return target ? dropFallback(sourceCode, fixer, target) : [];
    });

  it("keeps the left side, parenthesised when the context needs it", () => {
    expect(drop(`const k = process.env.K || "fallback";`)).toBe(`const k = process.env.K;`);
    expect(drop(`const k = a || b || "fallback";`)).toBe(`const k = a || b;`);
    expect(drop(`const k = (a ?? b) || "fallback";`)).toBe(`const k = (a ?? b);`);
    expect(drop(`const k = c && (a || b || "fallback");`)).toBe(`const k = c && (a || b);`);
    expect(drop(`const k = \`\${a ?? "fallback"}\`;`)).toBe(`const k = \`\${a}\`;`);
    expect(drop(`const k = c ? a : b ?? "fallback";`)).toBe(`const k = c ? a : b;`);
  });
});

/** Applies the fix once (an insertion always finds something to do: `apply` would repeat it). */
function applyOnce(code: string, build: (sourceCode: TSESLint.SourceCode, fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[]): string {
  const rule: TSESLint.RuleModule<"x"> = {
    meta: { type: "suggestion", fixable: "code", messages: { x: "x" }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        "Program:exit"(node) {
          context.report({ node, messageId: "x", fix: (fixer) => build(context.sourceCode as TSESLint.SourceCode, fixer) });
        },
      };
    },
  };
  const linter = new Linter({ configType: "flat" });
  const config = [{ files: ["**/*.ts"], languageOptions: { parser: tsParser }, plugins: { t: { rules: { fix: rule as never } } }, rules: { "t/fix": "error" as const } }];
  const [message] = linter.verify(code, config, "file.ts");
  const fix = message.fix!;
  const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
  const after = linter.verify(output, [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }], "file.ts");
  expect(after.filter((other) => other.fatal)).toEqual([]);
  return output;
}

/** The initialiser of `const target = ...`. */
function target(sourceCode: TSESLint.SourceCode): TSESTree.Node {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === "target" && declarator.init) return declarator.init;
    }
  }
  throw new Error("no target");
}

describe("insertProperties", () => {
  const insert = (code: string, entries = ["b: 2"]) =>
    applyOnce(code, (sourceCode, fixer) => insertProperties(sourceCode, fixer, target(sourceCode) as TSESTree.ObjectExpression, entries));

  it("follows the object's layout and keeps trailing commas and end-of-line comments", () => {
    expect(insert(`const target = { a: 1 };`)).toBe(`const target = { a: 1, b: 2 };`);
    expect(insert(`const target = { a: 1, };`)).toBe(`const target = { a: 1, b: 2, };`);
    expect(insert(`const target = {};`)).toBe(`const target = { b: 2 };`);
    expect(insert(`const target = {\n  a: 1, // one\n  c: 3 // three\n};`)).toBe(`const target = {\n  a: 1, // one\n  c: 3, // three\n  b: 2\n};`);
    expect(insert(`const target = {\n    a: 1,\n};`, ["b: 2", "c: 3"])).toBe(`const target = {\n    a: 1,\n    b: 2,\n    c: 3,\n};`);
    expect(insert(`const target = { ...base };`)).toBe(`const target = { ...base, b: 2 };`);
  });
});

describe("insertArrayElements", () => {
  const insert = (code: string, inserts: Array<{ at: number; text: string }>) =>
    applyOnce(code, (sourceCode, fixer) => insertArrayElements(sourceCode, fixer, target(sourceCode) as TSESTree.ArrayExpression, inserts));

  it("puts each element before the one at its index, in order", () => {
    expect(insert(`const target = [a, b];`, [{ at: 1, text: "x" }])).toBe(`const target = [a, x, b];`);
    expect(insert(`const target = [a, b];`, [{ at: 0, text: "x" }, { at: 2, text: "y" }, { at: 2, text: "z" }])).toBe(`const target = [x, a, b, y, z];`);
    expect(insert(`const target = [];`, [{ at: 0, text: "x" }, { at: 0, text: "y" }])).toBe(`const target = [x, y];`);
    expect(insert(`const target = [\n  a,\n];`, [{ at: 1, text: "x" }])).toBe(`const target = [\n  a, x,\n];`);
  });
});
