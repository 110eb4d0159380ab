// The analysis on synthetic trees far deeper than any parser accepts (see synthetic.ts): it must answer,
// and where a budget runs out the answer is "unknown" (quiet), never a crash and never a wrong constant.
import { describe, expect, it } from "vitest";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { constantValues, dynamicParts, isConstantString } from "../../src/analysis";
import { probeAnalysis } from "../../src/analysis/probe";
import { analysisOf, depthOf, lintParsedWithAllRules, memberChain, nestedObjects, nestedTemplates, parse, plusChain, splice } from "./synthetic";

/** An Express handler that sends a Query whose FilterExpression is `filter`: the placeholder becomes `filter`'s value. */
function handler(elements: string, filename = "handler.ts") {
  return parse(
    `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import express from "express";

const app = express();
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const CLAUSE = " AND #s = :s";

app.get("/items/:id", async (req, res) => {
  const filter = /* HOLE */ [${elements}];
  const out = await doc.send(
    new QueryCommand({
      TableName: "items",
      KeyConditionExpression: "pk = :pk",
      FilterExpression: filter,
      ExpressionAttributeValues: { ":pk": req.params.id },
    }),
  );
  res.json(out.Items);
});
`,
    filename,
  );
}

function filterValue(analysis: ReturnType<typeof analysisOf>): TSESTree.Node {
  const [operation] = analysis.operations;
  expect(operation?.operation).toBe("Query");
  const property = analysis.values.resolveObject(operation.input!)?.properties.get("FilterExpression");
  expect(property).toBeDefined();
  const definition = analysis.values.definitionOf(property!.value);
  expect(definition).toBeDefined();
  return definition!;
}

function originKinds(analysis: ReturnType<typeof analysisOf>, node: TSESTree.Node): string[] {
  return [...new Set(analysis.values.originsOf(node).map((origin) => origin.kind))].sort();
}

describe("10,000 chained + concatenations", () => {
  it("resolves a chain of 10,000 string literals to its constant value", () => {
    const literals = Array.from({ length: 10_000 }, (_, i) => JSON.stringify(i % 10 === 0 ? " #a = :a" : "x")).join(",");
    const parsed = handler(literals);
    const chain = splice(parsed, plusChain);
    expect(depthOf(chain, parsed.visitorKeys)).toBeGreaterThanOrEqual(9_999);
    const analysis = analysisOf(parsed);
    const value = filterValue(analysis);
    expect(value).toBe(chain);
    const expected = Array.from({ length: 10_000 }, (_, i) => (i % 10 === 0 ? " #a = :a" : "x")).join("");
    expect(constantValues(analysis.values.resolveString(value))).toEqual([expected]);
    expect(analysis.values.originsOf(value)).toEqual([]);
  });

  it("finds request input at the end of a 10,000-operand chain of constants", () => {
    const operands = [...Array.from({ length: 9_999 }, () => "CLAUSE"), "req.query.sort"].join(",");
    const parsed = handler(operands);
    splice(parsed, plusChain);
    const analysis = analysisOf(parsed);
    const value = filterValue(analysis);
    expect(originKinds(analysis, value)).toEqual(["request"]);
    const resolved = analysis.values.resolveString(value);
    expect(isConstantString(resolved)).toBe(false);
    expect(dynamicParts(resolved).map((part) => part.origins.map((origin) => origin.kind))).toEqual([["request"]]);
  });

  it("gives up on 10,000 distinct unresolvable operands with 'unknown', not a crash", () => {
    const operands = Array.from({ length: 10_000 }, (_, i) => `req.query.f${i}`).join(",");
    const parsed = handler(operands);
    splice(parsed, plusChain);
    const analysis = analysisOf(parsed);
    const value = filterValue(analysis);
    const kinds = originKinds(analysis, value);
    // Every operand is request input; a budget may stop the walk early, and then "unknown" joins them.
    expect(kinds).toContain("request");
    expect(kinds.every((kind) => kind === "request" || kind === "unknown")).toBe(true);
    expect(isConstantString(analysis.values.resolveString(value))).toBe(false);
    expect(probeAnalysis(analysis).operations).toBe(1);
  });
});

