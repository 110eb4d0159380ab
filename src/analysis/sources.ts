// The catalogue of request input and caller identity, for every framework the plugin supports. Every
// rule asks this one place; users extend it through settings["dynamodb-security"].
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, decoratorsOf, dottedName, isFunction, memberChain, staticKeyName, unwrap, type FunctionNode } from "./ast";
import type { NormalizedSettings } from "../settings";
import { isUndeployedModule } from "./deployment";

export type Framework = "express" | "fastify" | "koa" | "hono" | "nestjs" | "nextjs" | "next-pages" | "lambda" | "appsync" | "cognito" | "settings";

/** What a function parameter is, when the catalogue recognises it. */
export type RootKind =
  /** The framework's request object (`req`, `request`, `ctx`, `c`, `event`): its members are sorted by `memberSource`. */
  | { kind: "request-object"; framework: Framework; style: "express" | "fastify" | "koa" | "hono" | "lambda" | "next-request" | "next-context" }
  /** The response object: `res.locals.user` is the caller. */
  | { kind: "response-object"; framework: Framework }
  /** The parameter is request data itself (NestJS `@Param("id") id`, Server Action arguments). */
  | { kind: "request"; framework: Framework; path: string }
  /** The parameter is the caller (NestJS `@CurrentUser() user`). */
  | { kind: "caller"; framework: Framework; path: string };

export type SourceKind = "request" | "caller";

const HTTP_METHOD_REGISTRARS = new Set(["get", "post", "put", "patch", "delete", "del", "all", "options", "head", "use"]);
/** Methods that register a route for an HTTP method (`use` mounts middleware and routers). */
export const ROUTE_METHODS: ReadonlySet<string> = new Set([...HTTP_METHOD_REGISTRARS].filter((method) => method !== "use"));
const NEXT_ROUTE_EXPORTS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** Functions whose result is the authenticated caller, by exact name. */
export const CALLER_FUNCTIONS = new Set([
  "getUserId",
  "getCurrentUser",
  "getUser",
  "currentUser",
  "verifyToken",
  "getCallerIdentity",
  "auth",
  "getServerSession",
  "getSession",
]);

/** Names of functions that take credentials (`jwt.verify(token)`, `decodeToken(header)`): their result is the caller. */
export const AUTHENTICATION_FUNCTION = /auth|verify|decode|token|jwt|session|user|claim|identity|principal|caller|whoami|login|current/i;
/**
 * Names of functions that find the caller from the whole request (`authenticate(req)`, `getUserFromEvent(event)`),
 * or check what the caller may reach and return it (`assertUserAccess(req)`, an access check a handler factory is given).
 */
export const CALLER_FROM_REQUEST_FUNCTION =
  /auth|session|claim|principal|identity|caller|current|whoami|logged|signed|token|jwt|^(?:get|load|fetch|find|resolve|require|ensure|extract|read)(?:(?:user|account|member|viewer|owner|sub)(?:id|sub)?|(?:client|customer|admin)(?:id|sub))(?:from\w+)?$|^(?:assert|check|verify|ensure)\w*access$/i;
/** Request members that carry credentials by name (a header or cookie called so). */
export const CREDENTIAL_MEMBER = /authori[sz]ation|cookie|token|session|jwt|bearer|api-?key|x-user|auth/i;

const NEST_REQUEST_DECORATORS: Record<string, string> = { Param: "params", Query: "query", Body: "body", Headers: "headers" };
const NEST_CALLER_DECORATORS = new Set(["CurrentUser", "User", "AuthUser", "GetUser", "ReqUser", "Caller"]);

/** Where an API Gateway event holds the caller. A WebSocket API's `requestContext.connectionId` is the caller's own connection, set by API Gateway. */
const LAMBDA_CALLER: readonly string[][] = [["requestContext", "authorizer"], ["requestContext", "identity", "cognitoIdentityId"], ["requestContext", "identity", "userArn"], ["requestContext", "identity", "user"], ["requestContext", "connectionId"], ["identity"]];

