// How DynamoDB clients reach the network: the HTTPS agents and request handlers in their configuration
// (and the TLS options those carry), their endpoints, and the process-wide TLS switch. Facts only; which
// of them is a finding is the rule's decision.
//
// Paths from a client configuration to TLS options:
// - v3: `requestHandler: new NodeHttpHandler({ httpsAgent })`, `NodeHttpHandler.create({ httpsAgent })`
//   (`@smithy/node-http-handler`, `@aws-sdk/node-http-handler`), or `requestHandler: { httpsAgent }`;
//   `httpsAgent` is `new https.Agent(options)` or a plain options object (the handler builds the agent).
// - v2: `httpOptions: { agent: new https.Agent(options) }` in a service config or the global config
//   (also `AWS.config.httpOptions.agent = ...` and the global `dynamodb: { ... }` service section).
// Values resolve through variables, spreads, same-file helpers and (one hop) relative imports.
import { ReferenceTracker, type TraceMap } from "@eslint-community/eslint-utils";
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, isFunction, memberChain, staticKeyName, unwrap, walk, type FunctionNode } from "./ast";
import type { ClientConfig } from "./config";
import type { FileAnalysis } from "./index";
import { CONTAINER_HOST_NAMES } from "./credentials";
import { iterateModuleReferences } from "./modules";
import type { ResolvedObject, ResolvedProperty, Segment } from "./values";

type Node = TSESTree.Node;

// ---------------------------------------------------------------- module references

export const HTTPS_MODULES = ["https", "node:https"] as const;
export const HTTP_HANDLER_MODULES = ["@smithy/node-http-handler", "@aws-sdk/node-http-handler"] as const;

type TransportRole = "https-agent" | "http-handler";
const { CALL, CONSTRUCT } = ReferenceTracker;

const TRANSPORT_TRACE_MAP: TraceMap<TransportRole> = {
  ...Object.fromEntries(HTTPS_MODULES.map((module) => [module, { Agent: { [CONSTRUCT]: "https-agent" } }])),
  ...Object.fromEntries(
    HTTP_HANDLER_MODULES.map((module) => [module, { NodeHttpHandler: { [CONSTRUCT]: "http-handler", create: { [CALL]: "http-handler" } } }]),
  ),
} as TraceMap<TransportRole>;

export interface TransportReferences {
  /** `new https.Agent(options)` (default, named, namespace imports, `require`, `node:https`). */
  httpsAgents: Set<TSESTree.NewExpression>;
  /** `new NodeHttpHandler(options)` and `NodeHttpHandler.create(options)`. */
  httpHandlers: Set<TSESTree.NewExpression | TSESTree.CallExpression>;
}

export function collectTransportReferences(sourceCode: FileAnalysis["sourceCode"]): TransportReferences {
  const result: TransportReferences = { httpsAgents: new Set(), httpHandlers: new Set() };
  for (const { node, info } of iterateModuleReferences(sourceCode, TRANSPORT_TRACE_MAP)) {
    if (info === "https-agent" && node.type === AST_NODE_TYPES.NewExpression) result.httpsAgents.add(node);
    if (info === "http-handler" && (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression)) result.httpHandlers.add(node);
  }
  return result;
}

// ---------------------------------------------------------------- hosts and endpoints

/**
 * - `loopback`: this machine (`localhost`, 127.0.0.0/8, `[::1]`, `0.0.0.0`, `[::]`, the container runtimes'
 *   names for it such as `host.docker.internal`, LocalStack's `localhost.localstack.cloud`).
 * - `aws`: `amazonaws.com`, `amazonaws.com.cn`, `api.aws` and their subdomains.
 * - `ip`: any other IPv4 or IPv6 address. `dotted`: any other name with a dot. `single-label`: a name without
 *   one (`dynamodb-local`, `localstack`: typically a container on a private network).
 */
export type HostKind = "loopback" | "aws" | "ip" | "dotted" | "single-label";

export interface EndpointUrl {
  /** `http:`, `https:` (lower case, as the URL parser gives it); empty for a bare `host[:port]`. */
  protocol: string;
  /** The host name as the WHATWG URL parser normalises it (`[::1]`, `127.0.0.1` for `0x7f.1`). */
  hostname: string;
  /** The port, empty for the scheme's default. */
  port: string;
  kind: HostKind;
  /**
   * Set when parts of the host are not statically known but its constant tail puts it under an AWS domain
   * (`http://dynamodb.${region}.amazonaws.com`); `hostname` shows each unknown part as `*`.
   */
  partialHost?: true;
}

