// One pass per file collects the node kinds the analysis asks about, so no analysis or rule walks the
// tree again: over the steps of ESLint's own traversal in the linted file, a walk in modules read for
// cross-module analysis. Built lazily, by the first question that needs it: a file with no DynamoDB
// package, no request handler, no expression member and no credential-related text is never indexed.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { isEqualityComparison, isFunction, unwrap, walk, type FunctionNode, type Node } from "./ast";

export interface FileIndex {
  calls: TSESTree.CallExpression[];
  news: TSESTree.NewExpression[];
  assignments: TSESTree.AssignmentExpression[];
  functions: FunctionNode[];
  objects: TSESTree.ObjectExpression[];
  /** `this.x` members (the value resolver finds the writes to instance fields among them). */
  thisMembers: TSESTree.MemberExpression[];
  /** `x.push(...)` / `x.unshift(...)` calls, by the pushed-to identifier's name (for arrays joined into strings). */
  pushes: Map<string, TSESTree.CallExpression[]>;
  /** `return` statements with a value (functions' returned expressions). */
  returns: TSESTree.ReturnStatement[];
  /** Where an ownership check may be, in walk order: calls, equality comparisons and `if` statements. */
  checkCandidates: Array<TSESTree.CallExpression | TSESTree.BinaryExpression | TSESTree.IfStatement>;
}

/**
 * One step of ESLint's traversal of the linted file (`SourceCode#traverse()`, ESLint 9 and later): a node entered
 * (phase 1) or left (phase 2), or a code path event (no phase).
 */
export interface TraversalStep {
  phase?: number;
  target: unknown;
}

export function buildFileIndex(program: TSESTree.Program, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, steps?: readonly TraversalStep[]): FileIndex {
  const index: FileIndex = { calls: [], news: [], assignments: [], functions: [], objects: [], thisMembers: [], pushes: new Map(), returns: [], checkCandidates: [] };
  const visit = (node: Node): void => {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression: {
        index.calls.push(node);
        index.checkCandidates.push(node);
        const callee = node.callee;
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          !callee.computed &&
          callee.property.type === AST_NODE_TYPES.Identifier &&
          (callee.property.name === "push" || callee.property.name === "unshift") &&
          callee.object.type === AST_NODE_TYPES.Identifier
        ) {
          const list = index.pushes.get(callee.object.name) ?? [];
          list.push(node);
          index.pushes.set(callee.object.name, list);
        }
        break;
      }
      case AST_NODE_TYPES.NewExpression:
        index.news.push(node);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (isEqualityComparison(node)) index.checkCandidates.push(node);
        break;
      case AST_NODE_TYPES.IfStatement:
        index.checkCandidates.push(node);
        break;
      case AST_NODE_TYPES.ReturnStatement:
        if (node.argument) index.returns.push(node);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        index.assignments.push(node);
        break;
      case AST_NODE_TYPES.ObjectExpression:
        index.objects.push(node);
        break;
      case AST_NODE_TYPES.MemberExpression:
        if (unwrap(node.object).type === AST_NODE_TYPES.ThisExpression) index.thisMembers.push(node);
        break;
      default:
        if (isFunction(node)) index.functions.push(node);
    }
  };
  if (steps) {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (step.phase === 1) visit(step.target as Node);
    }
  } else walk(program, visitorKeys, visit);
  return index;
}
