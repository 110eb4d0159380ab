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

/** A handler of the queries folder whose key condition names attributes from ./key-names (CommonJS) or ./key-names-esm. */
const bikesHandler = (condition: string) => ({
  filename: path.join(QUERIES, "list-bikes.js"),
  code: `const AWS = require("aws-sdk");
const keys = require("./key-names");
const { sortKey } = require("./key-names");
import { OWNER_KEY, KEYS } from "./key-names-esm";
const ddb = new AWS.DynamoDB.DocumentClient();
module.exports = async (req, res) => {
  const { Items } = await ddb.query({ TableName: keys.bikes.table, KeyConditionExpression: ${condition}, ExpressionAttributeValues: { ":u": req.params.userId, ":s": req.query.since } }).promise();
  res.json(Items);
};`,
  options: [{ reportAllNonConstant: true }] as const,
});

const VALUES = `ExpressionAttributeValues: { ":u": req.params.userId, ":s": req.query.since`;
const environmentSortKey = bikesHandler("`${keys.bikes.byOwner.partitionKey} = :u AND ${sortKey} > :s`");

runRuleTests("no-expression-injection (imported names, strict)", rule, {
  valid: [
    { name: "an attribute name read from a member of a required configuration module is constant text", ...bikesHandler("`${keys.bikes.byOwner.partitionKey} = :u`") },
    { name: "attribute names imported by name from an ES module, and a member of an imported const object, are constant text", ...bikesHandler("`${OWNER_KEY} = :u AND ${KEYS.created} > :s`") },
  ],
  invalid: [
    {
      name: "a configuration member that the module sets from the environment is not constant text",
      ...environmentSortKey,
      errors: [
        {
          messageId: "expressionInjection",
          line: 7,
          data: { member: "KeyConditionExpression", value: "sortKey", source: "is not a constant" },
          suggestions: [
            {
              messageId: "suggestNamePlaceholder",
              output: environmentSortKey.code.replace(`\${sortKey} > :s\`, ${VALUES} }`, `#sortKey > :s\`, ${VALUES} }, ExpressionAttributeNames: { "#sortKey": sortKey }`),
            },
            {
              messageId: "suggestValuePlaceholder",
              output: environmentSortKey.code.replace(`\${sortKey} > :s\`, ${VALUES} }`, `:sortKey > :s\`, ${VALUES}, ":sortKey": sortKey }`),
            },
          ],
        },
      ],
    },
  ],
});

/** A Lambda handler of the queries folder building its expressions with ./expression-builders. */
const builderHandler = (expression: string) => ({
  filename: path.join(QUERIES, "update-profile.ts"),
  code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { filterOn, placeholderUpdate, rawUpdate } from "./expression-builders";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  await doc.send(new UpdateCommand({ TableName: "Profiles", Key: { id: "me" }, ${expression} }));
};`,
});

runRuleTests("no-expression-injection (imported expression builders)", rule, {
  valid: [
    { name: "an imported builder that writes every key as a placeholder (#k = :k) puts no request text in the expression", ...builderHandler("UpdateExpression: placeholderUpdate(body)") },
    { name: "an imported builder given constant text", ...builderHandler('UpdateExpression: "SET a = :a", ConditionExpression: filterOn("version")') },
  ],
  invalid: [
    { name: "an imported builder that writes the request's keys as attribute names", ...builderHandler("UpdateExpression: rawUpdate(body)"), errors: [{ messageId: "expressionInjection", line: 7 }] },
    { name: "an imported builder that writes a request value where an attribute name goes", ...builderHandler('UpdateExpression: "SET a = :a", ConditionExpression: filterOn(body.field)'), errors: [{ messageId: "expressionInjection", line: 7 }] },
  ],
});
