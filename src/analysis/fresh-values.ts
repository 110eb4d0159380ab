// Values generated where they are used: a unique id (`randomUUID()`, `nanoid()`, a project's `generateId()`), a
// random number, or the current time (`Date.now()`, `new Date().toISOString()`, `moment()`). A key made of one names
// an item no one has yet; an attribute set to the current time is bookkeeping that no caller chooses.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName } from "./ast";
import type { ValueResolver } from "./values";

const ROUNDING = new Set(["floor", "round", "trunc", "ceil"]);
const TEXT_VIEWS = new Set(["toString", "slice", "substring", "substr", "padStart"]);
/** Date libraries whose call without arguments is the current time. */
const TIME_LIBRARIES = new Set(["moment", "dayjs"]);
/** Generators of unique ids: `randomUUID()`, `randomBytes(16).toString("hex")`, `uuid.v4()`, `nanoid()`, `ulid()`, `createId()` (cuid2), `new ObjectId()`. */
const UNIQUE_ID_CALLS = new Set(["randomUUID", "randomBytes", "uuid", "v1", "v4", "v6", "v7", "uuidv1", "uuidv4", "uuidV4", "uuidv7", "uuidV7", "nanoid", "ulid", "cuid", "createId", "ksuid", "ObjectId"]);
/** A project's own id generator, named for what it makes (`generateUniqueId()`, `newId()`, `createUUID()`); not lodash's counter `uniqueId()`. */
const ID_GENERATOR_NAME = /^(?:gen(?:erate)?|create|new|make)_?(?:unique_?|random_?)?(?:id|uuid|guid)$/i;
const MAX_DEPTH = 8;

/** A value generated here: a unique id, a random number, or (unless `unique`) the current time. */
export function isFreshValue(node: TSESTree.Node, unique: boolean, values: ValueResolver | undefined, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (node.type === AST_NODE_TYPES.BinaryExpression) return isFreshValue(node.left, unique, values, depth + 1) || isFreshValue(node.right, unique, values, depth + 1);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.some((expression) => isFreshValue(expression, unique, values, depth + 1));
  if (node.type === AST_NODE_TYPES.NewExpression) return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "ObjectId";
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = node.callee;
  const name = calleeName(node);
  if (name === undefined) return false;
  if (UNIQUE_ID_CALLS.has(name) || ID_GENERATOR_NAME.test(name)) return true;
  if (values && generatesFreshValue(node, unique, values, depth)) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const math = callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "Math";
  // Math.random(), Math.floor(Math.random() * 1e6), Math.random().toString(36).slice(2)
  if (math && name === "random") return true;
  if (math && ROUNDING.has(name)) return node.arguments[0] !== undefined && isFreshValue(node.arguments[0], unique, values, depth + 1);
  if (TEXT_VIEWS.has(name) && isFreshValue(callee.object, unique, values, depth + 1)) return true;
  return !unique && isCurrentTimeCall(node);
}

/**
 * Is the value the current time, or arithmetic on it and constants (`Math.floor(Date.now() / 1000) + 7200`, a TTL;
 * `new Date().toISOString()`; a variable that holds one)? Nothing in it comes from elsewhere.
 */
export function isCurrentTime(node: TSESTree.Node, values: ValueResolver, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = values.definitionOf(node) ?? node;
  switch (value.type) {
    case AST_NODE_TYPES.BinaryExpression: {
      const parts = [value.left as TSESTree.Node, value.right];
      // A number, or arithmetic on numbers (`5 * 60 * 1000`, a duration).
      const isNumber = (part: TSESTree.Node): boolean =>
        (part.type === AST_NODE_TYPES.Literal && typeof part.value === "number") || (part.type === AST_NODE_TYPES.BinaryExpression && isNumber(part.left) && isNumber(part.right));
      return parts.some((part) => isCurrentTime(part, values, depth + 1)) && parts.every((part) => isNumber(part) || isCurrentTime(part, values, depth + 1));
    }
    case AST_NODE_TYPES.NewExpression:
      return value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === "Date" && value.arguments.length === 0;
    case AST_NODE_TYPES.CallExpression: {
      if (isCurrentTimeCall(value)) return true;
      const callee = value.callee;
      const math = callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "Math";
      if (math && ROUNDING.has(calleeName(value) ?? "")) return value.arguments[0] !== undefined && isCurrentTime(value.arguments[0], values, depth + 1);
      return false;
    }
    default:
      return false;
  }
}

