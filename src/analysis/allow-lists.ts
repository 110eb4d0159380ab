// Allow-lists: is a request value checked against a fixed set of values before it is used? Rules
// that report request data deciding *which* table, index or attribute an operation touches stay quiet
// when the code has already mapped or checked that choice against the values it allows:
//
//   if (!ALLOWED.includes(x)) throw ...;      if (ALLOWED.has(x)) { use(x) }      ALLOWED.includes(x) ? x : D
//   switch (x) { case "a": case "b": use(x) }  switch (x) { case "a": break; default: return }
//   Object.keys(body).filter((k) => FIELDS.includes(k))       assert(ALLOWED.includes(x))
//   same-file predicates and assertions: `if (!isAllowedTable(x)) return`, `assertTable(x)`
//   NestJS `@Query("t", new ParseEnumPipe(Tables))`, schema enums: `z.object({ t: z.enum([...]) }).parse(req.query)`
//
// The allow-list is any collection that does not itself come from the request (a literal, a const, an
// import, the environment). Constant-table lookups (`FIELDS[x]`) are constant already for the value
// resolver. Comparisons used for ownership (`item.ownerId !== userId`) are not this module's concern.
// Unlike guards.ts, which asks whether a check dominates one use of a variable or member chain, this
// module asks about a request origin (framework and member path, `express:query.table`): the check may
// test an alias of the value, a variable it flows through, or happen before a helper call or the operation.
// Everything is bounded; an exhausted budget means "not guarded".
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, decoratorsOf, dottedName, findProperty, isFunction, isNothing, memberChain, objectOfKeysCall, staticKeyName, unwrap, type FunctionNode } from "./ast";
import { importedModuleOf, type ScopeIndex } from "./scope";
import { arrayCallbackReceiver, loopSource, type Origin, type ValueResolver } from "./values";

type Node = TSESTree.Node;
type RequestOrigin = Extract<Origin, { kind: "request" }>;

interface BlockGuards {
  positions: Map<Node, number>;
  guards: Array<{ index: number; keys: readonly string[] }>;
}

/** A walk back through a value's flow: its budget, what it has seen, and the places a dominating guard makes safe. */
interface FlowState {
  steps: number;
  seen: Set<Node>;
  sites: readonly (Node | undefined)[];
}

/** Names a value by where it comes from: two expressions with the same key carry the same request input. */
type KeyOf = (node: Node) => readonly string[];

const MAX_ANCESTORS = 400;
/** How many statements after `const { error } = schema.validate(x)` its test may come. */
const MAX_ERROR_TEST_DISTANCE = 3;
const MAX_FLOW_STEPS = 60;
const MAX_HELPER_DEPTH = 2;
/** Conditions nested deeper than this (`a || b || ...` hundreds long) are not analysed: not guarded. */
const MAX_CONDITION_DEPTH = 64;
const ASSERT_FUNCTIONS = new Set(["assert", "invariant", "ok", "strictEqual"]);
const MEMBERSHIP_METHODS = new Set(["includes", "has"]);
const FILTER_METHODS = new Set(["filter", "find", "findLast"]);
/** Array methods whose result holds only elements of the receiver. */
const SUBSET_METHODS = new Set(["filter", "slice", "sort", "toSorted", "reverse", "toReversed"]);
const ENUM_PIPES = new Set(["ParseEnumPipe"]);
/** NestJS parameter decorators that hand a DTO to the handler, and class-validator decorators that admit only listed values. */
const DTO_DECORATORS = new Set(["Query", "Body", "Param", "Headers"]);
const DTO_ALLOW_LIST_DECORATORS = new Set(["IsIn", "IsEnum"]);
/** Schema methods that return the validated value (zod, yup, Joi, valibot-style `parse`). */
const SCHEMA_VALIDATE_METHODS = new Set(["parse", "parseAsync", "safeParse", "safeParseAsync", "validateSync", "validate", "cast"]);
/** Schema builders that admit only listed values: zod `enum`/`nativeEnum`/`literal`, Joi `valid`, yup `oneOf`. */
const ENUM_SCHEMA_METHODS = new Set(["enum", "nativeEnum", "literal", "valid", "oneOf"]);
/** Object schema methods that let unknown keys through (zod, Joi). */
const OPEN_SCHEMA_METHODS = new Set(["passthrough", "catchall", "loose", "looseObject", "unknown", "pattern", "options", "prefs", "preferences"]);

/** The key of request input: framework and member path (`express:query.table`). */
export function requestKey(origin: RequestOrigin): string {
  return `${origin.framework}:${origin.path}`;
}

/** An AppSync resolver's argument, or a member of one (`event.arguments.input`: AppSync events are the Lambda events with `arguments`). */
export function isGraphQLArgument(origin: Origin): boolean {
  return origin.kind === "request" && (origin.framework === "appsync" || origin.framework === "lambda") && origin.path.startsWith("arguments.");
}

/** How a guard names a variable it checks (see requestKeys): never a request key, which has a framework before its colon. */
function variableKey(variable: NonNullable<ReturnType<ScopeIndex["variableOf"]>>): string {
  const name = variable.defs[0]?.name;
  return `variable:${variable.name}@${name ? name.range[0] : -1}`;
}

export class AllowListGuards {
  private readonly keyCache = new Map<Node, readonly string[]>();
  private readonly blockGuards = new WeakMap<readonly Node[], BlockGuards>();
  private readonly closingChecks = new WeakMap<readonly Node[], BlockGuards>();

  constructor(
    private readonly values: ValueResolver,
    private readonly scope: ScopeIndex,
    /** Every caller passes an object with fixed keys for this value (a parameter): its keys are constants. */
    private readonly fixedKeys?: (object: Node) => boolean,
    /** The expression an imported name stands for in the module that exports it, with that module's allow-lists. */
    private readonly importedSchema?: (name: TSESTree.Identifier | TSESTree.MemberExpression) => { allowLists: AllowListGuards; node: Node } | undefined,
  ) {}