const AWS_SUFFIXES = ["amazonaws.com", "amazonaws.com.cn", "api.aws"];
const LOOPBACK_NAMES = new Set(["localhost", "0.0.0.0", "[::1]", "[::]", ...CONTAINER_HOST_NAMES, "localhost.localstack.cloud"]);
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** IPv4-mapped 127.0.0.0/8 as the URL parser prints it: `[::ffff:7f00:1]`. */
const MAPPED_LOOPBACK = /^\[::ffff:7f[\da-f]{2}:[\da-f]{1,4}\]$/;

export function classifyHost(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (LOOPBACK_NAMES.has(host) || host.endsWith(".localhost.localstack.cloud") || MAPPED_LOOPBACK.test(host)) return "loopback";
  if (IPV4.test(host)) return host.startsWith("127.") ? "loopback" : "ip";
  if (host.startsWith("[")) return "ip";
  if (AWS_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return "aws";
  return host.includes(".") ? "dotted" : "single-label";
}

const SCHEME = /^[a-z][\d+.a-z-]*:\/\//i;
const HOST_AND_PORT = /^[\d.a-z-]+(?::\d+)?\/?$/i;

/**
 * Parses an endpoint URL with the WHATWG parser; undefined when it is not a URL with a host. A bare
 * `host[:port]` (the SDK v2 adds the scheme from `sslEnabled`) gives the host with an empty `protocol`.
 */
export function parseEndpointUrl(text: string): EndpointUrl | undefined {
  const schemeless = !SCHEME.test(text);
  if (schemeless && !HOST_AND_PORT.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(schemeless ? `http://${text}` : text);
  } catch {
    return undefined;
  }
  if (!url.hostname) return undefined;
  return { protocol: schemeless ? "" : url.protocol, hostname: url.hostname, port: url.port, kind: classifyHost(url.hostname) };
}

/** Does a host name match an entry of a host list (exact, case-insensitive, or `*.example.com` for its subdomains)? */
export function hostMatches(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return patterns.some((raw) => {
    const pattern = raw.toLowerCase();
    return pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) : host === pattern;
  });
}

/**
 * The URL an alternative of a resolved string names, when its scheme and host are constant:
 * `http://dynamodb.us-east-1.amazonaws.com:${port}` has a constant host, `http://${host}:8000` has not.
 */
