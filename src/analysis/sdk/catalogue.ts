// Typed views over the generated SDK catalogue: which classes, commands and methods belong to DynamoDB.
import { SDK_CATALOGUE } from "./catalogue.generated";

export const V3_LOW_LEVEL_PACKAGE = "@aws-sdk/client-dynamodb";
export const V3_DOCUMENT_PACKAGE = "@aws-sdk/lib-dynamodb";
export const V3_UTIL_PACKAGE = "@aws-sdk/util-dynamodb";
export const V2_PACKAGES = ["aws-sdk", "aws-sdk/global"] as const;
export const V2_DYNAMODB_PACKAGE = "aws-sdk/clients/dynamodb";

export type Sdk = "v2" | "v3" | "unknown";
export type ClientKind = "low-level" | "document" | "unknown";

export interface CommandInfo {
  /** Operation as the SDK names it: `Get` for lib-dynamodb's GetCommand, `GetItem` for GetItemCommand. */
  operation: string;
  /** Low-level operation name: `GetItem` for both. */
  canonical: string;
  /** The aggregated client's method name (`get`, `getItem`). */
  method: string;
  /** Security-relevant input member paths from the SDK's input type (`TransactItems[].Update.UpdateExpression`). */
  inputPaths: readonly string[];
}

const DOCUMENT_TO_LOW_LEVEL: Record<string, string> = {
  Get: "GetItem",
  Put: "PutItem",
  Update: "UpdateItem",
  Delete: "DeleteItem",
  BatchGet: "BatchGetItem",
  BatchWrite: "BatchWriteItem",
  TransactGet: "TransactGetItems",
  TransactWrite: "TransactWriteItems",
};

function commandsOf(pkg: keyof typeof SDK_CATALOGUE.packages): Map<string, CommandInfo> {
  const map = new Map<string, CommandInfo>();
  for (const [name, command] of Object.entries(SDK_CATALOGUE.packages[pkg].commands)) {
    map.set(name, {
      operation: command.operation,
      canonical: DOCUMENT_TO_LOW_LEVEL[command.operation] ?? command.operation,
      method: command.method,
      inputPaths: command.inputPaths,
    });
  }
  return map;
}

/** Command classes by package, keyed by class name (`GetItemCommand`). */
export const LOW_LEVEL_COMMANDS = commandsOf(V3_LOW_LEVEL_PACKAGE);
export const DOCUMENT_COMMANDS = commandsOf(V3_DOCUMENT_PACKAGE);

function byMethod(commands: Map<string, CommandInfo>): Map<string, CommandInfo> {
  return new Map([...commands.values()].map((command) => [command.method, command]));
}

/** Aggregated (v3 `DynamoDB`, `DynamoDBDocument`) and v2 client methods, keyed by method name. */
export const LOW_LEVEL_METHODS = byMethod(LOW_LEVEL_COMMANDS);
export const DOCUMENT_METHODS = byMethod(DOCUMENT_COMMANDS);

/** Paginator functions (`paginateQuery(config, input)`) by package. */
export const PAGINATORS: Record<string, Record<string, string>> = {
  [V3_LOW_LEVEL_PACKAGE]: { ...SDK_CATALOGUE.packages[V3_LOW_LEVEL_PACKAGE].paginators },
  [V3_DOCUMENT_PACKAGE]: { ...SDK_CATALOGUE.packages[V3_DOCUMENT_PACKAGE].paginators },
};

/** Operations that read or write items (the data plane); the rest manage tables, backups and so on. */
export const DATA_PLANE_OPERATIONS = new Set([
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "Scan",
  "BatchGetItem",
  "BatchWriteItem",
  "TransactGetItems",
  "TransactWriteItems",
  "ExecuteStatement",
  "BatchExecuteStatement",
  "ExecuteTransaction",
]);

export function commandForMethod(kind: ClientKind, method: string): CommandInfo | undefined {
  if (kind === "low-level") return LOW_LEVEL_METHODS.get(method);
  if (kind === "document") return DOCUMENT_METHODS.get(method);
  return DOCUMENT_METHODS.get(method) ?? LOW_LEVEL_METHODS.get(method);
}