/** Member paths of each request object that carry request input (first segment) or the caller. */
const REQUEST_MEMBERS: Record<string, { request: ReadonlySet<string>; requestCalls: ReadonlySet<string>; caller: readonly string[][] }> = {
  express: {
    request: new Set(["params", "query", "body", "headers", "cookies", "signedCookies", "files", "file", "url", "originalUrl", "path", "hostname"]),
    requestCalls: new Set(["get", "header", "param"]),
    // `req.apiGateway.event`: the Lambda event behind Express on Lambda (aws-serverless-express, Amplify's REST API functions).
    caller: [["user"], ["auth"], ["session", "user"], ["session", "userId"], ["userId"], ["identity"], ["claims"], ...LAMBDA_CALLER.map((path) => ["apiGateway", "event", ...path])],
  },
  fastify: {
    request: new Set(["params", "query", "body", "headers", "cookies", "url"]),
    requestCalls: new Set([]),
    caller: [["user"], ["auth"], ["session", "user"], ["userId"]],
  },
  koa: {
    request: new Set(["params", "query", "querystring", "headers", "header", "url", "path", "body"]),
    requestCalls: new Set(["get"]),
    caller: [["state", "user"], ["state", "auth"], ["state", "jwtdata"], ["state", "session"]],
  },
  hono: { request: new Set([]), requestCalls: new Set([]), caller: [["var", "user"], ["var", "jwtPayload"], ["var", "session"]] },
  lambda: {
    // `body-json` and `params` (`params.path.id`): what API Gateway's default mapping template gives a non-proxy integration.
    request: new Set(["pathParameters", "queryStringParameters", "multiValueQueryStringParameters", "body", "headers", "multiValueHeaders", "cookies", "rawPath", "rawQueryString", "path", "arguments", "source", "body-json", "params"]),
    requestCalls: new Set([]),
    caller: LAMBDA_CALLER,
  },
  "next-request": {
    request: new Set(["nextUrl", "url", "headers", "cookies", "body"]),
    requestCalls: new Set(["json", "formData", "text", "blob", "arrayBuffer"]),
    caller: [["auth"]],
  },
  "next-context": { request: new Set(["params", "searchParams"]), requestCalls: new Set([]), caller: [] },
};

const NEXT_REQUEST_CALLS = REQUEST_MEMBERS["next-request"].requestCalls;

/** Koa's context types (`koa`, `@koa/router`, `koa-router`). */
const KOA_CONTEXT_TYPES = new Set(["Context", "ParameterizedContext", "RouterContext", "ExtendableContext", "DefaultContext"]);

/** Members of a Koa `ctx.request` and Hono `c.req`. */
const KOA_REQUEST_MEMBERS = new Set(["body", "query", "headers", "header", "files", "querystring", "url", "path"]);
const HONO_REQUEST_CALLS = new Set(["param", "query", "queries", "json", "parseBody", "header", "valid", "text", "formData", "arrayBuffer", "blob"]);
const HONO_CALLER_KEYS = new Set(["jwtPayload", "user", "session", "auth", "userId"]);

/**
 * Members a project's own authentication middleware sets for the caller (`req.teacherId = decoded.id`,
 * `req.userData`, `ctx.state.account`, middy's `request.event.email = claims.email`): no framework or API Gateway
 * member, named for a person, their id, name or email, or a decoded token (`req.decoded`, `req.jwtDecoded`, `req.tokenPayload`).
 * `req.profile` is left out: `router.param()` loaders set it to the user a route names.
 */
const MIDDLEWARE_CALLER_MEMBER =
  /^(?:(?:current|auth|authenticated|logged|loggedin|signedin|verified)?(?:user|account|member|teacher|student|admin|customer|employee|staff|doctor|patient|owner|principal|caller|viewer|seller|buyer|driver|person)(?:id|sub|email|name|data|info|details)?|email|decoded(?:token|user|jwt)?|(?:jwt|token)(?:decoded|payload|data|claims|info)|uid)$/i;

/** Members distinctive enough to mark an unrecognised parameter as an API Gateway event. */
const LAMBDA_EVENT_MEMBERS = new Set(["pathParameters", "queryStringParameters", "multiValueQueryStringParameters", "body-json"]);

export interface MemberSource {
  kind: SourceKind;
  framework: Framework;
  path: string;
}

/**
 * Classifies a path below a root: `req` + ["params", "id"] → request "params.id"; `req` + ["user", "id"] →
 * caller. `call` is true when the last segment is called (`c.req.param("id")`). Undefined when the path is
 * neither (for example `req.app`), or when the path is too short to decide (`ctx.request`).
 */
