import { describe, expect, it } from "vitest";
import type { TSESTree } from "@typescript-eslint/utils";
import { collectCredentialSites, credentialEnvName, credentialEnvObjectProperties, envCredentialSite, hardcodedValues } from "../../src/analysis/credential-sites";
import { analyze } from "./helpers";

function sitesOf(code: string) {
  const { analysis, text } = analyze(code);
  return collectCredentialSites(analysis).map((site) => ({
    slot: site.slot,
    value: text(site.value),
    endpoint: site.endpoint,
    remedy: site.remedy && `${site.remedy.kind}: ${site.remedy.targets.map((target) => text(target)).join(" + ")}`,
  }));
}

function valuesOf(code: string) {
  const { analysis, used, text } = analyze(code);
  return hardcodedValues(analysis.values, used()[0]).map((found) => ({ at: text(found.node), values: found.values, fallback: text(found.fallback) }));
}

describe("credential sites: SDK v3", () => {
  it("finds the credentials object of a client, with the property to remove", () => {
    expect(
      sitesOf(`
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        export const client = new DynamoDBClient({ region: "eu-west-1", credentials: { accessKeyId: "A", secretAccessKey: S } });
      `),
    ).toEqual([
      { slot: "accessKeyId", value: `"A"`, endpoint: "remote", remedy: `remove-credentials: credentials: { accessKeyId: "A", secretAccessKey: S }` },
      { slot: "secretAccessKey", value: "S", endpoint: "remote", remedy: `remove-credentials: credentials: { accessKeyId: "A", secretAccessKey: S }` },
    ]);
  });

  it("follows credential providers (arrow, async, function declarations) and variables", () => {
    const sites = sitesOf(`
      const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
      async function provider() { return { accessKeyId: "A", sessionToken: "T" }; }
      const creds = { secretAccessKey: "S" };
      new DynamoDBClient({ credentials: async () => ({ accessKeyId: "B" }) });
      new DynamoDBClient({ credentials: provider });
      new DynamoDBClient({ credentials: creds });
      new DynamoDBClient({ credentials: fromIni({ profile: "dev" }) });
    `);
    expect(sites.map((site) => `${site.slot}=${site.value}`)).toEqual([`accessKeyId="B"`, `accessKeyId="A"`, `sessionToken="T"`, `secretAccessKey="S"`]);
  });

  it("reads the endpoint: loopback and compose names are local, configured ones unknown", () => {
    const endpoints = sitesOf(`
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
      const LOCAL = "http://localhost:8000";
      new DynamoDBClient({ endpoint: LOCAL, credentials: { accessKeyId: "a" } });
      new DynamoDBClient({ endpoint: "http://dynamodb-local:8000", credentials: { accessKeyId: "b" } });
      new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, credentials: { accessKeyId: "c" } });
      new DynamoDBClient({ endpoint: "https://dynamodb.us-east-1.amazonaws.com", credentials: { accessKeyId: "d" } });
      new DynamoDBClient({ ...shared, credentials: { accessKeyId: "e" } });
      new DynamoDBClient({ region: "localhost", credentials: { accessKeyId: "f" } });
    `).map((site) => `${site.value}:${site.endpoint}`);
    expect(endpoints).toEqual([`"a":local`, `"b":local`, `"c":unknown`, `"d":remote`, `"e":unknown`, `"f":local`]);
  });

  it("looks into each branch of a conditional config", () => {
    const sites = sitesOf(`
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      const options = process.env.IS_OFFLINE
        ? { region: "localhost", endpoint: "http://localhost:8000", credentials: { accessKeyId: "MockAccessKeyId", secretAccessKey: "MockSecret" } }
        : {};
      export const db = new DynamoDBClient(options);
    `);
    expect(sites.map((site) => `${site.slot}:${site.endpoint}`)).toEqual(["accessKeyId:local", "secretAccessKey:local"]);
  });

  it("looks into the objects a same-file helper returns as the config", () => {
    const sites = sitesOf(`
      import AWS from "aws-sdk";
      function params() {
        return process.env.IS_OFFLINE ? { region: "localhost", endpoint: "http://localhost:8000", accessKeyId: "K" } : { accessKeyId: "R" };
      }
      export const db = new AWS.DynamoDB.DocumentClient(params());
    `);
    expect(sites.map((site) => `${site.value}:${site.endpoint}`)).toEqual([`"K":local`, `"R":remote`]);
  });
});

