import { describe, expect, it } from "vitest";
import { analyze } from "./helpers";

function typesOf(code: string) {
  const { analysis, used } = analyze(code);
  return used().map((node) => analysis.typeOf(node));
}

describe("declared types", () => {
  it("reads literals, conversions, casts and annotations", () => {
    expect(typesOf(`function f(a: string, b: number, c) { use("x", 1, \`t\`, Number(c), String(c), c as number, a, b, c, -c); }`)).toEqual([
      "string", "number", "string", "number", "string", "number", "string", "number", undefined, "number",
    ]);
    expect(typesOf(`function f(x: string | undefined, y: 1 | 2, z: string | number) { use(x, y, z); }`)).toEqual(["string", "number", undefined]);
  });

  it("follows destructuring and members into same-file interfaces, type aliases and type literals", () => {
    expect(
      typesOf(`
        interface Input extends Base { index: number; name?: string }
        type Alias = { count: number } & { label: string };
        type Id = string;
        function f(props: Input, { count, label }: Alias, opts: { nested: { n: number } }, id: Id) {
          const { index, name } = props;
          const n = parseInt(label, 10);
          use(index, name, count, label, props.index, opts.nested.n, n, id, props.missing);
        }
      `),
    ).toEqual(["number", "string", "number", "string", "number", "number", "number", "string", undefined]);
  });

  it("knows nothing about untyped values", () => {
    expect(typesOf(`app.get("/", (req) => { const { i } = req.body; use(i, req.query.n); });`)).toEqual([undefined, undefined]);
  });
});
