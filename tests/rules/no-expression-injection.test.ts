import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/no-expression-injection";
import { runRuleTests } from "../rule-tester";

const script = { parserOptions: { sourceType: "script" } } as const;
const strict = [{ reportAllNonConstant: true }] as const;

/** The code with each `[from, to]` replaced; every `from` must occur exactly once. */
function rewrite(code: string, ...edits: Array<[string, string]>): string {
  let result = code;
  for (const [from, to] of edits) {
    const first = result.indexOf(from);
    if (first < 0 || result.indexOf(from, first + 1) >= 0) throw new Error(`expected exactly one occurrence of ${from}`);
    result = result.replace(from, () => to);
  }
  return result;
}

const DOC = `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, ScanCommand, UpdateCommand, TransactWriteCommand, BatchGetCommand, ExecuteStatementCommand, BatchExecuteStatementCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

// ---------------------------------------------------------------- invalid sources

const expressScan = `${DOC}
app.get("/items", async (req, res) => {
  const { status } = req.query;
  const result = await doc.send(new ScanCommand({
    TableName: "Items",
    FilterExpression: \`status = \${status}\`,
  }));
  res.json(result.Items);
});
`;

const expressUpdate = `${DOC}
app.patch("/notes/:id", async (req, res) => {
  const field = req.body.field;
  await doc.send(new UpdateCommand({
    TableName: "Notes",
    Key: { id: req.params.id },
    UpdateExpression: "SET " + field + " = :v",
    ExpressionAttributeValues: { ":v": req.body.value },
  }));
  res.sendStatus(204);
});
`;

const lambdaLowLevel = `import { DynamoDBClient, QueryCommand } from "@aws-sdk/client-dynamodb";
const client = new DynamoDBClient({});

export const handler = async (event) => {
  const { Items } = await client.send(new QueryCommand({
    TableName: process.env.TABLE_NAME,
    KeyConditionExpression: \`pk = :pk AND sk > \${event.queryStringParameters.since}\`,
    ExpressionAttributeValues: { ":pk": { S: event.pathParameters.id } },
  }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};
`;

const lambdaMarshall = `import { DynamoDBClient, QueryCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
const client = new DynamoDBClient({});

export const handler = async (event) => {
  return client.send(new QueryCommand({
    TableName: process.env.TABLE_NAME,
    KeyConditionExpression: \`pk = :pk AND begins_with(sk, \${event.queryStringParameters.prefix})\`,
    ExpressionAttributeValues: marshall({
      ":pk": event.pathParameters.id, // the tenant
    }),
  }));
};
`;

const repository = `${DOC}
export async function findByOwner(owner: string) {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Notes", KeyConditionExpression: \`pk = \${owner}\` }));
  return Items;
}
`;

const transact = `${DOC}
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  await doc.send(new TransactWriteCommand({
    TransactItems: [
      {
        Update: {
          TableName: "Accounts",
          Key: { id: event.pathParameters.id },
          UpdateExpression: \`SET total = total + \${body.amount}\`,
        },
      },
    ],
  }));
};
`;

const partiqlDoc = `${DOC}
app.get("/orders/:id", async (req, res) => {
  const out = await doc.send(new ExecuteStatementCommand({
    Statement: \`SELECT * FROM "Orders" WHERE id = '\${req.params.id}'\`,
  }));
  res.json(out.Items);
});
`;

const partiqlLowLevel = `import { DynamoDBClient, ExecuteStatementCommand } from "@aws-sdk/client-dynamodb";
const client = new DynamoDBClient({});
const TABLE = process.env.ORDERS_TABLE;

export const handler = async (event) => {
  const limit = Number(event.queryStringParameters.n);
  return client.send(new ExecuteStatementCommand({
    Statement: \`SELECT * FROM "\${TABLE}" WHERE pk = '\${event.pathParameters.id}' AND n > \${limit}\`,
  }));
};
`;

const partiqlExistingParameters = `${DOC}
app.post("/orders/:id/items", async (req, res) => {
  await doc.send(new BatchExecuteStatementCommand({
    Statements: [
      {
        Statement: \`UPDATE "Orders" SET qty = ? WHERE pk = '\${req.params.id}' AND sk = ?\`,
        Parameters: [req.body.qty, "ITEM"],
      },
    ],
  }));
  res.sendStatus(204);
});
`;

const v2DocumentClient = `const AWS = require("aws-sdk");
const docClient = new AWS.DynamoDB.DocumentClient();

exports.list = async (req, res) => {
  const data = await docClient.query({
    TableName: "Tasks",
    KeyConditionExpression: "userId = :u",
    FilterExpression: "priority > " + req.query.minPriority,
    ExpressionAttributeValues: { ":u": req.user.id },
  }).promise();
  res.json(data.Items);
};
`;

const v2LowLevelPartiql = `const AWS = require("aws-sdk");
const ddb = new AWS.DynamoDB();

module.exports.handler = async (event) => {
  const sql = "SELECT * FROM Users WHERE email = '" + event.queryStringParameters.email + "'";
  return ddb.executeStatement({ Statement: sql }).promise();
};
`;

const helperCallSites = `${DOC}
function byField(field) {
  return \`\${field} = :v\`;
}
app.get("/search", async (req, res) => {
  res.json(await doc.send(new ScanCommand({ TableName: "T", FilterExpression: byField(req.query.field), ExpressionAttributeValues: { ":v": req.query.v } })));
});
app.get("/open", async (req, res) => {
  res.json(await doc.send(new ScanCommand({ TableName: "T", FilterExpression: byField("state"), ExpressionAttributeValues: { ":v": "open" } })));
});
`;

const methodCallSites = `${DOC}
class SearchRoutes {
  byField(field) {
    return \`\${field} = :v\`;
  }
  register(app) {
    app.get("/search", async (req, res) => {
      res.json(await doc.send(new ScanCommand({ TableName: "T", FilterExpression: this.byField(req.query.field), ExpressionAttributeValues: { ":v": req.query.v } })));
    });
  }
}
`;

const constantMethod = `${DOC}
class TaskService {
  async update(id, description, done) {
    await doc.send(new UpdateCommand({ TableName: "Tasks", Key: { id }, UpdateExpression: this.updateExpression(description, done), ExpressionAttributeValues: { ":d": description, ":c": done, ":t": Date.now() } }));
  }
  updateExpression(description, done) {
    return \`SET \${description ? "description = :d, " : ""}\${done !== undefined ? "completed = :c, " : ""}updatedAt = :t\`;
  }
}
`;

const wrapperCallSites = `${DOC}
async function queryBy(keyCondition, values) {
  return doc.send(new QueryCommand({ TableName: "T", KeyConditionExpression: keyCondition, ExpressionAttributeValues: values }));
}
app.get("/users/:id/posts", async (req, res) => {
  res.json(await queryBy("pk = :pk AND sk > " + req.query.since, { ":pk": req.params.id }));
});
app.get("/feed", async (req, res) => {
  res.json(await queryBy("pk = :feed", { ":feed": "FEED" }));
});
`;

const filterBuilder = `${DOC}
app.get("/products", async (req, res) => {
  const q = req.query;
  const filters = [];
  const values = {};
  if (q.brand) {
    filters.push("brand = :brand");
    values[":brand"] = q.brand;
  }
  if (q.color) filters.push(\`color = \${q.color}\`);
  const params = { TableName: "Products", ExpressionAttributeValues: values };
  if (filters.length > 0) params.FilterExpression = filters.join(" AND ");
  res.json(await doc.send(new ScanCommand(params)));
});
`;

const updateFromBody = `${DOC}
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  const updateExpression = "SET " + Object.keys(body).map((k) => \`\${k} = :\${k}\`).join(", ");
  const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [\`:\${k}\`, v]));
  await doc.send(new UpdateCommand({ TableName: "T", Key: { id: event.pathParameters.id }, UpdateExpression: updateExpression, ExpressionAttributeValues: values }));
};
`;

// Expression members spelled with escape sequences in a module that names no DynamoDB package: the text
// pre-check decodes them, so the sites are still read.
const escapedMemberModule = `export function searchParams(table: string, name: string) {
  return { TableName: table, Filter\\u0045xpression: "begins_with(title, " + name + ")" };
}

export const orderParams = (table: string, sort: string) => ({ TableName: table, "KeyCondition\\x45xpression": \`pk = :p AND \${sort}\` });
`;

const serviceModule = `import { db } from "../lib/db";
const TABLE = process.env.TABLE_NAME;

export function listParams(userId: string, sortKeyPrefix: string) {
  return {
    TableName: TABLE,
    KeyConditionExpression: "userId = :u AND begins_with(sk, " + sortKeyPrefix + ")",
    ExpressionAttributeValues: { ":u": userId },
  };
}

export const appendFilter = (params, attribute) => {
  params.FilterExpression += \` AND attribute_exists(\${attribute})\`;
  return db.query(params);
};
`;

const nestController = `import { Controller, Get, Query } from "@nestjs/common";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";

@Controller("orders")
export class OrdersController {
  constructor(private readonly doc: DynamoDBDocumentClient) {}

  @Get()
  async list(@Query("sort") sort: string) {
    return this.doc.send(new QueryCommand({
      TableName: "Orders",
      KeyConditionExpression: "pk = :pk",
      ProjectionExpression: \`id, \${sort}\`,
      ExpressionAttributeValues: { ":pk": "ORDERS" },
    }));
  }
}
`;

const partiqlTransaction = `import { DynamoDBClient, ExecuteTransactionCommand } from "@aws-sdk/client-dynamodb";
const client = new DynamoDBClient({});

export async function POST(request: Request) {
  const { orderId, table } = await request.json();
  await client.send(new ExecuteTransactionCommand({
    TransactStatements: [
      { Statement: \`DELETE FROM "\${table}" WHERE pk = ?\`, Parameters: [{ S: "x" }] },
      { Statement: "UPDATE Orders SET state = 'CANCELLED' WHERE pk = '" + orderId + "'" },
    ],
  }));
  return Response.json({ ok: true });
}
`;

const frameworks = `import { DynamoDBDocument, paginateQuery } from "@aws-sdk/lib-dynamodb";
import { DynamoDB } from "@aws-sdk/client-dynamodb";

const doc = DynamoDBDocument.from(new DynamoDB({}));
router.get("/k/:id", async (ctx) => {
  ctx.body = await doc.query({ TableName: "T", KeyConditionExpression: "pk = :pk", FilterExpression: "kind = " + ctx.query.kind, ExpressionAttributeValues: { ":pk": ctx.params.id } });
});
fastify.get("/f", async (request, reply) => {
  const filter = "begins_with(title, ".concat(request.query.prefix, ")");
  return doc.scan({ TableName: "T", FilterExpression: filter });
});
app.get("/h/:id", async (c) => {
  const attr = c.req.query("attr");
  for await (const page of paginateQuery({ client: doc }, { TableName: "T", KeyConditionExpression: "pk = :pk", ProjectionExpression: attr ? \`id, \${attr}\` : "id", ExpressionAttributeValues: { ":pk": c.req.param("id") } })) {
    console.log(page);
  }
});
export class Repo {
  constructor(private readonly db: DynamoDBDocument) {}
  async search(query: { q: string }) { return this.#scan(query.q); }
  async #scan(q: string) { return this.db.scan({ TableName: "T", FilterExpression: \`contains(title, \${q})\` }); }
}
`;

const v2Callback = `const AWS = require("aws-sdk");
const dynamodb = new AWS.DynamoDB({ region: "us-east-1" });
exports.handler = (event, context, callback) => {
  const params = {
    TableName: "Users",
    KeyConditionExpression: "username = :u",
    FilterExpression: "age > " + event.queryStringParameters.age,
    ExpressionAttributeValues: { ":u": { S: event.pathParameters.user } },
  };
  dynamodb.query(params, (err, data) => callback(err, data));
};
`;

/** An exported function whose attribute parameter is typed with a union that admits any string. */
const OPEN_UNION = `${DOC}
type Field = "Author" | "Title" | string;
export async function byField(value: string, field: Field) {
  return doc.send(new QueryCommand({ TableName: "Books", KeyConditionExpression: \`\${field} = :v\`, ExpressionAttributeValues: { ":v": value } }));
}`;

runRuleTests("no-expression-injection", rule, {
  valid: [
    {
      name: "an update whose names are the keys of an object literal written in the method: fixed names, even under reportAllNonConstant",
      options: strict,
      code: `const AWS = require("aws-sdk");
const dynamodb = new AWS.DynamoDB();
class User {
  constructor(id) { this.id = id; }
  async update({ nickName, firstName, lastName }) {
    const fields = { nickName, firstName, lastName };
    const parts = [];
    const values = {};
    for (const key in fields) {
      if (fields[key] !== undefined) {
        parts.push(\`\${key} = :\${key}\`);
        values[\`:\${key}\`] = { S: String(fields[key]) };
      }
    }
    await dynamodb.updateItem({ TableName: "user", Key: { id: { S: this.id } }, UpdateExpression: \`SET \${parts.join(", ")}\`, ExpressionAttributeValues: values }).promise();
    return this;
  }
}
module.exports = User;`,
    },
    // An update built from the keys of what a closed Joi object schema returned: only the names it lists.
    `const AWS = require("aws-sdk");
const Joi = require("joi");
const docClient = new AWS.DynamoDB.DocumentClient();
const profilePatch = Joi.object({ nickname: Joi.string(), city: Joi.string() }).min(1);
module.exports.updateProfile = async (id, changes) => {
  const { error, value } = profilePatch.validate(changes);
  if (error) throw error;
  let expression = "SET updatedAt = :now";
  const values = { ":now": Date.now() };
  Object.keys(value).forEach((field) => {
    expression += \`, \${field} = :\${field}\`;
    values[\`:\${field}\`] = value[field];
  });
  return docClient.update({ TableName: "Profiles", Key: { id }, UpdateExpression: expression, ExpressionAttributeValues: values }).promise();
};`,
    // An operator mapped through a switch whose every path (default included) assigns a constant.
    `${DOC}
export async function search(pk: string, filter: Record<string, Record<string, unknown>>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":pk": pk };
  const parts = Object.keys(filter).map((field, i) => {
    let op = Object.keys(filter[field])[0];
    values[\`:v\${i}\`] = filter[field][op];
    names[\`#f\${i}\`] = field;
    switch (op) {
      case "gt":
        op = ">";
        break;
      case "lt":
        op = "<";
        break;
      default:
        op = "=";
    }
    return \`#f\${i} \${op} :v\${i}\`;
  });
  return doc.send(new QueryCommand({ TableName: "T", KeyConditionExpression: "pk = :pk", FilterExpression: parts.join(" AND "), ExpressionAttributeNames: names, ExpressionAttributeValues: values }));
}`,
    // A same-file helper whose every call passes an object literal with fixed keys: the names in its update are those keys.
    `const AWS = require("aws-sdk");
const docClient = new AWS.DynamoDB.DocumentClient();
async function setFields(id, fields) {
  const parts = [];
  for (const name of Object.keys(fields).sort()) parts.push(\`\${name} = :\${name}\`);
  const flags = Object.entries(fields).map(([name]) => \`attribute_exists(\${name})\`);
  return docClient.update({ TableName: "Profiles", Key: { id }, UpdateExpression: "SET " + parts.join(", "), ConditionExpression: flags.join(" AND "), ExpressionAttributeValues: Object.fromEntries(Object.entries(fields).map(([k, v]) => [":" + k, v])) }).promise();
}
module.exports.rename = (req, res) => setFields(req.params.id, { firstName: req.body.first, ["lastName"]: req.body.last }).then(() => res.end());
module.exports.retitle = (req, res) => setFields(req.params.id, { title: req.body.title }).then(() => res.end());`,
    // A call that leaves the object out gets the parameter's default (`extra = {}`), or undefined: no keys either way.
    `const AWS = require("aws-sdk");
const docClient = new AWS.DynamoDB.DocumentClient();
async function setStage(id, stage, extra = {}, more) {
  const names = { "#stage": "stage" };
  const values = { ":stage": stage };
  const clauses = Object.entries(extra).map(([k, v]) => { names[\`#\${k}\`] = k; values[\`:\${k}\`] = v; return \`#\${k} = :\${k}\`; });
  for (const key in more) clauses.push(\`\${key} = :\${key}\`);
  return docClient.update({ TableName: "Reports", Key: { id }, UpdateExpression: \`SET \${["#stage = :stage", ...clauses].join(", ")}\`, ExpressionAttributeNames: names, ExpressionAttributeValues: values }).promise();
}
module.exports.submit = (id) => setStage(id, "review");
module.exports.approve = (id, approvedBy) => setStage(id, "approved", { approval: { approvedBy, at: Date.now() } }, { approvedBy });`,
    // Constants: literals, const strings, enum and as-const members, constant arrays and appends, DynamoDB arithmetic.
    `${DOC}
enum Status { Open = "OPEN" }
const FIELDS = { owner: "ownerId" } as const;
const BASE = "pk = :pk";
export async function list(pk: string, withDone: boolean) {
  let filter = "#s = :open";
  if (withDone) filter += " OR #s = :done";
  const parts = ["attribute_exists(" + FIELDS.owner + ")"];
  parts.push(\`#s <> \${"':x'"}\`);
  await doc.send(new QueryCommand({ TableName: "T", KeyConditionExpression: \`\${BASE} AND begins_with(sk, :prefix)\`, FilterExpression: filter, ExpressionAttributeNames: { "#s": "status" }, ExpressionAttributeValues: { ":pk": pk, ":open": Status.Open } }));
  await doc.send(new ScanCommand({ TableName: "T", FilterExpression: parts.join(" AND "), ProjectionExpression: \`id, title\` }));
  await doc.send(new UpdateCommand({ TableName: "T", Key: { pk }, UpdateExpression: "SET n = n + :inc", ExpressionAttributeValues: { ":inc": 1 } }));
}`,
    // Placeholder names built from variables: #${k} = :${k}, :v${i}, #a${i} (the attribute choice is another rule's business).
    `${DOC}
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  const names = {};
  const values = {};
  let expr = "SET ";
  for (const key of Object.keys(body)) {
    expr += \`#\${key} = :\${key}, \`;
    names[\`#\${key}\`] = key;
    values[\`:\${key}\`] = body[key];
  }
  expr = expr.slice(0, -2);
  await doc.send(new UpdateCommand({ TableName: "T", Key: { id: event.pathParameters.id }, UpdateExpression: expr, ExpressionAttributeNames: names, ExpressionAttributeValues: values }));
  const ids = body.ids;
  await doc.send(new ScanCommand({ TableName: "T", FilterExpression: \`id IN (\${ids.map((_, i) => \`:v\${i}\`).join(", ")})\`, ProjectionExpression: body.fields.map((f, i) => \`#a\${i}\`).join(", ") }));
};`,
    // Object.keys(...).map(k => `#${k} = :${k}`).join(): placeholders only.
    `${DOC}
export function buildUpdate(item: Record<string, unknown>) {
  return {
    TableName: "T",
    UpdateExpression: "SET " + Object.keys(item).map((k) => \`#\${k} = :\${k}\`).join(", "),
  };
}`,
    // Placeholder names mapped in one step and read back by index or as another map's element.
    `const AWS = require("aws-sdk");
const docClient = new AWS.DynamoDB.DocumentClient();
async function updatePost(PK, data) {
  const names = Object.keys(data);
  const keyNames = names.map((k) => "#key_" + k);
  const valueNames = names.map((k) => ":val_" + k);
  const parts = valueNames.map((v, i) => \`\${keyNames[i]} = \${v}\`);
  return docClient.update({ TableName: "Blogs", Key: { PK, SK: "blog" }, UpdateExpression: "SET " + parts.join(", "),
    ExpressionAttributeNames: Object.fromEntries(names.map((k) => ["#key_" + k, k])),
    ExpressionAttributeValues: Object.fromEntries(names.map((k) => [":val_" + k, data[k]])) }).promise();
}
module.exports = { updatePost };`,
    // An array of placeholders placed in the text without .join(): JavaScript joins it with ",".
    `${DOC}
const LOCKED = ["id", "createdAt"];
export const handler = async (event) => {
  const changes = JSON.parse(event.body);
  const keys = Object.keys(changes);
  await doc.send(new UpdateCommand({ TableName: "T", Key: { id: "me" }, UpdateExpression: \`SET \${keys.map((key, i) => (LOCKED.includes(key) ? "" : \`#k\${i} = :v\${i}\`))}\`, ExpressionAttributeValues: {} }));
  const sets = keys.filter((key) => !LOCKED.includes(key)).map((_, i) => \`#k\${i} = :v\${i}\`).filter(Boolean);
  await doc.send(new UpdateCommand({ TableName: "T", Key: { id: "me" }, UpdateExpression: "SET " + sets, ExpressionAttributeValues: {} }));
};`,
    // process.env and imported configuration; PartiQL values passed as Parameters.
    `${DOC}
import { ATTRIBUTE, TABLE } from "./config";
export async function byId(id: string) {
  await doc.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${process.env.TABLE_NAME}" WHERE id = ?\`, Parameters: [id] }));
  await doc.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${TABLE}" WHERE id = ?\`, Parameters: [id] }));
  await doc.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: \`\${ATTRIBUTE} = :id\`, FilterExpression: \`\${process.env.FLAG_ATTRIBUTE} = :t\`, ExpressionAttributeValues: { ":id": id, ":t": true } }));
}`,
    // A same-file helper whose every caller passes constants.
    `${DOC}
function byField(field) {
  return \`\${field} = :v\`;
}
app.get("/open", async (req, res) => {
  res.json(await doc.send(new ScanCommand({ TableName: "T", FilterExpression: byField("state"), ExpressionAttributeValues: { ":v": req.query.v } })));
});
const ARCHIVED = "archived";
export const archived = () => doc.send(new ScanCommand({ TableName: "T", FilterExpression: byField(ARCHIVED), ExpressionAttributeValues: { ":v": true } }));`,
    // A wrapper that passes a whole expression through: the callers own it (reported in strict mode only).
    `${DOC}
export async function queryAll(table: string, keyCondition: string, values: Record<string, unknown>) {
  return doc.send(new QueryCommand({ TableName: table, KeyConditionExpression: keyCondition, ExpressionAttributeValues: values }));
}`,
    // The authenticated caller's identity is not request input (strict mode reports it).
    `${DOC}
app.get("/me/notes", async (req, res) => {
  res.json(await doc.send(new QueryCommand({ TableName: "Notes", KeyConditionExpression: \`pk = :pk\`, FilterExpression: \`owner_\${req.user.tenant} = :t\`, ExpressionAttributeValues: { ":pk": req.user.id, ":t": true } })));
});`,
    // Numbers cannot carry syntax: a typed list index, a converted value.
    `${DOC}
interface RemoveInput { id: string; index: number }
export async function removeAt(props: RemoveInput, limit: string) {
  const { id, index } = props;
  await doc.send(new UpdateCommand({ TableName: "T", Key: { id }, UpdateExpression: \`REMOVE stages[\${index}] SET n = n - :one\`, ExpressionAttributeValues: { ":one": 1 } }));
  await doc.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "T" WHERE n > \${Number(limit)}\` }));
}`,
    // Allow-listed attribute names and operators checked before use.
    `${DOC}
const SORTABLE = ["createdAt", "title"];
const OPERATORS = { eq: "=", gt: ">" };
app.get("/notes", async (req, res) => {
  const { sort, op = "eq" } = req.query;
  if (!SORTABLE.includes(sort)) return res.status(400).json({ error: "bad sort" });
  if (!(op in OPERATORS)) return res.sendStatus(400);
  res.json(await doc.send(new ScanCommand({ TableName: "Notes", FilterExpression: \`\${sort} \${OPERATORS[op]} :v\`, ExpressionAttributeValues: { ":v": req.query.v } })));
});
export function byOperator(operator: string, index: number) {
  if (operator === "between") return { TableName: "T", FilterExpression: "#a" + index + " " + operator + " :lo and :hi" };
  if (/^[a-z_]+$/.test(operator)) return { TableName: "T", FilterExpression: \`\${operator}(#a, :v)\` };
  return undefined;
}`,
    // An exported function whose attribute parameter is typed with string literals: the type checker holds every caller to them.
    `${DOC}
export type SearchField = "Author" | "Title";
export async function byField(value: string, field: SearchField, direction: "ASC" | "DESC" = "ASC") {
  return doc.send(new QueryCommand({ TableName: "Books", IndexName: \`\${field}Index\`, KeyConditionExpression: \`\${field} = :v\`, ScanIndexForward: direction === "ASC", ExpressionAttributeValues: { ":v": value } }));
}`,
    // A private method only called with constants.
    `${DOC}
export class NotesRepository {
  async open() { return this.#byState("open"); }
  async #byState(state: string) {
    return doc.send(new ScanCommand({ TableName: "Notes", FilterExpression: \`\${state} = :yes\`, ExpressionAttributeValues: { ":yes": true } }));
  }
}`,
    // The same with JavaScript's `_name` convention for internal methods (an ORM's update builder, whose action
    // keyword the class passes as a constant).
    `${DOC}
const Actions = { set: "set", remove: "remove" };
export class Entity {
  update(key, item) {
    return doc.send(new UpdateCommand({ TableName: "Notes", Key: key, ...this._updateParts(item, Actions.set) }));
  }
  _updateParts(item, operation = "") {
    const expressions = { UpdateExpression: [], ExpressionAttributeNames: {}, ExpressionAttributeValues: {} };
    for (const prop of Object.keys(item)) {
      expressions.UpdateExpression.push(\`#\${prop} = :\${prop}\`);
      expressions.ExpressionAttributeNames[\`#\${prop}\`] = prop;
      expressions.ExpressionAttributeValues[\`:\${prop}\`] = item[prop];
    }
    expressions.UpdateExpression = \`\${operation.toUpperCase()} \${expressions.UpdateExpression.join(", ")}\`.trim();
    return expressions;
  }
}`,
    // Look-alikes: not DynamoDB inputs.
    `import { TimestreamQueryClient, QueryCommand } from "@aws-sdk/client-timestream-query";
const ts = new TimestreamQueryClient({});
app.get("/m", async (req, res) => res.json(await ts.send(new QueryCommand({ QueryString: \`SELECT * FROM db.t WHERE host = '\${req.query.host}'\` }))));`,
    `import { RDSDataClient, ExecuteStatementCommand } from "@aws-sdk/client-rds-data";
const rds = new RDSDataClient({});
app.get("/u", async (req, res) => res.json(await rds.send(new ExecuteStatementCommand({ sql: \`SELECT * FROM users WHERE id = '\${req.query.id}'\`, resourceArn: "a", secretArn: "s" }))));`,
    `app.get("/x", (req, res) => {
  const filter = { FilterExpression: \`a = \${req.query.a}\` };
  const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "dynamodb:GetItem", Resource: req.query.arn }] };
  res.json([filter, policy]);
});`,
    `const knex = require("knex")({});
app.get("/x", (req, res) => knex.raw(\`SELECT * FROM t WHERE a = '\${req.query.a}'\`));`,

    // strict mode: a method of the class that returns only constant text (alternatives of it) is constant.
    { code: constantMethod, options: strict },
    // strict mode still allows placeholder names, process.env and imported configuration.
    {
      code: `${DOC}
import { INDEX_ATTRIBUTE } from "./schema";
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  await doc.send(new ScanCommand({ TableName: process.env.TABLE, FilterExpression: \`#\${body.k} = :\${body.k} AND \${INDEX_ATTRIBUTE} = :i AND \${process.env.FLAG} = :f\` }));
};`,
      options: strict,
    },
    {
      name: "strict: reduce appending text around the names of a constant list builds constant text",
      code: `${DOC}
const FIELDS = ["title", "body"];
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  const updateExpression = FIELDS.reduce((text, k) => text + \`\${k} = :\${k}, \`, "SET ").slice(0, -2);
  await doc.send(new UpdateCommand({ TableName: "T", Key: { id: event.pathParameters.id }, UpdateExpression: updateExpression, ExpressionAttributeValues: { ":title": body.title, ":body": body.body } }));
};
`,
      options: strict,
    },
  ],
  invalid: [
    {
      // A union that admits any string is no constraint.
      code: OPEN_UNION,
      errors: [
        {
          messageId: "expressionInjection",
          line: 7,
          suggestions: [
            { messageId: "suggestNamePlaceholder", output: rewrite(OPEN_UNION, ["${field} = :v`, ExpressionAttributeValues: { \":v\": value }", '#field = :v`, ExpressionAttributeValues: { ":v": value }, ExpressionAttributeNames: { "#field": field }']) },
            { messageId: "suggestValuePlaceholder", output: rewrite(OPEN_UNION, ["${field} = :v`, ExpressionAttributeValues: { \":v\": value }", ':field = :v`, ExpressionAttributeValues: { ":v": value, ":field": field }']) },
          ],
        },
      ],
    },
    // The same update built from the keys of the unvalidated argument.
    {
      code: `const AWS = require("aws-sdk");
const docClient = new AWS.DynamoDB.DocumentClient();
module.exports.updateProfile = async (id, changes) => {
  let expression = "SET updatedAt = :now";
  const values = { ":now": Date.now() };
  Object.keys(changes).forEach((field) => {
    expression += \`, \${field} = :\${field}\`;
    values[\`:\${field}\`] = changes[field];
  });
  return docClient.update({ TableName: "Profiles", Key: { id }, UpdateExpression: expression, ExpressionAttributeValues: values }).promise();
};`,
      errors: [{ messageId: "expressionInjection", line: 7, data: { member: "UpdateExpression", value: "field", source: "is parameter `changes` of `updateProfile`, which callers can set to anything" } }],
    },
    // The same names mapped in one step and read back by index, without a placeholder prefix: the keys themselves.
    {
      code: `const AWS = require("aws-sdk");
const docClient = new AWS.DynamoDB.DocumentClient();
module.exports.updatePost = async (PK, data) => {
  const names = Object.keys(data);
  const valueNames = names.map((k) => ":val_" + k);
  const parts = valueNames.map((v, i) => \`\${names[i]} = \${v}\`);
  return docClient.update({ TableName: "Blogs", Key: { PK, SK: "blog" }, UpdateExpression: "SET " + parts.join(", "), ExpressionAttributeValues: Object.fromEntries(names.map((k) => [":val_" + k, data[k]])) }).promise();
};`,
      errors: [{ messageId: "expressionInjection", line: 6, data: { member: "UpdateExpression", value: "names[i]", source: "is parameter `data` of `updatePost`, which callers can set to anything" } }],
    },
    // Text pushed onto an array that map() made: the pushed text is part of the expression too.
    {
      code: `${DOC}
const FIELDS = { title: "t", body: "b" };
app.patch("/notes/:id", async (req, res) => {
  const clauses = Object.keys(FIELDS).map((k) => \`#\${k} = :\${k}\`);
  clauses.push(\`\${req.query.extra} = :extra\`);
  await doc.send(new UpdateCommand({ TableName: "Notes", Key: { id: req.params.id }, UpdateExpression: "SET " + clauses.join(", ") }));
  res.end();
});`,
      errors: [{ messageId: "expressionInjection", line: 8, column: 19, data: { member: "UpdateExpression", value: "req.query.extra", source: "comes from request input `req.query.extra` (Express)" } }],
    },
    // The same stage setter when a caller spreads a parameter into the object left out elsewhere: its keys are open.
    {
      code: `const AWS = require("aws-sdk");
const docClient = new AWS.DynamoDB.DocumentClient();
async function setStage(id, stage, extra = {}) {
  const clauses = Object.entries(extra).map(([k]) => \`\${k} = :\${k}\`);
  return docClient.update({ TableName: "Reports", Key: { id }, UpdateExpression: \`SET \${["#stage = :stage", ...clauses].join(", ")}\` }).promise();
}
module.exports.submit = (id) => setStage(id, "review");
module.exports.approve = (id, fields) => setStage(id, "approved", { at: Date.now(), ...fields });`,
      errors: [{ messageId: "expressionInjection", line: 4, column: 57, data: { member: "UpdateExpression", value: "k", source: "is parameter `fields` of `approve`, which callers can set to anything" } }],
    },
    // The same helper when one call spreads the request body into the object: the names are the caller's.
    {
      code: `const AWS = require("aws-sdk");
const docClient = new AWS.DynamoDB.DocumentClient();
async function setFields(id, fields) {
  const parts = [];
  for (const name of Object.keys(fields).sort()) parts.push(\`\${name} = :\${name}\`);
  return docClient.update({ TableName: "Profiles", Key: { id }, UpdateExpression: "SET " + parts.join(", "), ExpressionAttributeValues: Object.fromEntries(Object.entries(fields).map(([k, v]) => [":" + k, v])) }).promise();
}
module.exports.rename = (req, res) => setFields(req.params.id, { firstName: req.body.first }).then(() => res.end());
module.exports.set = (req, res) => setFields(req.params.id, { ...req.body, updatedAt: Date.now() }).then(() => res.end());`,
      errors: [{ messageId: "expressionInjection", line: 5, column: 64, data: { member: "UpdateExpression", value: "name", source: "comes from request input `req.body` (Express) passed to `setFields`" } }],
    },
    // A same-file helper is judged by its call sites: the request value is reported where it is passed.
    {
      code: helperCallSites,
      errors: [{ messageId: "expressionInjection", line: 9, column: 87, data: { member: "FilterExpression", value: "req.query.field", source: "comes from request input `req.query.field` (Express)" }, suggestions: [] }],
    },
    // The same helper as a method of the class, called on this from a route registered in another method.
    {
      code: methodCallSites,
      errors: [{ messageId: "expressionInjection", line: 11, column: 96, data: { member: "FilterExpression", value: "req.query.field", source: "comes from request input `req.query.field` (Express)" }, suggestions: [] }],
    },
    // A wrapper's whole-expression parameter is judged by what its callers pass.
    {
      code: wrapperCallSites,
      errors: [{ messageId: "expressionInjection", line: 9, column: 49, data: { member: "KeyConditionExpression", value: "req.query.since", source: "comes from request input `req.query.since` (Express)" }, suggestions: [] }],
    },
    // Filters pushed to an array and joined, assigned after construction.
    {
      code: filterBuilder,
      errors: [{ messageId: "expressionInjection", line: 13, column: 40, data: { member: "FilterExpression", value: "q.color", source: "comes from request input `req.query.color` (Express)" }, suggestions: [] }],
    },
    // Attribute paths from the request body's keys (no #name placeholders).
    {
      code: updateFromBody,
      errors: [{ messageId: "expressionInjection", line: 7, column: 69, data: { member: "UpdateExpression", value: "k", source: "comes from request input `event.body` (Lambda event)" }, suggestions: [] }],
    },
    {
      code: updateFromBody.replace(".join(\", \")", ""),
      errors: [{ messageId: "expressionInjection", line: 7, column: 69, data: { member: "UpdateExpression", value: "k", source: "comes from request input `event.body` (Lambda event)" }, suggestions: [] }],
    },
    {
      name: "lambda: an UpdateExpression that reduce builds by appending text around the body's keys",
      code: updateFromBody.replace('"SET " + Object.keys(body).map((k) => `${k} = :${k}`).join(", ")', 'Object.keys(body).reduce((text, k) => text + `${k} = :${k}, `, "SET ")'),
      errors: [{ messageId: "expressionInjection", line: 7, data: { member: "UpdateExpression", value: "k", source: "comes from request input `event.body` (Lambda event)" }, suggestions: [] }],
    },
    {
      name: "lambda: the same reduce with a callback whose body is one return",
      code: updateFromBody.replace('"SET " + Object.keys(body).map((k) => `${k} = :${k}`).join(", ")', 'Object.keys(body).reduce(function (text, k) { return text + `${k} = :${k}, `; }, "SET ")'),
      errors: [{ messageId: "expressionInjection", line: 7, data: { member: "UpdateExpression", value: "k", source: "comes from request input `event.body` (Lambda event)" }, suggestions: [] }],
    },
    // An exported params builder in a module that never imports the SDK, and += after construction.
    {
      code: serviceModule,
      filename: "src/services/items.ts",
      errors: [
        {
          messageId: "expressionInjection",
          line: 7,
          column: 66,
          data: { member: "KeyConditionExpression", value: "sortKeyPrefix", source: "is parameter `sortKeyPrefix` of `listParams`, which callers can set to anything" },
          suggestions: [
            {
              messageId: "suggestValuePlaceholder",
              output: rewrite(serviceModule, [`"userId = :u AND begins_with(sk, " + sortKeyPrefix + ")",`, `"userId = :u AND begins_with(sk, :sortKeyPrefix)",`], [`{ ":u": userId }`, `{ ":u": userId, ":sortKeyPrefix": sortKeyPrefix }`]),
            },
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(
                serviceModule,
                [`"userId = :u AND begins_with(sk, " + sortKeyPrefix + ")",`, `"userId = :u AND begins_with(sk, #sortKeyPrefix)",`],
                [`    ExpressionAttributeValues: { ":u": userId },\n`, `    ExpressionAttributeValues: { ":u": userId },\n    ExpressionAttributeNames: { "#sortKeyPrefix": sortKeyPrefix },\n`],
              ),
            },
          ],
        },
        { messageId: "expressionInjection", line: 13, column: 55, data: { member: "FilterExpression", value: "attribute", source: "is parameter `attribute` of `appendFilter`, which callers can set to anything" }, suggestions: [] },
      ],
    },
    {
      code: escapedMemberModule,
      filename: "src/services/search.ts",
      errors: [
        {
          messageId: "expressionInjection",
          line: 2,
          column: 77,
          data: { member: "FilterExpression", value: "name", source: "is parameter `name` of `searchParams`, which callers can set to anything" },
          suggestions: [
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(escapedMemberModule, ['"begins_with(title, " + name + ")" };', '"begins_with(title, #name)", ExpressionAttributeNames: { "#name": name } };']),
            },
          ],
        },
        {
          messageId: "expressionInjection",
          line: 5,
          column: 126,
          data: { member: "KeyConditionExpression", value: "sort", source: "is parameter `sort` of `orderParams`, which callers can set to anything" },
          suggestions: [
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(escapedMemberModule, ["`pk = :p AND ${sort}` });", '`pk = :p AND #sort`, ExpressionAttributeNames: { "#sort": sort } });']),
            },
          ],
        },
      ],
    },
    // NestJS @Query() parameter in a ProjectionExpression: only a name placeholder makes sense there.
    {
      code: nestController,
      errors: [
        {
          messageId: "expressionInjection",
          line: 13,
          column: 36,
          data: { member: "ProjectionExpression", value: "sort", source: "comes from request input `query.sort` (NestJS)" },
          suggestions: [
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(nestController, ["ProjectionExpression: `id, ${sort}`,", "ProjectionExpression: `id, #sort`,"], [
                `      ExpressionAttributeValues: { ":pk": "ORDERS" },\n`,
                `      ExpressionAttributeValues: { ":pk": "ORDERS" },\n      ExpressionAttributeNames: { "#sort": sort },\n`,
              ]),
            },
          ],
        },
      ],
    },
    // ExecuteTransaction in a Next.js route handler: a table name (no remedy but an allow-list) and a quoted value.
    {
      code: partiqlTransaction,
      filename: "app/api/orders/route.ts",
      errors: [
        { messageId: "statementInjection", line: 8, column: 36, data: { member: "Statement", value: "table", source: "comes from request input `request.json().table` (Next.js)" }, suggestions: [] },
        { messageId: "statementInjection", line: 9, column: 75, data: { member: "Statement", value: "orderId", source: "comes from request input `request.json().orderId` (Next.js)" }, suggestions: [] },
      ],
    },
    // strict: the caller's identity, a wrapper's pass-through parameter and an imported builder's result.
    {
      code: `${DOC}
import { buildFilter } from "./filters";
app.get("/me/notes", async (req, res) => {
  res.json(await doc.send(new QueryCommand({ TableName: "Notes", KeyConditionExpression: \`pk = :pk\`, FilterExpression: \`owner_\${req.user.tenant} = :t AND \${buildFilter(req.query)}\`, ExpressionAttributeValues: { ":pk": req.user.id, ":t": true } })));
});
export async function queryAll(table: string, keyCondition: string) {
  return doc.send(new QueryCommand({ TableName: table, KeyConditionExpression: keyCondition }));
}`,
      options: strict,
      errors: [
        { messageId: "expressionInjection", line: 7, column: 129, data: { member: "FilterExpression", value: "req.user.tenant", source: "comes from the authenticated caller (`req.user.tenant`)" } },
        { messageId: "expressionInjection", line: 7, column: 157, data: { member: "FilterExpression", value: "buildFilter(req.query)", source: "is not a constant" } },
        { messageId: "expressionInjection", line: 10, column: 80, data: { member: "KeyConditionExpression", value: "keyCondition", source: "is parameter `keyCondition` of `queryAll`, which callers can set to anything" } },
      ],
    },
    // Koa, Fastify (concat), Hono (a paginator, a conditional), a private method reached from a public one; aggregated v3 client.
    {
      code: frameworks,
      errors: [
        {
          messageId: "expressionInjection",
          line: 6,
          column: 114,
          data: { member: "FilterExpression", value: "ctx.query.kind", source: "comes from request input `ctx.query.kind` (Koa)" },
          suggestions: [
            {
              messageId: "suggestValuePlaceholder",
              output: rewrite(frameworks, [`"kind = " + ctx.query.kind,`, `"kind = :kind",`], [`{ ":pk": ctx.params.id } });`, `{ ":pk": ctx.params.id, ":kind": ctx.query.kind } });`]),
            },
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(frameworks, [`"kind = " + ctx.query.kind,`, `"kind = #kind",`], [`{ ":pk": ctx.params.id } });`, `{ ":pk": ctx.params.id }, ExpressionAttributeNames: { "#kind": ctx.query.kind } });`]),
            },
          ],
        },
        { messageId: "expressionInjection", line: 9, column: 47, data: { member: "FilterExpression", value: "request.query.prefix", source: "comes from request input `request.query.prefix` (Fastify)" }, suggestions: [] },
        { messageId: "expressionInjection", line: 14, column: 149, data: { member: "ProjectionExpression", value: "attr", source: "comes from request input `c.req.query(\"attr\")` (Hono)" }, suggestions: [] },
        {
          messageId: "expressionInjection",
          line: 21,
          column: 103,
          data: { member: "FilterExpression", value: "q", source: "is parameter `query` of `search`, which callers can set to anything" },
          suggestions: [
            {
              messageId: "suggestValuePlaceholder",
              output: rewrite(frameworks, ["FilterExpression: `contains(title, ${q})` }", `FilterExpression: \`contains(title, :q)\`, ExpressionAttributeValues: { ":q": q } }`]),
            },
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(frameworks, ["FilterExpression: `contains(title, ${q})` }", `FilterExpression: \`contains(title, #q)\`, ExpressionAttributeNames: { "#q": q } }`]),
            },
          ],
        },
      ],
    },
    // SDK v2 low-level client with a callback: an AttributeValue for a string from the query string.
    {
      code: v2Callback,
      languageOptions: script,
      filename: "users.js",
      errors: [
        {
          messageId: "expressionInjection",
          line: 7,
          column: 34,
          suggestions: [
            {
              messageId: "suggestValuePlaceholder",
              output: rewrite(v2Callback, [`"age > " + event.queryStringParameters.age,`, `"age > :age",`], [`{ ":u": { S: event.pathParameters.user } }`, `{ ":u": { S: event.pathParameters.user }, ":age": { S: event.queryStringParameters.age } }`]),
            },
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(v2Callback, [`"age > " + event.queryStringParameters.age,`, `"age > #age",`], [
                `    ExpressionAttributeValues: { ":u": { S: event.pathParameters.user } },\n`,
                `    ExpressionAttributeValues: { ":u": { S: event.pathParameters.user } },\n    ExpressionAttributeNames: { "#age": event.queryStringParameters.age },\n`,
              ]),
            },
          ],
        },
      ],
    },
    // A list index from the request body: no placeholder can stand there, validate it as an integer.
    {
      code: `${DOC}
app.delete("/lists/:id/items", async (req, res) => {
  await doc.send(new UpdateCommand({ TableName: "Lists", Key: { id: req.params.id }, UpdateExpression: \`REMOVE items[\${req.body.index}]\` }));
});`,
      errors: [{ messageId: "expressionInjection", line: 6, column: 120, data: { member: "UpdateExpression", value: "req.body.index", source: "comes from request input `req.body.index` (Express)" }, suggestions: [] }],
    },
    // Express + v3 document client: a request value compared in a FilterExpression (status is a reserved word).
    {
      code: expressScan,
      errors: [
        {
          messageId: "expressionInjection",
          line: 9,
          column: 35,
          data: { member: "FilterExpression", value: "status", source: "comes from request input `req.query.status` (Express)" },
          suggestions: [
            {
              messageId: "suggestValuePlaceholder",
              data: { placeholder: ":status", value: "status" },
              output: rewrite(
                expressScan,
                ["FilterExpression: `status = ${status}`,", "FilterExpression: `#status = :status`,"],
                [`    FilterExpression: \`#status = :status\`,\n`, `    FilterExpression: \`#status = :status\`,\n    ExpressionAttributeValues: { ":status": status },\n    ExpressionAttributeNames: { "#status": "status" },\n`],
              ),
            },
            {
              messageId: "suggestNamePlaceholder",
              data: { placeholder: "#status2", value: "status" },
              output: rewrite(
                expressScan,
                ["FilterExpression: `status = ${status}`,", "FilterExpression: `#status = #status2`,\n    ExpressionAttributeNames: { \"#status2\": status, \"#status\": \"status\" },"],
              ),
            },
          ],
        },
      ],
    },
    // An attribute name from the request body, spliced with +: name first, the values literal extended.
    {
      code: expressUpdate,
      errors: [
        {
          messageId: "expressionInjection",
          line: 10,
          data: { member: "UpdateExpression", value: "field", source: "comes from request input `req.body.field` (Express)" },
          suggestions: [
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(
                expressUpdate,
                [`UpdateExpression: "SET " + field + " = :v",`, `UpdateExpression: "SET #field = :v",`],
                [`    ExpressionAttributeValues: { ":v": req.body.value },\n`, `    ExpressionAttributeValues: { ":v": req.body.value },\n    ExpressionAttributeNames: { "#field": field },\n`],
              ),
            },
            {
              messageId: "suggestValuePlaceholder",
              output: rewrite(
                expressUpdate,
                [`UpdateExpression: "SET " + field + " = :v",`, `UpdateExpression: "SET :field = :v",`],
                [`{ ":v": req.body.value }`, `{ ":v": req.body.value, ":field": field }`],
              ),
            },
          ],
        },
      ],
    },
    // Lambda + low-level client: the value goes into ExpressionAttributeValues as an AttributeValue.
    {
      code: lambdaLowLevel,
      errors: [
        {
          messageId: "expressionInjection",
          line: 7,
          column: 50,
          suggestions: [
            {
              messageId: "suggestValuePlaceholder",
              output: rewrite(
                lambdaLowLevel,
                ["${event.queryStringParameters.since}`", ":since`"],
                [`{ ":pk": { S: event.pathParameters.id } }`, `{ ":pk": { S: event.pathParameters.id }, ":since": { S: event.queryStringParameters.since } }`],
              ),
            },
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(
                lambdaLowLevel,
                ["${event.queryStringParameters.since}`", "#since`"],
                [
                  `    ExpressionAttributeValues: { ":pk": { S: event.pathParameters.id } },\n`,
                  `    ExpressionAttributeValues: { ":pk": { S: event.pathParameters.id } },\n    ExpressionAttributeNames: { "#since": event.queryStringParameters.since },\n`,
                ],
              ),
            },
          ],
        },
      ],
    },
    // marshall({...}) values take native values; the comment stays with its property.
    {
      code: lambdaMarshall,
      errors: [
        {
          messageId: "expressionInjection",
          suggestions: [
            {
              messageId: "suggestValuePlaceholder",
              output: rewrite(
                lambdaMarshall,
                ["${event.queryStringParameters.prefix})`", ":prefix)`"],
                [`      ":pk": event.pathParameters.id, // the tenant\n`, `      ":pk": event.pathParameters.id, // the tenant\n      ":prefix": event.queryStringParameters.prefix,\n`],
              ),
            },
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(
                lambdaMarshall,
                ["${event.queryStringParameters.prefix})`", "#prefix)`"],
                [`    }),\n`, `    }),\n    ExpressionAttributeNames: { "#prefix": event.queryStringParameters.prefix },\n`],
              ),
            },
          ],
        },
      ],
    },
    // A parameter of an exported repository function: callers elsewhere can pass anything.
    {
      code: repository,
      errors: [
        {
          messageId: "expressionInjection",
          data: { member: "KeyConditionExpression", value: "owner", source: "is parameter `owner` of `findByOwner`, which callers can set to anything" },
          suggestions: [
            {
              messageId: "suggestValuePlaceholder",
              output: rewrite(repository, ["KeyConditionExpression: `pk = ${owner}` }", `KeyConditionExpression: \`pk = :owner\`, ExpressionAttributeValues: { ":owner": owner } }`]),
            },
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(repository, ["KeyConditionExpression: `pk = ${owner}` }", `KeyConditionExpression: \`pk = #owner\`, ExpressionAttributeNames: { "#owner": owner } }`]),
            },
          ],
        },
      ],
    },
    // Inside TransactItems[].Update; `total` is a reserved word and gets a #name too.
    {
      code: transact,
      errors: [
        {
          messageId: "expressionInjection",
          line: 13,
          data: { member: "UpdateExpression", value: "body.amount", source: "comes from request input `event.body.amount` (Lambda event)" },
          suggestions: [
            {
              messageId: "suggestValuePlaceholder",
              output: rewrite(
                transact,
                ["UpdateExpression: `SET total = total + ${body.amount}`,", `UpdateExpression: \`SET #total = #total + :amount\`,\n          ExpressionAttributeValues: { ":amount": body.amount },\n          ExpressionAttributeNames: { "#total": "total" },`],
              ),
            },
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(
                transact,
                ["UpdateExpression: `SET total = total + ${body.amount}`,", `UpdateExpression: \`SET #total = #total + #amount\`,\n          ExpressionAttributeNames: { "#amount": body.amount, "#total": "total" },`],
              ),
            },
          ],
        },
      ],
    },
    // PartiQL through the document client: the quoted value becomes a ? parameter.
    {
      code: partiqlDoc,
      errors: [
        {
          messageId: "statementInjection",
          line: 7,
          data: { member: "Statement", value: "req.params.id", source: "comes from request input `req.params.id` (Express)" },
          suggestions: [
            {
              messageId: "suggestParameters",
              output: rewrite(partiqlDoc, ["WHERE id = '${req.params.id}'`,", "WHERE id = ?`,\n    Parameters: [req.params.id],"]),
            },
          ],
        },
      ],
    },
    // ... and with autofix: true the same rewrite is applied by --fix.
    {
      code: partiqlDoc,
      options: [{ autofix: true }],
      output: rewrite(partiqlDoc, ["WHERE id = '${req.params.id}'`,", "WHERE id = ?`,\n    Parameters: [req.params.id],"]),
      errors: [{ messageId: "statementInjection", suggestions: [] }],
    },
    // Low-level PartiQL: { S: ... } for the quoted string, { N: String(...) } for the number (which is not reported
    // itself: a number cannot carry syntax); the table name from the environment stays.
    {
      code: partiqlLowLevel,
      errors: [
        {
          messageId: "statementInjection",
          line: 8,
          column: 56,
          suggestions: [
            {
              messageId: "suggestParameters",
              output: rewrite(partiqlLowLevel, [
                "WHERE pk = '${event.pathParameters.id}' AND n > ${limit}`,",
                "WHERE pk = ? AND n > ?`,\n    Parameters: [{ S: event.pathParameters.id }, { N: String(limit) }],",
              ]),
            },
          ],
        },
      ],
    },
    // Existing ? markers keep their Parameters; the new one goes in between, in statement order.
    {
      code: partiqlExistingParameters,
      options: [{ autofix: true }],
      output: rewrite(partiqlExistingParameters, [
        "WHERE pk = '${req.params.id}' AND sk = ?`,\n        Parameters: [req.body.qty, \"ITEM\"],",
        "WHERE pk = ? AND sk = ?`,\n        Parameters: [req.body.qty, req.params.id, \"ITEM\"],",
      ]),
      errors: [{ messageId: "statementInjection", line: 9 }],
    },
    // SDK v2 DocumentClient, CommonJS.
    {
      code: v2DocumentClient,
      languageOptions: script,
      filename: "routes/tasks.js",
      errors: [
        {
          messageId: "expressionInjection",
          line: 8,
          column: 39,
          data: { member: "FilterExpression", value: "req.query.minPriority", source: "comes from request input `req.query.minPriority` (Express)" },
          suggestions: [
            {
              messageId: "suggestValuePlaceholder",
              output: rewrite(
                v2DocumentClient,
                [`"priority > " + req.query.minPriority,`, `"priority > :minPriority",`],
                [`{ ":u": req.user.id }`, `{ ":u": req.user.id, ":minPriority": req.query.minPriority }`],
              ),
            },
            {
              messageId: "suggestNamePlaceholder",
              output: rewrite(
                v2DocumentClient,
                [`"priority > " + req.query.minPriority,`, `"priority > #minPriority",`],
                [`    ExpressionAttributeValues: { ":u": req.user.id },\n`, `    ExpressionAttributeValues: { ":u": req.user.id },\n    ExpressionAttributeNames: { "#minPriority": req.query.minPriority },\n`],
              ),
            },
          ],
        },
      ],
    },
    // SDK v2 low-level executeStatement, the statement built with + in a variable: reported, quoted value rewritten only by hand.
    {
      code: v2LowLevelPartiql,
      languageOptions: script,
      filename: "handler.js",
      errors: [{ messageId: "statementInjection", line: 5, column: 55, suggestions: [] }],
    },
  ],
});