  /**
   * True when request input `origin`, read by `value`, is checked against an allow-list on its way there:
   * a guard that dominates the value or a variable it flows through, a branch that only runs for allowed
   * values, a filter it flows through. `sites` are more places a dominating guard makes safe (the
   * operation that sends the value).
   */
  isAllowListed(origin: RequestOrigin, value: Node, sites: readonly (Node | undefined)[] = []): boolean {
    const key = requestKey(origin);
    const covers = (keys: readonly string[]) => keys.some((guarded) => key === guarded || key.startsWith(`${guarded}.`));
    if (this.enumPipeParameter(origin.node) || this.validatedDtoProperty(origin)) return true;
    if (this.guardedValue(value, key, covers, { steps: MAX_FLOW_STEPS, seen: new Set(), sites })) return true;
    return sites.some((site) => site !== undefined && this.guardedAt(site, covers));
  }

  /**
   * True when `node` is a key of an object whose keys are closed (`Object.keys(value).forEach((k) => ...)`,
   * `for (const k in value)`, `for (const [k] of Object.entries(value))`, `Object.entries(value).map(([k]) => ...)`):
   * `value` from `Joi.object({ ... }).validate(body)` or `z.object({ ... }).parse(body)`, one of the names the
   * schema lists; or a parameter every caller passes an object literal with fixed keys (`fixedKeys`).
   */
  isKeyOfClosedObject(node: Node): boolean {
    const object = this.keyedObject(node);
    return object !== undefined && (this.keysOfClosedSchema(object) || this.fixedKeys?.(object) === true);
  }

  /** The object whose keys the identifier `node` walks through, as `isKeyOfClosedObject` lists the shapes. */
  keyedObject(node: Node): Node | undefined {
    const current = unwrap(node);
    if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.scope.variableOf(current);
    const definition = variable?.defs[0];
    if (!variable || !definition) return undefined;
    if (definition.type === "Parameter") {
      const fn = definition.node as FunctionNode;
      const index = fn.params.findIndex((parameter) => parameter === definition.name);
      if (index >= 0) return this.objectOfKeyList(arrayCallbackReceiver(fn, index), "keys");
      // `Object.entries(value).map(([k, v]) => ...)`
      const entryIndex = fn.params.findIndex((parameter) => parameter.type === AST_NODE_TYPES.ArrayPattern && parameter.elements[0] === definition.name);
      return entryIndex >= 0 ? this.objectOfKeyList(arrayCallbackReceiver(fn, entryIndex), "entries") : undefined;
    }
    if (definition.type !== "Variable") return undefined;
    const writes = this.scope.writesOf(variable);
    return writes.length === 1 && !writes[0].value ? this.loopKeyedObject(writes[0].identifier, writes[0].path) : undefined;
  }

  /** `Object.keys(o)` (or `entries`), also through a variable holding it and methods that keep a subset of it (`.filter(...)`): o. */
  private objectOfKeyList(list: Node | undefined, method: "keys" | "entries"): Node | undefined {
    let current = list;
    for (let i = 0; current && i < 8; i++) {
      const object = objectOfKeysCall(current, method);
      if (object) return object;
      const value = unwrap(current);
      if (value.type === AST_NODE_TYPES.Identifier) {
        const definition = this.values.definitionOf(value);
        current = definition === value ? undefined : definition;
        continue;
      }
      const callee = value.type === AST_NODE_TYPES.CallExpression ? unwrap(value.callee) : undefined;
      current = callee?.type === AST_NODE_TYPES.MemberExpression && SUBSET_METHODS.has(staticKeyName(callee) ?? "") ? callee.object : undefined;
    }
    return undefined;
  }

