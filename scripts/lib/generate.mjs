// Generated application code for benchmarks: realistic DynamoDB services (Express, Lambda, Koa, Fastify;
// SDK v3 command and aggregated styles, SDK v2), some written securely and some not, so that every rule
// has real work to do. Generated in memory; nothing is written to the repository.

const HEADER = `import { DynamoDBClient, GetItemCommand, QueryCommand as LowQuery } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, DynamoDBDocument, GetCommand, PutCommand, UpdateCommand, DeleteCommand, QueryCommand, ExecuteStatementCommand } from "@aws-sdk/lib-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import AWS from "aws-sdk";
import express from "express";
import https from "node:https";

const app = express();
const router = express.Router();
const low = new DynamoDBClient({ region: process.env.AWS_REGION, endpoint: process.env.DYNAMODB_ENDPOINT });
const doc = DynamoDBDocumentClient.from(low, { marshallOptions: { removeUndefinedValues: true } });
const aggregated = DynamoDBDocument.from(new DynamoDBClient({}));
const legacy = new AWS.DynamoDB.DocumentClient({ httpOptions: { agent: new https.Agent({ keepAlive: true }) } });
const TABLE = process.env.TABLE_NAME ?? "items";
const logger = console;
`;

/** One block of about 60 lines: a handler, a repository function and a helper, with unique names. */
export function generateBlock(i) {
  const table = `TABLE_${i}`;
  return `
// ---- block ${i}
const ${table} = \`\${TABLE}-${i % 7}\`;
const FIELDS_${i} = ["title", "status", "updatedAt"];

function projection${i}(fields) {
  return fields.map((field, n) => \`#f\${n}\`).join(", ");
}

export async function findOwned${i}(ownerId, status) {
  const out = await doc.send(new QueryCommand({
    TableName: ${table},
    KeyConditionExpression: "pk = :pk",
    FilterExpression: "#s = :s",
    ProjectionExpression: projection${i}(FIELDS_${i}),
    ExpressionAttributeNames: { "#s": "status", ...Object.fromEntries(FIELDS_${i}.map((field, n) => [\`#f\${n}\`, field])) },
    ExpressionAttributeValues: { ":pk": ownerId, ":s": status ?? "open" },
  }));
  return out.Items ?? [];
}

router.get("/v${i}/items/:id", async (req, res, next) => {
  try {
    const { Item } = await doc.send(new GetCommand({ TableName: ${table}, Key: { pk: req.user.id, sk: req.params.id } }));
    if (!Item) return res.status(404).end();
    res.json({ ...Item, owner: undefined });
  } catch (error) {
    next(error);
  }
});

router.get("/v${i}/search", async (req, res) => {
  const sort = req.query.sort;
  const out = await doc.send(new QueryCommand({
    TableName: ${table},
    KeyConditionExpression: "pk = :pk",
    FilterExpression: \`\${sort} > :since\`,
    ExpressionAttributeValues: { ":pk": req.user.id, ":since": Number(req.query.since) },
  }));
  logger.info("search", { count: out.Count, user: req.user.id });
  res.json(out.Items);
});

router.delete("/v${i}/items/:id", async (req, res) => {
  await doc.send(new DeleteCommand({ TableName: ${table}, Key: { pk: req.params.id } }));
  res.status(204).end();
});

export const lambda${i} = async (event) => {
  const id = event.pathParameters?.id;
  const owner = event.requestContext.authorizer.claims.sub;
  const item = await aggregated.get({ TableName: ${table}, Key: { pk: owner, sk: id } });
  await aggregated.update({
    TableName: ${table},
    Key: { pk: owner, sk: id },
    UpdateExpression: "SET #u = :u",
    ConditionExpression: "attribute_exists(pk)",
    ExpressionAttributeNames: { "#u": "updatedAt" },
    ExpressionAttributeValues: { ":u": Date.now() },
  });
  const raw = await low.send(new GetItemCommand({ TableName: ${table}, Key: marshall({ pk: owner, sk: id }) }));
  return { statusCode: 200, body: JSON.stringify({ item: item.Item, raw: raw.Item && unmarshall(raw.Item) }) };
};

export function legacyGet${i}(id, callback) {
  legacy.get({ TableName: ${table}, Key: { pk: id } }, callback);
  return doc.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${${table}}" WHERE pk = ?\`, Parameters: [id] }));
}
`;
}

/** A module of `blocks` blocks. */
export function generateModule(index, blocks = 1) {
  let code = HEADER;
  for (let b = 0; b < blocks; b++) code += generateBlock(index * blocks + b);
  return `${code}\nexport default router;\nvoid app;\nvoid LowQuery; void PutCommand; void UpdateCommand;\n`;
}

/** A single file of about `lines` lines (for the scaling check). */
export function generateFileOfLines(lines) {
  const blockLines = generateBlock(0).split("\n").length;
  const headerLines = HEADER.split("\n").length + 4;
  return generateModule(0, Math.max(1, Math.round((lines - headerLines) / blockLines)));
}

/** `count` generated modules, as { file, text } (virtual paths). */
export function generateApplication(count) {
  return Array.from({ length: count }, (_, i) => ({ file: `generated/src/routes/module-${i}.ts`, text: generateModule(i, 2) }));
}
