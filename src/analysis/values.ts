// The value resolver: what an expression's value is when it is a compile-time constant, which parts are
// not constant, and where each non-constant part comes from (request input, the caller, the environment,
// a parameter, another module). Every query runs on a budget; an exhausted budget means "unknown".
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, contains, dottedName, enclosingFunction, instanceMember, isFunction, memberChain, memberPathAbove, objectOfKeysCall, positionalArgument, staticKeyName, staticMethodNamed, unwrap, walk, type FunctionNode } from "./ast";
import type { FileIndex } from "./file-index";
import { importedBinding } from "./project";
import { isSendCall } from "./operations";
import { importedModuleOf, type ScopeIndex, type Variable } from "./scope";
import {
  AUTHENTICATION_FUNCTION,
  CALLER_FROM_REQUEST_FUNCTION,
  CREDENTIAL_MEMBER,
  honoCallerCall,
  withKeyArgument,
  lambdaMemberSource,
  memberSource,
  type Framework,
  type RootKind,
  type SourceCatalogue,
} from "./sources";

type Node = TSESTree.Node;

/** Functions that find the caller from the request context without being given anything: `auth()`, `requireAuth()`, `getAuthenticatedSubject()`, `getCurrentUser()`. */
const AMBIENT_CALLER_FUNCTION =
  /^(?:get|require|ensure|fetch|load|read|verify|check|use)?(?:auth|authenticated|session|server-?session|current|signed-?in|logged-?in|caller|whoami|principal|identity)(?:user|subject|session|account|principal|identity|caller|member|viewer)?$/i;
/** Callback parameters that receive whom a request's credentials name (`username`, `user`, `claims`, `currentUser`). */
const CALLBACK_CALLER_PARAMETER = /^(?:(?:current|auth|authenticated|signed_?in|logged_?in|verified)?(?:user|username|userid|usersub|sub|claims|identity|principal|caller|account)|me|decoded)$/i;
/** Parameter names of a request object passed on (`getUser(req)` in a helper given the request finds its caller). */
const REQUEST_PARAMETER_NAME = /^(?:req|request|event|evt|ctx|context|c)$/i;

/**
 * `wrapper`: the value is held under this member of an object (`{ visitorId }`, or the `data` of
 * `schema.safeParse(x)`): reading that member gives the value itself, and not the object's other members.
 */
export type Origin = OriginKind & { wrapper?: string };

type OriginKind =
  | { kind: "request"; framework: Framework; path: string; node: Node }
  | { kind: "caller"; framework: Framework; path: string; node: Node }
  /** The framework's request object itself, or a part of it that is neither input nor caller (`req.app`). */
  | { kind: "request-object"; root: RootKind; path: string[]; node: Node }
  /** `importMeta`: read as `import.meta.env.X` (Vite, Astro), not `process.env.X`. */
  | { kind: "env"; name: string | undefined; node: Node; importMeta?: true }
  | { kind: "parameter"; fn: FunctionNode; index: number; name: string | undefined; path: string[]; node: Node }
  | { kind: "module"; node: Node }
  /** `exhausted`: the resolver gave up (budget, depth, a cycle, too many answers), which is no evidence either way. */
  | { kind: "unknown"; node: Node; exhausted?: true };

export type Segment = { kind: "text"; value: string } | { kind: "dynamic"; node: Node; origins: Origin[] };

export interface ResolvedString {
  /** Each possible value as a sequence of constant text and non-constant parts. */
  alternatives: Segment[][];
}

export interface ResolvedProperty {
  name: string;
  value: Node;
  /** The object-literal property that sets it, when it is one (for reports and fixes). */
  property?: TSESTree.Property;
  /** The assignment that sets it (`params.FilterExpression = ...`), when it is one. */
  assignment?: TSESTree.AssignmentExpression;
  /** Text appended later (`params.FilterExpression += " AND b = :b"`), in order. */
  appends?: Node[];
}

export interface ResolvedObject {
  properties: Map<string, ResolvedProperty>;
  /** False when a spread, computed key or merge could not be resolved: a property may be missing. */
  complete: boolean;
  /**
   * The values merged in whose properties could not be resolved: spread arguments (`...req.body`) and
   * `Object.assign` sources (`Object.assign(params, req.query)`), as written. Absent when there are none.
   */
  spreads?: Node[];
  /** Entries whose key is not static: `{ [k]: v }` and later `obj[k] = v` assignments. Absent when there are none. */
  computed?: ComputedEntry[];
}

/** An entry of an object whose key is not static. */
export interface ComputedEntry {
  key: Node;
  value: Node;
  property?: TSESTree.Property;
  assignment?: TSESTree.AssignmentExpression;
}

type Bindings = ReadonlyMap<Variable, { node: Node; bindings: Bindings }>;
const NO_BINDINGS: Bindings = new Map();
const NO_RETURNS: Node[] = [];

const MAX_DEPTH = 60;
const MAX_STEPS = 4000;
const MAX_ALTERNATIVES = 16;
const MAX_HELPER_DEPTH = 4;

/** Packages whose `get(object, path)` reads a member path: lodash, lodash-es, and lodash's own `get` packages. */
const PATH_GETTER_MODULE = /^(?:lodash(?:-es)?(?:\/get(?:\.js)?)?|lodash\.get)$/;

/** Functions whose result carries its argument's origin: conversions, parsing, validation, marshalling. */
const PASS_THROUGH_FUNCTIONS = new Set([
  "String", "Number", "Boolean", "BigInt", "parseInt", "parseFloat", "decodeURIComponent", "encodeURIComponent", "decodeURI",
  "encodeURI", "structuredClone", "marshall", "unmarshall", "convertToAttr", "convertToNative",
]);
/** `JSON.parse(text)`. */
function isJsonParse(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "JSON" && staticKeyName(callee) === "parse";
}

const PASS_THROUGH_MEMBER_CALLS: Record<string, ReadonlySet<string>> = {
  JSON: new Set(["parse"]),
  Object: new Set(["assign", "keys", "values", "entries", "fromEntries", "freeze"]),
  Array: new Set(["from", "of"]),
  Converter: new Set(["marshall", "unmarshall", "input", "output"]),
};
/** Validator methods whose result holds the validated input under a member: zod's `safeParse` (`data`). (`validate` is Joi's `{ value }` or yup's value itself.) */
const VALIDATION_RESULT_MEMBERS: Readonly<Record<string, string>> = { safeParse: "data", safeParseAsync: "data" };
/** Schema validators return their input: `schema.parse(x)`, `Joi.attempt(x, s)`. */
const VALIDATOR_METHODS = new Set(["parse", "parseAsync", "safeParse", "validate", "validateSync", "validateAsync", "cast", "attempt", "assert", "create", "decode"]);
/** HTML sanitizers and escapers (express-sanitizer's `req.sanitize`, validator's `escape`, DOMPurify, xss, sanitize-html): the text stays the request's choice. */
const SANITIZER_NAMES = new Set(["sanitize", "escape", "escapeHtml", "sanitizeHtml", "filterXSS", "xss", "stripLow", "stripTags"]);
/** Methods whose result carries the receiver's origin. */
const RECEIVER_METHODS = new Set([
  "toString", "trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase", "toLocaleLowerCase", "toLocaleUpperCase", "slice",
  "substring", "substr", "split", "replace", "replaceAll", "padStart", "padEnd", "normalize", "concat", "at", "join", "map",
  "filter", "flat", "flatMap", "valueOf", "repeat", "charAt", "match", "sort", "toSorted", "reverse", "toReversed",
]);

/** Request members that carry the caller's credentials: a caller function reading them still yields the caller. */
const CREDENTIAL_CARRIERS = new Set(["headers", "header", "cookies", "signedCookies", "multiValueHeaders"]);

/**
 * Body and query members that hold a bearer token by name (`body.accessToken`, `query.id_token`, `body.jwt`): credentials
 * there too. Not a route's `params.token`, which is most often a link's one-time token.
 */
const BEARER_TOKEN_MEMBER = /^(?:body|query|queryStringParameters)\.(?:(?:access|id|auth|session|bearer)_?token|jwt|token)$/i;

/** The framework's request object itself (`req`, `event`), not a member of it: it carries the caller's credentials too. */
export function isWholeRequest(origin: Origin): origin is Extract<Origin, { kind: "request-object" }> {
  return origin.kind === "request-object" && origin.path.length === 0 && origin.root.kind === "request-object";
}

/** The framework of request input or of a request object; "settings" for a parameter the catalogue does not know. */
function requestFramework(origin: Origin): Framework {
  return origin.kind === "request" ? origin.framework : origin.kind === "request-object" ? origin.root.framework : "settings";
}

/** Request input read from headers or cookies (`headers.authorization`, `cookies.session`): where credentials travel. */
export function carriesCredentials(path: string): boolean {
  const segments = path.split(".");
  return segments[0] === "get" || segments.some((segment) => CREDENTIAL_CARRIERS.has(segment));
}

/** String methods whose result is the receiver's text, trimmed, sliced or re-cased. */
const STRING_TRANSFORMS = new Set([
  "trim", "trimStart", "trimEnd", "toString", "valueOf", "slice", "substring", "substr", "toLowerCase", "toUpperCase", "replace", "replaceAll",
]);
/** Array methods that call their callback with each element as the first argument (`reduce`: the second). */
const ARRAY_CALLBACK_METHODS: Record<string, number> = {
  map: 0, flatMap: 0, forEach: 0, filter: 0, find: 0, findLast: 0, findIndex: 0, some: 0, every: 0, reduce: 1, reduceRight: 1,
};
/** Array methods that keep (a subset of) the receiver's elements, as far as a joined string goes. */
const ELEMENT_PRESERVING_METHODS = new Set(["filter", "slice", "sort", "reverse", "toSorted", "toReversed"]);

interface QueryState {
  steps: number;
  /**
   * The nodes being resolved (the cycle guard), innermost last; created on first use, as are the memories
   * below. A stack, not a set: it is at most MAX_DEPTH long, and a set's table is reallocated as it grows
   * and shrinks with every question.
   */
  active?: Node[];
  memory: QueryMemory;
}

/** What a query remembers; a string query shares it with the origin questions it asks. */
interface QueryMemory {
  /** Answers already computed in this query (without argument bindings and without "unknown" parts): a value referenced 10,000 times is resolved once. */
  memo?: Map<Node, Origin[]>;
  stringMemo?: Map<Node, Segment[][]>;
  /**
   * Variables resolved in this query (without argument bindings): the origins of each write, and the
   * string value. A further reference reuses them at no budget cost; PENDING marks a variable being
   * resolved, so a reference back to it (a cycle) adds nothing.
   */
  variables?: Map<Variable, Origin[][] | typeof PENDING>;
  stringVariables?: Map<Variable, Segment[][] | typeof PENDING>;
  /**
   * Set once a cycle guard cut an origin answer short in this query. Such a cut leaves no mark in the answer
   * (and memoised parts may carry it), so from then on the query's answers are not kept for other questions.
   */
  cut?: true;
}

const PENDING = Symbol("pending");

/** Most questions are answered from one or two nodes: the maps are made only when a query needs them. */
function newQuery(steps: number = MAX_STEPS, from?: QueryState): QueryState {
  return { steps, memory: from?.memory ?? {} };
}

const isUnknown = (origin: Origin): boolean => origin.kind === "unknown";
/** An answer part the resolver gave up on (budget, depth, a cycle, too many answers). */
export const isExhausted = (origin: Origin): boolean => origin.kind === "unknown" && origin.exhausted === true;

export class ValueResolver {
  private readonly originCache = new Map<Node, Origin[]>();
  private readonly stringCache = new Map<Node, ResolvedString>();
  private readonly returnsCache = new WeakMap<FunctionNode, Node[]>();
  private returnsByFunction?: Map<FunctionNode, Node[]>;
  /** Writes to `this.x` per class body, by member name (see thisField), from the file index's `this` members. */
  private fieldWrites?: Map<TSESTree.ClassBody, Map<string, Node[]>>;
  /**
   * A variable's string value, once a query resolved it whole (no budget, depth or cycle cut anywhere in it):
   * later questions in the file reuse it (`TableName: TABLE` in every operation resolves TABLE once).
   */
  private readonly settledStrings = new Map<Variable, Segment[][]>();
  /** The same for a variable's origins (per write). */
  private readonly settledOrigins = new Map<Variable, Origin[][]>();
  /** resolveObject answers per variable (null: unresolvable or being resolved); answers are shared: treat them as read-only. */
  private readonly objectCache = new Map<Variable, ResolvedObject | null>();
  /** resolveObject answers per object literal (the operation input asked about by every rule); shared and read-only as well. */
  private readonly literalObjects = new Map<Node, ResolvedObject>();

  constructor(
    private readonly scope: ScopeIndex,
    private readonly catalogue: SourceCatalogue,
    private readonly index: FileIndex,
    private readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
    /**
     * The function of another project module a call invokes, with that module's resolver: does it return the
     * caller when given the request (`userCheck(req)` with `return { userId: jwt.verify(req.headers.token).userId }`
     * in ../lib/userCheck)? Absent when cross-module analysis is off.
     */
    private readonly importedFunction?: (call: TSESTree.CallExpression) => { fn: FunctionNode; values: ValueResolver } | undefined,
    /** The same for key builders only (composedPieces()): also in modules read for another file, whose key parts summaries carry. */
    private readonly importedBuilder = importedFunction,
    /** The constant texts an imported name (or a member of one) stands for in the module that exports it. */
    private readonly importedText?: (node: TSESTree.Identifier | TSESTree.MemberExpression) => string[] | undefined,
  ) {}

  private importedReturnsCaller(call: TSESTree.CallExpression): boolean {
    const imported = this.importedFunction?.(call);
    return imported !== undefined && imported.values.returnsCaller(imported.fn);
  }

  /** A function of another project module that only answers yes or no (`event.headers["x-api-key"] === process.env.KEY`): a gate, not an identity. */
  private isImportedGate(call: TSESTree.CallExpression): boolean {
    const imported = this.importedFunction?.(call);
    return imported !== undefined && imported.values.returnsOnlyBooleans(imported.fn);
  }

