import { describe, expect, it } from "vitest";
import { textMayContain } from "../../src/analysis/text-checks";

describe("textMayContain", () => {
  it("passes text that holds one of the words", () => {
    expect(textMayContain('process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";', ["NODE_TLS_REJECT_UNAUTHORIZED"])).toBe(true);
    expect(textMayContain('const id = "ASIA...";', ["AKIA", "ASIA"])).toBe(true);
  });

  it("takes each word of a list literally (a dot, a plus or a bracket matches itself only), and no word of an empty list", () => {
    const words = ["aws-sdk", "a.b", "x+y", "(c)", "[d]"];
    expect(textMayContain('import "aws-sdk";', words)).toBe(true);
    expect(textMayContain("const v = a.b;", words)).toBe(true);
    expect(textMayContain("const v = axb + xxy + c + d;", words)).toBe(false);
    expect(textMayContain("f(c); g([d]);", words)).toBe(true);
    expect(textMayContain("let x = undefined; \\u0041", [])).toBe(false);
  });

  it("rules out text that holds none of them and no escape sequence", () => {
    expect(textMayContain('const url = "https://example.com/a\\\\b";', ["AKIA", "ASIA"])).toBe(false);
    expect(textMayContain("export const x = 1;\n", ["NODE_TLS_REJECT_UNAUTHORIZED"])).toBe(false);
  });

  it("passes text whose unicode, hex, legacy octal or identity escapes spell a word", () => {
    expect(textMayContain('const id = "\\u0041KIA";', ["AKIA"])).toBe(true);
    expect(textMayContain('const id = "\\u{41}KIA";', ["AKIA"])).toBe(true);
    expect(textMayContain('const id = "\\u{0000041}KIA";', ["AKIA"])).toBe(true);
    expect(textMayContain("process.env.NODE_TLS_REJECT_\\x55NAUTHORIZED", ["NODE_TLS_REJECT_UNAUTHORIZED"])).toBe(true);
    expect(textMayContain('var id = "\\101KIA";', ["AKIA"])).toBe(true);
    expect(textMayContain('const id = "\\A\\K\\I\\A";', ["AKIA"])).toBe(true);
    expect(textMayContain('const id = "\\\\\\u0041KIA";', ["AKIA"])).toBe(true);
  });

  it("rules out text whose escapes spell none of the words (a minified bundle's \\u00A0)", () => {
    const bundle = 'var ws = /[\\u00A0\\u2000-\\u200b]/, nl = "\\n", q = "\\x22", o = "\\101";\n';
    expect(textMayContain(bundle, ["AKIA", "ASIA", "NODE_TLS_REJECT_UNAUTHORIZED"])).toBe(false);
    // An escaped backslash ends the escape: the text below holds a backslash and "u0041KIA", not "AKIA".
    expect(textMayContain('const id = "\\\\u0041KIA";', ["AKIA"])).toBe(false);
    // Several files in a row: each is decoded on its own.
    expect(textMayContain('const id = "\\u0041KIA";', ["AKIA"])).toBe(true);
    expect(textMayContain('const id = "\\u0042KIA";', ["AKIA"])).toBe(false);
  });

  it("passes text with a line continuation, which can split a word inside a string", () => {
    expect(textMayContain('const id = "AK\\\nIA";', ["AKIA"])).toBe(true);
    expect(textMayContain('const id = "AK\\\r\nIA";', ["AKIA"])).toBe(true);
    expect(textMayContain('const id = "AK\\\u2028IA";', ["AKIA"])).toBe(true);
  });

  describe("in a long file, searching the decoded text around the escapes only", () => {
    const filler = (n: number) => "x = y + 1;\n".repeat(n);

    it("passes a word an escape spells far from the file's other escapes", () => {
      const text = `const a = "\\n";\n${filler(200)}const id = "\\u0041KIA";\n${filler(200)}const b = /\\d+/;\n`;
      expect(textMayContain(text, ["AKIA"])).toBe(true);
      expect(textMayContain(text, ["ASIA"])).toBe(false);
    });

    it("passes a word spelled by a run of escapes longer than the characters kept around each", () => {
      const name = "NODE_TLS_REJECT_UNAUTHORIZED";
      const escaped = [...name].map((character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, "0")}`).join("");
      expect(escaped.length).toBeGreaterThan(150);
      expect(textMayContain(`${filler(100)}process.env["${escaped}"] = "0";\n${filler(100)}`, [name])).toBe(true);
    });

    it("passes a word whose verbatim part reaches far from its escape", () => {
      const word = "SomeVeryLongMemberNameThatOnlyTheEscapeCompletesExpression";
      expect(textMayContain(`${filler(50)}x.\\u0053${word.slice(1)} = 1;\n${filler(50)}`, [word])).toBe(true);
      const longer = "Z".repeat(80) + "Expression";
      expect(textMayContain(`${filler(50)}x.\\u005A${longer.slice(1)} = 1;\n${filler(50)}`, [longer])).toBe(true);
    });

    it("keeps the characters after the whole escape, not after its backslash", () => {
      // A word as long as the kept margin, spelled by a six-character escape and the 63 characters after it.
      const word = "A" + "B".repeat(63);
      expect(textMayContain(`${filler(50)}x = "\\u0041${word.slice(1)}";\n${filler(50)}`, [word])).toBe(true);
    });

    it("reads a backslash that ends the file as escaping nothing", () => {
      expect(textMayContain(`${filler(20)}// a path C:\\`, ["AKIA"])).toBe(false);
      expect(textMayContain(`const id = "\\u0041KIA";\n${filler(20)}// C:\\`, ["AKIA"])).toBe(true);
    });

    it("does not join the text around two escapes into a word neither spells", () => {
      // Around the first escape the kept text ends with "AK"; around the second it begins with "IA".
      const text = `"\\n"${"-".repeat(61)}AK IA${"-".repeat(61)}"\\n"`;
      expect(textMayContain(text, ["AKIA"])).toBe(false);
      expect(textMayContain(text, ["AK IA"])).toBe(true);
    });
  });
});
