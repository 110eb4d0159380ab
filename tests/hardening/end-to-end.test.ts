// Pathological but parseable input through ESLint with every rule of the plugin on (strict options,
// autofix where offered) and the analysis probe: deep nesting at the depth the parser still accepts
// (~500 levels on Node 20), huge literals, and secure code that must stay free of findings.
import { describe, expect, it } from "vitest";
import { constantValues } from "../../src/analysis";
import { analyze } from "../analysis/helpers";
import { lintWithAllRules } from "./synthetic";

/** A Lambda handler that reads the caller's own items: secure, so every rule must stay quiet. */
function secureHandler(filterExpression: string, extra = ""): string {
  return `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const OPEN = "open";
${extra}
export const handler = async (event) => {
  const owner = event.requestContext.authorizer.claims.sub;
  const out = await doc.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: "pk = :pk",
      FilterExpression: ${filterExpression},
      ExpressionAttributeNames: { "#s": "status" },
      ExpressionAttributeValues: { ":pk": owner, ":s": OPEN },
    }),
  );
  return { statusCode: 200, body: JSON.stringify(out.Items) };
};
`;
}

/** The same handler with a request value spliced into the expression (which rules may or may not see). */
function requestHandler(filterExpression: string): string {
  return secureHandler(filterExpression).replace("const owner", "const sort = event.queryStringParameters.sort;\n  const owner");
}

function lint(code: string, filename = "handler.ts") {
  const messages = lintWithAllRules(code, filename);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages;
}

const DEPTH = 500;
const deep = {
  plus: (leaf: string) => Array.from({ length: DEPTH }, () => `"#s = :s OR "`).join(" + ") + ` + ${leaf}`,
  templates: (leaf: string) => "`(${".repeat(DEPTH) + leaf + "})`".repeat(DEPTH),
  parentheses: (leaf: string) => "(".repeat(DEPTH) + leaf + ")".repeat(DEPTH),
  conditionals: (leaf: string) => Array.from({ length: DEPTH }, (_, i) => `flag${i % 7} ? "#s = :s" : `).join("") + leaf,
  calls: (leaf: string) => "String(".repeat(DEPTH) + leaf + ")".repeat(DEPTH),
};
/** Shapes whose parser recursion is heavier per level: the parser overflows before 500. */
const SHALLOW = 300;
const shallower = {
  logical: (leaf: string) => Array.from({ length: SHALLOW }, () => `(maybe ?? `).join("") + leaf + ")".repeat(SHALLOW),
  concat: (leaf: string) => `"#s = :s"` + `.concat(" OR #s = :s")`.repeat(SHALLOW) + `.concat(${leaf})`,
};

describe(`nesting ${DEPTH} levels deep, through ESLint`, () => {
  for (const [shape, build] of Object.entries({ ...deep, ...shallower })) {
    it(`${shape}: secure code stays free of findings, request data never crashes a rule`, () => {
      const extra = "const flag0 = true, flag1 = false, flag2 = true, flag3 = false, flag4 = true, flag5 = false, flag6 = true; const maybe = undefined;";
      expect(lint(secureHandler(build(`"#s = :s"`), extra))).toEqual([]);
      lint(requestHandler(build("sort")).replace("const OPEN", `${extra}\nconst OPEN`));
    });
  }

  it("object literals nested 300 deep as an item, and 500-deep arrays and member chains", () => {
    const item = "{ a: ".repeat(300) + "event.body" + " }".repeat(300);
    const code = `
import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
const client = new DynamoDBClient({});
export const handler = async (event) => {
  const nested = ${item};
  const arrays = ${"[".repeat(DEPTH)}event.body${"]".repeat(DEPTH)};
  const chain = nested${".a".repeat(DEPTH)};
  await client.send(new PutItemCommand({ TableName: "t", Item: { pk: { S: "x" }, data: { M: nested }, list: { L: arrays }, chain: { S: chain } } }));
};`;
    lint(code);
  });

  it("functions, blocks and classes nested hundreds deep", () => {
    const arrows = "() => ".repeat(300) + `doc.send(new GetCommand({ TableName: "t", Key: { id: "fixed" } }))`;
    const blocks = "if (a) {".repeat(300) + `await doc.send(new GetCommand({ TableName: "t", Key: { id: "fixed" } }));` + "}".repeat(300);
    const classes = "class A { m() { return ".repeat(100) + "doc" + "; } }".repeat(100);
    const code = `
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const make = ${arrows};
export async function run(a) { ${blocks} }
export const Nested = ${classes};`;
    expect(lint(code)).toEqual([]);
  });

  it("JSX elements nested 300 deep in a .tsx file", () => {
    const jsx = "<div>".repeat(300) + "{item.title}" + "</div>".repeat(300);
    const code = `
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export default async function Page() {
  const { Item: item } = await doc.send(new GetCommand({ TableName: "pages", Key: { id: "home" } }));
  return ${jsx};
}`;
    expect(lint(code, "page.tsx")).toEqual([]);
  });
});

describe("huge literals", () => {
  const MB2 = 2 * 1024 * 1024;

  it("a 2 MB string literal resolves to its value and slows nothing down quadratically", () => {
    const big = "a".repeat(MB2);
    const { analysis, used } = analyze(`const BIG = "${big}"; use(BIG + "!");`);
    expect(constantValues(analysis.values.resolveString(used()[0]))?.[0]).toHaveLength(MB2 + 1);
    expect(lint(secureHandler(`"#s = :s"`, `export const BIG = "${big}";`))).toEqual([]);
  });

  it("2 MB of key-like and URL-like text never makes a rule backtrack or crash", () => {
    // Near-misses for the patterns rules look for: access key ids, http endpoints, expression tokens.
    const keyish = "AKIA".repeat(MB2 / 4);
    const urlish = "http://".repeat(MB2 / 7);
    const tokens = "#a = :a AND ".repeat(MB2 / 12);
    const code = secureHandler(
      `"#s = :s"`,
      `export const K = "${keyish}";\nexport const U = \`${urlish}\`;\nexport const T = "${tokens}";\nprocess.env.NOTE = "${"0".repeat(MB2)}";`,
    );
    lint(code);
    lint(code, "handler.js");
  });

  it("a template literal with 20,000 substitutions", () => {
    const template = "`" + Array.from({ length: 20_000 }, (_, i) => `x${i % 10}\${OPEN}`).join("") + "`";
    const { analysis, used } = analyze(`const OPEN = "o"; use(${template});`);
    const [value] = constantValues(analysis.values.resolveString(used()[0])) ?? [];
    expect(value).toHaveLength(20_000 * 3);
    lint(secureHandler(template));
  });
});
