// Request data may fill in the values of a DynamoDB operation (key values, attribute values), but it must
// not decide its shape: which table, which index, which attributes, or the whole input object. This rule
// walks each operation's input along the SDK-derived member paths of its command (TableName, IndexName,
// RequestItems table keys, TransactItems[].Put.TableName, ExpressionAttributeNames, AttributesToGet, Item)
// and reports request input there unless it passed an allow-list first. Also through same-file helpers (at
// each call that passes request input) and, with cross-module analysis, functions of other project modules.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "../src/analysis/node-types";
import { constantValues, getAnalysis, isGraphQLArgument, requestKey, type FileAnalysis, type Operation, type Origin, type ResolvedObject } from "../src/analysis";
import { EXPRESSION_MEMBERS } from "../src/analysis/expression-sites";
import { placeholderUses } from "../src/analysis/expressions";
import { calleeName, enclosingFunction, memberChain, staticKeyName, unwrap, unwrapAwait, type FunctionNode } from "../src/analysis/ast";
import type { CommandInfo } from "../src/analysis/sdk/catalogue";
import { describeRequestSource } from "../src/analysis/sources";
import { functionName, relativeModulePath, type ExternalCallee } from "../src/analysis/cross-module";
import { createRule } from "../src/utils/create-rule";

type Options = [{ massAssignment?: boolean }];
type MessageIds = "wholeInput" | "spreadInput" | "requestParameter" | "massAssignment";
type Node = TSESTree.Node;
type RequestOrigin = Extract<Origin, { kind: "request" }>;

/** What a member of the input decides, for the members this rule judges. */
type Leaf = "table" | "index" | "names" | "attributes" | "item";
const LEAVES: Record<string, Leaf> = {
  TableName: "table",
  IndexName: "index",
  ExpressionAttributeNames: "names",
  AttributesToGet: "attributes",
  Item: "item",
};
const CHOICES: Record<Exclude<Leaf, "item">, string> = {
  table: "table",
  index: "index",
  names: "attribute names",
  attributes: "attributes",
};

/** The input's shape, as far as the rule looks: `TransactItems[].Put.TableName` → TransactItems → [] → Put → TableName. */
interface Shape {
  leaf?: Leaf;
  members: Map<string, Shape>;
  /** `[]`: the elements of a list. */
  elements?: Shape;
  /** `{}`: the values of a map keyed by table name (RequestItems). */
  entries?: Shape;
}

/** Where the parts of an input are evaluated: in the operation's own code, or inside a same-file helper for one call. */
interface HelperCall {
  helper: FunctionNode;
  call: TSESTree.CallExpression;
}
interface Place {
  operation: Operation;
  call?: HelperCall;
  /** The helper that performs the operation, when a call of it passes the request input (named in messages). */
  via?: string;
}
/** A member path from the operation's input (`params` + ["ExpressionAttributeNames"]), for writes made through it. */
interface Access {
  root: Node;
  path: string[];
}

/** How far value definitions are followed (branches, conversions, helpers). */
const MAX_DEPTH = 8;
/** How deep the input is walked (TransactItems[].Put.Item is 8 steps; spreads add some). */
const MAX_NESTING = 24;

/** The allow-list idiom each message shows. */
const EXAMPLES: Record<Exclude<Leaf, "item">, string> = {
  table: "`TABLES[name]`",
  index: "`INDEXES[name]`",
  names: "`FIELDS[name]`",
  attributes: "`FIELDS[name]`",
};


/** Calls whose result is their (first) argument's object, converted: the object still comes from where the argument does. */
const OBJECT_CONVERSIONS = new Set(["parse", "structuredClone", "marshall", "unmarshall", "convertToAttr", "convertToNative"]);

const shapes = new WeakMap<CommandInfo, Shape>();

function shapeOf(command: CommandInfo): Shape {
  let shape = shapes.get(command);
  if (shape) return shape;
  shape = { members: new Map() };
  for (const path of command.inputPaths) {
    const segments = path.split(".");
    const leaf = LEAVES[segments[segments.length - 1]];
    if (!leaf) continue;
    let current = shape;
    for (const segment of segments) {
      let name = segment;
      const suffixes: string[] = [];
      while (name.endsWith("[]") || name.endsWith("{}")) {
        suffixes.unshift(name.slice(-2));
        name = name.slice(0, -2);
      }
      let next = current.members.get(name);
      if (!next) current.members.set(name, (next = { members: new Map() }));
      current = next;
      for (const suffix of suffixes) {
        const key = suffix === "[]" ? "elements" : "entries";
        current = current[key] ??= { members: new Map() };
      }
    }
    current.leaf = leaf;
  }
  shapes.set(command, shape);
  return shape;
}