describe("credential sites: SDK v2", () => {
  it("finds key properties of services and the global config, removable together", () => {
    const sites = sitesOf(`
      const AWS = require("aws-sdk");
      AWS.config.update({ region: "us-east-1", accessKeyId: "A", secretAccessKey: "S" });
      const ddb = new AWS.DynamoDB.DocumentClient({ endpoint: "http://127.0.0.1:8000", sessionToken: "T" });
    `);
    expect(sites).toEqual([
      { slot: "sessionToken", value: `"T"`, endpoint: "local", remedy: `remove-keys: sessionToken: "T"` },
      { slot: "accessKeyId", value: `"A"`, endpoint: "remote", remedy: `remove-keys: accessKeyId: "A" + secretAccessKey: "S"` },
      { slot: "secretAccessKey", value: `"S"`, endpoint: "remote", remedy: `remove-keys: accessKeyId: "A" + secretAccessKey: "S"` },
    ]);
  });

  it("takes a service's endpoint from the global config when it sets none", () => {
    const sites = sitesOf(`
      import AWS from "aws-sdk";
      AWS.config.update({ endpoint: new AWS.Endpoint("http://localhost:8000") });
      new AWS.DynamoDB({ accessKeyId: "a", secretAccessKey: "b" });
    `);
    expect(sites.map((site) => site.endpoint)).toEqual(["local", "local"]);
  });

  it("finds new AWS.Credentials(...) in AWS.config.credentials, in configs and on its own; a single-use declaration goes with the setting", () => {
    const sites = sitesOf(`
      import * as AWS from "aws-sdk";
      AWS.config.credentials = new AWS.Credentials("A", "S");
      const creds = new AWS.Credentials({ accessKeyId: "B", secretAccessKey: "R" });
      new AWS.DynamoDB({ credentials: creds });
      export const other = new AWS.Credentials("C", "Q", "T");
    `);
    expect(sites).toEqual([
      { slot: "accessKeyId", value: `"B"`, endpoint: "remote", remedy: `remove-credentials: credentials: creds + const creds = new AWS.Credentials({ accessKeyId: "B", secretAccessKey: "R" });` },
      { slot: "secretAccessKey", value: `"R"`, endpoint: "remote", remedy: `remove-credentials: credentials: creds + const creds = new AWS.Credentials({ accessKeyId: "B", secretAccessKey: "R" });` },
      { slot: "accessKeyId", value: `"A"`, endpoint: "remote", remedy: `remove-credentials: AWS.config.credentials = new AWS.Credentials("A", "S");` },
      { slot: "secretAccessKey", value: `"S"`, endpoint: "remote", remedy: `remove-credentials: AWS.config.credentials = new AWS.Credentials("A", "S");` },
      { slot: "accessKeyId", value: `"C"`, endpoint: "remote", remedy: undefined },
      { slot: "secretAccessKey", value: `"Q"`, endpoint: "remote", remedy: undefined },
      { slot: "sessionToken", value: `"T"`, endpoint: "remote", remedy: undefined },
    ]);
  });

  it("ignores files without a DynamoDB client and credential look-alikes of other SDKs", () => {
    expect(sitesOf(`import { S3Client } from "@aws-sdk/client-s3"; new S3Client({ credentials: { accessKeyId: "A" } });`)).toEqual([]);
    expect(sitesOf(`const AWS = require("aws-sdk"); new AWS.S3({ accessKeyId: "A" }); AWS.config.loadFromPath("./config.json");`)).toEqual([]);
  });
});