  /** Does every return of the function give a yes or no (a comparison, `!x`, `true`/`false`, or `&&`/`||` of those)? */
  returnsOnlyBooleans(fn: FunctionNode): boolean {
    const returned = this.returnsOf(fn);
    const isBoolean = (node: Node, depth: number): boolean => {
      const value = unwrap(node);
      if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === "boolean";
      if (value.type === AST_NODE_TYPES.UnaryExpression) return value.operator === "!";
      if (value.type === AST_NODE_TYPES.BinaryExpression) return ["===", "!==", "==", "!=", "<", ">", "<=", ">=", "in", "instanceof"].includes(value.operator);
      if (value.type === AST_NODE_TYPES.LogicalExpression && depth < 8) return isBoolean(value.left, depth + 1) && isBoolean(value.right, depth + 1);
      return false;
    };
    return returned.length > 0 && returned.every((node) => isBoolean(node, 0));
  }

  private readonly returnsCallerCache = new Map<FunctionNode, boolean>();

  /**
   * Does the function return the caller: do its return values carry the authenticated caller (a verified
   * token of its parameter's credentials, `jwt.verify(req.headers.authorization)`) and nothing from the request
   * or its parameters?
   */
  returnsCaller(fn: FunctionNode): boolean {
    let answer = this.returnsCallerCache.get(fn);
    if (answer === undefined) {
      this.returnsCallerCache.set(fn, false);
      const origins = this.returnsOf(fn).flatMap((returned) => this.originsOf(returned));
      // A parameter's value (`req.query.userId`) is whatever the request says, wherever the function is called from.
      answer = origins.some((origin) => origin.kind === "caller") && !origins.some((origin) => origin.kind === "request" || origin.kind === "parameter");
      this.returnsCallerCache.set(fn, answer);
    }
    return answer;
  }

  // ---------------------------------------------------------------- origins

  /** Where the non-constant parts of an expression come from; empty when the value is constant. */
  originsOf(node: Node): Origin[] {
    const cached = this.originCache.get(node);
    if (cached) return cached;
    const result = this.origins(node, NO_BINDINGS, newQuery(), 0);
    this.originCache.set(node, result);
    return result;
  }

  /**
   * Origins of `node`, an expression inside the same-file function `helper`, as it evaluates when `call`
   * calls it: the helper's parameters stand for the call's arguments (`buildUpdate(req.body)`).
   */
  originsInCall(node: Node, helper: FunctionNode, call: TSESTree.CallExpression): Origin[] {
    return this.origins(node, this.bindArguments(helper, call.arguments, NO_BINDINGS), newQuery(), 0);
  }

  private origins(node: Node, bindings: Bindings, state: QueryState, depth: number): Origin[] {
    // Literals are leaves: they cost no budget, so a flat chain of 10,000 of them still resolves.
    if (node.type === AST_NODE_TYPES.Literal) return [];
    const memoized = bindings === NO_BINDINGS ? state.memory.memo?.get(node) : undefined;
    if (memoized) return memoized;
    const free = this.isResolvedVariable(node, bindings, state.memory.variables);
    if ((!free && --state.steps < 0) || depth > MAX_DEPTH) return [{ kind: "unknown", node, exhausted: true }];
    if (state.active?.includes(node)) {
      state.memory.cut = true;
      return [];
    }
    (state.active ??= []).push(node);
    try {
      const result = boundOrigins(this.computeOrigins(unwrap(node), bindings, state, depth + 1), node);
      if (bindings === NO_BINDINGS && !result.some(isUnknown)) (state.memory.memo ??= new Map()).set(node, result);
      return result;
    } finally {
      state.active.pop();
    }
  }

  /** A reference to a variable this query already resolved: answering it reuses that answer and recurses no further. */
  private isResolvedVariable(node: Node, bindings: Bindings, resolved: Map<Variable, unknown> | undefined): boolean {
    if (!resolved || node.type !== AST_NODE_TYPES.Identifier || bindings !== NO_BINDINGS) return false;
    const variable = this.scope.variableOf(node);
    const answer = variable && resolved.get(variable);
    return answer !== undefined && answer !== PENDING;
  }

  /** Answers are shared (memoised) and never changed: a single non-empty part's answer is returned as it is. */
  private union(nodes: readonly (Node | null | undefined)[], bindings: Bindings, state: QueryState, depth: number): Origin[] {
    let first: Origin[] | undefined;
    let result: Origin[] | undefined;
    for (const child of nodes) {
      if (!child) continue;
      const origins = this.origins(child, bindings, state, depth);
      if (origins.length === 0) continue;
      if (result) result.push(...origins);
      else if (first) result = [...first, ...origins];
      else first = origins;
    }
    return result ?? first ?? [];
  }

