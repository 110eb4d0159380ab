import { describe, expect, it } from "vitest";
import { expressionPosition, partiqlPosition, reservedWordsIn } from "../../src/analysis";
import { EXPRESSION_MEMBERS, mentionsExpressionMember } from "../../src/analysis/expression-sites";
import { analyze } from "./helpers";

function sitesOf(code: string, filename = "file.ts") {
  const { analysis, text } = analyze(code, { filename });
  return analysis.expressionSites.map((site) => ({
    path: site.path,
    language: site.language,
    client: site.client,
    operation: site.operation?.operation,
    values: site.values.map(text),
  }));
}

describe("expression sites", () => {
  it("walks the SDK's member paths through commands, transactions and batch records", () => {
    const sites = sitesOf(`
      import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, BatchGetCommand } from "@aws-sdk/lib-dynamodb";
      const doc = DynamoDBDocumentClient.from(client);
      const TABLE = "T";
      const params = { TableName: TABLE, KeyConditionExpression: "pk = :pk" };
      params.FilterExpression = f1;
      params.FilterExpression += f2;
      doc.send(new QueryCommand(params));
      const items = keys.map((k) => ({ Update: { TableName: TABLE, Key: k, UpdateExpression: u1 } }));
      doc.send(new TransactWriteCommand({ TransactItems: [{ ConditionCheck: { TableName: TABLE, Key: {}, ConditionExpression: c1 } }] }));
      doc.send(new TransactWriteCommand({ TransactItems: items }));
      doc.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: [], ProjectionExpression: p1 } } }));
    `);
    expect(sites).toEqual([
      { path: "FilterExpression", language: "expression", client: "document", operation: "Query", values: ["f1", "f2"] },
      { path: "KeyConditionExpression", language: "expression", client: "document", operation: "Query", values: [`"pk = :pk"`] },
      { path: "TransactItems[].ConditionCheck.ConditionExpression", language: "expression", client: "document", operation: "TransactWrite", values: ["c1"] },
      { path: "TransactItems[].Update.UpdateExpression", language: "expression", client: "document", operation: "TransactWrite", values: ["u1"] },
      { path: "RequestItems{}.ProjectionExpression", language: "expression", client: "document", operation: "BatchGet", values: ["p1"] },
    ]);
  });

  it("looks into objects spread in under a condition", () => {
    const sites = sitesOf(`
      import { QueryCommand } from "@aws-sdk/lib-dynamodb";
      doc.send(new QueryCommand({ TableName: "T", KeyConditionExpression: "pk = :pk", ...(status ? { FilterExpression: f1 } : { ProjectionExpression: p1 }) }));
      export const params = (q) => ({ TableName: "T", ...(q && { FilterExpression: f2 }) });
    `);
    expect(sites.map((site) => [site.path, site.values])).toEqual([
      ["FilterExpression", ["f1"]],
      ["KeyConditionExpression", [`"pk = :pk"`]],
      ["ProjectionExpression", ["p1"]],
      ["FilterExpression", ["f2"]],
    ]);
  });

  it("finds PartiQL statements of v3 commands and v2 methods", () => {
    const sites = sitesOf(`
      const AWS = require("aws-sdk");
      const ddb = new AWS.DynamoDB();
      ddb.executeStatement({ Statement: s1 }).promise();
      ddb.batchExecuteStatement({ Statements: [{ Statement: s2 }] }).promise();
      ddb.executeTransaction({ TransactStatements: list }).promise();
      const list = [{ Statement: s3, Parameters: [{ S: "x" }] }];
    `, "file.js");
    expect(sites.map((site) => [site.path, site.client, site.values])).toEqual([
      ["Statement", "low-level", ["s1"]],
      ["Statements[].Statement", "low-level", ["s2"]],
      ["TransactStatements[].Statement", "low-level", ["s3"]],
    ]);
  });

  it("counts object literals that are plainly DynamoDB inputs, sent from another module", () => {
    const sites = sitesOf(`
      import { db } from "./db";
      export function byStatus(s) {
        const params = { TableName: "T", FilterExpression: s, ExpressionAttributeValues: { ":v": { S: "x" } } };
        return db.run(params);
      }
      const other = { FilterExpression: "x" }; // no TableName: not plainly DynamoDB's
    `);
    expect(sites).toEqual([{ path: "FilterExpression", language: "expression", client: "low-level", operation: undefined, values: ["s"] }]);
  });

  it("counts x.FilterExpression = ... and += on objects built elsewhere", () => {
    const sites = sitesOf(`
      export function narrow(params, attribute) {
        params.FilterExpression += " AND attribute_exists(" + attribute + ")";
        params.KeyConditionExpression = "pk = :pk";
        params.Other = attribute;
      }
    `);
    expect(sites.map((site) => [site.path, site.values])).toEqual([
      ["FilterExpression", [`" AND attribute_exists(" + attribute + ")"`]],
      ["KeyConditionExpression", [`"pk = :pk"`]],
    ]);
    // X-Ray's GetTraceSummaries has a FilterExpression too.
    expect(sitesOf(`export function traces(input, arn) { input.FilterExpression = \`resource.arn = "\${arn}"\`; }`)).toEqual([]);
  });

  it("outside DynamoDB files, looks only where an expression member is named (the pre-check decides work, not findings)", () => {
    for (const member of EXPRESSION_MEMBERS) {
      expect(mentionsExpressionMember(`x.${member} = y`)).toBe(true);
      expect(sitesOf(`const input = { TableName: "T", ["${member}"]: s };`).map((site) => site.path)).toEqual([member]);
    }
    // A member's name spelled with an escape in a string key is still a member.
    expect(mentionsExpressionMember(`const input = { TableName: "T", "FilterExpr\\u0065ssion": s };`)).toBe(true);
    expect(sitesOf(`const input = { TableName: "T", "FilterExpr\\u0065ssion": s };`).map((site) => site.path)).toEqual(["FilterExpression"]);
    // ESTree node names say "Expression" everywhere in tools' code; none of them is a DynamoDB member.
    expect(mentionsExpressionMember(`node.type === "CallExpression" || node.type === "ConditionalExpression"`)).toBe(false);
    expect(sitesOf(`const visit = { CallExpression: (node) => node, TableName: "T" };`)).toEqual([]);
  });

  it("takes a standalone Statement only from statement-shaped objects in DynamoDB files", () => {
    expect(sitesOf(`import "@aws-sdk/client-dynamodb"; const input = { Statement: "SELECT * FROM T WHERE a = ?", Parameters: [1] };`)).toHaveLength(1);
    expect(sitesOf(`const policy = { Statement: "SELECT x", Version: "2012-10-17" }; import "@aws-sdk/client-dynamodb";`)).toHaveLength(0);
    expect(sitesOf(`const q = { Statement: "SELECT * FROM t" };`)).toHaveLength(0);
  });
});

