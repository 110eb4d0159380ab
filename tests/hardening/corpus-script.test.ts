// The corpus script (npm run test:corpus) on a folder outside the project, as a developer runs it on real
// applications: `node scripts/test-corpus.mjs --roots ../my-dynamodb-app`. Runs the build (tests/global-setup.ts).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
let app: string;

beforeAll(() => {
  app = mkdtempSync(path.join(tmpdir(), "corpus-app-"));
  mkdirSync(path.join(app, "src"));
  // The handler's finding needs the module it imports: cross-module analysis reads ./store from disk.
  writeFileSync(
    path.join(app, "src/store.ts"),
    `import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const getOrder = (id: string) => doc.send(new GetCommand({ TableName: "orders", Key: { id } }));
`,
  );
  writeFileSync(
    path.join(app, "src/handler.ts"),
    `import { getOrder } from "./store";
export const handler = async (event: any) => ({ statusCode: 200, body: JSON.stringify(await getOrder(event.pathParameters.id)) });
`,
  );
});

afterAll(() => rmSync(app, { recursive: true, force: true }));

describe("npm run test:corpus on a folder outside the project", () => {
  it("lints its files under their own paths, with cross-module analysis", () => {
    const run = spawnSync(process.execPath, ["scripts/test-corpus.mjs", "--jobs", "1", "--roots", app], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("files: 2 ");
    // Before, such files matched no configuration: nothing was linted and the run passed with 0 findings.
    expect(run.stdout).toMatch(/^findings: 1 \(dynamodb-security\/require-ownership-check: 1\)$/m);
    expect(run.stdout).toContain("corpus: OK");
  });

  it("lints JavaScript files a second time with ESLint's default parser, other modules read by espree too", () => {
    const js = path.join(app, "js");
    mkdirSync(js);
    // A class method: what once crashed every rule under espree.
    writeFileSync(
      path.join(js, "store.js"),
      `const { DynamoDBClient, GetItemCommand } = require("@aws-sdk/client-dynamodb");
const client = new DynamoDBClient({});
class Store { getOrder(id) { return client.send(new GetItemCommand({ TableName: "orders", Key: { id: { S: id } } })); } }
module.exports = new Store();
`,
    );
    writeFileSync(path.join(js, "handler.js"), `const store = require("./store");\nexports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(await store.getOrder(event.pathParameters.id)) });\n`);
    const run = spawnSync(process.execPath, ["scripts/test-corpus.mjs", "--jobs", "1", "--roots", js], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("JavaScript files linted again with ESLint's default parser (espree): 2, 0 with other findings");
    expect(run.stdout).toMatch(/^findings: 1 \(dynamodb-security\/require-ownership-check: 1\)$/m);
  });
});
