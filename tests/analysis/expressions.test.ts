import { describe, expect, it } from "vitest";
import { parseConditionExpression, parsePartiql, placeholderUses } from "../../src/analysis/expressions";

describe("condition expression parser", () => {
  it("parses comparisons, functions, AND/OR/NOT, BETWEEN and IN with their operands", () => {
    expect(parseConditionExpression("#owner = :me")).toEqual({
      kind: "compare",
      operator: "=",
      operands: [
        { kind: "attribute", path: ["#owner"] },
        { kind: "value", placeholder: ":me" },
      ],
    });
    expect(parseConditionExpression("attribute_not_exists(pk) OR (ownerId = :u AND NOT #s IN (:a, :b))")).toEqual({
      kind: "or",
      items: [
        { kind: "function", name: "attribute_not_exists", operands: [{ kind: "attribute", path: ["pk"] }] },
        {
          kind: "and",
          items: [
            { kind: "compare", operator: "=", operands: [{ kind: "attribute", path: ["ownerId"] }, { kind: "value", placeholder: ":u" }] },
            {
              kind: "not",
              item: {
                kind: "compare",
                operator: "IN",
                operands: [
                  { kind: "attribute", path: ["#s"] },
                  { kind: "value", placeholder: ":a" },
                  { kind: "value", placeholder: ":b" },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(parseConditionExpression("pk = :pk and begins_with(sk, :prefix)")).toMatchObject({ kind: "and", items: [{ kind: "compare" }, { kind: "function", name: "begins_with" }] });
    expect(parseConditionExpression("#d BETWEEN :from AND :to")).toMatchObject({ kind: "compare", operator: "BETWEEN" });
    expect(parseConditionExpression("info.owners[0] = :me AND size(tags) > :n")).toMatchObject({
      kind: "and",
      items: [{ operands: [{ kind: "attribute", path: ["info", "owners", "[0]"] }, { kind: "value" }] }, { operator: ">", operands: [{ kind: "other" }, { kind: "value" }] }],
    });
  });

  it("gives undefined for text that is not an expression, and survives deep nesting", () => {
    expect(parseConditionExpression("")).toBeUndefined();
    expect(parseConditionExpression("a = ")).toBeUndefined();
    expect(parseConditionExpression("a = :v)")).toBeUndefined();
    expect(parseConditionExpression("a = :v; DROP")).toBeUndefined();
    expect(parseConditionExpression(`${"(".repeat(5000)}a = :v${")".repeat(5000)}`)).toBeUndefined();
    expect(parseConditionExpression(`${"(".repeat(50)}a = :v${")".repeat(50)}`)).toMatchObject({ kind: "compare" });
  });
});

describe("PartiQL parser", () => {
  it("finds the verb, the table and the WHERE comparisons with their parameter positions", () => {
    expect(parsePartiql(`SELECT * FROM "Notes" WHERE id = ?`)).toEqual({ verb: "SELECT", table: "Notes", whereComparisons: [{ attribute: "id", parameterIndex: 0 }], whereHasDisjunction: false });
    expect(parsePartiql(`UPDATE Notes SET title = ? WHERE "id" = ? AND ownerId = ?`)).toEqual({
      verb: "UPDATE",
      table: "Notes",
      whereComparisons: [
        { attribute: "id", parameterIndex: 1 },
        { attribute: "ownerId", parameterIndex: 2 },
      ],
      whereHasDisjunction: false,
    });
    expect(parsePartiql(`DELETE FROM Notes WHERE ? = id OR shared = 'yes?'`)).toMatchObject({ verb: "DELETE", whereComparisons: [{ attribute: "id", parameterIndex: 0 }], whereHasDisjunction: true });
    expect(parsePartiql(`INSERT INTO Notes VALUE {'id': ?}`)).toMatchObject({ verb: "INSERT", table: "Notes" });
  });

  it("gives undefined for other statements and unterminated strings", () => {
    expect(parsePartiql("CREATE TABLE x")).toBeUndefined();
    expect(parsePartiql(`SELECT * FROM "Notes WHERE id = ?`)).toBeUndefined();
    expect(parsePartiql("")).toBeUndefined();
  });
});

describe("placeholderUses", () => {
  it("counts a name placeholder at the start of a path and below another name, not inside a longer placeholder", () => {
    expect(placeholderUses("SET packages.#name = :v", "#name")).toEqual({ pathStart: 0, nested: 1 });
    expect(placeholderUses("REMOVE #p . #name", "#name")).toEqual({ pathStart: 0, nested: 1 });
    expect(placeholderUses("SET #names.x = :v, #name = :v", "#name")).toEqual({ pathStart: 1, nested: 0 });
    expect(placeholderUses("attribute_not_exists(#name) AND a.#name = :v", "#name")).toEqual({ pathStart: 1, nested: 1 });
    expect(placeholderUses("SET a = :v", "#name")).toEqual({ pathStart: 0, nested: 0 });
  });
});