export function memberSource(root: RootKind, path: readonly string[], call: boolean): MemberSource | undefined {
  const joined = path.join(".");
  if (root.kind === "request" || root.kind === "caller") {
    return { kind: root.kind, framework: root.framework, path: [root.path, ...path].filter(Boolean).join(".") };
  }
  if (root.kind === "response-object") {
    if (path[0] === "locals" && path.length >= 2 && (/^(?:auth|session|jwt|claims)$/.test(path[1]) || MIDDLEWARE_CALLER_MEMBER.test(path[1]))) {
      return { kind: "caller", framework: root.framework, path: joined };
    }
    return undefined;
  }
  const members = REQUEST_MEMBERS[root.style];
  for (const callerPath of members.caller) {
    if (callerPath.every((segment, i) => path[i] === segment)) return { kind: "caller", framework: root.framework, path: joined };
  }
  if (path.length === 0) return undefined;
  const [first, second] = path;
  if (root.style === "koa" && first === "state" && second !== undefined && MIDDLEWARE_CALLER_MEMBER.test(second)) return { kind: "caller", framework: root.framework, path: joined };
  if (root.style === "koa" && first === "request") {
    if (second !== undefined && KOA_REQUEST_MEMBERS.has(second)) return { kind: "request", framework: root.framework, path: joined };
    return undefined;
  }
  if (root.style === "koa" && first === "cookies" && call) return { kind: "request", framework: root.framework, path: joined };
  if (root.style === "hono") {
    if (first === "req" && second !== undefined && call && HONO_REQUEST_CALLS.has(second) && path.length === 2) {
      return { kind: "request", framework: root.framework, path: joined };
    }
    return undefined;
  }
  if (members.requestCalls.has(first) && call && path.length === 1) return { kind: "request", framework: root.framework, path: joined };
  if (members.request.has(first)) return { kind: "request", framework: root.framework, path: joined };
  if ((root.style === "express" || root.style === "fastify" || root.style === "lambda") && MIDDLEWARE_CALLER_MEMBER.test(first)) return { kind: "caller", framework: root.framework, path: joined };
  return undefined;
}

/** Request getters given the name of what they read: `c.req.param("id")`, `req.get("x-user")`, `searchParams.get("q")`. */
const KEY_GETTERS = new Set(["param", "query", "queries", "header", "get", "getAll", "cookie"]);

/**
 * The path of a key getter's call with its key as the last segment (`req.param` + `c.req.param("id")` →
 * `req.param.id`), as `c.req.query().id` reads it: two getters of different keys are different request input.
 */
export function withKeyArgument(path: string, call: TSESTree.CallExpression | undefined): string {
  const key = call?.arguments[0];
  if (!key || !KEY_GETTERS.has(path.slice(path.lastIndexOf(".") + 1))) return path;
  const value = key.type === AST_NODE_TYPES.Literal ? key.value : key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0 ? key.quasis[0].value.cooked : undefined;
  return typeof value === "string" && value !== "" && !value.includes(".") ? `${path}.${value}` : path;
}

/** How messages name each framework. */
export const FRAMEWORK_NAMES: Readonly<Record<Framework, string>> = {
  express: "Express",
  fastify: "Fastify",
  koa: "Koa",
  hono: "Hono",
  nestjs: "NestJS",
  nextjs: "Next.js",
  "next-pages": "Next.js API route",
  lambda: "Lambda event",
  appsync: "AppSync",
  cognito: "Cognito identity pool",
  settings: "a request source from the settings",
};

/** The usual name of each framework's request object, which messages put before a source's path. */
const REQUEST_OBJECT_NAMES: Partial<Record<Framework, string>> = {
  express: "req",
  "next-pages": "req",
  fastify: "request",
  koa: "ctx",
  hono: "c",
  lambda: "event",
  appsync: "event",
};

/**
 * The code that reads a request source, as messages quote it: `req.params.id`, `event.body`, `ctx.cookies.get()`,
 * `c.req.param()`, `request.json()`. NestJS parameters, Server Action arguments, Next.js `params` and sources
 * from the settings keep their path alone.
 */
