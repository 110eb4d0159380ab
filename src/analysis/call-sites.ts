// Who calls a function, and with what: a parameter of a helper that only this file calls is judged by the
// arguments at its call sites; a parameter of an exported function, a public method or a function handed
// out as a value is "open" (callers elsewhere can pass anything). Bounded: recursion through helpers that
// pass their own parameters on stops after a few levels and counts as open.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { enclosingClass, memberChain, positionalArgument, staticKeyName, valueParent, type FunctionNode } from "./ast";
import type { FileIndex } from "./file-index";
import type { ScopeIndex, Variable } from "./scope";
import type { Origin, ValueResolver } from "./values";

type Node = TSESTree.Node;
type ParameterOrigin = Extract<Origin, { kind: "parameter" }>;

export interface CallSite {
  call: TSESTree.CallExpression;
  /** The argument passed for the parameter (undefined when the call passes none, or spreads). */
  argument: Node | undefined;
}

export type Callers =
  /** Only calls in this file reach the function: these ones. */
  | { kind: "local"; sites: CallSite[] }
  /** Code outside this file (or code this file hands the function to) can call it with anything. */
  | { kind: "open"; reason: "exported" | "escapes" | "public-method" | "object-method" | "unreferenced" }
  /** An inline callback of some other function (not an array method): its arguments are that function's business. */
  | { kind: "callback" };

export interface ParameterVerdict {
  /** True when a caller outside this file's view can choose the value. */
  open: boolean;
  /** The parameter that outside callers set (this one, or one of a function further up that passes it on). */
  openAt?: ParameterOrigin;
  /** The origins of the arguments at the local call sites, parameters resolved further up where possible. */
  origins: Origin[];
  /** Each local call site consulted, with the argument passed. */
  sites: CallSite[];
}

const MAX_LEVELS = 4;

export class CallSites {
  private readonly cache = new WeakMap<FunctionNode, Callers>();
  private aliases?: Map<string, TSESTree.TypeNode>;

  constructor(
    private readonly scope: ScopeIndex,
    private readonly values: ValueResolver,
    private readonly index: FileIndex,
    /** Cross-module analysis: every call of an exported function in the project, each with its module's value resolver. */
    private readonly projectCalls?: (fn: FunctionNode) => ReadonlyArray<{ call: TSESTree.CallExpression; module: { values: ValueResolver } }> | undefined,
  ) {}

  /** How a function is reached. */
  callersOf(fn: FunctionNode): Callers {
    let callers = this.cache.get(fn);
    if (!callers) {
      callers = this.computeCallers(fn);
      this.cache.set(fn, callers);
    }
    return callers;
  }

  /**
   * The judgement on a parameter origin: open when outside callers can set it, otherwise the origins of
   * what the local call sites pass (through further helper parameters, up to a few levels).
   */
  judgeParameter(origin: ParameterOrigin, level = 0, seen: Set<FunctionNode> = new Set(), askProject = true): ParameterVerdict {
    // `attribute: "Author" | "Title"`: the type checker holds every caller to those strings.
    if (origin.path.length === 0 && this.literalTyped(origin)) return { open: false, origins: [], sites: [] };
    if (level >= MAX_LEVELS || seen.has(origin.fn)) return { open: level >= MAX_LEVELS, openAt: level >= MAX_LEVELS ? origin : undefined, origins: [], sites: [] };
    const callers = this.callersOf(origin.fn);
    if (callers.kind === "open") {
      // Exported, yet every call in the project passes a constant (or configuration) here: nothing a caller chooses.
      if (askProject && callers.reason !== "escapes" && this.constantInEveryProjectCall(origin)) return { open: false, origins: [], sites: [] };
      return { open: true, openAt: origin, origins: [], sites: [] };
    }
    if (callers.kind === "callback") return { open: false, origins: [{ kind: "unknown", node: origin.node }], sites: [] };
    const nextSeen = new Set(seen).add(origin.fn);
    const verdict: ParameterVerdict = { open: false, origins: [], sites: [] };
    for (const site of callers.sites) {
      const argument = this.argumentAt(site.call, origin.index, origin.path);
      verdict.sites.push({ call: site.call, argument });
      if (!argument) continue;
      for (const inner of this.values.originsOf(argument)) {
        if (inner.kind === "parameter") {
          const further = this.judgeParameter(inner, level + 1, nextSeen, askProject);
          if (further.open && !verdict.open) verdict.openAt = further.openAt;
          verdict.open ||= further.open;
          verdict.origins.push(...further.origins);
        } else {
          verdict.origins.push(inner);
        }
      }
    }
    return verdict;
  }

  /** Is the parameter declared with a string literal or a union of them (directly or through a type alias of the file)? */
  private literalTyped(origin: ParameterOrigin): boolean {
    const parameter = origin.fn.params[origin.index];
    const declared = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter?.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
    const annotation = declared && "typeAnnotation" in declared ? declared.typeAnnotation?.typeAnnotation : undefined;
    return annotation !== undefined && this.isStringLiterals(annotation, origin.fn, 0);
  }

