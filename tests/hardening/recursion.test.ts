// Self-reference, mutual recursion, recursive helpers, blow-ups by repetition and reassigned clients:
// every query terminates with a definite answer, on real parsed code, and every rule survives it.
import { describe, expect, it } from "vitest";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { constantValues, isConstantString } from "../../src/analysis";
import { probeAnalysis } from "../../src/analysis/probe";
import { analyze } from "../analysis/helpers";
import { lintWithAllRules } from "./synthetic";

/** Origin kinds of the first argument of the last `use(...)`, sorted and deduplicated. */
function kindsOf(code: string, filename = "file.ts"): string[] {
  const { analysis, used } = analyze(code, { filename });
  const kinds = new Set(analysis.values.originsOf(used()[0]).map((origin) => origin.kind));
  probeAnalysis(analysis);
  return [...kinds].sort();
}

function stringOf(code: string) {
  const { analysis, used } = analyze(code);
  const resolved = analysis.values.resolveString(used()[0]);
  probeAnalysis(analysis);
  return { constant: isConstantString(resolved), values: constantValues(resolved), alternatives: resolved.alternatives.length };
}

function noCrash(code: string, filename = "file.ts"): void {
  const messages = lintWithAllRules(code, filename);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
}

const handler = (body: string) => `app.get("/items/:id", async (req, res) => {\n${body}\n});`;

describe("self-referencing and mutually recursive bindings", () => {
  it("let a = b; let b = a + x: the request part is found, the cycle adds nothing", () => {
    const code = handler(`let a = b; let b = a + req.query.x; use(a);`);
    expect(kindsOf(code)).toEqual(["request"]);
    expect(stringOf(code).constant).toBe(false);
    noCrash(code);
  });

  it("a constant cycle stays quiet: never a request origin, never a crash", () => {
    const code = `let a = b + "x"; let b = a + "y"; use(a);`;
    expect(kindsOf(code)).toEqual([]);
    expect(stringOf(code).constant).toBe(false); // the cycle's value is not a finite constant
    noCrash(code);
  });

  it("self-assignments and compound self-updates", () => {
    expect(kindsOf(handler(`let s = "a"; s = s; s += s; s = s + s; use(s);`))).toEqual([]);
    expect(stringOf(`let s = "a"; s = s; use(s);`).constant).toBe(false);
    expect(kindsOf(handler(`let s = req.params.id; s = s.trim(); s = \`\${s}#\${s}\`; use(s);`))).toEqual(["request"]);
  });

  it("objects and tables that refer to themselves", () => {
    // A table whose values refer back to the table: the cycle adds no origin (quiet), and no overflow.
    expect(kindsOf(`const t = { a: t[k] }; use(t[k]);`)).toEqual([]);
    expect(kindsOf(`const t1 = { a: t2[k] }; const t2 = { b: t1[k] }; use(t1[k]);`)).toEqual([]);
    expect(kindsOf(`const o = { ...o, a: 1 }; use(o.a);`)).toEqual([]);
    expect(kindsOf(`const o = Object.assign(o, { a: req.query.a }); use(o);`)).toEqual(["unknown"]);
    const { analysis, used } = analyze(`const o = { ...o }; const p = { ...p, ...o }; Object.assign(p, p); use(p);`);
    expect(analysis.values.resolveObject(used()[0])?.complete).toBe(false);
  });

  it("a long chain of aliases ends in an answer", () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `const v${i + 1} = v${i};`).join("\n");
    expect(kindsOf(handler(`const v0 = req.query.q;\n${aliases}\nuse(v300);`))).toEqual(["unknown"]);
    expect(kindsOf(handler(`const v0 = req.query.q;\n${aliases.split("\n").slice(0, 20).join("\n")}\nuse(v20);`))).toEqual(["request"]);
  });
});

describe("recursive helpers", () => {
  it("a directly recursive helper", () => {
    const code = handler(`function build(n) { return n > 0 ? build(n - 1) + ", #a" + n : req.query.base; } use(build(3));`);
    expect(kindsOf(code)).toContain("request");
    noCrash(code);
  });

  it("mutually recursive helpers and a helper passed to itself", () => {
    expect(kindsOf(`function even(n) { return odd(n); } function odd(n) { return even(n); } use(even(1));`)).toEqual(["unknown"]);
    expect(kindsOf(`const f = (g) => g(g); use(f(f));`)).toEqual(["unknown"]);
    expect(kindsOf(handler(`const id = (x) => id(x) || x; use(id(req.params.id));`))).toEqual(expect.arrayContaining(["request"]));
    noCrash(`function a(x) { return b(x) + a(x); } function b(x) { return a(x) + b(x); } use(a(1));`);
  });
});

describe("recursive methods called on this", () => {
  it("a method that calls itself, and 2,000 methods that call each other, end in an answer", () => {
    const klass = (methods: string, call: string) => `class C {\n${methods}\n  handle(req) { ${call} }\n}`;
    expect(kindsOf(klass(`  build(n, base) { return n > 0 ? this.build(n - 1, base) + ", #a" : base; }`, "use(this.build(3, req.query.base));"))).toContain("parameter");
    const many = Array.from({ length: 2_000 }, (_, i) => `  m${i}(x) { return this.m${i + 1}(x) + this.m${(i * 7) % 2_000}(x) + "${i}"; }`).join("\n");
    const code = klass(`${many}\n  m2000(x) { return x; }`, "use(this.m0(req.query.f));");
    expect(kindsOf(code)).toContain("unknown");
    noCrash(code);
  });
});

