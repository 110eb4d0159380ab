import { describe, expect, it } from "vitest";
import { constantValues, dynamicParts, isConstantString } from "../../src/analysis";
import { analyze } from "./helpers";

/** Origins of argument `argument` of the last `use(...)` call in `code`, as "kind:framework:path" strings. */
function originsOf(code: string, argument = 0, options?: Parameters<typeof analyze>[1]): string[] {
  const { analysis, used } = analyze(code, options);
  return analysis.values.originsOf(used()[argument]).map((origin) => {
    switch (origin.kind) {
      case "request":
      case "caller":
        return `${origin.kind}:${origin.framework}:${origin.path}`;
      case "env":
        return `env:${origin.name}`;
      case "parameter":
        return `parameter:${origin.index}`;
      default:
        return origin.kind;
    }
  });
}

function stringOf(code: string) {
  const { analysis, used, text } = analyze(code);
  const resolved = analysis.values.resolveString(used()[0]);
  return {
    constant: isConstantString(resolved),
    values: constantValues(resolved),
    dynamic: dynamicParts(resolved).map((part) => ({ text: text(part.node), before: part.textBefore, kinds: part.origins.map((o) => o.kind) })),
  };
}

describe("value resolver: constants", () => {
  it("resolves literals, consts, templates, concatenation, enums and as-const members", () => {
    expect(stringOf(`const A = "x"; const B = \`\${A}-y\`; use(B + "-" + 1);`).values).toEqual(["x-y-1"]);
    expect(stringOf(`enum T { Notes = "notes" } use(T.Notes);`).values).toEqual(["notes"]);
    expect(stringOf(`const C = { table: "t" } as const; use(C.table);`).values).toEqual(["t"]);
    expect(stringOf(`const parts = ["a = :a"]; parts.push("b = :b"); use(parts.join(" AND "));`).values).toEqual(["a = :a AND b = :b"]);
    expect(stringOf(`let e = "SET a = :a"; if (x) e += ", b = :b"; use(e);`).values).toEqual(["SET a = :a, b = :b"]);
    expect(stringOf(`const s = flag ? "a" : "b"; use(s);`).values).toEqual(["a", "b"]);
  });

  it("names the non-constant part and the text before it", () => {
    const result = stringOf(`function f(field) { use(\`#\${field} = :v AND \${field} > :w\`); }`);
    expect(result.constant).toBe(false);
    expect(result.dynamic).toEqual([
      { text: "field", before: "#", kinds: ["parameter"] },
      { text: "field", before: " = :v AND ", kinds: ["parameter"] },
    ]);
  });

  it("reads an element of a mapped array, by index or as another callback's element, as what the map's callback returns", () => {
    const code = (parts: string) => `function f(data) {
      const names = Object.keys(data);
      const keyNames = names.map((k) => "#key_" + k);
      const valueNames = names.map((k) => ":val_" + k);
      use(${parts});
    }`;
    expect(stringOf(code("valueNames.map((v, i) => `${keyNames[i]} = ${v}`).join(\", \")")).dynamic).toEqual([
      { text: "k", before: "#key_", kinds: ["parameter"] },
      { text: "k", before: " = :val_", kinds: ["parameter"] },
    ]);
    // An array literal's elements are alternatives; an array of unknown elements stays one non-constant part.
    expect(stringOf(`const cols = ["a", "b"]; function f(i) { use(cols[i]); }`).values).toEqual(["a", "b"]);
    expect(stringOf(`const cols = ["a", "b"]; cols.forEach((c) => use(c));`).values).toEqual(["a", "b"]);
    expect(stringOf(code("names[0] + names.map((n) => n)[1]")).dynamic.map((part) => part.text)).toEqual(["names[0]", "names.map((n) => n)[1]"]);
    expect(stringOf(code("names.map((n) => n).join()")).dynamic.map((part) => part.text)).toEqual(["n"]);
    // Arrays joined by concat: the elements of each, and a string argument as one element.
    const joined = stringOf(code(`names.map((k, i) => \`#\${k} = :v\${i}\`).concat("#updatedAt = :now", [":x"]).join(", ")`));
    expect(joined.dynamic.map((part) => [part.text, part.before])).toEqual([["k", "#"], ["i", " = :v"]]);
    expect(stringOf(`use(["#a = :a"].concat("#updatedAt = :now", [":x"]).join(", "));`).values).toEqual(["#a = :a", "#updatedAt = :now", ":x"]);
    expect(stringOf(code("names.concat(extra).join()")).dynamic.map((part) => part.text)).toEqual(["names.concat(extra).join()"]);
    // A binding that reads itself ends in a non-constant part, not a loop.
    expect(stringOf(`const a = a.concat(["x"]); use(a.join());`).constant).toBe(false);
  });

  it("resolves same-file helpers with the call's arguments", () => {
    const result = stringOf(`const build = (name) => "attribute_exists(" + name + ")"; app.get("/x", (req, res) => { use(build(req.query.f)); });`);
    expect(result.dynamic).toEqual([{ text: "req.query.f", before: "attribute_exists(", kinds: ["request"] }]);
  });

  it("resolves methods of the same class called on this, where this is the instance", () => {
    const service = (call: string) => `class Tasks {
  expression(field) { return "SET " + field + " = :v"; }
  static label(field) { return field; }
  search(req) { ${call} }
}`;
    // Through an arrow function `this` is still the instance.
    expect(stringOf(service("use(this.expression(req.query.f));")).dynamic).toEqual([{ text: "req.query.f", before: "SET ", kinds: ["parameter"] }]);
    expect(stringOf(service("[1].forEach(() => use(this.expression('done')));")).values).toEqual(["SET done = :v"]);
    // A nested function rebinds `this`; a static method is not on the instance.
    expect(stringOf(service("[1].forEach(function () { use(this.expression('done')); });")).constant).toBe(false);
    expect(stringOf(service("use(this.label('done'));")).constant).toBe(false);
    expect(originsOf(`class C { key(req) { return req.params.id; } handle(req) { use(this.key(req)); } }`)).toEqual(["parameter:0"]);
  });

  it("reads an instance field the class sets once, and nothing else about this", () => {
    const klass = (members: string) => `class Repo {\n${members}\n  find() { use(this.table); }\n}`;
    expect(stringOf(klass(`  private readonly table = "Notes";`)).values).toEqual(["Notes"]);
    expect(stringOf(klass(`  table;\n  constructor() { this.table = "Notes"; }`)).values).toEqual(["Notes"]);
    expect(originsOf(klass(`  table = process.env.NOTES_TABLE;`))).toEqual(["env:NOTES_TABLE"]);
    // Set from the constructor's parameters, written again, written through a computed key, a parameter property: unknown.
    expect(stringOf(klass(`  constructor(table) { this.table = table; }`)).constant).toBe(false);
    expect(stringOf(klass(`  table = "Notes";\n  use(name) { this.table = name; }`)).constant).toBe(false);
    expect(stringOf(klass(`  table = "Notes";\n  set(k, v) { this[k] = v; }`)).constant).toBe(false);
    expect(stringOf(klass(`  constructor(private readonly table: string) {}`)).constant).toBe(false);
    // Not the instance: a nested function's this.
    expect(stringOf(`class Repo {\n  table = "Notes";\n  find() { [1].forEach(function () { use(this.table); }); }\n}`).constant).toBe(false);
  });

  it("survives long + chains and self-reference", () => {
    const parts = Array.from({ length: 400 }, (_, i) => `p${i}`);
    expect(stringOf(`const s = ${parts.map((part) => `"${part}"`).join(" + ")}; use(s);`).values).toEqual([parts.join("")]);
    expect(stringOf(`let a = b; let b = a + x; use(a);`).constant).toBe(false);
  });

  it("answers each question about a variable alike, whichever was asked first (values cut by a cycle are not reused)", () => {
    const code = `
      const TABLE = \`\${process.env.STAGE}-orders\`;
      let a = "x"; let b = a + "y"; a = b + "z";
      use(TABLE, TABLE, b, a);`;
    const shown = (order: number[]) => {
      const { analysis, used, text } = analyze(code);
      const answers: string[][] = [];
      for (const index of order) {
        answers[index] = analysis.values.resolveString(used()[index]).alternatives.map((alternative) =>
          alternative.map((segment) => (segment.kind === "text" ? segment.value : `<${text(segment.node)}:${segment.origins.map((o) => o.kind + (o.kind === "unknown" && o.exhausted ? "!" : "")).join(",")}>`)).join(""),
        );
      }
      return answers;
    };
    const forwards = shown([0, 1, 2, 3]);
    expect(forwards[0]).toEqual(["<process.env.STAGE:env>-orders"]);
    expect(forwards[1]).toEqual(forwards[0]);
    expect(shown([3, 2, 1, 0])).toEqual(forwards);
    expect(shown([3])[3]).toEqual(forwards[3]);
  });
});

