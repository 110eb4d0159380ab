// Finds every reference to the DynamoDB parts of the AWS SDKs in a file: client classes, command
// classes, paginators, v2 global configuration, credentials and endpoint classes, and marshalling
// helpers. One ReferenceTracker pass per file; everything else in the analysis builds on its result.
import { ReferenceTracker, type TraceMap } from "@eslint-community/eslint-utils";
import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "../node-types";
import { iterateModuleReferences } from "../modules";
import {
  DOCUMENT_COMMANDS,
  LOW_LEVEL_COMMANDS,
  PAGINATORS,
  V2_DYNAMODB_PACKAGE,
  V2_PACKAGES,
  V3_DOCUMENT_PACKAGE,
  V3_LOW_LEVEL_PACKAGE,
  V3_UTIL_PACKAGE,
  type ClientKind,
  type CommandInfo,
  type Sdk,
} from "./catalogue";

const { READ, CALL, CONSTRUCT, ESM } = ReferenceTracker;

export interface ClientType {
  sdk: Sdk;
  kind: ClientKind;
  /** `command`: v3 `client.send(new XCommand())`; `aggregated`: methods per operation (v3 `DynamoDB`, `DynamoDBDocument`, v2). */
  style: "command" | "aggregated" | "unknown";
  /** The class as exported by the SDK (`DynamoDBClient`, `DocumentClient`). */
  className: string;
}

export type SdkReference =
  | { role: "client"; client: ClientType }
  | { role: "document-from"; client: ClientType }
  | { role: "command"; pkg: string; className: string; command: CommandInfo; client: ClientType }
  | { role: "paginator"; pkg: string; command: CommandInfo; client: ClientType }
  | { role: "v2-global-config" }
  | { role: "v2-config-update" }
  | { role: "v2-config-class" }
  | { role: "v2-credentials" }
  | { role: "v2-endpoint" }
  | { role: "marshall"; direction: "marshall" | "unmarshall" };

export interface ClientCreation {
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  client: ClientType;
  /** The config argument: `new DynamoDBClient(config)`; for `DynamoDBDocumentClient.from(client, translate)` the wrapped client. */
  argument: TSESTree.Node | undefined;
}

export interface SdkReferences {
  /** Client constructions and `.from(...)` wrappers, keyed by node. */
  clients: Map<TSESTree.Node, ClientCreation>;
  /** `new XCommand(input)` for DynamoDB command classes. */
  commands: Array<{ node: TSESTree.NewExpression; pkg: string; className: string; command: CommandInfo; client: ClientType }>;
  paginators: Array<{ node: TSESTree.CallExpression; pkg: string; command: CommandInfo; client: ClientType }>;
  /** `AWS.config` reads (member expressions), to find `AWS.config.x = ...`. */
  v2GlobalConfigReads: TSESTree.Node[];
  v2ConfigUpdates: TSESTree.CallExpression[];
  v2ConfigConstructions: TSESTree.NewExpression[];
  v2CredentialsConstructions: TSESTree.NewExpression[];
  v2EndpointConstructions: TSESTree.NewExpression[];
  /** `marshall(...)`, `unmarshall(...)`, `AWS.DynamoDB.Converter.marshall(...)`: values pass through them. */
  marshallCalls: Set<TSESTree.Node>;
  /** Local names bound to DynamoDB client classes (for type annotations such as `private db: DynamoDBDocumentClient`). */
  classNames: Map<string, ClientType>;
}

const V3_LOW: ClientType = { sdk: "v3", kind: "low-level", style: "command", className: "DynamoDBClient" };
const V3_LOW_AGGREGATED: ClientType = { sdk: "v3", kind: "low-level", style: "aggregated", className: "DynamoDB" };
const V3_DOC: ClientType = { sdk: "v3", kind: "document", style: "command", className: "DynamoDBDocumentClient" };
const V3_DOC_AGGREGATED: ClientType = { sdk: "v3", kind: "document", style: "aggregated", className: "DynamoDBDocument" };
export const V2_LOW: ClientType = { sdk: "v2", kind: "low-level", style: "aggregated", className: "DynamoDB" };
export const V2_DOC: ClientType = { sdk: "v2", kind: "document", style: "aggregated", className: "DocumentClient" };

