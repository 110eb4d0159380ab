import { describe, expect, it } from "vitest";
import type { TSESTree } from "@typescript-eslint/utils";
import type { Origin } from "../../src/analysis";
import type { Condition, ValuePart } from "../../src/analysis/ownership";
import { checksOf, nextRoutePath } from "../../src/analysis/ownership";
import { analyze } from "./helpers";

const V3 = `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand, DeleteCommand, QueryCommand, BatchGetCommand, BatchWriteCommand, TransactWriteCommand, ExecuteStatementCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

function origin(o: Origin): string {
  switch (o.kind) {
    case "request":
    case "caller":
      return `${o.kind}:${o.path}`;
    case "parameter":
      return `parameter:${o.index}${o.path.length ? `.${o.path.join(".")}` : ""}`;
    case "env":
      return `env:${o.name}`;
    default:
      return o.kind;
  }
}

function parts(list: readonly ValuePart[]): string[] {
  return list.map((part) => `${part.attribute ?? "?"}=${part.origins.map(origin).join("|")}`);
}

function condition(c: Condition | undefined): unknown {
  if (!c) return undefined;
  switch (c.kind) {
    case "and":
    case "or":
      return { [c.kind]: c.items.map(condition) };
    case "not":
      return { not: condition(c.item) };
    case "equals":
      return `${c.attribute}=${c.value.origins.map(origin).join("|")}`;
    case "absent":
      return `absent(${c.attribute})`;
    default:
      return "other";
  }
}

/** The accesses of every operation in the file. */
function accesses(code: string) {
  const { analysis } = analyze(V3 + code);
  const operations = [...analysis.operations].sort((a, b) => a.node.range[0] - b.node.range[0]);
  return operations.flatMap((operation) =>
    analysis.ownership.accessesOf(operation).map((access) => ({
      kind: access.kind,
      member: access.member,
      table: access.table?.name ?? (access.table?.env ? `env:${access.table.env}` : undefined),
      key: parts(access.keyParts),
      condition: condition(access.condition),
    })),
  );
}

/** The handler accesses of the file with their evidence. */
function handlers(code: string, settings?: Record<string, unknown>) {
  const { analysis, text } = analyze(V3 + code, { settings });
  const found = [...analysis.ownership.handlerAccesses()].sort((a, b) => a.reportNode.range[0] - b.reportNode.range[0]);
  return found.map((access) => ({
    at: text(access.reportNode)?.split("(")[0],
    kind: access.instance.access.kind,
    evidence: access.evidence,
    use: access.itemUse,
    authenticated: access.authenticated,
  }));
}

describe("ownership: accesses of an operation", () => {
  it("reads a Scan filtered by owner attributes as a query keyed by them, and its projection; other filters key nothing", () => {
    const code = `import { ScanCommand } from "@aws-sdk/lib-dynamodb";
        app.get("/u/:id/todos", async (req, res) => {
          await doc.send(new ScanCommand({ TableName: "Todos", FilterExpression: "done = :d AND #o = :u AND contains(memberIds, :m)", ExpressionAttributeNames: { "#o": "ownerId" },
            ExpressionAttributeValues: { ":d": false, ":u": req.params.id, ":m": req.user.sub }, ProjectionExpression: "title, done" }));
          await doc.send(new ScanCommand({ TableName: "Todos", FilterExpression: "category = :c OR ownerId = :u", ExpressionAttributeValues: { ":c": req.query.c, ":u": req.params.id } }));
        });`;
    expect(accesses(code)).toEqual([{ kind: "query", member: "FilterExpression", table: "Todos", key: ["ownerId=request:params.id", "memberIds=caller:user.sub"], condition: undefined }]);
    const { analysis } = analyze(V3 + code);
    expect(analysis.ownership.accessesOf(analysis.operations[0])[0].projection).toEqual(["title", "done"]);
  });

  it("reads the key of Get, Update and Delete, with the condition of writes", () => {
    expect(
      accesses(`
        app.get("/n/:id", async (req, res) => {
          await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
          await doc.send(new UpdateCommand({ TableName: process.env.NOTES, Key: { pk: \`USER#\${req.user.sub}\`, sk: req.params.id }, UpdateExpression: "SET a = :a",
            ConditionExpression: "#o = :me AND attribute_exists(pk)", ExpressionAttributeNames: { "#o": "ownerId" }, ExpressionAttributeValues: { ":a": 1, ":me": req.user.sub } }));
          const params = { TableName: "Notes", Key: { id: req.body.id } };
          params.ConditionExpression = "attribute_exists(id) OR shared = :t";
          await doc.send(new DeleteCommand(params));
        });`),
    ).toEqual([
      { kind: "read", member: "Key", table: "Notes", key: ["id=request:params.id"], condition: undefined },
      { kind: "write", member: "Key", table: "env:NOTES", key: ["pk=caller:user.sub", "sk=request:params.id"], condition: { and: ["ownerId=caller:user.sub", "other"] } },
      { kind: "delete", member: "Key", table: "Notes", key: ["id=request:body.id"], condition: { or: ["other", "other"] } },
    ]);
  });

  it("takes a Put's key attributes from the file's other keys on the table, else from conventional names and route parameters", () => {
    expect(
      accesses(`
        app.put("/n/:noteId", async (req, res) => {
          await doc.send(new PutCommand({ TableName: "Notes", Item: { userId: req.user.id, noteId: req.params.noteId, text: req.body.text } }));
          await doc.send(new PutCommand({ TableName: "Other", Item: { id: req.body.id, text: req.body.text }, ConditionExpression: "attribute_not_exists(id)" }));
          await doc.send(new GetCommand({ TableName: "Notes", Key: { userId: req.user.id, noteId: "x" } }));
        });`).slice(0, 2),
    ).toEqual([
      { kind: "write", member: "Item", table: "Notes", key: ["userId=caller:user.id", "noteId=request:params.noteId"], condition: undefined },
      { kind: "write", member: "Item", table: "Other", key: ["id=request:body.id"], condition: "absent(id)" },
    ]);
  });

  it("reads key conditions of queries (with #names) and their filters", () => {
    expect(
      accesses(`
        export const handler = async (event) => {
          await doc.send(new QueryCommand({ TableName: "Orders", KeyConditionExpression: "#u = :u AND begins_with(sk, :p)", FilterExpression: "ownerId = :me",
            ExpressionAttributeNames: { "#u": "userId" }, ExpressionAttributeValues: { ":u": event.pathParameters.userId, ":p": "ORDER#", ":me": event.requestContext.authorizer.claims.sub } }));
        };`),
    ).toEqual([
      {
        kind: "query",
        member: "KeyConditionExpression",
        table: "Orders",
        key: ["sk=", "userId=request:pathParameters.userId"],
        condition: "ownerId=caller:requestContext.authorizer.claims.sub",
      },
    ]);
  });

  it("reads batch, transaction and PartiQL keys, including keys mapped from a request array", () => {
    expect(
      accesses(`
        app.post("/x/:id", async (req, res) => {
          await doc.send(new BatchGetCommand({ RequestItems: { Notes: { Keys: req.body.ids.map((id) => ({ id })) } } }));
          await doc.send(new BatchWriteCommand({ RequestItems: { Notes: [{ DeleteRequest: { Key: { id: req.params.id } } }] } }));
          await doc.send(new TransactWriteCommand({ TransactItems: [
            { ConditionCheck: { TableName: "Lists", Key: { id: req.body.list }, ConditionExpression: "ownerId = :me", ExpressionAttributeValues: { ":me": req.user.id } } },
            { Delete: { TableName: "Items", Key: { id: req.params.id } } },
          ] }));
          await doc.send(new ExecuteStatementCommand({ Statement: "UPDATE Notes SET t = ? WHERE id = ? AND ownerId = ?", Parameters: [req.body.t, req.params.id, req.user.id] }));
        });`),
    ).toEqual([
      { kind: "read", member: "RequestItems.Notes.Keys", table: "Notes", key: ["id=request:body.ids"], condition: undefined },
      { kind: "delete", member: "RequestItems.Notes[].DeleteRequest.Key", table: "Notes", key: ["id=request:params.id"], condition: undefined },
      { kind: "delete", member: "TransactItems[1].Delete.Key", table: "Items", key: ["id=request:params.id"], condition: undefined },
      { kind: "write", member: "Parameters", table: "Notes", key: ["id=request:params.id"], condition: { and: ["id=request:params.id", "ownerId=caller:user.id"] } },
    ]);
  });
});

