// Checks that limit a value to constants where it is used: equality with a constant (`if (op === "in")`,
// `switch`), membership in a constant allow-list (`ALLOWED.includes(x)`, `SET.has(x)`, `x in MAP`,
// `_.includes(LIST, x)`), anchored regular expressions (`/^\w+$/.test(x)`), number checks, and same-file
// predicate functions built from those. A check counts when it dominates the use: the use sits in the
// branch where the check holds, or after an early exit (`if (!ok(x)) return`). Bounded; unknown means no.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, isFunction, memberChain, staticKeyName, unwrap, type FunctionNode } from "./ast";
import type { ScopeIndex, Variable } from "./scope";
import type { ValueResolver } from "./values";

type Node = TSESTree.Node;

/** What a check is about: a variable, or a member chain on one (`req.query.sort`). */
interface Key {
  root: Variable | string;
  path: string;
}

const MAX_ANCESTORS = 400;
const MAX_DEPTH = 4;
const MEMBERSHIP_METHODS = new Set(["includes", "has", "hasOwnProperty"]);
const NUMBER_CHECKS = new Set(["isInteger", "isSafeInteger", "isFinite"]);

interface BlockExits {
  positions: Map<Node, number>;
  exits: Array<{ index: number; test: Node; outcome: boolean }>;
}

export class Guards {
  private readonly blockExits = new WeakMap<Node, BlockExits>();

  constructor(
    private readonly scope: ScopeIndex,
    private readonly values: ValueResolver,
  ) {}

  /** True when a check that limits `node`'s value to constants (or to a number) dominates this use of it. */
  isConstrained(node: Node): boolean {
    if (this.overwrittenWithConstants(node)) return true;
    const keys = this.keysOf(node);
    if (keys.length === 0) return false;
    let current: Node = node;
    for (let i = 0; i < MAX_ANCESTORS && current.parent; i++) {
      const parent: Node = current.parent;
      if (this.dominatedBy(parent, current, keys)) return true;
      current = parent;
    }
    return false;
  }

  /**
   * A variable that an earlier statement of an enclosing block assigns a constant on every path that goes on,
   * with no write after it: `switch (op) { case "gt": op = ">"; break; default: op = "="; }` (a mapping), or an
   * `if` and its `else` that both assign. What it held before does not reach the use.
   */
  private overwrittenWithConstants(node: Node): boolean {
    const use = unwrap(node);
    const variable = use.type === AST_NODE_TYPES.Identifier ? this.scope.variableOf(use) : undefined;
    if (!variable || variable.defs[0]?.type !== "Variable") return false;
    const writes = this.scope.writesOf(variable);
    if (writes.length < 2) return false;
    let child: Node = use;
    for (let i = 0; i < MAX_ANCESTORS && child.parent && !isFunction(child); i++, child = child.parent) {
      const block = child.parent;
      if (block.type !== AST_NODE_TYPES.BlockStatement && block.type !== AST_NODE_TYPES.Program && block.type !== AST_NODE_TYPES.StaticBlock) continue;
      const body = block.body as Node[];
      for (let k = body.indexOf(child) - 1; k >= 0; k--) {
        const values = assignedOnEveryPath(body[k], variable, this.scope, 0);
        if (!values) continue;
        const end = body[k].range[1];
        if (writes.some((write) => write.identifier.range[0] > end && write.identifier.range[0] < use.range[0])) return false;
        return values.every((value) => this.values.originsOf(value).length === 0);
      }
    }
    return false;
  }

