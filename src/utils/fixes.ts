// Edits built from AST ranges for fixes and suggestions: deleting object properties (with their commas
// and, when a property has its own line, that line), deleting statements, replacing `x || fallback` by
// `x`, and adding properties to object literals or elements to array literals in the style around them.
// Comments outside the deleted nodes are kept; every result parses.
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import * as ASTUtils from "@typescript-eslint/utils/ast-utils";
import { AST_NODE_TYPES } from "../analysis/node-types";

type SourceCode = Readonly<TSESLint.SourceCode>;
type Range = [number, number];

/** Deletes object-literal properties (any number, from any objects) and the commas that separate them. */
export function removeProperties(sourceCode: SourceCode, fixer: TSESLint.RuleFixer, properties: readonly TSESTree.Property[]): TSESLint.RuleFix[] {
  const byObject = new Map<TSESTree.ObjectExpression, Set<TSESTree.Node>>();
  for (const property of properties) {
    const object = property.parent;
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const set = byObject.get(object) ?? new Set();
    set.add(property);
    byObject.set(object, set);
  }
  const ranges: Range[] = [];
  for (const [object, removed] of byObject) {
    if (object.properties.every((property) => removed.has(property)) && sourceCode.getCommentsInside(object).length === 0) {
      // Everything goes: `{ credentials: x }` → `{}`.
      ranges.push([object.range[0] + 1, object.range[1] - 1]);
      continue;
    }
    // Runs of consecutive deleted properties, so that a run and its commas go in one piece.
    const list = object.properties;
    for (let i = 0; i < list.length; i++) {
      if (!removed.has(list[i])) continue;
      let j = i;
      // A run stops at a comment between two properties: deleting the run in one piece would delete it.
      while (j + 1 < list.length && removed.has(list[j + 1]) && !sourceCode.commentsExistBetween(list[j], list[j + 1])) j++;
      ranges.push(...runRanges(sourceCode, list[i], list[j]));
      i = j;
    }
  }
  return mergeRanges(ranges).map((range) => fixer.removeRange(range));
}

/** The ranges that delete the properties `first`..`last` (consecutive) and their separating comma. */
function runRanges(sourceCode: SourceCode, first: TSESTree.Node, last: TSESTree.Node): Range[] {
  const text = sourceCode.text;
  const after = sourceCode.getTokenAfter(last);
  if (after && ASTUtils.isCommaToken(after)) {
    // `a, b,` → delete through the comma after the run (and its line, when the run has lines to itself).
    let start = first.range[0];
    let end = after.range[1];
    while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    if (isBlank(text.slice(lineStart, start)) && (text[end] === "\n" || text.startsWith("\r\n", end))) {
      start = lineStart;
      end += text[end] === "\n" ? 1 : 2;
    }
    return [[start, end]];
  }
  // The run ends the object without a trailing comma: take the comma before it, if any.
  const before = sourceCode.getTokenBefore(first);
  if (before && ASTUtils.isCommaToken(before)) {
    if (sourceCode.getTokenAfter(before, { includeComments: true }) === sourceCode.getFirstToken(first)) {
      return [[before.range[0], last.range[1]]];
    }
    // Comments between the comma and the run: keep them, delete the comma and the run's own lines.
    const lineStart = text.lastIndexOf("\n", first.range[0] - 1) + 1;
    const ownLine = lineStart > 0 && isBlank(text.slice(lineStart, first.range[0]));
    const start = ownLine ? lineStart - (text[lineStart - 2] === "\r" ? 2 : 1) : first.range[0];
    return [before.range, [start, last.range[1]]];
  }
  return [[first.range[0], last.range[1]]];
}

function isBlank(text: string): boolean {
  for (const character of text) if (character !== " " && character !== "\t") return false;
  return true;
}

/**
 * Deletes a statement: with its line when it has one to itself, or replaces it with `{}` where a statement
 * is required (`if (x) stmt;`).
 */
export function removeStatement(sourceCode: SourceCode, fixer: TSESLint.RuleFixer, statement: TSESTree.Node): TSESLint.RuleFix {
  const parent = statement.parent;
  const inList =
    parent?.type === AST_NODE_TYPES.Program ||
    parent?.type === AST_NODE_TYPES.BlockStatement ||
    parent?.type === AST_NODE_TYPES.StaticBlock ||
    parent?.type === AST_NODE_TYPES.SwitchCase ||
    parent?.type === AST_NODE_TYPES.TSModuleBlock;
  if (!inList) return fixer.replaceText(statement, "{}");
  const text = sourceCode.text;
  let [start, end] = statement.range;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === " " || text[lineEnd] === "\t")) lineEnd++;
  if (isBlank(text.slice(lineStart, start)) && (lineEnd === text.length || text[lineEnd] === "\n" || text.startsWith("\r\n", lineEnd))) {
    start = lineStart;
    end = lineEnd === text.length ? lineEnd : lineEnd + (text[lineEnd] === "\n" ? 1 : 2);
  }
  return fixer.removeRange([start, end]);
}

