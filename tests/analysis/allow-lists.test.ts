import { describe, expect, it } from "vitest";
import { analyze } from "./helpers";

/** Whether every request origin of the last `use(x)` argument is allow-listed where `use` reads it. */
function guarded(code: string, options?: Parameters<typeof analyze>[1]): boolean {
  const { analysis, used } = analyze(code, options);
  const value = used()[0];
  const origins = analysis.values.originsOf(value).filter((origin) => origin.kind === "request");
  if (origins.length === 0) throw new Error("the value carries no request input");
  return origins.every((origin) => origin.kind === "request" && analysis.allowLists.isAllowListed(origin, value));
}

const express = (body: string) => `const ALLOWED = ["Notes", "Tasks"]; app.get("/x", async (req, res) => { ${body} });`;

describe("allow-lists: early exits", () => {
  it("recognises includes/has/indexOf/in/hasOwn checks that throw, return or continue", () => {
    expect(guarded(express(`const { table } = req.query; if (!ALLOWED.includes(table)) throw new Error("bad"); use(table);`))).toBe(true);
    expect(guarded(express(`if (!ALLOWED.includes(req.query.table)) { res.status(400).end(); return; } use(req.query.table);`))).toBe(true);
    expect(guarded(express(`const t = String(req.query.table); if (!new Set(ALLOWED).has(t)) return res.sendStatus(400); use(t);`))).toBe(true);
    expect(guarded(express(`const t = req.query.table; if (ALLOWED.indexOf(t) === -1) return; use(t);`))).toBe(true);
    expect(guarded(express(`const t = req.query.table; if (ALLOWED.indexOf(t) < 0) return; use(t.trim());`))).toBe(true);
    expect(guarded(`const TABLES = { notes: "Notes" }; app.get("/x", (req, res) => { const t = req.query.t; if (!(t in TABLES)) return; use(t); });`)).toBe(true);
    expect(guarded(`const TABLES = { notes: "Notes" }; app.get("/x", (req, res) => { const t = req.query.t; if (!Object.hasOwn(TABLES, t)) return; use(t); });`)).toBe(true);
    expect(guarded(express(`const t = req.query.t; if (!t || !ALLOWED.includes(t)) throw new Error(); use(t);`))).toBe(true);
    expect(guarded(express(`const t = req.query.t; if (t !== "Notes" && t !== "Tasks") throw new Error(); use(t);`))).toBe(true);
    expect(guarded(express(`const t = req.query.t; if (ALLOWED.includes(t)) {} else { return; } use(t);`))).toBe(true);
    expect(guarded(express(`const t = req.query.t; assert(ALLOWED.includes(t)); use(t);`))).toBe(true);
  });

  it("follows a check held in a variable", () => {
    expect(guarded(express(`const { t } = req.query; const known = ALLOWED.includes(t); if (!known) return res.sendStatus(400); use(t);`))).toBe(true);
    expect(guarded(express(`const { t } = req.query; const known = ALLOWED.includes(t); use(known ? t : "Notes");`))).toBe(true);
    // Not a check of the value used, or a flag that is written again.
    expect(guarded(express(`const { t, u } = req.query; const known = ALLOWED.includes(u); if (!known) return; use(t);`))).toBe(false);
    expect(guarded(express(`const { t } = req.query; let known = ALLOWED.includes(t); known = true; if (!known) return; use(t);`))).toBe(false);
  });

  it("accepts imported, environment and caller allow-lists", () => {
    expect(guarded(`import { TABLES } from "./config"; app.get("/x", (req, res) => { if (!TABLES.includes(req.query.t)) return; use(req.query.t); });`)).toBe(true);
    expect(guarded(`const A = process.env.TABLES.split(","); app.get("/x", (req, res) => { if (!A.includes(req.query.t)) return; use(req.query.t); });`)).toBe(true);
    expect(guarded(express(`if (!req.user.tables.includes(req.query.t)) return; use(req.query.t);`))).toBe(true);
  });

  it("guards keys filtered inside a loop", () => {
    const code = `const FIELDS = ["title", "body"]; app.patch("/n", (req, res) => { for (const k of Object.keys(req.body)) { if (!FIELDS.includes(k)) continue; use(k); } });`;
    expect(guarded(code)).toBe(true);
    expect(guarded(`const FIELDS = ["title"]; app.patch("/n", (req, res) => { Object.keys(req.body).filter((k) => FIELDS.includes(k)).forEach((k) => use(k)); });`)).toBe(true);
  });

  it("guards a variable checked itself, also where its value comes from a helper's parameter", () => {
    // The request reaches `k` in the helper as the keys of its parameter: a check of `k` covers it whatever it holds.
    const code = (check: string) => `const FIELDS = ["title", "body"];
function save(changes) { for (const k in changes) { ${check} use(k); } }
app.patch("/n", (req, res) => save(req.body));`;
    const judge = (check: string) => {
      const { analysis, used, find } = analyze(code(check));
      const origin = analysis.values.originsOf(find("req.body")).find((candidate) => candidate.kind === "request");
      if (origin?.kind !== "request") throw new Error("no request origin");
      return analysis.allowLists.isAllowListed(origin, used()[0]);
    };
    expect(judge(`if (!FIELDS.includes(k)) throw new Error(k);`)).toBe(true);
    expect(judge(`if (FIELDS.indexOf(k) === -1) continue;`)).toBe(true);
    expect(judge(`if (!FIELDS.includes(changes.title)) throw new Error();`)).toBe(false);
    expect(judge(`if (!k) continue;`)).toBe(false);
  });

  it("does not take checks that do not exit, come later, test something else or use a request list", () => {
    expect(guarded(express(`const t = req.query.t; if (!ALLOWED.includes(t)) console.warn("odd"); use(t);`))).toBe(false);
    expect(guarded(express(`const t = req.query.t; use(t); if (!ALLOWED.includes(t)) throw new Error();`))).toBe(false);
    expect(guarded(express(`if (!ALLOWED.includes(req.query.a)) throw new Error(); use(req.query.b);`))).toBe(false);
    expect(guarded(express(`const t = req.query.t; if (!req.body.allowed.includes(t)) throw new Error(); use(t);`))).toBe(false);
    expect(guarded(express(`const t = req.query.t; if (!"Notes,Tasks".includes(t)) throw new Error(); use(t);`))).toBe(false);
    expect(guarded(express(`const t = req.query.t; if (!t && !ALLOWED.includes(t)) throw new Error(); use(t);`))).toBe(false);
    expect(guarded(express(`const t = req.query.t; if (t === undefined) throw new Error(); use(t);`))).toBe(false);
    expect(guarded(express(`let t = req.query.t; if (!ALLOWED.includes(t)) throw new Error(); t = req.query.u; use(t);`))).toBe(false);
    expect(guarded(express(`const t = req.query.t; try { if (!ALLOWED.includes(t)) throw new Error(); } catch {} use(t);`))).toBe(false);
    expect(guarded(`const FIELDS = ["title"]; app.patch("/n", (req, res) => { for (const k of Object.keys(req.body)) { if (!FIELDS.includes(k)) continue; } for (const k of Object.keys(req.body)) use(k); });`)).toBe(false);
  });
});