describe("process.env credential writes", () => {
  it("recognises assignments and Object.assign(process.env, ...) by name", () => {
    const { analysis, find, text } = analyze(`
      process.env.AWS_ACCESS_KEY_ID = "A";
      process.env["AWS_SESSION_TOKEN"] = "T";
      process.env.AWS_REGION = "us-east-1";
      Object.assign(process.env, { AWS_SECRET_ACCESS_KEY: "S", OTHER: "x" });
    `);
    const first = find(`process.env.AWS_ACCESS_KEY_ID = "A"`) as TSESTree.AssignmentExpression;
    expect(credentialEnvName(first.left)).toBe("AWS_ACCESS_KEY_ID");
    expect(credentialEnvName((find(`process.env["AWS_SESSION_TOKEN"] = "T"`) as TSESTree.AssignmentExpression).left)).toBe("AWS_SESSION_TOKEN");
    expect(credentialEnvName((find(`process.env.AWS_REGION = "us-east-1"`) as TSESTree.AssignmentExpression).left)).toBeUndefined();
    const call = find(`Object.assign(process.env, { AWS_SECRET_ACCESS_KEY: "S", OTHER: "x" })`) as TSESTree.CallExpression;
    expect(credentialEnvObjectProperties(call).map((property) => text(property))).toEqual([`AWS_SECRET_ACCESS_KEY: "S"`]);
    const site = envCredentialSite(analysis, first);
    expect(site && { slot: site.slot, value: text(site.value), name: site.envName, remedy: site.remedy?.targets.map((target) => text(target)) }).toEqual({
      slot: "accessKeyId",
      value: `"A"`,
      name: "AWS_ACCESS_KEY_ID",
      remedy: [`process.env.AWS_ACCESS_KEY_ID = "A";`],
    });
  });
});

describe("hardcodedValues", () => {
  it("finds literals through variables, object members and same-file helpers", () => {
    expect(valuesOf(`const KEY = "k1"; use(KEY);`)).toEqual([{ at: `"k1"`, values: ["k1"], fallback: undefined }]);
    expect(valuesOf(`const config = { aws: { key: "k2" } }; use(config.aws.key);`)).toEqual([{ at: `"k2"`, values: ["k2"], fallback: undefined }]);
    expect(valuesOf(`function secret() { return "k3"; } use(secret());`)).toEqual([{ at: `"k3"`, values: ["k3"], fallback: undefined }]);
    expect(valuesOf(`const P = "AKIA"; use(P + "REST");`)).toEqual([{ at: `P + "REST"`, values: ["AKIAREST"], fallback: undefined }]);
  });

  it("marks fallbacks after a non-constant value", () => {
    expect(valuesOf(`use(process.env.AWS_SECRET_ACCESS_KEY || "s1");`)).toEqual([
      { at: `"s1"`, values: ["s1"], fallback: `process.env.AWS_SECRET_ACCESS_KEY || "s1"` },
    ]);
    expect(valuesOf(`const key = process.env.A ?? process.env.B ?? "s2"; use(key);`)).toEqual([
      { at: `"s2"`, values: ["s2"], fallback: `process.env.A ?? process.env.B ?? "s2"` },
    ]);
    expect(valuesOf(`use(flag ? "s3" : "s4");`).map((found) => [found.at, found.fallback])).toEqual([
      [`"s4"`, undefined],
      [`"s3"`, undefined],
    ]);
  });

  it("leaves out the environment, parameters, imports and unknown calls", () => {
    expect(valuesOf(`import { key } from "./secrets"; function f(p) { use(p, key); }`)).toEqual([]);
    expect(valuesOf(`use(process.env.AWS_ACCESS_KEY_ID);`)).toEqual([]);
    expect(valuesOf(`use(await getSecret("prod/dynamodb"));`)).toEqual([]);
    expect(valuesOf(`const { AWS_KEY } = process.env; use(AWS_KEY);`)).toEqual([]);
    expect(valuesOf(`use(\`\${process.env.PREFIX}-key\`);`)).toEqual([]);
  });

  it("terminates on cycles", () => {
    expect(valuesOf(`let a = b; let b = a; use(a);`)).toEqual([]);
  });
});