const SAFE_EXPRESSION_SLOTS = new Set<string>([
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.PropertyDefinition,
]);
const LOW_PRECEDENCE = new Set<string>([
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.SequenceExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
]);

/** `x || fallback` / `x ?? fallback` → `x` (parenthesised when the context needs it). */
export function dropFallback(sourceCode: SourceCode, fixer: TSESLint.RuleFixer, expression: TSESTree.LogicalExpression): TSESLint.RuleFix {
  const left = expression.left;
  let text = sourceCode.getText(left);
  if (ASTUtils.isParenthesized(left, sourceCode)) {
    // Keep the operand's own parentheses: `(a ?? b) || "x"` → `(a ?? b)`.
    const open = sourceCode.getTokenBefore(left)!;
    const close = sourceCode.getTokenAfter(left)!;
    text = sourceCode.text.slice(open.range[0], close.range[1]);
  } else if (LOW_PRECEDENCE.has(left.type)) {
    const parent = expression.parent;
    const safe =
      ASTUtils.isParenthesized(expression, sourceCode) ||
      (parent !== undefined && SAFE_EXPRESSION_SLOTS.has(parent.type)) ||
      (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== expression) ||
      (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee !== expression) ||
      (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === expression) ||
      (parent?.type === AST_NODE_TYPES.LogicalExpression && left.type === AST_NODE_TYPES.LogicalExpression && left.operator === parent.operator && parent.left === expression);
    if (!safe) text = `(${text})`;
  }
  return fixer.replaceText(expression, text);
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Adds properties (`key: value` texts) at the end of an object literal: on a line of their own with the
 * last property's indentation when the object spans lines (after a comment that ends the last property's
 * line, so the comment stays with its property), inline otherwise; a trailing comma stays a trailing comma.
 */
export function insertProperties(sourceCode: SourceCode, fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, entries: readonly string[]): TSESLint.RuleFix[] {
  const last = object.properties[object.properties.length - 1];
  if (!last) {
    const open = sourceCode.getFirstToken(object)!;
    return [fixer.insertTextAfter(open, ` ${entries.join(", ")} `)];
  }
  const tokenAfter = sourceCode.getTokenAfter(last)!;
  const trailingComma = ASTUtils.isCommaToken(tokenAfter);
  const anchor = trailingComma ? tokenAfter : last;
  if (last.loc.start.line === object.loc.start.line) {
    return trailingComma ? [fixer.insertTextAfter(tokenAfter, ` ${entries.join(", ")},`)] : [fixer.insertTextAfter(last, `, ${entries.join(", ")}`)];
  }
  const indent = /^\s*/.exec(sourceCode.lines[last.loc.start.line - 1])![0];
  const comments = sourceCode.getCommentsAfter(anchor).filter((comment) => comment.loc.start.line === anchor.loc.end.line);
  const end = comments.length > 0 ? comments[comments.length - 1].range[1] : anchor.range[1];
  const lines = entries.map((entry) => `\n${indent}${entry}`);
  if (trailingComma) return [fixer.insertTextAfterRange([end, end], lines.map((line) => `${line},`).join(""))];
  return [fixer.insertTextAfter(last, ","), fixer.insertTextAfterRange([end, end], lines.join(","))];
}

/** Inserts element texts into an array literal, each before the existing element at its `at` index (or at the end). */
export function insertArrayElements(
  sourceCode: SourceCode,
  fixer: TSESLint.RuleFixer,
  array: TSESTree.ArrayExpression,
  inserts: ReadonlyArray<{ at: number; text: string }>,
): TSESLint.RuleFix[] {
  const elements = array.elements.filter((element): element is NonNullable<typeof element> => element !== null);
  const groups = new Map<number, string[]>();
  for (const insert of inserts) groups.set(insert.at, [...(groups.get(insert.at) ?? []), insert.text]);
  const fixes: TSESLint.RuleFix[] = [];
  for (const [at, texts] of groups) {
    if (at < elements.length) fixes.push(fixer.insertTextBefore(elements[at], `${texts.join(", ")}, `));
    else if (elements.length > 0) fixes.push(fixer.insertTextAfter(elements[elements.length - 1], `, ${texts.join(", ")}`));
    else fixes.push(fixer.insertTextAfter(sourceCode.getFirstToken(array)!, texts.join(", ")));
  }
  return fixes;
}
