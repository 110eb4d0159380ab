// Crashes and slowdowns the corpus run (npm run test:corpus) found in real code (the installed dependencies,
// and real DynamoDB applications linted with --roots), kept as tests.
import { describe, expect, it } from "vitest";
import { probeAnalysis } from "../../src/analysis/probe";
import { analyze } from "../analysis/helpers";
import { lintWithAllRules } from "./synthetic";

function kindsOf(code: string): string[] {
  const { analysis, used } = analyze(code);
  return [...new Set(analysis.values.originsOf(used()[0]).map((origin) => origin.kind))].sort();
}

describe("corpus regressions", () => {
  it("names that are Object.prototype members are not table keys (lodash, chai: hasOwnProperty.call(...))", () => {
    expect(kindsOf(`var hasOwnProperty = Object.prototype.hasOwnProperty; use(hasOwnProperty.call(obj, key));`)).toEqual(["unknown"]);
    expect(kindsOf(`use(constructor.assign(x), toString.parse(y), valueOf.from(z));`)).toEqual(["unknown"]);
    expect(lintWithAllRules(`var hasOwnProperty = Object.prototype.hasOwnProperty; export const has = (o, k) => hasOwnProperty.call(o, k);`)).toEqual([]);
  });

  it("a parameter decorator named like an Object.prototype member is not a request source", () => {
    const code = `
      function constructor(): ParameterDecorator { return () => {}; }
      class C { get(@constructor() id: string) { use(id); } }`;
    expect(kindsOf(code)).toEqual(["parameter"]);
  });

  it("TypeScript's `import x = require(\"m\")` in a DynamoDB file (AWS CDK stacks: `import path = require(\"path\")`)", () => {
    // Its import binding has no ImportDeclaration (no `source`): the client check used to throw on it.
    const cdkStack = `import { Table } from "aws-cdk-lib/aws-dynamodb"; import path = require("path"); export const entry = path.join(__dirname, "handler.ts");`;
    expect(lintWithAllRules(cdkStack)).toEqual([]);
    const handler = `
      import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
      import store = require("./store");
      export async function handler(event: any) {
        const item = await store.get({ TableName: "orders", Key: { id: event.pathParameters.id } });
        return { statusCode: 200, body: JSON.stringify(item) };
      }`;
    expect(lintWithAllRules(handler).map((message) => `${message.line}: ${message.ruleId}`)).toEqual(["5: dynamodb-security/require-ownership-check"]);
  });

  it("an unknown call whose argument's value comes from the call itself (h = Math.imul(31, h) + ...: a cdk-patterns handler)", () => {
    // Following an unknown call's arguments to the item they carry used to recurse without end on such a loop.
    const handler = `
      import { DynamoDB } from "aws-sdk";
      export async function handler(event: any) {
        const id = hashCode("" + event.trip_id);
        const { Item } = await new DynamoDB.DocumentClient().get({ TableName: "Flights", Key: { pk: event.pathParameters.id } }).promise();
        if (transform(normalize(Item)).owner !== event.requestContext.authorizer.claims.sub) throw new Error("forbidden");
        return { id };
      }
      function hashCode(s: string) {
        let h: any;
        for (let i = 0; i < s.length; i++) h = Math.imul(31, h) + s.charCodeAt(i) | 0;
        return "" + Math.abs(h);
      }`;
    expect(lintWithAllRules(handler)).toEqual([]);
    expect(lintWithAllRules(handler.replace("hashCode(\"\" + event.trip_id)", "hashCode(Item)").replace("const { Item }", "let { Item }"))).toEqual([]);
  });

  it("a variable written hundreds of times from other many-written variables (generated parsers: esquery, pegjs)", () => {
    // peg$currPos = s0; s0 = peg$currPos; ... in 80 functions: every reference used to re-walk every write.
    const functions = Array.from({ length: 80 }, (_, i) => `
      function parse${i}() {
        var s0, s1;
        s0 = pos;
        if (input.charCodeAt(pos) === ${i}) { s1 = "c${i}"; pos++; } else { s1 = failed; }
        if (s1 !== failed) { s0 = s1; pos = s0; } else { pos = s0; s0 = failed; }
        return s0;
      }`).join("\n");
    const code = `var pos = 0, failed = {}, input = "";\n${functions}\nuse(pos, parse0(), parse79());`;
    const { analysis, used } = analyze(code, { filename: "parser.js" });
    // Before each variable's writes were memoized per query this walk was exponential (it never ended on
    // esquery); now it answers within the test timeout.
    for (const argument of used()) analysis.values.originsOf(argument);
    probeAnalysis(analysis);
    expect([...new Set(analysis.values.originsOf(used()[0]).map((origin) => origin.kind))]).toEqual(["unknown"]);
  });
});