export function sourceText(source: { framework: Framework; path: string }): string {
  const { framework, path } = source;
  const segments = path.split(".");
  // The segment that is a call: `c.req.json()`, `request.json()`, `req.get()`, `ctx.cookies.get()`.
  let called = -1;
  if (framework === "hono" && segments[0] === "req" && HONO_REQUEST_CALLS.has(segments[1])) called = 1;
  else if (framework === "nextjs" && NEXT_REQUEST_CALLS.has(segments[0])) called = 0;
  else if ((framework === "express" || framework === "next-pages") && segments.length <= 2 && REQUEST_MEMBERS.express.requestCalls.has(segments[0])) called = 0;
  else if (framework === "koa" && segments.length <= 2 && segments[0] === "get") called = 0;
  // Map-like getters: `request.nextUrl.searchParams.get()`, `headers.get()`, a Server Action's `arguments[0].get()`.
  else if (segments.length >= 2 && /^(?:get|getAll)$/.test(segments[segments.length - 1])) called = segments.length - 1;
  // A key getter's key (`c.req.param("id")`, `searchParams.get("q")`) follows it in the path: written as its argument.
  if (called < 0 && segments.length >= 3 && /^(?:get|getAll)$/.test(segments[segments.length - 2])) called = segments.length - 2;
  const keyed = called >= 0 && called === segments.length - 2 && KEY_GETTERS.has(segments[called]);
  const code = segments
    .flatMap((segment, i) => {
      if (keyed && i === called + 1) return [];
      const text = i === called ? (keyed ? `${segment}(${JSON.stringify(segments[i + 1])})` : `${segment}()`) : segment;
      // `headers["x-table"]`, `items[0]`, `event["body-json"]`: a member that is no identifier is written with brackets.
      if ((i === 0 && !segment.includes("-")) || /^[a-z_$][\w$]*(?:\(\)|\[\d+\])?$/i.test(text) || (keyed && i === called)) return [text];
      return [/^\d+$/.test(segment) ? `[${segment}]` : `[${JSON.stringify(segment)}]`];
    })
    .join(".")
    .replaceAll(".[", "[");
  if (framework === "nextjs") {
    return path.startsWith("arguments[") || segments[0] === "params" || segments[0] === "searchParams" ? code : `request.${code}`;
  }
  const root = REQUEST_OBJECT_NAMES[framework];
  if (root === undefined) return code;
  return code === "" ? root : `${root}.${code}`.replaceAll(".[", "[");
}

/** A request source as reports name it: `` `req.query.table` (Express) ``. */
export function describeRequestSource(source: { framework: Framework; path: string }): string {
  return `\`${sourceText(source)}\` (${FRAMEWORK_NAMES[source.framework]})`;
}

/** Hono's `c.get("jwtPayload")` and `c.get("user")` read the caller. */
export function honoCallerCall(root: RootKind, path: readonly string[], call: TSESTree.CallExpression): MemberSource | undefined {
  if (root.kind !== "request-object" || root.style !== "hono" || path.length !== 1 || path[0] !== "get") return undefined;
  const key = call.arguments[0];
  if (key?.type === AST_NODE_TYPES.Literal && typeof key.value === "string" && HONO_CALLER_KEYS.has(key.value)) {
    return { kind: "caller", framework: "hono", path: `get(${key.value})` };
  }
  return undefined;
}

/** Lambda events reached through a parameter the catalogue did not recognise: `e.pathParameters.id`. */
export function lambdaMemberSource(path: readonly string[]): MemberSource | undefined {
  return path.length > 0 && LAMBDA_EVENT_MEMBERS.has(path[0]) ? { kind: "request", framework: "lambda", path: path.join(".") } : undefined;
}

function parameterName(parameter: TSESTree.Parameter | undefined): string | undefined {
  if (!parameter) return undefined;
  let node: TSESTree.Node = parameter;
  if (node.type === AST_NODE_TYPES.TSParameterProperty) node = node.parameter;
  if (node.type === AST_NODE_TYPES.AssignmentPattern) node = node.left;
  return node.type === AST_NODE_TYPES.Identifier ? node.name : undefined;
}

export function typeAnnotationName(parameter: TSESTree.Parameter | undefined): string | undefined {
  let node: TSESTree.Node | undefined = parameter;
  if (node?.type === AST_NODE_TYPES.TSParameterProperty) node = node.parameter;
  const annotation = node && "typeAnnotation" in node ? (node.typeAnnotation as TSESTree.TSTypeAnnotation | undefined)?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = annotation.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return undefined;
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression;
  if (expression.type === AST_NODE_TYPES.CallExpression) return calleeName(expression);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  return undefined;
}

