// Where a file writes AWS credentials for a DynamoDB client: the `credentials` of v3 clients (objects and
// provider functions), the key properties and `credentials` of v2 services and the v2 global config,
// `new AWS.Credentials(...)`, and `process.env.AWS_*` assignments; for each, the client's endpoint
// locality and the edit that removes the hardcoded setting. Then, for any value expression, the constant
// strings it can evaluate to and where each is written (through variables, object members, helpers and
// `process.env.X || "..."` fallbacks). Classification of the strings lives in credentials.ts.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { contains, isFunction, memberChain, staticKeyName, unwrap } from "./ast";
import type { ClientConfig } from "./config";
import { CREDENTIAL_ENV_VARIABLES, CREDENTIAL_SLOTS, isLocalEndpoint, type CredentialSlot, type EndpointLocality } from "./credentials";
import type { FileAnalysis } from "./index";
import type { ResolvedObject, ResolvedProperty, ValueResolver } from "./values";
import { constantValues } from "./values";

type Node = TSESTree.Node;

/** A piece of code a remedy deletes: a property of an object literal, or a whole statement. */
export type RemovalTarget = TSESTree.Property | TSESTree.ExpressionStatement | TSESTree.VariableDeclaration | TSESTree.FunctionDeclaration;

export interface CredentialRemedy {
  /**
   * `remove-credentials`: drop the `credentials` setting so the SDK's default provider chain is used;
   * `remove-keys`: drop the key properties of a config; `remove-assignment`: drop a `process.env` write.
   */
  kind: "remove-credentials" | "remove-keys" | "remove-assignment";
  targets: RemovalTarget[];
}

export interface CredentialSite {
  slot: CredentialSlot;
  /** The expression written for the slot. */
  value: Node;
  /** Where the client that uses it sends requests. */
  endpoint: EndpointLocality;
  /** The edit that removes the hardcoded setting, when there is a clean one. */
  remedy: CredentialRemedy | undefined;
  /** For `process.env.X = ...`: the variable name. */
  envName?: string;
}

export interface HardcodedValue {
  /** Where the constant is written (a literal, or a constant expression such as `"AKIA" + "..."`). */
  node: Node;
  /** The string values it can have. */
  values: string[];
  /** When the constant is the fallback of `x || "..."` / `x ?? "..."`: that expression. */
  fallback: TSESTree.LogicalExpression | undefined;
}

const MAX_VARIANTS = 8;
const MAX_WALK_STEPS = 200;

/** Every credential slot written in a DynamoDB client configuration or `new AWS.Credentials(...)` of the file. */
export function collectCredentialSites(analysis: FileAnalysis): CredentialSite[] {
  const values = analysis.values;
  const constructions = new Set<Node>(analysis.sdk.v2CredentialsConstructions);
  const handled = new Set<Node>();
  const sites: CredentialSite[] = [];
  const configs = analysis.clientConfigs;
  const globalEndpoint = v2GlobalEndpoint(configs, values, analysis);

  for (const config of configs) {
    for (const variant of configVariants(config, values)) {
      const fallback = config.kind === "v3-client" ? "remote" : globalEndpoint;
      // `AWS.config.credentials = ...` sets one property: the rest of the global config is elsewhere, not unknown.
      const endpoint = endpointOf(config.config ? variant : { ...variant, complete: true }, values, analysis, fallback);
      // Key properties on the config itself (v2; ignored by v3 clients, but still a secret in the source).
      const keyProperties = CREDENTIAL_SLOTS.map((slot) => variant.properties.get(slot)).filter((p): p is ResolvedProperty => p !== undefined);
      if (keyProperties.length > 0) {
        const targets = removalTargets(keyProperties, analysis);
        const remedy: CredentialRemedy | undefined = targets && { kind: "remove-keys", targets };
        for (const property of keyProperties) sites.push({ slot: property.name as CredentialSlot, value: property.value, endpoint, remedy });
      }
      const credentials = variant.properties.get("credentials");
      if (credentials) {
        const targets = removalTargets([credentials], analysis);
        const remedy: CredentialRemedy | undefined = targets && { kind: "remove-credentials", targets };
        for (const { slot, value } of credentialSlots(credentials.value, analysis, constructions, handled)) {
          sites.push({ slot, value, endpoint, remedy });
        }
      }
    }
  }

  // `new AWS.Credentials(...)` that no config in this file picks up (exported, passed along).
  const unattached = analysis.sdk.v2CredentialsConstructions.filter((node) => !handled.has(node));
  if (unattached.length > 0) {
    const endpoint = fileEndpoint(analysis);
    for (const construction of unattached) {
      for (const { slot, value } of constructionSlots(construction, values)) sites.push({ slot, value, endpoint, remedy: undefined });
    }
  }
  return sites;
}