describe("blow-ups by repetition", () => {
  it("1,000 spreads of the same object resolve to its properties", () => {
    const spreads = Array.from({ length: 1_000 }, () => "...base").join(", ");
    const code = handler(`const base = { TableName: "items", ConsistentRead: true };\nconst params = { ${spreads}, Key: { id: req.params.id } };\nuse(params);`);
    const { analysis, used } = analyze(code);
    const params = analysis.values.resolveObject(used()[0]);
    expect([...params!.properties.keys()].sort()).toEqual(["ConsistentRead", "Key", "TableName"]);
    expect(params!.complete).toBe(true);
    expect(kindsOf(code)).toEqual(["request"]);
    noCrash(code);
  });

  it("1,000 Object.assign merges of the same object", () => {
    const merges = Array.from({ length: 1_000 }, () => "Object.assign(params, base);").join("\n");
    const code = `const base = { TableName: "items" };\nconst params = {};\n${merges}\nuse(params.TableName);`;
    expect(stringOf(code).values).toEqual(["items"]);
    noCrash(code);
  });

  it("conditionals that double the alternatives 40 times stay bounded", () => {
    const doubling = Array.from({ length: 40 }, (_, i) => `const s${i + 1} = flag ? s${i} + "a" : s${i} + "b";`).join("\n");
    const result = stringOf(`const s0 = "";\n${doubling}\nuse(s40);`);
    expect(result.alternatives).toBeLessThanOrEqual(64);
    expect(result.constant).toBe(false); // too many values to enumerate: not claimed constant
    // 12 doublings (4,096 values) are within the depth budget: the request value is found.
    const twelve = doubling.split("\n").slice(0, 12).join("\n");
    expect(kindsOf(handler(`const s0 = req.query.x;\n${twelve}\nuse(s12);`))).toEqual(["request"]);
    // 40 chained definitions are beyond it: "unknown" may join, nothing else.
    const dynamic = handler(`const s0 = req.query.x;\n${doubling}\nuse(s40);`);
    expect(kindsOf(dynamic).every((kind) => kind === "request" || kind === "unknown")).toBe(true);
    noCrash(dynamic);
  });

  it("10,000 references to the same constant resolve once", () => {
    const code = `const SEP = ", "; const parts = [${Array.from({ length: 2_000 }, () => "SEP").join(", ")}]; use(parts.join(SEP));`;
    expect(stringOf(code).values).toEqual([", ".repeat(3_999)]);
  });
});

describe("reassigned clients", () => {
  const imports = `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";\nimport { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";\n`;

  it("a client reassigned to itself, to a wrapper of itself and to a fallback of itself", () => {
    const code = `${imports}
let client = new DynamoDBClient({});
client = client;
client = DynamoDBDocumentClient.from(client);
client = client || new DynamoDBClient({ region: "eu-west-1" });
export const read = (id) => client.send(new GetCommand({ TableName: "t", Key: { id } }));`;
    const { analysis } = analyze(code);
    expect(analysis.operations.map((operation) => operation.operation)).toEqual(["Get"]);
    const send = analysis.operations[0].send!;
    expect(analysis.clientTypeOf((send.callee as TSESTree.MemberExpression).object)).toMatchObject({ sdk: "v3" });
    probeAnalysis(analysis);
    noCrash(code);
  });

  it("clients held in objects that refer to each other", () => {
    const code = `${imports}
const a = { db: b.db }; const b = { db: a.db };
const holder = { client: holder.client ?? new DynamoDBClient({}) };
export const read = (id) => Promise.all([a.db.send(new GetCommand({ TableName: "t", Key: { id } })), holder.client.send(new GetCommand({ TableName: "t", Key: { id } }))]);`;
    const { analysis } = analyze(code);
    expect(analysis.operations).toHaveLength(2);
    for (const operation of analysis.operations) {
      const callee = operation.send!.callee as TSESTree.MemberExpression;
      analysis.clientTypeOf(callee.object);
    }
    probeAnalysis(analysis);
    noCrash(code);
  });

  it("a v2 client swapped in a class and in a loop", () => {
    const code = `const AWS = require("aws-sdk");
class Repo {
  constructor() { this.db = new AWS.DynamoDB.DocumentClient(); this.db = this.db; }
  swap() { this.db = this.other; this.other = this.db; }
  get(id) { return this.db.get({ TableName: "t", Key: { id } }).promise(); }
}
let doc = new AWS.DynamoDB.DocumentClient();
for (let i = 0; i < 3; i++) doc = i ? doc : new AWS.DynamoDB.DocumentClient();
doc.get({ TableName: "t", Key: { id: "x" } }, () => {});
module.exports = Repo;`;
    const { analysis } = analyze(code, { filename: "repo.js" });
    expect(analysis.operations.map((operation) => operation.operation)).toEqual(["Get", "Get"]);
    expect(analysis.operations.every((operation) => operation.sdk === "v2")).toBe(true);
    probeAnalysis(analysis);
    noCrash(code, "repo.js");
  });
});

describe("the analysis helpers used directly", () => {
  it("definitionOf, arrayElements and returnsOf on cycles", () => {
    const { analysis, used } = analyze(`let a = b; let b = a; const arr = [...arr]; const f = () => f; use(a, arr, f);`);
    const [a, arr, f] = used();
    expect(analysis.values.definitionOf(a)?.type).toBe(AST_NODE_TYPES.Identifier);
    expect(analysis.values.arrayElements(arr)).toBeUndefined();
    const fn = analysis.values.sameFileFunction(f);
    expect(fn && analysis.values.returnsOf(fn).map((node) => node.type)).toEqual([AST_NODE_TYPES.Identifier]);
  });
});
