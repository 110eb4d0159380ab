// The primitive type an expression has on its face, without a type checker: literals, conversions
// (`Number(x)`), `as` casts, and TypeScript annotations on the declaration, followed through destructuring
// and member access into type literals, interfaces and type aliases of the same file. Undefined when
// nothing says; bounded like everything in the analysis.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { staticKeyName } from "./ast";
import { patternPath, type ScopeIndex } from "./scope";

type Node = TSESTree.Node;
export type PrimitiveType = "string" | "number" | "boolean";

const MAX_DEPTH = 12;

export function declaredType(node: Node, scope: ScopeIndex, depth = 0): PrimitiveType | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === "string" || typeof node.value === "number" || typeof node.value === "boolean" ? (typeof node.value as PrimitiveType) : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return "string";
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return primitiveOf(node.typeAnnotation, scope, depth + 1) ?? declaredType(node.expression, scope, depth + 1);
    case AST_NODE_TYPES.TSNonNullExpression:
      return declaredType(node.expression, scope, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === "-" || node.operator === "+" ? "number" : node.operator === "!" ? "boolean" : undefined;
    case AST_NODE_TYPES.CallExpression: {
      const callee = node.callee;
      if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
      if (callee.name === "String") return "string";
      if (callee.name === "Number" || callee.name === "parseInt" || callee.name === "parseFloat") return "number";
      if (callee.name === "Boolean") return "boolean";
      return undefined;
    }
    case AST_NODE_TYPES.Identifier:
      return identifierType(node, scope, depth + 1);
    case AST_NODE_TYPES.MemberExpression: {
      const key = staticKeyName(node);
      const objectType = key === undefined ? undefined : typeNodeOf(node.object, scope, depth + 1);
      const member = objectType && key !== undefined ? memberType(objectType, key, scope, depth + 1) : undefined;
      return member ? primitiveOf(member, scope, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

type TypeNode = TSESTree.TypeNode;

function identifierType(identifier: TSESTree.Identifier, scope: ScopeIndex, depth: number): PrimitiveType | undefined {
  const type = declaredTypeNode(identifier, scope, depth);
  if (type) return primitiveOf(type, scope, depth);
  // `const n = Number(x)`: the initialiser's type, for variables written once.
  const variable = scope.variableOf(identifier);
  if (variable?.defs[0]?.type !== "Variable") return undefined;
  const writes = scope.writesOf(variable);
  return writes.length === 1 && writes[0].value && writes[0].path.length === 0 ? declaredType(writes[0].value, scope, depth + 1) : undefined;
}

/** The annotated type of what an identifier names, through destructuring of annotated parameters and variables. */
function declaredTypeNode(identifier: TSESTree.Identifier, scope: ScopeIndex, depth: number): TypeNode | undefined {
  const variable = scope.variableOf(identifier);
  const definition = variable?.defs[0];
  if (!definition || (definition.type !== "Parameter" && definition.type !== "Variable")) return undefined;
  const name = definition.name as TSESTree.Identifier;
  if (name.typeAnnotation) return name.typeAnnotation.typeAnnotation;
  const { root, path } = patternPath(name);
  let type: TypeNode | undefined;
  if ("typeAnnotation" in root && root.typeAnnotation && root.typeAnnotation.type === AST_NODE_TYPES.TSTypeAnnotation) {
    type = root.typeAnnotation.typeAnnotation;
  } else if (root.parent?.type === AST_NODE_TYPES.VariableDeclarator && root.parent.id === root && root.parent.init) {
    type = typeNodeOf(root.parent.init, scope, depth + 1);
  }
  for (const key of path) {
    if (!type) return undefined;
    type = memberType(type, key, scope, depth + 1);
  }
  return path.length > 0 || root !== name ? type : undefined;
}

/** The annotated type of an object-valued expression (an identifier or a member chain). */
function typeNodeOf(node: Node, scope: ScopeIndex, depth: number): TypeNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (node.type === AST_NODE_TYPES.Identifier) return declaredTypeNode(node, scope, depth + 1);
  if (node.type === AST_NODE_TYPES.TSAsExpression) return node.typeAnnotation;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const key = staticKeyName(node);
    const objectType = key === undefined ? undefined : typeNodeOf(node.object, scope, depth + 1);
    return objectType && key !== undefined ? memberType(objectType, key, scope, depth + 1) : undefined;
  }
  return undefined;
}

/** The type of member `key` of an object type: type literals, same-file interfaces and type aliases, intersections. */
function memberType(type: TypeNode, key: string, scope: ScopeIndex, depth: number): TypeNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeLiteral:
      return membersType(type.members, key);
    case AST_NODE_TYPES.TSIntersectionType:
      for (const part of type.types) {
        const found = memberType(part, key, scope, depth + 1);
        if (found) return found;
      }
      return undefined;
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
      const declaration = scope.variableOf(type.typeName)?.defs.find((definition) => definition.type === "Type")?.node;
      if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration) return membersType(declaration.body.body, key);
      if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) return memberType(declaration.typeAnnotation, key, scope, depth + 1);
      return undefined;
    }
    default:
      return undefined;
  }
}

function membersType(members: readonly TSESTree.TypeElement[], key: string): TypeNode | undefined {
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.TSPropertySignature || member.computed) continue;
    const name = member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : member.key.type === AST_NODE_TYPES.Literal ? String(member.key.value) : undefined;
    if (name === key) return member.typeAnnotation?.typeAnnotation;
  }
  return undefined;
}

function primitiveOf(type: TypeNode, scope: ScopeIndex, depth: number): PrimitiveType | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (type.type) {
    case AST_NODE_TYPES.TSStringKeyword:
      return "string";
    case AST_NODE_TYPES.TSNumberKeyword:
      return "number";
    case AST_NODE_TYPES.TSBooleanKeyword:
      return "boolean";
    case AST_NODE_TYPES.TSLiteralType:
      return type.literal.type === AST_NODE_TYPES.Literal && (typeof type.literal.value === "string" || typeof type.literal.value === "number" || typeof type.literal.value === "boolean")
        ? (typeof type.literal.value as PrimitiveType)
        : type.literal.type === AST_NODE_TYPES.TemplateLiteral
          ? "string"
          : undefined;
    case AST_NODE_TYPES.TSUnionType: {
      let found: PrimitiveType | undefined;
      for (const part of type.types) {
        if (part.type === AST_NODE_TYPES.TSUndefinedKeyword || part.type === AST_NODE_TYPES.TSNullKeyword) continue;
        const primitive = primitiveOf(part, scope, depth + 1);
        if (!primitive || (found && found !== primitive)) return undefined;
        found = primitive;
      }
      return found;
    }
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
      const declaration = scope.variableOf(type.typeName)?.defs.find((definition) => definition.type === "Type")?.node;
      return declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration ? primitiveOf(declaration.typeAnnotation, scope, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}