/** `Date.now()`, `new Date().toISOString()`, `new Date().getTime()`, `moment().format(...)`, `dayjs().valueOf()`. */
function isCurrentTimeCall(node: TSESTree.CallExpression): boolean {
  const callee = node.callee;
  const name = calleeName(node);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined) return false;
  const object = callee.object;
  if (object.type === AST_NODE_TYPES.CallExpression && object.arguments.length === 0 && object.callee.type === AST_NODE_TYPES.Identifier && TIME_LIBRARIES.has(object.callee.name)) return true;
  if (name === "now") return object.type === AST_NODE_TYPES.Identifier && object.name === "Date";
  return (
    (name === "toISOString" || name === "getTime" || name === "valueOf") &&
    object.type === AST_NODE_TYPES.NewExpression &&
    object.callee.type === AST_NODE_TYPES.Identifier &&
    object.callee.name === "Date" &&
    object.arguments.length === 0
  );
}

/**
 * A project function, whatever its name, whose every return is a value generated there (`dysortid()` returning
 * `Date.now().toString(36) + randomBytes(8).toString("hex")`): this file's, or one it imports.
 */
function generatesFreshValue(call: TSESTree.CallExpression, unique: boolean, values: ValueResolver, depth: number): boolean {
  const called = values.calledFunction(call);
  if (!called) return false;
  const returned = called.values.returnsOf(called.fn);
  return returned.length > 0 && returned.every((value) => isFreshValue(called.values.definitionOf(value) ?? value, unique, called.values, depth + 1));
}

/**
 * `id || randomUUID()`, `body.id ?? nanoid()`, `x ? x : uuid()`, `if (!user) user = uuidv4()`: the generated value is a
 * default, another value may take its place.
 */
export function isFallback(node: TSESTree.Node): boolean {
  let child = node;
  for (let parent = node.parent, i = 0; parent && i < 8; child = parent, parent = parent.parent, i++) {
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child) return true;
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== child) return true;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child) return assignedInBranch(parent);
    if (parent.type !== AST_NODE_TYPES.TemplateLiteral && parent.type !== AST_NODE_TYPES.BinaryExpression && parent.type !== AST_NODE_TYPES.CallExpression && parent.type !== AST_NODE_TYPES.MemberExpression) return false;
  }
  return false;
}

/** An assignment made only in a branch (`if (!user) { user = uuidv4(); }`): the value the variable had before may stay. */
function assignedInBranch(assignment: TSESTree.AssignmentExpression): boolean {
  const statement = assignment.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const holder = statement.parent?.type === AST_NODE_TYPES.BlockStatement ? statement.parent.parent : statement.parent;
  return holder?.type === AST_NODE_TYPES.IfStatement;
}

/** A value cut before use (`now.toISOString().slice(0, 10)`, `.split("T")[0]`, `String(Date.now()).substring(0, 8)`), or the cut itself. */
export function isCut(node: TSESTree.Node): boolean {
  const cuts = (call: TSESTree.Node | undefined) => {
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length === 0) return false;
    const method = call.callee.property.type === AST_NODE_TYPES.Identifier && !call.callee.computed ? call.callee.property.name : "";
    return method === "slice" || method === "substring" || method === "substr" || method === "split";
  };
  const member = node.parent;
  return cuts(node) || (member?.type === AST_NODE_TYPES.MemberExpression && member.object === node && cuts(member.parent));
}