describe("5,000 nested template literals", () => {
  it("answers 'not constant, unknown origin' beyond the depth budget", () => {
    const parsed = handler("req.query.name");
    const tree = splice(parsed, ([leaf]) => nestedTemplates(5_000, leaf));
    expect(depthOf(tree, parsed.visitorKeys)).toBeGreaterThanOrEqual(5_000);
    const analysis = analysisOf(parsed);
    const value = filterValue(analysis);
    const resolved = analysis.values.resolveString(value);
    expect(isConstantString(resolved)).toBe(false);
    // The request value is too deep to be seen: the resolver says "unknown", which rules treat as quiet.
    expect(dynamicParts(resolved).every((part) => part.origins.every((origin) => origin.kind === "unknown"))).toBe(true);
    expect(originKinds(analysis, value)).toEqual(["unknown"]);
  });

  it("resolves constants and finds request input at a depth real code has", () => {
    const constant = handler("CLAUSE");
    splice(constant, ([leaf]) => nestedTemplates(20, leaf));
    const constantAnalysis = analysisOf(constant);
    expect(constantValues(constantAnalysis.values.resolveString(filterValue(constantAnalysis)))).toEqual([
      `${"a".repeat(20)} AND #s = :s${"b".repeat(20)}`,
    ]);
    const dynamic = handler("req.query.name");
    splice(dynamic, ([leaf]) => nestedTemplates(20, leaf));
    const analysis = analysisOf(dynamic);
    expect(originKinds(analysis, filterValue(analysis))).toEqual(["request"]);
  });
});

describe("object literals nested 2,000 deep", () => {
  function keyed(depth: number) {
    const parsed = parse(`
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const key = /* HOLE */ [event.pathParameters.id];
  const item = await doc.send(new GetCommand({ TableName: "items", Key: key }));
  return use(key, item);
};
`);
    const tree = splice(parsed, ([leaf]) => nestedObjects(depth, leaf));
    return { parsed, tree };
  }

  it("resolves the outer object and reports the deep leaf as unknown", () => {
    const { parsed, tree } = keyed(2_000);
    expect(depthOf(tree, parsed.visitorKeys)).toBeGreaterThanOrEqual(4_000);
    const analysis = analysisOf(parsed);
    const [operation] = analysis.operations;
    expect(operation.operation).toBe("Get");
    const key = analysis.values.resolveObject(operation.input!)?.properties.get("Key");
    const resolvedKey = analysis.values.resolveObject(key!.value);
    expect([...resolvedKey!.properties.keys()]).toEqual(["a"]);
    expect(originKinds(analysis, key!.value)).toEqual(["unknown"]);
    probeAnalysis(analysis);
  });

  it("finds the request value when the nesting is shallow", () => {
    const { parsed } = keyed(10);
    const analysis = analysisOf(parsed);
    const key = analysis.values.resolveObject(analysis.operations[0].input!)?.properties.get("Key");
    expect(originKinds(analysis, key!.value)).toEqual(["request"]);
  });

  it("follows a 2,000-deep member chain into the nested object without overflowing", () => {
    const parsed = parse(`
const CONFIG = /* HOLE */ ["items"];
const read = /* MEMBER */ CONFIG;
use(read);
`);
    splice(parsed, ([leaf]) => nestedObjects(2_000, leaf));
    // Replace the initialiser of `read` by CONFIG.a.a...a (2,000 levels).
    const declaration = parsed.ast.body[1] as TSESTree.VariableDeclaration;
    const init = declaration.declarations[0].init!;
    const chain = memberChain(2_000, init);
    declaration.declarations[0].init = chain as TSESTree.Expression;
    (chain as { parent: TSESTree.Node }).parent = declaration.declarations[0];
    const analysis = analysisOf(parsed);
    const [use] = analysis.index.calls.filter((call) => call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === "use");
    const resolved = analysis.values.resolveString(use.arguments[0]);
    // Too deep to resolve: not constant, origin unknown (quiet), and no stack overflow.
    expect(isConstantString(resolved)).toBe(false);
    expect(dynamicParts(resolved).flatMap((part) => part.origins.map((origin) => origin.kind))).toEqual(["unknown"]);
    probeAnalysis(analysis);
  });
});

describe("every rule on deep synthetic trees (through ESLint)", () => {
  // ESLint's own traversal recurses per level; 1,500 levels is beyond the parser's limit and within ESLint's.
  it("runs every rule on a 1,500-deep + chain, template nesting and object nesting without a crash", () => {
    const chain = handler(Array.from({ length: 1_500 }, (_, i) => (i === 700 ? "req.query.sort" : "CLAUSE")).join(","));
    splice(chain, plusChain);
    expect(lintParsedWithAllRules(chain).filter((message) => message.fatal)).toEqual([]);

    const templates = handler("req.query.name");
    splice(templates, ([leaf]) => nestedTemplates(1_500, leaf));
    expect(lintParsedWithAllRules(templates).filter((message) => message.fatal)).toEqual([]);

    const objects = handler("req.query.name");
    splice(objects, ([leaf]) => nestedObjects(700, leaf));
    expect(lintParsedWithAllRules(objects).filter((message) => message.fatal)).toEqual([]);
  });
});
