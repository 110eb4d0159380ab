import { describe, expect, it } from "vitest";
import { declaredFunctionName } from "../../src/analysis/ast";
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