  private computeOrigins(node: Node, bindings: Bindings, state: QueryState, depth: number): Origin[] {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
      case AST_NODE_TYPES.ThisExpression:
        return [];
      case AST_NODE_TYPES.TemplateLiteral:
        return this.union(node.expressions, bindings, state, depth);
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return this.union(node.quasi.expressions, bindings, state, depth);
      case AST_NODE_TYPES.BinaryExpression:
        return this.union(this.binaryOperands(node), bindings, state, depth);
      case AST_NODE_TYPES.LogicalExpression:
        // `header && jwt.verify(header, secret)`: the left side is the value only when it is falsy (no text, id or
        // member worth following), so what `&&` yields is the right side's.
        if (node.operator === "&&") return this.origins(node.right, bindings, state, depth);
        return this.union([node.left, node.right], bindings, state, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.union([node.consequent, node.alternate], bindings, state, depth);
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === "typeof" || node.operator === "void" || node.operator === "delete" ? [] : this.origins(node.argument, bindings, state, depth);
      case AST_NODE_TYPES.AwaitExpression:
        return this.origins(node.argument, bindings, state, depth);
      case AST_NODE_TYPES.AssignmentExpression:
        return this.origins(node.right, bindings, state, depth);
      case AST_NODE_TYPES.SequenceExpression:
        return this.origins(node.expressions[node.expressions.length - 1], bindings, state, depth);
      case AST_NODE_TYPES.SpreadElement:
        return this.origins(node.argument, bindings, state, depth);
      case AST_NODE_TYPES.ArrayExpression:
        return this.union(node.elements, bindings, state, depth);
      case AST_NODE_TYPES.ObjectExpression: {
        // Each member's origins are held under its name: `{ path: req.path, visitorId }.visitorId` is the visitor id alone.
        const result: Origin[] = [];
        for (const property of node.properties) {
          if (property.type === AST_NODE_TYPES.SpreadElement) {
            result.push(...this.origins(property.argument, bindings, state, depth));
            continue;
          }
          const name = property.computed ? undefined : staticKeyName(property);
          if (name === undefined) result.push(...this.origins(property.key, bindings, state, depth));
          result.push(...wrapped(this.origins(property.value, bindings, state, depth), name));
        }
        return result;
      }
      case AST_NODE_TYPES.Identifier:
        return this.identifierOrigins(node, [], bindings, state, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.memberOrigins(node, false, undefined, bindings, state, depth);
      case AST_NODE_TYPES.CallExpression:
        return this.callOrigins(node, bindings, state, depth);
      case AST_NODE_TYPES.NewExpression: {
        const name = calleeName(node);
        if (name === "URL" || name === "URLSearchParams" || name === "String" || name === "Set") return this.union(node.arguments, bindings, state, depth);
        return [{ kind: "unknown", node }];
      }
      default:
        return [{ kind: "unknown", node }];
    }
  }

  /** Operands of a `+` chain, collected without recursion (`a + b + c + ...` can be thousands long). */
  private binaryOperands(node: TSESTree.BinaryExpression): Node[] {
    const operands: Node[] = [];
    const stack: Node[] = [node];
    while (stack.length > 0) {
      const current = unwrap(stack.pop()!);
      if (current.type === AST_NODE_TYPES.BinaryExpression && operands.length + stack.length < 100_000) {
        stack.push(current.right, current.left);
      } else {
        operands.push(current);
      }
    }
    return operands;
  }

  private identifierOrigins(identifier: TSESTree.Identifier, path: string[], bindings: Bindings, state: QueryState, depth: number): Origin[] {
    const variable = this.scope.variableOf(identifier);
    if (!variable || variable.defs.length === 0) {
      if (identifier.name === "undefined" || identifier.name === "NaN" || identifier.name === "Infinity") return [];
      return [{ kind: "unknown", node: identifier }];
    }
    const bound = bindings.get(variable);
    if (bound) return this.extend(this.origins(bound.node, bound.bindings, state, depth), path, identifier);
    const definition = variable.defs[0];
    if (!definition) return [{ kind: "unknown", node: identifier }];
    switch (definition.type) {
      case "Parameter": {
        const fn = definition.node as FunctionNode;
        const parameter = fn.params.find((candidate) => candidate.range[0] <= definition.name.range[0] && definition.name.range[1] <= candidate.range[1]);
        if (!parameter) return [{ kind: "unknown", node: identifier }];
        const root = this.catalogue.classifyParameter(fn, parameter);
        // Destructured parameters: `function GET(req, { params })` → the path inside the pattern.
        const inner = definition.name === parameter || (parameter.type === AST_NODE_TYPES.TSParameterProperty && parameter.parameter === definition.name)
          ? []
          : patternPathWithin(definition.name, parameter);
        const fullPath = inner.length === 0 ? path : [...inner, ...path];
        if (root) return this.extend([rootOrigin(root, identifier)], fullPath, identifier);
        const index = fn.params.indexOf(parameter);
        // `items.map((item) => ...)`, `Object.keys(body).forEach((k) => ...)`: the element comes from the receiver.
        const receiver = arrayCallbackReceiver(fn, index) ?? promiseCallbackReceiver(fn, index);
        if (receiver) return this.extend(anyElement(this.origins(receiver, bindings, state, depth)), path, identifier);
        const name = parameter.type === AST_NODE_TYPES.Identifier ? parameter.name : undefined;
        const caller = name !== undefined ? this.authenticatedCallbackParameter(fn, name, identifier, bindings, state, depth) : undefined;
        if (caller) return this.extend(caller, fullPath, identifier);
        const base: Origin = { kind: "parameter", fn, index, name, path: [], node: identifier };
        return this.extend([base], fullPath, identifier);
      }
      case "ImportBinding":
        return [{ kind: "module", node: identifier }];
      case "FunctionName":
      case "ClassName":
      case "TSEnumName":
        return [];
      case "Variable": {
        const writes = this.scope.writesOf(variable);
        if (writes.length === 0) return [];
        const memoize = bindings === NO_BINDINGS;
        let perWrite = memoize ? state.memory.variables?.get(variable) ?? this.settledOrigins.get(variable) : undefined;
        if (perWrite === PENDING) {
          // a cycle back to this variable: its writes are being collected already
          state.memory.cut = true;
          return [];
        }
        if (!perWrite) {
          if (memoize) (state.memory.variables ??= new Map()).set(variable, PENDING);
          perWrite = writes.map((write) => {
            if (write.value) return this.origins(write.value, bindings, state, depth);
            // `for (const k of Object.keys(body))`: the loop variable comes from the iterated value, unless it walks
            // the keys of an object literal that has fixed ones (`for (const k in { nickName, bio })`): those are constants.
            const iterated = loopSource(write.identifier);
            if (!iterated || (write.path.length === 0 && this.walksFixedKeys(iterated))) return [];
            return anyElement(this.origins(iterated, bindings, state, depth));
          });
          if (memoize) {
            state.memory.variables!.set(variable, perWrite);
            if (!state.memory.cut && perWrite.every((origins) => !origins.some(isExhausted))) this.settledOrigins.set(variable, perWrite);
          }
        }
        if (writes.length === 1 && writes[0].value) return this.extend(perWrite[0], writes[0].path.length === 0 ? path : [...writes[0].path, ...path], identifier);
        const result: Origin[] = [];
        writes.forEach((write, i) => {
          if (write.value) result.push(...this.extend((perWrite as Origin[][])[i], write.path.length === 0 ? path : [...write.path, ...path], identifier));
          else if (loopSource(write.identifier)) result.push(...this.extend((perWrite as Origin[][])[i], path, identifier));
          else result.push({ kind: "unknown", node: write.identifier });
        });
        return result;
      }
      default:
        return [{ kind: "unknown", node: identifier }];
    }
  }

  /**
   * Is a loop variable a key of an object literal whose keys are all written out (no spread, no computed key):
   * `for (const k in fields)`, `for (const k of Object.keys(fields))` with `const fields = { nickName, bio }`.
   */
  private walksFixedKeys(iterated: Node): boolean {
    // `iterated` is the loop's right side (loopSource).
    const loop = iterated.parent;
    const object = loop?.type === AST_NODE_TYPES.ForInStatement ? iterated : loop?.type === AST_NODE_TYPES.ForOfStatement ? objectOfKeysCall(iterated, "keys") : undefined;
    const resolved = object && this.resolveObject(object);
    return resolved !== undefined && (resolved.spreads ?? []).length === 0 && (resolved.computed ?? []).length === 0;
  }

  /**
   * Origins of a value reached by a member path from values with the given origins: `extendOrigins(originsOf(req), ["params", "id"])`
   * is request input "params.id". Flow analyses use it to carry a callee's parameter origins over to a call's arguments.
   */
  extendOrigins(origins: Origin[], path: readonly string[], node: Node): Origin[] {
    return this.extend(origins, path, node);
  }

  /**
   * `getUser(id)`, with `id` a parameter that names no credentials, calling a function of this file or of a
   * relative import: a lookup of whoever the function's callers name, which the analysis can read.
   */
  private projectLookupByParameter(call: TSESTree.CallExpression, bindings: Bindings, state: QueryState, depth: number): boolean {
    const callee = unwrap(call.callee);
    // A function of this file, or one imported by a relative specifier (`import { getUser } from "../db/users"`).
    if (callee.type !== AST_NODE_TYPES.Identifier || !(this.sameFileFunction(callee) || importedBinding(callee, this.scope))) return false;
    return call.arguments.some((argument) =>
      this.origins(argument, bindings, state, depth).some((origin) => {
        if (origin.kind !== "parameter") return false;
        const path = [origin.name ?? "", ...origin.path].join(".");
        return !carriesCredentials(path) && !CREDENTIAL_MEMBER.test(path) && !REQUEST_PARAMETER_NAME.test(origin.name ?? "");
      }),
    );
  }

  /** True when an argument of the call carries request input other than the credentials (headers, cookies). */
  private takesRequestInput(call: TSESTree.CallExpression, bindings: Bindings, state: QueryState, depth: number): boolean {
    return call.arguments.some((argument) =>
      this.origins(argument, bindings, state, depth).some((origin) => origin.kind === "request" && !carriesCredentials(origin.path)),
    );
  }

  /** Extends origins by a member path: `req` + ["params", "id"] becomes request input "params.id". */
  private extend(origins: Origin[], fullPath: readonly string[], node: Node, call?: TSESTree.CallExpression): Origin[] {
    if (fullPath.length === 0 && !call) return origins;
    // A member that one of the result's origins is held under (`value` of `{ ok: true, value: id }`): the others,
    // under other members (`error`), are not read.
    const holds = (origin: Origin) => origin.wrapper !== undefined && origin.wrapper === fullPath[0];
    // Origins held under other members are not read either (`created.id` of `created = api.create({ name })` is
    // not the name), unless the member is an element or unknown (`[{ id }][0]`, `obj[key]`).
    const element = fullPath.length > 0 && /^\d+$/.test(fullPath[0]);
    const member = fullPath.length > 0 && fullPath[0] !== "*" && !element;
    // An element held at its index (`Promise.all([a, b])`) is read by that index alone.
    if (member) origins = origins.filter((origin) => origin.wrapper === undefined || holds(origin));
    if (element) origins = origins.filter((origin) => !isIndex(origin.wrapper) || holds(origin));
    return origins.map((origin): Origin => {
      // `parsed.data` of `parsed = schema.safeParse(input)` is the input.
      const path = holds(origin) ? fullPath.slice(1) : fullPath;
      if (origin.wrapper !== undefined && fullPath.length > 0) origin = { ...origin, wrapper: undefined };
      switch (origin.kind) {
        case "request":
          return { ...origin, path: withKeyArgument(joinPath(origin.path, path), call), node };
        case "caller":
          return { ...origin, path: joinPath(origin.path, path), node };
        case "request-object": {
          const fullPath = [...origin.path, ...path];
          // Sources named in settings (`req.ctx.input`, `req.session.account`) below a framework's request parameter.
          const named = origin.path.length === 0 && origin.node.type === AST_NODE_TYPES.Identifier ? this.catalogue.settingsMemberSource(origin.node.name, fullPath) : undefined;
          if (named) return { kind: named.kind, framework: named.framework, path: named.path, node };
          const source = (call && honoCallerCall(origin.root, fullPath, call)) ?? memberSource(origin.root, fullPath, call !== undefined);
          if (source) return { kind: source.kind, framework: source.framework, path: source.kind === "request" ? withKeyArgument(source.path, call) : source.path, node };
          return { ...origin, path: fullPath, node };
        }
        case "parameter": {
          const fullPath = [...origin.path, ...path];
          // `e.pathParameters.id` of any parameter is a Lambda event's, except in a module no HTTP function reaches.
          const lambda = lambdaMemberSource(fullPath);
          const source = (origin.name !== undefined ? this.catalogue.settingsMemberSource(origin.name, fullPath) : undefined) ?? (lambda && !this.catalogue.isUndeployed() ? lambda : undefined);
          if (source) return { kind: source.kind, framework: source.framework, path: source.path, node };
          return { ...origin, path: fullPath };
        }
        default:
          return origin;
      }
    });
  }

  private memberOrigins(
    node: TSESTree.MemberExpression,
    call: boolean,
    callNode: TSESTree.CallExpression | undefined,
    bindings: Bindings,
    state: QueryState,
    depth: number,
  ): Origin[] {
    // import.meta.env.VITE_TABLE: Vite's (and Astro's) environment.
    const object = unwrap(node.object);
    if (object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.MetaProperty && object.object.meta.name === "import" && staticKeyName(object) === "env") {
      return [{ kind: "env", name: staticKeyName(node), node, importMeta: true }];
    }
    const chain = memberChain(node);
    if (chain && chain.root.type === AST_NODE_TYPES.Identifier) {
      if (chain.root.name === "process" && chain.path[0] === "env" && this.scope.isGlobal(chain.root)) {
        return [{ kind: "env", name: chain.path[1], node }];
      }
      // AWS.config.credentials.identityId, credentials.identityId: the Cognito identity-pool identity that the
      // caller's token was exchanged for (new AWS.CognitoIdentityCredentials({ Logins: { [pool]: token } })).
      if (chain.path.at(-1) === "identityId" && (chain.path.at(-2) ?? chain.root.name).toLowerCase().endsWith("credentials")) {
        return [{ kind: "caller", framework: "cognito", path: [chain.root.name, ...chain.path].join("."), node }];
      }
      return this.extend(this.identifierOrigins(chain.root, [], bindings, state, depth), chain.path, node, call ? callNode : undefined);
    }
    if (chain && chain.root.type === AST_NODE_TYPES.ThisExpression) {
      // this.table, this.config.region: an instance field the class sets once (see thisField).
      let field: Node = node;
      while (field.type === AST_NODE_TYPES.MemberExpression && unwrap(field.object).type !== AST_NODE_TYPES.ThisExpression) field = unwrap(field.object);
      const value = field.type === AST_NODE_TYPES.MemberExpression ? this.thisField(field) : undefined;
      if (!value) return [{ kind: "unknown", node }];
      return this.extend(this.origins(value, NO_BINDINGS, state, depth), chain.path.slice(1), node);
    }
    // obj[key]: a lookup in a constant table yields one of its constants whatever the key.
    if (node.computed && this.constantTable(node.object, state, depth)) return [];
    const objectOrigins = this.origins(node.object, bindings, state, depth);
    return this.extend(objectOrigins, [this.memberKey(node) ?? "*"], node);
  }

  /** An object or array literal (directly or through a const) whose values are all constants. */
  isConstantTable(node: Node): boolean {
    return this.constantTable(node, newQuery(), 0);
  }

  /** Inside a query: the table's values are asked within the same budget, depth and cycle guard (tables may refer to tables). */
  private constantTable(node: Node, state: QueryState, depth: number): boolean {
    const target = this.definitionOf(node);
    if (target?.type === AST_NODE_TYPES.ObjectExpression || target?.type === AST_NODE_TYPES.ArrayExpression) {
      return this.origins(target, NO_BINDINGS, state, depth).length === 0;
    }
    return false;
  }

  private callOrigins(node: TSESTree.CallExpression, bindings: Bindings, state: QueryState, depth: number): Origin[] {
    const named = this.catalogue.callSource(node);
    // `getUser(req.params.id)` looks up whoever the request names: by name a caller source, but not the caller.
    // So does `getUser(id)` in a function given `id`, when getUser is the project's own code: it is analysed instead.
    if (named && !(named.kind === "caller" && (this.takesRequestInput(node, bindings, state, depth) || this.projectLookupByParameter(node, bindings, state, depth)))) {
      return [{ kind: named.kind, framework: named.framework, path: named.path, node }];
    }
    // get(requestContext, "authorizer.claims.sub") (lodash): the member at that path, or the default given.
    const pathRead = this.propertyPathRead(node);
    if (pathRead) {
      const [object, , fallback] = node.arguments;
      return [...this.extend(this.origins(object, bindings, state, depth), pathRead, node), ...(fallback ? this.origins(fallback, bindings, state, depth) : [])];
    }
    const callee = unwrap(node.callee);
    const name = calleeName(node);
    if (callee.type === AST_NODE_TYPES.Identifier && name) {
      if (PASS_THROUGH_FUNCTIONS.has(name)) return this.union(node.arguments, bindings, state, depth);
      // Next.js: cookies() and headers() from "next/headers" read the request's credentials.
      if ((name === "cookies" || name === "headers") && importedModuleOf(this.scope.variableOf(callee)?.defs[0]) === "next/headers") {
        return [{ kind: "request", framework: "nextjs", path: name, node }];
      }
      // `send(new GetCommand(...))` through a wrapper of the file: the operation's output, as `client.send(...)` gives it.
      if (isSendCall(node) && node.arguments[0] && unwrap(node.arguments[0]).type === AST_NODE_TYPES.NewExpression) return [{ kind: "unknown", node }];
      const helper = this.sameFileFunction(callee);
      if (helper) return this.helperOrigins(helper, node, bindings, state, depth);
      if (SANITIZER_NAMES.has(name) && node.arguments.length > 0 && this.fromPackage(callee)) return this.origins(node.arguments[0], bindings, state, depth);
      const authenticated = this.authentication(node, name, bindings, state, depth);
      // An imported gate that only answers yes or no admits the request without naming anyone.
      if (authenticated && this.isImportedGate(node)) return [{ kind: "unknown", node }];
      return (
        authenticated ??
        this.importedAuthentication(node, name, bindings, state, depth) ??
        this.importedRequestReader(node, bindings, state, depth) ??
        this.importedPassThrough(node, bindings, state, depth) ??
        // `await getAuthenticatedSubject()`, `requireAuth()`: with no argument to go by, the function can only find the caller.
        (node.arguments.length === 0 && AMBIENT_CALLER_FUNCTION.test(name) ? [{ kind: "caller", framework: "settings", path: `${name}()`, node }] : undefined) ?? [{ kind: "unknown", node }]
      );
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && name) {
      const object = unwrap(callee.object);
      const method = thisMethod(callee) ?? this.objectMethod(callee);
      if (method) return this.helperOrigins(method, node, bindings, state, depth);
      // `await Promise.all([get(a), query(b)])`: each result at its index (`const [session, turns] = ...`).
      const all = node.arguments[0];
      if (name === "all" && object.type === AST_NODE_TYPES.Identifier && object.name === "Promise" && all?.type === AST_NODE_TYPES.ArrayExpression && this.scope.isGlobal(object)) {
        const spread = all.elements.findIndex((element) => element?.type === AST_NODE_TYPES.SpreadElement);
        return all.elements.flatMap((element, i) => (element ? wrapped(this.origins(element, bindings, state, depth), spread < 0 || i < spread ? String(i) : undefined) : []));
      }
      if (object.type === AST_NODE_TYPES.Identifier && Object.hasOwn(PASS_THROUGH_MEMBER_CALLS, object.name) && PASS_THROUGH_MEMBER_CALLS[object.name].has(name) && this.scope.isGlobal(object)) {
        return this.union(node.arguments, bindings, state, depth);
      }
      // createHash("sha256").update(text).digest("hex"): the digest of the text stands for it.
      if (name === "digest") {
        const update = unwrap(callee.object);
        if (update.type === AST_NODE_TYPES.CallExpression && calleeName(update) === "update") return this.union(update.arguments, bindings, state, depth);
      }
      if (name === "marshall" || name === "unmarshall" || name === "input" || name === "output") {
        const chain = memberChain(callee);
        if (chain?.path.includes("Converter")) return this.union(node.arguments, bindings, state, depth);
      }
      // `Object.keys(body).reduce((names, k) => ({ ...names, [`#${k}`]: k }), {})`: what the callback returns
      // (its element parameter comes from the receiver) and the initial value.
      if (name === "reduce" || name === "reduceRight") {
        const callback = node.arguments[0] && unwrap(node.arguments[0]);
        if (callback?.type === AST_NODE_TYPES.ArrowFunctionExpression || callback?.type === AST_NODE_TYPES.FunctionExpression) {
          return this.union([...this.returnsOf(callback), node.arguments[1]], bindings, state, depth);
        }
      }
      // list.find((x) => ...) is one of the list's elements (`repository.find(id)`, a method of the project's, is not).
      const picksElement = (name === "find" || name === "findLast") && node.arguments[0] !== undefined && isFunction(unwrap(node.arguments[0]));
      // String and array methods carry their receiver's origin (req.query.table.trim() is query.table, not query.table.trim).
      if (RECEIVER_METHODS.has(name) || picksElement) {
        return [...this.origins(callee.object, bindings, state, depth), ...(name === "concat" ? this.union(node.arguments, bindings, state, depth) : [])];
      }
      // Request accessors that are calls: c.req.param("id"), req.get("x"), request.json(), ctx.cookies.get("x").
      const chain = memberChain(callee);
      if (chain && chain.root.type === AST_NODE_TYPES.Identifier) {
        const viaRoot = this.extend(this.identifierOrigins(chain.root, [], bindings, state, depth), chain.path, node, node);
        if (viaRoot.some((origin) => origin.kind === "request" || origin.kind === "caller")) return viaRoot;
      }
      // searchParams.get("id") on a request-derived URL, Map-like getters on request data.
      if (name === "get" || name === "getAll") {
        const receiver = this.origins(callee.object, bindings, state, depth);
        if (receiver.some((origin) => origin.kind === "request")) return receiver;
      }
      const authenticated = this.authentication(node, name, bindings, state, depth);
      if (authenticated) return authenticated;
      if (VALIDATOR_METHODS.has(name) && node.arguments.length > 0) return wrapped(this.origins(node.arguments[0], bindings, state, depth), VALIDATION_RESULT_MEMBERS[name]);
      // `req.sanitize(x)`, `validator.escape(x)`: a method of the request or of a package, not of the project's own code.
      if (SANITIZER_NAMES.has(name) && node.arguments.length > 0) {
        const root = memberChain(callee)?.root;
        const ofPackage = root?.type === AST_NODE_TYPES.Identifier && this.fromPackage(root);
        if (ofPackage || this.origins(callee.object, bindings, state, depth).some((origin) => origin.kind === "request-object")) return this.origins(node.arguments[0], bindings, state, depth);
      }
    }
    return [{ kind: "unknown", node }];
  }

  /**
   * The member path a lodash `get` reads (`get(event, "requestContext.authorizer.claims.sub")`, `_.get(req, ["user",
   * "id"])`, `lodash.get`, `lodash/get`): written as constant text or a list of constants.
   */
  private propertyPathRead(node: TSESTree.CallExpression): string[] | undefined {
    if (node.arguments.length < 2 || node.arguments.length > 3 || node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const binding = importedBinding(node.callee, this.scope, { anySpecifier: true });
    if (!binding || !PATH_GETTER_MODULE.test(binding.source) || binding.name !== (binding.source.includes("get") ? "default" : "get")) return undefined;
    const path = unwrap(node.arguments[1]);
    let segments: string[] | undefined;
    if (path.type === AST_NODE_TYPES.Literal && typeof path.value === "string") {
      segments = path.value.replace(/\[(\d+)\]/g, ".$1").split(".");
    } else if (path.type === AST_NODE_TYPES.ArrayExpression) {
      segments = path.elements.map((element) => (element?.type === AST_NODE_TYPES.Literal && (typeof element.value === "string" || typeof element.value === "number") ? String(element.value) : ""));
    }
    return segments && segments.length > 0 && segments.every((segment) => segment !== "") ? segments : undefined;
  }

  /**
   * The caller, for a parameter named for it of a callback given to an authentication call together with the
   * request (`Auth.wrap(event, callback, (username) => ...)`, `withAuth(req, async (user) => ...)`): such a call
   * verifies the request's credentials and hands the callback whom they name.
   */
  private authenticatedCallbackParameter(fn: FunctionNode, name: string, identifier: TSESTree.Identifier, bindings: Bindings, state: QueryState, depth: number): Origin[] | undefined {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument) || !CALLBACK_CALLER_PARAMETER.test(name)) return undefined;
    const callee = dottedName(memberChain(call.callee)) ?? calleeName(call);
    if (callee === undefined || !CALLER_FROM_REQUEST_FUNCTION.test(callee)) return undefined;
    for (const argument of call.arguments) {
      if (argument === fn || isFunction(argument)) continue;
      for (const origin of this.origins(argument, bindings, state, depth)) {
        const credentials = origin.kind === "request" && carriesCredentials(origin.path);
        if (isWholeRequest(origin) || credentials) {
          return [{ kind: "caller", framework: requestFramework(origin), path: `${callee}() callback`, node: identifier }];
        }
      }
    }
    return undefined;
  }