  /**
   * A block's statements by position, and its early exits in order (an `if` without `else` that exits,
   * an assertion call) with the test that holds after them: computed once per block, so that a use in a
   * long block (a module's top level) does not rescan every statement before it.
   */
  private exitsOf(block: Node): BlockExits {
    let found = this.blockExits.get(block);
    if (!found) {
      found = { positions: new Map(), exits: [] };
      const body = (block as TSESTree.BlockStatement | TSESTree.Program | TSESTree.StaticBlock).body as Node[];
      for (let i = 0; i < body.length; i++) {
        const statement = body[i];
        found.positions.set(statement, i);
        if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && exits(statement.consequent)) {
          found.exits.push({ index: i, test: statement.test, outcome: false });
        } else if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
          const call = unwrap(statement.expression);
          if (call.type === AST_NODE_TYPES.CallExpression && /^(?:assert|invariant|ok)$/.test(calleeName(call) ?? "") && call.arguments[0]) {
            found.exits.push({ index: i, test: call.arguments[0], outcome: true });
          }
        }
      }
      this.blockExits.set(block, found);
    }
    return found;
  }

  private dominatedBy(parent: Node, child: Node, keys: Key[]): boolean {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.consequent) return this.constrains(parent.test, keys, true, 0);
        if (child === parent.alternate) return this.constrains(parent.test, keys, false, 0);
        return false;
      case AST_NODE_TYPES.LogicalExpression:
        if (child !== parent.right) return false;
        if (parent.operator === "&&") return this.constrains(parent.left, keys, true, 0);
        if (parent.operator === "||") return this.constrains(parent.left, keys, false, 0);
        return false;
      case AST_NODE_TYPES.SwitchCase: {
        const statement = parent.parent;
        return (
          statement?.type === AST_NODE_TYPES.SwitchStatement &&
          parent.test !== null &&
          parent.consequent.includes(child as TSESTree.Statement) &&
          this.matches(statement.discriminant, keys) &&
          this.isConstant(parent.test)
        );
      }
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock: {
        // An early exit before the use: `if (!ALLOWED.includes(x)) return ...;`, `assert(ALLOWED.includes(x))`.
        const { positions, exits } = this.exitsOf(parent);
        const index = positions.get(child) ?? -1;
        for (const exit of exits) {
          if (exit.index >= index) break;
          if (this.constrains(exit.test, keys, exit.outcome, 0)) return true;
        }
        return false;
      }
      default:
        return false;
    }
  }

  /**
   * Does `test` being `outcome` limit one of `keys` to constants? `outcome` false reads the test negated:
   * `if (!ALLOWED.includes(x)) return` limits x after the statement.
   */
  private constrains(test: Node, keys: Key[], outcome: boolean, depth: number): boolean {
    if (depth > MAX_DEPTH * 4) return false;
    const node = unwrap(test);
    switch (node.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === "!" && this.constrains(node.argument, keys, !outcome, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        if (node.operator === "&&") {
          return outcome
            ? this.constrains(node.left, keys, true, depth + 1) || this.constrains(node.right, keys, true, depth + 1)
            : this.constrains(node.left, keys, false, depth + 1) && this.constrains(node.right, keys, false, depth + 1);
        }
        if (node.operator === "||") {
          return outcome
            ? this.constrains(node.left, keys, true, depth + 1) && this.constrains(node.right, keys, true, depth + 1)
            : this.constrains(node.left, keys, false, depth + 1) || this.constrains(node.right, keys, false, depth + 1);
        }
        return false;
      case AST_NODE_TYPES.BinaryExpression: {
        const equal = node.operator === "===" || node.operator === "==";
        const unequal = node.operator === "!==" || node.operator === "!=";
        if ((equal && outcome) || (unequal && !outcome)) {
          if (this.matches(node.left, keys) && this.isConstant(node.right)) return true;
          if (this.matches(node.right, keys) && this.isConstant(node.left)) return true;
          // typeof x === "number"
          const typeOf = (side: Node, other: Node) =>
            side.type === AST_NODE_TYPES.UnaryExpression && side.operator === "typeof" && this.matches(side.argument, keys) && other.type === AST_NODE_TYPES.Literal && (other.value === "number" || other.value === "boolean");
          return typeOf(unwrap(node.left), unwrap(node.right)) || typeOf(unwrap(node.right), unwrap(node.left));
        }
        if (node.operator === "in" && outcome) return this.matches(node.left, keys) && this.isConstant(node.right);
        return false;
      }
      case AST_NODE_TYPES.CallExpression:
        return outcome && this.checkCall(node, keys, depth);
      default:
        return false;
    }
  }

  /** `LIST.includes(x)`, `SET.has(x)`, `MAP.hasOwnProperty(x)`, `_.includes(LIST, x)`, `Object.hasOwn(MAP, x)`, `/^\w+$/.test(x)`, `Number.isInteger(x)`, `isAllowed(x)`. */
  private checkCall(call: TSESTree.CallExpression, keys: Key[], depth: number): boolean {
    const callee = unwrap(call.callee);
    const name = calleeName(call);
    const [first, second] = call.arguments;
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined) {
      const receiver = unwrap(callee.object);
      if (MEMBERSHIP_METHODS.has(name) && first && this.matches(first, keys) && this.isConstant(receiver)) return true;
      if ((name === "includes" || name === "hasOwn" || name === "has") && first && second && this.matches(second, keys) && this.isConstant(first)) return true;
      if (name === "test" && first && this.matches(first, keys) && isAnchoredPattern(this.values.definitionOf(receiver) ?? receiver)) return true;
      if (NUMBER_CHECKS.has(name) && first && this.matches(first, keys) && receiver.type === AST_NODE_TYPES.Identifier && receiver.name === "Number") return true;
    }
    if (callee.type === AST_NODE_TYPES.Identifier && (name === "isFinite" || name === "isInteger") && first && this.matches(first, keys)) return true;
    // A predicate of this file: every return is such a check on the parameter that receives the value.
    if (depth >= MAX_DEPTH) return false;
    const predicate = this.functionOf(callee);
    if (!predicate) return false;
    const index = call.arguments.findIndex((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && this.matches(argument, keys));
    const parameter = index >= 0 ? predicate.params[index] : undefined;
    if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.scope.variableOf(parameter);
    if (!variable) return false;
    const returns = this.values.returnsOf(predicate);
    return returns.length > 0 && returns.every((returned) => this.constrains(returned, [{ root: variable, path: "" }], true, (depth + 1) * 4));
  }

  /** A same-file function named by the callee, also `helpers.isX` where `helpers.isX = (v) => ...`. */
  private functionOf(callee: Node): FunctionNode | undefined {
    const direct = this.values.sameFileFunction(callee);
    if (direct) return direct;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const key = staticKeyName(callee);
    const value = key === undefined ? undefined : this.values.resolveObject(callee.object)?.properties.get(key)?.value;
    const fn = value ? unwrap(value) : undefined;
    return isFunction(fn) ? fn : undefined;
  }

  private isConstant(node: Node): boolean {
    return this.values.originsOf(node).length === 0;
  }

  private matches(node: Node, keys: Key[]): boolean {
    const key = this.keyOf(node);
    return key !== undefined && keys.some((candidate) => candidate.root === key.root && candidate.path === key.path);
  }

  private keyOf(node: Node): Key | undefined {
    const chain = memberChain(node);
    if (!chain || chain.root.type !== AST_NODE_TYPES.Identifier) return undefined;
    return { root: this.scope.variableOf(chain.root) ?? chain.root.name, path: chain.path.join(".") };
  }

  /** The node's own key and, for a variable read once from another reference (`const s = req.query.s`), that one's. */
  private keysOf(node: Node): Key[] {
    const key = this.keyOf(unwrap(node));
    if (!key) return [];
    const keys = [key];
    if (typeof key.root !== "string" && key.path === "" && key.root.defs[0]?.type === "Variable") {
      const writes = this.scope.writesOf(key.root);
      const init = writes.length === 1 && writes[0].value ? unwrap(writes[0].value) : undefined;
      const inner = init ? this.keyOf(init) : undefined;
      if (inner) keys.push({ root: inner.root, path: [inner.path, ...writes[0].path].filter(Boolean).join(".") });
    }
    return keys;
  }
}

