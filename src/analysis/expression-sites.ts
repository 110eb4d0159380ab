// Where DynamoDB expression text and PartiQL statements are written: every expression-bearing member of
// every operation's input (the member paths come from the SDK's input types, see sdk/catalogue.ts), and
// object literals that are plainly DynamoDB inputs (a TableName plus an expression member) even when the
// call that sends them is in another module. Plus the little the rules need to know about both languages.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, isFunction, staticKeyName, unwrap } from "./ast";
import type { FileIndex } from "./file-index";
import type { Operation } from "./operations";
import { DOCUMENT_COMMANDS, LOW_LEVEL_COMMANDS, type ClientKind, type CommandInfo } from "./sdk/catalogue";
import { textMayContain } from "./text-checks";
import { type ResolvedObject, type ResolvedProperty, type ValueResolver } from "./values";

type Node = TSESTree.Node;

export type ExpressionLanguage = "expression" | "partiql";

export interface ExpressionSite {
  /** The member as the SDK names it: `FilterExpression`, `Statement`. */
  member: string;
  /** The member's path in the operation input (`TransactItems[].Update.UpdateExpression`), or the member for standalone objects. */
  path: string;
  language: ExpressionLanguage;
  property: ResolvedProperty;
  /** The expressions whose text makes up the member: its value, then each `+=` append. */
  values: Node[];
  /** The object that holds the member, resolved (siblings such as ExpressionAttributeValues, Parameters). */
  holder: ResolvedObject;
  /** The object literal that holds the member's property, when it is one. */
  holderLiteral: TSESTree.ObjectExpression | undefined;
  /** The operation whose input holds the member; undefined for standalone DynamoDB-shaped objects. */
  operation: Operation | undefined;
  /** Document client (native values) or low-level client (AttributeValue maps), when known. */
  client: ClientKind;
}

const PATH_SEGMENT = /^(\w+)((?:\[\]|\{\})*)$/;

function memberNames(test: (member: string) => boolean): Set<string> {
  const names = new Set<string>();
  for (const commands of [LOW_LEVEL_COMMANDS, DOCUMENT_COMMANDS]) {
    for (const command of commands.values()) {
      for (const path of command.inputPaths) {
        const member = path.slice(path.lastIndexOf(".") + 1);
        if (test(member)) names.add(member);
      }
    }
  }
  return names;
}

/** Members that hold DynamoDB expression text, by name, from the SDK's input types. */
export const EXPRESSION_MEMBERS: ReadonlySet<string> = memberNames((member) => member.endsWith("Expression"));
const EXPRESSION_MEMBER_NAMES = [...EXPRESSION_MEMBERS];
/**
 * Could the text name an expression member (`FilterExpression`, `UpdateExpression`, ...)? A site outside a
 * DynamoDB file is always an expression member written in the file, by name; the cheap pre-check for them.
 * "Expression" first: one scan rules out most files. Escape sequences can spell any name (textMayContain decodes them).
 */
