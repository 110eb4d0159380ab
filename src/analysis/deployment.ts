// What the deployment descriptor of a Lambda handler (the nearest `serverless.yml` of a Serverless Framework
// service, or `template.yaml` of an AWS SAM application, beside or above the handler) declares for the handler's
// HTTP events: an authorizer on each of them (API Gateway then authenticates every request before the handler runs,
// so the handler knows a caller even when its code reads none) and a request schema that validates the body. Read
// as data: YAML parsed without running anything, no `${...}` variable resolved except a `${file(...)}` that holds
// Serverless functions, CloudFormation tags (`!Ref Api`, `!ImportValue x`) read as the plain value they tag.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileStamp, importersThroughBarrels, nearestServiceFile } from "./project";

/** What a function definition declares for a handler's HTTP events. */
export interface FunctionDefinition {
  /** The authorizers' names (or types), when every HTTP event has one; empty when any event lets requests in without. */
  authorizers: string[];
  validatesBody: boolean;
  /** The HTTP routes of a serverless.yml function, with the Lambda authorizer of the same service that guards each. */
  routes?: DeclaredRoute[];
}

/** An HTTP event of a function: `method: delete`, `path: cart/{username}`. */
export interface DeclaredRoute {
  /** Upper case; `ANY` or `*` for every method. */
  method: string;
  path: string;
  /** The authorizer is a function of the same service (`authorizer: { name: auth }` and `functions: { auth: ... }`): its handler. */
  authorizer?: { module: string; exportName: string };
  /** The authorizer's name as declared (resolved to `authorizer` once every function is read). */
  authorizerName?: string;
}

/** One function of a service: the module and export its `handler` names, and what its HTTP events declare (undefined: none). */
interface DeclaredFunction {
  /** The function's name in the service (`functions: { getCart: ... }`). */
  name?: string;
  /** Absolute path of the handler's module, without its extension. */
  module: string;
  exportName: string;
  definition: FunctionDefinition | undefined;
}

const MAX_SERVICE_BYTES = 512 * 1024;
const MAX_INCLUDE_DEPTH = 2;
const MAX_FUNCTIONS = 2_000;
/** `${file(./functions.yml)}`, `${file(../sls/functions.yml):functions}` */
const FILE_INCLUDE = /^\$\{file\(([^()]{1,300})\)(?::([\w.-]{1,100}))?\}$/;
const SCRIPT_EXTENSION = /\.[cm]?[jt]sx?$/;

const services = new Map<string, { stamp: string; functions: DeclaredFunction[] }>();

/**
 * What the nearest service declares for the handler `exportName` of `file` (any export of the file when the name
 * is unknown: then every function naming the file must agree). Undefined when no service names it with an HTTP
 * event.
 */
export function deployedDefinitionOf(file: string, exportName: string | undefined): FunctionDefinition | undefined {
  if (!file || !path.isAbsolute(file)) return undefined;
  const service = nearestServiceFile(path.dirname(file));
  if (!service) return undefined;
  const module = file.replace(SCRIPT_EXTENSION, "");
  const definitions = serviceFunctions(service)
    .filter((declared) => declared.module === module && (exportName === undefined || declared.exportName === exportName))
    .map((declared) => declared.definition);
  if (definitions.length === 0 || definitions.some((definition) => !definition)) return undefined;
  const declared = definitions as FunctionDefinition[];
  return {
    authorizers: declared.every((definition) => definition.authorizers.length > 0) ? declared.flatMap((definition) => definition.authorizers) : [],
    validatesBody: declared.every((definition) => definition.validatesBody),
    routes: declared.flatMap((definition) => definition.routes ?? []),
  };
}

/**
 * Is the file a helper of the service's functions that none of its HTTP functions reaches: no function names it,
 * and the functions' modules that import it (directly or through barrels) have no HTTP event (`closeAuction(event)`
 * in `src/lib/`, called by a scheduled handler with each ended auction)? A function of the file is then not a
 * Lambda's entry point, whatever its parameters are called: what it is given is its caller's business. A module no
 * function's module imports (an entry point deployed otherwise, one a descriptor names as built output) says nothing.
 */
export function isUndeployedModule(file: string): boolean {
  if (!file || !path.isAbsolute(file)) return false;
  const service = nearestServiceFile(path.dirname(file));
  if (!service) return false;
  // The service file first (read once per process and change, like every question about a handler's deployment
  // asks): a module it names as a handler needs no search of the project's imports.
  const functions = serviceFunctions(service);
  const module = file.replace(SCRIPT_EXTENSION, "");
  if (functions.length === 0 || functions.some((declared) => declared.module === module)) return false;
  const importers = new Set(importersThroughBarrels(file).map((importer) => importer.replace(SCRIPT_EXTENSION, "")));
  if (importers.size === 0) return false;
  const callers = functions.filter((declared) => importers.has(declared.module));
  return callers.length > 0 && callers.every((declared) => declared.definition === undefined);
}

