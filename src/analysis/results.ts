// What DynamoDB operations return: which expressions hold a whole command output, a list of items or a
// whole item read from (or returned by) DynamoDB. `result.Count`, `Items.length` and `Item.name` select
// a field and are not item data. Follows variables, destructuring, `await`, `.promise()`, `unmarshall`,
// paginator loops and `for (const item of Items)`. Bounded; "unknown" is undefined.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, isFunction, staticKeyName, unwrap } from "./ast";
import type { FileIndex } from "./file-index";
import { isSendCall, type Operation } from "./operations";
import type { ScopeIndex } from "./scope";
import type { ValueResolver } from "./values";

type Node = TSESTree.Node;

export interface ItemData {
  /** `output`: the whole command output; `items`: a list of items (`Items`, `Responses`); `item`: one whole item. */
  kind: "output" | "items" | "item";
  operation: Operation;
  /** The output member it was read from (`Items`, `Item`, `Attributes`, `Responses`), when it was. */
  member?: string;
}

/** Reads whose output always carries items. */
const READ_OPERATIONS = new Set(["GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems", "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction"]);
/** Writes whose output carries an item when `ReturnValues` asks for one. */
const RETURNING_WRITES = new Set(["PutItem", "UpdateItem", "DeleteItem"]);
const ITEM_MEMBERS = new Set(["Item", "Attributes"]);
const LIST_MEMBERS = new Set(["Items", "Responses"]);
/** Array methods whose result still holds whole items of the list. */
const LIST_PRESERVING = new Set(["slice", "filter", "concat", "flat", "reverse", "sort", "toSorted", "toReversed"]);
const ITEM_PICKING = new Set(["at", "find", "findLast", "pop", "shift"]);

const MAX_DEPTH = 24;

export class ResultIndex {
  private readonly producers = new Map<Node, Operation>();
  private readonly cache = new Map<Node, ItemData | null>();