export function mentionsExpressionMember(text: string): boolean {
  return textMayContain(text, ["Expression"]) && textMayContain(text, EXPRESSION_MEMBER_NAMES);
}
const DYNAMODB_SYNTAX = /(?:^|[\s(,=<>])[#:]\w|\b(?:attribute_exists|attribute_not_exists|attribute_type|begins_with|size|contains|if_not_exists|list_append)\(/;
/** Expression members no other AWS API has. */
const DISTINCT_EXPRESSION_MEMBERS = new Set(["KeyConditionExpression", "UpdateExpression", "ConditionExpression", "ProjectionExpression"]);
/** Members that hold a PartiQL statement. */
export const STATEMENT_MEMBERS: ReadonlySet<string> = memberNames((member) => member === "Statement");

/** Keys an ExecuteStatement input (or a batch/transaction statement entry) may have. */
const STATEMENT_INPUT_KEYS = new Set(["Statement", "Parameters", "ConsistentRead", "NextToken", "ReturnConsumedCapacity", "Limit", "ReturnValuesOnConditionCheckFailure"]);
const PARTIQL_VERB = /^\s*(?:select|insert|update|delete|exists)\b/i;
const ATTRIBUTE_VALUE_TYPES = new Set(["S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"]);
const MAX_NODES = 400;

interface PathStep {
  name: string;
  suffixes: Array<"[]" | "{}">;
}

function parsePath(path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  for (const segment of path.split(".")) {
    const match = PATH_SEGMENT.exec(segment);
    if (!match) return undefined;
    const suffixes: Array<"[]" | "{}"> = [];
    for (let i = 0; i < match[2].length; i += 2) suffixes.push(match[2].slice(i, i + 2) as "[]" | "{}");
    steps.push({ name: match[1], suffixes });
  }
  return steps;
}

interface ExpressionPath {
  path: string;
  member: string;
  language: ExpressionLanguage;
  steps: PathStep[];
}

// The catalogue's commands are fixed: each one's expression and statement paths are parsed once per process.
const expressionPaths = new WeakMap<CommandInfo, ExpressionPath[]>();

/** The input paths of a command that hold expression text or a PartiQL statement, parsed. */
function expressionPathsOf(command: CommandInfo): ExpressionPath[] {
  let paths = expressionPaths.get(command);
  if (!paths) {
    paths = [];
    for (const path of command.inputPaths) {
      const member = path.slice(path.lastIndexOf(".") + 1);
      const language = EXPRESSION_MEMBERS.has(member) ? "expression" : STATEMENT_MEMBERS.has(member) ? "partiql" : undefined;
      const steps = language && parsePath(path);
      if (language && steps) paths.push({ path, member, language, steps });
    }
    expressionPaths.set(command, paths);
  }
  return paths;
}

export function collectExpressionSites(
  operations: readonly Operation[],
  values: ValueResolver,
  index: FileIndex,
  mentionsDynamoDB: boolean,
): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const seen = new Set<Node>();
  const budget = { nodes: MAX_NODES * Math.max(1, operations.length) };
  const add = (site: Omit<ExpressionSite, "values" | "holderLiteral">) => {
    if (seen.has(site.property.value)) return;
    const siteValues = [site.property.value, ...(site.property.appends ?? [])];
    for (const value of siteValues) seen.add(value);
    const literal = site.property.property?.parent;
    sites.push({ ...site, values: siteValues, holderLiteral: literal?.type === AST_NODE_TYPES.ObjectExpression ? literal : undefined });
  };

  for (const operation of operations) {
    if (!operation.input) continue;
    const roots = objectsOf(operation.input, values);
    if (roots.length === 0) continue;
    for (const { path, member, language, steps } of expressionPathsOf(operation.command)) {
      for (const { holder, property } of walkPath(roots, steps, values, budget)) {
        if (seen.has(property.value)) continue;
        add({ member, path, language, property, holder, operation, client: operation.client !== "unknown" ? operation.client : inferClient(holder, values) });
      }
    }
  }

  // Object literals that are plainly DynamoDB inputs, wherever they are sent from.
  for (const object of index.objects) {
    if (--budget.nodes < -MAX_NODES * 10) break;
    let candidate = false;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = staticKeyName(property);
      if (key !== undefined && (key === "TableName" || EXPRESSION_MEMBERS.has(key) || STATEMENT_MEMBERS.has(key))) candidate = true;
    }
    // An operation's input literal, its members found above already: nothing is new in it.
    if (!candidate || allSeen(object, seen)) continue;
    const declarator = object.parent;
    const holder =
      (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === object && declarator.id.type === AST_NODE_TYPES.Identifier
        ? values.resolveObject(declarator.id)
        : undefined) ?? values.resolveObject(object);
    if (!holder) continue;
    let client: ClientKind | undefined;
    const clientOf = () => (client ??= inferClient(holder, values));
    if (holder.properties.has("TableName")) {
      // Members set directly, or in objects spread in under a condition.
      for (const part of [holder, ...objectsOf(object, values).slice(1)]) {
        for (const [member, property] of part.properties) {
          if (EXPRESSION_MEMBERS.has(member) && !seen.has(property.value)) add({ member, path: member, language: "expression", property, holder: part, operation: undefined, client: clientOf() });
        }
      }
    }
    const statement = holder.properties.get("Statement");
    if (mentionsDynamoDB && statement && [...holder.properties.keys()].every((key) => STATEMENT_INPUT_KEYS.has(key))) {
      const text = values.resolveString(statement.value).alternatives[0];
      const first = text?.[0];
      if (first?.kind === "text" && PARTIQL_VERB.test(first.value)) {
        add({ member: "Statement", path: "Statement", language: "partiql", property: statement, holder, operation: undefined, client: clientOf() });
      }
    }
  }
  // `params.FilterExpression = ...` / `+= ...` on an object built elsewhere (a parameter, another module's).
  for (const assignment of index.assignments) {
    const left = assignment.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression || (assignment.operator !== "=" && assignment.operator !== "+=")) continue;
    const member = staticKeyName(left);
    if (member === undefined || !EXPRESSION_MEMBERS.has(member) || seen.has(assignment.right)) continue;
    const holder = values.resolveObject(left.object) ?? { properties: new Map(), complete: false };
    // FilterExpression is also X-Ray's: elsewhere, ask for a DynamoDB file, a TableName beside it, or DynamoDB syntax.
    if (!mentionsDynamoDB && !holder.properties.has("TableName") && !DISTINCT_EXPRESSION_MEMBERS.has(member) && !looksLikeDynamoDB(assignment.right, values)) continue;
    const property: ResolvedProperty = { name: member, value: assignment.right, assignment };
    add({ member, path: member, language: "expression", property, holder, operation: undefined, client: inferClient(holder, values) });
  }
  return sites;
}

