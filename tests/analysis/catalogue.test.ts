import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENT_COMMANDS, LOW_LEVEL_COMMANDS } from "../../src/analysis/sdk/catalogue";
// @ts-expect-error: a plain ES module script without type declarations
import { buildCatalogue, render } from "../../scripts/generate-sdk-catalogue.mjs";

describe("SDK catalogue", () => {
  it("is what the generator makes from the installed SDK", () => {
    const committed = readFileSync(path.join(__dirname, "../../src/analysis/sdk/catalogue.generated.ts"), "utf8");
    expect(committed).toBe(render(buildCatalogue()));
  });

  it("lists nested expression members of document-client inputs (intersection types) like the low-level ones", () => {
    for (const [document, lowLevel] of [
      ["TransactWriteCommand", "TransactWriteItemsCommand"],
      ["TransactGetCommand", "TransactGetItemsCommand"],
      ["BatchGetCommand", "BatchGetItemCommand"],
      ["BatchExecuteStatementCommand", "BatchExecuteStatementCommand"],
      ["ExecuteTransactionCommand", "ExecuteTransactionCommand"],
    ]) {
      const expressions = (paths: readonly string[]) => paths.filter((path) => /(?:Expression|Statement)$/.test(path));
      expect(expressions(DOCUMENT_COMMANDS.get(document)!.inputPaths)).toEqual(expressions(LOW_LEVEL_COMMANDS.get(lowLevel)!.inputPaths));
      expect(expressions(DOCUMENT_COMMANDS.get(document)!.inputPaths).length).toBeGreaterThan(0);
    }
    expect(DOCUMENT_COMMANDS.get("TransactWriteCommand")!.inputPaths).toContain("TransactItems[].Update.UpdateExpression");
  });
});
