import { describe, expect, it } from "vitest";
import { decoratorsOf, declaredFunctionName, dottedName, memberChain, memberChainRoot, memberPathAbove } from "../../src/analysis/ast";
import { analyze } from "./helpers";

describe("declaredFunctionName", () => {
  it("names a function by its declaration, variable, assigned member or key", () => {
    const { analysis } = analyze(`
function getNote() {}
const listNotes = () => {};
module.exports.updateProfile = async () => {};
const api = { deleteNote() {}, "quoted-key": () => {} };
class Repo { findById() {} #secret = () => {}; }
const named = function inner() {};
export default () => {};
`);
    const names = analysis.index.functions.map((fn) => declaredFunctionName(fn) ?? "(none)");
    expect(names).toEqual(["getNote", "listNotes", "updateProfile", "deleteNote", "(none)", "findById", "#secret", "inner", "(none)"]);
  });
});

describe("memberChainRoot", () => {
  it("gives memberChain's root and path length, and is undefined where memberChain is", () => {
    const { used, text } = analyze(`use(a, a.b.c, this.repo.find, a["b"].c, a[k].c, f().b, (a as any).b!.c, x?.y.z);`);
    for (const node of used()) {
      const chain = memberChain(node);
      const root = memberChainRoot(node);
      expect(root && { root: text(root.root), length: root.length }).toEqual(chain && { root: text(chain.root), length: chain.path.length });
    }
    expect(used().map((node) => memberChainRoot(node)?.length)).toEqual([0, 2, 2, 2, undefined, undefined, 2, 2]);
  });
});

describe("memberPathAbove", () => {
  it("gives the member expression that reads the whole path where the identifier stands, and nothing for a shorter or other read", () => {
    const { used, text } = analyze(`use(params.Item.ID, params.Item, params.Other.ID, params[k].ID, params);`);
    const roots = used().map((node) => memberChainRoot(node)?.root ?? node);
    expect(roots.map((root) => memberPathAbove(root, ["Item", "ID"])).map((node) => node && text(node))).toEqual(["params.Item.ID", undefined, undefined, undefined, undefined]);
    expect(memberPathAbove(roots[4], [])).toBe(roots[4]);
  });
});

describe("dottedName", () => {
  it("spells a member chain rooted at an identifier, and nothing else", () => {
    const { used } = analyze(`use(a, a.b.c, Object.prototype.hasOwnProperty.call, this.repo.find, a[k].c, f().b);`);
    expect(used().map((node) => dottedName(memberChain(node)))).toEqual(["a", "a.b.c", "Object.prototype.hasOwnProperty.call", undefined, undefined, undefined]);
  });
});

describe("decoratorsOf", () => {
  const decoratorNames = (code: string, parser: "typescript" | "default") => {
    const { analysis, text } = analyze(code, { parser, filename: parser === "default" ? "file.js" : "file.ts" });
    return analysis.index.functions.map((fn) => decoratorsOf(fn.parent).map((decorator) => text(decorator)).join(" "));
  };

  it("lists a method's decorators from the typescript-eslint parser", () => {
    expect(decoratorNames(`class C { @Get(":id") @UseGuards(Auth) show(id) {} plain() {} }`, "typescript")).toEqual([`@Get(":id") @UseGuards(Auth)`, ""]);
  });

  it("gives none for espree's trees, which have no decorators field", () => {
    const { analysis } = analyze(`class C { show(id) {} }`, { parser: "default", filename: "file.js" });
    const method = analysis.index.functions[0].parent;
    expect(method && "decorators" in method).toBe(false);
    expect(decoratorNames(`class C { show(id) {} static list() {} }`, "default")).toEqual(["", ""]);
  });
});