describe("ownership: batch tables named by a computed key", () => {
  it("reads the deletes and reads of a table the request items name through a computed key", () => {
    expect(
      accesses(`
        const TABLE = process.env.TABLE;
        app.post("/photos/remove", async (req, res) => {
          await doc.send(new BatchWriteCommand({ RequestItems: { [Resource.Table.name]: req.body.ids.map((id) => ({ DeleteRequest: { Key: { pk: "PHOTOS", sk: \`PHOTO#\${id}\` } } })) } }));
          await doc.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: [{ id: req.params.id }] } } }));
        });`),
    ).toEqual([
      { kind: "delete", member: "RequestItems.Resource.Table.name[].DeleteRequest.Key", table: undefined, key: ["pk=", "sk=request:body.ids"], condition: undefined },
      { kind: "read", member: "RequestItems.TABLE.Keys", table: "env:TABLE", key: ["id=request:params.id"], condition: undefined },
    ]);
  });
});

describe("ownership: function summaries", () => {
  it("summarises a helper in terms of its parameters: key, returned item and checks", () => {
    const { analysis } = analyze(`${V3}
      async function loadOwned(id, userId) {
        const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id } }));
        if (!Item || Item.ownerId !== userId) throw new Error("not found");
        return Item;
      }`);
    const fn = analysis.index.functions.find((f) => f.type === "FunctionDeclaration")!;
    const summary = analysis.ownership.summaryOf(fn);
    expect(summary.complete).toBe(true);
    expect(summary.accesses.map((access) => parts(access.keyParts))).toEqual([["id=parameter:0"]]);
    expect(summary.returnsItemOf).toEqual([analysis.operations[0]]);
    // Checks are computed when first asked for (most summaries are never judged).
    expect(summary.checks).toEqual([]);
    expect(checksOf(summary).map((check) => ({ kind: check.kind, values: parts(check.values), exit: check.guard.exit }))).toEqual([
      { kind: "exists", values: [], exit: "throw" },
      { kind: "item", values: ["userId=parameter:1"], exit: "throw" },
    ]);
    // The read is covered by the checks where they are; the comparison's value is the caller's to fill in.
    expect(summary.accesses[0].guardedBy.map((check) => check.kind)).toEqual(["exists", "item"]);
  });

  it("composes summaries: the handler sees the helper's access with its arguments, through two levels", () => {
    const { analysis, text } = analyze(`${V3}
      const remove = async (key) => doc.send(new DeleteCommand({ TableName: "Notes", Key: key }));
      async function removeNote({ id }) { return remove({ id }); }
      app.delete("/notes/:id", async (req, res) => { await removeNote({ id: req.params.id }); res.end(); });`);
    const handler = analysis.index.functions.find((f) => analysis.sources.handlerKind(f))!;
    const [instance] = analysis.ownership.summaryOf(handler).accesses;
    // The helper is given the whole Key object: its attributes are those of the literal the call passes.
    expect(parts(instance.keyParts)).toEqual(["id=request:params.id"]);
    expect(instance.via.map((call) => text(call))).toEqual(["removeNote({ id: req.params.id })", "remove({ id })"]);
  });

  it("composes this.method() calls and methods of same-file objects", () => {
    const { analysis } = analyze(`${V3}
      const repo = { get: (id) => doc.send(new GetCommand({ TableName: "T", Key: { id } })) };
      class Controller {
        find(id) { return doc.send(new GetCommand({ TableName: "T", Key: { id } })); }
        @Get(":id") async one(@Param("id") id: string) { return this.find(id); }
        @Get("x/:id") async two(@Param("id") id: string) { return repo.get(id); }
      }`);
    const handlers_ = analysis.index.functions.filter((f) => analysis.sources.handlerKind(f));
    expect(handlers_.map((fn) => analysis.ownership.summaryOf(fn).accesses.map((access) => parts(access.keyParts)))).toEqual([
      [["id=request:params.id"]],
      [["id=request:params.id"]],
    ]);
  });

  it("computes a summary cut short at the composition depth again when a shallower caller asks", () => {
    const { analysis } = analyze(`${V3}
      async function load(id) { const out = await doc.send(new GetCommand({ TableName: "T", Key: { id } })); return out.Item; }
      async function find(id) { return load(id); }`);
    const find = analysis.index.functions[1];
    // Asked for six calls deep (another handler's walk through shared modules): load is past the limit.
    const deep = analysis.ownership.summaryOf(find, 6);
    expect(deep.complete).toBe(false);
    expect(deep.accesses).toHaveLength(0);
    // Asked directly: the whole summary, which also answers questions as deep as its callees fit under the limit.
    const direct = analysis.ownership.summaryOf(find, 1);
    expect(direct.complete).toBe(true);
    expect(direct.accesses).toHaveLength(1);
    expect(analysis.ownership.summaryOf(find, 5)).toBe(direct);
    // Six calls deep it is not the same answer (load is past the limit there): the cut summary, whatever came first.
    expect(analysis.ownership.summaryOf(find, 6)).toBe(deep);
  });

  it("cuts recursion and marks the summary incomplete", () => {
    const { analysis } = analyze(`${V3}
      async function a(id) { await doc.send(new GetCommand({ TableName: "T", Key: { id } })); return b(id); }
      async function b(id) { return a(id); }`);
    const [a] = analysis.index.functions;
    const summary = analysis.ownership.summaryOf(a);
    expect(summary.accesses.length).toBeGreaterThanOrEqual(1);
    expect(summary.complete).toBe(false);
  });
});