type Map_ = TraceMap<SdkReference>;

function clientEntry(client: ClientType, extra: Map_ = {}): Map_ {
  return { [READ]: { role: "client", client }, [CONSTRUCT]: { role: "client", client }, ...extra } as Map_;
}

function commandEntries(pkg: string, commands: Map<string, CommandInfo>, client: ClientType): Map_ {
  const entries: Map_ = {};
  for (const [className, command] of commands) {
    entries[className] = { [CONSTRUCT]: { role: "command", pkg, className, command, client } } as Map_;
  }
  for (const [name, operation] of Object.entries(PAGINATORS[pkg] ?? {})) {
    const command = [...commands.values()].find((candidate) => candidate.operation === operation);
    if (command) entries[name] = { [CALL]: { role: "paginator", pkg, command, client } } as Map_;
  }
  return entries;
}

const CONVERTER: Map_ = {
  marshall: { [CALL]: { role: "marshall", direction: "marshall" } },
  input: { [CALL]: { role: "marshall", direction: "marshall" } },
  unmarshall: { [CALL]: { role: "marshall", direction: "unmarshall" } },
  output: { [CALL]: { role: "marshall", direction: "unmarshall" } },
} as Map_;

const V2_DYNAMODB: Map_ = clientEntry(V2_LOW, {
  DocumentClient: clientEntry(V2_DOC),
  Converter: CONVERTER,
});

const V2_AWS: Map_ = {
  DynamoDB: V2_DYNAMODB,
  config: { [READ]: { role: "v2-global-config" }, update: { [CALL]: { role: "v2-config-update" } } },
  Config: { [CONSTRUCT]: { role: "v2-config-class" } },
  Credentials: { [CONSTRUCT]: { role: "v2-credentials" } },
  Endpoint: { [CONSTRUCT]: { role: "v2-endpoint" } },
} as Map_;

/**
 * The v3 packages' exports, marked as ES modules: ReferenceTracker then looks named imports up directly
 * (unmarked, it copies the module's whole map, some 70 commands, for each import specifier). Their default
 * export (esModuleInterop over the CommonJS builds) is the module itself, as for an unmarked module.
 */
function esModule(exports: Map_): Map_ {
  const module = { [ESM]: true, ...exports } as Map_;
  (module as Record<string, Map_>).default = module;
  return module;
}

export const SDK_TRACE_MAP: Map_ = {
  [V3_LOW_LEVEL_PACKAGE]: esModule({
    DynamoDBClient: clientEntry(V3_LOW),
    DynamoDB: clientEntry(V3_LOW_AGGREGATED),
    ...commandEntries(V3_LOW_LEVEL_PACKAGE, LOW_LEVEL_COMMANDS, V3_LOW),
  }),
  [V3_DOCUMENT_PACKAGE]: esModule({
    DynamoDBDocumentClient: clientEntry(V3_DOC, { from: { [CALL]: { role: "document-from", client: V3_DOC } } as Map_ }),
    DynamoDBDocument: clientEntry(V3_DOC_AGGREGATED, { from: { [CALL]: { role: "document-from", client: V3_DOC_AGGREGATED } } as Map_ }),
    ...commandEntries(V3_DOCUMENT_PACKAGE, DOCUMENT_COMMANDS, V3_DOC),
  }),
  [V3_UTIL_PACKAGE]: esModule({
    marshall: { [CALL]: { role: "marshall", direction: "marshall" } },
    convertToAttr: { [CALL]: { role: "marshall", direction: "marshall" } },
    unmarshall: { [CALL]: { role: "marshall", direction: "unmarshall" } },
    convertToNative: { [CALL]: { role: "marshall", direction: "unmarshall" } },
  } as Map_),
  ...Object.fromEntries(V2_PACKAGES.map((pkg) => [pkg, V2_AWS])),
  [V2_DYNAMODB_PACKAGE]: V2_DYNAMODB,
  // Dynamoose re-exports SDK v3's aggregated client: `new dynamoose.aws.ddb.DynamoDB({ endpoint })`.
  dynamoose: { aws: { ddb: { DynamoDB: clientEntry(V3_LOW_AGGREGATED) } }, default: { aws: { ddb: { DynamoDB: clientEntry(V3_LOW_AGGREGATED) } } } } as Map_,
};

