import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { Linter as Linter9 } from "eslint-v9";
import type { TSESLint } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { buildFileIndex, type FileIndex, type TraversalStep } from "../../src/analysis/file-index";
import { analyze } from "./helpers";

type LinterClass = typeof Linter;
const linters: Array<[string, LinterClass]> = [
  ["ESLint 10", Linter],
  ["ESLint 9", Linter9 as unknown as LinterClass],
];

const code = `
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
@Controller("notes")
export class NotesController {
  private readonly client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  @Get(":id")
  async get(@Param("id") id: string, @Req() req: Request) {
    if (req.user.id !== id) throw new ForbiddenException();
    const parts = [];
    parts.push(\`#n = \${id}\`);
    this.client.send(new GetCommand({ TableName: "Notes", Key: { id } }));
    return { ok: (() => this.client)(), view: <Note id={id} onClick={() => load(id)} /> };
  }
}
export const handler = async (event: APIGatewayProxyEvent) => {
  let x = event.pathParameters?.id satisfies string | undefined;
  x ??= (function named() { return "a" + x; })();
  for (const item of items) if (item.owner === x) return item;
  return enumValue as const;
};
`;

/** The index of `code` as the walk builds it and as ESLint's traversal steps give it, from inside a rule. */
function bothIndexes(LinterOfVersion: LinterClass): { walked: FileIndex; fromSteps: FileIndex; traverse: string } {
  let result: { walked: FileIndex; fromSteps: FileIndex; traverse: string } | undefined;
  const rule: TSESLint.RuleModule<string> = {
    meta: { type: "problem", messages: {}, schema: [] },
    defaultOptions: [],
    create(context) {
      const sourceCode = context.sourceCode as TSESLint.SourceCode & { traverse?: () => readonly TraversalStep[] };
      return {
        "Program:exit"() {
          result = {
            walked: buildFileIndex(sourceCode.ast, sourceCode.visitorKeys),
            fromSteps: buildFileIndex(sourceCode.ast, sourceCode.visitorKeys, sourceCode.traverse!()),
            traverse: typeof sourceCode.traverse,
          };
        },
      };
    },
  };
  const linter = new LinterOfVersion({ configType: "flat" });
  const messages = linter.verify(code, [
    { files: ["**/*.tsx"], languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } }, plugins: { test: { rules: { index: rule as never } } }, rules: { "test/index": "error" } },
  ], "file.tsx");
  expect(messages).toEqual([]);
  return result!;
}

describe("buildFileIndex", () => {
  for (const [name, LinterOfVersion] of linters) {
    it(`gives the same nodes in the same order from ${name}'s traversal steps as from its own walk`, () => {
      const { walked, fromSteps, traverse } = bothIndexes(LinterOfVersion);
      expect(traverse).toBe("function");
      expect(walked.calls.length).toBeGreaterThan(8);
      expect(walked.functions.length).toBe(5);
      expect(walked.checkCandidates.length).toBeGreaterThan(walked.calls.length);
      for (const key of ["calls", "news", "assignments", "functions", "objects", "thisMembers", "returns", "checkCandidates"] as const) {
        expect(fromSteps[key].length, key).toBe(walked[key].length);
        fromSteps[key].forEach((node, i) => expect(node, `${key}[${i}]`).toBe(walked[key][i]));
      }
      expect([...fromSteps.pushes.keys()]).toEqual(["parts"]);
      expect(fromSteps.pushes.get("parts")).toEqual(walked.pushes.get("parts"));
    });
  }

  it("is read from ESLint's own traversal steps in a linted file, not from a walk of its own", () => {
    const { analysis, sourceCode } = analyze(code, { filename: "file.tsx" });
    const steps = (sourceCode as unknown as { traverse(): readonly TraversalStep[] }).traverse();
    // ESLint keeps the steps it traversed: the analysis is given that same list.
    expect(analysis.traversalSteps?.()).toBe(steps);
    expect(analysis.index.calls).toEqual(buildFileIndex(sourceCode.ast, sourceCode.visitorKeys).calls);
  });
});
