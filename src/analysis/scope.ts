// Variable lookups for the analysis: one pass over the scope manager maps every identifier to its
// variable, so later lookups are constant-time instead of a scope walk per node.
import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { staticKeyName } from "./ast";

export type Variable = TSESLint.Scope.Variable;
export type Definition = TSESLint.Scope.Definition;

export interface VariableWrite {
  /** The written value (`init`, right-hand side); undefined for `x++`, `for (x of ...)` and the like. */
  value: TSESTree.Node | undefined;
  /** `=` for initialisations and plain assignments, otherwise the operator (`+=`). */
  operator: string;
  /** For destructuring writes: the member path from the written value to this variable (`const { a: { b } } = v` → ["a", "b"]). */
  path: string[];
  identifier: TSESTree.Identifier;
}

export class ScopeIndex {
  private readonly byIdentifier = new Map<TSESTree.Node, Variable>();
  private readonly writes = new WeakMap<Variable, VariableWrite[]>();

  constructor(scopeManager: TSESLint.Scope.ScopeManager | null) {
    // Indexed loops: the global scope alone holds some 1,500 TypeScript lib variables per file.
    const scopes = scopeManager?.scopes ?? [];
    for (let s = 0; s < scopes.length; s++) {
      const { variables, references } = scopes[s];
      for (let v = 0; v < variables.length; v++) {
        const variable = variables[v];
        const identifiers = variable.identifiers;
        for (let i = 0; i < identifiers.length; i++) this.byIdentifier.set(identifiers[i], variable);
      }
      for (let r = 0; r < references.length; r++) {
        const reference = references[r];
        if (reference.resolved) this.byIdentifier.set(reference.identifier, reference.resolved);
      }
    }
  }

  variableOf(identifier: TSESTree.Node): Variable | undefined {
    return this.byIdentifier.get(identifier);
  }

  /**
   * Does the identifier name a global, not a binding of the file? Globals the environment declares (ESLint's
   * `languageOptions.globals`, `/* global x *\/` comments, TypeScript's lib: `JSON`, `Object`, `undefined`)
   * are variables without definitions.
   */
  isGlobal(identifier: TSESTree.Node): boolean {
    const variable = this.byIdentifier.get(identifier);
    return !variable || variable.defs.length === 0;
  }

  /** Every write to the variable: its initialiser and each assignment, with the destructuring path. */
  writesOf(variable: Variable): VariableWrite[] {
    let writes = this.writes.get(variable);
    if (writes) return writes;
    writes = [];
    for (const reference of variable.references) {
      if (!reference.isWrite()) continue;
      const identifier = reference.identifier as TSESTree.Identifier;
      const { root, path } = patternPath(identifier);
      const parent = root.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === root) {
        const inForOf = parent.parent?.parent?.type === AST_NODE_TYPES.ForOfStatement || parent.parent?.parent?.type === AST_NODE_TYPES.ForInStatement;
        writes.push({ value: inForOf ? undefined : parent.init ?? undefined, operator: "=", path, identifier });
      } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === root) {
        writes.push({ value: parent.right, operator: parent.operator, path, identifier });
      } else {
        writes.push({ value: undefined, operator: "?", path, identifier });
      }
    }
    this.writes.set(variable, writes);
    return writes;
  }

  /** The single definition of a variable, if it has exactly one. */
  definitionOf(variable: Variable): Definition | undefined {
    return variable.defs.length === 1 ? variable.defs[0] : undefined;
  }

  /**
   * Which parameter of `fn` an expression is (`params`, also `params = {}`), by position; -1 for anything
   * else. With `soleUse`, only a parameter read nowhere but here counts.
   */
  parameterIndex(fn: TSESTree.Node, node: TSESTree.Node | undefined, soleUse = false): number {
    if (node?.type !== AST_NODE_TYPES.Identifier || !("params" in fn)) return -1;
    const variable = this.variableOf(node);
    const definition = variable && this.definitionOf(variable);
    // With `soleUse`, no other use may check the value; writing it to a log (`console.log("page of", table)`) checks nothing.
    if (definition?.type !== "Parameter" || definition.node !== fn || (soleUse && variable!.references.filter((reference) => !isLogArgument(reference.identifier)).length !== 1)) return -1;
    return (fn.params as TSESTree.Parameter[]).findIndex((parameter) => parameter === definition.name || (parameter.type === AST_NODE_TYPES.AssignmentPattern && parameter.left === definition.name));
  }
}

/** Is the identifier an argument of `console.*(...)` or a `logger`/`log` method (`this.logger.info(...)`)? */
function isLogArgument(identifier: TSESTree.Node): boolean {
  const call = identifier.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(identifier as TSESTree.Expression)) return false;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = callee.object;
  const name = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.ThisExpression && object.property.type === AST_NODE_TYPES.Identifier ? object.property.name : undefined;
  return name === "console" || name === "logger" || name === "log";
}

/**
 * The module an import binding comes from: "m" for `import { a } from "m"`, `import a from "m"`,
 * `import * as a from "m"` and TypeScript's `import a = require("m")`; undefined for any other definition
 * (`import a = Namespace.member` names no module).
 */
export function importedModuleOf(definition: Definition | undefined): string | undefined {
  if (definition?.type !== "ImportBinding") return undefined;
  const node = definition.node;
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = node.moduleReference;
    return reference.type === AST_NODE_TYPES.TSExternalModuleReference && reference.expression.type === AST_NODE_TYPES.Literal
      ? String(reference.expression.value)
      : undefined;
  }
  const declaration = definition.parent;
  return declaration?.type === AST_NODE_TYPES.ImportDeclaration ? String(declaration.source.value) : undefined;
}

/**
 * From an identifier inside a destructuring pattern up to the pattern's root, collecting the member path.
 * `const { a: { b: [c] } } = v` for `c` → root `{ a: ... }`, path ["a", "b", "0"]. Unknown keys give "*".
 */
export function patternPath(identifier: TSESTree.Node): { root: TSESTree.Node; path: string[] } {
  const path: string[] = [];
  let current: TSESTree.Node = identifier;
  for (let i = 0; i < 500; i++) {
    const parent = current.parent;
    if (!parent) break;
    if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === current) {
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current && parent.parent?.type === AST_NODE_TYPES.ObjectPattern) {
      path.push(staticKeyName(parent) ?? "*");
      current = parent.parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.RestElement) {
      current = parent.parent?.type === AST_NODE_TYPES.ObjectPattern || parent.parent?.type === AST_NODE_TYPES.ArrayPattern ? parent.parent : parent;
      if (current === parent) break;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ArrayPattern) {
      path.push(String(parent.elements.indexOf(current as TSESTree.DestructuringPattern)));
      current = parent;
      continue;
    }
    break;
  }
  return { root: current, path: path.reverse() };
}
