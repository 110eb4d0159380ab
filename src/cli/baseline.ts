import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ESLint } from "eslint";
import { fingerprintMessages, portableRelativePath } from "./fingerprint";
import { withMessages } from "./lint";
import { CliUsageError } from "./options";
import { packageInfo } from "../package-info";

/**
 * A baseline records the findings a code base already has, so that only new ones fail a run.
 * Each entry is matched by rule, file and a fingerprint of the reported line's text (not its number), so
 * unrelated edits that shift lines keep it matching. `count` covers identical lines with the same finding.
 * File paths are relative to the baseline file's folder, which makes the file independent of the `cwd`.
 */
export interface BaselineFile {
  version: 1;
  tool: string;
  findings: BaselineEntry[];
}

export interface BaselineEntry {
  rule: string;
  file: string;
  fingerprint: string;
  count: number;
}

export class BaselineError extends CliUsageError {}

const entryKey = (rule: string, file: string, fingerprint: string) => `${rule}\u0000${file}\u0000${fingerprint}`;

export function readBaseline(baselinePath: string): BaselineEntry[] {
  let parsed: Partial<BaselineFile>;
  try {
    parsed = JSON.parse(readFileSync(baselinePath, "utf8")) as Partial<BaselineFile>;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new BaselineError(`Cannot read baseline ${baselinePath}: ${reason}. Create it with --update-baseline.`);
  }
  if (parsed.version !== 1 || !Array.isArray(parsed.findings)) {
    throw new BaselineError(`${baselinePath} is not a dynamodb-security baseline (version 1).`);
  }
  return parsed.findings;
}

/** Writes every rule finding of `results` (parse errors are never baselined); returns how many it recorded. */
export function writeBaseline(baselinePath: string, results: readonly ESLint.LintResult[]): number {
  const base = path.dirname(baselinePath);
  const counts = new Map<string, BaselineEntry>();
  for (const result of results) {
    const file = portableRelativePath(base, result.filePath);
    for (const { ruleId, fingerprint } of fingerprintMessages(result, base)) {
      const key = entryKey(ruleId, file, fingerprint);
      const entry = counts.get(key) ?? { rule: ruleId, file, fingerprint, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  const findings = [...counts.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint),
  );
  const baseline: BaselineFile = { version: 1, tool: packageInfo.name, findings };
  mkdirSync(base, { recursive: true });
  writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
  return findings.reduce((total, entry) => total + entry.count, 0);
}

/** `results` without the findings the baseline records (each entry absorbs at most `count` findings). */
export function withoutBaselineFindings(
  results: readonly ESLint.LintResult[],
  entries: readonly BaselineEntry[],
  baselinePath: string,
): ESLint.LintResult[] {
  const base = path.dirname(baselinePath);
  const remaining = new Map<string, number>();
  for (const entry of entries) {
    const key = entryKey(entry.rule, entry.file, entry.fingerprint);
    remaining.set(key, (remaining.get(key) ?? 0) + entry.count);
  }
  return results.map((result) => {
    const file = portableRelativePath(base, result.filePath);
    const known = new Set(
      fingerprintMessages(result, base)
        .filter(({ ruleId, fingerprint }) => {
          const key = entryKey(ruleId, file, fingerprint);
          const left = remaining.get(key) ?? 0;
          if (left === 0) return false;
          remaining.set(key, left - 1);
          return true;
        })
        .map(({ message }) => message),
    );
    if (known.size === 0) return result;
    return withMessages(
      result,
      result.messages.filter((message) => !known.has(message)),
    );
  });
}
