// Which items a function reads, writes, deletes or queries by which values, and what in the code ties
// those items to the authenticated caller. Built as per-function summaries so that flows compose: a
// summary says which of the function's parameters end up in the key of which DynamoDB operation, whether
// the function returns the fetched item, and which checks (item compared with a value, authorization
// decisions, role checks) guard its exits. A caller's summary substitutes its call's arguments for the
// callee's parameters. Same-file helpers compose here; other modules plug in the same way later.
//
// Everything is bounded: walks have node budgets, composition has a depth limit, and an exhausted budget
// marks the summary incomplete (the rule stays quiet on incomplete handlers).
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, contains, decoratorsOf, isNothing, dottedName, enclosingClass, enclosingFunction, findProperty, instanceMember, returnsThis, isEqualityComparison, isFunction, isTypeSyntax, memberChain, positionalArgument, staticKeyName, unwrap, unwrapAwait, valueParent, walk, wrapperCallOf, type FunctionNode } from "./ast";
import { functionName, type ExternalCallee } from "./cross-module";
import { deployedDefinitionOf, type DeclaredRoute, type FunctionDefinition } from "./deployment";
import { allowancesOf, policyForRoute, type RoutePolicy } from "./authorizer-policy";
import { parseConditionExpression, parsePartiql, type ConditionNode, type Operand } from "./expressions";
import type { FileIndex } from "./file-index";
import { isSendCall, type Operation } from "./operations";
import type { ScopeIndex } from "./scope";
import { CREDENTIAL_MEMBER, ROUTE_METHODS, routePath, typeAnnotationName, type HandlerKind, type SourceCatalogue } from "./sources";
import { ADMIN_NAME, isOwnerName, isProfileCardAttribute, nameWords } from "./per-user-data";
import { isCurrentTime, isFreshValue } from "./fresh-values";
import { carriesCredentials, constantValues, dynamicParts, hasOrigin, isExhausted, isWholeRequest, loopSource, type Origin, type ValueResolver } from "./values";

type Node = TSESTree.Node;

export type AccessKind = "read" | "write" | "delete" | "query";

/** A value that fills a key attribute, or that a condition compares an attribute with. */
export interface ValuePart {
  /** The attribute, when known (`id` in `Key: { id }`, `ownerId` in `ownerId = :o`). */
  attribute: string | undefined;
  node: Node;
  origins: Origin[];
  /** The value is what an object spread after the attribute may hold (`{ id: randomUUID(), ...body }`), if it has the key. */
  fromSpread?: true;
  /**
   * Each piece's origins when the value is composed (`` `CLINIC#${clinicId}#PATIENT#${id}` ``, `a + b`): the caller
   * in one piece scopes the key, also once a helper's parameters are replaced by its caller's arguments.
   */
  pieces?: Origin[][];
}

/** What a ConditionExpression, FilterExpression or PartiQL WHERE requires, reduced to what ownership cares about. */
export type Condition =
  | { kind: "and" | "or"; items: Condition[] }
  | { kind: "not"; item: Condition }
  /** `attr = :v`, `contains(attr, :v)`: the attribute must hold (or contain) the value. */
  | { kind: "equals"; attribute: string | undefined; value: ValuePart }
  /** `attribute_not_exists(attr)`. */
  | { kind: "absent"; attribute: string | undefined }
  | { kind: "other" };

export interface TableRef {
  /** The constant table name. */
  name?: string;
  /** The environment variable that holds it (`process.env.NOTES_TABLE`). */
  env?: string;
  /**
   * A name made of constant text and an environment variable that only adds to it (a stage suffix:
   * `` `Orders${process.env.STAGE}` ``): the constant text (`Orders`) and the variable (`STAGE`). The table is
   * not the one in that variable.
   */
  stage?: { constant: string; env: string; pattern: string };
  /**
   * A table its function's caller chooses (`getOne(id, table)` with `TableName: table + process.env.STAGE`): the
   * parameter, and the environment variable appended to it. Replaced by the caller's argument in the caller's
   * view of the access (AccessInstance.table).
   */
  parameter?: { fn: FunctionNode; index: number; env: string | undefined };
  /** The constant or variable a caller names the table by when its value is not known (`getOne(id, USERS_TABLE)`). */
  identifier?: string;
  /** Source text of the TableName value. */
  text: string;
}

/** One item access of an operation (a batch or transaction has one per entry). */
export interface Access {
  operation: Operation;
  kind: AccessKind;
  /** Where the key is in the input: `Key`, `Item`, `KeyConditionExpression`, `TransactItems[0].Delete.Key`, `Parameters`. */
  member: string;
  /** PutItem-like access: the item is written whole, its key attributes inside `Item`. */
  put: boolean;
  /** The object literal of this request (the input or the transaction entry), where a fix would go. */
  request: TSESTree.ObjectExpression | undefined;
  table: TableRef | undefined;
  keyParts: ValuePart[];
  /** Put with an unknown key schema: the other Item attributes, any of which may be a key attribute. */
  possibleKeyParts: ValuePart[];
  /** ConditionExpression (writes), FilterExpression (queries) or PartiQL WHERE. */
  condition: Condition | undefined;
  /** Conditions of the other entries of the same transaction (ConditionCheck, ...): they must hold too. */
  transactionConditions: Condition[];
  /** Attribute names known to be key attributes of the table (for `attribute_not_exists`). */
  keyAttributes: ReadonlySet<string>;
  /**
   * An update that only adds one to counters or appends to lists (a like, a view, an application): the values it
   * appends, which must all be the caller's.
   */
  contribution?: { appended: ValuePart[] };
  /**
   * An update whose UpdateExpression (and ExpressionAttributeValues) its function takes as parameters
   * (`updateItem(table, key, expression, values)`): judged for a contribution at each call, with the call's arguments.
   */
  contributionParameters?: { fn: FunctionNode; expression: number; values: number };
  /** For reads: the top-level attributes it returns, when a constant ProjectionExpression or AttributesToGet names them. */
  projection?: string[];
}

/** How a check decides control flow. */
export interface Guard {
  /** The statement or expression that decides (an `if`, a ternary, a call statement). */
  node: Node;
  /** Code that runs only when the check passes, when known. */
  passes?: Node;
  /** How the failing path ends: `throw` and `return` stop everything after `node`, `response` sends an error. */
  exit?: "throw" | "return" | "response";
  /** The function whose later code the exit stops. */
  fn: FunctionNode | undefined;
  /** False for a check whose result decides nothing (no exit, nothing in its passing branch). */
  decides: boolean;
}

/** A check found in a function, judged later against the caller (its values may be parameters until composed). */
export interface Check {
  /**
   * `item`: a fetched item's attribute compared with a value; `compare`: two values compared (a request value with
   * the caller); `decision`: a call given a fetched item or a key together with other values; `role`: a role
   * check on the caller; `authorization`: a call to a function named in settings; `exists`: a fetched item (or
   * list) tested for existence — evidence for later accesses when the read itself was bound to the caller;
   * `absent`: the code after it runs only when the fetched item is not there (`if (existing.Item) return 409`).
   */
  kind: "item" | "compare" | "decision" | "role" | "authorization" | "exists" | "absent";
  node: Node;
  guard: Guard;
  /** Reads whose item the check inspects. */
  items: Operation[];
  /** What the item or subject is compared with or passed together with. */
  values: ValuePart[];
  /** The values the check is about when it is not an item (a key, a request value). */
  subjects: ValuePart[];
  /** For `item`: the item's attribute compared is a secret (`provider.apiKey !== body.providerAk`), as a login compares. */
  secret?: boolean;
}

/** An access as seen from a function: origins in that function's terms. */
export interface AccessInstance {
  access: Access;
  /**
   * The reads whose fetched item the whole key is taken from (`credentialsOf(profile.candidateId)` after `profile` was
   * read by e-mail): asked, on first call, in the module whose terms the key is in. The two items belong together.
   */
  keyFromItems?: () => Operation[];
  keyParts: ValuePart[];
  possibleKeyParts: ValuePart[];
  condition: Condition | undefined;
  transactionConditions: Condition[];
  /** Calls from the summarised function down to the function that performs the operation, outermost first. */
  via: TSESTree.CallExpression[];
  /** Checks that cover this access where they are (position and control flow), to be judged against the caller. */
  guardedBy: Check[];
  /** The table as the summarised function chooses it, when a function it calls takes the table as a parameter. */
  table?: TableRef;
  /** A write keyed by an item that a read of the same function fetched: that read (its operation, or the call that leads to it). */
  fetchedBy?: Node;
  /** What a contribution-only update appends (Access.contribution), in this function's terms when it is in a callee. */
  appended?: ValuePart[];
  /** The module and function where the operation is, when that is another module than the summarised function's. */
  module?: { file: string; function: string; line: number };
  /**
   * For an access in another module: the call in this module that leads there (the last module boundary
   * crossed), and whether the callee returns the fetched item to it.
   */
  crossing?: { call: TSESTree.CallExpression; returned: boolean };
}

export interface FunctionSummary {
  fn: FunctionNode;
  accesses: AccessInstance[];
  /** Operations whose fetched item (or part of it) the function returns. */
  returnsItemOf: Operation[];
  /** Filled by settleChecks(): read through OwnershipAnalysis.checksOf(). */
  checks: Check[];
  /** False when a budget ran out or a cycle was cut: the summary may miss checks. */
  complete: boolean;
  /**
   * Operations whose whole input is a parameter of the function (`remove(params) { return doc.delete(params) }`):
   * a caller's argument is the input. `via`: the calls from the function to the operation.
   */
  inputParameters?: Array<{ operation: Operation; index: number; via: TSESTree.CallExpression[] }>;
  /**
   * Computes `checks` and every access's `guardedBy` on first call (they are needed only when an access is
   * judged, which most summaries, of data-layer functions keyed by parameters, never are). Absent: settled.
   */
  settleChecks?: () => void;
}

/** A summary's checks, and its accesses' `guardedBy`, computed on first need. */
export function checksOf(summary: FunctionSummary): Check[] {
  summary.settleChecks?.();
  return summary.checks;
}

export type EvidenceKind =
  | "caller-key"
  | "caller-condition"
  | "create-only"
  | "contribution"
  | "caller-filter"
  | "item-check"
  | "decision"
  | "request-check"
  | "role"
  | "authorization";

/** An access by a request-chosen key in a handler, with the ownership evidence found for it. */
export interface HandlerAccess {
  handler: FunctionNode;
  handlerKind: HandlerKind | undefined;
  instance: AccessInstance;
  /** Where to report: the operation, or the handler's call of the helper that performs it. */
  reportNode: Node;
  /** Key parts whose value comes from request input. */
  requestParts: ValuePart[];
  /** The route validates the body against a schema: a spread of it holds only the members the schema lets through. */
  bodyValidated: boolean;
  evidence: EvidenceKind[];
  /**
   * For reads: how the fetched item is used. `tested` or `unused`: no more than whether it exists, or a comparison;
   * `card`: only what a public profile card shows (a name, a picture, a bio) is served. Writes: `used`.
   */
  itemUse: ItemUse;
  /** Caller values the handler reads (`req.user.id`), outermost expressions. Found on first read of this, `authenticated` or `complete`. */
  readonly callerNodes: Node[];
  /** The handler shows authentication: it reads the caller, or its route has authentication middleware or guards. */
  readonly authenticated: boolean;
  /**
   * The only authentication is an authorizer a deployment descriptor declares for the Lambda (serverless.yml, a SAM
   * template, a Serverless function definition): the handler's own code reads no caller.
   */
  readonly authenticatedByDeploymentOnly: boolean;
  /** The route path pattern, when the registration names it. */
  routePath: string | undefined;
  /** False when the handler's analysis ran out of budget. */
  readonly complete: boolean;
}

const MAX_WALK = 20_000;
/** A function with more possible check sites than this is not judged (its summary is incomplete). */
const MAX_CHECK_SITES = 5_000;
const NO_NODES: Node[] = [];
const MAX_COMPOSE_DEPTH = 6;
/** How far a summary's composition went: `height` levels of callees below it; `cutByDepth` when MAX_COMPOSE_DEPTH stopped it on some path. */
interface SummaryReach {
  height: number;
  cutByDepth: boolean;
}
/** Each summary's reach (kept beside it, not in it: FunctionSummary is what rules read). */
const summaryReach = new WeakMap<FunctionSummary, SummaryReach>();
const MAX_ORIGINS = 64;
const MAX_INSTANCES = 200;
/** Members of a returned local object looked at for fetched items. */
const MAX_RETURNED_MEMBERS = 50;


/**
 * What an existence test tests: `x` of `!!x`, `Boolean(x)`, `x !== undefined`, `x != null`; `x.Count`/`x.length` of
 * `x.Count > 0` (as `x.Count`), `Items.length > 0`.
 */
function existenceTested(node: Node): Node | undefined {
  const value = unwrapAwait(unwrap(node));
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === "!") {
    const inner = unwrap(value.argument);
    return inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === "!" ? unwrap(inner.argument) : undefined;
  }
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === "Boolean" && value.arguments[0]) {
    return value.arguments[0].type === AST_NODE_TYPES.SpreadElement ? undefined : unwrap(value.arguments[0]);
  }
  if (value.type !== AST_NODE_TYPES.BinaryExpression || value.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const right = unwrap(value.right);
  if (isNothing(right) && (value.operator === "!==" || value.operator === "!=")) return unwrap(value.left);
  const zero = right.type === AST_NODE_TYPES.Literal && right.value === 0;
  if (zero && (value.operator === ">" || value.operator === "!==" || value.operator === "!=")) return unwrap(value.left);
  return undefined;
}

/** Array methods that return one of the elements. */
const ELEMENT_PICKS: ReadonlySet<string> = new Set(["find", "findLast", "at"]);
/** Array methods whose result is truthy when an element passes the callback's test. */
const MATCHING_METHODS: ReadonlySet<string> = new Set(["some", "find", "findLast"]);
const ITERATION_METHODS = new Set(["map", "forEach", "flatMap", "filter", "some", "every", "find", "findIndex", "findLast"]);
/** Scan input members that make a listing show less than the whole table. */
const NARROWING_SCAN_MEMBERS = ["FilterExpression", "ScanFilter", "ProjectionExpression", "AttributesToGet", "Select", "IndexName", "Segment"];
/** Conventional names of key attributes, lower case: single-table `PK`/`SK`, and `id`. */
export const PARTITION_KEY_NAMES: ReadonlySet<string> = new Set(["pk", "partitionkey", "hashkey"]);
export const SORT_KEY_NAMES: ReadonlySet<string> = new Set(["sk", "sortkey", "rangekey"]);
/** The generic key names of single-table designs, where one table holds every kind of item. */
export const SINGLE_TABLE_KEY_NAMES: ReadonlySet<string> = new Set([...PARTITION_KEY_NAMES, ...SORT_KEY_NAMES]);
export const CONVENTIONAL_KEY_NAMES: ReadonlySet<string> = new Set([...SINGLE_TABLE_KEY_NAMES, "id", "_id"]);

