import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { deployedDefinitionOf, isUndeployedModule } from "../../src/analysis/deployment";
import { clearProjectCaches } from "../../src/analysis/project";
import { analyze } from "./helpers";

const SRC = path.resolve(__dirname, "../fixtures/cross-module/src");
const notes = path.join(SRC, "sls/handlers/notes.ts");

describe("deployedDefinitionOf: what serverless.yml declares for a handler's HTTP events", () => {
  it("reads the authorizer of each function's events, by the module and export its handler names", () => {
    expect(deployedDefinitionOf(notes, "get")).toMatchObject({ authorizers: ["COGNITO_USER_POOLS"], validatesBody: false });
    expect(deployedDefinitionOf(notes, "remove")).toMatchObject({ authorizers: ["adminAuthorizer"], validatesBody: false });
    // `http: POST notes/{id}/archive`: the short form has no authorizer.
    expect(deployedDefinitionOf(notes, "archive")).toMatchObject({ authorizers: [], validatesBody: false });
    expect(deployedDefinitionOf(path.join(SRC, "sls/handlers/share.ts"), "handler")).toMatchObject({ authorizers: ["jwtAuthorizer"], validatesBody: false });
  });

  it("lists each HTTP route, and resolves an authorizer that is a function of the same service to its handler", () => {
    expect(deployedDefinitionOf(notes, "get")?.routes).toEqual([{ method: "GET", path: "notes/{id}", authorizerName: undefined }]);
    expect(deployedDefinitionOf(notes, "archive")?.routes).toEqual([{ method: "POST", path: "notes/{id}/archive", authorizerName: undefined }]);
    expect(deployedDefinitionOf(path.join(SRC, "sls-policy/src/cart/delete.ts"), "handler")?.routes).toEqual([
      { method: "DELETE", path: "cart/{username}", authorizerName: "auth", authorizer: { module: path.join(SRC, "sls-policy/src/lib/auth"), exportName: "handler" } },
    ]);
  });

  it("counts a handler as guarded only when every HTTP event has an authorizer", () => {
    expect(deployedDefinitionOf(path.join(SRC, "sls/handlers/purge.ts"), "handler")).toMatchObject({ authorizers: [], validatesBody: false });
  });

  it("reads a request schema as a validated body", () => {
    expect(deployedDefinitionOf(path.join(SRC, "sls/handlers/create.js"), "handler")).toMatchObject({ authorizers: ["aws_iam"], validatesBody: true });
  });

  it("without the export's name, every function naming the module must have an authorizer", () => {
    expect(deployedDefinitionOf(notes, undefined)).toMatchObject({ authorizers: [], validatesBody: false });
  });

  it("knows nothing of an export no function names, of a function without HTTP events, or of a module outside any service", () => {
    expect(deployedDefinitionOf(notes, "list")).toBeUndefined();
    expect(deployedDefinitionOf(path.join(SRC, "sls/handlers/stream.ts"), "handler")).toBeUndefined();
    expect(deployedDefinitionOf(path.join(SRC, "functions/todos/removeTodo.ts"), "handler")).toBeUndefined();
    expect(deployedDefinitionOf("", "handler")).toBeUndefined();
  });

  it("follows functions included with ${file(...):functions}, naming handlers from the service's folder", () => {
    expect(deployedDefinitionOf(path.join(SRC, "sls-include/src/reports.ts"), "remove")).toMatchObject({ authorizers: ["adminAuth"], validatesBody: false });
  });

  describe("on files that change or do not parse", () => {
    const root = mkdtempSync(path.join(tmpdir(), "dynamodb-security-serverless-"));
    const service = path.join(root, "serverless.yml");
    const handler = path.join(root, "src/orders.ts");
    mkdirSync(path.dirname(handler), { recursive: true });
    const withAuthorizer = (authorizer: string) => `functions:\n  get:\n    handler: src/orders.get\n    events:\n      - http:\n          path: orders/{id}\n          method: get\n${authorizer}`;

    afterEach(() => vi.restoreAllMocks());
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it("re-reads a service file whose stamp changed", () => {
      clearProjectCaches();
      writeFileSync(service, withAuthorizer("          authorizer: userPool\n"));
      expect(deployedDefinitionOf(handler, "get")?.authorizers).toEqual(["userPool"]);
      writeFileSync(service, withAuthorizer("          cors: true\n") + "# a longer file, so that its stamp changes within the same millisecond\n");
      const now = performance.now();
      vi.spyOn(performance, "now").mockReturnValue(now + 2_500);
      expect(deployedDefinitionOf(handler, "get")?.authorizers).toEqual([]);
    });

    it("is quiet on YAML that does not parse, on a handler that is not a string, and on an alias bomb in the functions", () => {
      clearProjectCaches();
      writeFileSync(service, "functions:\n  get: [unclosed\n");
      expect(deployedDefinitionOf(handler, "get")).toBeUndefined();
      clearProjectCaches();
      writeFileSync(service, "functions:\n  get:\n    handler: { path: src/orders }\n    events: [{ http: { path: x, method: get, authorizer: a } }]\n");
      expect(deployedDefinitionOf(handler, "get")).toBeUndefined();
      clearProjectCaches();
      // Aliases are shared, never copied: a bomb beside the functions costs nothing, and the functions are read.
      const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
      for (let level = 1; level < 12; level++) levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(", ")}]`);
      writeFileSync(service, `${levels.join("\n")}\n${withAuthorizer("          authorizer: userPool\n")}`);
      expect(deployedDefinitionOf(handler, "get")?.authorizers).toEqual(["userPool"]);
      // One that the functions are (10^11 nested list entries) is not walked: a list inside the list declares nothing.
      clearProjectCaches();
      writeFileSync(service, `${levels.join("\n")}\nfunctions: *l\n`);
      expect(deployedDefinitionOf(handler, "get")).toBeUndefined();
    });
  });
});

describe("deployedDefinitionOf: what an AWS SAM template declares for a function's Api events", () => {
  const sam = (relative: string) => path.join(SRC, "sam", relative);

  it("takes the default authorizer of the API an event names, the module from CodeUri (or Globals) and Handler", () => {
    expect(deployedDefinitionOf(sam("functions/notes.ts"), "get")).toMatchObject({ authorizers: ["NotesCognitoAuthorizer"], validatesBody: false });
    expect(deployedDefinitionOf(sam("admin/src/purge.js"), "handler")).toMatchObject({ authorizers: ["AdminAuthorizer"], validatesBody: false });
  });

  it("takes the Globals' default authorizer for an event of the implicit API, and reads a validating request model", () => {
    const root = mkdtempSync(path.join(tmpdir(), "dynamodb-security-sam-"));
    try {
      writeFileSync(
        path.join(root, "template.yml"),
        `Globals:\n  Api:\n    Auth:\n      DefaultAuthorizer: UsersPool\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src\n      Handler: app.handler\n      Events:\n        Put:\n          Type: Api\n          Properties:\n            Path: /items/{id}\n            Method: put\n            RequestModel:\n              Model: Item\n              ValidateBody: true\n`,
      );
      expect(deployedDefinitionOf(path.join(root, "src/app.mjs"), "handler")).toMatchObject({ authorizers: ["UsersPool"], validatesBody: true });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("lets requests in for `Authorizer: NONE` and for an event of the implicit API without a default authorizer", () => {
    expect(deployedDefinitionOf(sam("functions/notes.ts"), "shared")).toMatchObject({ authorizers: [], validatesBody: false });
    expect(deployedDefinitionOf(sam("functions/notes.ts"), "archive")).toMatchObject({ authorizers: [], validatesBody: false });
  });
});

describe("isUndeployedModule: a module the service's descriptor deploys no function from", () => {
  const root = mkdtempSync(path.join(tmpdir(), "dynamodb-security-undeployed-"));
  const handler = path.join(root, "src/handlers/processAuctions.js");
  const helper = path.join(root, "src/lib/closeAuction.js");
  const lambdaHelper = `const { DynamoDBDocumentClient, UpdateCommand } = require("@aws-sdk/lib-dynamodb");
const doc = DynamoDBDocumentClient.from(client);
async function closeAuction(event, context) {
  const { id } = event.pathParameters || {};
  await doc.send(new UpdateCommand({ TableName: "Auctions", Key: { id }, UpdateExpression: "SET #s = :s", ExpressionAttributeNames: { "#s": "status" }, ExpressionAttributeValues: { ":s": "CLOSED" } }));
}
module.exports = closeAuction;
`;
  const service = (handlerPath: string) => `functions:\n  processAuctions:\n    handler: ${handlerPath}\n    events:\n      - schedule: rate(1 minute)\n`;
  mkdirSync(path.dirname(handler), { recursive: true });
  mkdirSync(path.dirname(helper), { recursive: true });
  // The scheduled handler calls the helper with each ended auction.
  writeFileSync(handler, 'const closeAuction = require("../lib/closeAuction.js");\nexports.handler = async () => Promise.all(ended.map((auction) => closeAuction(auction)));\n');
  // A barrel an HTTP function names, passing the helper on as its handler.
  writeFileSync(path.join(root, "src/handlers/index.js"), 'module.exports = { close: require("../lib/closeAuction.js") };\n');
  writeFileSync(helper, lambdaHelper);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is a module only functions without HTTP events import, that no function names; not a deployed handler's module", () => {
    clearProjectCaches();
    writeFileSync(path.join(root, "serverless.yml"), service("src/handlers/processAuctions.handler"));
    expect(isUndeployedModule(helper)).toBe(true);
    expect(isUndeployedModule(handler)).toBe(false);
    // Its `event` is then its caller's business, not a request's.
    expect(closeAuctionKind(lambdaHelper, helper)).toEqual({ accesses: 0 });
  });

  it("is not a module passed on (or called) by the module of a function with HTTP events", () => {
    clearProjectCaches();
    writeFileSync(path.join(root, "serverless.yml"), `${service("src/handlers/processAuctions.handler")}  close:\n    handler: src/handlers/index.close\n    events:\n      - httpApi:\n          path: /auctions/{id}/close\n          method: post\n`);
    expect(isUndeployedModule(helper)).toBe(false);
    expect(closeAuctionKind(lambdaHelper, helper)).toEqual({ kind: "lambda", accesses: 1 });
  });

  it("says nothing when the descriptor names built output (no such source file), or when there is no descriptor", () => {
    clearProjectCaches();
    writeFileSync(path.join(root, "serverless.yml"), service("dist/handlers/processAuctions.handler"));
    expect(isUndeployedModule(helper)).toBe(false);
    expect(closeAuctionKind(lambdaHelper, helper)).toEqual({ kind: "lambda", accesses: 1 });
    rmSync(path.join(root, "serverless.yml"));
    clearProjectCaches();
    expect(isUndeployedModule(helper)).toBe(false);
  });
});

/** How the analysis of the file at `filename` classifies its function `closeAuction`, and the request-keyed accesses it finds. */
function closeAuctionKind(code: string, filename: string) {
  const { analysis, find } = analyze(code, { filename });
  const fn = find(code.slice(code.indexOf("async function closeAuction"), code.indexOf("\nmodule.exports")));
  return { ...analysis.sources.handlerKind(fn as never), accesses: analysis.ownership.handlerAccesses().length };
}
