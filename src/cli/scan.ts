import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readBaseline, withoutBaselineFindings, writeBaseline } from "./baseline";
import { collectFiles } from "./files";
import { lintFiles } from "./lint";
import { COMMAND, type CliOptions } from "./options";
import { formatResults } from "./report";
import { readSettingsFile } from "./settings-file";

export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;

/** Collects, lints, applies the baseline, reports; returns the exit code (0 or 1). */
export async function scan(options: CliOptions, io: CliIo): Promise<number> {
  const files = collectFiles(options.paths, io.cwd);
  const baselinePath = options.baseline === undefined ? undefined : path.resolve(io.cwd, options.baseline);
  // Read before linting, so that a missing baseline fails fast.
  const baselineEntries = baselinePath && !options.updateBaseline ? readBaseline(baselinePath) : undefined;
  const settings = options.settings === undefined ? undefined : readSettingsFile(path.resolve(io.cwd, options.settings));

  const { eslint, results: allResults } = await lintFiles(files, { cwd: io.cwd, configName: options.config, fix: options.fix, settings });

  let results = allResults;
  if (baselinePath && options.updateBaseline) {
    const recorded = writeBaseline(baselinePath, allResults);
    io.stderr.write(`${COMMAND}: recorded ${recorded} finding(s) in ${path.relative(io.cwd, baselinePath)}\n`);
    results = withoutBaselineFindings(allResults, readBaseline(baselinePath), baselinePath);
  } else if (baselinePath && baselineEntries) {
    results = withoutBaselineFindings(allResults, baselineEntries, baselinePath);
  }

  const errors = results.reduce((total, result) => total + result.errorCount, 0);
  const warnings = results.reduce((total, result) => total + result.warningCount, 0);
  const maxWarningsExceeded =
    options.maxWarnings !== undefined && warnings > options.maxWarnings
      ? { maxWarnings: options.maxWarnings, foundWarnings: warnings }
      : undefined;

  const report = await formatResults(options.format, results, {
    eslint,
    cwd: io.cwd,
    color: options.outputFile === undefined && io.stdout.isTTY === true,
    maxWarningsExceeded,
  });
  if (options.outputFile !== undefined) {
    const outputPath = path.resolve(io.cwd, options.outputFile);
    mkdirSync(path.dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, report);
  } else if (report !== "") {
    io.stdout.write(report);
  }
  if (maxWarningsExceeded) {
    io.stderr.write(`${COMMAND}: too many warnings (${warnings}, maximum: ${options.maxWarnings})\n`);
  }

  // Parse errors count as errors (they are fatal), so a file that cannot be checked fails the run.
  return errors > 0 || maxWarningsExceeded ? EXIT_FINDINGS : EXIT_OK;
}