describe("allow-lists: branches, switches and helpers", () => {
  it("recognises positive branches, ternaries and &&", () => {
    expect(guarded(express(`const t = req.query.t; if (ALLOWED.includes(t)) { use(t); }`))).toBe(true);
    expect(guarded(express(`const t = req.query.t; const table = ALLOWED.includes(t) ? t : "Notes"; use(table);`))).toBe(true);
    expect(guarded(express(`const t = req.query.t; ALLOWED.includes(t) && use(t);`))).toBe(true);
    expect(guarded(express(`const t = req.query.t; if (!ALLOWED.includes(t)) { throw new Error(); } else { use(t); }`))).toBe(true);
    expect(guarded(express(`const t = req.query.t; if (t === "Notes" || t === "Tasks") use(t);`))).toBe(true);
    expect(guarded(express(`const t = req.query.t; if (ALLOWED.includes(t)) {} else { use(t); }`))).toBe(false);
    expect(guarded(express(`const t = req.query.t; if (t === "Notes" || other) use(t);`))).toBe(false);
  });

  it("recognises switches with constant cases", () => {
    expect(guarded(express(`const t = req.query.t; switch (t) { case "Notes": case "Tasks": use(t); break; }`))).toBe(true);
    expect(guarded(express(`const t = req.query.t; switch (t) { case "Notes": break; case "Tasks": break; default: throw new Error(); } use(t);`))).toBe(true);
    expect(guarded(express(`const t = req.query.t; switch (t) { case "Notes": break; default: log(t); } use(t);`))).toBe(false);
    expect(guarded(express(`const t = req.query.t; switch (t) { default: log(); case "Notes": use(t); }`))).toBe(false);
    expect(guarded(express(`const t = req.query.t; switch (t) { case other: use(t); }`))).toBe(false);
  });

  it("follows same-file predicates and assertion helpers", () => {
    const predicate = `const ALLOWED = new Set(["Notes"]); function isAllowed(name) { return ALLOWED.has(name); }`;
    expect(guarded(`${predicate} app.get("/x", (req, res) => { const t = req.query.t; if (!isAllowed(t)) return res.sendStatus(400); use(t); });`)).toBe(true);
    expect(guarded(`${predicate} app.get("/x", (req, res) => { const t = req.query.t; if (!isAllowed(other)) return; use(t); });`)).toBe(false);
    const assertion = `const ALLOWED = ["Notes"]; function assertTable(name) { if (!ALLOWED.includes(name)) { throw new Error("no"); } }`;
    expect(guarded(`${assertion} app.get("/x", (req, res) => { const t = req.query.t; assertTable(t); use(t); });`)).toBe(true);
    const soft = `const ALLOWED = ["Notes"]; function checkTable(name) { if (!ALLOWED.includes(name)) { console.warn("no"); } }`;
    expect(guarded(`${soft} app.get("/x", (req, res) => { const t = req.query.t; checkTable(t); use(t); });`)).toBe(false);
  });

  it("recognises schema enums (zod, Joi, yup)", () => {
    const zod = `import { z } from "zod"; const Query = z.object({ table: z.enum(["Notes", "Tasks"]), q: z.string() }).strict();`;
    expect(guarded(`${zod} app.get("/x", (req, res) => { const { table } = Query.parse(req.query); use(table); });`)).toBe(true);
    expect(guarded(`${zod} app.get("/x", (req, res) => { const input = Query.parse(req.query); use(input.table); });`)).toBe(true);
    expect(guarded(`${zod} app.get("/x", (req, res) => { const r = Query.safeParse(req.query); if (!r.success) return; use(r.data.table); });`)).toBe(true);
    expect(guarded(`${zod} app.get("/x", async (req, res) => { use((await Query.parseAsync(req.query)).table); });`)).toBe(true);
    expect(guarded(`${zod} app.get("/x", (req, res) => { const { q } = Query.parse(req.query); use(q); });`)).toBe(false);
    expect(guarded(`import { z } from "zod"; const T = z.enum(["A"]).or(z.string()); app.get("/x", (req, res) => { use(T.parse(req.query.t)); });`)).toBe(false);
    expect(guarded(`import { z } from "zod"; app.get("/x", (req, res) => { use(z.nativeEnum(Table).parse(req.query.t)); });`)).toBe(true);
    const joi = `const Joi = require("joi"); const schema = Joi.object().keys({ table: Joi.string().valid("Notes", "Tasks").required() });`;
    expect(guarded(`${joi} app.get("/x", (req, res) => { const { value } = schema.validate(req.query); use(value.table); });`)).toBe(true);
    // TypeScript's import-equals names the library as well.
    const joiImportEquals = `import Joi = require("joi"); const Patch = Joi.object({ title: Joi.string(), done: Joi.boolean() });`;
    expect(guarded(`${joiImportEquals} app.patch("/x", (req, res) => { const { value } = Patch.validate(req.body); for (const k of Object.keys(value)) use(k); });`)).toBe(true);
    const yup = `const yup = require("yup"); const schema = yup.object({ table: yup.string().oneOf(["Notes"]) });`;
    expect(guarded(`${yup} app.get("/x", async (req, res) => { const v = await schema.validate(req.query); use(v.table); });`)).toBe(true);
    expect(guarded(express(`const { table } = JSON.parse(req.body.json); use(table);`))).toBe(false);
  });

  it("recognises keys of what a closed object schema returned (zod strips unknown keys, Joi rejects them)", () => {
    const zod = `import { z } from "zod"; const Patch = z.object({ title: z.string(), done: z.boolean() }).partial();`;
    expect(guarded(`${zod} app.patch("/x", (req, res) => { const patch = Patch.parse(req.body); for (const k of Object.keys(patch)) use(k); });`)).toBe(true);
    expect(guarded(`${zod} app.patch("/x", (req, res) => { const patch = Patch.parse(req.body); Object.keys(patch).forEach((k) => use(k)); });`)).toBe(true);
    expect(guarded(`${zod} app.patch("/x", (req, res) => { const patch = Patch.parse(req.body); for (const [k] of Object.entries(patch)) use(k); });`)).toBe(true);
    expect(guarded(`${zod} app.patch("/x", (req, res) => { const patch = Patch.parse(req.body); for (const k in patch) use(k); });`)).toBe(true);
    const joi = `const Joi = require("joi"); const Patch = Joi.object({ title: Joi.string(), done: Joi.boolean() }).min(1);`;
    expect(guarded(`${joi} app.patch("/x", (req, res) => { const { error, value } = Patch.validate(req.body); if (error) return; for (const k of Object.keys(value)) use(k); });`)).toBe(true);
    // Unknown keys let through: zod passthrough, Joi unknown() or allowUnknown, yup without noUnknown(); values, not keys.
    expect(guarded(`import { z } from "zod"; const P = z.object({ a: z.string() }).passthrough(); app.patch("/x", (req, res) => { for (const k of Object.keys(P.parse(req.body))) use(k); });`)).toBe(false);
    expect(guarded(`${joi} app.patch("/x", (req, res) => { const { value } = Patch.unknown().validate(req.body); for (const k of Object.keys(value)) use(k); });`)).toBe(false);
    expect(guarded(`${joi} app.patch("/x", (req, res) => { const { value } = Patch.validate(req.body, { allowUnknown: true }); for (const k of Object.keys(value)) use(k); });`)).toBe(false);
    expect(guarded(`const yup = require("yup"); const P = yup.object({ a: yup.string() }); app.patch("/x", async (req, res) => { for (const k of Object.keys(await P.validate(req.body))) use(k); });`)).toBe(false);
    expect(guarded(`const yup = require("yup"); const P = yup.object({ a: yup.string() }).noUnknown(); app.patch("/x", async (req, res) => { const v = await P.validate(req.body); for (const k of Object.keys(v)) use(k); });`)).toBe(true);
    expect(guarded(`${zod} app.patch("/x", (req, res) => { const patch = Patch.parse(req.body); for (const [k, v] of Object.entries(patch)) use(v); });`)).toBe(false);
    expect(guarded(`const Patch = makeSchema(); app.patch("/x", (req, res) => { const patch = Patch.parse(req.body); for (const k of Object.keys(patch)) use(k); });`)).toBe(false);
  });

  it("recognises keys of request input after a check that rejects unknown keys (Joi, strict zod), not after one that strips them", () => {
    const joi = `const Joi = require("joi"); const Patch = Joi.object({ title: Joi.string(), done: Joi.boolean() });`;
    const keysOfBody = `for (const k of Object.keys(req.body)) use(k);`;
    const patch = (body: string) => `${joi} app.patch("/x", async (req, res) => { ${body} });`;
    expect(guarded(patch(`const { error } = Patch.validate(req.body); if (error) return res.status(400).end(); ${keysOfBody}`))).toBe(true);
    expect(guarded(patch(`const { error: invalid } = Patch.validate(req.body); if (invalid !== undefined) { return res.status(400).end(); } ${keysOfBody}`))).toBe(true);
    expect(guarded(patch(`const result = Patch.validate(req.body); if (result.error) throw new Error("bad"); ${keysOfBody}`))).toBe(true);
    expect(guarded(patch(`if (Patch.validate(req.body).error) return res.sendStatus(400); ${keysOfBody}`))).toBe(true);
    expect(guarded(patch(`await Patch.validateAsync(req.body); ${keysOfBody}`))).toBe(true);
    expect(guarded(patch(`try { await Patch.validateAsync(req.body); } catch (e) { return res.sendStatus(400); } ${keysOfBody}`))).toBe(true);
    expect(guarded(patch(`Joi.assert(req.body, Patch); ${keysOfBody}`))).toBe(true);
    expect(guarded(`import { z } from "zod"; const P = z.object({ a: z.string() }).strict(); app.patch("/x", (req, res) => { P.parse(req.body); ${keysOfBody} });`)).toBe(true);
    // The error not acted on, a promise not awaited, another input checked, unknown keys allowed, a check that strips.
    expect(guarded(patch(`const { error } = Patch.validate(req.body); if (error) console.warn(error); ${keysOfBody}`))).toBe(false);
    expect(guarded(patch(`const { error, value } = Patch.validate(req.body); if (value) return; ${keysOfBody}`))).toBe(false);
    expect(guarded(patch(`Patch.validateAsync(req.body); ${keysOfBody}`))).toBe(false);
    expect(guarded(patch(`const { error } = Patch.validate(req.query); if (error) return; ${keysOfBody}`))).toBe(false);
    expect(guarded(patch(`const { error } = Patch.validate(req.body, { allowUnknown: true }); if (error) return; ${keysOfBody}`))).toBe(false);
    expect(guarded(patch(`const { error } = Patch.unknown(true).validate(req.body); if (error) return; ${keysOfBody}`))).toBe(false);
    expect(guarded(patch(`try { await Patch.validateAsync(req.body); } catch (e) { console.warn(e); } ${keysOfBody}`))).toBe(false);
    expect(guarded(patch(`${keysOfBody} const { error } = Patch.validate(req.body); if (error) return;`))).toBe(false);
    expect(guarded(`import { z } from "zod"; const P = z.object({ a: z.string() }); app.patch("/x", (req, res) => { P.parse(req.body); ${keysOfBody} });`)).toBe(false);
    // A value of the input is not a key: the schema does not limit what a string member holds.
    expect(guarded(patch(`const { error } = Patch.validate(req.body); if (error) return; use(req.body.title);`))).toBe(false);
  });

  it("recognises the keys of a helper's parameter when the call's argument is checked", () => {
    const joi = `const Joi = require("joi"); const Patch = Joi.object({ title: Joi.string() });`;
    const helper = `function apply(id, patch) { for (const k of Object.keys(patch)) use(k); }`;
    const { analysis, used } = analyze(`${joi} ${helper} app.patch("/x", (req, res) => { const { error } = Patch.validate(req.body); if (error) return; apply(1, req.body); });`);
    const key = used()[0];
    const call = analysis.index.calls.find((candidate) => candidate.callee.type === "Identifier" && candidate.callee.name === "apply")!;
    const [origin] = analysis.values.originsInCall(key, analysis.values.sameFileFunction(call.callee)!, call).filter((candidate) => candidate.kind === "request");
    expect(origin?.kind).toBe("request");
    expect(origin?.kind === "request" && analysis.allowLists.isAllowListed(origin, key, [call])).toBe(true);
    expect(origin?.kind === "request" && analysis.allowLists.isAllowListed(origin, key, [])).toBe(false);
  });

  it("recognises NestJS enum pipes", () => {
    const code = `@Controller() class C { @Get() list(@Query("table", new ParseEnumPipe(Table)) table: Table) { use(table); } }`;
    expect(guarded(code)).toBe(true);
    expect(guarded(`@Controller() class C { @Get() list(@Query("table") table: Table) { use(table); } }`)).toBe(false);
  });

  it("stays bounded on very long conditions", () => {
    const test = Array.from({ length: 700 }, (_, i) => `t !== "v${i}"`).join(" && ");
    expect(guarded(express(`const t = req.query.t; if (${test}) throw new Error(); use(t);`))).toBe(false);
  });
});
