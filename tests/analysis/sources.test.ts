import { describe, expect, it, vi } from "vitest";
import { analyze } from "./helpers";
import { describeRequestSource, sourceText } from "../../src/analysis/sources";

/** handlerKind of every function in the file, in source order. */
function kinds(code: string, filename?: string): Array<string | undefined> {
  const { analysis } = analyze(code, { filename });
  return [...analysis.index.functions].sort((a, b) => a.range[0] - b.range[0]).map((fn) => analysis.sources.handlerKind(fn)?.kind);
}

describe("source catalogue: handler detection", () => {
  it("recognises Next.js route handlers exported through export lists and wrappers", () => {
    expect(kinds(`const GET = async (req, { params }) => {}; export { GET };`)).toEqual(["next-route"]);
    expect(kinds(`async function handle(req) {} export { handle as DELETE };`)).toEqual(["next-route"]);
    expect(kinds(`export const GET = withApiAuthRequired(async (req, ctx) => {});`)).toEqual(["next-route"]);
    expect(kinds(`export { GET } from "./other"; const GET = async (req, ctx) => {};`)).toEqual([undefined]);
    expect(kinds(`function inner() { const GET = () => {}; } export { inner as GET };`)).toEqual(["next-route", undefined]);
  });
});

describe("source catalogue: Lambda handlers", () => {
  it("takes an event parameter, an API Gateway event type, or an exported `handler` that takes nothing for a Lambda handler", () => {
    expect(kinds(`export const handler = async (event) => {};`)).toEqual(["lambda"]);
    expect(kinds(`const run = async (e: APIGatewayProxyEventV2) => {};`)).toEqual(["lambda"]);
    expect(kinds(`export const handler = async () => {};`)).toEqual(["lambda"]);
    expect(kinds(`export async function handler() {}`)).toEqual(["lambda"]);
    expect(kinds(`export const list = async () => {}; const handler = async () => {};`)).toEqual([undefined, undefined]);
  });
});

describe("source catalogue: Koa middleware on its own", () => {
  it("takes an exported or Context-typed function of one ctx parameter for a Koa handler, in ESM and CommonJS", () => {
    expect(kinds(`module.exports = async function (ctx) {};`, "/app/products/remove.js")).toEqual(["controller"]);
    expect(kinds(`async function remove(ctx) {}\nmodule.exports = remove;`, "/app/products/remove.js")).toEqual(["controller"]);
    expect(kinds(`async function show(ctx) {}\nasync function list(ctx) {}\nmodule.exports = { show, all: list };`, "/app/products/read.js")).toEqual(["controller", "controller"]);
    expect(kinds(`const show = async (ctx) => {};\nexports.show = show;`, "/app/products/read.js")).toEqual(["controller"]);
    expect(kinds(`const show = async (ctx: Context) => {};`, "/app/products/read.ts")).toEqual(["controller"]);
    expect(kinds(`function draw(ctx) {}\nconst paint = (ctx, colour) => {};`, "/app/canvas.js")).toEqual([undefined, undefined]);
  });
});

describe("source catalogue: Next.js API routes (Pages Router)", () => {
  it("takes (req, res) functions under pages/api, and NextApiRequest parameters anywhere, for API routes", () => {
    const handler = `export default async function handler(req, res) {}`;
    expect(kinds(handler, "/app/src/pages/api/notes/[id].ts")).toEqual(["next-api"]);
    expect(kinds(handler, "/app/pages/api/notes.js")).toEqual(["next-api"]);
    expect(kinds(handler, "/app/src/routes/notes.ts")).toEqual(["controller"]);
    expect(kinds(handler, "/app/src/pages/notes.tsx")).toEqual(["controller"]);
    expect(kinds(`export default function route(r: NextApiRequest, s: NextApiResponse) {}`, "/app/lib/handlers.ts")).toEqual(["next-api"]);
  });

  it("sorts the request's members like Express's and names the source as a Next.js API route", () => {
    const code = `export default async function handler(req, res) { use(req.query.id, req.body, req.cookies.token, req.user.id); }`;
    const { analysis, used } = analyze(code, { filename: "/app/pages/api/notes/[id].js" });
    const origins = used().map((node) => analysis.values.originsOf(node)[0]);
    expect(origins.map((origin) => [origin.kind, "framework" in origin ? origin.framework : undefined])).toEqual([
      ["request", "next-pages"],
      ["request", "next-pages"],
      ["request", "next-pages"],
      ["caller", "next-pages"],
    ]);
    expect(describeRequestSource(origins[0] as { framework: "next-pages"; path: string })).toBe("`req.query.id` (Next.js API route)");
  });
});

