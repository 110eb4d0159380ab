// What an API Gateway Lambda authorizer of the project lets each caller reach, when it builds its policy with the
// `AuthPolicy` class of AWS's authorizer blueprint: `policy.allowMethod("DELETE", `/cart/${claims.sub}`)` lets a
// caller use that route only with its own id in the path, and `policy.allowAllMethods()` inside an admin group's
// branch leaves routes no other allowance matches to administrators. Read from the authorizer's code, never run.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, memberChain, unwrap, walk } from "./ast";
import { ADMIN_NAME } from "./per-user-data";

type Node = TSESTree.Node;

/** What the authorizer's policy says of one route. */
export interface RoutePolicy {
  /** Only an administrator's branch allows the route. */
  adminOnly: boolean;
  /** Path parameters every allowance of the route fills with a value of the caller's (`{username}` of `cart/{username}`). */
  callerParameters: string[];
}

/** One segment of an allowed resource path: text, `*`, or a value the authorizer computes (the caller's). */
type Segment = { kind: "text"; text: string } | { kind: "any" } | { kind: "computed" };

interface Allowance {
  method: string;
  /** Undefined when the path is not written out (then it may match anything). */
  segments: Segment[] | undefined;
  admin: boolean;
}

const MAX_ALLOWANCES = 500;

/** The allowances an authorizer module makes (undefined when it makes none, or allows everything to everyone). */
export function allowancesOf(calls: readonly TSESTree.CallExpression[], visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): Allowance[] | undefined {
  const allowances: Allowance[] = [];
  for (const call of calls) {
    const name = calleeName(call);
    if (name !== "allowMethod" && name !== "allowAllMethods") continue;
    // `policy.allowMethod(...)`; the policy class's own code (`this.allowMethod("*", "*")` in `allowAllMethods()`) grants nothing by itself.
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression) continue;
    const admin = inAdminBranch(call, visitorKeys);
    if (name === "allowAllMethods") {
      // Everything to everyone: the policy restricts nothing.
      if (!admin) return undefined;
      allowances.push({ method: "*", segments: [{ kind: "any" }], admin });
      continue;
    }
    const [method, resource] = call.arguments;
    allowances.push({ method: verbOf(method), segments: resource ? segmentsOf(resource) : undefined, admin });
    if (allowances.length >= MAX_ALLOWANCES) return undefined;
  }
  return allowances.length > 0 ? allowances : undefined;
}

/** What the allowances say of a route (`DELETE`, `cart/{username}`). */
export function policyForRoute(allowances: readonly Allowance[], method: string, routePath: string): RoutePolicy {
  const route = routePath.split("/").filter((segment) => segment !== "");
  const matches = allowances.filter((allowance) => !allowance.admin && methodMatches(allowance.method, method)).map((allowance) => matchRoute(allowance.segments, route));
  const matching = matches.filter((match): match is Set<string> => match !== undefined);
  if (matching.length === 0) return { adminOnly: allowances.some((allowance) => allowance.admin), callerParameters: [] };
  const parameters = route.map(parameterName).filter((name): name is string => name !== undefined);
  return { adminOnly: false, callerParameters: parameters.filter((parameter) => matching.every((pinned) => pinned.has(parameter))) };
}

/**
 * Does the allowance's resource match the route, and which of the route's parameters does it fill with a computed
 * value? Undefined when it does not match; every parameter is free for a resource that is not written out.
 */
function matchRoute(segments: Segment[] | undefined, route: readonly string[]): Set<string> | undefined {
  const pinned = new Set<string>();
  if (!segments) return pinned;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    // A trailing `*` matches the rest of the path (API Gateway's resource wildcard).
    if (segment.kind === "any" && i === segments.length - 1) return route.length >= i ? pinned : undefined;
    const part = route[i];
    if (part === undefined) return undefined;
    const parameter = parameterName(part);
    if (segment.kind === "computed") {
      if (parameter !== undefined) pinned.add(parameter);
    } else if (segment.kind === "text" && parameter === undefined && segment.text !== part) {
      return undefined;
    }
  }
  return segments.length === route.length ? pinned : undefined;
}