export function urlOfAlternative(alternative: readonly Segment[]): EndpointUrl | undefined {
  if (alternative.every((segment) => segment.kind === "text")) return parseEndpointUrl(alternative.map((segment) => (segment as { value: string }).value).join(""));
  const first = alternative[0];
  if (first?.kind !== "text") return undefined;
  const prefix = first.value;
  const schemeEnd = prefix.indexOf("://");
  if (schemeEnd <= 0) return undefined;
  const authority = prefix.slice(schemeEnd + 3);
  const end = authority.search(/[/?#]/);
  if (end >= 0) return parseEndpointUrl(prefix.slice(0, schemeEnd + 3 + end));
  // The dynamic part follows a `:` after the host: a port, unless an `@` later shows it was a password.
  const colon = authority.lastIndexOf(":");
  if (colon <= 0 || authority.includes("@") || authority.lastIndexOf("]") > colon) return awsHostWithDynamicParts(alternative);
  const rest = alternative.slice(1).map((segment) => (segment.kind === "text" ? segment.value : "")).join("");
  const restAuthority = rest.split(/[/?#]/, 1)[0];
  if (restAuthority.includes("@")) return undefined;
  return parseEndpointUrl(prefix.slice(0, schemeEnd + 3 + colon));
}

const UNKNOWN_PART = "\u0000";

/**
 * A URL whose host has dynamic parts but a constant tail under an AWS domain, after a constant scheme:
 * `http://dynamodb.${region}.amazonaws.com` is an AWS host whatever the region. (A dynamic part is taken
 * to stay within the host name, as a region or a subdomain does.)
 */
function awsHostWithDynamicParts(alternative: readonly Segment[]): EndpointUrl | undefined {
  const scheme = alternative[0]?.kind === "text" ? SCHEME.exec(alternative[0].value) : null;
  if (!scheme) return undefined;
  const text = alternative.map((segment) => (segment.kind === "text" ? segment.value : UNKNOWN_PART)).join("").slice(scheme[0].length);
  const authority = text.split(/[/?#\\]/, 1)[0];
  if (authority.includes("@")) return undefined;
  const port = /:([\d\0]*)$/.exec(authority);
  const host = port ? authority.slice(0, port.index) : authority;
  const lastUnknown = host.lastIndexOf(UNKNOWN_PART);
  if (lastUnknown < 0) return undefined;
  const tail = host.slice(lastUnknown + 1).toLowerCase().replace(/\.$/, "");
  if (!/^[\d.a-z-]+$/.test(tail) || !AWS_SUFFIXES.some((suffix) => tail.endsWith(`.${suffix}`))) return undefined;
  return {
    protocol: scheme[0].slice(0, -2).toLowerCase(),
    hostname: host.toLowerCase().replaceAll(UNKNOWN_PART, "*"),
    port: port ? port[1].replaceAll(UNKNOWN_PART, "*") : "",
    kind: "aws",
    partialHost: true,
  };
}

export interface EndpointAlternative {
  /** No endpoint on this path (`undefined`, `null`, the false side of `cond && url`): the SDK's default regional endpoint. */
  absent?: true;
  /** The URL, when its scheme and host are statically known. */
  url?: EndpointUrl;
  /** Replacements that turn this alternative's `http://` into `https://` (dropping an explicit `:80`), when its text is in one literal of the file. */
  httpsFix?: Array<{ range: [number, number]; text: string }>;
}

export interface Endpoint {
  /** The `endpoint` property (undefined when the endpoint comes from an unresolved part of the config). */
  property: ResolvedProperty | undefined;
  /** Each value it can take; an alternative with neither `absent` nor `url` is not statically known. */
  alternatives: EndpointAlternative[];
}

// ---------------------------------------------------------------- TLS options

export interface TlsOptions {
  /** The options of an `https.Agent`, or a plain object the SDK turns into one. */
  options: ResolvedObject;
  /** The agent construction or options object (one entry per node, whichever client it reaches; per `at` when imported). */
  node: Node;
  /** The file the options are written in: this file, or a module imported from it. */
  file: FileAnalysis;
  /** Set when the options come from another module: its specifier as imported here. */
  source?: string;
  /** The property (or assignment) of this file's client configuration through which they reach the client. */
  at: Node;
  /** The configuration they reach (undefined for `AWS.config.httpOptions.agent = ...`). */
  config: ClientConfig | undefined;
}

const MAX_HOPS = 6;

export class TransportAnalysis {
  private referencesValue?: TransportReferences;
  private tlsOptionsValue?: TlsOptions[];

  constructor(private readonly file: FileAnalysis) {}

  get references(): TransportReferences {
    return (this.referencesValue ??= collectTransportReferences(this.file.sourceCode));
  }

  /** Every set of TLS options that reaches a DynamoDB client configured in this file, once per options node. */
  get tlsOptions(): TlsOptions[] {
    if (this.tlsOptionsValue) return this.tlsOptionsValue;
    const result: TlsOptions[] = [];
    // Once per options node; options from another module once per place this file hands them to a client.
    const seen = new Set<Node>();
    const seenImported = new Map<Node, Set<Node>>();
    const add = (found: Omit<TlsOptions, "at" | "config">[], at: Node, config: ClientConfig | undefined) => {
      for (const item of found) {
        if (item.source === undefined) {
          if (seen.has(item.node)) continue;
          seen.add(item.node);
        } else {
          const sites = seenImported.get(item.node) ?? new Set<Node>();
          if (sites.has(at)) continue;
          seenImported.set(item.node, sites.add(at));
        }
        result.push({ ...item, at, config });
      }
    };
    for (const config of this.file.clientConfigs) {
      if (config.kind === "v3-client") {
        const handler = config.property("requestHandler");
        if (handler) add(this.handlerTlsOptions(handler.value, 0), siteOf(handler, config), config);
        continue;
      }
      for (const httpOptions of this.v2Properties(config, "httpOptions")) {
        add(this.httpOptionsTlsOptions(httpOptions.value, 0), siteOf(httpOptions, config), config);
      }
    }
    // AWS.config.httpOptions.agent = agent
    for (const read of this.file.sdk.v2GlobalConfigReads) {
      const httpOptions = read.parent;
      if (httpOptions?.type !== AST_NODE_TYPES.MemberExpression || httpOptions.object !== read || staticKeyName(httpOptions) !== "httpOptions") continue;
      const agent = httpOptions.parent;
      if (agent?.type !== AST_NODE_TYPES.MemberExpression || agent.object !== httpOptions || staticKeyName(agent) !== "agent") continue;
      const assignment = agent.parent;
      if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== agent || assignment.operator !== "=") continue;
      add(this.agentTlsOptions(assignment.right, false, 0), assignment, undefined);
    }
    return (this.tlsOptionsValue = result);
  }

  /**
   * A v2 setting as the DynamoDB service sees it: the config's own property and, in the global config, the
   * `dynamodb: { ... }` service section (which wins). v3 configs: the property itself.
   */
  v2Properties(config: ClientConfig, name: string): ResolvedProperty[] {
    const result: ResolvedProperty[] = [];
    const own = config.property(name);
    if (own) result.push(own);
    if (config.kind === "v2-global") {
      const section = config.property("dynamodb");
      const inner = section ? this.file.values.resolveObject(section.value)?.properties.get(name) : undefined;
      if (inner) result.push(inner);
    }
    return result;
  }

  /** `requestHandler` value → the TLS options of the HTTPS agent it uses. */
  handlerTlsOptions(node: Node, hops: number): Omit<TlsOptions, "at" | "config">[] {
    const result: Omit<TlsOptions, "at" | "config">[] = [];
    for (const value of this.candidates(node, hops)) {
      const imported = this.imported(value);
      if (imported) {
        result.push(...imported.file.transport.handlerTlsOptions(imported.node, hops + 1).map((item) => ({ ...item, source: imported.source })));
        continue;
      }
      if (this.references.httpHandlers.has(value as TSESTree.NewExpression)) {
        const argument = (value as TSESTree.NewExpression | TSESTree.CallExpression).arguments[0];
        if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
        // The options, or a provider function that returns them.
        for (const options of this.providedValues(argument)) result.push(...this.handlerOptionsTlsOptions(options, hops + 1));
        continue;
      }
      result.push(...this.handlerOptionsTlsOptions(value, hops + 1));
    }
    return result;
  }

  /** NodeHttpHandler options (or the plain `requestHandler: { httpsAgent }` object) → `httpsAgent`. */
  private handlerOptionsTlsOptions(node: Node, hops: number): Omit<TlsOptions, "at" | "config">[] {
    const options = this.file.values.resolveObject(node);
    const agent = options?.properties.get("httpsAgent");
    return agent ? this.agentTlsOptions(agent.value, true, hops + 1) : [];
  }

  /** v2 `httpOptions` value → `agent`. */
  private httpOptionsTlsOptions(node: Node, hops: number): Omit<TlsOptions, "at" | "config">[] {
    const imported = this.imported(this.file.values.definitionOf(node) ?? node);
    if (imported) return imported.file.transport.httpOptionsTlsOptions(imported.node, hops + 1).map((item) => ({ ...item, source: imported.source }));
    const agent = this.file.values.resolveObject(node)?.properties.get("agent");
    return agent ? this.agentTlsOptions(agent.value, false, hops + 1) : [];
  }

  /**
   * An agent value → its TLS options: `new https.Agent(options)`, or (v3 `httpsAgent` only, `plain`) an
   * options object the SDK passes to `new https.Agent()`.
   */
  agentTlsOptions(node: Node, plain: boolean, hops: number): Omit<TlsOptions, "at" | "config">[] {
    const result: Omit<TlsOptions, "at" | "config">[] = [];
    for (const value of this.candidates(node, hops)) {
      const imported = this.imported(value);
      if (imported) {
        result.push(...imported.file.transport.agentTlsOptions(imported.node, plain, hops + 1).map((item) => ({ ...item, source: imported.source })));
        continue;
      }
      if (value.type === AST_NODE_TYPES.NewExpression && this.references.httpsAgents.has(value)) {
        const argument = value.arguments[0];
        const options = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? this.file.values.resolveObject(argument) : undefined;
        if (options) result.push({ options, node: value, file: this.file });
        continue;
      }
      if (plain) {
        const options = this.file.values.resolveObject(value);
        if (options) result.push({ options, node: value, file: this.file });
      }
    }
    return result;
  }

  /** The expressions a value can be: its definition, or what a same-file helper that builds it returns. */
  private candidates(node: Node, hops: number): Node[] {
    if (hops > MAX_HOPS) return [];
    const value = this.file.values.definitionOf(node) ?? unwrap(node);
    if (value.type === AST_NODE_TYPES.CallExpression && !this.references.httpHandlers.has(value)) {
      const helper = this.file.values.sameFileFunction(unwrap(value.callee));
      if (helper) return this.file.values.returnsOf(helper).flatMap((returned) => this.candidates(returned, hops + 1));
    }
    return [value];
  }

  /** A provider argument (`() => ({ ... })`, `async () => options`) → what it returns; anything else → itself. */
  private providedValues(node: Node): Node[] {
    const value = this.file.values.definitionOf(node) ?? unwrap(node);
    if (isFunction(value)) return this.file.values.returnsOf(value);
    return [value];
  }

  /** A value imported from a sibling module, resolved there (one hop). */
  private imported(node: Node): { file: FileAnalysis; node: Node; source: string } | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    return this.file.importedValue(node);
  }

  // ---------------------------------------------------------------- endpoints

  /**
   * The endpoint of a client configuration, judged alternative by alternative. Undefined when the config
   * sets none and is fully resolved (the SDK's default regional HTTPS endpoint).
   */
  endpointOf(config: ClientConfig): Endpoint | undefined {
    const properties = config.kind === "v3-client" ? [config.property("endpoint")].filter((p) => p !== undefined) : this.v2Properties(config, "endpoint");
    const property = properties.at(-1);
    if (property) return { property, alternatives: this.endpointAlternatives(property.value, this.file, 0) };
    if (config.kind === "v2-global") {
      // `AWS.config.sslEnabled = false` next to `AWS.config.update({ endpoint })`: the global endpoint is set elsewhere in the file.
      for (const other of this.file.clientConfigs) {
        const endpoint = other !== config && other.kind === "v2-global" ? this.v2Properties(other, "endpoint").at(-1) : undefined;
        if (endpoint) return { property: undefined, alternatives: this.endpointAlternatives(endpoint.value, this.file, 0) };
      }
    }
    if (config.resolved?.complete === false && config.config !== undefined) return { property: undefined, alternatives: [{}] };
    if (!config.resolved) return { property: undefined, alternatives: [{}] };
    return undefined;
  }

  private endpointAlternatives(node: Node, file: FileAnalysis, hops: number): EndpointAlternative[] {
    if (hops > MAX_HOPS) return [{}];
    const values = file.values;
    const value = values.definitionOf(node) ?? unwrap(node);
    switch (value.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        return [...this.endpointAlternatives(value.consequent, file, hops + 1), ...this.endpointAlternatives(value.alternate, file, hops + 1)];
      case AST_NODE_TYPES.LogicalExpression:
        if (value.operator === "&&") return [{ absent: true }, ...this.endpointAlternatives(value.right, file, hops + 1)];
        return [...this.endpointAlternatives(value.left, file, hops + 1), ...this.endpointAlternatives(value.right, file, hops + 1)];
      case AST_NODE_TYPES.Identifier:
        if (value.name === "undefined" && file.scope.isGlobal(value)) return [{ absent: true }];
        break;
      case AST_NODE_TYPES.Literal:
        if (value.value === null) return [{ absent: true }];
        break;
      case AST_NODE_TYPES.UnaryExpression:
        if (value.operator === "void") return [{ absent: true }];
        break;
      case AST_NODE_TYPES.NewExpression: {
        const argument = value.arguments[0];
        const isEndpointClass = file.sdk.v2EndpointConstructions.includes(value) || (calleeName(value) === "URL" && value.callee.type === AST_NODE_TYPES.Identifier && file.scope.isGlobal(value.callee));
        if (isEndpointClass && argument && argument.type !== AST_NODE_TYPES.SpreadElement) return this.endpointAlternatives(argument, file, hops + 1);
        return [{}];
      }
      case AST_NODE_TYPES.ObjectExpression:
        return this.endpointObjectAlternatives(value, file, hops);
      default:
        break;
    }
    const imported = file === this.file && (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) ? file.importedValue(value) : undefined;
    if (imported) return this.endpointAlternatives(imported.node, imported.file, hops + 1).map(({ httpsFix: _, ...rest }) => rest);
    const resolved = values.resolveString(value);
    const urls = resolved.alternatives.map((alternative) => urlOfAlternative(alternative));
    // One edit of the literal's scheme, when it serves every alternative: a single one, or (the region of
    // `http://dynamodb.${region}.amazonaws.com` with a default) all of them plain HTTP to AWS.
    const fixable = urls.length === 1 || urls.every((url) => url?.kind === "aws" && url.protocol === "http:");
    return urls.map((url, i) => {
      // A dynamic host's port is not in the literal the fix edits: it may be 80, which https:// must not keep.
      const portUnknown = url?.partialHost && (url.port === "80" || url.port.includes("*"));
      const httpsFix = url && fixable && i === 0 && !portUnknown && file === this.file ? httpsFixOf(value, file) : undefined;
      return url ? { url, ...(httpsFix ? { httpsFix } : {}) } : {};
    });
  }

  /** v3 endpoint objects: `{ url }` (EndpointV2) or `{ protocol, hostname, port }` (Endpoint). */
  private endpointObjectAlternatives(node: TSESTree.ObjectExpression, file: FileAnalysis, hops: number): EndpointAlternative[] {
    const object = file.values.resolveObject(node);
    const url = object?.properties.get("url");
    if (url) return this.endpointAlternatives(url.value, file, hops + 1);
    const protocol = object?.properties.get("protocol");
    const hostname = object?.properties.get("hostname");
    if (!protocol || !hostname) return [{}];
    const protocolText = singleConstant(file, protocol.value);
    const hostText = singleConstant(file, hostname.value);
    if (protocolText === undefined || hostText === undefined) return [{}];
    const scheme = protocolText.endsWith(":") ? protocolText : `${protocolText}:`;
    const parsed = parseEndpointUrl(`${scheme}//${hostText}`);
    if (!parsed) return [{}];
    const literal = unwrap(protocol.value);
    const fixable = file === this.file && !object?.properties.has("port") && literal.type === AST_NODE_TYPES.Literal && typeof literal.value === "string";
    const fix = fixable && /^http:?$/i.test(literal.value as string) ? [{ range: literal.range, text: `"${(literal.value as string).toLowerCase().replace("http", "https")}"` }] : undefined;
    return [{ url: parsed, ...(fix ? { httpsFix: fix as EndpointAlternative["httpsFix"] } : {}) }];
  }
}

function singleConstant(file: FileAnalysis, node: Node): string | undefined {
  const resolved = file.values.resolveString(node);
  if (resolved.alternatives.length !== 1 || !resolved.alternatives[0].every((segment) => segment.kind === "text")) return undefined;
  return resolved.alternatives[0].map((segment) => (segment as { value: string }).value).join("");
}

/** Where a config property is written: the object property, the assignment, or the config itself. */
function siteOf(property: ResolvedProperty, config: ClientConfig): Node {
  return property.property ?? property.assignment ?? config.node;
}

/**
 * The edit that turns `http://` into `https://` in the literal (or template head) an endpoint value is
 * written in, dropping an explicit `:80`. Undefined when the text is not plainly in one literal.
 */
function httpsFixOf(node: Node, file: FileAnalysis): Array<{ range: [number, number]; text: string }> | undefined {
  let target: Node = unwrap(node);
  for (let i = 0; i < 20 && target.type === AST_NODE_TYPES.BinaryExpression && target.operator === "+"; i++) target = unwrap(target.left);
  let contentStart: number;
  let content: string;
  let wholeText: boolean;
  if (target.type === AST_NODE_TYPES.Literal && typeof target.value === "string") {
    contentStart = target.range[0] + 1;
    content = target.raw.slice(1, -1);
    wholeText = target === unwrap(node); // not the left end of a concatenation
  } else if (target.type === AST_NODE_TYPES.TemplateLiteral) {
    contentStart = target.range[0] + 1;
    content = target.quasis[0].value.raw;
    wholeText = target.expressions.length === 0;
  } else {
    return undefined;
  }
  if (file.sourceCode.text.slice(contentStart, contentStart + 7).toLowerCase() !== "http://") return undefined;
  const edits: Array<{ range: [number, number]; text: string }> = [{ range: [contentStart, contentStart + 7], text: "https://" }];
  const authorityEnd = content.slice(7).search(/[/?#\\]/);
  // An explicit :80 must go: it is HTTP's port, and https://host:80 would speak TLS to it.
  if (authorityEnd >= 0 || wholeText) {
    const authority = authorityEnd >= 0 ? content.slice(7, 7 + authorityEnd) : content.slice(7);
    if (authority.endsWith(":80") && !authority.includes("]:80:")) {
      const portStart = contentStart + 7 + authority.length - 3;
      edits.push({ range: [portStart, portStart + 3], text: "" });
    }
  } else if (/:\d*$/.test(content.slice(7))) {
    return undefined; // the port is partly an expression: it may be 80
  }
  return edits;
}

// ---------------------------------------------------------------- option values

/** Is the value statically `false` (`false`, `!1`, a const bound to `false`)? Only `false` turns verification off. */
export function isStaticFalse(file: FileAnalysis, node: Node): boolean {
  const value = file.values.definitionOf(node) ?? unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return value.value === false;
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === "!") {
    const argument = file.values.definitionOf(value.argument) ?? unwrap(value.argument);
    return argument.type === AST_NODE_TYPES.Literal && Boolean(argument.value) && !(argument.value instanceof RegExp);
  }
  return false;
}

/**
 * A `checkServerIdentity` that accepts every host: a function that returns nothing (`undefined`, `null`,
 * no `return`) on every path, throws nothing and calls nothing but `console` (a call might be a check that
 * throws). Returns the function when it is one.
 */
export function acceptsEveryHost(file: FileAnalysis, node: Node): FunctionNode | undefined {
  let value = file.values.definitionOf(node) ?? unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) value = file.values.sameFileFunction(value) ?? value;
  if (!isFunction(value) || value.async || value.generator) return undefined;
  const body = value.body;
  if (!body) return undefined;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return isNothing(file, body) ? value : undefined;
  let checks = false;
  walk(body, file.sourceCode.visitorKeys, (inner) => {
    if (checks) return false;
    if (inner !== body && isFunction(inner)) return false;
    if (inner.type === AST_NODE_TYPES.ReturnStatement && inner.argument && !isNothing(file, inner.argument)) checks = true;
    else if (inner.type === AST_NODE_TYPES.ThrowStatement) checks = true;
    else if ((inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) && !isConsoleCall(file, inner)) checks = true;
    else if (inner.type === AST_NODE_TYPES.YieldExpression || inner.type === AST_NODE_TYPES.AwaitExpression) checks = true;
  });
  return checks ? undefined : value;
}

function isNothing(file: FileAnalysis, node: Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === "undefined" && file.scope.isGlobal(value);
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null;
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === "void" && unwrap(value.argument).type === AST_NODE_TYPES.Literal;
}

function isConsoleCall(file: FileAnalysis, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const chain = memberChain(node.callee);
  return chain?.root.type === AST_NODE_TYPES.Identifier && chain.root.name === "console" && chain.path.length === 1 && file.scope.isGlobal(chain.root);
}

/** `secureProtocol` methods of SSLv2, SSLv3, TLS 1.0 and TLS 1.1. */
const WEAK_SECURE_PROTOCOL = /^(?:SSLv[23]|TLSv1(?:_1)?)_(?:client_|server_)?method$/;
const WEAK_VERSIONS = new Set(["SSLv2", "SSLv3", "TLSv1", "TLSv1.1"]);

/** A protocol setting below TLS 1.2: `secureProtocol: "TLSv1_method"`, `minVersion`/`maxVersion: "TLSv1.1"`. */
export function isWeakProtocolSetting(option: string, value: string): boolean {
  if (option === "secureProtocol") return WEAK_SECURE_PROTOCOL.test(value);
  if (option === "minVersion" || option === "maxVersion") return WEAK_VERSIONS.has(value);
  return false;
}

/** Weak cipher groups by OpenSSL keyword; cipher suite names are matched by their parts. */
const WEAK_GROUPS = ["NULL", "aNULL", "EXPORT", "RC4", "DES"] as const;
export type WeakCipherGroup = (typeof WEAK_GROUPS)[number];

/** The weak groups an OpenSSL cipher-string keyword covers (as keyword to add or to remove). */
function groupsOfKeyword(keyword: string): WeakCipherGroup[] {
  switch (keyword) {
    case "ALL":
      return ["aNULL", "EXPORT", "RC4", "DES"]; // ALL excludes eNULL
    case "NULL":
    case "eNULL":
    case "COMPLEMENTOFALL":
      return ["NULL"];
    case "aNULL":
    case "ADH":
    case "AECDH":
      return ["aNULL"];
    case "EXPORT":
    case "EXP":
    case "EXPORT40":
    case "EXPORT56":
      return ["EXPORT"];
    case "RC4":
      return ["RC4"];
    case "DES":
    case "LOW":
      return ["DES"];
    default:
      return cipherSuiteGroups(keyword);
  }
}

/** A single suite name (`RC4-SHA`, `EXP-DES-CBC-SHA`, `NULL-MD5`, `ADH-AES128-SHA`). */
function cipherSuiteGroups(name: string): WeakCipherGroup[] {
  const parts = name.split("-");
  const groups: WeakCipherGroup[] = [];
  if (parts.includes("NULL")) groups.push("NULL");
  if (parts[0] === "ADH" || parts[0] === "AECDH") groups.push("aNULL");
  if (parts[0] === "EXP" || parts[0] === "EXP1024") groups.push("EXPORT");
  if (parts.includes("RC4")) groups.push("RC4");
  if (parts.some((part, i) => part === "DES" && parts[i + 1] === "CBC")) groups.push("DES");
  return groups;
}

/**
 * The weak cipher groups an OpenSSL cipher list leaves enabled, in OpenSSL's semantics: elements are
 * separated by `:`, `,` or spaces; `!X` removes X for good, `-X` removes it from what is enabled so far,
 * `+X` only reorders, `A+B` is the intersection (enabled only when every part is). `HIGH:!aNULL:!RC4` → [].
 */
export function weakCipherGroups(list: string): WeakCipherGroup[] {
  const enabled = new Set<WeakCipherGroup>();
  const banned = new Set<WeakCipherGroup>();
  for (const element of list.split(/[:, ]+/)) {
    if (element === "" || element.startsWith("@")) continue;
    const prefix = element[0];
    if (prefix === "!" || prefix === "-") {
      for (const group of element.slice(1).split("+").flatMap(groupsOfKeyword)) {
        enabled.delete(group);
        if (prefix === "!") banned.add(group);
      }
      continue;
    }
    if (prefix === "+") continue;
    // `A+B` is the intersection: it enables a group only when every part covers it (`ALL+RC4` → RC4).
    const parts = element.split("+").map(groupsOfKeyword);
    for (const group of parts[0]) if (parts.every((part) => part.includes(group))) enabled.add(group);
  }
  return WEAK_GROUPS.filter((group) => enabled.has(group) && !banned.has(group));
}

// ---------------------------------------------------------------- NODE_TLS_REJECT_UNAUTHORIZED

export const TLS_ENV_NAME = "NODE_TLS_REJECT_UNAUTHORIZED";

/** `process.env.NODE_TLS_REJECT_UNAUTHORIZED` / `process.env["NODE_TLS_REJECT_UNAUTHORIZED"]` (member expression). */
export function isTlsEnvMember(node: Node): boolean {
  const current = unwrap(node);
  if (current.type !== AST_NODE_TYPES.MemberExpression || staticKeyName(current) !== TLS_ENV_NAME) return false;
  return isProcessEnv(current.object);
}

/** `process.env` (the caller checks that `process` is the global). */
export function isProcessEnv(node: Node): boolean {
  const current = unwrap(node);
  return (
    current.type === AST_NODE_TYPES.MemberExpression &&
    staticKeyName(current) === "env" &&
    unwrap(current.object).type === AST_NODE_TYPES.Identifier &&
    (unwrap(current.object) as TSESTree.Identifier).name === "process"
  );
}