/** An attribute's name compared with key names, lower case: `SK (GSI-1-PK)` (a sort key named with the index it also keys) is `sk`. */
export function keyNameOf(attribute: string): string {
  const lower = attribute.toLowerCase();
  return /^([a-z_]+)\s*\(/.exec(lower)?.[1] ?? lower;
}
/** Request members that name a resource in the route: a Put whose Item takes one writes that resource. */
const PATH_PARAMETER_ROOTS = new Set(["params", "pathParameters", "param", "req.param"]);
/** Counters of reactions that an unlike or an un-vote takes one from: `likes`, `UpvoteCount`, `starCount`, `followers`. */
const SOCIAL_COUNTER = /like|vote|star|fav|clap|heart|reaction|follow|view|kudos|bookmark|upvote/i;
/** Environment variables named for a secret (`..._TOKEN`, `..._SECRET`, `..._KEY`) that another system holds: a scheduler, an internal service. */
const SYSTEM_SECRET_NAME = /system|internal|cron|service|scheduler|worker|webhook|machine|backend|server|admin|master/i;
const SECRET_NAME = /secret|token|key|password/i;
/** Values that prove knowledge rather than identity: comparing an item with one of them is an authentication check. */
const CREDENTIAL_NAME = /pass|pwd|secret|otp|pin$|token|hash|signature|code$|api_?key|access_?key/i;
/** The random id a browser keeps for its visitor (`user_session`, `guestSessionId`): only that browser knows it. (Not a plain `session`: a class or a workout is one too.) */
const BROWSER_SESSION_NAME = /(?:user|client|browser|visitor|guest)_?session(?:_?id)?$/i;
/** Keys that are secrets themselves: share links, invitations, reset tokens, API keys, an OAuth callback's `state` (but `inviteeId`, `invitedBy` name people). */
/** Attributes that hold a password a person types (not codes or hashes that a key may also be named after: `classCode`). */
const PASSWORD_NAME = /pass(?:word|wd|code)$|^(?:pwd|pin)$/i;
/** Calls that answer whether two values match (true when they do): `bcrypt.compare`, `argon2.verify`, `timingSafeEqual`. */
const MATCHING_CALL = /^(?:compare(?:Sync)?|verify|(?:timingSafe)?equals?|matches)$/i;
const CAPABILITY_NAME = /token|secret|nonce|otp|signature|api_?key|invit(?!e[der])|code$|^(?:oauth_?)?state$/i;
const ROLE_NAME = /admin|^roles?$|role$|groups$|^groups?|permission|scope|superuser|staff|^(?:is_?)?(?:manager|moderator)$/i;
const ROLE_CALL_NAME = /admin|role|permission|superuser/i;
/** Calls that compute an HMAC: `crypto.createHmac`, CryptoJS's `HmacSHA256`, `hmacSha512`. */
const HMAC_CALL = /hmac/i;
/** Request members that carry the caller's credentials: headers (`Authorization`, a custom token header) and cookies. */
const CREDENTIAL_CARRIER = /^(?:headers|cookies|multiValueHeaders)(?:\.|\[|$)/;
/** Names of calls that yield or require an administrator: `extractAdminId`, `requireSuperuser`. */
/** Names of calls that fail unless the caller qualifies: `requireRole`, `assertPermission`. */
const GUARD_PREFIX = /^(?:require|ensure|assert|check|verify|authori[sz]e|enforce|guard|protect)/i;
/** Names of calls that answer a yes/no question: `isAdmin`, `hasRole`. */
const PREDICATE_NAME = /^(?:is|has|can|should)(?:[A-Z_]|$)/;
/** Route middleware that validates the request against a schema: celebrate, express-validator's checkSchema, `validateBody(schema)`, Hono's zValidator. */
const VALIDATION_MIDDLEWARE = /celebrate|validat|checkSchema|schema/i;

/** A middleware name whose argument is a permission: `authMiddleware(Customer:Delete)`, `checkAccess(leads.delete)`, `authorize(tasks.assign)`. */
const PERMISSION_ARGUMENT = /\([A-Z][\w-]*(?::[A-Z*][\w-]*|\.(?:read|write|create|update|delete|remove|manage|edit|view|list|approve|assign|all|\*))\)$|^(?:authori[sz]e|permit|allow|can|rbac|acl)\([A-Z][\w-]*\.[A-Z*][\w-]*\)$/i;
/** Roles that may act on others' items: an administrator, a manager, a moderator, staff. */
const PRIVILEGED_ROLE = /admin|manager|moderator|staff|supervisor|superuser/i;
/** Middleware named for a staff role it admits: `isManager`, `requireModerator`, `onlyStaff`. */
const STAFF_ROLE_MIDDLEWARE = /^(?:is|require|ensure|only|check)_?(?:manager|moderator|staff|supervisor|editor)s?$/i;
/** Guards called without arguments (they find the request themselves): `requireAdmin()`, `ensureAuthenticated()`, `assertRole()`. */
const SELF_CONTAINED_GUARD_NAME = /^(?:require|ensure|assert|check|verify|authori[sz]e|protect|guard)|admin|role|permission/i;
const LOGGER_NAME = /^(?:console|logger|log|winston|pino|bunyan|debug)$/i;
const NON_DECISION_CALL = /^(?:serialize|toJSON|toDto|toResponse|format|transform|normali[sz]e|merge|assign|extend|defaults|pick|omit|clone|render|send|json|stringify|present|respond|log|info|warn|error|debug|trace|push|set|append|emit|write|end)/i;
const NON_DECISION_ROOTS = new Set(["JSON", "Object", "Array", "Promise", "Math", "Number", "String", "Boolean", "Date", "Reflect", "NextResponse", "Response", "util"]);
const THROWING_CALLS = new Set(["redirect", "permanentRedirect", "notFound", "forbidden", "unauthorized"]);
/**
 * Route middleware named for a check of the caller's access to the route's resource: `requireRoomMembership`,
 * `checkOwnership`, `verifyDocumentAccess`, `isProjectMember`.
 */
const ACCESS_MIDDLEWARE = /^(?:require|check|ensure|verify|assert|validate|authori[sz]e)\w*?(?:member(?:ship)?|owner(?:ship)?|access)$|^(?:is|can)\w*(?:member|owner)$/i;
const AUTH_MIDDLEWARE = /auth|jwt|passport|protect|login|session|token|verify|guard|secure|cognito|clerk|bearer|require_?user|signed_?in|logged_?in/i;
const ASSERT_CALLS = new Set(["assert", "ok", "invariant", "strictEqual", "equal", "deepStrictEqual", "expectOwner"]);

const EMPTY_SET: ReadonlySet<string> = new Set();

export interface OwnershipDeps {
  operations: Operation[];
  /**
   * The file's lazily built parts, read on first use: a file without operations and request handlers builds
   * none of them (`handlersMayCallProjectModules` asks the scope manager first, without the file index).
   */
  file: { readonly filename: string; readonly values: ValueResolver; readonly scope: ScopeIndex; readonly index: FileIndex; readonly handlersMayCallProjectModules: boolean };
  sources: SourceCatalogue;
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  authorizationFunctions: readonly string[];
  /** Callees in other modules of the project (absent when cross-module analysis is off or the file has no path). */
  external?: {
    /** Cheap: could the callee be defined in another module? */
    isCandidate(call: TSESTree.CallExpression): boolean;
    isAccessCandidate(call: TSESTree.CallExpression): boolean;
    resolve(call: TSESTree.CallExpression): ExternalCallee | undefined;
    resolveAccessing(call: TSESTree.CallExpression): ExternalCallee | undefined;
    /** Registrations in other modules of the project that route requests to a function of this file. */
    registrationsOf(fn: FunctionNode): RouteRegistration[];
    /** listsWholeTable() of the modules beside this file. */
    siblingListsWholeTable(table: TableRef, readerAuthenticated: boolean): boolean;
    /** What a Serverless Framework function definition beside this file declares for its events. */
    functionDefinition(): FunctionDefinition | undefined;
    /** The application starts with a global `ValidationPipe({ whitelist: true })`. */
    appWhitelistsBodies(): boolean;
    /** The project module at a path written without its extension (a deployment descriptor's handler). */
    moduleAtDeclaredPath(modulePath: string): { readonly calls: readonly TSESTree.CallExpression[]; readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>> } | undefined;
  };
}

/** The field of an unresolved `this.<field>` in a method `fn` (set outside the constructor, or by its parameters). */
function instanceField(origin: Origin, fn: FunctionNode): string | undefined {
  if (origin.kind !== "unknown" || origin.node.type !== AST_NODE_TYPES.MemberExpression || unwrap(origin.node.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  return fn.parent?.type === AST_NODE_TYPES.MethodDefinition && contains(fn, origin.node) ? staticKeyName(origin.node) : undefined;
}

/**
 * The argument that set a field of the object a method is called on: a constructor's (`new Table(me).getOne(id)`,
 * `constructor(owner) { this.owner = owner }` or a parameter property), or a fluent setter's on the way
 * (`table.forUser(me).getOne(id)` with `forUser(owner) { this.owner = owner; return this; }`). Undefined when the
 * receiver is not built in the call's expression (or a `const` holding it) or no step sets the field.
 */
function receiverFieldArgument(call: TSESTree.CallExpression, method: FunctionNode, field: string, values: ValueResolver): Node | undefined {
  const body = enclosingClass(method)?.body;
  const callee = unwrap(call.callee);
  if (!body || callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  let receiver = unwrapAwait(callee.object);
  for (let step = 0; step < 8; step++) {
    if (receiver.type === AST_NODE_TYPES.Identifier) {
      const definition = values.definitionOf(receiver);
      if (!definition || definition === receiver) return undefined;
      receiver = unwrapAwait(definition);
    } else if (receiver.type === AST_NODE_TYPES.NewExpression) {
      const constructor = body.body.find((member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor") as TSESTree.MethodDefinition | undefined;
      const index = constructor ? fieldParameterIndex(constructor.value, field) : undefined;
      const argument = index === undefined ? undefined : receiver.arguments[index];
      return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
    } else if (receiver.type === AST_NODE_TYPES.CallExpression && unwrap(receiver.callee).type === AST_NODE_TYPES.MemberExpression) {
      const setterCallee = unwrap(receiver.callee) as TSESTree.MemberExpression;
      const setter = instanceMember(body, staticKeyName(setterCallee) ?? "");
      if (setter?.type !== AST_NODE_TYPES.MethodDefinition || setter.kind !== "method" || !returnsThis(setter.value)) return undefined;
      const index = fieldParameterIndex(setter.value, field);
      if (index !== undefined) return positionalArgument(receiver, index);
      receiver = unwrapAwait(setterCallee.object);
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** The parameter a method (or constructor) stores in `this.<field>`: `this.owner = owner`, or a parameter property. */
function fieldParameterIndex(fn: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression, field: string): number | undefined {
  const names = fn.params.map((parameter) => {
    if (parameter.type === AST_NODE_TYPES.TSParameterProperty) return parameter.parameter.type === AST_NODE_TYPES.Identifier ? parameter.parameter.name : undefined;
    return parameter.type === AST_NODE_TYPES.Identifier ? parameter.name : undefined;
  });
  const property = fn.params.findIndex((parameter, index) => parameter.type === AST_NODE_TYPES.TSParameterProperty && names[index] === field);
  if (property >= 0) return property;
  for (const statement of fn.body?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression || statement.expression.operator !== "=") continue;
    const { left, right } = statement.expression;
    if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression || staticKeyName(left) !== field) continue;
    const index = right.type === AST_NODE_TYPES.Identifier ? names.indexOf(right.name) : -1;
    return index >= 0 ? index : undefined;
  }
  return undefined;
}

/** Members of an API Gateway authorizer's event that name what is being authorized. */
const AUTHORIZER_EVENT_MEMBERS = new Set(["methodArn", "routeArn"]);

/**
 * An API Gateway Lambda authorizer: its event is typed as one (`APIGatewayRequestAuthorizerEvent`), or it reads the
 * ARN of the method it authorizes (`event.methodArn`, `const { routeArn } = event`).
 */
function isLambdaAuthorizer(fn: FunctionNode, scope: ScopeIndex): boolean {
  const first = fn.params[0];
  if (/AuthorizerEvent/.test(typeAnnotationName(first) ?? "")) return true;
  const namesArn = (pattern: TSESTree.ObjectPattern) =>
    pattern.properties.some((property) => property.type === AST_NODE_TYPES.Property && AUTHORIZER_EVENT_MEMBERS.has(staticKeyName(property) ?? ""));
  if (first?.type === AST_NODE_TYPES.ObjectPattern) return namesArn(first);
  // The event's own reads (`event.methodArn`, `const { routeArn } = event`), found from its references, not by walking the body.
  const event = first?.type === AST_NODE_TYPES.Identifier ? scope.variableOf(first) : undefined;
  return (
    event?.references.some((reference) => {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) return AUTHORIZER_EVENT_MEMBERS.has(staticKeyName(parent) ?? "");
      return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === reference.identifier && parent.id.type === AST_NODE_TYPES.ObjectPattern && namesArn(parent.id);
    }) ?? false
  );
}

/**
 * A route registration that names its handler instead of defining it in place: `router.delete("/:id",
 * protectAdmin, deleteBanner)`, `router.post("/note", verifyToken, api.getNote)`, `app.get("/x", auth,
 * asyncHandler(controller.list))`.
 */
export interface RouteRegistration {
  /** The expression that names the handler (`deleteBanner`, `api.getNote`, `controller.list`). */
  handler: Node;
  path: string | undefined;
  /** The middleware before the handler, and the authentication and role middleware the file installs with `.use()`. */
  middleware: string[];
  /** The file installs authentication middleware with `.use()`. */
  fileAuthenticated: boolean;
}

export class OwnershipAnalysis {
  private readonly accessCache = new Map<Operation, Access[]>();
  /** Each function's summaries, with the call depth each was computed at (see summaryOf). */
  private readonly summaries = new Map<FunctionNode, Array<{ summary: FunctionSummary; depth: number }>>();
  private readonly inProgress = new Set<FunctionNode>();
  private readonly ownerCache = new Map<Node, FunctionNode | null>();
  private opsByOwner?: Map<FunctionNode | null, Operation[]>;
  private checkCandidatesByOwner?: Map<FunctionNode, Node[]>;
  private resultNodes?: Map<Node, Operation>;
  /** listsWholeTableNearby()'s answers from the modules beside the file, by audience and table. */
  private readonly siblingListings = new Map<string, boolean>();
  /** The input objects of the file's operations (see inOperationKey). */
  private operationInputs?: Set<Node>;
  private producers?: Map<Operation, Node[]>;
  private callbackOfOperation?: Map<FunctionNode, { operation: Operation; index: number }>;
  private callSites?: Map<FunctionNode, TSESTree.CallExpression[]>;
  private learnedKeys?: Map<string, Set<string>>;
  private handlerAccessesValue?: HandlerAccess[];
  private fileMiddlewareValue?: { middleware: string[]; authenticated: boolean };
  /** Calls made where the module is loaded (outside every function), route registrations aside: where wrappers are applied. */
  private moduleLevelCalls?: TSESTree.CallExpression[];
  /** wrapperContract() per wrapper function and position of the handler among its parameters (null: none, or being computed). */
  private readonly wrapperContracts = new Map<FunctionNode, Map<number, WrapperContract | null>>();
  private wholeTableListings?: Array<{ table: TableRef; audience: ListingAudience }>;
  private routeRegistrationsValue?: RouteRegistration[];
  private readonly authorizationNames: ReadonlySet<string>;
  /** Whether any configured authorization function is a dotted name (`authz.check`): only then is a callee's whole chain spelled out. */
  private readonly dottedAuthorizationNames: boolean;
  private readonly externalCallees = new Map<TSESTree.CallExpression, ExternalCallee | null>();
  private readonly existenceReadsCache = new Map<FunctionNode, Operation[]>();
  private externalSeedsValue?: FunctionNode[];

  private get values(): ValueResolver {
    return this.deps.file.values;
  }

  private get scope(): ScopeIndex {
    return this.deps.file.scope;
  }

  private get index(): FileIndex {
    return this.deps.file.index;
  }

  constructor(private readonly deps: OwnershipDeps) {
    this.authorizationNames = new Set(deps.authorizationFunctions);
    this.dottedAuthorizationNames = deps.authorizationFunctions.some((name) => name.includes("."));
  }

  // ================================================================ accesses of one operation

  /** The item accesses an operation makes, with key values and conditions (origins relative to the operation). */
  accessesOf(operation: Operation): Access[] {
    let accesses = this.accessCache.get(operation);
    if (!accesses) {
      accesses = operation.input ? this.computeAccesses(operation, operation.input) : [];
      this.accessCache.set(operation, accesses);
    }
    return accesses;
  }

  private computeAccesses(operation: Operation, inputNode: Node, depth = 0): Access[] {
    const input = this.values.resolveObject(inputNode);
    if (!input) {
      // const params = buildParams(id): the input is the object a same-file helper returns, its parameters the call's arguments.
      const definition = depth < 3 ? this.values.definitionOf(inputNode) : undefined;
      if (definition?.type !== AST_NODE_TYPES.CallExpression) return [];
      const builder = this.calleeOf(definition);
      const returned = builder ? this.values.returnsOf(builder) : [];
      if (!builder || returned.length !== 1) return [];
      return this.computeAccesses(operation, returned[0], depth + 1).map((access) => this.substituteAccess(access, builder, definition));
    }
    const request = this.literalOf(inputNode);
    const get = (name: string) => input.properties.get(name)?.value;
    switch (operation.canonical) {
      case "GetItem":
        return this.keyAccess(operation, "read", "Key", input, request);
      case "DeleteItem":
        return this.keyAccess(operation, "delete", "Key", input, request);
      case "UpdateItem":
        return this.keyAccess(operation, "write", "Key", input, request);
      case "PutItem":
        return this.putAccess(operation, "Item", input, request, inputNode);
      case "Query":
        return this.queryAccess(operation, input, request);
      case "Scan":
        return this.scanAccess(operation, input, request);
      case "BatchGetItem":
      case "BatchWriteItem":
        return this.batchAccesses(operation, get("RequestItems"));
      case "TransactGetItems":
      case "TransactWriteItems":
        return this.transactAccesses(operation, get("TransactItems"));
      case "ExecuteStatement":
        return this.partiqlAccess(operation, input, request, "");
      case "BatchExecuteStatement":
      case "ExecuteTransaction": {
        const list = get(operation.canonical === "ExecuteTransaction" ? "TransactStatements" : "Statements");
        const elements = list ? this.values.arrayElements(list) : undefined;
        const result: Access[] = [];
        elements?.forEach((element, i) => {
          const statement = this.values.resolveObject(element);
          if (statement) result.push(...this.partiqlAccess(operation, statement, this.literalOf(element), `Statements[${i}].`));
        });
        return result;
      }
      default:
        return [];
    }
  }

  /** Elements of an array value: a literal (through variables and pushes) or `list.map((x) => ({ ... }))`. */
  private elementsOf(node: Node): Node[] | undefined {
    return this.values.arrayElements(node) ?? this.mappedReturns(node);
  }

  /** What the callback of `xs.map(callback)` (the value, or a variable holding it) returns for each element. */
  private mappedReturns(node: Node): Node[] | undefined {
    const definition = this.values.definitionOf(node);
    if (definition?.type !== AST_NODE_TYPES.CallExpression || calleeName(definition) !== "map") return undefined;
    const callback = definition.arguments[0] ? unwrap(definition.arguments[0]) : undefined;
    return isFunction(callback) ? this.values.returnsOf(callback) : undefined;
  }

  private literalOf(node: Node): TSESTree.ObjectExpression | undefined {
    const definition = this.values.definitionOf(node);
    return definition?.type === AST_NODE_TYPES.ObjectExpression ? definition : undefined;
  }

  private base(operation: Operation, kind: AccessKind, member: string, input: ResolvedInput, request: TSESTree.ObjectExpression | undefined): Access {
    const tableNode = input.properties.get("TableName")?.value;
    return {
      operation,
      kind,
      member,
      put: false,
      request,
      table: tableNode ? this.tableRef(tableNode) : undefined,
      keyParts: [],
      possibleKeyParts: [],
      condition: undefined,
      transactionConditions: [],
      keyAttributes: EMPTY_SET,
    };
  }

  private keyAccess(operation: Operation, kind: AccessKind, member: string, input: ResolvedInput, request: TSESTree.ObjectExpression | undefined): Access[] {
    const key = input.properties.get("Key")?.value;
    if (!key) return [];
    const access = this.base(operation, kind, member, input, request);
    access.keyParts = this.objectParts(key);
    access.keyAttributes = new Set(access.keyParts.map((part) => part.attribute).filter((name): name is string => name !== undefined));
    if (kind !== "read") access.condition = this.condition(input, "ConditionExpression");
    if (kind === "write") {
      const expressionNode = input.properties.get("UpdateExpression")?.value;
      const valuesNode = input.properties.get("ExpressionAttributeValues")?.value;
      access.contribution = this.contribution(expressionNode, valuesNode, this.placeholderMap(input, "ExpressionAttributeNames"));
      const fn = access.contribution ? undefined : enclosingFunction(operation.node);
      const expression = fn && expressionNode ? this.scope.parameterIndex(fn, unwrap(expressionNode)) : -1;
      if (fn && expression >= 0) access.contributionParameters = { fn, expression, values: valuesNode ? this.valuesParameter(fn, valuesNode) : -1 };
    }
    if (kind === "read") access.projection = this.projection(input);
    return [access];
  }

  /** The top-level attributes a read returns (`"#n, image, address.city"` → name, image, address), when the input names them all as constants. */
  private projection(input: ResolvedInput): string[] | undefined {
    const expression = input.properties.get("ProjectionExpression")?.value;
    if (expression) {
      const texts = constantValues(this.values.resolveString(expression));
      if (texts?.length !== 1) return undefined;
      const names = this.placeholderMap(input, "ExpressionAttributeNames");
      const attributes: string[] = [];
      for (const path of texts[0].split(",")) {
        const attribute = this.attributeNamed(path.trim().split(/[.[]/, 1)[0], names);
        if (!attribute) return undefined;
        attributes.push(attribute);
      }
      return attributes;
    }
    const legacy = input.properties.get("AttributesToGet")?.value;
    const elements = legacy ? this.values.arrayElements(legacy) : undefined;
    if (!elements || elements.length === 0) return undefined;
    const attributes = elements.map((element) => constantValues(this.values.resolveString(element)));
    return attributes.every((values) => values?.length === 1) ? attributes.map((values) => values![0]) : undefined;
  }

  /**
   * Does the update only add one to counters (`ADD viewCount :one`, `SET likes = if_not_exists(likes, :zero) + :one`), or
   * take one from a social counter (the `- :one` of an unlike or a down-vote; not someone's credits or stock) or append to lists (`SET applicants = list_append(applicants, :me)`)? Then what it appends (`[req.user.id]`):
   * liking, viewing or applying to someone else's item is what such an update is for, when what is appended is the caller.
   */
  private contribution(expression: Node | undefined, values: Node | undefined, names: ReadonlyMap<string, Node> = new Map()): Access["contribution"] {
    const texts = expression ? constantValues(this.values.resolveString(expression)) : undefined;
    if (texts?.length !== 1) return undefined;
    const resolved = values ? this.values.resolveObject(values) : undefined;
    const valueOf = (placeholder: string) => resolved?.properties.get(placeholder)?.value;
    // One step: 1 or -1 (the low-level client's { N: "1" } and { N: "-1" } too), or undefined.
    const stepOf = (placeholder: string): 1 | -1 | undefined => {
      const node = valueOf(placeholder);
      let value = node ? unwrap(node) : undefined;
      let sign: 1 | -1 = 1;
      if (value?.type === AST_NODE_TYPES.UnaryExpression && value.operator === "-") {
        value = unwrap(value.argument);
        sign = -1;
      }
      if (value?.type === AST_NODE_TYPES.Literal) return value.value === 1 ? sign : undefined;
      const number = value ? this.values.resolveObject(value)?.properties.get("N")?.value : undefined;
      const text = number !== undefined ? constantValues(this.values.resolveString(number))?.[0] : undefined;
      return text === "1" ? sign : text === "-1" ? -sign as 1 | -1 : undefined;
    };
    // Up one for anything; down one only for a social counter, which the caller's own unlike takes back.
    const isStep = (attribute: string, sign: 1 | -1 | undefined) => sign === 1 || (sign === -1 && SOCIAL_COUNTER.test(this.attributeNamed(attribute, names)?.split(".").pop() ?? ""));
    const appended: ValuePart[] = [];
    const clauses = texts[0].trim().split(/\b(SET|ADD)\s+/i).slice(1);
    if (clauses.length === 0 || /\b(?:REMOVE|DELETE)\b/i.test(texts[0])) return undefined;
    // Set to the current time beside them (`lastLikedAt = :now`, a TTL): bookkeeping, not a choice of the caller's.
    let contributes = false;
    for (let i = 0; i < clauses.length; i += 2) {
      const action = clauses[i].toUpperCase();
      for (const item of topLevelParts(clauses[i + 1])) {
        if (action === "ADD") {
          const add = /^([#\w.]+)\s+(:\w+)$/.exec(item);
          if (!add || !isStep(add[1], stepOf(add[2]))) return undefined;
          contributes = true;
          continue;
        }
        const increment = /^([#\w.]+)\s*=\s*(?:\1|if_not_exists\(\s*\1\s*,\s*:\w+\s*\))\s*([+-])\s*(:\w+)$/i.exec(item);
        const step = increment ? stepOf(increment[3]) : undefined;
        if (increment && isStep(increment[1], step && increment[2] === "-" ? (-step as 1 | -1) : step)) {
          contributes = true;
          continue;
        }
        const assigned = /^([#\w.]+)\s*=\s*(:\w+)$/.exec(item);
        const time = assigned ? valueOf(assigned[2]) : undefined;
        if (time && isCurrentTime(time, this.values)) continue;
        contributes = true;
        // `SET otp = :otp, otpExpiry = :expiry` with a code generated here: a new one-time code for the item's owner,
        // sent wherever the code sends it, replaces the last one; nothing the caller chooses is written.
        const secret = assigned && ONE_TIME_SECRET.test(this.attributeNamed(assigned[1], names)?.split(".").pop() ?? "") ? valueOf(assigned[2]) : undefined;
        if (secret && isFreshValue(this.values.definitionOf(secret) ?? secret, true, this.values)) continue;
        const append = /^([#\w.]+)\s*=\s*list_append\(\s*(?:\1|if_not_exists\(\s*\1\s*,\s*:\w+\s*\))\s*,\s*(:\w+)\s*\)$/i.exec(item);
        const list = append ? valueOf(append[2]) : undefined;
        const elements = list ? this.values.arrayElements(list) : undefined;
        if (!elements || elements.length === 0) return undefined;
        for (const element of elements) appended.push({ attribute: undefined, node: element, origins: this.originsOf(element) });
      }
    }
    return contributes ? { appended } : undefined;
  }

  private putAccess(operation: Operation, member: string, input: ResolvedInput, request: TSESTree.ObjectExpression | undefined, inputNode?: Node): Access[] {
    const item = input.properties.get("Item")?.value;
    if (!item) return [];
    const access = this.base(operation, "write", member, input, request);
    access.put = true;
    const { named, wholes, requestWholes } = this.itemParts(item);
    // `const params = { Item: req.body }; params.Item.ID = randomUUID()`: what is written there replaces what the item held.
    const written = inputNode ? this.values.memberWrites(inputNode, ["Item"]) : undefined;
    // `let entrada = req.body; entrada.sk = Date.now()` before `Item: req.body`: the same object, written through another name.
    const aliased = this.values.aliasWrites(item);
    // `result.data.id = uuid()` before `Item: marshall(result.data)`: written through the item's own member path.
    const chain = memberChain(unmarshalled(item));
    const through = chain?.root.type === AST_NODE_TYPES.Identifier ? this.values.memberWrites(chain.root, chain.path) : undefined;
    for (const [attribute, property] of [...(aliased?.properties ?? []), ...(through?.properties ?? []), ...(written?.properties ?? [])]) {
      for (let i = named.length - 1; i >= 0; i--) if (named[i].attribute === attribute) named.splice(i, 1);
      named.push(this.valuePart(attribute, property.value));
    }
    const known = this.keyNamesFor(access.table);
    const split = splitItemParts(named, known ? { names: known, only: true } : entityKeyNames(access.table));
    access.keyParts = split.keyParts;
    access.possibleKeyParts = split.possibleKeyParts;
    access.keyAttributes = new Set([...(known ?? []), ...access.keyParts.map((part) => part.attribute!)]);
    access.keyParts.push(...wholes);
    if (requestChoosesKey(access.keyParts, named)) access.keyParts.push(...requestWholes);
    access.condition = this.condition(input, "ConditionExpression");
    return access.keyParts.length > 0 ? [access] : [];
  }

  /**
   * A Put item's attributes (`named`), and the parameters of its function that it is wholly made of or spreads
   * (`wholes`: `save(item) { db.put({ TableName, Item: item }) }`, `Item: { ...item, updatedAt }`), whose attributes
   * each caller's object decides (substitutePutParts() expands them there).
   */
  private itemParts(item: Node): { named: ValuePart[]; wholes: ValuePart[]; requestWholes: ValuePart[] } {
    const all = this.objectParts(item);
    const named = all.filter((part) => part.attribute !== undefined);
    this.spreadOverrides(item, named);
    // create(data) { data.id = uuid(); db.put({ Item: data }) }: what the function writes on its parameter.
    const written = named.length === 0 ? this.values.parameterWrites(unmarshalled(item)) : undefined;
    for (const [attribute, property] of written?.properties ?? []) named.push(this.valuePart(attribute, property.value));
    const literal = this.literalOf(item);
    const wholes = literal
      ? literal.properties.flatMap((property): ValuePart[] =>
          property.type === AST_NODE_TYPES.SpreadElement ? [{ attribute: undefined, node: property.argument, origins: this.originsOf(property.argument) }] : [],
        )
      : all.filter((part) => part.attribute === undefined);
    // `Item: req.body`, `{ ...body, createdAt }`: request input that may hold any attribute, the key among them.
    const requestWholes = wholes.filter((part) => part.origins.length > 0 && part.origins.every((origin) => origin.kind === "request" && !carriesCredentials(origin.path)));
    return { named, wholes: wholes.filter((part) => wholeParameter(part)), requestWholes };
  }

  /**
   * `{ id: randomUUID(), ...body }`: an object of unknown keys spread after an attribute replaces it when it has
   * one, so the attribute may also be what the spread holds (request input, or a parameter the callers fill): a
   * second part for the attribute, marked `fromSpread`. A value
   * a validator returned (`...Schema.parse(body)`) has only the keys its schema lists, and is left alone.
   */
  private spreadOverrides(item: Node, parts: ValuePart[]): void {
    const literal = this.literalOf(item);
    if (!literal) return;
    const overrides: ValuePart[] = [];
    literal.properties.forEach((property, index) => {
      if (property.type !== AST_NODE_TYPES.Property) return;
      const attribute = staticKeyName(property);
      const part = attribute === undefined ? undefined : parts.find((candidate) => candidate.attribute === attribute && candidate.node === property.value);
      if (!part) return;
      for (const later of literal.properties.slice(index + 1)) {
        if (later.type !== AST_NODE_TYPES.SpreadElement || !this.spreadMayHold(later.argument, attribute!, 0)) continue;
        if (this.validatedPart(later.argument, 0)) continue;
        const origins = this.originsOf(later.argument).filter((origin) => origin.kind === "request" || origin.kind === "parameter");
        if (origins.length === 0) continue;
        overrides.push({ attribute, node: later.argument, origins, fromSpread: true });
        break;
      }
    });
    parts.push(...overrides);
  }

  /**
   * Is the value what a schema validator returned, or a member or element of it (`...Schema.parse(body)`, `for (const q
   * of Upload.parse(body).questions) ({ ...q })`)? A schema's nested objects list their keys too.
   */
  private validatedPart(node: Node, depth: number): boolean {
    if (depth > 6) return false;
    const definition = unwrap(this.values.definitionOf(node) ?? node);
    if (definition.type === AST_NODE_TYPES.CallExpression) {
      return VALIDATOR_CALLS.has(calleeName(definition) ?? "") && dottedName(memberChain(definition.callee)) !== "JSON.parse";
    }
    if (definition.type === AST_NODE_TYPES.MemberExpression) return this.validatedPart(definition.object, depth + 1);
    if (definition.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.scope.variableOf(definition);
    const writes = variable && variable.defs[0]?.type === "Variable" ? this.scope.writesOf(variable) : [];
    if (writes.length !== 1) return false;
    // `const { questions } = Upload.parse(body)`: a member of the result.
    if (writes[0].value) return this.validatedPart(writes[0].value, depth + 1);
    // `for (const q of questions)`: an element of a validated list.
    const iterated = writes[0].path.length === 0 ? loopSource(writes[0].identifier) : undefined;
    return iterated !== undefined && iterated.parent?.type === AST_NODE_TYPES.ForOfStatement && this.validatedPart(iterated, depth + 1);
  }

  /**
   * Can spreading the value add the attribute? Not when it is an object of known keys without it, also under a
   * condition (`...(image && { image })`, `...(a ? { x } : {})`) or returned by a function of the file.
   */
  private spreadMayHold(node: Node, attribute: string, depth: number): boolean {
    const value = unwrap(node);
    if (depth > 4) return true;
    if (value.type === AST_NODE_TYPES.LogicalExpression) {
      // `a && {...}` spreads nothing when `a` is falsy.
      return (value.operator !== "&&" && this.spreadMayHold(value.left, attribute, depth + 1)) || this.spreadMayHold(value.right, attribute, depth + 1);
    }
    if (value.type === AST_NODE_TYPES.ConditionalExpression) {
      return this.spreadMayHold(value.consequent, attribute, depth + 1) || this.spreadMayHold(value.alternate, attribute, depth + 1);
    }
    if (this.values.resolveObject(value)?.complete) return false;
    // const item = makeItem(text): what a function of the file returns (`return { id, text, createdAt }`).
    const definition = unwrap(this.values.definitionOf(value) ?? value);
    const callee = definition.type === AST_NODE_TYPES.CallExpression ? this.calleeOf(definition) : undefined;
    const returned = callee ? this.values.returnsOf(callee) : [];
    return returned.length === 0 || returned.some((node) => this.spreadMayHold(node, attribute, depth + 1));
  }

  private queryAccess(operation: Operation, input: ResolvedInput, request: TSESTree.ObjectExpression | undefined): Access[] {
    // `Select: "COUNT"` returns how many items match, none of them.
    const select = input.properties.get("Select")?.value;
    if (select && constantValues(this.values.resolveString(select))?.every((value) => value === "COUNT")) return [];
    const access = this.base(operation, "query", "KeyConditionExpression", input, request);
    const expression = input.properties.get("KeyConditionExpression")?.value;
    if (expression) {
      const parsed = this.parseAll(expression);
      if (!parsed) return [];
      const names = this.placeholderMap(input, "ExpressionAttributeNames");
      const values = this.placeholderMap(input, "ExpressionAttributeValues");
      for (const node of parsed) collectKeyParts(node, names, values, this.values, access.keyParts, (attribute, value) => this.valuePart(attribute, value));
    } else {
      const legacy = input.properties.get("KeyConditions")?.value;
      const conditions = legacy ? this.values.resolveObject(legacy) : undefined;
      if (!legacy || !conditions) return [];
      access.member = "KeyConditions";
      for (const attribute of conditions.properties.keys()) {
        // `condition.id = { ComparisonOperator: "EQ" }; condition.id.AttributeValueList = [id]`: the writes through it too.
        const condition = this.values.resolveObjectAt(legacy, [attribute]);
        const list = condition?.properties.get("AttributeValueList")?.value;
        for (const element of (list && this.values.arrayElements(list)) ?? []) {
          access.keyParts.push(this.valuePart(attribute, element));
        }
      }
    }
    access.condition = this.condition(input, "FilterExpression");
    access.projection = this.projection(input);
    return access.keyParts.length > 0 ? [access] : [];
  }

  /**
   * A Scan filtered to one owner's items (`FilterExpression: "userId = :u"`, `contains(memberIds, :u)`): what a Query by
   * that owner would read, its owner conditions the key. A filter on anything else (`category = :c`) chooses no one's items.
   */
  private scanAccess(operation: Operation, input: ResolvedInput, request: TSESTree.ObjectExpression | undefined): Access[] {
    // `if (userEmail) params.FilterExpression = ...`: without it the Scan lists every item, so the filter chooses nothing.
    const assignment = input.properties.get("FilterExpression")?.assignment;
    if (assignment && setConditionally(assignment, operation.node)) return [];
    const condition = this.condition(input, "FilterExpression");
    let chosen = equalitiesOf(condition, isOwnerName);
    // A Scan for one item by its id (`messageId = :m` in Messages, an attribute the file keys the table by): a lookup,
    // as a Get by that key would be.
    if (chosen.length === 0) {
      const table = input.properties.get("TableName")?.value;
      const names = table ? this.identityNames(this.tableRef(table)) : new Set(["id"]);
      chosen = equalitiesOf(condition, (attribute) => names.has(attribute.toLowerCase()));
    }
    if (chosen.length === 0) return [];
    const access = this.base(operation, "query", "FilterExpression", input, request);
    access.keyParts = chosen.map((equality) => ({ ...equality.value, attribute: equality.attribute }));
    access.projection = this.projection(input);
    return [access];
  }

  private batchAccesses(operation: Operation, requestItems: Node | undefined): Access[] {
    const tables = requestItems ? this.values.resolveObject(requestItems) : undefined;
    if (!tables) return [];
    const result: Access[] = [];
    // `RequestItems: { [Resource.Table.name]: ids.map(...) }`: a table the file names through a computed key too.
    const entries: { tableRef: TableRef; value: Node }[] = [
      ...[...tables.properties].map(([name, property]) => ({ tableRef: { name, text: JSON.stringify(name) }, value: property.value })),
      ...(tables.computed ?? []).map((entry) => ({ tableRef: this.tableRef(entry.key), value: entry.value })),
    ];
    for (const { tableRef, value } of entries) {
      const table = tableRef.name ?? tableRef.text;
      if (operation.canonical === "BatchGetItem") {
        const entry = this.values.resolveObject(value);
        const keys = entry?.properties.get("Keys")?.value;
        for (const element of (keys && this.elementsOf(keys)) ?? []) {
          const access = this.emptyAccess(operation, "read", `RequestItems.${table}.Keys`, tableRef);
          access.keyParts = this.objectParts(element);
          if (access.keyParts.length > 0) result.push(access);
        }
        continue;
      }
      for (const element of this.elementsOf(value) ?? []) {
        const entry = this.values.resolveObject(element);
        const deleteRequest = entry?.properties.get("DeleteRequest")?.value;
        const putRequest = entry?.properties.get("PutRequest")?.value;
        const inner = deleteRequest ?? putRequest;
        const resolved = inner ? this.values.resolveObject(inner) : undefined;
        if (!resolved) continue;
        const withTable: ResolvedInput = { properties: new Map(resolved.properties), complete: resolved.complete };
        if (deleteRequest) {
          const key = resolved.properties.get("Key")?.value;
          if (!key) continue;
          const access = this.emptyAccess(operation, "delete", `RequestItems.${table}[].DeleteRequest.Key`, tableRef);
          access.keyParts = this.objectParts(key);
          result.push(access);
        } else {
          for (const access of this.putAccess(operation, `RequestItems.${table}[].PutRequest.Item`, withTable, undefined)) {
            access.table = tableRef;
            result.push(access);
          }
        }
      }
    }
    return result;
  }

  private transactAccesses(operation: Operation, transactItems: Node | undefined): Access[] {
    const elements = transactItems ? this.elementsOf(transactItems) : undefined;
    if (!elements) return [];
    const result: Access[] = [];
    const conditions: Condition[] = [];
    elements.forEach((element, i) => {
      const entry = this.values.resolveObject(element);
      if (!entry) return;
      for (const [verb, property] of entry.properties) {
        const inner = this.values.resolveObject(property.value);
        if (!inner) continue;
        const literal = this.literalOf(property.value);
        const member = `TransactItems[${i}].${verb}`;
        if (verb === "Get") result.push(...this.keyAccess(operation, "read", `${member}.Key`, inner, literal));
        else if (verb === "Delete") result.push(...this.keyAccess(operation, "delete", `${member}.Key`, inner, literal));
        else if (verb === "Update") result.push(...this.keyAccess(operation, "write", `${member}.Key`, inner, literal));
        else if (verb === "Put") result.push(...this.putAccess(operation, `${member}.Item`, inner, literal));
        else if (verb === "ConditionCheck") {
          const condition = this.condition(inner, "ConditionExpression");
          if (condition) conditions.push(condition);
        }
      }
    });
    for (const access of result) {
      access.transactionConditions = [...conditions, ...result.filter((other) => other !== access && other.condition).map((other) => other.condition!)];
    }
    return result;
  }

  private partiqlAccess(operation: Operation, input: ResolvedInput, request: TSESTree.ObjectExpression | undefined, prefix: string): Access[] {
    const statementNode = input.properties.get("Statement")?.value;
    if (!statementNode) return [];
    const texts = constantValues(this.values.resolveString(statementNode));
    if (!texts || texts.length !== 1) return [];
    const statement = parsePartiql(texts[0]);
    if (!statement || statement.verb === "INSERT" || statement.verb === "EXISTS") return [];
    const kind: AccessKind = statement.verb === "SELECT" ? "read" : statement.verb === "UPDATE" ? "write" : "delete";
    const parametersNode = input.properties.get("Parameters")?.value;
    const parameters = parametersNode ? this.values.arrayElements(parametersNode) : undefined;
    if (!parameters) return [];
    const access = this.emptyAccess(operation, kind, `${prefix}Parameters`, statement.table ? { name: statement.table, text: JSON.stringify(statement.table) } : undefined);
    access.request = request;
    const learned = this.keyNamesFor(access.table);
    const equals: Condition[] = [];
    for (const comparison of statement.whereComparisons) {
      const node = parameters[comparison.parameterIndex];
      if (!node) continue;
      const part = this.valuePart(comparison.attribute, node);
      equals.push({ kind: "equals", attribute: comparison.attribute, value: part });
      const isKey = learned ? learned.has(comparison.attribute) : CONVENTIONAL_KEY_NAMES.has(keyNameOf(comparison.attribute)) || part.origins.some(isPathParameter);
      if (isKey) access.keyParts.push(part);
    }
    access.condition = statement.whereHasDisjunction ? { kind: "other" } : { kind: "and", items: equals };
    return access.keyParts.length > 0 ? [access] : [];
  }

  private emptyAccess(operation: Operation, kind: AccessKind, member: string, table: TableRef | undefined): Access {
    return {
      operation,
      kind,
      member,
      put: false,
      request: undefined,
      table,
      keyParts: [],
      possibleKeyParts: [],
      condition: undefined,
      transactionConditions: [],
      keyAttributes: EMPTY_SET,
    };
  }

  /** Attribute values of a key or item object (through `marshall(...)`); one whole part when it does not resolve. */
  private objectParts(node: Node, depth = 0): ValuePart[] {
    const target = unmarshalled(node);
    // Key: extra ? { id, ...extra } : { id } (a generic helper's optional sort key): either object, attribute by
    // attribute; an attribute in both takes the values of both (the caller's id in both stays the caller's).
    if (target.type === AST_NODE_TYPES.ConditionalExpression) {
      const branches = [this.objectParts(target.consequent, depth), this.objectParts(target.alternate, depth)];
      if (branches.every((parts) => parts.some((part) => part.attribute !== undefined))) {
        const merged: ValuePart[] = [];
        for (const part of branches.flat()) {
          const same = part.attribute === undefined ? undefined : merged.find((candidate) => candidate.attribute === part.attribute);
          if (same) same.origins = limit([...same.origins, ...part.origins]);
          else merged.push({ ...part, origins: [...part.origins] });
        }
        return merged;
      }
    }
    // `toDynamoItem({ PK, SK })` of `function toDynamoItem(item) { return marshall(item) }`: the object it is given.
    const converted = this.convertedArgument(target, depth);
    if (converted) return this.objectParts(converted, depth + 1);
    const object = this.values.resolveObject(target);
    if (!object) return this.builtParts(target, depth) ?? [{ attribute: undefined, node, origins: this.originsOf(node) }];
    const parts: ValuePart[] = [];
    for (const [attribute, property] of object.properties) parts.push(this.valuePart(attribute, property.value));
    if (!object.complete) {
      // `{ ...key(id), status }`: the attributes a key builder of the file returns, before what follows replaces them.
      const literal = target.type === AST_NODE_TYPES.ObjectExpression ? target : undefined;
      const built = literal?.properties.flatMap((property) => (property.type === AST_NODE_TYPES.SpreadElement ? (this.builtParts(unwrap(property.argument), depth) ?? []) : []));
      for (const part of built ?? []) if (!parts.some((other) => other.attribute === part.attribute)) parts.push(part);
      parts.push({ attribute: undefined, node, origins: this.originsOf(node) });
    }
    return parts;
  }

  /**
   * The argument a call of a same-file converter passes on: a function whose one return is its parameter, marshalled
   * or as it is (`const toDynamoItem = (item) => marshall(item, { removeUndefinedValues: true })`).
   */
  private convertedArgument(node: Node, depth: number): Node | undefined {
    const converter = this.soleReturnOfCall(node, depth);
    if (!converter || node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const index = this.scope.parameterIndex(converter.fn, unmarshalled(converter.returned));
    const argument = index >= 0 ? node.arguments[index] : undefined;
    return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
  }

  /** For a call of a same-file function with a single return (key builders, converters): the function and what it returns. */
  private soleReturnOfCall(node: Node, depth: number): { fn: FunctionNode; returned: Node } | undefined {
    if (node.type !== AST_NODE_TYPES.CallExpression || depth >= 3) return undefined;
    const fn = this.calleeOf(node);
    const returned = fn ? this.values.returnsOf(fn) : [];
    return fn && returned.length === 1 ? { fn, returned: returned[0] } : undefined;
  }

  /**
   * The attributes of the object a same-file function returns for a call (`key(id)` of
   * `` const key = (id) => ({ pk: `TRANSFER#${id}`, sk: "META" }) ``), in the call's terms; undefined for any other value.
   */
  private builtParts(node: Node, depth: number): ValuePart[] | undefined {
    const builder = this.soleReturnOfCall(node, depth);
    if (!builder || node.type !== AST_NODE_TYPES.CallExpression || unwrap(builder.returned).type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const parts = this.objectParts(builder.returned, depth + 1).filter((part) => part.attribute !== undefined);
    return parts.length > 0 ? parts.map((part) => this.substitutePart(part, builder.fn, node)) : undefined;
  }

  private tableRef(node: Node): TableRef {
    const resolved = this.values.resolveString(node);
    const constants = constantValues(resolved);
    const text = nodeText(node);
    if (constants?.length === 1) return { name: constants[0], text };
    const parts = dynamicParts(resolved);
    if (parts.length === 1) {
      const env = parts[0].origins.find((origin) => origin.kind === "env");
      if (env?.kind === "env" && env.name) {
        const { textBefore, textAfter } = parts[0];
        if (textBefore === "" && textAfter === "") return { env: env.name, text };
        // `Orders${process.env.STAGE}`: the table is Orders of a stage, not the table in STAGE.
        return { stage: { constant: textBefore + textAfter, env: env.name, pattern: `${textBefore}\${${env.name}}${textAfter}` }, text };
      }
    }
    // TableName: table + (process.env.STAGE || ""), with `table` a parameter: the caller chooses the table.
    const parameters = parts.filter((part) => part.origins.some((origin) => origin.kind === "parameter"));
    if (parameters.length === 1 && parameters[0].origins.length === 1 && parameters[0].textBefore === "" && parameters[0].textAfter === "") {
      const origin = parameters[0].origins[0];
      const others = parts.filter((part) => part !== parameters[0]);
      const envs = others.flatMap((part) => part.origins.filter((candidate) => candidate.kind === "env"));
      if (origin.kind === "parameter" && origin.path.length === 0 && others.length === envs.length && envs.length <= 1) {
        const env = envs[0]?.kind === "env" ? envs[0].name : undefined;
        return { parameter: { fn: origin.fn, index: origin.index, env }, text };
      }
    }
    return { text };
  }

  /** The parameter of `fn` that ExpressionAttributeValues is, or spreads (`{ ...values, ":updatedAt": now }`); -1 if none. */
  private valuesParameter(fn: FunctionNode, values: Node): number {
    const node = unwrap(values);
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return this.scope.parameterIndex(fn, node);
    for (const property of node.properties) {
      const index = property.type === AST_NODE_TYPES.SpreadElement ? this.scope.parameterIndex(fn, unwrap(property.argument)) : -1;
      if (index >= 0) return index;
    }
    return -1;
  }

  /** What an update whose expression `fn` takes as a parameter appends when `call` passes it (Access.contributionParameters). */
  private contributionThrough(access: Access, fn: FunctionNode, call: TSESTree.CallExpression): ValuePart[] | undefined {
    const parameters = access.contributionParameters;
    if (parameters?.fn !== fn) return undefined;
    const argument = (index: number) => {
      const node = index >= 0 ? call.arguments[index] : undefined;
      return node && node.type !== AST_NODE_TYPES.SpreadElement ? node : undefined;
    };
    return this.contribution(argument(parameters.expression), argument(parameters.values))?.appended;
  }

  /** The table of an access performed through `call` of `fn`, in this module's terms: a table parameter is the call's argument. */
  private substituteTable(table: TableRef | undefined, fn: FunctionNode, call: TSESTree.CallExpression): TableRef | undefined {
    if (!table?.parameter || table.parameter.fn !== fn) return table;
    const argument = call.arguments[table.parameter.index];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return { text: table.text };
    const ref = this.tableRef(argument);
    const env = table.parameter.env;
    if (ref.name !== undefined && env !== undefined) return { stage: { constant: ref.name, env, pattern: `${ref.name}\${${env}}` }, text: ref.text };
    if (ref.name !== undefined || ref.env !== undefined || ref.stage !== undefined || ref.parameter !== undefined) return ref;
    const chain = memberChain(argument);
    const identifier = chain ? (chain.path.length > 0 ? chain.path[chain.path.length - 1] : chain.root.type === AST_NODE_TYPES.Identifier ? chain.root.name : undefined) : undefined;
    return identifier !== undefined ? { identifier, text: ref.text } : { text: ref.text };
  }

  private parseAll(node: Node): ConditionNode[] | undefined {
    const texts = constantValues(this.values.resolveString(node));
    if (!texts) return undefined;
    const parsed: ConditionNode[] = [];
    for (const text of texts) {
      const result = parseConditionExpression(text);
      if (!result) return undefined;
      parsed.push(result);
    }
    return parsed;
  }

  /** The attribute a name in expression text stands for: itself, or the one constant ExpressionAttributeNames gives a `#placeholder`. */
  private attributeNamed(written: string, names: ReadonlyMap<string, Node>): string | undefined {
    if (!written.startsWith("#")) return written || undefined;
    const node = names.get(written);
    const resolved = node ? constantValues(this.values.resolveString(node)) : undefined;
    return resolved?.length === 1 && resolved[0] ? resolved[0] : undefined;
  }

  private placeholderMap(input: ResolvedInput, member: string): Map<string, Node> {
    const map = new Map<string, Node>();
    const node = input.properties.get(member)?.value;
    const object = node ? this.values.resolveObject(node) : undefined;
    for (const [key, property] of object?.properties ?? []) map.set(key, property.value);
    return map;
  }

  /** The condition of `member` (ConditionExpression, FilterExpression); `other` when it is there but unreadable. */
  private condition(input: ResolvedInput, member: string): Condition | undefined {
    const node = input.properties.get(member)?.value;
    if (!node) return undefined;
    const parsed = this.parseAll(node);
    if (!parsed) return { kind: "other" };
    const names = this.placeholderMap(input, "ExpressionAttributeNames");
    const values = this.placeholderMap(input, "ExpressionAttributeValues");
    const converted = parsed.map((alternative) => toCondition(alternative, names, values, this.values, (n) => this.originsOf(n)));
    return converted.length === 1 ? converted[0] : { kind: "or", items: converted };
  }

  /** Key attribute names the file's other operations use for this table (undefined when none are known). */
  /** The attribute names, lower case, that identify one item of the table: `id`, the table's entity id (`messageid`), the key the file uses. */
  private identityNames(table: TableRef): Set<string> {
    const names = new Set(["id"]);
    for (const name of entityKeyNames(table)?.names ?? []) names.add(name);
    for (const name of this.keyNamesFor(table) ?? []) names.add(name.toLowerCase());
    return names;
  }

  private keyNamesFor(table: TableRef | undefined): Set<string> | undefined {
    if (!this.learnedKeys) {
      this.learnedKeys = new Map();
      for (const operation of this.deps.operations) {
        if (operation.canonical !== "GetItem" && operation.canonical !== "UpdateItem" && operation.canonical !== "DeleteItem") continue;
        for (const access of this.accessesOf(operation)) {
          const id = tableId(access.table);
          if (id === undefined || access.keyParts.some((part) => part.attribute === undefined)) continue;
          const names = this.learnedKeys.get(id) ?? new Set<string>();
          for (const part of access.keyParts) names.add(part.attribute!);
          this.learnedKeys.set(id, names);
        }
      }
    }
    const id = tableId(table);
    return id === undefined ? undefined : this.learnedKeys.get(id);
  }

  private originsOf(node: Node): Origin[] {
    return this.inlineSubstitute(this.values.originsOf(node));
  }

  private valuePart(attribute: string | undefined, node: Node): ValuePart {
    const part: ValuePart = { attribute, node, origins: this.originsOf(node) };
    const pieces = this.values.composedPieces(node);
    if (pieces.length > 0) part.pieces = pieces.map((piece) => this.originsOf(piece));
    return part;
  }

  // ================================================================ fetched items

  /** The nodes whose value is an operation's result (`send(...)`, `.promise()`, the method call). */
  private get results(): Map<Node, Operation> {
    if (!this.resultNodes) {
      this.resultNodes = new Map();
      this.producers = new Map();
      this.callbackOfOperation = new Map();
      for (const operation of this.deps.operations) {
        const nodes: Node[] = [];
        if (operation.style === "command") nodes.push(...(operation.send ? [operation.send] : this.sendsOfCommandVariable(operation.node)));
        else if (operation.style !== "paginator") nodes.push(operation.node);
        const producers: Node[] = [];
        for (const node of nodes) {
          const parent = node.parent;
          if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && staticKeyName(parent) === "promise" && parent.parent?.type === AST_NODE_TYPES.CallExpression) {
            this.resultNodes.set(node, operation);
            this.resultNodes.set(parent.parent, operation);
            producers.push(parent.parent);
          } else {
            this.resultNodes.set(node, operation);
            producers.push(node);
          }
        }
        this.producers.set(operation, producers);
        for (const node of producers) {
          // .then(({ Item }) => ...)
          const parent = node.parent;
          if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && staticKeyName(parent) === "then" && parent.parent?.type === AST_NODE_TYPES.CallExpression) {
            const callback = parent.parent.arguments[0];
            if (isFunction(callback)) this.callbackOfOperation.set(callback, { operation, index: 0 });
          }
        }
        // v2: client.get(params, (err, data) => ...)
        if (operation.style === "method" || operation.style === "inferred") {
          const call = operation.node as TSESTree.CallExpression;
          const last = call.arguments[call.arguments.length - 1];
          if (call.arguments.length >= 2 && isFunction(last)) this.callbackOfOperation.set(last, { operation, index: 1 });
        }
      }
    }
    return this.resultNodes;
  }

  /** `const command = new GetCommand(...); await client.send(command)`. */
  private sendsOfCommandVariable(node: Node): Node[] {
    const { parent, child } = valueParent(node);
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== child || parent.id.type !== AST_NODE_TYPES.Identifier) return [];
    const variable = this.scope.variableOf(parent.id);
    if (!variable) return [];
    const sends: Node[] = [];
    for (const reference of variable.references) {
      const use = reference.identifier.parent;
      if (use?.type === AST_NODE_TYPES.CallExpression && use.arguments[0] === reference.identifier && isSendCall(use)) sends.push(use);
    }
    return sends;
  }

  /** The operations whose fetched result a value derives from. */
  itemOperations(origins: readonly Origin[], through: Set<Node> = new Set()): Operation[] {
    const results = this.results;
    const found: Operation[] = [];
    for (const origin of origins) {
      let operation: Operation | undefined;
      if (origin.kind === "unknown") {
        operation = results.get(origin.node);
        if (!operation && origin.node.type === AST_NODE_TYPES.CallExpression) {
          // The item a function fetches and returns, where the value resolver stopped at the call: a function of
          // this file (a method of a same-file object, `await repo.getById(id)`, or a helper past the resolver's
          // depth) or of another module (`await orderService.getOrder(id)`).
          const callee = this.calleeOf(origin.node);
          const external = callee ? undefined : this.externalCallee(origin.node);
          const summary = callee ? this.summaryOf(callee, 1) : external?.module.ownership.summaryOf(external.fn, 1);
          for (const returned of summary?.returnsItemOf ?? []) if (!found.includes(returned)) found.push(returned);
          // A same-file function's summary knows what it returns; another module's or a package's function given the item is asked here.
          if (!callee && !summary?.returnsItemOf.length) {
            for (const fetched of this.itemGivenTo(origin.node, through)) if (!found.includes(fetched)) found.push(fetched);
          }
        }
      } else if (origin.kind === "parameter") {
        const callback = this.callbackOfOperation!.get(origin.fn);
        if (callback && callback.index === origin.index) operation = callback.operation;
      }
      if (operation && !found.includes(operation)) found.push(operation);
    }
    return found;
  }

  /**
   * normalize(Item), camelcaseKeys(Item, { deep: true }), toDto(item ?? {}): what a function makes of the item alone
   * is still that item. The item itself (a variable, member, call or default holding it) must be all the call is
   * given besides constants: `priceFor(project, shares)` and `round(price * 2)` compute something else, and
   * `merge(item, { userId: req.user.id })` mixes in the caller.
   */
  private itemGivenTo(call: TSESTree.CallExpression, through: Set<Node>): Operation[] {
    // Each call once per question: an argument's origins may lead back to the call (`h = Math.imul(31, h)`).
    if (through.size >= MAX_ITEM_CALLS || through.has(call)) return [];
    through.add(call);
    const given = call.arguments.filter((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && this.originsOf(argument).length > 0);
    const item = given.length === 1 ? unwrap(given[0]) : undefined;
    const holdsItem =
      item?.type === AST_NODE_TYPES.Identifier ||
      item?.type === AST_NODE_TYPES.MemberExpression ||
      item?.type === AST_NODE_TYPES.CallExpression ||
      (item?.type === AST_NODE_TYPES.LogicalExpression && item.operator !== "&&");
    const origins = holdsItem ? this.originsOf(item) : [];
    return origins.some((origin) => origin.kind === "request" || origin.kind === "caller") ? [] : this.itemOperations(origins, through);
  }

  // ================================================================ functions, owners and call sites

  /** Inline functions (callbacks, IIFEs) belong to the function around them; the rest are summarised on their own. */
  private isSeparate(fn: FunctionNode): boolean {
    if (this.deps.sources.handlerKind(fn)) return true;
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) {
      return !(parent.arguments.includes(fn as TSESTree.CallExpressionArgument) || parent.callee === fn);
    }
    return true;
  }

  /** The function whose summary a node belongs to. */
  ownerOf(node: Node): FunctionNode | undefined {
    const cached = this.ownerCache.get(node);
    if (cached !== undefined) return cached ?? undefined;
    let current = node.parent;
    let owner: FunctionNode | undefined;
    for (let i = 0; current && i < 10_000; i++, current = current.parent) {
      if (isFunction(current) && this.isSeparate(current)) {
        owner = current;
        break;
      }
    }
    this.ownerCache.set(node, owner ?? null);
    return owner;
  }

  private operationsOwnedBy(fn: FunctionNode): Operation[] {
    if (!this.opsByOwner) {
      this.opsByOwner = new Map();
      for (const operation of this.deps.operations) {
        if (!operation.dataPlane) continue;
        const owner = this.ownerOf(operation.node) ?? null;
        const list = this.opsByOwner.get(owner) ?? [];
        list.push(operation);
        this.opsByOwner.set(owner, list);
      }
    }
    return this.opsByOwner.get(fn) ?? [];
  }

  /** The same-file function a call invokes: `helper()`, `this.method()`, `repo.method()` on a same-file object. */
  calleeOf(call: TSESTree.CallExpression): FunctionNode | undefined {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return this.values.sameFileFunction(callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = staticKeyName(callee);
    if (name === undefined) return undefined;
    const object = unwrap(callee.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) return this.values.sameFileFunction(callee);
    const holder = this.values.resolveObject(object) ?? this.values.factoryObject(object);
    const value = holder?.properties.get(name)?.value;
    const target = value ? unwrap(value) : undefined;
    if (isFunction(target)) return target;
    if (target?.type === AST_NODE_TYPES.Identifier) return this.values.sameFileFunction(target);
    return undefined;
  }

  /**
   * The function of another module a call invokes, resolved only when the call passes request input or a
   * parameter (a value a caller chooses): other modules are read for those calls alone.
   */
  externalCallee(call: TSESTree.CallExpression): ExternalCallee | undefined {
    const external = this.deps.external;
    if (!external) return undefined;
    // Without arguments only a guard is worth reading: `await requireAdmin()` finds the request itself and throws.
    if (call.arguments.length === 0 && !SELF_CONTAINED_GUARD_NAME.test(calleeName(call) ?? "")) return undefined;
    const cached = this.externalCallees.get(call);
    if (cached !== undefined) return cached ?? undefined;
    let result: ExternalCallee | undefined;
    // Every module, also one that cannot reach DynamoDB: its function may hold the check (a role or owner test
    // that throws) that covers this function's accesses.
    if (external.isCandidate(call) && !this.calleeOf(call) && (call.arguments.length === 0 || this.carriesCallerChosenValue(call))) result = external.resolve(call);
    this.externalCallees.set(call, result ?? null);
    return result;
  }

  /** Does an argument carry request input or a parameter (a value a caller chooses), also inside an object (`{ Key: { id } }`)? */
  private carriesCallerChosenValue(call: TSESTree.CallExpression): boolean {
    const carries = (node: Node, depth: number): boolean => {
      if (this.originsOf(node).some((origin) => origin.kind === "request" || origin.kind === "parameter")) return true;
      const object = depth < 3 ? this.values.resolveObject(node) : undefined;
      return object !== undefined && [...object.properties.values()].some((property) => carries(property.value, depth + 1));
    };
    return call.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && carries(argument, 0));
  }

  /** Functions of this file that call into another module's function that accesses items. */
  private externalSeeds(): FunctionNode[] {
    if (this.externalSeedsValue) return this.externalSeedsValue;
    const seeds: FunctionNode[] = [];
    // Only calls a request handler makes (itself or through a same-file helper it calls): library code
    // passing its parameters to imported functions reads no other module. No handler in the file: no seed.
    if (this.deps.external && this.deps.file.handlersMayCallProjectModules) {
      const external = this.deps.external;
      const serving = new Map<FunctionNode, boolean>();
      for (const call of this.index.calls) {
        if (call.arguments.length === 0) continue;
        const owner = this.ownerOf(call);
        if (!owner) continue;
        let serves = serving.get(owner);
        if (serves === undefined) serving.set(owner, (serves = this.servesRequests(owner)));
        // Seeds need a callee that accesses items: modules that cannot reach DynamoDB are not read for them
        // (a callee found anyway when a summary composes this call, for the checks it may hold).
        if (!serves || !external.isAccessCandidate(call) || this.calleeOf(call) || !this.carriesCallerChosenValue(call)) continue;
        const target = external.resolveAccessing(call);
        const summary = target?.module.ownership.summaryOf(target.fn, 1);
        if (!summary || (summary.accesses.length === 0 && !summary.inputParameters?.length)) continue;
        if (!seeds.includes(owner)) seeds.push(owner);
      }
    }
    return (this.externalSeedsValue = seeds);
  }

  /** A handler, a function inside one, or a same-file helper that one calls. */
  private servesRequests(fn: FunctionNode): boolean {
    const sources = this.deps.sources;
    if (sources.withinHandler(fn)) return true;
    return this.callSitesOf(fn).some((site) => {
      const caller = this.ownerOf(site);
      return caller !== undefined && sources.withinHandler(caller);
    });
  }

  /** The name of the function that performs an operation of this file (for messages). */
  operationFunctionName(operation: Operation): string | undefined {
    const owner = this.ownerOf(operation.node);
    return owner ? functionName(owner) : undefined;
  }

  private callSitesOf(fn: FunctionNode): TSESTree.CallExpression[] {
    if (!this.callSites) {
      this.callSites = new Map();
      for (const call of this.index.calls) {
        const callee = this.calleeOf(call);
        if (!callee) continue;
        const list = this.callSites.get(callee) ?? [];
        list.push(call);
        this.callSites.set(callee, list);
      }
    }
    return this.callSites.get(fn) ?? [];
  }

  /** Walks a function's own code: its body and inline callbacks, not separately summarised functions. */
  private walkOwn(fn: FunctionNode, visit: (node: Node) => void): boolean {
    let budget = MAX_WALK;
    const body = fn.body;
    if (!body) return true;
    walk(body, this.deps.visitorKeys, (node) => {
      if (--budget < 0) return false;
      if (node !== body && isFunction(node) && this.isSeparate(node)) return false;
      if (isTypeSyntax(node)) return false;
      visit(node);
    });
    return budget >= 0;
  }

  // ================================================================ substitution

  /** Parameters of inline callbacks over arrays (`ids.map((id) => ...)`) stand for the array's elements. */
  private inlineSubstitute(origins: Origin[], depth = 0): Origin[] {
    if (depth > 8 || !origins.some((origin) => origin.kind === "parameter")) return origins;
    const result: Origin[] = [];
    let changed = false;
    for (const origin of origins) {
      if (origin.kind === "parameter" && origin.index === 0) {
        const parent = origin.fn.parent;
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === origin.fn && ITERATION_METHODS.has(calleeName(parent) ?? "")) {
          const callee = unwrap(parent.callee);
          if (callee.type === AST_NODE_TYPES.MemberExpression) {
            result.push(...this.values.extendOrigins(this.values.originsOf(callee.object), origin.path, origin.node));
            changed = true;
            continue;
          }
        }
      }
      result.push(origin);
    }
    return changed ? this.inlineSubstitute(limit(result), depth + 1) : origins;
  }

  private substituteOrigins(origins: Origin[], fn: FunctionNode, call: TSESTree.CallExpression): Origin[] {
    if (!origins.some((origin) => (origin.kind === "parameter" && origin.fn === fn) || instanceField(origin, fn) !== undefined)) return origins;
    const result: Origin[] = [];
    for (const origin of origins) {
      // `this.owner` in `getOne` called as `table.forUser(me).getOne(id)`: what the receiver was given for it.
      const field = instanceField(origin, fn);
      const given = field === undefined ? undefined : receiverFieldArgument(call, fn, field, this.values);
      if (given) {
        result.push(...this.originsOf(given));
        continue;
      }
      if (origin.kind !== "parameter" || origin.fn !== fn) {
        result.push(origin);
        continue;
      }
      const argument = call.arguments[origin.index];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) {
        result.push({ kind: "unknown", node: call });
        continue;
      }
      // f({ id: req.params.id }) for function f({ id }): descend into the argument's properties first.
      let target: Node = argument;
      let rest = origin.path;
      let absent = false;
      let mappedHops = 0;
      while (rest.length > 0) {
        // `createMany(body.map((c) => ({ ...c, id: uuid() })))` for a function reading its elements' `id`: the elements
        // are what the callback returns.
        const mapped: Node | undefined = mappedHops < 4 ? this.mappedElement(target) : undefined;
        if (mapped) {
          target = mapped;
          mappedHops++;
          continue;
        }
        const object = this.values.resolveObject(target);
        const property: { value: Node } | undefined = object?.properties.get(rest[0]);
        // f({ name, email }) for a function reading `data.id`: an object of known keys without it holds nothing there.
        absent = !property && object?.complete === true && !object.spreads && !object.computed;
        if (!property) break;
        target = property.value;
        rest = rest.slice(1);
      }
      if (!absent) result.push(...this.values.extendOrigins(this.originsOf(target), rest, target));
    }
    return limit(result);
  }

  /** The one object a `xs.map(callback)` makes of each element: the callback's returned object literal. */
  private mappedElement(node: Node): Node | undefined {
    const returns = this.mappedReturns(node);
    const only = returns?.length === 1 ? unwrap(returns[0]) : undefined;
    return only?.type === AST_NODE_TYPES.ObjectExpression ? only : undefined;
  }

  private substitutePart(part: ValuePart, fn: FunctionNode, call: TSESTree.CallExpression): ValuePart {
    // `{ id: randomUUID(), ...data }` with `data` a parameter: what the caller's object holds under the attribute.
    const spread = part.fromSpread && part.attribute !== undefined ? part.attribute : undefined;
    const asRead = spread === undefined ? part.origins : part.origins.map((origin) => (origin.kind === "parameter" && origin.fn === fn ? { ...origin, path: [...origin.path, spread] } : origin));
    const origins = this.substituteOrigins(asRead, fn, call);
    const pieces = part.pieces?.map((piece) => this.substituteOrigins(piece, fn, call));
    const unchanged = origins === part.origins && (pieces ?? []).every((piece, index) => piece === part.pieces![index]);
    return unchanged ? part : { ...part, origins, pieces };
  }

  /** Key and possible key parts in the caller's terms; an item passed in whole to a Put is expanded into the caller's object. */
  private substitutePutParts(
    access: Access,
    parts: { keyParts: ValuePart[]; possibleKeyParts: ValuePart[] },
    fn: FunctionNode,
    call: TSESTree.CallExpression,
  ): { keyParts: ValuePart[]; possibleKeyParts: ValuePart[] } {
    const possibleKeyParts = parts.possibleKeyParts.map((part) => this.substitutePart(part, fn, call));
    const wholes = access.put ? parts.keyParts.filter((part) => wholeParameter(part)?.fn === fn) : [];
    if (wholes.length === 0) return { keyParts: this.substituteKeyParts(access, parts.keyParts, fn, call), possibleKeyParts };
    const keyParts = parts.keyParts.filter((part) => !wholes.includes(part)).map((part) => this.substitutePart(part, fn, call));
    // Attributes the function writes itself (`{ ...item, updatedAt }`) are not the caller's.
    const own = new Set([...parts.keyParts, ...parts.possibleKeyParts].map((part) => part.attribute));
    // The table as the call chooses it (`putItem(TABLES.QUESTIONS, item)`): its entity's id is a key attribute.
    const keyNames = access.keyAttributes.size > 0 ? { names: access.keyAttributes, only: true } : entityKeyNames(this.substituteTable(access.table, fn, call));
    const requestWholes: ValuePart[] = [];
    const named: ValuePart[] = [];
    for (const whole of wholes) {
      const argument = positionalArgument(call, wholeParameter(whole)!.index);
      if (!argument) continue;
      // `save(item)` called with the caller's own parameter, or `save({ ...document, kind })`: the next caller's object decides.
      const passed = this.itemParts(argument);
      const split = splitItemParts(
        passed.named.filter((part) => !own.has(part.attribute)),
        keyNames,
      );
      keyParts.push(...split.keyParts, ...passed.wholes);
      possibleKeyParts.push(...split.possibleKeyParts);
      named.push(...passed.named);
      requestWholes.push(...passed.requestWholes);
    }
    if (requestChoosesKey(keyParts, [...named, ...possibleKeyParts])) keyParts.push(...requestWholes);
    return { keyParts, possibleKeyParts };
  }

  /**
   * A key passed in whole (`Key: key` with `key` a parameter) becomes one part per attribute of the object literal the
   * call passes (`update({ userId, id })`): the caller in one attribute and the request in another are then told apart.
   */
  private substituteKeyParts(access: Access, parts: ValuePart[], fn: FunctionNode, call: TSESTree.CallExpression): ValuePart[] {
    return parts.flatMap((part) => {
      const origin = part.origins.length === 1 ? part.origins[0] : undefined;
      if (access.put || part.attribute !== undefined || origin?.kind !== "parameter" || origin.fn !== fn) return [this.substitutePart(part, fn, call)];
      const argument = positionalArgument(call, origin.index);
      let object = argument ? this.values.resolveObject(argument) : undefined;
      for (const key of origin.path) {
        const value = object?.properties.get(key)?.value;
        object = value ? this.values.resolveObject(value) : undefined;
      }
      if (!object?.complete || object.spreads || object.computed || object.properties.size === 0) return [this.substitutePart(part, fn, call)];
      return [...object.properties].map(([attribute, property]) => this.valuePart(attribute, property.value));
    });
  }

  private substituteCondition(condition: Condition | undefined, fn: FunctionNode, call: TSESTree.CallExpression): Condition | undefined {
    if (!condition) return undefined;
    switch (condition.kind) {
      case "and":
      case "or":
        return { kind: condition.kind, items: condition.items.map((item) => this.substituteCondition(item, fn, call)!) };
      case "not":
        return { kind: "not", item: this.substituteCondition(condition.item, fn, call)! };
      case "equals":
        return { ...condition, value: this.substitutePart(condition.value, fn, call) };
      default:
        return condition;
    }
  }

  private substituteAccess(access: Access, fn: FunctionNode, call: TSESTree.CallExpression): Access {
    return {
      ...access,
      ...this.substitutePutParts(access, access, fn, call),
      condition: this.substituteCondition(access.condition, fn, call),
      transactionConditions: access.transactionConditions.map((condition) => this.substituteCondition(condition, fn, call)!),
    };
  }

  private substituteCheck(check: Check, fn: FunctionNode, call: TSESTree.CallExpression): Check {
    return {
      ...check,
      values: check.values.map((part) => this.substitutePart(part, fn, call)),
      subjects: check.subjects.map((part) => this.substitutePart(part, fn, call)),
    };
  }

  // ================================================================ summaries

  /** The function's summary: its accesses (own and through same-file callees), the items it returns, its checks. */
  summaryOf(fn: FunctionNode, depth = 0): FunctionSummary {
    // A summary depends on the depth it is asked at: MAX_COMPOSE_DEPTH stops the composition of callees below it.
    // Summaries outlive a file (a module's functions are shared by every file that imports it), so one computed at
    // another depth is reused only where it is the same answer: no depth limit stopped it, and its callees fit
    // below this depth too. Otherwise a handler's findings would depend on which files were linted before it
    // (ESLint lints files in the order their reads complete). Each function is computed at most once per depth.
    const cached = this.summaries.get(fn);
    const reusable =
      cached?.find((entry) => entry.depth === depth) ??
      cached?.find((entry) => {
        const reach = summaryReach.get(entry.summary);
        return reach !== undefined && !reach.cutByDepth && depth + reach.height <= MAX_COMPOSE_DEPTH;
      });
    if (reusable) return reusable.summary;
    if (depth > MAX_COMPOSE_DEPTH || this.inProgress.has(fn)) {
      const cut: FunctionSummary = { fn, accesses: [], returnsItemOf: [], checks: [], complete: false };
      summaryReach.set(cut, { height: 0, cutByDepth: depth > MAX_COMPOSE_DEPTH });
      return cut;
    }
    this.inProgress.add(fn);
    try {
      const summary = this.computeSummary(fn, depth);
      if (cached) cached.push({ summary, depth });
      else this.summaries.set(fn, [{ summary, depth }]);
      return summary;
    } finally {
      this.inProgress.delete(fn);
    }
  }

  private computeSummary(fn: FunctionNode, depth: number): FunctionSummary {
    const accesses: AccessInstance[] = [];
    const inputParameters: NonNullable<FunctionSummary["inputParameters"]> = [];
    let complete = true;
    const reach: SummaryReach = { height: 0, cutByDepth: false };
    for (const operation of this.operationsOwnedBy(fn)) {
      const parameter = operation.dataPlane && operation.input ? this.scope.parameterIndex(fn, unwrap(operation.input)) : -1;
      if (parameter >= 0 && this.accessesOf(operation).length === 0) inputParameters.push({ operation, index: parameter, via: [] });
      for (const access of this.accessesOf(operation)) {
        accesses.push({
          access,
          keyFromItems: this.itemsKeyedFrom(access.keyParts),
          keyParts: access.keyParts,
          possibleKeyParts: access.possibleKeyParts,
          condition: access.condition,
          transactionConditions: access.transactionConditions,
          via: [],
          guardedBy: [],
        });
      }
    }
    const calls: TSESTree.CallExpression[] = [];
    const sites: Node[] = [];
    complete &&= this.collectCheckSites(fn, calls, sites);
    // Composed callees' accesses and throwing checks, settled with this summary's checks.
    const composedInstances: Array<{ instance: AccessInstance; inner: AccessInstance; callee: FunctionNode; call: TSESTree.CallExpression }> = [];
    const composedChecks: Array<{ inner: FunctionSummary; callee: FunctionNode; call: TSESTree.CallExpression }> = [];
    // Same-file callees: their accesses and throwing checks, in this function's terms.
    for (const call of calls) {
      const resolved = this.calleeOf(call) ? undefined : this.externalCallee(call);
      // A class of this module instantiated here resolves to this module: composed as a same-file call.
      const external = resolved && resolved.module.ownership !== this ? resolved : undefined;
      const callee = resolved?.fn ?? this.calleeOf(call);
      if (!callee || callee === fn || (external ? external.module.sources.handlerKind(callee) : this.isEntryHandler(callee))) continue;
      const inner = external ? external.module.ownership.summaryOf(callee, depth + 1) : this.summaryOf(callee, depth + 1);
      complete &&= inner.complete;
      const innerReach = summaryReach.get(inner);
      reach.height = Math.max(reach.height, 1 + (innerReach?.height ?? 0));
      reach.cutByDepth ||= innerReach?.cutByDepth ?? false;
      for (const instance of inner.accesses) {
        if (accesses.length >= MAX_INSTANCES) {
          complete = false;
          break;
        }
        const parts = this.substitutePutParts(instance.access, instance, callee, call);
        const own = this.itemsKeyedFrom(parts.keyParts);
        const composed: AccessInstance = {
          access: instance.access,
          ...parts,
          keyFromItems: () => {
            const inner = instance.keyFromItems?.() ?? [];
            return inner.length > 0 ? inner : own();
          },
          condition: this.substituteCondition(instance.condition, callee, call),
          transactionConditions: instance.transactionConditions.map((condition) => this.substituteCondition(condition, callee, call)!),
          via: [call, ...instance.via],
          guardedBy: [],
          fetchedBy: instance.fetchedBy && call,
          appended: appendedBy(instance)?.map((part) => this.substitutePart(part, callee, call)) ?? this.contributionThrough(instance.access, callee, call),
          table: this.substituteTable(instanceTable(instance), callee, call),
          module: external
            ? (instance.module ?? {
                file: external.module.filename,
                function: external.module.ownership.operationFunctionName(instance.access.operation) ?? external.name,
                line: external.module.lineOf(instance.access.operation.node.range[0]),
              })
            : instance.module,
          crossing: external ? { call, returned: inner.returnsItemOf.includes(instance.access.operation) } : instance.crossing,
        };
        accesses.push(composed);
        composedInstances.push({ instance: composed, inner: instance, callee, call });
      }
      // A generic wrapper given the whole input: the accesses of the argument this call passes (unless the call is
      // taken for the operation itself: `db.update({ TableName, Key })` is one).
      const callIsOperation = this.deps.operations.some((operation) => operation.node === call);
      for (const entry of callIsOperation ? [] : (inner.inputParameters ?? [])) {
        const argument = call.arguments[entry.index];
        if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
        const via = [call, ...entry.via];
        const passed = this.scope.parameterIndex(fn, unwrap(argument));
        if (passed >= 0) {
          inputParameters.push({ operation: entry.operation, index: passed, via });
          continue;
        }
        for (const access of this.computeAccesses(entry.operation, argument)) {
          if (accesses.length >= MAX_INSTANCES) break;
          const instance: AccessInstance = {
            access,
            keyParts: access.keyParts,
            possibleKeyParts: access.possibleKeyParts,
            condition: access.condition,
            transactionConditions: access.transactionConditions,
            via,
            guardedBy: [],
            module: external
              ? { file: external.module.filename, function: external.module.ownership.operationFunctionName(entry.operation) ?? external.name, line: external.module.lineOf(entry.operation.node.range[0]) }
              : undefined,
            crossing: external ? { call, returned: inner.returnsItemOf.includes(entry.operation) } : undefined,
          };
          accesses.push(instance);
        }
      }
      composedChecks.push({ inner, callee, call });
    }
    this.keyWritesByFetchedItems(accesses);
    const summary: FunctionSummary = { fn, accesses, returnsItemOf: [], checks: [], complete, inputParameters };
    summaryReach.set(summary, reach);
    summary.settleChecks = () => {
      summary.settleChecks = undefined;
      const checks = summary.checks;
      for (const site of sites) this.checksAt(site, checks);
      for (const { inner, callee, call } of composedChecks) {
        for (const check of checksOf(inner)) {
          if (check.guard.fn !== callee) continue;
          // A callee that throws when its check fails stops this function too.
          if (check.guard.exit === "throw") {
            const statement = statementOf(call);
            checks.push({
              ...this.substituteCheck(check, callee, call),
              node: call,
              guard: { node: statement, exit: "throw", fn: enclosingFunction(call) ?? fn, decides: true },
            });
            continue;
          }
          // A callee that returns a refusal when its check fails (`return false`, `return { authorized: false }`)
          // decides here where the call's result, or that member of it, guards an exit.
          const refusal = check.guard.exit === "return" ? refusalOf(check.guard) : undefined;
          const guard = refusal && this.guardOf(call, 1, 0, refusal.member);
          if (guard?.exit) checks.push({ ...this.substituteCheck(check, callee, call), node: call, guard });
        }
      }
      for (const { instance, inner, callee, call } of composedInstances) {
        for (const check of inner.guardedBy) instance.guardedBy.push(this.substituteCheck(check, callee, call));
      }
      for (const instance of accesses) {
        const position = instance.via[0] ?? instance.access.operation.node;
        for (const check of checks) if (this.covers(check, instance, position, accesses)) instance.guardedBy.push(check);
      }
    };
    const returnsItemOf: Operation[] = [];
    for (const returned of this.values.returnsOf(fn).flatMap((value) => [value, ...this.promiseResolutions(value)])) {
      const value = unwrap(returned);
      if (value.type === AST_NODE_TYPES.UnaryExpression || value.type === AST_NODE_TYPES.BinaryExpression) continue;
      // A local object filled in member by member (`const user = {}; user.name = Item.name; return user`): what its members hold.
      const filled = value.type === AST_NODE_TYPES.Identifier ? this.values.resolveObject(value) : undefined;
      // A local array filled by pushes (`Items.forEach((item) => result.push(toNote(item))); return result`): its elements.
      const pushed = !filled && value.type === AST_NODE_TYPES.Identifier ? this.values.arrayElements(value) : undefined;
      const members = filled
        ? [...filled.properties.values()].slice(0, MAX_RETURNED_MEMBERS).map((property) => property.value)
        : pushed
          ? pushed.slice(0, MAX_RETURNED_MEMBERS)
          : value.type === AST_NODE_TYPES.Identifier
            ? this.instanceMemberWrites(value)
            : [];
      for (const node of [returned, ...members]) {
        for (const operation of this.itemOperations(this.originsOf(node))) if (!returnsItemOf.includes(operation)) returnsItemOf.push(operation);
      }
    }
    summary.returnsItemOf = returnsItemOf;
    return summary;
  }

  /** `const user = new UserDto(); user.name = Item.name;`: the values written to members of a fresh instance (none for other variables). */
  private instanceMemberWrites(identifier: TSESTree.Identifier): Node[] {
    const variable = this.scope.variableOf(identifier);
    const writes = variable ? this.scope.writesOf(variable) : [];
    const init = writes.length === 1 && writes[0].value ? unwrap(writes[0].value) : undefined;
    if (!variable || init?.type !== AST_NODE_TYPES.NewExpression || init.arguments.length > 0) return [];
    const values: Node[] = [];
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      const assignment = member?.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member) {
        values.push(assignment.right);
        if (values.length >= MAX_RETURNED_MEMBERS) break;
      }
    }
    return values;
  }

  /** Does the check, where it is, cover the access at `position`? */
  private covers(check: Check, instance: AccessInstance, position: Node, accesses: readonly AccessInstance[]): boolean {
    const guard = check.guard;
    const readLike = instance.access.kind === "read" || instance.access.kind === "query";
    // The read whose item the check inspects, or whose item keyed the read the check inspects (the profile whose
    // `candidateId` keys the credentials a password is verified against): covered when the check decides anything.
    if (readLike && check.items.includes(instance.access.operation)) return guard.decides;
    if (readLike && check.items.length > 0 && this.keyedFromItem(check.items, instance, accesses)) return guard.decides;
    if (guard.passes && contains(guard.passes, position)) return true;
    // An exit stops what follows in its own block: a check in a branch that returns (`if (mode === "self") { check; ...;
    // return }`) says nothing of the code after the branch.
    if (guard.node.range[1] <= position.range[0] && (!guard.fn || contains(guard.fn, position)) && contains(enclosingBlock(guard.node), position)) {
      if (guard.exit === "throw" || guard.exit === "return") return true;
      if (readLike && guard.exit === "response") return true;
    }
    // A role check after the read, before anything is served (`if (!allowed.includes(req.user.role)) return 403;
    // res.json(Item)`): the item reaches only the callers the check lets through. So does an existence check of an
    // item the caller's key reads (`Promise.all([get({ pk: USER#me, sk: SESSION#id }), query(SESSION#id)])`, then
    // `if (!session.Item) return 404`): evidenceFor() judges whether that read was the caller's.
    if (readLike && (check.kind === "role" || check.kind === "authorization" || check.kind === "exists") && guard.exit !== undefined && position.range[1] <= guard.node.range[0]) {
      return enclosingBlock(position) === enclosingBlock(guard.node) && !servedBefore(position, guard.node);
    }
    return false;
  }

  // ================================================================ checks

  /**
   * The function's own calls, and the nodes that may be checks (comparisons, calls, ifs) in walk order; false
   * when there are too many to judge. From the file index, grouped once per file by the function they belong to.
   */
  private collectCheckSites(fn: FunctionNode, calls: TSESTree.CallExpression[], sites: Node[]): boolean {
    const own = (this.checkCandidatesByOwner ??= this.groupCheckCandidates()).get(fn);
    if (!own) {
      // Not a separately summarised function of this file (an IIFE asked about directly): walk it.
      return this.walkOwn(fn, (node) => {
        if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.IfStatement || isEqualityComparison(node)) sites.push(node);
        if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
      });
    }
    if (own.length > MAX_CHECK_SITES) return false;
    for (const node of own) {
      if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
      sites.push(node);
    }
    return true;
  }

  /**
   * The file index's check candidates by the function whose own code (see walkOwn) holds them: in its body,
   * directly or in an inline callback, and not inside type syntax. Every separately summarised function with
   * candidates has an entry; the rest of the file's functions have an empty one.
   */
  private groupCheckCandidates(): Map<FunctionNode, Node[]> {
    const grouped = new Map<FunctionNode, Node[]>();
    for (const candidate of this.index.checkCandidates) {
      let child: Node = candidate;
      let owner: FunctionNode | undefined;
      for (let i = 0; i < 10_000; i++) {
        const current: Node | undefined = child.parent;
        if (!current || isTypeSyntax(current)) break;
        if (isFunction(current) && this.isSeparate(current)) {
          owner = current;
          break;
        }
        child = current;
      }
      // A comparison in a default parameter value or a type is not in the function's body.
      if (!owner || child !== owner.body) continue;
      const list = grouped.get(owner);
      if (list) list.push(candidate);
      else grouped.set(owner, [candidate]);
    }
    for (const fn of this.index.functions) if (!grouped.has(fn) && this.isSeparate(fn)) grouped.set(fn, NO_NODES);
    return grouped;
  }

  /** The checks a site makes, appended to `checks`. */
  private checksAt(node: Node, checks: Check[]): void {
    switch (node.type) {
      case AST_NODE_TYPES.BinaryExpression: {
        const polarity = node.operator === "===" || node.operator === "==" ? 1 : -1;
        const check = this.secretCheck(node, [node.left, node.right], polarity) ?? this.comparisonCheck(node.left, node.right, node, polarity);
        if (check) checks.push(check);
        break;
      }
      case AST_NODE_TYPES.CallExpression: {
        const check = (calleeName(node) === "timingSafeEqual" ? this.secretCheck(node, node.arguments, 1) : undefined) ?? this.callCheck(node);
        if (check) checks.push(check);
        break;
      }
      case AST_NODE_TYPES.IfStatement: {
        const check = this.roleCheck(node);
        if (check) checks.push(check);
        checks.push(...this.existenceChecks(node.test));
        break;
      }
      default:
        break;
    }
  }

  /**
   * What the request carries compared with a secret of the server, before an exit (`!==`, `!timingSafeEqual(a, b)`):
   * a request that passes comes from whoever holds the secret, not from a user who picks the ids. The secret is
   * - the HMAC of what the request sends, made with a key it does not choose (`createHmac("sha256", secret).update(body)
   *   .digest("base64") !== event.headers["X-Shopify-Hmac-Sha256"]`): a store, a payment provider;
   * - or a secret kept for another system (`token !== process.env.SYSTEM_API_TOKEN`, a `CRON_SECRET`): a scheduler, an
   *   internal service. Only one named for such a system: a plain `API_KEY` is often shipped in every user's browser.
   */
  private secretCheck(node: Node, operands: readonly Node[], polarity: 1 | -1): Check | undefined {
    if (operands.length !== 2 || operands.some((operand) => operand.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const [first, second] = operands;
    if (!this.signatureComparison(first, second) && !this.systemSecretComparison(first, second)) return undefined;
    const guard = this.guardOf(node, polarity);
    return guard && { kind: "authorization", node, guard, items: [], values: [], subjects: [] };
  }

  private signatureComparison(first: Node, second: Node): boolean {
    const digest = this.isHmacDigest(first) ? 0 : this.isHmacDigest(second) ? 1 : -1;
    return digest >= 0 && hasOrigin(this.originsOf(unwrapBufferFrom(digest === 0 ? second : first)), "request");
  }

  private systemSecretComparison(first: Node, second: Node): boolean {
    // `given.length !== expected.length`, before timingSafeEqual: a comparison of lengths checks nothing.
    if ([first, second].some((operand) => operand.type === AST_NODE_TYPES.MemberExpression && staticKeyName(operand) === "length")) return false;
    const [a, b] = [first, second].map((operand) => this.originsOf(unwrapBufferFrom(operand)));
    const isSystemSecret = (origins: readonly Origin[]) => origins.length > 0 && origins.every((origin) => origin.kind === "env" && SYSTEM_SECRET_NAME.test(origin.name ?? "") && SECRET_NAME.test(origin.name ?? ""));
    return (isSystemSecret(a) && hasOrigin(b, "request")) || (isSystemSecret(b) && hasOrigin(a, "request"));
  }

  /** An HMAC computed here with a key the request does not choose: `createHmac(alg, secret).update(body).digest()`, `CryptoJS.HmacSHA256(body, secret)`, through variables. */
  private isHmacDigest(node: Node): boolean {
    let value: Node | undefined = unwrapBufferFrom(node);
    for (let step = 0; step < 12 && value; step++) {
      value = unwrapAwait(unwrap(value));
      if (value.type === AST_NODE_TYPES.Identifier) {
        const definition = this.values.definitionOf(value);
        if (!definition || definition === value) return false;
        value = definition;
        continue;
      }
      if (value.type !== AST_NODE_TYPES.CallExpression) return false;
      if (HMAC_CALL.test(calleeName(value) ?? "")) {
        // The key is the second argument of createHmac(alg, key), or the last of HmacSHA256(message, key).
        const key = value.arguments[value.arguments.length - 1];
        return key !== undefined && key.type !== AST_NODE_TYPES.SpreadElement && !hasOrigin(this.originsOf(key), "request");
      }
      // .digest("hex"), .update(body), .toString("base64"): along the chain to the call that made the HMAC.
      const callee = unwrap(value.callee);
      value = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
    }
    return false;
  }

  private comparisonCheck(left: Node, right: Node, node: Node, polarity: 1 | -1): Check | undefined {
    if (left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
    // Either side constant (`x === undefined`, `typeof x === "string"`, `n === 0`): no check; the other side is not resolved.
    const leftOrigins = this.originsOf(left);
    if (leftOrigins.length === 0) return undefined;
    const rightOrigins = this.originsOf(right);
    if (rightOrigins.length === 0) return undefined;
    let leftItems = this.itemOperations(leftOrigins);
    let rightItems = this.itemOperations(rightOrigins);
    if (leftItems.length > 0 && rightItems.length > 0) {
      // hash(req.body.password + item.salt) !== item.passwordHash: the side with the request's credential is the value.
      const leftCredential = isCredential({ attribute: lastSegment(left), node: left, origins: leftOrigins });
      const rightCredential = isCredential({ attribute: lastSegment(right), node: right, origins: rightOrigins });
      if (leftCredential === rightCredential) return undefined;
      if (leftCredential) leftItems = [];
      else rightItems = [];
    }
    if (leftItems.length === 0 && rightItems.length === 0) {
      // Two values compared: worth keeping only when both may be request, caller or parameter values.
      if (!leftOrigins.some(isSubjectish) || !rightOrigins.some(isSubjectish)) return undefined;
    }
    const guard = this.guardOf(node, polarity);
    if (!guard) return undefined;
    const leftPart: ValuePart = { attribute: lastSegment(left), node: left, origins: leftOrigins };
    const rightPart: ValuePart = { attribute: lastSegment(right), node: right, origins: rightOrigins };
    if (leftItems.length > 0) return { kind: "item", node, guard, items: leftItems, values: [rightPart], subjects: [], secret: isSecretName(leftPart.attribute) };
    if (rightItems.length > 0) return { kind: "item", node, guard, items: rightItems, values: [leftPart], subjects: [], secret: isSecretName(rightPart.attribute) };
    return { kind: "compare", node, guard, items: [], values: [rightPart], subjects: [leftPart] };
  }

  private callCheck(call: TSESTree.CallExpression): Check | undefined {
    const callee = unwrap(call.callee);
    const name = calleeName(call);
    if (!name) return undefined;
    // Membership: item.members.includes(userId), allowed.has(id), a.equals(b)
    if (callee.type === AST_NODE_TYPES.MemberExpression && (name === "includes" || name === "has" || name === "equals") && call.arguments.length === 1) {
      const argument = call.arguments[0];
      if (argument.type !== AST_NODE_TYPES.SpreadElement) {
        const check = this.comparisonCheck(callee.object, argument, call, 1);
        if (check) return check;
      }
    }
    const chain = memberChain(callee);
    const dotted = this.dottedAuthorizationNames ? dottedName(chain) : undefined;
    if (this.authorizationNames.has(name) || (dotted !== undefined && this.authorizationNames.has(dotted))) {
      const guard = this.guardOf(call, 0) ?? this.statementGuard(call);
      if (guard) return { kind: "authorization", node: call, guard, items: [], values: [], subjects: [] };
    }
    const roleGuard = this.roleGuardCall(call, name);
    if (roleGuard) return roleGuard;
    if (!this.mayDecide(call, callee, chain, name)) return undefined;
    // assert(item.ownerId === user.id), ctx.assert(...): a comparison inside is handled as the comparison itself.
    const items: Operation[] = [];
    const values: ValuePart[] = [];
    const subjects: ValuePart[] = [];
    for (const argument of call.arguments) {
      if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const origins = this.originsOf(argument);
      if (origins.length === 0) continue;
      const fetched = this.itemOperations(origins);
      const part: ValuePart = { attribute: lastSegment(argument), node: argument, origins };
      if (fetched.length > 0) items.push(...fetched);
      else if (origins.some(isSubjectish) || origins.some((origin) => origin.kind === "request-object")) {
        values.push(part);
        subjects.push(part);
      }
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      // user.canEdit(item), policy.allows(user, item)
      const receiverOrigins = this.originsOf(callee.object);
      const fetched = this.itemOperations(receiverOrigins);
      if (fetched.length > 0) items.push(...fetched);
      else if (receiverOrigins.some(isSubjectish)) values.push({ attribute: undefined, node: callee.object, origins: receiverOrigins });
    }
    // A decision takes the item (or a key) together with something to decide by: at least two values.
    const distinct = new Set([...values, ...subjects].map((part) => part.node)).size;
    if (values.length === 0 || (items.length === 0 && distinct < 2)) return undefined;
    // `bcrypt.compare(password, user.Item.password)`, `timingSafeEqual(a, b)`: true when they match, so the branch it
    // lets through is known (`if (ok) { ...serve }`), not only an exit (`if (!ok) return 401`).
    let guard = this.guardOf(call, MATCHING_CALL.test(name) ? 1 : 0);
    if (!guard) {
      // A call whose answer no test reads decides only by throwing: `let plan = await getPlan(event, body)`, a function
      // of this file that reads or writes DynamoDB and cannot throw, fetches or acts; it decides nothing. (A pure
      // helper given the item and the caller, `updateLikes(Item.likes, sub)`, is still taken for a decision.)
      const local = this.calleeOf(call);
      if (local && !this.mayThrow(local) && this.summaryOf(local).accesses.length > 0) return undefined;
      guard = this.statementGuard(call);
    }
    if (!guard) return undefined;
    return { kind: "decision", node: call, guard, items, values, subjects };
  }

  /** Calls on the response, loggers, serializers, builtins and DynamoDB itself decide nothing. */
  private mayDecide(call: TSESTree.CallExpression, callee: Node, chain: ReturnType<typeof memberChain>, name: string): boolean {
    if (this.results.has(call)) return false;
    if (NON_DECISION_CALL.test(name) || ASSERT_CALLS.has(name)) return false;
    if (chain) {
      if (chain.root.type === AST_NODE_TYPES.Identifier) {
        const root = chain.root.name;
        if (LOGGER_NAME.test(root) || NON_DECISION_ROOTS.has(root)) return false;
        if (chain.path.length > 0) {
          // Methods of the framework's request/response objects (res.json, reply.send, ctx.set): not decisions.
          const origins = this.values.originsOf(chain.root);
          if (origins.some((origin) => origin.kind === "request-object")) return false;
        }
      }
      if (chain.path.some((segment) => /^(?:logger|log|console)$/i.test(segment))) return false;
    }
    if (callee.type === AST_NODE_TYPES.Identifier && (name === "next" || name === "callback" || name === "cb" || name === "done" || THROWING_CALLS.has(name))) return false;
    return true;
  }

  /**
   * Can a call of this same-file function refuse by throwing: a `throw` in its body (a rethrow in a `catch` aside), or
   * a call that may, a same-file function's (three calls deep) or one named for a check (`assertOwner(...)`)?
   */
  private mayThrow(fn: FunctionNode, depth = 0): boolean {
    let found = false;
    // `if (!Item) throw new NotFound()`, `if (!Item) ctx.throw(404)`: a missing item is not a refusal of the caller.
    const notFoundBranches = new Set<Node>();
    walk(fn.body, this.deps.visitorKeys, (node) => {
      if (found || node.type === AST_NODE_TYPES.CatchClause || notFoundBranches.has(node)) return false;
      if (node.type === AST_NODE_TYPES.IfStatement && this.testsAbsence(node.test)) notFoundBranches.add(node.consequent);
      if (node.type === AST_NODE_TYPES.ThrowStatement) found = true;
      else if (node.type === AST_NODE_TYPES.CallExpression) {
        const name = calleeName(node);
        const local = this.calleeOf(node);
        if (local ? local !== fn && (depth >= 2 || this.mayThrow(local, depth + 1)) : throwsOut(node) || (name !== undefined && (SELF_CONTAINED_GUARD_NAME.test(name) || ASSERT_CALLS.has(name)))) found = true;
      }
    });
    return found;
  }

  /** `!Item`, `data.Item == null`, `Items.length === 0`: a test that only asks whether a fetched item (or list) is missing. */
  private testsAbsence(test: Node): boolean {
    let subject = unwrap(test);
    if (subject.type === AST_NODE_TYPES.UnaryExpression && subject.operator === "!") {
      subject = unwrap(subject.argument);
    } else if (subject.type === AST_NODE_TYPES.BinaryExpression && (subject.operator === "===" || subject.operator === "==")) {
      if (isEmptyValue(subject.right)) subject = unwrap(subject.left);
      else if (isEmptyValue(subject.left)) subject = unwrap(subject.right);
      else return false;
    } else {
      return false;
    }
    if (subject.type !== AST_NODE_TYPES.Identifier && subject.type !== AST_NODE_TYPES.MemberExpression) return false;
    return this.itemOperations(this.originsOf(subject)).length > 0;
  }

  /** A call statement (awaited or not) may throw before anything after it runs. */
  private statementGuard(call: TSESTree.CallExpression): Guard | undefined {
    let { parent } = valueParent(call);
    // adminId = extractAdminId(event); (a variable declared before a try)
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === "=" && parent.parent?.type === AST_NODE_TYPES.ExpressionStatement) parent = parent.parent;
    if (parent?.type !== AST_NODE_TYPES.ExpressionStatement) {
      // const allowed = await check(...); if (!allowed) ... is handled by guardOf; a plain `const x = await assertX()` may throw.
      if (parent?.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
    }
    return { node: statementOf(call), exit: "throw", fn: enclosingFunction(call), decides: true };
  }

  /** `if (!Item) return 404`, `if (Items.length === 0) throw ...`: a fetched item tested for existence. */
  private existenceChecks(test: Node): Check[] {
    const checks: Check[] = [];
    let budget = 200;
    walk(test, this.deps.visitorKeys, (node) => {
      if (--budget < 0 || isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        // Sign-up through a helper: `if (await emailExists(email)) return 409`, whose every return is `!!result.Item` of its
        // read, or `if (await findAccount(email)) return 409`, which returns the item it fetched.
        const reads = this.existenceReadsOfCall(node);
        if (reads.length === 0) return;
        const absent = this.absenceGuard(node, 1);
        if (absent && (absent.exit !== undefined || absent.passes !== undefined)) checks.push({ kind: "absent", node, guard: absent, items: reads, values: [], subjects: [] });
        return false;
      }
      if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return;
      const items = this.itemOperations(this.originsOf(node));
      if (items.length === 0) return node.type === AST_NODE_TYPES.MemberExpression ? false : undefined;
      let start: Node = node;
      let polarity: 1 | -1 = 1;
      const { parent, child } = valueParent(node);
      if (parent?.type === AST_NODE_TYPES.BinaryExpression) {
        const other = parent.left === child ? parent.right : parent.left;
        const empty = isEmptyValue(other);
        const one = other.type === AST_NODE_TYPES.Literal && other.value === 1;
        if (empty && /^[!=]==?$/.test(parent.operator)) polarity = parent.operator.startsWith("=") ? -1 : 1;
        else if (empty && parent.right === other && (parent.operator === ">" || parent.operator === "<=")) polarity = parent.operator === ">" ? 1 : -1;
        else if (one && parent.right === other && (parent.operator === ">=" || parent.operator === "<")) polarity = parent.operator === ">=" ? 1 : -1;
        else return false;
        start = parent;
      }
      const guard = this.guardOf(start, polarity);
      if (guard) checks.push({ kind: "exists", node: start, guard, items, values: [], subjects: [] });
      // Sign-up: `if (existing.Item) return 409; put(...)`, or `if (found.Count < 1) { put(...) }`: the result itself, not an attribute of the item.
      const absent = this.namesWholeResult(node) ? this.absenceGuard(start, polarity) : undefined;
      if (absent && (absent.exit !== undefined || absent.passes !== undefined)) checks.push({ kind: "absent", node: start, guard: absent, items, values: [], subjects: [] });
      return false;
    });
    return checks;
  }

  /**
   * The guard under which a read's result is known to be empty: `if (existing.Item) return` (what follows), `if (!found)
   * { ... }` (the branch). Of a test joined with others only `found && found.Count < 1` counts, and only its branch:
   * `if (!Item || stale)` and `if (flag && Item) return` say nothing of the item alone.
   */
  /**
   * The reads a called function (this file's or another module's) returns the item of or tells the existence of
   * (existenceReads): `findAccount(email)`, `emailExists(email)`; not a function given an item (`isExpired(item.createdAt)`).
   */
  private existenceReadsOfCall(call: TSESTree.CallExpression): Operation[] {
    const callee = this.calleeOf(call);
    const external = callee ? undefined : this.externalCallee(call);
    const ownership = callee ? this : external?.module.ownership;
    const fn = callee ?? external?.fn;
    if (!ownership || !fn) return [];
    return ownership.existenceReads(fn);
  }

  /**
   * The reads whose result a function returns whole or answers the existence of: every `return` is the item
   * (`return Item`, `return result.Items[0]`, `return null` when there is none) or `!!result.Item`,
   * `result.Item !== undefined`, `Boolean(Item)`, `result.Count > 0`, `Items.length > 0` of a read it performs.
   */
  existenceReads(fn: FunctionNode): Operation[] {
    let reads = this.existenceReadsCache.get(fn);
    if (reads) return reads;
    reads = [];
    const returned = this.values.returnsOf(fn).filter((value) => !isNothing(value));
    for (const value of returned) {
      let tested = existenceTested(value) ?? unwrapAwait(unwrap(value));
      // result.Items[0]: the first item of the whole result.
      if (tested.type === AST_NODE_TYPES.MemberExpression && tested.computed && tested.property.type === AST_NODE_TYPES.Literal && tested.property.value === 0) tested = unwrap(tested.object);
      const items = this.namesWholeResult(tested) ? this.itemOperations(this.originsOf(tested)) : [];
      if (items.length === 0 || items.some((operation) => !this.deps.operations.includes(operation))) {
        reads = [];
        break;
      }
      for (const operation of items) if (!reads.includes(operation)) reads.push(operation);
    }
    this.existenceReadsCache.set(fn, reads);
    return reads;
  }

  private absenceGuard(start: Node, polarity: 1 | -1): Guard | undefined {
    let joined = false;
    for (let current = start, i = 0; current.parent && i < 20; current = current.parent, i++) {
      const parent: Node = current.parent;
      if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) break;
      if (parent.type !== AST_NODE_TYPES.LogicalExpression) continue;
      if (joined || parent.operator !== "&&" || parent.right !== current || parent.parent?.type !== AST_NODE_TYPES.IfStatement) return undefined;
      joined = true;
    }
    const guard = this.guardOf(start, polarity === 1 ? -1 : 1);
    return guard && joined ? { ...guard, exit: undefined } : guard;
  }

  /**
   * Does the node stand for a read's whole result (`existing.Item`, `found.Count`, `Items.length`, a variable that holds
   * one), rather than an attribute of the item (`item.translations`, `const description = item.description`)?
   */
  private namesWholeResult(node: Node): boolean {
    let current = unwrap(node);
    for (let i = 0; i < 3; i++) {
      if (current.type === AST_NODE_TYPES.MemberExpression) return RESULT_MEMBERS.has(staticKeyName(current) ?? "");
      if (current.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = this.scope.variableOf(current);
      const definition = variable?.defs[0];
      if (definition?.type !== "Variable" || !definition.node.init) return true;
      // const { Item } = await ..., const { Items: found } = ...: the member destructured.
      if (definition.node.id.type !== AST_NODE_TYPES.Identifier) {
        const property = definition.name.parent;
        return property?.type === AST_NODE_TYPES.Property && RESULT_MEMBERS.has(staticKeyName(property) ?? "");
      }
      const init = unwrapAwait(unwrap(definition.node.init));
      // Items.find((m) => ...) picks from the result; club.applications.find(...) from an attribute of the item.
      const picked = init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.MemberExpression && ELEMENT_PICKS.has(staticKeyName(init.callee) ?? "");
      if (picked) {
        current = unwrap((init.callee as TSESTree.MemberExpression).object);
        continue;
      }
      // club.applications || []: what the left side names.
      if (init.type === AST_NODE_TYPES.LogicalExpression && init.operator !== "&&") {
        current = unwrap(init.left);
        continue;
      }
      if (init.type !== AST_NODE_TYPES.MemberExpression) return true;
      current = init;
    }
    return false;
  }

  /** `if (!req.user.isAdmin) return ...`, `if (!groups.includes("admin")) throw ...`. */
  private roleCheck(statement: TSESTree.IfStatement): Check | undefined {
    let role = false;
    // `if (["manager", "admin"].includes(req.user.role)) { ... }`: the branch runs only for those roles.
    let passesWithRole = false;
    let budget = 200;
    walk(statement.test, this.deps.visitorKeys, (node) => {
      if (role || --budget < 0 || isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier) {
        const origins = this.values.originsOf(node);
        if (isCallerRole(origins) || this.isCallerRecordRole(node)) {
          role = exitsWithoutRole(node, statement.test, (value) => isCallerRole(this.values.originsOf(value)) || this.isCallerRecordRole(value));
          passesWithRole ||= holdsOnlyWithRole(node, statement.test);
        }
        // const forbidden = requireAdmin(req); if (forbidden) return forbidden;
        const definition = node.type === AST_NODE_TYPES.Identifier ? this.values.definitionOf(node) : undefined;
        if (definition?.type === AST_NODE_TYPES.CallExpression && this.isRoleCall(definition)) role = exitsWithoutRole(node, statement.test);
        if (node.type === AST_NODE_TYPES.MemberExpression) return false;
      }
      if (node.type === AST_NODE_TYPES.CallExpression && this.isRoleCall(node)) role = exitsWithoutRole(node, statement.test);
      // session.user.email !== ADMIN_EMAIL, userId != process.env.ADMIN_ID: the caller is not the configured administrator.
      if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === "!==" || node.operator === "!=")) {
        const sides = [node.left as Node, node.right];
        const configured = (side: Node) => {
          const origins = this.values.originsOf(side);
          return namesAdmin(side) && !hasOrigin(origins, "request") && !hasOrigin(origins, "caller");
        };
        if (sides.some(configured) && sides.some((side) => !configured(side) && hasOrigin(this.values.originsOf(side), "caller"))) {
          role = exitsWithoutRole(node, statement.test);
        }
      }
      // payload.type !== "admin", user.kind === "ADMIN": a claim of the caller's compared with the administrator's role,
      // whatever the claim is named.
      if (node.type === AST_NODE_TYPES.BinaryExpression && EQUALITY_OPERATORS.has(node.operator)) {
        const sides = [node.left as Node, node.right];
        if (sides.some(isAdminRoleLiteral) && sides.some((side) => !isAdminRoleLiteral(side) && hasOrigin(this.values.originsOf(side), "caller"))) {
          if (node.operator === "!==" || node.operator === "!=") role = exitsWithoutRole(node, statement.test);
          else passesWithRole ||= holdsOnlyWithRole(node, statement.test);
        }
      }
      if (node.type === AST_NODE_TYPES.CallExpression && (calleeName(node) === "includes" || calleeName(node) === "some")) {
        // groups.includes("admin") where groups is the caller's
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const origins = this.values.originsOf(callee.object);
          const argument = node.arguments[0];
          const adminLiteral = argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === "string" && ROLE_CALL_NAME.test(argument.value);
          if (origins.some((origin) => origin.kind === "caller") && adminLiteral) role = exitsWithoutRole(node, statement.test);
        }
      }
    });
    const exit = role ? strongestExit(branchExit(statement.consequent, this.deps.visitorKeys), statement.alternate ? branchExit(statement.alternate, this.deps.visitorKeys) : undefined) : undefined;
    if (!exit) {
      return passesWithRole && namesPrivilegedRole(statement.test, this.deps.visitorKeys)
        ? { kind: "role", node: statement.test, guard: { node: statement, passes: statement.consequent, fn: enclosingFunction(statement), decides: true }, items: [], values: [], subjects: [] }
        : undefined;
    }
    return { kind: "role", node: statement.test, guard: { node: statement, exit, fn: enclosingFunction(statement), decides: true }, items: [], values: [], subjects: [] };
  }

  /**
   * `adminId = extractAdminId(event)` in a `try` whose `catch` answers 401, `await requireRole(req, "admin")`: a
   * call named for the admin role (or a guard named for any role) that is given the request or the caller, as a
   * statement of its own, throws for anyone else before what follows runs. A predicate (`isAdmin(user)`)
   * decides only in a condition (roleCheck).
   */
  private roleGuardCall(call: TSESTree.CallExpression, name: string): Check | undefined {
    if (PREDICATE_NAME.test(name) || !(ADMIN_NAME.test(name) || GUARD_PREFIX.test(name)) || !this.isRoleCall(call)) return undefined;
    const guard = this.statementGuard(call);
    return guard && { kind: "role", node: call, guard, items: [], values: [], subjects: [] };
  }

  /**
   * A role attribute of the record a call fetches for the caller (`const user = await User.findById(req.user.id);
   * user.isAdmin`, `findOne({ _id: me }).role`): the caller's own role, wherever it is stored.
   */
  private isCallerRecordRole(node: Node): boolean {
    const value = unwrap(node);
    if (value.type !== AST_NODE_TYPES.MemberExpression || !ROLE_NAME.test(staticKeyName(value) ?? "")) return false;
    const record = unwrapAwait(this.values.definitionOf(value.object) ?? unwrap(value.object));
    if (record.type !== AST_NODE_TYPES.CallExpression || record.arguments.length === 0) return false;
    return record.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isCallerOnly(this.values.originsOf(argument)));
  }

  /** isAdmin(req.user), requireRole(user, "admin"), and isAdminRequest(req): the whole request carries the caller's credentials. */
  private isRoleCall(call: TSESTree.CallExpression): boolean {
    if (!ROLE_CALL_NAME.test(calleeName(call) ?? "")) return false;
    const callee = unwrap(call.callee);
    const operands = [...call.arguments, ...(callee.type === AST_NODE_TYPES.MemberExpression ? [callee.object] : [])];
    // The caller, the request, or a credential the request carries (`verifyRole(["admin"], event.headers["X-Token"])`).
    const authority = (origin: Origin) => origin.kind === "caller" || isWholeRequest(origin) || (origin.kind === "request" && CREDENTIAL_CARRIER.test(origin.path));
    return operands.some((operand) => operand.type !== AST_NODE_TYPES.SpreadElement && this.values.originsOf(operand).some(authority));
  }

  /**
   * How a boolean-ish expression decides control flow. `polarity` 1: true means the check passes; -1: false
   * means it passes; 0: unknown (an authorization call whose result may mean either).
   */
  private guardOf(expression: Node, polarity: 1 | -1 | 0, depth = 0, verdictMember?: string): Guard | undefined {
    let current: Node = expression;
    let sign = polarity;
    // The expression is an object whose member `verdictMember` holds the verdict: only that member is tested.
    let member = verdictMember;
    for (let i = 0; i < 100; i++) {
      const parent: Node | undefined = current.parent;
      if (!parent) return undefined;
      if (member !== undefined) {
        // result.authorized
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && staticKeyName(parent) === member) {
          member = undefined;
          current = parent;
          continue;
        }
        // const { authorized } = await check(id)
        if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.ObjectPattern && depth <= 3) {
          const property = parent.id.properties.find((entry): entry is TSESTree.Property => entry.type === AST_NODE_TYPES.Property && staticKeyName(entry) === member);
          const variable = property?.value.type === AST_NODE_TYPES.Identifier ? this.scope.variableOf(property.value) : undefined;
          for (const reference of variable?.references ?? []) {
            if (!reference.isRead()) continue;
            const guard = this.guardOf(reference.identifier, sign, depth + 1);
            if (guard) return guard;
          }
          return undefined;
        }
        const passesOn = parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ChainExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression;
        if (!passesOn && parent.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
      }
      switch (parent.type) {
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.LogicalExpression:
          current = parent;
          continue;
        case AST_NODE_TYPES.UnaryExpression:
          if (parent.operator !== "!") return undefined;
          sign = -sign as 1 | -1 | 0;
          current = parent;
          continue;
        case AST_NODE_TYPES.ArrowFunctionExpression: {
          // call.participants.some((p) => p.userId === me): the call holds when an element matches, and decides as the test would.
          const call = parent.parent;
          if (parent.body !== current || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== parent || !MATCHING_METHODS.has(calleeName(call) ?? "")) return undefined;
          current = call;
          continue;
        }
        case AST_NODE_TYPES.BinaryExpression: {
          // isOwner === false, allowed !== true
          const other = parent.left === current ? parent.right : parent.left;
          if (other.type !== AST_NODE_TYPES.Literal || typeof other.value !== "boolean") return undefined;
          const negated = (parent.operator === "===" || parent.operator === "==") !== other.value;
          if (negated) sign = -sign as 1 | -1 | 0;
          current = parent;
          continue;
        }
        case AST_NODE_TYPES.IfStatement: {
          if (parent.test !== current) return undefined;
          const fn = enclosingFunction(parent);
          if (sign === 0) {
            const exit = strongestExit(branchExit(parent.consequent, this.deps.visitorKeys), parent.alternate ? branchExit(parent.alternate, this.deps.visitorKeys) : undefined);
            return { node: parent, exit, fn, decides: exit !== undefined };
          }
          const passes = sign === 1 ? parent.consequent : (parent.alternate ?? undefined);
          const fails = sign === 1 ? (parent.alternate ?? undefined) : parent.consequent;
          const exit = fails ? branchExit(fails, this.deps.visitorKeys) : undefined;
          return { node: parent, passes: passes ?? undefined, exit, fn, decides: exit !== undefined || (passes !== undefined && doesSomething(passes, this.deps.visitorKeys)) };
        }
        case AST_NODE_TYPES.ConditionalExpression: {
          if (parent.test !== current) return undefined;
          const passes = sign === -1 ? parent.alternate : parent.consequent;
          return { node: parent, passes: sign === 0 ? undefined : passes, fn: enclosingFunction(parent), decides: sign !== 0 };
        }
        case AST_NODE_TYPES.VariableDeclarator: {
          // const isOwner = item.ownerId === user.id; if (!isOwner) return ...
          if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier || depth > 3) return undefined;
          const variable = this.scope.variableOf(parent.id);
          if (!variable) return undefined;
          for (const reference of variable.references) {
            if (!reference.isRead()) continue;
            const guard = this.guardOf(reference.identifier, sign, depth + 1, member);
            if (guard) return guard;
          }
          return undefined;
        }
        case AST_NODE_TYPES.CallExpression: {
          // assert(item.ownerId === user.id), ctx.assert(cond, 403)
          if (parent.callee === current || sign !== 1) return undefined;
          const name = calleeName(parent);
          if (!name || !ASSERT_CALLS.has(name) || parent.arguments[0] !== current) return undefined;
          const { parent: statement } = valueParent(parent);
          if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
          return { node: statement, exit: "throw", fn: enclosingFunction(parent), decides: true };
        }
        default:
          return undefined;
      }
    }
    return undefined;
  }

  // ================================================================ handlers

  /** Every access by a request-chosen key in a request handler of the file, with its ownership evidence. */
  handlerAccesses(): HandlerAccess[] {
    if (this.handlerAccessesValue) return this.handlerAccessesValue;
    const result: HandlerAccess[] = [];
    for (const root of this.roots()) {
      const summary = this.summaryOf(root);
      const kind = this.deps.sources.handlerKind(root);
      let authorizer: boolean | undefined;
      let route: RouteInfo | undefined;
      // The handler's caller values are looked for only when a report needs them (an access without evidence):
      // the walk resolves every value the handler reads.
      let callers: CallerValues | undefined;
      const callersOf = () => (callers ??= this.callerValues(root));
      for (const instance of summary.accesses) {
        let requestParts = instance.keyParts.filter(isChosenByRequest);
        if (requestParts.length === 0) continue;
        // An API Gateway authorizer answers with a policy, not with items: its reads are the checks it makes.
        if ((authorizer ??= isLambdaAuthorizer(root, this.scope))) break;
        const routeInfo = (route ??= this.routeOf(root));
        // celebrate(schema), validateBody(schema) on the route: the body has the keys its schema lists, and a spread of it
        // after a generated id only replaces the id when the schema lets one through, which is not for this analysis to say.
        const bodyValidated = routeInfo.validated === true || routeInfo.middleware.some((name) => VALIDATION_MIDDLEWARE.test(name));
        if (bodyValidated) requestParts = requestParts.filter((part) => !part.fromSpread);
        if (requestParts.length === 0) continue;
        // A same-file helper on the way to the access may authenticate (`handleDelete(event, id)` calls `requireAuth(event)`).
        const authenticatedOnTheWay = () =>
          instance.via.some((call) => {
            const callee = this.calleeOf(call);
            return callee !== undefined && this.callerValues(callee).nodes.length > 0;
          });
        result.push({
          handler: root,
          handlerKind: kind,
          instance,
          reportNode: instance.via[0] ?? instance.access.operation.node,
          requestParts,
          bodyValidated,
          evidence: this.evidenceFor(instance, summary, routeInfo),
          itemUse: instance.access.kind === "read" || instance.access.kind === "query" ? this.itemUse(instance) : "used",
          routePath: routeInfo.path,
          get callerNodes() {
            return callersOf().nodes;
          },
          get authenticated() {
            return callersOf().nodes.length > 0 || routeInfo.authenticated || authenticatedOnTheWay();
          },
          get authenticatedByDeploymentOnly() {
            return routeInfo.authenticatedByDeployment === true && callersOf().nodes.length === 0 && !authenticatedOnTheWay();
          },
          get complete() {
            return summary.complete && callersOf().complete;
          },
        });
      }
    }
    this.handlerAccessesValue = result;
    return result;
  }

  /**
   * Does a request handler of this file list the whole table to the callers of a read: a Scan with no filter,
   * projection, index or `Select`, its items served, in a handler that shows no authentication (anyone), or that
   * authenticates and checks no role (any signed-in caller, when the read is authenticated too)? Then reading one
   * of its items by id reveals nothing the listing does not (`GET /artists` and `GET /artists/:id` of a directory).
   */
  listsWholeTable(table: TableRef | undefined, readerAuthenticated: boolean): boolean {
    if (!isKnownTable(table)) return false;
    this.wholeTableListings ??= this.computeWholeTableListings();
    return this.wholeTableListings.some((listed) => sameTable(listed.table, table) && (listed.audience === "anyone" || readerAuthenticated));
  }

  /** listsWholeTable() here or in a module beside this file (one Lambda handler per file: `listGames.ts` beside `getGame.ts`). */
  listsWholeTableNearby(table: TableRef | undefined, readerAuthenticated: boolean): boolean {
    if (this.listsWholeTable(table, readerAuthenticated)) return true;
    const external = this.deps.external;
    if (!isKnownTable(table) || !external) return false;
    // Asked for each read about to be reported: the folder is listed and searched once per table and audience.
    const key = `${readerAuthenticated}:${tableId(table)}`;
    let answer = this.siblingListings.get(key);
    if (answer === undefined) {
      answer = external.siblingListsWholeTable(table, readerAuthenticated);
      this.siblingListings.set(key, answer);
    }
    return answer;
  }

  private computeWholeTableListings(): Array<{ table: TableRef; audience: ListingAudience }> {
    const listings: Array<{ table: TableRef; audience: ListingAudience }> = [];
    for (const operation of this.deps.operations) {
      const scanned = this.wholeTableScanned(operation);
      if (!scanned) continue;
      const table = scanned.table;
      const performer = enclosingFunction(operation.node);
      const audience = performer ? this.listingAudience(performer, 0) : undefined;
      if (!audience) continue;
      // Served: the items are used, not only counted or tested.
      const uses = this.resultUses(operation);
      if (uses.some(isServed)) listings.push({ table, audience });
    }
    // A handler that serves what a function of another module lists (`findAll() { return this.notes.findAll(); }`).
    const resolver = this.deps.external;
    if (resolver) {
      for (const call of this.index.calls) {
        // In a handler, or a callback inside one (`withSubsegment(async () => { const notes = await getAllNotes(); ... })`).
        const enclosing = enclosingFunction(call);
        // A controller's listing method takes no request (`async getAll() { return this.service.getAll(); }`): it is
        // reached as its class's handlers are.
        const handler = enclosing && (this.deps.sources.withinHandler(enclosing) ? enclosing : this.handlerBeside(enclosing));
        if (!handler || this.calleeOf(call) || !resolver.isAccessCandidate(call)) continue;
        if (!isServed(this.useOf(call))) continue;
        // Asked only when a read is about to be reported; a listing takes no argument, so externalCallee() would not read it.
        const external = resolver.resolveAccessing(call);
        // A table the function is given (`scanItems("Events")`) is the call's argument.
        const tables = external ? this.scannedThrough(external.module.ownership.wholeTablesReturnedBy(external.fn, 0), external.fn, call).map(({ table }) => table).filter(isKnownTable) : [];
        const audience = tables.length > 0 ? this.listingAudience(handler, 0) : undefined;
        if (audience) for (const table of tables) listings.push({ table, audience });
      }
    }
    return listings;
  }

  /** For a method without parameters, a method of its class that is a request handler. */
  private handlerBeside(fn: FunctionNode): FunctionNode | undefined {
    const method = fn.parent;
    if (fn.params.length > 0 || method?.type !== AST_NODE_TYPES.MethodDefinition || method.parent.type !== AST_NODE_TYPES.ClassBody) return undefined;
    for (const member of method.parent.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition && member !== method && member.value.type === AST_NODE_TYPES.FunctionExpression && this.isEntryHandler(member.value)) return member.value;
    }
    return undefined;
  }

  /**
   * The tables whose whole-table Scan a function returns the items of: its own, or those of a function of another
   * module whose result it returns. A table given as one of the function's parameters (`scanItems(TableName)`) is
   * that parameter, for the caller to substitute; `narrowedBy` lists the parameters that, when the caller passes
   * them, filter the Scan (`scanItems(table, filterExpression = null)`).
   */
  wholeTablesReturnedBy(fn: FunctionNode, depth: number): ScannedTable[] {
    if (depth > 3) return [];
    const tables: ScannedTable[] = [];
    for (const operation of this.summaryOf(fn, 1).returnsItemOf) {
      const scanned = this.wholeTableScanned(operation, fn);
      if (scanned) tables.push(scanned);
    }
    // What it returns, also wrapped in an object (`return { success: true, data }`).
    const returned = this.values.returnsOf(fn).flatMap((node): Node[] => {
      const value = unwrap(node);
      return value.type === AST_NODE_TYPES.ObjectExpression
        ? value.properties.slice(0, MAX_RETURNED_MEMBERS).flatMap((property): Node[] => (property.type === AST_NODE_TYPES.Property ? [property.value] : []))
        : [value];
    });
    for (const node of returned) {
      const value = unwrapAwait(this.values.definitionOf(node) ?? node);
      if (value.type !== AST_NODE_TYPES.CallExpression || this.calleeOf(value) || !this.deps.external?.isAccessCandidate(value)) continue;
      const external = this.deps.external.resolveAccessing(value);
      if (external) tables.push(...this.scannedThrough(external.module.ownership.wholeTablesReturnedBy(external.fn, depth + 1), external.fn, value));
    }
    return tables;
  }

  /** The whole tables a call of `fn` lists, in this module's terms: table parameters substituted, Scans the call filters left out. */
  private scannedThrough(scanned: readonly ScannedTable[], fn: FunctionNode, call: TSESTree.CallExpression): ScannedTable[] {
    const omitted = (index: number) => call.arguments[index] === undefined || isNothing(call.arguments[index]);
    return scanned.flatMap(({ table, narrowedBy }) => {
      if (narrowedBy?.some((index) => !omitted(index))) return [];
      const substituted = this.substituteTable(table, fn, call);
      return substituted ? [{ table: substituted }] : [];
    });
  }

  /**
   * The table a Scan of this file reads whole (no filter, projection, index, `Select` or segment), when known, or
   * when it is a parameter of `performer`; a narrowing member that one of `performer`'s parameters fills
   * (`if (filterExpression) params.FilterExpression = filterExpression`) narrows it only when the caller passes one.
   */
  wholeTableScanned(operation: Operation, performer?: FunctionNode): ScannedTable | undefined {
    if (operation.canonical !== "Scan" || !operation.input || !this.deps.operations.includes(operation)) return undefined;
    const input = this.values.resolveObject(operation.input);
    if (!input?.complete) return undefined;
    const narrowedBy: number[] = [];
    for (const name of NARROWING_SCAN_MEMBERS) {
      const member = input.properties.get(name);
      if (!member) continue;
      const index = performer ? this.scope.parameterIndex(performer, unwrap(member.value)) : -1;
      if (index < 0) return undefined;
      narrowedBy.push(index);
    }
    const tableNode = input.properties.get("TableName")?.value;
    const table = tableNode ? this.tableRef(tableNode) : undefined;
    const given = performer !== undefined && table?.parameter?.fn === performer;
    if (!table || !(given || isKnownTable(table))) return undefined;
    return narrowedBy.length > 0 ? { table, narrowedBy } : { table };
  }

  /**
   * Who reaches the function (it, a function around it, or one calling it in this file, 3 levels): a request
   * handler with no authentication ("anyone"), or with authentication and no role check ("signed-in"); undefined
   * otherwise. Each function is asked once per question (`seen`), so fan-out stays linear.
   */
  private listingAudience(fn: FunctionNode, depth: number, seen = new Set<FunctionNode>()): ListingAudience | undefined {
    if (seen.has(fn)) return undefined;
    seen.add(fn);
    if (this.isEntryHandler(fn)) {
      const route = this.routeOf(fn);
      if (route.roles || checksOf(this.summaryOf(fn)).some((check) => check.kind === "role" || check.kind === "authorization")) return undefined;
      return route.authenticated || this.callerValues(fn).nodes.length > 0 ? "signed-in" : "anyone";
    }
    if (depth >= 3) return undefined;
    const outer = enclosingFunction(fn);
    const fromOuter = outer ? this.listingAudience(outer, depth + 1, seen) : undefined;
    if (fromOuter) return fromOuter;
    for (const call of this.callSitesOf(fn)) {
      const caller = enclosingFunction(call);
      const audience = caller ? this.listingAudience(caller, depth + 1, seen) : undefined;
      if (audience) return audience;
    }
    return undefined;
  }

  /** Handlers (per the source catalogue), and functions with accesses that nothing in the file calls. */
  private roots(): FunctionNode[] {
    const roots = new Set<FunctionNode>();
    const relevant = this.functionsReachingOperations();
    for (const fn of relevant) {
      if (this.isEntryHandler(fn)) roots.add(fn);
    }
    for (const operation of this.deps.operations) {
      if (!operation.dataPlane) continue;
      const owner = this.ownerOf(operation.node);
      if (owner && !roots.has(owner) && this.callSitesOf(owner).length === 0 && !this.insideHandler(owner)) roots.add(owner);
    }
    return [...roots];
  }

  /**
   * A request handler that requests enter through. A function shaped like a Lambda handler that the file does
   * not export and calls itself (`const handleDelete = async (event, id) => ...` called by `exports.handler`)
   * is a helper of the handler that calls it.
   */
  private isEntryHandler(fn: FunctionNode): boolean {
    const kind = this.deps.sources.handlerKind(fn);
    if (!kind) return false;
    return kind.kind !== "lambda" || this.deps.sources.isExported(fn) || this.callSitesOf(fn).length === 0;
  }

  /** Functions that perform a DynamoDB operation or call (through same-file calls) one that does: the only ones worth a summary. */
  private functionsReachingOperations(): Set<FunctionNode> {
    const reached = new Set<FunctionNode>();
    const queue: FunctionNode[] = [];
    for (const operation of this.deps.operations) {
      if (!operation.dataPlane) continue;
      const owner = this.ownerOf(operation.node);
      if (owner && !reached.has(owner)) {
        reached.add(owner);
        queue.push(owner);
      }
    }
    for (const owner of this.externalSeeds()) {
      if (!reached.has(owner)) {
        reached.add(owner);
        queue.push(owner);
      }
    }
    for (let i = 0; i < queue.length && i < 10_000; i++) {
      for (const call of this.callSitesOf(queue[i])) {
        const caller = this.ownerOf(call);
        if (caller && !reached.has(caller)) {
          reached.add(caller);
          queue.push(caller);
        }
      }
    }
    return reached;
  }

  /** A function defined inside a request handler (a callback, a nested helper). */
  private insideHandler(fn: FunctionNode): boolean {
    const outer = enclosingFunction(fn);
    return outer !== undefined && this.deps.sources.withinHandler(outer);
  }

  /** Caller values the handler reads (at most 20), and whether the walk for them covered the whole handler. */
  private callerValues(root: FunctionNode): CallerValues {
    const callerNodes: Node[] = [];
    const callerVariables = new Map<unknown, boolean>();
    const rootsLeadingToCaller = new Map<unknown, boolean>();
    const complete = this.walkOwn(root, (node) => {
      if (callerNodes.length >= 20) return;
      const parent = node.parent;
      const outermostMember = node.type === AST_NODE_TYPES.MemberExpression && !(parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node);
      const namedCall = node.type === AST_NODE_TYPES.CallExpression && unwrap(node.callee).type === AST_NODE_TYPES.Identifier;
      const identifier = node.type === AST_NODE_TYPES.Identifier && !(parent?.type === AST_NODE_TYPES.MemberExpression && (parent.object === node || parent.property === node)) && parent?.type !== AST_NODE_TYPES.Property;
      if (!outermostMember && !namedCall && !identifier) return;
      if (identifier) {
        // Every read of a variable has the same origins (its writes, wherever it is read): judge each variable once.
        const variable = this.scope.variableOf(node);
        if (variable) {
          let caller = callerVariables.get(variable);
          if (caller === undefined) callerVariables.set(variable, (caller = this.isCallerValue(this.values.originsOf(node))));
          if (caller) callerNodes.push(node);
          return;
        }
      }
      if (outermostMember && !this.memberMayBeCaller(node, rootsLeadingToCaller)) return;
      if (this.isCallerValue(this.values.originsOf(node))) callerNodes.push(node);
    });
    for (let i = 0; i < root.params.length && callerNodes.length < 20; i++) {
      const root_ = this.deps.sources.classifyParameter(root, root.params[i]);
      if (root_?.kind === "caller") callerNodes.push(root.params[i]);
    }
    return { nodes: callerNodes, complete };
  }

  /**
   * False when a member read cannot be the caller whatever its path: its root variable's values come from
   * neither the caller, nor the request object, nor a parameter (the only origins a member path can turn
   * into the caller), and the answer is whole. `item.a`, `item.b`, ... then cost one resolution of `item`
   * instead of one each.
   */
  private memberMayBeCaller(member: TSESTree.MemberExpression, rootsLeadingToCaller: Map<unknown, boolean>): boolean {
    let object: Node = unwrap(member.object);
    while (object.type === AST_NODE_TYPES.MemberExpression) object = unwrap(object.object);
    if (object.type !== AST_NODE_TYPES.Identifier) return true;
    const variable = this.scope.variableOf(object);
    // A global (`console.log`, `JSON.parse`, `process.env.X`): its members are never the caller.
    if (!variable || variable.defs.length === 0) return false;
    let answer = rootsLeadingToCaller.get(variable);
    if (answer === undefined) {
      answer = this.values.originsOf(object).some((origin) => origin.kind === "caller" || origin.kind === "request-object" || origin.kind === "parameter" || isExhausted(origin));
      rootsLeadingToCaller.set(variable, answer);
    }
    return answer;
  }

  /**
   * The names around calls that wrap a function given by name: the wrapper, its other arguments and what a
   * chain of `.use(...)` on it adds (`middy(main).use(jsonBodyParser()).use(validator({ eventSchema }))`).
   */
  private wrapperNames(root: FunctionNode): string[] {
    const names: string[] = [];
    // Wrappers run where the module is loaded, not inside a function (a route registration is not one).
    this.moduleLevelCalls ??= this.index.calls.filter((call) => enclosingFunction(call) === undefined && !ROUTE_METHODS.has(calleeName(call) ?? ""));
    for (const call of this.moduleLevelCalls) {
      const given = call.arguments.find((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && (this.functionOf(unbound(argument)) === root || this.isInstanceMethod(unbound(argument), root)));
      if (!given) continue;
      names.push(...middlewareNames(call.callee));
      for (const argument of call.arguments) if (argument !== given) names.push(...middlewareNames(argument));
      let current: Node = call;
      for (let i = 0; i < 10; i++) {
        const member: Node | undefined = current.parent;
        const next: Node | undefined = member?.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current || staticKeyName(member) !== "use" || next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) break;
        for (const argument of next.arguments) names.push(...middlewareNames(argument));
        current = next;
      }
    }
    return names;
  }

  /**
   * How a wrapper runs the handler it is given as parameter `index`: `function handler(lambda) { return async (event,
   * context) => { const tenant = event.requestContext.authorizer.jwt.claims["custom:tenant"]; ...; return lambda(event,
   * tenant, context); } }`. Per argument of its calls of the handler: the event it was given, a value of the caller
   * alone, or neither (every call must agree); whether the function it returns reads the caller, and whether a role
   * check decides before every call of the handler.
   */
  wrapperContract(wrapper: FunctionNode, index: number): WrapperContract | undefined {
    let byIndex = this.wrapperContracts.get(wrapper);
    if (!byIndex) this.wrapperContracts.set(wrapper, (byIndex = new Map()));
    const cached = byIndex.get(index);
    if (cached !== undefined) return cached ?? undefined;
    // A wrapper that (through the handler's parameters) asks about itself gets no contract.
    byIndex.set(index, null);
    const contract = this.computeWrapperContract(wrapper, index);
    byIndex.set(index, contract ?? null);
    return contract;
  }

  private computeWrapperContract(wrapper: FunctionNode, index: number): WrapperContract | undefined {
    const returned = this.values.returnsOf(wrapper).map(unwrap).filter(isFunction);
    if (returned.length !== 1) return undefined;
    const inner = returned[0];
    const calls = this.index.calls.filter((call) => enclosingFunction(call) === inner && this.scope.parameterIndex(wrapper, unwrap(call.callee)) === index);
    if (calls.length === 0) return undefined;
    const parameters: WrapperArgument[] = [];
    calls.forEach((call, position) => {
      const length = Math.max(parameters.length, call.arguments.length);
      for (let i = 0; i < length; i++) {
        const argument = call.arguments[i];
        let given: WrapperArgument;
        if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) given = undefined;
        else if (i === 0 && this.scope.parameterIndex(inner, unwrap(argument)) === 0) given = "event";
        else given = this.isCallerValue(this.values.originsOf(argument)) ? "caller" : undefined;
        parameters[i] = position === 0 || parameters[i] === given ? given : undefined;
      }
    });
    const guards = checksOf(this.summaryOf(inner)).filter((check) => check.kind === "role" && check.guard?.exit !== undefined);
    const roles = guards.length > 0 && calls.every((call) => guards.some((check) => check.guard!.node.range[1] <= call.range[0] && check.guard!.fn === inner));
    return { parameters, authenticated: this.callerValues(inner).nodes.length > 0, roles };
  }

  /** The contract of the wrapper call that `fn` is given to (`export const main = handler(async (event, tenant) => ...)`), the wrapper in this file or another module. */
  wrapperOf(fn: FunctionNode): WrapperContract | undefined {
    const wrapped = wrapperCallOf(fn);
    if (!wrapped) return undefined;
    const { call, index } = wrapped;
    const local = this.calleeOf(call);
    if (local) return this.wrapperContract(local, index);
    const external = this.deps.external;
    const resolved = external?.isCandidate(call) ? external.resolve(call) : undefined;
    return resolved?.module.ownership.wrapperContract(resolved.fn, index);
  }

  /** `handler.main` with `const handler = new Handler()` of this file: is it the class's method `root`? */
  private isInstanceMethod(node: Node, root: FunctionNode): boolean {
    const method = root.parent;
    if (node.type !== AST_NODE_TYPES.MemberExpression || method?.type !== AST_NODE_TYPES.MethodDefinition || method.static || staticKeyName(node) !== staticKeyName(method)) return false;
    return this.values.constructedClass(node.object)?.body === method.parent;
  }

  /**
   * Middleware of this file that lets a request on only after an authorization check with an exit: another system's
   * secret compared with what the request carries (`if (token !== process.env.SYSTEM_API_TOKEN) return res.status(401)`),
   * an HMAC signature, a function named in `authorizationFunctions`. Its routes serve whoever passes that check.
   */
  private isGatekeeper(argument: Node): boolean {
    const target = unwrap(argument);
    const fn = target.type === AST_NODE_TYPES.Identifier ? this.values.sameFileFunction(target) : isFunction(target) ? target : undefined;
    if (!fn || fn.params.length < 3) return false;
    return checksOf(this.summaryOf(fn)).some((check) => check.kind === "authorization" && check.guard.exit !== undefined && check.guard.fn === fn);
  }

  /** Middleware, guards and decorators around a handler's registration. */
  /**
   * Does something validate the body against a schema before the handler around `fn` runs: route middleware
   * (`celebrate(schema)`), a validating wrapper (`withValidation(main, schema)`), a NestJS whitelisting pipe, an API
   * Gateway request model?
   */
  validatesBody(fn: FunctionNode): boolean {
    let handler: FunctionNode | undefined;
    for (let current: Node | undefined = fn; current; current = current.parent) {
      if (isFunction(current) && this.deps.sources.handlerKind(current)) handler = current;
    }
    if (!handler) return false;
    const route = this.routeOf(handler);
    return route.validated === true || route.middleware.some((name) => VALIDATION_MIDDLEWARE.test(name));
  }

  private routeOf(root: FunctionNode): RouteInfo {
    const info: RouteInfo = { path: undefined, middleware: [], authenticated: false, roles: false };
    // app.get("/x/:id", auth, mw(), handler), router.get("/x", asyncHandler(async (req, res) => ...))
    let current: Node = root;
    let inPlace = false;
    for (let i = 0; i < 4; i++) {
      const parent: Node | undefined = current.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(current as TSESTree.CallExpressionArgument)) break;
      // A registration call, not a wrapper (`exports.update = asyncHandler(async (req, res) => ...)`).
      if (unwrap(parent.callee).type === AST_NODE_TYPES.MemberExpression && ROUTE_METHODS.has(calleeName(parent) ?? "")) inPlace = true;
      const first = parent.arguments[0];
      if (first && first !== current && first.type === AST_NODE_TYPES.Literal && typeof first.value === "string") info.path = first.value;
      for (const argument of parent.arguments) {
        if (argument === current || argument === first) continue;
        info.middleware.push(...middlewareNames(argument));
        if (this.isGatekeeper(argument)) info.roles = true;
      }
      current = parent;
    }
    // Registered by name, in this file or in route modules that import it: middleware every registration has.
    if (!inPlace) {
      let registrations = this.routeRegistrations().filter((registration) => this.functionOf(registration.handler) === root);
      // Only an exported `(req, res)` function can be a route module's handler (a Lambda or a Next.js route is served by its export).
      if (registrations.length === 0 && this.deps.external && this.deps.sources.handlerKind(root)?.kind === "controller") registrations = this.deps.external.registrationsOf(root);
      if (registrations.length > 0) {
        info.path = registrations[0].path;
        const [first, ...others] = registrations.map((registration) => registration.middleware);
        info.middleware.push(...first.filter((name) => others.every((names) => names.includes(name))));
        info.authenticated = registrations.every((registration) => registration.fileAuthenticated || registration.middleware.some((name) => AUTH_MIDDLEWARE.test(name)));
      }
    }
    // fastify.route({ url, preHandler, handler })
    const property = root.parent;
    if (property?.type === AST_NODE_TYPES.Property && property.parent?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const sibling of property.parent.properties) {
        if (sibling.type !== AST_NODE_TYPES.Property) continue;
        const key = staticKeyName(sibling);
        if (key === "url" && sibling.value.type === AST_NODE_TYPES.Literal && typeof sibling.value.value === "string") info.path = sibling.value.value;
        if (key === "preHandler" || key === "onRequest" || key === "preValidation") info.middleware.push(...middlewareNames(sibling.value));
      }
    }
    // NestJS: @UseGuards(...) and @Roles(...) on the method or the class
    const method = root.parent;
    if (method?.type === AST_NODE_TYPES.MethodDefinition) {
      const classNode = method.parent?.parent;
      const decorators = [...decoratorsOf(method), ...decoratorsOf(classNode)];
      for (const decorator of decorators) {
        const expression = decorator.expression;
        const name = expression.type === AST_NODE_TYPES.CallExpression ? calleeName(expression) : expression.type === AST_NODE_TYPES.Identifier ? expression.name : undefined;
        if (!name) continue;
        if (name === "UseGuards" && expression.type === AST_NODE_TYPES.CallExpression) {
          info.authenticated = true;
          for (const argument of expression.arguments) info.middleware.push(...middlewareNames(argument));
        } else if (ROLE_CALL_NAME.test(name)) {
          info.roles = true;
        } else if (/^(?:Auth|Authenticated|Authorized|ApiBearerAuth|Authorize)$/.test(name)) {
          info.authenticated = true;
        } else if (name === "UsePipes" && expression.type === AST_NODE_TYPES.CallExpression) {
          // @UsePipes(new ValidationPipe({ whitelist: true })): the body keeps only the members its DTO declares.
          if (expression.arguments.some(isWhitelistPipe)) info.validated = true;
        } else {
          info.middleware.push(name);
        }
      }
      // app.useGlobalPipes(new ValidationPipe({ whitelist: true })) where the application starts: the same for every route.
      if (!info.validated && this.deps.external?.appWhitelistsBodies()) info.validated = true;
    }
    // A Lambda handler exported through wrappers given it by name (`withValidation(main, schema)`,
    // `middy(main).use(validator({ eventSchema }))`): their names and arguments, as a route's middleware.
    if (!inPlace) info.middleware.push(...this.wrapperNames(root));
    // `export const main = handler(async (event) => ...)` with a wrapper that reads the caller, or checks a role, before it runs the handler.
    if (!inPlace && this.deps.sources.handlerKind(root)?.kind === "lambda") {
      const contract = this.wrapperOf(root);
      if (contract?.authenticated) info.authenticated = true;
      if (contract?.roles) info.roles = true;
    }
    // A Lambda whose Serverless Framework function definition (`index.ts` beside it, or the `serverless.yml` of its
    // service) declares an authorizer for its events: authenticated, and role-gated when every authorizer is named
    // for administrators (`adminAuth`); a request model there validates the body.
    const definition = this.deps.sources.handlerKind(root)?.kind === "lambda" ? this.functionDefinition(root) : undefined;
    if (definition) {
      info.validated = definition.validatesBody;
      if (definition.authorizers.length > 0) {
        if (definition.authorizers.every((name) => ADMIN_NAME.test(name))) info.roles = true;
      }
    }
    // Application-wide middleware in this file: app.use(authenticate), router.use(requireAuth)
    const fileWide = this.fileMiddleware();
    info.middleware.push(...fileWide.middleware);
    if (fileWide.authenticated) info.authenticated = true;
    for (const name of info.middleware) {
      // A membership or ownership check knows the caller too.
      if (AUTH_MIDDLEWARE.test(name) || ACCESS_MIDDLEWARE.test(name)) info.authenticated = true;
      if (isRoleMiddleware(name)) info.roles = true;
    }
    if (definition && definition.authorizers.length > 0 && !info.authenticated) info.authenticated = info.authenticatedByDeployment = true;
    // A Lambda authorizer of the service whose policy leaves the routes to administrators, or lets each caller use them
    // only with its own id in the path.
    const policy = definition?.routes?.length ? this.authorizerPolicy(definition.routes) : undefined;
    if (policy?.adminOnly) info.roles = true;
    if (policy && policy.callerParameters.length > 0) info.callerPathParameters = policy.callerParameters;
    return info;
  }

  /** What the project's Lambda authorizer of every route allows (undefined unless each route has one whose policy the code shows). */
  private authorizerPolicy(routes: readonly DeclaredRoute[]): RoutePolicy | undefined {
    const external = this.deps.external;
    if (!external) return undefined;
    const policies: RoutePolicy[] = [];
    for (const route of routes) {
      const module = route.authorizer ? external.moduleAtDeclaredPath(route.authorizer.module) : undefined;
      const allowances = module ? allowancesOf(module.calls, module.visitorKeys) : undefined;
      if (!allowances) return undefined;
      policies.push(policyForRoute(allowances, route.method, route.path));
    }
    return {
      adminOnly: policies.every((policy) => policy.adminOnly),
      callerParameters: policies[0].callerParameters.filter((parameter) => policies.every((policy) => policy.callerParameters.includes(parameter))),
    };
  }

  /** The Serverless Framework definition of a Lambda handler: a TypeScript one beside it (cross-module), else its service's serverless.yml. */
  private functionDefinition(root: FunctionNode): FunctionDefinition | undefined {
    return this.deps.external?.functionDefinition() ?? deployedDefinitionOf(this.deps.file.filename, this.deps.sources.exportedName(root));
  }

  /**
   * What a returned `new Promise((resolve, reject) => ...)` resolves with: the arguments of `resolve(...)`, also
   * in the SDK v2 callback inside (`docClient.get(params, (err, data) => resolve(data.Item))`); what the callback
   * of a returned `.then(...)` returns.
   */
  private promiseResolutions(returned: Node): Node[] {
    const value = unwrap(returned);
    // client.get(params).promise().then((r) => r.Item): what the callback returns.
    if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && staticKeyName(value.callee) === "then") {
      const callback = value.arguments[0] && unwrap(value.arguments[0]);
      return isFunction(callback) ? this.values.returnsOf(callback) : [];
    }
    if (value.type !== AST_NODE_TYPES.NewExpression || value.callee.type !== AST_NODE_TYPES.Identifier || value.callee.name !== "Promise") return [];
    const executor = value.arguments[0] && unwrap(value.arguments[0]);
    const resolve = isFunction(executor) ? executor.params[0] : undefined;
    const variable = resolve?.type === AST_NODE_TYPES.Identifier ? this.scope.variableOf(resolve) : undefined;
    const resolutions: Node[] = [];
    for (const reference of variable?.references ?? []) {
      const call = reference.identifier.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && call.arguments[0] && call.arguments[0].type !== AST_NODE_TYPES.SpreadElement) {
        resolutions.push(call.arguments[0]);
      }
    }
    return resolutions;
  }

  /** Route registrations of this file that name their handler (see RouteRegistration). */
  routeRegistrations(): RouteRegistration[] {
    if (!this.routeRegistrationsValue) {
      const registrations: RouteRegistration[] = [];
      for (const call of this.index.calls) {
        const method = calleeName(call);
        if (!method || !ROUTE_METHODS.has(method) || unwrap(call.callee).type !== AST_NODE_TYPES.MemberExpression || call.arguments.length === 0) continue;
        const path = routePath(call);
        // A path tells a route from a getter (`cache.get(key)`); `router.route("/x").get(h)` has its path in the chain.
        if (path === undefined) continue;
        const last = unwrap(call.arguments[call.arguments.length - 1]);
        // asyncHandler(controller.list): the wrapped handler.
        const handler = last.type === AST_NODE_TYPES.CallExpression && last.arguments.length === 1 ? unwrap(last.arguments[0]) : last;
        if (handler.type !== AST_NODE_TYPES.Identifier && handler.type !== AST_NODE_TYPES.MemberExpression) continue;
        const middleware = call.arguments.slice(0, -1).filter((argument) => !(argument.type === AST_NODE_TYPES.Literal || argument.type === AST_NODE_TYPES.TemplateLiteral));
        const fileWide = this.fileMiddleware();
        registrations.push({ handler, path, middleware: [...middleware.flatMap(middlewareNames), ...fileWide.middleware], fileAuthenticated: fileWide.authenticated });
      }
      this.routeRegistrationsValue = registrations;
    }
    return this.routeRegistrationsValue;
  }

  /**
   * The function of this file an expression names: `deleteBanner`, `api.getNote` on an object literal, a
   * function itself, or the function a wrapper call is given (`asyncHandler(async (req, res) => ...)`).
   */
  functionOf(node: Node): FunctionNode | undefined {
    const target = unwrap(node);
    if (isFunction(target)) return target;
    const named = this.values.sameFileFunction(target);
    if (named) return named;
    const definition = unwrap(this.values.definitionOf(target) ?? target);
    if (isFunction(definition)) return definition;
    if (definition.type === AST_NODE_TYPES.CallExpression) {
      const wrapped = definition.arguments.find((argument) => isFunction(unwrap(argument)));
      return wrapped && (unwrap(wrapped) as FunctionNode);
    }
    if (definition.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const key = staticKeyName(definition);
    const value = key === undefined ? undefined : this.values.resolveObject(definition.object)?.properties.get(key)?.value;
    const property = value && unwrap(value);
    return property && isFunction(property) ? property : property ? this.values.sameFileFunction(property) : undefined;
  }

  /** Middleware the file installs with `.use(...)`: authentication, roles and settings' authorization functions. */
  private fileMiddleware(): { middleware: string[]; authenticated: boolean } {
    if (!this.fileMiddlewareValue) {
      const result = { middleware: [] as string[], authenticated: false };
      for (const call of this.index.calls) {
        if (calleeName(call) !== "use" || unwrap(call.callee).type !== AST_NODE_TYPES.MemberExpression) continue;
        for (const argument of call.arguments) {
          for (const name of middlewareNames(argument)) {
            if (AUTH_MIDDLEWARE.test(name)) result.authenticated = true;
            // adminRouter.use(requireAdmin): every route of the file's router is admin-only.
            if (this.authorizationNames.has(name) || isRoleMiddleware(name)) result.middleware.push(name);
          }
        }
      }
      this.fileMiddlewareValue = result;
    }
    return this.fileMiddlewareValue;
  }

  /** Evidence in the access itself: the caller in the key, a condition or filter bound to the caller, create-only puts. */
  private intrinsicEvidence(instance: AccessInstance): EvidenceKind[] {
    const evidence = new Set<EvidenceKind>();
    const access = instance.access;
    // A cookie in the key (`Key: { visitor: req.cookies.visitor, cartId }`) scopes it to the browser session, as comparing with one does.
    const callerKey = (part: ValuePart) => this.isCallerValue(part.origins) || part.pieces?.some((piece) => this.isCallerValue(piece)) === true || isCookieValue(part);
    if (instance.keyParts.some(callerKey) || instance.possibleKeyParts.some(callerKey)) {
      evidence.add("caller-key");
    }
    // A key condition on the item's secret with what the request sends (`username = :u AND password = :p` on an index):
    // only whoever knows it finds the item, as a login does.
    if (instance.keyParts.some((part) => part.attribute !== undefined && PASSWORD_NAME.test(part.attribute) && part.origins.some((origin) => origin.kind === "request"))) evidence.add("caller-key");
    if (appendedBy(instance)?.every((part) => this.isCallerValue(part.origins))) evidence.add("contribution");
    const keyAttributes = access.keyAttributes;
    const caller = (origins: readonly Origin[]) => this.isCallerValue(origins);
    if (access.kind === "query") {
      if (instance.condition && conditionHolds(instance.condition, keyAttributes, false, caller)) evidence.add("caller-filter");
    } else {
      for (const condition of [instance.condition, ...instance.transactionConditions]) {
        if (!condition) continue;
        if (conditionHolds(condition, keyAttributes, false, caller)) evidence.add("caller-condition");
        else if (conditionHolds(condition, keyAttributes, true, caller)) evidence.add("create-only");
      }
    }
    return [...evidence];
  }

  /**
   * The request values that key items the checks before an access tie to the caller (`client.coachId !== me` about
   * the client read by `params.userId`, or `assertCanAccess(client, me)`): an item compared with one of them is the caller's too (a track whose
   * `userId` is that client's).
   */
  private callerOwnedKeyPaths(instance: AccessInstance, summary: FunctionSummary): Set<string> {
    const paths = new Set<string>();
    for (const check of instance.guardedBy) {
      // An item compared with the caller, or given to a decision together with the caller (`assertCanAccess(client, me)`).
      if ((check.kind !== "item" && check.kind !== "decision") || !check.values.some((part) => this.isCallerValue(part.origins) || isSessionValue(part))) continue;
      for (const other of summary.accesses) {
        if (other !== instance && check.items.includes(other.access.operation)) for (const path of pathsOf(other.keyParts)) paths.add(path);
      }
    }
    return paths;
  }

  private evidenceFor(instance: AccessInstance, summary: FunctionSummary, route: RouteInfo): EvidenceKind[] {
    checksOf(summary);
    const evidence = new Set<EvidenceKind>(this.intrinsicEvidence(instance));
    const requestPaths = pathsOf(instance.keyParts);
    // A Put's other Item attributes may be its key too (`userId` beside `taskId`, see intrinsicEvidence).
    const keyLikeParts = [...instance.keyParts, ...instance.possibleKeyParts];
    let ownedKeys: Set<string> | undefined;
    for (const check of instance.guardedBy) {
      switch (check.kind) {
        case "authorization":
          evidence.add("authorization");
          break;
        case "role":
          evidence.add("role");
          break;
        case "item": {
          const trusted = check.values.some(
            (part) =>
              this.isCallerValue(part.origins) ||
              isCredential(part) ||
              isSessionValue(part) ||
              (check.secret === true && part.origins.some((origin) => origin.kind === "request")) ||
              coveredBy(part, (ownedKeys ??= this.callerOwnedKeyPaths(instance, summary))),
          );
          if (
            trusted &&
            (this.sameItem(check.items, instance, requestPaths, summary) ||
              this.underCheckedKey(check.items, requestPaths, summary) ||
              this.parentChecked(check.items, instance, requestPaths, summary) ||
              this.keyedFromItem(check.items, instance, summary.accesses))
          ) {
            evidence.add("item-check");
          } else if (this.callersOwnItem(check.items, summary) && check.values.some((value) => keyLikeParts.some((part) => coveredBy(part, pathsOf([value]))))) {
            // The caller's own record names the requested item (`me.Item.chatId !== body.chatId` after reading
            // `USER#${me}`, then the chat's messages by `body.chatId`): the request's value is one the caller holds.
            evidence.add("request-check");
          }
          break;
        }
        case "decision": {
          const authority = check.values.some((part) => this.isCallerValue(part.origins) || part.origins.some(isWholeRequest) || isCredential(part));
          if (!authority) break;
          if (check.items.length > 0 && (this.sameItem(check.items, instance, requestPaths, summary) || this.keyedFromItem(check.items, instance, summary.accesses))) evidence.add("decision");
          else {
            const decided = pathsOf(check.subjects.filter((subject) => !this.isCallerValue(subject.origins)));
            // Or the key is built from the decided value and the caller, and more (`sessionKey(me, childId, subject)`
            // after `actorCanAccessChild(actor, childId)`): the rest only picks among the caller's items of it.
            const callerAndDecided = (part: ValuePart) =>
              part.origins.some((origin) => origin.kind === "caller") && part.origins.some((origin) => origin.kind === "request" && isCoveredPath(`${origin.framework}:${origin.path}`, decided));
            if (instance.keyParts.some((part) => coveredBy(part, decided) || composedUnder(part, decided) || callerAndDecided(part))) evidence.add("decision");
          }
          break;
        }
        case "exists": {
          // Read with the caller in its key (or filter), then "not found" exits: later accesses to that key are the caller's,
          // and so is an item whose own value keys that read with the caller (a chat found by the match id, then the
          // caller's membership of that chat: `Key: { chat_id: chat.chat_id, user_id: me }`, 403 when absent).
          const boundReads = summary.accesses.filter(
            (other) => check.items.includes(other.access.operation) && other !== instance && this.intrinsicEvidence(other).some((kind) => kind !== "create-only"),
          );
          const bound = boundReads.map((other) => other.access.operation);
          if (
            boundReads.length > 0 &&
            (this.sameItem(bound, instance, requestPaths, summary) ||
              this.underCheckedKey(bound, requestPaths, summary) ||
              // Only when "not found" ends the handler: a branch taken when the membership exists serves the item either way.
              (check.guard.exit !== undefined && this.keyedFromItem(bound, instance, summary.accesses)))
          ) {
            evidence.add("item-check");
          }
          break;
        }
        case "absent": {
          // Written only when a read of the same table by the same key, unfiltered, found nothing: the write creates an item and overwrites no one's.
          const table = tableId(instanceTable(instance));
          if (instance.access.kind !== "write" || table === undefined) break;
          const reads = summary.accesses.filter((other) => check.items.includes(other.access.operation) && !other.condition && tableId(instanceTable(other)) === table);
          if (reads.length > 0 && this.sameItem(reads.map((other) => other.access.operation), instance, requestPaths, summary)) evidence.add("create-only");
          break;
        }
        case "compare": {
          const [subject] = check.subjects;
          const [value] = check.values;
          const bound = this.isCallerValue(value.origins) ? subject : this.isCallerValue(subject.origins) ? value : undefined;
          // One of them checked to be the caller pins the item to the caller, as the caller's own value there does.
          if (bound && keyLikeParts.some((part) => coveredBy(part, pathsOf([bound])))) evidence.add("request-check");
          break;
        }
      }
    }
    if (route.middleware.some((name) => this.authorizationNames.has(name) || ACCESS_MIDDLEWARE.test(name))) evidence.add("authorization");
    if (route.roles) evidence.add("role");
    if (route.callerPathParameters) {
      const pinned = new Set(route.callerPathParameters.map((parameter) => `lambda:pathParameters.${parameter}`));
      if (keyLikeParts.some((part) => coveredBy(part, pinned))) evidence.add("caller-key");
    }
    return [...evidence];
  }

  /**
   * A key value that joins the caller with other text (`\`T#${tenantId}#${id}\``, `userId + "#" + noteId`):
   * the caller's part is always there, so the key can only name the caller's items. Alternatives
   * (`a ? req.user.id : req.query.user`) are not joins.
   */
  /** A value from the authenticated caller only: no request input, no parameter, nothing fetched. */
  isCallerValue(origins: readonly Origin[]): boolean {
    return isCallerOnly(origins) && this.itemOperations(origins).length === 0;
  }

  /**
   * A write keyed by the key attributes of an item the same function fetched (`Query` by the request's `jobId`,
   * then `Delete({ Key: { jobId: post.jobId, companyId: post.companyId } })`) writes the item the read chose: it
   * is keyed by what the read was keyed by. A read with a FilterExpression (which may
   * bind its items to the caller) or with a key of no request or parameter value leaves the write as it is.
   */
  private keyWritesByFetchedItems(accesses: AccessInstance[]): void {
    for (const instance of accesses) {
      const kind = instance.access.kind;
      if ((kind !== "write" && kind !== "delete") || instance.keyParts.length === 0) continue;
      let read: AccessInstance | undefined;
      const fromRead = instance.keyParts.every((part) => {
        // The item's own key (`Key: { jobId: post.jobId }`), not a reference it holds to another item (`{ id: membership.artistId }`).
        if (part.attribute === undefined || part.attribute !== attributeRead(part.node)) return false;
        if (part.origins.length === 0 || part.origins.some(isSubjectish)) return false;
        const operations = this.itemOperations(part.origins);
        const readers = accesses.filter((other) => (other.access.kind === "read" || other.access.kind === "query") && operations.includes(other.access.operation));
        if (readers.length !== 1 || (read !== undefined && readers[0] !== read)) return false;
        read = readers[0];
        return true;
      });
      if (!fromRead || !read || read.condition || !read.keyParts.some((part) => part.origins.some(isSubjectish))) continue;
      const readTable = tableId(instanceTable(read));
      if (readTable === undefined || readTable !== tableId(instanceTable(instance))) continue;
      // Clean-up when a call about the item failed (`catch (e) { if (e.statusCode === 410) delete(connection) }`) is the server's, not the request's choice.
      if (insideCatch(instance.access.operation.node, instance.via)) continue;
      instance.keyParts = read.keyParts;
      instance.fetchedBy = read.via[0] ?? read.access.operation.node;
    }
  }

  /**
   * Is a checked item the parent of the access's item: read by a reference the access's item holds (`device` read
   * by the request's id, then `account` by `device.Item.accountId`, then `account.apiKey !== body.key` or
   * `account.ownerId !== me`)? The caller who owns (or holds the secret of) the parent owns the child.
   */
  private parentChecked(items: Operation[], instance: AccessInstance, requestPaths: Set<string>, summary: FunctionSummary): boolean {
    for (const parent of summary.accesses) {
      if (!items.includes(parent.access.operation) || parent.access.operation === instance.access.operation) continue;
      const children = parent.keyParts.flatMap((part) => this.itemOperations(part.origins)).filter((child) => child !== parent.access.operation);
      if (children.length > 0 && this.sameItem(children, instance, requestPaths, summary)) return true;
    }
    return false;
  }

  /** Is the access on (one of) the items the check inspected: the same read, or a key from the same request values? */
  private sameItem(items: Operation[], instance: AccessInstance, requestPaths: Set<string>, summary: FunctionSummary): boolean {
    if (items.includes(instance.access.operation)) return true;
    if (requestPaths.size === 0) return false;
    for (const other of summary.accesses) {
      if (!items.includes(other.access.operation)) continue;
      const checked = pathsOf(other.keyParts);
      if ([...requestPaths].every((path) => checked.has(path))) return true;
    }
    return false;
  }

  /** The reads whose fetched items a key is made from (asked once, on first call). */
  private itemsKeyedFrom(keyParts: readonly ValuePart[]): () => Operation[] {
    let fetched: Operation[] | undefined;
    return () => (fetched ??= this.itemOperations(keyParts.flatMap((part) => part.origins)));
  }

  /**
   * Was a checked item read by a key taken from the access's own item (a sign-in reads the profile by e-mail, then its
   * credentials by `profile.candidateId`, and verifies the password against those; an order's customer record by
   * `order.customerId`, compared with the caller)? The check then ties the access's item to the caller too.
   */
  private keyedFromItem(items: Operation[], instance: AccessInstance, accesses: readonly AccessInstance[]): boolean {
    return accesses.some((other) => other !== instance && items.includes(other.access.operation) && other.keyFromItems?.().includes(instance.access.operation) === true);
  }

  /** Is a read whose item the check inspects keyed by the caller (the caller's own profile or membership record)? */
  private callersOwnItem(items: Operation[], summary: FunctionSummary): boolean {
    return summary.accesses.some((other) => items.includes(other.access.operation) && this.intrinsicEvidence(other).includes("caller-key"));
  }

  /**
   * Is the access's key made of the checked item's whole request-chosen key and more: the checked item (the
   * caller's profile by `userId`, the caller's shortlist by `shortlistId`) is the caller's, so an item keyed
   * under it (`{ userId, gameId }`, `` `SHORTLIST#${shortlistId}` `` with a candidate) is too.
   */
  private underCheckedKey(items: Operation[], requestPaths: Set<string>, summary: FunctionSummary): boolean {
    if (requestPaths.size === 0) return false;
    return summary.accesses.some((other) => {
      if (!items.includes(other.access.operation)) return false;
      const checked = pathsOf(other.keyParts);
      return checked.size > 0 && [...checked].every((path) => requestPaths.has(path));
    });
  }

  /** For reads: how the fetched item is used (served, or only tested). */
  private itemUse(instance: AccessInstance): ItemUse {
    const operation = instance.access.operation;
    if (instance.crossing) {
      // In another module: used when the callee returns the item and this module uses what the call returns.
      if (!instance.crossing.returned) return "unused";
      let use: ItemUse = "returned";
      for (let i = instance.via.indexOf(instance.crossing.call); i >= 0 && use === "returned"; i--) use = this.useOf(instance.via[i]);
      return use;
    }
    void this.results;
    if ((this.producers!.get(operation) ?? []).length === 0) return "used";
    let use = this.resultUses(operation).reduce(strongerUse, "unused");
    // Through helpers: the helper returns the item, the caller uses it.
    for (let i = instance.via.length - 1; i >= 0 && use === "returned"; i--) use = this.useOf(instance.via[i]);
    return use;
  }

  /** How an operation's result is used where it arrives: the call's value, and the parameter of `.then((data) => ...)` or SDK v2's `(err, data) => ...`. */
  private resultUses(operation: Operation): ItemUse[] {
    void this.results;
    const uses = (this.producers!.get(operation) ?? []).map((node) => this.useOf(node));
    for (const [callback, entry] of this.callbackOfOperation!) {
      const parameter = entry.operation === operation ? callback.params[entry.index] : undefined;
      if (parameter) uses.push(this.variablesUse(patternIdentifiers(parameter), 0));
    }
    return uses;
  }

  private useOf(producer: Node, depth = 0): ItemUse {
    const { parent, child } = valueParent(producer);
    if (!parent) return "used";
    if (parent.type === AST_NODE_TYPES.ArrayExpression) return this.promiseAllElementUse(parent, child, depth);
    if (parent.type === AST_NODE_TYPES.ExpressionStatement) return "unused";
    // if (await findAccount(email)) return 409, !(await getItem(id)): only whether there is one.
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test === child) return "tested";
    if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "!") return "tested";
    if (parent.type === AST_NODE_TYPES.ReturnStatement || (isFunction(parent) && parent.body === child)) return "returned";
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child && staticKeyName(parent) === "promise") return "used";
    // findOrders(user).then((data) => res.json(data.Items)): the callback's parameter is the result, and what the
    // callback returns is what the `.then(...)` call resolves to. (An operation's own callback is followed by itemUsed() too.)
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child && staticKeyName(parent) === "then") {
      const call = parent.parent;
      const callback = call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent ? call.arguments[0] : undefined;
      if (depth >= 3 || !isFunction(callback) || !callback.params[0]) return "unused";
      const use = this.variablesUse(patternIdentifiers(callback.params[0]), depth + 1);
      return use === "returned" ? this.useOf(call!, depth + 1) : use;
    }
    // const [error, data] = await to(findForm(id)) (await-to-js): the value is the pattern's second element; `[error]` drops it.
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === child && parent.arguments.length <= 2 && calleeName(parent) === "to") {
      const outer = valueParent(parent);
      if (outer.parent?.type !== AST_NODE_TYPES.VariableDeclarator || outer.parent.init !== outer.child || outer.parent.id.type !== AST_NODE_TYPES.ArrayPattern) return "used";
      const value = outer.parent.id.elements[1];
      return value ? this.variablesUse(patternIdentifiers(value), depth + 1) : "unused";
    }
    // const recipient = (await doc.send(new GetCommand(...))).Item: the item is used as that member is.
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child && depth < 3 && /^(?:Item|Items|Attributes)$/.test(staticKeyName(parent) ?? "")) return this.useOf(parent, depth + 1);
    let variables: TSESTree.Identifier[];
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child) variables = patternIdentifiers(parent.id);
    else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child) variables = patternIdentifiers(parent.left);
    else return "used";
    return this.variablesUse(variables, depth);
  }

  /** Is the node (inside) the value of the `Key` of a DynamoDB operation's input written in place or in a variable? */
  private inOperationKey(node: Node): boolean {
    let current = node;
    for (let i = 0; i < 12; i++) {
      const parent: Node | undefined = current.parent;
      if (!parent) return false;
      if (parent.type === AST_NODE_TYPES.Property && parent.value === current && staticKeyName(parent) === "Key" && parent.parent?.type === AST_NODE_TYPES.ObjectExpression) {
        this.operationInputs ??= new Set(this.deps.operations.flatMap((operation) => (operation.input ? [unwrap(this.values.definitionOf(operation.input) ?? operation.input)] : [])));
        return this.operationInputs.has(parent.parent);
      }
      // Key: { user_id: { S: target.user_id.S as string } }
      const passes = PASS_THROUGH_KEY_PARTS.has(parent.type) || (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current);
      if (!passes) return false;
      current = parent;
    }
    return false;
  }

  /** const [emails, names] = await Promise.all([query(a), query(b)]): each result lands in its own variable. */
  private promiseAllElementUse(array: TSESTree.ArrayExpression, child: Node, depth: number): ItemUse {
    const element = array.elements.indexOf(child as TSESTree.Expression);
    if (element < 0 || array.elements.slice(0, element).some((other) => other?.type === AST_NODE_TYPES.SpreadElement)) return "used";
    const all = array.parent;
    if (all?.type !== AST_NODE_TYPES.CallExpression || all.arguments[0] !== array || dottedName(memberChain(all.callee)) !== "Promise.all") return "used";
    const { parent, child: value } = valueParent(all);
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== value || parent.id.type !== AST_NODE_TYPES.ArrayPattern) return "used";
    const target = parent.id.elements[element];
    if (!target) return "unused";
    return target.type === AST_NODE_TYPES.RestElement ? "used" : this.variablesUse(patternIdentifiers(target), depth);
  }

  /** How the item in these variables is used: the strongest use of any read of them. */
  private variablesUse(variables: readonly TSESTree.Identifier[], depth: number): ItemUse {
    if (depth > 3) return "used";
    let result: ItemUse = "unused";
    for (const identifier of variables) {
      const variable = this.scope.variableOf(identifier);
      if (!variable) return "used";
      for (const reference of variable.references) {
        if (!reference.isRead()) continue;
        // const artistId = Item.artist_id, then Key: { id: artistId }: the item only finds another one.
        if (this.inOperationKey(reference.identifier as Node)) {
          if (result === "unused") result = "tested";
          continue;
        }
        // mail.send({ to: manager.Item.email, text: `Hi ${manager.Item.firstName}` }): sent to the item's own address, not to the caller.
        if (this.inMessageToItself(reference.identifier as Node, variable)) {
          if (result === "unused") result = "tested";
          continue;
        }
        // console.log(`creator: ${tweet.creator}`): what a log gets stays on the server.
        if (inLogCall(reference.identifier as Node)) {
          if (result === "unused") result = "tested";
          continue;
        }
        // const friends = Item.friends: the part of the item is used as that variable is.
        const use = referenceUse(reference.identifier as Node, (declared) => this.variablesUse([declared], depth + 1));
        if (use === "used") return "used";
        result = strongerUse(result, use);
      }
    }
    return result;
  }

  /**
   * Is the node part of a message sent to the item's own address: an argument of a call that is given that address
   * as a recipient (`sendMail(recipient.email, text)`, `mail.send({ to: manager.Item.email, ... })`,
   * `new SendEmailCommand({ Destination: { ToAddresses: [user.email] }, ... })`)?
   */
  private inMessageToItself(node: Node, variable: NonNullable<ReturnType<ScopeIndex["variableOf"]>>): boolean {
    let current = node;
    let call: TSESTree.CallExpression | TSESTree.NewExpression | undefined;
    // The message's arguments: written in the call, or an object held in a variable the call is given (`const email = {...}; mail.send(email)`).
    let message: Node[] | undefined;
    for (let i = 0; i < 12 && !call; i++) {
      const parent: Node | undefined = current.parent;
      if (!parent) return false;
      if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) call = parent;
      else if (MESSAGE_PARTS.has(parent.type) || (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current)) current = parent;
      else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && current.type === AST_NODE_TYPES.ObjectExpression && parent.id.type === AST_NODE_TYPES.Identifier) {
        const reads = this.scope.variableOf(parent.id)?.references.filter((reference) => reference.isRead()) ?? [];
        const argument = reads.length === 1 ? (reads[0].identifier as Node) : undefined;
        const user = argument?.parent;
        if (!user || (user.type !== AST_NODE_TYPES.CallExpression && user.type !== AST_NODE_TYPES.NewExpression) || !user.arguments.includes(argument as TSESTree.CallExpressionArgument)) return false;
        call = user;
        message = [current];
      } else return false;
    }
    if (!call) return false;
    const addressed = (value: Node | null | undefined): boolean => {
      const chain = value ? memberChain(value) : undefined;
      const last = chain?.path.at(-1);
      return chain?.root.type === AST_NODE_TYPES.Identifier && last !== undefined && ADDRESS_NAME.test(last) && this.scope.variableOf(chain.root) === variable;
    };
    const name = call.callee.type === AST_NODE_TYPES.Identifier ? call.callee.name : calleeName(call as TSESTree.CallExpression);
    if (name !== undefined && SEND_NAME.test(name) && call.arguments.some((argument) => addressed(argument))) return true;
    let found = false;
    let budget = 100;
    for (const argument of message ?? call.arguments) {
      if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
      walk(argument, this.deps.visitorKeys, (child) => {
        if (found || --budget < 0 || isFunction(child)) return false;
        if (child.type !== AST_NODE_TYPES.Property || !RECIPIENT_KEY.test(staticKeyName(child) ?? "")) return;
        const value = unwrap(child.value);
        found = addressed(value) || (value.type === AST_NODE_TYPES.ArrayExpression && value.elements.some((element) => addressed(element)));
        return false;
      });
    }
    return found;
  }

  /** A caller value usable at `position` (in scope there), preferring ids: for a suggested condition. */
  callerExpressionAt(access: HandlerAccess, position: Node): Node | undefined {
    for (const node of access.callerNodes) {
      if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.Identifier) continue;
      const chain = memberChain(node);
      if (!chain || chain.root.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = this.scope.variableOf(chain.root);
      const definition = variable?.defs[0];
      if (!variable || !definition) continue;
      const scopeBlock = variable.scope.block as Node;
      if (!contains(scopeBlock, position)) continue;
      if (definition.type !== "Parameter" && definition.name.range[1] > position.range[0]) continue;
      if (contains(node, position)) continue;
      const last = chain.path[chain.path.length - 1] ?? chain.root.name;
      // An id, not a whole user object: `req.user.id`, `claims.sub`, `userId`.
      if (/(?:id|sub|uid|principalId)$/i.test(last)) return node;
    }
    return undefined;
  }
}

