import { describe, expect, it } from "vitest";
import rule, { routeMatches } from "../../rules/require-ownership-check";
import { runRuleTests } from "../rule-tester";
import { ADVICE } from "../helpers/ownership-advice";

/** SDK v3 document client, command style. */
const V3 = `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand, DeleteCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

/** SDK v2 DocumentClient, CommonJS. */
const V2 = `const AWS = require("aws-sdk");
const dynamo = new AWS.DynamoDB.DocumentClient();
`;

/** A NestJS controller that fetches an order through its own method (this.getById()), then updates it after `check`. */
const ordersController = (check: string) => `${V3}
@Controller("orders")
@UseGuards(AuthGuard("jwt"))
export class OrdersController {
  async getById(orderId: string) {
    const response = await doc.send(new GetCommand({ TableName: "Orders", Key: { orderId } }));
    if (!response.Item) throw new NotFoundException();
    return response.Item;
  }

  @Post(":orderId/pay")
  async pay(@CurrentUser() user: User, @Param("orderId") orderId: string) {
    const order = await this.getById(orderId);${check}
    await doc.send(new UpdateCommand({ TableName: "Orders", Key: { orderId }, UpdateExpression: "SET paid = :t", ExpressionAttributeValues: { ":t": true } }));
    return order;
  }
}`;

const ADMIN_LAMBDA = (extract: string) => `${V3}import { ${extract.split("(")[0]} } from "/opt/nodejs/lib/auth.mjs";
export const handler = async (event) => {
  let callerId;
  try {
    callerId = ${extract};
  } catch {
    return { statusCode: 401, body: "" };
  }
  await doc.send(new UpdateCommand({ TableName: "Candidates", Key: { id: event.pathParameters.id }, UpdateExpression: "SET approvedBy = :a", ExpressionAttributeValues: { ":a": callerId } }));
  return { statusCode: 200, body: "" };
};`;

/** A sign-up handler that runs two user queries at once through Promise.all; `after` uses their results. */
const signUpQueries = (after: string) => `${V2}
exports.handler = async (event) => {
  const { email, username } = JSON.parse(event.body || "{}");
  const [emailMatch, usernameMatch] = await Promise.all([
    dynamo.query({ TableName: "Users", IndexName: "EmailIndex", KeyConditionExpression: "email = :e", ExpressionAttributeValues: { ":e": email } }).promise(),
    dynamo.query({ TableName: "Users", IndexName: "UsernameIndex", KeyConditionExpression: "username = :u", ExpressionAttributeValues: { ":u": username } }).promise(),
  ]);
  ${after}
};`;

/** Deletes a game keyed under a user after checking the profile stored under \`profileKey\` against the caller. */
const gameUnderProfile = (profileKey: string) => `${V3}
export const handler = async (event) => {
  const claims = event.requestContext.authorizer.jwt.claims;
  const { userId } = event.pathParameters;
  const gameId = event.queryStringParameters.gameId;
  const profile = await doc.send(new GetCommand({ TableName: "Users", Key: { userId: ${profileKey} } }));
  if (!profile.Item || profile.Item.email !== claims.email) return { statusCode: 403, body: "" };
  await doc.send(new DeleteCommand({ TableName: "Games", Key: { userId, gameId } }));
  return { statusCode: 204, body: "" };
};`;

/** A Lambda handler that puts the body as a new item under a generated id (\`item\` is the Item literal). */
const createFromBody = (item: string) => `${V3}import { randomUUID } from "node:crypto";
import { z } from "zod";
const ItemInput = z.object({ title: z.string() });
export const handler = async (event) => {
  const body = JSON.parse(event.body || "{}");
  await doc.send(new PutCommand({ TableName: "Items", Item: ${item} }));
  return { statusCode: 201, body: "" };
};`;

/** A Lambda handler that validates the body with zod's safeParse, sets \`result.data.id = <id>\` and puts \`result.data\`. */
const safeParsedBook = (id: string) => `import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { randomUUID } from "node:crypto";
import { z } from "zod";
const Book = z.object({ title: z.string(), author: z.string() });
const client = new DynamoDBClient({});
export async function handler(event) {
  const book = JSON.parse(event.body);
  const result = Book.safeParse({ title: book.title, author: book.author });
  if (!result.success) return { statusCode: 400, body: "" };
  result.data.id = ${id};
  await client.send(new PutItemCommand({ TableName: process.env.TABLE_NAME, Item: marshall(result.data) }));
  return { statusCode: 201, body: "" };
}`;

/** A Lambda handler that puts each element of \`list\` (the body's questions) as a new item under a generated id. */
const createEachFromBody = (list: string) => `${V3}import { randomUUID } from "node:crypto";
import { z } from "zod";
const Question = z.object({ text: z.string(), subject: z.enum(["maths", "english"]) });
const Upload = z.object({ questions: z.array(Question) });
export const handler = async (event) => {
  const body = JSON.parse(event.body || "{}");
  const { questions } = ${list};
  for (const q of questions) {
    await doc.send(new PutCommand({ TableName: "Questions", Item: { id: randomUUID(), ...q } }));
  }
  return { statusCode: 201, body: "" };
};`;

/** Writers that generate the id (\`addCandidate\` lets the caller's fields follow it), called with \`argument\`. */
const candidateWriters = (argument: string) => `${V3}import { randomUUID } from "node:crypto";
async function addCandidate(candidate) {
  const item = { id: randomUUID(), source: "Manual", ...candidate };
  await doc.send(new PutCommand({ TableName: "Candidates", Item: item }));
  return item;
}
async function upsertMember({ id, name, email }) {
  await doc.send(new PutCommand({ TableName: "Panel", Item: { id: id ?? randomUUID(), name, email } }));
}
app.post("/jobs/:jobId/apply", authenticate, async (req, res) => {
  const candidate = await addCandidate(${argument});
  res.status(201).json({ id: candidate.id });
});
app.put("/panel", authenticate, async (req, res) => {
  await upsertMember(${argument});
  res.status(204).end();
});`;

/** The finding of an overwrite through \`writer\` (its Put at \`putLine\`) of \`table\` by \`req.body.id\`. */
const overwrittenByBodyId = (line: number, writer: string, putLine: number, table: string, advice: string) => ({
  messageId: "writeNotOwned" as const,
  line,
  data: {
    operation: `\`${writer}()\` (PutCommand at line ${putLine})`,
    verb: "overwrites",
    target: `an item of table "${table}"`,
    source: "`req.body.id`",
    missing: "no ConditionExpression requires the item to be new (attribute_not_exists) or to belong to the caller",
    advice,
  },
});

/** A signed-in student's look at a class's attendance sheet, answering with \`answer\` (of \`list\`, the sheet's entries). */
const attendanceSheet = (answer: string) => `${V3}
app.get("/attendance/:classCode", authenticateToken, async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Attendance", Key: { classCode: req.params.classCode, date: req.query.date } }));
  const list = Item?.entries ?? [];
  res.json(${answer});
});`;

/** A sign-up Lambda that reads the account by \`readKey\`, refuses (\`refusal\`) depending on what it found, then creates it. */
const signUp = (readKey: string, refusal: string) => `${V3}
export const handler = async (event) => {
  const { email, invitedBy, password } = JSON.parse(event.body);
  const existing = await doc.send(new GetCommand({ TableName: "Accounts", Key: { email: ${readKey} } }));
  ${refusal}
  await doc.send(new PutCommand({ TableName: "Accounts", Item: { email, passwordHash: await hash(password) } }));
  return { statusCode: 201, body: "{}" };
};`;

/** A Lambda that finds a job posting by the request's jobId (\`query\`: extra QueryCommand input), then, after \`check\`, deletes it by the item's own key. */
const deleteFoundPost = (query: string, check: string) => `${V3}
export const handler = async (event) => {
  const callerId = event.requestContext.authorizer.claims.sub;
  const { Items } = await doc.send(new QueryCommand({ TableName: "JobPosts", IndexName: "byJob", KeyConditionExpression: "jobId = :j", ExpressionAttributeValues: { ":j": event.pathParameters.jobId, ":c": callerId }${query} }));
  for (const post of Items) {
    ${check}
    await doc.send(new DeleteCommand({ TableName: "JobPosts", Key: { jobId: post.jobId, companyId: post.companyId } }));
  }
  return { statusCode: 204 };
};`;

/** A Lambda that looks an order up by the body's id through await-to-js's `to()`; `use` ends the handler. */
const orderLookup = (use: string) => `${V3}import to from "await-to-js";
async function findOrder(orderId) {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Orders", KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": \`ORDER#\${orderId}\` } }));
  if (!Items.length) throw new Error("no such order");
  return Items;
}
export const handler = async (event) => {
  const { orderId } = JSON.parse(event.body);
  ${use}
};`;

/** A signed-in caller's chat found by the path's match id, then a membership of it read for \`member\`; \`after\` ends the handler. */
const chatByMatch = (member: string, after: string) => `${V3}app.get("/matches/:matchId/chat", requireAuth, async (req, res) => {
  const me = req.user.sub;
  const chatResp = await doc.send(new QueryCommand({ TableName: "Chats", IndexName: "MatchIdIndex", KeyConditionExpression: "match_id = :m", ExpressionAttributeValues: { ":m": req.params.matchId }, Limit: 1 }));
  const chat = chatResp.Items && chatResp.Items[0];
  if (!chat) return res.status(404).end();
  const membership = await doc.send(new GetCommand({ TableName: "ChatParticipants", Key: { chat_id: chat.chat_id, user_id: ${member} } }));
  ${after}
});`;

/** A signed-in caller's update of any post the path names: \`update\` is the UpdateExpression, \`values\` its ExpressionAttributeValues. */
const postUpdate = (update: string, values: string) => `${V3}
app.post("/posts/:id/react", requireAuth, async (req, res) => {
  const me = req.user.sub;
  await doc.send(new UpdateCommand({ TableName: "Posts", Key: { id: req.params.id }, UpdateExpression: "${update}", ExpressionAttributeValues: ${values} }));
  res.sendStatus(204);
});`;

/** A Next.js route that updates the account the body names, under \`condition\` on the attribute \`attribute\` (\`:given\` is body.password). */
const accountUpdate = (condition: string, attribute: string) => `${V3}
export async function POST(request: Request) {
  const { id, password, name } = await request.json();
  await doc.send(new UpdateCommand({ TableName: "Accounts", Key: { id }, UpdateExpression: "SET #n = :name", ConditionExpression: "${condition}", ExpressionAttributeNames: { "#n": "name", "#a": "${attribute}" }, ExpressionAttributeValues: { ":name": name, ":given": password } }));
  return Response.json({ ok: true });
}`;

/** A seat hold released by the path's seat id, under a ConditionExpression on the hold's `attribute` with the body's session id. */
const seatRelease = (attribute: string) => `${V3}
export async function DELETE(request: Request, { params }: { params: { seatId: string } }) {
  const { sessionId } = await request.json();
  await doc.send(new DeleteCommand({ TableName: "SeatHolds", Key: { seat_id: params.seatId }, ConditionExpression: "${attribute} = :session", ExpressionAttributeValues: { ":session": sessionId } }));
  return Response.json({ ok: true });
}`;

/** A signed-in caller's Put of the transfer the path names, keyed through a key builder of the file; the caller is only its \`changedBy\`. */
const transferPut = `${V3}
const key = (id) => ({ pk: \`TRANSFER#\${id}\`, sk: "META" });
app.put("/transfers/:id", requireAuth, async (req, res) => {
  await doc.send(new PutCommand({ TableName: process.env.TRANSFERS_TABLE, Item: { ...key(req.params.id), status: req.body.status, changedBy: req.user.id } }));
  res.sendStatus(204);
});`;

/** A helper that appends \`userId\` to a job's applicants, called by a signed-in route with \`who\`. */
const applyThroughHelper = (who: string) => `${V3}
async function addApplicant(jobId, userId) {
  await doc.send(new UpdateCommand({ TableName: "Jobs", Key: { jobId }, UpdateExpression: "SET applicants = list_append(applicants, :who)", ExpressionAttributeValues: { ":who": [userId] } }));
}
app.post("/jobs/:jobId/apply", requireAuth, async (req, res) => {
  await addApplicant(req.params.jobId, ${who});
  res.sendStatus(201);
});`;

/** A device deleted after its account (read by \`accountKey\`) passes \`check\`. */
const deviceDelete = (accountKey: string, check: string) => `${V3}
export const handler = async (event) => {
  const { deviceId, accountId, key } = JSON.parse(event.body);
  const device = await doc.send(new GetCommand({ TableName: "Devices", Key: { deviceId } }));
  if (!device.Item) return { statusCode: 404 };
  const account = await doc.send(new GetCommand({ TableName: "Accounts", Key: { accountId: ${accountKey} } }));
  if (!account.Item || ${check}) return { statusCode: 401 };
  await doc.send(new DeleteCommand({ TableName: "Devices", Key: { deviceId } }));
  return { statusCode: 204 };
};`;

/** A signed-in caller's invitation: the invitee's record read by the body's id, then \`use\`. */
const invite = (use: string) => `${V3}
app.post("/invitations", requireAuth, async (req, res) => {
  const invitee = (await doc.send(new GetCommand({ TableName: "Users", Key: { id: req.body.userId } }))).Item;
  if (!invitee) return res.sendStatus(404);
  ${use}
});`;

/** A Lambda handler that puts a question through a writer of the file given the table (\`table\`) and the item, its id \`id\`. */
const questionThroughWriter = (id: string, table = '"Questions"') => `${V3}import { randomUUID } from "node:crypto";
import { TABLES } from "./tables";
async function putItem(table, item) {
  await doc.send(new PutCommand({ TableName: table, Item: item }));
}
export const handler = async (event) => {
  const body = JSON.parse(event.body || "{}");
  await putItem(${table}, { pk: \`\${body.subject}#\${body.level}\`, questionId: ${id}, text: body.text });
  return { statusCode: 201, body: "" };
};`;

/** A Next.js API route that queries a table's partition \`pk\` by the query's id and serves the first item as \`map\` shapes it. */
const partitionServed = (table: string, pk: string, map: string) => `${V3}
export default async function handler(req, res) {
  const { Items } = await doc.send(new QueryCommand({ TableName: "${table}", KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": ${pk} } }));
  res.status(200).json(Items.filter((x) => x.type === "USER").map(${map})[0]);
}`;

/** A signed-in route that reads the profile keyed \`profileKey\`, requires its \`chatId\` to be the body's, then serves that chat's messages. */
const chatOfProfile = (profileKey: string) => `${V3}
app.post("/chat/history", requireAuth, async (req, res) => {
  const { chatId } = req.body;
  const profile = await doc.send(new GetCommand({ TableName: "UserMetadata", Key: { PK: ${profileKey} } }));
  if (!profile.Item) return res.sendStatus(404);
  if (profile.Item.chatId !== chatId) return res.sendStatus(403);
  const { Items } = await doc.send(new QueryCommand({ TableName: "Messages", KeyConditionExpression: "chatId = :c", ExpressionAttributeValues: { ":c": chatId } }));
  res.json(Items);
});`;

/** An Express route, behind \`middleware\`, listing the likes of a post of a room the path names. */
const roomPostLikes = (middleware: string) => `${V3}
router.get("/rooms/:roomId/posts/:postId/likes", ${middleware}, async (req, res) => {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Likes", KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": \`POST#\${req.params.roomId}#\${req.params.postId}\` } }));
  res.json(Items);
});`;

/** A Hono route that checks the path's \`userId\` against the JWT subject, then deletes the note keyed \`{ userId: owner, noteId }\`. */
const honoUserNote = (owner: string) => `${V3}
app.delete("/users/:userId/notes/:noteId", async (c) => {
  if (c.req.param("userId") !== c.get("jwtPayload").sub) return c.body(null, 403);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { userId: ${owner}, noteId: c.req.param("noteId") } }));
  return c.body(null, 204);
});`;

/** A Next.js route reading a child's learning progress keyed \`key\` (from the query's \`childId\` and \`subject\`) after \`check\`. */
const childSession = (check: string, key: string) => `${V3}
function sessionKey(userId, childId, subject) {
  return mode === "composite" ? { pk: \`LEARN#\${userId}#\${childId}\`, sk: subject } : { sessionId: \`LEARN#\${userId}#\${childId}#\${subject}\` };
}
export async function GET(request) {
  const me = await requireAuth();
  const { searchParams } = new URL(request.url);
  const childId = searchParams.get("childId");
  const subject = searchParams.get("subject");
  ${check}
  const { Item } = await doc.send(new GetCommand({ TableName: "Progress", Key: ${key} }));
  return Response.json(Item);
}`;

/** A sign-in route that finds the user by the body's e-mail and updates that user's item with \`set\` (expression, values). */
const otpSignIn = (set: string, values: string) => `${V3}
const generateOtp = () => Math.floor(100000 + Math.random() * 900000).toString();
app.post("/login", async (req, res) => {
  const { email } = req.body;
  const { Items } = await doc.send(new QueryCommand({ TableName: "Users", IndexName: "email-index", KeyConditionExpression: "email = :e", ExpressionAttributeValues: { ":e": email } }));
  if (!Items?.length) return res.sendStatus(404);
  const otp = generateOtp();
  const otpExpiry = Date.now() + 5 * 60 * 1000;
  await doc.send(new UpdateCommand({ TableName: "Users", Key: { userId: Items[0].userId }, UpdateExpression: "${set}", ExpressionAttributeValues: ${values} }));
  await sendMail(email, otp);
  res.sendStatus(204);
});`;

/** An Express route querying the votes of the team and mockup the query names, then \`use\` of them. */
const teamVotes = (use: string) => `${V3}
app.get("/votes", requireAuth, async (req, res) => {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Votes", KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": \`\${req.query.teamId}#\${req.query.mockupId}\` } }));
  ${use}
});`;

/** A WebSocket route reading the connection of the user the body names, then `use` of it. */
const notifyConnection = (use: string) => `${V3}
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";
const api = new ApiGatewayManagementApiClient({ endpoint: process.env.WS_ENDPOINT });
export const handler = async (event) => {
  const { userId, text } = JSON.parse(event.body);
  const { Item: connection } = await doc.send(new GetCommand({ TableName: "Connections", Key: { userId } }));
  ${use}
  return { statusCode: 200 };
};`;

/** The postUpdate() finding, with its suggestion: the caller bound to the owner attribute in a ConditionExpression. */
const postUpdateFinding = (update: string, values: string) => ({
  messageId: "writeNotOwned" as const,
  line: 7,
  suggestions: [
    {
      messageId: "addOwnerCondition" as const,
      output: postUpdate(update, `${values.slice(0, -2)}, ":caller": req.user.sub }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }`),
    },
  ],
});

/** An invalid case of postUpdate(): the update, reported with its suggestion. */
const reportedPostUpdate = (update: string, values: string, name?: string) => ({
  ...(name === undefined ? {} : { name }),
  code: postUpdate(update, values),
  errors: [postUpdateFinding(update, values)],
});

/** A Lambda that writes the whole body after \`fill\` set what it lacks. */
const bodyWithFilledIn = (fill: string) => `${V3}import { randomUUID } from "node:crypto";
export const handler = async (event) => {
  const body = JSON.parse(event.body || "{}");
  ${fill}
  await doc.send(new PutCommand({ TableName: "Schedules", Item: body }));
  return { statusCode: 200, body: JSON.stringify(body) };
};`;

/** An authenticated delete of an event after \`check\`, in a file that knows the administrator's e-mail. */
const adminCheck = (check: string) => `${V3}const ADMIN_EMAIL = "owner@example.com";
app.delete("/events/:id", authenticateToken, async (req, res) => {
  ${check}
  await doc.send(new DeleteCommand({ TableName: "Events", Key: { id: req.params.id } }));
  res.status(204).end();
});`;
/** The suggested fix of an ownerless delete in \`code\`: a ConditionExpression binding \`ownerId\` to \`caller\`. */
const withOwnerCondition = (code: string, caller: string) =>
  code.replace("Key: { id: req.params.id } }", `Key: { id: req.params.id }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": ${caller} } }`);

/** A v2 Lambda that exchanges the caller's token for Cognito identity-pool credentials, then deletes by \`key\`. */
const cognitoDelete = (key: string) => `${V2}
exports.handler = async (event) => {
  AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: process.env.POOL, Logins: { [process.env.PROVIDER]: event.headers.Authorization } });
  await AWS.config.credentials.getPromise();
  await dynamo.delete({ TableName: "Burrows", ${key} }).promise();
  return { statusCode: 204, body: "" };
};`;

/** Express routes of a reviews table keyed by order_id + review_creation_date (the delete shows the key); \`created\` is the Put's sort key. */
const reviews = (created: string) => `${V3}const moment = require("moment");
app.post("/reviews", async (req, res) => {
  await doc.send(new PutCommand({ TableName: "Reviews", Item: { order_id: req.body.orderId, review_creation_date: ${created}, score: req.body.score } }));
  res.sendStatus(201);
});
app.delete("/reviews", requireAdmin, async (req, res) => {
  await doc.send(new DeleteCommand({ TableName: "Reviews", Key: { order_id: req.body.orderId, review_creation_date: req.body.created } }));
  res.sendStatus(204);
});`;

/** Reads a membership by the path's id to find its artist's counter; \`after\` ends the handler. */
const membershipCounter = (after: string) => `${V2}
app.post("/memberships/:id/leave", async (req, res) => {
  const found = await dynamo.get({ TableName: "Memberships", Key: { membershipId: req.params.id } }).promise();
  if (!found.Item) return res.sendStatus(404);
  const artistId = found.Item.artistId;
  await dynamo.update({ TableName: "Artists", Key: { id: artistId }, UpdateExpression: "ADD members :d", ExpressionAttributeValues: { ":d": -1 } }).promise();
  ${after}
});`;

/** Reads a client's record by the path's id; \`after\` uses \`credits\`, an attribute with a default. */
const clientCredits = (after: string) => `${V2}
app.post("/clients/:id/intro", async (req, res) => {
  const { Item } = await dynamo.get({ TableName: "Clients", Key: { clientId: req.params.id } }).promise();
  const credits = Item.introductionCredits || 0;
  ${after}
});`;

const artistsApp = (table: string, scanExtra = "") => `${V2}const app = require("express")();
async function listAll() {
  const { Items } = await dynamo.scan({ TableName: "${table}"${scanExtra} }).promise();
  return Items;
}
app.get("/${table}", async (req, res) => { res.json(await listAll()); });
app.get("/${table}/:id", async (req, res) => {
  const { Item } = await dynamo.get({ TableName: "${table}", Key: { id: req.params.id } }).promise();
  res.json({ name: Item.name, claimedByUserId: Item.claimedByUserId });
});`;

/** A helper that throws unless the track it fetches belongs to the given client (`userId`). */
const LOAD_TRACK = `async function loadTrack(trackId, userId) {
  const { Item } = await dynamo.get({ TableName: "Tracks", Key: { id: trackId } }).promise();
  if (!Item || Item.userId !== userId) throw new Error("not found");
  return Item;
}
`;

const cjs = { filename: "handler.js", languageOptions: { parserOptions: { sourceType: "script" as const } } };

describe("routeMatches", () => {
  it("matches segments, wildcards and parameters in any framework's syntax", () => {
    expect(routeMatches("/products/:id", "/products/:productId")).toBe(true);
    expect(routeMatches("/products/:id", "/api/products/[id]")).toBe(false);
    expect(routeMatches("/api/products/*", "/api/products/[id]")).toBe(true);
    expect(routeMatches("/api/catalog/**", "/api/catalog/a/b/c")).toBe(true);
    expect(routeMatches("/api/catalog/**", "/api/catalog")).toBe(true);
    expect(routeMatches("/public-*/:id", "/public-posts/:id")).toBe(true);
    expect(routeMatches("/notes/:id", "/notes/:id/share")).toBe(false);
  });
});

const CONVERTER = `import { DynamoDBClient, DeleteItemCommand, GetItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import express from "express";
const db = new DynamoDBClient({});
const app = express();
const toDynamoItem = (item) => marshall(item, { removeUndefinedValues: true });
`;

/** A Lambda deleting a post by the path's id after `gate` (a role check of the token the request carries). */
const gatedPostDelete = (gate: string) => `${V2}
const { verifyRole } = require("./roles");
module.exports.handler = async (event) => {
  ${gate}
  await dynamo.delete({ TableName: process.env.POSTS_TABLE, Key: { postId: event.pathParameters.id } }).promise();
  return { statusCode: 204 };
};`;

/** A store's webhook deleting the customer its body names once `verify` has compared the body's HMAC with the signature header. */
const signedWebhook = (verify: string) => `${V2}
const crypto = require("crypto");
module.exports.handler = async (event) => {
  const given = event.headers["X-Shopify-Hmac-Sha256"];
  ${verify}
  const { id } = JSON.parse(event.body);
  await dynamo.delete({ TableName: process.env.CUSTOMERS_TABLE, Key: { customerId: String(id) } }).promise();
  return { statusCode: 200 };
};`;
const HMAC = 'const expected = crypto.createHmac("sha256", process.env.WEBHOOK_SECRET).update(Buffer.from(event.body, "utf8")).digest("base64");';

/** An Express route serving what `then` does with the orders a same-file helper queries by the path's user. */
/** Amplify's CRUD template (Express on Lambda): the key written through a computed member named by a constant, from the caller or from the path. */
const amplifyCrud = (keyValue: string, method: "get" | "delete") => `${V2}const app = require("express")();
const tableName = "userList";
const userIdPresent = false;
const partitionKeyName = "id";
app.${method}("/api/object/:id", function (req, res) {
  const params = {};
  ${keyValue}
  const itemParams = { TableName: tableName, Key: params };
  dynamo.${method}(itemParams, (err, data) => res.json(data));
});`;

/** A Query with the legacy KeyConditions, built through member writes (Amplify's CRUD template lists so). */
const legacyKeyConditions = (value: string) => `${V2}const app = require("express")();
const partitionKeyName = "id";
app.get("/api/:id", function (req, res) {
  const condition = {};
  condition[partitionKeyName] = { ComparisonOperator: "EQ" };
  condition[partitionKeyName]["AttributeValueList"] = [${value}];
  dynamo.query({ TableName: "userList", KeyConditions: condition }, (err, data) => res.json(data.Items));
});`;

const ordersThen = (then: string) => `${V3}
function findOrders(user: string) {
  return doc.send(new QueryCommand({ TableName: "Orders", KeyConditionExpression: "userId = :u", ExpressionAttributeValues: { ":u": user } }));
}
app.get("/users/:user/orders", (req, res) => {
  findOrders(req.params.user)${then};
});`;

/**
 * A Next.js route whose same-file helper compares the signed-in user with the path's user and returns a refusal
 * (`refusal`) when they differ; the handler tests the helper's result with `test` before it deletes a meal.
 */
const mealRoute = (refusal: string, allowed: string, use: string) => `import { NextRequest, NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
async function checkAuthorization(userId: string) {
  const session = await auth();
  if (!session?.user?.id) return ${refusal};
  if (session.user.id !== userId) {
    return ${refusal};
  }
  return ${allowed};
}
export async function DELETE(request: NextRequest, { params }: { params: Promise<{ userId: string; mealId: string }> }) {
  const { userId, mealId } = await params;
${use}
  await doc.send(new DeleteCommand({ TableName: "Meals", Key: { userId, mealId } }));
  return NextResponse.json({ ok: true });
}`;
/**
 * A Next.js route that reads a session item keyed by the Clerk user and the session's turns in one `Promise.all`,
 * then exits when the result named by `gate` is missing, before it serves the turns.
 */
const parallelSessionRoute = (gate: string) => `import { NextResponse } from "next/server";
import { auth } from "@clerk/nextjs/server";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export async function GET(req: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  const { userId } = await auth();
  if (!userId) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  const { sessionId } = await params;
  const [sessionResult, turnsResult] = await Promise.all([
    db.send(new GetCommand({ TableName: "Game", Key: { pk: \`USER#\${userId}\`, sk: \`SESSION#\${sessionId}\` } })),
    db.send(new QueryCommand({ TableName: "Game", KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": \`SESSION#\${sessionId}\` } })),
  ]);
  if (!${gate}) return NextResponse.json({ error: "Session not found" }, { status: 404 });
  return NextResponse.json({ session: sessionResult.Item, turns: turnsResult.Items ?? [] });
}`;
/** A Next.js route that checks the body's todo's `checked` member against the iron-session user, then puts `item`. */
const todoRoute = (checked: string, item: string) => `import { NextResponse } from "next/server";
import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { getIronSession } from "iron-session";
import { cookies } from "next/headers";
const client = new DynamoDBClient({});
export async function POST(request: Request) {
  const session = await getIronSession(await cookies(), { password: process.env.SESSION_SECRET, cookieName: "sid" });
  if (!session.user?.userId) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  const newTodo = (await request.json()).Todo;
  if (newTodo.${checked} !== session.user.userId) return NextResponse.json({ error: "Forbidden" }, { status: 403 });
  await client.send(new PutItemCommand({ TableName: process.env.TASKS_TABLE, Item: ${item} }));
  return NextResponse.json({ ok: true }, { status: 201 });
}`;
/** A Lambda that maps the body's contacts (`mapped`: the callback's object) and passes them to a batch put of its file. */
const contactsBatch = (mapped: string) => `${V2}
async function createMany(contacts) {
  const params = [];
  contacts.forEach((contact) => params.push({ PutRequest: { Item: { id: contact.id, name: contact.name } } }));
  await dynamo.batchWrite({ RequestItems: { [process.env.CONTACTS]: params } }).promise();
}
exports.handler = async (event) => {
  const contacts = JSON.parse(event.body).map((c) => (${mapped}));
  await createMany(contacts);
  return { statusCode: 201, body: "" };
};`;
/** The read of a tenant's plan by the body's tenant and plan id, which the helpers of planLambda() make. */
const READ_PLAN = 'dynamo.get({ TableName: "Plans", Key: { PK: "ORG#" + body.tenantId, SK: body.id } }).promise()';
/**
 * A Lambda that loads the body's plan through a helper of its file, `loadPlan(event, body)` (the statement's answer
 * is read by no test), then puts the plan again: `prelude` on line 3, the put on line 7.
 */
