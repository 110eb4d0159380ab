import { describe, expect, it } from "vitest";
import type { Origin } from "../../src/analysis";
import { analyze } from "./helpers";

/** The verdict on the first non-constant origin of `use(...)`'s argument, which must be a parameter. */
function verdictOf(code: string) {
  const { analysis, used } = analyze(code);
  const origin = analysis.values.originsOf(used()[0])[0] as Extract<Origin, { kind: "parameter" }>;
  expect(origin?.kind).toBe("parameter");
  const verdict = analysis.callSites.judgeParameter(origin);
  return {
    open: verdict.open,
    origins: verdict.origins.map((o) => (o.kind === "request" ? `request:${o.path}` : o.kind)),
    callers: analysis.callSites.callersOf(origin.fn).kind,
  };
}

describe("call sites: parameters judged by their callers", () => {
  it("resolves a same-file helper's parameter to what its call sites pass", () => {
    expect(
      verdictOf(`
        function byField(field) { use(field); }
        app.get("/a", (req, res) => byField(req.query.field));
        app.get("/b", (req, res) => byField("status"));
      `),
    ).toEqual({ open: false, origins: ["request:query.field"], callers: "local" });
    expect(verdictOf(`const f = (x) => use(x); f("a"); f(process.env.X);`)).toEqual({ open: false, origins: ["env"], callers: "local" });
  });

  it("follows parameters passed on through helpers, and into object arguments", () => {
    expect(
      verdictOf(`
        function inner(opts) { use(opts.field); }
        function outer(f) { return inner({ field: f, limit: 10 }); }
        app.get("/a", (req, res) => outer(req.params.f));
      `),
    ).toEqual({ open: false, origins: ["request:params.f"], callers: "local" });
  });

  it("judges a method of a const object literal used only through member calls by those calls", () => {
    expect(
      verdictOf(`
        const db = { query: (params) => use(params), put(item) { return item; } };
        app.post("/q", (req, res) => db.query(req.body));
        db.put({});
      `),
    ).toEqual({ open: false, origins: ["request:body"], callers: "local" });
    // Exported, or passed on: callers we cannot see.
    expect(verdictOf(`export const db = { query: (params) => use(params) }; db.query("a");`).open).toBe(true);
    expect(verdictOf(`const db = { query: (params) => use(params) }; db.query("a"); module.exports = db;`).open).toBe(true);
    expect(verdictOf(`const db = { query: (params) => use(params) }; db[name]("a");`).open).toBe(true);
  });

  it("treats exported functions, public methods, escaping and unreferenced functions as open", () => {
    expect(verdictOf(`export function f(x) { use(x); }`).open).toBe(true);
    expect(verdictOf(`export const f = (x) => { use(x); };`).open).toBe(true);
    expect(verdictOf(`function f(x) { use(x); } f("a"); module.exports = { f };`).open).toBe(true);
    expect(verdictOf(`function f(x) { use(x); } router.get("/", f);`).open).toBe(true);
    expect(verdictOf(`function f(x) { use(x); }`).callers).toBe("open");
    expect(verdictOf(`class Repo { find(x) { use(x); } }`).open).toBe(true);
    expect(verdictOf(`exports.handler = function (x) { use(x); };`).open).toBe(true);
  });

  it("gives a closure nothing calls no callers", () => {
    expect(verdictOf(`export function make() { const query = (x) => { use(x); }; return {}; }`)).toEqual({ open: false, origins: [], callers: "local" });
  });

  it("judges private methods by this.method(...) calls in the class", () => {
    expect(
      verdictOf(`
        class Repo {
          #filter(x) { use(x); }
          list() { return this.#filter("a"); }
        }
      `),
    ).toEqual({ open: false, origins: [], callers: "local" });
    const { analysis, used } = analyze(`
      class Repo {
        private filter(x: string) { use(x); }
        list(q: string) { return this.filter(q); }
      }
    `);
    const verdict = analysis.callSites.judgeParameter(analysis.values.originsOf(used()[0])[0] as Extract<Origin, { kind: "parameter" }>);
    expect(verdict.open).toBe(true);
    expect(verdict.openAt?.name).toBe("q");
  });

  it("judges `_m` methods (JavaScript's convention for internal ones) like private ones, unless declared public", () => {
    expect(verdictOf(`class Repo { _filter(x) { use(x); } list() { return this._filter("a"); } }`)).toEqual({ open: false, origins: [], callers: "local" });
    expect(verdictOf(`class Repo { _filter(x) { use(x); } list() { return this._filter(process.env.F); } }`)).toEqual({ open: false, origins: ["env"], callers: "local" });
    // Followed to its callers: here a public method's parameter, which is open.
    expect(verdictOf(`class Repo { _filter(x) { use(x); } list(q) { return this._filter(q); } }`)).toEqual({ open: true, origins: [], callers: "local" });
    expect(verdictOf(`class Repo { public _filter(x: string) { use(x); } }`).open).toBe(true);
    expect(verdictOf(`class Repo { protected _filter(x: string) { use(x); } }`).open).toBe(true);
    expect(verdictOf(`class Repo { static _filter(x) { use(x); } }`).open).toBe(true);
    expect(verdictOf(`class Repo { filter_(x) { use(x); } }`).open).toBe(true);
  });

  it("leaves callbacks of unknown functions unknown rather than open", () => {
    expect(verdictOf(`withRetry(async (x) => use(x));`)).toEqual({ open: false, origins: ["unknown"], callers: "callback" });
  });
});
