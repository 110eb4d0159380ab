// Which expressions hold a DynamoDB client: constructions, `.from(...)` wrappers, and the variables,
// class fields, constructor-injected parameters, object members and helper results they flow into.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { enclosingClass, memberChain, requiredSpecifier, staticKeyName, unwrap } from "./ast";
import type { FileIndex } from "./file-index";
import { importedModuleOf, type ScopeIndex } from "./scope";
import { V2_DOC, V2_LOW, type ClientType, type SdkReferences } from "./sdk/recognizer";
import type { ValueResolver } from "./values";

type Node = TSESTree.Node;

/** A client whose construction is not visible (a project module named in settings.clientModules). */
export const UNKNOWN_CLIENT: ClientType = { sdk: "unknown", kind: "unknown", style: "unknown", className: "unknown" };

export class ClientResolver {
  private readonly cache = new Map<Node, ClientType | null>();

  constructor(
    private readonly sdk: SdkReferences,
    private readonly scope: ScopeIndex,
    private readonly values: ValueResolver,
    private readonly index: FileIndex,
    private readonly clientModules: readonly string[],
    /** A client exported by the project module an imported binding comes from (cross-module analysis). */
    private readonly importedClient?: (identifier: TSESTree.Identifier) => ClientType | undefined,
  ) {}

  /** The client type an expression holds, or undefined when it is not (known to be) a DynamoDB client. */
  clientTypeOf(node: Node, depth = 0): ClientType | undefined {
    if (depth > 12) return undefined;
    const current = unwrap(node);
    const cached = this.cache.get(current);
    if (cached !== undefined) return cached ?? undefined;
    this.cache.set(current, null); // cycles resolve to "not a client"
    const result = this.compute(current, depth);
    this.cache.set(current, result ?? null);
    return result;
  }

  private compute(node: Node, depth: number): ClientType | undefined {
    const creation = this.sdk.clients.get(node);
    if (creation) return creation.client;
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.clientTypeOf(node.argument, depth + 1);
      case AST_NODE_TYPES.Identifier:
        return this.identifierClient(node, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const chain = memberChain(node);
        if (chain?.root.type === AST_NODE_TYPES.ThisExpression && chain.path.length === 1) return this.classFieldClient(node, chain.path[0], depth);
        const key = staticKeyName(node);
        if (key === undefined) return undefined;
        const holder = this.values.resolveObject(node.object);
        const property = holder?.properties.get(key);
        return property ? this.clientTypeOf(property.value, depth + 1) : undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const helper = this.values.sameFileFunction(unwrap(node.callee));
        if (!helper) return undefined;
        for (const returned of this.values.returnsOf(helper)) {
          const type = this.clientTypeOf(returned, depth + 1);
          if (type) return type;
        }
        return undefined;
      }
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ConditionalExpression: {
        const [a, b] = node.type === AST_NODE_TYPES.LogicalExpression ? [node.left, node.right] : [node.consequent, node.alternate];
        return this.clientTypeOf(a, depth + 1) ?? this.clientTypeOf(b, depth + 1);
      }
      default:
        return undefined;
    }
  }

  private identifierClient(identifier: TSESTree.Identifier, depth: number): ClientType | undefined {
    const variable = this.scope.variableOf(identifier);
    const definition = variable?.defs[0];
    if (!variable || !definition) return undefined;
    if (definition.type === "ImportBinding") {
      const source = importedModuleOf(definition);
      if (source !== undefined && this.clientModules.includes(source)) return UNKNOWN_CLIENT;
      return this.importedClient?.(identifier);
    }
    if (definition.type === "Parameter") return this.annotatedClient(definition.name);
    if (definition.type !== "Variable") return undefined;
    const declarator = definition.node as TSESTree.VariableDeclarator;
    // const { db } = require("./db") with "./db" in clientModules
    const init = declarator.init ? unwrap(declarator.init) : undefined;
    if (init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === "require") {
      const source = requiredSpecifier(init);
      if (source !== undefined && this.clientModules.includes(source)) return UNKNOWN_CLIENT;
      const imported = this.importedClient?.(identifier);
      if (imported) return imported;
    }
    for (const write of this.scope.writesOf(variable)) {
      if (!write.value || write.path.length > 0) continue;
      const type = this.clientTypeOf(write.value, depth + 1);
      if (type) return type;
    }
    return this.annotatedClient(definition.name);
  }

  /** `this.db` inside a class: a field initialiser, a constructor parameter property, or `this.db = ...`. */
  private classFieldClient(node: TSESTree.MemberExpression, name: string, depth: number): ClientType | undefined {
    const owner = enclosingClass(node);
    if (!owner) return undefined;
    for (const member of owner.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && staticKeyName(member) === name) {
        if (member.value) {
          const type = this.clientTypeOf(member.value, depth + 1);
          if (type) return type;
        }
        const annotated = this.annotatedClient(member);
        if (annotated) return annotated;
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor") {
        for (const parameter of member.value.params) {
          if (parameter.type === AST_NODE_TYPES.TSParameterProperty && parameter.parameter.type === AST_NODE_TYPES.Identifier && parameter.parameter.name === name) {
            const annotated = this.annotatedClient(parameter.parameter);
            if (annotated) return annotated;
          }
        }
      }
    }
    for (const assignment of this.index.assignments) {
      if (assignment.operator !== "=" || enclosingClass(assignment) !== owner) continue;
      const chain = memberChain(assignment.left);
      if (chain?.root.type === AST_NODE_TYPES.ThisExpression && chain.path.length === 1 && chain.path[0] === name) {
        const type = this.clientTypeOf(assignment.right, depth + 1);
        if (type) return type;
      }
    }
    return undefined;
  }

  /** A type annotation naming a DynamoDB client class: `db: DynamoDBDocumentClient`, `AWS.DynamoDB.DocumentClient`. */
  private annotatedClient(node: Node): ClientType | undefined {
    const annotation = "typeAnnotation" in node ? (node.typeAnnotation as TSESTree.TSTypeAnnotation | undefined)?.typeAnnotation : undefined;
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    const typeName = annotation.typeName;
    if (typeName.type === AST_NODE_TYPES.Identifier) return this.sdk.classNames.get(typeName.name);
    const parts: string[] = [];
    let current: TSESTree.EntityName = typeName;
    while (current.type === AST_NODE_TYPES.TSQualifiedName) {
      parts.unshift(current.right.name);
      current = current.left;
    }
    if (current.type === AST_NODE_TYPES.Identifier) parts.unshift(current.name);
    const text = parts.join(".");
    if (text.endsWith("DynamoDB.DocumentClient")) return V2_DOC;
    if (parts.length === 2 && parts[1] === "DynamoDB") return V2_LOW;
    return undefined;
  }
}