describe("ownership: fetched items", () => {
  it("knows values that come from an operation's result: destructuring, .promise(), callbacks, then, helpers", () => {
    const { analysis, used } = analyze(`
      const AWS = require("aws-sdk");
      const dc = new AWS.DynamoDB.DocumentClient();
      async function load(id) { const r = await dc.get({ TableName: "T", Key: { id } }).promise(); return r.Item; }
      async function h(id) {
        const { Item: a } = await dc.get({ TableName: "T", Key: { id } }).promise();
        dc.get({ TableName: "T", Key: { id } }, (err, data) => {
          dc.get({ TableName: "T", Key: { id } }).promise().then(({ Item }) => {
            use(a.ownerId, data.Item.ownerId, Item.ownerId, (await load(id)).ownerId, id);
          });
        });
      }`);
    const found = used().map((node) => analysis.ownership.itemOperations(analysis.values.originsOf(node)).length);
    expect(found).toEqual([1, 1, 1, 1, 0]);
  });
});

describe("ownership: evidence in handlers", () => {
  it("finds each kind of evidence", () => {
    expect(
      handlers(`
        app.get("/a/:id", async (req, res) => { const { Item } = await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id, owner: req.user.id } })); res.json(Item); });
        app.delete("/b/:id", async (req, res) => { await doc.send(new DeleteCommand({ TableName: "T", Key: { id: req.params.id }, ConditionExpression: "o = :o", ExpressionAttributeValues: { ":o": req.user.id } })); });
        app.post("/c", async (req, res) => { await doc.send(new PutCommand({ TableName: "T", Item: { id: req.body.id }, ConditionExpression: "attribute_not_exists(id)" })); });
        app.get("/d/:id", async (req, res) => { const { Item } = await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id } })); if (Item.owner !== req.user.id) return res.sendStatus(404); res.json(Item); });
        app.get("/e/:id", async (req, res) => { const { Item } = await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id } })); if (!can(req.user, Item)) return res.sendStatus(403); res.json(Item); });
        app.delete("/f/:id", async (req, res) => { if (req.user.role !== "admin") return res.sendStatus(403); await doc.send(new DeleteCommand({ TableName: "T", Key: { id: req.params.id } })); });
        app.get("/g/:g", async (req, res) => { const r = await doc.send(new QueryCommand({ TableName: "T", KeyConditionExpression: "g = :g", FilterExpression: "o = :o", ExpressionAttributeValues: { ":g": req.params.g, ":o": req.user.id } })); res.json(r.Items); });
        app.get("/h/:id", authorizeThing, async (req, res) => { const r = await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id } })); res.json(r.Item); });
        app.get("/i/:uid", async (req, res) => { if (req.params.uid !== req.user.id) return res.sendStatus(403); const r = await doc.send(new GetCommand({ TableName: "T", Key: { uid: req.params.uid } })); res.json(r.Item); });
      `, { "dynamodb-security": { authorizationFunctions: ["authorizeThing"] } }).map((access) => access.evidence),
    ).toEqual([["caller-key"], ["caller-condition"], ["create-only"], ["item-check"], ["decision"], ["role"], ["caller-filter"], ["authorization"], ["request-check"]]);
  });

  it("takes a configured dotted authorization function by its whole name, not by its last segment", () => {
    const code = `
      app.delete("/a/:id", async (req, res) => { await policies.assertNoteAccess(req.params.id); await doc.send(new DeleteCommand({ TableName: "T", Key: { id: req.params.id } })); });
      app.delete("/b/:id", async (req, res) => { await other.assertNoteAccess(req.params.id); await doc.send(new DeleteCommand({ TableName: "T", Key: { id: req.params.id } })); });
    `;
    expect(handlers(code, { "dynamodb-security": { authorizationFunctions: ["policies.assertNoteAccess"] } }).map((access) => access.evidence)).toEqual([["authorization"], []]);
    expect(handlers(code).map((access) => access.evidence)).toEqual([[], []]);
  });

  it("finds no evidence in look-alikes: a comparison that guards nothing, an unused caller, a key re-check, a request value", () => {
    expect(
      handlers(`
        app.get("/a/:id", async (req, res) => { const { Item } = await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id } })); const mine = Item.owner === req.user.id; res.json({ ...Item, mine }); });
        app.delete("/b/:id", async (req, res) => { const me = req.user.id; await doc.send(new DeleteCommand({ TableName: "T", Key: { id: req.params.id } })); });
        app.delete("/c/:id", async (req, res) => { await doc.send(new DeleteCommand({ TableName: "T", Key: { id: req.params.id }, ConditionExpression: "id = :id", ExpressionAttributeValues: { ":id": req.params.id } })); });
        app.get("/d/:id", async (req, res) => { const { Item } = await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id } })); if (Item.owner !== req.query.owner) return res.sendStatus(404); res.json(Item); });
        app.delete("/e/:id", async (req, res) => { const { Item } = await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id } })); if (Item.owner !== req.user.id) { res.status(403).end(); } await doc.send(new DeleteCommand({ TableName: "T", Key: { id: req.params.id } })); });
        app.delete("/f/:id", async (req, res) => { await doc.send(new DeleteCommand({ TableName: "T", Key: { id: req.params.id } })); const { Item } = await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id } })); if (Item.owner !== req.user.id) return res.sendStatus(403); });
      `).map((access) => `${access.kind}:${access.evidence.join(",")}`),
    ).toEqual(["read:", "delete:", "delete:", "read:", "read:item-check", "delete:", "delete:", "read:item-check"]);
  });

  it("tells reads whose item is only tested for existence or shown as a profile card, and handlers that show authentication", () => {
    expect(
      handlers(`
        app.post("/signup", async (req, res) => { const r = await doc.send(new GetCommand({ TableName: "U", Key: { email: req.body.email } })); if (r.Item) return res.sendStatus(409); res.end(); });
        app.get("/a/:id", passport.authenticate("jwt"), async (req, res) => { res.json((await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id } }))).Item); });
        export const handler = async (event) => { const r = await doc.send(new GetCommand({ TableName: "T", Key: { id: event.pathParameters.id } })); return { statusCode: 200, body: JSON.stringify(r.Item) }; };
        app.get("/c/:id", async (req, res) => { const { Items } = await doc.send(new QueryCommand({ TableName: "T", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": req.params.id } })); res.json(Items.filter((x) => x.type === "USER").map((x) => ({ image: x.image, name: x.name }))[0]); });
        app.get("/d/:id", async (req, res) => { const { Item: user } = await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id } })); if (!user) return res.sendStatus(404); res.json({ displayName: user.displayName, avatarUrl: user.profile.avatarUrl }); });
        app.get("/e/:id", async (req, res) => { const { Item: user } = await doc.send(new GetCommand({ TableName: "T", Key: { id: req.params.id } })); res.json({ name: user.name, email: user.email }); });
        app.get("/f/:id", async (req, res) => { const { Items } = await doc.send(new QueryCommand({ TableName: "T", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": req.params.id } })); res.json(Items.map((x) => x)); });
        app.post("/g", async (req, res) => { const data = await doc.send(new QueryCommand({ TableName: "T", IndexName: "email", KeyConditionExpression: "email = :e", ExpressionAttributeValues: { ":e": req.body.email } })); if (data.Count > 0) return res.sendStatus(409); res.end(); });
      `).map((access) => ({ use: access.use, authenticated: access.authenticated })),
    ).toEqual([
      { use: "tested", authenticated: false },
      { use: "used", authenticated: true },
      { use: "used", authenticated: false },
      { use: "card", authenticated: false },
      { use: "card", authenticated: false },
      { use: "used", authenticated: false },
      { use: "used", authenticated: false },
      { use: "tested", authenticated: false },
    ]);
  });

  it("ignores keys from credentials and capability tokens", () => {
    expect(
      handlers(`
        export default async function handler(req, res) { const r = await doc.send(new GetCommand({ TableName: "Session", Key: { id: req.cookies.sid } })); res.json(r.Item); }
        app.get("/share/:shareToken", async (req, res) => { const r = await doc.send(new GetCommand({ TableName: "Shares", Key: { token: req.params.shareToken } })); res.json(r.Item); });
      `),
    ).toEqual([]);
  });
});