type ResolvedInput = { properties: Map<string, { value: Node; assignment?: TSESTree.AssignmentExpression }>; complete: boolean };
/**
 * How a read's item is used, weakest first: not at all; only tested (exists, compared, counted); only its
 * profile-card attributes shown (`{ name: user.name, image: user.image }`); returned to the caller; used otherwise.
 */
export type ItemUse = "unused" | "tested" | "card" | "returned" | "used";
const USE_STRENGTH: Readonly<Record<ItemUse, number>> = { unused: 0, tested: 1, card: 2, returned: 3, used: 4 };

/** The stronger of two uses. */
function strongerUse(a: ItemUse, b: ItemUse): ItemUse {
  return USE_STRENGTH[a] >= USE_STRENGTH[b] ? a : b;
}

/** Is the item served (sent, returned, passed on) in any form, profile-card attributes included? */
function isServed(use: ItemUse): boolean {
  return use === "used" || use === "returned" || use === "card";
}

/** Who a whole-table listing is served to. */
type ListingAudience = "anyone" | "signed-in";

/** A table a Scan lists whole; `narrowedBy`: the performer's parameters that filter it when a caller passes them. */
interface ScannedTable {
  table: TableRef;
  narrowedBy?: number[];
}

interface RouteInfo {
  path: string | undefined;
  middleware: string[];
  authenticated: boolean;
  /** The authentication is an authorizer the Lambda's deployment descriptor declares (nothing else shows one). */
  authenticatedByDeployment?: boolean;
  /** Path parameters the Lambda's authorizer lets each caller fill only with its own id (`{username}` of `cart/{username}`). */
  callerPathParameters?: string[];
  roles: boolean;
  /** Something outside the code validates the body against a schema (an API Gateway request model). */
  validated?: boolean;
}

