import { parseArgs } from "node:util";
import type { ConfigName } from "../configs";

export const COMMAND = "dynamodb-security";
export const CONFIG_NAMES: readonly ConfigName[] = ["recommended", "strict", "all"];
export const FORMATS = ["stylish", "json", "sarif"] as const;
export type FormatName = (typeof FORMATS)[number];
/** Kept here rather than in files.ts so that --help does not load the scanner. */
export const LINTABLE_EXTENSIONS: readonly string[] = [".js", ".cjs", ".mjs", ".jsx", ".ts", ".cts", ".mts", ".tsx"];

/** A mistake in how the command was called: exit code 2 and a one-line message. */
export class CliUsageError extends Error {
  constructor(
    message: string,
    /** Whether `--help` would answer it (a bad option rather than, say, a missing path). */
    readonly pointsToHelp = false,
  ) {
    super(message);
  }
}

export const HELP = `Usage: ${COMMAND} [options] [paths...]

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
  --settings <file>      analysis settings as JSON, the object an ESLint config gives as
                         settings["dynamodb-security"] (requestSources, callerSources,
                         authorizationFunctions, clientModules, crossModule)
  --baseline <file>      ignore the findings recorded in <file>
  --update-baseline      record every current finding in the --baseline file
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no findings, 1 findings or files that do not parse, 2 usage or internal error.
`;

export interface CliOptions {
  paths: string[];
  config: ConfigName;
  format: FormatName;
  outputFile?: string;
  fix: boolean;
  maxWarnings?: number;
  settings?: string;
  baseline?: string;
  updateBaseline: boolean;
  help: boolean;
  version: boolean;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliUsageError(`--${option} must be one of ${allowed.join(", ")} (got "${value}")`, true);
  }
  return value as T;
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
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
        settings: { type: "string" },
        baseline: { type: "string" },
        "update-baseline": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message, true);
  }
  const { values, positionals } = parsed;
  const maxWarnings = values["max-warnings"];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) {
    throw new CliUsageError(`--max-warnings must be a whole number (got "${maxWarnings}")`, true);
  }
  if (values["update-baseline"] && values.baseline === undefined) {
    throw new CliUsageError("--update-baseline needs --baseline <file>", true);
  }
  return {
    paths: positionals.length > 0 ? positionals : ["."],
    config: oneOf("config", values.config, CONFIG_NAMES, "recommended"),
    format: oneOf("format", values.format, FORMATS, "stylish"),
    outputFile: values["output-file"],
    fix: values.fix,
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    settings: values.settings,
    baseline: values.baseline,
    updateBaseline: values["update-baseline"],
    help: values.help,
    version: values.version,
  };
}