/** `{username}`, `{proxy+}`: the parameter's name. */
function parameterName(segment: string): string | undefined {
  return /^\{([\w-]+)\+?\}$/.exec(segment)?.[1];
}

function methodMatches(allowed: string, method: string): boolean {
  return allowed === "*" || allowed === "ANY" || method === "ANY" || method === "*" || allowed === method.toUpperCase();
}

/** `"GET"`, `HttpVerb.GET`, `"*"`; anything else may be any method. */
function verbOf(node: TSESTree.CallExpressionArgument | undefined): string {
  const value = node && node.type !== AST_NODE_TYPES.SpreadElement ? unwrap(node) : undefined;
  if (value?.type === AST_NODE_TYPES.Literal && typeof value.value === "string") return value.value.toUpperCase();
  const chain = value && memberChain(value);
  const last = chain?.path.at(-1);
  return last !== undefined && /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ALL)$/i.test(last) ? (last.toUpperCase() === "ALL" ? "*" : last.toUpperCase()) : "*";
}

/** A resource path written as text or a template: its segments, a template's expressions computed; undefined otherwise. */
function segmentsOf(node: TSESTree.CallExpressionArgument): Segment[] | undefined {
  const value = node.type === AST_NODE_TYPES.SpreadElement ? undefined : unwrap(node);
  if (value?.type === AST_NODE_TYPES.Literal && typeof value.value === "string") return textSegments(value.value);
  if (value?.type !== AST_NODE_TYPES.TemplateLiteral) return undefined;
  // Split the template at "/": a segment holding an expression (`${sub}`, `user-${sub}`) is computed.
  const segments: Segment[] = [];
  let current: { text: string; computed: boolean } = { text: "", computed: false };
  value.quasis.forEach((quasi, index) => {
    const pieces = (quasi.value.cooked ?? quasi.value.raw).split("/");
    pieces.forEach((piece, pieceIndex) => {
      if (pieceIndex > 0) {
        segments.push(toSegment(current));
        current = { text: "", computed: false };
      }
      current.text += piece;
    });
    if (index < value.expressions.length) current.computed = true;
  });
  segments.push(toSegment(current));
  return segments.filter((segment, index) => !(index === 0 && segment.kind === "text" && segment.text === ""));
}

function toSegment(piece: { text: string; computed: boolean }): Segment {
  if (piece.computed) return { kind: "computed" };
  return piece.text === "*" ? { kind: "any" } : { kind: "text", text: piece.text };
}

function textSegments(text: string): Segment[] {
  return text
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => (segment === "*" ? { kind: "any" } : { kind: "text", text: segment }));
}

/** Is the call in the branch an administrator takes (`if (groups == "ShopAdmin") { policy.allowAllMethods() }`)? */
function inAdminBranch(call: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  let child: Node = call;
  for (let parent = call.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && (parent.consequent === child || parent.alternate === child)) {
      const test = unwrap(parent.test);
      // `if (!isAdmin)`, `if (group !== "admin")`: the consequent is everyone else's, the alternate the administrator's.
      const negated = test.type === AST_NODE_TYPES.UnaryExpression || (test.type === AST_NODE_TYPES.BinaryExpression && (test.operator === "!=" || test.operator === "!=="));
      if (negated === (parent.alternate === child) && mentionsAdmin(test, visitorKeys)) return true;
    }
  }
  return false;
}

/** Does an expression name an administrator (a string, a name or a member)? */
function mentionsAdmin(node: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  let found = false;
  let budget = 200;
  walk(node, visitorKeys, (current) => {
    if (found || --budget < 0) return false;
    if (current.type === AST_NODE_TYPES.Literal && typeof current.value === "string" && ADMIN_NAME.test(current.value)) found = true;
    else if (current.type === AST_NODE_TYPES.Identifier && ADMIN_NAME.test(current.name)) found = true;
  });
  return found;
}