/** What a wrapper passes its handler at one position: the event it was given, the caller, or something else. */
type WrapperArgument = "event" | "caller" | undefined;

interface WrapperContract {
  parameters: WrapperArgument[];
  /** The function the wrapper returns reads the caller (API Gateway's verified claims, a verified token). */
  authenticated: boolean;
  /** A role check exits before every call of the handler. */
  roles: boolean;
}

/** `Buffer.from(x, "utf8")`: x. */
function unwrapBufferFrom(node: Node): Node {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.CallExpression || calleeName(value) !== "from") return value;
  const callee = unwrap(value.callee);
  const argument = value.arguments[0];
  return callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === "Buffer" && argument && argument.type !== AST_NODE_TYPES.SpreadElement ? unwrap(argument) : value;
}

interface CallerValues {
  nodes: Node[];
  complete: boolean;
}

// ---------------------------------------------------------------- helpers

/** Nodes between a value and the `Key` it is written into (inOperationKey). */
const PASS_THROUGH_KEY_PARTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
]);

/** Schema validators: what they return has only the keys the schema lists (`Schema.parse(body)`, `schema.validate(body)`). */
const VALIDATOR_CALLS = new Set(["parse", "parseAsync", "safeParse", "validate", "validateSync", "validateAsync", "cast", "attempt", "plainToInstance", "plainToClass"]);

