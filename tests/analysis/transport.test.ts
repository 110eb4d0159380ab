import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  classifyHost,
  hostMatches,
  isWeakProtocolSetting,
  parseEndpointUrl,
  urlOfAlternative,
  weakCipherGroups,
} from "../../src/analysis/transport";
import { analyze } from "./helpers";

describe("transport: hosts", () => {
  it("classifies loopback, AWS, IP, dotted and single-label hosts", () => {
    const cases: Record<string, string> = {
      localhost: "loopback",
      "127.0.0.1": "loopback",
      "127.12.0.9": "loopback",
      "[::1]": "loopback",
      "0.0.0.0": "loopback",
      "host.docker.internal": "loopback",
      "docker.for.mac.host.internal": "loopback",
      "docker.for.win.localhost": "loopback",
      "docker.for.mac.example.com": "dotted",
      "localhost.localstack.cloud": "loopback",
      "dynamodb.us-east-1.localhost.localstack.cloud": "loopback",
      "dynamodb.us-east-1.amazonaws.com": "aws",
      "amazonaws.com": "aws",
      "dynamodb.cn-north-1.amazonaws.com.cn": "aws",
      "dynamodb.us-east-1.api.aws": "aws",
      "vpce-1a2b-3c4d.dynamodb.us-east-1.vpce.amazonaws.com": "aws",
      "localhost.evil.com": "dotted",
      "amazonaws.com.evil.io": "dotted",
      "evilamazonaws.com": "dotted",
      "dynamodb.internal.example.com": "dotted",
      "10.0.0.12": "ip",
      "128.0.0.1": "ip",
      "[fe80::1]": "ip",
      "dynamodb-local": "single-label",
      localstack: "single-label",
    };
    for (const [host, kind] of Object.entries(cases)) expect([host, classifyHost(host)]).toEqual([host, kind]);
  });

  it("parses endpoints with the WHATWG URL parser, so odd spellings of loopback are loopback", () => {
    expect(parseEndpointUrl("http://2130706433:8000")).toMatchObject({ hostname: "127.0.0.1", kind: "loopback", port: "8000" });
    expect(parseEndpointUrl("http://0x7f.1/")).toMatchObject({ hostname: "127.0.0.1", kind: "loopback" });
    expect(parseEndpointUrl("http://[::ffff:127.0.0.1]:8000")).toMatchObject({ kind: "loopback" });
    expect(parseEndpointUrl("http://LOCALHOST.:8000")).toMatchObject({ kind: "loopback" });
    expect(parseEndpointUrl("HTTP://DynamoDB.US-East-1.AmazonAWS.com:80")).toEqual({
      protocol: "http:",
      hostname: "dynamodb.us-east-1.amazonaws.com",
      port: "",
      kind: "aws",
    });
    expect(parseEndpointUrl("http://user:secret@localhost.evil.com")).toMatchObject({ hostname: "localhost.evil.com", kind: "dotted" });
    // A bare host[:port]: the SDK v2 adds the scheme (from sslEnabled).
    expect(parseEndpointUrl("dynamodb.us-east-1.amazonaws.com")).toEqual({ protocol: "", hostname: "dynamodb.us-east-1.amazonaws.com", port: "", kind: "aws" });
    expect(parseEndpointUrl("localhost:8000")).toEqual({ protocol: "", hostname: "localhost", port: "8000", kind: "loopback" });
    // Not URLs with a host.
    expect(parseEndpointUrl("")).toBeUndefined();
    expect(parseEndpointUrl("/dynamodb")).toBeUndefined();
    expect(parseEndpointUrl("mailto:a@b.c")).toBeUndefined();
    expect(parseEndpointUrl("http://")).toBeUndefined();
  });

  it("matches allowed hosts exactly or by *.suffix", () => {
    expect(hostMatches("ddb.dev.internal", ["ddb.dev.internal"])).toBe(true);
    expect(hostMatches("DDB.dev.internal.", ["ddb.dev.internal"])).toBe(true);
    expect(hostMatches("a.dev.internal", ["*.dev.internal"])).toBe(true);
    expect(hostMatches("dev.internal", ["*.dev.internal"])).toBe(false);
    expect(hostMatches("ddb.dev.internal.evil.io", ["ddb.dev.internal", "*.dev.internal"])).toBe(false);
  });
});