/** Where a function is registered or exported, as far as route handling goes. */
export type HandlerKind =
  | { kind: "route"; framework: "express" | "fastify" | "koa" | "hono"; path?: string }
  | { kind: "next-route"; method: string }
  /** A Next.js Pages Router API route (`pages/api/**`): `(req: NextApiRequest, res: NextApiResponse)`. */
  | { kind: "next-api" }
  | { kind: "server-action" }
  | { kind: "nest-handler" }
  | { kind: "lambda" }
  | { kind: "controller" };

/** The route path string of a registration call (`app.get("/notes/:id", ...)`), when it is a literal. */
export function routePath(call: TSESTree.CallExpression): string | undefined {
  const own = literalPath(call);
  if (own !== undefined) return own;
  // router.route("/x").get(handler), and each later method of the chain: .route("/x").get(list).delete(remove)
  let current = call;
  for (;;) {
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const inner = callee.object;
    const name = calleeName(inner);
    if (name === "route") return literalPath(inner);
    if (!name || !ROUTE_METHODS.has(name) || literalPath(inner) !== undefined) return undefined;
    current = inner;
  }
}

function literalPath(call: TSESTree.CallExpression): string | undefined {
  const first = call.arguments[0];
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === "string") return first.value;
  if (first?.type === AST_NODE_TYPES.TemplateLiteral && first.expressions.length === 0) return first.quasis[0].value.cooked ?? undefined;
  return undefined;
}

function frameworkOfRouteHandler(fn: FunctionNode): "express" | "fastify" | "koa" | "hono" {
  const first = parameterName(fn.params[0]);
  const second = parameterName(fn.params[1]);
  if (second === "reply") return "fastify";
  if (first === "ctx" || first === "context") return "koa";
  if (first === "c" && fn.params.length === 1) return "hono";
  return "express";
}

function isExported(fn: FunctionNode, exportedLocals: ReadonlyMap<string, string>): { name: string | undefined } | undefined {
  let parent = fn.parent;
  // export const GET = withApiAuthRequired(async (req, ctx) => ...): a wrapper's argument is what the export runs.
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    const outer = parent.parent;
    if (outer?.type === AST_NODE_TYPES.VariableDeclarator || outer?.type === AST_NODE_TYPES.ExportDefaultDeclaration) parent = outer;
  }
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { name: fn.id?.name };
    // function GET() {}; export { GET } — only for top-level declarations
    if (parent?.type === AST_NODE_TYPES.Program && fn.id && exportedLocals.has(fn.id.name)) return { name: exportedLocals.get(fn.id.name) };
    return undefined;
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    if (parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return { name: parent.id.name };
    // const GET = async (req) => {}; export { GET }
    if (parent.parent?.parent?.type === AST_NODE_TYPES.Program && exportedLocals.has(parent.id.name)) return { name: exportedLocals.get(parent.id.name) };
  }
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { name: undefined };
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    const chain = memberChain(parent.left);
    // exports.handler = ..., module.exports.handler = ..., module.exports = ...
    if (chain?.root.type === AST_NODE_TYPES.Identifier && (chain.root.name === "exports" || (chain.root.name === "module" && chain.path[0] === "exports"))) {
      return { name: chain.path[chain.path.length - 1] };
    }
  }
  return undefined;
}

/**
 * Local names a module exports by name, without a source: `export { a, b as GET }`, and CommonJS's
 * `module.exports = handler` (default), `module.exports = { a, b: c }` and `exports.x = local`.
 */
function exportedLocalNames(program: TSESTree.Program): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const { left, right } = statement.expression;
      const chain = memberChain(left);
      const target = chain?.root.type === AST_NODE_TYPES.Identifier ? [chain.root.name, ...chain.path].join(".") : undefined;
      const name = target === "module.exports" ? "default" : target && /^(?:module\.)?exports\.[^.]+$/.test(target) ? chain!.path[chain!.path.length - 1] : undefined;
      if (name !== undefined && right.type === AST_NODE_TYPES.Identifier) names.set(right.name, name);
      if (name === "default" && right.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of right.properties) {
          const key = property.type === AST_NODE_TYPES.Property ? staticKeyName(property) : undefined;
          if (key !== undefined && property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) names.set(property.value.name, key);
        }
      }
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || statement.source || statement.declaration) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
      const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
      names.set(specifier.local.name, exported);
    }
  }
  return names;
}

