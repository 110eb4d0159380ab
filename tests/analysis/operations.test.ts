import { describe, expect, it } from "vitest";
import { analyze } from "./helpers";

function operationsOf(code: string, options?: Parameters<typeof analyze>[1]) {
  const { analysis, text } = analyze(code, options);
  return analysis.operations.map((operation) => ({
    sdk: operation.sdk,
    client: operation.client,
    operation: operation.operation,
    canonical: operation.canonical,
    style: operation.style,
    input: text(operation.input),
  }));
}

describe("operation recognizer: SDK v3 commands", () => {
  it("finds document-client commands sent through a client built with .from()", () => {
    const ops = operationsOf(`
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      import { DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
      const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
      export async function load(id) {
        await doc.send(new GetCommand({ TableName: "Notes", Key: { id } }));
        const params = { TableName: "Notes", KeyConditionExpression: "pk = :pk" };
        return doc.send(new QueryCommand(params));
      }
    `);
    expect(ops).toEqual([
      { sdk: "v3", client: "document", operation: "Get", canonical: "GetItem", style: "command", input: `{ TableName: "Notes", Key: { id } }` },
      { sdk: "v3", client: "document", operation: "Query", canonical: "Query", style: "command", input: "params" },
    ]);
  });

  it("finds low-level commands through namespace, renamed and require imports", () => {
    expect(operationsOf(`import * as ddb from "@aws-sdk/client-dynamodb"; new ddb.GetItemCommand(input);`)).toMatchObject([
      { client: "low-level", operation: "GetItem" },
    ]);
    expect(operationsOf(`import { PutItemCommand as Put } from "@aws-sdk/client-dynamodb"; new Put(input);`)).toMatchObject([
      { client: "low-level", operation: "PutItem" },
    ]);
    expect(operationsOf(`const { DeleteItemCommand } = require("@aws-sdk/client-dynamodb"); new DeleteItemCommand(x);`)).toMatchObject([
      { operation: "DeleteItem" },
    ]);
    expect(operationsOf(`const lib = require("@aws-sdk/lib-dynamodb"); client.send(new lib.UpdateCommand(x));`)).toMatchObject([
      { client: "document", operation: "Update", canonical: "UpdateItem" },
    ]);
    expect(operationsOf(`import lib = require("@aws-sdk/lib-dynamodb"); client.send(new lib.ScanCommand(x));`)).toMatchObject([
      { operation: "Scan" },
    ]);
    // A default import (TypeScript's esModuleInterop over the packages' CommonJS builds) is the whole module.
    expect(operationsOf(`import lib from "@aws-sdk/lib-dynamodb"; const doc = lib.DynamoDBDocumentClient.from(c); doc.send(new lib.GetCommand(x));`)).toMatchObject([
      { client: "document", operation: "Get" },
    ]);
    expect(operationsOf(`import ddb, { QueryCommand } from "@aws-sdk/client-dynamodb"; const low = new ddb.DynamoDBClient({}); low.send(new QueryCommand(x));`)).toMatchObject([
      { client: "low-level", operation: "Query" },
    ]);
  });

  it("counts a command sent by a client of unknown origin (this.doc injected or imported)", () => {
    expect(
      operationsOf(`
        import { GetCommand } from "@aws-sdk/lib-dynamodb";
        import { docClient } from "./db";
        export class Repo {
          constructor(private readonly doc: any) {}
          find(id: string) { return this.doc.send(new GetCommand({ TableName: "T", Key: { id } })); }
          other(id: string) { return docClient.send(new GetCommand({ TableName: "T", Key: { id } })); }
        }
      `),
    ).toHaveLength(2);
  });

  it("finds paginators and PartiQL commands", () => {
    const ops = operationsOf(`
      import { paginateQuery, DynamoDBDocumentClient, ExecuteStatementCommand } from "@aws-sdk/lib-dynamodb";
      for await (const page of paginateQuery({ client }, { TableName: "T" })) {}
      await client.send(new ExecuteStatementCommand({ Statement: "SELECT * FROM T" }));
    `);
    expect(ops.map((op) => [op.operation, op.style, op.input])).toEqual([
      ["ExecuteStatement", "command", `{ Statement: "SELECT * FROM T" }`],
      ["Query", "paginator", `{ TableName: "T" }`],
    ]);
  });
});