  /** Follows the value back through variables, branches and conversions: every way `key` reaches it is guarded. */
  private guardedValue(node: Node, key: string, covers: (keys: readonly string[]) => boolean, state: FlowState): boolean {
    if (--state.steps < 0 || state.seen.has(node)) return false;
    state.seen.add(node);
    const read = unwrap(node);
    const variable = read.type === AST_NODE_TYPES.Identifier ? this.scope.variableOf(read) : undefined;
    const coversHere = variable ? (keys: readonly string[]) => covers(keys) || keys.includes(variableKey(variable)) : covers;
    if (this.guardedAt(node, coversHere) || this.validatedByEnumSchema(node)) return true;
    const carries = (part: Node | null | undefined) => !!part && this.values.originsOf(part).some((origin) => origin.kind === "request" && keyCovers(requestKey(origin), key));
    // In a helper the request arrives as a parameter (`handleUpdate(id, body)`): the parts from parameters carry it.
    const fromParameter = (part: Node | null | undefined) => !!part && this.values.originsOf(part).some((origin) => origin.kind === "parameter");
    const all = (parts: readonly (Node | null | undefined)[]) => {
      let carrying = parts.filter(carries) as Node[];
      if (carrying.length === 0) carrying = parts.filter(fromParameter) as Node[];
      return carrying.length > 0 && carrying.every((part) => this.guardedValue(part, key, covers, state));
    };
    const current = unwrap(node);
    switch (current.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.guardedValue(current.argument, key, covers, state);
      case AST_NODE_TYPES.ConditionalExpression:
        return all([current.consequent, current.alternate]);
      case AST_NODE_TYPES.LogicalExpression:
        return all([current.left, current.right]);
      case AST_NODE_TYPES.TemplateLiteral:
        return all(current.expressions);
      case AST_NODE_TYPES.BinaryExpression:
        return all([current.left as Node, current.right]);
      case AST_NODE_TYPES.MemberExpression:
        return this.guardedValue(current.object, key, covers, state);
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(current.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          if (this.isAllowListFilter(callee)) return true;
          const object = objectOfKeysCall(current, "keys");
          if (object && this.keysOfClosedSchema(object, state.sites)) return true;
          if (carries(callee.object)) return this.guardedValue(callee.object, key, covers, state);
        }
        return all(current.arguments);
      }
      case AST_NODE_TYPES.Identifier: {
        const variable = this.scope.variableOf(current);
        const definition = variable?.defs[0];
        if (!variable || !definition) return false;
        if (definition.type === "Parameter") {
          const fn = definition.node as FunctionNode;
          const index = fn.params.findIndex((parameter) => parameter.range[0] <= definition.name.range[0] && definition.name.range[1] <= parameter.range[1]);
          const list = index >= 0 ? arrayCallbackReceiver(fn, index) : undefined;
          return list !== undefined && this.guardedValue(list, key, covers, state);
        }
        if (definition.type !== "Variable") return false;
        // Loop variables that are keys of a closed schema's result: `for (const k in value)`, `for (const [k] of Object.entries(value))`.
        const allWrites = this.scope.writesOf(variable);
        const writes = allWrites.filter((write) => write.value || !this.loopKeyOfClosedSchema(write.identifier, write.path, state.sites));
        if (writes.length === 0) return allWrites.length > 0;
        return all(writes.map((write) => write.value ?? loopSource(write.identifier)));
      }
      default:
        return false;
    }
  }

  /**
   * A value a schema validator returned where the schema only admits listed values:
   * `const { table } = z.object({ table: z.enum(["a", "b"]) }).parse(req.query)`, `Schema.parse(body).sort`,
   * Joi `.valid(...)`, yup `.oneOf([...])`, zod `z.nativeEnum(E)` / `z.literal(...)`.
   */
  private validatedByEnumSchema(node: Node): boolean {
    const result = this.schemaResult(node);
    return result !== undefined && this.schemaAllowsOnlyListed(result.schema, result.path, 0);
  }

  /**
   * The validator call a value comes from, the schema it validates with and the path of the value inside
   * the validated object: `Schema.parse(req.query).sort` → (Schema, ["sort"]), `const { value } =
   * schema.validate(body)` → (schema, []). Undefined when the value is not read from a validator's result.
   */
  private schemaResult(node: Node): { call: TSESTree.CallExpression; schema: Node; path: string[] } | undefined {
    const path: string[] = [];
    let current: Node = unwrap(node);
    for (let i = 0; i < 20; i++) {
      if (current.type === AST_NODE_TYPES.AwaitExpression) {
        current = unwrap(current.argument);
        continue;
      }
      if (current.type === AST_NODE_TYPES.MemberExpression) {
        const key = staticKeyName(current);
        if (key === undefined) return undefined;
        path.unshift(key);
        current = unwrap(current.object);
        continue;
      }
      if (current.type === AST_NODE_TYPES.Identifier) {
        const variable = this.scope.variableOf(current);
        if (!variable || variable.defs[0]?.type !== "Variable") return undefined;
        const writes = this.scope.writesOf(variable);
        if (writes.length !== 1 || !writes[0].value) return undefined;
        path.unshift(...writes[0].path);
        current = unwrap(writes[0].value);
        continue;
      }
      if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = unwrap(current.callee);
      const name = calleeName(current);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !name || !SCHEMA_VALIDATE_METHODS.has(name)) return undefined;
      // safeParse(x).data, Joi's validate(x).value
      if ((name === "safeParse" || name === "safeParseAsync") && path[0] === "data") path.shift();
      else if (name === "validate" && path[0] === "value") path.shift();
      return { call: current, schema: callee.object, path };
    }
    return undefined;
  }

  /**
   * `Object.keys(v)`, `for (const k in v)`, the keys of `Object.entries(v)`, where `v` is what a closed
   * object schema returned: zod's `z.object({ ... })` drops unknown keys and Joi's `Joi.object({ ... })`
   * rejects them, so every key is one the schema lists. yup keeps unknown keys unless `.noUnknown()`.
   */
  private keysOfClosedSchema(object: Node, sites: readonly (Node | undefined)[] = []): boolean {
    // An AppSync resolver's argument object (`event.arguments.input`): AppSync checked it against the GraphQL schema's
    // input type, so its keys are that type's field names.
    const origins = this.values.originsOf(object);
    if (origins.length > 0 && origins.every(isGraphQLArgument)) return true;
    // Request input itself, after a check that rejects unknown keys: `if (schema.validate(req.body).error) return`.
    if (origins.length > 0 && origins.every((origin) => origin.kind === "request" && this.keysClosedAt(origin, object))) return true;
    // A helper's parameter, judged for a call of the helper among `sites` (`update(id, req.body)`): the argument's keys there.
    if (origins.length > 0 && origins.every((origin) => origin.kind === "parameter" && origin.path.length === 0 && this.closedArgumentAt(origin, sites))) return true;
    const result = this.schemaResult(object);
    if (!result || result.path.length > 0) return false;
    const schema = this.objectSchema(result.schema);
    if (!schema) return false;
    const options = result.call.arguments[1];
    if (schema.library === "zod") return true;
    if (schema.library === "joi") return !allowsUnknown(options);
    return schema.library === "yup" && schema.methods.includes("noUnknown");
  }

  /**
   * An object schema of zod, Joi or yup that lets no unknown key through by a method (`passthrough`, `unknown`, ...):
   * its library and the methods of its definition. Also one exported by a module this file imports.
   */
  objectSchema(schema: Node): { library: "zod" | "joi" | "yup"; methods: string[] } | undefined {
    const definition = unwrap(this.values.definitionOf(schema) ?? schema);
    if ((definition.type === AST_NODE_TYPES.Identifier || definition.type === AST_NODE_TYPES.MemberExpression) && this.importedSchema) {
      const imported = this.importedSchema(definition);
      return imported?.allowLists.objectSchema(imported.node);
    }
    const calls = schemaCallChain(definition);
    const methods = calls.map((call) => calleeName(call) ?? "");
    const innermost = calls[calls.length - 1];
    if (!innermost || (methods[methods.length - 1] !== "object" && methods[methods.length - 1] !== "strictObject")) return undefined;
    if (methods.some((name) => OPEN_SCHEMA_METHODS.has(name))) return undefined;
    const library = this.moduleOf(innermost.callee);
    if (library === "zod" || library?.startsWith("zod/")) return { library: "zod", methods };
    if (isJoi(library)) return { library: "joi", methods };
    return library === "yup" ? { library: "yup", methods } : undefined;
  }

  // ---------------------------------------------------------------- checks that close an object's keys

  /**
   * True when a check before `site` stops request input `origin` from going on with a key its schema does not
   * list, so that the input's keys are the schema's: Joi's `const { error } = schema.validate(req.body); if (error)
   * return ...`, `await schema.validateAsync(req.body)`, `Joi.assert(req.body, schema)`, a strict zod schema's
   * `parse(req.body)`, each also in a `try` whose `catch` exits. zod's other objects and yup strip unknown keys
   * from the copy they return and leave the input as it was.
   */
  keysClosedAt(origin: RequestOrigin, site: Node): boolean {
    const key = requestKey(origin);
    let child: Node = site;
    let parent = site.parent;
    for (let i = 0; parent && i < MAX_ANCESTORS; i++, child = parent, parent = parent.parent) {
      const statements =
        parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.StaticBlock
          ? (parent.body as readonly Node[])
          : parent.type === AST_NODE_TYPES.SwitchCase
            ? parent.consequent
            : undefined;
      if (!statements) continue;
      // The statements of the list after which request input has only its schema's keys.
      const { positions, guards } = indexedChecks(statements, this.closingChecks, (index) => this.closingCheckAt(statements, index));
      const index = positions.get(child) ?? -1;
      if (guards.some((check) => check.index < index && check.keys.includes(key))) return true;
    }
    return false;
  }

  /** A call of the parameter's function among `sites` passes request input there whose keys a check has closed. */
  private closedArgumentAt(parameter: Extract<Origin, { kind: "parameter" }>, sites: readonly (Node | undefined)[]): boolean {
    return sites.some((site) => {
      if (site?.type !== AST_NODE_TYPES.CallExpression || this.values.sameFileFunction(unwrap(site.callee)) !== parameter.fn) return false;
      const argument = site.arguments[parameter.index];
      const origins = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? this.values.originsOf(argument) : [];
      return origins.length > 0 && origins.every((origin) => origin.kind === "request" && this.keysClosedAt(origin, site));
    });
  }

  /** The checks statement `index` starts: at the statement itself, or at the later `if` that tests a validation's error. */
  private closingCheckAt(statements: readonly Node[], index: number): Array<{ index: number; keys: readonly string[] }> {
    const statement = statements[index];
    switch (statement.type) {
      case AST_NODE_TYPES.ExpressionStatement: {
        const keys = this.throwingCheckKeys(statement.expression);
        return keys.length > 0 ? [{ index, keys }] : [];
      }
      case AST_NODE_TYPES.VariableDeclaration: {
        const checks: Array<{ index: number; keys: readonly string[] }> = [];
        for (const declarator of statement.declarations) {
          if (!declarator.init) continue;
          const keys = this.throwingCheckKeys(declarator.init);
          if (keys.length > 0) checks.push({ index, keys });
          // const { error } = schema.validate(req.body); if (error) return res.status(400).send(error.message);
          const validated = this.reportingCheckKeys(declarator.init);
          if (validated.length === 0) continue;
          const isError = errorReadOf(declarator.id, this.scope);
          for (let next = index + 1; next < statements.length && next <= index + MAX_ERROR_TEST_DISTANCE; next++) {
            const later = statements[next];
            if (later.type === AST_NODE_TYPES.IfStatement && alwaysExits(later.consequent) && isError(later.test)) {
              checks.push({ index: next, keys: validated });
              break;
            }
          }
        }
        return checks;
      }
      case AST_NODE_TYPES.IfStatement: {
        // if (schema.validate(req.body).error) return ...
        const test = unwrap(statement.test);
        if (!alwaysExits(statement.consequent) || test.type !== AST_NODE_TYPES.MemberExpression || staticKeyName(test) !== "error") return [];
        const keys = this.reportingCheckKeys(test.object);
        return keys.length > 0 ? [{ index, keys }] : [];
      }
      case AST_NODE_TYPES.TryStatement: {
        // try { await schema.validateAsync(req.body) } catch (error) { return res.status(400).end() }
        if (!statement.handler || !alwaysExits(statement.handler.body)) return [];
        const body = statement.block.body;
        const keys = body.flatMap((_, inner) => this.closingCheckAt(body, inner).flatMap((check) => check.keys));
        return keys.length > 0 ? [{ index, keys }] : [];
      }
      default:
        return [];
    }
  }

  /** Request keys of the input a check rejects by throwing when it has an unknown key (`await schema.validateAsync(x)`, `Joi.assert(x, schema)`, a strict zod `parse(x)`). */
  private throwingCheckKeys(expression: Node): readonly string[] {
    const awaited = unwrap(expression).type === AST_NODE_TYPES.AwaitExpression;
    const call = unwrap(awaited ? (unwrap(expression) as TSESTree.AwaitExpression).argument : expression);
    if (call.type !== AST_NODE_TYPES.CallExpression) return [];
    const callee = unwrap(call.callee);
    const name = calleeName(call);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !call.arguments[0]) return [];
    const [input, second, ...rest] = call.arguments;
    if ((name === "assert" || name === "attempt") && second && isJoi(this.moduleOf(callee.object))) {
      // Joi.assert(value, schema, [message], [options])
      const schema = this.objectSchema(second);
      const options = rest.find((argument) => unwrap(argument).type === AST_NODE_TYPES.ObjectExpression);
      return schema?.library === "joi" && !allowsUnknown(options) ? this.requestKeys(input) : [];
    }
    const schema = name === "validateAsync" || name === "parse" || name === "parseAsync" ? this.objectSchema(callee.object) : undefined;
    if (!schema || (name !== "parse" && !awaited)) return [];
    if (name === "validateAsync") return schema.library === "joi" && !allowsUnknown(second) ? this.requestKeys(input) : [];
    // zod: only a strict object throws on unknown keys (`z.strictObject({ ... })`, `z.object({ ... }).strict()`).
    return schema.library === "zod" && (schema.methods.includes("strict") || schema.methods.includes("strictObject")) ? this.requestKeys(input) : [];
  }

  /** Request keys of the input Joi's `schema.validate(x)` checks, returning the error instead of throwing it. */
  private reportingCheckKeys(expression: Node): readonly string[] {
    const call = unwrap(expression);
    if (call.type !== AST_NODE_TYPES.CallExpression || calleeName(call) !== "validate" || !call.arguments[0]) return [];
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || this.objectSchema(callee.object)?.library !== "joi") return [];
    return allowsUnknown(call.arguments[1]) ? [] : this.requestKeys(call.arguments[0]);
  }

  private loopKeyOfClosedSchema(identifier: TSESTree.Identifier, path: readonly string[], sites: readonly (Node | undefined)[]): boolean {
    const object = this.loopKeyedObject(identifier, path);
    return object !== undefined && this.keysOfClosedSchema(object, sites);
  }

  /** The object a loop variable walks the keys of: `for (const k in o)`, `for (const k of Object.keys(o))`, `for (const [k] of Object.entries(o))`. */
  private loopKeyedObject(identifier: TSESTree.Identifier, path: readonly string[]): Node | undefined {
    const iterated = loopSource(identifier);
    if (!iterated) return undefined;
    if (iterated.parent?.type === AST_NODE_TYPES.ForInStatement) return path.length === 0 ? iterated : undefined;
    if (path.length === 0) return this.objectOfKeyList(iterated, "keys");
    return path.length === 1 && path[0] === "0" ? this.objectOfKeyList(iterated, "entries") : undefined;
  }

  /** The module an imported or required name comes from: `z` of `import { z } from "zod"`, `Joi` of `require("joi")`. */
  private moduleOf(callee: Node): string | undefined {
    let root = unwrap(callee);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const definition = this.scope.variableOf(root)?.defs[0];
    if (definition?.type === "ImportBinding") return importedModuleOf(definition);
    if (definition?.type === "Variable" && definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
      const init = unwrap(definition.node.init);
      const specifier = init.type === AST_NODE_TYPES.CallExpression && calleeName(init) === "require" ? init.arguments[0] : undefined;
      return specifier?.type === AST_NODE_TYPES.Literal && typeof specifier.value === "string" ? specifier.value : undefined;
    }
    return undefined;
  }

  /** The schema (zod, yup, Joi) at `path` inside `schema` only admits listed values. */
  private schemaAllowsOnlyListed(schema: Node, path: readonly string[], depth: number): boolean {
    if (depth > 8) return false;
    const definition = unwrap(this.values.definitionOf(schema) ?? schema);
    const calls = schemaCallChain(definition);
    if (path.length === 0) {
      return calls.some((call) => ENUM_SCHEMA_METHODS.has(calleeName(call) ?? "")) && !calls.some((call) => calleeName(call) === "or");
    }
    // z.object({ ... }), yup.object({ ... }), Joi.object({ ... }) or Joi.object().keys({ ... })
    for (const call of calls) {
      const name = calleeName(call);
      const shape = call.arguments[0];
      if ((name !== "object" && name !== "keys" && name !== "shape" && name !== "extend") || shape?.type !== AST_NODE_TYPES.ObjectExpression) continue;
      const member = findProperty(shape, path[0]);
      if (member) return this.schemaAllowsOnlyListed(member.value, path.slice(1), depth + 1);
    }
    return false;
  }

  /**
   * Request-input keys of a tested expression (empty when it carries no request input). A variable written
   * more than once is not named: the resolver does not know which write the test saw.
   */
  private requestKeys: KeyOf = (node) => {
    let keys = this.keyCache.get(node);
    if (!keys) {
      const value = unwrap(node);
      const variable = value.type === AST_NODE_TYPES.Identifier ? this.scope.variableOf(value) : undefined;
      const rewritten = variable !== undefined && variable.defs[0]?.type === "Variable" && this.scope.writesOf(variable).length > 1;
      keys = rewritten ? [] : [...new Set(this.values.originsOf(node).flatMap((origin) => (origin.kind === "request" ? [requestKey(origin)] : [])))];
      // The variable itself, whatever it holds: a guard on it (`if (!EDITABLE.includes(key)) throw`) covers its reads,
      // also where its value comes from a parameter rather than the request (a helper, another module's function).
      if (variable && !rewritten) keys = [...keys, variableKey(variable)];
      this.keyCache.set(node, keys);
    }
    return keys;
  };

  private guardedAt(site: Node, covers: (keys: readonly string[]) => boolean): boolean {
    let child: Node = site;
    let parent = site.parent;
    for (let i = 0; parent && i < MAX_ANCESTORS; i++, child = parent, parent = parent.parent) {
      switch (parent.type) {
        case AST_NODE_TYPES.Program:
        case AST_NODE_TYPES.BlockStatement:
        case AST_NODE_TYPES.StaticBlock:
          if (this.precedingGuard(parent.body as readonly Node[], child, covers)) return true;
          break;
        case AST_NODE_TYPES.SwitchCase:
          if (this.precedingGuard(parent.consequent, child, covers)) return true;
          if (parent.consequent.includes(child as TSESTree.Statement) && this.inConstantCase(parent) && covers(this.requestKeys(parent.parent.discriminant))) {
            return true;
          }
          break;
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.ConditionalExpression:
          if (child === parent.consequent && covers(this.implied(parent.test, true, this.requestKeys, 0))) return true;
          if (child === parent.alternate && covers(this.implied(parent.test, false, this.requestKeys, 0))) return true;
          break;
        case AST_NODE_TYPES.LogicalExpression:
          if (child === parent.right && parent.operator === "&&" && covers(this.implied(parent.left, true, this.requestKeys, 0))) return true;
          if (child === parent.right && parent.operator === "||" && covers(this.implied(parent.left, false, this.requestKeys, 0))) return true;
          break;
        case AST_NODE_TYPES.MemberExpression:
          // list.filter((x) => ALLOWED.includes(x)): every element that goes on is allowed.
          if (parent.object === child && this.isAllowListFilter(parent)) return true;
          break;
        default:
          break;
      }
    }
    return false;
  }

  /** A statement before `child` in `statements` after which the value is known to be allowed. */
  private precedingGuard(statements: readonly Node[], child: Node, covers: (keys: readonly string[]) => boolean): boolean {
    const { positions, guards } = this.guardsOf(statements);
    const index = positions.get(child) ?? -1;
    for (const guard of guards) {
      if (guard.index >= index) break;
      if (covers(guard.keys)) return true;
    }
    return false;
  }

  /** The guard statements of a statement list and what each allows, computed once per list (in statement order). */
  private guardsOf(statements: readonly Node[]): BlockGuards {
    return indexedChecks(statements, this.blockGuards, (index) => {
      const keys = this.statementGuardKeys(statements[index]);
      return keys.length > 0 ? [{ index, keys }] : [];
    });
  }

  /** The request-input keys a statement lets through only when they are allowed (empty for most statements). */
  private statementGuardKeys(statement: Node): string[] {
    switch (statement.type) {
      case AST_NODE_TYPES.IfStatement: {
        const keys: string[] = [];
        if (alwaysExits(statement.consequent)) keys.push(...this.implied(statement.test, false, this.requestKeys, 0));
        if (statement.alternate && alwaysExits(statement.alternate)) keys.push(...this.implied(statement.test, true, this.requestKeys, 0));
        return keys;
      }
      case AST_NODE_TYPES.SwitchStatement:
        return this.isExhaustiveConstantSwitch(statement) ? [...this.requestKeys(statement.discriminant)] : [];
      case AST_NODE_TYPES.ExpressionStatement:
        return this.assertion(statement.expression, this.requestKeys, 0);
      default:
        return [];
    }
  }

  /**
   * Keys of the values that are in an allow-list whenever `test` evaluates to `truth`. `keyOf` names the
   * values (request input keys for code, parameter positions inside a helper).
   */
  private implied(test: Node, truth: boolean, keyOf: KeyOf, depth: number, level = 0): string[] {
    if (level > MAX_CONDITION_DEPTH) return [];
    const node = unwrap(test);
    if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "!") return this.implied(node.argument, !truth, keyOf, depth, level + 1);
    if (node.type === AST_NODE_TYPES.LogicalExpression && (node.operator === "&&" || node.operator === "||")) {
      // (A && B) true: both hold, either implies. (A && B) false: one fails, both must imply. Dually for ||.
      const left = this.implied(node.left, truth, keyOf, depth, level + 1);
      const right = this.implied(node.right, truth, keyOf, depth, level + 1);
      const either = (node.operator === "&&") === truth;
      return either ? [...new Set([...left, ...right])] : left.filter((key) => right.includes(key));
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression) return this.comparison(node, truth, keyOf);
    if (node.type === AST_NODE_TYPES.Identifier) {
      // `const valid = ALLOWED.includes(x); if (!valid) return;`: the test the variable holds.
      const variable = this.scope.variableOf(node);
      const writes = variable?.defs[0]?.type === "Variable" ? this.scope.writesOf(variable) : [];
      const value = writes.length === 1 && writes[0].path.length === 0 ? writes[0].value : undefined;
      return value ? this.implied(value, truth, keyOf, depth, level + 8) : [];
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const subject = this.membershipSubject(node);
      if (subject) return truth ? [...keyOf(subject)] : [];
      return this.predicateCall(node, truth, keyOf, depth);
    }
    return [];
  }

  /** `x === "a"`, `x !== "a"`, `C.indexOf(x) !== -1`, `x in TABLES`. */
  private comparison(node: TSESTree.BinaryExpression, truth: boolean, keyOf: KeyOf): string[] {
    const { operator } = node;
    if (operator === "in") {
      return truth && node.left.type !== AST_NODE_TYPES.PrivateIdentifier && this.isAllowList(node.right) ? [...keyOf(node.left)] : [];
    }
    const left = unwrap(node.left as Node);
    const right = unwrap(node.right);
    const indexOf = (side: Node) => (side.type === AST_NODE_TYPES.CallExpression && calleeName(side) === "indexOf" ? this.indexOfSubject(side) : undefined);
    const minusOne = (side: Node) => side.type === AST_NODE_TYPES.UnaryExpression && side.operator === "-" && isNumber(side.argument, 1);
    const indexed = indexOf(left);
    if (indexed) {
      // C.indexOf(x) !== -1 / > -1 / >= 0 hold for members; === -1 / < 0 for the rest.
      const member =
        ((operator === "!==" || operator === "!=" || operator === ">") && minusOne(right)) || (operator === ">=" && isNumber(right, 0));
      const nonMember = ((operator === "===" || operator === "==") && minusOne(right)) || (operator === "<" && isNumber(right, 0));
      if ((member && truth) || (nonMember && !truth)) return [...keyOf(indexed)];
      return [];
    }
    const equal = operator === "===" || operator === "==";
    const notEqual = operator === "!==" || operator === "!=";
    if (!(equal && truth) && !(notEqual && !truth)) return [];
    if (this.isConstant(right)) return [...keyOf(left)];
    if (this.isConstant(left)) return [...keyOf(right)];
    return [];
  }

  private isConstant(node: Node): boolean {
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.Identifier && value.name === "undefined") return false;
    if (value.type === AST_NODE_TYPES.Literal && value.value === null) return false;
    return this.values.originsOf(value).length === 0;
  }

  /** `ALLOWED.includes(x)`, `ALLOWED.has(x)`, `Object.hasOwn(T, x)`, `T.hasOwnProperty(x)`: x, when the collection is an allow-list. */
  private membershipSubject(call: TSESTree.CallExpression): Node | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = staticKeyName(callee);
    const [first, second] = call.arguments;
    if (name && MEMBERSHIP_METHODS.has(name) && first && first.type !== AST_NODE_TYPES.SpreadElement && this.isAllowList(callee.object)) return first;
    if (name === "hasOwnProperty" && first && first.type !== AST_NODE_TYPES.SpreadElement && this.isAllowList(callee.object)) return first;
    const text = dottedName(memberChain(callee));
    if (text === "Object.hasOwn" && first && second && second.type !== AST_NODE_TYPES.SpreadElement && this.isAllowList(first)) return second;
    if (text === "Object.prototype.hasOwnProperty.call" && first && second && second.type !== AST_NODE_TYPES.SpreadElement && this.isAllowList(first)) return second;
    return undefined;
  }

  private indexOfSubject(call: TSESTree.CallExpression): Node | undefined {
    const callee = unwrap(call.callee);
    const first = call.arguments[0];
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
    return this.isAllowList(callee.object) ? first : undefined;
  }

  /** A collection that does not come from the request, and is not a string (`"a,b".includes(x)` is a substring test). */
  private isAllowList(node: Node): boolean {
    const definition = this.values.definitionOf(node) ?? node;
    if (definition.type === AST_NODE_TYPES.Literal || definition.type === AST_NODE_TYPES.TemplateLiteral) return false;
    // The caller's own list (`req.user.tables.includes(x)`) is an allow-list too; the request's is not.
    return !this.values.originsOf(node).some((origin) => origin.kind === "request");
  }

  /** `isAllowedTable(x)` where the same-file helper returns an allow-list test of its parameter. */
  private predicateCall(call: TSESTree.CallExpression, truth: boolean, keyOf: KeyOf, depth: number): string[] {
    const helper = this.helperOf(call, depth);
    if (!helper) return [];
    const parameterKeys = this.parameterKeyOf(helper);
    let common: string[] | undefined;
    for (const returned of this.values.returnsOf(helper)) {
      const positions = this.implied(returned, truth, parameterKeys, depth + 1);
      common = common === undefined ? positions : common.filter((position) => positions.includes(position));
    }
    return this.argumentKeys(call, common ?? [], keyOf);
  }

  /** `assert(ALLOWED.includes(x))`, or a same-file helper whose body starts by throwing for values outside an allow-list. */
  private assertion(expression: Node, keyOf: KeyOf, depth: number): string[] {
    const call = unwrap(expression);
    if (call.type === AST_NODE_TYPES.AwaitExpression) return this.assertion(call.argument, keyOf, depth);
    if (call.type !== AST_NODE_TYPES.CallExpression) return [];
    const name = calleeName(call);
    if (name && ASSERT_FUNCTIONS.has(name) && call.arguments[0]) return this.implied(call.arguments[0], true, keyOf, depth);
    const helper = this.helperOf(call, depth);
    if (!helper || helper.body?.type !== AST_NODE_TYPES.BlockStatement) return [];
    const parameterKeys = this.parameterKeyOf(helper);
    const positions: string[] = [];
    for (const statement of helper.body.body) {
      if (statement.type === AST_NODE_TYPES.IfStatement && alwaysThrows(statement.consequent)) {
        positions.push(...this.implied(statement.test, false, parameterKeys, depth + 1));
      } else if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
        positions.push(...this.assertion(statement.expression, parameterKeys, depth + 1));
      }
    }
    return this.argumentKeys(call, positions, keyOf);
  }

  private helperOf(call: TSESTree.CallExpression, depth: number): FunctionNode | undefined {
    if (depth >= MAX_HELPER_DEPTH) return undefined;
    return this.values.sameFileFunction(unwrap(call.callee));
  }

  /** Inside a helper, names an expression by the position of the parameter it is. */
  private parameterKeyOf(helper: FunctionNode): KeyOf {
    return (node) => {
      const value = unwrap(node);
      if (value.type !== AST_NODE_TYPES.Identifier) return [];
      const variable = this.scope.variableOf(value);
      const index = helper.params.findIndex((parameter) => parameter.type === AST_NODE_TYPES.Identifier && this.scope.variableOf(parameter) === variable);
      return variable && index >= 0 ? [String(index)] : [];
    };
  }

  private argumentKeys(call: TSESTree.CallExpression, positions: readonly string[], keyOf: KeyOf): string[] {
    const keys: string[] = [];
    for (const position of new Set(positions)) {
      const argument = call.arguments[Number(position)];
      if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) keys.push(...keyOf(argument));
    }
    return keys;
  }

  /** `list.filter((x) => ALLOWED.includes(x))` (or a same-file predicate passed by name). */
  private isAllowListFilter(member: TSESTree.MemberExpression): boolean {
    const name = staticKeyName(member);
    const call = member.parent;
    if (!name || !FILTER_METHODS.has(name) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
    const argument = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    const predicate = isFunction(argument) ? argument : argument ? this.values.sameFileFunction(argument) : undefined;
    if (!predicate || predicate.params.length === 0) return false;
    const keyOf = this.parameterKeyOf(predicate);
    const returns = this.values.returnsOf(predicate);
    return returns.length > 0 && returns.every((returned) => this.implied(returned, true, keyOf, 1).includes("0"));
  }

  /** `case "a":` in a switch, reachable only through constant cases (no fall-through from `default`). */
  private inConstantCase(clause: TSESTree.SwitchCase): boolean {
    if (!clause.test || !this.isConstant(clause.test)) return false;
    const cases = clause.parent.cases;
    for (let i = cases.indexOf(clause) - 1; i >= 0; i--) {
      const previous = cases[i];
      if (previous.consequent.some((statement) => alwaysExits(statement))) return true;
      if (!previous.test || !this.isConstant(previous.test)) return false;
    }
    return true;
  }

  /** `switch (x) { case "a": ...; default: throw ... }`: after it, x is one of the cases. */
  private isExhaustiveConstantSwitch(statement: TSESTree.SwitchStatement): boolean {
    const fallback = statement.cases.find((clause) => clause.test === null);
    if (!fallback || !fallback.consequent.some((item) => alwaysExits(item))) return false;
    return statement.cases.every((clause) => clause.test === null || this.isConstant(clause.test));
  }

  /** NestJS `@Query("table", new ParseEnumPipe(Tables)) table`: the pipe rejects values outside the enum. */
  /**
   * A member of a NestJS DTO parameter whose class (in this file) declares it with class-validator's
   * `@IsIn([...])` or `@IsEnum(E)`: `list(@Query() q: ListDto)` with `@IsIn(["byDate"]) index` makes `q.index`
   * one of the listed values once the ValidationPipe ran.
   */
  private validatedDtoProperty(origin: RequestOrigin): boolean {
    if (origin.framework !== "nestjs") return false;
    let root: Node = unwrap(origin.node);
    const path: string[] = [];
    for (let i = 0; i < 10 && root.type === AST_NODE_TYPES.MemberExpression; i++) root = unwrap(root.object);
    if (root.type === AST_NODE_TYPES.Identifier) {
      // `const { index } = q`: the destructured member of the parameter.
      const variable = this.scope.variableOf(root);
      if (variable?.defs[0]?.type === "Variable") {
        const writes = this.scope.writesOf(variable);
        const value = writes.length === 1 ? writes[0].value && unwrap(writes[0].value) : undefined;
        if (value?.type === AST_NODE_TYPES.Identifier) {
          path.push(...writes[0].path);
          root = value;
        }
      }
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = this.scope.variableOf(root)?.defs[0];
    if (definition?.type !== "Parameter" || definition.name.type !== AST_NODE_TYPES.Identifier) return false;
    const parameter = definition.name;
    const source = decoratorsOf(parameter).map((decorator) => unwrap(decorator.expression)).find((call): call is TSESTree.CallExpression => call.type === AST_NODE_TYPES.CallExpression && DTO_DECORATORS.has(calleeName(call) ?? ""));
    if (!source) return false;
    // origin.path: "query.index" for @Query() q, "query.filter.index" for @Query("filter") q.
    const segments = origin.path.split(".");
    const property = segments[source.arguments.length > 0 ? 2 : 1];
    const type = parameter.typeAnnotation?.typeAnnotation;
    if (!property || type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
    const declaration = this.scope.variableOf(type.typeName)?.defs.find((candidate) => candidate.type === "ClassName")?.node;
    if (declaration?.type !== AST_NODE_TYPES.ClassDeclaration) return false;
    const member = declaration.body.body.find((element) => element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && staticKeyName(element) === property);
    return (
      member?.type === AST_NODE_TYPES.PropertyDefinition &&
      decoratorsOf(member).some((decorator) => {
        const call = unwrap(decorator.expression);
        return call.type === AST_NODE_TYPES.CallExpression && DTO_ALLOW_LIST_DECORATORS.has(calleeName(call) ?? "") && call.arguments.length > 0;
      })
    );
  }

  private enumPipeParameter(node: Node): boolean {
    if (node.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = this.scope.variableOf(node)?.defs[0];
    if (definition?.type !== "Parameter") return false;
    let parameter: Node | undefined = definition.name;
    while (parameter && parameter.parent && !isFunction(parameter.parent) && parameter.parent.type !== AST_NODE_TYPES.TSParameterProperty) parameter = parameter.parent;
    const decorated = parameter?.parent?.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parent : parameter;
    return decoratorsOf(decorated).some((decorator) => {
      const expression = decorator.expression;
      if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
      return expression.arguments.some((argument) => {
        const value = unwrap(argument);
        return (value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression) && ENUM_PIPES.has(calleeName(value) ?? "");
      });
    });
  }
}

/** Request key `key` is `guarded` or a part of it (`query.t.trim` of `query.t`). */
function keyCovers(key: string, guarded: string): boolean {
  return key === guarded || key.startsWith(`${guarded}.`) || guarded.startsWith(`${key}.`);
}

/** An options object literal with `name: true` (or a non-literal value for it). */
/** Joi's validation options that let keys the schema does not list through (`{ allowUnknown: true }`, or options it cannot read). */
function allowsUnknown(options: Node | undefined): boolean {
  return options !== undefined && hasTrueProperty(options, "allowUnknown");
}

/**
 * The checks of a statement list, with each statement's position, computed once per list: `checksAt(index)` gives the
 * checks the statement at `index` makes, each with the position after which it holds.
 */
function indexedChecks(statements: readonly Node[], cache: WeakMap<readonly Node[], BlockGuards>, checksAt: (index: number) => BlockGuards["guards"]): BlockGuards {
  let result = cache.get(statements);
  if (result) return result;
  result = { positions: new Map(), guards: [] };
  for (let index = 0; index < statements.length; index++) {
    result.positions.set(statements[index], index);
    result.guards.push(...checksAt(index));
  }
  cache.set(statements, result);
  return result;
}

function isJoi(library: string | undefined): boolean {
  return library === "joi" || library === "@hapi/joi";
}

/**
 * A test of the error a validation returned into `target`: `error` of `const { error } = ...` (also renamed,
 * `{ error: invalid }`), `result.error` of `const result = ...`, also compared with null or undefined.
 */
function errorReadOf(target: Node, scope: ScopeIndex): (test: Node) => boolean {
  return (test) => {
    let node = unwrap(test);
    if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "!" && unwrap(node.argument).type === AST_NODE_TYPES.UnaryExpression) {
      const inner = unwrap(node.argument) as TSESTree.UnaryExpression;
      if (inner.operator === "!") node = unwrap(inner.argument);
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === "!==" || node.operator === "!=") && isNothing(node.right)) node = unwrap(node.left as Node);
    if (target.type === AST_NODE_TYPES.ObjectPattern) {
      const property = target.properties.find((candidate) => candidate.type === AST_NODE_TYPES.Property && staticKeyName(candidate) === "error");
      const bound = property?.type === AST_NODE_TYPES.Property ? unwrap(property.value as Node) : undefined;
      return bound?.type === AST_NODE_TYPES.Identifier && node.type === AST_NODE_TYPES.Identifier && scope.variableOf(node) === scope.variableOf(bound);
    }
    if (target.type !== AST_NODE_TYPES.Identifier || node.type !== AST_NODE_TYPES.MemberExpression || staticKeyName(node) !== "error") return false;
    const object = unwrap(node.object);
    return object.type === AST_NODE_TYPES.Identifier && scope.variableOf(object) === scope.variableOf(target);
  };
}


function hasTrueProperty(options: Node, name: string): boolean {
  const current = unwrap(options);
  if (current.type !== AST_NODE_TYPES.ObjectExpression) return true;
  if (current.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return true;
  const property = findProperty(current, name);
  if (!property) return false;
  const value = unwrap(property.value);
  return !(value.type === AST_NODE_TYPES.Literal && value.value === false);
}

/** `z.object({...}).strict().optional()`: the calls of a builder chain, outermost first. */
function schemaCallChain(node: Node): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  let current = unwrap(node);
  for (let i = 0; i < 30 && current.type === AST_NODE_TYPES.CallExpression; i++) {
    calls.push(current);
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
    current = unwrap(callee.object);
  }
  return calls;
}

function isNumber(node: Node, value: number): boolean {
  const current = unwrap(node);
  return current.type === AST_NODE_TYPES.Literal && current.value === value;
}

/** Control never continues past the statement: it throws, returns, or leaves the loop iteration or switch. */
function alwaysExits(statement: Node, depth = 0): boolean {
  if (depth > 40) return false;
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some((item) => alwaysExits(item, depth + 1));
    case AST_NODE_TYPES.IfStatement:
      return !!statement.alternate && alwaysExits(statement.consequent, depth + 1) && alwaysExits(statement.alternate, depth + 1);
    default:
      return false;
  }
}

function alwaysThrows(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.some((item) => item.type === AST_NODE_TYPES.ThrowStatement);
}