/** Constant text with DynamoDB expression syntax: placeholders or DynamoDB's functions. */
function looksLikeDynamoDB(node: Node, values: ValueResolver): boolean {
  for (const alternative of values.resolveString(node).alternatives) {
    for (const segment of alternative) {
      if (segment.kind === "text" && DYNAMODB_SYNTAX.test(segment.value)) return true;
    }
  }
  return false;
}

function walkPath(
  roots: ResolvedObject[],
  steps: PathStep[],
  values: ValueResolver,
  budget: { nodes: number },
): Array<{ holder: ResolvedObject; property: ResolvedProperty }> {
  const found: Array<{ holder: ResolvedObject; property: ResolvedProperty }> = [];
  let holders = roots;
  steps.forEach((step, i) => {
    const next: ResolvedObject[] = [];
    for (const holder of holders) {
      const property = holder.properties.get(step.name);
      if (!property) continue;
      if (i === steps.length - 1) {
        found.push({ holder, property });
        continue;
      }
      let nodes: Node[] = [property.value];
      for (const suffix of step.suffixes) nodes = nodes.flatMap((node) => (suffix === "[]" ? elementsOf(node, values) : recordValuesOf(node, values)));
      for (const node of nodes) {
        if (--budget.nodes < 0) return;
        next.push(...objectsOf(node, values));
      }
    }
    holders = next;
  });
  return found;
}

/**
 * The object a value resolves to, plus the objects spread into it under a condition
 * (`...(status ? { FilterExpression: ... } : {})`, `...(q && { ... })`): members may come from either.
 */
function objectsOf(node: Node, values: ValueResolver): ResolvedObject[] {
  const objects: ResolvedObject[] = [];
  const resolved = values.resolveObject(node);
  if (resolved) objects.push(resolved);
  const pending: Array<{ node: Node; depth: number }> = [{ node, depth: 0 }];
  while (pending.length > 0 && objects.length < 16) {
    const { node: current, depth } = pending.pop()!;
    const definition = values.definitionOf(current);
    if (definition?.type !== AST_NODE_TYPES.ObjectExpression || depth > 3) continue;
    for (const property of definition.properties) {
      if (property.type !== AST_NODE_TYPES.SpreadElement) continue;
      const argument = unwrap(property.argument);
      const branches =
        argument.type === AST_NODE_TYPES.ConditionalExpression ? [argument.consequent, argument.alternate]
        : argument.type === AST_NODE_TYPES.LogicalExpression ? (argument.operator === "&&" ? [argument.right] : [argument.left, argument.right])
        : [];
      for (const branch of branches) {
        const object = values.resolveObject(branch);
        if (object) objects.push(object);
        pending.push({ node: branch, depth: depth + 1 });
      }
    }
  }
  return objects;
}

