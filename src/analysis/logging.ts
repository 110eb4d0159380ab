// Logging facts: which calls write to a log (console, common logger libraries, `debug` instances, streams),
// what a value is as a logger (for SDK `logger` options), which values are or contain AWS credentials
// (credential providers' results, STS responses, credential-shaped objects, `process.env`), and a walk
// that finds such a value inside a logged argument. Every query is bounded; an exhausted budget means
// "not known", which the rules treat as quiet.
import { ReferenceTracker, type TraceMap } from "@eslint-community/eslint-utils";
import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, contains, enclosingClass, isFunction, memberChain, staticKeyName, unwrap } from "./ast";
import type { FileIndex } from "./file-index";
import { exits } from "./guards";
import { iterateModuleReferences } from "./modules";
import type { ScopeIndex, Variable } from "./scope";
import { textMayContain } from "./text-checks";
import type { ValueResolver } from "./values";

type Node = TSESTree.Node;
const { READ, CALL, CONSTRUCT } = ReferenceTracker;

// ---------------------------------------------------------------- loggers

export type LoggerLibrary =
  | "console"
  | "stream"
  | "pino"
  | "winston"
  | "bunyan"
  | "powertools"
  | "log4js"
  | "loglevel"
  | "nestjs"
  | "consola"
  | "debug"
  /** Not resolved: a binding or member whose name says it is a logger (`logger`, `log`, `appLogger`, `req.log`). */
  | "named";

export interface LoggerValue {
  library: LoggerLibrary;
  /** The methods that write their arguments to the log. */
  methods: ReadonlySet<string>;
  /** True for a function that logs when called (`debug("app")`, `console.log` as a value). */
  callable: boolean;
  /** True when the logger was created with a constant level above `info` (`pino({ level: "warn" })`). */
  quietAtInfo: boolean;
  /** For messages: "`console`", "a pino logger", "`logger`". */
  description: string;
  /** For named loggers: the name the heuristic matched. */
  name?: string;
}

/** Libraries whose loggers are objects with level methods. */
type InstanceLibrary = Exclude<LoggerLibrary, "console" | "named" | "debug">;

const CONSOLE_METHODS = new Set(["log", "info", "warn", "error", "debug", "trace", "dir", "dirxml", "table", "group", "groupCollapsed", "assert"]);
const LIBRARY_METHODS: Record<InstanceLibrary, ReadonlySet<string>> = {
  stream: new Set(["write"]),
  pino: new Set(["trace", "debug", "info", "warn", "error", "fatal"]),
  winston: new Set(["error", "warn", "info", "http", "verbose", "debug", "silly", "log"]),
  bunyan: new Set(["trace", "debug", "info", "warn", "error", "fatal"]),
  powertools: new Set(["trace", "debug", "info", "warn", "error", "critical"]),
  log4js: new Set(["trace", "debug", "info", "warn", "error", "fatal", "mark", "log"]),
  loglevel: new Set(["trace", "debug", "info", "warn", "error", "log"]),
  nestjs: new Set(["log", "error", "warn", "debug", "verbose", "fatal"]),
  consola: new Set(["log", "info", "warn", "error", "debug", "trace", "fatal", "success", "start", "ready", "box", "fail"]),
};
/** Methods of a logger known only by name. */
const NAMED_METHODS = new Set(["trace", "debug", "info", "warn", "warning", "error", "fatal", "log", "verbose", "silly", "critical", "notice"]);
/** Every method name a log call can have (console's, named loggers', the libraries', a stream's `write`). */
const LOG_METHODS: ReadonlySet<string> = new Set([...CONSOLE_METHODS, ...NAMED_METHODS, ...Object.values(LIBRARY_METHODS).flatMap((methods) => [...methods])]);
const LIBRARY_DESCRIPTIONS: Record<LoggerLibrary, string> = {
  console: "`console`",
  stream: "an output stream",
  pino: "a pino logger",
  winston: "a winston logger",
  bunyan: "a bunyan logger",
  powertools: "a Powertools Logger",
  log4js: "a log4js logger",
  loglevel: "a loglevel logger",
  nestjs: "a NestJS Logger",
  consola: "a consola logger",
  debug: "a `debug` logger",
  named: "a logger",
};
/** Level names above `info`, per library option (`level`, `logLevel`), lower-cased. */
const LEVELS_ABOVE_INFO = new Set(["warn", "warning", "error", "fatal", "critical", "silent", "off", "none", "40", "50", "60"]);

/** `logger`, `log`, `_logger`, `appLogger`, `requestLogger`: names that say "a logger". */
function isLoggerName(name: string): boolean {
  return /^_*(?:log|logger)$/i.test(name) || /[a-z]Logger$/.test(name);
}

const CONSOLE: LoggerValue = { library: "console", methods: CONSOLE_METHODS, callable: false, quietAtInfo: false, description: "`console`" };

function libraryLogger(library: InstanceLibrary, quietAtInfo = false, description?: string): LoggerValue {
  return { library, methods: LIBRARY_METHODS[library], callable: false, quietAtInfo, description: description ?? LIBRARY_DESCRIPTIONS[library] };
}

function namedLogger(name: string): LoggerValue {
  return { library: "named", methods: NAMED_METHODS, callable: false, quietAtInfo: false, description: `\`${name}\``, name };
}

function functionLogger(library: LoggerLibrary, description: string): LoggerValue {
  return { library, methods: new Set(), callable: true, quietAtInfo: false, description };
}

export interface LogCall {
  call: TSESTree.CallExpression;
  logger: LoggerValue;
  /** The arguments written to the log (all of them, except `console.assert`'s condition). */
  arguments: Node[];
}

// ---------------------------------------------------------------- credentials

/** A value that is or holds AWS credentials, or the process environment. */
export type SensitiveValue =
  | {
      kind: "credentials";
      /** For messages: "the AWS credentials that `fromIni()` resolves". */
      description: string;
      /** The non-secret expiry field of this credentials shape (`expiration`, `Expiration`, `expireTime`). */
      expirationField: string;
      /** For an STS or Cognito response holding `Credentials` (the expiry is then `Credentials.Expiration`): "STS `AssumeRole`". */
      response?: string;
    }
  | { kind: "secret"; description: string }
  | { kind: "environment"; description: string };

/** Internal: a credential provider (a function that resolves credentials); logging it prints `[Function]`. */
type ValueKind = SensitiveValue | { kind: "provider"; description: string };

/** Environment variables that hold AWS secrets. The access key id alone is an identifier, not a secret. */
const SECRET_ENV = new Set(["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"]);
/** The same names behind a prefix (`MY_AWS_SECRET_ACCESS_KEY` where hosts reserve `AWS_`, `VITE_AWS_SECRET_ACCESS_KEY`). */
const PREFIXED_SECRET_ENV = /_AWS_(?:SECRET_ACCESS_KEY|SESSION_TOKEN|SECURITY_TOKEN)$/;

/**
 * Every credential source leaves one of these in the text (`fromIni` from a `credential-provider*` package,
 * `config.credentials`, `secretAccessKey`, `sessionToken`/`SessionToken`, `SecretKey`, an STS client from
 * `@aws-sdk/...`/`aws-sdk`, a secret variable read by name: `import.meta.env.VITE_AWS_SECRET_ACCESS_KEY`), unless
 * an escape sequence spells it (`pro\u0063ess.env`); the environment needs the word `process` and a read of the
 * global that may reach its whole `env` or a secret variable of it. A file with neither needs no credential check
 * of its log calls. `essionToken`, not `ession`: every ESTree tool says "Expression" (half the dependency corpus).
 */
