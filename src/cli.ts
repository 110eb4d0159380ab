#!/usr/bin/env node
import { packageInfo } from "./package-info";
import { CliUsageError, COMMAND, HELP, parseCliOptions } from "./cli/options";
import type { CliIo } from "./cli/scan";

export type { CliIo };
export const EXIT_USAGE_OR_INTERNAL_ERROR = 2;

/** The whole command line, callable in-process: returns the exit code instead of exiting. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseCliOptions(argv);
    if (options.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (options.version) {
      io.stdout.write(`${packageInfo.version}\n`);
      return 0;
    }
    // Loaded on demand: ESLint, TypeScript and the rules take a while, and --help/--version need none of them.
    const { scan } = await import("./cli/scan.js");
    return await scan(options, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr.write(`${COMMAND}: ${error.message}${error.pointsToHelp ? ` (see ${COMMAND} --help)` : ""}\n`);
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
