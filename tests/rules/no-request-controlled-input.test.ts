import rule from "../../rules/no-request-controlled-input";
import { runRuleTests } from "../rule-tester";

const script = { parserOptions: { sourceType: "script" } } as const;
const STRICT = [{ massAssignment: true }] as const;

// Imports shared by the SDK v3 cases.
const V3_DOC = `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand, BatchGetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;
const V3_LOW = `import { DynamoDBClient, QueryCommand, GetItemCommand, PutItemCommand, BatchGetItemCommand, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
const client = new DynamoDBClient({});
`;
const V2 = `const AWS = require("aws-sdk");
const docClient = new AWS.DynamoDB.DocumentClient();
`;

/** A Lambda handler passing the body to a same-file helper that names attributes after a zod schema's keys (`schemaTail` opens the schema). */
const profileUpdate = (schemaTail: string) => `${V3_DOC}
import { z } from "zod";
const ProfilePatch = z.object({ firstName: z.string(), bio: z.string().max(500) }).partial()${schemaTail};
async function updateProfile(userId: string, body: unknown) {
  const data = ProfilePatch.parse(body);
  const sets: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    sets.push(\`#\${key} = :\${key}\`);
    names[\`#\${key}\`] = key;
    values[\`:\${key}\`] = value;
  }
  await doc.send(new UpdateCommand({ TableName: "Profiles", Key: { userId }, UpdateExpression: \`SET \${sets.join(", ")}\`, ExpressionAttributeNames: names, ExpressionAttributeValues: values }));
}
export const handler = async (event) => updateProfile(event.requestContext.authorizer.jwt.claims.sub, JSON.parse(event.body));`;

/** An Express app with a Joi schema and a same-file helper that names attributes after its parameter's keys; `routes` use them. */
const joiCheckedProfile = (routes: string) => `${V3_DOC}
import Joi from "joi";
const ProfilePatch = Joi.object({ displayName: Joi.string(), bio: Joi.string().max(500) });
async function saveProfile(userId: string, changes: Record<string, unknown>) {
  const names = {};
  for (const field of Object.keys(changes)) names[\`#\${field}\`] = field;
  await doc.send(new UpdateCommand({ TableName: "Profiles", Key: { userId }, UpdateExpression: "SET #bio = :b", ExpressionAttributeNames: names, ExpressionAttributeValues: { ":b": changes.bio } }));
}
${routes}`;

runRuleTests("no-request-controlled-input", rule, {
  valid: [
    {
      name: "a same-file helper that rejects any key of its parameter that is not editable before it names an attribute",
      code: `${V3_DOC}import express from "express";
const app = express();
const EDITABLE = ["displayName", "bio"];
async function updateProfile(userId: string, changes: Record<string, unknown>) {
  const names: Record<string, string> = {};
  for (const key in changes) {
    if (!EDITABLE.includes(key)) throw new Error(\`\${key} cannot be changed\`);
    names[\`#\${key}\`] = key;
  }
  return doc.send(new UpdateCommand({ TableName: "profiles", Key: { userId }, UpdateExpression: "SET #displayName = :d", ExpressionAttributeNames: names }));
}
app.patch("/me", async (req, res) => res.json(await updateProfile(req.user.id, req.body)));`,
    },
    // Request values as key, attribute and expression values, limits and cursors: the other rules judge them.
    {
      name: "request values in Key, ExpressionAttributeValues, Limit and ExclusiveStartKey",
      filename: "src/routes/notes.ts",
      code: `${V3_DOC}
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  const page = await doc.send(new QueryCommand({
    TableName: "Notes",
    IndexName: "byOwner",
    KeyConditionExpression: "#o = :o",
    ExpressionAttributeNames: { "#o": "ownerId" },
    ExpressionAttributeValues: { ":o": req.query.owner },
    Limit: Number(req.query.limit ?? 20),
    ExclusiveStartKey: req.query.cursor ? JSON.parse(Buffer.from(req.query.cursor, "base64").toString()) : undefined,
  }));
  res.json({ Item, page });
});`,
    },
    {
      name: "Item built attribute by attribute from the body",
      filename: "src/routes/notes.ts",
      code: `${V3_DOC}
app.post("/notes", async (req, res) => {
  const { title, body } = req.body;
  await doc.send(new PutCommand({ TableName: "Notes", Item: { id: crypto.randomUUID(), ownerId: req.user.sub, title, body } }));
});`,
      options: STRICT,
    },
    {
      name: "table names from configuration and the environment, tenant table from the caller",
      filename: "src/repository.ts",
      code: `${V3_DOC}
import { config } from "./config";
const TABLE = process.env.NOTES_TABLE!;
app.get("/notes", async (req, res) => {
  await doc.send(new ScanCommand({ TableName: TABLE }));
  await doc.send(new ScanCommand({ TableName: config.tables.notes }));
  await doc.send(new ScanCommand({ TableName: \`\${req.user.tenant}-notes\` }));
});`,
    },
    {
      name: "allow-list: includes check that returns",
      filename: "src/routes/reports.ts",
      code: `${V3_DOC}
const ALLOWED_INDEXES = ["byDate", "byStatus"];
app.get("/reports", async (req, res) => {
  const index = String(req.query.index);
  if (!ALLOWED_INDEXES.includes(index)) return res.status(400).json({ error: "unknown index" });
  res.json(await doc.send(new QueryCommand({ TableName: "Reports", IndexName: index, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "r" } })));
});`,
    },
    {
      name: "allow-list: the result of an includes check kept in a variable",
      filename: "src/routes/reports.ts",
      code: `${V3_DOC}
const SORT_INDEXES = ["byDate", "byStatus"];
app.get("/reports", async (req, res) => {
  const { sortBy } = req.query;
  const sortable = SORT_INDEXES.includes(String(sortBy));
  res.json(await doc.send(new QueryCommand({ TableName: "Reports", IndexName: sortable ? String(sortBy) : undefined, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "r" } })));
});`,
    },
    {
      name: "allow-list: Set.has check that throws, guard after the params object",
      filename: "src/routes/reports.ts",
      code: `${V3_DOC}
const TABLES = new Set(["Notes", "Tasks"]);
export async function list(req, res) {
  const params = { TableName: req.params.table };
  if (!TABLES.has(req.params.table)) throw new Error("no such table");
  return doc.send(new ScanCommand(params));
}`,
    },
    {
      name: "allow-list: constant-table lookup",
      filename: "src/routes/search.ts",
      code: `${V3_DOC}
const SORT_FIELDS = { date: "createdAt", title: "title" } as const;
const TABLES: Record<string, string> = { notes: "Notes", tasks: "Tasks" };
app.get("/search/:kind", async (req, res) => {
  await doc.send(new QueryCommand({
    TableName: TABLES[req.params.kind],
    KeyConditionExpression: "pk = :p",
    ProjectionExpression: "#s",
    ExpressionAttributeNames: { "#s": SORT_FIELDS[req.query.sort as keyof typeof SORT_FIELDS] },
    ExpressionAttributeValues: { ":p": "x" },
  }));
});`,
    },
    {
      name: "allow-list: switch with constant cases",
      filename: "src/handlers/list.js",
      code: `${V3_DOC}
export const handler = async (event) => {
  const kind = event.pathParameters.kind;
  switch (kind) {
    case "Notes":
    case "Tasks":
      return doc.send(new ScanCommand({ TableName: kind }));
    default:
      return { statusCode: 404 };
  }
};`,
    },
    {
      name: "allow-list: switch that maps to constants",
      filename: "src/handlers/list.js",
      code: `${V3_DOC}
export const handler = async (event) => {
  let table;
  switch (event.queryStringParameters.kind) {
    case "notes": table = "Notes"; break;
    case "tasks": table = "Tasks"; break;
    default: return { statusCode: 400 };
  }
  return doc.send(new ScanCommand({ TableName: table }));
};`,
    },
    {
      name: "allow-list: body keys filtered before they become attribute names",
      filename: "src/routes/notes.ts",
      code: `${V3_DOC}
const EDITABLE = ["title", "body", "tags"];
app.patch("/notes/:id", async (req, res) => {
  const names = {};
  const values = {};
  const sets = [];
  for (const key of Object.keys(req.body)) {
    if (!EDITABLE.includes(key)) continue;
    names[\`#\${key}\`] = key;
    values[\`:\${key}\`] = req.body[key];
    sets.push(\`#\${key} = :\${key}\`);
  }
  await doc.send(new UpdateCommand({ TableName: "Notes", Key: { id: req.params.id }, UpdateExpression: "SET " + sets.join(", "), ExpressionAttributeNames: names, ExpressionAttributeValues: values }));
});`,
    },
    {
      name: "allow-list: attributes filtered with an allow-list predicate",
      filename: "src/routes/notes.ts",
      code: `${V3_LOW}
const VISIBLE = ["title", "body"];
app.get("/notes/:id", async (req, res) => {
  const fields = String(req.query.fields).split(",").filter((f) => VISIBLE.includes(f));
  await client.send(new GetItemCommand({ TableName: "Notes", Key: marshall({ id: req.params.id }), AttributesToGet: fields }));
});`,
    },
    {
      name: "allow-list: a zod enum in the query schema",
      filename: "src/routes/items.ts",
      code: `${V3_DOC}
import { z } from "zod";
const ListQuery = z.object({ kind: z.enum(["Notes", "Tasks"]), limit: z.coerce.number().max(100).default(20) });
app.get("/items", async (req, res) => {
  const { kind, limit } = ListQuery.parse(req.query);
  res.json(await doc.send(new ScanCommand({ TableName: kind, Limit: limit })));
});`,
    },
    {
      name: "NestJS enum pipe",
      filename: "src/notes.controller.ts",
      code: `${V3_DOC}
enum Table { Notes = "Notes", Tasks = "Tasks" }
@Controller("items")
export class ItemsController {
  @Get()
  list(@Query("table", new ParseEnumPipe(Table)) table: Table) {
    return doc.send(new ScanCommand({ TableName: table }));
  }
}`,
    },
    {
      name: "NestJS DTO members declared with class-validator @IsIn / @IsEnum",
      filename: "src/tasks/tasks.controller.ts",
      code: `${V3_DOC}
import { Body, Controller, Get, Post, Query } from "@nestjs/common";
import { IsEnum, IsIn, IsOptional, IsString } from "class-validator";
enum Board { Team = "TeamTasks", Personal = "PersonalTasks" }
class ListTasksQuery {
  @IsIn(["byDueDate", "byPriority"]) index!: string;
  @IsString() assignee!: string;
}
class MoveTaskBody {
  @IsEnum(Board) board!: Board;
  @IsOptional() @IsString() note?: string;
}
@Controller("tasks")
export class TasksController {
  @Get()
  list(@Query() query: ListTasksQuery) {
    return doc.send(new QueryCommand({ TableName: "Tasks", IndexName: query.index, KeyConditionExpression: "assignee = :a", ExpressionAttributeValues: { ":a": query.assignee } }));
  }
  @Post("move")
  move(@Body() body: MoveTaskBody) {
    const { board } = body;
    return doc.send(new PutCommand({ TableName: board, Item: { id: "t1", note: body.note } }));
  }
}`,
    },
    {
      name: "input of a repository function: where the parameter comes from is not known here",
      filename: "src/repository.ts",
      code: `${V3_DOC}
export async function query(params) { return doc.send(new QueryCommand(params)); }
export async function byTable(table: string) { return doc.send(new ScanCommand({ TableName: table })); }`,
    },
    {
      name: "validated input: a schema's parse result is not the raw body",
      filename: "src/routes/notes.ts",
      code: `${V3_DOC}
import { z } from "zod";
const NoteInput = z.object({ title: z.string(), body: z.string() }).strict();
app.post("/notes", async (req, res) => {
  const note = NoteInput.parse(req.body);
  await doc.send(new PutCommand({ TableName: "Notes", Item: { ...note, id: crypto.randomUUID() } }));
});`,
      options: STRICT,
    },
    {
      name: "mass assignment is strict only",
      filename: "src/routes/notes.ts",
      code: `${V3_DOC}
app.post("/notes", async (req, res) => {
  await doc.send(new PutCommand({ TableName: "Notes", Item: req.body }));
  await doc.send(new PutCommand({ TableName: "Notes", Item: { ...req.body, id: crypto.randomUUID() } }));
});`,
    },
    {
      name: "conditional spreads of object literals (pagination idiom)",
      filename: "src/routes/notes.ts",
      code: `${V3_DOC}
app.get("/notes", async (req, res) => {
  const cursor = req.query.cursor;
  await doc.send(new QueryCommand({
    TableName: "Notes",
    KeyConditionExpression: "pk = :p",
    ExpressionAttributeValues: { ":p": req.user.sub },
    ...(cursor && { ExclusiveStartKey: JSON.parse(cursor) }),
    ...(req.query.desc ? { ScanIndexForward: false } : {}),
  }));
});`,
    },
    {
      name: "expression text and PartiQL statements belong to no-expression-injection",
      filename: "src/routes/notes.ts",
      code: `${V3_DOC}
import { ExecuteStatementCommand } from "@aws-sdk/lib-dynamodb";
app.get("/notes", async (req, res) => {
  await doc.send(new ScanCommand({ TableName: "Notes", FilterExpression: req.query.filter, ProjectionExpression: req.query.fields }));
  await doc.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${req.query.table}"\` }));
});`,
    },
    {
      name: "update builder fed with an allow-listed pick of the body",
      filename: "src/routes/notes.js",
      code: `${V3_DOC}
import pick from "lodash/pick";
const EDITABLE = ["title", "body"];
function buildUpdate(fields) {
  const names = {};
  for (const key of Object.keys(fields)) names[\`#\${key}\`] = key;
  return { ExpressionAttributeNames: names };
}
app.patch("/notes/:id", async (req, res) => {
  await doc.send(new UpdateCommand({ TableName: "Notes", Key: { id: req.params.id }, UpdateExpression: "SET #title = :t", ...buildUpdate(pick(req.body, EDITABLE)) }));
});`,
    },
    {
      name: "odd inputs do not crash the rule",
      filename: "src/odd.ts",
      code: `${V3_DOC}
app.post("/x", async (req, res) => {
  await doc.send(new QueryCommand());
  await doc.query(...req.body.args);
  await doc.send(new ScanCommand(null));
  await doc.send(new ScanCommand({ ...{ ...{ ...{ TableName: "T" } } } }));
  let params = req.body;
  params = { TableName: "T" };
  await doc.send(new ScanCommand(params));
  const loop = { ...loop };
  await doc.send(new ScanCommand(loop));
});`,
    },
    {
      name: "look-alikes: not DynamoDB",
      filename: "src/routes/other.ts",
      code: `import { TimestreamQueryClient, QueryCommand } from "@aws-sdk/client-timestream-query";
const ts = new TimestreamQueryClient({});
app.get("/metrics", async (req, res) => {
  await ts.send(new QueryCommand(req.body));
  await knex.query(req.body);
  sessions.get(req.query.t);
});`,
    },
    {
      name: "the Lambda event as a whole is not request input",
      filename: "src/handlers/stream.js",
      code: `${V3_DOC}
export const handler = async (event) => {
  for (const record of event.Records) await doc.send(new PutCommand({ TableName: "Audit", Item: record.dynamodb.NewImage }));
};`,
      options: STRICT,
    },
    {
      name: "constant attribute names added when a body field is present (conditional spread)",
      filename: "src/controllers/products.ts",
      code: `import { UpdateItemCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
const ddb = new DynamoDBClient({});
export const updateProduct = async (req, res) => {
  const { sku, title, photo } = req.body;
  await ddb.send(new UpdateItemCommand({
    TableName: process.env.PRODUCTS_TABLE,
    Key: { sku: { S: sku } },
    ExpressionAttributeNames: {
      "#title": "title",
      ...(photo && { "#photo": "photo" }),
      ...(req.query.touch ? { "#touched": "touchedAt" } : {}),
    },
    ExpressionAttributeValues: { ":title": { S: title }, ...(photo && { ":photo": { S: photo } }) },
    UpdateExpression: photo ? "SET #title = :title, #photo = :photo" : "SET #title = :title",
  }));
  res.sendStatus(204);
};`,
    },
    {
      name: "attribute names reduced from body keys that passed an allow-list filter",
      filename: "src/handlers/profile.js",
      code: `${V3_DOC}
const EDITABLE = ["displayName", "bio"];
export const handler = async (event) => {
  const changes = JSON.parse(event.body);
  const fields = Object.keys(changes).filter((field) => EDITABLE.includes(field));
  const names = fields.reduce((all, field) => ({ ...all, [\`#\${field}\`]: field }), {});
  const values = fields.reduce((all, field) => ({ ...all, [\`:\${field}\`]: changes[field] }), {});
  await doc.send(new UpdateCommand({
    TableName: "Profiles",
    Key: { id: event.requestContext.authorizer.claims.sub },
    UpdateExpression: "SET " + fields.map((field) => \`#\${field} = :\${field}\`).join(", "),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  }));
};`,
    },
    {
      name: "attribute names from the keys of a closed zod or Joi object schema's result",
      filename: "src/routes/todos.ts",
      code: `${V3_DOC}
import { z } from "zod";
import Joi from "joi";
const TodoPatch = z.object({ title: z.string().max(200), done: z.boolean() }).partial();
const LabelPatch = Joi.object({ color: Joi.string(), name: Joi.string() }).min(1);
app.patch("/todos/:id", async (req, res) => {
  const patch = TodoPatch.parse(req.body);
  const names = {};
  for (const [field] of Object.entries(patch)) names[\`#\${field}\`] = field;
  await doc.send(new UpdateCommand({ TableName: "Todos", Key: { id: req.params.id }, UpdateExpression: "SET #title = :t", ExpressionAttributeNames: names, ExpressionAttributeValues: { ":t": patch.title } }));
});
app.patch("/labels/:id", async (req, res) => {
  const { error, value } = LabelPatch.validate(req.body);
  if (error) return res.status(400).json(error.details);
  const names = {};
  Object.keys(value).forEach((field) => { names[\`#\${field}\`] = field; });
  await doc.send(new UpdateCommand({ TableName: "Labels", Key: { id: req.params.id }, UpdateExpression: "SET #color = :c", ExpressionAttributeNames: names, ExpressionAttributeValues: { ":c": value.color } }));
});`,
    },
    {
      name: "a request value that names only an entry of a map the expression reaches by constant names (SET packages.#name)",
      filename: "src/routes/packages.ts",
      code: `${V3_DOC}
app.post("/packages", async (req, res) => {
  await doc.send(new UpdateCommand({ TableName: "Users", Key: { username: req.user.username }, UpdateExpression: "SET packages.#name = :v", ExpressionAttributeNames: { "#name": req.body.id }, ExpressionAttributeValues: { ":v": { trackingNumber: req.body.id } } }));
  await doc.send(new UpdateCommand({ TableName: "Users", Key: { username: req.user.username }, UpdateExpression: "REMOVE #p.#name", ConditionExpression: "attribute_exists(#p . #name)", ExpressionAttributeNames: { "#p": "packages", "#name": req.body.id } }));
});`,
    },
    {
      name: "attribute names from the keys of a body that a Joi schema checked first (Joi rejects unknown keys), in the handler and in a same-file helper",
      filename: "src/routes/profile.ts",
      code: joiCheckedProfile(`app.patch("/me", async (req, res) => {
  const { error } = ProfilePatch.validate(req.body);
  if (error) return res.status(400).json({ message: error.message });
  await saveProfile(req.user.id, req.body);
});
app.patch("/me/bio", async (req, res) => {
  try {
    await ProfilePatch.validateAsync(req.body);
  } catch {
    return res.sendStatus(400);
  }
  const names = {};
  for (const field in req.body) names[\`#\${field}\`] = field;
  await doc.send(new UpdateCommand({ TableName: "Profiles", Key: { userId: req.user.id }, UpdateExpression: "SET #bio = :b", ExpressionAttributeNames: names, ExpressionAttributeValues: { ":b": req.body.bio } }));
});`),
    },
    {
      name: "attribute names from the keys of a closed zod schema's result, in a same-file helper the handler passes the body to",
      filename: "src/handlers/profile.ts",
      code: profileUpdate(""),
    },
    {
      name: "request values that only pick between constants, pagination helpers and Object.assign of values",
      filename: "src/routes/orders.ts",
      code: `${V3_DOC}
const TABLES: Record<string, string> = { open: "OpenOrders", closed: "ClosedOrders" };
function page(query: Record<string, string>) {
  return { Limit: Math.min(Number(query.limit) || 25, 100), ExclusiveStartKey: query.cursor ? JSON.parse(Buffer.from(query.cursor, "base64url").toString()) : undefined };
}
app.get("/orders/:state", async (req, res) => {
  await doc.send(new ScanCommand({ TableName: req.query.archive === "1" ? "OrdersArchive" : "Orders" }));
  await doc.send(new ScanCommand({ TableName: TABLES[req.params.state] ?? "Orders", ...page(req.query) }));
  const order = req.query.order;
  await doc.send(new QueryCommand({
    TableName: "Orders",
    IndexName: order ? \`by_\${order === "asc" ? "created" : "updated"}\` : undefined,
    KeyConditionExpression: "customer = :c",
    ExpressionAttributeValues: { ":c": req.user.id },
  }));
  const params = { TableName: "Orders" };
  Object.assign(params, { Limit: Number(req.query.limit), ExclusiveStartKey: req.query.next ? JSON.parse(String(req.query.next)) : undefined });
  res.json(await doc.send(new ScanCommand(params)));
});`,
    },
    {
      name: "same-file helper that maps the request to a constant",
      filename: "src/routes/items.ts",
      code: `${V3_DOC}
function tableFor(kind: string): string {
  if (kind === "task") return "Tasks";
  return "Notes";
}
app.get("/items/:kind", async (req, res) => {
  await doc.send(new ScanCommand({ TableName: tableFor(req.params.kind) }));
});`,
    },
    {
      name: "a same-file helper that performs the operation, called with constants or with an allow-listed value",
      filename: "src/routes/items.ts",
      code: `${V3_DOC}
const TABLES = ["Notes", "Tasks"];
async function scanTable(table: string) {
  return doc.send(new ScanCommand({ TableName: table }));
}
async function insert(item: Record<string, unknown>) {
  return doc.send(new PutCommand(item));
}
app.get("/notes", async (req, res) => res.json(await scanTable("Notes")));
app.get("/items", async (req, res) => {
  if (!TABLES.includes(req.query.table)) return res.sendStatus(400);
  res.json(await scanTable(req.query.table));
});
app.post("/notes", async (req, res) => {
  await insert({ TableName: "Notes", Item: { id: req.body.id, text: req.body.text } });
  res.sendStatus(201);
});`,
    },
    {
      name: "an exported helper that performs the operation: its callers are in other modules",
      filename: "src/data/items.ts",
      code: `${V3_DOC}
export async function scanTable(table: string) {
  return doc.send(new ScanCommand({ TableName: table }));
}`,
    },
  ],
  invalid: [
    {
      name: "lambda: attribute names filled into a member of an object that is spread into the input, inline and by a same-file helper (generateUpdate(body, id))",
      code: `${V2}const generateUpdate = (fields, id) => {
  const exp = { UpdateExpression: "set", ExpressionAttributeNames: {}, ExpressionAttributeValues: { ":val": id } };
  Object.entries(fields).forEach(([key, item]) => {
    exp.UpdateExpression += \` #\${key} = :\${key},\`;
    exp.ExpressionAttributeNames[\`#\${key}\`] = key;
    exp.ExpressionAttributeValues[\`:\${key}\`] = item;
  });
  exp.UpdateExpression = exp.UpdateExpression.slice(0, -1);
  return exp;
};
module.exports.update = async (event) => {
  const id = event.pathParameters.userId;
  await docClient.update({ TableName: "Users", Key: { userId: id }, ...generateUpdate(JSON.parse(event.body), id), ConditionExpression: "userId = :val" }).promise();
};
module.exports.rename = async (event) => {
  const exp = { ExpressionAttributeNames: {} };
  for (const key of Object.keys(JSON.parse(event.body))) exp.ExpressionAttributeNames["#" + key] = key;
  await docClient.update({ TableName: "Users", Key: { userId: event.pathParameters.userId }, UpdateExpression: "set #a = :a", ...exp }).promise();
};`,
      languageOptions: script,
      errors: [
        { messageId: "requestParameter", line: 15, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`event.body` (Lambda event)", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 19, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`event.body` (Lambda event)", choice: "attribute names", example: "`FIELDS[name]`" } },
      ],
    },
    {
      name: "a wrapper written as a method of a const object of the file, given the request body as the whole input",
      code: `${V2}const db = { query: (params) => docClient.query(params).promise(), get(params) { return docClient.get(params).promise(); } };
app.post("/q", async (req, res) => res.json(await db.query(req.body)));
app.post("/g", async (req, res) => res.json(await db.get({ TableName: "Notes", Key: { id: req.body.id } })));`,
      languageOptions: script,
      errors: [{ messageId: "wholeInput", line: 4 }],
    },
    {
      name: "a same-file helper that performs the operation with what its caller passes: reported at the argument",
      filename: "src/routes/items.js",
      code: `${V3_DOC}
async function insert(item) { return doc.send(new PutCommand(item)); }
const scanTable = async (table, limit) => doc.send(new ScanCommand({ TableName: table, Limit: limit }));
app.post("/items", async (req, res) => { await insert(req.body); res.end(); });
app.get("/items", async (req, res) => { res.json(await scanTable(req.query.table, Number(req.query.limit))); });
app.get("/notes", async (req, res) => { res.json(await scanTable("Notes", 10)); });`,
      errors: [
        { messageId: "wholeInput", line: 7, column: 55, data: { subject: "The whole Put input", source: "`req.body` (Express) passed to `insert()`" } },
        { messageId: "requestParameter", line: 8, column: 66, data: { parameter: "TableName", operation: "Scan", source: "`req.query.table` (Express) passed to `scanTable()`", choice: "table", example: "`TABLES[name]`" } },
      ],
    },
    {
      name: "whole input from the request body (v3 command)",
      filename: "src/routes/query.ts",
      code: `${V3_DOC}
app.post("/query", async (req, res) => {
  res.json(await doc.send(new QueryCommand(req.body)));
});`,
      errors: [{ messageId: "wholeInput", line: 6, column: 44, data: { subject: "The whole Query input", source: "`req.body` (Express)" } }],
    },
    {
      name: "whole input from JSON.parse(event.body) (aggregated client and a variable)",
      filename: "src/handlers/query.js",
      code: `import { DynamoDBDocument } from "@aws-sdk/lib-dynamodb";
import { DynamoDB } from "@aws-sdk/client-dynamodb";
const doc = DynamoDBDocument.from(new DynamoDB({}));
export const handler = async (event) => {
  const params = JSON.parse(event.body);
  const result = await doc.query(params);
  return { statusCode: 200, body: JSON.stringify(result.Items) };
};`,
      errors: [{ messageId: "wholeInput", line: 6, column: 34, data: { subject: "The whole Query input", source: "`event.body` (Lambda event)" } }],
    },
    {
      name: "whole input: SDK v2 DocumentClient in CommonJS",
      filename: "src/handlers/scan.js",
      languageOptions: script,
      code: `${V2}
exports.handler = async (event) => {
  const data = await docClient.scan(JSON.parse(event.body)).promise();
  return { statusCode: 200, body: JSON.stringify(data.Items) };
};`,
      errors: [{ messageId: "wholeInput", line: 5, column: 37 }],
    },
    {
      name: "request body spread into the input, and Object.assign of the query",
      filename: "src/routes/scan.ts",
      code: `${V3_DOC}
app.post("/scan", async (req, res) => {
  await doc.send(new ScanCommand({ ...req.body, TableName: "Notes" }));
  const params = { TableName: "Notes", Limit: 20 };
  Object.assign(params, req.query);
  await doc.send(new ScanCommand(params));
});`,
      errors: [
        { messageId: "spreadInput", line: 6, column: 39, data: { subject: "the Scan input", source: "`req.body` (Express)" } },
        { messageId: "spreadInput", line: 8, column: 25, data: { subject: "the Scan input", source: "`req.query` (Express)" } },
      ],
    },
    {
      name: "TableName and IndexName from route parameters and the query string",
      filename: "src/routes/tables.ts",
      code: `${V3_DOC}
app.get("/tables/:table/items", async (req, res) => {
  const { table } = req.params;
  const result = await doc.send(new QueryCommand({
    TableName: table,
    IndexName: req.query.index as string,
    KeyConditionExpression: "pk = :p",
    ExpressionAttributeValues: { ":p": req.user.sub },
  }));
  res.json(result.Items);
});`,
      errors: [
        {
          messageId: "requestParameter",
          line: 8,
          column: 16,
          data: { parameter: "TableName", operation: "Query", source: "`req.params.table` (Express)", choice: "table", example: "`TABLES[name]`" },
        },
        {
          messageId: "requestParameter",
          line: 9,
          column: 16,
          data: { parameter: "IndexName", operation: "Query", source: "`req.query.index` (Express)", choice: "index", example: "`INDEXES[name]`" },
        },
      ],
    },
    {
      name: "tenant-prefixed table name from a path parameter (template literal, through a variable)",
      filename: "src/handlers/items.ts",
      code: `${V3_DOC}
export const handler = async (event) => {
  const tableName = \`\${process.env.STAGE}-\${event.pathParameters.tenant}-items\`;
  return doc.send(new GetCommand({ TableName: tableName, Key: { id: event.pathParameters.id } }));
};`,
      errors: [{ messageId: "requestParameter", line: 7, column: 47, data: { parameter: "TableName", operation: "Get", source: "`event.pathParameters.tenant` (Lambda event)", choice: "table", example: "`TABLES[name]`" } }],
    },
    {
      name: "low-level client: DescribeTable and BatchGetItem keyed by request table names",
      filename: "src/routes/admin.ts",
      code: `${V3_LOW}
app.get("/admin/tables/:name", async (req, res) => {
  await client.send(new DescribeTableCommand({ TableName: req.params.name }));
  await client.send(new BatchGetItemCommand({ RequestItems: { [req.params.name]: { Keys: [marshall({ id: req.query.id })] } } }));
});`,
      errors: [
        { messageId: "requestParameter", line: 6, column: 59, data: { parameter: "TableName", operation: "DescribeTable", source: "`req.params.name` (Express)", choice: "table", example: "`TABLES[name]`" } },
        {
          messageId: "requestParameter",
          line: 7,
          column: 64,
          data: { parameter: "A table name key of RequestItems", operation: "BatchGetItem", source: "`req.params.name` (Express)", choice: "table", example: "`TABLES[name]`" },
        },
      ],
    },
    {
      name: "document client BatchGet and TransactWrite with request table names",
      filename: "src/routes/batch.ts",
      code: `${V3_DOC}
app.post("/batch", async (req, res) => {
  const { table, ids } = req.body;
  await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: ids.map((id) => ({ id })) } } }));
  await doc.send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: "Audit", Item: { id: "x" } } },
      { Update: { TableName: req.body.target, Key: { id: ids[0] }, UpdateExpression: "SET n = n + :one", ExpressionAttributeValues: { ":one": 1 } } },
    ],
  }));
});`,
      errors: [
        { messageId: "requestParameter", line: 7, column: 57, data: { parameter: "A table name key of RequestItems", operation: "BatchGet", source: "`req.body.table` (Express)", choice: "table", example: "`TABLES[name]`" } },
        { messageId: "requestParameter", line: 11, column: 30, data: { parameter: "TransactItems[].Update.TableName", operation: "TransactWrite", source: "`req.body.target` (Express)", choice: "table", example: "`TABLES[name]`" } },
      ],
    },
    {
      name: "transaction items mapped from the body",
      filename: "src/routes/batch.ts",
      code: `${V3_DOC}
app.post("/transfer", async (req, res) => {
  await doc.send(new TransactWriteCommand({
    TransactItems: req.body.items.map((item) => ({ Put: { TableName: item.table, Item: { id: item.id } } })),
  }));
});`,
      errors: [{ messageId: "requestParameter", line: 7, column: 70, data: { parameter: "TransactItems[].Put.TableName", operation: "TransactWrite", source: "`req.body.items.table` (Express)", choice: "table", example: "`TABLES[name]`" } }],
    },
    {
      name: "attribute names from the query string and from the keys of the body",
      filename: "src/routes/notes.ts",
      code: `${V3_DOC}
app.get("/notes", async (req, res) => {
  await doc.send(new QueryCommand({
    TableName: "Notes",
    KeyConditionExpression: "pk = :p",
    ProjectionExpression: "#f",
    ExpressionAttributeNames: { "#f": req.query.field },
    ExpressionAttributeValues: { ":p": req.user.sub },
  }));
});
app.patch("/notes/:id", async (req, res) => {
  const ExpressionAttributeNames = {};
  const ExpressionAttributeValues = {};
  const updates = Object.keys(req.body).map((key) => {
    ExpressionAttributeNames[\`#\${key}\`] = key;
    ExpressionAttributeValues[\`:\${key}\`] = req.body[key];
    return \`#\${key} = :\${key}\`;
  });
  await doc.send(new UpdateCommand({
    TableName: "Notes",
    Key: { id: req.params.id },
    UpdateExpression: \`SET \${updates.join(", ")}\`,
    ExpressionAttributeNames,
    ExpressionAttributeValues,
  }));
});`,
      errors: [
        { messageId: "requestParameter", line: 10, column: 39, data: { parameter: "ExpressionAttributeNames", operation: "Query", source: "`req.query.field` (Express)", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 18, column: 43, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body` (Express)", choice: "attribute names", example: "`FIELDS[name]`" } },
      ],
    },
    {
      name: "attribute names reduced from the keys of the body, and a request object spread into the names",
      filename: "src/handlers/profile.js",
      code: `${V3_DOC}
export const handler = async (event) => {
  const changes = JSON.parse(event.body);
  const names = Object.keys(changes).reduce((all, field) => ({ ...all, [\`#\${field}\`]: field }), {});
  await doc.send(new UpdateCommand({
    TableName: "Profiles",
    Key: { id: event.pathParameters.id },
    UpdateExpression: "SET " + Object.keys(changes).map((field) => \`#\${field} = :\${field}\`).join(", "),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: Object.fromEntries(Object.entries(changes).map(([field, value]) => [\`:\${field}\`, value])),
  }));
  await doc.send(new UpdateCommand({
    TableName: "Profiles",
    Key: { id: event.pathParameters.id },
    UpdateExpression: "SET #n = :n",
    ExpressionAttributeNames: { "#n": "name", ...(changes.names || {}) },
    ExpressionAttributeValues: { ":n": changes.name },
  }));
};`,
      errors: [
        { messageId: "requestParameter", line: 12, column: 31, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`event.body` (Lambda event)", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 19, column: 51, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`event.body.names` (Lambda event)", choice: "attribute names", example: "`FIELDS[name]`" } },
      ],
    },
    {
      name: "attribute names from the keys of an object schema that lets unknown keys through",
      filename: "src/routes/todos.ts",
      code: `${V3_DOC}
import { z } from "zod";
const TodoPatch = z.object({ title: z.string(), done: z.boolean() }).partial().passthrough();
app.patch("/todos/:id", async (req, res) => {
  const patch = TodoPatch.parse(req.body);
  const names = {};
  for (const field of Object.keys(patch)) names[\`#\${field}\`] = field;
  await doc.send(new UpdateCommand({ TableName: "Todos", Key: { id: req.params.id }, UpdateExpression: "SET #title = :t", ExpressionAttributeNames: names, ExpressionAttributeValues: { ":t": patch.title } }));
});`,
      errors: [{ messageId: "requestParameter", line: 10, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body` (Express)", choice: "attribute names", example: "`FIELDS[name]`" } }],
    },
    {
      name: "a request value that names a top-level attribute somewhere in the expressions, or in expression text the rule cannot read",
      filename: "src/routes/packages.ts",
      code: `${V3_DOC}
app.post("/packages", async (req, res) => {
  await doc.send(new UpdateCommand({ TableName: "Users", Key: { username: req.user.username }, UpdateExpression: "SET packages.#name = :v", ConditionExpression: "attribute_not_exists(#name)", ExpressionAttributeNames: { "#name": req.body.id }, ExpressionAttributeValues: { ":v": 1 } }));
  await doc.send(new UpdateCommand({ TableName: "Users", Key: { username: req.user.username }, UpdateExpression: "SET #names.x = :v, #name = :v", ExpressionAttributeNames: { "#name": req.body.id, "#names": "n" }, ExpressionAttributeValues: { ":v": 1 } }));
  await doc.send(new UpdateCommand({ TableName: "Users", Key: { username: req.user.username }, UpdateExpression: "SET packages.#name = :v", ConditionExpression: buildCondition(), ExpressionAttributeNames: { "#name": req.body.id }, ExpressionAttributeValues: { ":v": 1 } }));
});`,
      errors: [
        { messageId: "requestParameter", line: 6, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body.id` (Express)", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 7, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body.id` (Express)", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 8, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body.id` (Express)", choice: "attribute names", example: "`FIELDS[name]`" } },
      ],
    },
    {
      name: "attribute names from the keys of a body whose Joi check lets unknown keys through or whose error is only logged",
      filename: "src/routes/profile.ts",
      code: joiCheckedProfile(`app.patch("/me", async (req, res) => {
  const { error } = ProfilePatch.validate(req.body, { allowUnknown: true });
  if (error) return res.status(400).json({ message: error.message });
  await saveProfile(req.user.id, req.body);
});
app.patch("/me/bio", async (req, res) => {
  const { error } = ProfilePatch.validate(req.body);
  if (error) console.warn(error.message);
  await saveProfile(req.user.id, req.body);
});`),
      errors: [
        { messageId: "requestParameter", line: 15, column: 34, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body` (Express) passed to `saveProfile()`", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 20, column: 34, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body` (Express) passed to `saveProfile()`", choice: "attribute names", example: "`FIELDS[name]`" } },
      ],
    },
    {
      name: "attribute names from the keys of an open zod schema's result, in a same-file helper the handler passes the body to",
      filename: "src/handlers/profile.ts",
      code: profileUpdate(".passthrough()"),
      errors: [{ messageId: "requestParameter", line: 19, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`event.body` (Lambda event) passed to `updateProfile()`", choice: "attribute names", example: "`FIELDS[name]`" } }],
    },
    {
      name: "headers, cookies and multi-value query parameters, through defaults, String() and template literals",
      filename: "src/handlers/tenant.ts",
      code: `${V3_DOC}
app.get("/reports", async (req, res) => {
  await doc.send(new ScanCommand({ TableName: req.headers["x-report-table"] as string }));
  await doc.send(new ScanCommand({ TableName: \`reports_\${req.cookies.region}\` }));
});
export const handler = async (event) => {
  const { index = "byDate" } = event.queryStringParameters ?? {};
  const attributes = event.multiValueQueryStringParameters?.attr ?? [];
  await doc.send(new QueryCommand({ TableName: "Reports", IndexName: index, AttributesToGet: attributes, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "r" } }));
  await doc.send(new QueryCommand({ TableName: "Reports", IndexName: String(event.headers["x-index"]), Limit: Number(event.queryStringParameters?.limit), KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "r" } }));
};`,
      errors: [
        { messageId: "requestParameter", line: 6, column: 47, data: { parameter: "TableName", operation: "Scan", source: '`req.headers["x-report-table"]` (Express)', choice: "table", example: "`TABLES[name]`" } },
        { messageId: "requestParameter", line: 7, column: 47, data: { parameter: "TableName", operation: "Scan", source: "`req.cookies.region` (Express)", choice: "table", example: "`TABLES[name]`" } },
        { messageId: "requestParameter", line: 12, column: 70, data: { parameter: "IndexName", operation: "Query", source: "`event.queryStringParameters.index` (Lambda event)", choice: "index", example: "`INDEXES[name]`" } },
        { messageId: "requestParameter", line: 12, column: 94, data: { parameter: "AttributesToGet", operation: "Query", source: "`event.multiValueQueryStringParameters.attr` (Lambda event)", choice: "attributes", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 13, column: 70, data: { parameter: "IndexName", operation: "Query", source: '`event.headers["x-index"]` (Lambda event)', choice: "index", example: "`INDEXES[name]`" } },
      ],
    },
    {
      name: "AttributesToGet from the query string (low-level, v3)",
      filename: "src/routes/notes.ts",
      code: `${V3_LOW}
app.get("/notes/:id", async (req, res) => {
  const fields = String(req.query.fields).split(",");
  await client.send(new GetItemCommand({ TableName: "Notes", Key: marshall({ id: req.params.id }), AttributesToGet: fields }));
});`,
      errors: [{ messageId: "requestParameter", line: 7, column: 117, data: { parameter: "AttributesToGet", operation: "GetItem", source: "`req.query.fields` (Express)", choice: "attributes", example: "`FIELDS[name]`" } }],
    },
    {
      name: "Fastify, Koa and Hono sources",
      filename: "src/server.ts",
      code: `${V3_DOC}
fastify.get("/items/:table", async (request, reply) => doc.send(new ScanCommand({ TableName: request.params.table })));
router.get("/items", async (ctx) => { ctx.body = await doc.send(new ScanCommand({ TableName: ctx.query.table })); });
honoApp.get("/items/:table", async (c) => c.json(await doc.send(new ScanCommand({ TableName: c.req.param("table") }))));
honoApp.post("/query", async (c) => c.json(await doc.send(new QueryCommand(await c.req.json()))));`,
      errors: [
        { messageId: "requestParameter", line: 5, column: 94, data: { parameter: "TableName", operation: "Scan", source: "`request.params.table` (Fastify)", choice: "table", example: "`TABLES[name]`" } },
        { messageId: "requestParameter", line: 6, column: 94, data: { parameter: "TableName", operation: "Scan", source: "`ctx.query.table` (Koa)", choice: "table", example: "`TABLES[name]`" } },
        { messageId: "requestParameter", line: 7, column: 94, data: { parameter: "TableName", operation: "Scan", source: "`c.req.param(\"table\")` (Hono)", choice: "table", example: "`TABLES[name]`" } },
        { messageId: "wholeInput", line: 8, column: 76, data: { subject: "The whole Query input", source: "`c.req.json()` (Hono)" } },
      ],
    },
    {
      name: "NestJS body and query parameters",
      filename: "src/items.controller.ts",
      code: `${V3_DOC}
@Controller("items")
export class ItemsController {
  @Post("search")
  search(@Body() body: QueryCommandInput) {
    return doc.send(new QueryCommand(body));
  }
  @Get()
  list(@Query("index") index: string) {
    return doc.send(new QueryCommand({ TableName: "Items", IndexName: index, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "x" } }));
  }
}`,
      errors: [
        { messageId: "wholeInput", line: 9, column: 38, data: { subject: "The whole Query input", source: "`body` (NestJS)" } },
        { messageId: "requestParameter", line: 13, column: 71, data: { parameter: "IndexName", operation: "Query", source: "`query.index` (NestJS)", choice: "index", example: "`INDEXES[name]`" } },
      ],
    },
    {
      name: "NestJS DTO member without an allow-list decorator",
      filename: "src/tasks/tasks.controller.ts",
      code: `${V3_DOC}
import { Controller, Get, Query } from "@nestjs/common";
import { IsIn, IsString } from "class-validator";
class ListTasksQuery {
  @IsIn(["byDueDate", "byPriority"]) index!: string;
  @IsString() board!: string;
}
@Controller("tasks")
export class TasksController {
  @Get()
  list(@Query() query: ListTasksQuery) {
    return doc.send(new QueryCommand({ TableName: query.board, IndexName: query.index, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "x" } }));
  }
}`,
      errors: [{ messageId: "requestParameter", line: 15, column: 51, data: { parameter: "TableName", operation: "Query", source: "`query.board` (NestJS)", choice: "table", example: "`TABLES[name]`" } }],
    },
    {
      name: "Next.js route handler: the JSON body as the whole input",
      filename: "app/api/items/route.ts",
      code: `${V3_DOC}
export async function POST(request: Request) {
  const input = await request.json();
  const result = await doc.send(new ScanCommand(input));
  return Response.json(result.Items);
}`,
      errors: [{ messageId: "wholeInput", line: 7, column: 49, data: { subject: "The whole Scan input", source: "`request.json()` (Next.js)" } }],
    },
    {
      name: "Next.js API route (Pages Router): a table chosen by the query string, named as such",
      filename: "pages/api/admin/[table].ts",
      code: `${V3_DOC}
export default async function handler(req, res) {
  const result = await doc.send(new ScanCommand({ TableName: String(req.query.table) }));
  res.status(200).json(result.Items);
}`,
      errors: [{ messageId: "requestParameter", line: 6, column: 62, data: { parameter: "TableName", operation: "Scan", source: "`req.query.table` (Next.js API route)", choice: "table", example: "`TABLES[name]`" } }],
    },
    {
      name: "a same-file helper that passes the request value through",
      filename: "src/routes/items.ts",
      code: `${V3_DOC}
const tableOf = (req) => req.query.table.trim();
app.get("/items", async (req, res) => {
  await doc.send(new ScanCommand({ TableName: tableOf(req) }));
});`,
      errors: [{ messageId: "requestParameter", line: 7, column: 47, data: { parameter: "TableName", operation: "Scan", source: "`req.query.table` (Express)", choice: "table", example: "`TABLES[name]`" } }],
    },
    {
      name: "a guard on another value, or one that does not stop, does not silence",
      filename: "src/routes/items.ts",
      code: `${V3_DOC}
const ALLOWED = ["Notes", "Tasks"];
app.get("/items", async (req, res) => {
  if (!ALLOWED.includes(req.query.kind)) return res.sendStatus(400);
  if (!ALLOWED.includes(req.query.table)) console.warn("unexpected table", req.query.table);
  await doc.send(new ScanCommand({ TableName: req.query.table }));
});`,
      errors: [{ messageId: "requestParameter", line: 9, column: 47, data: { parameter: "TableName", operation: "Scan", source: "`req.query.table` (Express)", choice: "table", example: "`TABLES[name]`" } }],
    },
    {
      name: "IndexName in a conditional spread",
      filename: "src/routes/notes.ts",
      code: `${V3_DOC}
app.get("/notes", async (req, res) => {
  const { index } = req.query;
  await doc.send(new QueryCommand({
    TableName: "Notes",
    KeyConditionExpression: "pk = :p",
    ExpressionAttributeValues: { ":p": req.user.sub },
    ...(index && { IndexName: index }),
  }));
});`,
      errors: [{ messageId: "requestParameter", line: 11, column: 31, data: { parameter: "IndexName", operation: "Query", source: "`req.query.index` (Express)", choice: "index", example: "`INDEXES[name]`" } }],
    },
    {
      name: "a same-file update builder called with the body (reported at the argument)",
      filename: "src/handlers/update.js",
      code: `${V3_DOC}
function buildUpdate(fields) {
  const names = {};
  const values = {};
  const sets = [];
  for (const [key, value] of Object.entries(fields)) {
    names[\`#\${key}\`] = key;
    values[\`:\${key}\`] = value;
    sets.push(\`#\${key} = :\${key}\`);
  }
  return { UpdateExpression: "SET " + sets.join(", "), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  await doc.send(new UpdateCommand({ TableName: "Notes", Key: { id: event.pathParameters.id }, ...buildUpdate(body) }));
  await doc.send(new UpdateCommand({ TableName: "Notes", Key: { id: "settings" }, ...buildUpdate({ theme: "dark" }) }));
};`,
      errors: [{ messageId: "requestParameter", line: 18, column: 111, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`event.body` (Lambda event)", choice: "attribute names", example: "`FIELDS[name]`" } }],
    },
    {
      name: "a same-file params builder and names written through the params object",
      filename: "src/handlers/items.js",
      code: `${V3_DOC}
const scanParams = (table) => ({ TableName: table, Limit: 50 });
export const list = async (event) => doc.send(new ScanCommand(scanParams(event.queryStringParameters.table)));
export const update = async (event) => {
  const item = JSON.parse(event.body);
  const params = { TableName: "Items", Key: { id: event.pathParameters.id }, UpdateExpression: "", ExpressionAttributeNames: {}, ExpressionAttributeValues: {} };
  let prefix = "set ";
  for (const attribute of Object.keys(item)) {
    params.UpdateExpression += prefix + "#" + attribute + " = :" + attribute;
    params.ExpressionAttributeNames["#" + attribute] = attribute;
    params.ExpressionAttributeValues[":" + attribute] = item[attribute];
    prefix = ", ";
  }
  return doc.send(new UpdateCommand(params));
};`,
      errors: [
        { messageId: "requestParameter", line: 6, column: 74, data: { parameter: "TableName", operation: "Scan", source: "`event.queryStringParameters.table` (Lambda event)", choice: "table", example: "`TABLES[name]`" } },
        { messageId: "requestParameter", line: 13, column: 56, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`event.body` (Lambda event)", choice: "attribute names", example: "`FIELDS[name]`" } },
      ],
    },
    {
      name: "Next.js Server Action, Koa request body and a settings request source",
      filename: "app/actions.ts",
      settings: { "dynamodb-security": { requestSources: ["readInput()"] } },
      code: `"use server";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand, QueryCommand, paginateQuery } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export async function search(formData: FormData) {
  return doc.send(new ScanCommand({ TableName: String(formData.get("table")) }));
}
router.post("/query", async (ctx) => { ctx.body = await doc.send(new QueryCommand(ctx.request.body)); });
worker.on("job", async () => { await doc.send(new QueryCommand(readInput())); });
app.post("/pages", async (req, res) => { for await (const page of paginateQuery({ client: doc }, req.body)) res.write(JSON.stringify(page.Items)); });`,
      errors: [
        { messageId: "requestParameter", line: 6, data: { parameter: "TableName", operation: "Scan", source: "`arguments[0].get(\"table\")` (Next.js)", choice: "table", example: "`TABLES[name]`" } },
        { messageId: "wholeInput", line: 8, data: { subject: "The whole Query input", source: "`ctx.request.body` (Koa)" } },
        { messageId: "wholeInput", line: 9, data: { subject: "The whole Query input", source: "`readInput()` (a request source from the settings)" } },
        { messageId: "wholeInput", line: 10, data: { subject: "The whole Query input", source: "`req.body` (Express)" } },
      ],
    },
    {
      name: "SDK v2: low-level client and aws-sdk/clients/dynamodb with callbacks",
      filename: "src/handlers/legacy.js",
      languageOptions: script,
      code: `const AWS = require("aws-sdk");
const DynamoDB = require("aws-sdk/clients/dynamodb");
const ddb = new AWS.DynamoDB({ apiVersion: "2012-08-10" });
const doc = new DynamoDB.DocumentClient();
exports.query = (event, context, callback) => {
  ddb.query(JSON.parse(event.body), callback);
};
exports.get = async (event) => {
  const { Item } = await doc.get({ TableName: event.pathParameters.table, Key: { id: event.pathParameters.id } }).promise();
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
      errors: [
        { messageId: "wholeInput", line: 6, column: 13, data: { subject: "The whole Query input", source: "`event.body` (Lambda event)" } },
        { messageId: "requestParameter", line: 9, data: { parameter: "TableName", operation: "Get", source: "`event.pathParameters.table` (Lambda event)", choice: "table", example: "`TABLES[name]`" } },
      ],
    },
    {
      name: "AppSync resolver: arguments as the whole input, and as the item (strict)",
      filename: "src/resolvers/notes.ts",
      options: STRICT,
      code: `${V3_DOC}
import type { AppSyncResolverEvent } from "aws-lambda";
export const handler = async (event: AppSyncResolverEvent<any>) => {
  if (event.info.fieldName === "search") return (await doc.send(new QueryCommand(event.arguments.query))).Items;
  await doc.send(new PutCommand({ TableName: "Notes", Item: event.arguments.input }));
};`,
      errors: [
        { messageId: "wholeInput", line: 7, data: { subject: "The whole Query input", source: "`event.arguments.query` (Lambda event)" } },
        { messageId: "massAssignment", line: 8, data: { how: "is written as the whole", parameter: "Item", operation: "Put", source: "`event.arguments.input` (Lambda event)" } },
      ],
    },
    {
      name: "strict: BatchWrite put requests mapped from the body",
      filename: "src/routes/import.ts",
      options: STRICT,
      code: `${V3_DOC}
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
app.post("/import", async (req, res) => {
  await doc.send(new BatchWriteCommand({ RequestItems: { Notes: req.body.notes.map((note) => ({ PutRequest: { Item: note } })) } }));
});`,
      errors: [{ messageId: "massAssignment", line: 7, data: { how: "is written as the whole", parameter: "RequestItems{}[].PutRequest.Item", operation: "BatchWrite", source: "`req.body.notes` (Express)" } }],
    },
    {
      name: "strict: request body written as the whole item, spread into it, or marshalled",
      filename: "src/routes/notes.ts",
      options: STRICT,
      code: `${V3_DOC}
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
app.post("/notes", async (req, res) => {
  await doc.send(new PutCommand({ TableName: "Notes", Item: req.body }));
  await doc.send(new PutCommand({ TableName: "Notes", Item: { ...req.body, id: crypto.randomUUID(), ownerId: req.user.sub } }));
  await doc.send(new PutItemCommand({ TableName: "Notes", Item: marshall(req.body) }));
  await doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: "Notes", Item: { id: "1", ...req.body } } }] }));
});`,
      errors: [
        { messageId: "massAssignment", line: 8, column: 61, data: { how: "is written as the whole", parameter: "Item", operation: "Put", source: "`req.body` (Express)" } },
        { messageId: "massAssignment", line: 9, column: 66, data: { how: "is spread into", parameter: "Item", operation: "Put", source: "`req.body` (Express)" } },
        { messageId: "massAssignment", line: 10, column: 65, data: { how: "is written as the whole", parameter: "Item", operation: "PutItem", source: "`req.body` (Express)" } },
        { messageId: "massAssignment", line: 11, column: 110, data: { how: "is spread into", parameter: "TransactItems[].Put.Item", operation: "TransactWrite", source: "`req.body` (Express)" } },
      ],
    },
    {
      name: "strict: SDK v2 put with the parsed Lambda body",
      filename: "src/handlers/create.js",
      languageOptions: script,
      options: STRICT,
      code: `${V2}
module.exports.create = async (event) => {
  const item = JSON.parse(event.body);
  await docClient.put({ TableName: process.env.TABLE, Item: item }).promise();
  return { statusCode: 201 };
};`,
      errors: [{ messageId: "massAssignment", line: 6, column: 61, data: { how: "is written as the whole", parameter: "Item", operation: "Put", source: "`event.body` (Lambda event)" } }],
    },
  ],
});