const CREDENTIAL_MENTIONS = ["redential", "ecret", "essionToken", "aws-sdk", "SECRET_ACCESS_KEY", "SESSION_TOKEN", "SECURITY_TOKEN"];

/** Could the file log a credential source at all? The text pre-check for the credential checks of log calls. */
export function mayMentionCredentials(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const text = sourceCode.text;
  return textMayContain(text, CREDENTIAL_MENTIONS) || (textMayContain(text, ["process"]) && mayReadEnvironmentSecrets(sourceCode.scopeManager));
}

/**
 * Could the file read the whole environment of the global `process`, or a secret variable of it? Some reference
 * to that global other than `typeof process`, `process.<another member>` (`process.exit()`, `process.argv`) and a
 * read of one variable by name that holds no AWS secret (`process.env.TABLE_NAME`, `const { STAGE } =
 * process.env`): a browser bundle's `typeof process` test, a script's `process.argv` and a service reading its
 * configuration never log the environment. From the scope manager, without a walk.
 */
export function mayReadEnvironmentSecrets(scopeManager: TSESLint.Scope.ScopeManager | null): boolean {
  const globalScope = scopeManager?.globalScope;
  if (!globalScope) return true;
  const declared = globalScope.set.get("process");
  const references = [
    ...globalScope.through.filter((reference) => reference.identifier.type === AST_NODE_TYPES.Identifier && reference.identifier.name === "process"),
    ...(declared && declared.defs.length === 0 ? declared.references : []),
  ];
  return references.some((reference) => {
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "typeof") return false;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier) return true;
    const member = staticKeyName(parent);
    if (member !== "env") return member === undefined;
    const use = parent.parent;
    // process.env.NAME, process.env["NAME"]
    if (use?.type === AST_NODE_TYPES.MemberExpression && use.object === parent) {
      const name = staticKeyName(use);
      return name === undefined || isSecretEnvName(name);
    }
    // const { STAGE, TABLE_NAME } = process.env (a rest element holds the rest of the environment)
    if (use?.type === AST_NODE_TYPES.VariableDeclarator && use.id.type === AST_NODE_TYPES.ObjectPattern) {
      return use.id.properties.some((property) => {
        const name = property.type === AST_NODE_TYPES.Property ? staticKeyName(property) : undefined;
        return name === undefined || isSecretEnvName(name);
      });
    }
    return true;
  });
}

function isSecretEnvName(name: string): boolean {
  return SECRET_ENV.has(name) || PREFIXED_SECRET_ENV.test(name);
}
/** Secret members of a credentials object (v3 `AwsCredentialIdentity`, v2 `Credentials`, STS and Cognito `Credentials`). */
const SECRET_MEMBERS = new Set(["secretAccessKey", "sessionToken", "SecretAccessKey", "SessionToken", "SecretKey"]);
/** Members that are secrets whatever object they are read from. */
const UNAMBIGUOUS_SECRET_MEMBERS = new Set(["secretAccessKey", "SecretAccessKey", "SessionToken"]);

const CREDENTIAL_PROVIDERS: Record<string, readonly string[]> = {
  "@aws-sdk/credential-providers": [
    "fromIni", "fromEnv", "fromNodeProviderChain", "fromTemporaryCredentials", "fromCognitoIdentityPool", "fromCognitoIdentity",
    "fromContainerMetadata", "fromInstanceMetadata", "fromProcess", "fromSSO", "fromTokenFile", "fromWebToken", "fromHttp",
    "fromLoginCredentials", "createCredentialChain",
  ],
  "@aws-sdk/credential-provider-node": ["defaultProvider"],
  "@aws-sdk/credential-provider-ini": ["fromIni"],
  "@aws-sdk/credential-provider-env": ["fromEnv"],
  "@aws-sdk/credential-provider-sso": ["fromSSO"],
  "@aws-sdk/credential-provider-process": ["fromProcess"],
  "@aws-sdk/credential-provider-web-identity": ["fromTokenFile", "fromWebToken"],
  "@aws-sdk/credential-provider-imds": ["fromInstanceMetadata", "fromContainerMetadata"],
  "@smithy/credential-provider-imds": ["fromInstanceMetadata", "fromContainerMetadata"],
  "@aws-sdk/credential-provider-cognito-identity": ["fromCognitoIdentity", "fromCognitoIdentityPool"],
  "@aws-sdk/credential-provider-http": ["fromHttp"],
};

/** Operations whose response carries temporary credentials in `Credentials`. */
const CREDENTIAL_OPERATIONS: Record<string, Record<string, string>> = {
  "@aws-sdk/client-sts": {
    AssumeRoleCommand: "assumeRole",
    AssumeRoleWithWebIdentityCommand: "assumeRoleWithWebIdentity",
    AssumeRoleWithSAMLCommand: "assumeRoleWithSAML",
    GetSessionTokenCommand: "getSessionToken",
    GetFederationTokenCommand: "getFederationToken",
  },
  "@aws-sdk/client-cognito-identity": { GetCredentialsForIdentityCommand: "getCredentialsForIdentity" },
};
const CREDENTIAL_METHODS = new Set(Object.values(CREDENTIAL_OPERATIONS).flatMap((commands) => Object.values(commands)));
const V2_CREDENTIAL_CLASSES = [
  "Credentials", "SharedIniFileCredentials", "EnvironmentCredentials", "ChainableTemporaryCredentials", "TemporaryCredentials",
  "CognitoIdentityCredentials", "EC2MetadataCredentials", "ECSCredentials", "ProcessCredentials", "TokenFileWebIdentityCredentials",
  "WebIdentityCredentials", "SsoCredentials", "FileSystemCredentials",
];

/** Packages that only run in a browser (or a device): their importers are client code. */
const BROWSER_MODULES = /^(?:react-dom(?:\/.*)?|vue|svelte|@angular\/core|preact|react-native)$/;

/** Calls whose result prints their argument (wholly or as a string) when logged. */
const PRINTING_CALLS = new Set(["stringify", "inspect", "format", "String", "structuredClone", "assign", "values", "entries", "fromEntries", "concat", "toString"]);

type Tracked =
  | { role: "logger"; library: InstanceLibrary }
  | { role: "function-logger"; library: "debug" }
  | { role: "log-call"; library: InstanceLibrary }
  | { role: "stream" }
  | { role: "provider"; name: string }
  | { role: "credential-command"; className: string }
  | { role: "credential-client"; sdk: "v2" | "v3" }
  | { role: "v2-credentials"; className: string }
  | { role: "v2-config-credentials" };

function logCallEntries(library: InstanceLibrary, methods: Iterable<string>): TraceMap<Tracked> {
  const entries: TraceMap<Tracked> = {};
  for (const method of methods) entries[method] = { [CALL]: { role: "log-call", library } } as TraceMap<Tracked>;
  return entries;
}

