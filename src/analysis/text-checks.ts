// Text pre-checks for the file-wide checks, which run in every file (access key ids in strings, credential
// and TLS environment writes, credentials in log calls, expression members outside DynamoDB files): the
// work such a check needs runs only when the file's text could hold what it looks for. A pre-check decides
// which work runs, never whether something is a finding. Escape sequences (`\u0041`, `\u{41}`, `\x41`, a
// legacy octal `\101`, an identity escape `\A`) can spell any key in a string and any name in an identifier
// or a string key, and a line continuation (a backslash before a line break) can split one, so text with a
// backslash is also searched with its escapes decoded. The decoding reads the whole text as if it were one
// string: inside a string, template or identifier that is exact (a run of backslashes pairs up from its
// start, and no token ends next to another's backslash), elsewhere it only adds words, which only adds work.

const ESCAPE_SEQUENCE = /\\(?:u\{([\da-fA-F]+)\}|u([\da-fA-F]{4})|x([\da-fA-F]{2})|([0-3][0-7]{0,2}|[4-7][0-7]?)|(\r\n|[\n\r\u2028\u2029])|([\s\S]))/g;

/** Could the file's text spell one of `words` (verbatim, or through escape sequences)? */
export function textMayContain(text: string, words: readonly string[]): boolean {
  for (const word of words) if (text.includes(word)) return true;
  if (!text.includes("\\")) return false;
  const decoded = decodedText(text);
  for (const word of words) if (decoded.includes(word)) return true;
  return false;
}

// Several rules ask about the same file in a row: its escapes are decoded once.
let lastText: string | undefined;
let lastDecoded = "";

function decodedText(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastDecoded = text.replace(ESCAPE_SEQUENCE, decodeEscape);
  }
  return lastDecoded;
}

function decodeEscape(_match: string, braced?: string, unicode?: string, hex?: string, octal?: string, lineBreak?: string, other?: string): string {
  if (lineBreak !== undefined) return "";
  if (other !== undefined) return other;
  const code = Number.parseInt(braced ?? unicode ?? hex ?? octal ?? "", octal === undefined ? 16 : 8);
  // An out-of-range `\u{...}` is a syntax error: no file that parses has one.
  return code <= 0x10_ff_ff ? String.fromCodePoint(code) : "";
}