describe("transport: endpoint strings with dynamic parts", () => {
  function urlsOf(code: string) {
    const { analysis, used } = analyze(code);
    return analysis.values.resolveString(used()[0]).alternatives.map((alternative) => urlOfAlternative(alternative)?.hostname ?? null);
  }

  it("needs a constant scheme and host", () => {
    expect(urlsOf("function f(port) { use(`http://dynamodb.us-east-1.amazonaws.com:${port}`); }")).toEqual(["dynamodb.us-east-1.amazonaws.com"]);
    expect(urlsOf("function f(path) { use(`http://10.0.0.5/${path}`); }")).toEqual(["10.0.0.5"]);
    expect(urlsOf("function f(host) { use(`http://${host}:8000`); }")).toEqual([null]);
    // A dynamic part of the host, with a constant tail under an AWS domain: an AWS host whatever the part is.
    expect(urlsOf("function f(region) { use(`http://dynamodb.${region}.amazonaws.com`); }")).toEqual(["dynamodb.*.amazonaws.com"]);
    expect(urlsOf("function f(region) { use(`HTTP://DynamoDB.${region}.AmazonAWS.com.cn.:8000/x`); }")).toEqual(["dynamodb.*.amazonaws.com.cn."]);
    expect(urlsOf("function f(sub) { use(`http://${sub}.amazonaws.com.evil.io`); }")).toEqual([null]);
    expect(urlsOf("function f(sub) { use(`http://${sub}amazonaws.com`); }")).toEqual([null]);
    expect(urlsOf("function f(user, sub) { use(`http://${user}@${sub}.amazonaws.com`); }")).toEqual([null]);
    expect(urlsOf("function f(region, tld) { use(`http://dynamodb.${region}.amazonaws.${tld}`); }")).toEqual([null]);
    expect(urlsOf("function f(scheme) { use(`${scheme}://dynamodb.us-east-1.amazonaws.com`); }")).toEqual([null]);
    // `user:${password}@host`: the part after the colon was not a port.
    expect(urlsOf("function f(pw) { use(`http://admin:${pw}@db.example.com`); }")).toEqual([null]);
    expect(urlsOf(`const HOST = "localhost"; use(\`http://\${HOST}:8000\`);`)).toEqual(["localhost"]);
    expect(urlsOf(`use(process.env.ENDPOINT || "http://localhost:8000");`)).toEqual([null, "localhost"]);
  });
});

describe("transport: TLS settings", () => {
  it("parses OpenSSL cipher lists", () => {
    expect(weakCipherGroups("HIGH:!aNULL:!RC4")).toEqual([]);
    expect(weakCipherGroups("ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA")).toEqual([]);
    expect(weakCipherGroups("ALL")).toEqual(["aNULL", "EXPORT", "RC4", "DES"]);
    expect(weakCipherGroups("ALL:!aNULL:!EXPORT:!RC4:!DES")).toEqual([]);
    expect(weakCipherGroups("ALL:!ADH:!EXP:!LOW:!RC4")).toEqual([]);
    expect(weakCipherGroups("DEFAULT:RC4-SHA")).toEqual(["RC4"]);
    expect(weakCipherGroups("eNULL")).toEqual(["NULL"]);
    expect(weakCipherGroups("HIGH,NULL-SHA256")).toEqual(["NULL"]);
    expect(weakCipherGroups("EXP-RC4-MD5 DES-CBC-SHA")).toEqual(["EXPORT", "RC4", "DES"]);
    // `-` removes what is enabled so far; `!` removes for good; `+X` only reorders.
    expect(weakCipherGroups("RC4:-RC4")).toEqual([]);
    expect(weakCipherGroups("-RC4:RC4")).toEqual(["RC4"]);
    expect(weakCipherGroups("!RC4:RC4")).toEqual([]);
    expect(weakCipherGroups("HIGH:+RC4")).toEqual([]);
    // Intersections: enabled only when every part covers the group.
    expect(weakCipherGroups("ALL+RC4")).toEqual(["RC4"]);
    expect(weakCipherGroups("HIGH+RC4")).toEqual([]);
    expect(weakCipherGroups("@SECLEVEL=2:HIGH")).toEqual([]);
  });

  it("knows protocol settings below TLS 1.2", () => {
    expect(isWeakProtocolSetting("secureProtocol", "TLSv1_method")).toBe(true);
    expect(isWeakProtocolSetting("secureProtocol", "TLSv1_1_client_method")).toBe(true);
    expect(isWeakProtocolSetting("secureProtocol", "SSLv3_method")).toBe(true);
    expect(isWeakProtocolSetting("secureProtocol", "TLSv1_2_method")).toBe(false);
    expect(isWeakProtocolSetting("secureProtocol", "TLS_method")).toBe(false);
    expect(isWeakProtocolSetting("minVersion", "TLSv1.1")).toBe(true);
    expect(isWeakProtocolSetting("maxVersion", "TLSv1")).toBe(true);
    expect(isWeakProtocolSetting("minVersion", "TLSv1.2")).toBe(false);
    expect(isWeakProtocolSetting("ciphers", "TLSv1")).toBe(false);
  });
});