  /** Is the name imported or required from a package (`import xss from "xss"`, `const sanitizeHtml = require("sanitize-html")`)? */
  private fromPackage(identifier: TSESTree.Identifier): boolean {
    const binding = importedBinding(identifier, this.scope, { anySpecifier: true });
    return binding !== undefined && !binding.source.startsWith(".");
  }

  /**
   * A call that authenticates yields the caller: an authentication-named function given the request's
   * credentials or the whole request (`jwt.verify(token)` with the token from `req.headers.authorization`,
   * `authenticate(req)`), or any function given a credential header or cookie by name (`lookup(req.cookies.session)`).
   */
  private authentication(node: TSESTree.CallExpression, name: string, bindings: Bindings, state: QueryState, depth: number): Origin[] | undefined {
    const authenticating = AUTHENTICATION_FUNCTION.test(name);
    let callerFramework: Framework | undefined;
    let otherInput = false;
    for (const argument of node.arguments) {
      for (const origin of this.origins(argument, bindings, state, depth)) {
        if (origin.kind === "caller") callerFramework ??= origin.framework;
        else if (origin.kind === "request" || origin.kind === "request-object" || origin.kind === "parameter") otherInput = true;
        // A parameter's credentials count too: in `function userCheck(req) { return jwt.verify(req.headers.token) }`
        // the token is the request's wherever the function is called from.
        const credentialPath = origin.kind === "request" ? origin.path : origin.kind === "parameter" ? origin.path.join(".") : undefined;
        const credential =
          credentialPath !== undefined &&
          ((carriesCredentials(credentialPath) && (authenticating || CREDENTIAL_MEMBER.test(credentialPath))) ||
            // `validateToken(res, req.body.accessToken)`: a bearer token sent in the body or query, given to an authentication function.
            (authenticating && BEARER_TOKEN_MEMBER.test(credentialPath)));
        const wholeRequest = isWholeRequest(origin) && CALLER_FROM_REQUEST_FUNCTION.test(name);
        if (credential || wholeRequest) {
          return [{ kind: "caller", framework: requestFramework(origin), path: `${name}()`, node }];
        }
      }
    }
    // getUser(getEventAuthValues(event)), findAccount(req.user.sub): given the caller's identity and nothing the request
    // chooses, a user lookup finds the caller's own record.
    if (callerFramework !== undefined && !otherInput && CALLER_FROM_REQUEST_FUNCTION.test(name)) return [{ kind: "caller", framework: callerFramework, path: `${name}()`, node }];
    return undefined;
  }

  /** A function of another module, given the request or its credentials, that returns the caller (see returnsCaller). */
  private importedAuthentication(node: TSESTree.CallExpression, name: string, bindings: Bindings, state: QueryState, depth: number): Origin[] | undefined {
    if (!this.importedFunction) return undefined;
    // `await requireAuth()`: an authentication helper that finds the request itself (Next.js's cookies()).
    if (node.arguments.length === 0) {
      const named = AUTHENTICATION_FUNCTION.test(name) || CALLER_FROM_REQUEST_FUNCTION.test(name);
      return named && this.importedReturnsCaller(node) ? [{ kind: "caller", framework: "settings", path: `${name}()`, node }] : undefined;
    }
    for (const argument of node.arguments) {
      for (const origin of this.origins(argument, bindings, state, depth)) {
        const request = origin.kind === "request" ? origin : isWholeRequest(origin) ? origin.root : undefined;
        if (request && this.importedReturnsCaller(node)) return [{ kind: "caller", framework: request.framework, path: `${name}()`, node }];
        if (request) return undefined;
      }
    }
    return undefined;
  }