/**
 * `process.env.AWS_ACCESS_KEY_ID = ...` (also `process.env["..."]`): the variable name, or undefined.
 * Syntax only, cheap enough for a listener on every assignment; check `isGlobalProcess` before use.
 */
export function credentialEnvName(target: Node): string | undefined {
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const chain = memberChain(target);
  if (chain?.root.type !== AST_NODE_TYPES.Identifier || chain.root.name !== "process" || chain.path.length !== 2 || chain.path[0] !== "env") return undefined;
  return Object.hasOwn(CREDENTIAL_ENV_VARIABLES, chain.path[1]) ? chain.path[1] : undefined;
}

/** `Object.assign(process.env, { AWS_ACCESS_KEY_ID: ... })`: the object argument's credential properties. */
export function credentialEnvObjectProperties(call: TSESTree.CallExpression): TSESTree.Property[] {
  const chain = memberChain(call.callee);
  if (chain?.root.type !== AST_NODE_TYPES.Identifier || chain.root.name !== "Object" || chain.path.join(".") !== "assign") return [];
  const [target, ...sources] = call.arguments;
  const targetChain = target && memberChain(target);
  if (targetChain?.root.type !== AST_NODE_TYPES.Identifier || targetChain.root.name !== "process" || targetChain.path.join(".") !== "env") return [];
  const properties: TSESTree.Property[] = [];
  for (const source of sources) {
    if (source.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of source.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const name = staticKeyName(property);
      if (name !== undefined && Object.hasOwn(CREDENTIAL_ENV_VARIABLES, name)) properties.push(property);
    }
  }
  return properties;
}

/** Is the `process` at the root of `node` Node's global (not a local variable of that name)? */
export function isGlobalProcess(analysis: FileAnalysis, node: Node): boolean {
  const chain = memberChain(node);
  return chain?.root.type === AST_NODE_TYPES.Identifier && chain.root.name === "process" && analysis.scope.isGlobal(chain.root);
}

/** The credential site of an env write found by credentialEnvName / credentialEnvObjectProperties. */
export function envCredentialSite(analysis: FileAnalysis, write: TSESTree.AssignmentExpression | TSESTree.Property): CredentialSite | undefined {
  const name = write.type === AST_NODE_TYPES.AssignmentExpression ? credentialEnvName(write.left) : staticKeyName(write);
  if (name === undefined || !Object.hasOwn(CREDENTIAL_ENV_VARIABLES, name)) return undefined;
  let remedy: CredentialRemedy | undefined;
  if (write.type === AST_NODE_TYPES.Property) {
    remedy = { kind: "remove-assignment", targets: [write] };
  } else if (write.parent?.type === AST_NODE_TYPES.ExpressionStatement && write.parent.expression === write) {
    remedy = { kind: "remove-assignment", targets: [write.parent] };
  }
  const value = write.type === AST_NODE_TYPES.AssignmentExpression ? write.right : write.value;
  return { slot: CREDENTIAL_ENV_VARIABLES[name], value, endpoint: fileEndpoint(analysis), remedy, envName: name };
}