describe("nextRoutePath", () => {
  it("derives App Router and Pages Router routes from file paths", () => {
    expect(nextRoutePath("/srv/web/app/api/notes/[id]/route.ts")).toBe("/api/notes/[id]");
    expect(nextRoutePath("src/app/(shop)/products/[slug]/route.js")).toBe("/products/[slug]");
    expect(nextRoutePath("C:\\web\\pages\\api\\notes\\[id].ts")).toBe("/api/notes/[id]");
    expect(nextRoutePath("pages/api/index.ts")).toBe("/api");
    expect(nextRoutePath("src/handlers/get.ts")).toBeUndefined();
  });
});

export type { TSESTree };

describe("ownership: inputs built by helpers", () => {
  it("reads the key of an input object returned by a same-file builder, in the caller's terms", () => {
    expect(
      accesses(`
        function getParams(userid, birthtime) { return { TableName: process.env.T, Key: { userid, birthtime: birthtime * 1 } }; }
        export async function getItem(event) {
          const { userid, birthtime } = event.pathParameters;
          const params = getParams(userid, birthtime);
          return doc.send(new GetCommand(params));
        }`),
    ).toEqual([{ kind: "read", member: "Key", table: "env:T", key: ["userid=request:pathParameters.userid", "birthtime=request:pathParameters.birthtime"], condition: undefined }]);
  });
});

describe("ownership: existence of a caller-bound read", () => {
  it("covers later accesses to the same key when a read keyed by the caller exits on not found", () => {
    expect(
      handlers(`
        app.delete("/notes/:id", async (req, res) => {
          const { Items } = await doc.send(new QueryCommand({ TableName: "Notes", IndexName: "byOwner", KeyConditionExpression: "ownerId = :me AND id = :id", ExpressionAttributeValues: { ":me": req.user.id, ":id": req.params.id } }));
          if (Items.length === 0) return res.sendStatus(404);
          await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
          res.end();
        });
        app.delete("/b/:id", async (req, res) => {
          const { Item } = await doc.send(new GetCommand({ TableName: "Notes", Key: { id: req.params.id } }));
          if (!Item) return res.sendStatus(404);
          await doc.send(new DeleteCommand({ TableName: "Notes", Key: { id: req.params.id } }));
          res.end();
        });`).map((access) => `${access.kind}:${access.evidence.join(",")}`),
    ).toEqual(["query:caller-key", "delete:item-check", "read:", "delete:"]);
  });
});