const planLambda = (prelude: string, helperBody: string) => `${V2}${prelude}
exports.handler = async (event) => {
  const body = JSON.parse(event.body);
  const plan = await loadPlan(event, body);
  await dynamo.put({ TableName: "Plans", Item: { PK: "ORG#" + body.tenantId, SK: plan.SK, data: body.data } }).promise();
  return { statusCode: 200, body: "" };
};
const loadPlan = async (event, body) => {
${helperBody}
};`;
/**
 * A Koa route that loads the project through a helper of its file, `loadProject(ctx, ctx.params.id)` (the statement's
 * answer is read by no test), then deletes it: `refusals` are the helper's lines after its read (the delete is on line 13
 * after one line of them).
 */
const koaProject = (refusals: string) => `${V3}import Router from "@koa/router";
const router = new Router();
async function loadProject(ctx, id) {
  const { Item } = await doc.send(new GetCommand({ TableName: "Projects", Key: { id } }));
${refusals}
  return Item;
}
router.delete("/projects/:id", async (ctx) => {
  await loadProject(ctx, ctx.params.id);
  await doc.send(new DeleteCommand({ TableName: "Projects", Key: { id: ctx.params.id } }));
  ctx.status = 204;
});`;
/**
 * An AppSync resolver that reads the tweet the caller reposts (line 6), logs and compares its creator, then `serve`s.
 */
const repostResolver = (serve: string) => `${V2}
exports.handler = async (event) => {
  const { username } = event.identity;
  const tweet = (await dynamo.get({ TableName: "Tweets", Key: { id: event.arguments.tweetId } }).promise()).Item;
  if (!tweet) throw new Error("Tweet is not found");
  console.log(\`creator: [\${tweet.creator}]; username: [\${username}]\`);
  logger.info(JSON.stringify({ tweet }));
  const copy = { id: event.arguments.id, creator: username, retweetOf: event.arguments.tweetId, self: tweet.creator === username };
  await dynamo.put({ TableName: "Tweets", Item: copy, ConditionExpression: "attribute_not_exists(id)" }).promise();
  ${serve}
};`;
const REFUSAL_OBJECT = '{ error: "Forbidden", authorized: false, status: 403 }';
const ALLOWED_OBJECT = "{ authorized: true, session }";

runRuleTests("require-ownership-check", rule, {
  valid: [
    {
      name: "lambda: an item read by the request's id that is only logged (console.log, logger.info(JSON.stringify(...))) and compared is not served",
      code: repostResolver("return copy;"),
    },
    {
      name: "koa: a helper of the file given ctx and the id that may refuse through ctx.throw (a state the rule cannot judge) decides: the delete after it is covered",
      code: koaProject(`  if (!Item) ctx.throw(404, "no such project");
  if (Item.archived) ctx.throw(409, "archived");`),
    },
    {
      name: "lambda: a batch put of contacts the handler gave fresh ids in a map() (({ ...c, id: uuid() })) is keyed by the fresh ids",
      code: contactsBatch("{ ...c, id: uuidv4() }"),
    },
    {
      name: "lambda: a like toggled by a pure helper of the file given the post's likes and the caller (updateLikes(Item.likes, sub))",
      code: `${V2}
const updateLikes = (list, value) => (list.includes(value) ? list.filter((e) => e !== value) : [...list, value]);
exports.handler = async (event) => {
  const sub = event.requestContext.authorizer.claims.sub;
  const body = JSON.parse(event.body);
  const { Item } = await dynamo.get({ TableName: "Posts", Key: { uuid: body.postId } }).promise();
  const likes = updateLikes(Item.likes, sub);
  await dynamo.update({ TableName: "Posts", Key: { uuid: body.postId }, UpdateExpression: "set likes = :l", ExpressionAttributeValues: { ":l": likes } }).promise();
  return { statusCode: 200, body: "" };
};`,
    },
    {
      name: "lambda: a helper of the file given the event and the body that throws when the tenant is not the caller's is a check",
      code: `${V2}
exports.handler = async (event) => {
  const body = JSON.parse(event.body);
  await verifyTenant(event, body);
  await dynamo.put({ TableName: "Plans", Item: { PK: "ORG#" + body.tenantId, SK: body.id, data: body.data } }).promise();
  return { statusCode: 200, body: "" };
};
const verifyTenant = async (event, body) => {
  const tenants = await fetchTenants(event);
  if (!tenants.some((tenant) => tenant.id === body.tenantId)) throw new Error("forbidden");
};`,
    },
    {
      name: "a Put whose owner attribute the handler checked to be the signed-in user: the caller's item, whatever task id the body names",
      filename: "app/api/todo/route.ts",
      code: todoRoute("userId", "{ userId: { S: newTodo.userId }, taskId: { S: newTodo.taskId }, task: { S: newTodo.task } }"),
    },
    {
      name: "a same-file helper returns { authorized: false } when the signed-in user is not the path's user, and the handler exits on it",
      filename: "app/api/users/[userId]/meals/[mealId]/route.ts",
      code: mealRoute(REFUSAL_OBJECT, ALLOWED_OBJECT, `  const authCheck = await checkAuthorization(userId);
  if (!authCheck.authorized) return NextResponse.json({ error: authCheck.error }, { status: authCheck.status });`),
    },
    {
      name: "the same helper's verdict destructured, and tested against false",
      filename: "app/api/users/[userId]/meals/[mealId]/route.ts",
      code: mealRoute(REFUSAL_OBJECT, ALLOWED_OBJECT, `  const { authorized } = await checkAuthorization(userId);
  if (authorized === false) return NextResponse.json({}, { status: 403 });`),
    },
    {
      name: "a same-file helper that returns false when the signed-in user is not the path's user",
      filename: "app/api/users/[userId]/meals/[mealId]/route.ts",
      code: mealRoute("false", "true", `  if (!(await checkAuthorization(userId))) return NextResponse.json({}, { status: 403 });`),
    },
    {
      name: "await-to-js: the lookup's value only tested for existence",
      code: orderLookup(`const [, orders] = await to(findOrder(orderId));
  if (!orders) return { statusCode: 404, body: "" };
  return { statusCode: 204, body: "" };`),
    },
    {
      name: "await-to-js: only the error of a lookup kept (const [error] = await to(...)) tells whether the order exists, and serves nothing",
      code: orderLookup(`const [orderError] = await to(findOrder(orderId));
  if (orderError) return { statusCode: 404, body: "" };
  return { statusCode: 204, body: "" };`),
    },
    {
      name: "a chat found by the path's match id, served only after the caller's membership of that chat (keyed by the chat's id and the caller) is found",
      code: chatByMatch("me", `if (!membership.Item) return res.status(403).end();
  const { Items } = await doc.send(new QueryCommand({ TableName: "ChatMessages", KeyConditionExpression: "chat_id = :c", ExpressionAttributeValues: { ":c": chat.chat_id } }));
  res.json({ chat, messages: Items });`),
    },
    {
      name: "express: routes behind a same-file middleware that lets only the scheduler's secret through (another system, not a user picking ids)",
      code: `${V3}const express = require("express");
const app = express();
const SYSTEM_API_TOKEN = process.env.SYSTEM_API_TOKEN;
function requireSystemAuth(req, res, next) {
  const header = req.headers["authorization"];
  if (!header || !header.startsWith("Bearer ")) return res.status(401).json({ error: "Unauthorized" });
  const token = header.slice("Bearer ".length).trim();
  if (token !== SYSTEM_API_TOKEN) return res.status(401).json({ error: "Unauthorized" });
  return next();
}
app.post("/chats/:chatId/close", requireSystemAuth, async (req, res) => {
  await doc.send(new UpdateCommand({ TableName: "Chats", Key: { chatId: req.params.chatId }, UpdateExpression: "SET #s = :closed", ExpressionAttributeNames: { "#s": "status" }, ExpressionAttributeValues: { ":closed": "closed" } }));
  const { Items } = await doc.send(new QueryCommand({ TableName: "ChatParticipants", KeyConditionExpression: "chatId = :c", ExpressionAttributeValues: { ":c": req.params.chatId } }));
  res.json({ notified: Items });
});`,
    },
    {
      name: "lambda: an internal endpoint that compares the request's token with another service's secret before anything else",
      code: `${V3}import { timingSafeEqual } from "node:crypto";
export const handler = async (event) => {
  const given = event.headers["x-internal-token"] ?? "";
  const expected = process.env.INTERNAL_SERVICE_TOKEN ?? "";
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return { statusCode: 401, body: "" };
  const { Item } = await doc.send(new GetCommand({ TableName: "Orders", Key: { id: event.pathParameters.id } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
    },
    {
      name: "Express on Lambda (Amplify's REST functions): the caller from req.apiGateway.event's authorizer, compared with the item's owner",
      code: `${V2}const app = require("express")();
app.get("/chats/:chatId", async (req, res) => {
  const { sub: myId } = req.apiGateway.event.requestContext.authorizer.claims;
  const { Item } = await dynamo.get({ TableName: "chats", Key: { chatId: req.params.chatId } }).promise();
  if (!Item || Item.ownerId !== myId) return res.sendStatus(404);
  res.json(Item);
});`,
    },
    {
      name: "Amplify's CRUD template keyed through `params[partitionKeyName]` with the caller's identity: the caller's own item",
      code: amplifyCrud("params[partitionKeyName] = req.apiGateway.event.requestContext.identity.cognitoIdentityId;", "delete"),
    },
    {
      name: "a legacy KeyConditions whose value list, written after the condition, holds the caller's identity",
      code: legacyKeyConditions("req.apiGateway.event.requestContext.identity.cognitoIdentityId"),
    },
    {
      name: "a computed key named by a variable that is not a constant string stays unknown: no key the request is known to choose",
      code: amplifyCrud("let keyName = pickKey(); params[keyName] = req.params.id;", "delete"),
    },
    {
      name: "a helper's result its .then() callback ignores, or only tests, is not served",
      code: ordersThen(".then(() => res.sendStatus(204))"),
    },
    {
      code: ordersThen(".then((data) => res.sendStatus(data.Items.length > 0 ? 200 : 404))"),
    },
    {
      code: ordersThen(".then((data) => { return data; }).then(() => res.sendStatus(204))"),
    },
    {
      name: "a role check given the token header the request carries (verifyRole(roles, event.headers[\"X-Custom-Token\"]), its answer deciding an exit)",
      code: gatedPostDelete('const right = await verifyRole(["admin"], event.headers["X-Custom-Token"]);\n  if (right.statusCode === 403 || right.statusCode === 500) return right;'),
    },
    {
      name: "a webhook whose body's HMAC, made with a secret of the service, must equal the signature header: the sender holds the secret",
      code: signedWebhook(`${HMAC}\n  if (expected !== given) return { statusCode: 401 };`),
    },
    {
      code: signedWebhook(`${HMAC}\n  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given))) throw new Error("bad signature");`),
    },
    {
      name: "a record read only to send a message to its own address (positional, or a message object's `to`): nothing of it reaches the caller",
      code: invite("await sendMail(invitee.email, `${req.user.name} invites you`);\n  res.sendStatus(204);"),
    },
    {
      code: invite("await mailer.send({ to: invitee.email, subject: \"Invitation\", text: `Hi ${invitee.firstName}` });\n  res.sendStatus(204);"),
    },
    {
      code: invite("const message = { to: invitee.email, text: `Hi ${invitee.firstName}` };\n  await mailer.send(message);\n  res.sendStatus(204);"),
    },
    {
      name: "a writer given the table by its caller: the table's entity id (`questionId` in Questions), generated here, makes a new item",
      code: questionThroughWriter("randomUUID()"),
    },
    {
      name: "an author lookup that serves only what a profile card shows (`{ image, name }`) of the item keyed `USER#${id}`",
      code: partitionServed("next-auth", "`USER#${req.query.id}`", "(x) => ({ image: x.image, name: x.name })"),
    },
    {
      name: "the same card of an item in a Users table",
      code: partitionServed("Users", "req.query.id", "(x) => ({ displayName: x.displayName, avatarUrl: x.avatarUrl, bio: x.bio })"),
    },
    {
      name: "a chat the caller's own profile names (`profile.Item.chatId !== chatId` exits, the profile keyed by the caller): the request's id is the caller's",
      code: chatOfProfile("`USER#${req.user.id}`"),
    },
    {
      name: "a session keyed by a child the caller may access (`canAccessChild(me, childId)` exits) and a subject that picks among its sessions",
      code: childSession("if (!canAccessChild(me, childId)) return new Response(null, { status: 403 });", "{ sessionId: `LEARN#${childId}#${subject}` }"),
    },
    {
      name: "the same through a key builder given the caller, the decided child and the subject",
      code: childSession("if (!canAccessChild(me, childId)) return new Response(null, { status: 403 });", "sessionKey(me.id, childId, subject)"),
    },
    {
      name: "the same writer given a table constant of another module (`TABLES.QUESTIONS`): the constant's name says the table",
      code: questionThroughWriter("randomUUID()", "TABLES.QUESTIONS"),
    },
    {
      name: "a sign-in that stores a one-time code generated here, and its expiry, on the account the e-mail finds: nothing the caller chooses is written",
      code: otpSignIn("SET otp = :otp, otpExpiry = :expiry", "{ \":otp\": otp, \":expiry\": otpExpiry }"),
    },
    {
      name: "only how many items a query found leaves the handler (`Items.length`), as with `Select: \"COUNT\"`",
      code: teamVotes("res.json({ votes: Items.length });"),
    },
    {
      name: "a record read only to push a notification to its own device (an Expo push token, an FCM token, an SNS endpoint)",
      code: invite("await notifications.sendNotification({ expoPushToken: invitee.expoPushToken, title: \"Invitation\" });\n  res.sendStatus(204);"),
    },
    {
      code: invite("await admin.messaging().send({ token: invitee.fcmToken, notification: { title: \"Invitation\" } });\n  res.sendStatus(204);"),
    },
    {
      code: invite("await sns.send(new PublishCommand({ TargetArn: invitee.endpointArn, Message: \"Invitation\" }));\n  res.sendStatus(204);"),
    },
    {
      name: "a user's connection read only to push a message to that connection (PostToConnection's ConnectionId, a send helper given it)",
      code: notifyConnection("await api.send(new PostToConnectionCommand({ ConnectionId: connection.connectionId, Data: text }));"),
    },
    {
      code: notifyConnection("await send(connection.connectionId, text);"),
    },
    {
      name: "the parent the item points to (its account) holds the secret the request sends, or is the caller's: the child is the caller's too",
      code: deviceDelete("device.Item.accountId", "account.Item.apiKey !== key"),
    },
    {
      code: deviceDelete("device.Item.accountId", "account.Item.ownerId !== event.requestContext.authorizer.claims.sub"),
    },
    {
      name: "a helper's append-only update, given the caller by the route: the caller applies to someone else's job",
      code: applyThroughHelper("req.user.id"),
    },
    {
      name: "an attribute taken through a conditional's branch and then only compared is tested, not served (a rate limit's count)",
      code: invite("const sent = invitee.hour === hour ? (invitee.count || 0) : 0;\n  if (sent >= 5) return res.sendStatus(429);\n  res.sendStatus(204);"),
    },
    {
      name: "a login: a query whose key condition requires the item's password to equal the one the request sends",
      code: `${V3}
app.post("/login", async (req, res) => {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Users", IndexName: "username-password-index", KeyConditionExpression: "username = :u and password = :p", ExpressionAttributeValues: { ":u": req.body.email, ":p": req.body.password } }));
  res.json(Items[0]);
});`,
      options: [{ reportAllUnauthenticatedReads: true }],
    },
    {
      name: "an e-mail verification deletes the token's record by the token the link presents: holding the token is what the flow asks",
      filename: "app/api/auth/verify/route.ts",
      code: `${V3}
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return Response.json({ error: "missing token" }, { status: 400 });
  await doc.send(new DeleteCommand({ TableName: process.env.TABLE, Key: { PK: \`TOKEN#\${token}\`, SK: "VERIFICATION" } }));
  return Response.json({ verified: true });
}`,
    },
    {
      name: "a password reset reads the reset record by the token attribute the request sends",
      code: `${V3}
const app = require("express")();
app.post("/password-reset", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "PasswordResets", Key: { resetToken: req.body.resetToken } }));
  if (!Item || Item.expiresAt < Date.now()) return res.status(400).end();
  res.json({ email: Item.email });
});`,
    },
    {
      name: "a ConditionExpression that requires the hold's browser session to be the one the request presents: only that browser knows the random id",
      code: seatRelease("user_session"),
      filename: "app/api/seats/[seatId]/route.ts",
    },
    {
      name: "a ConditionExpression that requires the item's password to equal the one the request sends: only whoever knows it passes",
      code: accountUpdate("#a = :given", "password"),
      filename: "app/api/account/route.ts",
    },
    {
      name: "an update that only adds one to counters of someone else's post (a view, a like) or appends the caller to its list",
      code: postUpdate("ADD viewCount :one", '{ ":one": 1 }'),
    },
    {
      code: postUpdate("SET likes = if_not_exists(likes, :zero) + :one, #s = #s + :one", '{ ":zero": 0, ":one": 1 }'),
    },
    {
      code: postUpdate("SET likedBy = list_append(if_not_exists(likedBy, :empty), :me) ADD likes :one", '{ ":empty": [], ":me": [me], ":one": 1 }'),
    },
    {
      name: "an update that takes one from a counter of someone else's item (an unlike, a down-vote)",
      code: postUpdate("SET UpvoteCount = if_not_exists(UpvoteCount, :zero) - :decr", '{ ":zero": 0, ":decr": 1 }'),
    },
    {
      code: postUpdate("SET #n = #n - :one", '{ ":one": 1 }, ExpressionAttributeNames: { "#n": "likeCount" }'),
    },
    {
      code: postUpdate("ADD likes :minusOne", '{ ":minusOne": -1 }'),
    },
    {
      code: `import { DynamoDBClient, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
const client = new DynamoDBClient({});
app.post("/posts/:id/unlike", requireAuth, async (req, res) => {
  await client.send(new UpdateItemCommand({ TableName: "Posts", Key: { id: { S: req.params.id } }, UpdateExpression: "ADD likes :dec", ExpressionAttributeValues: { ":dec": { N: "-1" } } }));
  res.sendStatus(204);
});`,
    },
    {
      name: "a counter update that also sets the current time (when it was last liked, a TTL from now): bookkeeping beside the count",
      code: postUpdate("SET likes = if_not_exists(likes, :zero) + :one, lastLikedAt = :now, #ttl = :ttl", '{ ":zero": 0, ":one": 1, ":now": new Date().toISOString(), ":ttl": Math.floor(Date.now() / 1000) + 7200 }'),
    },
    {
      name: "a write keyed by a fetched item: the item's owner is compared with the caller first",
      code: deleteFoundPost("", "if (post.companyId !== callerId) return { statusCode: 403 };"),
    },
    {
      name: "a write keyed by a fetched item: the read's FilterExpression keeps only the caller's items",
      code: deleteFoundPost(', FilterExpression: "companyId = :c"', ""),
    },
    {
      name: "a write keyed by a reference a fetched item holds (another table, or another attribute than the one it fills) is not that item's key",
      code: `${V3}
export const handler = async (event) => {
  const { Item: order } = await doc.send(new GetCommand({ TableName: "Orders", Key: { orderId: event.pathParameters.orderId } }));
  await doc.send(new UpdateCommand({ TableName: "Customers", Key: { customerId: order.customerId }, UpdateExpression: "ADD orders :one", ExpressionAttributeValues: { ":one": 1 } }));
  const { Item: user } = await doc.send(new GetCommand({ TableName: "Users", Key: { id: event.pathParameters.userId } }));
  await doc.send(new UpdateCommand({ TableName: "Users", Key: { id: user.managerId }, UpdateExpression: "ADD reports :one", ExpressionAttributeValues: { ":one": 1 } }));
  return { statusCode: 204 };
};`,
    },
    {
      name: "a write keyed by a fetched item, in a catch block: clean-up of a connection that is gone, not the request's choice",
      code: `${V3}
export const handler = async (event) => {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Connections", IndexName: "byRoom", KeyConditionExpression: "roomId = :r", ExpressionAttributeValues: { ":r": JSON.parse(event.body).roomId } }));
  await Promise.all(Items.map(async ({ connectionId }) => {
    try {
      await gateway.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: "hello" }));
    } catch (error) {
      if (error.statusCode === 410) await doc.send(new DeleteCommand({ TableName: "Connections", Key: { connectionId } }));
    }
  }));
  return { statusCode: 200 };
};`,
    },
    {
      name: "create if absent: the sign-up reads the account by the same e-mail and refuses when it exists, so the put overwrites no one's",
      code: signUp("email", 'if (existing.Item) return { statusCode: 409, body: "taken" };'),
    },
    {
      name: "create if absent, the account's existence told by the number of its attributes",
      code: signUp("email", 'if (Object.keys(existing.Item || {}).length !== 0) return { statusCode: 409, body: "taken" };'),
    },
    {
      code: `${V2}const findUser = async (username) => await dynamo.get({ TableName: "AppUser", Key: { username } }).promise();
app.post("/signup", async (req, res) => {
  const found = await findUser(req.body.username);
  if (Object.keys(found).length !== 0) return res.status(400).json({ error: "User already exists" });
  res.status(201).end();
});`,
    },
    {
      name: "create if absent: a query by the same key and the put only in the branch where it found nothing",
      code: `${V2}
router.post("/users", async (req, res) => {
  const found = await dynamo.query({ TableName: "Users", KeyConditionExpression: "email = :e", ExpressionAttributeValues: { ":e": req.body.email } }).promise();
  if (found.Count < 1) {
    await dynamo.put({ TableName: "Users", Item: { email: req.body.email, name: req.body.name } }).promise();
    return res.status(201).end();
  }
  res.status(409).json({ message: "Already an account with this email" });
});`,
    },
    {
      name: "the caller under a project's own request member (req.teacher, set by its middleware) compared with the item's sender before the delete",
      code: `${V3}
router.delete("/notices/:noticeId", teacherAuth, async (req, res) => {
  const senderId = req.teacher.teacherId;
  const existing = await doc.send(new GetCommand({ TableName: "Notices", Key: { noticeId: req.params.noticeId } }));
  if (!existing.Item) return res.status(404).end();
  if (existing.Item.senderId !== senderId) return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Notices", Key: { noticeId: req.params.noticeId } }));
  res.sendStatus(204);
});`,
    },
    {
      name: "the caller a middy middleware puts on the event (request.event.email) compared with the booking's guest before the delete",
      code: `${V2}
const cancelBooking = async (event) => {
  const { email, pathParameters: { bookingId } } = event;
  const { Item } = await dynamo.get({ TableName: process.env.BOOKINGS_TABLE, Key: { bookingId } }).promise();
  if (!Item) return { statusCode: 404, body: "" };
  if (Item.guest !== email) return { statusCode: 403, body: "" };
  await dynamo.delete({ TableName: process.env.BOOKINGS_TABLE, Key: { bookingId } }).promise();
  return { statusCode: 204, body: "" };
};
module.exports.handler = middy(cancelBooking).use(authenticate);`,
    },
    {
      name: "no authentication and nothing per-user: a secret attribute only compared or checked is not served",
      code: `${V3}
import bcrypt from "bcryptjs";
import { NextRequest, NextResponse } from "next/server";
export async function POST(req: NextRequest) {
  const { provisionId, key } = await req.json();
  const res = await doc.send(new GetCommand({ TableName: process.env.PROVISION_TABLE, Key: { provisionId } }));
  if (!res.Item) return NextResponse.json({ error: "not found" }, { status: 404 });
  const provider = (await doc.send(new GetCommand({ TableName: process.env.PROVIDER_TABLE, Key: { providerId: res.Item.providerId } }))).Item;
  if (!provider || provider.apiKey !== key || !(await bcrypt.compare(key, provider.secretKey))) return NextResponse.json({}, { status: 401 });
  return NextResponse.json({ status: res.Item.status });
}`,
      filename: "app/api/provisions/route.ts",
    },
    {
      name: "a public directory: the file lists the whole table to anyone, so one of its items by id is no more private",
      ...cjs,
      code: artistsApp("artists"),
    },
    {
      name: "a table named like per-user data (notes) whose items carry no owner, listed whole to anyone: one of them by id is no more private",
      ...cjs,
      code: artistsApp("notes").replace("res.json({ name: Item.name, claimedByUserId: Item.claimedByUserId });", "res.json({ title: Item.title, content: Item.content });"),
    },
    {
      name: "a table the file lists whole to every signed-in caller: one of its items read by a signed-in caller by id reveals nothing more",
      ...cjs,
      code: artistsApp("artists").replace('app.get("/artists", async', 'app.get("/artists", requireAuth, async').replace('app.get("/artists/:id", async', 'app.get("/artists/:id", requireAuth, async'),
    },
    {
      name: "SDK v2 callbacks: the file serves the whole table to anyone from scan's callback, so a signed-in read of one item by id reveals nothing more",
      ...cjs,
      code: `${V2}const router = require("express").Router();
router.get("/", (req, res) => {
  dynamo.scan({ TableName: "products" }, (err, data) => {
    if (err) return res.status(500).end();
    res.json(data.Items);
  });
});
router.get("/:id", requireAuth, (req, res) => {
  dynamo.get({ TableName: "products", Key: { id: req.params.id } }, (err, result) => res.json({ name: result.Item.name, ownerId: result.Item.ownerId }));
});`,
    },
    {
      name: "a Lambda that serves the whole table and one item of it on another path",
      ...cjs,
      code: `${V2}exports.handler = async (event) => {
  if (event.rawPath === "/artists") {
    const { Items } = await dynamo.scan({ TableName: "artists" }).promise();
    return { statusCode: 200, body: JSON.stringify(Items) };
  }
  const { Item } = await dynamo.get({ TableName: "artists", Key: { id: event.pathParameters.id } }).promise();
  return { statusCode: 200, body: JSON.stringify({ name: Item.name, ownerId: Item.ownerId }) };
};`,
    },
    // ---------------------------------------------------------------- evidence 1: the caller in the key
    {
      name: "express: the key includes the caller",
      code: `${V3}
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { userId: req.user.id, noteId: req.params.id } }));
  res.json(Item);
});`,
    },
    {
      name: "cookies key the browser's own items: a signed one, a session id, and one named userId (it may hold a random visitor id the server set)",
      code: `${V3}
app.put("/progress", async (req, res) => {
  await doc.send(new PutCommand({ TableName: "Baskets", Item: { userId: req.cookies.userId, basketId: req.params.id, data: req.body.data } }));
  await doc.send(new UpdateCommand({ TableName: "Progress", Key: { userId: req.signedCookies.userId }, UpdateExpression: "SET points = :p", ExpressionAttributeValues: { ":p": req.body.points } }));
  await doc.send(new UpdateCommand({ TableName: "Sessions", Key: { sessionId: req.cookies.sid }, UpdateExpression: "SET seenAt = :p", ExpressionAttributeValues: { ":p": req.body.at } }));
  res.end();
});`,
    },
    {
      name: "express: the key includes the browser session's cookie (a visitor's carts)",
      ...cjs,
      code: `${V2}const router = require("express").Router();
router.get("/carts/:cartId", async (req, res) => {
  const visitor = req.cookies["visitor"];
  const { Item } = await dynamo.get({ TableName: "Carts", Key: { visitor, cartId: req.params.cartId } }).promise();
  res.json({ lines: Item.lines, ownerId: Item.ownerId });
});
router.put("/carts/:cartId", async (req, res) => {
  await dynamo.put({ TableName: "Carts", Item: { pk: \`V#\${req.signedCookies.sid}\`, sk: req.params.cartId, lines: req.body.lines } }).promise();
  res.end();
});`,
    },
    {
      name: "lambda: the caller arrives in a promise callback (authenticate(event).then((caller) => ...)) and is compared with the key's owner",
      ...cjs,
      code: `${V2}const { authenticate } = require("./session");
exports.deleteFile = (event, context, callback) => {
  const { ownerId, fileId } = event.pathParameters;
  authenticate(event).then((caller) => {
    if (!caller || !(caller.isAdmin || caller.accountId === ownerId)) return callback(null, { statusCode: 403, body: "" });
    dynamo.delete({ TableName: "Files", Key: { ownerId, fileId } }, () => callback(null, { statusCode: 204, body: "" }));
  });
};`,
    },
    {
      name: "lambda (HTTP API, JWT authorizer): composite key built with the caller's sub",
      code: `${V3}
export const handler = async (event) => {
  const { sub } = event.requestContext.authorizer.jwt.claims;
  const result = await doc.send(new GetCommand({ TableName: process.env.TABLE, Key: { pk: \`USER#\${sub}\`, sk: \`NOTE#\${event.pathParameters.id}\` } }));
  return { statusCode: 200, body: JSON.stringify(result.Item) };
};`,
    },
    {
      name: "lambda (REST API authorizer): one key attribute joins the caller's tenant with the requested id",
      code: `${V3}
export const getItem = async (event) => {
  const tenant = event.requestContext.authorizer.tenantId;
  const pk = "TENANT#" + tenant + "#ITEM#" + event.pathParameters.id;
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.ITEMS, Key: { pk: \`T#\${tenant}#\${event.pathParameters.id}\` } }));
  const other = await doc.send(new GetCommand({ TableName: process.env.ITEMS, Key: { pk } }));
  return { statusCode: 200, body: JSON.stringify([Item, other.Item]) };
};`,
    },
    {
      name: "query: the key condition includes the caller",
      code: `${V3}
app.get("/notes", async (req, res) => {
  const { Items } = await doc.send(new QueryCommand({
    TableName: "Notes",
    KeyConditionExpression: "userId = :u AND begins_with(sk, :prefix)",
    ExpressionAttributeValues: { ":u": req.user.sub, ":prefix": req.query.prefix },
  }));
  res.json(Items);
});`,
    },
    // ---------------------------------------------------------------- evidence 2: a condition binds the owner
    {
      name: "delete with a ConditionExpression binding the owner to the caller",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  await doc.send(new DeleteCommand({
    TableName: "Notes",
    Key: { id: req.params.id },
    ConditionExpression: "#owner = :me",
    ExpressionAttributeNames: { "#owner": "ownerId" },
    ExpressionAttributeValues: { ":me": req.user.id },
  }));
  res.sendStatus(204);
});`,
    },
    {
      name: "put that only creates (attribute_not_exists on the key)",
      code: `${V3}