/**
 * The constant strings an expression can evaluate to, each with the place it is written: through
 * single-assignment variables, members of resolvable objects, same-file helpers' returns, conditional
 * branches and `||` / `??` fallbacks. Parts that come from elsewhere (environment, parameters, calls) are
 * not constants and are left out.
 */
export function hardcodedValues(values: ValueResolver, node: Node): HardcodedValue[] {
  const found: HardcodedValue[] = [];
  const seen = new Set<Node>();
  const stack: Array<{ node: Node; fallback: TSESTree.LogicalExpression | undefined; depth: number }> = [{ node, fallback: undefined, depth: 0 }];
  let steps = MAX_WALK_STEPS;
  while (stack.length > 0 && steps-- > 0) {
    const item = stack.pop()!;
    const current = unwrap(item.node);
    if (seen.has(current) || item.depth > 30) continue;
    seen.add(current);
    const next = (child: Node, fallback = item.fallback) => stack.push({ node: child, fallback, depth: item.depth + 1 });
    switch (current.type) {
      case AST_NODE_TYPES.Literal:
        if (typeof current.value === "string") found.push({ node: current, values: [current.value], fallback: item.fallback });
        break;
      case AST_NODE_TYPES.LogicalExpression:
        next(current.left);
        // `x || "..."`: the right side is a fallback when the left side is not itself a constant.
        next(current.right, current.operator !== "&&" && constantValues(values.resolveString(current.left)) === undefined ? current : item.fallback);
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        next(current.consequent);
        next(current.alternate);
        break;
      case AST_NODE_TYPES.Identifier: {
        const definition = values.definitionOf(current);
        if (definition && definition !== current) next(definition);
        break;
      }
      case AST_NODE_TYPES.MemberExpression: {
        // `this.secret` of a class that sets the field once (an initialiser or a constructor assignment).
        const field = values.thisField(current);
        if (field) {
          next(field);
          break;
        }
        const key = staticKeyName(current);
        const property = key === undefined ? undefined : values.resolveObject(current.object)?.properties.get(key);
        if (property) next(property.value);
        break;
      }
      case AST_NODE_TYPES.CallExpression: {
        const helper = values.sameFileFunction(unwrap(current.callee));
        if (helper && current.arguments.length === 0) {
          for (const returned of values.returnsOf(helper)) next(returned);
          break;
        }
        constant(values, current, item.fallback, found);
        break;
      }
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.TaggedTemplateExpression:
        constant(values, current, item.fallback, found);
        break;
      default:
        break;
    }
  }
  return found;
}

function constant(values: ValueResolver, node: Node, fallback: TSESTree.LogicalExpression | undefined, found: HardcodedValue[]): void {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return; // String.raw`...` and friends: not a plain string
  const resolved = constantValues(values.resolveString(node));
  if (resolved) found.push({ node, values: resolved, fallback });
}

// ---------------------------------------------------------------- configs

/** The object(s) a config can be: itself when resolved, else each branch of `cond ? {...} : {...}` / `a || b`, or each object a same-file helper returns. */
function configVariants(config: ClientConfig, values: ValueResolver): ResolvedObject[] {
  if (config.resolved) return [config.resolved];
  if (!config.config) return [];
  const variants: ResolvedObject[] = [];
  const stack: Node[] = [config.config];
  for (let budget = MAX_VARIANTS * 2; stack.length > 0 && budget > 0 && variants.length < MAX_VARIANTS; budget--) {
    const popped = stack.pop()!;
    const node = values.definitionOf(popped) ?? popped;
    const helper = node.type === AST_NODE_TYPES.CallExpression ? values.sameFileFunction(unwrap(node.callee)) : undefined;
    if (node.type === AST_NODE_TYPES.ConditionalExpression) stack.push(node.alternate, node.consequent);
    else if (node.type === AST_NODE_TYPES.LogicalExpression) stack.push(node.right, node.left);
    else if (helper) stack.push(...values.returnsOf(helper)); // new DocumentClient(getDynamoDbParams())
    else {
      const resolved = values.resolveObject(node);
      if (resolved) variants.push(resolved);
    }
  }
  return variants;
}

