// require-ownership-check across modules: handlers written inline, linted as if they were files of the
// project in tests/fixtures/cross-module (services, repositories, a NestJS module, a CommonJS module, a
// tsconfig.json with `paths`), whose real files the analysis reads.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import rule from "../../rules/require-ownership-check";
import { clearProjectModules } from "../../src/analysis";
import { runRuleTests } from "../rule-tester";
import { ADVICE } from "../helpers/ownership-advice";

const PROJECT = path.resolve(__dirname, "../fixtures/cross-module");
const SRC = path.join(PROJECT, "src");
const file = (relative: string) => path.join(SRC, relative);

const EXPRESS = `import express from "express";\nconst app = express();\n`;
const NEXT_ROUTE = `import { NextRequest, NextResponse } from "next/server";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, DeleteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

/** A Lambda handler querying the games table by the path's user id (src/games/list-games.ts lists that table to anyone). */
const USER_GAMES = `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const { Items } = await doc.send(new QueryCommand({ TableName: process.env.GAMES_TABLE, KeyConditionExpression: "userId = :u", ExpressionAttributeValues: { ":u": event.pathParameters.userId } }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};`;

/** A plain controller class of ./customers whose methods Lambda handlers call; \`extra\` adds methods. */
const customerController = (extra: string) => `import { CustomerService } from "./customer.service";
export class CustomerController {
  constructor(private readonly customers: CustomerService) {}
${extra}
  async getOne(event: { pathParameters: { id: string } }) {
    const customer = await this.customers.getOne(event.pathParameters.id);
    return { statusCode: customer ? 200 : 404, body: JSON.stringify(customer) };
  }
}`;

/** A Lambda handler of a Serverless Framework function folder (its definition, index.ts, is in the fixture). */
const serverlessHandler = (body: string) => `import { DocumentClient } from "aws-sdk/clients/dynamodb";
const db = new DocumentClient();
export const main = async (event) => {
${body}
  return { statusCode: 200 };
};`;

/** A Lambda module importing the classes of shared/owned-table.ts, which check an item's author against their owner field. */
const OWNED_TABLE_HANDLER = `import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { doc } from "../db";
import { OwnedTable, ScopedTable } from "../shared/owned-table";`;

/** A Lambda module reading its events through shared/parse-event.ts, which returns the event's parts by name. */
const PARSE_EVENT_HANDLER = `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocument } from "@aws-sdk/lib-dynamodb";
import parseEvent from "../shared/parse-event";
const doc = DynamoDBDocument.from(new DynamoDBClient({}));`;

const PARSE_EVENT_DELETE = `${PARSE_EVENT_HANDLER}
export const deleteInvoice = async (event) => {
  const { userId, params: { id } } = parseEvent(event);
  if (!userId) return { statusCode: 401, body: "" };
  await doc.delete({ TableName: "Invoices", Key: { id } });
  return { statusCode: 204, body: "" };
};`;

const cjs = { filename: file("routes/notes.js"), languageOptions: { parserOptions: { sourceType: "script" as const } } };

/** A NestJS controller whose action calls the PaymentsService method of the same name (fixture src/payments). */
const paymentsController = (action: string) => `import { Controller, Param, Post, UseGuards } from "@nestjs/common";
import { AuthGuard } from "@nestjs/passport";
import { PaymentsService } from "./payments.service";

@Controller("invoices")
@UseGuards(AuthGuard("jwt"))
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post(":id/${action}")
  ${action}(@CurrentUser() user: User, @Param("id") id: string) {
    return this.payments.${action}(user, id);
  }
}`;

/**
 * A NestJS controller of ./patients that deletes by the path's id through its injected \`records\` (typed \`type\`,
 * injected by \`inject\`, imported by \`imports\`), calling \`method\`.
 */
const patientsController = (
  type: string,
  { inject = "", method = "remove", imports = 'import { IPatientsResource, type IDoctorsRepository, type IWardsRepository } from "./patients.contract";' } = {},
) => `import { Controller, Delete, Inject, Param } from "@nestjs/common";
${imports}

@Controller("records")
export class RecordsController {
  constructor(${inject}private readonly records: ${type}) {}

  @Delete(":id")
  remove(@Param("id") id: string) {
    return this.records.${method}(id);
  }
}`;

/** A NestJS controller of ./boards that reads a note by the path's id; \`listing\` adds a handler that lists them all. */
const boardController = (listing: boolean) => `import { Controller, Get, Param } from "@nestjs/common";
import { BoardNotesService } from "./notes.service";

@Controller("notes")
export class BoardNotesController {
  constructor(private readonly notes: BoardNotesService) {}

  @Get(":id")
  findOne(@Param("id") id: string) {
    return this.notes.findOne(id);
  }${listing ? `

  @Get()
  findAll() {
    return this.notes.findAll();
  }` : ""}
}`;

/** A Lambda handler that reads a note of the shared board by the path's id (one folder per function: ./functions/notes/get-by-id). */
const NOTE_BY_ID = `import type { APIGatewayProxyEvent } from "aws-lambda";
import { getNoteById } from "./service";
export const handler = async (event: APIGatewayProxyEvent) => {
  const viewer = event.requestContext.authorizer?.claims?.sub;
  return { statusCode: 200, body: JSON.stringify({ note: await getNoteById(event.pathParameters?.id ?? ""), viewer }) };
};`;

/** A Lambda handler of ./records listing a patient's notes through \`list\` of the repository, the tenant given by \`clinic\`. */
const recordsHandler = (clinic: string, list = "listNotes") => `import { extractAuthContext } from "./auth";
import { ${list} } from "./notes.repository";
export async function handler(event) {
  const auth = extractAuthContext(event);
  const items = await ${list}(${clinic}, event.pathParameters.patientId, event.queryStringParameters?.from);
  return { statusCode: 200, body: JSON.stringify(items) };
}`;

runRuleTests("require-ownership-check (cross-module)", rule, {
  valid: [
    {
      name: "the caller's tenant in the partition key through an imported key builder; the request's date only bounds the sort key",
      filename: file("records/list-notes.ts"),
      code: recordsHandler("auth.clinicId"),
    },
    {
      name: "the caller's tenant in the partition key's template, in the repository function the handler calls",
      filename: file("records/list-notes.ts"),
      code: recordsHandler("auth.clinicId", "listNotesInline"),
    },
    {
      name: "lambda: one folder per function, and the get-all function beside this one's folder serves the whole table to the same callers",
      filename: file("functions/notes/get-by-id/handler.ts"),
      code: NOTE_BY_ID,
    },
    {
      name: "NestJS: a handler of the file serves the whole table through a service and a repository, so one note by id reveals nothing more",
      filename: file("boards/notes.controller.ts"),
      code: boardController(true),
    },
    {
      name: "NestJS: an injected interface with two implementations in the project (which one is bound is not in the code read)",
      filename: file("patients/records.controller.ts"),
      code: patientsController("IWardsRepository"),
    },
    {
      name: "the application's own command class of the same name, from a module that names no DynamoDB package, is no DynamoDB command",
      ...cjs,
      code: `const express = require("express");
