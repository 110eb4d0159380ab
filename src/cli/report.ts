import type { ESLint } from "eslint";
import type { FormatName } from "./options";
import { formatSarif } from "./sarif";


/** Renders `results` in `format`. JSON and SARIF never carry file contents: reports get uploaded and shared. */
export async function formatResults(
  format: FormatName,
  results: ESLint.LintResult[],
  context: {
    eslint: ESLint;
    cwd: string;
    color: boolean;
    maxWarningsExceeded?: { maxWarnings: number; foundWarnings: number };
  },
): Promise<string> {
  switch (format) {
    case "json": {
      const withoutSources = results.map(({ source: _source, output: _output, ...result }) => result);
      return `${JSON.stringify(withoutSources)}\n`;
    }
    case "sarif":
      return formatSarif(results, { cwd: context.cwd, rulesMeta: context.eslint.getRulesMetaForResults(results) });
    case "stylish": {
      const formatter = await context.eslint.loadFormatter("stylish");
      return formatter.format(results, { color: context.color, maxWarningsExceeded: context.maxWarningsExceeded });
    }
  }
}
