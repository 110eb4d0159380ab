// no-expression-injection across modules: an exported function's parameter is judged by every call of the
// function in the project (tests/fixtures/cross-module/src/queries), when the analysis can see them all.
import { readFileSync } from "node:fs";
import path from "node:path";
import rule from "../../rules/no-expression-injection";
import { runRuleTests } from "../rule-tester";

const QUERIES = path.resolve(__dirname, "../fixtures/cross-module/src/queries");
const byField = path.join(QUERIES, "by-field.ts");
const source = readFileSync(byField, "utf8");
/** The file with the text of searchByField's key condition (its second occurrence) replaced. */
function edit(from: string, to: string): string {
  const at = source.indexOf(from, source.indexOf(from) + 1);
  if (at < 0) throw new Error(`no second ${from}`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

/** A CommonJS module of the queries folder, linted as it is. */
const commonJs = (name: string) => {
  const filename = path.join(QUERIES, name);
  return { filename, code: readFileSync(filename, "utf8"), languageOptions: { parserOptions: { sourceType: "script" as const } } };
};

runRuleTests("no-expression-injection (cross-module)", rule, {
  valid: [
    {
      name: "a static method of a class exported whole, every project call passing fixed keys; the module's own SDK call of the same name is no call of it",
      ...commonJs("call-model.js"),
    },
  ],
  invalid: [
    {
      name: "an exported function whose every project call passes a constant attribute name, or an object literal with fixed keys, is quiet; one whose callers pass a value of their own callers, or spread one, is not",
      filename: byField,
      code: source,
      errors: [
        {
          messageId: "expressionInjection",
          line: 12,
          suggestions: [
            { messageId: "suggestNamePlaceholder", output: edit("${field} = :v`, ExpressionAttributeValues: { \":v\": value }", '#field = :v`, ExpressionAttributeValues: { ":v": value }, ExpressionAttributeNames: { "#field": field }') },
            { messageId: "suggestValuePlaceholder", output: edit("${field} = :v`, ExpressionAttributeValues: { \":v\": value", ':field = :v`, ExpressionAttributeValues: { ":v": value, ":field": field') },
          ],
        },
        { messageId: "expressionInjection", line: 23, suggestions: [] },
      ],
    },
    {
      name: "functions assigned to exports: the one every project call passes fixed keys is quiet, the one given a caller's object is not",
      ...commonJs("call-fields.js"),
      errors: [{ messageId: "expressionInjection", line: 12, suggestions: [] }],
    },
  ],
});
