// Synthetic ASTs for pathological-input tests. The parsers overflow the stack at about 1,000 levels of
// nesting on Node 20, so deep trees are built here instead: a small program is parsed (with its scope
// analysis), and a placeholder array literal `[a, b, c, ...]` in it (flat, so any length parses) is
// replaced by a deep tree built from its elements. The elements keep their scope references, so the
// analysis resolves them as it would in parsed code.
import { Linter, SourceCode } from "eslint";
import * as tsParser from "@typescript-eslint/parser";
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { FileAnalysis, getAnalysis } from "../../src/analysis";
import { probeAnalysis, type ProbeSummary } from "../../src/analysis/probe";
import { walk } from "../../src/analysis/ast";
import type { NormalizedSettings } from "../../src/settings";
import plugin from "../../src/index";
import { hasAutofixOption } from "../rule-tester";

type Node = TSESTree.Node;

export const NO_SETTINGS: NormalizedSettings = { requestSources: [], callerSources: [], authorizationFunctions: [], clientModules: [], crossModule: true };

export interface Parsed {
  text: string;
  ast: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager;
  visitorKeys: Record<string, readonly string[]>;
  filename: string;
}

/** Parses a program with the typescript-eslint parser, as ESLint would (tokens, comments, scope analysis). */
export function parse(text: string, filename = "file.ts"): Parsed {
  const result = tsParser.parseForESLint(text, {
    ecmaVersion: "latest",
    sourceType: "module",
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    filePath: filename,
    ecmaFeatures: { jsx: filename.endsWith("x") },
  });
  const ast = result.ast as unknown as TSESTree.Program;
  const visitorKeys = result.visitorKeys as Record<string, readonly string[]>;
  // ESLint sets parent pointers as it traverses; the analysis needs them before that.
  setParents(ast, visitorKeys);
  return {
    text,
    ast,
    scopeManager: result.scopeManager as unknown as TSESLint.Scope.ScopeManager,
    visitorKeys,
    filename,
  };
}

function setParents(root: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): void {
  walk(root, visitorKeys, (node) => {
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as Node).type === "string") (item as { parent?: Node }).parent = node;
      }
    }
  });
}

/** The analysis of a parsed (and possibly spliced) program, computed fresh. */
export function analysisOf(parsed: Parsed, settings: NormalizedSettings = NO_SETTINGS): FileAnalysis {
  const sourceCode = new SourceCode({
    text: parsed.text,
    ast: parsed.ast as never,
    scopeManager: parsed.scopeManager as never,
    visitorKeys: parsed.visitorKeys as never,
  }) as unknown as TSESLint.SourceCode;
  return new FileAnalysis(sourceCode, settings);
}

/** The array literal that follows the marker comment `/* HOLE *\/` (the placeholder to replace). */
export function hole(parsed: Parsed): TSESTree.ArrayExpression {
  const marker = parsed.text.indexOf("/* HOLE */");
  if (marker < 0) throw new Error("no /* HOLE */ marker");
  let found: TSESTree.ArrayExpression | undefined;
  walk(parsed.ast, parsed.visitorKeys, (node) => {
    if (!found && node.type === AST_NODE_TYPES.ArrayExpression && node.range[0] > marker) found = node;
  });
  if (!found) throw new Error("no array literal after /* HOLE */");
  return found;
}

/** Replaces `old` by `replacement` in its parent (parent pointer included). */
export function replace(old: Node, replacement: Node): void {
  const parent = old.parent as unknown as Record<string, unknown> | undefined;
  if (!parent) throw new Error("node has no parent");
  for (const key of Object.keys(parent)) {
    if (key === "parent") continue;
    const value = parent[key];
    if (value === old) {
      parent[key] = replacement;
      (replacement as { parent?: unknown }).parent = parent;
      return;
    }
    if (Array.isArray(value)) {
      const i = value.indexOf(old);
      if (i >= 0) {
        value[i] = replacement;
        (replacement as { parent?: unknown }).parent = parent;
        return;
      }
    }
  }
  throw new Error("node not found in its parent");
}

function located<T extends Node>(node: Omit<T, "parent" | "range" | "loc">, from: Node, to: Node = from): T {
  const result = node as T;
  result.range = [from.range[0], to.range[1]];
  result.loc = { start: from.loc.start, end: to.loc.end };
  return result;
}

function adopt(parent: Node, ...children: Node[]): void {
  for (const child of children) (child as { parent?: Node }).parent = parent;
}

/** `e0 + e1 + e2 + ...` (left-associative, as parsed): depth = number of operands - 1. */
export function plusChain(operands: readonly Node[]): Node {
  let current = operands[0];
  for (let i = 1; i < operands.length; i++) {
    const right = operands[i];
    const node = located<TSESTree.BinaryExpression>(
      { type: AST_NODE_TYPES.BinaryExpression, operator: "+", left: current as TSESTree.Expression, right: right as TSESTree.Expression },
      operands[0],
      right,
    );
    adopt(node, current, right);
    current = node;
  }
  return current;
}

function templateElement(text: string, tail: boolean, at: Node): TSESTree.TemplateElement {
  return located<TSESTree.TemplateElement>({ type: AST_NODE_TYPES.TemplateElement, tail, value: { raw: text, cooked: text } }, at);
}

/** `` `a${`a${ ... `a${leaf}b` ... }b`}b` ``: `depth` template literals nested in each other. */
export function nestedTemplates(depth: number, leaf: Node, before = "a", after = "b"): Node {
  let current = leaf;
  for (let i = 0; i < depth; i++) {
    const quasis = [templateElement(before, false, leaf), templateElement(after, true, leaf)];
    const node = located<TSESTree.TemplateLiteral>(
      { type: AST_NODE_TYPES.TemplateLiteral, quasis, expressions: [current as TSESTree.Expression] },
      leaf,
    );
    adopt(node, ...quasis, current);
    current = node;
  }
  return current;
}

