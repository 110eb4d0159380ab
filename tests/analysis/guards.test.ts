import { describe, expect, it } from "vitest";
import { analyze } from "./helpers";

/** Whether the argument of the last `use(...)` is limited to constants where it is used. */
function constrained(code: string): boolean {
  const { analysis, used } = analyze(code);
  return analysis.guards.isConstrained(used()[0]);
}

describe("guards", () => {
  it("sees equality with constants in enclosing branches and switch cases", () => {
    expect(constrained(`function f(op) { if (op === "in") use(op); }`)).toBe(true);
    expect(constrained(`function f(op) { if ("between" == op && x) { use(op); } }`)).toBe(true);
    expect(constrained(`function f(op) { if (op !== "a") {} else { use(op); } }`)).toBe(true);
    expect(constrained(`function f(op) { return op === "a" || op === "b" ? use(op) : null; }`)).toBe(true);
    expect(constrained(`function f(op) { switch (op) { case "asc": use(op); break; } }`)).toBe(true);
    expect(constrained(`function f(n) { if (typeof n === "number") use(n); }`)).toBe(true);
  });

  it("sees a variable overwritten with constants on every path before the use (a switch or if/else mapping)", () => {
    expect(constrained(`function f(o) { let op = o.op; switch (op) { case "gt": op = ">"; break; case "lt": case "below": op = "<"; break; default: op = "="; } use(op); }`)).toBe(true);
    expect(constrained(`function f(o) { let op = o.op; switch (op) { case "gt": op = ">"; break; case "bad": throw new Error(); default: op = "="; } use(op); }`)).toBe(true);
    expect(constrained(`function f(o) { let dir = o.dir; if (dir === "up") { dir = "ASC"; } else dir = "DESC"; const s = dir; use(dir); }`)).toBe(true);
    // no default, a case that leaves it, a non-constant value, or a write after the mapping
    expect(constrained(`function f(o) { let op = o.op; switch (op) { case "gt": op = ">"; break; case "lt": op = "<"; } use(op); }`)).toBe(false);
    expect(constrained(`function f(o) { let op = o.op; switch (op) { case "gt": op = ">"; break; case "raw": break; default: op = "="; } use(op); }`)).toBe(false);
    expect(constrained(`function f(o) { let op = o.op; switch (op) { case "gt": op = ">"; break; default: op = o.fallback; } use(op); }`)).toBe(false);
    expect(constrained(`function f(o) { let op = o.op; switch (op) { case "gt": op = ">"; break; default: op = "="; } if (o.raw) op = o.op; use(op); }`)).toBe(false);
    expect(constrained(`function f(o) { let dir = o.dir; if (dir === "up") dir = "ASC"; use(dir); }`)).toBe(false);
  });

  it("sees allow-lists: includes, has, in, lodash, Object.hasOwn, anchored patterns, same-file predicates", () => {
    expect(constrained(`const A = ["a", "b"]; app.get("/", (req) => { const s = req.query.s; if (A.includes(s)) use(s); });`)).toBe(true);
    expect(constrained(`const S = new Set(["a"]); function f(s) { if (!S.has(s)) throw new Error("bad"); use(s); }`)).toBe(true);
    expect(constrained(`const M = { a: 1 }; function f(s) { if (!(s in M)) { return null; } use(s); }`)).toBe(true);
    expect(constrained(`const _ = require("lodash"); const L = ["x"]; function f(s) { if (_.includes(L, s)) use(s); }`)).toBe(true);
    expect(constrained(`const M = { a: 1 }; function f(s) { if (!Object.hasOwn(M, s)) return; use(s); }`)).toBe(true);
    expect(constrained(`function f(s) { if (!/^[A-Za-z0-9_]+$/.test(s)) throw new Error(); use(s); }`)).toBe(true);
    expect(constrained(`const F = ["a"]; const ok = (v) => F.includes(v); function f(s) { if (ok(s)) use(s); }`)).toBe(true);
    expect(constrained(`const F = ["a"]; const h = {}; h.ok = (v) => F.includes(v); function f(s) { if (h.ok(s)) use(s); }`)).toBe(true);
    expect(constrained(`app.get("/", (req, res) => { if (!["a", "b"].includes(req.query.sort)) return res.sendStatus(400); use(req.query.sort); });`)).toBe(true);
    expect(constrained(`app.get("/", (req, res) => { if (!["a"].includes(req.query.sort)) return; const { sort } = req.query; use(sort); });`)).toBe(true);
  });

  it("finds early exits anywhere before the use in a long block, and none after it (each block's exits are listed once)", () => {
    const filler = Array.from({ length: 2_000 }, (_, i) => `const v${i} = ${i};`).join("\n");
    const exit = `if (!A.includes(s)) throw new Error("bad");`;
    expect(constrained(`const A = ["a"]; const s = input(); ${exit}\n${filler}\nuse(s);`)).toBe(true);
    expect(constrained(`const A = ["a"]; const s = input(); assert(A.includes(s));\n${filler}\nuse(s);`)).toBe(true);
    expect(constrained(`const A = ["a"]; const s = input();\n${filler}\nuse(s);\n${exit}`)).toBe(false);
    expect(constrained(`const A = ["a"]; const s = input(); if (!A.includes(s)) log();\n${filler}\nuse(s);`)).toBe(false);
  });

  it("ignores checks that do not limit the value or do not dominate the use", () => {
    expect(constrained(`function f(s) { if (!s) return; use(s); }`)).toBe(false);
    expect(constrained(`const A = ["a"]; function f(s) { use(s); if (!A.includes(s)) return; }`)).toBe(false);
    expect(constrained(`const A = ["a"]; function f(s, t) { if (A.includes(t)) use(s); }`)).toBe(false);
    expect(constrained(`const A = ["a"]; function f(s) { if (A.includes(s)) {} else { use(s); } }`)).toBe(false);
    expect(constrained(`function f(s, list) { if (list.includes(s)) use(s); }`)).toBe(false);
    expect(constrained(`function f(s) { if (/^.*$/.test(s)) use(s); }`)).toBe(false);
    expect(constrained(`function f(s) { if (/[a-z]+/.test(s)) use(s); }`)).toBe(false);
    expect(constrained(`const A = ["a"]; function f(s) { if (!A.includes(s)) log("odd"); use(s); }`)).toBe(false);
    expect(constrained(`function f(op) { if (op === "a" || ok) use(op); }`)).toBe(false);
  });
});
