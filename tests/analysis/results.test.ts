import { describe, expect, it } from "vitest";
import { analyze } from "./helpers";

/** The item data each argument of the last `use(...)` call holds, as "kind operation member". */
function itemData(code: string, filename?: string): Array<string | undefined> {
  const { analysis, used } = analyze(code, { filename });
  return used().map((argument) => {
    const data = analysis.results.itemDataOf(argument);
    return data && [data.kind, data.operation.operation, data.member].filter(Boolean).join(" ");
  });
}

const V3 = `
  import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
  import { DynamoDBDocumentClient, GetCommand, QueryCommand, PutCommand, UpdateCommand, paginateScan } from "@aws-sdk/lib-dynamodb";
  import { unmarshall } from "@aws-sdk/util-dynamodb";
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

describe("results: DynamoDB item data", () => {
  it("recognises whole outputs, Items, Item and single elements of v3 reads", () => {
    expect(
      itemData(`${V3}
        const output = await doc.send(new GetCommand({ TableName: "T", Key: { id } }));
        const { Items, Count } = await doc.send(new QueryCommand({ TableName: "T" }));
        use(output, output.Item, Items, Items[0], Items.at(-1), Count, Items.length, output.Item.name, output.$metadata.requestId);
      `),
    ).toEqual(["output Get", "item Get Item", "items Query Items", "item Query Items", "item Query Items", undefined, undefined, undefined, undefined]);
  });

  it("follows a command built before sending, unmarshall and loops", () => {
    expect(
      itemData(`${V3}
        const command = new QueryCommand(params);
        const result = await doc.send(command);
        for (const item of result.Items.map(unmarshall)) use(item);
      `),
    ).toEqual(["item Query Items"]);
    expect(
      itemData(`${V3}
        for await (const page of paginateScan({ client: doc }, { TableName: "T" })) use(page, page.Items, page.Count);
      `),
    ).toEqual(["output Scan", "items Scan Items", undefined]);
  });

  it("counts writes only when ReturnValues returns an item", () => {
    expect(
      itemData(`${V3}
        const put = await doc.send(new PutCommand({ TableName: "T", Item: item }));
        const updated = await doc.send(new UpdateCommand({ TableName: "T", Key, UpdateExpression: "SET a = :a", ReturnValues: "ALL_NEW" }));
        const none = await doc.send(new UpdateCommand({ TableName: "T", Key, UpdateExpression: "SET a = :a", ReturnValues: "NONE" }));
        use(put, updated.Attributes, none);
      `),
    ).toEqual([undefined, "item Update Attributes", undefined]);
  });

  it("recognises SDK v2 reads with .promise() and aggregated v3 clients", () => {
    expect(
      itemData(
        `
        const AWS = require("aws-sdk");
        const doc = new AWS.DynamoDB.DocumentClient();
        const data = await doc.query(params).promise();
        const raw = await new AWS.DynamoDB().getItem(p).promise();
        use(data.Items, AWS.DynamoDB.Converter.unmarshall(raw.Item), data.LastEvaluatedKey);
      `,
        "file.js",
      ),
    ).toEqual(["items Query Items", "item GetItem Item", undefined]);
  });

  it("leaves look-alikes alone", () => {
    expect(
      itemData(`
        const cache = new Map();
        const result = await fetch(url).then((r) => r.json());
        const item = cache.get(id);
        use(result.Items, item, result);
      `),
    ).toEqual([undefined, undefined, undefined]);
  });
});