/** Elements of an array value: a literal (through variables and pushes) or `xs.map((x) => ({ ... }))`. */
function elementsOf(node: Node, values: ValueResolver): Node[] {
  const elements = values.arrayElements(node);
  if (elements) return elements;
  const definition = values.definitionOf(node);
  if (definition?.type === AST_NODE_TYPES.CallExpression && (calleeName(definition) === "map" || calleeName(definition) === "flatMap")) {
    const argument = definition.arguments[0];
    const callback = argument ? unwrap(argument) : undefined;
    const fn = isFunction(callback) ? callback : callback ? values.sameFileFunction(callback) : undefined;
    if (fn) return values.returnsOf(fn);
  }
  return [];
}

/** Values of a record keyed by table name: `{ [TABLE]: { ... } }` (computed keys included). */
function recordValuesOf(node: Node, values: ValueResolver): Node[] {
  const definition = values.definitionOf(node);
  if (definition?.type === AST_NODE_TYPES.ObjectExpression) {
    const result: Node[] = [];
    for (const property of definition.properties) {
      if (property.type === AST_NODE_TYPES.Property) result.push(property.value);
      else for (const spread of values.resolveObject(property.argument)?.properties.values() ?? []) result.push(spread.value);
    }
    return result;
  }
  return [...(values.resolveObject(node)?.properties.values() ?? [])].map((property) => property.value);
}

/** A literal without spreads whose expression and statement members' values are all sites already. */
function allSeen(object: TSESTree.ObjectExpression, seen: ReadonlySet<Node>): boolean {
  let members = 0;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = staticKeyName(property);
    if (key === undefined) return false;
    if (!EXPRESSION_MEMBERS.has(key) && !STATEMENT_MEMBERS.has(key)) continue;
    if (!seen.has(property.value)) return false;
    members++;
  }
  return members > 0;
}

/**
 * The client style an input is written for, from its attribute values: `{ S: "x" }` maps and `marshall(...)`
 * are the low-level client's, plain literals the document client's. Unknown when nothing tells.
 */
export function inferClient(holder: ResolvedObject, values: ValueResolver): ClientKind {
  let lowLevel = 0;
  let document = 0;
  const vote = (node: Node) => {
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      const keys = value.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? staticKeyName(property) : undefined));
      if (keys.length === 1 && keys[0] !== undefined && ATTRIBUTE_VALUE_TYPES.has(keys[0])) lowLevel++;
    } else if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) {
      document++;
    }
  };
  for (const member of ["Key", "Item", "ExpressionAttributeValues", "ExclusiveStartKey", "Parameters"]) {
    const property = holder.properties.get(member);
    if (!property) continue;
    const definition = values.definitionOf(property.value);
    if (!definition) continue;
    if (definition.type === AST_NODE_TYPES.CallExpression && (calleeName(definition) === "marshall" || calleeName(definition) === "input")) {
      lowLevel++;
    } else if (definition.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of definition.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) vote(element);
    } else if (definition.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of definition.properties) if (property.type === AST_NODE_TYPES.Property) vote(property.value);
    }
  }
  if (lowLevel > 0 && document === 0) return "low-level";
  if (document > 0 && lowLevel === 0) return "document";
  return "unknown";
}

// ---------------------------------------------------------------- the expression language