/** The credential slots of a `credentials` value: an object, a provider function's returned objects, or `new AWS.Credentials(...)`. */
function credentialSlots(value: Node, analysis: FileAnalysis, constructions: ReadonlySet<Node>, handled: Set<Node>): Array<{ slot: CredentialSlot; value: Node }> {
  const values = analysis.values;
  const slots: Array<{ slot: CredentialSlot; value: Node }> = [];
  const seen = new Set<Node>();
  const stack: Node[] = [value];
  for (let budget = 32; stack.length > 0 && budget > 0; budget--) {
    const defined = values.definitionOf(stack.pop()!);
    // `credentials: provider` with `function provider() {...}` declared in the file.
    const node = defined?.type === AST_NODE_TYPES.Identifier ? (values.sameFileFunction(defined) ?? defined) : defined;
    if (!node || seen.has(node)) continue;
    seen.add(node);
    if (isFunction(node)) {
      // Credential providers: `async () => ({ accessKeyId: "..." })`, `function () { return {...}; }`.
      stack.push(...values.returnsOf(node));
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      const helper = values.sameFileFunction(unwrap(node.callee));
      if (helper) stack.push(...values.returnsOf(helper));
    } else if (node.type === AST_NODE_TYPES.NewExpression && constructions.has(node)) {
      handled.add(node);
      slots.push(...constructionSlots(node, values));
    } else if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      stack.push(node.alternate, node.consequent);
    } else if (node.type === AST_NODE_TYPES.LogicalExpression) {
      stack.push(node.right, node.left);
    } else {
      const object = values.resolveObject(node);
      for (const slot of CREDENTIAL_SLOTS) {
        const property = object?.properties.get(slot);
        if (property) slots.push({ slot, value: property.value });
      }
    }
  }
  return slots;
}

/** `new AWS.Credentials(id, secret, token)` or `new AWS.Credentials({ accessKeyId, secretAccessKey, sessionToken })`. */
function constructionSlots(node: TSESTree.NewExpression, values: ValueResolver): Array<{ slot: CredentialSlot; value: Node }> {
  const [first] = node.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return [];
  const object = values.resolveObject(first);
  if (object) {
    return CREDENTIAL_SLOTS.flatMap((slot) => {
      const property = object.properties.get(slot);
      return property ? [{ slot, value: property.value }] : [];
    });
  }
  const slots: Array<{ slot: CredentialSlot; value: Node }> = [];
  node.arguments.slice(0, 3).forEach((argument, i) => {
    if (argument.type !== AST_NODE_TYPES.SpreadElement) slots.push({ slot: CREDENTIAL_SLOTS[i], value: argument });
  });
  return slots;
}

/**
 * The property nodes or statements that set these properties, when every one can be deleted cleanly; with
 * the declaration of a value used nowhere else (`const credentials = {...}`, `function provider() {...}`),
 * so that deleting the setting does not leave the secret behind in dead code.
 */
function removalTargets(properties: readonly ResolvedProperty[], analysis: FileAnalysis): RemovalTarget[] | undefined {
  const targets: RemovalTarget[] = [];
  for (const property of properties) {
    if (property.property) {
      if (property.property.parent?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      targets.push(property.property);
    }
    if (property.assignment) {
      const statement = property.assignment.parent;
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== property.assignment) return undefined;
      targets.push(statement);
    }
    const declaration = singleUseDeclaration(unwrap(property.value), analysis);
    // (A declaration that holds the setting itself cannot go with it: the edits would overlap.)
    if (declaration && !targets.some((target) => contains(declaration, target) || contains(target, declaration))) targets.push(declaration);
  }
  return targets.length > 0 ? targets : undefined;
}