  /**
   * `const body = await readBody(req)` with `readBody` a function of another project module that returns what it
   * reads from the request it is given (`return await req.json()`): that request input, here.
   */
  private importedRequestReader(node: TSESTree.CallExpression, bindings: Bindings, state: QueryState, depth: number): Origin[] | undefined {
    if (!this.importedFunction) return undefined;
    const at = node.arguments.findIndex((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && this.origins(argument, bindings, state, depth).some(isWholeRequest));
    const argument = at >= 0 ? positionalArgument(node, at) : undefined;
    const imported = argument ? this.importedFunction(node) : undefined;
    const parameter = imported?.fn.params[at];
    if (!argument || !imported || parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const request = this.origins(argument, bindings, state, depth);
    const result: Origin[] = [];
    for (const returned of imported.values.returnsOf(imported.fn)) {
      // `return { userId: event.requestContext.authorizer.jwt.claims.sub, params: pathParameters ?? {} }`: each member
      // read on the request it is given, held under its name (a function whose parameter is named `event` reads it
      // as a Lambda event already: its request and caller values are the same here).
      const object = imported.values.resolveObject(returned);
      if (object?.complete) {
        for (const property of object.properties.values()) {
          for (const origin of imported.values.originsOf(property.value)) {
            if (origin.kind === "parameter" && origin.fn === imported.fn && origin.index === at) result.push(...wrapped(this.extend(request, origin.path, node), property.name));
            else if (origin.kind === "request" || origin.kind === "caller") result.push(...wrapped([{ ...origin, node }], property.name));
          }
        }
        continue;
      }
      // What the function reads on its parameter (`await req.json()`, `req.body`), read here on the request it is given;
      // `event.body ? JSON.parse(event.body) : {}` reads it in one branch (the other holds nothing).
      const whole = unwrap(imported.values.definitionOf(returned) ?? returned);
      for (let value of whole.type === AST_NODE_TYPES.ConditionalExpression ? [unwrap(whole.consequent), unwrap(whole.alternate)] : [whole]) {
        if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
        // `return JSON.parse(event.body || "{}")`: the body it parses.
        if (value.type === AST_NODE_TYPES.CallExpression && isJsonParse(value) && value.arguments[0]) {
          value = unwrap(value.arguments[0]);
          if (value.type === AST_NODE_TYPES.LogicalExpression) value = unwrap(value.left);
        }
        const call = value.type === AST_NODE_TYPES.CallExpression;
        const chain = memberChain(call ? unwrap((value as TSESTree.CallExpression).callee) : value);
        if (chain?.root.type === AST_NODE_TYPES.Identifier && chain.root.name === parameter.name && chain.path.length > 0) {
          result.push(...this.extend(request, chain.path, node, call ? node : undefined));
        }
      }
    }
    return result.some((origin) => origin.kind === "request") ? result : undefined;
  }

  /**
   * `validateId(req.params.id)` with `validateId` a function of another project module whose every return comes
   * from its parameters (`return z.string().safeParse(id)`, `return { ok: true, value: id }`): those arguments'
   * origins, here. Asked only when an argument carries request input.
   */
  private importedPassThrough(node: TSESTree.CallExpression, bindings: Bindings, state: QueryState, depth: number): Origin[] | undefined {
    if (!this.importedFunction || node.arguments.length === 0) return undefined;
    if (!node.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && this.origins(argument, bindings, state, depth).some((origin) => origin.kind === "request"))) return undefined;
    const imported = this.importedFunction(node);
    if (!imported) return undefined;
    const result: Origin[] = [];
    for (const returned of imported.values.returnsOf(imported.fn)) {
      // `return { ok: true, value: id }`: each member's origins, held under its name.
      const object = imported.values.resolveObject(returned);
      const held = object?.complete
        ? [...object.properties.values()].map((property) => ({ origins: imported.values.originsOf(property.value), member: property.name as string | undefined }))
        : [{ origins: imported.values.originsOf(returned), member: undefined }];
      for (const { origins, member } of held) {
        for (const origin of origins) {
          // Anything but the function's own parameters (an item it fetched, the time): not a pass-through.
          const passed = this.argumentOrigins(node, imported.fn, origin, bindings, state, depth);
          if (!passed) return undefined;
          result.push(...wrapped(passed, member ?? origin.wrapper));
        }
      }
    }
    return result.some((origin) => origin.kind === "request") ? result : undefined;
  }

  /**
   * A parameter of the function `call` invokes (an origin in that function's module), in the call's terms: the
   * argument's origins, down the same member path. Undefined for any other origin, or an argument not written out.
   */
  private argumentOrigins(call: TSESTree.CallExpression, fn: FunctionNode, origin: Origin, bindings: Bindings, state: QueryState, depth: number): Origin[] | undefined {
    if (origin.kind !== "parameter" || origin.fn !== fn) return undefined;
    const argument = positionalArgument(call, origin.index);
    return argument ? this.extend(this.origins(argument, bindings, state, depth), origin.path, call) : undefined;
  }

  private helperOrigins(helper: FunctionNode, call: TSESTree.CallExpression, bindings: Bindings, state: QueryState, depth: number): Origin[] {
    if (depth > MAX_HELPER_DEPTH * 12) return [{ kind: "unknown", node: call, exhausted: true }];
    const inner = this.bindArguments(helper, call.arguments, bindings);
    const result: Origin[] = [];
    for (const returned of this.returnsOf(helper)) result.push(...this.origins(returned, inner, state, depth));
    return result.length > 0 ? result : [{ kind: "unknown", node: call }];
  }

  private bindArguments(helper: FunctionNode, args: readonly Node[], bindings: Bindings): Bindings {
    const inner = new Map(bindings);
    helper.params.forEach((parameter, i) => {
      const target = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
      const argument = args[i];
      if (target.type === AST_NODE_TYPES.Identifier && argument && argument.type !== AST_NODE_TYPES.SpreadElement) {
        const variable = this.scope.variableOf(target);
        if (variable) inner.set(variable, { node: argument, bindings });
      }
    });
    return inner;
  }

  /**
   * The value of an instance field that `this.name` reads, when the class sets it once and the value does
   * not depend on how the instance is made: a field initialiser (`private readonly table = process.env.TABLE`)
   * with no other write, or one `this.name = value` statement in the constructor whose value uses none of
   * the constructor's parameters (`this.table = "Orders"`). Anything else is unknown.
   */
  thisField(member: TSESTree.MemberExpression): Node | undefined {
    const name = unwrap(member.object).type === AST_NODE_TYPES.ThisExpression ? staticKeyName(member) : undefined;
    const body = name === undefined ? undefined : instanceClassOf(member);
    if (!body) return undefined;
    const element = instanceMember(body, name!);
    if (element?.type === AST_NODE_TYPES.MethodDefinition) return undefined;
    const allWrites = this.writesToFields(body);
    const writes = [...(allWrites.get(name!) ?? []), ...(allWrites.get("*") ?? [])];
    if (element?.value) return writes.length === 0 && !element.declare ? element.value : undefined;
    const write = writes.length === 1 ? writes[0] : undefined;
    if (write?.type !== AST_NODE_TYPES.AssignmentExpression || write.operator !== "=" || write.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
    const constructor = body.body.find((candidate) => candidate.type === AST_NODE_TYPES.MethodDefinition && candidate.kind === "constructor") as TSESTree.MethodDefinition | undefined;
    if (!constructor || write.parent.parent !== constructor.value.body) return undefined;
    let usesParameter = false;
    walk(write.right, this.visitorKeys, (node) => {
      if (usesParameter) return false;
      if (node.type === AST_NODE_TYPES.Identifier) {
        const definition = this.scope.variableOf(node)?.defs[0];
        if (definition?.type === "Parameter" && definition.node === constructor.value) usesParameter = true;
      }
    });
    return usesParameter ? undefined : write.right;
  }

  /** Every write to a `this.x` member in a class body (assignments, updates, destructuring targets, deletes), by name; `*` for computed ones. */
  private writesToFields(body: TSESTree.ClassBody): ReadonlyMap<string, Node[]> {
    if (!this.fieldWrites) {
      this.fieldWrites = new Map();
      for (const member of this.index.thisMembers) {
        const write = writeOf(member);
        const owner = write && instanceClassOf(member);
        if (!owner) continue;
        let byName = this.fieldWrites.get(owner);
        if (!byName) this.fieldWrites.set(owner, (byName = new Map()));
        // A computed write (`this[k] = v`) may be to any field.
        const key = staticKeyName(member) ?? "*";
        const list = byName.get(key);
        if (list) list.push(write);
        else byName.set(key, [write]);
      }
    }
    return this.fieldWrites.get(body) ?? NO_WRITES;
  }

  /** The function a call invokes, with the resolver that reads it: this file's (see sameFileFunction()), or another project module's. */
  calledFunction(call: TSESTree.CallExpression): { fn: FunctionNode; values: ValueResolver } | undefined {
    const local = this.sameFileFunction(call.callee);
    return local ? { fn: local, values: this } : this.importedBuilder?.(call);
  }

  /** A function declared in this file that the callee names (`function f() {}`, `const f = () => ...`, `this.method` in a class). */
  sameFileFunction(callee: Node): FunctionNode | undefined {
    if (callee.type === AST_NODE_TYPES.MemberExpression) return thisMethod(callee) ?? this.objectMethod(callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.scope.variableOf(callee);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!definition) return undefined;
    if (definition.type === "FunctionName" && isFunction(definition.node)) return definition.node;
    if (definition.type === "Variable" && definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.id === definition.name) {
      const init = definition.node.init ? unwrap(definition.node.init) : undefined;
      if (isFunction(init) && this.scope.writesOf(variable!).length === 1) return init;
    }
    return undefined;
  }

  /** `db.query(...)` on `const db = { query: (params) => ... }` of this file, unless the property is written again. */
  private objectMethod(callee: TSESTree.MemberExpression): FunctionNode | undefined {
    const object = unwrap(callee.object);
    const name = staticKeyName(callee);
    if (object.type !== AST_NODE_TYPES.Identifier || name === undefined) return undefined;
    const variable = this.scope.variableOf(object);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== "Variable" || definition.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.id !== definition.name) return undefined;
    const init = definition.node.init ? unwrap(definition.node.init) : undefined;
    if (init?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const property = this.resolveObject(object)?.properties.get(name);
    const value = property?.property?.parent === init && !property.assignment ? unwrap(property.value) : undefined;
    return isFunction(value) ? value : undefined;
  }

  /**
   * The pieces a string value is composed of: a template's expressions, the operands of `+`, or the arguments a key
   * builder composes (`buildPK(clinicId, patientId)` whose every return is `` `CLINIC#${clinicId}#PATIENT#${patientId}` ``,
   * same file or another module). Empty for anything else.
   */
  composedPieces(node: Node): Node[] {
    const value = unwrap(this.definitionOf(node) ?? node);
    const own = templatePieces(value);
    if (own || value.type !== AST_NODE_TYPES.CallExpression || value.arguments.length < 2) return own ?? [];
    const local = this.sameFileFunction(value.callee);
    const builder = local ? { fn: local, values: this as ValueResolver } : this.importedBuilder?.(value);
    if (!builder) return [];
    const indices = new Set<number>();
    for (const returned of builder.values.returnsOf(builder.fn)) {
      const pieces = templatePieces(unwrap(returned));
      if (!pieces) return [];
      for (const piece of pieces) {
        const origins = builder.values.originsOf(piece);
        const [origin] = origins;
        // Only the builder's own parameters, whole: anything else (a lookup, a hash) is not a composition of the arguments.
        if (origins.length !== 1 || origin.kind !== "parameter" || origin.fn !== builder.fn || origin.path.length > 0) return [];
        indices.add(origin.index);
      }
    }
    return [...indices].flatMap((index) => {
      const argument = value.arguments[index];
      return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? [argument] : [];
    });
  }

  /** The returned expressions of a function (its own `return`s, not nested functions'). */
  returnsOf(fn: FunctionNode): Node[] {
    if (!fn.body) return [];
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
    const own = (this.returnsByFunction ??= this.groupReturns()).get(fn);
    if (own) return own;
    // A function of another file: walk its body.
    let returns = this.returnsCache.get(fn);
    if (!returns) {
      const found: Node[] = (returns = []);
      walkOwnBody(fn.body, this.visitorKeys, (node) => {
        if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found.push(node.argument);
      });
      this.returnsCache.set(fn, returns);
    }
    return returns;
  }

  /** The file index's `return`s by the function they return from; every function of the file has an entry. */
  private groupReturns(): Map<FunctionNode, Node[]> {
    const grouped = new Map<FunctionNode, Node[]>();
    for (const fn of this.index.functions) grouped.set(fn, NO_RETURNS);
    for (const statement of this.index.returns) {
      const fn = enclosingFunction(statement);
      if (!fn || !statement.argument) continue;
      const list = grouped.get(fn);
      if (list === NO_RETURNS || !list) grouped.set(fn, [statement.argument]);
      else list.push(statement.argument);
    }
    return grouped;
  }

  // ---------------------------------------------------------------- definitions and objects

  /** Follows identifiers (single-write variables), `await` and TS wrappers to the expression that defines a value. */
  definitionOf(node: Node, limit = 20): Node | undefined {
    let current: Node = unwrap(node);
    for (let i = 0; i < limit; i++) {
      if (current.type === AST_NODE_TYPES.AwaitExpression) {
        current = unwrap(current.argument);
        continue;
      }
      if (current.type === AST_NODE_TYPES.MemberExpression) {
        const field = this.thisField(current);
        if (!field) return current;
        current = unwrap(field);
        continue;
      }
      if (current.type !== AST_NODE_TYPES.Identifier) return current;
      const variable = this.scope.variableOf(current);
      if (!variable || variable.defs[0]?.type !== "Variable") return current;
      const writes = this.scope.writesOf(variable);
      if (writes.length !== 1 || !writes[0].value) return current;
      if (writes[0].path.length > 0) {
        const object = this.resolveObject(writes[0].value);
        let value: Node | undefined;
        if (object && writes[0].path.length === 1) value = object.properties.get(writes[0].path[0])?.value;
        if (!value) return current;
        current = unwrap(value);
        continue;
      }
      current = unwrap(writes[0].value);
    }
    return current;
  }

  /**
   * The properties of an object value, through variables, spreads, `Object.assign`, member access into
   * resolved objects, and later `x.prop = value` assignments to the same variable.
   */
  resolveObject(node: Node, budget = { steps: 200 }): ResolvedObject | undefined {
    const current = unwrap(node);
    if (current.type === AST_NODE_TYPES.Identifier) {
      // A variable's object is resolved once per file (1,000 spreads of one object cost one resolution).
      const variable = this.scope.variableOf(current);
      if (!variable || variable.defs[0]?.type !== "Variable") return undefined;
      // `var params = {...}; get(params); var params = {...}; update(params)`: the write that reaches this read.
      if (this.scope.writesOf(variable).length > 1) {
        if (--budget.steps < 0) return undefined;
        const reaching = this.reachingWrite(variable, current);
        return reaching ? this.resolveObject(reaching, budget) : undefined;
      }
      const cached = this.objectCache.get(variable);
      if (cached !== undefined) return cached ?? undefined; // null: unresolvable, or a cycle back to a variable being resolved
      if (budget.steps <= 0) return undefined;
      this.objectCache.set(variable, null);
      const result = this.variableObject(variable, budget);
      // An exhausted budget may have cut the answer short: do not keep it for questions with a fresh budget.
      // (Steps left means nothing was cut: a variable is refused at 0 steps, any other node below 0.)
      if (budget.steps > 0) this.objectCache.set(variable, result ?? null);
      else this.objectCache.delete(variable);
      return result;
    }
    if (--budget.steps < 0) return undefined;
    switch (current.type) {
      case AST_NODE_TYPES.ObjectExpression: {
        const cached = this.literalObjects.get(current);
        if (cached) return cached;
        const result: ResolvedObject = { properties: new Map(), complete: true };
        for (const property of current.properties) {
          if (property.type === AST_NODE_TYPES.SpreadElement) {
            mergeInto(result, property.argument, this.resolveObject(property.argument, budget));
            continue;
          }
          const name = staticKeyName(property);
          if (name === undefined) {
            result.complete = false;
            (result.computed ??= []).push({ key: property.key, value: property.value, property });
            continue;
          }
          result.properties.set(name, { name, value: property.value, property });
        }
        // `const exp = { ExpressionAttributeNames: {} }; exp.ExpressionAttributeNames[k] = k`: a literal nested in a
        // variable's literal also holds what is written through the variable's path to it (seen through `...exp` too).
        const owner = this.literalOwner(current);
        const owned = owner ? this.withMutations(owner.variable, result, budget, owner.path) : result;
        // Kept unless the budget ran out inside (a spread cut short).
        if (budget.steps > 0) this.literalObjects.set(current, owned);
        return owned;
      }
      case AST_NODE_TYPES.AwaitExpression:
        return this.resolveObject(current.argument, budget);
      case AST_NODE_TYPES.MemberExpression: {
        const key = staticKeyName(current);
        if (key === undefined) return undefined;
        // params.ExpressionAttributeNames: also the later writes through that path (`params.ExpressionAttributeNames[k] = v`).
        const chain = memberChain(current);
        if (chain?.root.type === AST_NODE_TYPES.Identifier) return this.resolveObjectAt(chain.root, chain.path, budget);
        const field = this.thisField(current);
        if (field) return this.resolveObject(field, budget);
        const holder = this.resolveObject(current.object, budget);
        const property = holder?.properties.get(key);
        return property ? this.resolveObject(property.value, budget) : undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(current.callee);
        const chain = memberChain(callee);
        if (chain?.root.type === AST_NODE_TYPES.Identifier && chain.root.name === "Object" && chain.path.join(".") === "assign") {
          const result: ResolvedObject = { properties: new Map(), complete: true };
          for (const argument of current.arguments) {
            mergeInto(result, argument, argument.type === AST_NODE_TYPES.SpreadElement ? undefined : this.resolveObject(argument, budget));
          }
          return result;
        }
        if (callee.type === AST_NODE_TYPES.Identifier && calleeName(current) === "structuredClone" && current.arguments[0]) {
          return this.resolveObject(current.arguments[0], budget);
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * The object a same-file factory returns when it returns one (`const model = (table) => ({ remove: (key) => ... })`
   * and `model("Courses")`, directly or through a variable): its methods, in the factory's own terms.
   */
  factoryObject(node: Node): ResolvedObject | undefined {
    const call = unwrap(this.definitionOf(node) ?? node);
    const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrap(call.callee) : undefined;
    // model(TABLE), and the function of an IIFE: `(function () { ...; return { get, remove }; })()`
    const factory = callee?.type === AST_NODE_TYPES.Identifier ? this.sameFileFunction(callee) : isFunction(callee) ? callee : undefined;
    const returned = factory ? this.returnsOf(factory) : [];
    return returned.length === 1 ? this.resolveObject(returned[0]) : undefined;
  }

  /**
   * The value of the one whole write of a variable written several times that reaches a read: the last one before
   * it in the same function, in a block that holds the read, with no later write in a loop around the read.
   * Undefined when that is not certain (a write in a branch, in another function, or into a member or pattern).
   */
  private reachingWrite(variable: Variable, read: TSESTree.Identifier): Node | undefined {
    const writes = this.scope.writesOf(variable);
    const fn = enclosingFunction(read);
    let last: (typeof writes)[number] | undefined;
    for (const write of writes) {
      if (enclosingFunction(write.identifier) !== fn) return undefined;
      // `client = wrap(client)`: the read inside the written value reads an earlier write.
      if (write.value && contains(write.value, read)) continue;
      if (write.identifier.range[0] > read.range[0]) {
        if (insideLoopAround(write.identifier, read, fn)) return undefined;
        continue;
      }
      if (!last || write.identifier.range[0] > last.identifier.range[0]) last = write;
    }
    if (!last?.value || last.operator !== "=" || last.path.length !== 0) return undefined;
    // A plain statement (`var p = ...;`, `p = ...;`) in a block that holds the read: not in an `if` branch of its own.
    let statement: Node = last.identifier;
    while (statement.parent && !STATEMENT_CONTAINERS.has(statement.parent.type)) {
      statement = statement.parent;
      if (!WRITE_STATEMENT_PARTS.has(statement.type)) return undefined;
    }
    const block = statement.parent;
    return block && contains(block, read) ? last.value : undefined;
  }

  /**
   * What a function writes on one of its parameters (`options.httpOptions = {...}`, `Object.assign(options,
   * {...})`): an incomplete object, since the caller's properties are unknown. Undefined without such writes.
   */
  parameterWrites(node: Node): ResolvedObject | undefined {
    const current = unwrap(node);
    if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.scope.variableOf(current);
    if (!variable || variable.defs[0]?.type !== "Parameter") return undefined;
    const result = this.withMutations(variable, { properties: new Map(), complete: false }, { steps: 200 });
    return result.properties.size > 0 || result.computed ? result : undefined;
  }

  /** The class of this file that a value is constructed from (`new Handler()`, or a variable holding one). */
  constructedClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
    const instance = unwrap(this.definitionOf(node) ?? node);
    if (instance.type !== AST_NODE_TYPES.NewExpression || instance.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const definition = this.scope.variableOf(instance.callee)?.defs[0];
    return definition?.type === "ClassName" ? (definition.node as TSESTree.ClassDeclaration | TSESTree.ClassExpression) : undefined;
  }

  /** What assignments write through a member path of a variable (`params.Item.ID = uuid()`, for `params` and ["Item"]). */
  memberWrites(node: Node, path: readonly string[]): ResolvedObject | undefined {
    const current = unwrap(node);
    if (current.type !== AST_NODE_TYPES.Identifier || path.length === 0) return undefined;
    const variable = this.scope.variableOf(current);
    if (!variable || variable.defs[0]?.type !== "Variable") return undefined;
    const result = this.withMutations(variable, { properties: new Map(), complete: false }, { steps: 200 }, path);
    return result.properties.size > 0 ? result : undefined;
  }

  /**
   * What earlier statements of the same function write on the object a member chain or variable holds, through
   * another variable that holds the same object (`let entrada = req.body; entrada.sk = Date.now()` before
   * `Item: req.body`). Undefined without such writes.
   */
  aliasWrites(node: Node): ResolvedObject | undefined {
    const value = unwrap(node);
    const chain = memberChain(value);
    if (!chain || chain.root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.scope.variableOf(chain.root);
    const fn = enclosingFunction(value);
    if (!variable || !fn) return undefined;
    let result: ResolvedObject | undefined;
    for (const reference of variable.references) {
      if (reference.identifier.range[0] >= value.range[0] || enclosingFunction(reference.identifier) !== fn) continue;
      const current = memberPathAbove(reference.identifier, chain.path);
      const declarator = current?.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== current || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
      const alias = this.scope.variableOf(declarator.id);
      if (!alias || this.scope.writesOf(alias).length !== 1) continue;
      const written = this.withMutations(alias, result ?? { properties: new Map(), complete: false }, { steps: 200 });
      if (written.properties.size > 0) result = written;
    }
    return result;
  }

  private variableObject(variable: Variable, budget: { steps: number }): ResolvedObject | undefined {
    if (--budget.steps < 0) return undefined;
    const writes = this.scope.writesOf(variable);
    if (writes.length !== 1 || !writes[0].value) return undefined;
    let base: ResolvedObject | undefined;
    if (writes[0].path.length === 0) {
      base = this.resolveObject(writes[0].value, budget);
    } else if (writes[0].path.length === 1) {
      const holder = this.resolveObject(writes[0].value, budget);
      const inner = holder?.properties.get(writes[0].path[0]);
      base = inner ? this.resolveObject(inner.value, budget) : undefined;
    }
    if (!base) {
      // const todo = JSON.parse(event.body); todo.id = event.pathParameters.id: unknown keys, and those written after.
      if (writes[0].path.length !== 0) return undefined;
      const mutated = this.withMutations(variable, { properties: new Map(), complete: false, spreads: [writes[0].value] }, budget);
      return mutated.properties.size > 0 ? mutated : undefined;
    }
    return this.withMutations(variable, base, budget);
  }

  /**
   * The object at member path `path` below `node` (`params` + ["ExpressionAttributeNames"]), with the writes
   * made through that path when `node` is a variable (`params.ExpressionAttributeNames["#k"] = k`).
   */
  resolveObjectAt(node: Node, path: readonly string[], budget = { steps: 200 }): ResolvedObject | undefined {
    let current = this.resolveObject(node, budget);
    const root = unwrap(node);
    const variable = root.type === AST_NODE_TYPES.Identifier ? this.scope.variableOf(root) : undefined;
    const mutable = variable !== undefined && variable.defs[0]?.type === "Variable";
    for (let i = 0; i < path.length && current; i++) {
      const property = current.properties.get(path[i]);
      if (!property) return undefined;
      current = this.resolveObject(property.value, budget);
      // (A literal of the variable's own literal has these writes already: see literalOwner().)
      const owner = this.literalOwner(unwrap(property.value));
      const ownWrites = owner !== undefined && owner.variable === variable && owner.path.join(".") === path.slice(0, i + 1).join(".");
      if (current && mutable && !ownWrites) current = this.withMutations(variable, current, budget, path.slice(0, i + 1));
    }
    return current;
  }

  /**
   * The variable whose declared object literal holds this object literal, and the member path to it: the
   * `{}` of `const exp = { ExpressionAttributeNames: {} }` is `exp` + ["ExpressionAttributeNames"].
   */
  private literalOwner(object: Node): { variable: Variable; path: string[] } | undefined {
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const path: string[] = [];
    let current: Node = object;
    for (let depth = 0; depth < 8; depth++) {
      const holder: Node | undefined = current.parent;
      if (holder?.type !== AST_NODE_TYPES.Property || holder.value !== current) return undefined;
      const key = staticKeyName(holder);
      const literal: Node | undefined = holder.parent;
      if (key === undefined || literal?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      path.unshift(key);
      const declarator: Node | undefined = literal.parent;
      if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === literal && declarator.id.type === AST_NODE_TYPES.Identifier) {
        const variable = this.scope.variableOf(declarator.id);
        return variable && variable.defs[0]?.type === "Variable" && this.scope.writesOf(variable).length === 1 ? { variable, path } : undefined;
      }
      current = literal;
    }
    return undefined;
  }

  /** `params.X = v` and `Object.assign(params, {...})` after the declaration of `params` (or, with a path, `params.A.X = v`). */
  private withMutations(variable: Variable, base: ResolvedObject, budget: { steps: number }, path: readonly string[] = []): ResolvedObject {
    let result = base;
    for (const reference of variable.references) {
      const identifier = memberPathAbove(reference.identifier, path, this.memberKey);
      if (!identifier) continue;
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
        const assignment = parent.parent;
        const key = this.memberKey(parent);
        if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === parent && key === undefined && assignment.operator === "=") {
          // params[k] = v, params.ExpressionAttributeNames[`#${k}`] = k: an entry whose key is computed.
          if (result === base) result = copyResolved(base);
          result.complete = false;
          (result.computed ??= []).push({ key: parent.property, value: assignment.right, assignment });
        } else if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === parent && key !== undefined) {
          if (result === base) result = copyResolved(base);
          const previous = result.properties.get(key);
          const isSameMember = (node: Node) =>
            node.type === AST_NODE_TYPES.MemberExpression && staticKeyName(node) === key && this.scope.variableOf(unwrap(node.object)) === variable;
          const selfAppend = previous && assignment.operator === "=" ? appendedTo(assignment.right, isSameMember, (binary) => this.binaryOperands(binary)) : undefined;
          if (previous && assignment.operator === "=" && transforms(assignment.right, isSameMember)) {
            // `params.X = params.X.slice(0, -1)`: the same text, trimmed.
          } else if (!previous && !base.complete && fillsIfMissing(assignment, isSameMember)) {
            // `if (!body.id) body.id = uuid()`, `body.id ??= uuid()`: what the object already holds there stays.
          } else if (assignment.operator === "+=" && previous) {
            result.properties.set(key, { ...previous, appends: [...(previous.appends ?? []), assignment.right] });
          } else if (selfAppend && previous) {
            result.properties.set(key, { ...previous, appends: [...(previous.appends ?? []), ...selfAppend] });
          } else {
            result.properties.set(key, { name: key, value: assignment.right, assignment, property: previous?.property });
          }
        }
      } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === identifier) {
        const chain = memberChain(parent.callee);
        if (chain?.root.type === AST_NODE_TYPES.Identifier && chain.root.name === "Object" && chain.path.join(".") === "assign") {
          if (result === base) result = copyResolved(base);
          for (const source of parent.arguments.slice(1)) {
            mergeInto(result, source, source.type === AST_NODE_TYPES.SpreadElement ? undefined : this.resolveObject(source, budget));
          }
        }
      }
    }
    return result;
  }

  /** A member's name, also when a constant string of the file names it (see constantKey). */
  private readonly memberKey = (member: TSESTree.MemberExpression): string | undefined => staticKeyName(member) ?? this.constantKey(member);

  /**
   * The name a computed member takes from a constant of this file: `params[partitionKeyName]` with
   * `const partitionKeyName = "id"` (Amplify's CRUD template names its key attributes so).
   */
  private constantKey(member: TSESTree.MemberExpression): string | undefined {
    if (!member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    const definition = this.scope.variableOf(member.property)?.defs;
    const declarator = definition?.length === 1 && definition[0].type === "Variable" ? definition[0].node : undefined;
    if (declarator?.parent.kind !== "const" || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    const init = declarator.init && unwrap(declarator.init);
    return init?.type === AST_NODE_TYPES.Literal && typeof init.value === "string" ? init.value : undefined;
  }

  // ---------------------------------------------------------------- strings

  /** The possible values of a string expression, as constant text and non-constant parts. */
  resolveString(node: Node): ResolvedString {
    const cached = this.stringCache.get(node);
    if (cached) return cached;
    const result = { alternatives: this.strings(node, NO_BINDINGS, newQuery(), 0) };
    this.stringCache.set(node, result);
    return result;
  }

  private dynamic(node: Node, bindings: Bindings, state: QueryState, depth: number): Segment[][] {
    // A fresh cycle guard: the string query has `node` on its own stack, but its origin is a new question.
    const originState = newQuery(Math.min(state.steps, MAX_STEPS / 4), state);
    const origins = this.origins(node, bindings, originState, depth);
    state.steps -= MAX_STEPS / 4 - originState.steps;
    return [[{ kind: "dynamic", node, origins }]];
  }

  private strings(node: Node, bindings: Bindings, state: QueryState, depth: number): Segment[][] {
    const memoized = bindings === NO_BINDINGS ? state.memory.stringMemo?.get(node) : undefined;
    if (memoized) return memoized;
    // Literals and further references to a resolved variable cost no budget (see origins).
    const free = node.type === AST_NODE_TYPES.Literal || this.isResolvedVariable(node, bindings, state.memory.stringVariables);
    if ((!free && --state.steps < 0) || depth > MAX_DEPTH || state.active?.includes(node)) {
      return [[{ kind: "dynamic", node, origins: [{ kind: "unknown", node, exhausted: true }] }]];
    }
    (state.active ??= []).push(node);
    try {
      const result = boundAlternatives(this.computeStrings(unwrap(node), bindings, state, depth + 1), node);
      if (bindings === NO_BINDINGS && !anySegmentOrigin(result, isUnknown)) {
        (state.memory.stringMemo ??= new Map()).set(node, result);
      }
      return result;
    } finally {
      state.active.pop();
    }
  }

  private computeStrings(node: Node, bindings: Bindings, state: QueryState, depth: number): Segment[][] {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        if (node.value instanceof RegExp || typeof node.value === "bigint") return this.dynamic(node, bindings, state, depth);
        return [[{ kind: "text", value: String(node.value) }]];
      case AST_NODE_TYPES.TemplateLiteral: {
        let result: Segment[][] = [[]];
        node.quasis.forEach((quasi, i) => {
          result = concat(result, [[{ kind: "text", value: quasi.value.cooked ?? quasi.value.raw }]]);
          const expression = node.expressions[i];
          if (expression) result = concat(result, this.strings(expression, bindings, state, depth));
        });
        return result;
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (node.operator !== "+") return this.dynamic(node, bindings, state, depth);
        let result: Segment[][] = [[]];
        for (const operand of this.binaryOperands(node)) {
          if (state.steps < 0) {
            // Out of budget: the rest of the chain is one unknown part (not one part per operand).
            return concat(result, [[{ kind: "dynamic", node: operand, origins: [{ kind: "unknown", node: operand, exhausted: true }] }]]);
          }
          result = concat(result, this.strings(operand, bindings, state, depth));
        }
        return result;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return alternatives(this.strings(node.consequent, bindings, state, depth), this.strings(node.alternate, bindings, state, depth));
      case AST_NODE_TYPES.LogicalExpression:
        return alternatives(this.strings(node.left, bindings, state, depth), this.strings(node.right, bindings, state, depth));
      case AST_NODE_TYPES.AwaitExpression:
        return this.strings(node.argument, bindings, state, depth);
      case AST_NODE_TYPES.Identifier:
        return this.identifierStrings(node, bindings, state, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const value = this.memberValue(node);
        if (value) return this.strings(value, bindings, state, depth);
        // `keyNames[i]`: any element of the array.
        const element = node.computed && staticKeyName(node) === undefined ? this.elementStrings(node.object, bindings, state, depth) : undefined;
        return element ?? this.importedTexts(node) ?? this.dynamic(node, bindings, state, depth);
      }
      case AST_NODE_TYPES.CallExpression:
        return this.callStrings(node, bindings, state, depth);
      default:
        return this.dynamic(node, bindings, state, depth);
    }
  }

  /** `config.keys.owner` of `const config = require("./config")`: the texts the other module gives it, as constant text. */
  private importedTexts(node: TSESTree.Identifier | TSESTree.MemberExpression): Segment[][] | undefined {
    return this.importedText?.(node)?.map((value): Segment[] => [{ kind: "text", value }]);
  }

  private identifierStrings(node: TSESTree.Identifier, bindings: Bindings, state: QueryState, depth: number): Segment[][] {
    const variable = this.scope.variableOf(node);
    if (!variable || variable.defs.length === 0) return node.name === "undefined" ? [[{ kind: "text", value: "undefined" }]] : this.dynamic(node, bindings, state, depth);
    if (variable.defs[0]?.type === "ImportBinding") return this.importedTexts(node) ?? this.dynamic(node, bindings, state, depth);
    const bound = bindings.get(variable);
    if (bound) {
      // Keep the call site's argument as the dynamic node: that is where the value enters.
      const values = this.strings(bound.node, bound.bindings, state, depth);
      return values;
    }
    if (variable.defs[0]?.type === "Parameter") {
      // `valueNames.map((v, i) => ...)` over `valueNames = names.map((k) => ":val_" + k)`: `v` is what that callback returns.
      const fn = variable.defs[0].node as FunctionNode;
      const index = fn.params.indexOf(variable.defs[0].name as TSESTree.Parameter);
      const receiver = index >= 0 ? arrayCallbackReceiver(fn, index) : undefined;
      const elements = receiver ? this.elementStrings(receiver, bindings, state, depth) : undefined;
      if (elements) return elements;
    }
    if (variable.defs[0]?.type !== "Variable") return this.dynamic(node, bindings, state, depth);
    const writes = this.scope.writesOf(variable);
    if (writes.length === 0 || writes.some((write) => !write.value || write.path.length > 0)) {
      if (writes.length === 1 && writes[0].value && writes[0].path.length > 0) {
        const holder = this.resolveObject(writes[0].value);
        const property = writes[0].path.length === 1 ? holder?.properties.get(writes[0].path[0]) : undefined;
        if (property) return this.strings(property.value, bindings, state, depth);
        // `const { USER_KEY } = require("./keys")`
        if (!holder) return this.importedTexts(node) ?? this.dynamic(node, bindings, state, depth);
      }
      return this.dynamic(node, bindings, state, depth);
    }
    if (writes.some((write) => write.operator !== "=" && write.operator !== "+=")) return this.dynamic(node, bindings, state, depth);
    const memoize = bindings === NO_BINDINGS;
    const known = memoize ? state.memory.stringVariables?.get(variable) : undefined;
    if (known === PENDING) return [[{ kind: "dynamic", node, origins: [{ kind: "unknown", node, exhausted: true }] }]]; // a cycle back to this variable
    if (known) return this.readWhereUsed(known, node, bindings, state, depth);
    const settled = memoize ? this.settledStrings.get(variable) : undefined;
    if (settled) return this.readWhereUsed(settled, node, bindings, state, depth);
    if (memoize) (state.memory.stringVariables ??= new Map()).set(variable, PENDING);
    // `let s = "a"; if (x) s = "b"; s += y;` → alternatives of the plain writes, then every append.
    let base: Segment[][] = [];
    const appends: TSESTree.Node[] = [];
    for (const write of writes) {
      if (write.operator === "=") {
        // `s = s.slice(0, -2)`, `s = s.trim()`: the same text, trimmed; `s = s + ", b = :b"`: an append.
        if (isSelfTransform(write.value!, variable, this.scope)) continue;
        const selfAppend = selfAppendOperands(write.value!, variable, this.scope, (binary) => this.binaryOperands(binary));
        if (selfAppend) appends.push(...selfAppend);
        else base = alternatives(base, this.strings(write.value!, bindings, state, depth));
      } else appends.push(write.value!);
    }
    if (base.length === 0) base = [[]];
    for (const append of appends) base = concat(base, this.strings(append, bindings, state, depth));
    base = boundAlternatives(base, node);
    if (memoize) {
      state.memory.stringVariables!.set(variable, base);
      // Settled: no part was cut short by a budget, depth or cycle guard (those mark their part `exhausted`).
      if (!state.memory.cut && !anySegmentOrigin(base, isExhausted)) this.settledStrings.set(variable, base);
    }
    return this.readWhereUsed(base, node, bindings, state, depth);
  }

  /**
   * `const field = req.body.field; "SET " + field` (or `req.query.f ?? "x"`): a variable holding only a
   * non-constant value enters the text where it is used. Variables whose values mix text and non-constant
   * parts keep their segments.
   */
  private readWhereUsed(base: Segment[][], node: TSESTree.Identifier, bindings: Bindings, state: QueryState, depth: number): Segment[][] {
    if (base.some((alternative) => alternative.length === 1 && alternative[0].kind === "dynamic") && base.every((alternative) => alternative.length <= 1)) {
      return this.dynamic(node, bindings, state, depth);
    }
    return base;
  }

  /** `CONFIG.table` on a const object, `Enum.Member` on a TS enum, `ARR[0]` on a const array. */
  private memberValue(node: TSESTree.MemberExpression): Node | undefined {
    const key = staticKeyName(node);
    if (key === undefined) return undefined;
    const object = unwrap(node.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) return this.thisField(node);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = this.scope.variableOf(object);
      const definition = variable?.defs[0];
      if (definition?.type === "TSEnumName" && definition.node.type === AST_NODE_TYPES.TSEnumDeclaration) {
        const members = definition.node.body?.members ?? (definition.node as unknown as { members: TSESTree.TSEnumMember[] }).members;
        const member = members.find((candidate) => (candidate.id.type === AST_NODE_TYPES.Identifier ? candidate.id.name : String((candidate.id as TSESTree.Literal).value)) === key);
        return member?.initializer;
      }
    }
    const target = this.definitionOf(object);
    if (target?.type === AST_NODE_TYPES.ArrayExpression && /^\d+$/.test(key)) {
      const element = target.elements[Number(key)];
      return element && element.type !== AST_NODE_TYPES.SpreadElement ? element : undefined;
    }
    return this.resolveObject(object)?.properties.get(key)?.value;
  }

  private callStrings(node: TSESTree.CallExpression, bindings: Bindings, state: QueryState, depth: number): Segment[][] {
    const callee = unwrap(node.callee);
    const name = calleeName(node);
    const joined = name === "join" ? callee.type === AST_NODE_TYPES.MemberExpression && callee.object : name !== undefined && (name === "map" || ELEMENT_PRESERVING_METHODS.has(name)) && node;
    if (joined) {
      // `keys.map(...).join(", ")`, and `${keys.map(...)}`: an array in text is its elements joined by ",".
      const elements = name === "join" ? this.arrayElements(joined) : undefined;
      if (elements) {
        const separatorNode = node.arguments[0];
        const separator = separatorNode ? this.strings(separatorNode, bindings, state, depth) : [[{ kind: "text", value: "," } as Segment]];
        let result: Segment[][] = [[]];
        elements.forEach((element, i) => {
          if (i > 0) result = concat(result, separator);
          result = concat(result, this.strings(element, bindings, state, depth));
        });
        return result;
      }
      // `keys.map((k) => `#${k} = :${k}`).join(", ")`: one element stands for all (the separator sits between them).
      const mapped = this.elementStrings(joined, bindings, state, depth);
      if (mapped) return mapped;
    }
    // `keys.reduce((text, k) => text + `${k} = :${k}, `, "SET ")`: the initial text, then what each step appends
    // (one step stands for all, as one mapped element does for a join).
    const appended = name === "reduce" && node.arguments[1] ? reduceAppends(node) : undefined;
    if (appended) return concat(this.strings(node.arguments[1], bindings, state, depth), this.strings(appended, bindings, state, depth));
    if (callee.type === AST_NODE_TYPES.MemberExpression && name === "concat") {
      let result = this.strings(callee.object, bindings, state, depth);
      for (const argument of node.arguments) result = concat(result, this.strings(argument, bindings, state, depth));
      return result;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined && STRING_TRANSFORMS.has(name)) {
      // The receiver's text, transformed exactly when it is constant and the arguments are simple literals;
      // otherwise its segments as they are (trimming ", " off the end does not move a non-constant part).
      const receiver = this.strings(callee.object, bindings, state, depth);
      return receiver.map((alternative) => transformConstant(alternative, name, node.arguments) ?? alternative);
    }
    if (callee.type === AST_NODE_TYPES.Identifier && name === "String" && node.arguments[0]) {
      return this.strings(node.arguments[0], bindings, state, depth);
    }
    const helper = this.sameFileFunction(callee);
    if (helper && depth < MAX_HELPER_DEPTH * 12) {
      const inner = this.bindArguments(helper, node.arguments, bindings);
      const result = this.anyOf(this.returnsOf(helper), inner, state, depth);
      if (result.length > 0) return result;
    }
    return (helper ? undefined : this.importedStrings(node, bindings, state, depth)) ?? this.dynamic(node, bindings, state, depth);
  }

  /**
   * The text a builder of another project module returns (`createExpression(data)` with
   * `Object.keys(data).map((key) => `#${key} = :${key}`).join(", ")`), its parts in this file's terms: each
   * non-constant part made of the builder's parameters stands for the call here, with the origins of the arguments
   * given. Undefined when a part comes from anything else there (an item, a module value).
   */
  private importedStrings(node: TSESTree.CallExpression, bindings: Bindings, state: QueryState, depth: number): Segment[][] | undefined {
    const imported = this.importedBuilder?.(node);
    if (!imported || imported.values === this) return undefined;
    const returns = imported.values.returnsOf(imported.fn);
    if (returns.length === 0) return undefined;
    const result: Segment[][] = [];
    for (const returned of returns) {
      for (const alternative of imported.values.resolveString(returned).alternatives) {
        const mapped: Segment[] = [];
        for (const segment of alternative) {
          if (segment.kind === "text") {
            mapped.push(segment);
            continue;
          }
          const origins: Origin[] = [];
          for (const origin of segment.origins) {
            const passed = this.argumentOrigins(node, imported.fn, origin, bindings, state, depth + 1);
            if (!passed) return undefined;
            origins.push(...passed);
          }
          mapped.push({ kind: "dynamic", node, origins });
        }
        result.push(mapped);
        if (result.length > MAX_ALTERNATIVES) return undefined;
      }
    }
    return result;
  }

  /**
   * The text of any element of an array: one made by `map` (see mappedElementStrings), an array literal's elements,
   * or those of arrays joined by `concat` (`keys.map(...).concat("#updatedAt = :now")`).
   */
  private elementStrings(array: Node, bindings: Bindings, state: QueryState, depth: number): Segment[][] | undefined {
    if (depth > MAX_DEPTH || --state.steps < 0) return undefined;
    const mapped = this.mappedElementStrings(array, bindings, state, depth);
    if (mapped) {
      // `const clauses = keys.map(...); clauses.push(...)`: the callback's texts and what is pushed later.
      const current = unwrap(array);
      const pushed = current.type === AST_NODE_TYPES.Identifier ? this.pushedOnto(current) : [];
      return pushed && alternatives(mapped, this.anyOf(pushed, bindings, state, depth));
    }
    const made = unwrap(this.definitionOf(array) ?? array);
    if (made.type === AST_NODE_TYPES.CallExpression && made.callee.type === AST_NODE_TYPES.MemberExpression && staticKeyName(made.callee) === "concat") {
      let result = this.elementStrings(made.callee.object, bindings, state, depth + 1);
      for (const argument of made.arguments) {
        if (!result || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
        result = alternatives(result, this.elementStrings(argument, bindings, state, depth + 1) ?? this.strings(argument, bindings, state, depth + 1));
      }
      return result;
    }
    // ["#stage = :stage", ...extraClauses]: the literal's own elements and any element of the arrays spread into it.
    if (made.type === AST_NODE_TYPES.ArrayExpression && made.elements.some((element) => element?.type === AST_NODE_TYPES.SpreadElement)) {
      let result: Segment[][] = [];
      for (const element of made.elements) {
        if (!element) return undefined;
        const strings = element.type === AST_NODE_TYPES.SpreadElement ? this.elementStrings(element.argument, bindings, state, depth + 1) : this.strings(element, bindings, state, depth + 1);
        if (!strings) return undefined;
        result = alternatives(result, strings);
      }
      return result.length > 0 ? result : undefined;
    }
    const elements = this.arrayElements(array);
    return elements && elements.length > 0 ? this.anyOf(elements, bindings, state, depth) : undefined;
  }

  /** The text of any element of an array made by `map` (`keys.map((k) => "#" + k)`): what its callback returns. */
  private mappedElementStrings(array: Node, bindings: Bindings, state: QueryState, depth: number): Segment[][] | undefined {
    const mapped = mappedStrings(this.definitionOf(array) ?? array, (fn) => this.returnsOf(fn), (callee) => this.sameFileFunction(callee));
    if (!mapped) return undefined;
    const inner = mapped.helper ? this.bindArguments(mapped.fn, [mapped.receiver], bindings) : bindings;
    const result = this.anyOf(mapped.returns, inner, state, depth);
    return result.length > 0 ? result : undefined;
  }

  /** The texts any one of the nodes may have: each node's alternatives. */
  private anyOf(nodes: readonly Node[], bindings: Bindings, state: QueryState, depth: number): Segment[][] {
    let result: Segment[][] = [];
    for (const node of nodes) result = alternatives(result, this.strings(node, bindings, state, depth));
    return result;
  }

  /** Elements of an array literal (through a const), plus every later `push`/`unshift` to it. */
  arrayElements(node: Node): Node[] | undefined {
    const current = unwrap(node);
    if (current.type === AST_NODE_TYPES.ArrayExpression) {
      // A copy: pushes found later are appended to it, and the AST must stay untouched.
      return current.elements.every((element) => element && element.type !== AST_NODE_TYPES.SpreadElement) ? [...(current.elements as Node[])] : undefined;
    }
    if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.scope.variableOf(current);
    if (!variable || variable.defs[0]?.type !== "Variable") return undefined;
    const writes = this.scope.writesOf(variable);
    if (writes.length !== 1 || !writes[0].value || writes[0].path.length > 0) return undefined;
    const initial = unwrap(writes[0].value);
    if (initial.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const elements = this.arrayElements(initial);
    const pushed = this.pushedOnto(current);
    return elements && pushed ? [...elements, ...pushed] : undefined;
  }

  /** The arguments of every `push`/`unshift` onto the variable an identifier names; undefined when one is spread. */
  private pushedOnto(identifier: TSESTree.Identifier): Node[] | undefined {
    const variable = this.scope.variableOf(identifier);
    const pushed: Node[] = [];
    for (const push of this.index.pushes.get(identifier.name) ?? []) {
      const receiver = (push.callee as TSESTree.MemberExpression).object;
      if (!variable || this.scope.variableOf(receiver) !== variable) continue;
      for (const argument of push.arguments) {
        if (argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
        pushed.push(argument);
      }
    }
    return pushed;
  }
}

/** For the element parameter of an inline array callback (`xs.map((x) => ...)`), the array (`xs`). */
export function arrayCallbackReceiver(fn: FunctionNode, index: number): Node | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticKeyName(callee);
  return method !== undefined && Object.hasOwn(ARRAY_CALLBACK_METHODS, method) && ARRAY_CALLBACK_METHODS[method] === index ? callee.object : undefined;
}

/** What an inline `reduce` callback appends to its text accumulator when it only appends (`(text, k) => text + T`). */
function reduceAppends(call: TSESTree.CallExpression): Node | undefined {
  const callback = call.arguments[0] && unwrap(call.arguments[0]);
  if (callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback?.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  const accumulator = callback.params[0];
  if (accumulator?.type !== AST_NODE_TYPES.Identifier) return undefined;
  // An expression body, or a body that is one `return`.
  const only = callback.body.type === AST_NODE_TYPES.BlockStatement ? (callback.body.body.length === 1 ? callback.body.body[0] : undefined) : undefined;
  const returned = callback.body.type !== AST_NODE_TYPES.BlockStatement ? callback.body : only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : undefined;
  const body = returned ? unwrap(returned) : undefined;
  const left = body?.type === AST_NODE_TYPES.BinaryExpression && body.operator === "+" ? unwrap(body.left) : undefined;
  return left?.type === AST_NODE_TYPES.Identifier && left.name === accumulator.name ? (body as TSESTree.BinaryExpression).right : undefined;
}

/** `authenticate(event).then((caller) => ...)`: the callback's first parameter is what the promise resolves to. */
function promiseCallbackReceiver(fn: FunctionNode, index: number): Node | undefined {
  const call = fn.parent;
  if (index !== 0 || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && staticKeyName(callee) === "then" ? callee.object : undefined;
}

/** For a variable declared by `for (const x of xs)` / `for (const k in o)`, the iterated expression. */
export function loopSource(identifier: TSESTree.Identifier): Node | undefined {
  let current: Node = identifier;
  for (let i = 0; i < 100 && current.parent; i++) {
    const parent: Node = current.parent;
    if ((parent.type === AST_NODE_TYPES.ForOfStatement || parent.type === AST_NODE_TYPES.ForInStatement) && parent.left === current) return parent.right;
    if (
      parent.type === AST_NODE_TYPES.VariableDeclarator ||
      parent.type === AST_NODE_TYPES.VariableDeclaration ||
      parent.type === AST_NODE_TYPES.ObjectPattern ||
      parent.type === AST_NODE_TYPES.ArrayPattern ||
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.AssignmentPattern ||
      parent.type === AST_NODE_TYPES.RestElement
    ) {
      current = parent;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** `s.slice(0, -2)`, `s.trim()`, `s.replace(/, $/, "")` on the variable itself. */
function isSelfTransform(value: Node, variable: Variable, scope: ScopeIndex): boolean {
  return transforms(value, (node) => node.type === AST_NODE_TYPES.Identifier && scope.variableOf(node) === variable);
}

/** A chain of string transforms (at least one) applied to a node that `isSource` accepts. */
function transforms(value: Node, isSource: (node: Node) => boolean): boolean {
  let current = unwrap(value);
  for (let i = 0; i < 20; i++) {
    if (i > 0 && isSource(current)) return true;
    if (current.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(current.callee);
    const name = calleeName(current);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined || !STRING_TRANSFORMS.has(name)) return false;
    current = unwrap(callee.object);
  }
  return false;
}

/** `s = s + a + b` → [a, b]. */
function selfAppendOperands(value: Node, variable: Variable, scope: ScopeIndex, operandsOf: (node: TSESTree.BinaryExpression) => Node[]): Node[] | undefined {
  return appendedTo(value, (node) => node.type === AST_NODE_TYPES.Identifier && scope.variableOf(node) === variable, operandsOf);
}

/** `x + a + b` where `isSource(x)` → [a, b]. */
function appendedTo(value: Node, isSource: (node: Node) => boolean, operandsOf: (node: TSESTree.BinaryExpression) => Node[]): Node[] | undefined {
  const current = unwrap(value);
  if (current.type !== AST_NODE_TYPES.BinaryExpression || current.operator !== "+") return undefined;
  const [first, ...rest] = operandsOf(current);
  return first && isSource(unwrap(first)) ? rest : undefined;
}

/** `xs.map(fn)` (through filter/slice/sort): the callback's returned expressions. */
function mappedStrings(
  node: Node,
  returnsOf: (fn: FunctionNode) => Node[],
  sameFileFunction: (callee: Node) => FunctionNode | undefined,
): { fn: FunctionNode; returns: Node[]; receiver: Node; helper: boolean } | undefined {
  let current = unwrap(node);
  for (let i = 0; i < 20; i++) {
    if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = staticKeyName(callee);
    if (method === "map") {
      const argument = current.arguments[0];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const inline = unwrap(argument);
      const fn = isFunction(inline) ? inline : sameFileFunction(inline);
      if (!fn) return undefined;
      return { fn, returns: returnsOf(fn), receiver: callee.object, helper: fn !== inline };
    }
    if (method === undefined || !ELEMENT_PRESERVING_METHODS.has(method)) return undefined;
    current = unwrap(callee.object);
  }
  return undefined;
}

/** The exact result of a string method on constant text, when it is cheap and certain. */
function transformConstant(alternative: Segment[], method: string, args: readonly TSESTree.CallExpressionArgument[]): Segment[] | undefined {
  if (alternative.some((segment) => segment.kind !== "text")) return undefined;
  const text = alternative.map((segment) => (segment as { value: string }).value).join("");
  const numbers: number[] = [];
  for (const argument of args) {
    const value = numericLiteral(argument);
    if (value === undefined) return undefined;
    numbers.push(value);
  }
  let result: string | undefined;
  switch (method) {
    case "trim":
    case "trimStart":
    case "trimEnd":
    case "toLowerCase":
    case "toUpperCase":
    case "toString":
    case "valueOf":
      result = args.length === 0 ? text[method]() : undefined;
      break;
    case "slice":
      result = text.slice(numbers[0], numbers[1]);
      break;
    case "substring":
      result = text.substring(numbers[0] ?? 0, numbers[1]);
      break;
    default:
      result = undefined;
  }
  return result === undefined ? undefined : [{ kind: "text", value: result }];
}

function numericLiteral(node: Node): number | undefined {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Literal && typeof current.value === "number") return current.value;
  if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === "-") {
    const inner = unwrap(current.argument);
    return inner.type === AST_NODE_TYPES.Literal && typeof inner.value === "number" ? -inner.value : undefined;
  }
  return undefined;
}

/** Merges the resolved properties of `source` (or records it as an unresolved spread) into `result`. */
function mergeInto(result: ResolvedObject, source: Node, part: ResolvedObject | undefined): void {
  if (!part) {
    result.complete = false;
    (result.spreads ??= []).push(source.type === AST_NODE_TYPES.SpreadElement ? source.argument : source);
    return;
  }
  for (const [key, value] of part.properties) result.properties.set(key, value);
  result.complete &&= part.complete;
  if (part.spreads) (result.spreads ??= []).push(...part.spreads);
  if (part.computed) (result.computed ??= []).push(...part.computed);
}

function copyResolved(object: ResolvedObject): ResolvedObject {
  const copy: ResolvedObject = { properties: new Map(object.properties), complete: object.complete };
  if (object.spreads) copy.spreads = [...object.spreads];
  if (object.computed) copy.computed = [...object.computed];
  return copy;
}

const NO_WRITES: ReadonlyMap<string, Node[]> = new Map();

/** The node that writes to `member` (an assignment, update, delete, destructuring or loop target), if any. */
function writeOf(member: TSESTree.MemberExpression): Node | undefined {
  const parent = member.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === member ? parent : undefined;
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.RestElement:
      return parent;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === "delete" ? parent : undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return (parent.left as Node) === member ? parent : undefined;
    case AST_NODE_TYPES.Property:
      return parent.value === member && parent.parent?.type === AST_NODE_TYPES.ObjectPattern ? parent : undefined;
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left === member ? parent : undefined;
    default:
      return undefined;
  }
}

/**
 * The class body whose instance `this` is at `node`: inside its instance methods and field initialisers,
 * through arrow functions; not through a nested `function` (which rebinds `this`) or in static code.
 */
function instanceClassOf(node: Node): TSESTree.ClassBody | undefined {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration: {
        const owner: Node | undefined = current.parent;
        if (owner?.type !== AST_NODE_TYPES.MethodDefinition || owner.value !== current || owner.static) return undefined;
        break;
      }
      case AST_NODE_TYPES.PropertyDefinition:
        if (current.static) return undefined;
        break;
      case AST_NODE_TYPES.StaticBlock:
        return undefined;
      case AST_NODE_TYPES.ClassBody:
        return current;
      default:
        break;
    }
  }
  return undefined;
}

/** The class whose static method `node` is in, where `this` is the class itself (`static endCall() { return this.update(...) }`). */
function staticClassOf(node: Node): TSESTree.ClassBody | undefined {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const owner: Node | undefined = current.parent;
      return owner?.type === AST_NODE_TYPES.MethodDefinition && owner.value === current && owner.static && owner.parent.type === AST_NODE_TYPES.ClassBody ? owner.parent : undefined;
    }
    if (current.type === AST_NODE_TYPES.ClassBody || current.type === AST_NODE_TYPES.Program) return undefined;
  }
  return undefined;
}

/**
 * The method of the enclosing class that `this.name` names, where `this` is that class's instance (or, in a static
 * method, the class and its static methods). A
 * subclass may override it; like a same-file function, it is taken as written.
 */
function thisMethod(member: TSESTree.MemberExpression): FunctionNode | undefined {
  const name = unwrap(member.object).type === AST_NODE_TYPES.ThisExpression ? staticKeyName(member) : undefined;
  if (name === undefined) return undefined;
  const body = instanceClassOf(member);
  const staticBody = body ? undefined : staticClassOf(member);
  const element = body ? instanceMember(body, name) : staticBody && staticMethodNamed(staticBody, name);
  if (!element || (element.type === AST_NODE_TYPES.MethodDefinition && element.kind !== "method")) return undefined;
  const value = element.value ? unwrap(element.value) : undefined;
  return isFunction(value) ? value : undefined;
}

function rootOrigin(root: RootKind, node: Node): Origin {
  if (root.kind === "request" || root.kind === "caller") return { kind: root.kind, framework: root.framework, path: root.path, node };
  if (root.kind === "response-object") return { kind: "request-object", root, path: [], node };
  return { kind: "request-object", root, path: [], node };
}

/** The path from a (destructuring) parameter down to a name inside it. */
function patternPathWithin(name: TSESTree.Node, parameter: TSESTree.Node): string[] {
  const path: string[] = [];
  let current: TSESTree.Node = name;
  for (let i = 0; i < 200 && current !== parameter && current.parent; i++) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current) path.push(staticKeyName(parent) ?? "*");
    else if (parent.type === AST_NODE_TYPES.ArrayPattern) path.push(String(parent.elements.indexOf(current as TSESTree.DestructuringPattern)));
    current = parent;
  }
  return path.reverse();
}

/**
 * Does the assignment only fill the member in when it is missing: `x.id ??= v`, `x.id = x.id || v`, or in the branch
 * of `if (!x.id)`, `if (x.id == null)`, `if (x.id === undefined)`?
 */
function fillsIfMissing(assignment: TSESTree.AssignmentExpression, isSameMember: (node: Node) => boolean): boolean {
  if (assignment.operator === "??=" || assignment.operator === "||=") return true;
  const right = unwrap(assignment.right);
  if (right.type === AST_NODE_TYPES.LogicalExpression && (right.operator === "??" || right.operator === "||") && isSameMember(unwrap(right.left))) return true;
  let statement: Node | undefined = assignment.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  let branch: Node | undefined = statement.parent;
  if (branch?.type === AST_NODE_TYPES.BlockStatement) {
    statement = branch;
    branch = branch.parent;
  }
  if (branch?.type !== AST_NODE_TYPES.IfStatement || branch.consequent !== statement) return false;
  const test = unwrap(branch.test);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === "!") return isSameMember(unwrap(test.argument));
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== "==" && test.operator !== "===")) return false;
  const missing = (node: Node) => (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === "undefined");
  return (isSameMember(unwrap(test.left as Node)) && missing(test.right)) || (missing(test.left as Node) && isSameMember(unwrap(test.right)));
}