describe("sourceText: request sources as messages quote them", () => {
  it("puts each framework's request object before the path, calls where the framework reads by a call (with the key a getter reads), and brackets where a member is no identifier", () => {
    const cases: Array<[Parameters<typeof sourceText>[0]["framework"], string, string]> = [
      ["express", "params.id", "req.params.id"],
      ["express", "header", "req.header()"],
      ["express", "headers.x-table", 'req.headers["x-table"]'],
      ["express", "body.items.0.table", "req.body.items[0].table"],
      ["fastify", "query.prefix", "request.query.prefix"],
      ["koa", "cookies.get", "ctx.cookies.get()"],
      ["koa", "request.body", "ctx.request.body"],
      ["hono", "req.json.table", "c.req.json().table"],
      ["lambda", "pathParameters.id", "event.pathParameters.id"],
      ["lambda", "body-json.pk", 'event["body-json"].pk'],
      ["nextjs", "json.orderId", "request.json().orderId"],
      ["nextjs", "params.id", "params.id"],
      ["nextjs", "arguments[0].get", "arguments[0].get()"],
      ["nextjs", "nextUrl.searchParams.get", "request.nextUrl.searchParams.get()"],
      ["nextjs", "headers.get", "request.headers.get()"],
      ["nestjs", "query.sort", "query.sort"],
      ["settings", "readInput()", "readInput()"],
      // A key getter's key, the path's last segment, is written as its argument.
      ["hono", "req.param.id", 'c.req.param("id")'],
      ["hono", "req.query.q", 'c.req.query("q")'],
      ["express", "get.x-user", 'req.get("x-user")'],
      ["express", "param.id", 'req.param("id")'],
      ["koa", "get.x-tenant", 'ctx.get("x-tenant")'],
      ["koa", "cookies.get.sid", 'ctx.cookies.get("sid")'],
      ["nextjs", "nextUrl.searchParams.get.id", 'request.nextUrl.searchParams.get("id")'],
      ["nextjs", "arguments[0].get.title", 'arguments[0].get("title")'],
    ];
    expect(cases.map(([framework, path]) => sourceText({ framework, path }))).toEqual(cases.map(([, , text]) => text));
  });
});

describe("file analysis: hasRequestHandler", () => {
  it("finds a handler among the file's functions, nested ones included, without the file index", () => {
    const cases: Array<[string, boolean]> = [
      [`import { save } from "./db"; export const handler = async (event) => save(event.body);`, true],
      [`router.get("/x", function (req, res) { res.send(1); });`, true],
      [`export function make() { return { handler: () => app.post("/u", async (req, res) => res.end()) }; }`, true],
      [`import { join } from "node:path"; export function resolve(a, b) { return join(a, b); } const f = function named(x) { return x; };`, false],
      [`export const x = 1;`, false],
    ];
    for (const [code, expected] of cases) {
      const { analysis } = analyze(code);
      expect(analysis.hasRequestHandler, code).toBe(expected);
      expect(analysis.hasRequestHandler, code).toBe(analysis.index.functions.some((fn) => analysis.sources.handlerKind(fn) !== undefined));
    }
  });
});

describe("file analysis: handlersMayCallProjectModules", () => {
  it("asks for no handler in a file that names no DynamoDB package and imports no project module (its imports are known by then)", () => {
    const { analysis } = analyze(`import express from "express"; const app = express(); app.get("/x", (req, res) => res.send(req.query.id));`);
    expect(analysis.mentionsDynamoDB).toBe(false);
    const handlerKind = vi.spyOn(analysis.sources, "handlerKind");
    expect(analysis.handlersMayCallProjectModules).toBe(false);
    expect(handlerKind).not.toHaveBeenCalled();
    expect(analysis.hasRequestHandler).toBe(true);
  });
});

