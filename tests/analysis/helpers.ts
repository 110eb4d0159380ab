import path from "node:path";
import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { getAnalysis, type FileAnalysis } from "../../src/analysis";

export interface Analyzed {
  analysis: FileAnalysis;
  sourceCode: TSESLint.SourceCode;
  /** Source text of a node. */
  text(node: TSESTree.Node | undefined): string | undefined;
  /** The first node whose source text is exactly `snippet` (search order: outermost first). */
  find(snippet: string): TSESTree.Node;
  /** The arguments of the last `use(...)` call in the code: the expressions a test asks about. */
  used(): TSESTree.Node[];
}

/** Parses and analyses a snippet through ESLint itself, so scope analysis is what rules see. */
export function analyze(
  code: string,
  options: { filename?: string; settings?: Record<string, unknown>; parser?: "typescript" | "default"; globals?: Linter.Globals } = {},
): Analyzed {
  let captured: Analyzed | undefined;
  // An absolute filename (a module beside files a test wrote) must lie under the linter's cwd to be linted.
  const filename = options.filename ?? "file.ts";
  const linter = new Linter({ configType: "flat", ...(path.isAbsolute(filename) ? { cwd: path.parse(filename).root } : {}) });
  const rule: TSESLint.RuleModule<string> = {
    meta: { type: "problem", messages: {}, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        "Program:exit"() {
          const sourceCode = context.sourceCode as TSESLint.SourceCode;
          const analysis = getAnalysis(context);
          captured = {
            analysis,
            sourceCode,
            text: (node) => (node ? sourceCode.getText(node) : undefined),
            used() {
              const calls = analysis.index.calls.filter((call) => call.callee.type === "Identifier" && call.callee.name === "use");
              const last = calls.sort((a, b) => a.range[0] - b.range[0]).at(-1);
              if (!last) throw new Error("no use(...) call");
              return last.arguments;
            },
            find(snippet) {
              const start = sourceCode.text.indexOf(snippet);
              if (start < 0) throw new Error(`snippet not found: ${snippet}`);
              const node = sourceCode.getNodeByRangeIndex(start);
              let current: TSESTree.Node | null | undefined = node;
              while (current && !(current.range[0] === start && current.range[1] === start + snippet.length)) current = current.parent;
              if (!current) {
                // getNodeByRangeIndex returns the innermost node; walk down from the outermost enclosing one instead.
                throw new Error(`no node spans exactly: ${snippet}`);
              }
              // prefer the outermost node with that exact range
              while (current.parent && current.parent.range[0] === start && current.parent.range[1] === start + snippet.length) current = current.parent;
              return current;
            },
          };
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
        // "default": ESLint's own parser (espree) and scope analysis, what plain JavaScript projects lint with.
        languageOptions: { ...(options.parser === "default" ? {} : { parser: tsParser }), ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } }, ...(options.globals && { globals: options.globals }) },
        plugins: { test: { rules: { capture: rule as never } } },
        rules: { "test/capture": "error" },
        settings: options.settings ?? {},
      },
    ],
    filename,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!captured) throw new Error("analysis did not run");
  return captured;
}