/** A template's expressions or the two operands of `+`; undefined for any other value. */
function templatePieces(value: Node): Node[] | undefined {
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions;
  if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === "+") return [value.left as Node, value.right];
  return undefined;
}

function walkOwnBody(body: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, visit: (node: Node) => void): void {
  walk(body, visitorKeys, (node) => {
    if (node !== body && isFunction(node)) return false;
    visit(node);
  });
}

function concat(left: Segment[][], right: Segment[][]): Segment[][] {
  if (left.length === 0 || right.length === 0) return left.length === 0 ? right : left;
  const result: Segment[][] = [];
  if (left.length * right.length <= MAX_ALTERNATIVES) {
    for (const a of left) for (const b of right) result.push(mergeSegments(a, b));
    return result;
  }
  // Too many combinations: pair them up so that every segment of both sides still appears somewhere.
  const count = Math.max(left.length, right.length);
  for (let i = 0; i < count; i++) result.push(mergeSegments(left[i % left.length], right[i % right.length]));
  return result.slice(0, Math.max(MAX_ALTERNATIVES, count));
}

/** `base.a.b` from a dotted path and more segments, empty parts left out (`[base, ...path].filter(Boolean).join(".")` without the arrays). */
function joinPath(base: string, path: readonly string[]): string {
  let joined = base;
  for (const segment of path) if (segment) joined = joined ? `${joined}.${segment}` : segment;
  return joined;
}