  constructor(
    operations: readonly Operation[],
    index: FileIndex,
    private readonly scope: ScopeIndex,
    private readonly values: ValueResolver,
  ) {
    const commands = new Map<Node, Operation>();
    for (const operation of operations) {
      if (!this.returnsItems(operation)) continue;
      if (operation.style === "command") {
        if (operation.send) this.producers.set(operation.send, operation);
        else commands.set(operation.node, operation);
        continue;
      }
      this.producers.set(operation.node, operation);
      // v2: doc.get(params).promise()
      const parent = operation.node.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === operation.node && staticKeyName(parent) === "promise") {
        const call = parent.parent;
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) this.producers.set(call, operation);
      }
    }
    if (commands.size === 0) return;
    // const command = new GetCommand(input); await client.send(command)
    for (const call of index.calls) {
      if (!isSendCall(call) || !call.arguments[0]) continue;
      const argument = call.arguments[0];
      const operation = commands.get(unwrap(this.values.definitionOf(argument) ?? argument));
      if (operation) this.producers.set(call, operation);
    }
  }

  private returnsItems(operation: Operation): boolean {
    if (READ_OPERATIONS.has(operation.canonical)) return true;
    if (!RETURNING_WRITES.has(operation.canonical) || !operation.input) return false;
    const input = this.values.resolveObject(operation.input);
    const returnValues = input?.properties.get("ReturnValues");
    if (!returnValues) return false;
    const value = unwrap(returnValues.value);
    return !(value.type === AST_NODE_TYPES.Literal && value.value === "NONE");
  }

  /** The DynamoDB item data an expression holds, if any. */
  itemDataOf(node: Node): ItemData | undefined {
    const current = unwrap(node);
    const cached = this.cache.get(current);
    if (cached !== undefined) return cached ?? undefined;
    this.cache.set(current, null);
    const result = this.compute(current, { steps: 200 }, 0);
    this.cache.set(current, result ?? null);
    return result;
  }

  private of(node: Node, budget: { steps: number }, depth: number): ItemData | undefined {
    if (--budget.steps < 0 || depth > MAX_DEPTH) return undefined;
    return this.compute(unwrap(node), budget, depth + 1);
  }

  private compute(node: Node, budget: { steps: number }, depth: number): ItemData | undefined {
    const produced = this.producers.get(node);
    if (produced) return { kind: "output", operation: produced };
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.of(node.argument, budget, depth);
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node, budget, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const base = this.of(node.object, budget, depth);
        return base && member(base, node.computed && staticKeyName(node) === undefined ? "*" : staticKeyName(node));
      }
      case AST_NODE_TYPES.CallExpression:
        return this.call(node, budget, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.of(node.consequent, budget, depth) ?? this.of(node.alternate, budget, depth);
      case AST_NODE_TYPES.LogicalExpression:
        return node.operator === "&&" ? this.of(node.right, budget, depth) : (this.of(node.left, budget, depth) ?? this.of(node.right, budget, depth));
      default:
        return undefined;
    }
  }

  private identifier(node: TSESTree.Identifier, budget: { steps: number }, depth: number): ItemData | undefined {
    const variable = this.scope.variableOf(node);
    const definition = variable?.defs[0];
    if (!variable || definition?.type !== "Variable") return undefined;
    // for (const item of Items) / for await (const page of paginateQuery(...))
    const declaration = definition.parent;
    const loop = declaration?.parent;
    if ((loop?.type === AST_NODE_TYPES.ForOfStatement) && loop.left === declaration && definition.node.id === definition.name) {
      const iterated = this.of(loop.right, budget, depth);
      if (iterated?.kind === "items") return { kind: "item", operation: iterated.operation, member: iterated.member };
      if (iterated?.kind === "output" && iterated.operation.style === "paginator") return iterated;
      return undefined;
    }
    for (const write of this.scope.writesOf(variable).slice(0, 8)) {
      if (!write.value) continue;
      let data = this.of(write.value, budget, depth);
      for (const segment of write.path) data = data && member(data, segment);
      if (data) return data;
    }
    return undefined;
  }

  private call(node: TSESTree.CallExpression, budget: { steps: number }, depth: number): ItemData | undefined {
    const callee = unwrap(node.callee);
    const name = calleeName(node);
    // unmarshall(Item), AWS.DynamoDB.Converter.unmarshall(Item), structuredClone(Item)
    if ((name === "unmarshall" || name === "output" || name === "structuredClone") && node.arguments[0]) {
      return this.of(node.arguments[0], budget, depth);
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !name) return undefined;
    const receiver = this.of(callee.object, budget, depth);
    if (receiver?.kind !== "items") return undefined;
    if (LIST_PRESERVING.has(name)) return receiver;
    if (ITEM_PICKING.has(name)) return { ...receiver, kind: "item" };
    // Items.map(unmarshall), Items.map((item) => unmarshall(item))
    if (name === "map" && node.arguments[0] && isUnmarshallMapper(node.arguments[0])) return receiver;
    return undefined;
  }
}

function member(base: ItemData, key: string | undefined): ItemData | undefined {
  if (key === undefined) return undefined;
  if (base.kind === "output") {
    // The paginator yields pages, and the pages are outputs; a Responses entry of TransactGet is { Item }.
    if (ITEM_MEMBERS.has(key)) return { kind: "item", operation: base.operation, member: key };
    if (LIST_MEMBERS.has(key)) return { kind: "items", operation: base.operation, member: key };
    return undefined;
  }
  if (base.kind === "items") {
    if (key === "*" || /^\d+$/.test(key)) return { ...base, kind: base.member === "Responses" ? "output" : "item" };
    // BatchGet: Responses[tableName] is a list of items.
    if (base.member === "Responses" && key !== "length") return { ...base, kind: "items", member: "Items" };
    return undefined;
  }
  return undefined;
}

function isUnmarshallMapper(node: Node): boolean {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name === "unmarshall";
  if (!isFunction(current) || current.body.type === AST_NODE_TYPES.BlockStatement) return false;
  const body = unwrap(current.body);
  return body.type === AST_NODE_TYPES.CallExpression && calleeName(body) === "unmarshall";
}
