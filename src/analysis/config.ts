// Every place that configures a DynamoDB client: v3 client constructors, v2 service and DocumentClient
// constructors, and v2 global configuration (`AWS.config.update(...)`, `new AWS.Config(...)`,
// `AWS.config.x = ...`). Properties resolve through variables, spreads and `Object.assign`.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { staticKeyName } from "./ast";
import type { ClientType, SdkReferences } from "./sdk/recognizer";
import type { ResolvedObject, ResolvedProperty, ValueResolver } from "./values";

export interface ClientConfig {
  kind: "v3-client" | "v2-service" | "v2-global";
  /** The client being configured (undefined for v2 global configuration). */
  client: ClientType | undefined;
  /** The construction, the `update(...)` call or the assignment. */
  node: TSESTree.Node;
  /** The config argument as written, when there is one. */
  config: TSESTree.Node | undefined;
  /** The resolved properties (undefined when the config argument cannot be resolved). */
  resolved: ResolvedObject | undefined;
  property(name: string): ResolvedProperty | undefined;
}

const MAX_BRANCHES = 8;

export function collectClientConfigs(sdk: SdkReferences, values: ValueResolver): ClientConfig[] {
  const configs: ClientConfig[] = [];
  const add = (kind: ClientConfig["kind"], client: ClientType | undefined, node: TSESTree.Node, config: TSESTree.Node | undefined) => {
    for (const branch of config && config.type !== AST_NODE_TYPES.SpreadElement ? branchesOf(config, values) : [config]) {
      // A parameter the function configures before passing it on (`options.endpoint = ...`): what it writes.
      const resolved = branch && branch.type !== AST_NODE_TYPES.SpreadElement ? (values.resolveObject(branch) ?? values.parameterWrites(branch)) : undefined;
      configs.push({ kind, client, node, config: branch, resolved, property: (name) => resolved?.properties.get(name) });
    }
  };
  for (const creation of sdk.clients.values()) {
    if (creation.node.type !== AST_NODE_TYPES.NewExpression) continue; // `.from(client)` wraps a client; it has no transport config
    if (creation.client.sdk === "v3" && creation.client.kind === "document") continue; // new DynamoDBDocumentClient(client)
    add(creation.client.sdk === "v3" ? "v3-client" : "v2-service", creation.client, creation.node, creation.argument);
  }
  for (const call of sdk.v2ConfigUpdates) add("v2-global", undefined, call, call.arguments[0]);
  for (const construction of sdk.v2ConfigConstructions) add("v2-global", undefined, construction, construction.arguments[0]);
  // AWS.config.region = ..., AWS.config.credentials = ..., AWS.config.httpOptions.agent = ...
  for (const read of sdk.v2GlobalConfigReads) {
    const member = read.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== read) continue;
    const name = staticKeyName(member);
    const assignment = member.parent;
    if (name === undefined || assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== member) continue;
    const property: ResolvedProperty = { name, value: assignment.right, assignment };
    const resolved: ResolvedObject = { properties: new Map([[name, property]]), complete: false };
    configs.push({ kind: "v2-global", client: undefined, node: assignment, config: undefined, resolved, property: (key) => resolved.properties.get(key) });
  }
  return configs;
}

/**
 * A config argument that is itself a conditional (`new DynamoDBClient(isProd ? { region } : { endpoint })`,
 * also through a variable) → one config per branch, each judged on its own; anything else → itself.
 */
function branchesOf(config: TSESTree.Node, values: ValueResolver): TSESTree.Node[] {
  if (values.resolveObject(config)) return [config];
  const branches: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [config];
  for (let budget = MAX_BRANCHES * 2; stack.length > 0 && budget > 0; budget--) {
    const popped = stack.pop()!;
    const node = values.definitionOf(popped) ?? popped;
    if (node.type === AST_NODE_TYPES.ConditionalExpression && branches.length + stack.length < MAX_BRANCHES) stack.push(node.alternate, node.consequent);
    else branches.push(popped);
  }
  return branches.length > 1 ? branches : [config];
}