function identifier(name: string, at: Node): TSESTree.Identifier {
  return located<TSESTree.Identifier>({ type: AST_NODE_TYPES.Identifier, name, decorators: [], optional: false, typeAnnotation: undefined }, at);
}

/** `{ key: { key: ... { key: leaf } } }`: `depth` object literals nested in each other. */
export function nestedObjects(depth: number, leaf: Node, key = "a"): Node {
  let current = leaf;
  for (let i = 0; i < depth; i++) {
    const name = identifier(key, leaf);
    const property = located<TSESTree.Property>(
      { type: AST_NODE_TYPES.Property, key: name, value: current as TSESTree.Expression, kind: "init", computed: false, method: false, shorthand: false, optional: false },
      leaf,
    );
    adopt(property, name, current);
    const object = located<TSESTree.ObjectExpression>({ type: AST_NODE_TYPES.ObjectExpression, properties: [property] }, leaf);
    adopt(object, property);
    current = object;
  }
  return current;
}

/** `root.key.key.key...`: `depth` member accesses. */
export function memberChain(depth: number, root: Node, key = "a"): Node {
  let current = root;
  for (let i = 0; i < depth; i++) {
    const name = identifier(key, root);
    const member = located<TSESTree.MemberExpression>(
      { type: AST_NODE_TYPES.MemberExpression, object: current as TSESTree.Expression, property: name, computed: false, optional: false },
      root,
    );
    adopt(member, current, name);
    current = member;
  }
  return current;
}

/** Replaces the `/* HOLE *\/ [...]` placeholder by `build(elements)`; returns the new node. */
export function splice(parsed: Parsed, build: (elements: Node[]) => Node): Node {
  const placeholder = hole(parsed);
  const elements = placeholder.elements as Node[];
  const replacement = build(elements);
  replace(placeholder, replacement);
  return replacement;
}

/** Nesting depth of a tree, measured iteratively. */
export function depthOf(root: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): number {
  let max = 0;
  const depths = new Map<Node, number>([[root, 0]]);
  walk(root, visitorKeys, (node) => {
    const depth = node === root ? 0 : (depths.get(node.parent!) ?? 0) + 1;
    depths.set(node, depth);
    if (depth > max) max = depth;
  });
  return max;
}

/** Every rule of the plugin, with its strict options and `autofix: true` where the rule has that option. */
export function allRulesStrict(): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(plugin.rules)) {
    const docs = rule.meta.docs as { strictOptions?: Record<string, unknown> } | undefined;
    const options = { ...(docs?.strictOptions ?? {}), ...(hasAutofixOption(rule) ? { autofix: true } : {}) };
    entries[`dynamodb-security/${name}`] = Object.keys(options).length > 0 ? ["error", options] : "error";
  }
  return entries;
}

let lastProbe: ProbeSummary | undefined;

/** What the probe rule found in the last file it linted. */
export function lastProbeSummary(): ProbeSummary | undefined {
  return lastProbe;
}

/** A rule that asks the shared analysis every question it answers (see src/analysis/probe.ts). */
export const probeRule: TSESLint.RuleModule<string> = {
  meta: { type: "problem", messages: {}, schema: [] },
  defaultOptions: [],
  create(context) {
    return {
      "Program:exit"() {
        lastProbe = probeAnalysis(getAnalysis(context));
      },
    };
  },
};

/**
 * Lints code with every rule of the plugin (strict options) through ESLint, plus the analysis probe. A rule that throws makes this
 * throw (ESLint rethrows rule exceptions), so a passing call means no rule crashed.
 */
export function lintWithAllRules(
  code: string,
  filename = "file.ts",
  settings: Record<string, unknown> = {},
  languageOptions: Linter.LanguageOptions = {},
): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat" });
  return linter.verify(
    code,
    [
      {
        files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
        languageOptions: {
          parser: tsParser as unknown as Linter.Parser,
          ecmaVersion: "latest",
          sourceType: /\.c[jt]s$/.test(filename) ? "commonjs" : "module",
          parserOptions: { ecmaFeatures: { jsx: /\.[jt]sx$/.test(filename) } },
          ...languageOptions,
        },
        plugins: { "dynamodb-security": plugin as never, probe: { rules: { all: probeRule as never } } },
        rules: { ...allRulesStrict(), "probe/all": "error" },
        settings,
      },
    ],
    filename,
  );
}

/**
 * Lints an already parsed (and possibly spliced) program with every rule, through a parser that hands
 * ESLint the prepared tree and its scope analysis. ESLint's own traversal is recursive, so keep the
 * depth within what ESLint handles (a few thousand levels).
 */
export function lintParsedWithAllRules(parsed: Parsed): Linter.LintMessage[] {
  const parser: Linter.Parser = {
    meta: { name: "synthetic" },
    parseForESLint: () => ({ ast: parsed.ast as never, scopeManager: parsed.scopeManager as never, visitorKeys: parsed.visitorKeys as never }),
  };
  const linter = new Linter({ configType: "flat" });
  return linter.verify(
    parsed.text,
    [
      {
        files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
        languageOptions: { parser },
        plugins: { "dynamodb-security": plugin as never, probe: { rules: { all: probeRule as never } } },
        rules: { ...allRulesStrict(), "probe/all": "error" },
      },
    ],
    parsed.filename,
  );
}