/**
 * Key attributes known for a table: learned from the file's operations (`only`: no other attribute is one), or the
 * id named after the table's entity (`userId`, `user_id`, `UserId` in `Users`, `USERS_TABLE`, `prod-users-table`), lower case.
 */
interface KeyNames {
  names: ReadonlySet<string>;
  only: boolean;
}

/**
 * A Put item's attributes split into key parts and, when the table's key attributes are not all known, possible
 * ones: the known key attributes, or the conventional names (`PK`/`SK` when the item has both, else also `id` and the
 * table's entity id) and attributes taken from the route's path.
 */
function splitItemParts(parts: readonly ValuePart[], keyNames: KeyNames | undefined): { keyParts: ValuePart[]; possibleKeyParts: ValuePart[] } {
  const keyParts: ValuePart[] = [];
  const possibleKeyParts: ValuePart[] = [];
  // An item with `PK` and `SK` attributes is keyed by them: its `id` is an ordinary attribute (and so is `userId` in Users).
  const named = (names: ReadonlySet<string>) => parts.some((part) => names.has(keyNameOf(part.attribute!)));
  const singleTable = named(PARTITION_KEY_NAMES) && named(SORT_KEY_NAMES);
  const conventional = singleTable ? SINGLE_TABLE_KEY_NAMES : CONVENTIONAL_KEY_NAMES;
  const only = keyNames?.only ? keyNames.names : undefined;
  for (const part of parts) {
    const name = part.attribute!;
    const isKey = only
      ? only.has(name)
      : conventional.has(keyNameOf(name)) || (!singleTable && keyNames?.names.has(name.toLowerCase()) === true) || part.origins.some(isPathParameter);
    if (isKey) keyParts.push(part);
    // With PK and SK named, the other attributes are not the key either.
    else if (!only && !singleTable) possibleKeyParts.push(part);
  }
  return { keyParts, possibleKeyParts };
}