app.post("/notes", async (req, res) => {
  await doc.send(new PutCommand({ TableName: "Notes", Item: { id: req.body.id, text: req.body.text }, ConditionExpression: "attribute_not_exists(id)" }));
  res.sendStatus(201);
});`,
    },
    {
      name: "put that creates or overwrites the caller's own item",
      code: `${V3}
app.put("/notes/:id", async (req, res) => {
  await doc.send(new PutCommand({
    TableName: "Notes",
    Item: { id: req.params.id, ownerId: req.user.id, text: req.body.text },
    ConditionExpression: "attribute_not_exists(id) OR ownerId = :me",
    ExpressionAttributeValues: { ":me": req.user.id },
  }));
  res.sendStatus(204);
});`,
    },
    // ---------------------------------------------------------------- evidence 3: the fetched item is compared
    {
      name: "express: fetched item compared with the caller, mismatch returns 404",
      code: `${V3}
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (!Item || Item.ownerId !== req.user.id) return res.status(404).json({ error: "Not found" });
  res.json(Item);
});`,
    },
    {
      name: "fetch, compare, then update and delete the same key",
      code: `${V3}
router.patch("/notes/:id", requireAuth, async (req, res) => {
  const { id } = req.params;
  const { Item: note } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id } }));
  if (note?.ownerId !== req.user.sub) {
    return res.sendStatus(403);
  }
  await doc.send(new UpdateCommand({ TableName: "Notes", Key: { id }, UpdateExpression: "SET body = :b", ExpressionAttributeValues: { ":b": req.body.body } }));
  if (req.body.archive) await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id } }));
  res.sendStatus(204);
});`,
    },
    {
      name: "the write runs only in the branch where the caller owns the item",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (Item && Item.ownerId === req.user.id) {
    await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
    res.sendStatus(204);
  } else {
    res.sendStatus(404);
  }
});`,
    },
    {
      name: "the comparison's result is kept in a variable that guards the exit",
      code: `${V3}
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  const isOwner = Item?.ownerId === req.user.id;
  if (!isOwner) throw new ForbiddenError();
  res.json(Item);
});`,
    },
    {
      name: "an authorization decision on the item and the caller, whatever its name",
      code: `${V3}
app.get("/todos/:id", async (req, res) => {
  const { Item: todo } = await doc.send(new GetCommand({ TableName: "Todos", Key: { id: req.params.id } }));
  if (!may(req.user, "read", todo)) return res.sendStatus(403);
  res.json(todo);
});`,
    },
    {
      name: "an assertion that may throw before the response",
      code: `${V3}
app.get("/todos/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Todos", Key: { id: req.params.id } }));
  await assertCanAccess(req.user, Item);
  res.json(Item);
});`,
    },
    {
      name: "same-file helper returns the item; the handler compares it",
      code: `${V3}
async function getNote(id) {
  const result = await doc.send(new GetCommand({ TableName: "Notes", Key: { id } }));
  return result.Item;
}
app.get("/notes/:id", async (req, res) => {
  const note = await getNote(req.params.id);
  if (!note || note.ownerId !== req.user.id) return res.sendStatus(404);
  res.json(note);
});`,
    },
    {
      name: "same-file helper compares the item with the caller it is given and throws",
      code: `${V3}
async function loadOwnedNote(id, userId) {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id } }));
  if (!Item || Item.ownerId !== userId) throw new NotFoundError();
  return Item;
}
app.delete("/notes/:id", async (req, res) => {
  await loadOwnedNote(req.params.id, req.user.id);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.sendStatus(204);
});`,
    },
    {
      name: "login: the fetched user is checked against the submitted password",
      code: `${V3}
app.post("/login", async (req, res) => {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Users", IndexName: "byEmail", KeyConditionExpression: "email = :e", ExpressionAttributeValues: { ":e": req.body.email } }));
  const user = Items[0];
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) return res.sendStatus(401);
  res.json({ token: sign(user.id) });
});`,
    },
    {
      name: "sign-up: the read only tests whether the key is taken",
      code: `${V3}
app.post("/signup", async (req, res) => {
  const existing = await doc.send(new GetCommand({ TableName: "Users", Key: { email: req.body.email } }));
  if (existing.Item) return res.status(409).json({ error: "taken" });
  res.sendStatus(201);
});`,
    },
    // ---------------------------------------------------------------- evidence 4: role checks
    {
      name: "an admin check guards the exit before the delete",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  if (!req.user.isAdmin) return res.sendStatus(403);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.sendStatus(204);
});`,
    },
    {
      name: "lambda: Cognito group membership guards the exit",
      code: `${V3}
export const handler = async (event) => {
  const groups = event.requestContext.authorizer.claims["cognito:groups"] || [];
  if (!groups.includes("admin")) return { statusCode: 403, body: "" };
  await doc.send(new DeleteCommand({ TableName: process.env.TABLE, Key: { id: event.pathParameters.id } }));
  return { statusCode: 204, body: "" };
};`,
    },
    {
      name: "role middleware on the route",
      code: `${V3}
router.delete("/users/:id", authenticate, requireRole("admin"), async (req, res) => {
  await doc.send(new DeleteCommand({ TableName: "Users", Key: { id: req.params.id } }));
  res.sendStatus(204);
});`,
    },
    {
      name: "the requested user id is checked against the caller before the query",
      code: `${V3}
export const handler = async (event) => {
  const userId = event.pathParameters.userId;
  if (userId !== event.requestContext.authorizer.claims.sub) return { statusCode: 403 };
  const { Items } = await doc.send(new QueryCommand({ TableName: "Orders", KeyConditionExpression: "userId = :u", ExpressionAttributeValues: { ":u": userId } }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};`,
    },
    // ---------------------------------------------------------------- evidence 5: a filter on the caller
    {
      name: "query whose FilterExpression binds the owner to the caller",
      code: `${V3}
app.get("/lists/:listId/items", async (req, res) => {
  const { Items } = await doc.send(new QueryCommand({
    TableName: "Items",
    KeyConditionExpression: "listId = :l",
    FilterExpression: "ownerId = :me",
    ExpressionAttributeValues: { ":l": req.params.listId, ":me": req.user.id },
  }));
  res.json(Items);
});`,
    },
    {
      name: "route middleware named for a check of the caller's membership of the route's resource (`requireRoomMembership`)",
      code: roomPostLikes("requireRoomMembership"),
    },
    {
      name: "the same with an ownership or access check by name (`checkOwnership`, `verifyDocumentAccess`, `isProjectMember`)",
      code: roomPostLikes("checkOwnership") + roomPostLikes("verifyDocumentAccess").slice(V3.length) + roomPostLikes("isProjectMember").slice(V3.length),
    },
    // ---------------------------------------------------------------- evidence 6: settings
    {
      name: "route middleware named in settings as per-object authorization",
      code: `${V3}
router.get("/notes/:id", authorizeNote, async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.json(Item);
});`,
      settings: { "dynamodb-security": { authorizationFunctions: ["authorizeNote"] } },
    },
    {
      name: "NestJS guard named in settings",
      code: `${V3}
@Controller("notes")
@UseGuards(JwtAuthGuard, NoteOwnerGuard)
export class NotesController {
  @Get(":id")
  async findOne(@Param("id") id: string) {
    const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id } }));
    return Item;
  }
}`,
      settings: { "dynamodb-security": { authorizationFunctions: ["NoteOwnerGuard"] } },
    },
    // ---------------------------------------------------------------- each framework, written safely
    {
      name: "fastify: the caller in the key",
      code: `${V3}
fastify.get("/notes/:id", { onRequest: [fastify.authenticate] }, async (request, reply) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { userId: request.user.sub, noteId: request.params.id } }));
  return Item;
});`,
    },
    {
      name: "koa: ctx.throw when the item is not the caller's",
      code: `${V3}
router.delete("/notes/:id", async (ctx) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: ctx.params.id } }));
  if (!Item || Item.ownerId !== ctx.state.user.id) ctx.throw(404);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: ctx.params.id } }));
  ctx.status = 204;
});`,
    },
    {
      name: "hono: a ConditionExpression on the JWT subject",
      code: `${V3}
app.put("/notes/:id", async (c) => {
  const { sub } = c.get("jwtPayload");
  const body = await c.req.json();
  await doc.send(new UpdateCommand({
    TableName: "Notes",
    Key: { id: c.req.param("id") },
    UpdateExpression: "SET body = :b",
    ConditionExpression: "ownerId = :sub",
    ExpressionAttributeValues: { ":b": body.body, ":sub": sub },
  }));
  return c.body(null, 204);
});`,
    },
    {
      name: "hono: the path's user checked to be the caller, and the item keyed by that user and the note",
      code: honoUserNote(`c.req.param("userId")`),
    },
    {
      name: "nestjs: @CurrentUser() compared with the item, ForbiddenException thrown",
      code: `${V3}
@Controller("notes")
export class NotesController {
  constructor(private readonly doc: DynamoDBDocumentClient) {}

  @Get(":id")
  async findOne(@Param("id") id: string, @CurrentUser() user: User) {
    const { Item } = await this.doc.send(new GetCommand({ TableName: "Notes", Key: { id } }));
    if (Item?.ownerId !== user.id) throw new ForbiddenException();
    return Item;
  }

  @Delete(":id")
  async remove(@Param("id") id: string, @Req() req) {
    await this.doc.send(new DeleteCommand({ TableName: "Notes", Key: { id }, ConditionExpression: "ownerId = :me", ExpressionAttributeValues: { ":me": req.user.sub } }));
  }
}`,
    },
    {
      name: "nestjs: the item fetched through a method of the same class (this.getById()) is compared with the caller before the update",
      code: ordersController("\n    if (order.customerId !== user.sub) throw new ForbiddenException();"),
    },
    {
      name: "next.js: App Router handler compares with the session and calls notFound()",
      filename: "src/app/api/invoices/[id]/route.ts",
      code: `${V3}
import { auth } from "@/auth";
import { notFound } from "next/navigation";
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await auth();
  const { id } = await params;
  const { Item } = await doc.send(new GetCommand({ TableName: "Invoices", Key: { id } }));
  if (!Item || Item.customerId !== session?.user?.id) notFound();
  return Response.json(Item);
}`,
    },
    {
      name: "next.js: Server Action whose delete is bound to the session user",
      filename: "src/app/invoices/actions.ts",
      code: `"use server";
${V3}
import { getServerSession } from "next-auth";
export async function deleteInvoice(id: string) {
  const session = await getServerSession(authOptions);
  await doc.send(new DeleteCommand({ TableName: "Invoices", Key: { id }, ConditionExpression: "customerId = :me", ExpressionAttributeValues: { ":me": session.user.id } }));
}`,
    },
    {
      name: "express: res.locals.user set by middleware, compared with the item",
      code: `${V3}
app.get("/notes/:id", async (req, res) => {
  const { user } = res.locals;
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (!Item.isPublic && Item.ownerId !== user.id) return res.sendStatus(404);
  res.json(Item);
});`,
    },
    {
      name: "lambda (SDK v2 callbacks): Cognito identity in the key",
      ...cjs,
      code: `${V2}
module.exports.get = (event, context, callback) => {
  const params = {
    TableName: process.env.NOTES_TABLE,
    Key: { userId: event.requestContext.identity.cognitoIdentityId, noteId: event.pathParameters.id },
  };
  dynamo.get(params, (error, result) => callback(error, { statusCode: 200, body: JSON.stringify(result.Item) }));
};`,
    },
    {
      name: "lambda (SDK v2 callbacks): the fetched item compared inside the callback, then deleted there",
      ...cjs,
      code: `${V2}
exports.handler = (event, context, callback) => {
  const Key = { id: event.pathParameters.id };
  dynamo.get({ TableName: "Notes", Key }, (err, data) => {
    if (err || !data.Item) return callback(null, { statusCode: 404 });
    if (data.Item.owner !== event.requestContext.authorizer.principalId) return callback(null, { statusCode: 403 });
    dynamo.delete({ TableName: "Notes", Key }, () => callback(null, { statusCode: 204 }));
  });
};`,
    },
    {
      name: "appsync: a ConditionExpression on the identity",
      code: `${V3}
export const handler = async (event) => {
  await doc.send(new DeleteCommand({
    TableName: process.env.NOTES_TABLE,
    Key: { id: event.arguments.id },
    ConditionExpression: "#owner = :owner",
    ExpressionAttributeNames: { "#owner": "owner" },
    ExpressionAttributeValues: { ":owner": event.identity.username },
  }));
  return true;
};`,
    },
    {
      name: "sdk v2 low-level client: a condition on the caller's id",
      code: `import AWS from "aws-sdk";
const ddb = new AWS.DynamoDB();
app.delete("/notes/:id", async (req, res) => {
  await ddb.deleteItem({
    TableName: "Notes",
    Key: { id: { S: req.params.id } },
    ConditionExpression: "ownerId = :me",
    ExpressionAttributeValues: { ":me": { S: req.user.id } },
  }).promise();
  res.end();
});`,
    },
    {
      name: "a transaction whose ConditionCheck binds the parent list to the caller",
      code: `${V3}
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
app.post("/lists/:listId/items/:itemId", async (req, res) => {
  await doc.send(new TransactWriteCommand({
    TransactItems: [
      { ConditionCheck: { TableName: "Lists", Key: { id: req.params.listId }, ConditionExpression: "ownerId = :me", ExpressionAttributeValues: { ":me": req.user.id } } },
      { Put: { TableName: "Items", Item: { listId: req.params.listId, itemId: req.params.itemId, text: req.body.text } } },
    ],
  }));
  res.sendStatus(201);
});`,
    },
    {
      name: "a PartiQL statement whose WHERE includes the caller",
      code: `${V3}
import { ExecuteStatementCommand } from "@aws-sdk/lib-dynamodb";
app.delete("/notes/:id", async (req, res) => {
  await doc.send(new ExecuteStatementCommand({ Statement: 'DELETE FROM "Notes" WHERE id = ? AND ownerId = ?', Parameters: [req.params.id, req.user.id] }));
  res.end();
});`,
    },
    {
      name: "an authorization function from settings called in the handler",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  await policies.assertNoteAccess(req, req.params.id);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.end();
});`,
      settings: { "dynamodb-security": { authorizationFunctions: ["policies.assertNoteAccess"] } },
    },
    {
      name: "an admin-only router: role middleware installed with .use()",
      code: `${V3}
const adminRouter = express.Router();
adminRouter.use(authenticate, requireAdmin);
adminRouter.delete("/users/:id", async (req, res) => {
  await doc.send(new DeleteCommand({ TableName: "Users", Key: { id: req.params.id } }));
  res.sendStatus(204);
});`,
    },
    {
      name: "a custom authentication helper: its result is the caller the item is compared with",
      code: `${V3}
import jwt from "jsonwebtoken";
app.get("/notes/:id", async (req, res) => {
  const user = await authenticate(req);
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (Item?.ownerId !== user.id) return res.sendStatus(404);
  res.json(Item);
});
export const handler = async (event) => {
  const { sub } = jwt.verify(event.headers.authorization.replace("Bearer ", ""), process.env.JWT_SECRET);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: event.pathParameters.id }, ConditionExpression: "ownerId = :sub", ExpressionAttributeValues: { ":sub": sub } }));
  return { statusCode: 204 };
};`,
    },
    {
      name: "a query keyed by the caller finds the item, then not-found exits before the delete",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const { Items } = await doc.send(new QueryCommand({
    TableName: "Notes",
    IndexName: "byOwner",
    KeyConditionExpression: "ownerId = :me AND id = :id",
    ExpressionAttributeValues: { ":me": req.user.id, ":id": req.params.id },
  }));
  if (Items.length === 0) return res.sendStatus(404);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.sendStatus(204);
});`,
    },
    // ---------------------------------------------------------------- options
    {
      name: "publicTables: a table named by constant text and a stage suffix (`Products${process.env.STAGE}`) is listed by its constant name",
      code: `${V3}
const PRODUCTS_TABLE = \`Products\${process.env.STAGE || ""}\`;
app.get("/users/:userId/products/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: PRODUCTS_TABLE, Key: { id: req.params.id } }));
  res.json(Item);
});`,
      options: [{ publicTables: ["Products"] }],
    },
    {
      name: "publicTables by name and by environment variable",
      code: `${V3}
app.get("/products/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Products", Key: { id: req.params.id } }));
  res.json(Item);
});
export const handler = async (event) => {
  const r = await doc.send(new GetCommand({ TableName: process.env.CATALOG_TABLE, Key: { sku: event.pathParameters.sku } }));
  return { statusCode: 200, body: JSON.stringify(r.Item) };
};`,
      options: [{ publicTables: ["Products", "CATALOG_TABLE"] }],
    },
    {
      name: "publicTables: a table held in a class field (set by its initialiser or once in the constructor)",
      code: `${V3}
@Controller("products")
@UseGuards(AuthGuard("jwt"))
export class ProductsController {
  private readonly table = process.env.CATALOG_TABLE ?? "catalog";
  private readonly prices: string;
  constructor() {
    this.prices = "Prices";
  }

  @Get(":id")
  async findOne(@Param("id") id: string) {
    const { Item } = await doc.send(new GetCommand({ TableName: this.table, Key: { sku: id } }));
    const price = await doc.send(new GetCommand({ TableName: this.prices, Key: { sku: id } }));
    return { ...Item, price: price.Item };
  }
}`,
      options: [{ publicTables: ["CATALOG_TABLE", "Prices"] }],
    },
    {
      name: "publicRoutes (Express path and Next.js file route)",
      code: `${V3}
app.get("/posts/:slug", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Posts", Key: { slug: req.params.slug } }));
  res.json(Item);
});`,
      options: [{ publicRoutes: ["/posts/:id"] }],
    },
    {
      name: "publicRoutes matches a Next.js App Router file",
      code: `${V3}
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { Item } = await doc.send(new GetCommand({ TableName: "Posts", Key: { id } }));
  return Response.json(Item);
}`,
      filename: "/srv/web/app/api/posts/[id]/route.ts",
      options: [{ publicRoutes: ["/api/posts/*"] }],
    },
    {
      name: "declared public: a response shared caches may keep for anyone (Cache-Control: public), set in headers or with res.set",
      code: `${V3}
export const handler = async (event) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Orders", Key: { orderId: event.pathParameters.id } }));
  return { statusCode: 200, headers: { "Cache-Control": "public, max-age=60" }, body: JSON.stringify(Item) };
};
app.get("/users/:id/card", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Users", Key: { userId: req.params.id } }));
  res.set("cache-control", \`public, s-maxage=\${300}\`).json(Item);
});`,
    },
    {
      name: "declared public: a route, handler or file named public (Express path, Lambda file and handler names)",
      code: `${V3}
app.get("/public/accounts/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Accounts", Key: { accountId: req.params.id } }));
  res.json(Item);
});
export const publicGetOrder = async (event) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Orders", Key: { orderId: event.pathParameters.id } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
    },
    {
      name: "declared public: a Lambda in a file named public-get.ts",
      filename: "/srv/shop/backend/src/orders/public-get.ts",
      code: `${V3}
export const handler = async (event) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Orders", Key: { orderId: event.pathParameters.id } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
    },
    // ---------------------------------------------------------------- not a request-chosen key
    {
      name: "keys from the caller, constants, generated ids and the environment",
      code: `${V3}
import { randomUUID } from "node:crypto";
app.post("/notes", async (req, res) => {
  await doc.send(new PutCommand({ TableName: "Notes", Item: { id: randomUUID(), ownerId: req.user.id, text: req.body.text } }));
  const { Item } = await doc.send(new GetCommand({ TableName: "Settings", Key: { id: "global" } }));
  const me = await doc.send(new GetCommand({ TableName: "Users", Key: { id: req.user.id } }));
  res.json({ Item, me: me.Item });
});`,
    },
    {
      name: "functions that are not request handlers (a repository method)",
      code: `${V3}
export async function findNote(id: string) {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id } }));
  return Item;
}`,
    },
    {
      name: "a DynamoDB-shaped call on a Map is not an operation",
      code: `const cache = new Map();
app.get("/x/:id", (req, res) => res.json(cache.get(req.params.id)));`,
    },
    // ---------------------------------------------------------------- unauthenticated reads of data that looks public
    {
      name: "no authentication: a catalogue item by id (Lambda, SDK v2 callback) is not reported by default",
      code: `${V2}
exports.handler = (event, context, callback) => {
  const params = { TableName: process.env.CATALOG_TABLE, Key: { isbn: event.pathParameters.isbn } };
  dynamo.get(params, (error, data) => {
    if (error) return callback(null, { statusCode: 500, body: "" });
    callback(null, { statusCode: 200, body: JSON.stringify(data.Item) });
  });
};`,
      ...cjs,
      filename: "functions/api/getTitle.js",
    },
    {
      name: "no authentication: films of a release year from a query string (express controller) are not reported by default",
      code: `${V2}
exports.byYear = async (req, res, next) => {
  try {
    const out = await dynamo.query({
      TableName: "Films",
      KeyConditionExpression: "#y = :y",
      ExpressionAttributeNames: { "#y": "releaseYear" },
      ExpressionAttributeValues: { ":y": Number(req.query.year) },
    }).promise();
    res.json(out.Items);
  } catch (e) {
    next(e);
  }
};`,
      ...cjs,
      filename: "controllers/films.js",
    },
    {
      name: "no authentication: an owner name in another handler of the file (a sign-up, the caller's claims) says nothing about a catalogue read",
      code: `${V3}
app.post("/signup", async (req, res) => {
  await cognito.signUp({ ClientId: "x", Username: req.body.email, Password: req.body.password });
  res.status(201).end();
});
app.get("/me", async (req, res) => res.json({ userId: req.user.sub }));
app.get("/products/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Products", Key: { id: req.params.id } }));
  res.json(Item);
});`,
      filename: "src/server.js",
    },
    {
      name: "no authentication: owner attributes in the file's operations on another table say nothing about this table",
      code: `${V3}
app.get("/events/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Events", Key: { id: req.params.id } }));
  res.json(Item);
});
export async function registrationsOf(userId) {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Registrations", KeyConditionExpression: "userId = :u", ExpressionAttributeValues: { ":u": userId } }));
  return Items;
}`,
      filename: "src/server.js",
    },
    {
      name: "a read only tested for existence through a predicate (isEmpty(user), _.isNil(user)) before a sign-up is not a read of the item",
      code: `${V3}
import _ from "lodash";
const isEmpty = (value) => value == null || Object.keys(value).length === 0;
export const checkUser = async (event) => {
  const { Item: user } = await doc.send(new GetCommand({ TableName: process.env.USERS_TABLE, Key: { email: event.pathParameters.email } }));
  if (isEmpty(user)) return { statusCode: 200, body: "false" };
  return { statusCode: 200, body: String(!_.isNil(user)) };
};`,
      filename: "src/users.js",
    },
    {
      name: "a part of the item kept in a variable only to find a position in it serves no item data",
      code: `${V3}
app.post("/friends/remove", requireAuth, async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Users", Key: { userId: req.body.friendId } }));
  const friends = Item?.friends;
  const index = friends?.findIndex((friend) => friend.userId === req.user.id);
  if (index === -1) return res.status(404).end();
  res.json({ removed: true });
});`,
      filename: "src/friends.js",
    },
    {
      name: "an admin check given the whole request guards the route (isAdminRequest(req) compares an API key header with a secret)",
      code: `${V3}
function isAdminRequest(req: Request) {
  const key = req.headers.get("x-admin-key") || "";
  return Boolean(process.env.ADMIN_KEY) && key === process.env.ADMIN_KEY;
}
export async function DELETE(req: Request) {
  if (!isAdminRequest(req)) return Response.json({ error: "Forbidden" }, { status: 403 });
  const id = new URL(req.url).searchParams.get("newsId");
  await doc.send(new DeleteCommand({ TableName: "News", Key: { newsId: id } }));
  return Response.json({ ok: true });
}`,
      filename: "app/api/news/route.ts",
    },
    {
      name: "a login: the item read by e-mail is checked against the request's password or API key before anything is served (even when every unauthenticated read is reported)",
      code: `${V3}
import bcrypt from "bcryptjs";
import { createHash } from "node:crypto";
import jwt from "jsonwebtoken";
app.post("/login", async (req, res) => {
  const { Item: user } = await doc.send(new GetCommand({ TableName: "Users", Key: { email: req.body.email } }));
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) return res.status(401).end();
  res.json({ token: jwt.sign({ sub: user.userId }, process.env.JWT_SECRET), profile: user.profile });
});
app.post("/legacy-login", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Users", Key: { email: req.body.email } }));
  const uid = Item.userId;
  const digest = createHash("sha1").update(req.body.password + uid).digest("hex");
  if (digest !== Item.password) return res.status(401).end();
  res.json({ token: jwt.sign({ sub: uid }, process.env.JWT_SECRET) });
});
app.post("/keys/check", async (req, res, next) => {
  const key = await doc.send(new GetCommand({ TableName: "ApiKeys", Key: { accessId: req.body.accessId } }));
  const ok = await bcrypt.compare(req.body.apiKey, key.Item.accessKeyHash);
  if (!ok) return res.status(401).end();
  return next();
});
app.post("/session", async (req, res) => {
  const user = await doc.send(new GetCommand({ TableName: "Users", Key: { PK: "EMAIL#" + req.body.email } }));
  const matches = await bcrypt.compare(req.body.password, user.Item.password);
  if (matches) {
    res.json({ userId: user.Item.userId, name: user.Item.firstName });
  }
});`,
      filename: "src/auth.js",
      options: [{ reportAllUnauthenticatedReads: true }],
    },
    {
      name: "the item's secret attribute compared with what the request sends, whatever the request calls it (a provider's key as providerAk)",
      code: `${V3}
import { NextRequest, NextResponse } from "next/server";
export async function POST(req: NextRequest) {
  const { providerId, providerAk } = await req.json();
  const { Item: provider } = await doc.send(new GetCommand({ TableName: "Providers", Key: { providerId } }));
  if (!provider || provider.apiKey !== providerAk) return NextResponse.json({ error: "invalid key" }, { status: 401 });
  return NextResponse.json({ wallet: provider.wallet, ownerId: provider.ownerId });
}`,
      filename: "app/api/providers/devices/route.ts",
      options: [{ reportAllUnauthenticatedReads: true }],
    },
    {
      name: "the fetched item's owner compared with the session's cookie before the write",
      code: `${V3}
import { NextRequest } from "next/server";
export async function POST(req: NextRequest) {
  const body = await req.json();
  const me = req.cookies.get("kb_user")?.value;
  if (!me) return Response.json({}, { status: 401 });
  const { Item } = await doc.send(new GetCommand({ TableName: "Users", Key: { userId: body.userId } }));
  if (!Item || Item.email !== me) return Response.json({}, { status: 403 });
  await doc.send(new PutCommand({ TableName: "Users", Item: { ...Item, passwordHash: body.hash } }));
  return Response.json({ ok: true });
}`,
      filename: "app/api/users/route.ts",
    },
    {
      name: "the result of an admin check given the whole request, kept in a variable, guards the route",
      code: `${V3}
function requireAdmin(req: Request) {
  return req.headers.get("x-admin-key") === process.env.ADMIN_KEY ? null : Response.json({ error: "Forbidden" }, { status: 403 });
}
export async function DELETE(req: Request) {
  const forbidden = requireAdmin(req);
  if (forbidden) return forbidden;
  const id = new URL(req.url).searchParams.get("newsId");
  await doc.send(new DeleteCommand({ TableName: "News", Key: { newsId: id } }));
  return Response.json({ ok: true });
}`,
      filename: "app/api/news/route.ts",
    },
    {
      name: "an output only tested for existence in a .then() callback or an SDK v2 callback",
      code: `${V2}
const { DynamoDBClient, QueryCommand } = require("@aws-sdk/client-dynamodb");
const client = new DynamoDBClient({});
exports.check = (req, res) => {
  client.send(new QueryCommand({ TableName: "Users", KeyConditionExpression: "email = :e", ExpressionAttributeValues: { ":e": { S: req.query.email } } })).then((data) => {
    if (data.Items.length === 0) return res.status(401).send({ message: "Unknown e-mail" });
    res.send({ ok: true });
  });
};
exports.exists = (req, res) => {
  dynamo.get({ TableName: "Users", Key: { email: req.query.email } }, (error, { Item }) => res.send({ taken: Boolean(Item) }));
};`,
      ...cjs,
    },
    {
      name: "a read whose attributes only answer yes/no questions (normalizeStatus(post.status) !== ..., friends.some(...)) serves no item data",
      code: `${V3}
import { normalizeStatus } from "./status";
app.post("/posts/:id/comments", requireAuth, async (req, res) => {
  const { Item: post } = await doc.send(new GetCommand({ TableName: "Posts", Key: { postId: req.params.id } }));
  if (!post || normalizeStatus(post.status) !== "active") return res.status(404).end();
  const blocked = post.blockedUsers?.some((user) => user.id === req.user.id);
  if (blocked) return res.status(403).end();
  res.status(201).json({ ok: true });
});`,
      filename: "src/posts.js",
    },
    {
      name: "a generic helper's conditional key (extra ? { id, ...extra } : { id }) holds the caller's id in both forms",
      code: `${V3}
async function getOne(id, table, extraKeys = {}) {
  const params = { TableName: table, Key: Object.keys(extraKeys).length === 0 ? { id } : { id, ...extraKeys } };
  const result = await doc.send(new GetCommand(params));
  return result.Item || null;
}
export const getProgress = async (event) => {
  const userID = event.requestContext.authorizer.claims.sub;
  const item = await getOne(userID, "Quests", { eventKey: event.pathParameters.eventId });
  return { statusCode: 200, body: JSON.stringify(item) };
};`,
    },
    {
      name: "an item read only to answer a yes/no about the caller's own entry in it (list.find(...)?.status === 1)",
      code: attendanceSheet("{ alreadyMarked: list.find((entry) => entry.studentId === req.user.id)?.status === 1 }"),
    },
    {
      name: "the whole body as the item, its id always generated; a missing non-key attribute filled in",
      code: bodyWithFilledIn("body.id = randomUUID(); if (!body.createdAt) body.createdAt = Date.now();"),
    },
    {
      name: "writers that generate the id, given an object of named fields without one: every call creates a new item",
      code: candidateWriters("{ name: req.body.name, email: req.body.email }"),
    },
    {
      name: "evidence 4: the caller compared with the configured administrator (`email !== ADMIN_EMAIL`, `process.env.ADMIN_ID`) before the access",
      code: `${V3}const ADMIN_EMAIL = "owner@example.com";
app.delete("/events/:id", authenticateToken, async (req, res) => {
  if (!req.user.email || req.user.email !== ADMIN_EMAIL) return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Events", Key: { id: req.params.id } }));
  res.status(204).end();
});
app.delete("/posts/:id", authenticateToken, async (req, res) => {
  if (req.user.sub != process.env.ADMIN_USER_ID) return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Posts", Key: { id: req.params.id } }));
  res.status(204).end();
});`,
    },
    {
      name: "evidence 4: a claim of the verified token compared with the administrator's role, whatever the claim is named (`payload.type !== \"admin\"`)",
      code: `import { NextRequest, NextResponse } from "next/server";
import jwt from "jsonwebtoken";
${V3}
function verifyToken(token: string) {
  try {
    return jwt.verify(token, process.env.JWT_SECRET as string) as { type: string; studentId?: string };
  } catch {
    return null;
  }
}
export async function DELETE(request: NextRequest) {
  const token = request.cookies.get("admin_token")?.value;
  if (!token) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  const payload = verifyToken(token);
  if (!payload || payload.type !== "admin") return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  const roomId = new URL(request.url).searchParams.get("roomId");
  await doc.send(new DeleteCommand({ TableName: "Rooms", Key: { PK: \`ROOM#\${roomId}\`, SK: "META" } }));
  return NextResponse.json({ ok: true });
}
app.put("/rooms/:id", authenticateToken, async (req, res) => {
  if (req.user.kind === "SUPER_ADMIN") {
    await doc.send(new UpdateCommand({ TableName: "Rooms", Key: { id: req.params.id }, UpdateExpression: "SET open = :o", ExpressionAttributeValues: { ":o": false } }));
  }
  res.end();
});`,
    },
    {
      name: "an update keyed by a value generated here (the current time, a new id) names an item no one has yet",
      code: `${V3}
app.post("/payments/test-failure", authenticateToken, async (req, res) => {
  const txnRef = \`TEST\${String(req.body.mode).toUpperCase()}\${Date.now()}\`;
  await doc.send(new UpdateCommand({ TableName: "Payments", Key: { PK: \`PAYMENT#\${txnRef}\`, SK: "DETAIL" }, UpdateExpression: "SET enqueuedAt = :now", ExpressionAttributeValues: { ":now": new Date().toISOString() } }));
  res.json({ txnRef });
});
app.post("/drafts", authenticateToken, async (req, res) => {
  await doc.send(new UpdateCommand({ TableName: "Drafts", Key: { id: \`\${req.body.kind}-\${randomUUID()}\` }, UpdateExpression: "SET body = :b", ExpressionAttributeValues: { ":b": req.body.text } }));
  res.end();
});`,
    },
    {
      name: "evidence 3: a Scan for one item by its id, the item picked with find() and its sender compared with the caller before the delete",
      code: `${V2}
app.delete("/messages/:messageId", authenticateToken, async (req, res) => {
  const { messageId } = req.params;
  const { Items } = await dynamo.scan({ TableName: "Messages", FilterExpression: "messageId = :m", ExpressionAttributeValues: { ":m": messageId } }).promise();
  const message = Items.find((m) => m.messageId === messageId);
  if (!message) return res.status(404).end();
  if (message.senderId !== req.user.id) return res.status(403).end();
  await dynamo.delete({ TableName: "Messages", Key: { conversationId: message.conversationId, messageId } }).promise();
  res.end();
});`,
    },
    {
      name: "evidence 3: the caller found among the item's participants (`some`, `find`, also held in a variable) before the update",
      code: `${V3}
app.post("/calls/:id/leave", authenticateToken, async (req, res) => {
  const { Item: call } = await doc.send(new GetCommand({ TableName: "Calls", Key: { sessionId: req.params.id } }));
  if (!call) return res.status(404).end();
  const isParticipant = call.participants.some((p) => p.userId === req.user.id);
  if (!isParticipant) return res.status(403).end();
  await doc.send(new UpdateCommand({ TableName: "Calls", Key: { sessionId: req.params.id }, UpdateExpression: "SET ended = :t", ExpressionAttributeValues: { ":t": true } }));
  res.json(call);
});
app.get("/calls/:id", authenticateToken, async (req, res) => {
  const { Item: call } = await doc.send(new GetCommand({ TableName: "Calls", Key: { sessionId: req.params.id } }));
  if (!call?.participants.find((p) => p.userId === req.user.id)) return res.status(403).end();
  res.json(call);
});`,
    },
    {
      name: "a sign-up that writes only when a helper finds no account under the same key: the helper answers whether it exists, or returns it",
      code: `${V3}
async function emailTaken(email: string) {
  const result = await doc.send(new GetCommand({ TableName: "Accounts", Key: { email } }));
  return !!result.Item;
}
async function findAccount(email: string) {
  const { Item } = await doc.send(new GetCommand({ TableName: "Accounts", Key: { email } }));
  return Item;
}
export const handler = async (event) => {
  const { email, name } = JSON.parse(event.body);
  if (await emailTaken(email)) return { statusCode: 409 };
  await doc.send(new PutCommand({ TableName: "Accounts", Item: { email, name } }));
  return { statusCode: 201 };
};
export const register = async (event) => {
  const { email, name } = JSON.parse(event.body);
  if (await findAccount(email)) return { statusCode: 409 };
  await doc.send(new PutCommand({ TableName: "Accounts", Item: { email, name } }));
  return { statusCode: 201 };
};`,
    },
    {
      name: "evidence 4: the role flag of the record fetched for the caller (`User.findById(req.user.id)`, `findOne({ _id: me })`) before the update",
      code: `${V3}import User from "./models/user";
app.put("/reports/:id/resolve", authenticateToken, async (req, res) => {
  const user = await User.findById(req.user.id);
  if (!user || !user.isAdmin) return res.status(403).end();
  await doc.send(new UpdateCommand({ TableName: "Reports", Key: { reportId: req.params.id }, UpdateExpression: "SET resolved = :t", ExpressionAttributeValues: { ":t": true } }));
  res.end();
});
app.delete("/reports/:id", authenticateToken, async (req, res) => {
  const me = await User.findOne({ _id: req.user.id });
  if (me.role !== "moderator") return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Reports", Key: { reportId: req.params.id } }));
  res.end();
});`,
    },
    {
      name: "a one-time code's record stored, counted and removed by the address the code goes to (`OTP#${email}`, a verification-codes table)",
      code: `${V3}
export async function POST(request) {
  const { email, otp } = await request.json();
  const key = { PK: \`OTP#\${email}\`, SK: \`OTP#\${email}\` };
  const { Item: rec } = await doc.send(new GetCommand({ TableName: "Auth", Key: key }));
  if (!rec) return Response.json({ error: "no code" }, { status: 404 });
  if (Date.now() - Date.parse(rec.createdAt) > 600000) {
    await doc.send(new DeleteCommand({ TableName: "Auth", Key: key }));
    return Response.json({ error: "expired" }, { status: 400 });
  }
  if (rec.otp !== otp) {
    await doc.send(new UpdateCommand({ TableName: "Auth", Key: key, UpdateExpression: "SET attempts = :a", ExpressionAttributeValues: { ":a": rec.attempts + 1 } }));
    return Response.json({ error: "wrong code" }, { status: 400 });
  }
  await doc.send(new DeleteCommand({ TableName: "verification-codes", Key: { phone: request.headers.get("x-phone") ?? email } }));
  return Response.json({ ok: true });
}`,
    },
    {
      name: "reads run in parallel: the turns are served only after the session item keyed by the caller was found",
      filename: "app/api/session/[sessionId]/route.ts",
      code: parallelSessionRoute("sessionResult.Item"),
    },
    {
      name: "a stored one-time code compared with the request's before the update, read through a `send(command)` wrapper of the file",
      code: `${V3}const send = (command) => doc.send(command);
app.post("/verify-otp", async (req, res) => {
  const { techId, otp } = req.body;
  const response = await send(new GetCommand({ TableName: "Technicians", Key: { techId } }));
  const user = response.Item;
  if (!user) return res.status(404).end();
  if (user.otp !== otp) return res.status(400).json({ message: "Invalid OTP" });
  await send(new UpdateCommand({ TableName: "Technicians", Key: { techId }, UpdateExpression: "SET verified = :v REMOVE otp", ExpressionAttributeValues: { ":v": true } }));
  res.json({ ok: true });
});`,
    },
    {
      name: "a sign-in code issued for the phone number the caller signs in with: a Put of a random code (`code: Math.floor(... Math.random() ...)`)",
      code: `${V3}export const handler = async (event) => {
  const { phone } = JSON.parse(event.body);
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.TABLE, Key: { phone } }));
  if (Item && Item.sentAt > Date.now() - 60000) return { statusCode: 429, body: "" };
  const code = Math.floor(100000 + Math.random() * 900000);
  await doc.send(new PutCommand({ TableName: process.env.TABLE, Item: { phone, code, sentAt: Date.now() } }));
  await sendSms(phone, code);
  return { statusCode: 204, body: "" };
};`,
    },
    {
      name: "evidence 4: an allow-list of named roles (`role !== \"coo\" && role !== \"director\"`) before the delete is a role check",
      code: `${V3}
app.delete("/projects/:id", authenticateToken, async (req, res) => {
  if (req.user.role !== "coo" && req.user.role !== "director") return res.status(403).json({ error: "forbidden" });
  await doc.send(new DeleteCommand({ TableName: "Projects", Key: { id: req.params.id } }));
  res.status(204).end();
});`,
    },
    {
      name: "evidence 4: a role allow-list after the read, before the item is served, lets only those roles see it",
      code: `${V3}
app.get("/payments/:id", authenticateToken, async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Payments", Key: { id: req.params.id } }));
  if (!Item) return res.status(404).end();
  const allowed = ["coo", "director", "accounts"];
  if (!allowed.includes(req.user.role)) return res.status(403).json({ error: "forbidden" });
  res.json(Item);
});`,
    },
    {
      name: "evidence 4: a manager or moderator flag of the caller (is_manager, isModerator) is a role check",
      code: `${V3}
app.delete("/users/:userId", authenticateToken, async (req, res) => {
  if (!req.user.is_manager) return res.status(403).json({ message: "Forbidden" });
  await doc.send(new DeleteCommand({ TableName: "Users", Key: { id: req.params.userId } }));
  res.status(204).end();
});
app.delete("/posts/:id", authenticateToken, async (req, res) => {
  if (!req.user.isModerator) return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Posts", Key: { id: req.params.id } }));
  res.status(204).end();
});`,
    },
    {
      name: "evidence 3 and 4 together: `if (!isAdmin && item.ownerId !== me) return 403` lets only admins and the owner through",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (!req.user.isAdmin && Item?.ownerId !== req.user.id) return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.status(204).end();
});`,
    },
    {
      name: "no authentication: a generic CRUD read whose file, table and route name nothing per-user is not reported by default",
      code: `${V3}
