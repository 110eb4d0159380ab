// Import tracking for every module system a file may use, on top of eslint-utils' ReferenceTracker.
// ReferenceTracker covers ESM imports and `require` when `require` is a declared global; this fills its
// gaps: `require` in ES modules and TS files without Node globals, and `import x = require("m")`.
import { ReferenceTracker, type TraceMap } from "@eslint-community/eslint-utils";
import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";

export { ReferenceTracker };
export type { TraceMap };

export interface TrackedReference<T> {
  node: TSESTree.Node;
  path: string[];
  type: symbol;
  info: T;
}

/** Yields each reference described by `traceMap` (keys are module specifiers), once. */
export function* iterateModuleReferences<T>(sourceCode: Readonly<TSESLint.SourceCode>, traceMap: TraceMap<T>): Generator<TrackedReference<T>> {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return;
  const tracker = new ReferenceTracker(globalScope as never, { mode: "legacy" });
  const seen = new Set<TSESTree.Node>();
  const emit = function* (references: Iterable<unknown>): Generator<TrackedReference<T>> {
    for (const reference of references as Iterable<TrackedReference<T>>) {
      const key = reference.node;
      if (seen.has(key) && reference.type !== ReferenceTracker.READ) continue;
      seen.add(key);
      yield reference;
    }
  };
  yield* emit(tracker.iterateEsmReferences(traceMap as never));
  yield* emit(tracker.iterateCjsReferences(traceMap as never));

  // `require` not declared as a global (ES modules, TS files): ReferenceTracker skips these calls.
  if (!globalScope.set.get("require")) {
    for (const reference of globalScope.through) {
      const identifier = reference.identifier;
      if (identifier.type !== AST_NODE_TYPES.Identifier || identifier.name !== "require") continue;
      const call = identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
      const specifier = call.arguments[0];
      const moduleId = specifier?.type === AST_NODE_TYPES.Literal && typeof specifier.value === "string" ? specifier.value : undefined;
      if (moduleId === undefined || !Object.hasOwn(traceMap, moduleId)) continue;
      yield* emit(tracker.iteratePropertyReferences(call as never, traceMap[moduleId] as never));
    }
  }

  // `import x = require("m")` (TypeScript): follow each read of x.
  for (const declaration of importEqualsDeclarations(sourceCode.ast)) {
    const reference = declaration.moduleReference;
    if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) continue;
    const moduleId = reference.expression.type === AST_NODE_TYPES.Literal ? String(reference.expression.value) : undefined;
    if (moduleId === undefined || !Object.hasOwn(traceMap, moduleId)) continue;
    const variable = sourceCode.scopeManager?.getDeclaredVariables(declaration)[0];
    for (const use of variable?.references ?? []) {
      if (!use.isRead()) continue;
      yield* emit(tracker.iteratePropertyReferences(use.identifier as never, traceMap[moduleId] as never));
    }
  }
}

/**
 * `import x = require("m")` and `export import x = require("m")`. Statements of the module's top level only:
 * inside a namespace an import cannot name a module (TS1147), so no walk is needed.
 */
export function importEqualsDeclarations(program: TSESTree.Program): TSESTree.TSImportEqualsDeclaration[] {
  const found: TSESTree.TSImportEqualsDeclaration[] = [];
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.TSImportEqualsDeclaration) found.push(declaration);
  }
  return found;
}

/**
 * Every call of a function named `require`, found through the scope manager instead of a walk: the global
 * `require` (unresolved, or declared by the configuration or CommonJS) and any binding of that name
 * (`const require = createRequire(import.meta.url)`).
 */
export function requireCalls(scopeManager: TSESLint.Scope.ScopeManager | null): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const add = (reference: TSESLint.Scope.Reference) => {
    const identifier = reference.identifier;
    const call = identifier.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier) calls.push(call);
  };
  const globalScope = scopeManager?.globalScope;
  if (!globalScope) return calls;
  for (const reference of globalScope.through) if (reference.identifier.type === AST_NODE_TYPES.Identifier && reference.identifier.name === "require") add(reference);
  for (const scope of scopeManager.scopes) {
    const variable = scope.set.get("require");
    if (variable) for (const reference of variable.references) add(reference);
  }
  return calls;
}
