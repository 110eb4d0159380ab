// Every DynamoDB operation in a file: v3 commands (`send(new GetCommand(input))`), paginators, aggregated
// v3 clients and v2 clients (`doc.get(input)`, `.promise()` or callback), and calls on clients of unknown
// origin whose input is plainly a DynamoDB input.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { staticKeyName, unwrap, valueParent, type FunctionNode } from "./ast";
import type { ClientResolver } from "./clients";
import type { FileIndex } from "./file-index";
import {
  DATA_PLANE_OPERATIONS,
  DOCUMENT_METHODS,
  LOW_LEVEL_METHODS,
  commandForMethod,
  type ClientKind,
  type CommandInfo,
  type Sdk,
} from "./sdk/catalogue";
import type { SdkReferences } from "./sdk/recognizer";
import type { ValueResolver } from "./values";

export interface Operation {
  sdk: Sdk;
  client: ClientKind;
  /** As the SDK names it for this client (`Get` for the document client, `GetItem` for the low-level one). */
  operation: string;
  /** The low-level name (`GetItem` for both), for policy decisions. */
  canonical: string;
  command: CommandInfo;
  /** `command`: `new XCommand(input)`; `method`: `client.get(input)`; `paginator`: `paginateQuery(cfg, input)`; `inferred`: a call on a client of unknown origin with a DynamoDB-shaped input. */
  style: "command" | "method" | "paginator" | "inferred";
  /** The input argument, as written (an object literal, a variable, a call...). */
  input: TSESTree.Node | undefined;
  /** The command construction or method call. */
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** For commands: the `client.send(...)` call that sends it, when it is in this file. */
  send: TSESTree.CallExpression | undefined;
  /** True for reads and writes of items (not table management). */
  dataPlane: boolean;
}

const DATA_PLANE_METHOD_NAMES = new Set(
  [...LOW_LEVEL_METHODS.values(), ...DOCUMENT_METHODS.values()]
    .filter((command) => DATA_PLANE_OPERATIONS.has(command.canonical))
    .map((command) => command.method),
);
const ALL_METHOD_NAMES = new Set([...LOW_LEVEL_METHODS.keys(), ...DOCUMENT_METHODS.keys()]);

/** Input members that mark an object as a DynamoDB operation input when the client is not known. */
const INPUT_MARKERS = ["TableName", "RequestItems", "TransactItems", "TransactStatements", "Statements", "Statement"];

export function collectOperations(sdk: SdkReferences, index: FileIndex, clients: ClientResolver, values: ValueResolver): Operation[] {
  const operations: Operation[] = [];
  for (const { node, command, client } of sdk.commands) {
    operations.push({
      sdk: "v3",
      client: client.kind,
      operation: command.operation,
      canonical: command.canonical,
      command,
      style: "command",
      input: node.arguments[0],
      node,
      send: sendCallOf(node),
      dataPlane: DATA_PLANE_OPERATIONS.has(command.canonical),
    });
  }
  for (const { node, command, client } of sdk.paginators) {
    operations.push({
      sdk: "v3",
      client: client.kind,
      operation: command.operation,
      canonical: command.canonical,
      command,
      style: "paginator",
      input: node.arguments[1],
      node,
      send: undefined,
      dataPlane: true,
    });
  }
  for (const call of index.calls) {
    const dispatched = dispatchedOperation(call, values);
    if (dispatched) {
      operations.push(dispatched);
      continue;
    }
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = staticKeyName(callee);
    if (method === undefined || !ALL_METHOD_NAMES.has(method)) continue;
    const client = clients.clientTypeOf(callee.object);
    if (client && client.style !== "command") {
      const command = commandForMethod(client.kind, method);
      if (!command) continue;
      operations.push({
        sdk: client.sdk,
        client: client.kind === "unknown" ? (LOW_LEVEL_METHODS.has(method) && !DOCUMENT_METHODS.has(method) ? "low-level" : "document") : client.kind,
        operation: command.operation,
        canonical: command.canonical,
        command,
        style: "method",
        input: call.arguments[0],
        node: call,
        send: undefined,
        dataPlane: DATA_PLANE_OPERATIONS.has(command.canonical),
      });
      continue;
    }
    if (client || !DATA_PLANE_METHOD_NAMES.has(method) || !call.arguments[0]) continue;
    // Unknown receiver (a client from another module): count it only when the input is plainly DynamoDB's.
    const input = values.resolveObject(call.arguments[0]);
    if (!input || !INPUT_MARKERS.some((marker) => input.properties.has(marker))) continue;
    const lowLevel = LOW_LEVEL_METHODS.has(method) && !DOCUMENT_METHODS.has(method);
    const command = commandForMethod(lowLevel ? "low-level" : "document", method);
    if (!command) continue;
    operations.push({
      sdk: isV2Call(call) ? "v2" : "unknown",
      client: lowLevel ? "low-level" : "document",
      operation: command.operation,
      canonical: command.canonical,
      command,
      style: "inferred",
      input: call.arguments[0],
      node: call,
      send: undefined,
      dataPlane: true,
    });
  }
  return operations;
}