function hasUseServerDirective(body: readonly TSESTree.ProgramStatement[] | readonly TSESTree.Statement[]): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || !("directive" in statement) || !statement.directive) return false;
    if (statement.directive === "use server") return true;
  }
  return false;
}

/** The request and caller sources of the settings, split into member paths and call names. */
interface SettingsSources {
  readonly requestPaths: ReadonlyArray<{ root: string; path: string[] }>;
  readonly callerPaths: ReadonlyArray<{ root: string; path: string[] }>;
  readonly requestCallNames: ReadonlySet<string>;
  readonly callerCallNames: ReadonlySet<string>;
  /** Does a call name have a dot (`auth.currentUser`)? Only then can a member call match one. */
  readonly dottedCallNames: boolean;
}

// Once per settings object, not per file: every file of a lint run has the same settings.
const settingsSources = new WeakMap<NormalizedSettings, SettingsSources>();

function settingsSourcesOf(settings: NormalizedSettings): SettingsSources {
  let sources = settingsSources.get(settings);
  if (sources) return sources;
  const split = (entries: readonly string[]) => {
    const paths: Array<{ root: string; path: string[] }> = [];
    const calls = new Set<string>();
    for (const entry of entries) {
      if (entry.endsWith("()")) calls.add(entry.slice(0, -2));
      else {
        const [root, ...path] = entry.split(".");
        if (root) paths.push({ root, path });
      }
    }
    return { paths, calls };
  };
  const request = split(settings.requestSources);
  const caller = split(settings.callerSources);
  const callerCallNames = new Set([...CALLER_FUNCTIONS, ...caller.calls]);
  sources = {
    requestPaths: request.paths,
    callerPaths: caller.paths,
    requestCallNames: request.calls,
    callerCallNames,
    dottedCallNames: [...callerCallNames, ...request.calls].some((name) => name.includes(".")),
  };
  settingsSources.set(settings, sources);
  return sources;
}

export class SourceCatalogue {
  private readonly handlerCache = new WeakMap<FunctionNode, HandlerKind | null>();
  private readonly fileUsesServer: boolean;
  /** The file is under `pages/api/`, where Next.js serves each default export as an API route. */
  private readonly pagesApiFile: boolean;
  private exportedLocalsValue?: Map<string, string>;
  private readonly fromSettings: SettingsSources;
  /**
   * What the wrapper a handler is given to passes as its parameter `index` (`handler(async (event, tenant) => ...)`,
   * where the wrapper calls it with the caller's tenant): set by the file's analysis, which can read the wrapper.
   */
  wrapperParameter?: (fn: FunctionNode, index: number) => RootKind | undefined;
  /** isUndeployedModule() of the file, asked when a function first looks like a Lambda's. */
  private undeployed?: boolean;

  constructor(
    private readonly program: TSESTree.Program,
    private readonly settings: NormalizedSettings,
    private readonly filename?: string,
  ) {
    this.fileUsesServer = hasUseServerDirective(program.body);
    this.pagesApiFile = filename !== undefined && /(?:^|[\\/])pages[\\/]api[\\/]/.test(filename);
    this.fromSettings = settingsSourcesOf(settings);
  }

  /** The module's local names exported by name (read when a function's export is first asked about). */
  private get exportedLocals(): Map<string, string> {
    return (this.exportedLocalsValue ??= exportedLocalNames(this.program));
  }

  /** How the function is wired into a framework, if it is a request handler. */
  handlerKind(fn: FunctionNode): HandlerKind | undefined {
    const cached = this.handlerCache.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    const kind = this.computeHandlerKind(fn) ?? null;
    this.handlerCache.set(fn, kind);
    return kind ?? undefined;
  }

  /** Does the module export the function (ESM or CommonJS, by declaration, by name or through a wrapper call)? */
  isExported(fn: FunctionNode): boolean {
    return isExported(fn, this.exportedLocals) !== undefined;
  }

  /** The name a function is exported under (`handler` of `export const handler = ...`, `exports.main = ...`); undefined for a default export or none. */
  exportedName(fn: FunctionNode): string | undefined {
    return isExported(fn, this.exportedLocals)?.name;
  }