/** What an input checker reads, and where its findings go. */
interface CheckerEnvironment {
  /** The linted file's analysis, or another module's when a callee is judged for what its parameters decide. */
  module: Pick<FileAnalysis, "values" | "allowLists" | "scope"> & { callSites?: FileAnalysis["callSites"] };
  /** The origin that is the caller's choice, as a request origin: request input, or (in a callee) one of its parameters. */
  sourceOf(origin: Origin): RequestOrigin | undefined;
  massAssignment: boolean;
  /** `value` is what was judged; `node` where to report it (the argument of a helper's call that passes the input). */
  report(node: Node, messageId: MessageIds, data: Record<string, string>, origin: RequestOrigin | undefined, value: Node): void;
}

/**
 * Walks operation inputs for the members request data must not decide (see the file comment). The same walk
 * judges a linted file's operations, where the caller's choice is request input, and another module's function
 * for a call into it, where the choice is one of the function's parameters.
 */
function createInputChecker(env: CheckerEnvironment) {
  const { values, allowLists, scope } = env.module;
  const sourceOf = env.sourceOf;
  const carriesRequestInput = (node: Node) => values.originsOf(node).some((origin) => sourceOf(origin) !== undefined);

  function originsAt(node: Node, place: Place): Origin[] {
    return place.call ? values.originsInCall(node, place.call.helper, place.call.call) : values.originsOf(node);
  }

  function firstRequest(node: Node, place: Place): RequestOrigin | undefined {
    for (const origin of originsAt(node, place)) {
      const source = sourceOf(origin);
      if (source) return source;
    }
    return undefined;
  }

  /** The first request origin of `node` that no allow-list guards on its way to `node`, to the helper call or to the operation. */
  function unguardedRequest(node: Node, place: Place): RequestOrigin | undefined {
    const { operation, call } = place;
    for (const origin of originsAt(node, place)) {
      const source = sourceOf(origin);
      if (source && !allowLists.isAllowListed(source, node, [operation.node, operation.send, call?.call])) return source;
    }
    return undefined;
  }

  /**
   * When `node` is a request object taken as a whole (`req.body`, `JSON.parse(event.body)`,
   * `await request.json()`, a NestJS `@Body()` parameter), its request origin. Objects the code builds
   * itself, values returned by validators and helpers, and scalars derived from request data are not.
   */
  function requestObject(node: Node, place: Place, depth = 0): RequestOrigin | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const definition = values.definitionOf(node) ?? unwrap(node);
    const current = unwrapAwait(definition);
    switch (current.type) {
      case AST_NODE_TYPES.LogicalExpression:
        // `a && { ... }` spreads the right side; `req.body || {}` and `req.body ?? {}` either.
        return (current.operator === "&&" ? undefined : requestObject(current.left, place, depth + 1)) ?? requestObject(current.right, place, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return requestObject(current.consequent, place, depth + 1) ?? requestObject(current.alternate, place, depth + 1);
      case AST_NODE_TYPES.MemberExpression: {
        const holder = values.resolveObject(current.object);
        if (holder) {
          // A member of an object the code builds: judge what that member holds.
          const key = staticKeyName(current);
          const property = key === undefined ? undefined : holder.properties.get(key);
          if (property) return requestObject(property.value, place, depth + 1);
          for (const spread of holder.spreads ?? []) {
            const origin = requestObject(spread, place, depth + 1);
            if (origin) return origin;
          }
          return undefined;
        }
        return firstRequest(current, place);
      }
      case AST_NODE_TYPES.Identifier: {
        const variable = scope.variableOf(current);
        const definitionType = variable?.defs[0]?.type;
        if (definitionType === "Parameter") {
          // Inside a helper: the argument of the call. Otherwise a parameter that is request input
          // (NestJS @Body(), a Server Action argument).
          const argument = place.call ? argumentFor(current, place.call) : undefined;
          if (argument) return requestObject(argument, { operation: place.operation }, depth + 1);
          return firstRequest(current, place);
        }
        // `const { tableSchema } = req.body`: a member of a request object. Variables written more
        // than once are not followed (definitionOf stopped at them).
        const writes = variable && definitionType === "Variable" ? scope.writesOf(variable) : [];
        const write = writes.length === 1 ? writes[0] : undefined;
        return write?.value && write.path.length > 0 && requestObject(write.value, place, depth + 1) ? firstRequest(current, place) : undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const name = calleeName(current);
        const argument = current.arguments[0];
        if (name && OBJECT_CONVERSIONS.has(name) && argument && argument.type !== AST_NODE_TYPES.SpreadElement && isConversion(current, name)) {
          return requestObject(argument, place, depth + 1);
        }
        // Request accessors that return the input itself: `await request.json()`, `c.req.json()`.
        if (name === "valid") return undefined; // Hono's validated input
        for (const origin of originsAt(current, place)) {
          const source = origin.node === current ? sourceOf(origin) : undefined;
          if (source) return source;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** The call's argument for a parameter of the helper it calls. */
  function argumentFor(identifier: TSESTree.Identifier, call: HelperCall): Node | undefined {
    const variable = scope.variableOf(identifier);
    const index = call.helper.params.findIndex((parameter) => parameter.type === AST_NODE_TYPES.Identifier && scope.variableOf(parameter) === variable);
    const argument = index >= 0 ? call.call.arguments[index] : undefined;
    return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
  }

  /**
   * The objects a value can be, each with where its parts are evaluated: the object itself (with the
   * writes made through `access`), the object branches of `cond && { ... }` and `a ? { ... } : b`, and
   * the objects a same-file helper returns (`...buildUpdate(req.body)`).
   */
  function objectsOf(node: Node, place: Place, access: Access | undefined, depth = 0): Array<{ resolved: ResolvedObject; place: Place; access?: Access }> {
    if (depth > MAX_DEPTH) return [];
    const resolved = access ? values.resolveObjectAt(access.root, access.path) : values.resolveObject(node);
    if (resolved) return [{ resolved, place, access }];
    const current = unwrapAwait(values.definitionOf(node) ?? unwrap(node));
    switch (current.type) {
      case AST_NODE_TYPES.LogicalExpression:
        return [
          ...(current.operator === "&&" ? [] : objectsOf(current.left, place, undefined, depth + 1)),
          ...objectsOf(current.right, place, undefined, depth + 1),
        ];
      case AST_NODE_TYPES.ConditionalExpression:
        return [...objectsOf(current.consequent, place, undefined, depth + 1), ...objectsOf(current.alternate, place, undefined, depth + 1)];
      case AST_NODE_TYPES.CallExpression: {
        if (place.call) return []; // one helper level
        const helper = values.sameFileFunction(unwrap(current.callee));
        if (!helper) return [];
        const inner: Place = { operation: place.operation, call: { helper, call: current } };
        return values.returnsOf(helper).flatMap((returned) => objectsOf(returned, inner, undefined, depth + 1));
      }
      default:
        return [];
    }
  }

  /** Reports once per place and message; inside a helper, at the argument of the call that carries the input. */
  function report(node: Node, place: Place, origin: RequestOrigin | undefined, messageId: MessageIds, data: Record<string, string>): void {
    let target = node;
    if (place.call) {
      const key = origin && requestKey(origin);
      const argument = place.call.call.arguments.find((candidate) =>
        values.originsOf(candidate).some((candidateOrigin) => {
          const source = sourceOf(candidateOrigin);
          return source !== undefined && requestKey(source) === key;
        }),
      );
      target = argument ?? place.call.call;
    }
    env.report(target, messageId, place.via ? { ...data, source: `${data.source} passed to \`${place.via}()\`` } : data, origin, node);
  }

  /** `marshall(x)`, `JSON.parse(x)`, `structuredClone(x)`, `Converter.unmarshall(x)`: not a validator's `schema.parse(x)`. */
  function isConversion(call: TSESTree.CallExpression, name: string): boolean {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return name !== "parse";
    const chain = memberChain(callee);
    if (!chain || chain.root.type !== AST_NODE_TYPES.Identifier) return false;
    if (name === "parse") return chain.root.name === "JSON" && chain.path.length === 1;
    return chain.path.includes("Converter") || name === "marshall" || name === "unmarshall";
  }

  /** A list's elements: an array literal (and its pushes), or what `list.map((x) => ({ ... }))` returns. */
  function elementsOf(node: Node): Node[] | undefined {
    const elements = values.arrayElements(node);
    if (elements) return elements;
    const definition = values.definitionOf(node);
    if (definition?.type !== AST_NODE_TYPES.CallExpression || calleeName(definition) !== "map") return undefined;
    const callback = definition.arguments[0] ? unwrap(definition.arguments[0]) : undefined;
    if (callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback?.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
    return values.returnsOf(callback);
  }

  /**
   * The operation as its own code builds it, and, when it sits in a same-file helper, once for each call
   * of the helper that passes request input (`insert(req.body)` of `insert(item) { send(new PutCommand(item)) }`):
   * the helper's parameters then stand for that call's arguments, and a report points at the argument.
   */
  function checkOperation(operation: Operation): void {
    checkOperationAt({ operation });
    const helper = enclosingFunction(operation.node);
    if (!helper || helper.params.length === 0) return;
    const callers = env.module.callSites?.callersOf(helper);
    if (callers?.kind !== "local") return;
    for (const { call } of callers.sites) {
      if (call.arguments.some(carriesRequestInput)) checkOperationAt({ operation, call: { helper, call }, via: functionName(helper) });
    }
  }

  function checkOperationAt(place: Place): void {
    const operation = place.operation;
    const input = operation.input;
    if (!input || input.type === AST_NODE_TYPES.SpreadElement) return;
    const objects = objectsOf(input, place, { root: input, path: [] });
    if (objects.length === 0) {
      const origin = requestObject(input, place);
      if (origin) report(input, place, origin, "wholeInput", { subject: `The whole ${operation.operation} input`, source: describeRequestSource(origin) });
      return;
    }
    const shape = shapeOf(operation.command);
    for (const object of objects) visitObject(object.resolved, shape, object.place, "", `the ${operation.operation} input`, object.access, 0);
  }

  /** One member of the input, by the shape the SDK gives it. */
  function visit(node: Node, shape: Shape, place: Place, path: string, access: Access | undefined, depth: number, holder?: ResolvedObject): void {
    if (depth > MAX_NESTING) return;
    if (shape.leaf) {
      checkLeaf(node, shape.leaf, place, path, access, holder);
      return;
    }
    const subject = `${path} of the ${place.operation.operation} input`;
    if (shape.elements) {
      const elements = elementsOf(node);
      if (elements) {
        for (const element of elements) visit(element, shape.elements, place, `${path}[]`, undefined, depth + 1);
        return;
      }
    } else {
      const objects = objectsOf(node, place, access);
      for (const object of objects) visitObject(object.resolved, shape, object.place, path, subject, object.access, depth + 1);
      if (objects.length > 0) return;
    }
    const origin = requestObject(node, place);
    if (origin) report(node, place, origin, "wholeInput", { subject: capitalize(subject), source: describeRequestSource(origin) });
  }

  function visitObject(resolved: ResolvedObject, shape: Shape, place: Place, path: string, subject: string, access: Access | undefined, depth: number): void {
    if (depth > MAX_NESTING) return;
    for (const spread of resolved.spreads ?? []) {
      const origin = requestObject(spread, place);
      if (origin) {
        report(spread, place, origin, "spreadInput", { subject, source: describeRequestSource(origin) });
        continue;
      }
      for (const object of objectsOf(spread, place, undefined)) visitObject(object.resolved, shape, object.place, path, subject, undefined, depth + 1);
    }
    for (const [name, member] of shape.members) {
      const property = resolved.properties.get(name);
      if (property) visit(property.value, member, place, path ? `${path}.${name}` : name, access && { root: access.root, path: [...access.path, name] }, depth + 1, resolved);
    }
    if (!shape.entries) return;
    const entries = shape.entries;
    for (const property of resolved.properties.values()) visit(property.value, entries, place, `${path}{}`, undefined, depth + 1);
    for (const entry of resolved.computed ?? []) {
      // RequestItems is keyed by table name.
      const origin = unguardedRequest(entry.key, place);
      if (origin) {
        report(entry.key, place, origin, "requestParameter", {
          parameter: `A table name key of ${path}`,
          operation: place.operation.operation,
          source: describeRequestSource(origin),
          choice: "table",
          example: EXAMPLES.table,
        });
      }
      visit(entry.value, entries, place, `${path}{}`, undefined, depth + 1);
    }
  }

  /**
   * Is a name placeholder only ever the key of an entry inside a map the expressions reach by constant names
   * (`SET packages.#name = :v`)? The request then picks an entry of that map, not which attribute is touched.
   * `holder` is the object that holds the names and the expressions; unknown expression text means no.
   */
  function onlyMapEntryKey(placeholder: string, holder: ResolvedObject | undefined): boolean {
    if (!holder || !placeholder.startsWith("#")) return false;
    let nested = 0;
    for (const [member, property] of holder.properties) {
      if (!EXPRESSION_MEMBERS.has(member)) continue;
      const texts = constantValues(values.resolveString(property.value));
      if (!texts) return false;
      for (const text of texts) {
        const uses = placeholderUses(text, placeholder);
        if (uses.pathStart > 0) return false;
        nested += uses.nested;
      }
    }
    return nested > 0;
  }

  function checkLeaf(node: Node, leaf: Leaf, place: Place, path: string, access: Access | undefined, holder?: ResolvedObject): void {
    if (leaf === "item") {
      if (env.massAssignment) checkItem(node, place, path, access);
      return;
    }
    const data = (origin: RequestOrigin) => ({
      parameter: path,
      operation: place.operation.operation,
      source: describeRequestSource(origin),
      choice: CHOICES[leaf],
      example: EXAMPLES[leaf],
    });
    const check = (value: Node, at: Place) => {
      const origin = unguardedRequest(value, at);
      if (origin) report(value, at, origin, "requestParameter", data(origin));
      return origin !== undefined;
    };
    if (leaf === "names") {
      // Placeholders and the names they stand for: each entry, so the report points at the one that is request data.
      const checkNames = (objects: ReturnType<typeof objectsOf>, depth: number) => {
        for (const { resolved, place: at } of objects) {
          for (const spread of resolved.spreads ?? []) {
            // `...(image && { "#image": "image" })`: the request value only decides whether constant
            // names are added; judge the object it spreads. A request object spread whole is reported.
            const inner = depth < MAX_DEPTH && !requestObject(spread, at) ? objectsOf(spread, at, undefined) : [];
            if (inner.length > 0) checkNames(inner, depth + 1);
            else check(spread, at);
          }
          for (const property of resolved.properties.values()) if (!onlyMapEntryKey(property.name, holder)) check(property.value, at);
          for (const entry of resolved.computed ?? []) {
            if (!check(entry.value, at)) check(entry.key, at);
          }
        }
      };
      const objects = objectsOf(node, place, access);
      checkNames(objects, 0);
      if (objects.length > 0) return;
    }
    check(node, place);
  }

  function checkItem(node: Node, place: Place, path: string, access: Access | undefined): void {
    const data = (origin: RequestOrigin, how: string) => ({ how, parameter: path, operation: place.operation.operation, source: describeRequestSource(origin) });
    let target = unwrap(node);
    // marshall({ ...req.body }): the object inside the conversion.
    for (let i = 0; i < 4 && target.type === AST_NODE_TYPES.CallExpression; i++) {
      const name = calleeName(target);
      const argument = target.arguments[0];
      if (!name || !OBJECT_CONVERSIONS.has(name) || !argument || argument.type === AST_NODE_TYPES.SpreadElement || !isConversion(target, name)) break;
      target = unwrap(argument);
      access = undefined;
    }
    const whole = requestObject(target, place);
    if (whole) {
      report(node, place, whole, "massAssignment", data(whole, "is written as the whole"));
      return;
    }
    const spreadInto = (resolved: ResolvedObject, at: Place, depth: number) => {
      for (const spread of resolved.spreads ?? []) {
        const origin = requestObject(spread, at);
        if (origin) report(spread, at, origin, "massAssignment", data(origin, "is spread into"));
        else if (depth < 2) for (const object of objectsOf(spread, at, undefined)) spreadInto(object.resolved, object.place, depth + 1);
      }
    };
    for (const object of objectsOf(target, place, access)) spreadInto(object.resolved, object.place, 0);
  }

  /**
   * The request input at a member path of a value: through the object literals it is built from
   * (`list({ sk: `UNIT#${id}`, indexName: "GSI1" })` holds a constant `indexName`, and none without it), else the
   * value's own request input under the path (`dto` of `@Body() dto` → `body.indexName`).
   */
  function requestOriginsAt(value: Node, path: readonly string[]): RequestOrigin[] {
    const object = path.length > 0 ? values.resolveObject(value) : undefined;
    if (object) {
      const property = object.properties.get(path[0]);
      if (property) return requestOriginsAt(property.value, path.slice(1));
      // Not written in the object: only a spread it could not resolve may hold it (`{ ...req.query, sk }`).
      return (object.spreads ?? []).flatMap((spread) => requestOriginsAt(spread, path));
    }
    return values
      .originsOf(value)
      .flatMap((candidate) => sourceOf(candidate) ?? [])
      .map((candidate) => (path.length > 0 ? { ...candidate, path: [candidate.path, ...path].filter(Boolean).join(".") } : candidate));
  }

  return { checkOperation, checkOperationAt, carriesRequestInput, requestObject, requestOriginsAt };
}

export default createRule<Options, MessageIds>({
  name: "no-request-controlled-input",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow request data that decides which table, index or attributes a DynamoDB operation touches",
      recommended: true,
      strictOptions: { massAssignment: true },
      cwe: ["CWE-99", "CWE-915"],
      owasp: "API3:2023",
      securitySeverity: 8.1,
    },
    messages: {
      wholeInput:
        "{{subject}} comes from request input {{source}}, so the caller decides which table, index, expressions and attributes DynamoDB uses. Build the input from constants, pass request values only as key and attribute values, and map any choice the caller makes through an allow-list of constants.",
      spreadInput:
        "Request input {{source}} is spread into {{subject}}, so the caller can add or override any parameter (TableName, IndexName, FilterExpression, ...). Name each parameter explicitly, and map any choice the caller makes through an allow-list of constants.",
      requestParameter:
        "{{parameter}} in the {{operation}} input comes from request input {{source}}, so the caller chooses which {{choice}} DynamoDB uses. Map the value through an allow-list of constants: a lookup in a constant table such as {{example}}, or reject values that fail `ALLOWED.includes(name)`.",
      massAssignment:
        "Request input {{source}} {{how}} {{parameter}} of the {{operation}} input, so the caller can set any attribute, including ones such as ownerId or role. Copy the attributes you accept one by one, or validate the body with a schema that drops unknown keys.",
    },
    schema: [
      {
        type: "object",
        description: "Options of no-request-controlled-input.",
        properties: {
          massAssignment: {
            type: "boolean",
            description:
              "Also report request objects written as a whole item or spread into one (`Item: req.body`, `Item: { ...req.body, id }`). Off by default; the strict config turns it on.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ massAssignment: false }],
  },
  defaultOptions: [{ massAssignment: false }],
  create(context, [options]) {
    const massAssignment = options.massAssignment === true;

    return {
      "Program:exit"() {
        const analysis = getAnalysis(context);
        const operations = analysis.operations;
        // A file without DynamoDB operations may still pass request data to one in another module.
        // (Only through a project module it imports: without one, no call of the file reaches another module.)
        const external = analysis.crossModule;
        const callsImportedFunctions = external !== undefined && analysis.handlersMayCallProjectModules;
        if (operations.length === 0 && !callsImportedFunctions) return;
        const allowLists = analysis.allowLists;
        const reported = new Set<string>();
        const { checkOperation, carriesRequestInput, requestObject, requestOriginsAt } = createInputChecker({
          module: analysis,
          sourceOf: (origin) => (origin.kind === "request" ? origin : undefined),
          massAssignment,
          report: (node, messageId, data) => reportAt(node, messageId, data),
        });

        /**
         * The request input that decides the keys of the object a value holds at a member path: an object literal's
         * computed keys and what it spreads (`{ displayName: req.body.name }` has constant keys), else the value's own
         * request input (`req.body.changes`, whose keys the caller picks).
         */
        function requestKeyOriginsAt(value: Node, path: readonly string[], depth: number, operation: Operation): RequestOrigin[] {
          const object = depth <= MAX_DEPTH ? analysis.values.resolveObject(value) : undefined;
          if (!object) {
            if (path.length > 0) return requestOriginsAt(value, path);
            // An object the code builds has the keys it writes; only request input taken whole has the keys the caller sends.
            const whole = returnedKeyOrigins(value) ?? [requestObject(value, { operation }) ?? []].flat();
            // AppSync has checked an argument object against the schema's input type: its keys are the type's fields.
            return whole.filter((origin) => !isGraphQLArgument(origin));
          }
          if (path.length > 0) {
            const property = object.properties.get(path[0]);
            if (property) return requestKeyOriginsAt(property.value, path.slice(1), depth + 1, operation);
            return (object.spreads ?? []).flatMap((spread) => requestKeyOriginsAt(spread, path, depth + 1, operation));
          }
          return [
            ...(object.computed ?? []).flatMap((entry) => requestOriginsAt(entry.key, [])),
            ...(object.spreads ?? []).flatMap((spread) => requestKeyOriginsAt(spread, [], depth + 1, operation)),
          ];
        }

        /**
         * For a call of a project function whose every return is an object it builds (`profileChanges(req.body)` returning
         * `{ displayName, bio }`, `parseBody(body)` filling `updates.name = body.name`): the request input in their computed
         * keys and spreads, for that call (none: the keys are the ones written). Another module's function that computes
         * or spreads its keys is not followed: quiet.
         */
        function returnedKeyOrigins(value: Node): RequestOrigin[] | undefined {
          const { values } = analysis;
          const call = unwrapAwait(values.definitionOf(value) ?? unwrap(value));
          const called = call.type === AST_NODE_TYPES.CallExpression ? values.calledFunction(call) : undefined;
          if (!called || call.type !== AST_NODE_TYPES.CallExpression) return undefined;
          const objects = called.values.returnsOf(called.fn).map((returned) => called.values.resolveObject(returned));
          if (objects.length === 0 || !objects.every((object) => object !== undefined)) return undefined;
          if (called.values !== values) return [];
          const keyNodes = objects.flatMap((object) => [...(object!.computed ?? []).map((entry) => entry.key), ...(object!.spreads ?? [])]);
          return keyNodes.flatMap((node) => values.originsInCall(node, called.fn, call).filter((origin): origin is RequestOrigin => origin.kind === "request"));
        }

        /**
         * A call into another module's function that performs an operation with one of its parameters as the
         * whole input, TableName, IndexName or (with massAssignment) Item (`insertItem(req.body)` of
         * `insertItem(item) { send(new PutCommand(item)) }`): reported at the argument when it is request input
         * (and, for a name, no allow-list check before the call).
         */
        function checkExternalCall(call: TSESTree.CallExpression): void {
          // Request input is read in handlers (and functions inside them): calls elsewhere need no look.
          const caller = enclosingFunction(call);
          if (!external || call.arguments.length === 0 || !caller || !analysis.sources.withinHandler(caller) || !external.isAccessCandidate(call)) return;
          const carriesRequest = call.arguments.map((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && carriesRequestInput(argument));
          if (!carriesRequest.includes(true)) return;
          const callee = external.resolveAccessing(call);
          if (!callee) return;
          for (const sink of parameterSinks(callee)) {
            const argument = call.arguments[sink.index];
            if (!argument || argument.type === AST_NODE_TYPES.SpreadElement || !carriesRequest[sink.index]) continue;
            const operation = sink.operation.operation;
            const where = `passed to \`${callee.name}()\` (${relativeModulePath(context.physicalFilename, callee.module.filename)} line ${callee.module.lineOf(sink.operation.node.range[0])})`;
            if (sink.leaf === "whole") {
              const origin = requestObject(argument, { operation: sink.operation });
              if (origin) reportAt(argument, "wholeInput", { subject: `The whole ${operation} input`, source: `${describeRequestSource(origin)} ${where}` });
              continue;
            }
            if (sink.leaf === "item") {
              const origin = massAssignment ? requestObject(argument, { operation: sink.operation }) : undefined;
              if (origin) reportAt(argument, "massAssignment", { how: "is written as the whole", parameter: "Item", operation, source: `${describeRequestSource(origin)} ${where}` });
              continue;
            }
            // A member of the argument (`dto.name` in the callee): the request input under that path; for names the
            // callee takes from an object's keys, the request input that decides those keys.
            // A body the route validates against a schema has the keys the schema lets through (not for this rule to say).
            const keyed = sink.keys ? requestKeyOriginsAt(argument, sink.path ?? [], 0, sink.operation) : undefined;
            const closed = (origin: RequestOrigin) => (isBody(origin) && analysis.ownership.validatesBody(caller)) || allowLists.keysClosedAt(origin, call);
            const origins = keyed ? keyed.filter((origin) => !closed(origin)) : requestOriginsAt(argument, sink.path ?? []);
            const origin = origins.find((candidate) => !allowLists.isAllowListed(candidate, argument, [call]));
            if (origin) {
              reportAt(argument, "requestParameter", {
                parameter: sink.member ?? (sink.leaf === "table" ? "TableName" : "IndexName"),
                operation,
                source: `${describeRequestSource(origin)} ${where}`,
                choice: CHOICES[sink.leaf],
                example: EXAMPLES[sink.leaf],
              });
            }
          }
        }

        /** Once per node, message and parameter. */
        function reportAt(node: Node, messageId: MessageIds, data: Record<string, string>): void {
          const id = `${node.range[0]}:${node.range[1]}:${messageId}:${data.parameter ?? ""}`;
          if (reported.has(id)) return;
          reported.add(id);
          context.report({ node, messageId, data });
        }

        for (const operation of operations) checkOperation(operation);
        if (callsImportedFunctions) for (const call of analysis.index.calls) checkExternalCall(call);
      },
    };
  },
});

/** A parameter of a function in another module that becomes an operation's whole input, TableName, IndexName, Item or attribute names. */
interface ParameterSink {
  index: number;
  leaf: "whole" | "table" | "index" | "item" | "names" | "attributes";
  operation: Operation;
  /** For a name read from a member of the parameter (`dto.name`, `const { name } = dto`, `({ name })`): its path. */
  path?: string[];
  /** Where in the input attribute names are decided (`ExpressionAttributeNames`, `TransactItems[].Update.ExpressionAttributeNames`). */
  member?: string;
  /** The names are the keys of the parameter's object (`for (const key in changes) names[`#${key}`] = key`). */
  keys?: true;
}
/** Per function of a module (modules are kept and analysed once per process). */
const sinksByFunction = new WeakMap<FunctionNode, ParameterSink[]>();

/**
 * The parameters the function passes straight into an operation it performs itself: the whole input, or the
 * value of TableName, IndexName or Item (judged with the massAssignment option). Only a parameter read there
 * and nowhere else counts: a function that also reads it may check it (`if (!TABLES.includes(table)) throw`),
 * so it is left alone.
 */
function parameterSinks(callee: ExternalCallee): ParameterSink[] {
  let sinks = sinksByFunction.get(callee.fn);
  if (sinks) return sinks;
  sinks = [];
  const { module, fn } = callee;
  const soleParameter = (node: Node | undefined): number | undefined => {
    const index = module.scope.parameterIndex(fn, node && unwrap(node), true);
    return index >= 0 ? index : undefined;
  };
  for (const operation of module.operations) {
    const input = operation.input;
    if (!input || input.type === AST_NODE_TYPES.SpreadElement || enclosingFunction(operation.node) !== fn) continue;
    const whole = soleParameter(input);
    if (whole !== undefined) {
      sinks.push({ index: whole, leaf: "whole", operation });
      continue;
    }
    const object = module.values.resolveObject(input);
    for (const [member, leaf] of [["TableName", "table"], ["IndexName", "index"], ["Item", "item"]] as const) {
      const value = object?.properties.get(member)?.value;
      const index = soleParameter(value);
      if (index !== undefined) sinks.push({ index, leaf, operation });
      else if (leaf !== "item" && value) {
        const member = parameterMember(module, fn, value);
        if (member) sinks.push({ index: member.index, leaf, operation, path: member.path });
      }
    }
  }
  sinks.push(...parameterNameSinks(callee));
  sinksByFunction.set(fn, sinks);
  return sinks;
}

/**
 * The parameters that decide the attribute names of an operation the function performs itself: its
 * ExpressionAttributeNames or AttributesToGet built from one (`names(changes)` of a helper of the module that maps
 * each key to `#key`), with no allow-list in the function on the way. The module's own input walk judges them, with
 * the function's parameters where request input would be.
 */
function parameterNameSinks({ module, fn }: ExternalCallee): ParameterSink[] {
  const sinks: ParameterSink[] = [];
  const parameters = new Map<string, { index: number; path: string[] }>();
  let operation: Operation | undefined;
  const checker = createInputChecker({
    module,
    sourceOf(origin) {
      if (origin.kind !== "parameter" || origin.fn !== fn) return undefined;
      // Never described in a message: only its key (framework and path) and node matter to the walk and allow-lists.
      const path = [String(origin.index), ...origin.path].join(".");
      parameters.set(path, { index: origin.index, path: origin.path });
      return { kind: "request", framework: "settings", path, node: origin.node };
    },
    massAssignment: false,
    report(_node, messageId, data, origin, value) {
      const parameter = origin && parameters.get(origin.path);
      // The member judged (`ExpressionAttributeNames`, `TransactItems[].Update.AttributesToGet`) says what the parameter decides.
      const judged = LEAVES[data.parameter?.split(".").pop() ?? ""];
      const leaf = judged === "names" || judged === "attributes" ? judged : undefined;
      if (messageId !== "requestParameter" || !parameter || !leaf || !operation) return;
      if (sinks.some((sink) => sink.index === parameter.index && sink.leaf === leaf && sink.operation === operation && sink.member === data.parameter)) return;
      // Names read straight from the parameter (`ExpressionAttributeNames: names`, `{ "#f": options.field }`) are its values;
      // names made any other way (`for (const key in changes)`, `Object.entries(updates).map(...)`) are its keys.
      const keys = !readsParameterDirectly(module, fn, value);
      // For keys, an element (`attributes[i]` of `Object.keys(todo)`, `entry[0]` of `Object.entries(body)`) is one of the
      // object's keys: the path ends where the elements begin.
      const elements = parameter.path.findIndex((segment) => segment === "*" || /^\d+$/.test(segment));
      const path = keys && elements >= 0 ? parameter.path.slice(0, elements) : parameter.path;
      sinks.push({ index: parameter.index, leaf, operation, path, member: data.parameter, ...(keys ? { keys } : {}) });
    },
  });
  for (const candidate of module.operations) {
    if (enclosingFunction(candidate.node) !== fn) continue;
    operation = candidate;
    checker.checkOperationAt({ operation });
  }
  return sinks;
}

/** Request input from the body (`req.body`, `event.body`, `await request.json()`), which route validation may check. */
function isBody(origin: RequestOrigin): boolean {
  const root = origin.path.split(".")[0];
  return root === "body" || root === "json" || root === "payload";
}

/** Is the value the parameter itself, or a member of it (`options.field`), as written in the function? */
function readsParameterDirectly(module: ExternalCallee["module"], fn: FunctionNode, value: Node): boolean {
  let node = unwrap(value);
  while (node.type === AST_NODE_TYPES.MemberExpression && staticKeyName(node) !== undefined) node = unwrap(node.object);
  return module.scope.parameterIndex(fn, node) >= 0;
}

/**
 * A value read from one member of a parameter and used nowhere else: `dto.name`, `const { name } = dto`, a destructured
 * parameter `({ name })`. Undefined when the function reads that member again (it may check it) or the shape is other.
 */
function parameterMember(module: ExternalCallee["module"], fn: FunctionNode, value: Node): { index: number; path: string[] } | undefined {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const key = staticKeyName(node);
    const index = module.scope.parameterIndex(fn, unwrap(node.object));
    if (key === undefined || index < 0) return undefined;
    const variable = module.scope.variableOf(unwrap(node.object));
    const reads = variable?.references.filter((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.MemberExpression && staticKeyName(reference.identifier.parent) === key);
    return reads?.length === 1 ? { index, path: [key] } : undefined;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = module.scope.variableOf(node);
  const definition = variable?.defs[0];
  if (!variable || variable.references.filter((reference) => reference.isRead()).length !== 1 || !definition) return undefined;
  const property = definition.name.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== definition.name || property.parent.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const key = staticKeyName(property);
  if (key === undefined) return undefined;
  const pattern = property.parent;
  // ({ name }) => ...: a parameter destructured where it is declared.
  if (definition.type === "Parameter") {
    const index = (fn.params as TSESTree.Parameter[]).indexOf(pattern as TSESTree.Parameter);
    return index >= 0 ? { index, path: [key] } : undefined;
  }
  // const { name } = dto;
  if (definition.type !== "Variable" || definition.node.id !== pattern || !definition.node.init) return undefined;
  const index = module.scope.parameterIndex(fn, unwrap(definition.node.init));
  return index >= 0 ? { index, path: [key] } : undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
