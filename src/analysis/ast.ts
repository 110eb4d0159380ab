// Small AST helpers shared by the analysis. Everything here is iterative or bounded: linted code can be
// arbitrarily deep, and a stack overflow in a rule takes down the whole lint run.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

const PASS_THROUGH = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
  AST_NODE_TYPES.ChainExpression,
]);

/** Strips syntax that does not change a value: `x as T`, `x!`, `<T>x`, `x satisfies T`, `a?.b` wrappers. */
export function unwrap(node: Node): Node {
  let current = node;
  for (let i = 0; i < 1000 && PASS_THROUGH.has(current.type); i++) {
    current = (current as TSESTree.TSAsExpression).expression;
  }
  return current;
}

/**
 * A node's decorators. The typescript-eslint parser gives every class, member and parameter a `decorators`
 * array; ESLint's default parser (espree) leaves the field out.
 */
export function decoratorsOf(node: Node | undefined): TSESTree.Decorator[] {
  return (node && "decorators" in node ? (node.decorators as TSESTree.Decorator[] | undefined) : undefined) ?? [];
}

/** TypeScript type syntax (not the pass-through wrappers `as`, `!`, `satisfies`, `<T>x`, `f<T>`): no value is computed inside. */
export function isTypeSyntax(node: Node): boolean {
  return node.type.startsWith("TS") && !PASS_THROUGH.has(node.type);
}

/** `a === b`, `a == b`, `a !== b`, `a != b`. */
export function isEqualityComparison(node: Node): node is TSESTree.BinaryExpression {
  return node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === "===" || node.operator === "==" || node.operator === "!==" || node.operator === "!=");
}

/** Like unwrap, and also looks through `await x`. */
export function unwrapAwait(node: Node): Node {
  let current = unwrap(node);
  for (let i = 0; i < 1000 && current.type === AST_NODE_TYPES.AwaitExpression; i++) {
    current = unwrap(current.argument);
  }
  return current;
}

/** The parent, skipping pass-through wrappers (the value of `x as T` is the value of `x`). */
export function valueParent(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent;
  for (let i = 0; i < 1000 && parent && (PASS_THROUGH.has(parent.type) || parent.type === AST_NODE_TYPES.AwaitExpression); i++) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

export function isFunction(node: Node | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** `require("m")` and `require(\`m\`)` → "m"; undefined for any other expression. */
export function requiredSpecifier(node: Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== "require") return undefined;
  const argument = node.arguments[0];
  if (argument?.type === AST_NODE_TYPES.Literal) return typeof argument.value === "string" ? argument.value : undefined;
  return argument?.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length === 0 ? (argument.quasis[0].value.cooked ?? undefined) : undefined;
}

/** The static method of a class body named `name` (`static async deleteItem(req, res)`), not a computed one. */
export function staticMethodNamed(body: TSESTree.ClassBody, name: string): TSESTree.MethodDefinition | undefined {
  for (const element of body.body) {
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.static && !element.computed && staticKeyName(element) === name) return element;
  }
  return undefined;
}

/** The instance member of a class body by name (the first, as written). */
export function instanceMember(body: TSESTree.ClassBody, name: string): TSESTree.MethodDefinition | TSESTree.PropertyDefinition | undefined {
  for (const element of body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (!element.static && !element.computed && staticKeyName(element) === name) return element;
  }
  return undefined;
}

/** Statically known name of a property key or member property (`a.b`, `a["b"]`, `{ b: 1 }`, `{ "b": 1 }`). */
export function staticKeyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | undefined {
  const computed = node.computed;
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (!computed && key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === "string" || typeof key.value === "number")) {
    return String(key.value);
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/**
 * `a.b.c` → { root: Identifier a, path: ["b", "c"] }; also `this.a.b` (root ThisExpression).
 * Computed members with static keys count; anything else ends the chain (undefined).
 */
export function memberChain(node: Node): { root: TSESTree.Identifier | TSESTree.ThisExpression; path: string[] } | undefined {
  const path: string[] = [];
  let current = unwrap(node);
  for (let i = 0; i < 200; i++) {
    if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression) {
      return { root: current, path: path.reverse() };
    }
    if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = staticKeyName(current);
    if (name === undefined) return undefined;
    path.push(name);
    current = unwrap(current.object);
  }
  return undefined;
}

/** The dotted name of a member chain rooted at an identifier (`a.b.c`); undefined for other chains (`this.a`) and none. */
export function dottedName(chain: ReturnType<typeof memberChain>): string | undefined {
  return chain?.root.type === AST_NODE_TYPES.Identifier ? [chain.root.name, ...chain.path].join(".") : undefined;
}