/** For each TLS options object reaching a client: the options' text, where it reaches the client, and the import. */
function tlsOptionsOf(code: string, filename?: string) {
  const { analysis } = analyze(code, filename ? { filename } : {});
  return analysis.transport.tlsOptions.map((tls) => ({
    options: tls.file.sourceCode.text.slice(tls.node.range[0], tls.node.range[1]),
    at: analysis.sourceCode.text.slice(tls.at.range[0], tls.at.range[1]).split(":")[0],
    ...(tls.source ? { source: tls.source } : {}),
  }));
}

describe("transport: TLS options that reach a DynamoDB client", () => {
  it("follows v3 request handlers: new NodeHttpHandler, NodeHttpHandler.create, plain objects, providers", () => {
    expect(
      tlsOptionsOf(`
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        import { NodeHttpHandler } from "@smithy/node-http-handler";
        import { Agent } from "node:https";
        const agent = new Agent({ keepAlive: true });
        new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: agent }) });
        new DynamoDBClient({ requestHandler: NodeHttpHandler.create({ httpsAgent: { maxSockets: 50 } }) });
        new DynamoDBClient({ requestHandler: { httpsAgent: { timeout: 1 } } });
        new DynamoDBClient({ requestHandler: new NodeHttpHandler(async () => ({ httpsAgent: { ca: "x" } })) });
      `),
    ).toEqual([
      { options: "new Agent({ keepAlive: true })", at: "requestHandler" },
      { options: "{ maxSockets: 50 }", at: "requestHandler" },
      { options: "{ timeout: 1 }", at: "requestHandler" },
      { options: `{ ca: "x" }`, at: "requestHandler" },
    ]);
  });

  it("tracks https and the handler packages however they are imported", () => {
    const found = tlsOptionsOf(`
      const https = require("https");
      const { NodeHttpHandler } = require("@aws-sdk/node-http-handler");
      import * as nodeHttps from "node:https";
      import { DynamoDB } from "@aws-sdk/client-dynamodb";
      const handler = new NodeHttpHandler({ httpsAgent: new https.Agent({ a: 1 }) });
      const config = { region: "eu-west-1", requestHandler: handler };
      new DynamoDB(config);
      new DynamoDB({ requestHandler: new NodeHttpHandler({ httpsAgent: new nodeHttps.Agent({ b: 2 }) }) });
    `);
    expect(found.map((item) => item.options)).toEqual(["new https.Agent({ a: 1 })", "new nodeHttps.Agent({ b: 2 })"]);
  });

  it("follows same-file helpers that build the agent or the handler", () => {
    expect(
      tlsOptionsOf(`
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        import { NodeHttpHandler } from "@smithy/node-http-handler";
        import https from "https";
        function createAgent() { return new https.Agent({ keepAlive: true }); }
        const makeHandler = () => new NodeHttpHandler({ httpsAgent: createAgent() });
        export const client = new DynamoDBClient({ requestHandler: makeHandler() });
      `),
    ).toEqual([{ options: "new https.Agent({ keepAlive: true })", at: "requestHandler" }]);
  });

  it("follows v2 httpOptions in service configs, the global config and its dynamodb section", () => {
    expect(
      tlsOptionsOf(`
        const AWS = require("aws-sdk");
        const https = require("https");
        new AWS.DynamoDB.DocumentClient({ httpOptions: { agent: new https.Agent({ one: 1 }) } });
        AWS.config.update({ httpOptions: { agent: new https.Agent({ two: 2 }) } });
        AWS.config.update({ dynamodb: { httpOptions: { agent: new https.Agent({ three: 3 }) } } });
        AWS.config.httpOptions.agent = new https.Agent({ four: 4 });
        new AWS.Config({ httpOptions: { agent: new https.Agent({ five: 5 }) } });
      `),
    ).toEqual([
      { options: "new https.Agent({ one: 1 })", at: "httpOptions" },
      { options: "new https.Agent({ two: 2 })", at: "httpOptions" },
      { options: "new https.Agent({ three: 3 })", at: "httpOptions" },
      { options: "new https.Agent({ five: 5 })", at: "httpOptions" },
      { options: "new https.Agent({ four: 4 })", at: "AWS.config.httpOptions.agent = new https.Agent({ four" },
    ]);
  });

  it("leaves out look-alikes: other agents, v2 plain objects, agents that reach no client", () => {
    expect(
      tlsOptionsOf(`
        import { Agent as UndiciAgent } from "undici";
        import http from "http";
        import https from "https";
        import AWS from "aws-sdk";
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        import { S3Client } from "@aws-sdk/client-s3";
        new DynamoDBClient({ requestHandler: { httpsAgent: new UndiciAgent({ connect: {} }), httpAgent: new http.Agent({}) } });
        new AWS.DynamoDB({ httpOptions: { agent: { rejectUnauthorized: false } } });
        new AWS.S3({ httpOptions: { agent: new https.Agent({}) } });
        new S3Client({ requestHandler: { httpsAgent: new https.Agent({}) } });
        export const unused = new https.Agent({ rejectUnauthorized: false });
      `),
    ).toEqual([]);
  });
});