/** The declaration statement of `identifier` when this is its only read and the statement declares nothing else. */
function singleUseDeclaration(identifier: Node, analysis: FileAnalysis): TSESTree.VariableDeclaration | TSESTree.FunctionDeclaration | undefined {
  if (identifier.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = analysis.scope.variableOf(identifier);
  if (!variable || variable.defs.length !== 1 || variable.references.filter((reference) => reference.isRead()).length !== 1) return undefined;
  const definition = variable.defs[0];
  const statement =
    definition.type === "Variable" && definition.parent?.type === AST_NODE_TYPES.VariableDeclaration && definition.parent.declarations.length === 1
      ? definition.parent
      : definition.type === "FunctionName" && definition.node.type === AST_NODE_TYPES.FunctionDeclaration
        ? definition.node
        : undefined;
  if (!statement || definition.name.parent?.type !== (definition.type === "Variable" ? AST_NODE_TYPES.VariableDeclarator : AST_NODE_TYPES.FunctionDeclaration)) return undefined;
  const container = statement.parent?.type;
  return container === AST_NODE_TYPES.Program || container === AST_NODE_TYPES.BlockStatement ? statement : undefined;
}

// ---------------------------------------------------------------- endpoints

/** `local` wins over `unknown` wins over `remote`: a stand-in is acceptable as soon as the client may be local. */
function lenient(a: EndpointLocality, b: EndpointLocality): EndpointLocality {
  if (a === "local" || b === "local") return "local";
  if (a === "unknown" || b === "unknown") return "unknown";
  return "remote";
}

/** Where a config sends requests: its `endpoint` (string, `new AWS.Endpoint(...)`), `region: "localhost"`, or `fallback` when it sets none. */
function endpointOf(variant: ResolvedObject, values: ValueResolver, analysis: FileAnalysis, fallback: EndpointLocality): EndpointLocality {
  const region = variant.properties.get("region");
  if (region && constantValues(values.resolveString(region.value))?.some((value) => value === "localhost" || value === "local")) return "local";
  const endpoint = variant.properties.get("endpoint");
  if (!endpoint) return variant.complete ? fallback : lenient(fallback, "unknown");
  return endpointLocality(endpoint.value, values, analysis);
}

function endpointLocality(node: Node, values: ValueResolver, analysis: FileAnalysis): EndpointLocality {
  let target = values.definitionOf(node) ?? node;
  if (target.type === AST_NODE_TYPES.NewExpression && analysis.sdk.v2EndpointConstructions.includes(target)) {
    const argument = target.arguments[0];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return "unknown";
    target = argument;
  }
  let result: EndpointLocality | undefined;
  for (const alternative of values.resolveString(target).alternatives) {
    const text = alternative.every((segment) => segment.kind === "text") ? alternative.map((segment) => (segment as { value: string }).value).join("") : undefined;
    const locality: EndpointLocality = text === undefined ? "unknown" : isLocalEndpoint(text) ? "local" : "remote";
    result = result === undefined ? locality : lenient(result, locality);
  }
  return result ?? "unknown";
}

/** The endpoint the v2 global config (`AWS.config.update({ endpoint })`, `AWS.config.endpoint = ...`) sets, `remote` when none. */
function v2GlobalEndpoint(configs: readonly ClientConfig[], values: ValueResolver, analysis: FileAnalysis): EndpointLocality {
  let result: EndpointLocality = "remote";
  for (const config of configs) {
    if (config.kind !== "v2-global") continue;
    for (const variant of configVariants(config, values)) {
      if (variant.properties.has("endpoint") || variant.properties.has("region")) result = lenient(result, endpointOf(variant, values, analysis, "remote"));
    }
  }
  return result;
}

/** For credentials no client config picks up: local as soon as any client of the file may be local. */
function fileEndpoint(analysis: FileAnalysis): EndpointLocality {
  const values = analysis.values;
  let result: EndpointLocality = "remote";
  for (const config of analysis.clientConfigs) {
    for (const variant of configVariants(config, values)) {
      if (variant.properties.has("endpoint") || variant.properties.has("region")) result = lenient(result, endpointOf(variant, values, analysis, "remote"));
    }
  }
  return result;
}