function buildTraceMap(): TraceMap<Tracked> {
  const logger = (library: InstanceLibrary) => ({ role: "logger", library }) as const;
  const map: TraceMap<Tracked> = {
    pino: { [CALL]: logger("pino"), pino: { [CALL]: logger("pino") }, default: { [CALL]: logger("pino") } } as TraceMap<Tracked>,
    winston: {
      createLogger: { [CALL]: logger("winston") },
      ...logCallEntries("winston", LIBRARY_METHODS.winston),
    } as TraceMap<Tracked>,
    bunyan: { [CONSTRUCT]: logger("bunyan"), createLogger: { [CALL]: logger("bunyan") } } as TraceMap<Tracked>,
    "@aws-lambda-powertools/logger": { Logger: { [CONSTRUCT]: logger("powertools") } } as TraceMap<Tracked>,
    log4js: { getLogger: { [CALL]: logger("log4js") } } as TraceMap<Tracked>,
    loglevel: { getLogger: { [CALL]: logger("loglevel") }, ...logCallEntries("loglevel", LIBRARY_METHODS.loglevel) } as TraceMap<Tracked>,
    "@nestjs/common": { Logger: { [CONSTRUCT]: logger("nestjs"), ...logCallEntries("nestjs", LIBRARY_METHODS.nestjs) } } as TraceMap<Tracked>,
    consola: {
      createConsola: { [CALL]: logger("consola") },
      consola: logCallEntries("consola", LIBRARY_METHODS.consola),
      ...logCallEntries("consola", LIBRARY_METHODS.consola),
    } as TraceMap<Tracked>,
    debug: { [CALL]: { role: "function-logger", library: "debug" }, default: { [CALL]: { role: "function-logger", library: "debug" } } } as TraceMap<Tracked>,
    fs: { createWriteStream: { [CALL]: { role: "stream" } } } as TraceMap<Tracked>,
    "node:fs": { createWriteStream: { [CALL]: { role: "stream" } } } as TraceMap<Tracked>,
  };
  for (const [pkg, names] of Object.entries(CREDENTIAL_PROVIDERS)) {
    const entries: TraceMap<Tracked> = {};
    for (const name of names) entries[name] = { [CALL]: { role: "provider", name } } as TraceMap<Tracked>;
    map[pkg] = entries;
  }
  for (const [pkg, commands] of Object.entries(CREDENTIAL_OPERATIONS)) {
    const entries: TraceMap<Tracked> = {};
    for (const className of Object.keys(commands)) entries[className] = { [CONSTRUCT]: { role: "credential-command", className } } as TraceMap<Tracked>;
    const aggregated = pkg === "@aws-sdk/client-sts" ? "STS" : "CognitoIdentity";
    entries[aggregated] = { [CONSTRUCT]: { role: "credential-client", sdk: "v3" } } as TraceMap<Tracked>;
    map[pkg] = entries;
  }
  const v2: TraceMap<Tracked> = {
    STS: { [CONSTRUCT]: { role: "credential-client", sdk: "v2" } },
    CognitoIdentity: { [CONSTRUCT]: { role: "credential-client", sdk: "v2" } },
    config: { credentials: { [READ]: { role: "v2-config-credentials" } } },
  } as TraceMap<Tracked>;
  for (const className of V2_CREDENTIAL_CLASSES) v2[className] = { [CONSTRUCT]: { role: "v2-credentials", className } } as TraceMap<Tracked>;
  map["aws-sdk"] = v2;
  map["aws-sdk/global"] = v2;
  map["aws-sdk/clients/sts"] = { [CONSTRUCT]: { role: "credential-client", sdk: "v2" } } as TraceMap<Tracked>;
  map["aws-sdk/clients/cognitoidentity"] = { [CONSTRUCT]: { role: "credential-client", sdk: "v2" } } as TraceMap<Tracked>;
  return map;
}

const TRACE_MAP = buildTraceMap();

interface Budget {
  steps: number;
}

const MAX_DEPTH = 24;

export class LoggingAnalysis {
  private readonly loggerCreations = new Map<Node, LoggerValue>();
  private readonly directLogCalls = new Map<Node, InstanceLibrary>();
  private readonly providerCalls = new Map<Node, string>();
  private readonly credentialCommands = new Map<Node, string>();
  private readonly credentialClients = new Map<Node, "v2" | "v3">();
  private readonly v2Credentials = new Map<Node, string>();
  private readonly v2ConfigCredentials = new Set<Node>();
  private readonly loggerCache = new Map<Node, LoggerValue | null>();
  private readonly variableLoggerCache = new Map<Variable, LoggerValue | null>();
  private readonly classFields = new Map<Node, Map<string, Node>>();
  private readonly kindCache = new Map<Node, ValueKind | null>();
  private logCallsValue?: LogCall[];
  private browserValue?: boolean;

  private get index(): FileIndex {
    return this.resolvers.index;
  }

  private get scope(): ScopeIndex {
    return this.resolvers.scope;
  }