/**
 * A call of a project function that runs the DynamoDB method it is given by name on a client of its own, as the
 * Serverless Stack tutorial's library does: `dynamoDbLib.call("get", params)` with
 * `export const call = (action, params) => dynamoDb[action](params).promise()`. The method it names, with the
 * input it passes, when that input is plainly DynamoDB's.
 */
function dispatchedOperation(call: TSESTree.CallExpression, values: ValueResolver): Operation | undefined {
  const [name, input] = call.arguments;
  if (name?.type !== AST_NODE_TYPES.Literal || typeof name.value !== "string" || !DATA_PLANE_METHOD_NAMES.has(name.value) || !input) return undefined;
  const object = values.resolveObject(input);
  if (!object || !INPUT_MARKERS.some((marker) => object.properties.has(marker))) return undefined;
  const dispatcher = values.calledFunction(call)?.fn;
  if (!dispatcher || !callsMethodNamedBy(dispatcher)) return undefined;
  const method = name.value;
  const lowLevel = LOW_LEVEL_METHODS.has(method) && !DOCUMENT_METHODS.has(method);
  const command = commandForMethod(lowLevel ? "low-level" : "document", method);
  if (!command) return undefined;
  return {
    sdk: "unknown",
    client: lowLevel ? "low-level" : "document",
    operation: command.operation,
    canonical: command.canonical,
    command,
    style: "inferred",
    input,
    node: call,
    send: undefined,
    dataPlane: true,
  };
}

/** Does the function call a method its first parameter names (`dynamoDb[action](params)`, `.promise()` after it), where it returns or runs it? */
function callsMethodNamedBy(fn: FunctionNode): boolean {
  const parameter = fn.params[0];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const named = (node: TSESTree.Node | null | undefined, depth: number): boolean => {
    if (!node || depth > 4) return false;
    let value = unwrap(node);
    if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(value.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (callee.computed) return callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === parameter.name;
    // `dynamoDb[action](params).promise()`
    return staticKeyName(callee) === "promise" && named(callee.object, depth + 1);
  };
  const statements = (body: TSESTree.Statement[], depth: number): boolean =>
    depth <= 2 &&
    body.some((statement) => {
      if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ExpressionStatement) {
        return named(statement.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : statement.expression, 0);
      }
      if (statement.type === AST_NODE_TYPES.VariableDeclaration) return statement.declarations.some((declarator) => named(declarator.init, 0));
      if (statement.type === AST_NODE_TYPES.TryStatement) return statements(statement.block.body, depth + 1);
      return false;
    });
  if (!fn.body) return false;
  return fn.body.type === AST_NODE_TYPES.BlockStatement ? statements(fn.body.body, 0) : named(fn.body, 0);
}

/** `client.send(new XCommand(...))`: the send call, when the command is constructed right in its argument. */
function sendCallOf(node: TSESTree.NewExpression): TSESTree.CallExpression | undefined {
  const { parent, child } = valueParent(node);
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === child && isSendCall(parent) ? parent : undefined;
}

/** A sender's name: `client.send`, or a function of the project that sends what it is given (`send(cmd)`, `ddbSend(cmd)`). */
const SENDER_FUNCTION = /^(?:send|sendCommand|\w+Send)$/;

/**
 * Does the call send the command given as its first argument and give back the output: `client.send(command)`,
 * or a wrapper named for it (`send(command)`, `await sendCommand(command)`)?
 */
export function isSendCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) return staticKeyName(callee) === "send";
  return callee.type === AST_NODE_TYPES.Identifier && SENDER_FUNCTION.test(callee.name);
}

/** `x.get(params).promise()` or a callback argument: the v2 calling conventions. */
function isV2Call(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call && staticKeyName(parent) === "promise") return true;
  const last = call.arguments[call.arguments.length - 1];
  return call.arguments.length >= 2 && (last?.type === AST_NODE_TYPES.ArrowFunctionExpression || last?.type === AST_NODE_TYPES.FunctionExpression);
}