describe("operation recognizer: aggregated v3 clients and SDK v2", () => {
  it("finds DynamoDBDocument.from() methods and new DynamoDB() methods", () => {
    const ops = operationsOf(`
      import { DynamoDB } from "@aws-sdk/client-dynamodb";
      import { DynamoDBDocument } from "@aws-sdk/lib-dynamodb";
      const low = new DynamoDB({ region: "eu-west-1" });
      const doc = DynamoDBDocument.from(low);
      await doc.get({ TableName: "T", Key: { id } });
      await low.getItem({ TableName: "T", Key: { id: { S: id } } });
      await low.send(x);
    `);
    expect(ops.map((op) => [op.sdk, op.client, op.operation, op.style])).toEqual([
      ["v3", "document", "Get", "method"],
      ["v3", "low-level", "GetItem", "method"],
    ]);
  });

  it("finds v2 DocumentClient and DynamoDB calls with .promise() and callbacks, ESM and CommonJS", () => {
    const ops = operationsOf(`
      const AWS = require("aws-sdk");
      const doc = new AWS.DynamoDB.DocumentClient();
      const ddb = new AWS.DynamoDB({ apiVersion: "2012-08-10" });
      doc.get({ TableName: "T", Key: { id } }).promise();
      ddb.query(params, (err, data) => {});
    `, { filename: "file.js" });
    expect(ops.map((op) => [op.sdk, op.client, op.operation])).toEqual([
      ["v2", "document", "Get"],
      ["v2", "low-level", "Query"],
    ]);
    expect(operationsOf(`import { DynamoDB } from "aws-sdk"; const doc = new DynamoDB.DocumentClient(); doc.delete(p);`)).toMatchObject([
      { sdk: "v2", client: "document", operation: "Delete" },
    ]);
    expect(operationsOf(`import DynamoDB from "aws-sdk/clients/dynamodb"; const doc = new DynamoDB.DocumentClient(); doc.put(p);`)).toMatchObject([
      { sdk: "v2", client: "document", operation: "Put" },
    ]);
    expect(operationsOf(`const DynamoDB = require("aws-sdk/clients/dynamodb"); const ddb = new DynamoDB(); ddb.scan(p);`)).toMatchObject([
      { sdk: "v2", client: "low-level", operation: "Scan" },
    ]);
  });

  it("follows clients through class fields, constructor assignments, reassignment and helpers", () => {
    const ops = operationsOf(`
      import AWS from "aws-sdk";
      function makeClient() { return new AWS.DynamoDB.DocumentClient(); }
      class NotesRepository {
        db = new AWS.DynamoDB.DocumentClient();
        constructor() { this.other = makeClient(); }
        get(id) { return this.db.get({ TableName: "T", Key: { id } }).promise(); }
        remove(id) { return this.other.delete({ TableName: "T", Key: { id } }).promise(); }
      }
      let client;
      client = makeClient();
      const alias = client;
      alias.update(params);
    `);
    expect(ops.map((op) => op.operation)).toEqual(["Get", "Delete", "Update"]);
  });

  it("uses type annotations of injected clients", () => {
    const ops = operationsOf(`
      import { DynamoDBDocument } from "@aws-sdk/lib-dynamodb";
      import type { DocumentClient } from "aws-sdk/clients/dynamodb";
      export class Service {
        constructor(private readonly doc: DynamoDBDocument, private readonly legacy: DocumentClient) {}
        a() { return this.doc.query(q); }
        b() { return this.legacy.scan(s).promise(); }
      }
    `);
    expect(ops.map((op) => [op.sdk, op.operation])).toEqual([
      ["v3", "Query"],
      ["v2", "Scan"],
    ]);
  });

  it("infers operations on clients of unknown origin only from plainly DynamoDB inputs", () => {
    const ops = operationsOf(`
      import { db } from "./db";
      const dynamodb = "mentions dynamodb";
      db.get({ TableName: process.env.TABLE, Key: { id } });
      db.query(params);
      map.get(key);
      axios.get("https://example.com");
      knex.query({ sql: "x" });
    `);
    expect(ops.map((op) => [op.operation, op.style])).toEqual([["Get", "inferred"]]);
  });

  it("treats modules named in settings.clientModules as clients", () => {
    const ops = operationsOf(`import { db } from "../lib/dynamo"; db.query(params); db.other(1);`, {
      settings: { "dynamodb-security": { clientModules: ["../lib/dynamo"] } },
    });
    expect(ops.map((op) => op.operation)).toEqual(["Query"]);
  });

  it("reads TypeScript's `import x = require(\"m\")` as an import of m", () => {
    const settings = { "dynamodb-security": { clientModules: ["../lib/dynamo"] } };
    expect(operationsOf(`import db = require("../lib/dynamo"); db.query(params);`, { settings }).map((op) => op.operation)).toEqual(["Query"]);
    expect(operationsOf(`import db = require("../lib/other"); db.query(params);`, { settings })).toEqual([]);
    // Not an import of a module: a namespace alias.
    expect(operationsOf(`namespace Stores { export const db = 1; } import db = Stores.db; db.query(params);`, { settings })).toEqual([]);
    // A binding of unknown origin (no clientModules) is judged by its input, as with an ES import.
    const inferred = `import { GetCommand } from "@aws-sdk/lib-dynamodb"; import store = require("./store"); store.get({ TableName: "orders", Key: { id } });`;
    expect(operationsOf(inferred).map((op) => [op.operation, op.style])).toEqual([["Get", "inferred"]]);
  });
});