  private get values(): ValueResolver {
    return this.resolvers.values;
  }

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    /** The file's index, scope index and value resolver, read on first use: a file without log calls needs none of them. */
    private readonly resolvers: { readonly index: FileIndex; readonly scope: ScopeIndex; readonly values: ValueResolver },
    /** True for an SDK v2 client expression (`dynamo.config.credentials` is then a credentials object). */
    private readonly isV2Client: (node: Node) => boolean = () => false,
  ) {
    for (const { node, info } of iterateModuleReferences(sourceCode, TRACE_MAP)) {
      switch (info.role) {
        case "logger":
          this.loggerCreations.set(node, libraryLogger(info.library, this.quietAtInfo(node)));
          break;
        case "function-logger":
          this.loggerCreations.set(node, functionLogger("debug", LIBRARY_DESCRIPTIONS.debug));
          break;
        case "stream":
          this.loggerCreations.set(node, libraryLogger("stream", false, "a file stream"));
          break;
        case "log-call":
          this.directLogCalls.set(node, info.library);
          break;
        case "provider":
          this.providerCalls.set(node, info.name);
          break;
        case "credential-command":
          this.credentialCommands.set(node, info.className.replace(/Command$/, ""));
          break;
        case "credential-client":
          this.credentialClients.set(node, info.sdk);
          break;
        case "v2-credentials":
          this.v2Credentials.set(node, info.className);
          break;
        case "v2-config-credentials":
          this.v2ConfigCredentials.add(node);
          break;
      }
    }
  }

  /** A constant `level` / `logLevel` option above `info` in the logger's construction. */
  private quietAtInfo(creation: Node): boolean {
    if (creation.type !== AST_NODE_TYPES.CallExpression && creation.type !== AST_NODE_TYPES.NewExpression) return false;
    const options = creation.arguments[0];
    if (!options || options.type === AST_NODE_TYPES.SpreadElement) return false;
    const resolved = this.values.resolveObject(options);
    const level = resolved?.properties.get("level") ?? resolved?.properties.get("logLevel");
    if (!level) return false;
    const literal = unwrap(level.value);
    if (literal.type === AST_NODE_TYPES.Literal && typeof literal.value === "number") return literal.value >= 40;
    // Any constant alternative above info (`process.env.LOG_LEVEL ?? "warn"`) shows a deliberate filter.
    return this.values.resolveString(level.value).alternatives.some((alternative) => {
      const text = alternative.every((segment) => segment.kind === "text") ? alternative.map((segment) => (segment as { value: string }).value).join("") : undefined;
      return text !== undefined && LEVELS_ABOVE_INFO.has(text.toLowerCase());
    });
  }

  // ---------------------------------------------------------------- log calls

  /**
   * True for browser code: a `"use client"` module or one that imports a browser UI runtime (`react-dom`,
   * `vue`, `svelte`, `@angular/core`, `preact`, `react-native`). There `console` is the user's own
   * devtools, and bundlers replace `process.env` with the public build variables only.
   */
  get isBrowserCode(): boolean {
    if (this.browserValue === undefined) {
      const program = this.sourceCode.ast;
      this.browserValue = program.body.some((statement) => {
        if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive === "use client") return true;
        return statement.type === AST_NODE_TYPES.ImportDeclaration && BROWSER_MODULES.test(statement.source.value);
      });
    }
    return this.browserValue;
  }

  /** Every call in the file that writes its arguments to a log. */
  get logCalls(): LogCall[] {
    if (!this.logCallsValue) {
      this.logCallsValue = [];
      for (const call of this.index.calls) {
        const logCall = this.logCallOf(call);
        if (logCall) this.logCallsValue.push(logCall);
      }
    }
    return this.logCallsValue;
  }

  /** The call as a log call: `console.log(x)`, `logger.info(x)`, `log(x)` for a `debug` instance, `process.stdout.write(x)`. */
  logCallOf(call: TSESTree.CallExpression): LogCall | undefined {
    const direct = this.directLogCalls.get(call);
    if (direct) return { call, logger: libraryLogger(direct), arguments: call.arguments };
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = staticKeyName(callee);
      if (method === undefined) return undefined;
      if (!LOG_METHODS.has(method)) {
        return this.callableLogCall(call, callee);
      }
      const receiver = this.loggerOf(callee.object);
      if (receiver?.methods.has(method)) {
        return { call, logger: receiver, arguments: receiver.library === "console" && method === "assert" ? call.arguments.slice(1) : call.arguments };
      }
    }
    return this.callableLogCall(call, callee);
  }

  private callableLogCall(call: TSESTree.CallExpression, callee: Node): LogCall | undefined {
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression && callee.type !== AST_NODE_TYPES.CallExpression) return undefined;
    // A member holding a log function (`this.debug = debug("db")`, `deps.log`) has a name that says so;
    // skipping every other `a.b()` keeps this cheap.
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const key = staticKeyName(callee);
      if (key === undefined || !(isLoggerName(key) || /debug|trace|log/i.test(key))) return undefined;
    }
    const logger = this.loggerOf(callee);
    return logger?.callable ? { call, logger, arguments: call.arguments } : undefined;
  }

  /** What a value is as a logger, when it is one. */
  loggerOf(node: Node): LoggerValue | undefined {
    const key = unwrap(node);
    const cached = this.loggerCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    this.loggerCache.set(key, null);
    const result = this.computeLogger(key, { steps: 200 }, 0);
    this.loggerCache.set(key, result ?? null);
    return result;
  }

  private computeLogger(node: Node, budget: Budget, depth: number): LoggerValue | undefined {
    if (--budget.steps < 0 || depth > MAX_DEPTH) return undefined;
    const current = unwrap(node);
    const created = this.loggerCreations.get(current);
    if (created) return created;
    switch (current.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = this.scope.variableOf(current);
        // `console` unbound, or declared by the configuration's globals (`globals.node`, `globals.browser`).
        if (current.name === "console" && this.scope.isGlobal(current)) return CONSOLE;
        if (!variable) return undefined;
        // Every call through the same binding asks the same question: answer it once per variable.
        const cached = this.variableLoggerCache.get(variable);
        if (cached !== undefined) return cached ?? undefined;
        this.variableLoggerCache.set(variable, null);
        const result = this.variableLogger(current, variable, budget, depth);
        this.variableLoggerCache.set(variable, result ?? null);
        return result;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const chain = memberChain(current);
        if (chain?.root.type === AST_NODE_TYPES.Identifier && chain.root.name === "process" && chain.path.length === 1 && this.scope.isGlobal(chain.root)) {
          if (chain.path[0] === "stdout" || chain.path[0] === "stderr") return libraryLogger("stream", false, `\`process.${chain.path[0]}\``);
        }
        const key = staticKeyName(current);
        if (key === undefined) return undefined;
        if (chain?.root.type === AST_NODE_TYPES.ThisExpression && chain.path.length === 1) {
          const field = this.classFieldValue(current, key);
          const resolved = field ? this.computeLogger(field, budget, depth + 1) : undefined;
          if (resolved) return resolved;
          return isLoggerName(key) ? namedLogger(`this.${key}`) : undefined;
        }
        const holder = this.computeLogger(current.object, budget, depth + 1);
        // `console.log` as a value: a function that logs.
        if (holder && !holder.callable && holder.methods.has(key)) {
          return functionLogger(holder.library, holder.library === "named" ? `\`${holder.name}.${key}\`` : `\`${key}\` of ${holder.description}`);
        }
        const property = this.values.resolveObject(current.object)?.properties.get(key);
        if (property) {
          const resolved = this.computeLogger(property.value, budget, depth + 1);
          if (resolved) return resolved;
        }
        return isLoggerName(key) ? namedLogger(key) : undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(current.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const method = staticKeyName(callee);
          // logger.child({ requestId }) logs like its parent; debug("app").extend("db") is a debug logger.
          if (method === "child" || method === "bind" || method === "extend") {
            const parent = this.computeLogger(callee.object, budget, depth + 1);
            if (parent && (method === "child" ? !parent.callable : parent.callable)) return parent;
          }
          return undefined;
        }
        const helper = this.values.sameFileFunction(callee);
        if (helper && depth < MAX_DEPTH / 2) {
          for (const returned of this.values.returnsOf(helper)) {
            const resolved = this.computeLogger(returned, budget, depth + 1);
            if (resolved) return resolved;
          }
        }
        return undefined;
      }
      case AST_NODE_TYPES.AwaitExpression:
        return this.computeLogger(current.argument, budget, depth + 1);
      default:
        return undefined;
    }
  }

  private variableLogger(current: TSESTree.Identifier, variable: Variable, budget: Budget, depth: number): LoggerValue | undefined {
    const definition = variable.defs[0];
    if (definition?.type === "Variable") {
      const writes = this.scope.writesOf(variable);
      if (writes.length === 1 && writes[0].value && writes[0].path.length === 0) {
        const value = unwrap(writes[0].value);
        const resolved = this.computeLogger(value, budget, depth + 1);
        if (resolved) return resolved;
        // `const logger = createLogger("app")` from a project module: trust the name.
        if (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.MemberExpression || value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.AwaitExpression) {
          return isLoggerName(current.name) ? namedLogger(current.name) : undefined;
        }
        return undefined;
      }
      if (writes.length === 1 && writes[0].path.length > 0) return isLoggerName(current.name) ? namedLogger(current.name) : undefined;
      return undefined;
    }
    if (definition?.type === "Parameter" || definition?.type === "ImportBinding") return isLoggerName(current.name) ? namedLogger(current.name) : undefined;
    return undefined;
  }

  /** `this.x` inside a class: the field initialiser or the value of `this.x = v` in the class. */
  private classFieldValue(node: TSESTree.MemberExpression, name: string): Node | undefined {
    const owner = enclosingClass(node);
    if (!owner) return undefined;
    let fields = this.classFields.get(owner);
    if (!fields) {
      // Once per class: field initialisers, then `this.x = v` assignments inside the class (first one wins).
      fields = new Map();
      for (const member of owner.body.body) {
        const key = member.type === AST_NODE_TYPES.PropertyDefinition && member.value ? staticKeyName(member) : undefined;
        if (key !== undefined && !fields.has(key)) fields.set(key, (member as TSESTree.PropertyDefinition).value!);
      }
      for (const assignment of this.index.assignments) {
        if (assignment.operator !== "=" || !contains(owner, assignment)) continue;
        const chain = memberChain(assignment.left);
        if (chain?.root.type !== AST_NODE_TYPES.ThisExpression || chain.path.length !== 1 || fields.has(chain.path[0])) continue;
        if (enclosingClass(assignment) === owner) fields.set(chain.path[0], assignment.right);
      }
      this.classFields.set(owner, fields);
    }
    return fields.get(name);
  }

  // ---------------------------------------------------------------- SDK loggers

  /**
   * Does this value, given as an AWS SDK `logger`, record every command? v3 calls `logger.info` with each
   * command's input and output; v2 calls `logger.log` (or else `logger.write`) with each request's
   * parameters. Quiet (undefined) for no-ops, filters, loggers above `info`, values that are only
   * sometimes a logger (`debug ? console : undefined`), and values it cannot resolve.
   */
  sdkLoggerRecords(node: Node, sdk: "v2" | "v3"): { description: string } | undefined {
    return this.sdkLogger(node, sdk, { steps: 300 }, 0);
  }

  private sdkLogger(node: Node, sdk: "v2" | "v3", budget: Budget, depth: number): { description: string } | undefined {
    if (--budget.steps < 0 || depth > MAX_DEPTH) return undefined;
    const current = unwrap(node);
    if (current.type === AST_NODE_TYPES.ConditionalExpression) {
      // Every branch must record: `debug ? console : undefined` is an opt-in switch.
      const a = this.sdkLogger(current.consequent, sdk, budget, depth + 1);
      return a && this.sdkLogger(current.alternate, sdk, budget, depth + 1) ? a : undefined;
    }
    if (current.type === AST_NODE_TYPES.LogicalExpression) {
      if (current.operator === "&&") return undefined;
      const a = this.sdkLogger(current.left, sdk, budget, depth + 1);
      return a && this.sdkLogger(current.right, sdk, budget, depth + 1) ? a : undefined;
    }
    const definition = unwrap(this.values.definitionOf(current) ?? current);
    if (definition !== current && (definition.type === AST_NODE_TYPES.ConditionalExpression || definition.type === AST_NODE_TYPES.LogicalExpression)) {
      return this.sdkLogger(definition, sdk, budget, depth + 1);
    }
    if (definition.type === AST_NODE_TYPES.ObjectExpression) return this.objectLoggerRecords(definition, sdk, budget, depth);
    if (definition.type === AST_NODE_TYPES.NewExpression && !this.loggerCreations.has(definition)) {
      const body = this.sameFileClassBody(definition);
      return body ? this.classLoggerRecords(body, sdk, budget, depth) : undefined;
    }
    const logger = this.loggerOf(current);
    if (!logger || logger.callable || logger.quietAtInfo) return undefined;
    if (logger.library === "named") {
      // A logger known only by name: v3 calls `info`, which every general-purpose logger has; v2 needs
      // `log` or `write`, which pino, bunyan and Powertools lack, so an unknown logger stays quiet there.
      if (sdk === "v2" || /noop|no_op|silent|null|quiet|filter|redact|safe|saniti|mask|dummy|fake|mock|stub|sdk/i.test(logger.name ?? "")) return undefined;
      return { description: logger.description };
    }
    const methods = sdk === "v3" ? ["info"] : ["log", "write"];
    return methods.some((method) => logger.methods.has(method)) ? { description: logger.description } : undefined;
  }

  /** `{ info: (m) => console.log(m), ... }`, `{ ...console, info() {} }`: the method the SDK calls, last one wins. */
  private objectLoggerRecords(object: TSESTree.ObjectExpression, sdk: "v2" | "v3", budget: Budget, depth: number): { description: string } | undefined {
    const methods = sdk === "v3" ? ["info"] : ["log", "write"];
    // v2 prefers `log` when it is a function, else `write`.
    for (const method of methods) {
      let state: "records" | "quiet" | "absent" = "absent";
      let description = "";
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          const spread = this.loggerOf(property.argument);
          if (spread && !spread.callable && spread.methods.has(method)) {
            state = spread.quietAtInfo && method === "info" ? "quiet" : "records";
            description = `an object with the methods of ${spread.description}`;
          } else if (spread) {
            continue;
          } else {
            const resolved = this.values.resolveObject(property.argument);
            const inner = resolved?.properties.get(method);
            if (inner) {
              state = this.forwardsToLog(inner.value, budget, depth) ? "records" : "quiet";
              description = `an object whose \`${method}\` method logs its argument`;
            } else if (!resolved?.complete) {
              state = "quiet"; // unknown spread: it may define the method; stay quiet
            }
          }
          continue;
        }
        if (staticKeyName(property) !== method) continue;
        state = this.forwardsToLog(property.value, budget, depth) ? "records" : "quiet";
        description = `an object whose \`${method}\` method logs its argument`;
      }
      if (state === "records") return { description };
      if (state === "quiet") return undefined;
    }
    return undefined;
  }

  private classLoggerRecords(body: TSESTree.ClassBody, sdk: "v2" | "v3", budget: Budget, depth: number): { description: string } | undefined {
    for (const method of sdk === "v3" ? ["info"] : ["log", "write"]) {
      const member = body.body.find(
        (candidate) => (candidate.type === AST_NODE_TYPES.MethodDefinition || candidate.type === AST_NODE_TYPES.PropertyDefinition) && !candidate.static && staticKeyName(candidate) === method,
      ) as TSESTree.MethodDefinition | TSESTree.PropertyDefinition | undefined;
      if (!member) continue;
      return member.value && this.forwardsToLog(member.value, budget, depth) ? { description: `an object whose \`${method}\` method logs its argument` } : undefined;
    }
    return undefined;
  }

  private sameFileClassBody(construction: TSESTree.NewExpression): TSESTree.ClassBody | undefined {
    const callee = unwrap(construction.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const definition = this.scope.variableOf(callee)?.defs[0];
    if (definition?.type === "ClassName" && (definition.node.type === AST_NODE_TYPES.ClassDeclaration || definition.node.type === AST_NODE_TYPES.ClassExpression)) {
      return definition.node.body;
    }
    return undefined;
  }

  /**
   * Is this method value one that writes its argument to a log? `console.log`, `logger.info.bind(logger)`,
   * `(...args) => console.log(...args)`, `(m) => logger.info(JSON.stringify(m))`. Anything else (a no-op,
   * a function that picks fields) counts as a filter.
   */
  private forwardsToLog(node: Node, budget: Budget, depth: number): boolean {
    if (--budget.steps < 0 || depth > MAX_DEPTH) return false;
    const current = unwrap(node);
    if (!isFunction(current)) {
      const logger = this.loggerOf(current);
      return logger?.callable === true;
    }
    const first = current.params[0];
    const parameter = first?.type === AST_NODE_TYPES.RestElement ? first.argument : first;
    if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.scope.variableOf(parameter);
    let expression: Node | undefined;
    if (current.body.type !== AST_NODE_TYPES.BlockStatement) expression = current.body;
    else if (current.body.body.length === 1) {
      const statement = current.body.body[0];
      if (statement.type === AST_NODE_TYPES.ExpressionStatement) expression = statement.expression;
      else if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) expression = statement.argument;
    }
    const call = expression ? unwrap(expression) : undefined;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
    const logCall = this.logCallOf(call);
    if (!logCall) return false;
    const carries = (argument: Node): boolean => {
      const value = unwrap(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument);
      if (value.type === AST_NODE_TYPES.Identifier) return this.scope.variableOf(value) === variable;
      if (value.type === AST_NODE_TYPES.CallExpression && (calleeName(value) === "stringify" || calleeName(value) === "inspect") && value.arguments[0]) {
        return carries(value.arguments[0]);
      }
      return false;
    };
    return logCall.arguments.some(carries);
  }

  // ---------------------------------------------------------------- credentials

  /** Is the value itself AWS credentials, a secret part of them, or the whole environment? */
  sensitiveValueOf(node: Node): SensitiveValue | undefined {
    const kind = this.kindOf(node, { steps: 300 }, 0);
    return kind && kind.kind !== "provider" ? kind : undefined;
  }

  /**
   * The first part of a logged argument that is or holds credentials or the whole environment: the
   * argument itself, a property or spread of an object (also through a local variable), an element, a
   * template or `+` operand, or the argument of `JSON.stringify`/`util.inspect`/`String`. Selected fields
   * (`creds.expiration`, `Object.keys(process.env)`) are not descended into.
   */
  findSensitive(node: Node): { node: Node; value: SensitiveValue } | undefined {
    // An STS response read where its `Credentials` are known absent holds nothing secret: neither it nor its definition is looked at.
    // (Also printed whole: `JSON.stringify(data)`, `structuredClone(data)`.)
    const withoutCredentials = (candidate: Node) => {
      const name = candidate.type === AST_NODE_TYPES.CallExpression ? calleeName(candidate) : undefined;
      const read = (name === "stringify" || name === "structuredClone") && candidate.type === AST_NODE_TYPES.CallExpression ? candidate.arguments[0] && unwrap(candidate.arguments[0]) : candidate;
      if (read?.type !== AST_NODE_TYPES.Identifier) return false;
      const value = this.sensitiveValueOf(read);
      return value?.kind === "credentials" && value.response !== undefined && this.credentialsAbsentAt(read);
    };
    return findLogged(node, (candidate) => this.sensitiveValueOf(candidate), this.values, withoutCredentials);
  }

  /**
   * Is this read of a credential response on a path where its `Credentials` are falsy? In the branch where
   * `data.Credentials` (or `data` itself) tests false (`else` of `if (data && data.Credentials)`, inside
   * `if (!data.Credentials)`), or after an early exit taken when it is truthy. Within the reading function only.
   */
  private credentialsAbsentAt(read: TSESTree.Identifier): boolean {
    const variable = this.scope.variableOf(read);
    if (!variable) return false;
    let child: Node = read;
    for (let i = 0; i < 400 && child.parent && !isFunction(child); i++) {
      const parent: Node = child.parent;
      switch (parent.type) {
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.ConditionalExpression:
          if (child === parent.consequent && this.absentWhen(parent.test, true, variable, 0)) return true;
          if (child === parent.alternate && this.absentWhen(parent.test, false, variable, 0)) return true;
          break;
        case AST_NODE_TYPES.LogicalExpression:
          if (child === parent.right && parent.operator === "&&" && this.absentWhen(parent.left, true, variable, 0)) return true;
          if (child === parent.right && parent.operator === "||" && this.absentWhen(parent.left, false, variable, 0)) return true;
          break;
        case AST_NODE_TYPES.BlockStatement:
        case AST_NODE_TYPES.Program: {
          // if (data.Credentials) return data.Credentials; log(data)
          for (const statement of parent.body as Node[]) {
            if (statement === child) break;
            if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && exits(statement.consequent) && this.absentWhen(statement.test, false, variable, 0)) return true;
          }
          break;
        }
        default:
          break;
      }
      child = parent;
    }
    return false;
  }

  /** Does `test` having `outcome` mean that `variable` holds no `Credentials`? */
  private absentWhen(test: Node, outcome: boolean, variable: Variable, depth: number): boolean {
    if (depth > MAX_DEPTH * 4) return false;
    const node = unwrap(test);
    const isResponse = (candidate: Node) => {
      const chain = memberChain(candidate);
      return chain?.root.type === AST_NODE_TYPES.Identifier && this.scope.variableOf(chain.root) === variable && (chain.path.length === 0 || (chain.path.length === 1 && chain.path[0] === "Credentials"));
    };
    if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "!") return this.absentWhen(node.argument, !outcome, variable, depth + 1);
    if (node.type === AST_NODE_TYPES.LogicalExpression && (node.operator === "&&" || node.operator === "||")) {
      // `a && b` false: one of them is false; `a || b` true: one of them is true. Either side must then say so.
      const both = (node.operator === "&&") === outcome;
      const left = this.absentWhen(node.left, outcome, variable, depth + 1);
      const right = this.absentWhen(node.right, outcome, variable, depth + 1);
      return both ? left || right : left && right;
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression && ["==", "===", "!=", "!=="].includes(node.operator)) {
      // data.Credentials == null, data.Credentials === undefined
      const equal = node.operator === "==" || node.operator === "===";
      const nothing = (candidate: Node) => {
        const value = unwrap(candidate);
        return (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === "undefined" && this.scope.isGlobal(value));
      };
      const compared = nothing(node.right) ? node.left : nothing(node.left) ? node.right : undefined;
      return compared !== undefined && equal === outcome && isResponse(compared);
    }
    return !outcome && isResponse(node);
  }

  private kindOf(node: Node, budget: Budget, depth: number): ValueKind | undefined {
    const current = unwrap(node);
    if (depth === 0) {
      const cached = this.kindCache.get(current);
      if (cached !== undefined) return cached ?? undefined;
      this.kindCache.set(current, null);
      const result = this.computeKind(current, budget, 1);
      this.kindCache.set(current, result ?? null);
      return result;
    }
    if (--budget.steps < 0 || depth > MAX_DEPTH) return undefined;
    return this.computeKind(current, budget, depth + 1);
  }

  private computeKind(node: Node, budget: Budget, depth: number): ValueKind | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.kindOf(node.argument, budget, depth);
      case AST_NODE_TYPES.Identifier:
        return this.identifierKind(node, budget, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.memberKind(node, budget, depth);
      case AST_NODE_TYPES.CallExpression:
        return this.callKind(node, budget, depth);
      case AST_NODE_TYPES.NewExpression: {
        const className = this.v2Credentials.get(node);
        if (!className) return undefined;
        // new AWS.Credentials("local", "local") for DynamoDB Local holds no secret worth hiding.
        if (className === "Credentials" && node.arguments.length > 0 && node.arguments.every((argument) => this.isConstant(argument))) return undefined;
        return { kind: "credentials", description: `an \`AWS.${className}\` object, which holds AWS credentials`, expirationField: "expireTime" };
      }
      case AST_NODE_TYPES.ObjectExpression:
        return this.credentialShape(node);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.kindOf(node.consequent, budget, depth) ?? this.kindOf(node.alternate, budget, depth);
      case AST_NODE_TYPES.LogicalExpression:
        // `creds && creds.expiration` is the right side (or a falsy left side).
        if (node.operator === "&&") return this.kindOf(node.right, budget, depth);
        return this.kindOf(node.left, budget, depth) ?? this.kindOf(node.right, budget, depth);
      default:
        return undefined;
    }
  }

  private identifierKind(node: TSESTree.Identifier, budget: Budget, depth: number): ValueKind | undefined {
    const variable = this.scope.variableOf(node);
    if (!variable || variable.defs[0]?.type !== "Variable") return undefined;
    const writes = this.scope.writesOf(variable);
    for (const write of writes.slice(0, 8)) {
      if (!write.value) continue;
      let kind = this.kindOf(write.value, budget, depth);
      for (const segment of write.path) kind = kind && this.memberOfKind(kind, segment);
      if (!kind && write.path.length > 0) {
        // const { secretAccessKey } = creds; const { AWS_SECRET_ACCESS_KEY } = process.env
        const last = write.path[write.path.length - 1];
        if (write.path.length === 1 && this.isEnvironment(write.value) && isSecretEnvName(last)) kind = { kind: "secret", description: `the \`${last}\` environment variable` };
        // const { env } = process
        if (write.path.length === 1 && last === "env" && this.isGlobalProcess(write.value)) kind = { kind: "environment", description: "the whole `process.env`" };
      }
      if (kind) return kind;
    }
    return undefined;
  }

  private isGlobalProcess(node: Node): boolean {
    const current = unwrap(node);
    return current.type === AST_NODE_TYPES.Identifier && current.name === "process" && this.scope.isGlobal(current);
  }

  private isEnvironment(node: Node): boolean {
    const chain = memberChain(unwrap(node));
    return chain?.root.type === AST_NODE_TYPES.Identifier && chain.root.name === "process" && chain.path.length === 1 && chain.path[0] === "env" && this.scope.isGlobal(chain.root);
  }

  private memberKind(node: TSESTree.MemberExpression, budget: Budget, depth: number): ValueKind | undefined {
    if (this.v2ConfigCredentials.has(node)) {
      return { kind: "credentials", description: "`AWS.config.credentials`, which holds the AWS credentials", expirationField: "expireTime" };
    }
    const chain = memberChain(node);
    if (chain?.root.type === AST_NODE_TYPES.Identifier && chain.root.name === "process" && chain.path[0] === "env" && this.scope.isGlobal(chain.root)) {
      if (chain.path.length === 1) return { kind: "environment", description: "the whole `process.env`" };
      if (chain.path.length === 2 && isSecretEnvName(chain.path[1])) return { kind: "secret", description: `the \`${chain.path[1]}\` environment variable` };
      return undefined;
    }
    // import.meta.env.VITE_AWS_SECRET_ACCESS_KEY (Vite and other bundlers)
    const key = staticKeyName(node);
    if (key === undefined) return undefined;
    const env = unwrap(node.object);
    if (env.type === AST_NODE_TYPES.MemberExpression && staticKeyName(env) === "env" && env.object.type === AST_NODE_TYPES.MetaProperty && env.object.meta.name === "import") {
      return isSecretEnvName(key) ? { kind: "secret", description: `the \`${key}\` environment variable` } : undefined;
    }
    const base = this.kindOf(node.object, budget, depth);
    if (base) return this.memberOfKind(base, key);
    // dynamo.config.credentials of an SDK v2 service is its Credentials object.
    if (key === "credentials" && node.object.type === AST_NODE_TYPES.MemberExpression && staticKeyName(node.object) === "config" && this.isV2Client(node.object.object)) {
      return { kind: "credentials", description: "the client's `config.credentials`, which holds the AWS credentials", expirationField: "expireTime" };
    }
    const property = this.values.resolveObject(node.object)?.properties.get(key);
    if (property) {
      const resolved = this.kindOf(property.value, budget, depth);
      if (resolved || this.isConstant(property.value)) return resolved;
    }
    if (UNAMBIGUOUS_SECRET_MEMBERS.has(key) || (SECRET_MEMBERS.has(key) && /cred/i.test(lastName(node.object) ?? ""))) {
      return { kind: "secret", description: secretDescription(key) };
    }
    return undefined;
  }

  private memberOfKind(base: ValueKind, key: string): ValueKind | undefined {
    switch (base.kind) {
      case "environment":
        return isSecretEnvName(key) ? { kind: "secret", description: `the \`${key}\` environment variable` } : undefined;
      case "credentials":
        if (base.response) {
          return key === "Credentials" ? { kind: "credentials", description: `the temporary AWS credentials from ${base.response}`, expirationField: "Expiration" } : undefined;
        }
        return SECRET_MEMBERS.has(key) ? { kind: "secret", description: secretDescription(key) } : undefined;
      default:
        return undefined;
    }
  }

  private callKind(node: TSESTree.CallExpression, budget: Budget, depth: number): ValueKind | undefined {
    const provider = this.providerCalls.get(node);
    if (provider) return { kind: "provider", description: `the AWS credentials that \`${provider}()\` resolves` };
    const callee = unwrap(node.callee);
    const calleeKind = this.kindOf(callee, budget, depth);
    if (calleeKind?.kind === "provider") return { kind: "credentials", description: calleeKind.description, expirationField: "expiration" };
    const chain = memberChain(callee);
    const name = calleeName(node);
    if (chain && chain.path.length >= 2 && chain.path[chain.path.length - 2] === "config" && chain.path[chain.path.length - 1] === "credentials") {
      return { kind: "credentials", description: "the AWS credentials of the client (`config.credentials()`)", expirationField: "expiration" };
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      // sts.send(new AssumeRoleCommand(...)), new STS().assumeRole(...), v2 sts.assumeRole(...).promise()
      if (name === "send" && node.arguments[0]) {
        const command = unwrap(this.values.definitionOf(node.arguments[0]) ?? node.arguments[0]);
        const operation = this.credentialCommands.get(command);
        if (operation) return credentialResponse(operation);
      }
      if (name && CREDENTIAL_METHODS.has(name) && this.credentialClients.get(unwrap(this.values.definitionOf(callee.object) ?? callee.object)) === "v3") {
        return credentialResponse(name[0].toUpperCase() + name.slice(1));
      }
      if (name === "promise" && node.arguments.length === 0) {
        const inner = unwrap(callee.object);
        if (inner.type === AST_NODE_TYPES.CallExpression) {
          const method = calleeName(inner);
          const receiver = unwrap(inner.callee);
          if (method && CREDENTIAL_METHODS.has(method) && receiver.type === AST_NODE_TYPES.MemberExpression && this.credentialClients.get(unwrap(this.values.definitionOf(receiver.object) ?? receiver.object)) === "v2") {
            return credentialResponse(method[0].toUpperCase() + method.slice(1));
          }
        }
      }
      if (name === "parse" || name === "stringify" || name === "assign") {
        for (const argument of node.arguments) {
          const kind = argument.type === AST_NODE_TYPES.SpreadElement ? undefined : this.kindOf(argument, budget, depth);
          if (kind) return kind;
        }
      }
      // A string view of a secret (`secret.substring(15)`, `.trim()`), unless it keeps at most the last four
      // characters (`.slice(-4)`), the redaction the plugin's own messages use.
      if (name && STRING_VIEWS.has(name) && !keepsAtMostLastFour(name, node.arguments)) {
        const base = this.kindOf(callee.object, budget, depth);
        if (base?.kind === "secret") return PARTIAL_VIEWS.has(name) ? { ...base, description: `part of ${base.description}` } : base;
      }
      return undefined;
    }
    if (name === "structuredClone" && node.arguments[0]) return this.kindOf(node.arguments[0], budget, depth);
    const helper = this.values.sameFileFunction(callee);
    if (helper && depth < MAX_DEPTH / 2) {
      for (const returned of this.values.returnsOf(helper)) {
        const kind = this.kindOf(returned, budget, depth);
        if (kind) return kind;
      }
    }
    return undefined;
  }

  /** `{ accessKeyId, secretAccessKey }`, `{ AccessKeyId, SecretAccessKey, SessionToken }`, Cognito's `{ AccessKeyId, SecretKey }`. */
  private credentialShape(object: TSESTree.ObjectExpression): ValueKind | undefined {
    const resolved = this.values.resolveObject(object);
    if (!resolved) return undefined;
    const secret = (name: string) => {
      const property = resolved.properties.get(name);
      return property !== undefined && !this.isConstant(property.value);
    };
    const has = (name: string) => resolved.properties.has(name);
    if (secret("secretAccessKey") || (secret("sessionToken") && has("accessKeyId"))) {
      return { kind: "credentials", description: "an object with AWS credential fields (`secretAccessKey`, `sessionToken`)", expirationField: "expiration" };
    }
    if (secret("SecretAccessKey") || secret("SessionToken") || (secret("SecretKey") && has("AccessKeyId"))) {
      return { kind: "credentials", description: "an object with AWS credential fields (`SecretAccessKey`, `SessionToken`)", expirationField: "Expiration" };
    }
    return undefined;
  }

  private isConstant(node: Node): boolean {
    const current = unwrap(node);
    if (current.type === AST_NODE_TYPES.Literal) return true;
    if (current.type === AST_NODE_TYPES.Identifier && current.name === "undefined" && this.scope.isGlobal(current)) return true;
    if (current.type !== AST_NODE_TYPES.Identifier && current.type !== AST_NODE_TYPES.TemplateLiteral && current.type !== AST_NODE_TYPES.BinaryExpression) return false;
    return this.values.resolveString(current).alternatives.every((alternative) => alternative.every((segment) => segment.kind === "text"));
  }
}