/** DynamoDB's reserved words (case-insensitive), from the developer guide's "Reserved words in DynamoDB". */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  `ABORT ABSOLUTE ACTION ADD AFTER AGENT AGGREGATE ALL ALLOCATE ALTER ANALYZE AND ANY ARCHIVE ARE ARRAY AS ASC ASCII ASENSITIVE
  ASSERTION ASYMMETRIC AT ATOMIC ATTACH ATTRIBUTE AUTH AUTHORIZATION AUTHORIZE AUTO AVG BACK BACKUP BASE BATCH BEFORE BEGIN BETWEEN
  BIGINT BINARY BIT BLOB BLOCK BOOLEAN BOTH BREADTH BUCKET BULK BY BYTE CALL CALLED CALLING CAPACITY CASCADE CASCADED CASE CAST
  CATALOG CHAR CHARACTER CHECK CLASS CLOB CLOSE CLUSTER CLUSTERED CLUSTERING CLUSTERS COALESCE COLLATE COLLATION COLLECTION COLUMN
  COLUMNS COMBINE COMMENT COMMIT COMPACT COMPILE COMPRESS CONDITION CONFLICT CONNECT CONNECTION CONSISTENCY CONSISTENT CONSTRAINT
  CONSTRAINTS CONSTRUCTOR CONSUMED CONTINUE CONVERT COPY CORRESPONDING COUNT COUNTER CREATE CROSS CUBE CURRENT CURSOR CYCLE DATA
  DATABASE DATE DATETIME DAY DEALLOCATE DEC DECIMAL DECLARE DEFAULT DEFERRABLE DEFERRED DEFINE DEFINED DEFINITION DELETE DELIMITED
  DEPTH DEREF DESC DESCRIBE DESCRIPTOR DETACH DETERMINISTIC DIAGNOSTICS DIRECTORIES DISABLE DISCONNECT DISTINCT DISTRIBUTE DO DOMAIN
  DOUBLE DROP DUMP DURATION DYNAMIC EACH ELEMENT ELSE ELSEIF EMPTY ENABLE END EQUAL EQUALS ERROR ESCAPE ESCAPED EVAL EVALUATE
  EXCEEDED EXCEPT EXCEPTION EXCEPTIONS EXCLUSIVE EXEC EXECUTE EXISTS EXIT EXPLAIN EXPLODE EXPORT EXPRESSION EXTENDED EXTERNAL EXTRACT
  FAIL FALSE FAMILY FETCH FIELDS FILE FILTER FILTERING FINAL FINISH FIRST FIXED FLATTERN FLOAT FOR FORCE FOREIGN FORMAT FORWARD FOUND
  FREE FROM FULL FUNCTION FUNCTIONS GENERAL GENERATE GET GLOB GLOBAL GO GOTO GRANT GREATER GROUP GROUPING HANDLER HASH HAVE HAVING
  HEAP HIDDEN HOLD HOUR IDENTIFIED IDENTITY IF IGNORE IMMEDIATE IMPORT IN INCLUDING INCLUSIVE INCREMENT INCREMENTAL INDEX INDEXED
  INDEXES INDICATOR INFINITE INITIALLY INLINE INNER INNTER INOUT INPUT INSENSITIVE INSERT INSTEAD INT INTEGER INTERSECT INTERVAL INTO
  INVALIDATE IS ISOLATION ITEM ITEMS ITERATE JOIN KEY KEYS LAG LANGUAGE LARGE LAST LATERAL LEAD LEADING LEAVE LEFT LENGTH LESS LEVEL
  LIKE LIMIT LIMITED LINES LIST LOAD LOCAL LOCALTIME LOCALTIMESTAMP LOCATION LOCATOR LOCK LOCKS LOG LOGED LONG LOOP LOWER MAP MATCH
  MATERIALIZED MAX MAXLEN MEMBER MERGE METHOD METRICS MIN MINUS MINUTE MISSING MOD MODE MODIFIES MODIFY MODULE MONTH MULTI MULTISET
  NAME NAMES NATIONAL NATURAL NCHAR NCLOB NEW NEXT NO NONE NOT NULL NULLIF NUMBER NUMERIC OBJECT OF OFFLINE OFFSET OLD ON ONLINE ONLY
  OPAQUE OPEN OPERATOR OPTION OR ORDER ORDINALITY OTHER OTHERS OUT OUTER OUTPUT OVER OVERLAPS OVERRIDE OWNER PAD PARALLEL PARAMETER
  PARAMETERS PARTIAL PARTITION PARTITIONED PARTITIONS PATH PERCENT PERCENTILE PERMISSION PERMISSIONS PIPE PIPELINED PLAN POOL
  POSITION PRECISION PREPARE PRESERVE PRIMARY PRIOR PRIVATE PRIVILEGES PROCEDURE PROCESSED PROJECT PROJECTION PROPERTY PROVISIONING
  PUBLIC PUT QUERY QUIT QUORUM RAISE RANDOM RANGE RANK RAW READ READS REAL REBUILD RECORD RECURSIVE REDUCE REF REFERENCE REFERENCES
  REFERENCING REGEXP REGION REINDEX RELATIVE RELEASE REMAINDER RENAME REPEAT REPLACE REQUEST RESET RESIGNAL RESOURCE RESPONSE RESTORE
  RESTRICT RESULT RETURN RETURNING RETURNS REVERSE REVOKE RIGHT ROLE ROLES ROLLBACK ROLLUP ROUTINE ROW ROWS RULE RULES SAMPLE
  SATISFIES SAVE SAVEPOINT SCAN SCHEMA SCOPE SCROLL SEARCH SECOND SECTION SEGMENT SEGMENTS SELECT SELF SEMI SENSITIVE SEPARATE
  SEQUENCE SERIALIZABLE SESSION SET SETS SHARD SHARE SHARED SHORT SHOW SIGNAL SIMILAR SIZE SKEWED SMALLINT SNAPSHOT SOME SOURCE SPACE
  SPACES SPARSE SPECIFIC SPECIFICTYPE SPLIT SQL SQLCODE SQLERROR SQLEXCEPTION SQLSTATE SQLWARNING START STATE STATIC STATUS STORAGE
  STORE STORED STREAM STRING STRUCT STYLE SUB SUBMULTISET SUBPARTITION SUBSTRING SUBTYPE SUM SUPER SYMMETRIC SYNONYM SYSTEM TABLE
  TABLESAMPLE TEMP TEMPORARY TERMINATED TEXT THAN THEN THROUGHPUT TIME TIMESTAMP TIMEZONE TINYINT TO TOKEN TOTAL TOUCH TRAILING
  TRANSACTION TRANSFORM TRANSLATE TRANSLATION TREAT TRIGGER TRIM TRUE TRUNCATE TTL TUPLE TYPE UNDER UNDO UNION UNIQUE UNIT UNKNOWN
  UNLOGGED UNNEST UNPROCESSED UNSIGNED UNTIL UPDATE UPPER URL USAGE USE USER USERS USING UUID VACUUM VALUE VALUED VALUES VARCHAR
  VARIABLE VARIANCE VARINT VARYING VIEW VIEWS VIRTUAL VOID WAIT WHEN WHENEVER WHERE WHILE WINDOW WITH WITHIN WITHOUT WORK WRAPPED
  WRITE YEAR ZONE`.split(/\s+/),
);