describe("operation recognizer: look-alikes stay out", () => {
  it.each([
    [`import { QueryCommand } from "@aws-sdk/client-timestream-query"; client.send(new QueryCommand({ QueryString: q }));`],
    [`import { ExecuteStatementCommand } from "@aws-sdk/client-rds-data"; client.send(new ExecuteStatementCommand({ sql }));`],
    [`const m = new Map(); m.get("dynamodb");`],
    [`import axios from "axios"; axios.get("https://dynamodb.us-east-1.amazonaws.com");`],
    [`import knex from "knex"; knex.query("select 1"); // dynamodb`],
    [`class GetCommand {} const dynamodb = 1; client.send(new GetCommand({ TableName: "T" }));`],
    [`import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3"; new S3Client({}).send(new GetObjectCommand({ Bucket: "b" })); // dynamodb`],
  ])("%s", (code) => {
    expect(operationsOf(code)).toEqual([]);
  });

  it.each([
    [`import AWS from "aws-sdk";`, true],
    [`const AWS = require('aws-sdk/global');`, true],
    ["const AWS = require(`aws-sdk`);", true],
    [`import { DynamoDB } from "aws-sdk/clients/dynamodb";`, true],
    [`import { DynamoDBClient } from "@aws-sdk/client-dynamodb";`, true],
    [`import { S3Client } from "@aws-sdk/client-s3"; // uses the aws-sdk`, false],
    [`import type { Provider } from "@aws-sdk/types";`, false],
  ])("pre-check: %s mentions a DynamoDB package: %s", (code, mentions) => {
    expect(analyze(code).analysis.mentionsDynamoDB).toBe(mentions);
  });

  it("does no client analysis in files that mention no DynamoDB package", () => {
    const { analysis } = analyze(`import { GetCommand } from "./local"; client.send(new GetCommand({ TableName: "T" }));`);
    expect(analysis.mentionsDynamoDB).toBe(false);
    expect(analysis.operations).toEqual([]);
  });
});

describe("operation recognizer: a library function that runs the method it is given by name", () => {
  const LIBRARY = `import AWS from "aws-sdk";
    const dynamoDb = new AWS.DynamoDB.DocumentClient();
    export function call(action, params) { return dynamoDb[action](params).promise(); }
    export const run = async (action, params) => { try { const result = await dynamoDb[action](params).promise(); return result; } catch (e) { throw e; } };
    export const log = (action, params) => console.log(action, params);
    export const scanOnly = (action, params) => dynamoDb[SCAN](params).promise();`;

  it("a call naming a DynamoDB method with a DynamoDB input is that method's operation (the Serverless Stack tutorial's call(action, params))", () => {
    const ops = operationsOf(`${LIBRARY}
      export const main = async (event) => {
        const params = { TableName: process.env.tableName, Key: { noteId: event.pathParameters.id } };
        await call("get", params);
        await run("update", { TableName: "Notes", Key: { noteId: "n" }, UpdateExpression: "SET a = :a" });
        await call("getItem", { TableName: "Notes", Key: { noteId: { S: "n" } } });
      };`);
    expect(ops).toEqual([
      { sdk: "unknown", client: "document", operation: "Get", canonical: "GetItem", style: "inferred", input: "params" },
      { sdk: "unknown", client: "document", operation: "Update", canonical: "UpdateItem", style: "inferred", input: `{ TableName: "Notes", Key: { noteId: "n" }, UpdateExpression: "SET a = :a" }` },
      { sdk: "unknown", client: "low-level", operation: "GetItem", canonical: "GetItem", style: "inferred", input: `{ TableName: "Notes", Key: { noteId: { S: "n" } } }` },
    ]);
  });

  it("not an operation: a function that only passes the name on or runs another method, a name that is no DynamoDB method, an input that is not DynamoDB's, a name that is not constant", () => {
    const ops = operationsOf(`${LIBRARY}
      export const main = async (event, name) => {
        log("get", { TableName: "Notes", Key: { noteId: "n" } });
        await scanOnly("get", { TableName: "Notes", Key: { noteId: "n" } });
        await call("getAll", { TableName: "Notes" });
        await call("get", { url: "/notes" });
        await call(name, { TableName: "Notes", Key: { noteId: "n" } });
      };`);
    expect(ops).toEqual([]);
  });
});