/** A statement that always leaves the surrounding block: return, throw, continue, break (or a block ending in one). */
/**
 * The values a statement assigns to `variable` when every path through it that goes on assigns it (paths that
 * exit do not count); undefined when some path may leave it as it was.
 */
function assignedOnEveryPath(statement: Node, variable: Variable, scope: ScopeIndex, depth: number): Node[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement: {
      const expression = unwrap(statement.expression);
      const assigns = expression.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === "=" && expression.left.type === AST_NODE_TYPES.Identifier && scope.variableOf(expression.left) === variable;
      return assigns ? [expression.right] : undefined;
    }
    case AST_NODE_TYPES.BlockStatement:
      return assignedInSequence(statement.body, variable, scope, depth);
    case AST_NODE_TYPES.IfStatement: {
      if (!statement.alternate) return undefined;
      const branches = [statement.consequent, statement.alternate].filter((branch) => !exits(branch));
      const assigned = branches.map((branch) => assignedOnEveryPath(branch, variable, scope, depth + 1));
      return branches.length > 0 && assigned.every((values) => values !== undefined) ? assigned.flat() as Node[] : undefined;
    }
    case AST_NODE_TYPES.SwitchStatement: {
      if (!statement.cases.some((clause) => clause.test === null)) return undefined;
      const values: Node[] = [];
      for (const clause of statement.cases) {
        // An empty case falls through to the next one.
        if (clause.consequent.length === 0) continue;
        const assigned = assignedInSequence(clause.consequent, variable, scope, depth);
        if (assigned) values.push(...assigned);
        else if (!clause.consequent.some((item) => item.type === AST_NODE_TYPES.ReturnStatement || item.type === AST_NODE_TYPES.ThrowStatement)) return undefined;
      }
      return values.length > 0 ? values : undefined;
    }
    default:
      return undefined;
  }
}

/** The values a list of statements assigns to `variable` before it can leave (a `break`), on every path. */
function assignedInSequence(statements: readonly Node[], variable: Variable, scope: ScopeIndex, depth: number): Node[] | undefined {
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.BreakStatement || statement.type === AST_NODE_TYPES.ContinueStatement) return undefined;
    const assigned = assignedOnEveryPath(statement, variable, scope, depth + 1);
    if (assigned) return assigned;
  }
  return undefined;
}

export function exits(statement: Node): boolean {
  if (
    statement.type === AST_NODE_TYPES.ReturnStatement ||
    statement.type === AST_NODE_TYPES.ThrowStatement ||
    statement.type === AST_NODE_TYPES.ContinueStatement ||
    statement.type === AST_NODE_TYPES.BreakStatement
  ) {
    return true;
  }
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/** `/^...$/`: a validation that matches the whole value. */
function isAnchoredPattern(node: Node): boolean {
  const current = unwrap(node);
  if (current.type !== AST_NODE_TYPES.Literal || !("regex" in current) || !current.regex) return false;
  const pattern = current.regex.pattern;
  if (!pattern.startsWith("^") || !pattern.endsWith("$") || pattern.endsWith("\\$") || current.regex.flags.includes("m")) return false;
  // Not a pattern that lets anything through (`.`, `\S`, negated classes).
  const unescaped = pattern.replace(/\\[^SWD]/g, "");
  return !/\.|\\[SWD]|\[\^/.test(unescaped);
}
