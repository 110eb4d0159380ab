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

  it("passes text with a unicode, hex or legacy octal escape, which can spell any word", () => {
    expect(textMayContain('const id = "\\u0041KIA";', ["AKIA"])).toBe(true);
    expect(textMayContain("process.env.NODE_TLS_REJECT_\\x55NAUTHORIZED", ["NODE_TLS_REJECT_UNAUTHORIZED"])).toBe(true);
    expect(textMayContain('var id = "\\101KIA";', ["AKIA"])).toBe(true);
  });

  it("passes text with a line continuation, which can split a word inside a string", () => {
    expect(textMayContain('const id = "AK\\\nIA";', ["AKIA"])).toBe(true);
    expect(textMayContain('const id = "AK\\\r\nIA";', ["AKIA"])).toBe(true);
  });
});