/** Words that are the expression language's own syntax (never attribute names to alias). */
const EXPRESSION_KEYWORDS = new Set(["AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE"]);

function isNameChar(char: string | undefined): boolean {
  return char !== undefined && /^\w$/.test(char);
}

/** The position of a non-constant part in expression text, from the constant text around it. */
export type ExpressionPosition =
  /** Inside a placeholder token (`#${k}`, `:v${i}`): it cannot change the expression's structure. */
  | { kind: "placeholder" }
  /** A whole operand on its own (`status = ${s}`, `${field} = :v`): a placeholder can replace it. */
  | { kind: "operand"; valueLikely: boolean }
  /** A list index in a document path (`list[${i}]`): only a literal number is valid there. */
  | { kind: "index" }
  /** Glued to other text (`prefix_${x}`, `${a}.${b}`), or the whole expression: no mechanical remedy. */
  | { kind: "fragment" };

export function expressionPosition(before: string, after: string): ExpressionPosition {
  let i = before.length - 1;
  while (i >= 0 && isNameChar(before[i])) i--;
  // A placeholder token starts with # or : (`#${k}`, `:v${i}`); `USER#${id}` is not one.
  if (i >= 0 && (before[i] === "#" || before[i] === ":") && !isNameChar(before[i - 1])) return { kind: "placeholder" };
  const last = before[before.length - 1];
  const next = after[0];
  if (last === "[" && next === "]") return { kind: "index" };
  if (isNameChar(last) || last === "." || last === "#" || last === ":" || isNameChar(next) || next === "." || next === "[" || next === "(" || next === "#" || next === ":") {
    return { kind: "fragment" };
  }
  if (before.trim() === "" && after.trim() === "") return { kind: "fragment" };
  // Right of a comparison, arithmetic, BETWEEN ... AND, IN (...), or a function's later argument: a value.
  // A function's first argument (`attribute_exists(${f})`, `size(${f})`) is a path.
  const tail = before.trimEnd().slice(-40).replace(/\s+/g, " ");
  const valueLikely = /(?:[=<>+\-,]|\bbetween|\bin ?\()$/i.test(tail) || /\bbetween [^ ]+ and$/i.test(tail);
  return { kind: "operand", valueLikely };
}

/** Attribute-path words of constant expression text that are reserved words, with their offsets. */
export function reservedWordsIn(text: string): Array<{ word: string; start: number; end: number }> {
  const found: Array<{ word: string; start: number; end: number }> = [];
  let i = 0;
  while (i < text.length) {
    if (!isNameChar(text[i])) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isNameChar(text[i])) i++;
    const word = text.slice(start, i);
    const previous = text[start - 1];
    let next = i;
    while (next < text.length && text[next] === " ") next++;
    if (previous === "#" || previous === ":" || /^\d/.test(word) || text[next] === "(") continue;
    const upper = word.toUpperCase();
    if (RESERVED_WORDS.has(upper) && !EXPRESSION_KEYWORDS.has(upper)) found.push({ word, start, end: i });
  }
  return found;
}

