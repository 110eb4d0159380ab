// Fix builders shared by rules: small edits from AST ranges that keep comments and leave code that parses.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = TSESLint.RuleFix;

/** Statement containers whose statements can be removed without leaving a dangling `if (x)`. */
const STATEMENT_LISTS = new Set<string>([
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.TSModuleBlock,
]);

/** Is there a comment inside [start, end)? */
function hasCommentIn(sourceCode: SourceCode, start: number, end: number): boolean {
  return sourceCode.getAllComments().some((comment) => comment.range[0] < end && comment.range[1] > start);
}

/**
 * Widens [start, end) to whole lines when nothing else shares them, so a removal leaves no blank line.
 * Leaves the range as is when other code or a comment is on the first or last line.
 */
function wholeLines(sourceCode: SourceCode, start: number, end: number): [number, number] {
  const text = sourceCode.text;
  let lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] === " " || text[lineStart - 1] === "\t")) lineStart--;
  if (lineStart > 0 && text[lineStart - 1] !== "\n") return [start, end];
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === " " || text[lineEnd] === "\t" || text[lineEnd] === "\r")) lineEnd++;
  if (lineEnd < text.length && text[lineEnd] !== "\n") return [start, end];
  return [lineStart, Math.min(lineEnd + 1, text.length)];
}

/**
 * Removes a property from an object literal with its comma: `{ a, b: 1, c }` → `{ a, c }`. Comments
 * around the property stay; a property alone on its line takes the line with it.
 */
export function removeProperty(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, property: TSESTree.Property | TSESTree.SpreadElement): Fix[] {
  const after = sourceCode.getTokenAfter(property);
  const before = sourceCode.getTokenBefore(property);
  const text = sourceCode.text;
  if (after?.value === ",") {
    // `b: 1,` : the property and its comma; comments between them stay.
    if (hasCommentIn(sourceCode, property.range[1], after.range[0])) return [fixer.remove(property), fixer.remove(after)];
    const [start, end] = wholeLines(sourceCode, property.range[0], after.range[1]);
    if (start !== property.range[0]) return [fixer.removeRange([start, end])];
    // Shares its line: take the spaces after the comma, or (at the end of a line) the spaces before the property.
    let spaceEnd = end;
    while (text[spaceEnd] === " " || text[spaceEnd] === "\t") spaceEnd++;
    if (spaceEnd < text.length && text[spaceEnd] !== "\n" && text[spaceEnd] !== "\r") return [fixer.removeRange([start, spaceEnd])];
    let spaceStart = start;
    while (spaceStart > 0 && (text[spaceStart - 1] === " " || text[spaceStart - 1] === "\t")) spaceStart--;
    return [fixer.removeRange([spaceStart, end])];
  }
  if (before?.value === ",") {
    // The last property: take the comma before it.
    if (hasCommentIn(sourceCode, before.range[1], property.range[0])) return [fixer.remove(before), fixer.remove(property)];
    return [fixer.removeRange([before.range[0], property.range[1]])];
  }
  if (before?.value === "{" && after?.value === "}" && !hasCommentIn(sourceCode, before.range[1], after.range[0])) {
    return [fixer.removeRange([before.range[1], after.range[0]])];
  }
  return [fixer.removeRange(wholeLines(sourceCode, property.range[0], property.range[1]))];
}

/** Can the statement go without leaving a dangling `if (x)` (is it in a statement list)? */
export function isRemovableStatement(statement: TSESTree.Node): boolean {
  return statement.parent !== undefined && STATEMENT_LISTS.has(statement.parent.type);
}

/** Removes a statement of a statement list (see isRemovableStatement), taking its line when it is alone on it. */
export function removeStatement(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, statement: TSESTree.Node): Fix {
  return fixer.removeRange(wholeLines(sourceCode, statement.range[0], statement.range[1]));
}

/** The statement an expression is the whole of (`x = 1;` for `x = 1`) and that can be removed, if any. */
export function removableStatementOf(expression: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  const statement = statementOf(expression);
  return statement && isRemovableStatement(statement) ? statement : undefined;
}

/** The statement an expression is the whole of (`x = 1;` for `x = 1`), if it is one. */
export function statementOf(expression: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  let current = expression;
  while (current.parent?.type === AST_NODE_TYPES.ChainExpression || current.parent?.type === AST_NODE_TYPES.AwaitExpression) current = current.parent;
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement ? current.parent : undefined;
}