  /** Is the function a request handler or inside one (a callback of a handler, a function it defines)? */
  withinHandler(fn: FunctionNode): boolean {
    for (let current: TSESTree.Node | undefined = fn; current; current = current.parent) {
      if (isFunction(current) && this.handlerKind(current)) return true;
    }
    return false;
  }

  private computeHandlerKind(fn: FunctionNode): HandlerKind | undefined {
    const parent = fn.parent;
    // app.get("/path", auth, handler), router.route("/x").get(handler), fastify.get(path, opts, handler)
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      const method = calleeName(parent);
      const path = routePath(parent);
      if (method && HTTP_METHOD_REGISTRARS.has(method) && unwrap(parent.callee).type === AST_NODE_TYPES.MemberExpression) {
        if (path !== undefined || (method === "use" && fn.params.length >= 2) || (method !== "use" && parent.arguments[0] === fn && fn.params.length >= 1)) {
          return { kind: "route", framework: frameworkOfRouteHandler(fn), path };
        }
      }
    }
    // fastify.route({ method, url, handler })
    if (parent?.type === AST_NODE_TYPES.Property && staticKeyName(parent) === "handler" && parent.parent?.type === AST_NODE_TYPES.ObjectExpression) {
      const call = parent.parent.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && calleeName(call) === "route") {
        const url = parent.parent.properties.find((p) => p.type === AST_NODE_TYPES.Property && staticKeyName(p) === "url") as TSESTree.Property | undefined;
        const path = url?.value.type === AST_NODE_TYPES.Literal && typeof url.value.value === "string" ? url.value.value : undefined;
        return { kind: "route", framework: "fastify", path };
      }
    }
    // NestJS controller methods
    if (parent?.type === AST_NODE_TYPES.MethodDefinition && decoratorsOf(parent).some((d) => /^(?:Get|Post|Put|Patch|Delete|All|Head|Options)$/.test(decoratorName(d) ?? ""))) {
      return { kind: "nest-handler" };
    }
    const exported = isExported(fn, this.exportedLocals);
    if (exported?.name && NEXT_ROUTE_EXPORTS.has(exported.name)) return { kind: "next-route", method: exported.name };
    if ((exported && this.fileUsesServer && fn.async) || (fn.body?.type === AST_NODE_TYPES.BlockStatement && hasUseServerDirective(fn.body.body))) {
      return { kind: "server-action" };
    }
    const first = parameterName(fn.params[0]);
    const second = parameterName(fn.params[1]);
    const firstType = typeAnnotationName(fn.params[0]);
    const lambdaShaped =
      ((first === "event" || first === "evt") && (exported || fn.params.length <= 3)) ||
      // A Lambda that reads nothing from its event: `export const handler = async () => scan(...)`.
      (exported?.name === "handler" && fn.params.length === 0) ||
      (firstType !== undefined && /^(?:APIGateway\w*Event\w*|AppSyncResolverEvent|ALBEvent|LambdaFunctionURLEvent\w*)$/.test(firstType));
    // A module the service's descriptor does not deploy: its `event` is what its caller gives it.
    if (lambdaShaped && !this.isUndeployed()) return { kind: "lambda" };
    const requestAndResponse = (first === "req" || first === "request") && (second === "res" || second === "response" || second === "reply");
    if (firstType === "NextApiRequest" || (this.pagesApiFile && requestAndResponse)) return { kind: "next-api" };
    if (requestAndResponse) {
      return { kind: "controller" };
    }
    if ((first === "ctx" || first === "context") && second === "next") return { kind: "controller" };
    // A Koa middleware on its own: `module.exports = async function (ctx) { ... }`, `(ctx: Context) => ...`.
    if (first === "ctx" && fn.params.length === 1 && (exported || (firstType !== undefined && KOA_CONTEXT_TYPES.has(firstType)))) return { kind: "controller" };
    return undefined;
  }

  /** Is the file a helper that only functions without HTTP events reach (isUndeployedModule)? Asked once per file. */
  isUndeployed(): boolean {
    return (this.undeployed ??= this.filename !== undefined && isUndeployedModule(this.filename));
  }

  /** What a parameter of a function is, per the catalogue. */
  classifyParameter(fn: FunctionNode, parameter: TSESTree.Parameter): RootKind | undefined {
    const index = fn.params.indexOf(parameter);
    const name = parameterName(parameter);
    const decorated = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
    for (const decorator of decoratorsOf(decorated)) {
      const decorator_ = decoratorName(decorator);
      if (!decorator_) continue;
      // Own keys only: a decorator named `constructor` or `toString` is not a request decorator.
      const member = Object.hasOwn(NEST_REQUEST_DECORATORS, decorator_) ? NEST_REQUEST_DECORATORS[decorator_] : undefined;
      if (member) {
        const argument = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.arguments[0] : undefined;
        const key = argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === "string" ? `.${argument.value}` : "";
        return { kind: "request", framework: "nestjs", path: `${member}${key}` };
      }
      if (decorator_ === "Req" || decorator_ === "Request") return { kind: "request-object", framework: "nestjs", style: "express" };
      if (decorator_ === "Res" || decorator_ === "Response") return { kind: "response-object", framework: "nestjs" };
      if (NEST_CALLER_DECORATORS.has(decorator_)) return { kind: "caller", framework: "nestjs", path: "user" };
    }
    for (const source of this.fromSettings.requestPaths) {
      if (name === source.root && source.path.length === 0) return { kind: "request", framework: "settings", path: name };
    }
    for (const source of this.fromSettings.callerPaths) {
      if (name === source.root && source.path.length === 0) return { kind: "caller", framework: "settings", path: name };
    }
    const handler = this.handlerKind(fn);
    if (!handler) return undefined;
    switch (handler.kind) {
      case "route":
      case "controller": {
        const framework = handler.kind === "route" ? handler.framework : frameworkOfRouteHandler(fn);
        if (index === 0) {
          return framework === "hono"
            ? { kind: "request-object", framework, style: "hono" }
            : { kind: "request-object", framework, style: framework };
        }
        if (index === 1 && (framework === "express" || framework === "fastify")) return { kind: "response-object", framework };
        return undefined;
      }
      case "next-api":
        // NextApiRequest has Express's request members (query, body, cookies, headers).
        if (index === 0) return { kind: "request-object", framework: "next-pages", style: "express" };
        if (index === 1) return { kind: "response-object", framework: "next-pages" };
        return undefined;
      case "next-route":
        if (index === 0) return { kind: "request-object", framework: "nextjs", style: "next-request" };
        if (index === 1) return { kind: "request-object", framework: "nextjs", style: "next-context" };
        return undefined;
      case "server-action":
        return { kind: "request", framework: "nextjs", path: `arguments[${index}]` };
      case "lambda":
        return index === 0 ? { kind: "request-object", framework: "lambda", style: "lambda" } : this.wrapperParameter?.(fn, index);
      case "nest-handler":
        return undefined;
    }
  }

  /** Sources named in settings as member paths rooted at a parameter name (`req.ctx.input`). */
  settingsMemberSource(rootName: string, path: readonly string[]): MemberSource | undefined {
    const match = (sources: ReadonlyArray<{ root: string; path: string[] }>) =>
      sources.some((source) => source.root === rootName && source.path.length > 0 && source.path.every((segment, i) => path[i] === segment));
    if (match(this.fromSettings.callerPaths)) return { kind: "caller", framework: "settings", path: [rootName, ...path].join(".") };
    if (match(this.fromSettings.requestPaths)) return { kind: "request", framework: "settings", path: [rootName, ...path].join(".") };
    return undefined;
  }

  /** Calls that yield the caller or request input by name: `auth()`, `getServerSession()`, settings' `readBody()`. */
  callSource(call: TSESTree.CallExpression): MemberSource | undefined {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const name = callee.name;
      if (this.fromSettings.callerCallNames.has(name)) return { kind: "caller", framework: "settings", path: `${name}()` };
      if (this.fromSettings.requestCallNames.has(name)) return { kind: "request", framework: "settings", path: `${name}()` };
      return undefined;
    }
    // `auth.currentUser()`: only names with a dot can match a member call.
    if (!this.fromSettings.dottedCallNames) return undefined;
    const text = dottedName(memberChain(callee));
    if (text && this.fromSettings.callerCallNames.has(text)) return { kind: "caller", framework: "settings", path: `${text}()` };
    if (text && this.fromSettings.requestCallNames.has(text)) return { kind: "request", framework: "settings", path: `${text}()` };
    return undefined;
  }

  get authorizationFunctions(): readonly string[] {
    return this.settings.authorizationFunctions;
  }
}

export function isFunctionNode(node: TSESTree.Node | undefined): node is FunctionNode {
  return isFunction(node);
}