/** The functions a service file declares (cached by its stamp; none when it cannot be read or parsed). */
function serviceFunctions(service: string): DeclaredFunction[] {
  const stamp = fileStamp(service);
  if (!stamp) return [];
  const cached = services.get(service);
  if (cached?.stamp === stamp) return cached.functions;
  const document = readYaml(service);
  const functions: DeclaredFunction[] = [];
  if (isRecord(document) && document.functions !== undefined) {
    collectFunctions(document.functions, path.dirname(service), functions, 0);
    // `authorizer: { name: auth }` naming a function of the service: that function's handler answers for the route.
    const byName = new Map(functions.filter((declared) => declared.name !== undefined).map((declared) => [declared.name, declared]));
    for (const route of functions.flatMap((declared) => declared.definition?.routes ?? [])) {
      const authorizer = route.authorizerName === undefined ? undefined : byName.get(route.authorizerName);
      if (authorizer) route.authorizer = { module: authorizer.module, exportName: authorizer.exportName };
    }
  }
  else if (isRecord(document) && isRecord(document.Resources)) collectSamFunctions(document, path.dirname(service), functions);
  if (services.size > 1_000) services.clear();
  services.set(service, { stamp, functions });
  return functions;
}

/** Function definitions from a `functions` value: a map by name, a list of such maps, or a `${file(...)}` holding either. */
function collectFunctions(value: unknown, serviceDirectory: string, into: DeclaredFunction[], depth: number, inList = false): void {
  if (into.length >= MAX_FUNCTIONS) return;
  if (typeof value === "string") {
    const include = FILE_INCLUDE.exec(value.trim());
    if (!include || depth >= MAX_INCLUDE_DEPTH) return;
    let included = readYaml(path.resolve(serviceDirectory, include[1]));
    for (const key of include[2]?.split(".") ?? []) included = isRecord(included) ? included[key] : undefined;
    // Handlers in an included file are still named from the service's folder.
    collectFunctions(included, serviceDirectory, into, depth + 1);
    return;
  }
  if (Array.isArray(value)) {
    // A list of function maps; a list inside it declares nothing (and aliases could nest lists exponentially).
    if (inList) return;
    for (const entry of value.slice(0, MAX_FUNCTIONS)) collectFunctions(entry, serviceDirectory, into, depth, true);
    return;
  }
  if (!isRecord(value)) return;
  for (const [name, definition] of Object.entries(value).slice(0, MAX_FUNCTIONS)) {
    if (typeof definition === "string") collectFunctions(definition, serviceDirectory, into, depth);
    if (!isRecord(definition) || typeof definition.handler !== "string") continue;
    const handler = definition.handler.trim();
    const dot = handler.lastIndexOf(".");
    if (dot <= 0 || handler.includes("${")) continue;
    into.push({ name, module: path.resolve(serviceDirectory, handler.slice(0, dot)), exportName: handler.slice(dot + 1), definition: httpDefinition(definition.events) });
  }
}

/** One HTTP event as a descriptor declares it: its authorizer's name (undefined: none), its body validation, its route. */
interface DeclaredEvent {
  authorizer: string | undefined;
  validated: boolean;
  route?: DeclaredRoute;
}

/** What a function's HTTP events declare together (undefined when it has none): an authorizer only if every event has one. */
function definitionOf(events: readonly DeclaredEvent[]): FunctionDefinition | undefined {
  if (events.length === 0) return undefined;
  const guarded = events.every((event) => event.authorizer !== undefined);
  return {
    authorizers: guarded ? events.map((event) => event.authorizer as string) : [],
    validatesBody: events.every((event) => event.validated),
    routes: events.flatMap((event) => (event.route ? [event.route] : [])),
  };
}

/** What a function's `http` and `httpApi` events declare (undefined when it has none). */
function httpDefinition(events: unknown): FunctionDefinition | undefined {
  const declared: DeclaredEvent[] = [];
  for (const event of Array.isArray(events) ? events : []) {
    if (!isRecord(event)) continue;
    const http = event.http ?? event.httpApi;
    if (http === undefined) continue;
    // `http: GET users/{id}`: the short form has no authorizer.
    const authorizer = isRecord(http) ? http.authorizer : undefined;
    const name = typeof authorizer === "string" ? authorizer.trim() || undefined : isRecord(authorizer) ? (firstString(authorizer.name, authorizer.type, authorizer.arn, authorizer.authorizerId) ?? "") : undefined;
    const request = isRecord(http) ? http.request : undefined;
    const [method, routePath] = isRecord(http) ? [http.method, http.path] : typeof http === "string" ? http.trim().split(/\s+/, 2) : [];
    // A named authorizer may be a function of the same service (resolved in serviceFunctions()).
    const authorizerName = typeof authorizer === "string" ? name : isRecord(authorizer) && typeof authorizer.name === "string" ? authorizer.name : undefined;
    declared.push({
      authorizer: name,
      validated: isRecord(request) && (request.schemas !== undefined || request.schema !== undefined),
      route: typeof method === "string" && typeof routePath === "string" ? { method: method.toUpperCase(), path: routePath, authorizerName } : undefined,
    });
  }
  return definitionOf(declared);
}