describe("source catalogue: caller functions", () => {
  it("does not take a caller-named function for the caller when it is given request input to look up", () => {
    const code = `app.get("/u/:id", async (req, res) => { use(getUser(req.params.id), getUser(req), getCurrentUser(req.headers.authorization), getUser()); });`;
    const { analysis, used } = analyze(code);
    expect(used().map((node) => analysis.values.originsOf(node).map((origin) => origin.kind))).toEqual([["unknown"], ["caller"], ["caller"], ["caller"]]);
  });
});

describe("source catalogue: authentication calls yield the caller", () => {
  it("takes the result of verifying the request's credentials, of finding the user from the whole request, or of an access check given it, for the caller", () => {
    const code = `
      import jwt from "jsonwebtoken";
      app.get("/x/:id", async (req, res) => {
        const token = req.headers.authorization.split(" ")[1];
        use(
          jwt.verify(token, SECRET).sub,
          (await authenticate(req)).id,
          lookupAccount(req.cookies.session).id,
          parseUserInput(req).id,
          format(req.headers["content-type"]),
          jwt.verify(req.params.token, SECRET),
          (await assertUserAccess(req)).userId,
          logAccess(req).id,
          verifyToken(req.body.accessToken).sub,
          lookup(req.body.accessToken).sub,
        );
      });
      export const handler = async (event) => { use(getUserFromEvent(event).id); };`;
    const { analysis } = analyze(code);
    const uses = analysis.index.calls.filter((call) => call.callee.type === "Identifier" && call.callee.name === "use");
    const kinds = uses.map((call) => call.arguments.map((node) => analysis.values.originsOf(node).map((origin) => origin.kind).join("|")));
    expect(kinds).toEqual([["caller", "caller", "caller", "unknown", "unknown", "unknown", "caller", "unknown", "caller", "unknown"], ["caller"]]);
  });
});

describe("source catalogue: the caller a project's middleware sets", () => {
  it("takes request members named for a person, their id or email, or a decoded token for the caller (and a WebSocket event's connection), and leaves framework members and req.profile alone", () => {
    const origin = (code: string) => {
      const { analysis, used } = analyze(code);
      return used().map((node) => analysis.values.originsOf(node).map((o) => o.kind).join("|"));
    };
    expect(origin(`app.get("/n/:id", (req, res) => { use(req.teacher.teacherId, req.teacherId, req.userData.id, req.email, req.decoded.sub, req.uid, res.locals.account.id, req.jwtDecoded.userID, req.tokenInfo.sub); });`)).toEqual(
      Array(9).fill("caller"),
    );
    expect(origin(`app.get("/n/:id", (req, res) => { use(req.profile._id, req.app, req.route.path, req.params.teacherId, req.login, req.token); });`)).toEqual([
      "request-object",
      "request-object",
      "request-object",
      "request",
      "request-object",
      "request-object",
    ]);
    expect(origin(`export const handler = async (event) => { use(event.email, event.userId, event.pathParameters.id, event.requestContext.connectionId); };`)).toEqual(["caller", "caller", "request", "caller"]);
    // API Gateway's non-proxy mapping template: the parsed body under `body-json`, parameters under `params`.
    expect(origin(`export const handler = async (event) => { use(event["body-json"].pk, event.params.path.id); };`)).toEqual(["request", "request"]);
    expect(origin(`router.get("/n/:id", async (ctx) => { use(ctx.state.account.id, ctx.state.locale, ctx.params.id); });`)).toEqual(["caller", "request-object", "request"]);
  });

  it("takes the Lambda event's authorizer and Cognito identity behind Express on Lambda (req.apiGateway.event) for the caller", () => {
    const origin = (code: string) => {
      const { analysis, used } = analyze(code);
      return used().map((node) => analysis.values.originsOf(node).map((o) => o.kind).join("|"));
    };
    expect(
      origin(`app.get("/chats/:id", (req, res) => { use(req.apiGateway.event.requestContext.authorizer.claims.sub, req.apiGateway.event.requestContext.identity.cognitoIdentityId, req.apiGateway.event.requestContext.identity.sourceIp, req.apiGateway.context.awsRequestId); });`),
    ).toEqual(["caller", "caller", "request-object", "request-object"]);
  });
});