/** The shortest prefix of an entity's name that its id attribute may be named by. */
const MIN_ABBREVIATION = 3;
const TABLE_WORDS = new Set(["table", "name", "dynamo", "dynamodb", "ddb", "db", "prod", "dev", "stage", "test", "staging", "local"]);

function entityKeyNames(table: TableRef | undefined): KeyNames | undefined {
  // A constant of another module a writer is given (`putItem(TABLES.QUESTIONS, item)`) is named for its table.
  const name = table?.name ?? table?.env ?? table?.stage?.constant ?? table?.identifier;
  const words = name ? nameWords(name).filter((word) => !TABLE_WORDS.has(word)) : [];
  const entity = words.at(-1);
  if (!entity || entity.length < 3) return undefined;
  // `matches` → `match` as well as `matche`: both spellings, since `caches` → `cache`.
  const ids = new Set([singular(entity), entity.replace(/(?<=[cs]h)es$/, "")]);
  // Abbreviated as a prefix of three letters or more: `org_id` in Organizations, `prod_id` in Products.
  for (const id of [...ids]) for (let length = MIN_ABBREVIATION; length < id.length; length++) ids.add(id.slice(0, length));
  return { names: new Set([...ids].flatMap((id) => [`${id}id`, `${id}_id`])), only: false };
}