describe("transport: modules imported from the linted file", () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(path.join(tmpdir(), "dynamodb-security-transport-"));
    mkdirSync(path.join(project, "src"));
    writeFileSync(
      path.join(project, "src/http.ts"),
      [
        `import { Agent } from "node:https";`,
        `import { NodeHttpHandler } from "@smithy/node-http-handler";`,
        `export const agent = new Agent({ keepAlive: true });`,
        `export const handler = new NodeHttpHandler({ httpsAgent: { maxSockets: 10 } });`,
        `export const httpOptions = { agent: new Agent({ v2: true }) };`,
      ].join("\n"),
    );
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("resolves agents, handlers and v2 httpOptions defined in a sibling module, and says where they reach the client", () => {
    expect(
      tlsOptionsOf(
        `
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        import { NodeHttpHandler } from "@smithy/node-http-handler";
        import AWS from "aws-sdk";
        import { agent, handler, httpOptions } from "./http";
        new DynamoDBClient({ requestHandler: handler });
        new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: agent }) });
        new AWS.DynamoDB({ httpOptions });
      `,
        path.join(project, "src/db.ts"),
      ),
    ).toEqual([
      { options: "{ maxSockets: 10 }", at: "requestHandler", source: "./http" },
      { options: "new Agent({ keepAlive: true })", at: "requestHandler", source: "./http" },
      { options: "new Agent({ v2: true })", at: "httpOptions", source: "./http" },
    ]);
  });
});

describe("transport: endpoints", () => {
  function endpointsOf(code: string) {
    const { analysis } = analyze(code);
    return analysis.clientConfigs.map((config) => {
      const endpoint = analysis.transport.endpointOf(config);
      if (!endpoint) return "default";
      return endpoint.alternatives.map((alternative) => (alternative.absent ? "absent" : alternative.url ? `${alternative.url.protocol}//${alternative.url.hostname}` : "unknown"));
    });
  }

  it("judges each alternative of v3 strings, URLs and endpoint objects", () => {
    expect(
      endpointsOf(`
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        const isLocal = process.env.STAGE === "local";
        new DynamoDBClient({});
        new DynamoDBClient({ endpoint: isLocal ? "http://localhost:8000" : undefined });
        new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT });
        new DynamoDBClient({ endpoint: isLocal && "http://localhost:8000" });
        new DynamoDBClient({ endpoint: { url: new URL("http://10.1.2.3:8000") } });
        new DynamoDBClient({ endpoint: { protocol: "http:", hostname: "dynamodb.eu-west-1.amazonaws.com", path: "/" } });
        new DynamoDBClient({ ...shared });
      `),
    ).toEqual([
      "default",
      ["http://localhost", "absent"],
      ["unknown"],
      ["absent", "http://localhost"],
      ["http://10.1.2.3"],
      ["http://dynamodb.eu-west-1.amazonaws.com"],
      ["unknown"],
    ]);
  });

  it("reads v2 endpoint strings, AWS.Endpoint, the global config and its dynamodb section", () => {
    expect(
      endpointsOf(`
        import AWS from "aws-sdk";
        new AWS.DynamoDB({ endpoint: new AWS.Endpoint("http://dynamodb.us-west-2.amazonaws.com") });
        AWS.config.update({ dynamodb: { endpoint: "https://vpce-1.dynamodb.us-east-1.vpce.amazonaws.com" } });
        AWS.config.sslEnabled = false;
      `),
    ).toEqual([["http://dynamodb.us-west-2.amazonaws.com"], ["https://vpce-1.dynamodb.us-east-1.vpce.amazonaws.com"], ["https://vpce-1.dynamodb.us-east-1.vpce.amazonaws.com"]]);
  });
});
