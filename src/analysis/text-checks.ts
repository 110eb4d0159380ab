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

/** Could the file's text spell one of `words` (verbatim, or through escape sequences)? Words hold no line break. */
export function textMayContain(text: string, words: readonly string[]): boolean {
  for (const word of words) if (text.includes(word)) return true;
  if (!text.includes("\\")) return false;
  const longest = Math.max(...words.map((word) => word.length));
  const escaped = longest <= ESCAPE_REACH ? escapeSurroundings(text) : decodeEscapes(text);
  for (const word of words) if (escaped.includes(word)) return true;
  return false;
}

/** The longest word escapeSurroundings() answers for (the pre-checks' words are names, far shorter). */
const ESCAPE_REACH = 64;

// Several rules ask about the same file in a row: its escapes are decoded once.
let lastText: string | undefined;
let lastSurroundings = "";

/**
 * The text around its escape sequences, decoded: each run of escapes with ESCAPE_REACH characters on either side,
 * runs closer than that joined, the pieces separated by a line break. A word that only the decoding spells
 * covers an escape and at most ESCAPE_REACH characters beside it, so it is in one piece; what lies between the
 * pieces was searched verbatim already. Each piece begins and ends in text without a backslash, so decoding it
 * alone reads its escapes as decoding the whole text does. Most of a file is then searched once, not twice.
 */
function escapeSurroundings(text: string): string {
  if (text === lastText) return lastSurroundings;
  const pieces: string[] = [];
  let pieceStart = 0;
  let pieceEnd = -1;
  // Each escape begins at the next backslash after the last one's end, as matchAll(ESCAPE_SEQUENCE) finds them; test()
  // from there gives its end without building a match per escape.
  for (let at = text.indexOf("\\"); at >= 0; ) {
    ESCAPE_SEQUENCE.lastIndex = at;
    // A backslash that ends the text escapes nothing.
    if (!ESCAPE_SEQUENCE.test(text)) break;
    const end = ESCAPE_SEQUENCE.lastIndex;
    const from = Math.max(0, at - ESCAPE_REACH);
    // Too far from the piece so far: that piece is done, a new one begins.
    if (from > pieceEnd) {
      if (pieceEnd >= 0) pieces.push(decodeEscapes(text.slice(pieceStart, pieceEnd)));
      pieceStart = from;
    }
    pieceEnd = Math.min(text.length, end + ESCAPE_REACH);
    at = text.indexOf("\\", end);
  }
  if (pieceEnd >= 0) pieces.push(decodeEscapes(text.slice(pieceStart, pieceEnd)));
  lastText = text;
  lastSurroundings = pieces.join("\n");
  return lastSurroundings;
}

function decodeEscapes(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, decodeEscape);
}

function decodeEscape(_match: string, braced?: string, unicode?: string, hex?: string, octal?: string, lineBreak?: string, other?: string): string {
  if (lineBreak !== undefined) return "";
  if (other !== undefined) return other;
  const code = Number.parseInt(braced ?? unicode ?? hex ?? octal ?? "", octal === undefined ? 16 : 8);
  // An out-of-range `\u{...}` is a syntax error: no file that parses has one.
  return code <= 0x10_ff_ff ? String.fromCodePoint(code) : "";
}
