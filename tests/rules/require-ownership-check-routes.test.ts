// require-ownership-check on handlers registered by name: in a route module of the project
// (tests/fixtures/routes-app: controllers/ registered with their middleware in routes/) and in the same file.
import { readFileSync } from "node:fs";
import path from "node:path";
import rule from "../../rules/require-ownership-check";
import { runRuleTests } from "../rule-tester";
import { ADVICE } from "../helpers/ownership-advice";

const APP = path.resolve(__dirname, "../fixtures/routes-app");
const controller = (name: string) => {
  const filename = path.join(APP, "controllers", name);
  return { filename, code: readFileSync(filename, "utf8"), languageOptions: { parserOptions: { sourceType: "script" as const } } };
};
const V2 = `const AWS = require("aws-sdk");
const router = require("express").Router();
const dynamo = new AWS.DynamoDB.DocumentClient();
`;

runRuleTests("require-ownership-check (route registrations)", rule, {
  valid: [
    {
      // deleteBanner and updateBanner (an asyncHandler() wrapper's function) are registered only in routes/admin.js,
      // whose router.use() requires an admin; getBanner, without authentication, reads a table nothing marks per-user.
      name: "a controller's handlers, registered in another module behind role middleware or serving public data",
      ...controller("banners.js"),
    },
    {
      name: "a handler named in a same-file registration behind role middleware",
      filename: "routes/notes.js",
      code: `${V2}function purge(req, res) {
  dynamo.delete({ TableName: "Notes", Key: { id: req.params.id } }, () => res.end());
}
router.delete("/admin/notes/:id", verifyToken, requireAdmin, purge);`,
    },
    {
      name: "a handler registered by a later method of a route() chain keeps that registration's role middleware",
      filename: "routes/notes.js",
      code: `${V2}function show(req, res) {
  dynamo.get({ TableName: "Notes", Key: { id: req.params.id } }, (err, data) => res.send(data.Item));
}
function purge(req, res) {
  dynamo.delete({ TableName: "Notes", Key: { id: req.params.id } }, () => res.end());
}
router.route("/admin/notes/:id").get(verifyToken, requireAdmin, show).delete(verifyToken, requireAdmin, purge);`,
    },
    {
      name: "handlers behind a middleware factory given permissions: a resource:action string, or a variable or member named for them",
      filename: "routes/customers.js",
      code: `${V2}function remove(req, res) {
  dynamo.delete({ TableName: "Customers", Key: { id: req.params.id } }, () => res.end());
}
function update(req, res) {
  dynamo.update({ TableName: "Customers", Key: { id: req.params.id }, UpdateExpression: "SET blocked = :t", ExpressionAttributeValues: { ":t": true } }, () => res.end());
}
function block(req, res) {
  dynamo.update({ TableName: "Customers", Key: { id: req.params.id }, UpdateExpression: "SET blocked = :t", ExpressionAttributeValues: { ":t": true } }, () => res.end());
}
const customerUpdatePermissions = getPermissionsByName("Customers").filter((p) => p.includes("Update"));
router.delete("/customers/:id", authenticateToken, authMiddleware(["Customer:Delete"]), remove);
router.patch("/customers/:id", authenticateToken, authMiddleware(customerUpdatePermissions), update);
router.post("/customers/:id/block", authenticateToken, authMiddleware(Permission.CustomerBlock), block);`,
    },
    {
      name: "handlers behind a middleware factory given a resource.action permission (authorize(\"leads.delete\"), authorize(\"attendance.punchin\"))",
      filename: "routes/leads.js",
      code: `${V2}function remove(req, res) {
  dynamo.delete({ TableName: "Leads", Key: { leadId: req.params.id } }, () => res.end());
}
function reassign(req, res) {
  dynamo.update({ TableName: "Leads", Key: { leadId: req.params.id }, UpdateExpression: "SET assignee = :a", ExpressionAttributeValues: { ":a": req.body.userId } }, () => res.end());
}
function punch(req, res) {
  dynamo.update({ TableName: "Leads", Key: { leadId: req.params.id }, UpdateExpression: "SET punched = :t", ExpressionAttributeValues: { ":t": true } }, () => res.end());
}
router.delete("/leads/:id", authenticate, authorize("leads.delete"), remove);
router.post("/leads/:id/assign", authenticate, authorize("leads.assign"), reassign);
router.post("/leads/:id/punch", authenticate, authorize("attendance.punchin"), punch);`,
    },
    {
      name: "a handler behind middleware named for the staff role it admits (isManager, requireModerator)",
      filename: "routes/teams.js",
      code: `${V2}function move(req, res) {
  dynamo.update({ TableName: "Users", Key: { userId: req.body.userId }, UpdateExpression: "SET teamId = :t", ExpressionAttributeValues: { ":t": req.params.teamId } }, () => res.end());
}
function demote(req, res) {
  dynamo.update({ TableName: "Users", Key: { userId: req.body.userId }, UpdateExpression: "REMOVE teamId" }, () => res.end());
}
router.post("/teams/:teamId/members", authenticate, isManager, move);
router.delete("/teams/:teamId/members", authenticate, requireModerator, demote);`,
    },
  ],
  invalid: [
    {
      // create is registered behind body validation, remove behind an admin check; cancel only behind authentication.
      name: "the methods of an exported class instance (module.exports = new BookingController()) keep the middleware of their registration in another module",
      ...controller("bookings.js"),
      errors: [{ messageId: "writeNotOwned", line: 19 }],
    },
    {
      // deleteItem is registered behind an admin check; reserve only behind authentication.
      name: "a controller class's static methods keep the middleware of their registration in another module",
      ...controller("inventory.js"),
      errors: [{ messageId: "writeNotOwned", line: 13 }],
    },
    {
      // getNote and deleteNote are behind requireAuth only, archiveNote behind an admin in one module and nothing in another.
      name: "a controller's handlers, registered in other modules with authentication only, or once without a role check",
      ...controller("notes.js"),
      errors: [
        {
          messageId: "readNotOwned",
          line: 5,
          data: {
            operation: "`GetCommand`",
            target: 'an item of table "Notes"',
            source: "`req.params.id`",
            missing: "the key does not include the caller, and no comparison of the item's owner with the caller guards the response", advice: ADVICE.ownedRead,
          },
        },
        { messageId: "writeNotOwned", line: 10 },
        { messageId: "writeNotOwned", line: 15 },
      ],
    },
    {
      name: "with crossModule off, route modules are not read",
      ...controller("banners.js"),
      settings: { "dynamodb-security": { crossModule: false } },
      errors: [
        { messageId: "writeNotOwned", line: 11 },
        { messageId: "writeNotOwned", line: 16 },
      ],
    },
    {
      name: "a handler named in a same-file registration (an object's method) keeps its route's authentication",
      filename: "routes/notes.js",
      code: `${V2}const api = {
  getNote: (req, res) => {
    dynamo.get({ TableName: "Notes", Key: { id: req.body.id } }, (err, data) => res.send(data.Item));
  },
};
router.post("/note/get", verifyToken, api.getNote);`,
      errors: [{ messageId: "readNotOwned", line: 6 }],
    },
    {
      name: "a handler registered by a later method of a route() chain keeps that registration's authentication",
      filename: "routes/notes.js",
      code: `${V2}function remove(req, res) {
  dynamo.delete({ TableName: "Notes", Key: { id: req.params.id } }, () => res.end());
}
function show(req, res) {
  dynamo.get({ TableName: "Notes", Key: { id: req.params.id } }, (err, data) => res.send(data.Item));
}
router.route("/notes/:id").delete(verifyToken, remove).get(verifyToken, show);`,
      errors: [
        { messageId: "writeNotOwned", line: 5 },
        { messageId: "readNotOwned", line: 8 },
      ],
    },
    {
      name: "a middleware factory given a strategy name or options admits every signed-in caller",
      filename: "routes/notes.js",
      code: `${V2}function remove(req, res) {
  dynamo.delete({ TableName: "Notes", Key: { id: req.params.id } }, () => res.end());
}
function update(req, res) {
  dynamo.update({ TableName: "Notes", Key: { id: req.params.id }, UpdateExpression: "SET done = :t", ExpressionAttributeValues: { ":t": true } }, () => res.end());
}
router.delete("/notes/:id", authMiddleware(["jwt"]), remove);
router.patch("/notes/:id", authMiddleware(sessionOptions), update);`,
      errors: [
        { messageId: "writeNotOwned", line: 5 },
        { messageId: "writeNotOwned", line: 8 },
      ],
    },
  ],
});
