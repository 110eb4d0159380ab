#!/usr/bin/env node
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ConfigName } from "./configs";
import { packageInfo } from "./package-info";
import { BaselineError, readBaseline, withoutBaselineFindings, writeBaseline } from "./cli/baseline";
import { collectFiles, LINTABLE_EXTENSIONS, MissingPathError } from "./cli/files";
import { lintFiles } from "./cli/lint";
import { formatResults, FORMATS, type FormatName } from "./cli/report";

const COMMAND = "dynamodb-security";
const CONFIG_NAMES: readonly ConfigName[] = ["recommended", "strict", "all"];

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE_OR_INTERNAL_ERROR = 2;

const HELP = `Usage: ${COMMAND} [options] [paths...]

Finds insecure use of Amazon DynamoDB clients in the JavaScript and TypeScript files
(${LINTABLE_EXTENSIONS.join(" ")}) under the given paths (default: the current folder).
No ESLint configuration is needed. .gitignore is respected; node_modules, dist, build, coverage,
cdk.out, .serverless, .aws-sam, .next, .open-next, .sst, .amplify and *.d.ts files are skipped.

Options:
  --config <name>        rule set: ${CONFIG_NAMES.join(" | ")} (default: recommended)
  --format <name>        report format: ${FORMATS.join(" | ")} (default: stylish)
  --output-file <file>   write the report to <file> instead of standard output
  --fix                  apply this plugin's automatic fixes to the files
  --max-warnings <n>     exit with 1 when there are more than <n> warnings
  --baseline <file>      ignore the findings recorded in <file>
  --update-baseline      record every current finding in the --baseline file
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no findings, 1 findings or files that do not parse, 2 usage or internal error.
`;

export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

class UsageError extends Error {}

interface CliOptions {
  paths: string[];
  config: ConfigName;
  format: FormatName;
  outputFile?: string;
  fix: boolean;
  maxWarnings?: number;
  baseline?: string;
  updateBaseline: boolean;
  help: boolean;
  version: boolean;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${option} must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value as T;
}

function parseCliOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: "string" },
        format: { type: "string" },
        "output-file": { type: "string" },
        fix: { type: "boolean", default: false },
        "max-warnings": { type: "string" },
        baseline: { type: "string" },
        "update-baseline": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const maxWarnings = values["max-warnings"];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) {
    throw new UsageError(`--max-warnings must be a whole number (got "${maxWarnings}")`);
  }
  if (values["update-baseline"] && values.baseline === undefined) {
    throw new UsageError("--update-baseline needs --baseline <file>");
  }
  return {
    paths: positionals.length > 0 ? positionals : ["."],
    config: oneOf("config", values.config, CONFIG_NAMES, "recommended"),
    format: oneOf("format", values.format, FORMATS, "stylish"),
    outputFile: values["output-file"],
    fix: values.fix,
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    baseline: values.baseline,
    updateBaseline: values["update-baseline"],
    help: values.help,
    version: values.version,
  };
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  const files = collectFiles(options.paths, io.cwd);
  const baselinePath = options.baseline === undefined ? undefined : path.resolve(io.cwd, options.baseline);
  const baselineEntries = baselinePath && !options.updateBaseline ? readBaseline(baselinePath) : undefined;

  const { eslint, results: allResults } = await lintFiles(files, { cwd: io.cwd, configName: options.config, fix: options.fix });

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

/** The whole command line, callable in-process: returns the exit code instead of exiting. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseCliOptions(argv);
    if (options.help) {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    if (options.version) {
      io.stdout.write(`${packageInfo.version}\n`);
      return EXIT_OK;
    }
    return await run(options, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof MissingPathError || error instanceof BaselineError) {
      io.stderr.write(`${COMMAND}: ${error.message}${error instanceof UsageError ? ` (see ${COMMAND} --help)` : ""}\n`);
    } else {
      io.stderr.write(`${COMMAND}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    }
    return EXIT_USAGE_OR_INTERNAL_ERROR;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
    (exitCode) => {
      process.exitCode = exitCode;
    },
    (error: unknown) => {
      process.stderr.write(`${COMMAND}: internal error: ${String(error)}\n`);
      process.exitCode = EXIT_USAGE_OR_INTERNAL_ERROR;
    },
  );
}