/** At most this many alternatives or origins per answer; past it, the rest is one "unknown" (never a wrong constant). */
const MAX_ANSWERS = MAX_ALTERNATIVES * 4;

function boundAlternatives(result: Segment[][], node: Node): Segment[][] {
  if (result.length <= MAX_ANSWERS) return result;
  // Keep the alternatives with non-constant parts first: they are what rules ask about.
  const dynamic = result.filter((alternative) => alternative.some((segment) => segment.kind === "dynamic"));
  const constant = result.filter((alternative) => alternative.every((segment) => segment.kind === "text"));
  const kept = [...dynamic, ...constant].slice(0, MAX_ANSWERS - 1);
  kept.push([{ kind: "dynamic", node, origins: [{ kind: "unknown", node, exhausted: true }] }]);
  return kept;
}

function boundOrigins(origins: Origin[], node: Node): Origin[] {
  if (origins.length <= 1) return origins;
  const unique = [...new Set(origins)];
  if (unique.length <= MAX_ANSWERS) return unique;
  const kept: Origin[] = unique.filter((origin) => origin.kind !== "unknown").slice(0, MAX_ANSWERS - 1);
  kept.push({ kind: "unknown", node, exhausted: true });
  return kept;
}

/** Does a dynamic part of any alternative of the value have an origin that passes `test`? */
function anySegmentOrigin(value: Segment[][], test: (origin: Origin) => boolean): boolean {
  return value.some((alternative) => alternative.some((segment) => segment.kind !== "text" && segment.origins.some(test)));
}