const router = express.Router();
const { DeleteCommand } = require("../shared/cqrs-commands");
router.delete("/notes/:id", async (req, res) => {
  await bus.execute(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.sendStatus(204);
});`,
    },
    {
      name: "an id that a helper of another module makes up, whatever the request sends, is not the request's",
      filename: file("routes/notes.ts"),
      code: `${EXPRESS}import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { draftId } from "../shared/validation";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
app.delete("/drafts/:id", async (req, res) => {
  await doc.send(new DeleteCommand({ TableName: "Drafts", Key: { draftId: draftId(req.params.id) } }));
  res.sendStatus(204);
});`,
    },
    {
      name: "lambda: a read of a table that a handler module beside it lists to anyone (one handler per file)",
      filename: file("games/get-user-games.ts"),
      code: USER_GAMES,
    },
    {
      name: "a whole key passed to a function of another module holds the caller in one attribute: the item is the caller's",
      filename: file("lambda/rename-task.ts"),
      code: `import type { APIGatewayProxyEvent } from "aws-lambda";
import { renameTask } from "../services/functions";
export const handler = async (event: APIGatewayProxyEvent) => {
  const userId = event.requestContext.authorizer?.claims.sub;
  const key = { userId, taskId: event.pathParameters?.id ?? "" };
  await renameTask(key, "renamed");
  await renameTask({ userId, taskId: "inbox" }, "Inbox");
  return { statusCode: 204, body: "" };
};`,
    },
    {
      name: "an imported gate that only answers yes or no (a shared API key) names no caller: a read of nothing per-user stays quiet",
      filename: file("lambda/get-playlist.ts"),
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyEvent } from "aws-lambda";
import { authorizeIncomingRequest } from "../shared/api-key";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event: APIGatewayProxyEvent) => {
  if (!authorizeIncomingRequest(event)) return { statusCode: 401, body: "" };
  const { Item } = await doc.send(new GetCommand({ TableName: "Playlists", Key: { pk: \`Playlist#\${event.pathParameters?.id}\` } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
    },
    {
      name: "Next.js: the caller from an imported helper without arguments that reads the session cookie itself, compared with the route's id",
      filename: file("app/api/users/[userId]/keys/route.ts"),
      code: `${NEXT_ROUTE}import { requireAuth } from "../../../../../session/auth";
export async function GET(_req: NextRequest, { params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const user = await requireAuth();
  if (user.properties.id !== userId) return NextResponse.json({ error: "Forbidden" }, { status: 403 });
  const res = await doc.send(new GetCommand({ TableName: "Users", Key: { userId } }));
  return NextResponse.json(res.Item);
}`,
    },
    {
      name: "Next.js: an imported helper returns { authorized: false } unless the signed-in subject is the route's user, and the handler exits on it",
      filename: file("app/api/users/[userId]/keys/route.ts"),
      code: `${NEXT_ROUTE}import { checkAuthorization } from "../../../../../session/auth";
export async function DELETE(_req: NextRequest, { params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const verdict = await checkAuthorization(userId);
  if (!verdict.authorized) return NextResponse.json({ error: "Forbidden" }, { status: verdict.status });
  await doc.send(new DeleteCommand({ TableName: "Users", Key: { userId } }));
  return NextResponse.json({ ok: true });
}`,
    },
    {
      name: "Next.js: an imported admin guard without arguments that throws unless the caller is an admin",
      filename: file("app/api/admin/accounts/route.ts"),
      code: `${NEXT_ROUTE}import { requireAdmin } from "../../../../session/auth";
export async function DELETE(request: NextRequest) {
  await requireAdmin();
  const { accountId } = await request.json();
  await doc.send(new DeleteCommand({ TableName: "Users", Key: { userId: accountId } }));
  return NextResponse.json({ ok: true });
}`,
    },
    {
      name: "a number a repository computes from the item (roundScore(Item.views * 2 + Item.likes)) is not the item",
      filename: file("routes/notes.ts"),
      code: `${EXPRESS}import { noteScore } from "../repositories/notes";
app.get("/notes/:id/score", async (req, res) => {
  res.json({ score: await noteScore(req.params.id), viewer: req.user.id });
});`,
    },
    {
      name: "the item a repository returns through a normaliser (another module's, a package's) is compared with the caller before the delete",
      filename: file("routes/notes.ts"),
      code: `${EXPRESS}import { deleteNote, getNoteById, getNoteCamelCased } from "../repositories/notes";
app.delete("/notes/:id", async (req, res) => {
  const note = await getNoteById(req.params.id);
  if (!note || note.userId !== req.user.id) return res.sendStatus(404);
  await deleteNote(req.params.id);
  res.sendStatus(204);
});
app.delete("/v2/notes/:id", async (req, res) => {
  const note = await getNoteCamelCased(req.params.id);
  if (note?.userId !== req.user.id) return res.sendStatus(404);
  await deleteNote(req.params.id);
  res.sendStatus(204);
});`,
    },
    {
      name: "the caller's id from an imported function that verifies the request's token, in the key",
      filename: file("pages/api/notes.js"),
      code: `import { DynamoDBClient, DeleteItemCommand } from "@aws-sdk/client-dynamodb";
import userCheck from "../../shared/user-check";
const client = new DynamoDBClient({});
export default async function handler(req, res) {
  const check = userCheck(req);
  if (!check.ok) return res.status(401).end();
  await client.send(new DeleteItemCommand({ TableName: "notes", Key: { userId: { S: check.userId }, ts: { N: req.query.ts } } }));
  res.json({ ok: true });
}`,
    },
    {
      name: "an imported authorization helper that cannot reach DynamoDB itself checks the owner of the item the handler read",
      filename: file("routes/notes.ts"),
      code: `${EXPRESS}import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { gate } from "../shared/authz";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "notes", Key: { noteId: req.params.id } }));
  gate(Item, req.user.id);
  res.json(Item);
});`,
    },
    {
      name: "the service compares the fetched order with the caller it is given",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { orderService } from "../services/orders";
app.get("/orders/:id", async (req, res) => {
  res.json(await orderService.getOwnedOrder(req.params.id, req.user.id));
});`,
    },
    {
      name: "the repository's ConditionExpression binds the owner to the caller passed down",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { orderService } from "../services/orders";
app.delete("/orders/:id", async (req, res) => {
  await orderService.cancelOwned(req.params.id, req.user.id);
  res.status(204).end();
});`,
    },
    {
      name: "the handler compares the item a service returns with the caller",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { orderService } from "../services/orders";
app.get("/orders/:id", async (req, res) => {
  const order = await orderService.getOrder(req.params.id);
  if (!order || order.ownerId !== req.user.id) return res.status(404).end();
  res.json(order);
});`,
    },
    {
      name: "the service only tests whether the item exists",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { orderService } from "../services/orders";
app.get("/orders/:id/exists", async (req, res) => {
  res.json({ exists: await orderService.orderExists(req.params.id) });
});`,
    },
    {
      name: "a FilterExpression on the caller in a function re-exported through an index file, by a tsconfig paths alias",
      filename: file("routes/customers.ts"),
      code: `${EXPRESS}import { listOrdersOf } from "@/services";
app.get("/customers/:id/orders", async (req, res) => {
  res.json(await listOrdersOf(req.params.id, req.user.id));
});`,
    },
    {
      ...cjs,
      name: "CommonJS: the caller is part of the key in the required module",
      code: `const express = require("express");
const { deleteNote } = require("../legacy/notes.cjs");
const app = express();
app.delete("/notes/:id", async (req, res) => {
  await deleteNote(req.params.id, req.user.id);
  res.end();
});`,
    },
    {
      name: "NestJS: the injected service's repository keys the item by the caller",
      filename: file("books/books.controller.ts"),
      code: `import { Controller, Delete, Param, Req, UseGuards } from "@nestjs/common";
import { AuthGuard } from "@nestjs/passport";
import { BooksService } from "./books.service";

@Controller("books")
@UseGuards(AuthGuard("jwt"))
export class BooksController {
  constructor(private readonly booksService: BooksService) {}

  @Delete(":id")
  remove(@Param("id") id: string, @Req() req) {
    return this.booksService.remove(id, req.user.id);
  }
}`,
    },
    {
      name: "NestJS: the service checks the invoice it fetched through its own method (this.getById()) against the caller before the update",
      filename: file("payments/payments.controller.ts"),
      code: paymentsController("pay"),
    },
    {
      name: "crossModule: false keeps the analysis within the file",
      filename: file("routes/orders.ts"),
      settings: { "dynamodb-security": { crossModule: false } },
      code: `${EXPRESS}import { orderService } from "../services/orders";
app.get("/orders/:id", async (req, res) => {
  res.json(await orderService.getOrder(req.params.id));
});`,
    },
    {
      name: "packages, missing modules and modules that do not parse are unknown",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { getOrder } from "orders-sdk";
import { getOrder as missing } from "./no-such-module";
import { getOrder as broken } from "../broken/service";
app.get("/a/:id", async (req, res) => res.json(await getOrder(req.params.id)));
app.get("/b/:id", async (req, res) => res.json(await missing(req.params.id)));
app.get("/c/:id", async (req, res) => res.json(await broken(req.params.id)));`,
    },
    {
      name: "modules that import each other in a cycle",
      filename: file("routes/cycle.ts"),
      code: `${EXPRESS}import { ping } from "../cycle/a";
app.get("/ping/:id", async (req, res) => res.json(await ping(req.params.id)));`,
    },
    {
      name: "a call without request data reads no other module",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { orderService } from "../services/orders";
app.get("/orders/latest", async (req, res) => res.json(await orderService.getOrder("latest")));`,
    },
    {
      name: "no authentication: a catalogue read in a module with nothing per-user is not reported by default",
      filename: file("routes/catalog.ts"),
      code: `${EXPRESS}import { getProduct } from "../catalog/products";
app.get("/catalog/:sku", async (req, res) => {
  res.json(await getProduct(req.params.sku));
});`,
    },
    {
      name: "no authentication: a shared data-access module that serves every table (getOne(id, table)) and an owner name in another handler of the file do not make a partner record per-user",
      filename: file("handlers/partners.ts"),
      code: `import db from "../shared/db";
export const whoAmI = async (event) => ({ statusCode: 200, body: JSON.stringify({ userId: event.requestContext.authorizer.claims.sub }) });
export const getPartner = async (event) => {
  const partner = await db.getOne(event.pathParameters.partnerId, "Partners");
  return { statusCode: 200, body: JSON.stringify(partner) };
};`,
    },
    {
      name: "no authentication: an owner attribute in another function of a shared data-access module says nothing about the table getOne reads",
      filename: file("handlers/events.ts"),
      code: `import db from "../shared/db";
export const getEvent = async (event) => {
  const found = await db.getOne(event.pathParameters.id, "Events");
  return { statusCode: 200, body: JSON.stringify(found) };
};`,
    },
    {
      name: "a data-layer writer given the whole item: a generated id, a create-only condition or an owner-scoped key overwrites nothing the request chooses",
      filename: file("routes/documents.ts"),
      code: `${EXPRESS}import { randomUUID } from "node:crypto";
import { createDocument, saveDocument } from "../repositories/documents";
app.post("/documents", async (req, res) => {
  res.json(await saveDocument({ id: randomUUID(), title: req.body.title }));
});
app.post("/documents/:id", async (req, res) => {
  await createDocument({ id: req.params.id, title: req.body.title });
  res.sendStatus(201);
});
app.put("/me/document", async (req, res) => {
  await saveDocument({ id: req.user.id, title: req.body.title });
  res.sendStatus(204);
});
app.put("/me/documents", async (req, res) => {
  await saveDocument({ ...req.body, ownerId: req.user.id });
  res.sendStatus(204);
});`,
    },
    {
      name: "a controller class whose method without parameters lists the whole table (through its service and repository) to the same callers: one item by id is no more private",
      filename: file("customers/customer.controller.ts"),
      code: customerController(`
  async getAll() {
    return { statusCode: 200, body: JSON.stringify(await this.customers.getAll()) };
  }
`),
    },
    {
      name: "a generic helper of another module given the table scans it whole for every signed-in user: one of its items by id is no more private",
      filename: file("routes/events.js"),
      code: `const express = require("express");
const { getItem, scanItems } = require("../shared/table-kit");
const router = express.Router();
router.get("/", authenticateToken, async (req, res) => res.json(await scanItems("Events", 20)));
router.get("/:id", authenticateToken, async (req, res) => {
  const event = await getItem("Events", { eventId: req.params.id });
  if (!event) return res.status(404).end();
  res.json(event);
});
module.exports = router;`,
    },
    {
      name: "a generic update helper of another module given a view counter or the caller appended: a view, an application",
      filename: file("routes/projects.js"),
      code: `const express = require("express");
const { updateItem } = require("../shared/table-kit");
const router = express.Router();
router.post("/:id/view", authenticateToken, async (req, res) => {
  await updateItem("Projects", { projectId: req.params.id }, "SET #views = #views + :inc", { ":inc": 1 }, { "#views": "views" });
  res.end();
});
router.post("/:id/apply", authenticateToken, async (req, res) => {
  await updateItem("Projects", { projectId: req.params.id }, "SET applicants = list_append(applicants, :me)", { ":me": [req.user.id] });
  res.end();
});
module.exports = router;`,
    },
    {
      name: "a sign-up that saves the account only when another module's helper answers that its e-mail is not taken",
      filename: file("app/api/users/route.ts"),
      code: `import { NextRequest, NextResponse } from "next/server";
import { emailExists, saveAccount } from "../../../shared/accounts";
export async function POST(request: NextRequest) {
  const { email, name } = await request.json();
  const normalized = String(email).toLowerCase().trim();
  if (await emailExists(normalized)) return NextResponse.json({ error: "exists" }, { status: 409 });
  await saveAccount({ email: normalized, name: String(name) });
  return NextResponse.json({ ok: true }, { status: 201 });
}`,
    },
    {
      name: "a generic helper that filters only when given a filter, called without one, lists the table whole",
      filename: file("routes/events.js"),
      code: `const express = require("express");
const { getItem, scanTable } = require("../shared/table-kit");
const router = express.Router();
router.get("/", authenticateToken, async (req, res) => res.json(await scanTable("Events", null, {}, 20)));
router.get("/:id", authenticateToken, async (req, res) => {
  const event = await getItem("Events", { eventId: req.params.id });
  if (!event) return res.status(404).end();
  res.json(event);
});
module.exports = router;`,
    },
    {
      name: "a listing a repository of another module builds by pushing each scanned item into an array it returns counts as the table's listing",
      filename: file("customers/customer.controller.ts"),
      code: customerController(`
  async list() {
    return { statusCode: 200, body: JSON.stringify(await this.customers.listAll()) };
  }
`),
    },
    {
      name: "Serverless Framework: the function definition beside the handler lets only an admin authorizer through",
      filename: file("functions/users/delete/handler.ts"),
      code: serverlessHandler(`  await db.delete({ TableName: process.env.USERS_TABLE, Key: { id: event.pathParameters.id } }).promise();`),
    },
    {
      name: "Serverless Framework: in a definition module of several functions, the one whose handler names this module decides (admin authorizer)",
      filename: file("functions/todos/removeTodo.ts"),
      code: serverlessHandler(`  await db.delete({ TableName: process.env.TODOS_TABLE, Key: { id: event.pathParameters.id } }).promise();`),
    },
    {
      name: "Serverless Framework: a request model in the function definition validates the body, so its spread cannot replace the generated id",
      filename: file("functions/customers/create/handler.ts"),
      code: serverlessHandler(`  const body = JSON.parse(event.body);
  await db.put({ TableName: process.env.CUSTOMERS_TABLE, Item: { id: crypto.randomUUID(), ...body } }).promise();`),
    },
    {
      name: "a sort key from another module's id generator, known by what it returns and not by its name, creates an item",
      filename: file("routes/events.ts"),
      code: `${EXPRESS}import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { sortableId } from "../shared/event-ids";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
app.post("/things/:id/events", async (req, res) => {
  const eventId = sortableId();
  await doc.send(new PutCommand({ TableName: "app-table", Item: { PK: \`THING#\${req.params.id}\`, SK: \`EVENT#\${eventId}\`, note: String(req.body.note) } }));
  res.sendStatus(201);
});`,
    },
    {
      name: "lambda: an ownership check made by another module's class, the caller given through a fluent setter (forUser(me).getOne(id)), to the constructor, or to a const instance, covers the delete",
      filename: file("handlers/notes.ts"),
      code: `${OWNED_TABLE_HANDLER}
export const viaSetter = async (event) => {
  const id = event.pathParameters.id;
  await new OwnedTable("Notes").forUser(event.requestContext.authorizer.claims.sub).getOne(id);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id } }));
  return { statusCode: 204 };
};
export const viaConstructor = async (event) => {
  const id = event.pathParameters.id;
  await new ScopedTable("Notes", event.requestContext.authorizer.claims.sub).getOne(id);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id } }));
  return { statusCode: 204 };
};
export const viaInstance = async (event) => {
  const id = event.pathParameters.id;
  const notes = new OwnedTable("Notes");
  await notes.forUser(event.requestContext.authorizer.claims.sub).getOne(id);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id } }));
  return { statusCode: 204 };
};`,
    },
    {
      name: "lambda: the caller from another module's event parser (parseEvent(event).userId) in the key scopes the delete",
      filename: file("handlers/invoices.ts"),
      code: `${PARSE_EVENT_HANDLER}
export const deleteInvoice = async (event) => {
  const { userId, params: { id } } = parseEvent(event);
  await doc.delete({ TableName: "Invoices", Key: { userId, id } });
  return { statusCode: 204, body: "" };
};`,
    },
  ],
  invalid: [
    {
      name: "Next.js: the imported helper's verdict object tested as a whole (always truthy): nothing stops the delete",
      filename: file("app/api/users/[userId]/keys/route.ts"),
      code: `${NEXT_ROUTE}import { checkAuthorization } from "../../../../../session/auth";
export async function DELETE(_req: NextRequest, { params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const verdict = await checkAuthorization(userId);
  if (!verdict) return NextResponse.json({ error: "Forbidden" }, { status: 403 });
  await doc.send(new DeleteCommand({ TableName: "Users", Key: { userId } }));
  return NextResponse.json({ ok: true });
}`,
      errors: [{ messageId: "writeNotOwned", line: 10 }],
    },
    {
      name: "express: the path's id from another module's request reader (readRequest(req).params.id) is the request's choice",
      filename: file("routes/invoices.ts"),
      code: `${EXPRESS}${PARSE_EVENT_HANDLER}
import { readRequest } from "../shared/parse-event";
app.delete("/invoices/:id", async (req, res) => {
  const { params } = readRequest(req);
  await doc.delete({ TableName: "Invoices", Key: { id: params.id } });
  res.sendStatus(204);
});`,
      errors: [{ messageId: "writeNotOwned", line: 10 }],
    },
    {
      name: "lambda: the path's id from another module's event parser (parseEvent(event).params.id) is the request's choice",
      filename: file("handlers/invoices.ts"),
      code: PARSE_EVENT_DELETE,
      errors: [
        {
          messageId: "writeNotOwned",
          line: 8,
          data: { operation: "`doc.delete()`", verb: "deletes", target: 'an item of table "Invoices"', source: "`event.pathParameters.id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key (the handler knows the caller, `userId`, but nothing checks the item against it)", advice: ADVICE.ownedWrite },
          suggestions: [{ messageId: "addOwnerCondition", output: PARSE_EVENT_DELETE.replace("Key: { id } }", 'Key: { id }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": userId } }') }],
        },
      ],
    },
    {
      name: "lambda: the same class's check against a user the request names, or with no user set, covers nothing",
      filename: file("handlers/notes.ts"),
      code: `${OWNED_TABLE_HANDLER}
export const asRequested = async (event) => {
  const id = event.pathParameters.id;
  await new OwnedTable("Notes").forUser(event.queryStringParameters.owner).getOne(id);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id } }));
  return { statusCode: 204 };
};
export const unset = async (event) => {
  const id = event.pathParameters.id;
  await new OwnedTable("Notes").getOne(id);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id } }));
  return { statusCode: 204 };
};`,
      errors: [
        { messageId: "writeNotOwned", line: 7 },
        { messageId: "writeNotOwned", line: 13 },
      ],
    },
    {
      name: "a Query whose key condition names the owner attribute through a required configuration module lists any user's items to anyone",
      filename: file("queries/list-bikes.js"),
      code: `const AWS = require("aws-sdk");
const keys = require("./key-names");
const ddb = new AWS.DynamoDB.DocumentClient();
module.exports = async (req, res) => {
  const { Items } = await ddb.query({ TableName: keys.bikes.table, IndexName: keys.bikes.byOwner.index, KeyConditionExpression: \`\${keys.bikes.byOwner.partitionKey} = :u\`, ExpressionAttributeValues: { ":u": req.params.userId } }).promise();
  res.json(Items);
};`,
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    {
      name: "Queries whose key conditions name the owner attribute by a name imported from an ES module or destructured from a required one list any user's items to anyone",
      filename: file("queries/list-bikes.ts"),
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { OWNER_KEY } from "./key-names-esm";
const { ownerKey } = require("./key-names");
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const byOwner = async (event) => {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Boards", KeyConditionExpression: \`\${OWNER_KEY} = :u\`, ExpressionAttributeValues: { ":u": event.pathParameters.userId } }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};
export const bikesOf = async (event) => {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Bikes", KeyConditionExpression: \`\${ownerKey} = :u\`, ExpressionAttributeValues: { ":u": event.pathParameters.userId } }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};`,
      errors: [
        { messageId: "readByAnyCaller", line: 7 },
        { messageId: "readByAnyCaller", line: 11 },
      ],
    },
    {
      name: "a sort key from another module's function that returns the same key every time overwrites the request's item",
      filename: file("routes/events.ts"),
      code: `${EXPRESS}import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { latestEventKey } from "../shared/event-ids";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
app.post("/things/:id/events", async (req, res) => {
  await doc.send(new PutCommand({ TableName: "app-table", Item: { PK: \`THING#\${req.params.id}\`, SK: latestEventKey(), note: String(req.body.note) } }));
  res.sendStatus(201);
});`,
      errors: [{ messageId: "writeNotOwned", line: 8 }],
    },
    {
      name: "the tenant in the partition key comes from the path, not the caller: any signed-in caller lists another clinic's notes",
      filename: file("records/list-notes.ts"),
      code: recordsHandler("event.pathParameters.clinicId"),
      errors: [{ messageId: "readNotOwned", line: 5 }],
    },
    {
      name: "Serverless Framework: another function's admin authorizer in the same definition module does not guard this one",
      filename: file("functions/todos/archiveTodo.ts"),
      code: serverlessHandler(`  await db.update({ TableName: process.env.TODOS_TABLE, Key: { id: event.pathParameters.id }, UpdateExpression: "SET archived = :t", ExpressionAttributeValues: { ":t": true } }).promise();`),
      errors: [{ messageId: "writeNotOwned", line: 4 }],
    },
    {
      name: "Serverless Framework: a signed-in caller (a Cognito authorizer in the function definition) updates any customer by the path's id; without a request model the body's id replaces the generated one",
      filename: file("functions/customers/update/handler.ts"),
      code: serverlessHandler(`  await db.update({ TableName: process.env.CUSTOMERS_TABLE, Key: { id: event.pathParameters.id }, UpdateExpression: "SET seen = :t", ExpressionAttributeValues: { ":t": 1 } }).promise();
  const body = JSON.parse(event.body);
  await db.put({ TableName: process.env.CUSTOMERS_TABLE, Item: { id: crypto.randomUUID(), ...body } }).promise();`),
      errors: [
        { messageId: "writeNotOwned", line: 4 },
        { messageId: "writeNotOwned", line: 6 },
      ],
    },
    {
      name: "a generic helper's whole Scan lists another table, or a filtered one: a read of this table by id is still served to any signed-in user",
      filename: file("routes/events.js"),
      code: `const express = require("express");
const { getItem, scanItems, scanMatching, scanTable } = require("../shared/table-kit");
const router = express.Router();
router.get("/clubs", authenticateToken, async (req, res) => res.json(await scanItems("Clubs")));
router.get("/mine", authenticateToken, async (req, res) => res.json(await scanMatching("Events", "ownerId = :me", { ":me": req.user.id })));
router.get("/own", authenticateToken, async (req, res) => res.json(await scanTable("Events", "ownerId = :me", { ":me": req.user.id })));
router.get("/:id", authenticateToken, async (req, res) => {
  const event = await getItem("Events", { eventId: req.params.id });
  if (!event) return res.status(404).end();
  res.json(event);
});
module.exports = router;`,
      errors: [{ messageId: "readNotOwned", line: 8 }],
    },
    {
      name: "a generic update helper of another module given an update that changes the item, or appends what the request sends",
      filename: file("routes/projects.js"),
      code: `const express = require("express");
const { updateItem } = require("../shared/table-kit");
const router = express.Router();
router.put("/:id", authenticateToken, async (req, res) => {
  await updateItem("Projects", { projectId: req.params.id }, "SET title = :t", { ":t": req.body.title });
  res.end();
});
router.post("/:id/apply", authenticateToken, async (req, res) => {
  await updateItem("Projects", { projectId: req.params.id }, "SET applicants = list_append(applicants, :who)", { ":who": [req.body.userId] });
  res.end();
});
module.exports = router;`,
      errors: [
        { messageId: "writeNotOwned", line: 5 },
        { messageId: "writeNotOwned", line: 9 },
      ],
    },
    {
      name: "another module's existence answer for a different e-mail than the one saved lets the save overwrite an account",
      filename: file("app/api/users/route.ts"),
      code: `import { NextRequest, NextResponse } from "next/server";
import { emailExists, saveAccount } from "../../../shared/accounts";
export async function POST(request: NextRequest) {
  const { email, invitedBy, name } = await request.json();
  if (await emailExists(String(invitedBy))) return NextResponse.json({ error: "exists" }, { status: 409 });
  await saveAccount({ email: String(email), name: String(name) });
  return NextResponse.json({ ok: true }, { status: 201 });
}`,
      errors: [{ messageId: "writeNotOwned", line: 6 }],
    },
    {
      name: "a controller class with no listing method: its read by the path's id is served to any caller",
      filename: file("customers/customer.controller.ts"),
      code: customerController(""),
      errors: [{ messageId: "readByAnyCaller", line: 6 }],
    },
    {
      name: "express: a delete in a function returned by another module's immediately invoked function",
      filename: file("routes/notes.ts"),
      code: `${EXPRESS}import notesDb from "../repositories/notes-iife";
app.delete("/notes/:id", async (req, res) => {
  await notesDb.remove(req.params.id);
  res.sendStatus(204);
});
let db: any = notesDb;
export const removeNote = function (req, res) {
  db.remove(req.params.id).then(() => res.sendStatus(204));
};`,
      errors: [{ messageId: "writeNotOwned", line: 5 }, { messageId: "writeNotOwned", line: 10 }],
    },
    {
      name: "lambda: the same read in a folder where no module lists the table",
      filename: file("profiles/get-user-games.ts"),
      code: USER_GAMES,
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    {
      name: "lambda: with crossModule off, the modules beside the file are not read",
      filename: file("games/get-user-games.ts"),
      code: USER_GAMES,
      settings: { "dynamodb-security": { crossModule: false } },
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    {
      name: "Next.js: the body read by an imported helper given the request (readBody(req) returns await req.json()) is the request's",
      filename: file("app/api/books/route.ts"),
      code: `${NEXT_ROUTE}import { readBody, defaultBook } from "../../../shared/read-body";
export async function DELETE(req: NextRequest) {
  const body = await readBody<{ id: string }>(req);
  if (body instanceof Response) return body;
  await doc.send(new DeleteCommand({ TableName: "Books", Key: { id: body.id } }));
  await doc.send(new DeleteCommand({ TableName: "Books", Key: { id: defaultBook(req).id } }));
  return NextResponse.json({ ok: true });
}`,
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "lambda: the body an imported helper parses from the event it is given (return JSON.parse(event.body || \"{}\")) is the request's",
      filename: file("lambda/delete-item.ts"),
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { parseBody } from "../shared/read-body";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const { pk, sk } = parseBody(event);
  await doc.send(new DeleteCommand({ TableName: process.env.TABLE_NAME, Key: { pk, sk } }));
  return { statusCode: 204 };
};`,
      errors: [{ messageId: "writeNotOwned", line: 7, data: { operation: "`DeleteCommand`", verb: "deletes", target: "an item of the table in TABLE_NAME", source: "`event.body.pk`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key", advice: ADVICE.anyWrite } }],
    },
    {
      name: "lambda: an imported helper that parses the event's body only when there is one (event.body ? JSON.parse(event.body) : {})",
      filename: file("lambda/delete-item.ts"),
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { getBody } from "../shared/read-body";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const data = getBody(event);
  await doc.send(new DeleteCommand({ TableName: process.env.TABLE_NAME, Key: { id: data.id } }));
  return { statusCode: 204 };
};`,
      errors: [{ messageId: "writeNotOwned", line: 7, data: { operation: "`DeleteCommand`", verb: "deletes", target: "an item of the table in TABLE_NAME", source: "`event.body.id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key", advice: ADVICE.anyWrite } }],
    },
    {
      name: "a service whose repository is a constructor default (repo = new RemindersRepository(), or a parameter property with one) is followed into it",
      filename: file("routes/reminders.ts"),
      code: `${EXPRESS}import { RemindersService, ArchiveService } from "../services/reminders";
const reminders = new RemindersService();
const archive = new ArchiveService();
app.delete("/reminders/:id", requireAuth, async (req, res) => res.json(await reminders.remove(req.params.id)));
app.delete("/archive/:id", requireAuth, async (req, res) => res.json(await archive.purge(req.params.id)));`,
      errors: [
        { messageId: "writeNotOwned", line: 6 },
        { messageId: "writeNotOwned", line: 7 },
      ],
    },
    {
      name: "a whole key passed to a function of another module without the caller (or spread from the request) is the request's choice",
      filename: file("lambda/rename-task.ts"),
      code: `import type { APIGatewayProxyEvent } from "aws-lambda";
import { renameTask } from "../services/functions";
export const handler = async (event: APIGatewayProxyEvent) => {
  const userId = event.requestContext.authorizer?.claims.sub;
  await renameTask({ taskId: event.pathParameters?.id ?? "" }, "renamed");
  await renameTask({ userId, ...JSON.parse(event.body ?? "{}") }, "renamed");
  return { statusCode: 204, body: "" };
};`,
      errors: [
        { messageId: "writeNotOwned", line: 5 },
        { messageId: "writeNotOwned", line: 6 },
      ],
    },
    {
      name: "Next.js: a signed-in caller from an imported helper, never compared with the item the route names",
      filename: file("app/api/users/[userId]/keys/route.ts"),
      code: `${NEXT_ROUTE}import { requireAuth } from "../../../../../session/auth";
export async function DELETE(_req: NextRequest, { params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  await requireAuth();
  await doc.send(new DeleteCommand({ TableName: "Users", Key: { userId } }));
  return NextResponse.json({ ok: true });
}`,
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "Next.js: an imported admin question without arguments whose answer is ignored checks nothing",
      filename: file("app/api/admin/accounts/route.ts"),
      code: `${NEXT_ROUTE}import { requireAdminFlag } from "../../../../session/auth";
export async function DELETE(request: NextRequest) {
  await requireAdminFlag();
  const { accountId } = await request.json();
  await doc.send(new DeleteCommand({ TableName: "Users", Key: { userId: accountId } }));
  return NextResponse.json({ ok: true });
}`,
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "a Put through a data-layer writer given the whole item (also spread, also through a service): the object the handler passes holds the key",
      filename: file("routes/documents.ts"),
      code: `${EXPRESS}import { saveDocument, saveStamped } from "../repositories/documents";
import { upsertDocument } from "../services/documents";
app.put("/documents/:id", async (req, res) => {
  res.json(await saveDocument({ id: req.params.id, title: req.body.title }));
});
app.put("/documents/:id/stamp", async (req, res) => {
  await saveStamped({ id: req.params.id, title: req.body.title });
  res.sendStatus(204);
});
app.put("/documents/:id/upsert", async (req, res) => {
  await upsertDocument({ title: req.body.title, id: req.params.id });
  res.sendStatus(204);
});
app.put("/documents", async (req, res) => {
  await saveDocument(req.body);
  res.sendStatus(204);
});`,
      errors: [
        { messageId: "writeNotOwned", line: 6 },
        { messageId: "writeNotOwned", line: 9 },
        { messageId: "writeNotOwned", line: 13 },
        { messageId: "writeNotOwned", line: 17 },
      ],
    },
    {
      name: "a generic wrapper in another module given the whole input: the input the handler passes is judged, once",
      ...cjs,
      code: `const express = require("express");
const router = express.Router();
const db = require("../legacy/wrapper");
router.delete("/notes/:id", async (req, res) => {
  await db.remove({ TableName: "Notes", Key: { noteId: req.params.id } });
  await db.remove({ TableName: "Notes", Key: { noteId: req.params.id, userId: req.user.id } });
  res.sendStatus(204);
});
router.post("/notes/:id/archive", async (req, res) => {
  await db.update({ TableName: "Notes", Key: { noteId: req.params.id }, UpdateExpression: "SET archived = :a", ExpressionAttributeValues: { ":a": true } });
  res.json({ archivedBy: req.user.id });
});`,
      errors: [
        { messageId: "writeNotOwned", line: 5 },
        {
          // The file imports a module that names DynamoDB, so db.update({ TableName, Key }) is taken for the operation itself: its input can take a condition.
          messageId: "writeNotOwned",
          line: 10,
          suggestions: [
            {
              messageId: "addOwnerCondition",
              output: `const express = require("express");
const router = express.Router();
const db = require("../legacy/wrapper");
router.delete("/notes/:id", async (req, res) => {
  await db.remove({ TableName: "Notes", Key: { noteId: req.params.id } });
  await db.remove({ TableName: "Notes", Key: { noteId: req.params.id, userId: req.user.id } });
  res.sendStatus(204);
});
router.post("/notes/:id/archive", async (req, res) => {
  await db.update({ TableName: "Notes", Key: { noteId: req.params.id }, UpdateExpression: "SET archived = :a", ExpressionAttributeValues: { ":a": true, ":caller": req.user.id }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" } });
  res.json({ archivedBy: req.user.id });
});`,
            },
          ],
        },
      ],
    },
    {
      name: "an item copied member by member into a local object (or a fresh DTO instance) that another module's function returns is served",
      filename: file("routes/profiles.js"),
      code: `import express from "express";
import { getProfile, getProfileDto, profileExists } from "../repositories/profiles";
const app = express();
app.get("/profiles/:id", async (req, res) => {
  res.json(await getProfile(req.params.id));
});
app.get("/profiles/:id/dto", async (req, res) => {
  res.json(await getProfileDto(req.params.id));
});
app.get("/profiles/:id/exists", async (req, res) => {
  res.json({ exists: await profileExists(req.params.id) });
});`,
      errors: [
        { messageId: "readByAnyCaller", line: 5 },
        { messageId: "readByAnyCaller", line: 8 },
      ],
    },
    {
      name: "modules required with a template literal (require(`../legacy/crud`)) are followed as with a string",
      ...cjs,
      code: `const express = require(\`express\`);
const router = express.Router();
const crud = require(\`../legacy/crud\`);
router.delete("/movies/:year", async (req, res) => {
  await crud.remove({ TableName: "Movies", Key: { year: Number(req.params.year) } });
  res.sendStatus(204);
});`,
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
    {
      name: "a client imported from a project module under a name that says nothing about DynamoDB (the file names no DynamoDB package)",
      ...cjs,
      code: `const express = require("express");
const router = express.Router();
const { docClient } = require("../legacy/connection");
router.get("/notes/:id", async (req, res) => {
  const { Item } = await docClient.get({ TableName: "Notes", Key: { noteId: req.params.id } }).promise();
  res.json(Item);
});
router.delete("/notes/:id", async (req, res) => {
  await docClient.delete({ TableName: "Notes", Key: { noteId: req.params.id } }).promise();
  res.sendStatus(204);
});`,
      errors: [
        { messageId: "readByAnyCaller", line: 5 },
        { messageId: "writeNotOwned", line: 9 },
      ],
    },
    {
      name: "the same client required through a tsconfig paths alias (require(\"@/legacy/connection\"))",
      ...cjs,
      code: `const express = require("express");
const router = express.Router();
const { docClient } = require("@/legacy/connection");
router.delete("/notes/:id", async (req, res) => {
  await docClient.delete({ TableName: "Notes", Key: { noteId: req.params.id } }).promise();
  res.sendStatus(204);
});`,
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
    {
      name: "a wrapper module whose client is imported from another project module (its own text names DynamoDB only in a variable)",
      ...cjs,
      code: `const express = require("express");
const router = express.Router();
const crud = require("../legacy/crud");
router.delete("/movies/:year", async (req, res) => {
  await crud.remove({ TableName: "Movies", Key: { year: Number(req.params.year) } });
  res.sendStatus(204);
});`,
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
    {
      name: "a wrapper call taken for the operation itself (in a file that names DynamoDB) is reported once",
      filename: file("routes/notes.ts"),
      code: `${EXPRESS}import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import * as db from "../legacy/wrapper";
app.patch("/notes/:id", async (req, res) => {
  await db.update({ TableName: "Notes", Key: { noteId: req.params.id }, UpdateExpression: "SET archived = :a", ExpressionAttributeValues: { ":a": true } });
  res.sendStatus(204);
});`,
      errors: [{ messageId: "writeNotOwned", line: 6 }],
    },
    {
      name: "an SDK v2 callback wrapped in a Promise in another module: the item it resolves with is served",
      ...cjs,
      code: `const express = require("express");
const router = express.Router();
const lessons = require("../legacy/lessons");
router.get("/lesson", async (req, res) => {
  if (!req.session.user) return res.redirect("/login");
  res.json(await lessons.getLesson(req.query.id));
});`,
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "an id validated by helpers of another module (zod's safeParse result, an { ok, value } result) is still the request's",
      filename: file("routes/notes.ts"),
      code: `${EXPRESS}import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { checkItemId, validateId } from "../shared/validation";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
app.delete("/notes/:id", async (req, res) => {
  const parsed = validateId(req.params.id);
  if (!parsed.success) return res.sendStatus(400);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { noteId: parsed.data } }));
  res.sendStatus(204);
});
app.delete("/drafts/:id", async (req, res) => {
  const checked = checkItemId(req.params.id);
  if (!checked.ok) return res.sendStatus(400);
  await doc.send(new DeleteCommand({ TableName: "Drafts", Key: { draftId: checked.value } }));
  res.sendStatus(204);
});`,
      errors: [
        { messageId: "writeNotOwned", line: 10, data: { operation: "`DeleteCommand`", verb: "deletes", target: 'an item of table "Notes"', source: "`req.params.id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key", advice: ADVICE.ownedWrite } },
        { messageId: "writeNotOwned", line: 16, data: { operation: "`DeleteCommand`", verb: "deletes", target: 'an item of table "Drafts"', source: "`req.params.id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key", advice: ADVICE.ownedWrite } },
      ],
    },
    {
      name: "the SDK's command class handed out by a project module with the client is a DynamoDB command",
      ...cjs,
      code: `const express = require("express");
const router = express.Router();
const { docClient, DeleteCommand } = require("../shared/dynamo-kit");
router.delete("/bookings/:id", async (req, res) => {
  await docClient.send(new DeleteCommand({ TableName: "Bookings", Key: { bookingId: req.params.id } }));
  res.sendStatus(204);
});`,
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
    {
      name: "NestJS: an injected abstract class is the one class of the project that extends it",
      filename: file("patients/records.controller.ts"),
      code: patientsController("IPatientsResource"),
      errors: [{ messageId: "writeNotOwned", line: 10 }],
    },
    {
      name: "NestJS: an interface injected by a string token is the one class of the project that implements it",
      filename: file("patients/records.controller.ts"),
      code: patientsController("IDoctorsRepository", { inject: '@Inject("DOCTORS") ' }),
      errors: [{ messageId: "writeNotOwned", line: 10 }],
    },
    {
      name: "NestJS: a use case of another module that reaches DynamoDB only through an injected interface",
      filename: file("patients/discharge.controller.ts"),
      code: patientsController("DischargeUseCase", { method: "execute", imports: 'import { DischargeUseCase } from "./discharge.use-case";' }),
      errors: [{ messageId: "writeNotOwned", line: 10 }],
    },
    {
      name: "NestJS: the same read of a note by id, in a controller that lists nothing",
      filename: file("boards/notes.controller.ts"),
      code: boardController(false),
      errors: [{ messageId: "readByAnyCaller", line: 10 }],
    },
    {
      name: "lambda: the same read in a module that is no function's entry module does not look in the folders beside its own",
      filename: file("functions/notes/get-by-id/read-note.ts"),
      code: NOTE_BY_ID,
      errors: [{ messageId: "readNotOwned", line: 5 }],
    },
    {
      name: "an SDK v2 promise in another module: the item its .then() callback returns is served",
      ...cjs,
      code: `const express = require("express");
const router = express.Router();
const lessons = require("../legacy/lessons");
router.get("/lesson/notes", async (req, res) => {
  if (!req.session.user) return res.redirect("/login");
  res.json(await lessons.getLessonNotes(req.query.id));
});`,
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "a normalised item compared with nothing from the caller proves nothing",
      filename: file("routes/notes.ts"),
      code: `${EXPRESS}import { deleteNote, getNoteById } from "../repositories/notes";
app.delete("/notes/:id", async (req, res) => {
  const note = await getNoteById(req.params.id);
  if (!note || note.userId !== req.query.userId) return res.sendStatus(404);
  await deleteNote(req.params.id);
  res.sendStatus(204);
});`,
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "what a package makes of the item together with the caller is not the item",
      filename: file("routes/notes.ts"),
      code: `${EXPRESS}import merge from "lodash.merge";
import { deleteNote, getNoteById } from "../repositories/notes";
app.delete("/notes/:id", async (req, res) => {
  const note = merge({}, await getNoteById(req.params.id), { userId: req.user.id });
  if (note.userId !== req.user.id) return res.sendStatus(404);
  await deleteNote(req.params.id);
  res.sendStatus(204);
});`,
      // The read and the delete by the same path id are one finding, at the delete.
      errors: [{ messageId: "writeNotOwned", line: 8 }],
    },
    {
      name: "an imported function that returns what the request names is not the caller",
      filename: file("pages/api/notes.js"),
      code: `import { DynamoDBClient, DeleteItemCommand } from "@aws-sdk/client-dynamodb";
import { lookupUser } from "../../shared/user-check";
const client = new DynamoDBClient({});
export default async function handler(req, res) {
  const check = lookupUser(req);
  await client.send(new DeleteItemCommand({ TableName: "notes", Key: { userId: { S: check.userId }, ts: { N: req.query.ts } } }));
  res.json({ ok: true });
}`,
      errors: [{ messageId: "writeNotOwned", line: 6 }],
    },
    {
      name: "an imported function that returns the caller or what the request names is not the caller",
      filename: file("pages/api/notes.js"),
      code: `import { DynamoDBClient, DeleteItemCommand } from "@aws-sdk/client-dynamodb";
import { userOrAsked } from "../../shared/user-check";
const client = new DynamoDBClient({});
export default async function handler(req, res) {
  const check = userOrAsked(req);
  await client.send(new DeleteItemCommand({ TableName: "notes", Key: { userId: { S: check.userId }, ts: { N: req.query.ts } } }));
  res.json({ ok: true });
}`,
      errors: [{ messageId: "writeNotOwned", line: 6 }],
    },
    {
      name: "NestJS: the service fetches the invoice through its own method and updates it without a check",
      filename: file("payments/payments.controller.ts"),
      code: paymentsController("refund"),
      errors: [
        {
          messageId: "writeNotOwned",
          line: 12,
          data: {
            operation: "`this.payments.refund()` (UpdateCommand in `PaymentsService.refund`, ./payments.service.ts line 28)",
            verb: "updates",
            target: 'an item of table "Invoices"',
            source: "`params.id`",
            missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key (the handler knows the caller, `user`, but nothing checks the item against it)", advice: ADVICE.ownedWrite,
          },
        },
      ],
    },
    {
      name: "strict: reportAllUnauthenticatedReads reports a catalogue read in another module",
      filename: file("routes/catalog.ts"),
      code: `${EXPRESS}import { getProduct } from "../catalog/products";
app.get("/catalog/:sku", async (req, res) => {
  res.json(await getProduct(req.params.sku));
});`,
      options: [{ reportAllUnauthenticatedReads: true }],
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    {
      name: "no authentication: a read through a shared data-access module is still reported when the handler serves per-user data (getUser)",
      filename: file("handlers/partners.ts"),
      code: `import db from "../shared/db";
export const getUser = async (event) => {
  const user = await db.getOne(event.pathParameters.email, "Users");
  return { statusCode: 200, body: JSON.stringify(user) };
};`,
      errors: [{ messageId: "readByAnyCaller", line: 3 }],
    },
    {
      name: "no authentication: the table a shared data-access module takes as a parameter is the handler's argument (ORDERS_TABLE, imported: `Orders${ENVIRONMENT}`): orders are per-user",
      filename: file("handlers/main.ts"),
      code: `import db from "../shared/db";
import { ORDERS_TABLE } from "../db";
export const handler = async (event) => {
  const found = await db.getOne(event.pathParameters.id, ORDERS_TABLE);
  return { statusCode: 200, body: JSON.stringify(found) };
};`,
      errors: [{ messageId: "readByAnyCaller", line: 4, data: { operation: "`db.getOne()` (GetCommand in `getOne`, ../shared/db.ts line 8)", target: "an item of table `Orders${ENVIRONMENT}`", source: "`event.pathParameters.id`", missing: "the key does not include the caller, and no comparison of the item's owner with the caller guards the response", verb: "updates" } }],
    },
    {
      name: "a write through a shared data-access module names the table the handler passes (`Users${ENVIRONMENT}`)",
      filename: file("handlers/main.ts"),
      code: `import db from "../shared/db";
export const handler = async (event) => {
  await db.removeOne(event.pathParameters.email, "Users");
  return { statusCode: 204, body: "" };
};`,
      errors: [{ messageId: "writeNotOwned", line: 3, data: { operation: "`db.removeOne()` (DeleteCommand in `removeOne`, ../shared/db.ts line 18)", verb: "deletes", target: "an item of table `Users${ENVIRONMENT}`", source: "`event.pathParameters.email`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key", advice: ADVICE.ownedWrite } }],
    },
    {
      name: "express: an exported singleton's method reads through its repository (service → repository → DynamoDB)",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { orderService } from "../services/orders";
app.get("/orders/:id", async (req, res) => {
  res.json(await orderService.getOrder(req.params.id));
});`,
      errors: [{ messageId: "readByAnyCaller", line: 5, column: 18, endColumn: 39 }],
    },
    {
      name: "express: a delete two modules away, in an authenticated handler",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { orderService } from "../services/orders";
app.delete("/orders/:id", async (req, res) => {
  console.log("cancel by", req.user.id);
  await orderService.cancel(req.params.id);
  res.status(204).end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 6 }],
    },
    {
      name: "a function re-exported by `export * from` in an index file, imported by a tsconfig paths alias",
      filename: file("routes/invoices.ts"),
      code: `${EXPRESS}import { getInvoice } from "@/services";
app.get("/invoices/:id", async (req, res) => {
  const invoice = await getInvoice(req.params.id);
  res.json({ invoice, viewer: req.user.id });
});`,
      errors: [{ messageId: "readNotOwned", line: 5 }],
    },
    {
      name: "a default-exported object's method, with a .js specifier naming the .ts source",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import orders from "../services/orders.js";
app.get("/orders/:id", async (req, res) => res.json(await orders.getOrder(req.params.id)));`,
      errors: [{ messageId: "readByAnyCaller", line: 4 }],
    },
    {
      ...cjs,
      name: "CommonJS: a destructured require of module.exports = { ... } (SDK v2)",
      code: `const express = require("express");
const notes = require("../legacy/notes.cjs");
const app = express();
app.get("/notes/:id", async (req, res) => {
  res.json(await notes.getNote(req.params.id));
});`,
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    {
      name: "a class imported and instantiated in the handler's module",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { OrderRepository } from "../repositories/orders";
const repository = new OrderRepository();
app.patch("/orders/:id", async (req, res) => {
  await repository.rename(req.params.id, req.body.name);
  res.json({ by: req.user.id });
});`,
      errors: [{ messageId: "writeNotOwned", line: 6 }],
    },
    {
      name: "a class imported and constructed where its method is called: new OrderRepository().rename(...)",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { OrderRepository } from "../repositories/orders";
app.patch("/orders/:id", async (req, res) => {
  await new OrderRepository().rename(req.params.id, req.body.name);
  res.json({ by: req.user.id });
});`,
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
    {
      name: "NestJS: constructor injection by a path alias, and a class field assigned in the constructor",
      filename: file("books/books.controller.ts"),
      code: `import { Controller, Delete, Get, Param } from "@nestjs/common";
import { BooksService } from "@books";
import { OrderRepository } from "../repositories/orders";

@Controller("books")
export class BooksController {
  private readonly orders: OrderRepository;
  constructor(private readonly booksService: BooksService) {
    this.orders = new OrderRepository();
  }

  @Get(":id")
  findOne(@Param("id") id: string) {
    return this.booksService.findOne(id);
  }

  @Delete("orders/:id")
  removeOrder(@Param("id") id: string) {
    return this.orders.remove(id);
  }
}`,
      errors: [
        { messageId: "readByAnyCaller", line: 14 },
        { messageId: "writeNotOwned", line: 19 },
      ],
    },
    {
      name: "NestJS: a service returns what a project function named getUser fetches by the id it is given (a lookup, not the caller)",
      filename: file("users/users.controller.ts"),
      code: `import { Controller, Get, Param } from "@nestjs/common";
import { UsersService } from "./users.service";

@Controller("users")
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get(":id")
  findOne(@Param("id") id: string) {
    return this.users.findOne(id);
  }

  @Get("plain/:id")
  findPlain(@Param("id") id: string) {
    return this.users.findPlain(id);
  }
}`,
      errors: [
        { messageId: "readByAnyCaller", line: 10 },
        { messageId: "readByAnyCaller", line: 15 },
      ],
    },
    {
      name: "Lambda: an API Gateway path parameter passed to a service",
      filename: file("lambda/cancel-order.ts"),
      code: `import { orderService } from "../services/orders";
export const handler = async (event) => {
  await orderService.cancel(event.pathParameters.id);
  return { statusCode: 204 };
};`,
      errors: [{ messageId: "writeNotOwned", line: 3 }],
    },
    {
      name: "Next.js route handler: the route's parameter passed to a service by alias",
      filename: file("app/api/orders/[id]/route.ts"),
      code: `import { orderService } from "@/services";
export async function GET(request: Request, { params }: { params: { id: string } }) {
  return Response.json(await orderService.getOrder(params.id));
}`,
      errors: [{ messageId: "readByAnyCaller", line: 3 }],
    },
    {
      name: "through a same-file helper of the handler",
      filename: file("routes/orders.ts"),
      code: `${EXPRESS}import { orderService } from "../services/orders";
function load(id: string) {
  return orderService.getOrder(id);
}
app.get("/orders/:id", async (req, res) => res.json(await load(req.params.id)));`,
      errors: [{ messageId: "readByAnyCaller", line: 7 }],
    },
  ],
});

describe("cross-module messages and type information", () => {
  function lint(code: string, filename: string, languageOptions: Linter.Config["languageOptions"] = {}): Linter.LintMessage[] {
    const linter = new Linter({ configType: "flat", cwd: PROJECT });
    return linter.verify(
      code,
      [{ files: ["**/*.ts"], languageOptions: { parser: tsParser as unknown as Linter.Parser, ...languageOptions }, plugins: { d: { rules: { r: rule } } as never }, rules: { "d/r": "error" } }],
      filename,
    );
  }

  it("names the file (relative to the linted file) and the function where the operation is", () => {
    const [message] = lint(
      `${EXPRESS}import { orderService } from "../services/orders";\napp.get("/orders/:id", async (req, res) => res.json(await orderService.getOrder(req.params.id)));`,
      file("routes/orders.ts"),
    );
    expect(message.message).toContain("`orderService.getOrder()` (GetCommand in `OrderRepository.findById`, ../repositories/orders.ts line 6)");
    expect(message.suggestions ?? []).toEqual([]);
  });

  it("finds the same whether or not the modules it reads were linted before in the same process", () => {
    const handler = `${EXPRESS}import { orderService } from "../services/orders";
app.get("/orders/:id", async (req, res) => res.json(await orderService.getOrder(req.params.id)));
app.delete("/orders/:id", async (req, res) => { await orderService.cancelOwned(req.params.id, req.user.id); res.end(); });`;
    clearProjectModules();
    const alone = lint(handler, file("routes/orders.ts"));
    clearProjectModules();
    for (const module of ["repositories/orders.ts", "services/orders.ts"]) lint(readFileSync(file(module), "utf8"), file(module));
    const afterModules = lint(handler, file("routes/orders.ts"));
    expect(alone.map((message) => [message.line, message.message])).toEqual(afterModules.map((message) => [message.line, message.message]));
    expect(alone).toHaveLength(1);
  });

  it("reads a module from disk when the text linted under its name differs (an editor's unsaved buffer)", () => {
    const handler = `${EXPRESS}import { orderService } from "../services/orders";
app.delete("/orders/:id", async (req, res) => { await orderService.cancelOwned(req.params.id, req.user.id); res.end(); });`;
    const repository = readFileSync(file("repositories/orders.ts"), "utf8");
    const unsaved = repository.replace(`        ConditionExpression: "ownerId = :owner",\n        ExpressionAttributeValues: { ":owner": ownerId },\n`, "");
    expect(unsaved).not.toBe(repository);
    clearProjectModules();
    lint(unsaved, file("repositories/orders.ts"));
    expect(lint(handler, file("routes/orders.ts"))).toEqual([]);
    // The same buffer saved would make the handler's delete unchecked: the buffer was linted, but not used.
    clearProjectModules();
    expect(lint(handler.replace("cancelOwned", "cancel").replace(", req.user.id)", ")"), file("routes/orders.ts"))).toHaveLength(1);
  });

  it("with a TypeScript program, the checker resolves callees the syntax cannot (a factory's return type)", () => {
    const filename = file("typed/handler.ts");
    const code = readFileSync(filename, "utf8");
    expect(lint(code, filename)).toEqual([]);
    const typed = lint(code, filename, { parserOptions: { project: "./tsconfig.json", tsconfigRootDir: PROJECT } });
    expect(typed.map((message) => [message.line, message.ruleId])).toEqual([[8, "d/r"]]);
    expect(typed[0].message).toContain("GetCommand in `OrderRepository.findById`, ../repositories/orders.ts");
  });
});

// A NestJS application whose main.ts installs a global ValidationPipe: with `whitelist: true` a DTO spread after a
// generated id keeps only the members the DTO declares; without it, any member the client sends.
const nestProjects = mkdtempSync(path.join(tmpdir(), "require-ownership-check-nest-"));
afterAll(() => rmSync(nestProjects, { recursive: true, force: true }));
const nestProject = (name: string, pipeOptions: string): string => {
  const root = path.join(nestProjects, name);
  mkdirSync(path.join(root, "src/areas"), { recursive: true });
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name, private: true }));
  writeFileSync(
    path.join(root, "src/main.ts"),
    `import { ValidationPipe } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { AppModule } from "./app.module";
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalPipes(new ValidationPipe(${pipeOptions}));
  await app.listen(3000);
}
bootstrap();
`,
  );
  return path.join(root, "src/areas/areas.controller.ts");
};
const AREAS_CONTROLLER = `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { randomUUID } from "node:crypto";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
@Controller("areas")
export class AreasController {
  @Post()
  async create(@Body() dto: CreateAreaDto) {
    await doc.send(new PutCommand({ TableName: "Areas", Item: { id: randomUUID(), ...dto } }));
  }
}`;

runRuleTests("require-ownership-check (NestJS global pipes)", rule, {
  valid: [
    {
      name: "a DTO spread after a generated id, with app.useGlobalPipes(new ValidationPipe({ whitelist: true })) in main.ts",
      filename: nestProject("whitelisted", "{ whitelist: true, forbidNonWhitelisted: true }"),
      code: AREAS_CONTROLLER,
    },
  ],
  invalid: [
    {
      name: "a DTO spread after a generated id, with a global ValidationPipe that keeps unknown members",
      filename: nestProject("transforming", "{ transform: true }"),
      code: AREAS_CONTROLLER,
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
  ],
});

/** Lints `code` as the file `filename` of a temporary project at `root`, parsed by typescript-eslint: [line, messageId] per finding. */
function lintInProject(root: string, code: string, filename: string): Array<[number, string]> {
  const linter = new Linter({ configType: "flat", cwd: root });
  return linter
    .verify(code, [{ files: ["**/*.{ts,js,mjs}"], languageOptions: { parser: tsParser as unknown as Linter.Parser }, plugins: { d: { rules: { r: rule } } as never }, rules: { "d/r": "error" } }], path.join(root, filename))
    .map((message) => [message.line, message.messageId ?? message.message]);
}

// A chain of ten functions in one module, the last deleting by its argument: a handler calling the fifth composes
// it, one calling the first is past the composition depth. The module's summaries outlive each linted file.
describe("cross-module summaries do not depend on what was linted before", () => {
  const root = mkdtempSync(path.join(tmpdir(), "require-ownership-check-depth-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, "src/routes"), { recursive: true });
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "depth", private: true }));
  const steps = Array.from({ length: 9 }, (_, index) => `export async function step${index + 1}(id: string) {\n  await step${index + 2}(id);\n}`);
  writeFileSync(
    path.join(root, "src/chain.ts"),
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, DeleteCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
${steps.join("\n")}
export async function step10(id: string) {
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id } }));
}
`,
  );
  const route = (step: number) => `${EXPRESS}import { step${step} } from "../chain";
app.delete("/notes/:id", async (req, res) => {
  await step${step}(req.params.id);
  res.end();
});`;
  const lint = (step: number): Array<[number, string]> => {
    return lintInProject(root, route(step), `src/routes/step${step}.ts`);
  };

  it("a handler's findings are the same whether a shallower handler of the same chain was linted first or not", () => {
    clearProjectModules();
    const deepAlone = lint(1);
    clearProjectModules();
    // step5 is summarised at depth 1 with the delete five calls below it; the deep handler reaches it at depth 5.
    const shallow = lint(5);
    const deepAfterShallow = lint(1);
    expect(shallow).toEqual([[5, "writeNotOwned"]]);
    expect(deepAfterShallow).toEqual(deepAlone);
    // Past the composition depth the delete is not seen: quiet, whichever file came first.
    expect(deepAlone).toEqual([]);
  });

  it("a summary computed deeper and cut short is computed again for a shallower handler", () => {
    clearProjectModules();
    lint(1);
    // step6 was summarised at depth 6, its call of step7 cut; called from a handler it is at depth 1.
    expect(lint(6)).toEqual([[5, "writeNotOwned"]]);
  });
});

// A sign-in in a module of its own: the profile read by e-mail, the credentials by the profile's id, the password
// verified against those before the profile is returned.
describe("cross-module: a check on an item keyed by the accessed item's own attribute", () => {
  const root = mkdtempSync(path.join(tmpdir(), "require-ownership-check-join-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "join", private: true }));
  mkdirSync(path.join(root, "domain"), { recursive: true });
  const loginModule = (credentialsKey: string) => `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import { argon2Verify } from "hash-wasm";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
async function findByEmail(email) {
  const result = await doc.send(new QueryCommand({ TableName: "T", IndexName: "GSI1", KeyConditionExpression: "GSI1PK = :pk", ExpressionAttributeValues: { ":pk": \`EMAIL#\${email}\` } }));
  return result.Items?.[0] || null;
}
async function credentialsOf(id) {
  const result = await doc.send(new GetCommand({ TableName: "T", Key: { PK: \`CANDIDATE#\${id}\`, SK: "AUTH" } }));
  return result.Item || null;
}
async function verifyPassword(hash, password) {
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}
export async function login(email, password, username) {
  const profile = await findByEmail(email);
  if (!profile) return { success: false };
  const auth = await credentialsOf(${credentialsKey});
  if (!auth) return { success: false };
  const valid = await verifyPassword(auth.passwordHash, password);
  if (!valid) return { success: false };
  return { success: true, profile: { id: profile.candidateId, name: profile.firstName } };
}
`;
  const HANDLER = `import { login } from "./domain/login.mjs";
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  const result = await login(body.email, body.password, body.username);
  if (!result.success) return { statusCode: 401 };
  return { statusCode: 200, body: JSON.stringify(result) };
};`;
  const lint = (credentialsKey: string): Array<[number, string]> => {
    writeFileSync(path.join(root, "domain/login.mjs"), loginModule(credentialsKey));
    clearProjectModules();
    return lintInProject(root, HANDLER, "index.mjs");
  };

  it("the password verified against credentials keyed by the profile's id ties the profile to the caller", () => {
    expect(lint("profile.candidateId")).toEqual([]);
  });

  it("credentials keyed by another request value say nothing of the profile read by e-mail", () => {
    expect(lint("username")).toEqual([[4, "readByAnyCaller"]]);
  });
});

// A wrapper of another module runs every Lambda handler (`export const main = handler(async (event, tenant) => ...)`):
// what it passes the handler, and whether it reads the caller or checks a role first, count as the handler's own.
describe("cross-module: a handler wrapper that passes the caller's tenant", () => {
  const root = mkdtempSync(path.join(tmpdir(), "require-ownership-check-wrapper-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "wrapped", private: true, type: "module" }));
  mkdirSync(path.join(root, "util"), { recursive: true });
  const wrapperModule = (prelude: string, passed: string, after: string) => `export default function handler(lambda) {
  return async function (event, context) {
    ${prelude}
    try {
      const body = await lambda(event, ${passed}, context);
      ${after}
      return { statusCode: 200, body: JSON.stringify(body) };
    } catch (e) {
      return { statusCode: 500, body: JSON.stringify({ error: e.message }) };
    }
  };
}
`;
  const HANDLERS = `import handler from "./util/handler.js";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, DeleteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const remove = handler(async (event, tenant) => {
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { tenantId: tenant, noteId: event.pathParameters.id } }));
  return { status: true };
});
export const get = handler(async (event) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { noteId: event.pathParameters.id } }));
  return Item;
});`;
  const CLAIMS = "const claims = event.requestContext.authorizer.jwt.claims;";
  const ADMIN_ONLY = 'if (!(claims["cognito:groups"] || []).includes("admin")) return { statusCode: 403 };';
  const lint = (prelude: string, passed: string, after = ""): Array<[number, string]> => {
    writeFileSync(path.join(root, "util/handler.js"), wrapperModule(prelude, passed, after));
    clearProjectModules();
    return lintInProject(root, HANDLERS, "notes.js");
  };

  it("the tenant from the verified claims scopes the key; the wrapper's reading of the caller authenticates the other handler", () => {
    expect(lint(CLAIMS, 'claims["custom:tenant"]')).toEqual([[10, "readNotOwned"]]);
  });

  it("a tenant from a request header scopes nothing, and a wrapper that reads no caller authenticates nothing", () => {
    expect(lint("", 'event.headers["x-tenant"]')).toEqual([
      [6, "writeNotOwned"],
      [10, "readByAnyCaller"],
    ]);
  });

  it("a role check in the wrapper before it runs the handler gates both handlers", () => {
    expect(lint(`${CLAIMS}\n    ${ADMIN_ONLY}`, 'event.headers["x-tenant"]')).toEqual([]);
  });

  it("a role check after the handler has run, or inside a callback it returns from, gates nothing", () => {
    const expected = [
      [6, "writeNotOwned"],
      [10, "readNotOwned"],
    ];
    expect(lint(CLAIMS, 'event.headers["x-tenant"]', ADMIN_ONLY)).toEqual(expected);
    expect(lint(`${CLAIMS}\n    [claims].forEach(() => { ${ADMIN_ONLY} });`, 'event.headers["x-tenant"]')).toEqual(expected);
  });
});

// The Serverless Stack tutorial's library: `dynamoDbLib.call("update", params)` runs the method it names in another module.
describe("cross-module: a library function that runs the DynamoDB method it is given by name", () => {
  const root = mkdtempSync(path.join(tmpdir(), "require-ownership-check-dispatch-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "dispatch", private: true, type: "module" }));
  mkdirSync(path.join(root, "libs"), { recursive: true });
  writeFileSync(
    path.join(root, "libs/dynamodb-lib.js"),
    `import AWS from "aws-sdk";
export function call(action, params) {
  const dynamoDb = new AWS.DynamoDB.DocumentClient();
  return dynamoDb[action](params).promise();
}
`,
  );
  const lint = (key: string): Array<[number, string]> => {
    clearProjectModules();
    const code = `import * as dynamoDbLib from "./libs/dynamodb-lib.js";
export async function main(event) {
  const params = { TableName: process.env.tableName, Key: ${key}, UpdateExpression: "SET #s = :s", ExpressionAttributeNames: { "#s": "state" }, ExpressionAttributeValues: { ":s": "DECLINED" } };
  const { Attributes } = await dynamoDbLib.call("update", params);
  return { statusCode: 200, body: JSON.stringify(Attributes) };
}`;
    return lintInProject(root, code, "decline.js");
  };

  it("an update by the path's id through the library is judged as the update it runs", () => {
    expect(lint("{ bookingId: event.pathParameters.id }")).toEqual([[4, "writeNotOwned"]]);
  });

  it("the caller in the key scopes it", () => {
    expect(lint("{ userId: event.requestContext.identity.cognitoIdentityId, bookingId: event.pathParameters.id }")).toEqual([]);
  });
});

/** A Lambda handler of the Serverless service in fixtures/cross-module/src/sls, exported as `name`. */
const serviceHandler = (name: string, body: string) => `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const ${name} = async (event) => {
${body}
};`;
const DELETE_NOTE = `  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: event.pathParameters.id } }));
  return { statusCode: 204 };`;
const GET_NOTE = `  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: event.pathParameters.id } }));
  return { statusCode: 200, body: JSON.stringify(Item) };`;

/** A Lambda handler of the shop in fixtures/cross-module/src/sls-policy that deletes from `table` by the path parameter `parameter`. */
const shopHandler = (table: string, parameter: string) =>
  serviceHandler("handler", `  await doc.send(new DeleteCommand({ TableName: "${table}", Key: { id: event.pathParameters.${parameter} } }));
  return { statusCode: 204 };`);

runRuleTests("require-ownership-check (serverless.yml and SAM templates)", rule, {
  valid: [
    {
      name: "a Lambda authorizer of the service lets each caller use DELETE cart/{username} only with its own id: the cart is the caller's",
      filename: file("sls-policy/src/cart/delete.ts"),
      code: shopHandler("Carts", "username"),
    },
    {
      name: "the authorizer's `/user/${sub}/*` pins the user in every route below it",
      filename: file("sls-policy/src/user/delete.ts"),
      code: shopHandler("Users", "username"),
    },
    {
      name: "no allowance of an ordinary caller matches DELETE product/{id}: only the admin group's allowAllMethods() reaches it",
      filename: file("sls-policy/src/product/delete.ts"),
      code: shopHandler("Products", "id"),
    },
    {
      name: "PUT cart/{username}: ordinary callers may only DELETE their cart, so the update is the admin group's",
      filename: file("sls-policy/src/cart/update.ts"),
      code: shopHandler("Carts", "username"),
    },
    {
      name: "serverless.yml lets only an admin authorizer through to this export",
      filename: file("sls/handlers/notes.ts"),
      code: serviceHandler("remove", DELETE_NOTE),
    },
    {
      name: "serverless.yml is read also without cross-module analysis: it is the service's configuration, not another module",
      filename: file("sls/handlers/notes.ts"),
      code: serviceHandler("remove", DELETE_NOTE),
      settings: { "dynamodb-security": { crossModule: false } },
    },
    {
      name: "a Cognito authorizer in serverless.yml and a handler that reads no caller: a read of items nothing marks as a user's is judged as an unauthenticated one",
      filename: file("sls/handlers/products.ts"),
      code: serviceHandler("get", GET_NOTE.replace('"Notes"', '"Catalog"')),
    },
    {
      name: "an AWS SAM template: the event's own admin authorizer",
      filename: file("sam/admin/src/purge.ts"),
      code: serviceHandler("handler", DELETE_NOTE),
    },
    {
      name: "functions included with ${file(...):functions}: an admin authorizer",
      filename: file("sls-include/src/reports.ts"),
      code: serviceHandler("remove", DELETE_NOTE),
    },
  ],
  invalid: [
    {
      name: "the authorizer lets every caller DELETE review/* with any id: any signed-in user deletes any review",
      filename: file("sls-policy/src/review/delete.ts"),
      code: shopHandler("Reviews", "id"),
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
    {
      name: "the key is not the path parameter the authorizer pins: the body's id chooses the cart",
      filename: file("sls-policy/src/cart/delete.ts"),
      code: serviceHandler("handler", `  await doc.send(new DeleteCommand({ TableName: "Carts", Key: { id: JSON.parse(event.body).cartId } }));
  return { statusCode: 204 };`),
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
    {
      name: "a Cognito authorizer in serverless.yml: any signed-in user reads any note by the path's id",
      filename: file("sls/handlers/notes.ts"),
      code: serviceHandler("get", GET_NOTE),
      errors: [{ messageId: "readNotOwned", line: 5 }],
    },
    {
      name: "with reportAllUnauthenticatedReads, that read of the catalogue is reported, to any signed-in user",
      filename: file("sls/handlers/products.ts"),
      code: serviceHandler("get", GET_NOTE.replace('"Notes"', '"Catalog"')),
      options: [{ reportAllUnauthenticatedReads: true }],
      errors: [{ messageId: "readNotOwned", line: 5 }],
    },
    {
      name: "a handler that reads the caller behind a Cognito authorizer: its read of the catalogue by the path's id is reported",
      filename: file("sls/handlers/products.ts"),
      code: serviceHandler("get", `  const caller = event.requestContext.authorizer.claims.sub;
  console.log("read by", caller);
${GET_NOTE.replace('"Notes"', '"Catalog"')}`),
      errors: [{ messageId: "readNotOwned", line: 7 }],
    },
    {
      name: "the same read on a route without an authorizer (`http: POST notes/{id}/archive`) is served to any caller",
      filename: file("sls/handlers/notes.ts"),
      code: serviceHandler("archive", GET_NOTE),
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    {
      name: "an AWS SAM template: the API's default Cognito authorizer guards the event, and any signed-in user reads any note",
      filename: file("sam/functions/notes.ts"),
      code: serviceHandler("get", GET_NOTE),
      errors: [{ messageId: "readNotOwned", line: 5 }],
    },
    {
      name: "an AWS SAM template: `Auth: { Authorizer: NONE }` opens the event to any caller",
      filename: file("sam/functions/notes.ts"),
      code: serviceHandler("shared", GET_NOTE),
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    {
      name: "another export of the module behind an admin authorizer does not guard this one",
      filename: file("sls/handlers/notes.ts"),
      code: serviceHandler("archive", DELETE_NOTE),
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
    {
      name: "an admin authorizer on one of the function's routes and none on the other: anyone reaches the handler",
      filename: file("sls/handlers/purge.ts"),
      code: serviceHandler("handler", DELETE_NOTE),
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
  ],
});

// An SST monorepo: a Hono route of packages/functions calls the members of a TypeScript namespace that the
// workspace package @notes/core exports from src/note/index.ts (its package.json maps `./*` to `./src/*/index.ts`).
describe("cross-module: members of an exported TypeScript namespace of a workspace package", () => {
  const root = mkdtempSync(path.join(tmpdir(), "require-ownership-check-namespace-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "notes", private: true, workspaces: ["packages/*"] }));
  mkdirSync(path.join(root, "packages/core/src/note"), { recursive: true });
  mkdirSync(path.join(root, "packages/functions/src"), { recursive: true });
  writeFileSync(path.join(root, "packages/core/package.json"), JSON.stringify({ name: "@notes/core", type: "module", exports: { "./*": ["./src/*/index.ts"] } }));
  writeFileSync(
    path.join(root, "packages/core/src/note/index.ts"),
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, DeleteCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export namespace Note {
  export async function remove(id: string) {
    await doc.send(new DeleteCommand({ TableName: "Notes", Key: { noteId: id } }));
  }
  export const removeOwn = async (userId: string, id: string) => {
    await doc.send(new DeleteCommand({ TableName: "Notes", Key: { userId, noteId: id } }));
  };
}
`,
  );
  const route = (call: string) => `import { Hono } from "hono";
import { Note } from "@notes/core/note";
const app = new Hono();
app.delete("/notes/:id", async (c) => {
  await ${call};
  return c.body(null, 204);
});`;

  it("follows Note.remove(id) into the namespace's function: the delete by the path's id is reported", () => {
    clearProjectModules();
    expect(lintInProject(root, route(`Note.remove(c.req.param("id"))`), "packages/functions/src/notes.ts")).toEqual([[5, "writeNotOwned"]]);
  });

  it("follows a namespace constant holding a function: keyed by the caller it is quiet, by a user the path names it is reported", () => {
    clearProjectModules();
    expect(lintInProject(root, route(`Note.removeOwn(c.get("jwtPayload").sub, c.req.param("id"))`), "packages/functions/src/notes.ts")).toEqual([]);
    expect(lintInProject(root, route(`Note.removeOwn(c.req.param("user"), c.req.param("id"))`), "packages/functions/src/notes.ts")).toEqual([[5, "writeNotOwned"]]);
  });
});
