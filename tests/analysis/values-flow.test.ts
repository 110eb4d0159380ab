import { describe, expect, it } from "vitest";
import { constantValues, dynamicParts, isConstantString } from "../../src/analysis";
import { analyze } from "./helpers";

function kinds(code: string, argument = 0): string[] {
  const { analysis, used } = analyze(code);
  return analysis.values.originsOf(used()[argument]).map((origin) => (origin.kind === "request" ? `request:${origin.path}` : origin.kind));
}

function stringOf(code: string) {
  const { analysis, used, text } = analyze(code);
  const resolved = analysis.values.resolveString(used()[0]);
  return {
    constant: isConstantString(resolved),
    values: constantValues(resolved),
    dynamic: dynamicParts(resolved).map((part) => `${part.textBefore}[${text(part.node)}]${part.textAfter}`),
  };
}

describe("value resolver: loops and array callbacks", () => {
  it("gives the element parameter of an inline array callback the array's origin", () => {
    expect(kinds(`app.post("/x", (req, res) => { Object.keys(req.body).forEach((k) => use(k)); });`)).toEqual(["request:body"]);
    expect(kinds(`app.post("/x", (req, res) => { req.body.items.map((item) => use(item.name)); });`)).toEqual(["request:body.items.name"]);
    expect(kinds(`function f(fields) { fields.reduce((acc, field) => use(field), ""); }`)).toEqual(["parameter"]);
    // Not the element: the index, and callbacks of other functions.
    expect(kinds(`const xs = ["a"]; xs.forEach((x, i) => use(i));`)).toEqual(["parameter"]);
    expect(kinds(`run((x) => use(x));`)).toEqual(["parameter"]);
  });

  it("gives a reduce call the origins of what its callback returns and of the initial value", () => {
    expect(kinds(`app.post("/x", (req, res) => { use(Object.keys(req.body).reduce((all, k) => ({ ...all, [k]: k }), {})); });`)).toEqual(["parameter", "request:body"]);
    expect(kinds(`app.get("/x", (req, res) => { use([1, 2].reduce((sum, n) => sum + n, req.query.start)); });`)).toEqual(["parameter", "request:query.start"]);
    expect(kinds(`const A = ["a"]; use(A.reduce((all, k) => ({ ...all, [k]: 1 }), {}));`)).toEqual(["parameter"]);
    // A callback that is not inline: not followed.
    expect(kinds(`app.post("/x", (req, res) => { use(Object.keys(req.body).reduce(merge, {})); });`)).toEqual(["unknown"]);
  });

  it("gives for-of and for-in variables the iterated value's origin", () => {
    expect(kinds(`app.post("/x", (req, res) => { for (const k of Object.keys(req.body)) use(k); });`)).toEqual(["request:body"]);
    expect(kinds(`app.post("/x", (req, res) => { for (const k in req.query) use(k); });`)).toEqual(["request:query"]);
    expect(kinds(`function f(item) { for (const [k, v] of Object.entries(item)) use(k); }`)).toEqual(["parameter"]);
    expect(kinds(`const FIELDS = ["a", "b"]; for (const f of FIELDS) use(f);`)).toEqual([]);
  });

  it("gives an element picked with find(callback) the list's origin, and a project method named find none of its receiver's", () => {
    expect(kinds(`app.post("/x", (req, res) => { use(req.body.items.find((item) => item.primary)); });`)).toEqual(["request:body.items"]);
    expect(kinds(`app.post("/x", (req, res) => { use(req.body.items.findLast((item) => item.primary)); });`)).toEqual(["request:body.items"]);
    expect(kinds(`app.post("/x", (req, res) => { use(req.body.items.find(req.query.id)); });`)).not.toContain("request:body.items");
  });

  it("gives no origin to the keys of an object literal whose keys are written out, walked by for-in or Object.keys", () => {
    expect(kinds(`function f({ nickName, bio }) { const fields = { nickName, bio }; for (const key in fields) use(key); }`)).toEqual([]);
    expect(kinds(`app.post("/x", (req, res) => { for (const key of Object.keys({ bio: req.body.bio })) use(key); });`)).toEqual([]);
    // The values are still the request's, and a literal with a spread or a computed key has keys the request may choose.
    expect(kinds(`app.post("/x", (req, res) => { const fields = { bio: req.body.bio }; for (const key in fields) use(fields[key]); });`)[0]).toMatch(/^request:body\.bio/);
    expect(kinds(`app.post("/x", (req, res) => { for (const key in { ...req.body, at: 1 }) use(key); });`)).toEqual(["request:body"]);
    expect(kinds(`app.post("/x", (req, res) => { for (const key of Object.keys({ [req.query.f]: 1 })) use(key); });`)).toEqual(["request:query.f"]);
  });
});