/** String methods whose result is the secret, or a part of it, as text. */
const STRING_VIEWS = new Set(["substring", "slice", "substr", "toString", "valueOf", "trim", "trimStart", "trimEnd", "toUpperCase", "toLowerCase"]);
const PARTIAL_VIEWS = new Set(["substring", "slice", "substr"]);

/** `.slice(-4)`, `.substr(-3, 2)`: a constant start within the last four characters (`substring` takes a negative start as 0). */
function keepsAtMostLastFour(method: string, args: readonly Node[]): boolean {
  if (method !== "slice" && method !== "substr") return false;
  const start = args[0] && unwrap(args[0]);
  if (start?.type !== AST_NODE_TYPES.UnaryExpression || start.operator !== "-") return false;
  const magnitude = unwrap(start.argument);
  return magnitude.type === AST_NODE_TYPES.Literal && typeof magnitude.value === "number" && magnitude.value >= 1 && magnitude.value <= 4;
}

function credentialResponse(operation: string): ValueKind {
  const response = `${operation === "GetCredentialsForIdentity" ? "Cognito" : "STS"} \`${operation}\``;
  return {
    kind: "credentials",
    description: `the ${response} response, which holds the temporary AWS credentials it issued`,
    expirationField: "Expiration",
    response,
  };
}

