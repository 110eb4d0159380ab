// no-request-controlled-input across modules: handlers written inline, linted as if they were files of the
// project in tests/fixtures/cross-module, whose src/admin/tables.ts takes the table, index or whole input
// from its callers.
import path from "node:path";
import rule from "../../rules/no-request-controlled-input";
import { runRuleTests } from "../rule-tester";

const SRC = path.resolve(__dirname, "../fixtures/cross-module/src");
const filename = path.join(SRC, "routes/admin.ts");
const EXPRESS = `import express from "express";\nconst app = express();\n`;

runRuleTests("no-request-controlled-input (cross-module)", rule, {
  valid: [
    {
      name: "constants, key values and an allow-list check before the call",
      filename,
      code: `${EXPRESS}import { insertItem, scanTable, queryByIndex } from "../admin/tables";
const TABLES = ["notes", "tasks"];
app.get("/notes", async (req, res) => res.json(await scanTable("notes")));
app.post("/notes", async (req, res) => res.json(await insertItem({ TableName: "notes", Item: { id: req.body.id, text: req.body.text } })));
app.get("/by-owner", async (req, res) => res.json(await queryByIndex("byOwner", req.query.owner as string)));
app.get("/tables/:name", async (req, res) => {
  if (!TABLES.includes(req.params.name)) return res.sendStatus(404);
  res.json(await scanTable(req.params.name));
});`,
    },
    {
      name: "the callee checks the parameter itself",
      filename,
      code: `${EXPRESS}import { scanListedTable } from "../admin/tables";
app.get("/tables/:name", async (req, res) => res.json(await scanListedTable(req.params.name)));`,
    },
    {
      name: "a request object written as another module's whole Item: only with the massAssignment option",
      filename,
      code: `${EXPRESS}import { createNote } from "../admin/tables";
app.post("/notes", async (req, res) => res.json(await createNote(req.body)));`,
    },
    {
      name: "a request object whose member another module reads as TableName after checking it, or twice",
      filename,
      code: `${EXPRESS}import { scanCheckedOptions, scanTwice } from "../admin/tables";
app.post("/scan", async (req, res) => res.json([await scanCheckedOptions(req.body), await scanTwice(req.body)]));`,
    },
    {
      name: "an options object written in the call: its table member a constant or absent, the request only in another member",
      filename,
      code: `${EXPRESS}import { scanFromOptions } from "../admin/tables";
app.get("/units/:id", async (req, res) => res.json(await scanFromOptions({ table: "units", index: \`UNIT#\${req.params.id}\` === "x" ? "GSI1" : "GSI2" })));
app.get("/units/:id/staff", async (req, res) => res.json(await scanFromOptions({ table: "staff", note: req.params.id } as never)));`,
    },
    {
      name: "attribute names another module takes from an object's keys: checked there, constant keys, or fixed names",
      filename,
      code: `${EXPRESS}import { updateProfile, updateEditableProfile, renameProfile } from "../admin/profiles";
app.patch("/me", async (req, res) => res.json(await updateEditableProfile(req.user.id, req.body)));
app.patch("/me/name", async (req, res) => res.json(await updateProfile(req.user.id, { displayName: req.body.name })));
app.patch("/me/bio", async (req, res) => {
  const { bio, displayName } = req.body;
  res.json(await updateProfile(req.user.id, { bio, displayName }));
});
app.post("/me/rename", async (req, res) => res.json(await renameProfile(req.user.id, req.body.name)));`,
    },
    {
      name: "an object of fixed keys, built by a helper from request values, whose entries another module's function turns into names",
      filename,
      code: `${EXPRESS}import { applyUpdates, updateWithNames } from "../admin/profiles";
function profileChanges(body: { name?: string; bio?: string }) {
  return { displayName: String(body.name ?? "").trim(), bio: String(body.bio ?? "") };
}
app.patch("/me", async (req, res) => {
  const changes = { ...profileChanges(req.body), avatarUrl: "" };
  res.json(await applyUpdates(req.user.id, changes));
});
app.patch("/me/bio", async (req, res) => res.json(await updateWithNames(req.user.id, "SET #b = :b", { "#b": "bio" }, { ":b": req.body.bio })));`,
    },
    {
      name: "a body the route validates against a schema, whose keys another module's function turns into names: the schema decides the keys",
      filename,
      code: `${EXPRESS}import { celebrate, Joi } from "celebrate";
import { updateProfile } from "../admin/profiles";
app.patch("/me", celebrate({ body: Joi.object({ displayName: Joi.string(), bio: Joi.string() }) }), async (req, res) => res.json(await updateProfile(req.user.id, req.body)));`,
    },
    {
      name: "a body checked in the handler against a Joi schema of another module, whose keys another module's function turns into names",
      filename,
      code: `${EXPRESS}import { updateProfile } from "../admin/profiles";
import { profilePatch } from "../admin/schemas";
import * as schemas from "../admin/schemas";
app.patch("/me", async (req, res) => {
  const { error } = profilePatch.validate(req.body);
  if (error) return res.status(400).send(error.message);
  res.json(await updateProfile(req.user.id, { ...req.body }));
});
app.patch("/me/bio", async (req, res) => {
  await schemas.profilePatch.validateAsync(req.body);
  res.json(await updateProfile(req.user.id, req.body));
});`,
    },
    {
      name: "with crossModule off, other modules are not read",
      filename,
      settings: { "dynamodb-security": { crossModule: false } },
      code: `${EXPRESS}import { scanTable } from "../admin/tables";
app.get("/tables/:name", async (req, res) => res.json(await scanTable(req.params.name)));`,
    },
  ],
  invalid: [
    {
      name: "a request object whose members another module reads as TableName and IndexName (options.table, const { index } = options)",
      filename,
      code: `${EXPRESS}import { scanFromOptions } from "../admin/tables";
app.post("/scan", async (req, res) => res.json(await scanFromOptions(req.body)));`,
      errors: [
        { messageId: "requestParameter", line: 4, column: 70, data: { parameter: "TableName", operation: "Scan", source: "`req.body.table` (Express) passed to `scanFromOptions()` (../admin/tables.ts line 43)", choice: "table", example: "`TABLES[name]`" } },
        { messageId: "requestParameter", line: 4, column: 70, data: { parameter: "IndexName", operation: "Scan", source: "`req.body.index` (Express) passed to `scanFromOptions()` (../admin/tables.ts line 43)", choice: "index", example: "`INDEXES[name]`" } },
      ],
    },
    {
      name: "an options object written in the call: the members it takes from the request, written or spread",
      filename,
      code: `${EXPRESS}import { scanFromOptions } from "../admin/tables";
app.get("/units/:id", async (req, res) => res.json(await scanFromOptions({ table: req.params.id })));
app.get("/units", async (req, res) => res.json(await scanFromOptions({ ...(req.query as never), table: "units" })));`,
      errors: [
        { messageId: "requestParameter", line: 4, column: 74, data: { parameter: "TableName", operation: "Scan", source: "`req.params.id` (Express) passed to `scanFromOptions()` (../admin/tables.ts line 43)", choice: "table", example: "`TABLES[name]`" } },
        { messageId: "requestParameter", line: 5, column: 70, data: { parameter: "IndexName", operation: "Scan", source: "`req.query.index` (Express) passed to `scanFromOptions()` (../admin/tables.ts line 43)", choice: "index", example: "`INDEXES[name]`" } },
      ],
    },
    {
      name: "request input that decides the attribute names another module's function uses: an object whose keys it maps, a list of attributes",
      filename,
      code: `${EXPRESS}import { updateProfile, getProfileFields, applyUpdates, updateWithNames, patchProfile } from "../admin/profiles";
app.patch("/me", async (req, res) => res.json(await updateProfile(req.user.id, req.body.changes)));
app.get("/me", async (req, res) => res.json(await getProfileFields(req.user.id, req.query.fields as string[])));
app.patch("/me/one", async (req, res) => res.json(await updateProfile(req.user.id, { [String(req.query.field)]: req.body.value })));
app.patch("/me/all", async (req, res) => res.json(await updateProfile(req.user.id, { ...req.body, updatedAt: Date.now() })));
app.patch("/me/any", async (req, res) => res.json(await applyUpdates(req.user.id, req.body)));
app.patch("/me/field", async (req, res) => res.json(await updateWithNames(req.user.id, "SET #f = :v", { "#f": String(req.query.field) }, { ":v": req.body.value })));
app.patch("/me/patch", async (req, res) => res.json(await patchProfile(req.user.id, req.body)));`,
      errors: [
        {
          messageId: "requestParameter",
          line: 4,
          column: 80,
          data: {
            parameter: "ExpressionAttributeNames",
            operation: "Update",
            source: "`req.body.changes` (Express) passed to `updateProfile()` (../admin/profiles.ts line 24)",
            choice: "attribute names",
            example: "`FIELDS[name]`",
          },
        },
        {
          messageId: "requestParameter",
          line: 5,
          column: 81,
          data: { parameter: "AttributesToGet", operation: "Get", source: "`req.query.fields` (Express) passed to `getProfileFields()` (../admin/profiles.ts line 54)", choice: "attributes", example: "`FIELDS[name]`" },
        },
        { messageId: "requestParameter", line: 6, column: 84, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.query.field` (Express) passed to `updateProfile()` (../admin/profiles.ts line 24)", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 7, column: 84, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body` (Express) passed to `updateProfile()` (../admin/profiles.ts line 24)", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 8, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body` (Express) passed to `applyUpdates()` (../admin/profiles.ts line 86)", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 9, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.query.field` (Express) passed to `updateWithNames()` (../admin/profiles.ts line 72)", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 10, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body` (Express) passed to `patchProfile()` (../admin/profiles.ts line 92)", choice: "attribute names", example: "`FIELDS[name]`" } },
      ],
    },
    {
      name: "a body checked against another module's Joi schema that lets unknown keys through, or checked after the call",
      filename,
      code: `${EXPRESS}import { updateProfile } from "../admin/profiles";
import { openProfilePatch, profilePatch } from "../admin/schemas";
app.patch("/me", async (req, res) => {
  await openProfilePatch.validateAsync(req.body);
  res.json(await updateProfile(req.user.id, req.body));
});
app.patch("/me/late", async (req, res) => {
  const saved = await updateProfile(req.user.id, req.body);
  if (profilePatch.validate(req.body).error) return res.sendStatus(400);
  res.json(saved);
});`,
      errors: [
        { messageId: "requestParameter", line: 7, column: 45, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body` (Express) passed to `updateProfile()` (../admin/profiles.ts line 24)", choice: "attribute names", example: "`FIELDS[name]`" } },
        { messageId: "requestParameter", line: 10, column: 50, data: { parameter: "ExpressionAttributeNames", operation: "Update", source: "`req.body` (Express) passed to `updateProfile()` (../admin/profiles.ts line 24)", choice: "attribute names", example: "`FIELDS[name]`" } },
      ],
    },
    {
      name: "request input as the TableName of another module's function that also logs it",
      filename,
      code: `${EXPRESS}import { scanLoggedTable } from "../admin/tables";
app.get("/tables/:name", async (req, res) => res.json(await scanLoggedTable(req.params.name)));`,
      errors: [{ messageId: "requestParameter", line: 4, column: 77 }],
    },
    {
      name: "request input as another module's whole input, TableName or IndexName: reported at the argument",
      filename,
      code: `${EXPRESS}import { insertItem, scanTable, queryByIndex, admin } from "../admin/tables";
app.post("/items", async (req, res) => res.json(await insertItem(req.body)));
app.get("/tables/:name", async (req, res) => res.json(await scanTable(req.params.name)));
app.get("/notes", async (req, res) => res.json(await queryByIndex(String(req.query.index), req.user.id)));
app.get("/admin/:name", async (req, res) => res.json(await admin.scan(req.params.name)));`,
      errors: [
        { messageId: "wholeInput", line: 4, data: { subject: "The whole Put input", source: "`req.body` (Express) passed to `insertItem()` (../admin/tables.ts line 9)" } },
        {
          messageId: "requestParameter",
          line: 5,
          data: { parameter: "TableName", operation: "Scan", source: "`req.params.name` (Express) passed to `scanTable()` (../admin/tables.ts line 13)", choice: "table", example: "`TABLES[name]`" },
        },
        {
          messageId: "requestParameter",
          line: 6,
          data: { parameter: "IndexName", operation: "Query", source: "`req.query.index` (Express) passed to `queryByIndex()` (../admin/tables.ts line 23)", choice: "index", example: "`INDEXES[name]`" },
        },
        {
          messageId: "requestParameter",
          line: 7,
          data: { parameter: "TableName", operation: "Scan", source: "`req.params.name` (Express) passed to `scan()` (../admin/tables.ts line 27)", choice: "table", example: "`TABLES[name]`" },
        },
      ],
    },
    {
      name: "with massAssignment, a request object passed to another module's function that writes it as the whole Item",
      filename,
      options: [{ massAssignment: true }],
      code: `${EXPRESS}import { createNote } from "../admin/tables";
app.post("/notes", async (req, res) => res.json(await createNote(req.body)));
app.post("/copies", async (req, res) => res.json(await createNote({ title: req.body.title, text: req.body.text })));`,
      errors: [
        {
          messageId: "massAssignment",
          line: 4,
          data: { how: "is written as the whole", parameter: "Item", operation: "Put", source: "`req.body` (Express) passed to `createNote()` (../admin/tables.ts line 31)" },
        },
      ],
    },
  ],
});
