import { describe, expect, it } from "vitest";
import { textMayContain } from "../../src/analysis/text-checks";

describe("textMayContain", () => {
  it("passes text that holds one of the words", () => {
    expect(textMayContain('process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";', ["NODE_TLS_REJECT_UNAUTHORIZED"])).toBe(true);
    expect(textMayContain('const id = "ASIA...";', ["AKIA", "ASIA"])).toBe(true);
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
});