/**
 * A DynamoDB command class that a project module passes on (`module.exports = { docClient, DeleteCommand }`):
 * the catalogue's entry for the class in the package the module's text names (the document client's
 * `QueryCommand` when it names @aws-sdk/lib-dynamodb).
 */
export function reexportedCommand(className: string, moduleText: string): Omit<SdkReferences["commands"][number], "node"> | undefined {
  const packages = [
    [V3_DOCUMENT_PACKAGE, DOCUMENT_COMMANDS, V3_DOC],
    [V3_LOW_LEVEL_PACKAGE, LOW_LEVEL_COMMANDS, V3_LOW],
  ] as const;
  for (const [pkg, commands, client] of packages) {
    const command = commands.get(className);
    if (command && moduleText.includes(pkg)) return { pkg, className, command, client };
  }
  return undefined;
}

/** No references: the answer for files that mention no DynamoDB package. */
export function emptySdkReferences(): SdkReferences {
  return {
    clients: new Map(),
    commands: [],
    paginators: [],
    v2GlobalConfigReads: [],
    v2ConfigUpdates: [],
    v2ConfigConstructions: [],
    v2CredentialsConstructions: [],
    v2EndpointConstructions: [],
    marshallCalls: new Set(),
    classNames: new Map(),
  };
}

export function collectSdkReferences(sourceCode: Readonly<TSESLint.SourceCode>): SdkReferences {
  const result = emptySdkReferences();
  for (const { node, info, type } of iterateModuleReferences(sourceCode, SDK_TRACE_MAP)) {
    switch (info.role) {
      case "client":
        if (type === CONSTRUCT && node.type === AST_NODE_TYPES.NewExpression) {
          result.clients.set(node, { node, client: info.client, argument: node.arguments[0] });
        } else if (type === READ) {
          const local = localNameOf(node);
          if (local) result.classNames.set(local, info.client);
        }
        break;
      case "document-from":
        if (node.type === AST_NODE_TYPES.CallExpression) result.clients.set(node, { node, client: info.client, argument: node.arguments[0] });
        break;
      case "command":
        if (node.type === AST_NODE_TYPES.NewExpression) result.commands.push({ node, pkg: info.pkg, className: info.className, command: info.command, client: info.client });
        break;
      case "paginator":
        if (node.type === AST_NODE_TYPES.CallExpression) result.paginators.push({ node, pkg: info.pkg, command: info.command, client: info.client });
        break;
      case "v2-global-config":
        result.v2GlobalConfigReads.push(node);
        break;
      case "v2-config-update":
        if (node.type === AST_NODE_TYPES.CallExpression) result.v2ConfigUpdates.push(node);
        break;
      case "v2-config-class":
        if (node.type === AST_NODE_TYPES.NewExpression) result.v2ConfigConstructions.push(node);
        break;
      case "v2-credentials":
        if (node.type === AST_NODE_TYPES.NewExpression) result.v2CredentialsConstructions.push(node);
        break;
      case "v2-endpoint":
        if (node.type === AST_NODE_TYPES.NewExpression) result.v2EndpointConstructions.push(node);
        break;
      case "marshall":
        result.marshallCalls.add(node);
        break;
    }
  }
  return result;
}

/** The local name an import specifier or destructured require binds (`import { DynamoDBClient as C }` → "C"). */
function localNameOf(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.ImportSpecifier || node.type === AST_NODE_TYPES.ImportDefaultSpecifier) return node.local.name;
  if (node.type === AST_NODE_TYPES.Property && node.value.type === AST_NODE_TYPES.Identifier) return node.value.name;
  return undefined;
}