describe("value resolver: origins", () => {
  it("recognises Express request input and the caller", () => {
    const code = `app.get("/notes/:id", async (req, res) => { const { id } = req.params; const owner = req.user.sub; use(id, owner, req.body.x); });`;
    expect(originsOf(code, 0)).toEqual(["request:express:params.id"]);
    expect(originsOf(code, 1)).toEqual(["caller:express:user.sub"]);
    expect(originsOf(code, 2)).toEqual(["request:express:body.x"]);
  });

  it("reads a computed member named by a constant string of the file as that member, any other computed member as any", () => {
    const code = `const partitionKeyName = "id";
let field = "name";
app.get("/notes/:id", (req, res) => use(req.params[partitionKeyName], req.body[field], req.query[req.query.f]));`;
    expect(originsOf(code, 0)).toEqual(["request:express:params.id"]);
    expect(originsOf(code, 1)).toEqual(["request:express:body.*"]);
    expect(originsOf(code, 2)).toEqual(["request:express:query.*"]);
  });

  it("takes what `&&` yields from its right side (the left is the value only when falsy), and what `||` and `??` yield from both", () => {
    const code = `import jwt from "jsonwebtoken";
app.get("/n/:id", (req, res) => {
  const verified = req.headers.authorization && jwt.verify(req.headers.authorization, SECRET);
  use(verified.email, req.query.a && "x", req.query.a || "x", req.query.a ?? req.params.id);
});`;
    expect(originsOf(code, 0)).toEqual(["caller:express:verify().email"]);
    expect(originsOf(code, 1)).toEqual([]);
    expect(originsOf(code, 2)).toEqual(["request:express:query.a"]);
    expect(originsOf(code, 3)).toEqual(["request:express:query.a", "request:express:params.id"]);
  });

  it("keeps request input through HTML sanitizers from packages, not through the project's own helpers", () => {
    const code = `import xss from "xss";
const validator = require("validator");
const { sanitize } = require("./allow");
const fields = require("./fields");
const FIELDS = { name: "name", mail: "email" };
function escape(field) { return FIELDS[field] ?? "name"; }
app.put("/users/:id", (req, res) => use(req.sanitize(req.params.id), xss(req.body.bio), validator.escape(req.query.q), sanitize(req.query.f), escape(req.query.f), fields.sanitize(req.query.f)));`;
    expect(originsOf(code, 0)).toEqual(["request:express:params.id"]);
    expect(originsOf(code, 1)).toEqual(["request:express:body.bio"]);
    expect(originsOf(code, 2)).toEqual(["request:express:query.q"]);
    expect(originsOf(code, 3)).toEqual(["unknown"]);
    expect(originsOf(code, 4)).not.toContain("request:express:query.f");
    expect(originsOf(code, 5)).toEqual(["unknown"]);
  });

  it("recognises Lambda events, JSON.parse and conversions", () => {
    const code = `export const handler = async (event) => { const body = JSON.parse(event.body); const n = Number(event.pathParameters.id); const who = event.requestContext.authorizer.claims.sub; use(body.title, n, who); };`;
    expect(originsOf(code, 0)).toEqual(["request:lambda:body.title"]);
    expect(originsOf(code, 1)).toEqual(["request:lambda:pathParameters.id"]);
    expect(originsOf(code, 2)).toEqual(["caller:lambda:requestContext.authorizer.claims.sub"]);
  });

  it("reads lodash's get(object, path) as the member at that path, or its default; a get of the project's own is not lodash's", () => {
    const code = `import get from "lodash/get.js";
import _ from "lodash";
import { get as getIn } from "lodash-es";
import { get as ownGet } from "./store";
export const handler = async (event) => {
  const { requestContext } = event;
  use(get(requestContext, "authorizer.claims.cognito:username"), _.get(event, ["pathParameters", "id"]), getIn(event, "queryStringParameters.q", event.body), ownGet(event, "requestContext.authorizer.claims.sub"), get(event, dynamicPath));
};`;
    expect(originsOf(code, 0)).toEqual(["caller:lambda:requestContext.authorizer.claims.cognito:username"]);
    expect(originsOf(code, 1)).toEqual(["request:lambda:pathParameters.id"]);
    expect(originsOf(code, 2)).toEqual(["request:lambda:queryStringParameters.q", "request:lambda:body"]);
    expect(originsOf(code, 3)).not.toContain("caller:lambda:requestContext.authorizer.claims.sub");
    expect(originsOf(code, 4)).toEqual(["unknown"]);
  });

  it("takes the caller-named parameter of a callback an authentication call is given with the request for the caller", () => {
    const code = `const Auth = require("./Auth");
exports.handler = function (event, context, callback) {
  Auth.wrap(event, callback, (username, data) => {
    Auth.wrap(event.pathParameters, callback, (user) => {
      lookupUser(event, (account) => {
        withAuth(event.headers.Authorization, (claims) => { use(username, data, user, account, claims.sub); });
      });
    });
  });
};`;
    expect(originsOf(code, 0)).toEqual(["caller:lambda:Auth.wrap() callback"]);
    expect(originsOf(code, 1)).toEqual(["parameter:1"]);
    expect(originsOf(code, 2)).toEqual(["parameter:0"]);
    expect(originsOf(code, 3)).toEqual(["parameter:0"]);
    expect(originsOf(code, 4)).toEqual(["caller:lambda:withAuth() callback.sub"]);
  });

  it("takes a user lookup given only the caller's identity for the caller's own record; given request input, for whoever it names", () => {
    const code = `export const handler = async (event) => {
  const cognito = new CognitoClient();
  const me = await cognito.getUser(cognito.getEventAuthValues(event));
  const other = await cognito.getUser(event.pathParameters.userId);
  const mixed = await cognito.getUser({ sub: cognito.getEventAuthValues(event).sub, pool: event.queryStringParameters.pool });
  const orders = await store.listOrders(cognito.getEventAuthValues(event));
  use(parseInt(me["custom:companyId"]), other.companyId, mixed.companyId, orders);
};`;
    expect(originsOf(code, 0)).toEqual(["caller:lambda:getUser().custom:companyId"]);
    expect(originsOf(code, 1)).not.toContainEqual(expect.stringMatching(/^caller:/));
    expect(originsOf(code, 2)).not.toContainEqual(expect.stringMatching(/^caller:/));
    expect(originsOf(code, 3)).toEqual(["unknown"]);
  });

  it("reads a validator's result member that holds the input (zod's safeParse().data) as the input itself", () => {
    const code = `app.post("/x/:id", async (req, res) => {
  const parsed = schema.safeParse(req.params.id);
  const validated = await schema.validate(req.body);
  use(parsed.data, validated.name, req.body.data, parsed.success);
});`;
    expect(originsOf(code, 0)).toEqual(["request:express:params.id"]);
    expect(originsOf(code, 1)).toEqual(["request:express:body.name"]);
    expect(originsOf(code, 2)).toEqual(["request:express:body.data"]);
    // The other members of the result (`success`, `error`) are not the input.
    expect(originsOf(code, 3)).toEqual([]);
  });

  it("reads a member of an object literal as that member's value, not the object's other members", () => {
    const code = `function describe(req) { return { path: req.query.page, visitor: req.cookies.vid, at: Date.now() }; }
app.post("/x/:id", (req, res) => {
  const event = describe(req);
  const key = { id: req.params.id, sort: "META" };
  use(event.visitor, event.path, key.id, event.other);
});`;
    expect(originsOf(code, 0)).toEqual(["request:express:cookies.vid"]);
    expect(originsOf(code, 1)).toEqual(["request:express:query.page"]);
    expect(originsOf(code, 2)).toEqual(["request:express:params.id"]);
    // A member the literal does not have is none of its members (`created.id` of `created = api.create({ name })`).
    expect(originsOf(code, 3)).toEqual([]);
  });

  it("takes a Cognito identity-pool identity for the caller", () => {
    const code = `const AWS = require("aws-sdk");
exports.handler = (event) => {
  AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: pool, Logins: { [provider]: event.headers.Authorization } });
  const credentials = AWS.config.credentials;
  use(AWS.config.credentials.identityId, credentials.identityId, AWS.config.identityId);
};`;
    expect(originsOf(code, 0)).toEqual(["caller:cognito:AWS.config.credentials.identityId"]);
    expect(originsOf(code, 1)).toEqual(["caller:cognito:credentials.identityId"]);
    expect(originsOf(code, 2)).not.toContain("caller:cognito:AWS.config.identityId");
  });

  it("recognises Koa, Hono, Fastify, NestJS and Next.js sources", () => {
    const koa = `router.get("/x/:id", async (ctx) => { use(ctx.params.id, ctx.request.body.a, ctx.state.user.id); });`;
    expect(originsOf(koa, 0)).toEqual(["request:koa:params.id"]);
    expect(originsOf(koa, 1)).toEqual(["request:koa:request.body.a"]);
    expect(originsOf(koa, 2)).toEqual(["caller:koa:state.user.id"]);
    expect(originsOf(`app.get("/x/:id", async (c) => { const id = c.req.param("id"); use(id); });`)).toEqual(["request:hono:req.param.id"]);
    expect(originsOf(`app.get("/x", async (c) => { use(c.get("jwtPayload").sub); });`)).toEqual(["caller:hono:get(jwtPayload).sub"]);
    expect(originsOf(`fastify.get("/x/:id", async (request, reply) => { use(request.params.id); });`)).toEqual(["request:fastify:params.id"]);
    const nest = `@Controller() class C { @Get(":id") find(@Param("id") id: string, @CurrentUser() user: User) { use(id, user.id); } }`;
    expect(originsOf(nest, 0)).toEqual(["request:nestjs:params.id"]);
    expect(originsOf(nest, 1)).toEqual(["caller:nestjs:user.id"]);
    expect(originsOf(`export async function GET(request, { params }) { const { id } = await params; use(id); }`)).toEqual(["request:nextjs:params.id"]);
    expect(originsOf(`export async function GET(request) { use(request.nextUrl.searchParams.get("id")); }`)).toEqual(["request:nextjs:nextUrl.searchParams.get.id"]);
    expect(originsOf(`"use server"; export async function save(formData) { use(formData.get("id")); }`)).toEqual(["request:nextjs:arguments[0].get.id"]);
    expect(originsOf(`export async function DELETE(req) { const session = await auth(); use(session.user.id); }`)).toEqual(["caller:settings:auth().user.id"]);
  });

  it("recognises process.env, parameters and modules, and constant-table lookups", () => {
    expect(originsOf(`use(process.env.TABLE_NAME);`)).toEqual(["env:TABLE_NAME"]);
    expect(originsOf(`function f(a, b) { use(b); }`)).toEqual(["parameter:1"]);
    expect(originsOf(`import { cfg } from "./cfg"; use(cfg.table);`)).toEqual(["module"]);
    expect(originsOf(`const FIELDS = { a: "alpha", b: "beta" }; app.get("/", (req, res) => use(FIELDS[req.query.f]));`)).toEqual([]);
  });

  it("treats environment globals as globals: configured (`/* global */`) and TypeScript lib ones", () => {
    expect(originsOf(`/* global process */ use(process.env.TABLE_NAME);`)).toEqual(["env:TABLE_NAME"]);
    expect(originsOf(`function f(a) { use(Object.assign({}, a)); }`)).toEqual(["parameter:0"]);
    expect(originsOf(`function f(a) { use(Array.from(a)); }`)).toEqual(["parameter:0"]);
    expect(originsOf(`use(undefined);`)).toEqual([]);
    expect(stringOf(`use(flag ? "a" : undefined);`).values).toEqual(["a", "undefined"]);
    // A local binding of the same name is not the global.
    expect(originsOf(`function f(process) { use(process.env.X); }`)).toEqual(["parameter:0"]);
  });

  it("extends the catalogue from settings", () => {
    const settings = { "dynamodb-security": { requestSources: ["input.payload", "readInput()"], callerSources: ["whoAmI()", "auth.currentAccount()"] } };
    expect(originsOf(`function h(input) { use(input.payload.id); }`, 0, { settings })).toEqual(["request:settings:input.payload.id"]);
    expect(originsOf(`use(readInput().x);`, 0, { settings })).toEqual(["request:settings:readInput().x"]);
    expect(originsOf(`use(whoAmI().id);`, 0, { settings })).toEqual(["caller:settings:whoAmI().id"]);
    expect(originsOf(`use(auth.currentAccount().id);`, 0, { settings })).toEqual(["caller:settings:auth.currentAccount().id"]);
    // A configured plain name is a function, not any method of that name.
    expect(originsOf(`use(session.whoAmI().id);`, 0, { settings })).toEqual(["unknown"]);
    // Each file reads the settings it is given: other settings, other sources.
    const other = { "dynamodb-security": { requestSources: ["readBody()"] } };
    expect(originsOf(`use(readInput().x);`, 0, { settings: other })).toEqual(["unknown"]);
    expect(originsOf(`use(readBody().x);`, 0, { settings: other })).toEqual(["request:settings:readBody().x"]);
    expect(originsOf(`use(readInput().x);`, 0, { settings })).toEqual(["request:settings:readInput().x"]);
  });

  it("extends the catalogue below a framework's request parameter too (req.ctx.input, req.session.account)", () => {
    const settings = { "dynamodb-security": { requestSources: ["req.ctx.input"], callerSources: ["req.session.account"] } };
    const handler = (expression: string) => `app.delete("/x", (req, res) => { use(${expression}); });`;
    expect(originsOf(handler("req.ctx.input.noteId"), 0, { settings })).toEqual(["request:settings:req.ctx.input.noteId"]);
    expect(originsOf(handler("req.session.account"), 0, { settings })).toEqual(["caller:settings:req.session.account"]);
    // Without settings: members of the request object that are neither input nor caller.
    expect(originsOf(handler("req.ctx.input.noteId"))).not.toContain("request:settings:req.ctx.input.noteId");
  });

  it("answers each question about a variable alike, whichever was asked first (answers cut by a cycle are not reused)", () => {
    const code = `app.get("/x", (req, res) => {
      const table = req.query.table;
      let p = req.query.a; let q = p + req.headers.h; p = q + "z";
      use(table, table, q, p);
    });`;
    const shown = (order: number[]) => {
      const { analysis, used } = analyze(code);
      const answers: string[][] = [];
      for (const index of order) answers[index] = analysis.values.originsOf(used()[index]).map((origin) => `${origin.kind}:${"path" in origin ? String(origin.path) : ""}`).sort();
      return answers;
    };
    const forwards = shown([0, 1, 2, 3]);
    expect(forwards[0]).toEqual(["request:query.table"]);
    expect(forwards[1]).toEqual(forwards[0]);
    expect(forwards[3]).toEqual(["request:headers.h", "request:query.a"]);
    expect(shown([3, 2, 1, 0])).toEqual(forwards);
    expect(shown([3])[3]).toEqual(forwards[3]);
  });

  it("keeps the request path of a value through string and array methods", () => {
    expect(originsOf(`app.get("/x", (req, res) => { use(req.query.table.trim().toLowerCase()); });`)).toEqual(["request:express:query.table"]);
    expect(originsOf(`app.get("/x", (req, res) => { use(req.query.fields.split(",")); });`)).toEqual(["request:express:query.fields"]);
    expect(originsOf(`app.get("/x", async (c) => { use(c.req.param("t").trim()); });`)).toEqual(["request:hono:req.param.t"]);
  });

  it("gives the origins of an expression inside a helper for one of its calls", () => {
    const { analysis } = analyze(`
      function buildNames(fields) { const names = {}; for (const f of fields) names["#" + f] = f; return names; }
      app.get("/x", (req, res) => { buildNames(req.query.fields.split(",")); buildNames(["a"]); });
    `);
    const calls = analysis.index.calls.filter((call) => call.callee.type === "Identifier" && call.callee.name === "buildNames");
    const helper = analysis.values.sameFileFunction(calls[0].callee)!;
    const f = analysis.index.functions[0];
    const assignment = analysis.index.assignments.find((candidate) => candidate.right.type === "Identifier" && candidate.right.name === "f")!;
    expect(helper).toBe(f);
    expect(analysis.values.originsInCall(assignment.right, f, calls[0]).map((origin) => origin.kind)).toEqual(["request"]);
    expect(analysis.values.originsInCall(assignment.right, f, calls[1])).toEqual([]);
    expect(analysis.values.originsOf(assignment.right).map((origin) => origin.kind)).toEqual(["parameter"]);
  });

  it("follows a method of a const object literal of the file as it follows a helper function", () => {
    expect(originsOf(`const helpers = { pick: (x) => x.id }; app.get("/u", (req, res) => { use(helpers.pick(req.query)); });`)).toEqual(["request:express:query.id"]);
    // Written again later: no longer known.
    expect(originsOf(`const helpers = { pick: (x) => x.id }; helpers.pick = other; app.get("/u", (req, res) => { use(helpers.pick(req.query)); });`)).toEqual(["unknown"]);
  });

  it("does not take getUserById(req.params.id) for the caller", () => {
    expect(originsOf(`app.get("/u/:id", async (req, res) => { use(await getUserById(req.params.id)); });`)).toEqual(["unknown"]);
  });

  it("takes an authentication-named call without arguments for the caller (it can only find the caller from the request context)", () => {
    expect(originsOf(`import { auth as getAuthenticatedSubject } from "@/app/actions"; async function f() { use(await getAuthenticatedSubject()); }`)).toEqual(["caller:settings:getAuthenticatedSubject()"]);
    expect(originsOf(`import { requireAuth } from "@acme/auth"; async function f() { use((await requireAuth()).properties.id); }`)).toEqual(["caller:settings:requireAuth().properties.id"]);
    // Not authentication by name, or given something to look up.
    expect(originsOf(`import { getAuthors, getTokenPrice } from "./catalog"; async function f() { use(await getAuthors()); }`)).toEqual(["unknown"]);
    expect(originsOf(`import { getTokenPrice } from "./catalog"; async function f() { use(await getTokenPrice()); }`)).toEqual(["unknown"]);
    expect(originsOf(`import { currentUserOf } from "./users"; async function f(id) { use(await currentUserOf(id)); }`)).toEqual(["unknown"]);
  });

  it("takes getUser(id) for a lookup when getUser is the project's own code and id a parameter, and for the caller otherwise", () => {
    // A relative import or a function of this file: what it returns is analysed, not guessed from its name.
    expect(originsOf(`import { getUser } from "./db/users"; export async function find(id) { use(await getUser(id)); }`)).toEqual(["unknown"]);
    expect(originsOf(`const { getUser } = require("../db/users"); async function find(userId) { use(await getUser(userId)); }`)).toEqual(["unknown"]);
    expect(originsOf(`async function getUser(id) { return load(id); } async function find(id) { use(await getUser(id)); }`)).toEqual(["unknown"]);
    // The request or its credentials passed on, or a package's function: still the caller.
    expect(originsOf(`import { getUser } from "./auth"; async function me(req) { use(await getUser(req)); }`)).toEqual(["caller:settings:getUser()"]);
    expect(originsOf(`import { getUser } from "./auth"; async function me(token) { use(await getUser(token)); }`)).toEqual(["caller:settings:getUser()"]);
    expect(originsOf(`import { getUser } from "@acme/auth"; async function find(id) { use(await getUser(id)); }`)).toEqual(["caller:settings:getUser()"]);
  });
});