  private isStringLiterals(type: TSESTree.TypeNode, within: Node, depth: number): boolean {
    if (depth > 4) return false;
    if (type.type === AST_NODE_TYPES.TSLiteralType) return type.literal.type === AST_NODE_TYPES.Literal && typeof type.literal.value === "string";
    if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.every((member) => this.isStringLiterals(member, within, depth + 1));
    if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && !type.typeArguments) {
      const alias = this.typeAliases(within).get(type.typeName.name);
      return alias !== undefined && this.isStringLiterals(alias, within, depth + 1);
    }
    return false;
  }

  /** The file's top-level type aliases (`type Field = "Author" | "Title"`, also exported). */
  private typeAliases(within: Node): Map<string, TSESTree.TypeNode> {
    if (!this.aliases) {
      this.aliases = new Map();
      let program: Node = within;
      while (program.parent) program = program.parent;
      for (const statement of program.type === AST_NODE_TYPES.Program ? program.body : []) {
        const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
        if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && !declaration.typeParameters) this.aliases.set(declaration.id.name, declaration.typeAnnotation);
      }
    }
    return this.aliases;
  }

  private constantInEveryProjectCall(origin: ParameterOrigin): boolean {
    const calls = this.projectCalls?.(origin.fn);
    if (!calls) return false;
    return calls.every(({ call, module }) => {
      const argument = argumentIn(module.values, call, origin.index, origin.path);
      return !argument || module.values.originsOf(argument).every((inner) => inner.kind === "env" || inner.kind === "module");
    });
  }

  /**
   * `object` is a parameter for which every call (in this file, or in the project for an exported function)
   * passes an object literal with fixed keys: no spread, no computed key. Its keys are then constants.
   */
  fixedKeysInEveryCall(object: Node): boolean {
    const origins = this.values.originsOf(object);
    return origins.length > 0 && origins.every((origin) => origin.kind === "parameter" && origin.path.length === 0 && this.fixedKeysAtCalls(origin));
  }

  /**
   * For a name taken from the keys of a parameter's object: the origins of what the calls in this file that do
   * not pass fixed keys pass there (`setFields(id, { ...req.body })`). Undefined unless every caller is here.
   */
  openKeyOrigins(origin: ParameterOrigin): Origin[] | undefined {
    const callers = this.callersOf(origin.fn);
    if (callers.kind !== "local" || origin.path.length > 0) return undefined;
    return callers.sites
      .filter(({ call }) => !hasFixedKeys(this.values, call, origin.fn, origin.index))
      .flatMap(({ call }) => {
        const argument = this.argumentAt(call, origin.index);
        return argument ? this.values.originsOf(argument) : [];
      });
  }

  private fixedKeysAtCalls(origin: ParameterOrigin): boolean {
    const callers = this.callersOf(origin.fn);
    if (callers.kind === "local") {
      return callers.sites.length > 0 && callers.sites.every(({ call }) => hasFixedKeys(this.values, call, origin.fn, origin.index));
    }
    if (callers.kind !== "open" || callers.reason === "escapes") return false;
    const calls = this.projectCalls?.(origin.fn);
    return calls !== undefined && calls.length > 0 && calls.every(({ call, module }) => hasFixedKeys(module.values, call, origin.fn, origin.index));
  }

  /** The argument for parameter `index`, followed into an object literal by `path` when it can be. */
  argumentAt(call: TSESTree.CallExpression, index: number, path: readonly string[] = []): Node | undefined {
    return argumentIn(this.values, call, index, path);
  }

  private computeCallers(fn: FunctionNode): Callers {
    const { parent, child } = valueParent(fn);
    // An argument of a call: a callback (array-method callbacks are resolved by the value resolver).
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(child as TSESTree.CallExpressionArgument)) return { kind: "callback" };
    if (parent?.type === AST_NODE_TYPES.NewExpression) return { kind: "callback" };
    // Class methods: public ones are open; private ones (`#m`, TS `private m`, and by the JavaScript convention a
    // `_m` not declared `public` or `protected`) are called through `this` in the class.
    if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) {
      const member = parent;
      const isPrivate =
        member.key.type === AST_NODE_TYPES.PrivateIdentifier ||
        member.accessibility === "private" ||
        (member.accessibility === undefined && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name.startsWith("_"));
      const name = staticKeyName(member);
      const owner = enclosingClass(member);
      if (!isPrivate || name === undefined || !owner || member.static) return { kind: "open", reason: "public-method" };
      return { kind: "local", sites: this.thisCalls(owner, name) };
    }
    if (parent?.type === AST_NODE_TYPES.Property) return this.objectMethodCallers(parent, child) ?? { kind: "open", reason: "object-method" };
    if (isExportedDeclaration(fn, parent)) return { kind: "open", reason: "exported" };
    const variable = this.bindingOf(fn, parent, child);
    if (!variable) return { kind: "open", reason: "escapes" };
    const sites: CallSite[] = [];
    let references = 0;
    for (const reference of variable.references) {
      if (reference.init || (reference.isWrite() && !reference.isRead())) continue;
      references++;
      const identifier = reference.identifier as Node;
      const use = valueParent(identifier);
      if (use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use.child) {
        sites.push({ call: use.parent, argument: undefined });
        continue;
      }
      // Anything else (exported, passed on, stored): callers we cannot see.
      return { kind: "open", reason: use.parent?.type === AST_NODE_TYPES.ExportSpecifier ? "exported" : "escapes" };
    }
    // Never referenced: a closure nothing calls has no callers; a function at the top of a file may still be
    // called by convention or from another script.
    if (references === 0) return variable.scope.type === "function" ? { kind: "local", sites } : { kind: "open", reason: "unreferenced" };
    return { kind: "local", sites };
  }

  /**
   * A method of a const object literal of this file that never leaves it (`const db = { query: (p) => ... }`
   * used only as `db.query(...)`, `db.put(...)`): its calls `db.query(...)`. Undefined when the object is
   * exported, passed on or stored.
   */
  private objectMethodCallers(property: TSESTree.Property, value: Node): Callers | undefined {
    const name = staticKeyName(property);
    const object = property.parent;
    const declarator = object?.parent;
    if (name === undefined || property.value !== value || object?.type !== AST_NODE_TYPES.ObjectExpression || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== object) return undefined;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
    const variable = this.scope.variableOf(declarator.id);
    if (!variable || this.scope.writesOf(variable).length !== 1) return undefined;
    const sites: CallSite[] = [];
    for (const reference of variable.references) {
      if (reference.init || (reference.isWrite() && !reference.isRead())) continue;
      const member = reference.identifier.parent;
      const call = member?.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
      if (staticKeyName(member) === name) sites.push({ call, argument: undefined });
      else if (staticKeyName(member) === undefined) return undefined;
    }
    return { kind: "local", sites };
  }

  /** The variable a function is bound to: `function f() {}`, `const f = () => {}`. */
  private bindingOf(fn: FunctionNode, parent: Node | undefined, child: Node): Variable | undefined {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ? this.scope.variableOf(fn.id) : undefined;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = this.scope.variableOf(parent.id);
      return variable && this.scope.writesOf(variable).length === 1 ? variable : undefined;
    }
    return undefined;
  }

  /** `this.name(...)` calls inside the class body (not in nested classes). */
  private thisCalls(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): CallSite[] {
    const sites: CallSite[] = [];
    for (const call of this.index.calls) {
      if (call.range[0] < owner.range[0] || call.range[1] > owner.range[1]) continue;
      const chain = memberChain(call.callee);
      if (chain?.root.type === AST_NODE_TYPES.ThisExpression && chain.path.length === 1 && chain.path[0] === name && enclosingClass(call) === owner) {
        sites.push({ call, argument: undefined });
      }
    }
    return sites;
  }
}