describe("expression language", () => {
  it("tells placeholder names, operands and fragments apart", () => {
    expect(expressionPosition("#", " = :v")).toEqual({ kind: "placeholder" });
    expect(expressionPosition("SET #a = :v", "")).toEqual({ kind: "placeholder" });
    expect(expressionPosition("a = :a AND #n_", "")).toEqual({ kind: "placeholder" });
    expect(expressionPosition("status = ", "")).toEqual({ kind: "operand", valueLikely: true });
    expect(expressionPosition("", " = :v")).toEqual({ kind: "operand", valueLikely: false });
    expect(expressionPosition("attribute_exists(", ")")).toEqual({ kind: "operand", valueLikely: false });
    expect(expressionPosition("begins_with(sk, ", ")")).toEqual({ kind: "operand", valueLikely: true });
    expect(expressionPosition("a BETWEEN :lo AND ", "")).toEqual({ kind: "operand", valueLikely: true });
    expect(expressionPosition("a = :a AND ", " = :b")).toEqual({ kind: "operand", valueLikely: false });
    expect(expressionPosition("prefix_", " = :v")).toEqual({ kind: "fragment" });
    expect(expressionPosition("pk = USER#", "")).toEqual({ kind: "fragment" });
    expect(expressionPosition("a.", " = :v")).toEqual({ kind: "fragment" });
    expect(expressionPosition("", "")).toEqual({ kind: "fragment" });
  });

  it("finds reserved words used as attribute names, not keywords, functions or placeholders", () => {
    expect(reservedWordsIn("status = :s AND attribute_exists(name) AND #date > :d").map((word) => word.word)).toEqual(["status", "name"]);
    expect(reservedWordsIn("SET total = total + :n REMOVE data")).toEqual([
      { word: "total", start: 4, end: 9 },
      { word: "total", start: 12, end: 17 },
      { word: "data", start: 30, end: 34 },
    ]);
    expect(reservedWordsIn("size(items) > :n")).toEqual([{ word: "items", start: 5, end: 10 }]);
  });

  it("places PartiQL parts: quoted values, bare values, identifiers", () => {
    expect(partiqlPosition(`SELECT * FROM "Orders" WHERE id = '`, `'`)).toEqual({ kind: "quoted-value" });
    expect(partiqlPosition(`SELECT * FROM "Orders" WHERE id = 'USER#`, `'`)).toEqual({ kind: "in-string" });
    expect(partiqlPosition(`SELECT * FROM "Orders" WHERE n > `, ``)).toEqual({ kind: "bare-value" });
    expect(partiqlPosition(`SELECT * FROM "`, `"`)).toEqual({ kind: "identifier" });
    expect(partiqlPosition(`SELECT * FROM `, ` WHERE a = ?`)).toEqual({ kind: "identifier" });
    expect(partiqlPosition(`SELECT * FROM t WHERE a = 'it''s' AND b = '`, `'`)).toEqual({ kind: "quoted-value" });
  });
});