describe("value resolver: returned expressions", () => {
  const code = `
function pick(flag: boolean) {
  if (flag) return "a";
  const nested = () => { return "from nested"; };
  [1].map(function (n) { return n; });
  for (const x of [1]) { if (x) return \`b\${x}\`; }
  return nested();
}
const arrow = (y: number) => y + 1;
function nothing() { return; }`;
  const functionNamed = ({ analysis, text }: ReturnType<typeof analyze>, start: string) => {
    const fn = analysis.index.functions.find((candidate) => text(candidate)?.startsWith(start));
    if (!fn) throw new Error(`no function ${start}`);
    return fn;
  };

  it("lists a function's own returns in order, not those of functions nested in it; an expression body is returned", () => {
    const file = analyze(code);
    const returned = (start: string) => file.analysis.values.returnsOf(functionNamed(file, start)).map(file.text);
    expect(returned("function pick")).toEqual([`"a"`, "`b${x}`", "nested()"]);
    expect(returned("() => { return")).toEqual([`"from nested"`]);
    expect(returned("function (n)")).toEqual(["n"]);
    expect(returned("(y: number)")).toEqual(["y + 1"]);
    expect(returned("function nothing")).toEqual([]);
  });

  it("walks a function of another file", () => {
    const here = analyze("function other() { return 1; }");
    const there = analyze(code);
    expect(here.analysis.values.returnsOf(functionNamed(there, "function pick")).map(there.text)).toEqual([`"a"`, "`b${x}`", "nested()"]);
  });
});