/** The argument for parameter `index` of a call, followed into an object literal by `path` when it can be. */
function argumentIn(values: ValueResolver, call: TSESTree.CallExpression, index: number, path: readonly string[]): Node | undefined {
  if (call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
    return call.arguments[index] ?? call;
  }
  let node: Node | undefined = call.arguments[index];
  for (const key of path) {
    if (!node) break;
    const property: { value: Node } | undefined = values.resolveObject(node)?.properties.get(key);
    if (!property) break;
    node = property.value;
  }
  return node;
}

/** The call passes argument `index` as an object literal (directly or through a constant) whose keys are all written out: `{ Title: t, Author: a }`. */
function hasFixedKeys(values: ValueResolver, call: TSESTree.CallExpression, fn: FunctionNode, index: number): boolean {
  const argument = positionalArgument(call, index);
  if (!argument) {
    // Left out (`updateStage(id, "draft")`, no spread before it): the parameter's default (`extraFields = {}`), or
    // undefined, which has no keys.
    const parameter = fn.params[index];
    if (!parameter || call.arguments.some((given) => given.type === AST_NODE_TYPES.SpreadElement)) return false;
    if (parameter.type === AST_NODE_TYPES.Identifier) return true;
    return parameter.type === AST_NODE_TYPES.AssignmentPattern && isFixedKeysObject(values.definitionOf(parameter.right));
  }
  return isFixedKeysObject(values.definitionOf(argument));
}

function isFixedKeysObject(object: Node | undefined): boolean {
  return (
    object?.type === AST_NODE_TYPES.ObjectExpression &&
    object.properties.every((property) => property.type === AST_NODE_TYPES.Property && (!property.computed || property.key.type === AST_NODE_TYPES.Literal))
  );
}

function isExportedDeclaration(fn: FunctionNode, parent: Node | undefined): boolean {
  if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
  // module.exports = function () {}, exports.f = () => {}
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) {
    const chain = memberChain(parent.left);
    return chain?.root.type === AST_NODE_TYPES.Identifier && (chain.root.name === "exports" || chain.root.name === "module");
  }
  return false;
}