/** The member expression that reads `path` on `node` where `node` stands (`params` + ["Item", "ID"] → `params.Item.ID`); undefined when its parents read anything else. */
export function memberPathAbove(
  node: Node,
  path: readonly string[],
  keyOf: (member: TSESTree.MemberExpression) => string | undefined = staticKeyName,
): Node | undefined {
  let current = node;
  for (const segment of path) {
    const member: Node | undefined = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current || keyOf(member) !== segment) return undefined;
    current = member;
  }
  return current;
}

/** memberChain's root and path length, without collecting the path: `a.b.c` → { root: a, length: 2 }. */
export function memberChainRoot(node: Node): { root: TSESTree.Identifier | TSESTree.ThisExpression; length: number } | undefined {
  let current = unwrap(node);
  for (let length = 0; length < 200; length++) {
    if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression) return { root: current, length };
    if (current.type !== AST_NODE_TYPES.MemberExpression || staticKeyName(current) === undefined) return undefined;
    current = unwrap(current.object);
  }
  return undefined;
}

/** `foo(...)` → "foo", `a.b.foo(...)` → "foo"; the callee's last name. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return staticKeyName(callee);
  return undefined;
}

/** The nearest enclosing function of a node (not the node itself). */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  let current = node.parent;
  while (current) {
    if (isFunction(current)) return current;
    current = current.parent;
  }
  return undefined;
}

/**
 * The name a function goes by in its own code: `function getNote`, `const getNote = ...`,
 * `exports.getNote = ...`, `getNote() {}` / `getNote: ...` (`#getNote` for private members); undefined when it has none.
 */
export function declaredFunctionName(fn: Node): string | undefined {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression && !parent.left.computed && parent.left.property.type === AST_NODE_TYPES.Identifier) {
    return parent.left.property.name;
  }
  if (parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    if (parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
    if (parent.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${parent.key.name}`;
  }
  return undefined;
}

export function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  let current = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
    current = current.parent;
  }
  return undefined;
}

/** Does the function end by returning its object (`return this;`), as a fluent setter does? */
export function returnsThis(fn: { body?: Node | null }): boolean {
  const last = fn.body?.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.at(-1) : undefined;
  return last?.type === AST_NODE_TYPES.ReturnStatement && last.argument?.type === AST_NODE_TYPES.ThisExpression;
}

/** Property of an object literal by static name (last one wins, as at run time). */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && staticKeyName(property) === name) found = property;
  }
  return found;
}

/** The argument a call passes for parameter `index`; none when a spread comes at or before it (its position is unknown then). */
/** The call a function is written into as an argument of a named callee (`handler(async (event) => ...)`), and its position there. */
export function wrapperCallOf(fn: FunctionNode): { call: TSESTree.CallExpression; index: number } | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || unwrap(call.callee).type !== AST_NODE_TYPES.Identifier) return undefined;
  const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  return index < 0 ? undefined : { call, index };
}

export function positionalArgument(call: TSESTree.CallExpression, index: number): TSESTree.Expression | undefined {
  for (let i = 0; i <= index && i < call.arguments.length; i++) if (call.arguments[i].type === AST_NODE_TYPES.SpreadElement) return undefined;
  return call.arguments[index] as TSESTree.Expression | undefined;
}

/** Is `node` inside `ancestor` (or the same node)? Uses ranges: cheap and parent-free. */
export function contains(ancestor: Node, node: Node): boolean {
  return ancestor.range[0] <= node.range[0] && node.range[1] <= ancestor.range[1];
}

/**
 * Visits every node once, depth-first, without recursion; `visit` returning false skips the node's children. `visitorKeys` comes from the source code so
 * that TS and JSX nodes are walked as ESLint walks them.
 */
export function walk(
  root: Node,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  visit: (node: Node) => void | false,
): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as Node | null;
          if (item && typeof item.type === "string") stack.push(item);
        }
      } else if (child && typeof (child as Node).type === "string") {
        stack.push(child as Node);
      }
    }
  }
}

/** `Object.keys(x)` / `Object.entries(x)` (as `method`): x. */
export function objectOfKeysCall(node: Node, method: "keys" | "entries"): Node | undefined {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticKeyName(callee) !== method) return undefined;
  const object = unwrap(callee.object);
  const argument = call.arguments[0];
  return object.type === AST_NODE_TYPES.Identifier && object.name === "Object" && argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
}

/** `null`, `undefined`, `void 0`: what a lookup returns when there is nothing. */
export function isNothing(node: Node): boolean {
  const value = unwrap(node);
  return (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === "undefined") || (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === "void");
}