describe("value resolver: composed pieces", () => {
  const piecesOf = (code: string) => {
    const { analysis, used, text } = analyze(code);
    return analysis.values.composedPieces(used()[0]).map(text);
  };

  it("gives a template's expressions and the operands of +, also through a variable", () => {
    expect(piecesOf("const pk = `ORG#${org}#USER#${user}`; use(pk);")).toEqual(["org", "user"]);
    expect(piecesOf(`use("ORG#" + org);`)).toEqual([`"ORG#"`, "org"]);
  });

  it("gives the arguments a key builder composes, each parameter once", () => {
    const builder = "function key(org: string, user: string) { if (!org) return `USER#${user}`; return `ORG#${org}#USER#${user}`; }";
    expect(piecesOf(`${builder} use(key(a, b));`)).toEqual(["b", "a"]);
  });

  it("gives nothing for a builder that does more than compose its parameters, or for a plain value", () => {
    expect(piecesOf("function key(org, user) { return `${org}#${lookup(user)}`; } use(key(a, b));")).toEqual([]);
    expect(piecesOf("function key(org, user) { return hash(org + user); } use(key(a, b));")).toEqual([]);
    expect(piecesOf("function key(org, user) { return `${org.id}#${user}`; } use(key(a, b));")).toEqual([]);
    expect(piecesOf("use(id);")).toEqual([]);
  });
});