/**
 * The `AWS::Serverless::Function` resources of a SAM template: the module `CodeUri` and `Handler` name, and their
 * `Api` and `HttpApi` events' authorizers (the event's `Auth.Authorizer`, else the `DefaultAuthorizer` of the API
 * it names with `RestApiId`/`ApiId`, else of the template's `Globals`; `NONE` lets requests in).
 */
function collectSamFunctions(template: Record<string, unknown>, directory: string, into: DeclaredFunction[]): void {
  const resources = template.Resources as Record<string, unknown>;
  const globals = isRecord(template.Globals) ? template.Globals : {};
  const functionDefaults = isRecord(globals.Function) ? globals.Function : {};
  const defaultAuthorizer = (api: unknown, kind: "Api" | "HttpApi"): string | undefined => {
    const resource = typeof api === "string" ? resources[api] : undefined;
    const declared = isRecord(resource) && isRecord(resource.Properties) ? resource.Properties : isRecord(globals[kind]) ? globals[kind] : undefined;
    const auth = declared && isRecord(declared.Auth) ? declared.Auth : undefined;
    return typeof auth?.DefaultAuthorizer === "string" ? auth.DefaultAuthorizer : undefined;
  };
  for (const resource of Object.values(resources).slice(0, MAX_FUNCTIONS)) {
    if (!isRecord(resource) || resource.Type !== "AWS::Serverless::Function") continue;
    const properties = isRecord(resource.Properties) ? resource.Properties : {};
    const handler = firstString(properties.Handler, functionDefaults.Handler)?.trim();
    const codeUri = firstString(properties.CodeUri, functionDefaults.CodeUri) ?? ".";
    const dot = handler?.lastIndexOf(".") ?? -1;
    if (!handler || dot <= 0) continue;
    const declared: DeclaredEvent[] = [];
    for (const event of isRecord(properties.Events) ? Object.values(properties.Events) : []) {
      if (!isRecord(event) || (event.Type !== "Api" && event.Type !== "HttpApi")) continue;
      const eventProperties = isRecord(event.Properties) ? event.Properties : {};
      const auth = isRecord(eventProperties.Auth) ? eventProperties.Auth : undefined;
      const name = typeof auth?.Authorizer === "string" ? auth.Authorizer : defaultAuthorizer(event.Type === "Api" ? eventProperties.RestApiId : eventProperties.ApiId, event.Type);
      declared.push({
        authorizer: name === "" || name === "NONE" ? undefined : name,
        validated: isRecord(eventProperties.RequestModel) && eventProperties.RequestModel.ValidateBody === true,
      });
    }
    into.push({ module: path.resolve(directory, codeUri, handler.slice(0, dot)), exportName: handler.slice(dot + 1), definition: definitionOf(declared) });
  }
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === "string");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What readYaml needs of js-yaml (the parser the Serverless Framework reads its services with). */
interface JsYaml {
  load(text: string, options: { schema: unknown; json: boolean }): unknown;
  CORE_SCHEMA: { extend(types: unknown[]): unknown };
  Type: new (tag: string, options: { kind: "scalar" | "sequence" | "mapping"; multi: boolean; construct: (data: unknown) => unknown }) => unknown;
}
let yamlLoad: ((text: string) => unknown) | undefined;

/**
 * js-yaml's parser with YAML 1.2's core schema (no dates, no merge keys), where every local tag (CloudFormation's
 * `!Ref`, `!Sub`, `!GetAtt`, `!ImportValue`) resolves as the plain value it tags, and a duplicate key keeps its last
 * value. Aliases are shared references, never copies, so an alias bomb costs no memory.
 */
function loadYamlParser(): (text: string) => unknown {
  const yaml = createRequire(__filename)("js-yaml") as JsYaml;
  const plain = (["scalar", "sequence", "mapping"] as const).map((kind) => new yaml.Type("!", { kind, multi: true, construct: (data) => data }));
  const schema = yaml.CORE_SCHEMA.extend(plain);
  return (text) => yaml.load(text, { schema, json: true });
}

/** A YAML file's data, or undefined when it is missing, too large or not YAML. The parser is loaded on first use. */
function readYaml(file: string): unknown {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.size > MAX_SERVICE_BYTES) return undefined;
    // Loaded only in projects with a Serverless service or SAM template.
    yamlLoad ??= loadYamlParser();
    return yamlLoad(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}