/** `users` → `user`, `categories` → `category`, `addresses` → `address`, `boxes` → `box`; `status` stays. */
function singular(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses") || word.endsWith("xes")) return word.slice(0, -2);
  return word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/**
 * Does request input spread into (or making up) a Put item choose its key? When the item names no key attribute of
 * its own, and no owner or caller value (`{ ...body, userId: user.sub }` may be written to the caller's partition).
 */
function requestChoosesKey(keyParts: readonly ValuePart[], named: readonly ValuePart[]): boolean {
  return keyParts.length === 0 && !named.some((part) => isOwnerName(part.attribute!) || part.origins.some((origin) => origin.kind === "caller"));
}

/**
 * The block (or `case`, or the program) whose statements hold the node; for a node in a `try` block (whose `catch`
 * may be the exit), the block around the `try`.
 */
function enclosingBlock(node: Node): Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    if (parent.type === AST_NODE_TYPES.SwitchCase || parent.type === AST_NODE_TYPES.Program) return parent;
    if (parent.type === AST_NODE_TYPES.BlockStatement && parent.parent?.type !== AST_NODE_TYPES.TryStatement) return parent;
    current = parent;
  }
}

/** The plain object a `marshall(item)` (or `convertToAttr`) converts, else the value itself. */
function unmarshalled(node: Node): Node {
  const target = unwrap(node);
  const argument = target.type === AST_NODE_TYPES.CallExpression && /^(?:marshall|convertToAttr)$/.test(calleeName(target) ?? "") ? target.arguments[0] : undefined;
  return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : target;
}

/** The parameter a whole Put item is, not yet known attribute by attribute. */
function wholeParameter(part: ValuePart): { fn: FunctionNode; index: number } | undefined {
  const origin = part.origins.length === 1 ? part.origins[0] : undefined;
  return part.attribute === undefined && origin?.kind === "parameter" && origin.path.length === 0 ? origin : undefined;
}

function limit(origins: Origin[]): Origin[] {
  return origins.length > MAX_ORIGINS ? origins.slice(0, MAX_ORIGINS) : origins;
}

function nodeText(node: Node): string {
  const chain = memberChain(node);
  if (chain) return [chain.root.type === AST_NODE_TYPES.Identifier ? chain.root.name : "this", ...chain.path].join(".");
  if (node.type === AST_NODE_TYPES.Literal) return String(node.raw);
  return node.type;
}

/** The table an access instance reaches: a table its function takes as a parameter is the caller's argument. */
export function instanceTable(instance: AccessInstance): TableRef | undefined {
  return instance.table ?? instance.access.table;
}

/** Is the table known by a name, an environment variable or a stage pattern? */
export function isKnownTable(table: TableRef | undefined): table is TableRef {
  return table !== undefined && (table.name !== undefined || table.env !== undefined || table.stage !== undefined);
}

/** Does `a` name the known table `b` (by `b`'s name, else its environment variable, else its stage pattern)? */
export function sameTable(a: TableRef | undefined, b: TableRef): boolean {
  if (!a) return false;
  if (b.name !== undefined) return a.name === b.name;
  if (b.env !== undefined) return a.env === b.env;
  return b.stage !== undefined && a.stage?.pattern === b.stage.pattern;
}

function tableId(table: TableRef | undefined): string | undefined {
  if (!table) return undefined;
  if (table.name !== undefined) return `name:${table.name}`;
  if (table.env !== undefined) return `env:${table.env}`;
  if (table.stage !== undefined) return `stage:${table.stage.pattern}`;
  return `text:${table.text}`;
}

export function isPathParameter(origin: Origin): boolean {
  if (origin.kind !== "request") return false;
  const first = origin.path.split(".")[0];
  return PATH_PARAMETER_ROOTS.has(first) || origin.path.startsWith("req.param");
}

/** The attribute a value reads by name: `post.jobId`, `item.user_id.S`, `connectionId` (destructured). */
function attributeRead(node: Node): string | undefined {
  let current = unwrap(node);
  for (let i = 0; i < 3 && current.type === AST_NODE_TYPES.MemberExpression; i++) {
    const key = staticKeyName(current);
    if (key === undefined || !ATTRIBUTE_VALUE_TYPE_KEYS.has(key)) return key;
    current = unwrap(current.object);
  }
  return current.type === AST_NODE_TYPES.Identifier ? current.name : undefined;
}

/** The comma-separated parts of an expression clause, commas inside function calls left alone. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

/** Where a value may sit inside a message's arguments: objects, lists and text. */
const MESSAGE_PARTS = new Set<string>([
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
]);
/** Is the node (part of) an argument of a logger's call (`console.log(\`creator: ${tweet.creator}\`)`, `logger.info(JSON.stringify(item))`)? */
function inLogCall(node: Node): boolean {
  let current = node;
  for (let i = 0; i < 12; i++) {
    const parent: Node | undefined = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
      const chain = memberChain(unwrap(parent.callee));
      if (chain?.root.type === AST_NODE_TYPES.Identifier && chain.root.name === "JSON" && chain.path.length === 1 && chain.path[0] === "stringify") {
        current = parent;
        continue;
      }
      return chain?.root.type === AST_NODE_TYPES.Identifier && LOGGER_NAME.test(chain.root.name) && chain.path.length <= 1;
    }
    if (!MESSAGE_PARTS.has(parent.type) && !(parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current)) return false;
    current = parent;
  }
  return false;
}