describe("value resolver: objects", () => {
  function objectOf(code: string) {
    const { analysis, used, text } = analyze(code);
    const resolved = analysis.values.resolveObject(used()[0]);
    if (!resolved) return undefined;
    return {
      keys: [...resolved.properties.keys()],
      complete: resolved.complete,
      spreads: (resolved.spreads ?? []).map((node) => text(node)),
      computed: (resolved.computed ?? []).map((entry) => `${text(entry.key)}=${text(entry.value)}`),
    };
  }

  it("resolves what a same-file factory returns when it returns one object", () => {
    const factoryKeys = (code: string) => {
      const { analysis, used } = analyze(code);
      const resolved = analysis.values.factoryObject(used()[0]);
      return resolved ? [...resolved.properties.keys()] : undefined;
    };
    const factory = `const model = (table) => ({ get: (key) => db.get({ TableName: table, Key: key }), remove: (key) => db.delete({ TableName: table, Key: key }) });`;
    expect(factoryKeys(`${factory} use(model("Courses"));`)).toEqual(["get", "remove"]);
    expect(factoryKeys(`${factory} const courses = model("Courses"); use(courses);`)).toEqual(["get", "remove"]);
    // two possible objects, or a function of another module: not resolved
    expect(factoryKeys(`function pick(a) { if (a) return { x: 1 }; return { y: 2 }; } use(pick(true));`)).toBeUndefined();
    expect(factoryKeys(`const { model } = require("./models"); use(model("Courses"));`)).toBeUndefined();
    // an immediately invoked function's object
    expect(factoryKeys(`const db = (function () { function get(id) {} function remove(id) {} return { get, remove }; })(); use(db);`)).toEqual(["get", "remove"]);
  });

  it("gives the members written on an object it cannot resolve, with that object as a spread", () => {
    expect(objectOf(`function f(event) { const todo = JSON.parse(event.body); todo.id = event.id; use(todo); }`)).toEqual({ keys: ["id"], complete: false, spreads: ["JSON.parse(event.body)"], computed: [] });
    // nothing written on it: still unknown
    expect(objectOf(`function f(event) { const todo = JSON.parse(event.body); use(todo); }`)).toBeUndefined();
  });

  it("lists the spreads and Object.assign sources it could not resolve", () => {
    expect(objectOf(`app.get("/", (req, res) => { use({ ...req.body, TableName: "T" }); });`)).toEqual({
      keys: ["TableName"],
      complete: false,
      spreads: ["req.body"],
      computed: [],
    });
    expect(objectOf(`const base = { TableName: "T" }; use({ ...base, Limit: 10 });`)).toEqual({ keys: ["TableName", "Limit"], complete: true, spreads: [], computed: [] });
    expect(objectOf(`function f(q) { const params = { TableName: "T" }; Object.assign(params, q, { Limit: 1 }); use(params); }`)).toEqual({
      keys: ["TableName", "Limit"],
      complete: false,
      spreads: ["q"],
      computed: [],
    });
    expect(objectOf(`function f(a) { use(Object.assign({}, a, { TableName: "T" })); }`)?.spreads).toEqual(["a"]);
    // A spread of a resolved object that itself merges something unresolved passes it on.
    expect(objectOf(`function f(a) { const inner = { ...a }; use({ ...inner, TableName: "T" }); }`)?.spreads).toEqual(["a"]);
    expect(objectOf(`function f(a) { use({ ...(a && { ExclusiveStartKey: a }) }); }`)?.spreads).toEqual(["a && { ExclusiveStartKey: a }"]);
  });

  it("gives the members a function writes on a parameter, as an incomplete object", () => {
    const writes = (code: string) => {
      const { analysis, used } = analyze(code);
      const resolved = analysis.values.parameterWrites(used()[0]);
      return resolved && { keys: [...resolved.properties.keys()], complete: resolved.complete };
    };
    expect(writes(`function f(o) { o.endpoint = "x"; Object.assign(o, { region: "r" }); use(o); }`)).toEqual({ keys: ["endpoint", "region"], complete: false });
    expect(writes(`function f(o) { use(o); }`)).toBeUndefined();
    // Not a parameter: a local object is resolveObject's.
    expect(writes(`const o = {}; o.endpoint = "x"; use(o);`)).toBeUndefined();
  });

  it("gives the members earlier statements write on the same object through another variable holding it", () => {
    const writes = (code: string) => {
      const { analysis, used } = analyze(code);
      const resolved = analysis.values.aliasWrites(used()[0]);
      return resolved && [...resolved.properties.keys()];
    };
    expect(writes(`app.post("/", (req) => { let e = req.body; e.pk = "p"; const f = req.body; f.sk = Date.now(); use(req.body); });`)).toEqual(["pk", "sk"]);
    expect(writes(`function f(body) { const copy = body; copy.id = uuid(); use(body); }`)).toEqual(["id"]);
    // Another member of the request, an alias made after the use or in another function, or one written twice: not the same object then.
    expect(writes(`app.post("/", (req) => { const q = req.query; q.pk = "p"; use(req.body); });`)).toBeUndefined();
    expect(writes(`app.post("/", (req) => { use(req.body); const e = req.body; e.pk = "p"; });`)).toBeUndefined();
    expect(writes(`app.post("/", (req) => { const later = () => { const e = req.body; e.pk = "p"; }; use(req.body); });`)).toBeUndefined();
    expect(writes(`app.post("/", (req) => { let e = req.body; e = {}; e.pk = "p"; use(req.body); });`)).toBeUndefined();
  });

  it("applies later writes made through a member path", () => {
    const code = `function f(k, v) {
      const params = { TableName: "T", ExpressionAttributeNames: { "#a": "a" } };
      params.ExpressionAttributeNames["#b"] = "b";
      params.ExpressionAttributeNames[\`#\${k}\`] = k;
      params.Other[k] = v;
      other.ExpressionAttributeNames.x = 1;
      use(params.ExpressionAttributeNames);
    }`;
    expect(objectOf(code)).toEqual({ keys: ["#a", "#b"], complete: false, spreads: [], computed: ["`#${k}`=k"] });
    const { analysis, find } = analyze(code);
    const names = analysis.values.resolveObjectAt(find("params"), ["ExpressionAttributeNames"]);
    expect([...(names?.properties.keys() ?? [])]).toEqual(["#a", "#b"]);
    expect(analysis.values.resolveObjectAt(find("params"), ["Missing"])).toBeUndefined();
    // A replaced nested object starts over from the assignment.
    expect(objectOf(`const p = { N: { a: 1 } }; p.N = { b: 2 }; p.N.c = 3; use(p.N);`)?.keys).toEqual(["b", "c"]);
  });

  it("applies the writes made through a variable's path to a literal nested in its literal, also seen through a spread", () => {
    const generateUpdate = (use: string) => `function f(fields) {
      const exp = { UpdateExpression: "set", ExpressionAttributeNames: { "#a": "a" }, Deep: { Names: {} } };
      for (const key of Object.keys(fields)) exp.ExpressionAttributeNames[\`#\${key}\`] = key;
      exp.Deep.Names.x = 1;
      ${use}
    }`;
    const expected = { keys: ["#a"], complete: false, spreads: [], computed: ["`#${key}`=key"] };
    // through the spread: the input's member is exp's literal, with exp's later writes
    const spread = analyze(generateUpdate(`use({ TableName: "T", ...exp });`));
    const input = spread.used()[0];
    const names = spread.analysis.values.resolveObjectAt(input, ["ExpressionAttributeNames"]);
    expect({ keys: [...(names?.properties.keys() ?? [])], computed: (names?.computed ?? []).map((entry) => `${spread.text(entry.key)}=${spread.text(entry.value)}`) }).toEqual({
      keys: expected.keys,
      computed: expected.computed,
    });
    expect([...(spread.analysis.values.resolveObjectAt(input, ["Deep", "Names"])?.properties.keys() ?? [])]).toEqual(["x"]);
    // through the variable itself: the writes counted once
    expect(objectOf(generateUpdate("use(exp.ExpressionAttributeNames);"))).toEqual(expected);
    const direct = analyze(generateUpdate("use(exp);"));
    expect(direct.analysis.values.resolveObjectAt(direct.find("exp"), ["ExpressionAttributeNames"])?.computed).toHaveLength(1);
    // a literal of a variable written again has only what it says: which write a path reaches is not known
    const rewritten = analyze(`let exp = { N: { y: 2 } }; use({ ...exp }); exp = { N: {} }; exp.N.x = 1;`);
    expect([...(rewritten.analysis.values.resolveObjectAt(rewritten.used()[0], ["N"])?.properties.keys() ?? [])]).toEqual(["y"]);
  });

  it("lists entries with computed keys, in literals and in later assignments", () => {
    expect(objectOf(`function f(k, v) { const names = { "#a": "a", [k]: v }; names[\`#\${k}\`] = k; names.x = 1; use(names); }`)).toEqual({
      keys: ["#a", "x"],
      complete: false,
      spreads: [],
      computed: ["k=v", "`#${k}`=k"],
    });
    // Computed keys of literals stay computed, constant or not: the caller asks the resolver about the key.
    expect(objectOf(`const T = "Notes"; use({ [T]: { Keys: [] } });`)).toEqual({ keys: [], complete: false, spreads: [], computed: ["T={ Keys: [] }"] });
    // An assignment through a constant string of the file names that member (Amplify's `params[partitionKeyName] = ...`);
    // one through a variable that may change, or a constant that is no string literal, stays computed.
    expect(objectOf(`const K = "#n"; const names = {}; names[K] = "name"; use(names);`)).toEqual({ keys: ["#n"], complete: true, spreads: [], computed: [] });
    expect(objectOf(`let K = "#n"; if (x) K = "#m"; const names = {}; names[K] = "name"; use(names);`)?.computed).toEqual(["K=\"name\""]);
    expect(objectOf(`const K = key(); const names = {}; names[K] = "name"; use(names);`)?.computed).toEqual(["K=\"name\""]);
  });

  it("resolves an object literal once, but never keeps an answer the budget cut short", () => {
    const code = `const base = { TableName: "T" }; const params = { ...base, Limit: 10 }; use({ ...params, Key: k });`;
    const first = analyze(code);
    const literal = first.used()[0];
    const resolved = first.analysis.values.resolveObject(literal)!;
    expect([...resolved.properties.keys()]).toEqual(["TableName", "Limit", "Key"]);
    expect(first.analysis.values.resolveObject(literal)).toBe(resolved);
    // A budget of 3 steps runs out inside the nested spreads (\`params\`, then \`base\` in it); a fresh budget later resolves both.
    const second = analyze(code);
    const cut = second.analysis.values.resolveObject(second.used()[0], { steps: 3 })!;
    expect(cut.complete).toBe(false);
    const whole = second.analysis.values.resolveObject(second.used()[0])!;
    expect(whole.complete).toBe(true);
    expect([...whole.properties.keys()]).toEqual(["TableName", "Limit", "Key"]);
    // The same for a budget that runs out exactly at the variable: nothing is kept either.
    const third = analyze(code);
    for (let steps = 1; steps <= 4; steps++) third.analysis.values.resolveObject(third.used()[0], { steps });
    expect(third.analysis.values.resolveObject(third.used()[0])!.complete).toBe(true);
  });
});