// ---------------------------------------------------------------- PartiQL

export type PartiqlPosition =
  /** The whole content of a single-quoted string literal (`'${id}'`): a `?` parameter replaces it exactly. */
  | { kind: "quoted-value" }
  /** Part of a single-quoted string literal (`'USER#${id}'`). */
  | { kind: "in-string" }
  /** A bare operand after a comparison (`n = ${n}`): a `?` parameter, of a type the code must know. */
  | { kind: "bare-value" }
  /** A double-quoted or bare identifier (`FROM "${table}"`), or statement text itself. */
  | { kind: "identifier" }
  | { kind: "fragment" };

/** The position of a non-constant part in a PartiQL statement, from all the constant text before it and the text after it. */
export function partiqlPosition(before: string, after: string): PartiqlPosition {
  let quote: "'" | '"' | undefined;
  for (const char of before) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    }
  }
  if (quote === "'") return before.endsWith("'") && after.startsWith("'") ? { kind: "quoted-value" } : { kind: "in-string" };
  if (quote === '"') return { kind: "identifier" };
  const last = before[before.length - 1];
  const next = after[0];
  if (isNameChar(last) || isNameChar(next) || last === "." || next === ".") return { kind: "fragment" };
  const tail = before.trimEnd().slice(-12);
  if (/(?:[=<>,]|\bin [([]|\bin[([]|\bbetween|\band)$/i.test(tail)) return { kind: "bare-value" };
  if (before.trim() === "" && after.trim() === "") return { kind: "fragment" };
  return { kind: "identifier" };
}

/** How many `?` parameter markers constant PartiQL text holds (outside string literals and quoted names); `quoteState` carries over between pieces. */
export function countParameterMarkers(text: string, quoteState: { quote: "'" | '"' | undefined }): number {
  let count = 0;
  for (const char of text) {
    if (quoteState.quote) {
      if (char === quoteState.quote) quoteState.quote = undefined;
    } else if (char === "'" || char === '"') {
      quoteState.quote = char;
    } else if (char === "?") {
      count++;
    }
  }
  return count;
}
