import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ESLint, Linter } from "eslint";

/** A path relative to `base` with `/` separators, the same on every operating system. */
export function portableRelativePath(base: string, filePath: string): string {
  return path.relative(base, filePath).split(path.sep).join("/");
}

/** The reported line with its indentation and runs of whitespace collapsed, so re-indenting keeps the fingerprint. */
export function normalizeLine(line: string): string {
  return line.trim().replace(/\s+/g, " ");
}

/**
 * A fingerprint of a finding that survives edits elsewhere in the file: it hashes the rule, the file's
 * relative path and the normalised text of the reported line, never the line number.
 * Identical lines with the same rule share a fingerprint; callers number such repeats.
 */
export function findingFingerprint(ruleId: string, relativePath: string, lineText: string): string {
  return createHash("sha256")
    .update(`${ruleId}\n${relativePath}\n${normalizeLine(lineText)}`)
    .digest("hex")
    .slice(0, 32);
}

/** The lines of `text`, split where ESLint splits them, so that `lines[message.line - 1]` is the reported line. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\n\r\u2028\u2029]/);
}

export interface FingerprintedMessage {
  message: Linter.LintMessage;
  ruleId: string;
  fingerprint: string;
  /** 1 for the first message in the file with this fingerprint, 2 for the next identical one, ... */
  occurrence: number;
}

/** The fingerprint of every rule message of `result` (parse errors have none), with paths relative to `base`. */
export function fingerprintMessages(result: ESLint.LintResult, base: string): FingerprintedMessage[] {
  const ruleMessages = result.messages.filter((message) => message.ruleId !== null);
  if (ruleMessages.length === 0) return [];
  // After --fix the messages refer to the fixed text; `source` is only kept when there are messages.
  const text = result.output ?? result.source ?? readFileSync(result.filePath, "utf8");
  const lines = splitLines(text);
  const relativePath = portableRelativePath(base, result.filePath);
  const seen = new Map<string, number>();
  return ruleMessages.map((message) => {
    const ruleId = message.ruleId as string;
    const fingerprint = findingFingerprint(ruleId, relativePath, lines[message.line - 1] ?? "");
    const occurrence = (seen.get(fingerprint) ?? 0) + 1;
    seen.set(fingerprint, occurrence);
    return { message, ruleId, fingerprint, occurrence };
  });
}
