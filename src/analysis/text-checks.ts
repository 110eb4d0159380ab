// Text pre-checks for the file-wide checks, which run in every file (access key ids in strings, credential
// and TLS environment writes, credentials in log calls, expression members outside DynamoDB files): the
// work such a check needs runs only when the file's text could hold what it looks for. A pre-check decides
// which work runs, never whether something is a finding: an escape sequence (`\u0041`, `\x41`, a legacy
// octal `\101`) can spell any key in a string and any name in an identifier or a string key, and a line
// continuation (a backslash before a line break) can split one in the text, so text with any of them always
// passes.

const ESCAPE_SEQUENCE = /\\[\n\r0-7ux\u2028\u2029]/;

/** Could the file's text spell one of `words` (verbatim, or through escape sequences)? */
export function textMayContain(text: string, words: readonly string[]): boolean {
  for (const word of words) if (text.includes(word)) return true;
  return hasEscapeSequence(text);
}

// Several rules ask about the same file in a row: its escape scan runs once.
let lastText: string | undefined;
let lastHasEscape = false;

function hasEscapeSequence(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastHasEscape = ESCAPE_SEQUENCE.test(text);
  }
  return lastHasEscape;
}