app.get("/widgets/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { id: req.params.id } }));
  if (!Item) return res.status(404).end();
  res.json(Item);
});`,
      filename: "src/server.js",
    },
    {
      name: "the key's partition is the caller's sub from an imported helper given the whole event",
      code: `import { DocumentClient } from "aws-sdk/clients/dynamodb";
import { extractSubFromEvent } from "../utils/auth";
export async function handler(event) {
  const body = JSON.parse(event.body);
  const client = new DocumentClient();
  await client.put({ TableName: process.env.TABLE_NAME, Item: { pk: extractSubFromEvent(event), sk: body.id, title: body.title } }).promise();
  return { statusCode: 200 };
}`,
    },
    {
      name: "a Put whose sort key holds a fresh id creates an item and overwrites nothing (USER#id / NOTE#randomUUID())",
      code: `${V3}
import { randomUUID } from "node:crypto";
app.post("/users/:userId/notes", async (req, res) => {
  const noteId = randomUUID();
  await doc.send(new PutCommand({ TableName: "App", Item: { PK: \`USER#\${req.params.userId}\`, SK: \`NOTE#\${noteId}\`, text: req.body.text } }));
  res.status(201).json({ noteId });
});`,
    },
    {
      name: "a Put of an item with an id generated right there (no PK/SK/id attribute names the key) creates an item under the route's parent",
      code: `${V3}
import { randomUUID } from "node:crypto";
const newCommentId = () => Math.floor(Math.random() * 1_000_000);
app.post("/articles/:articleId/comments", async (req, res) => {
  const commentId = newCommentId();
  await doc.send(new PutCommand({ TableName: "Comments", Item: { articleId: req.params.articleId, commentId, text: req.body.text } }));
  await doc.send(new PutCommand({ TableName: "Reactions", Item: { articleId: req.params.articleId, reaction_id: randomUUID(), kind: req.body.kind } }));
  await doc.send(new PutCommand({ TableName: "Drafts", Item: { articleId: req.params.articleId, draftId: \`D-\${Math.random().toString(36).slice(2)}\` } }));
  res.status(201).json({ commentId });
});`,
    },
    {
      name: "a Put whose sort key joins request text with a fresh id still creates an item (TASK#priority#nanoid())",
      code: `${V3}
import { nanoid } from "nanoid";
app.post("/users/:userId/tasks", async (req, res) => {
  const taskId = nanoid();
  let sk;
  if (req.body.priority) sk = \`TASK#\${req.body.priority}#\${taskId}\`;
  else sk = \`TASK#\${taskId}\`;
  await doc.send(new PutCommand({ TableName: "App", Item: { PK: \`USER#\${req.params.userId}\`, SK: sk, title: req.body.title } }));
  res.status(201).json({ taskId });
});`,
    },
    {
      name: "a Put whose sort key holds the current time appends an entry (PK id / TS#Date.now())",
      code: `${V3}
export const handler = async (event) => {
  const id = event.pathParameters.id;
  await doc.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { PK: id, SK: "TS#" + String(Date.now()), data: "seen" } }));
  return { statusCode: 200, body: "" };
};`,
    },
    {
      name: "lambda: queries run through Promise.all whose results are only tested for existence",
      code: signUpQueries(`if (emailMatch.Items.length > 0 || usernameMatch.Items.length > 0) return { statusCode: 400, body: "taken" };
  return { statusCode: 200, body: "" };`),
    },
    {
      name: "lambda: an item keyed under the user whose profile was checked against the caller (profile by userId, then games by userId and gameId)",
      code: gameUnderProfile("userId"),
    },
    {
      name: "lambda: an item keyed under a shortlist whose caller-keyed record exists",
      code: `${V3}
export const handler = async (event) => {
  const clientId = event.requestContext.authorizer.lambda.clientId;
  const { shortlistId, candidateId } = event.pathParameters;
  const shortlist = await doc.send(new GetCommand({ TableName: "Market", Key: { PK: \`CLIENT#\${clientId}\`, SK: \`SHORTLIST#\${shortlistId}\` } }));
  if (!shortlist.Item) return { statusCode: 404, body: "" };
  await doc.send(new DeleteCommand({ TableName: "Market", Key: { PK: \`SHORTLIST#\${shortlistId}\`, SK: \`CANDIDATE#\${candidateId}\` } }));
  return { statusCode: 204, body: "" };
};`,
    },
    {
      name: "lambda: a generated id written after the body's spread, or beside a validated body, is the new item's",
      code: createFromBody("{ ...body, id: randomUUID() }").replace("export const handler", `export const validated = async (event) => {
  await doc.send(new PutCommand({ TableName: "Items", Item: { id: randomUUID(), ...ItemInput.parse(JSON.parse(event.body)) } }));
};
export const handler`),
    },
    {
      name: "lambda: a generated id written through the validated item's member path (`result.data.id = randomUUID()`)",
      code: safeParsedBook("randomUUID()"),
    },
    {
      name: "lambda: each element of a list a zod schema returned, spread after a generated id, has only the schema's keys",
      code: createEachFromBody("Upload.parse(body)"),
    },
    {
      name: "lambda: the same list read as a member of the validated body in the loop itself",
      code: createEachFromBody("body").replace("for (const q of questions)", "for (const q of Upload.parse(body).questions)"),
    },
    {
      name: "lambda: the object a function of the file builds, spread after a generated id, has no id to replace it with",
      code: createFromBody("{ id: randomUUID(), ...makeItem(body.title) }") + "\nfunction makeItem(title) { const createdAt = Date.now(); return { title, createdAt }; }",
    },
    {
      name: "lambda: an optional attribute spread under a condition after a generated id cannot replace the id",
      code: createFromBody("{ id: randomUUID(), title: body.title, ...(body.image && { image: body.image }), ...(body.tags ? { tags: body.tags } : {}) }"),
    },
    {
      name: "lambda: an item keyed by the Cognito identity the caller's token was exchanged for is the caller's",
      code: cognitoDelete("Key: { user_id: AWS.config.credentials.identityId, id: event.pathParameters.id }"),
    },
    {
      name: "express: a Put whose sort key (known from the file's other operations) is the current time creates a new item (moment)",
      code: reviews('moment().format("YYYY-MM-DD HH:mm:ss")'),
    },
    {
      name: "express: a Put whose sort key (known from the file's other operations) is the current time creates a new item (Date)",
      code: reviews("new Date().toISOString()"),
    },
    {
      name: "express: a Query that only counts a user's items (Select: COUNT) serves none of them",
      code: `${V3}
app.get("/users/:id/photos/count", async (req, res) => {
  const { Count } = await doc.send(new QueryCommand({ TableName: "Photos", KeyConditionExpression: "userId = :u", ExpressionAttributeValues: { ":u": req.params.id }, Select: "COUNT" }));
  res.json({ count: Count });
});`,
      options: [{ reportAllUnauthenticatedReads: true }],
    },
    {
      name: "express: a visit counter keyed by the visitor's own cookie, read out of an event object that also holds the request's path",
      code: `${V3}
function readCookie(req, name) {
  const match = (req.headers.cookie || "").match(new RegExp("(?:^|; )" + name + "=([^;]+)"));
  return match ? match[1] : null;
}
function describeVisit(req) {
  return { at: new Date().toISOString(), path: req.path.split("?")[0], visitorId: readCookie(req, "vid") };
}
app.post("/track", async (req, res) => {
  const visit = describeVisit(req);
  await doc.send(new UpdateCommand({ TableName: "Traffic", Key: { pk: "VISITOR", sk: visit.visitorId }, UpdateExpression: "SET lastSeen = :now", ExpressionAttributeValues: { ":now": visit.at } }));
  res.json({ ok: true });
});`,
    },
    {
      name: "lambda: an invitation id in the path is the secret that grants the access",
      code: `${V3}
export const handler = async (event) => {
  await doc.send(new DeleteCommand({ TableName: "Invitations", Key: { id: event.pathParameters.invitationId } }));
  return { statusCode: 204, body: "" };
};`,
    },
    {
      name: "lambda: an OAuth callback's state parameter is the single-use secret that its item is keyed by",
      code: `${V3}
export const handler = async (event) => {
  const { state } = event.queryStringParameters;
  const { Item } = await doc.send(new GetCommand({ TableName: "Auth", Key: { PK: \`STATE#\${state}\`, SK: "AUTH" } }));
  if (!Item) return { statusCode: 302, headers: { Location: "/login?error=state" }, body: "" };
  await doc.send(new DeleteCommand({ TableName: "Auth", Key: { PK: \`STATE#\${state}\`, SK: "AUTH" } }));
  return { statusCode: 302, headers: { Location: Item.returnTo }, body: "" };
};`,
    },
    {
      name: "lambda: an item with PK and SK attributes chosen by the server is keyed by them, not by the body's id",
      code: `${V3}
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  await doc.send(new PutCommand({ TableName: "Suggestions", Item: { PK: "SUGGESTIONS", SK: "SUGGESTION#" + new Date().getFullYear(), id: body.id, text: body.text } }));
  return { statusCode: 201, body: "" };
};`,
    },
    {
      name: "express: a read whose item only gives the key of the next operation serves nothing",
      code: membershipCounter("res.sendStatus(204);"),
      options: [{ reportAllUnauthenticatedReads: true }],
    },
    {
      name: "express: a body validated by route middleware (celebrate) spread after a generated id",
      code: `${V3}import { randomUUID } from "node:crypto";
app.post("/patients", celebrate(patientSchema), async (req, res) => {
  await doc.send(new PutCommand({ TableName: "Patients", Item: { id: randomUUID(), ...req.body } }));
  res.sendStatus(201);
});`,
    },
    {
      name: "express: an attribute copied with a default and then only compared is tested, not served",
      code: clientCredits(`if (credits <= 0) return res.sendStatus(403);
  res.sendStatus(204);`),
      options: [{ reportAllUnauthenticatedReads: true }],
    },
    {
      name: "express: a queried item whose id, in a low-level attribute value, keys the next update is not served",
      code: `import { DynamoDBClient, QueryCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
const client = new DynamoDBClient({});
app.post("/friends", async (req, res) => {
  const found = await client.send(new QueryCommand({ TableName: "Users", IndexName: "byName", KeyConditionExpression: "username = :u", ExpressionAttributeValues: { ":u": { S: String(req.body.username) } } }));
  const target = found.Items?.[0];
  if (!target) return res.sendStatus(404);
  await client.send(new UpdateItemCommand({ TableName: "Invitations", Key: { user_id: { S: target.user_id.S as string } }, UpdateExpression: "SET pending = :t", ExpressionAttributeValues: { ":t": { BOOL: true } } }));
  res.sendStatus(204);
});`,
      options: [{ reportAllUnauthenticatedReads: true }],
    },
    {
      name: "lambda: an admin extractor from a layer module, in a try whose catch answers 401, is a role guard",
      code: ADMIN_LAMBDA("extractAdminId(event)"),
    },
    {
      name: "express: a role guard called as a statement with the request is a role guard",
      code: `${V3}
app.delete("/candidates/:id", async (req, res) => {
  await requireRole(req, "recruiter");
  await doc.send(new DeleteCommand({ TableName: "Candidates", Key: { id: req.params.id } }));
  res.end();
});`,
    },
    {
      name: "two hops: the client is checked to be the caller's, then the track to be that client's, before the track is deleted",
      ...cjs,
      code: `${V2}const app = require("express")();
async function loadClient(userId, coachId) {
  const { Item } = await dynamo.get({ TableName: "Users", Key: { id: userId } }).promise();
  if (!Item || Item.coachId !== coachId) throw new Error("not your client");
  return Item;
}
${LOAD_TRACK}app.delete("/clients/:userId/tracks/:trackId", async (req, res) => {
  await loadClient(req.params.userId, req.user.id);
  await loadTrack(req.params.trackId, req.params.userId);
  await dynamo.delete({ TableName: "Tracks", Key: { id: req.params.trackId } }).promise();
  res.sendStatus(204);
});
app.post("/clients/:userId/tracks/:trackId/close", async (req, res) => {
  const { Item: client } = await dynamo.get({ TableName: "Users", Key: { id: req.params.userId } }).promise();
  await assertCoachOf(client, req.user.id);
  await loadTrack(req.params.trackId, req.params.userId);
  await dynamo.update({ TableName: "Tracks", Key: { id: req.params.trackId }, UpdateExpression: "SET closed = :t", ExpressionAttributeValues: { ":t": true } }).promise();
  res.sendStatus(204);
});`,
    },
    {
      name: "a body spread into an item that names its key, its owner or the caller, or a helper that generates the id on the item it is given, chooses no key",
      ...cjs,
      code: `${V2}const app = require("express")();
const { randomUUID } = require("node:crypto");
app.post("/games", async (req, res) => {
  await dynamo.put({ TableName: "Games", Item: { ...req.body, id: randomUUID() } }).promise();
  await dynamo.put({ TableName: "Games", Item: { ...req.body, ownerId: req.user.id } }).promise();
  await dynamo.put({ TableName: "Games", Item: { ...req.body, createdBy: "import" } }).promise();
  res.json({});
});
function createGame(data) {
  data.id = randomUUID();
  return dynamo.put({ TableName: "Games", Item: data }).promise();
}
app.post("/games/new", async (req, res) => {
  await createGame(req.body);
  res.json({});
});
app.put("/games/:id", async (req, res) => {
  await dynamo.put({ TableName: "Games", Item: req.body, ConditionExpression: "attribute_not_exists(id)" }).promise();
  res.json({});
});`,
    },
    {
      name: "a key made through a same-file converter (`toDynamoItem(item)` returning `marshall(item)`) is read attribute by attribute: the caller's partition",
      code: `${CONVERTER}app.get("/notes/:id", async (req, res) => {
  const out = await db.send(new GetItemCommand({ TableName: "Notes", Key: toDynamoItem({ PK: \`USER#\${req.user.id}\`, SK: \`NOTE#\${req.params.id}\` }) }));
  res.json(out.Item);
});`,
    },
    {
      name: "a sessions table read by the session id the request presents in its body: holding the id is the sign-in",
      code: `${V3}export const handler = async (event) => {
  const { sessionId } = JSON.parse(event.body ?? "{}");
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.SESSIONS_TABLE, Key: { sessionId } }));
  if (!Item || Item.expiresAt < Date.now()) return { statusCode: 401, body: "" };
  return { statusCode: 200, body: JSON.stringify({ userId: Item.userId }) };
};`,
    },
    {
      name: "a key made through a same-file converter that holds the current time names a new item",
      code: `${CONVERTER}app.post("/tests", async (req, res) => {
  const ref = \`TEST\${req.body.mode}\${Date.now()}\`;
  await db.send(new UpdateItemCommand({ TableName: "Payments", Key: toDynamoItem({ PK: \`PAYMENT#\${ref}\`, SK: "DETAIL" }), UpdateExpression: "SET queued = :q", ExpressionAttributeValues: toDynamoItem({ ":q": true }) }));
  res.json({ ref });
});`,
    },
    {
      name: "a writer that generates the id on the item it is given, then marshalls it, chooses the key itself",
      code: `import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
const client = new DynamoDBClient({});
async function createCustomer(body) {
  body.id = crypto.randomUUID();
  await client.send(new PutItemCommand({ TableName: "Customers", Item: marshall(body) }));
}
export const handler = async (event) => {
  await createCustomer(JSON.parse(event.body));
  return { statusCode: 201 };
};`,
    },
    {
      name: "a single-table item (PK and SK) keeps its entity id an ordinary attribute, and a table named for no entity names no key",
      code: `${V3}export async function POST(request: Request) {
  const body = await request.json();
  await doc.send(new PutCommand({ TableName: "Users", Item: { PK: "USERS", SK: \`USER#\${crypto.randomUUID()}\`, userId: body.userId } }));
  await doc.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { tableId: body.tableId } }));
  return Response.json({});
}`,
      filename: "app/api/members/route.ts",
    },
    {
      name: "a query by a month that returns only dates (key and projection dates or periods): a calendar, nobody's orders",
      code: `${V2}module.exports.getOrderDatesByMonth = (event, context, callback) => {
  const month = event.pathParameters.id || new Date().toISOString().slice(0, 7);
  dynamo.query({ TableName: process.env.ORDERS_TABLE, KeyConditionExpression: "orderYearMonth = :m", ExpressionAttributeValues: { ":m": month }, ProjectionExpression: "orderPlacedDate" }, (error, result) => callback(null, result.Items.map((item) => item.orderPlacedDate)));
};`,
    },
    {
      name: "a read that returns only a profile card (display name, picture, key), by ProjectionExpression or AttributesToGet",
      code: `${V3}export async function GET(request: Request, { params }: { params: { userId: string } }) {
  const card = await doc.send(new GetCommand({ TableName: "Users", Key: { userId: params.userId }, ProjectionExpression: "#n, avatarUrl, userId", ExpressionAttributeNames: { "#n": "displayName" } }));
  const legacy = await doc.send(new GetCommand({ TableName: "Users", Key: { userId: params.userId }, AttributesToGet: ["name", "image"] }));
  return Response.json({ ...card.Item, ...legacy.Item });
}`,
      filename: "app/api/users/[userId]/route.ts",
    },
    {
      name: "a single-table read of a user's card and social counters with the owner's id (AttributesToGet: [\"userId\", \"username\", \"avatar\"], follower counts)",
      code: `${V3}export async function GET(request: Request, { params }: { params: { userId: string } }) {
  const key = { P_K: \`USER#\${params.userId}\`, S_K: \`USERMETA#\${params.userId}\` };
  const card = await doc.send(new GetCommand({ TableName: "App", Key: key, AttributesToGet: ["userId", "username", "avatar"] }));
  const counts = await doc.send(new GetCommand({ TableName: "App", Key: key, AttributesToGet: ["followerCount", "followingCount", "friendsCount"] }));
  return Response.json({ ...card.Item, ...counts.Item });
}`,
      filename: "app/api/users/[userId]/route.ts",
    },
    {
      name: "a community's card with its own id (AttributesToGet: [\"communityId\", \"name\", \"avatar\"]): ids are no secrets",
      code: `${V3}import { auth } from "@/auth";
export async function GET(request: Request, { params }: { params: { communityId: string } }) {
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  const key = { P_K: \`COMMUNITY#\${params.communityId}\`, S_K: \`COMMUNITYMETA#\${params.communityId}\` };
  const card = await doc.send(new GetCommand({ TableName: "App", Key: key, AttributesToGet: ["communityId", "name", "avatar"] }));
  return Response.json(card.Item);
}`,
      filename: "app/api/communities/[communityId]/route.ts",
    },
    {
      name: "lambda: a body spread after a generated key, in handlers exported through validating wrappers given them by name, as a bound method, or with middy's validator",
      code: `${V3}import { randomUUID } from "node:crypto";
const productSchema = Joi.object({ name: Joi.string().required() });
const main = async (event) => {
  await doc.send(new PutCommand({ TableName: "Products", Item: { pk: "PRODUCT", sk: randomUUID(), ...event.body } }));
  return { statusCode: 201 };
};
export const handler = withValidation(main, productSchema);
class CreateUnit {
  async main(event) {
    await doc.send(new PutCommand({ TableName: "Units", Item: { pk: "UNIT", sk: randomUUID(), ...event.body } }));
    return { statusCode: 201 };
  }
}
const unit = new CreateUnit();
export const createUnit = decoratorValidator(unit.main.bind(unit), productSchema);
async function createShelf(event) {
  await doc.send(new PutCommand({ TableName: "Shelves", Item: { pk: "SHELF", sk: \`UNIT#\${event.body.unitId}#\${randomUUID()}\`, ...event.body } }));
  return { statusCode: 201 };
}
export const shelf = middy(createShelf).use(jsonBodyParser()).use(validator({ eventSchema: productSchema }));`,
    },
    {
      name: "nestjs: a DTO spread after a generated id, under @UsePipes(new ValidationPipe({ whitelist: true }))",
      code: `${V3}import { randomUUID } from "node:crypto";
@Controller("areas")
export class AreasController {
  @Post()
  @UsePipes(new ValidationPipe({ whitelist: true }))
  async create(@Body() dto: CreateAreaDto) {
    await doc.send(new PutCommand({ TableName: "Areas", Item: { id: randomUUID(), ...dto } }));
  }
}`,
    },
    {
      name: "lambda: a sort key made of the request's parent id and the project's own id generator creates an item",
      code: `${V3}import { generateUniqueId } from "../util/id";
export const handler = async (event) => {
  const { unitId, name } = JSON.parse(event.body);
  await doc.send(new PutCommand({ TableName: "Shop", Item: { pk: "UNIT", sk: \`UNIT#\${unitId}#EMPLOYEE#\${generateUniqueId()}\`, name } }));
  return { statusCode: 201 };
};`,
    },
    {
      name: "lambda: a Scan filtered by the caller, by an attribute that names no owner, or by an owner only when the request names one (else it lists every item), chooses no one else's items",
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const mine = async (event) => {
  const { Items } = await doc.send(new ScanCommand({ TableName: "Todos", FilterExpression: "userId = :u", ExpressionAttributeValues: { ":u": event.requestContext.authorizer.claims.sub } }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};
export const byCategory = async (event) => {
  const { Items } = await doc.send(new ScanCommand({ TableName: "Todos", FilterExpression: "category = :c", ExpressionAttributeValues: { ":c": event.pathParameters.category } }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};
export const list = async (event) => {
  const params = { TableName: "Todos" };
  if (event.queryStringParameters?.userId) {
    params.FilterExpression = "userId = :u";
    params.ExpressionAttributeValues = { ":u": event.queryStringParameters.userId };
  }
  const { Items } = await doc.send(new ScanCommand(params));
  return { statusCode: 200, body: JSON.stringify(Items) };
};`,
    },
    {
      name: "express: a body written as the item, its key then replaced by a generated id (params.Item.ID = randomUUID())",
      code: `${V2}const { randomUUID } = require("node:crypto");
router.get("/tags/:id", async (req, res) => res.json((await dynamo.get({ TableName: "Tags", Key: { ID: req.params.id } }).promise()).Item));
router.post("/tags", async (req, res) => {
  const params = { TableName: "Tags", Item: req.body };
  params.Item.ID = randomUUID();
  await dynamo.put(params).promise();
  res.status(201).json(params.Item);
});`,
      options: [{ publicTables: ["Tags"] }],
    },
    {
      name: "lambda: the caller verified behind a presence test (`header && jwt.verify(header, secret)`) and passed to a same-file helper that keys the delete by it",
      code: `${V2}const jwt = require("jsonwebtoken");
const removeNotification = async (email, id) => {
  await dynamo.delete({ TableName: "App", Key: { PK: \`USER#\${email}\`, SK: \`#NOTIFICATION#\${id}\` } }).promise();
};
exports.handler = async (event) => {
  const authorization = event.headers && event.headers.Authorization;
  const verification = authorization && jwt.verify(authorization, process.env.SECRET);
  if (!verification) return { statusCode: 401 };
  await removeNotification(verification.email, event.pathParameters.id);
  return { statusCode: 200 };
};`,
    },
    {
      name: "express: the caller from an authentication function given the bearer token the body sends (`validateToken(res, req.body.accessToken)`), compared with the item's owner",
      code: `${V2}const { validateToken } = require("./auth");
router.post("/devices/rename", async (req, res) => {
  const { deviceId, name, accessToken } = req.body;
  const details = await validateToken(res, accessToken);
  if (!details) return;
  const found = await dynamo.get({ TableName: "Devices", Key: { deviceId } }).promise();
  if (!found.Item) return res.status(404).end();
  if (found.Item.ownerId !== details.email) return res.status(403).end();
  await dynamo.update({ TableName: "Devices", Key: { deviceId }, UpdateExpression: "SET #n = :n", ExpressionAttributeNames: { "#n": "name" }, ExpressionAttributeValues: { ":n": name } }).promise();
  res.json({});
});`,
    },
    {
      name: "express: the body written as the item after its key was set through another name for it (`let entrada = req.body; entrada.sk = Date.now().toString()`)",
      code: `${V2}router.post("/products", async (req, res) => {
  let entrada = req.body;
  entrada.pk = "dragua#product";
  entrada.sk = Date.now().toString();
  await dynamo.put({ TableName: "Catalogue", Item: req.body }).promise();
  res.status(200).send({ Item: req.body });
});`,
    },
    {
      name: "express: an access in the branch that runs only for a privileged role (`if ([\"manager\", \"admin\"].includes(req.user.role)) { ... }`, `if (req.user.isAdmin)`)",
      code: `${V3}const byTeam = (teamId) => doc.send(new QueryCommand({ TableName: "Tasks", IndexName: "byTeam", KeyConditionExpression: "teamId = :t", ExpressionAttributeValues: { ":t": teamId } }));
app.get("/tasks", requireAuth, async (req, res) => {
  let result;
  if (["manager", "admin"].includes(req.user.role)) result = await byTeam(req.query.teamId);
  else result = await byTeam(req.user.teamId);
  res.json(result.Items);
});
app.delete("/tasks/:id", requireAuth, async (req, res) => {
  if (req.user.isAdmin) {
    await doc.send(new DeleteCommand({ TableName: "Tasks", Key: { taskId: req.params.id } }));
  }
  res.sendStatus(204);
});`,
    },
    {
      name: "express: an id made of crypto's random bytes (randomBytes(16).toString(\"hex\")) creates an item",
      ...cjs,
      code: `${V2}const { randomBytes } = require("crypto");
const app = require("express")();
app.post("/boards/:boardId/cards", async (req, res) => {
  await dynamo.put({ TableName: "Cards", Item: { id: randomBytes(16).toString("hex"), boardId: req.params.boardId, title: String(req.body.title) } }).promise();
  res.sendStatus(201);
});`,
    },
    {
      name: "next.js: the id another service generates for what it creates (created.id of api.create({ name })) is not the request's choice",
      code: `${V3}import { NextRequest, NextResponse } from "next/server";
import OpenAI from "openai";
const openai = new OpenAI();
export async function POST(req: NextRequest) {
  const { name, instructions } = await req.json();
  const created = await openai.beta.assistants.create({ name, instructions, model: "gpt-4o" });
  await doc.send(new PutCommand({ TableName: "app-table", Item: { PK: \`ASST#\${created.id}\`, SK: "META", name: created.name } }));
  return NextResponse.json({ id: created.id });
}`,
      filename: "app/api/assistants/route.ts",
    },
    {
      name: "lambda: an authorizer that takes the method ARN from its event by destructuring it in the body",
      code: `${V3}export const handler = async (event) => {
  const { methodArn, pathParameters } = event;
  const message = await doc.send(new GetCommand({ TableName: "Messages", Key: { messageId: pathParameters.messageId } }));
  return { principalId: "user", policyDocument: { Statement: [{ Action: "execute-api:Invoke", Effect: message.Item ? "Allow" : "Deny", Resource: methodArn }] }, context: { topic: message.Item?.topic } };
};`,
    },
    {
      name: "lambda: an API Gateway authorizer answers with a policy, not with items: its reads by the path's ids are the checks it makes",
      code: `${V3}const policy = (effect, resource, context) => ({ principalId: "user", policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: resource }] }, context });
export const restApi = async (event) => {
  const token = event.headers.authorization ?? "";
  let owner;
  let appId;
  if (token.startsWith("Basic")) {
    const [id, secret] = Buffer.from(token.slice(6), "base64").toString("ascii").split(":");
    owner = (await doc.send(new GetCommand({ TableName: "Keys", Key: { pk: id, secret } }))).Item?.owner;
  } else {
    owner = (await doc.send(new GetCommand({ TableName: "Keys", Key: { pk: token.slice(6) } }))).Item?.owner;
    const app = await doc.send(new GetCommand({ TableName: "Apps", Key: { owner, sk: \`app#\${event.pathParameters.appId}\` } }));
    if (!app.Item) return policy("Deny", event.methodArn);
    appId = app.Item.appId;
  }
  return policy(owner ? "Allow" : "Deny", event.methodArn, { owner, appId });
};
export const httpApi = async ({ headers, pathParameters, routeArn }) => {
  const [id, secret] = Buffer.from(headers.authorization.slice(6), "base64").toString("ascii").split(":");
  const owner = (await doc.send(new GetCommand({ TableName: "Keys", Key: { pk: id, secret } }))).Item?.owner;
  const message = await doc.send(new GetCommand({ TableName: "Messages", Key: { messageId: pathParameters.messageId } }));
  return { isAuthorized: message.Item?.owner === owner, context: { owner, topic: message.Item?.topic, routeArn } };
};`,
    },
    {
      name: "express: a sort key named with the index it also keys (\"SK (GSI-1-PK)\") holding a generated id creates the items",
      ...cjs,
      code: `${V2}const { randomUUID } = require("crypto");
const app = require("express")();
app.post("/sessions", async (req, res) => {
  const sessionId = randomUUID();
  const { tutor, date } = req.body;
  await dynamo.transactWrite({ TransactItems: [
    { Put: { TableName: "Tutoring", Item: { PK: \`Session-\${sessionId}\`, "SK (GSI-1-PK)": \`Session-\${sessionId}\`, Date: date } } },
    { Put: { TableName: "Tutoring", Item: { PK: \`User-\${tutor.id}\`, "SK (GSI-1-PK)": \`Session-\${sessionId}\`, Date: date } } },
  ] }).promise();
  res.json({ sessionId });
});`,
    },
  ],
  invalid: [
    {
      name: "the same writer when the body chooses the question's id",
      code: questionThroughWriter("body.id"),
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      name: "the same lookup when it serves the e-mail too",
      code: partitionServed("next-auth", "`USER#${req.query.id}`", "(x) => ({ image: x.image, name: x.name, email: x.email })"),
      errors: [{ messageId: "readByAnyCaller", line: 6 }],
    },
    {
      name: "the same lookup when it serves the whole item",
      code: partitionServed("next-auth", "`USER#${req.query.id}`", "(x) => x"),
      errors: [{ messageId: "readByAnyCaller", line: 6 }],
    },
    {
      name: "a picture served from an item that is not a person's profile (an album's photo) is its owner's data",
      code: partitionServed("Photos", "`ALBUM#${req.query.id}`", "(x) => ({ image: x.image, name: x.name })").replace("(req, res) {", "(req, res) {\n  if (!(await getSession({ req }))) return res.status(401).end();"),
      errors: [{ messageId: "readNotOwned", line: 7 }],
    },
    {
      name: "the same check against a profile the body names: it ties the chat to that profile, not to the caller",
      code: chatOfProfile("`USER#${req.body.userId}`"),
      errors: [{ messageId: "readNotOwned", line: 10 }],
    },
    {
      name: "route middleware that checks something else (`requireRoomExists`) beside authentication is no access check",
      code: roomPostLikes("requireAuth, requireRoomExists"),
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "the same session when the check decides on the subject only: the child is the query's choice",
      code: childSession("if (!canAccessSubject(me, subject)) return new Response(null, { status: 403 });", "{ sessionId: `LEARN#${childId}#${subject}` }"),
      errors: [{ messageId: "readNotOwned", line: 14 }],
    },
    {
      name: "the same writer given the other module's constant when the body chooses the question's id",
      code: questionThroughWriter("body.id", "TABLES.QUESTIONS"),
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      name: "the same sign-in when the code comes from the body: the caller chooses the account's code",
      code: otpSignIn("SET otp = :otp, otpExpiry = :expiry", "{ \":otp\": req.body.otp, \":expiry\": otpExpiry }"),
      errors: [{ messageId: "writeNotOwned", line: 12 }],
    },
    {
      name: "the items a query found are served themselves",
      code: teamVotes("res.json({ votes: Items, count: Items.length });"),
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "lambda: the body's id written through the validated item's member path chooses the item",
      code: safeParsedBook("book.id"),
      errors: [
        {
          messageId: "writeNotOwned",
          line: 12,
          data: { operation: "`PutItemCommand`", verb: "overwrites", target: "an item of the table in TABLE_NAME", source: "`event.body.id`", missing: "no ConditionExpression requires the item to be new (attribute_not_exists) or to belong to the caller", advice: ADVICE.anyWrite },
        },
      ],
    },
    {
      name: "lambda: each element of the body's own list, spread after a generated id, may carry an id of its own",
      code: createEachFromBody("body"),
      errors: [{ messageId: "writeNotOwned", line: 12 }],
    },
    {
      name: "reads run in parallel, and the existence test is of the turns themselves: nothing ties them to the caller",
      filename: "app/api/session/[sessionId]/route.ts",
      code: parallelSessionRoute("turnsResult.Items?.length"),
      errors: [{ messageId: "readNotOwned", line: 12 }],
    },
    {
      name: "the same `send(command)` wrapper with the one-time code's check left out: the update is by the body's id alone",
      code: `${V3}const send = (command) => doc.send(command);
app.post("/verify-otp", async (req, res) => {
  const { techId } = req.body;
  const response = await send(new GetCommand({ TableName: "Technicians", Key: { techId } }));
  if (!response.Item) return res.status(404).end();
  await send(new UpdateCommand({ TableName: "Technicians", Key: { techId }, UpdateExpression: "SET verified = :v REMOVE otp", ExpressionAttributeValues: { ":v": true } }));
  res.json({ ok: true });
});`,
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "a Put whose checked attribute is not one it writes: the body's owner and task id choose the item",
      filename: "app/api/todo/route.ts",
      code: todoRoute("createdBy", "{ userId: { S: newTodo.userId }, taskId: { S: newTodo.taskId }, task: { S: newTodo.task } }"),
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      name: "a plain `session` attribute (a class, a workout) compared with the request's value proves nothing about the caller",
      code: seatRelease("session"),
      filename: "app/api/seats/[seatId]/route.ts",
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "a record under a TOKEN# prefix deleted by an id the link names: the id is not the token, anyone may know it",
      filename: "app/api/tokens/route.ts",
      code: `${V3}
export async function DELETE(request: Request) {
  const tokenRecordId = new URL(request.url).searchParams.get("id");
  await doc.send(new DeleteCommand({ TableName: process.env.TABLE, Key: { PK: \`TOKEN#\${tokenRecordId}\`, SK: "VERIFICATION" } }));
  return Response.json({ ok: true });
}`,
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "the helper's refusal object is tested as a whole (always truthy): nothing stops the delete",
      filename: "app/api/users/[userId]/meals/[mealId]/route.ts",
      code: mealRoute(REFUSAL_OBJECT, ALLOWED_OBJECT, `  const authCheck = await checkAuthorization(userId);
  if (!authCheck) return NextResponse.json({}, { status: 401 });`),
      errors: [{ messageId: "writeNotOwned", line: 18 }],
    },
    {
      name: "the helper's verdict is read but nothing exits on it",
      filename: "app/api/users/[userId]/meals/[mealId]/route.ts",
      code: mealRoute(REFUSAL_OBJECT, ALLOWED_OBJECT, `  const authCheck = await checkAuthorization(userId);
  console.log(authCheck.authorized);`),
      errors: [{ messageId: "writeNotOwned", line: 18 }],
    },
    {
      name: "another member of the helper's result is tested, not the one its refusal sets",
      filename: "app/api/users/[userId]/meals/[mealId]/route.ts",
      code: mealRoute(REFUSAL_OBJECT, ALLOWED_OBJECT, `  const authCheck = await checkAuthorization(userId);
  if (!authCheck.status) return NextResponse.json({}, { status: 403 });`),
      errors: [{ messageId: "writeNotOwned", line: 18 }],
    },
    {
      name: "a helper that returns a truthy value where the check fails refuses nothing a falsy test can see",
      filename: "app/api/users/[userId]/meals/[mealId]/route.ts",
      code: mealRoute(`"forbidden"`, "null", `  if (!(await checkAuthorization(userId))) return NextResponse.json({}, { status: 403 });`),
      errors: [{ messageId: "writeNotOwned", line: 17 }],
    },
    {
      name: "Amplify's CRUD template: the key written through `params[partitionKeyName]` (a constant of the file) from the path, the caller's branch switched off",
      code: amplifyCrud(
        `if (userIdPresent && req.apiGateway) {
    params[partitionKeyName] = req.apiGateway.event.requestContext.identity.cognitoIdentityId;
  } else {
    params[partitionKeyName] = req.params[partitionKeyName];
  }`,
        "get",
      ),
      errors: [{ messageId: "readNotOwned", line: 15 }],
    },
    {
      code: amplifyCrud("params[partitionKeyName] = req.params.id;", "delete"),
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      name: "a legacy KeyConditions built through member writes (`condition[partitionKeyName][\"AttributeValueList\"] = [...]`) is read like a key condition",
      code: legacyKeyConditions("req.params[partitionKeyName]"),
      errors: [{ messageId: "readByAnyCaller", line: 9 }],
    },
    {
      name: "a Put of a code the request sends for the phone it names is no code issued here (a random salt is no code): judged",
      code: `${V3}export const handler = async (event) => {
  const { phone, code } = JSON.parse(event.body);
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.TABLE, Key: { phone } }));
  if (Item && Item.sentAt > Date.now() - 60000) return { statusCode: 429, body: "" };
  await doc.send(new PutCommand({ TableName: process.env.TABLE, Item: { phone, code, sentAt: Date.now(), salt: Math.random() } }));
  return { statusCode: 204, body: "" };
};`,
      errors: [{ messageId: "writeNotOwned", line: 8 }],
    },
    {
      name: "a sessions table read by the path's session id (a workout session, a resource of the route) is judged",
      code: `${V3}export const handler = async (event) => {
  if (!event.requestContext.authorizer?.claims?.sub) return { statusCode: 401, body: "" };
  const { Item } = await doc.send(new GetCommand({ TableName: "WorkoutSessions", Key: { sessionId: event.pathParameters.sessionId } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "a session id the body names keys an item of a table not named for sessions (a class booked for a session): judged",
      code: `${V3}export const handler = async (event) => {
  if (!event.requestContext.authorizer?.claims?.sub) return { statusCode: 401, body: "" };
  const { sessionId } = JSON.parse(event.body ?? "{}");
  const { Item } = await doc.send(new GetCommand({ TableName: "Bookings", Key: { sessionId } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
      errors: [{ messageId: "readNotOwned", line: 7 }],
    },
    {
      name: "a sessions table read by the user id the body names is judged",
      code: `${V3}export const handler = async (event) => {
  const { userId } = JSON.parse(event.body ?? "{}");
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.SESSIONS_TABLE, Key: { userId } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
      errors: [{ messageId: "readByAnyCaller", line: 6 }],
    },
    {
      name: "a key made through a same-file converter by the path's id alone",
      code: `${CONVERTER}app.delete("/notes/:id", async (req, res) => {
  await db.send(new DeleteItemCommand({ TableName: "Notes", Key: toDynamoItem({ PK: \`NOTE#\${req.params.id}\`, SK: "META" }) }));
  res.end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 8 }],
    },
    {
      name: "express: a sort key named with the index it also keys (\"SK (GSI-1-PK)\") that the request chooses overwrites the item",
      ...cjs,
      code: `${V2}const app = require("express")();
app.put("/sessions", async (req, res) => {
  const { tutor, date, sessionId } = req.body;
  await dynamo.transactWrite({ TransactItems: [
    { Put: { TableName: "Tutoring", Item: { PK: \`User-\${tutor.id}\`, "SK (GSI-1-PK)": \`Session-\${sessionId}\`, Date: date } } },
  ] }).promise();
  res.json({ sessionId });
});`,
      errors: [{ messageId: "writeNotOwned", line: 6 }],
    },
    {
      name: "lambda: a handler that reads an item by the path's id and returns it is no authorizer, whatever it is named",
      code: `${V3}export const authorize = async (event) => {
  const message = await doc.send(new GetCommand({ TableName: "Messages", Key: { messageId: event.pathParameters.messageId } }));
  return { statusCode: 200, body: JSON.stringify(message.Item) };
};`,
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    {
      name: "express: a sort key from the file's own function that may return the request's key overwrites that item",
      ...cjs,
      code: `${V2}const { randomBytes } = require("crypto");
const app = require("express")();
const eventId = (req) => req.body.eventId || Date.now().toString(36) + randomBytes(6).toString("hex");
app.post("/things/:id/events", async (req, res) => {
  const sk = eventId(req);
  await dynamo.put({ TableName: "app-table", Item: { PK: \`THING#\${req.params.id}\`, SK: \`EVENT#\${sk}\`, note: String(req.body.note) } }).promise();
  res.sendStatus(201);
});`,
      errors: [{ messageId: "writeNotOwned", line: 8 }],
    },
    {
      name: "express: a branch that runs for an ordinary role, or when the caller is not an administrator, admits anyone",
      code: `${V3}const byTeam = (teamId) => doc.send(new QueryCommand({ TableName: "Tasks", IndexName: "byTeam", KeyConditionExpression: "teamId = :t", ExpressionAttributeValues: { ":t": teamId } }));
app.get("/tasks", requireAuth, async (req, res) => {
  let result;
  if (req.user.role === "employee") result = await byTeam(req.query.teamId);
  else result = await byTeam(req.user.teamId);
  res.json(result.Items);
});
app.delete("/tasks/:id", requireAuth, async (req, res) => {
  if (!req.user.isAdmin || req.query.force) {
    await doc.send(new DeleteCommand({ TableName: "Tasks", Key: { taskId: req.params.id } }));
  }
  res.sendStatus(204);
});`,
      errors: [
        { messageId: "readNotOwned", line: 7 },
        { messageId: "writeNotOwned", line: 13 },
      ],
    },
    {
      name: "express: a body written as the item with only a timestamp written after it keeps the key the request sends",
      code: `${V2}router.get("/tags/:id", async (req, res) => res.json((await dynamo.get({ TableName: "Tags", Key: { ID: req.params.id } }).promise()).Item));
router.post("/tags", async (req, res) => {
  const params = { TableName: "Tags", Item: req.body };
  params.Item.updatedAt = Date.now();
  await dynamo.put(params).promise();
  res.status(201).json(params.Item);
});`,
      options: [{ publicTables: ["Tags"] }],
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "express: the caller from an authentication function given the body's bearer token, never compared with the item's owner",
      code: `${V2}const { validateToken } = require("./auth");
router.post("/devices/rename", async (req, res) => {
  const { deviceId, name, accessToken, token } = req.body;
  const details = await validateToken(res, accessToken);
  if (!details) return;
  const found = await dynamo.get({ TableName: "Devices", Key: { deviceId } }).promise();
  if (!found.Item) return res.status(404).end();
  if (found.Item.ownerId !== lookup(token)) return res.status(403).end();
  await dynamo.update({ TableName: "Devices", Key: { deviceId }, UpdateExpression: "SET #n = :n", ExpressionAttributeNames: { "#n": "name" }, ExpressionAttributeValues: { ":n": name } }).promise();
  res.json({});
});`,
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      name: "express: the body written as the item with only a timestamp set through another name for it (its key set only after the write) keeps the key the request sends",
      code: `${V2}router.post("/products", async (req, res) => {
  let entrada = req.body;
  entrada.updatedAt = Date.now();
  await dynamo.put({ TableName: "Catalogue", Item: req.body }).promise();
  const saved = req.body;
  saved.pk = "dragua#product";
  res.status(200).send({ Item: saved });
});`,
      errors: [{ messageId: "writeNotOwned", line: 6 }],
    },
    {
      name: "a Scan filtered to the owner the request names serves that owner's items, as a Query by them does",
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import express from "express";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = express();
export const fetchTodos = async (event) => {
  const { Items } = await doc.send(new ScanCommand({ TableName: "Todos", FilterExpression: "done = :d AND userId = :u", ExpressionAttributeValues: { ":d": false, ":u": event.pathParameters.userId } }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};
app.get("/attendance/:user_id", requireAuth, async (req, res) => {
  const { Items } = await doc.send(new ScanCommand({ TableName: "Attendance", FilterExpression: "user_id = :id", ExpressionAttributeValues: { ":id": req.params.user_id } }));
  res.json(Items);
});`,
      errors: [
        { messageId: "readByAnyCaller", line: 7, data: { operation: "`ScanCommand`", target: 'items of table "Todos"', source: "`event.pathParameters.userId`" } },
        { messageId: "readNotOwned", line: 11 },
      ],
    },
    {
      name: "lambda: a wrapper that validates nothing, or a pipe that keeps unknown members, leaves the spread able to replace the generated key",
      code: `${V3}import { randomUUID } from "node:crypto";
const main = async (event) => {
  await doc.send(new PutCommand({ TableName: "Products", Item: { pk: "PRODUCT", sk: randomUUID(), ...event.body } }));
  return { statusCode: 201 };
};
export const handler = withLogging(main);
@Controller("areas")
export class AreasController {
  @Post()
  @UsePipes(new ValidationPipe({ transform: true }))
  async create(@Body() dto: CreateAreaDto) {
    await doc.send(new PutCommand({ TableName: "Areas", Item: { id: randomUUID(), ...dto } }));
  }
}`,
      errors: [
        { messageId: "writeNotOwned", line: 6 },
        { messageId: "writeNotOwned", line: 15 },
      ],
    },
    {
      name: "lambda: lodash's uniqueId() counts from one in every process: a key made with it is not new",
      code: `${V3}import { uniqueId } from "lodash";
export const handler = async (event) => {
  const { unitId, name } = JSON.parse(event.body);
  await doc.send(new PutCommand({ TableName: "Shop", Item: { pk: "UNIT", sk: \`UNIT#\${unitId}#EMPLOYEE#\${uniqueId()}\`, name } }));
  return { statusCode: 201 };
};`,
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "a query by a month that also returns an owner's id, a query by a customer that returns dates, or one by a month without a projection: not only dates",
      code: `${V2}module.exports.byMonth = (event, context, callback) => {
  const month = event.pathParameters.id;
  dynamo.query({ TableName: "Orders", KeyConditionExpression: "orderYearMonth = :m", ExpressionAttributeValues: { ":m": month }, ProjectionExpression: "orderPlacedDate, customerId" }, (e, r) => callback(null, r.Items));
  dynamo.query({ TableName: "Orders", KeyConditionExpression: "customerId = :c", ExpressionAttributeValues: { ":c": event.pathParameters.customer }, ProjectionExpression: "orderPlacedDate" }, (e, r) => callback(null, r.Items));
};
module.exports.wholeOrdersByMonth = (event, context, callback) => {
  dynamo.query({ TableName: "Orders", KeyConditionExpression: "orderYearMonth = :m", ExpressionAttributeValues: { ":m": event.pathParameters.id } }, (e, r) => callback(null, r.Items));
};`,
      errors: [
        { messageId: "readByAnyCaller", line: 5 },
        { messageId: "readByAnyCaller", line: 6 },
        { messageId: "readByAnyCaller", line: 9 },
      ],
    },
    {
      name: "a projection that also returns an e-mail (also an author's) or a login count, or whose placeholder stands for what the request names: not only a profile card",
      code: `${V3}export async function GET(request: Request, { params }: { params: { userId: string } }) {
  const card = await doc.send(new GetCommand({ TableName: "Users", Key: { userId: params.userId }, ProjectionExpression: "#n, image, email", ExpressionAttributeNames: { "#n": "name" } }));
  return Response.json(card.Item);
}
export async function POST(request: Request, { params }: { params: { userId: string } }) {
  const other = await doc.send(new GetCommand({ TableName: "Users", Key: { userId: params.userId }, ProjectionExpression: "#name, image", ExpressionAttributeNames: await request.json() }));
  return Response.json(other.Item);
}
export async function PUT(request: Request, { params }: { params: { userId: string } }) {
  const owned = await doc.send(new GetCommand({ TableName: "App", Key: { P_K: \`USER#\${params.userId}\` }, AttributesToGet: ["userId", "username", "authorEmail"] }));
  return Response.json(owned.Item);
}
export async function PATCH(request: Request, { params }: { params: { userId: string } }) {
  const counted = await doc.send(new GetCommand({ TableName: "App", Key: { P_K: \`USER#\${params.userId}\` }, AttributesToGet: ["userId", "username", "loginCount"] }));
  return Response.json(counted.Item);
}`,
      filename: "app/api/users/[userId]/route.ts",
      errors: [
        { messageId: "readByAnyCaller", line: 5 },
        { messageId: "readByAnyCaller", line: 9 },
        { messageId: "readByAnyCaller", line: 13 },
        { messageId: "readByAnyCaller", line: 17 },
      ],
    },
    {
      name: "the record's data sent to an address the request names, or sent back: served to the caller",
      code: invite("await mailer.send({ to: req.body.replyTo, text: `Call ${invitee.phone}` });\n  res.sendStatus(204);"),
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      code: invite("res.json(invitee);"),
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      code: invite("const shown = req.body.full ? invitee : { name: invitee.name };\n  res.json(shown);"),
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      code: invite("const message = { to: invitee.email, text: `Hi ${invitee.firstName}` };\n  await mailer.send(message);\n  res.json(message);"),
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "an account the request names, not the one the device points to: its secret says nothing of the device",
      code: deviceDelete("accountId", "account.Item.apiKey !== key"),
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      name: "a helper's append-only update, given someone the request names: not the caller's contribution",
      code: applyThroughHelper("req.body.userId"),
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "a Put whose key attributes a key builder of the file returns, spread into the item: the caller in another attribute scopes nothing",
      code: transferPut,
      errors: [{ messageId: "writeNotOwned", line: 7, data: { operation: "`PutCommand`", verb: "overwrites", target: "an item of the table in TRANSFERS_TABLE", source: "`req.params.id`", missing: "no ConditionExpression requires the item to be new (attribute_not_exists) or to belong to the caller (the handler knows the caller, `req.user.id`, but nothing checks the item against it)", advice: ADVICE.sharedWrite }, suggestions: [{ messageId: "addOwnerCondition", output: transferPut.replace("changedBy: req.user.id }", 'changedBy: req.user.id }, ConditionExpression: "attribute_not_exists(#key) OR #owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId", "#key": "pk" }, ExpressionAttributeValues: { ":caller": req.user.id }') }] }],
    },
    {
      name: "a ConditionExpression on an attribute that is no secret (a status) binds nothing to the caller",
      code: accountUpdate("#a = :given", "status"),
      filename: "app/api/account/route.ts",
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    reportedPostUpdate("ADD credits :amount", '{ ":amount": 100 }', "not only a contribution: an amount other than one, someone the request names appended, or another attribute changed too"),
    {
      name: "a membership of the caller only looked up for extra data (no exit when absent) ties nothing to the caller",
      code: chatByMatch("me", `let muted = false;
  if (membership.Item) muted = true;
  res.json({ chat, muted });`),
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "the membership read keyed by the chat's id alone (not the caller) proves nothing about the caller",
      code: chatByMatch("req.query.user", `if (!membership.Item) return res.status(403).end();
  res.json({ chat, viewer: me });`),
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "await-to-js: the value of a lookup (the pattern's second element) sent back is served",
      code: orderLookup(`const [orderError, orders] = await to(findOrder(orderId));
  if (orderError) return { statusCode: 404, body: "" };
  return { statusCode: 200, body: JSON.stringify(orders) };`),
      errors: [{ messageId: "readByAnyCaller", line: 12 }],
    },
    {
      name: "only the lengths of the request's token and another service's secret compared: no check",
      code: `${V3}export const handler = async (event) => {
  const given = event.headers["x-internal-token"] ?? "";
  if (given.length !== (process.env.INTERNAL_SERVICE_TOKEN ?? "").length) return { statusCode: 401, body: "" };
  const { Item } = await doc.send(new GetCommand({ TableName: "Orders", Key: { id: event.pathParameters.id } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
      errors: [{ messageId: "readByAnyCaller", line: 7 }],
    },
    {
      name: "a key every client holds (a plain API_KEY, often shipped in the browser) is no other system's secret: the route stays judged",
      code: `${V3}const express = require("express");
const app = express();
function requireApiKey(req, res, next) {
  if (req.headers["x-api-key"] !== process.env.API_KEY) return res.status(401).end();
  next();
}
app.get("/orders/:id", requireApiKey, async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Orders", Key: { id: req.params.id } }));
  res.json(Item);
});`,
      errors: [{ messageId: "readByAnyCaller", line: 11 }],
    },
    {
      name: "an item's values listed and sent back are served",
      code: `${V2}const findUser = async (username) => await dynamo.get({ TableName: "AppUser", Key: { username } }).promise();
app.get("/users/:username", async (req, res) => {
  const found = await findUser(req.params.username);
  if (Object.keys(found).length === 0) return res.sendStatus(404);
  res.json(Object.values(found.Item));
});`,
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    reportedPostUpdate("SET balance = balance - :n", '{ ":n": 2 }'),
    reportedPostUpdate("SET introductionCredits = introductionCredits - :one", '{ ":one": 1 }', "one taken from someone's credits or stock is no unlike: the update stays judged"),
    reportedPostUpdate("ADD stock :minusOne", '{ ":minusOne": -1 }'),
    reportedPostUpdate("ADD credits :minusFive", '{ ":minusFive": -5 }'),
    reportedPostUpdate("SET likedBy = list_append(likedBy, :who)", "{ \":who\": [req.body.userId] }"),
    reportedPostUpdate("SET likes = likes + :one, title = :t", "{ \":one\": 1, \":t\": req.body.title }"),
    reportedPostUpdate("SET lastSeenAt = :now", '{ ":now": Date.now() }', "not a contribution: only the current time set, or a time the request sends beside the count"),
    reportedPostUpdate("SET likes = likes + :one, likedAt = :at", '{ ":one": 1, ":at": Date.now() + Number(req.body.offset) }'),
    reportedPostUpdate("ADD likes :one REMOVE pinned", '{ ":one": 1 }'),
    {
      name: "not create-if-absent: the exit tests an attribute of the item (a cached translation), or a filtered read of another table",
      code: `${V3}
export const handler = async (event) => {
  const { category, id } = event.pathParameters;
  const { Item } = await doc.send(new GetCommand({ TableName: "Products", Key: { category, id } }));
  if (Item.translations) return { statusCode: 200, body: "" };
  await doc.send(new UpdateCommand({ TableName: "Products", Key: { category, id }, UpdateExpression: "SET translations = :t", ExpressionAttributeValues: { ":t": {} } }));
  return { statusCode: 200, body: "" };
};
export const join = async (event) => {
  const { bandId, userId } = JSON.parse(event.body);
  const found = await doc.send(new QueryCommand({ TableName: "Memberships", IndexName: "byBand", KeyConditionExpression: "bandId = :b", FilterExpression: "userId = :u", ExpressionAttributeValues: { ":b": bandId, ":u": userId } }));
  if (found.Items.length > 0) return { statusCode: 400, body: "" };
  await doc.send(new UpdateCommand({ TableName: "Bands", Key: { id: bandId }, UpdateExpression: "SET members = :m", ExpressionAttributeValues: { ":m": [userId] } }));
  return { statusCode: 201, body: "" };
};`,
      errors: [
        { messageId: "writeNotOwned", line: 9 },
        { messageId: "writeNotOwned", line: 16 },
      ],
    },
    {
      name: "a write keyed by the key attributes of an item a Query by the request's id found: the request chose the item",
      code: deleteFoundPost("", ""),
      errors: [{ messageId: "writeNotOwned", line: 10, data: { operation: "`DeleteCommand`", verb: "deletes", target: 'an item of table "JobPosts"', source: "`event.pathParameters.jobId`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key (the handler knows the caller, `event.requestContext.authorizer.claims.sub`, but nothing checks the item against it)", advice: ADVICE.sharedWrite }, suggestions: [{ messageId: "addOwnerCondition", output: deleteFoundPost("", "").replace("companyId: post.companyId }", 'companyId: post.companyId }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": callerId }') }] }],
    },
    {
      name: "the refusal exits when the account is missing (an update of an existing one), or the read is of another key: the put may overwrite",
      code: signUp("email", 'if (!existing.Item) return { statusCode: 404, body: "" };'),
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      code: signUp("invitedBy", 'if (existing.Item) return { statusCode: 409, body: "taken" };'),
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "not create-if-absent: the refusal also needs another condition (an invited user may replace the account), or any of two",
      code: signUp("email", 'if (!invitedBy && existing.Item) return { statusCode: 409, body: "taken" };'),
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      code: signUp("email", 'if (!existing.Item || invitedBy) {').replace("return { statusCode: 201", "}\n  return { statusCode: 201"),
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "the request body as the whole item (or spread into it with no key attribute of its own) chooses the key: an upsert of anyone's item",
      ...cjs,
      code: `${V2}const app = require("express")();
app.put("/games", async (req, res) => {
  await dynamo.put({ TableName: "Games", Item: req.body }).promise();
  res.json({});
});
app.post("/games/import", async (req, res) => {
  const game = JSON.parse(req.body.json);
  await dynamo.put({ TableName: "Games", Item: { ...game, importedAt: Date.now() } }).promise();
  res.json({});
});
function createGame(data) {
  data.status = "draft";
  return dynamo.put({ TableName: "Games", Item: data }).promise();
}
app.post("/games", async (req, res) => {
  await createGame(req.body);
  res.json({});
});`,
      errors: [
        { messageId: "writeNotOwned", line: 5 },
        { messageId: "writeNotOwned", line: 10 },
        { messageId: "writeNotOwned", line: 18 },
      ],
    },
    {
      name: "an item attribute named after the table's entity (MemberId in Members, user_id in USERS_TABLE) is its key",
      code: `${V3}export async function POST(request: Request) {
  const body = await request.json();
  await doc.send(new PutCommand({ TableName: "Members", Item: { MemberId: body.memberId, name: body.name } }));
  await doc.send(new PutCommand({ TableName: process.env.USERS_TABLE, Item: { user_id: body.userId, name: body.name } }));
  return Response.json({});
}`,
      filename: "app/api/members/route.ts",
      errors: [
        { messageId: "writeNotOwned", line: 6 },
        { messageId: "writeNotOwned", line: 7 },
      ],
    },
    {
      name: "the accesses of one path through a handler by the same request value are one finding, at the first write; each branch of a router is a route of its own",
      code: `${V3}export const handler = async (event) => {
  const id = event.pathParameters.id;
  switch (event.routeKey) {
    case "GET /users/{id}": {
      const { Item } = await doc.send(new GetCommand({ TableName: "Users", Key: { id } }));
      return { statusCode: 200, body: JSON.stringify(Item) };
    }
    case "DELETE /users/{id}":
      await doc.send(new DeleteCommand({ TableName: "Users", Key: { id } }));
      return { statusCode: 204 };
  }
  const before = await doc.send(new GetCommand({ TableName: "Users", Key: { id } }));
  await doc.send(new UpdateCommand({ TableName: "Users", Key: { id }, UpdateExpression: "SET seen = :t", ExpressionAttributeValues: { ":t": 1 } }));
  const after = await doc.send(new GetCommand({ TableName: "Users", Key: { id } }));
  return { statusCode: 200, body: JSON.stringify({ before: before.Item, after: after.Item }) };
};`,
      errors: [
        { messageId: "readByAnyCaller", line: 8 },
        { messageId: "writeNotOwned", line: 12 },
        { messageId: "writeNotOwned", line: 16 },
      ],
    },
    {
      name: "an input variable declared again (var) or reassigned before the next operation: each operation has the input written last",
      ...cjs,
      code: `${V2}exports.handler = async (event) => {
  var params = { TableName: "Policies", Key: { id: "default" } };
  await dynamo.get(params).promise();
  var params = { TableName: "Requests", Key: { id: event.queryStringParameters.requestId }, UpdateExpression: "SET approved = :a", ExpressionAttributeValues: { ":a": true } };
  await dynamo.update(params).promise();
  return { statusCode: 200 };
};`,
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "two hops: the track compared with a client id that nothing ties to the caller is not the caller's",
      ...cjs,
      code: `${V2}const app = require("express")();
${LOAD_TRACK}app.delete("/clients/:userId/tracks/:trackId", async (req, res) => {
  await loadTrack(req.params.trackId, req.params.userId);
  await dynamo.delete({ TableName: "Tracks", Key: { id: req.params.trackId } }).promise();
  res.sendStatus(204);
});`,
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      name: "a check inside a branch that returns says nothing of the code after the branch",
      code: `${V3}export async function POST(request: Request) {
  const body = await request.json();
  if (body.mode === "rename-self") {
    const { Item } = await doc.send(new GetCommand({ TableName: "Members", Key: { id: body.id } }));
    if (!Item || Item.ownerId !== (await auth()).userId) return Response.json({}, { status: 403 });
    await doc.send(new UpdateCommand({ TableName: "Members", Key: { id: body.id }, UpdateExpression: "SET #n = :n", ExpressionAttributeNames: { "#n": "name" }, ExpressionAttributeValues: { ":n": body.name } }));
    return Response.json({ ok: true });
  }
  await doc.send(new DeleteCommand({ TableName: "Members", Key: { id: body.id } }));
  return Response.json({ ok: true });
}`,
      filename: "app/api/members/route.ts",
      errors: [{ messageId: "writeNotOwned", line: 12 }],
    },
    {
      name: "a same-file helper that writes the item it is given: the handler's object, keyed by the path, is what it overwrites",
      ...cjs,
      code: `${V2}const app = require("express")();
function saveUser(item) {
  return dynamo.put({ TableName: "Users", Item: { ...item, updatedAt: Date.now() } }).promise();
}
app.put("/users/:id", async (req, res) => {
  await saveUser({ id: req.params.id, name: req.body.name });
  res.json({});
});
app.post("/users", async (req, res) => {
  await saveUser({ id: require("node:crypto").randomUUID(), name: req.body.name });
  res.json({});
});`,
      errors: [{ messageId: "writeNotOwned", line: 8 }],
    },
    {
      name: "express: a data-access object from a same-file factory (model(table).remove(key)) deletes the item the route names",
      ...cjs,
      code: `${V2}const router = require("express").Router();
const model = (tableName) => ({
  remove: (key) => dynamo.delete({ TableName: tableName, Key: key }).promise(),
});
const courses = model("Courses");
router.delete("/:courseId", async (req, res) => {
  await model("Courses").remove({ CourseId: req.params.courseId });
  res.status(204).end();
});
router.delete("/b/:courseId", async (req, res) => {
  await courses.remove({ CourseId: req.params.courseId });
  res.status(204).end();
});`,
      errors: [
        { messageId: "writeNotOwned", line: 9 },
        { messageId: "writeNotOwned", line: 13 },
      ],
    },
    {
      name: "lambda: a caller that arrives in a promise callback but is never compared with the key",
      ...cjs,
      code: `${V2}const { authenticate } = require("./session");
exports.deleteFile = (event, context, callback) => {
  const { ownerId, fileId } = event.pathParameters;
  authenticate(event).then((caller) => {
    if (!caller) return callback(null, { statusCode: 401, body: "" });
    dynamo.delete({ TableName: "Files", Key: { ownerId, fileId } }, () => callback(null, { statusCode: 204, body: "" }));
  });
};`,
      errors: [{ messageId: "writeNotOwned", line: 8 }],
    },
    {
      name: "express: an id passed through an HTML sanitizer (express-sanitizer's req.sanitize) is still the request's choice",
      ...cjs,
      code: `${V2}const router = require("express").Router();
router.delete("/accounts/:accountId", async (req, res) => {
  const accountId = req.sanitize(req.params.accountId);
  await dynamo.delete({ TableName: "Accounts", Key: { accountId } }).promise();
  res.end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 6 }],
    },
    {
      name: "express: a visitor id the request sends in the query string does not scope the key",
      ...cjs,
      code: `${V2}const router = require("express").Router();
router.put("/carts/:cartId", async (req, res) => {
  await dynamo.put({ TableName: "Carts", Item: { pk: \`V#\${req.query.visitor}\`, sk: req.params.cartId, lines: req.body.lines } }).promise();
  res.end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
    {
      name: "SDK v2 callbacks: a scan whose callback does not use the items lists nothing, so the read by id stays reported",
      ...cjs,
      code: `${V2}const router = require("express").Router();
router.get("/", (req, res) => {
  dynamo.scan({ TableName: "products" }, (err, data) => res.json({ ok: !err }));
});
router.get("/:id", (req, res) => {
  dynamo.get({ TableName: "products", Key: { id: req.params.id } }, (err, result) => res.json({ name: result.Item.name, ownerId: result.Item.ownerId }));
});`,
      errors: [{ messageId: "readByAnyCaller", line: 8 }],
    },
    {
      name: "no authentication: the handler serves the item's secret (an API key), whoever the item belongs to",
      code: `${V3}
import { NextRequest, NextResponse } from "next/server";
export async function GET(_req: NextRequest, { params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const res = await doc.send(new GetCommand({ TableName: process.env.PROVIDER_TABLE, Key: { providerId } }));
  if (!res.Item) return NextResponse.json({ error: "not found" }, { status: 404 });
  return NextResponse.json({ apiKey: res.Item.apiKey });
}`,
      filename: "app/api/providers/[providerId]/ak/route.ts",
      errors: [{ messageId: "readByAnyCaller", line: 8 }],
    },
    {
      name: "an item's ordinary attribute compared with a request value proves nothing (the request names both)",
      code: `${V3}
import { NextRequest, NextResponse } from "next/server";
export async function POST(req: NextRequest) {
  const { providerId, providerName } = await req.json();
  const { Item: provider } = await doc.send(new GetCommand({ TableName: "Providers", Key: { providerId } }));
  if (!provider || provider.name !== providerName) return NextResponse.json({ error: "mismatch" }, { status: 400 });
  return NextResponse.json({ wallet: provider.wallet, ownerId: provider.ownerId });
}`,
      filename: "app/api/providers/devices/route.ts",
      errors: [{ messageId: "readByAnyCaller", line: 8 }],
    },
    {
      name: "a table named after people's data listed to anyone is a leak of its own, not evidence that it is public",
      ...cjs,
      code: artistsApp("users"),
      errors: [{ messageId: "readByAnyCaller", line: 10 }],
    },
    {
      name: "a single table's whole Scan lists every kind of item, so it shows no entity to be public",
      ...cjs,
      code: artistsApp("MainTable").replace("Key: { id: req.params.id }", 'Key: { PK: "ARTIST#" + req.params.id, SK: "PROFILE" }'),
      errors: [{ messageId: "readByAnyCaller", line: 10 }],
    },
    {
      name: "a filtered or projected listing shows less than the item read by id",
      ...cjs,
      code: artistsApp("artists", `, FilterExpression: "published = :t", ExpressionAttributeValues: { ":t": true }`),
      errors: [{ messageId: "readByAnyCaller", line: 10 }],
    },
    {
      name: "a listing only admins get does not make the table readable by every signed-in caller",
      ...cjs,
      code: artistsApp("artists")
        .replace('app.get("/artists", async (req, res) => {', 'app.get("/artists", requireAuth, async (req, res) => {\n  if (!req.user.isAdmin) return res.sendStatus(403);')
        .replace('app.get("/artists/:id", async', 'app.get("/artists/:id", requireAuth, async'),
      errors: [{ messageId: "readNotOwned", line: 11 }],
    },
    {
      name: "a listing behind authentication middleware does not make the table public",
      ...cjs,
      code: artistsApp("artists").replace('app.get("/artists", async', 'app.get("/artists", requireAuth, async'),
      errors: [{ messageId: "readByAnyCaller", line: 10 }],
    },
    {
      name: "a Put is still an overwrite when the fresh id is not in the sort key",
      code: `${V3}
import { randomUUID } from "node:crypto";
app.put("/users/:userId/profile", async (req, res) => {
  await doc.send(new PutCommand({ TableName: "App", Item: { PK: \`USER#\${req.params.userId}\`, SK: "PROFILE", requestId: randomUUID(), bio: req.body.bio } }));
  res.end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 7, column: 18, endLine: 7, endColumn: 32, suggestions: [] }],
    },
    {
      name: "a Put is still an overwrite when its id attribute is the request's, or the request may send the generated id",
      code: `${V3}
import { randomUUID } from "node:crypto";
app.put("/articles/:articleId/comments/:id", async (req, res) => {
  await doc.send(new PutCommand({ TableName: "Comments", Item: { id: req.params.id, requestId: randomUUID(), text: req.body.text } }));
  await doc.send(new PutCommand({ TableName: "Comments", Item: { articleId: req.params.articleId, commentId: req.body.commentId ?? randomUUID(), text: req.body.text } }));
  res.end();
});`,
      errors: [
        { messageId: "writeNotOwned", line: 7, suggestions: [] },
        { messageId: "writeNotOwned", line: 8, suggestions: [] },
      ],
    },
    {
      name: "an upsert that only generates the id when the request names none overwrites the item the route names",
      ...cjs,
      code: `${V2}const uuid = require("uuid");
const app = require("express")();
app.put("/bookings/:bookingId", async (req, res) => {
  const item = { bookingId: req.params.bookingId || uuid.v1(), resourceId: req.body.resourceId };
  await dynamo.put({ TableName: "Bookings", Item: item }).promise();
  res.json(item);
});`,
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "a Put with a fresh attribute and no sort key is still an overwrite (the key is the request's id alone)",
      code: `${V3}
import { v4 as uuid } from "uuid";
app.put("/profiles/:id", async (req, res) => {
  await doc.send(new PutCommand({ TableName: "Profiles", Item: { id: req.params.id, version: uuid(), bio: req.body.bio } }));
  res.end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 7, column: 18, endLine: 7, endColumn: 32, suggestions: [] }],
    },
    // ---------------------------------------------------------------- unauthenticated reads of per-user data
    {
      name: "no authentication: the read item carries an owner attribute (an order status with its customerId)",
      code: `${V3}
export const handler = async (event) => {
  const result = await doc.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { id: event.pathParameters.id } }));
  if (!result.Item) return { statusCode: 404, body: "" };
  return { statusCode: 200, body: JSON.stringify({ status: result.Item.status, customerId: result.Item.customerId }) };
};`,
      filename: "src/status.js",
      errors: [{ messageId: "readByAnyCaller", line: 6, column: 33, endLine: 6, endColumn: 47, suggestions: [] }],
    },
    {
      name: "no authentication: another operation of the file on the same table shows its items' owner (ownerId)",
      code: `${V3}
app.get("/items/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Items", Key: { id: req.params.id } }));
  res.json(Item);
});
export async function itemsOf(owner) {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Items", IndexName: "byOwner", KeyConditionExpression: "ownerId = :o", ExpressionAttributeValues: { ":o": owner } }));
  return Items;
}`,
      filename: "src/server.js",
      errors: [{ messageId: "readByAnyCaller", line: 6, column: 35, endLine: 6, endColumn: 49, suggestions: [] }],
    },
    {
      name: "an admin check of a value the request names is no role check",
      code: `${V3}
export async function DELETE(req: Request) {
  const url = new URL(req.url);
  if (!isAdminUser(url.searchParams.get("user"))) return Response.json({ error: "Forbidden" }, { status: 403 });
  await doc.send(new DeleteCommand({ TableName: "News", Key: { newsId: url.searchParams.get("newsId") } }));
  return Response.json({ ok: true });
}`,
      filename: "app/api/news/route.ts",
      errors: [{ messageId: "writeNotOwned", line: 8 }],
    },
    {
      name: "a signature compared with an HMAC keyed by what the request sends, or compared without an exit, proves no sender",
      code: signedWebhook('const expected = crypto.createHmac("sha256", event.headers["X-Key"]).update(event.body).digest("base64");\n  if (expected !== given) return { statusCode: 401 };'),
      errors: [{ messageId: "writeNotOwned", line: 10 }],
    },
    {
      code: signedWebhook(`${HMAC}\n  const valid = expected === given;\n  console.log({ valid });`),
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      code: signedWebhook(`${HMAC}\n  if (expected !== process.env.LAST_SIGNATURE) return { statusCode: 409 };`),
      errors: [{ messageId: "writeNotOwned", line: 10 }],
    },
    {
      name: "items nothing in the code ties to a user (a product catalogue): the advice weighs a role check against an owner check, or publicTables",
      code: `${V2}
module.exports.show = async (ctx) => {
  if (!ctx.state.user) ctx.throw(401);
  const { Item } = await dynamo.get({ TableName: "Products", Key: { id: ctx.params.id } }).promise();
  ctx.body = Item;
};
module.exports.remove = async (ctx) => {
  if (!ctx.state.user) ctx.throw(401);
  await dynamo.delete({ TableName: "Products", Key: { id: ctx.params.id } }).promise();
  ctx.status = 204;
};`,
      ...cjs,
      errors: [
        { messageId: "readNotOwned", line: 6, data: { operation: "`dynamo.get()`", target: 'an item of table "Products"', source: "`ctx.params.id`", missing: "the key does not include the caller, and no comparison of the item's owner with the caller guards the response (the handler knows the caller, `ctx.state.user`, but nothing checks the item against it)", advice: ADVICE.sharedRead } },
        { messageId: "writeNotOwned", line: 11, data: { operation: "`dynamo.delete()`", verb: "deletes", target: 'an item of table "Products"', source: "`ctx.params.id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key (the handler knows the caller, `ctx.state.user`, but nothing checks the item against it)", advice: ADVICE.sharedWrite } },
      ],
    },
    {
      name: "koa: a handler exported on its own, with ctx as its only parameter",
      code: `${V2}
async function deleteProduct(ctx) {
  await dynamo.delete({ TableName: "Products", Key: { id: ctx.params.id } }).promise();
  ctx.status = 204;
}
module.exports = deleteProduct;`,
      ...cjs,
      errors: [{ messageId: "writeNotOwned", line: 5, data: { operation: "`dynamo.delete()`", verb: "deletes", target: 'an item of table "Products"', source: "`ctx.params.id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key", advice: ADVICE.anyWrite } }],
    },
    {
      name: "an output a .then() or SDK v2 callback sends is served",
      code: `${V2}
const { DynamoDBClient, QueryCommand } = require("@aws-sdk/client-dynamodb");
const client = new DynamoDBClient({});
exports.list = (req, res) => {
  client.send(new QueryCommand({ TableName: "Users", KeyConditionExpression: "email = :e", ExpressionAttributeValues: { ":e": { S: req.query.email } } })).then((data) => res.send(data.Items));
};
exports.show = (req, res) => {
  dynamo.get({ TableName: "Users", Key: { email: req.query.email } }, (error, data) => res.send(data.Item));
};`,
      ...cjs,
      errors: [{ messageId: "readByAnyCaller", line: 7 }, { messageId: "readByAnyCaller", line: 10 }],
    },
    {
      name: "lambda: a Lambda-shaped helper the file calls and does not export is followed from the handler that calls it",
      code: `${V2}
const handleDelete = async (event, membershipId) => {
  await dynamo.delete({ TableName: "memberships", Key: { membership_id: membershipId } }).promise();
  return { statusCode: 204 };
};
exports.handler = async (event) => {
  const membershipId = event.pathParameters?.membershipId;
  if (event.httpMethod === "DELETE" && membershipId) return await handleDelete(event, membershipId);
};`,
      ...cjs,
      errors: [{ messageId: "writeNotOwned", line: 10, data: { operation: "`handleDelete()` (dynamo.delete() at line 5)", verb: "deletes", target: 'an item of table "memberships"', source: "`event.pathParameters.membershipId`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key", advice: ADVICE.anyWrite } }],
    },
    {
      name: "lambda: a helper that authenticates the event before its read makes the handler that calls it authenticated",
      code: `${V2}
const handleGet = async (event, membershipId) => {
  const auth = requireAuth(event);
  if (auth.error) return { statusCode: 401 };
  const { Item } = await dynamo.get({ TableName: "memberships", Key: { membership_id: membershipId } }).promise();
  return { statusCode: 200, body: JSON.stringify(Item) };
};
exports.handler = async (event) => handleGet(event, event.pathParameters.membershipId);`,
      ...cjs,
      errors: [{ messageId: "readNotOwned", line: 10 }],
    },
    {
      name: "lambda: an exported handler that another handler also calls is still reported where it deletes",
      code: `${V2}
async function handler(event) {
  await dynamo.delete({ TableName: "memberships", Key: { membership_id: event.pathParameters.id } }).promise();
  return { statusCode: 204 };
}
async function replay(event) {
  for (const record of JSON.parse(event.body).events) await handler(record);
}
module.exports = { handler, replay };`,
      ...cjs,
      errors: [{ messageId: "writeNotOwned", line: 5 }],
    },
    {
      name: "an attribute converted and sent, or the attribute a find() returns, is item data",
      code: `${V3}
app.get("/posts/:id/summary", requireAuth, async (req, res) => {
  const { Item: post } = await doc.send(new GetCommand({ TableName: "Posts", Key: { postId: req.params.id } }));
  const title = format(post.title);
  const comment = post.comments.find((entry) => entry.pinned);
  res.json({ title, comment });
});`,
      filename: "src/posts.js",
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "a read tested with isEmpty() and then sent is still a read of the item",
      code: `${V3}
const isEmpty = (value) => value == null || Object.keys(value).length === 0;
export const getUser = async (event) => {
  const { Item: user } = await doc.send(new GetCommand({ TableName: process.env.USERS_TABLE, Key: { email: event.pathParameters.email } }));
  if (isEmpty(user)) return { statusCode: 404, body: "" };
  return { statusCode: 200, body: JSON.stringify(user) };
};`,
      filename: "src/users.js",
      errors: [{ messageId: "readByAnyCaller", line: 7 }],
    },
    {
      name: "a conditional key is reported when a request id is in it (generic helper) or when one form takes the id from the request",
      code: `${V3}
async function getOne(id, table, extraKeys = {}) {
  const params = { TableName: table, Key: Object.keys(extraKeys).length === 0 ? { id } : { id, ...extraKeys } };
  const result = await doc.send(new GetCommand(params));
  return result.Item || null;
}
export const getNote = async (event) => {
  const sub = event.requestContext.authorizer.claims.sub;
  const item = await getOne(event.pathParameters.id, "Notes", { v: "1" });
  return { statusCode: 200, body: JSON.stringify({ item, sub }) };
};
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: req.query.mine ? { id: req.user.id } : { id: req.params.id } }));
  res.json(Item);
});`,
      errors: [
        { messageId: "readNotOwned", line: 12 },
        { messageId: "readNotOwned", line: 16 },
      ],
    },
    {
      name: "a caller attribute that only names a manager's id (managerId) is not a role check",
      code: `${V3}
app.delete("/users/:userId", authenticateToken, async (req, res) => {
  if (!req.user.managerId) return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Users", Key: { id: req.params.userId } }));
  res.status(204).end();
});`,
      errors: [
        {
          messageId: "writeNotOwned",
          line: 7,
          suggestions: [
            {
              messageId: "addOwnerCondition",
              output: `${V3}
app.delete("/users/:userId", authenticateToken, async (req, res) => {
  if (!req.user.managerId) return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Users", Key: { id: req.params.userId }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": req.user.managerId } }));
  res.status(204).end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: "an entry found in the item and served, or entries filtered from it, are the item's data",
      code: attendanceSheet("list.find((entry) => entry.studentId === req.query.studentId)") + attendanceSheet("list.filter((entry) => entry.status === 1)").slice(V3.length),
      errors: [
        { messageId: "readNotOwned", line: 6 },
        { messageId: "readNotOwned", line: 11 },
      ],
    },
    {
      name: "a user's connection whose record is sent back to the caller is served",
      code: notifyConnection("await api.send(new PostToConnectionCommand({ ConnectionId: event.requestContext.connectionId, Data: JSON.stringify(connection) }));"),
      errors: [{ messageId: "readNotOwned" }],
    },
    {
      name: "an update keyed by the request's id, or by a new one only when the request sends none (if (!user) user = randomUUID()), updates the item the request names",
      code: `${V3}
import { randomUUID } from "node:crypto";
app.patch("/cart/items", async (req, res) => {
  let user = req.body.username;
  if (!user) {
    user = randomUUID();
  }
  await doc.send(new UpdateCommand({ TableName: "Carts", Key: { username: user }, UpdateExpression: "SET #p = list_append(if_not_exists(#p, :none), :items)", ExpressionAttributeNames: { "#p": "products" }, ExpressionAttributeValues: { ":none": [], ":items": [req.body.productId] } }));
  res.send(user);
});`,
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      name: "the whole body as the item, its id generated only when the body has none: a client sending an id overwrites that item",
      code: bodyWithFilledIn("if (!body.id) {\n    body.id = randomUUID();\n  }"),
      errors: [{ messageId: "writeNotOwned", line: 10 }],
    },
    {
      name: "the same with body.id ??= randomUUID() and body.id = body.id || randomUUID()",
      code: bodyWithFilledIn("body.id ??= randomUUID();") + bodyWithFilledIn("body.id = body.id || randomUUID();").slice(V3.length).replace('import { randomUUID } from "node:crypto";', "").replace("export const handler", "export const other"),
      errors: [
        { messageId: "writeNotOwned", line: 8 },
        { messageId: "writeNotOwned", line: 14 },
      ],
    },
    {
      name: "writers that generate the id only when the caller's object has none, given the request's id",
      code: candidateWriters("{ id: req.body.id, name: req.body.name }"),
      errors: [overwrittenByBodyId(14, "addCandidate", 7, "Candidates", ADVICE.sharedWrite), overwrittenByBodyId(18, "upsertMember", 11, "Panel", ADVICE.ownedWrite)],
    },
    {
      name: "writers that generate the id only when the caller's object has none, given the whole body",
      code: candidateWriters("req.body"),
      errors: [
        { messageId: "writeNotOwned", line: 14 },
        { messageId: "writeNotOwned", line: 18 },
      ],
    },
    {
      name: "a role check after the item was already served (also in a branch that returns it), or after a write, protects nothing",
      code: `${V3}
app.get("/payments/:id", authenticateToken, async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Payments", Key: { id: req.params.id } }));
  res.json(Item);
  if (req.user.role !== "accounts") return console.warn("served a payment to", req.user.id);
});
app.delete("/payments/:id", authenticateToken, async (req, res) => {
  await doc.send(new DeleteCommand({ TableName: "Payments", Key: { id: req.params.id } }));
  if (req.user.role !== "accounts") return res.status(403).end();
  res.status(204).end();
});
app.get("/invoices", authenticateToken, async (req, res) => {
  if (req.query.id) {
    const { Item } = await doc.send(new GetCommand({ TableName: "Invoices", Key: { id: req.query.id } }));
    return res.json(Item);
  }
  if (!["coo", "director"].includes(req.user.role)) return res.status(403).end();
  res.json(await listInvoices());
});`,
      errors: [
        { messageId: "readNotOwned", line: 6 },
        { messageId: "writeNotOwned", line: 11, suggestions: [] },
        { messageId: "readNotOwned", line: 17 },
      ],
    },
    {
      name: "an administrator's id the request names is no role check",
      code: adminCheck("if (req.params.adminId !== req.user.id) return res.status(403).end();"),
      errors: [{ messageId: "writeNotOwned", line: 7, suggestions: [{ messageId: "addOwnerCondition", output: withOwnerCondition(adminCheck("if (req.params.adminId !== req.user.id) return res.status(403).end();"), "req.user.id") }] }],
    },
    {
      name: "the administrator let through to an exit (`email === ADMIN_EMAIL`) is no role check",
      code: adminCheck("if (req.user.email === ADMIN_EMAIL) return res.status(409).end();"),
      // An e-mail is no owner id to suggest a condition with.
      errors: [{ messageId: "writeNotOwned", line: 7, suggestions: [] }],
    },
    {
      name: "a claim compared with the administrator's role is no role check when it lets the administrator out, names no caller, or is joined by && to something else",
      code: `${V3}
app.delete("/rooms/:id", authenticateToken, async (req, res) => {
  if (req.user.type === "admin") return res.status(409).end();
  await doc.send(new DeleteCommand({ TableName: "Rooms", Key: { id: req.params.id } }));
  res.status(204).end();
});
app.delete("/halls/:id", authenticateToken, async (req, res) => {
  if (req.body.type !== "admin") return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Halls", Key: { id: req.params.id } }));
  res.status(204).end();
});
app.delete("/desks/:id", authenticateToken, async (req, res) => {
  if (req.user.type !== "admin" && req.body.confirm !== "yes") return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Desks", Key: { id: req.params.id } }));
  res.status(204).end();
});`,
      errors: [
        { messageId: "writeNotOwned", line: 7, suggestions: [] },
        { messageId: "writeNotOwned", line: 12, suggestions: [] },
        { messageId: "writeNotOwned", line: 17, suggestions: [] },
      ],
    },
    {
      name: "an update keyed by the request's choice and a day cut from the current time, or by a generated default, reaches existing items",
      code: `${V3}
app.post("/users/:id/visits", authenticateToken, async (req, res) => {
  await doc.send(new UpdateCommand({ TableName: "Visits", Key: { PK: \`USER#\${req.params.id}\`, SK: \`DAY#\${new Date().toISOString().slice(0, 10)}\` }, UpdateExpression: "SET note = :n", ExpressionAttributeValues: { ":n": req.body.note } }));
  res.end();
});
app.post("/users/:id/steps", authenticateToken, async (req, res) => {
  const day = new Date().toISOString().split("T")[0];
  await doc.send(new UpdateCommand({ TableName: "Steps", Key: { userId: req.params.id, day }, UpdateExpression: "SET steps = :s", ExpressionAttributeValues: { ":s": req.body.steps } }));
  res.end();
});
app.put("/drafts", authenticateToken, async (req, res) => {
  await doc.send(new UpdateCommand({ TableName: "Drafts", Key: { id: req.body.id ?? randomUUID() }, UpdateExpression: "SET body = :b", ExpressionAttributeValues: { ":b": req.body.text } }));
  res.end();
});`,
      errors: [
        { messageId: "writeNotOwned", line: 6 },
        { messageId: "writeNotOwned", line: 11 },
        { messageId: "writeNotOwned", line: 15 },
      ],
    },
    {
      name: "a Scan for one item by the table's entity id or an attribute the file keys it by is a lookup: served unchecked, it is reported",
      code: `${V2}
app.get("/messages/:messageId", authenticateToken, async (req, res) => {
  const { Items } = await dynamo.scan({ TableName: "Messages", FilterExpression: "messageId = :m", ExpressionAttributeValues: { ":m": req.params.messageId } }).promise();
  res.json(Items.find((m) => m.messageId === req.params.messageId));
});
app.get("/threads/:ref", authenticateToken, async (req, res) => {
  const { Items } = await dynamo.scan({ TableName: "Threads", FilterExpression: "ref = :r", ExpressionAttributeValues: { ":r": req.params.ref } }).promise();
  res.json(Items[0]);
});
app.delete("/threads/:ref", authenticateToken, async (req, res) => {
  await dynamo.delete({ TableName: "Threads", Key: { ref: req.params.ref }, ConditionExpression: "ownerId = :me", ExpressionAttributeValues: { ":me": req.user.id } }).promise();
  res.end();
});
app.get("/threads", authenticateToken, async (req, res) => {
  const { Items } = await dynamo.scan({ TableName: "Threads", FilterExpression: "topic = :t", ExpressionAttributeValues: { ":t": req.query.topic } }).promise();
  res.json(Items);
});`,
      errors: [
        { messageId: "readNotOwned", line: 5 },
        { messageId: "readNotOwned", line: 9 },
      ],
    },
    {
      name: "a Put keyed by the entity id of a table whose name is an -es plural (`matches` → `matchId`) overwrites whoever's item is there",
      code: `${V3}
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  await doc.send(new PutCommand({ TableName: "matches", Item: { matchId: body.matchId, organizerId: body.organizerId, status: "open" } }));
  return { statusCode: 201 };
};`,
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "a Put keyed by the entity id written abbreviated (`org_id` in Organizations), the request's when it sends one, overwrites that item",
      code: `${V3}
import { v4 as uuidv4 } from "uuid";
export const handler = async (event) => {
  const { org_name, org_id: providedOrgId } = JSON.parse(event.body);
  const org_id = providedOrgId || uuidv4();
  await doc.send(new PutCommand({ TableName: process.env.ORGANIZATIONS_TABLE, Item: { org_id, org_name } }));
  await doc.send(new PutCommand({ TableName: process.env.ORGANIZATIONS_TABLE, Item: { org_id: uuidv4(), org_name } }));
  return { statusCode: 201 };
};`,
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "an element of the item matched against what the request names, or against a constant, is no check of the caller",
      code: `${V3}
app.post("/calls/:id/leave", authenticateToken, async (req, res) => {
  const { Item: call } = await doc.send(new GetCommand({ TableName: "Calls", Key: { sessionId: req.params.id } }));
  if (!call.participants.some((p) => p.userId === req.body.userId)) return res.status(403).end();
  await doc.send(new UpdateCommand({ TableName: "Calls", Key: { sessionId: req.params.id }, UpdateExpression: "SET ended = :t", ExpressionAttributeValues: { ":t": true } }));
  res.end();
});
app.get("/calls/:id", authenticateToken, async (req, res) => {
  const { Item: call } = await doc.send(new GetCommand({ TableName: "Calls", Key: { sessionId: req.params.id } }));
  if (!call.participants.some((p) => p.role === "host")) return res.status(403).end();
  res.json(call);
});`,
      errors: [
        { messageId: "writeNotOwned", line: 8 },
        { messageId: "readNotOwned", line: 12 },
      ],
    },
    {
      name: "a helper's existence answer about another key, or one that goes on when the account exists, lets the write overwrite",
      code: `${V3}
async function nameTaken(username: string) {
  const result = await doc.send(new GetCommand({ TableName: "Accounts", Key: { email: username } }));
  return result.Item !== undefined;
}
export const handler = async (event) => {
  const { email, username } = JSON.parse(event.body);
  if (await nameTaken(username)) return { statusCode: 409 };
  await doc.send(new PutCommand({ TableName: "Accounts", Item: { email, username } }));
  return { statusCode: 201 };
};
export const update = async (event) => {
  const { email, name } = JSON.parse(event.body);
  if (!(await nameTaken(email))) return { statusCode: 404 };
  await doc.send(new PutCommand({ TableName: "Accounts", Item: { email, name } }));
  return { statusCode: 200 };
};`,
      errors: [{ messageId: "writeNotOwned", line: 12 }, { messageId: "writeNotOwned", line: 18 }],
    },
    {
      name: "a helper given the fetched item (`if (isExpired(item.createdAt)) return`) says nothing of whether there is one: the write after it is reported",
      code: `${V3}const isExpired = (createdAt) => Date.now() - Date.parse(createdAt) > 86400000 && createdAt;
export const handler = async (event) => {
  const { note } = JSON.parse(event.body);
  const { Item } = await doc.send(new GetCommand({ TableName: "Orders", Key: { id: event.pathParameters.id } }));
  if (!Item) return { statusCode: 404 };
  if (isExpired(Item.createdAt)) return { statusCode: 410 };
  await doc.send(new UpdateCommand({ TableName: "Orders", Key: { id: event.pathParameters.id }, UpdateExpression: "SET note = :n", ExpressionAttributeValues: { ":n": note } }));
  return { statusCode: 200 };
};`,
      errors: [{ messageId: "writeNotOwned", line: 10 }],
    },
    {
      name: "the role flag of a record the request names is no role check of the caller",
      code: `${V3}import User from "./models/user";
app.put("/reports/:id/resolve", authenticateToken, async (req, res) => {
  const user = await User.findById(req.body.reviewerId);
  if (!user || !user.isAdmin) return res.status(403).end();
  await doc.send(new UpdateCommand({ TableName: "Reports", Key: { reportId: req.params.id }, UpdateExpression: "SET resolved = :t", ExpressionAttributeValues: { ":t": true } }));
  res.end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 8 }],
    },
    {
      name: "a one-time code served to whoever names the address is a read of a secret: reported",
      code: `${V3}
export async function GET(request) {
  const email = new URL(request.url).searchParams.get("email");
  const { Item } = await doc.send(new GetCommand({ TableName: "Auth", Key: { PK: \`OTP#\${email}\`, SK: \`OTP#\${email}\` } }));
  return Response.json({ code: Item.otp });
}`,
      errors: [{ messageId: "readByAnyCaller", line: 7 }],
    },
    {
      name: "a named role ruled out together with something that is not a role (`role !== \"coo\" && id !== me`) is no allow-list",
      code: `${V3}
app.delete("/projects/:id", authenticateToken, async (req, res) => {
  if (req.user.role !== "coo" && req.body.confirm !== "yes") return res.status(403).end();
  await doc.send(new DeleteCommand({ TableName: "Projects", Key: { id: req.params.id } }));
  res.status(204).end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 7, suggestions: [] }],
    },
    {
      name: "a role test joined by && to a check of something else is no role check: `!isManager && body.username !== me` lets every user through with their own name",
      code: `${V3}
app.put("/users", async (req, res) => {
  if (!req.user.isManager && req.user.username !== req.body.username) return res.status(403).end();
  await doc.send(new UpdateCommand({ TableName: "Users", Key: { id: req.body.userId }, UpdateExpression: "SET bio = :b", ExpressionAttributeValues: { ":b": req.body.bio } }));
  res.end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 7, suggestions: [] }],
    },
    {
      name: "no authentication: the key is a per-user partition (`USER#${id}`)",
      code: `${V3}
export const handler = async (event) => {
  const { Items } = await doc.send(new QueryCommand({
    TableName: process.env.TABLE_NAME,
    KeyConditionExpression: "PK = :pk",
    ExpressionAttributeValues: { ":pk": \`USER#\${event.pathParameters.id}\` },
  }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};`,
      filename: "src/list/index.js",
      errors: [{ messageId: "readByAnyCaller", line: 6, column: 36, endLine: 6, endColumn: 52, suggestions: [] }],
    },
    {
      name: "no authentication: the table is named after a per-user resource (USERS_TABLE)",
      code: `${V3}
app.get("/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.USERS_TABLE, Key: { id: req.params.id } }));
  res.json(Item);
});`,
      filename: "src/server.js",
      errors: [{ messageId: "readByAnyCaller", line: 6, column: 35, endLine: 6, endColumn: 49, suggestions: [] }],
    },
    {
      name: "no authentication: the route is named after a per-user resource (/accounts/:id)",
      code: `${V3}
app.get("/accounts/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Data", Key: { id: req.params.id } }));
  res.json(Item);
});`,
      filename: "src/server.js",
      errors: [{ messageId: "readByAnyCaller", line: 6, column: 35, endLine: 6, endColumn: 49, suggestions: [] }],
    },
    {
      name: "no authentication: the handler is named after a per-user resource (exports.getProfile)",
      code: `${V2}
exports.getProfile = async (req, res) => {
  const data = await dynamo.get({ TableName: process.env.TABLE_NAME, Key: { id: req.params.id } }).promise();
  res.json(data.Item);
};`,
      ...cjs,
      filename: "controllers/main.js",
      errors: [{ messageId: "readByAnyCaller", line: 5, column: 22, endLine: 5, endColumn: 32, suggestions: [] }],
    },
    {
      name: "no authentication: the file is named after a per-user resource (invoices/get.js)",
      code: `${V2}
module.exports.main = async (event) => {
  const result = await dynamo.get({ TableName: process.env.TABLE_NAME, Key: { id: event.pathParameters.id } }).promise();
  return { statusCode: 200, body: JSON.stringify(result.Item) };
};`,
      ...cjs,
      filename: "src/invoices/get.js",
      errors: [{ messageId: "readByAnyCaller", line: 5, column: 24, endLine: 5, endColumn: 34, suggestions: [] }],
    },
    {
      name: "no authentication: a table named by constant text and a stage suffix (`Users${process.env.STAGE}`) is named after users, not the table in STAGE",
      code: `${V3}
const USERS = \`Users\${process.env.STAGE || ""}\`;
export const handler = async (event) => {
  const { Item } = await doc.send(new GetCommand({ TableName: USERS, Key: { id: event.pathParameters.id } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
      filename: "src/get.js",
      errors: [{ messageId: "readByAnyCaller", line: 7, data: { operation: "`GetCommand`", target: "an item of table `Users${STAGE}`", source: "`event.pathParameters.id`", missing: "the key does not include the caller, and no comparison of the item's owner with the caller guards the response", verb: "updates" } }],
    },
    {
      name: "a write to a table named `Orders-${process.env.STAGE}` names that table, not the table in STAGE",
      code: `${V3}
app.delete("/orders/:id", async (req, res) => {
  await doc.send(new DeleteCommand({ TableName: "Orders-" + process.env.STAGE, Key: { id: req.params.id } }));
  res.status(204).end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 6, data: { operation: "`DeleteCommand`", verb: "deletes", target: "an item of table `Orders-${STAGE}`", source: "`req.params.id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key", advice: ADVICE.ownedWrite }, suggestions: [] }],
    },
    {
      name: "strict: reportAllUnauthenticatedReads reports a catalogue read with no authentication",
      code: `${V2}
exports.handler = (event, context, callback) => {
  const params = { TableName: process.env.CATALOG_TABLE, Key: { isbn: event.pathParameters.isbn } };
  dynamo.get(params, (error, data) => {
    if (error) return callback(null, { statusCode: 500, body: "" });
    callback(null, { statusCode: 200, body: JSON.stringify(data.Item) });
  });
};`,
      ...cjs,
      filename: "functions/api/getTitle.js",
      options: [{ reportAllUnauthenticatedReads: true }],
      errors: [{ messageId: "readByAnyCaller", line: 6, column: 3, endLine: 6, endColumn: 13, suggestions: [] }],
    },
    {
      name: "no authentication: writes and deletes of public-looking data are still reported by default",
      code: `${V3}
app.get("/widgets/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { id: req.params.id } }));
  res.json(Item);
});
app.delete("/widgets/:id", async (req, res) => {
  await doc.send(new DeleteCommand({ TableName: process.env.TABLE_NAME, Key: { id: req.params.id } }));
  res.status(204).end();
});`,
      filename: "src/server.js",
      errors: [{ messageId: "writeNotOwned", line: 10, column: 18, endLine: 10, endColumn: 35, suggestions: [] }],
    },
    {
      name: "express: a read by route parameter with no authentication at all",
      code: `${V3}
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.json(Item);
});`,
      errors: [
        {
          messageId: "readByAnyCaller",
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 49,
          data: { operation: "`GetCommand`", target: 'an item of table "Notes"', source: "`req.params.id`" },
          suggestions: [],
        },
      ],
    },
    {
      name: "lambda: a key that is the caller's id or the requested one is not tied to the caller",
      code: `${V3}
export const getProfile = async (event) => {
  const me = event.requestContext.authorizer.principalId;
  const { Item } = await doc.send(new GetCommand({ TableName: "Profiles", Key: { pk: \`USER#\${event.queryStringParameters?.user ? event.queryStringParameters.user : me}\` } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
      errors: [{ messageId: "readNotOwned", line: 7, suggestions: [] }],
    },
    {
      name: "express: the handler knows the caller but deletes whatever id the request names",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const userId = req.user.id;
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.sendStatus(204);
});`,
      errors: [
        { messageId: "writeNotOwned", line: 7, column: 18, endLine: 7, endColumn: 35, data: { operation: "`DeleteCommand`", verb: "deletes", target: 'an item of table "Notes"', source: "`req.params.id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key (the handler knows the caller, `req.user.id`, but nothing checks the item against it)", advice: ADVICE.ownedWrite }, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const userId = req.user.id;
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": userId } }));
  res.sendStatus(204);
});` }] },
      ],
    },
    {
      name: "express: a ConditionExpression that only re-checks the key (suggestion merges into it)",
      code: `${V3}
router.put("/notes/:id", authenticate, async (req, res) => {
  await doc.send(new UpdateCommand({
    TableName: "Notes",
    Key: { id: req.params.id },
    UpdateExpression: "SET #t = :t",
    ConditionExpression: "attribute_exists(id)",
    ExpressionAttributeNames: { "#t": "title", "#owner": "owner" },
    ExpressionAttributeValues: { ":t": req.body.title },
  }));
  res.json({ by: req.user.sub });
});`,
      errors: [
        { messageId: "writeNotOwned", line: 6, column: 18, endLine: 6, endColumn: 35, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
router.put("/notes/:id", authenticate, async (req, res) => {
  await doc.send(new UpdateCommand({
    TableName: "Notes",
    Key: { id: req.params.id },
    UpdateExpression: "SET #t = :t",
    ConditionExpression: "(attribute_exists(id)) AND (#owner1 = :caller)",
    ExpressionAttributeNames: { "#t": "title", "#owner": "owner", "#owner1": "ownerId" },
    ExpressionAttributeValues: { ":t": req.body.title, ":caller": req.user.sub },
  }));
  res.json({ by: req.user.sub });
});` }] },
      ],
    },
    {
      name: "express: a comparison whose result guards nothing",
      code: `${V3}
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  const isOwner = Item.ownerId === req.user.id;
  res.json({ ...Item, isOwner });
});`,
      errors: [
        { messageId: "readNotOwned", line: 6, column: 35, endLine: 6, endColumn: 49, suggestions: [] },
      ],
    },
    {
      name: "express: the item is compared with a request value, not the caller",
      code: `${V3}
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (Item.ownerId !== req.query.userId) return res.sendStatus(403);
  res.json(Item);
});`,
      errors: [
        { messageId: "readByAnyCaller", line: 6, column: 35, endLine: 6, endColumn: 49, suggestions: [] },
      ],
    },
    {
      name: "express: an error response without return lets the delete run anyway",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (Item.ownerId !== req.user.id) {
    res.status(403).json({ error: "forbidden" });
  }
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.sendStatus(204);
});`,
      errors: [
        { messageId: "writeNotOwned", line: 10, column: 18, endLine: 10, endColumn: 35, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (Item.ownerId !== req.user.id) {
    res.status(403).json({ error: "forbidden" });
  }
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": req.user.id } }));
  res.sendStatus(204);
});` }] },
      ],
    },
    {
      name: "express: the delete runs in the branch where the caller does NOT own the item",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (Item.ownerId !== req.user.id) {
    await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  }
  res.sendStatus(204);
});`,
      errors: [
        { messageId: "writeNotOwned", line: 8, column: 20, endLine: 8, endColumn: 37, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (Item.ownerId !== req.user.id) {
    await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": req.user.id } }));
  }
  res.sendStatus(204);
});` }] },
      ],
    },
    {
      name: "express: the ownership check is on the list, the delete on another key",
      code: `${V3}
app.delete("/lists/:listId/items/:itemId", async (req, res) => {
  const { Item: list } = await doc.send(new GetCommand({ TableName: "Lists", Key: { id: req.params.listId } }));
  if (list.ownerId !== req.user.id) return res.sendStatus(403);
  await doc.send(new DeleteCommand({ TableName: "Items", Key: { id: req.params.itemId } }));
  res.sendStatus(204);
});`,
      errors: [
        { messageId: "writeNotOwned", line: 8, column: 18, endLine: 8, endColumn: 35, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
app.delete("/lists/:listId/items/:itemId", async (req, res) => {
  const { Item: list } = await doc.send(new GetCommand({ TableName: "Lists", Key: { id: req.params.listId } }));
  if (list.ownerId !== req.user.id) return res.sendStatus(403);
  await doc.send(new DeleteCommand({ TableName: "Items", Key: { id: req.params.itemId }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": req.user.id } }));
  res.sendStatus(204);
});` }] },
      ],
    },
    {
      name: "express: the check comes after the delete",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const { Attributes } = await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id }, ReturnValues: "ALL_OLD" }));
  if (Attributes.ownerId !== req.user.id) return res.sendStatus(403);
  res.sendStatus(204);
});`,
      errors: [
        { messageId: "writeNotOwned", line: 6, column: 41, endLine: 6, endColumn: 58, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const { Attributes } = await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id }, ReturnValues: "ALL_OLD", ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": req.user.id } }));
  if (Attributes.ownerId !== req.user.id) return res.sendStatus(403);
  res.sendStatus(204);
});` }] },
      ],
    },
    {
      name: "a helper's result used in its .then() callback: sent, or returned on to what the route sends",
      code: ordersThen(".then((data) => res.json(data.Items))"),
      errors: [{ messageId: "readByAnyCaller", line: 9 }],
    },
    {
      code: ordersThen(".then((data) => data.Items).then((items) => res.json(items))"),
      errors: [{ messageId: "readByAnyCaller", line: 9 }],
    },
    {
      name: "express: reported at the handler's call of the same-file helper",
      code: `${V3}
async function removeNote(id: string) {
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id } }));
}
app.delete("/notes/:id", async (req, res) => {
  await removeNote(req.params.id);
  res.sendStatus(204);
});`,
      errors: [
        { messageId: "writeNotOwned", line: 9, column: 9, endLine: 9, endColumn: 19, data: { operation: "`removeNote()` (DeleteCommand at line 6)", verb: "deletes", target: 'an item of table "Notes"', source: "`req.params.id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key", advice: ADVICE.ownedWrite }, suggestions: [] },
      ],
    },
    {
      name: "express: a PUT upsert overwrites whoever's item has that id (key schema from the file)",
      code: `${V3}
app.put("/notes/:id", async (req, res) => {
  await doc.send(
    new PutCommand({
      TableName: "Notes",
      Item: { id: req.params.id, ownerId: req.user.id, text: req.body.text },
    }),
  );
  res.sendStatus(204);
});
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (Item?.ownerId !== req.user.id) return res.sendStatus(404);
  res.json(Item);
});`,
      errors: [
        { messageId: "writeNotOwned", line: 7, column: 5, endLine: 7, endColumn: 19, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
app.put("/notes/:id", async (req, res) => {
  await doc.send(
    new PutCommand({
      TableName: "Notes",
      Item: { id: req.params.id, ownerId: req.user.id, text: req.body.text },
      ConditionExpression: "attribute_not_exists(#key) OR #owner = :caller",
      ExpressionAttributeNames: { "#owner": "ownerId", "#key": "id" },
      ExpressionAttributeValues: { ":caller": req.user.id },
    }),
  );
  res.sendStatus(204);
});
app.get("/notes/:id", async (req, res) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  if (Item?.ownerId !== req.user.id) return res.sendStatus(404);
  res.json(Item);
});` }] },
      ],
    },
    {
      name: "express: exported controllers (CommonJS, SDK v2, .promise() and callback)",
      code: `${V2}
exports.getNote = async (req, res) => {
  const data = await dynamo.get({ TableName: process.env.NOTES_TABLE, Key: { noteId: req.params.noteId } }).promise();
  res.json(data.Item);
};
exports.deleteNote = (req, res, next) => {
  const params = { TableName: process.env.NOTES_TABLE, Key: { noteId: req.params.noteId } };
  dynamo.delete(params, (err) => (err ? next(err) : res.sendStatus(204)));
};`,
      filename: "controllers/notes.js",
      languageOptions: { parserOptions: { sourceType: "script" } },
      errors: [
        { messageId: "readByAnyCaller", line: 5, column: 22, endLine: 5, endColumn: 32, suggestions: [] },
        { messageId: "writeNotOwned", line: 10, column: 3, endLine: 10, endColumn: 16, suggestions: [] },
      ],
    },
    {
      name: "express: the suggestion uses the ownerAttribute option and fresh placeholders in a params object",
      code: `${V3}
app.patch("/notes/:id", async (req, res) => {
  const params = {
    TableName: "Notes",
    Key: { id: req.params.id },
    UpdateExpression: "SET body = :caller",
    ExpressionAttributeValues: {
      ":caller": req.body.body,
    },
  };
  await doc.send(new UpdateCommand(params));
  res.json({ updatedBy: req.auth.userId });
});`,
      options: [{"ownerAttribute":"userId"}],
      errors: [
        { messageId: "writeNotOwned", line: 14, column: 18, endLine: 14, endColumn: 35, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
app.patch("/notes/:id", async (req, res) => {
  const params = {
    TableName: "Notes",
    Key: { id: req.params.id },
    UpdateExpression: "SET body = :caller",
    ExpressionAttributeValues: {
      ":caller": req.body.body,
      ":caller1": req.auth.userId,
    },
    ConditionExpression: "#owner = :caller1",
    ExpressionAttributeNames: { "#owner": "userId" },
  };
  await doc.send(new UpdateCommand(params));
  res.json({ updatedBy: req.auth.userId });
});` }] },
      ],
    },
    {
      name: "express: validating the id, logging and serializing are not authorization decisions",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  await validateId(req.params.id);
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  logger.info("deleting", req.user.id, Item);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  res.json(toResponse(Item, req.user));
});`,
      // The read and the delete by the same path id are one finding, at the delete.
      errors: [
        { messageId: "writeNotOwned", line: 9, column: 18, endLine: 9, endColumn: 35, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
app.delete("/notes/:id", async (req, res) => {
  await validateId(req.params.id);
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
  logger.info("deleting", req.user.id, Item);
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": req.user.id } }));
  res.json(toResponse(Item, req.user));
});` }] },
      ],
    },
    {
      name: "express: no suggestion when the existing placeholders are not all known",
      code: `${V3}
app.patch("/notes/:id", async (req, res) => {
  await doc.send(new UpdateCommand({
    TableName: "Notes",
    Key: { id: req.params.id },
    UpdateExpression: buildUpdate(req.body),
    ExpressionAttributeValues: { ...valuesOf(req.body) },
  }));
  res.json({ by: req.user.id });
});`,
      errors: [{ messageId: "writeNotOwned", line: 6, column: 18, endLine: 6, endColumn: 35, suggestions: [] }],
    },
    {
      name: "fastify: route shorthand and route options",
      code: `${V3}
fastify.get("/notes/:id", async (request, reply) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: request.params.id } }));
  return Item;
});
fastify.route({
  method: "DELETE",
  url: "/notes/:id",
  preHandler: [fastify.authenticate],
  handler: async (request, reply) => {
    await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: request.params.id } }));
    reply.code(204).send();
  },
});`,
      errors: [
        { messageId: "readByAnyCaller", line: 6, column: 35, endLine: 6, endColumn: 49, suggestions: [] },
        { messageId: "writeNotOwned", line: 14, column: 20, endLine: 14, endColumn: 37, suggestions: [] },
      ],
    },
    {
      name: "koa: @koa/router handlers",
      code: `${V3}
router.get("/notes/:id", async (ctx) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: ctx.params.id } }));
  if (!Item) ctx.throw(404);
  ctx.body = Item;
});
router.put("/notes/:id", async (ctx) => {
  const { id } = ctx.params;
  const userId = ctx.state.user.id;
  await doc.send(new UpdateCommand({ TableName: "Notes", Key: { id }, UpdateExpression: "SET body = :b", ExpressionAttributeValues: { ":b": ctx.request.body.body } }));
  ctx.status = 204;
});`,
      errors: [
        { messageId: "readByAnyCaller", line: 6, column: 35, endLine: 6, endColumn: 49, suggestions: [] },
        { messageId: "writeNotOwned", line: 13, column: 18, endLine: 13, endColumn: 35, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
router.get("/notes/:id", async (ctx) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: ctx.params.id } }));
  if (!Item) ctx.throw(404);
  ctx.body = Item;
});
router.put("/notes/:id", async (ctx) => {
  const { id } = ctx.params;
  const userId = ctx.state.user.id;
  await doc.send(new UpdateCommand({ TableName: "Notes", Key: { id }, UpdateExpression: "SET body = :b", ExpressionAttributeValues: { ":b": ctx.request.body.body, ":caller": userId }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" } }));
  ctx.status = 204;
});` }] },
      ],
    },
    {
      name: "hono: c.req.param()",
      code: `${V3}
app.get("/notes/:id", async (c) => {
  const id = c.req.param("id");
  const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id } }));
  return c.json(Item);
});
app.delete("/notes/:id", jwt({ secret }), async (c) => {
  const payload = c.get("jwtPayload");
  await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: c.req.param("id") } }));
  return c.body(null, 204);
});`,
      errors: [
        { messageId: "readByAnyCaller", line: 7, column: 35, endLine: 7, endColumn: 49, suggestions: [] },
        { messageId: "writeNotOwned", line: 12, column: 18, endLine: 12, endColumn: 35, suggestions: [] },
      ],
    },
    {
      name: "hono: the path's user checked to be the caller does not vouch for another parameter (`c.req.param(\"noteId\")` alone keys the note)",
      code: honoUserNote(`c.req.param("noteId")`).replace(`userId: c.req.param("noteId"), `, ""),
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      // The caller is read only through a call's result (c.get(...).sub): the handler is still an authenticated one.
      name: "hono: the caller read as a member of c.get(), the item keyed by the request alone",
      code: `${V3}
app.get("/invoices/:id", async (c) => {
  console.info("invoice read by", c.get("jwtPayload").sub);
  const { Item } = await doc.send(new GetCommand({ TableName: "Invoices", Key: { id: c.req.param("id") } }));
  return c.json(Item);
});`,
      errors: [{ messageId: "readNotOwned", line: 7, column: 35, endLine: 7, endColumn: 49, suggestions: [] }],
    },
    {
      name: "nestjs: an item fetched through a method of the same class, then updated, with no check",
      code: ordersController(""),
      errors: [{ messageId: "writeNotOwned", line: 17, column: 20, endLine: 17, endColumn: 37, suggestions: [] }],
    },
    {
      name: "nestjs: controller methods with @Param()",
      code: `${V3}
@Controller("notes")
@UseGuards(AuthGuard("jwt"))
export class NotesController {
  constructor(private readonly doc: DynamoDBDocumentClient) {}

  @Get(":id")
  async findOne(@Param("id") id: string, @CurrentUser() user: User) {
    const { Item } = await this.doc.send(new GetCommand({ TableName: "Notes", Key: { id } }));
    return Item;
  }

  @Delete(":id")
  async remove(@Param("id") id: string, @Req() req) {
    await this.doc.send(new DeleteCommand({ TableName: "Notes", Key: { id }, ConditionExpression: "attribute_exists(id)" }));
  }
}`,
      errors: [
        { messageId: "readNotOwned", line: 12, column: 42, endLine: 12, endColumn: 56, suggestions: [] },
        { messageId: "writeNotOwned", line: 18, column: 25, endLine: 18, endColumn: 42, suggestions: [] },
      ],
    },
    {
      name: "next.js: App Router route handlers",
      code: `${V3}
import { auth } from "@/auth";
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { Item } = await doc.send(new GetCommand({ TableName: "Invoices", Key: { id } }));
  return Response.json(Item);
}
export async function DELETE(request: Request, { params }: { params: { id: string } }) {
  const session = await auth();
  if (!session?.user) return new Response(null, { status: 401 });
  await doc.send(new DeleteCommand({ TableName: "Invoices", Key: { id: params.id } }));
  return new Response(null, { status: 204 });
}`,
      filename: "src/app/api/invoices/[id]/route.ts",
      errors: [
        { messageId: "readByAnyCaller", line: 8, column: 35, endLine: 8, endColumn: 49, suggestions: [] },
        { messageId: "writeNotOwned", line: 14, column: 18, endLine: 14, endColumn: 35, suggestions: [] },
      ],
    },
    {
      name: "next.js: Pages Router API route",
      code: `${V3}
import { getServerSession } from "next-auth/next";
export default async function handler(req, res) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).end();
  const { Item } = await doc.send(new GetCommand({ TableName: "Invoices", Key: { id: req.query.id } }));
  res.status(200).json(Item);
}`,
      filename: "pages/api/invoices/[id].ts",
      errors: [
        {
          messageId: "readNotOwned",
          line: 9,
          column: 35,
          endLine: 9,
          endColumn: 49,
          data: {
            operation: "`GetCommand`",
            target: 'an item of table "Invoices"',
            source: "`req.query.id`",
            missing: "the key does not include the caller, and no comparison of the item's owner with the caller guards the response (the handler knows the caller, `getServerSession(req, res, authOptions)`, but nothing checks the item against it)", advice: ADVICE.ownedRead,
          },
          suggestions: [],
        },
      ],
    },
    {
      name: "next.js: Server Action",
      code: `"use server";
${V3}
import { auth } from "@/auth";
export async function deleteInvoice(id: string) {
  const session = await auth();
  if (!session?.user) throw new Error("Unauthorized");
  await doc.send(new DeleteCommand({ TableName: "Invoices", Key: { id } }));
}`,
      filename: "src/app/invoices/actions.ts",
      errors: [
        { messageId: "writeNotOwned", line: 10, column: 18, endLine: 10, endColumn: 35, data: { operation: "`DeleteCommand`", verb: "deletes", target: 'an item of table "Invoices"', source: "the Server Action argument `id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key (the handler knows the caller, `auth()`, but nothing checks the item against it)", advice: ADVICE.ownedWrite }, suggestions: [] },
      ],
    },
    {
      name: "lambda: API Gateway REST and HTTP API handlers",
      code: `${V3}
export const getItem = async (event) => {
  const { id } = event.pathParameters;
  const result = await doc.send(new GetCommand({ TableName: process.env.NOTES_TABLE, Key: { id } }));
  return { statusCode: 200, body: JSON.stringify(result.Item) };
};
export const updateItem = async (event) => {
  const body = JSON.parse(event.body);
  const { sub } = event.requestContext.authorizer.jwt.claims;
  await doc.send(new UpdateCommand({
    TableName: process.env.TABLE_NAME,
    Key: { id: body.id },
    UpdateExpression: "SET title = :t",
    ExpressionAttributeValues: { ":t": body.title },
  }));
  return { statusCode: 204 };
};`,
      errors: [
        { messageId: "readByAnyCaller", line: 7, column: 33, endLine: 7, endColumn: 47, suggestions: [] },
        { messageId: "writeNotOwned", line: 13, column: 18, endLine: 13, endColumn: 35, suggestions: [] },
      ],
    },
    {
      name: "lambda: AppSync resolver",
      code: `${V3}
export const handler = async (event) => {
  switch (event.info.fieldName) {
    case "getNote": {
      const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: event.arguments.id } }));
      return Item;
    }
    case "myNote": {
      const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { owner: event.identity.sub, id: event.arguments.id } }));
      return Item;
    }
  }
};`,
      errors: [
        { messageId: "readNotOwned", line: 8, column: 39, endLine: 8, endColumn: 53, suggestions: [] },
      ],
    },
    {
      name: "lambda: switch on the route with same-file helpers (SDK v2)",
      code: `${V2}
exports.handler = async (event) => {
  switch (event.routeKey) {
    case "GET /users/{id}":
      return respond(200, await getUser(event.pathParameters.id));
    case "DELETE /users/{id}":
      await deleteUser(event.pathParameters.id);
      return respond(204);
  }
};
async function getUser(id) {
  const { Item } = await dynamo.get({ TableName: "Users", Key: { id } }).promise();
  return Item;
}
async function deleteUser(id) {
  await dynamo.delete({ TableName: "Users", Key: { id } }).promise();
}
function respond(statusCode, body) {
  return { statusCode, body: JSON.stringify(body) };
}`,
      filename: "index.js",
      languageOptions: { parserOptions: { sourceType: "script" } },
      errors: [
        { messageId: "readByAnyCaller", line: 7, column: 33, endLine: 7, endColumn: 40, suggestions: [] },
        { messageId: "writeNotOwned", line: 9, column: 13, endLine: 9, endColumn: 23, suggestions: [] },
      ],
    },
    {
      name: "sdk: v2 low-level client, v3 aggregated client, v3 low-level command",
      code: `import { DynamoDB, DynamoDBClient, DeleteItemCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocument } from "@aws-sdk/lib-dynamodb";
import AWS from "aws-sdk";
const ddb = new AWS.DynamoDB();
const low = new DynamoDBClient({});
const docs = DynamoDBDocument.from(new DynamoDB({}));
app.get("/a/:id", async (req, res) => {
  const data = await ddb.getItem({ TableName: "Accounts", Key: { id: { S: req.params.id } } }).promise();
  res.json(AWS.DynamoDB.Converter.unmarshall(data.Item));
});
app.get("/b/:id", async (req, res) => {
  const out = await docs.get({ TableName: "Profiles", Key: { id: req.params.id } });
  res.json(out.Item);
});
app.delete("/c/:id", async (req, res) => {
  const owner = req.user.id;
  await low.send(new DeleteItemCommand({ TableName: "C", Key: { id: { S: req.params.id } } }));
  res.end();
});`,
      errors: [
        { messageId: "readByAnyCaller", line: 8, column: 22, endLine: 8, endColumn: 33, suggestions: [] },
        { messageId: "readByAnyCaller", line: 12, column: 21, endLine: 12, endColumn: 29, suggestions: [] },
        { messageId: "writeNotOwned", line: 17, column: 18, endLine: 17, endColumn: 39, suggestions: [] },
      ],
    },
    {
      name: "operations: PartiQL, batch get over a request array, transaction, query by a path parameter",
      code: `${V3}
import { ExecuteStatementCommand, BatchGetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
app.get("/p/:id", async (req, res) => {
  const { Items } = await doc.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM "Notes" WHERE id = ?', Parameters: [req.params.id] }));
  res.json(Items);
});
app.post("/batch", async (req, res) => {
  const out = await doc.send(new BatchGetCommand({ RequestItems: { Notes: { Keys: req.body.ids.map((id) => ({ id })) } } }));
  res.json(out.Responses);
});
app.post("/archive/:id", async (req, res) => {
  await doc.send(new TransactWriteCommand({
    TransactItems: [
      { Delete: { TableName: "Notes", Key: { id: req.params.id } } },
      { Put: { TableName: "Archive", Item: { id: req.params.id, archivedBy: req.user.id } } },
    ],
  }));
  res.end();
});
app.get("/users/:userId/orders", async (req, res) => {
  const { Items } = await doc.send(new QueryCommand({
    TableName: "Orders",
    KeyConditionExpression: "#u = :u",
    ExpressionAttributeNames: { "#u": "userId" },
    ExpressionAttributeValues: { ":u": req.params.userId },
  }));
  res.json(Items);
});`,
      errors: [
        { messageId: "readByAnyCaller", line: 7, column: 36, endLine: 7, endColumn: 63, suggestions: [] },
        { messageId: "readByAnyCaller", line: 11, column: 30, endLine: 11, endColumn: 49, suggestions: [] },
        { messageId: "writeNotOwned", line: 15, column: 18, endLine: 15, endColumn: 42, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
import { ExecuteStatementCommand, BatchGetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
app.get("/p/:id", async (req, res) => {
  const { Items } = await doc.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM "Notes" WHERE id = ?', Parameters: [req.params.id] }));
  res.json(Items);
});
app.post("/batch", async (req, res) => {
  const out = await doc.send(new BatchGetCommand({ RequestItems: { Notes: { Keys: req.body.ids.map((id) => ({ id })) } } }));
  res.json(out.Responses);
});
app.post("/archive/:id", async (req, res) => {
  await doc.send(new TransactWriteCommand({
    TransactItems: [
      { Delete: { TableName: "Notes", Key: { id: req.params.id }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": req.user.id } } },
      { Put: { TableName: "Archive", Item: { id: req.params.id, archivedBy: req.user.id } } },
    ],
  }));
  res.end();
});
app.get("/users/:userId/orders", async (req, res) => {
  const { Items } = await doc.send(new QueryCommand({
    TableName: "Orders",
    KeyConditionExpression: "#u = :u",
    ExpressionAttributeNames: { "#u": "userId" },
    ExpressionAttributeValues: { ":u": req.params.userId },
  }));
  res.json(Items);
});` }] },
        { messageId: "readByAnyCaller", line: 24, column: 36, endLine: 24, endColumn: 52, suggestions: [] },
      ],
    },
    {
      name: "options: publicTables and publicRoutes never silence writes",
      code: `${V3}
app.delete("/products/:id", async (req, res) => {
  await doc.send(new DeleteCommand({ TableName: "Products", Key: { id: req.params.id } }));
  res.end();
});`,
      options: [{"publicTables":["Products"],"publicRoutes":["/products/**"]}],
      errors: [
        { messageId: "writeNotOwned", line: 6, column: 18, endLine: 6, endColumn: 35, suggestions: [] },
      ],
    },
    {
      name: "declared public only for reads: a private or no-store response, a word that only contains public, and writes on a public route",
      code: `${V3}
export const handler = async (event) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Orders", Key: { orderId: event.pathParameters.id } }));
  return { statusCode: 200, headers: { "Cache-Control": "private, no-store", "X-Note": "public" }, body: JSON.stringify(Item) };
};
export const republicOrder = async (event) => {
  const { Item } = await doc.send(new GetCommand({ TableName: "Orders", Key: { orderId: event.pathParameters.id } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};
app.delete("/public/orders/:id", async (req, res) => {
  await doc.send(new DeleteCommand({ TableName: "Orders", Key: { orderId: req.params.id } }));
  res.set("Cache-Control", "public").end();
});`,
      errors: [
        { messageId: "readByAnyCaller", line: 6 },
        { messageId: "readByAnyCaller", line: 10 },
        { messageId: "writeNotOwned", line: 14 },
      ],
    },
    {
      name: "a key that is the browser's cookie only when there is one, else a member of the body: the body's choice",
      code: `${V3}
import { cookies } from "next/headers";
export async function PATCH(request: Request) {
  const body = await request.json();
  const userId = cookies().get("session")?.value || body.userId;
  await doc.send(new UpdateCommand({ TableName: "Progress", Key: { userId }, UpdateExpression: "SET points = :p", ExpressionAttributeValues: { ":p": body.points } }));
  return Response.json({ ok: true });
}`,
      filename: "app/api/progress/route.ts",
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "not a login: the key condition's second attribute is no secret, or the password compared is a constant",
      code: `${V3}
app.post("/lookup", async (req, res) => {
  const { Items } = await doc.send(new QueryCommand({ TableName: "Users", IndexName: "username-status-index", KeyConditionExpression: "username = :u and status = :s", ExpressionAttributeValues: { ":u": req.body.email, ":s": req.body.status } }));
  const other = await doc.send(new QueryCommand({ TableName: "Users", IndexName: "username-password-index", KeyConditionExpression: "username = :u and password = :p", ExpressionAttributeValues: { ":u": req.body.email, ":p": "" } }));
  res.json([Items[0], other.Items[0]]);
});`,
      options: [{ reportAllUnauthenticatedReads: true }],
      errors: [{ messageId: "readByAnyCaller", line: 6 }, { messageId: "readByAnyCaller", line: 7 }],
    },
    {
      name: "not a login: a call that does not test a match (overLimit) runs a branch, and the item is served whatever it answers",
      code: `${V3}
app.post("/session", async (req, res) => {
  const user = await doc.send(new GetCommand({ TableName: "Users", Key: { PK: "EMAIL#" + req.body.email } }));
  const limited = await overLimit(req.body.password, user.Item.attempts);
  if (limited) res.set("Retry-After", "60");
  res.json({ userId: user.Item.userId, email: user.Item.email });
});`,
      errors: [{ messageId: "readByAnyCaller", line: 6 }],
    },
    {
      name: "express: the suggested condition uses a caller value that is initialised where the input is built",
      code: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const params = { TableName: "Notes", Key: { id: req.params.id } };
  const userId = req.user.id;
  await doc.send(new DeleteCommand(params));
  res.json({ deletedBy: userId });
});`,
      errors: [
        { messageId: "writeNotOwned", line: 8, column: 18, endLine: 8, endColumn: 35, suggestions: [{ messageId: "addOwnerCondition", output: `${V3}
app.delete("/notes/:id", async (req, res) => {
  const params = { TableName: "Notes", Key: { id: req.params.id }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" }, ExpressionAttributeValues: { ":caller": req.user.id } };
  const userId = req.user.id;
  await doc.send(new DeleteCommand(params));
  res.json({ deletedBy: userId });
});` }] },
      ],
    },
    {
      name: "lambda: a client extractor from a layer module authenticates the caller but checks no role",
      code: ADMIN_LAMBDA("extractClientId(event)"),
      errors: [{ messageId: "writeNotOwned", line: 12, data: { operation: "`UpdateCommand`", verb: "updates", target: 'an item of table "Candidates"', source: "`event.pathParameters.id`", missing: "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key (the handler knows the caller, `callerId`, but nothing checks the item against it)", advice: ADVICE.sharedWrite }, suggestions: [{ messageId: "addOwnerCondition", output: ADMIN_LAMBDA("extractClientId(event)").replace('{ ":a": callerId } }', '{ ":a": callerId, ":caller": callerId }, ConditionExpression: "#owner = :caller", ExpressionAttributeNames: { "#owner": "ownerId" } }') }] }],
    },
    {
      name: "lambda: of two queries run through Promise.all, the one whose items are served is reported",
      code: signUpQueries(`if (emailMatch.Items.length > 0) return { statusCode: 400, body: "taken" };
  return { statusCode: 200, body: JSON.stringify(usernameMatch.Items) };`),
      errors: [{ messageId: "readByAnyCaller", line: 8 }],
    },
    {
      name: "lambda: a profile checked against the caller under another request value does not cover the item",
      code: gameUnderProfile("event.queryStringParameters.owner"),
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      name: "lambda: the body spread after a generated id can replace it, so the Put overwrites the item the request names",
      code: createFromBody("{ id: randomUUID(), ...body, createdAt: Date.now() }"),
      errors: [{ messageId: "writeNotOwned", line: 9, data: { operation: "`PutCommand`", verb: "overwrites", target: 'an item of table "Items"', source: "`event.body`", missing: "no ConditionExpression requires the item to be new (attribute_not_exists) or to belong to the caller", advice: ADVICE.anyWrite } }],
    },
    {
      name: "lambda: a function of the file that returns the body, spread after a generated id, can replace it",
      code: createFromBody("{ id: randomUUID(), ...withDefaults(body) }") + "\nfunction withDefaults(input) { if (!input.title) return { ...input, title: \"untitled\" }; return input; }",
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "lambda: a spread under a condition whose object is the body can replace the generated id",
      code: createFromBody("{ id: randomUUID(), ...(body.extra && body), ...(body.image ? { image: body.image } : {}) }"),
      errors: [{ messageId: "writeNotOwned", line: 9 }],
    },
    {
      name: "lambda: a Cognito identity that the key leaves out ties nothing to the caller",
      code: cognitoDelete("Key: { id: event.pathParameters.id }"),
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "express: a Put whose sort key (known from the file's other operations) the request chooses overwrites",
      code: reviews("req.body.created"),
      errors: [{ messageId: "writeNotOwned", line: 6 }],
    },
    {
      name: "express: a helper call that reaches two reads (by album or by user) is one finding at the call",
      code: `${V3}
async function listPhotos(userId, albumId) {
  if (albumId) return (await doc.send(new QueryCommand({ TableName: "Photos", IndexName: "byAlbum", KeyConditionExpression: "albumId = :a", ExpressionAttributeValues: { ":a": albumId } }))).Items;
  return (await doc.send(new QueryCommand({ TableName: "Photos", KeyConditionExpression: "userId = :u", ExpressionAttributeValues: { ":u": userId } }))).Items;
}
app.get("/photos", async (req, res) => {
  res.json(await listPhotos(req.query.userId, req.query.albumId));
});`,
      errors: [{ messageId: "readByAnyCaller", line: 10 }],
    },
    {
      name: "lambda: the id of an invited person (inviteeId) is not a secret invitation code",
      code: `${V3}
export const handler = async (event) => {
  const { inviteeId } = event.pathParameters;
  await doc.send(new DeleteCommand({ TableName: "Pending", Key: { userId: inviteeId } }));
  return { statusCode: 204, body: "" };
};`,
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "express: a delete in a function an immediately invoked function of the file returns",
      code: `${V2}
const notesDb = (function () {
  function remove(id) {
    return dynamo.delete({ TableName: "Notes", Key: { id } }).promise();
  }
  return { remove };
})();
app.delete("/notes/:id", async (req, res) => {
  await notesDb.remove(req.params.id);
  res.sendStatus(204);
});`,
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
    {
      name: "lambda: the key written onto the parsed body before the Put (todo.id = event.pathParameters.id)",
      code: `${V2}
exports.handler = async (event) => {
  const todo = JSON.parse(event.body);
  todo.id = event.pathParameters.id;
  await dynamo.put({ TableName: "Todos", Item: todo }).promise();
  return { statusCode: 200, body: "" };
};`,
      errors: [{ messageId: "writeNotOwned", line: 7, data: { operation: "`dynamo.put()`", verb: "overwrites", target: 'an item of table "Todos"', source: "`event.pathParameters.id`", missing: "no ConditionExpression requires the item to be new (attribute_not_exists) or to belong to the caller", advice: ADVICE.anyWrite } }],
    },
    {
      name: "express: a read whose item gives the next key and is also sent back is served",
      code: membershipCounter("res.json(found.Item);"),
      options: [{ reportAllUnauthenticatedReads: true }],
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    {
      name: "express: a validated body spread after the path's id still leaves the path's choice of the item",
      code: `${V3}
app.put("/patients/:id", celebrate(patientSchema), async (req, res) => {
  await doc.send(new PutCommand({ TableName: "Patients", Item: { id: req.params.id, ...req.body } }));
  res.sendStatus(204);
});`,
      errors: [{ messageId: "writeNotOwned", line: 6, data: { operation: "`PutCommand`", verb: "overwrites", target: 'an item of table "Patients"', source: "`req.params.id`", missing: "no ConditionExpression requires the item to be new (attribute_not_exists) or to belong to the caller", advice: ADVICE.ownedWrite } }],
    },
    {
      name: "express: an attribute copied with a default and sent back is served",
      code: clientCredits(`res.json({ credits });`),
      options: [{ reportAllUnauthenticatedReads: true }],
      errors: [{ messageId: "readByAnyCaller", line: 5 }],
    },
    {
      name: "express: a predicate called as a statement (its answer dropped) guards nothing",
      code: `${V3}
app.delete("/candidates/:id", async (req, res) => {
  isAdmin(req);
  await doc.send(new DeleteCommand({ TableName: "Candidates", Key: { id: req.params.id } }));
  res.end();
});`,
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "hono: a batch delete of the body's ids in a table named by a computed key",
      code: `${V3}import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
const app = new Hono();
app.delete("/photos", zValidator("json", z.string().array()), async (c) => {
  const photoIds = c.req.valid("json");
  await doc.send(new BatchWriteCommand({ RequestItems: { [Resource.Table.name]: photoIds.map((id) => ({ DeleteRequest: { Key: { pk: "PHOTOS", sk: \`PHOTO#\${id}\` } } })) } }));
  return c.json(photoIds);
});`,
      errors: [{ messageId: "writeNotOwned", line: 8 }],
    },
    {
      name: "lambda: a helper of the file given the event and the body, that reads the plan and cannot throw, decides nothing",
      code: planLambda("", `  let data = null;
  try {
    data = await ${READ_PLAN};
  } catch (error) {
    console.log(error);
  }
  return data.Item;`),
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "lambda: a helper of the file given the event and the body that calls a check of another module (which may throw) decides: the Put after it is covered, the helper's own read is not",
      code: planLambda(`const { ensureAccess } = require("./access");`, `  await ensureAccess(event);
  const data = await ${READ_PLAN};
  return data.Item;`),
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "lambda: a helper of the file that calls a function of the file that throws may throw: the Put after it is covered",
      code: `${planLambda("", `  await gate(event);
  const data = await ${READ_PLAN};
  return data.Item;`)}
const gate = async (event) => {
  if (!event.headers.Authorization) throw new Error("unauthorized");
};`,
      errors: [{ messageId: "readByAnyCaller", line: 6 }],
    },
    {
      name: "lambda: a helper of the file that throws when the plan is missing and when it is locked decides: the Put after it is covered, the helper's own read is not",
      code: planLambda("", `  const data = await ${READ_PLAN};
  if (!data.Item) throw new Error("not found");
  if (data.Item.locked === true) throw new Error("locked");
  return data.Item;`),
      errors: [{ messageId: "readByAnyCaller", line: 6 }],
    },
    {
      name: "lambda: an item read by the request's id, logged and also served, is reported",
      code: repostResolver("return { ...copy, original: tweet };"),
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "koa: a helper of the file given ctx and the id that only refuses a missing project (ctx.throw(404)) decides nothing: the delete after it is reported",
      code: koaProject(`  if (!Item) ctx.throw(404, "no such project");`),
      errors: [{ messageId: "writeNotOwned", line: 13 }],
    },
    {
      name: "lambda: a helper of the file that throws only when the plan is missing (!data.Item, Items.length === 0, == null) decides nothing",
      code: planLambda("", `  const data = await ${READ_PLAN};
  if (!data.Item) throw new Error("not found");
  const listed = await dynamo.query({ TableName: "Plans", KeyConditionExpression: "PK = :p", ExpressionAttributeValues: { ":p": "ORG#" + body.tenantId } }).promise();
  if (listed.Items.length === 0) throw new Error("no plans");
  if (data.Item.SK == null) throw new Error("no key");
  return data.Item;`),
      errors: [{ messageId: "writeNotOwned", line: 7 }],
    },
    {
      name: "lambda: a batch put of the body's contacts mapped with more attributes (({ ...c, ownerId: sub })) keeps the body's ids",
      code: contactsBatch("{ ...c, ownerId: event.requestContext.authorizer.claims.sub }"),
      errors: [{ messageId: "writeNotOwned", line: 11 }],
    },
  ],
});