/** An item's own address. */
const ADDRESS_NAME = /^(?:e-?mail|email_?address|mail|phone|phone_?number|mobile|connection_?id|(?:expo_?)?push_?token|device_?token|fcm_?token|endpoint_?arn)$/i;
/** The recipient of a message object (`to`, SES's `ToAddresses`, SNS's `PhoneNumber` or `TargetArn`, a push service's device token). */
const RECIPIENT_KEY = /^(?:to|toaddresses|recipients?|phonenumber|connectionid|targetarn|tokens?|(?:expo)?pushtokens?|devicetokens?|fcmtokens?)$/i;
/** Attributes that hold a one-time code or token the server generates (`otp`, `verificationCode`, `resetToken`). */
const ONE_TIME_SECRET = /^(?:otp(?:_?code)?|(?:verification|verify|confirmation|reset|login|sign_?in|magic_?link|email_?verification)_?(?:code|token|otp))$/i;
/** Functions that send a message to the address they are given. */
const SEND_NAME = /mail|notify|sms|^send(?:Message|Notification|Text)?$/i;

/** Members of a read's result that say whether it found anything. */
const RESULT_MEMBERS = new Set(["Item", "Items", "Count", "ScannedCount", "length", "Responses"]);

/** Type keys of a low-level attribute value (`{ S: id }`). */
const ATTRIBUTE_VALUE_TYPE_KEYS = new Set(["S", "N", "B"]);

/** What a contribution-only update appends, in the terms of the instance's function (undefined: not such an update). */
function appendedBy(instance: AccessInstance): ValuePart[] | undefined {
  return instance.appended ?? instance.access.contribution?.appended;
}

/** Is the operation, or a call on the way to it, in a `catch` block of its function? */
function insideCatch(operation: Node, via: readonly TSESTree.CallExpression[]): boolean {
  return [operation, ...via].some((start) => {
    for (let current: Node | undefined = start.parent, i = 0; current && i < 100 && !isFunction(current); current = current.parent, i++) {
      if (current.type === AST_NODE_TYPES.CatchClause) return true;
    }
    return false;
  });
}

/**
 * A key value the request chooses: request input other than credentials (a session id from a cookie, an API key
 * header) and other than capability tokens (`Key: { token: req.params.token }`: knowing the secret is the permission).
 */
function isChosenByRequest(part: ValuePart): boolean {
  if (part.attribute !== undefined && CAPABILITY_NAME.test(part.attribute)) return false;
  return part.origins.some((origin) => origin.kind === "request" && !carriesCredentials(origin.path) && !CAPABILITY_NAME.test(origin.path.split(".").pop() ?? ""));
}

/** Values that may carry request input, the caller, or a parameter (a caller's value once composed). */
function isSubjectish(origin: Origin): boolean {
  return origin.kind === "request" || origin.kind === "caller" || origin.kind === "parameter";
}

/** The value comes from the authenticated caller and from no request input. */
export function isCallerOnly(origins: readonly Origin[]): boolean {
  return origins.some((origin) => origin.kind === "caller") && !origins.some((origin) => origin.kind === "request" || origin.kind === "parameter");
}

function isSecretName(name: string | undefined): boolean {
  return name !== undefined && (CREDENTIAL_NAME.test(name) || BROWSER_SESSION_NAME.test(name));
}

function isCredential(part: ValuePart): boolean {
  return part.origins.some((origin) => origin.kind === "request" && origin.path.split(".").some(isSecretName)) ||
    (isSecretName(part.attribute) && part.origins.some((origin) => origin.kind === "request"));
}

/**
 * A value of the session the request carries: a cookie (`req.cookies.get("user")?.value`, `req.signedCookies.uid`)
 * or a credential header (`x-user-id` set by a gateway). Keys read from them are not request-chosen either.
 */
function isSessionValue(part: ValuePart): boolean {
  return part.origins.some((origin) => origin.kind === "request" && carriesCredentials(origin.path) && (/^(?:cookies|signedCookies)\b/.test(origin.path) || CREDENTIAL_MEMBER.test(origin.path)));
}

/**
 * A value read from the request's cookies (`req.cookies.visitor`, `req.signedCookies.sid`): the browser session's, when
 * every request input it may hold is a cookie (`cookies().get("session")?.value || body.userId` is the body's without one).
 * A cookie named `userId` is a session too: its value may be a random visitor id the server set, as well as an id others know.
 */
function isCookieValue(part: ValuePart): boolean {
  const requests = part.origins.filter((origin) => origin.kind === "request");
  return requests.length > 0 && requests.every((origin) => /^(?:cookies|signedCookies)\b/.test(origin.path));
}

/** Request input paths of values: `express:params.id`. */
function pathsOf(parts: readonly ValuePart[]): Set<string> {
  const paths = new Set<string>();
  for (const part of parts) {
    for (const origin of part.origins) if (origin.kind === "request") paths.add(`${origin.framework}:${origin.path}`);
  }
  return paths;
}

/** Every request input in the key part is among `paths`, or inside one of them (`body` covers `body.id`). */
function coveredBy(part: ValuePart, paths: Set<string>): boolean {
  const own = pathsOf([part]);
  return own.size > 0 && [...own].every((path) => isCoveredPath(path, paths));
}

/** Is the request path among `paths`, or inside one of them? */
function isCoveredPath(path: string, paths: Set<string>): boolean {
  return paths.has(path) || [...paths].some((covering) => path.startsWith(`${covering}.`));
}

/**
 * Is the first piece of request input in a composed key wholly among `paths` (`` `LEARN#${childId}#${subject}` ``
 * with `childId` decided on)? The key then lies under that value: the pieces after it only pick among its items.
 * A decided piece after a free one (`subject` alone decided) leaves the item the free one names open.
 */
function composedUnder(part: ValuePart, paths: Set<string>): boolean {
  const first = part.pieces?.find((piece) => piece.some((origin) => origin.kind === "request"));
  return first !== undefined && first.every((origin) => origin.kind === "request" && isCoveredPath(`${origin.framework}:${origin.path}`, paths));
}

function lastSegment(node: Node): string | undefined {
  const chain = memberChain(node);
  if (chain) return chain.path[chain.path.length - 1] ?? (chain.root.type === AST_NODE_TYPES.Identifier ? chain.root.name : undefined);
  return undefined;
}

function statementOf(node: Node): Node {
  let current = node;
  for (let i = 0; i < 50 && current.parent; i++) {
    const parent: Node = current.parent;
    if (parent.type === AST_NODE_TYPES.ExpressionStatement || parent.type === AST_NODE_TYPES.VariableDeclaration || parent.type === AST_NODE_TYPES.ReturnStatement) return parent;
    if (parent.type === AST_NODE_TYPES.BlockStatement || isFunction(parent) || parent.type === AST_NODE_TYPES.Program) return current;
    current = parent;
  }
  return current;
}

/** Does the condition hold only for the caller's items, or items whose secret the request knows (or, with `createOnly`, only for new items)? */
function conditionHolds(condition: Condition, keyAttributes: ReadonlySet<string>, createOnly: boolean, caller: (origins: readonly Origin[]) => boolean): boolean {
  switch (condition.kind) {
    case "and":
      return condition.items.some((item) => conditionHolds(item, keyAttributes, createOnly, caller));
    case "or":
      return condition.items.length > 0 && condition.items.every((item) => conditionHolds(item, keyAttributes, createOnly, caller) || conditionHolds(item, keyAttributes, !createOnly, caller));
    case "equals":
      // `password = :password` with what the request sends: only whoever knows the item's secret passes, as a login does.
      return !createOnly && (caller(condition.value.origins) || (isSecretName(condition.attribute) && condition.value.origins.some((origin) => origin.kind === "request")));
    case "absent":
      return createOnly && condition.attribute !== undefined && (keyAttributes.has(condition.attribute) || CONVENTIONAL_KEY_NAMES.has(keyNameOf(condition.attribute)));
    default:
      return false;
  }
}

function attributeName(operand: AttributeOperand_, names: Map<string, Node>, values: ValueResolver): string | undefined {
  const first = operand.path[0];
  if (!first.startsWith("#")) return first;
  const node = names.get(first);
  const constants = node ? constantValues(values.resolveString(node)) : undefined;
  return constants?.length === 1 ? constants[0] : undefined;
}

type AttributeOperand_ = Extract<Operand, { kind: "attribute" }>;

function toCondition(node: ConditionNode, names: Map<string, Node>, values: Map<string, Node>, resolver: ValueResolver, originsOf: (node: Node) => Origin[]): Condition {
  switch (node.kind) {
    case "and":
    case "or":
      return { kind: node.kind, items: node.items.map((item) => toCondition(item, names, values, resolver, originsOf)) };
    case "not":
      return { kind: "not", item: toCondition(node.item, names, values, resolver, originsOf) };
    case "compare":
    case "function": {
      if (node.kind === "function" && node.name === "attribute_not_exists" && node.operands[0]?.kind === "attribute") {
        return { kind: "absent", attribute: attributeName(node.operands[0], names, resolver) };
      }
      const isEquality = (node.kind === "compare" && node.operator === "=") || (node.kind === "function" && node.name === "contains");
      if (!isEquality || node.operands.length !== 2) return { kind: "other" };
      const attribute = node.operands.find((operand): operand is AttributeOperand_ => operand.kind === "attribute");
      const value = node.operands.find((operand) => operand.kind === "value");
      if (!attribute || value?.kind !== "value") return { kind: "other" };
      const valueNode = values.get(value.placeholder);
      if (!valueNode) return { kind: "other" };
      const name = attributeName(attribute, names, resolver);
      return { kind: "equals", attribute: name, value: { attribute: name, node: valueNode, origins: originsOf(valueNode) } };
    }
  }
}

/** Key parts of a key condition: each attribute compared with a `:value`. */
function collectKeyParts(
  node: ConditionNode,
  names: Map<string, Node>,
  values: Map<string, Node>,
  resolver: ValueResolver,
  parts: ValuePart[],
  valuePart: (attribute: string | undefined, node: Node) => ValuePart,
): void {
  const stack: ConditionNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.kind === "not") {
      stack.push(current.item);
      continue;
    }
    if (current.kind !== "compare" && current.kind !== "function") {
      stack.push(...current.items);
      continue;
    }
    const attribute = current.operands.find((operand): operand is AttributeOperand_ => operand.kind === "attribute");
    const name = attribute ? attributeName(attribute, names, resolver) : undefined;
    for (const operand of current.operands) {
      if (operand.kind !== "value") continue;
      const valueNode = values.get(operand.placeholder);
      if (valueNode) parts.push(valuePart(name, valueNode));
    }
  }
}

/**
 * What a function returns where its check fails, when that is a refusal its caller can test: a falsy value
 * (`return false`, `return null`, `return;`) or an object with a member set to `false` (`return { authorized:
 * false, status: 403 }`: that member). Undefined for anything else (a response, a thrown error, a computed value).
 */
function refusalOf(guard: Guard): { member: string | undefined } | undefined {
  const decision = guard.node;
  if (decision.type !== AST_NODE_TYPES.IfStatement) return undefined;
  const fails = guard.passes === decision.consequent ? decision.alternate : decision.consequent;
  const first = fails?.type === AST_NODE_TYPES.BlockStatement ? fails.body[0] : fails;
  if (first?.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
  const value = first.argument ? unwrap(first.argument) : undefined;
  if (!value || (value.type === AST_NODE_TYPES.Identifier && value.name === "undefined")) return { member: undefined };
  if (value.type === AST_NODE_TYPES.Literal) return value.value === false || value.value === null || value.value === 0 || value.value === "" ? { member: undefined } : undefined;
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of value.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const member = staticKeyName(property);
    if (member !== undefined && property.value.type === AST_NODE_TYPES.Literal && property.value.value === false) return { member };
  }
  return undefined;
}

/** `null`, `undefined` or `0`: what a missing item, or the length of an empty list, is compared with. */
function isEmptyValue(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Literal ? node.value === null || node.value === 0 : node.type === AST_NODE_TYPES.Identifier && node.name === "undefined";
}

/** A call that never returns: `redirect("/login")`, `notFound()` (Next.js), `ctx.throw(403)` (Koa), `process.exit(1)`. */
function throwsOut(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  const name = calleeName(call);
  if (callee.type === AST_NODE_TYPES.Identifier) return name !== undefined && THROWING_CALLS.has(name);
  return callee.type === AST_NODE_TYPES.MemberExpression && (name === "throw" || (name === "exit" && memberChain(callee)?.root.type === AST_NODE_TYPES.Identifier));
}

/** How a branch ends: the strongest exit anywhere in it (not inside nested functions). */
function branchExit(statement: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): Guard["exit"] {
  let exit: Guard["exit"];
  let budget = 2_000;
  walk(statement, visitorKeys, (node) => {
    if (--budget < 0 || exit === "throw") return false;
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ThrowStatement) exit = "throw";
    else if (node.type === AST_NODE_TYPES.ReturnStatement) exit = strongestExit(exit, "return");
    else if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      const name = calleeName(node);
      if (throwsOut(node)) exit = "throw";
      else if (callee.type === AST_NODE_TYPES.Identifier && (name === "next" || name === "callback" || name === "cb" || name === "done") && node.arguments.length > 0) {
        exit = strongestExit(exit, "return");
      } else if (name && /^(?:forbidden|unauthorized|notFound|sendStatus|status|code)$/.test(name)) {
        const argument = node.arguments[0];
        if (name === "forbidden" || name === "unauthorized" || name === "notFound" || isErrorStatus(argument)) exit = strongestExit(exit, "response");
      }
    } else if (node.type === AST_NODE_TYPES.Property && /^(?:status|statusCode)$/.test(staticKeyName(node) ?? "") && isErrorStatus(node.value)) {
      exit = strongestExit(exit, "response");
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression && /^(?:status|statusCode)$/.test(staticKeyName(node.left) ?? "") && isErrorStatus(node.right)) {
      exit = strongestExit(exit, "response");
    }
  });
  return exit;
}

function isErrorStatus(node: Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === "number" && node.value >= 400 && node.value < 600;
}

const EXIT_STRENGTH = { response: 1, return: 2, throw: 3 } as const;

function strongestExit(a: Guard["exit"], b: Guard["exit"]): Guard["exit"] {
  if (!a) return b;
  if (!b) return a;
  return EXIT_STRENGTH[a] >= EXIT_STRENGTH[b] ? a : b;
}

/** Does a branch do anything observable (call something, return, assign)? */
function doesSomething(statement: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  let found = false;
  let budget = 2_000;
  walk(statement, visitorKeys, (node) => {
    if (found || --budget < 0 || isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.AssignmentExpression) found = true;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const chain = memberChain(unwrap(node.callee));
      if (!(chain?.root.type === AST_NODE_TYPES.Identifier && LOGGER_NAME.test(chain.root.name))) found = true;
    }
  });
  return found;
}

/** Identifiers bound by a declaration or assignment target (`x`, `{ Item }`, `{ Item: note }`, `[a]`). */
function patternIdentifiers(pattern: Node): TSESTree.Identifier[] {
  const result: TSESTree.Identifier[] = [];
  const stack: Node[] = [pattern];
  for (let i = 0; stack.length > 0 && i < 500; i++) {
    const node = stack.pop()!;
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        result.push(node);
        break;
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of node.properties) stack.push(property.type === AST_NODE_TYPES.RestElement ? property.argument : property.value);
        break;
      case AST_NODE_TYPES.ArrayPattern:
        for (const element of node.elements) if (element) stack.push(element);
        break;
      case AST_NODE_TYPES.AssignmentPattern:
        stack.push(node.left);
        break;
      case AST_NODE_TYPES.RestElement:
        stack.push(node.argument);
        break;
      default:
        break;
    }
  }
  return result;
}

/** How one read of the fetched item is used: in a test, returned, or anything else. */
/**
 * Does a caller without the role take the exit, whatever the rest of the test says? Not when the role test is one
 * side of an `&&` (`!isAdmin && body.username !== me` lets every non-admin through with their own name), nor of
 * a negated `||`.
 */
function exitsWithoutRole(node: Node, test: Node, isRoleValue?: (value: Node) => boolean): boolean {
  const path: Node[] = [];
  for (let current: Node | undefined = node; current && current !== test; current = current.parent) path.push(current);
  let negated = false;
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = path[i].parent;
    if (!parent) break;
    if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "!") negated = !negated;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && (parent.operator === "??" || (parent.operator === "&&") !== negated) && !(!negated && isRoleValue && isRoleAllowList(parent, isRoleValue))) return false;
  }
  return true;
}

/** Is the test true only when the caller's role value is (`isAdmin && x`, `roles.includes(role)`), never negated or joined by `||`? */
function holdsOnlyWithRole(node: Node, test: Node): boolean {
  for (let current: Node | undefined = node; current && current !== test; current = current.parent) {
    const parent: Node | undefined = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.UnaryExpression || (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== "&&")) return false;
    if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator !== "===" && parent.operator !== "==") return false;
  }
  return true;
}

/** Does the test name a privileged role (`"admin"`, `"manager"`, `isModerator`), not any role a user may have? */
function namesPrivilegedRole(test: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  let found = false;
  walk(test, visitorKeys, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") found = PRIVILEGED_ROLE.test(node.value);
    else if (node.type === AST_NODE_TYPES.Identifier) found = PRIVILEGED_ROLE.test(node.name) && /^is_?/i.test(node.name);
    if (found) return false;
  });
  return found;
}

/** Does a statement of the guard's block between the access and the guard send a response (`res.json(Item)`)? */
function servedBefore(position: Node, guardNode: Node): boolean {
  const block = enclosingBlock(guardNode);
  const statements = block.type === AST_NODE_TYPES.BlockStatement || block.type === AST_NODE_TYPES.Program ? block.body : block.type === AST_NODE_TYPES.SwitchCase ? block.consequent : [];
  return statements.some((statement) => {
    if (statement.range[0] < position.range[1] || statement.range[1] > guardNode.range[0] || statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    let expression = unwrap(statement.expression);
    if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = unwrap(expression.argument);
    return expression.type === AST_NODE_TYPES.CallExpression && SERVING_METHODS.has(calleeName(expression) ?? "");
  });
}

/** Response methods that send a body. */
const SERVING_METHODS = new Set(["json", "send", "end", "write", "render", "jsonp"]);

const EQUALITY_OPERATORS: ReadonlySet<string> = new Set(["===", "==", "!==", "!="]);
/** The administrator's role written as a value: `"admin"`, `"ADMIN"`, `"super_admin"`, `"administrator"`, `"superuser"`. */
const ADMIN_ROLE_VALUE = /^(?:super[-_ ]?)?admin(?:istrator)?$|^superuser$/i;

function isAdminRoleLiteral(node: Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Literal && typeof value.value === "string" && ADMIN_ROLE_VALUE.test(value.value);
}

/** A constant or setting named for the administrator (`ADMIN_EMAIL`, `process.env.ADMIN_USER_ID`, `config.adminId`). */
function namesAdmin(node: Node): boolean {
  const value = unwrap(node);
  const name = value.type === AST_NODE_TYPES.Identifier ? value.name : value.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(value) : undefined;
  return name !== undefined && ADMIN_NAME.test(name);
}

/** A value of the caller's named for a role (`req.user.role`, `claims["cognito:groups"]`). */
function isCallerRole(origins: readonly Origin[]): boolean {
  return origins.some((origin) => origin.kind === "caller" && origin.path.split(".").some((segment) => ROLE_NAME.test(segment)));
}

/** `role !== "coo" && role !== "director"`: every operand of the `&&` chain rules out one named role, so it holds for everyone else. */
function isRoleAllowList(logical: TSESTree.LogicalExpression, isRoleValue: (value: Node) => boolean): boolean {
  const operands: Node[] = [logical];
  let count = 0;
  while (operands.length > 0) {
    const operand = unwrap(operands.pop()!);
    if (++count > 20) return false;
    if (operand.type === AST_NODE_TYPES.LogicalExpression && operand.operator === "&&") {
      operands.push(operand.left, operand.right);
      continue;
    }
    if (operand.type !== AST_NODE_TYPES.BinaryExpression || (operand.operator !== "!==" && operand.operator !== "!=")) return false;
    const [left, right] = [operand.left as Node, operand.right];
    const named = (literal: Node, value: Node) => literal.type === AST_NODE_TYPES.Literal && typeof literal.value === "string" && isRoleValue(value);
    if (!named(left, right) && !named(right, left)) return false;
  }
  return true;
}

/** Calls followed through their arguments per itemOperations() question (`normalize(clean(Item))`). */
const MAX_ITEM_CALLS = 8;
/** Functions that tell whether a value is there and nothing else about it. */
const EXISTENCE_PREDICATES = new Set(["isEmpty", "isNil", "isNull", "isUndefined", "isNullOrUndefined", "isNullish", "exists", "Boolean"]);
/** Methods whose result is a yes/no or a position, never the item's data: `item.friends.some(...)`, `item.tags.includes(x)`. */
const PREDICATE_METHODS = new Set(["some", "every", "includes", "has", "indexOf", "lastIndexOf", "findIndex", "findLastIndex", "startsWith", "endsWith"]);

/** Methods whose result is part of the receiver's data: `find`, `findLast`, `filter`, `at`. */
const ELEMENT_METHODS = new Set(["find", "findLast", "filter", "at"]);

/** Calls that list an object's keys, values or entries: what is done with the list is what is done with the object. */
const OBJECT_VIEWS: ReadonlySet<string> = new Set(["Object.keys", "Object.values", "Object.entries"]);

function referenceUse(identifier: Node, declared?: (variable: TSESTree.Identifier) => ItemUse): ItemUse {
  let current = identifier;
  for (let i = 0; i < 50; i++) {
    const parent: Node | undefined = current.parent;
    if (!parent) return "used";
    // item.friends.some((f) => f.id === me), friends.findIndex(...): a yes/no or a position, not the item's data.
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && PREDICATE_METHODS.has(staticKeyName(parent) ?? "")) {
      const call = parent.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) return "tested";
    }
    // list.find((a) => a.studentId === me)?.status === 1: an element (or some) of the item's data, used as what follows uses it.
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && ELEMENT_METHODS.has(staticKeyName(parent) ?? "")) {
      const call = parent.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
        current = call;
        continue;
      }
    }
    // votes.length: how many items there are, as `Select: "COUNT"` gives it, none of their data.
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && !parent.computed && staticKeyName(parent) === "length") return "tested";
    // user.displayName, x.image: what a public profile card shows, when it is served (`data.Count > 0` is a test).
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && !parent.computed && isProfileCardAttribute(staticKeyName(parent) ?? "")) {
      const use = referenceUse(parent, declared);
      return use === "used" || use === "returned" ? "card" : use;
    }
    // Items.map((x) => ({ name: x.name, image: x.image })): each element is used as the callback uses it, and what
    // the callback returns is used as the call's value is.
    if (declared && parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && staticKeyName(parent) === "map") {
      const call = parent.parent;
      const callback = call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent ? call.arguments[0] : undefined;
      const element = isFunction(callback) ? callback.params[0] : undefined;
      if (element?.type === AST_NODE_TYPES.Identifier) {
        const use = declared(element);
        if (use !== "returned") return use;
        current = call!;
        continue;
      }
    }
    if ((parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) || parent.type === AST_NODE_TYPES.ChainExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.AwaitExpression) {
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.UnaryExpression && (parent.operator === "!" || parent.operator === "typeof")) return "tested";
    // isEmpty(item), _.isNil(item), Boolean(item): only whether the item exists comes out.
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.length === 1 && parent.arguments[0] === current && EXISTENCE_PREDICATES.has(calleeName(parent) ?? "")) return "tested";
    // Object.keys(user).length !== 0: the item's keys, values or entries are used as what follows uses them.
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.length === 1 && parent.arguments[0] === current && OBJECT_VIEWS.has(dottedName(memberChain(parent.callee)) ?? "")) {
      current = parent;
      continue;
    }
    // normalizeStatus(post.status) !== "active": an attribute converted for a test is tested.
    if (current !== identifier && parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.length === 1 && parent.arguments[0] === current && referenceUse(parent) === "tested") return "tested";
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.WhileStatement) && parent.test === current) return "tested";
    // `hour === now ? limit.Item.count : 0`: a branch's value is used as the whole conditional is.
    if (parent.type === AST_NODE_TYPES.ConditionalExpression) {
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.BinaryExpression && ["===", "!==", "==", "!=", "<", ">", "<=", ">="].includes(parent.operator)) return "tested";
    if (parent.type === AST_NODE_TYPES.LogicalExpression) {
      // x && y in a test is a test; `x || {}` as a value is used as that value is (`const credits = Item.credits || 0`,
      // then only compared, is tested).
      const outer = referenceUse(parent, declared);
      return outer === "tested" || outer === "unused" ? "tested" : outer;
    }
    if (parent.type === AST_NODE_TYPES.ReturnStatement) return "returned";
    if (declared && parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) return declared(parent.id);
    return "used";
  }
  return "used";
}

function middlewareNames(node: Node): string[] {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.ArrayExpression) return target.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? middlewareNames(element) : []));
  if (target.type === AST_NODE_TYPES.Identifier) return [target.name];
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const chain = memberChain(target.callee);
    const dotted = dottedName(chain);
    const names = chain && dotted !== undefined ? [dotted, ...chain.path.slice(-1)] : [];
    const name = calleeName(target);
    if (name) names.push(name);
    // AuthGuard("jwt"), requireRole("admin"), authMiddleware(["Customer:Delete"]), authorize(customerPermissions):
    // the arguments name the guard too.
    for (const argument of target.arguments) for (const value of guardArgumentNames(argument, true)) names.push(`${name}(${value})`);
    return names;
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const chain = memberChain(target);
    const dotted = dottedName(chain);
    if (chain && dotted !== undefined) return [dotted, chain.path[chain.path.length - 1]];
  }
  if (target.type === AST_NODE_TYPES.NewExpression) {
    const name = calleeName(target);
    return name ? [name] : [];
  }
  return [];
}

/**
 * What an argument of a middleware factory names: a string, the strings of an array, or a variable or member
 * named for roles or permissions (`customerPermissions`, `Role.Admin`); other variables name nothing.
 */
function guardArgumentNames(argument: Node, arrays: boolean): string[] {
  const target = unwrap(argument);
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === "string" ? [target.value] : [];
  if (target.type === AST_NODE_TYPES.ArrayExpression && arrays) {
    return target.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? guardArgumentNames(element, false) : []));
  }
  const name = target.type === AST_NODE_TYPES.Identifier ? target.name : target.type === AST_NODE_TYPES.MemberExpression ? dottedName(memberChain(target)) : undefined;
  return name !== undefined && ROLE_CALL_NAME.test(name) ? [name] : [];
}

/** Is the assignment made on a branch (an `if`, `?:`, `&&`, a `case`) that the operation is not inside? */
function setConditionally(assignment: Node, operation: Node): boolean {
  for (let node = assignment.parent, i = 0; node && !isFunction(node) && i < 50; node = node.parent, i++) {
    const branching = node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression || node.type === AST_NODE_TYPES.LogicalExpression || node.type === AST_NODE_TYPES.SwitchCase;
    if (branching && !contains(node, operation)) return true;
  }
  return false;
}

/**
 * The conditions of a filter that every item must meet (joined by `AND`) and that bind an attribute `accepts` names:
 * an owner (`userId = :u`), or an item's identity (`messageId = :m`).
 */
function equalitiesOf(condition: Condition | undefined, accepts: (attribute: string) => boolean): Array<Extract<Condition, { kind: "equals" }>> {
  if (condition?.kind === "and") return condition.items.flatMap((item) => equalitiesOf(item, accepts));
  return condition?.kind === "equals" && condition.attribute !== undefined && accepts(condition.attribute) ? [condition] : [];
}

/** The function a `.bind(...)` call binds (`handler.main.bind(handler)`), or the node itself. */
function unbound(node: Node): Node {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression && staticKeyName(target.callee) === "bind" ? target.callee.object : target;
}

/** `new ValidationPipe({ whitelist: true })`. */
function isWhitelistPipe(node: Node): boolean {
  const pipe = unwrap(node);
  if (pipe.type !== AST_NODE_TYPES.NewExpression || calleeName(pipe) !== "ValidationPipe") return false;
  const options = pipe.arguments[0] && unwrap(pipe.arguments[0]);
  const whitelist = options?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(options, "whitelist")?.value : undefined;
  return whitelist?.type === AST_NODE_TYPES.Literal && whitelist.value === true;
}

/** Middleware that admits only some callers: named for a role (`requireAdmin`, `isManager`), or given one or a permission (`authMiddleware(Customer:Delete)`). */
function isRoleMiddleware(name: string): boolean {
  return ROLE_CALL_NAME.test(name) || PERMISSION_ARGUMENT.test(name) || STAFF_ROLE_MIDDLEWARE.test(name);
}

/** The route a Next.js file serves, from its path: `app/api/notes/[id]/route.ts` → `/api/notes/[id]`. */
export function nextRoutePath(filename: string): string | undefined {
  const normalized = `/${filename.split("\\").join("/")}`;
  const app = normalized.lastIndexOf("/app/");
  if (app >= 0 && /\/route\.[cm]?[jt]sx?$/.test(normalized)) {
    const inner = normalized.slice(app + 4, normalized.lastIndexOf("/route."));
    return cleanNextPath(inner);
  }
  const pages = normalized.lastIndexOf("/pages/");
  if (pages >= 0) {
    const inner = normalized.slice(pages + 6).replace(/\.[cm]?[jt]sx?$/, "");
    return cleanNextPath(inner.endsWith("/index") ? inner.slice(0, -"/index".length) : inner);
  }
  return undefined;
}

function cleanNextPath(path: string): string {
  const segments = path.split("/").filter((segment) => segment && !(segment.startsWith("(") && segment.endsWith(")")) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}