function alternatives(left: Segment[][], right: Segment[][]): Segment[][] {
  return [...left, ...right];
}

function mergeSegments(a: Segment[], b: Segment[]): Segment[] {
  if (a.length > 0 && b.length > 0) {
    const last = a[a.length - 1];
    const first = b[0];
    if (last.kind === "text" && first.kind === "text") return [...a.slice(0, -1), { kind: "text", value: last.value + first.value }, ...b.slice(1)];
  }
  return [...a, ...b];
}

// ---------------------------------------------------------------- helpers for rules

export function isConstantString(resolved: ResolvedString): boolean {
  return resolved.alternatives.every((alternative) => alternative.every((segment) => segment.kind === "text"));
}

/** The constant values, when every alternative is constant. */
export function constantValues(resolved: ResolvedString): string[] | undefined {
  if (!isConstantString(resolved)) return undefined;
  return resolved.alternatives.map((alternative) => alternative.map((segment) => (segment as { value: string }).value).join(""));
}

/** Each non-constant part with the constant text right before it in its alternative. */
export function dynamicParts(resolved: ResolvedString): Array<{ node: Node; origins: Origin[]; textBefore: string; textAfter: string }> {
  const parts: Array<{ node: Node; origins: Origin[]; textBefore: string; textAfter: string }> = [];
  const seen = new Set<Node>();
  for (const alternative of resolved.alternatives) {
    alternative.forEach((segment, i) => {
      if (segment.kind !== "dynamic" || seen.has(segment.node)) return;
      seen.add(segment.node);
      const before = alternative[i - 1];
      const after = alternative[i + 1];
      parts.push({
        node: segment.node,
        origins: segment.origins,
        textBefore: before?.kind === "text" ? before.value : "",
        textAfter: after?.kind === "text" ? after.value : "",
      });
    });
  }
  return parts;
}

export function hasOrigin(origins: readonly Origin[], kind: Origin["kind"]): boolean {
  return origins.some((origin) => origin.kind === kind);
}

/** Is a wrapper an element's index (`Promise.all`'s results) rather than a member's name? */
function isIndex(wrapper: string | undefined): boolean {
  return wrapper !== undefined && /^\d+$/.test(wrapper);
}

/** The origins of any one element of an array: what the array's elements hold, whatever their index. */
function anyElement(origins: Origin[]): Origin[] {
  return origins.some((origin) => isIndex(origin.wrapper)) ? origins.map((origin) => (isIndex(origin.wrapper) ? { ...origin, wrapper: undefined } : origin)) : origins;
}

/** Origins of a value held under `member` of an object (see Origin's `wrapper`). */
function wrapped(origins: Origin[], member: string | undefined): Origin[] {
  return member === undefined ? origins : origins.map((origin) => ({ ...origin, wrapper: member }));
}

/** Nodes whose children are statements in sequence. */
const STATEMENT_CONTAINERS: ReadonlySet<string> = new Set([AST_NODE_TYPES.BlockStatement, AST_NODE_TYPES.Program, AST_NODE_TYPES.SwitchCase, AST_NODE_TYPES.StaticBlock]);

/** What may lie between a written identifier and its statement for the write to run whenever the statement does. */
const WRITE_STATEMENT_PARTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.VariableDeclarator, AST_NODE_TYPES.VariableDeclaration, AST_NODE_TYPES.AssignmentExpression, AST_NODE_TYPES.ExpressionStatement,
]);

const LOOPS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ForStatement, AST_NODE_TYPES.ForInStatement, AST_NODE_TYPES.ForOfStatement, AST_NODE_TYPES.WhileStatement, AST_NODE_TYPES.DoWhileStatement,
]);

/** Is `later` inside a loop (within `fn`) that also holds `node`, so that it may run before `node` runs again? */
function insideLoopAround(later: Node, node: Node, fn: FunctionNode | undefined): boolean {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (LOOPS.has(current.type) && contains(current, later)) return true;
  }
  return false;
}