function secretDescription(key: string): string {
  if (key === "sessionToken" || key === "SessionToken") return "an AWS session token";
  return "an AWS secret access key";
}

function lastName(node: Node): string | undefined {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type === AST_NODE_TYPES.MemberExpression) return staticKeyName(current);
  return undefined;
}

/**
 * Finds the first part of a logged expression that `classify` recognises, descending through what a log
 * line prints whole: object properties and spreads (also of a local object, with later mutations), array
 * elements, template and `+` operands, branches, and printing calls (`JSON.stringify`, `util.inspect`,
 * `util.format`, `String`, `Object.assign`, `Object.values`/`entries`). Member reads are not descended
 * into: `creds.expiration` and `Items.length` select a field. `prune` names nodes neither classified nor
 * descended into. Bounded.
 */
export function findLogged<T>(
  root: Node,
  classify: (node: Node) => T | undefined,
  values: ValueResolver,
  prune?: (node: Node) => boolean,
): { node: Node; value: T } | undefined {
  const budget = { steps: 2000 };
  const seen = new Set<Node>();
  const visit = (node: Node, depth: number): { node: Node; value: T } | undefined => {
    if (--budget.steps < 0 || depth > MAX_DEPTH) return undefined;
    const current = unwrap(node.type === AST_NODE_TYPES.SpreadElement ? node.argument : node);
    if (seen.has(current)) return undefined;
    seen.add(current);
    if (prune?.(current)) return undefined;
    const value = classify(current);
    if (value !== undefined) return { node: current, value };
    const children: Node[] = [];
    switch (current.type) {
      case AST_NODE_TYPES.AwaitExpression:
        children.push(current.argument);
        break;
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of current.properties) children.push(property.type === AST_NODE_TYPES.SpreadElement ? property.argument : property.value);
        break;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of current.elements) if (element) children.push(element);
        break;
      case AST_NODE_TYPES.TemplateLiteral:
        children.push(...current.expressions);
        break;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        children.push(...current.quasi.expressions);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (current.operator === "+") children.push(...plusOperands(current));
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        children.push(current.consequent, current.alternate);
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (current.operator !== "&&") children.push(current.left);
        children.push(current.right);
        break;
      case AST_NODE_TYPES.CallExpression: {
        const name = calleeName(current);
        if (name && PRINTING_CALLS.has(name)) {
          const callee = unwrap(current.callee);
          if ((name === "concat" || name === "toString") && callee.type === AST_NODE_TYPES.MemberExpression) children.push(callee.object);
          children.push(...current.arguments);
        }
        break;
      }
      case AST_NODE_TYPES.MemberExpression: {
        // A field of a local payload: `const response = { body: JSON.stringify(Items) }; log(response.body)`.
        const key = staticKeyName(current);
        const property = key === undefined ? undefined : values.resolveObject(current.object)?.properties.get(key);
        if (property) children.push(property.value);
        break;
      }
      case AST_NODE_TYPES.Identifier: {
        // A local payload: `const meta = { creds }; logger.info(meta)`, with later `meta.x = ...`.
        const definition = unwrap(values.definitionOf(current) ?? current);
        if (definition.type === AST_NODE_TYPES.ObjectExpression) {
          const resolved = values.resolveObject(current);
          for (const property of resolved?.properties.values() ?? []) children.push(property.value);
          for (const property of definition.properties) if (property.type === AST_NODE_TYPES.SpreadElement) children.push(property.argument);
        } else if (definition !== current && (definition.type === AST_NODE_TYPES.ArrayExpression || definition.type === AST_NODE_TYPES.TemplateLiteral || definition.type === AST_NODE_TYPES.BinaryExpression || definition.type === AST_NODE_TYPES.CallExpression)) {
          children.push(definition);
        }
        break;
      }
      default:
        break;
    }
    for (const child of children) {
      const found = visit(child, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return visit(root, 0);
}

/** Operands of an `a + b + c ...` chain, collected without recursion (the chain can be very long). */
function plusOperands(node: TSESTree.BinaryExpression): Node[] {
  const operands: Node[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0 && operands.length < 10_000) {
    const current = unwrap(stack.pop()!);
    if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === "+") stack.push(current.right, current.left);
    else operands.push(current);
  }
  return operands;
}