// Every remedy must produce code that parses, remove the problem it was offered for, and settle: a second
// pass over fixed code changes nothing.
describe("no-expression-injection remedies settle", () => {
  const linter = new Linter({ configType: "flat" });
  const configFor = (options: Record<string, unknown>, sourceType: "module" | "script") => [
    {
      files: ["**/*.{js,ts}"],
      languageOptions: { parser: tsParser, ecmaVersion: "latest" as const, sourceType },
      plugins: { test: { rules: { "no-expression-injection": rule as never } } },
      rules: { "test/no-expression-injection": ["error", options] as never },
    },
  ];
  const cases: Array<{ name: string; code: string; sourceType?: "module" | "script"; filename?: string }> = [
    { name: "express scan", code: expressScan },
    { name: "express update", code: expressUpdate },
    { name: "lambda low-level", code: lambdaLowLevel },
    { name: "marshall", code: lambdaMarshall },
    { name: "repository", code: repository },
    { name: "transact", code: transact },
    { name: "partiql document", code: partiqlDoc },
    { name: "partiql low-level", code: partiqlLowLevel },
    { name: "partiql parameters", code: partiqlExistingParameters },
    { name: "v2 document client", code: v2DocumentClient, sourceType: "script", filename: "tasks.js" },
    { name: "service module", code: serviceModule },
    { name: "nest controller", code: nestController },
    { name: "frameworks", code: frameworks },
    {
      name: "parenthesised +",
      code: `${DOC}\napp.get("/x", async (req, res) => res.json(await doc.send(new ScanCommand({ TableName: "T", FilterExpression: ("a = " + req.query.a) + " AND /* b */ b = :b" + (req.query.c), ExpressionAttributeValues: { ":b": 1 } }))));`,
    },
    { name: "v2 callback", code: v2Callback, sourceType: "script", filename: "users.js" },
  ];
  for (const { name, code, sourceType = "module", filename = "file.ts" } of cases) {
    it(`${name}: suggestions parse and fix what they were offered for`, () => {
      const config = configFor({}, sourceType);
      const messages = linter.verify(code, config, filename);
      expect(messages.some((message) => message.fatal)).toBe(false);
      let suggestions = 0;
      for (const message of messages) {
        for (const suggestion of message.suggestions ?? []) {
          suggestions++;
          const output = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
          const after = linter.verify(output, config, filename);
          expect(after.filter((other) => other.fatal)).toEqual([]);
          expect(after.length).toBeLessThan(messages.length);
        }
      }
      expect(suggestions).toBeGreaterThan(0);
    });
    it(`${name}: --fix with autofix settles after one pass`, () => {
      const config = configFor({ autofix: true }, sourceType);
      const fixed = linter.verifyAndFix(code, config, filename);
      expect(fixed.messages.some((message) => message.fatal)).toBe(false);
      const again = linter.verifyAndFix(fixed.output, config, filename);
      expect(again.fixed).toBe(false);
      expect(again.output).toBe(fixed.output);
    });
  }
});
