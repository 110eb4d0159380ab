import { describe, expect, it } from "vitest";
import { isCurrentTime, isCut, isFallback, isFreshValue } from "../../src/analysis/fresh-values";
import { analyze } from "./helpers";

/** isFreshValue / isCurrentTime of the first argument of the last `use(...)`. */
function judge(code: string) {
  const { analysis, used } = analyze(code);
  const value = used()[0];
  return { fresh: isFreshValue(value, false, analysis.values), unique: isFreshValue(value, true, analysis.values), now: isCurrentTime(value, analysis.values) };
}

describe("fresh values", () => {
  it("recognises unique ids, random numbers and the current time, and tells the time apart", () => {
    expect(judge(`import { randomUUID } from "node:crypto"; use(\`NOTE#\${randomUUID()}\`);`)).toEqual({ fresh: true, unique: true, now: false });
    expect(judge(`use(Math.floor(Math.random() * 1e6));`)).toEqual({ fresh: true, unique: true, now: false });
    expect(judge(`function sortableId() { return Date.now().toString(36) + Math.random().toString(36).slice(2); } use(sortableId());`)).toEqual({ fresh: true, unique: true, now: false });
    expect(judge(`function stamp() { return Date.now().toString(36); } use(stamp());`)).toEqual({ fresh: true, unique: false, now: false });
    expect(judge(`use("TS#" + Date.now());`)).toEqual({ fresh: true, unique: false, now: false });
    expect(judge(`use(new Date().toISOString());`)).toEqual({ fresh: true, unique: false, now: true });
    expect(judge(`import moment from "moment"; use(moment().format("YYYY"));`)).toEqual({ fresh: true, unique: false, now: true });
  });

  it("follows arithmetic on the current time with constants, through variables (a TTL, an hour bucket)", () => {
    expect(judge(`const now = Math.floor(Date.now() / 1000); use(now + 7200);`).now).toBe(true);
    expect(judge(`const hour = Math.floor(Date.now() / 3600000); use(hour);`).now).toBe(true);
    expect(judge(`use(new Date());`).now).toBe(true);
    // Another value mixed in, a date the code is given, text around the time.
    expect(judge(`app.post("/x", (req) => use(Date.now() + Number(req.body.offset)));`).now).toBe(false);
    expect(judge(`use(new Date(req.body.when).toISOString());`).now).toBe(false);
    expect(judge(`use(\`at \${Date.now()}\`);`).now).toBe(false);
    expect(judge(`use(Date.now() + offset);`).now).toBe(false);
  });
});

describe("fresh values as defaults and cuts", () => {
  /** The generator call named `gen()` in the code. */
  function generated(code: string) {
    const { analysis } = analyze(code);
    const call = analysis.index.calls.find((candidate) => candidate.callee.type === "Identifier" && candidate.callee.name === "gen");
    if (!call) throw new Error("no gen() call");
    return call;
  }

  it("a generated value that only stands in when another is missing is a default", () => {
    expect(isFallback(generated(`use(body.id || gen());`))).toBe(true);
    expect(isFallback(generated(`use(body.id ?? \`ID#\${gen()}\`);`))).toBe(true);
    expect(isFallback(generated(`use(body.id ? body.id : gen());`))).toBe(true);
    expect(isFallback(generated(`let user = body.user; if (!user) { user = gen(); } use(user);`))).toBe(true);
    expect(isFallback(generated(`let user = body.user; if (!user) user = gen(); use(user);`))).toBe(true);
  });

  it("a generated value written unconditionally is no default", () => {
    expect(isFallback(generated(`use(gen());`))).toBe(false);
    expect(isFallback(generated(`let id; id = gen(); use(id);`))).toBe(false);
    expect(isFallback(generated(`use(gen() || body.id);`))).toBe(false);
  });

  it("a value cut before use (a day of the current time), or the cut itself", () => {
    expect(isCut(generated(`use(gen().slice(0, 10));`))).toBe(true);
    expect(isCut(generated(`use(gen().toISOString().split("T")[0]);`))).toBe(false);
    expect(isCut(generated(`use(gen());`))).toBe(false);
  });
});
