import { describe, expect, it } from "vitest";
import { analyze } from "./helpers";

/** handlerKind of every function in the file, in source order. */
function kinds(code: string): Array<string | undefined> {
  const { analysis } = analyze(code);
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

describe("source catalogue: caller functions", () => {
  it("does not take a caller-named function for the caller when it is given request input to look up", () => {
    const code = `app.get("/u/:id", async (req, res) => { use(getUser(req.params.id), getUser(req), getCurrentUser(req.headers.authorization), getUser()); });`;
    const { analysis, used } = analyze(code);
    expect(used().map((node) => analysis.values.originsOf(node).map((origin) => origin.kind))).toEqual([["unknown"], ["caller"], ["caller"], ["caller"]]);
  });
});

describe("source catalogue: authentication calls yield the caller", () => {
  it("takes the result of verifying the request's credentials, or of finding the user from the whole request, for the caller", () => {
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
        );
      });
      export const handler = async (event) => { use(getUserFromEvent(event).id); };`;
    const { analysis } = analyze(code);
    const uses = analysis.index.calls.filter((call) => call.callee.type === "Identifier" && call.callee.name === "use");
    const kinds = uses.map((call) => call.arguments.map((node) => analysis.values.originsOf(node).map((origin) => origin.kind).join("|")));
    expect(kinds).toEqual([["caller", "caller", "caller", "unknown", "unknown", "unknown"], ["caller"]]);
  });
});