describe("value resolver: strings built in loops and by array methods", () => {
  it("resolves xs.map(callback).join(separator) to the callback's text", () => {
    expect(stringOf("function f(item) { use(Object.keys(item).map((k) => `#${k} = :${k}`).join(\", \")); }").dynamic).toEqual([
      "#[k] = :",
      " = :[k]",
    ]);
    expect(stringOf("const A = ['a', 'b']; use('SET ' + A.filter(Boolean).map((k) => `#${k} = :${k}`).join(', '));").dynamic).toEqual([
      "SET #[k] = :",
      " = :[k]",
    ]);
    expect(stringOf("function f(item) { const parts = Object.keys(item).map((k) => `#${k} = :${k}`); use(`SET ${parts.join(', ')}`); }").dynamic).toEqual([
      "SET #[k] = :",
      " = :[k]",
    ]);
    // A same-file function as the callback: its parameter is bound to the array (dynamicParts lists a node once).
    expect(stringOf("const assign = (k) => `${k} = :${k}`; function f(item) { use(Object.keys(item).map(assign).join(', ')); }").dynamic).toEqual([
      "[Object.keys(item)] = :",
    ]);
  });

  it("follows appends in loops, s = s + x, and trims of the variable itself", () => {
    const built = stringOf("function f(item) { let e = 'SET '; for (const k of Object.keys(item)) { e += `#${k} = :${k}, `; } e = e.slice(0, -2); use(e); }");
    expect(built.dynamic).toEqual(["SET #[k] = :", " = :[k], "]);
    expect(stringOf("let e = 'a = :a'; if (x) e = e + ' AND b = :b'; use(e);").values).toEqual(["a = :a AND b = :b"]);
    expect(stringOf("let e = 'a = :a, '; e = e.trim(); use(e.slice(0, -1));").values).toEqual(["a = :a, ".slice(0, -1)]);
  });

  it("reports a variable holding only a non-constant value where it is used", () => {
    expect(stringOf("app.post('/x', (req, res) => { const field = req.body.field; use('SET ' + field + ' = :v'); });").dynamic).toEqual([
      "SET [field] = :v",
    ]);
  });

  it("computes simple string methods on constants exactly and keeps non-constant parts otherwise", () => {
    expect(stringOf("use('abc'.slice(1));").values).toEqual(["bc"]);
    expect(stringOf("use(' SET a = :a '.trim().toUpperCase());").values).toEqual(["SET A = :A"]);
    expect(stringOf("function f(x) { use(`a = ${x}, `.slice(0, -2)); }").dynamic).toEqual(["a = [x], "]);
  });
});

describe("object resolver: appends", () => {
  it("keeps the first value of a member and lists later += appends", () => {
    const { analysis, used, text } = analyze(`
      const params = { TableName: "T", FilterExpression: "a = :a" };
      if (x) params.FilterExpression += " AND b = :b";
      params.ProjectionExpression = "a";
      use(params);
    `);
    const object = analysis.values.resolveObject(used()[0])!;
    const filter = object.properties.get("FilterExpression")!;
    expect(text(filter.value)).toBe(`"a = :a"`);
    expect(filter.appends?.map(text)).toEqual([`" AND b = :b"`]);
    expect(text(object.properties.get("ProjectionExpression")!.value)).toBe(`"a"`);
  });

  it("reads x.p = x.p + y as an append and x.p = x.p.slice(...) as the same text", () => {
    const { analysis, used, text } = analyze(`
      const exp = { UpdateExpression: "set" };
      for (const key of keys) exp.UpdateExpression += \` #\${key} = :\${key},\`;
      exp.UpdateExpression = exp.UpdateExpression + " #a = :a,";
      exp.UpdateExpression = exp.UpdateExpression.slice(0, -1);
      use(exp);
    `);
    const property = analysis.values.resolveObject(used()[0])!.properties.get("UpdateExpression")!;
    expect(text(property.value)).toBe(`"set"`);
    expect(property.appends?.map(text)).toEqual(["` #${key} = :${key},`", `" #a = :a,"`]);
  });
});

describe("value resolver: variables written more than once", () => {
  function keys(code: string): string[] | undefined {
    const { analysis, used } = analyze(code);
    const object = analysis.values.resolveObject(used()[0]);
    return object ? [...object.properties.keys()] : undefined;
  }

  it("resolves an object variable by the write that reaches the read", () => {
    expect(keys(`function f() { var p = { a: 1 }; use(p); var p = { b: 2 }; send(p); }`)).toEqual(["a"]);
    expect(keys(`function f() { var p = { a: 1 }; send(p); var p = { b: 2 }; use(p); }`)).toEqual(["b"]);
    expect(keys(`function f() { let p = null; p = { a: 1 }; use(p); }`)).toEqual(["a"]);
  });

  it("gives no object when the reaching write is not certain", () => {
    // A write in a branch, a later write in a loop around the read, a write in another function, a write of the variable itself.
    expect(keys(`function f(x) { let p = { a: 1 }; if (x) p = { b: 2 }; use(p); }`)).toBeUndefined();
    expect(keys(`function f() { let p = { a: 1 }; for (;;) { use(p); p = { b: 2 }; } }`)).toBeUndefined();
    expect(keys(`let p = { a: 1 }; function g() { p = { b: 2 }; } use(p);`)).toBeUndefined();
    expect(keys(`function f() { let p = { a: 1 }; p = wrap(p); use(p); }`)).toBeUndefined();
  });
});
