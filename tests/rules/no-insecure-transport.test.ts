import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RunTests } from "@typescript-eslint/rule-tester";
import { runRuleTests } from "../rule-tester";
import typescriptParser from "@typescript-eslint/parser";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import rule from "../../rules/no-insecure-transport";

const script = { parserOptions: { sourceType: "script" } } as const;

// A small project on disk for the cases where the agent or handler is imported from a sibling module.
const project = mkdtempSync(path.join(tmpdir(), "no-insecure-transport-"));
mkdirSync(path.join(project, "src/lib"), { recursive: true });
writeFileSync(
  path.join(project, "src/lib/http.ts"),
  `import { Agent } from "node:https";
import { NodeHttpHandler } from "@smithy/node-http-handler";

// Corporate proxy re-signs TLS; someone turned verification off instead of adding the proxy CA.
export const insecureAgent = new Agent({ keepAlive: true, rejectUnauthorized: false });
export const insecureHandler = new NodeHttpHandler({ httpsAgent: insecureAgent });
export const keepAliveAgent = new Agent({ keepAlive: true, maxSockets: 50 });
export const pinnedHandler = new NodeHttpHandler({ httpsAgent: { checkServerIdentity: () => undefined } });
`,
);
writeFileSync(path.join(project, "src/lib/legacy.js"), `const https = require("https");\nmodule.exports = { agent: new https.Agent({ rejectUnauthorized: false }) };\n`);
afterAll(() => rmSync(project, { recursive: true, force: true }));
const inProject = (file: string) => path.join(project, file);

type Cases = RunTests<MessageIds, Options>;
type MessageIds = typeof rule extends RuleModule<infer M, infer _O> ? M : never;
type Options = typeof rule extends RuleModule<infer _M, infer O> ? O : never;

/** A class and a factory that configure the options object they are given, then build the client with it. */
const PARAMETER_CONFIG = `const AWS = require("aws-sdk");
const https = require("https");
class Connection {
  constructor(options) {
    options.httpOptions = { agent: this.agent() };
    this.doc = new AWS.DynamoDB.DocumentClient(options);
  }
  agent() { return new https.Agent({ rejectUnauthorized: false }); }
}
function connect(options) {
  options.endpoint = "http://dynamodb.us-east-1.amazonaws.com";
  return new AWS.DynamoDB.DocumentClient(options);
}
module.exports = { Connection, connect };`;

/** The text with the one occurrence of `from` replaced. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const cases: Cases = {
  valid: [
    // Dynamoose's re-export of the SDK client, on DynamoDB Local.
    `import dynamoose from "dynamoose";
dynamoose.aws.ddb.set(new dynamoose.aws.ddb.DynamoDB({ region: "local", endpoint: "http://localhost:8000" }));`,
    // The default: regional HTTPS endpoint, verification on.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({ region: process.env.AWS_REGION, maxAttempts: 3 });`,
    // DynamoDB Local and other loopback endpoints over http, also with tls: false.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
export const local = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: "http://localhost:8000", tls: false, region: "local" }));
new DynamoDBClient({ endpoint: "http://127.0.0.1:8000" });
new DynamoDBClient({ endpoint: "http://127.1.2.3:8000" });
new DynamoDBClient({ endpoint: "http://[::1]:8000", tls: false });
new DynamoDBClient({ endpoint: "http://0.0.0.0:8000" });
new DynamoDBClient({ endpoint: "http://host.docker.internal:8000" });
new DynamoDBClient({ endpoint: "http://docker.for.mac.host.internal:8000" });
new DynamoDBClient({ endpoint: "http://localhost.localstack.cloud:4566" });
new DynamoDBClient({ endpoint: "http://2130706433:8000" });`,
    // Judged branch by branch: local over http, otherwise the default endpoint.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const isOffline = process.env.IS_OFFLINE === "true";
export const db = new DynamoDBClient({
  region: "us-east-1",
  endpoint: isOffline ? "http://localhost:8000" : undefined,
});`,
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const LOCAL_ENDPOINT = "http://localhost:8000";
export const db = new DynamoDBClient({ ...(process.env.STAGE === "dev" && { endpoint: LOCAL_ENDPOINT, tls: false }) });`,
    // https endpoints: FIPS, VPC interface endpoints, dual-stack.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
new DynamoDBClient({ endpoint: "https://dynamodb-fips.us-east-1.amazonaws.com" });
new DynamoDBClient({ endpoint: "https://vpce-0a1b2c3d-4e5f.dynamodb.us-east-1.vpce.amazonaws.com" });
new DynamoDBClient({ endpoint: { url: new URL("https://dynamodb.us-east-1.api.aws") } });`,
    // Scheme or host not statically known.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export function clientFor(host: string) {
  return new DynamoDBClient({ endpoint: \`http://\${host}:8000\` });
}
new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, tls: false });
new DynamoDBClient({ endpoint: \`http://dynamodb.\${process.env.AWS_REGION}.amazonaws.com.\${process.env.TLD}\` });
new DynamoDBClient({ endpoint: \`http://\${process.env.PREFIX}amazonaws.com\` });
new DynamoDBClient({ endpoint: \`https://dynamodb.\${process.env.AWS_REGION}.amazonaws.com\` });
new DynamoDBClient({ endpoint: \`http://dynamodb.\${process.env.AWS_REGION}.localhost.localstack.cloud:4566\` });`,
    // A bare host: the v2 SDK adds https:// unless sslEnabled is false; with DynamoDB Local that is fine.
    `import AWS from "aws-sdk";
new AWS.DynamoDB({ endpoint: "dynamodb.us-east-1.amazonaws.com" });
export const documentClient = new AWS.DynamoDB.DocumentClient({ endpoint: "localhost:8000", sslEnabled: false, region: "local-env" });`,
    // Single-label hosts (containers) are allowed unless allowSingleLabelHosts is false.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
new DynamoDBClient({ endpoint: "http://dynamodb-local:8000", tls: false });`,
    // A parameter the function configures before building the client: its own writes are judged (loopback here);
    // sslEnabled: false is not reported, since the caller's object may name a local endpoint.
    {
      code: `const AWS = require("aws-sdk");
function connectLocal(options) {
  options.endpoint = "http://localhost:8000";
  options.httpOptions = { agent: new (require("https").Agent)({ keepAlive: true }) };
  return new AWS.DynamoDB.DocumentClient(options);
}
function connectPlain(options) {
  options.sslEnabled = false;
  return new AWS.DynamoDB(options);
}
module.exports = { connectLocal, connectPlain };`,
      languageOptions: script,
      filename: "connect.js",
    },
    // A conditional config, branch by branch: the default endpoint in one, loopback or a container in the other.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
const config = process.env.NODE_ENV === "production" ? { region: "eu-west-1" } : { region: "local", endpoint: "http://localhost:8000", tls: false };
export const local = new DynamoDBClient(config);
export const doc = DynamoDBDocumentClient.from(new DynamoDBClient(process.env.CI ? { region: "eu-west-1" } : { endpoint: "http://dynamodb-local:8000" }));`,
    // allowedHttpHosts
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
new DynamoDBClient({ endpoint: "http://ddb.dev.internal:8000", tls: false });
new DynamoDBClient({ endpoint: "http://ddb-1.sandbox.example.net:8000" });`,
      options: [{ allowedHttpHosts: ["ddb.dev.internal", "*.sandbox.example.net"] }],
    },
    // tls: false next to an https endpoint changes nothing.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
new DynamoDBClient({ endpoint: "https://dynamodb.eu-west-1.amazonaws.com", tls: false });`,
    // Verification on, agents that only tune sockets, a CA bundle.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "node:https";
import { readFileSync } from "node:fs";
const agent = new Agent({ keepAlive: true, maxSockets: 50, rejectUnauthorized: true, ca: readFileSync("corp-ca.pem") });
export const client = new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: agent, connectionTimeout: 1000 }) });`,
    // A condition decides: not statically false.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import https from "https";
const agent = new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === "production" });
new DynamoDBClient({ requestHandler: { httpsAgent: agent } });
new DynamoDBClient({ requestHandler: { httpsAgent: { rejectUnauthorized: process.env.STRICT_TLS !== "0" } } });`,
    // checkServerIdentity that checks: delegates, throws, or calls a pinning helper.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import https from "node:https";
import tls from "node:tls";
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({
  checkServerIdentity: (host, cert) => {
    const error = tls.checkServerIdentity(host, cert);
    if (error) return error;
    if (cert.fingerprint256 !== PINNED) return new Error("certificate is not pinned");
    return undefined;
  },
}) }) });
new DynamoDBClient({ requestHandler: { httpsAgent: { checkServerIdentity(host, cert) { if (!cert.subject) throw new Error("no subject"); } } } });
new DynamoDBClient({ requestHandler: { httpsAgent: { checkServerIdentity: (host, cert) => { assertPinned(cert); } } } });`,
    // Agents that reach no DynamoDB client, and other services' clients.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import https from "node:https";
import axios from "axios";
const insecure = new https.Agent({ rejectUnauthorized: false });
export const legacyApi = axios.create({ baseURL: "https://legacy.internal", httpsAgent: insecure });
export const s3 = new S3Client({ requestHandler: { httpsAgent: insecure }, endpoint: "http://minio.example.com:9000" });
export const db = new DynamoDBClient({});`,
    // v2 plain objects are not agents; other services; other libraries' tls/sslEnabled.
    `const AWS = require("aws-sdk");
const redis = require("redis");
new AWS.S3({ sslEnabled: false, endpoint: "http://minio.example.com:9000" });
const cache = redis.createClient({ socket: { tls: false, host: "cache.example.com" } });
const db = new AWS.DynamoDB.DocumentClient({ region: "eu-west-1" });`,
    // v2 DynamoDB Local
    {
      code: `const AWS = require("aws-sdk");
const dynamo = new AWS.DynamoDB({ endpoint: new AWS.Endpoint("http://localhost:8000"), sslEnabled: false, region: "local" });
AWS.config.update({ region: "local", endpoint: "http://localhost:8000" });
AWS.config.sslEnabled = false;`,
      languageOptions: script,
      filename: "local.js",
    },
    // A LocalStack script: the global switch-off only meets clients with loopback endpoints of their own.
    {
      code: `const AWS = require("aws-sdk");
AWS.config.update({ region: "us-east-1", sslEnabled: false });
const dynamodb = new AWS.DynamoDB({ endpoint: "http://localhost:4566" });
const documentClient = new AWS.DynamoDB.DocumentClient({ endpoint: new AWS.Endpoint("http://127.0.0.1:4566") });`,
      languageOptions: script,
      filename: "scripts/seed-localstack.js",
    },
    // Weak protocol settings are strict-only.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
new DynamoDBClient({ requestHandler: { httpsAgent: { minVersion: "TLSv1", ciphers: "ALL" } } });`,
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
new DynamoDBClient({ requestHandler: { httpsAgent: { minVersion: "TLSv1.2", ciphers: "HIGH:!aNULL:!MD5:!RC4", secureProtocol: "TLS_method" } } });`,
      options: [{ reportWeakProtocols: true, allowSingleLabelHosts: false }],
    },
    // NODE_TLS_REJECT_UNAUTHORIZED: only "0" turns verification off; reading it or setting it to "1" is fine.
    `process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
process.env.NODE_TLS_REJECT_UNAUTHORIZED = false; // the string "false" does not turn verification off
if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0") console.warn("TLS verification is off");
delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
process.env.OTHER = "0";`,
    `function configure(process) { process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"; }`,
    // Imported agents whose origin cannot be resolved: packages, missing modules, factories.
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { agent } from "@acme/http";
import { handler } from "./missing";
import { keepAliveAgent } from "./lib/http";
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: agent }) });
new DynamoDBClient({ requestHandler: handler });
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: keepAliveAgent }) });`,
      filename: inProject("src/db.ts"),
    },
    // Never crash on odd but valid code.
    `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import https from "https";
declare const args: any[], getConfig: () => any, key: string;
new DynamoDBClient(...args);
new DynamoDBClient(getConfig());
new DynamoDBClient({ endpoint: 42 as any, tls: undefined, requestHandler: null as any });
new DynamoDBClient({ [key]: false, endpoint: "http://", requestHandler: new NodeHttpHandler() });
new DynamoDBClient({ requestHandler: NodeHttpHandler.create(), endpoint: () => "http://dynamodb.us-east-1.amazonaws.com" });
let a: any = b; let b: any = a;
new DynamoDBClient({ requestHandler: { httpsAgent: a }, endpoint: a });
new DynamoDBClient({ requestHandler: { httpsAgent: new https.Agent() } });
new DynamoDBClient({ endpoint: ${"(".repeat(400)}"http://localhost:8000"${")".repeat(400)} });
new DynamoDBClient({ endpoint: ${Array.from({ length: 300 }, (_, i) => `x${i} ? "http://localhost:${i}" : `).join("")}undefined });`,
  ],
  invalid: [
    // Dynamoose re-exports SDK v3's aggregated client (CommonJS and a default import).
    {
      code: `const dynamoose = require("dynamoose");
const ddb = new dynamoose.aws.ddb.DynamoDB({ region: "us-east-1", endpoint: "http://192.168.1.20:8000" });
dynamoose.aws.ddb.set(ddb);`,
      languageOptions: script,
      errors: [{ messageId: "httpEndpointRemote", line: 2 }],
    },
    {
      code: `import dynamoose from "dynamoose";
dynamoose.aws.ddb.set(new dynamoose.aws.ddb.DynamoDB({ region: "us-east-1", endpoint: "http://dynamodb.us-east-1.amazonaws.com" }));`,
      errors: [
        {
          messageId: "httpEndpointAws",
          line: 2,
          suggestions: [{ messageId: "useHttps", output: `import dynamoose from "dynamoose";
dynamoose.aws.ddb.set(new dynamoose.aws.ddb.DynamoDB({ region: "us-east-1", endpoint: "https://dynamodb.us-east-1.amazonaws.com" }));` }],
        },
      ],
    },
    // ---------------------------------------------------------------- rejectUnauthorized
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "node:https";

const client = new DynamoDBClient({
  region: "eu-central-1",
  requestHandler: new NodeHttpHandler({
    httpsAgent: new Agent({
      keepAlive: true,
      rejectUnauthorized: false, // the proxy re-signs certificates
    }),
  }),
});
export const docClient = DynamoDBDocumentClient.from(client);`,
      errors: [
        {
          messageId: "rejectUnauthorized",
          line: 11,
          column: 7,
          suggestions: [
            {
              messageId: "removeOption",
              data: { name: "rejectUnauthorized" },
              output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "node:https";

const client = new DynamoDBClient({
  region: "eu-central-1",
  requestHandler: new NodeHttpHandler({
    httpsAgent: new Agent({
      keepAlive: true,
      // the proxy re-signs certificates
    }),
  }),
});
export const docClient = DynamoDBDocumentClient.from(client);`,
            },
          ],
        },
      ],
    },
    // Variables for the options, the agent and the handler; spreads; NodeHttpHandler.create; @aws-sdk/node-http-handler.
    {
      code: `import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@aws-sdk/node-http-handler";
import * as https from "https";

const tlsOptions = { rejectUnauthorized: false };
const agentOptions = { ...tlsOptions, keepAlive: true };
const httpsAgent = new https.Agent(agentOptions);
const requestHandler = NodeHttpHandler.create({ httpsAgent });
export const dynamodb = new DynamoDB({ requestHandler });`,
      errors: [
        {
          messageId: "rejectUnauthorized",
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: "removeOption",
              output: `import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@aws-sdk/node-http-handler";
import * as https from "https";

const tlsOptions = {};
const agentOptions = { ...tlsOptions, keepAlive: true };
const httpsAgent = new https.Agent(agentOptions);
const requestHandler = NodeHttpHandler.create({ httpsAgent });
export const dynamodb = new DynamoDB({ requestHandler });`,
            },
          ],
        },
      ],
    },
    // A plain options object where the SDK accepts one; the document client's aggregated style; one report for two clients.
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocument } from "@aws-sdk/lib-dynamodb";

const requestHandler = { requestTimeout: 3000, httpsAgent: { rejectUnauthorized: false, maxSockets: 25 } };
export const reads = DynamoDBDocument.from(new DynamoDBClient({ requestHandler }));
export const writes = DynamoDBDocument.from(new DynamoDBClient({ requestHandler, maxAttempts: 5 }));`,
      errors: [
        {
          messageId: "rejectUnauthorized",
          line: 4,
          column: 62,
          suggestions: [
            {
              messageId: "removeOption",
              output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocument } from "@aws-sdk/lib-dynamodb";

const requestHandler = { requestTimeout: 3000, httpsAgent: { maxSockets: 25 } };
export const reads = DynamoDBDocument.from(new DynamoDBClient({ requestHandler }));
export const writes = DynamoDBDocument.from(new DynamoDBClient({ requestHandler, maxAttempts: 5 }));`,
            },
          ],
        },
      ],
    },
    // A same-file factory, in a NestJS-style provider class.
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "https";

function createHttpsAgent(): Agent {
  return new Agent({ keepAlive: true, rejectUnauthorized: !1 });
}

export class DynamoProvider {
  readonly client = new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: createHttpsAgent() }) });
}`,
      errors: [
        {
          messageId: "rejectUnauthorized",
          line: 6,
          column: 39,
          suggestions: [
            {
              messageId: "removeOption",
              output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "https";

function createHttpsAgent(): Agent {
  return new Agent({ keepAlive: true });
}

export class DynamoProvider {
  readonly client = new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: createHttpsAgent() }) });
}`,
            },
          ],
        },
      ],
    },
    // SDK v2, CommonJS: global config and a service config.
    {
      code: `const AWS = require("aws-sdk");
const https = require("https");

AWS.config.update({
  region: "us-east-1",
  httpOptions: { agent: new https.Agent({ rejectUnauthorized: false }) },
});

module.exports = new AWS.DynamoDB.DocumentClient();`,
      languageOptions: script,
      filename: "db.js",
      errors: [
        {
          messageId: "rejectUnauthorized",
          line: 6,
          column: 43,
          suggestions: [
            {
              messageId: "removeOption",
              output: `const AWS = require("aws-sdk");
const https = require("https");

AWS.config.update({
  region: "us-east-1",
  httpOptions: { agent: new https.Agent({}) },
});

module.exports = new AWS.DynamoDB.DocumentClient();`,
            },
          ],
        },
      ],
    },
    {
      code: `import AWS from "aws-sdk";
import { Agent } from "node:https";
const agent = new Agent({ keepAlive: true });
AWS.config.httpOptions.agent = new Agent({ rejectUnauthorized: false });
export const ddb = new AWS.DynamoDB({ httpOptions: { agent, timeout: 5000 } });`,
      errors: [{ messageId: "rejectUnauthorized", line: 4, column: 44, suggestions: [{ messageId: "removeOption", output: `import AWS from "aws-sdk";
import { Agent } from "node:https";
const agent = new Agent({ keepAlive: true });
AWS.config.httpOptions.agent = new Agent({});
export const ddb = new AWS.DynamoDB({ httpOptions: { agent, timeout: 5000 } });` }] }],
    },
    // Set by a later assignment: the suggestion removes the statement.
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import https from "node:https";
const agentOptions: https.AgentOptions = { keepAlive: true };
agentOptions.rejectUnauthorized = false;
export const client = new DynamoDBClient({ requestHandler: { httpsAgent: new https.Agent(agentOptions) } });`,
      errors: [{ messageId: "rejectUnauthorized", line: 4, column: 1, suggestions: [{ messageId: "removeOption", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import https from "node:https";
const agentOptions: https.AgentOptions = { keepAlive: true };
export const client = new DynamoDBClient({ requestHandler: { httpsAgent: new https.Agent(agentOptions) } });` }] }],
    },
    // ---------------------------------------------------------------- checkServerIdentity
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "node:https";
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ checkServerIdentity: () => undefined }) }) });
new DynamoDBClient({
  requestHandler: {
    httpsAgent: {
      checkServerIdentity(host, cert) {
        console.debug("skipping hostname check for", host);
        return null;
      },
      keepAlive: true,
    },
  },
});
function acceptAll() {}
new DynamoDBClient({ requestHandler: { httpsAgent: { keepAlive: true, checkServerIdentity: acceptAll } } });`,
      errors: [
        {
          messageId: "checkServerIdentity",
          line: 4,
          column: 84,
          suggestions: [
            {
              messageId: "removeOption",
              data: { name: "checkServerIdentity" },
              output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "node:https";
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({}) }) });
new DynamoDBClient({
  requestHandler: {
    httpsAgent: {
      checkServerIdentity(host, cert) {
        console.debug("skipping hostname check for", host);
        return null;
      },
      keepAlive: true,
    },
  },
});
function acceptAll() {}
new DynamoDBClient({ requestHandler: { httpsAgent: { keepAlive: true, checkServerIdentity: acceptAll } } });`,
            },
          ],
        },
        {
          messageId: "checkServerIdentity",
          line: 8,
          column: 7,
          suggestions: [
            {
              messageId: "removeOption",
              output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "node:https";
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ checkServerIdentity: () => undefined }) }) });
new DynamoDBClient({
  requestHandler: {
    httpsAgent: {
      keepAlive: true,
    },
  },
});
function acceptAll() {}
new DynamoDBClient({ requestHandler: { httpsAgent: { keepAlive: true, checkServerIdentity: acceptAll } } });`,
            },
          ],
        },
        {
          messageId: "checkServerIdentity",
          line: 17,
          column: 71,
          suggestions: [
            {
              messageId: "removeOption",
              output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "node:https";
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ checkServerIdentity: () => undefined }) }) });
new DynamoDBClient({
  requestHandler: {
    httpsAgent: {
      checkServerIdentity(host, cert) {
        console.debug("skipping hostname check for", host);
        return null;
      },
      keepAlive: true,
    },
  },
});
function acceptAll() {}
new DynamoDBClient({ requestHandler: { httpsAgent: { keepAlive: true } } });`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- imported agents and handlers
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { insecureAgent, insecureHandler, pinnedHandler } from "./lib/http.js";

export const a = new DynamoDBClient({ requestHandler: insecureHandler });
export const b = new DynamoDBClient({ requestHandler: new NodeHttpHandler({ httpsAgent: insecureAgent }) });
export const c = new DynamoDBClient({ requestHandler: pinnedHandler });`,
      filename: inProject("src/db.ts"),
      errors: [
        { messageId: "importedTransport", line: 5, column: 39, data: { source: "./lib/http.js", problem: "turn off certificate verification (`rejectUnauthorized: false`)" }, suggestions: [] },
        { messageId: "importedTransport", line: 6, column: 39, suggestions: [] },
        {
          messageId: "importedTransport",
          line: 7,
          column: 39,
          data: { source: "./lib/http.js", problem: "accept a certificate for any host name (a `checkServerIdentity` that returns nothing)" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const AWS = require("aws-sdk");
const { agent } = require("./lib/legacy");
module.exports = new AWS.DynamoDB({ httpOptions: { agent } });`,
      languageOptions: script,
      filename: inProject("src/db.js"),
      errors: [{ messageId: "importedTransport", line: 3, column: 37, suggestions: [] }],
    },
    // ---------------------------------------------------------------- tls: false, sslEnabled: false
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({ region: "us-east-1", tls: false });`,
      errors: [
        {
          messageId: "tlsDisabled",
          line: 2,
          column: 65,
          suggestions: [
            { messageId: "removeOption", data: { name: "tls" }, output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({ region: "us-east-1" });` },
          ],
        },
      ],
    },
    // The endpoint is conditional, tls: false is not: off for the default endpoint too.
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const isLocal = process.env.STAGE === "local";
export const client = new DynamoDBClient({
  endpoint: isLocal ? "http://localhost:8000" : undefined,
  tls: false,
});`,
      errors: [{ messageId: "tlsDisabled", line: 5, column: 3, suggestions: [{ messageId: "removeOption", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const isLocal = process.env.STAGE === "local";
export const client = new DynamoDBClient({
  endpoint: isLocal ? "http://localhost:8000" : undefined,
});` }] }],
    },
    {
      code: `const AWS = require("aws-sdk");
const dynamo = new AWS.DynamoDB({ apiVersion: "2012-08-10", sslEnabled: false });
AWS.config.sslEnabled = false;
AWS.config.update({ dynamodb: { sslEnabled: false } });`,
      languageOptions: script,
      filename: "legacy.js",
      errors: [
        { messageId: "sslDisabled", line: 2, column: 61, suggestions: [{ messageId: "removeOption", data: { name: "sslEnabled" }, output: `const AWS = require("aws-sdk");
const dynamo = new AWS.DynamoDB({ apiVersion: "2012-08-10" });
AWS.config.sslEnabled = false;
AWS.config.update({ dynamodb: { sslEnabled: false } });` }] },
        { messageId: "sslDisabled", line: 3, column: 1, suggestions: [{ messageId: "removeOption", output: `const AWS = require("aws-sdk");
const dynamo = new AWS.DynamoDB({ apiVersion: "2012-08-10", sslEnabled: false });
AWS.config.update({ dynamodb: { sslEnabled: false } });` }] },
        { messageId: "sslDisabled", line: 4, column: 33, suggestions: [{ messageId: "removeOption", output: `const AWS = require("aws-sdk");
const dynamo = new AWS.DynamoDB({ apiVersion: "2012-08-10", sslEnabled: false });
AWS.config.sslEnabled = false;
AWS.config.update({ dynamodb: {} });` }] },
      ],
    },
    // ---------------------------------------------------------------- http:// endpoints
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({ endpoint: "http://dynamodb.us-east-1.amazonaws.com:80/" });`,
      errors: [
        {
          messageId: "httpEndpointAws",
          data: { host: "dynamodb.us-east-1.amazonaws.com" },
          line: 2,
          column: 44,
          suggestions: [{ messageId: "useHttps", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({ endpoint: "https://dynamodb.us-east-1.amazonaws.com/" });` }],
        },
      ],
    },
    // Through a constant; China and dual-stack hosts; AWS.Endpoint.
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import AWS from "aws-sdk";
const DYNAMODB_ENDPOINT = \`http://dynamodb.cn-north-1.amazonaws.com.cn\`;
new DynamoDBClient({ region: "cn-north-1", endpoint: DYNAMODB_ENDPOINT });
new DynamoDBClient({ endpoint: "http://dynamodb.us-east-1.api.aws" });
new AWS.DynamoDB({ endpoint: new AWS.Endpoint("HTTP://DYNAMODB.US-WEST-2.AMAZONAWS.COM") });`,
      errors: [
        { messageId: "httpEndpointAws", line: 4, column: 44, suggestions: [{ messageId: "useHttps", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import AWS from "aws-sdk";
const DYNAMODB_ENDPOINT = \`https://dynamodb.cn-north-1.amazonaws.com.cn\`;
new DynamoDBClient({ region: "cn-north-1", endpoint: DYNAMODB_ENDPOINT });
new DynamoDBClient({ endpoint: "http://dynamodb.us-east-1.api.aws" });
new AWS.DynamoDB({ endpoint: new AWS.Endpoint("HTTP://DYNAMODB.US-WEST-2.AMAZONAWS.COM") });` }] },
        { messageId: "httpEndpointAws", line: 5, column: 22, suggestions: [{ messageId: "useHttps", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import AWS from "aws-sdk";
const DYNAMODB_ENDPOINT = \`http://dynamodb.cn-north-1.amazonaws.com.cn\`;
new DynamoDBClient({ region: "cn-north-1", endpoint: DYNAMODB_ENDPOINT });
new DynamoDBClient({ endpoint: "https://dynamodb.us-east-1.api.aws" });
new AWS.DynamoDB({ endpoint: new AWS.Endpoint("HTTP://DYNAMODB.US-WEST-2.AMAZONAWS.COM") });` }] },
        { messageId: "httpEndpointAws", line: 6, column: 20, data: { host: "dynamodb.us-west-2.amazonaws.com" }, suggestions: [{ messageId: "useHttps", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import AWS from "aws-sdk";
const DYNAMODB_ENDPOINT = \`http://dynamodb.cn-north-1.amazonaws.com.cn\`;
new DynamoDBClient({ region: "cn-north-1", endpoint: DYNAMODB_ENDPOINT });
new DynamoDBClient({ endpoint: "http://dynamodb.us-east-1.api.aws" });
new AWS.DynamoDB({ endpoint: new AWS.Endpoint("https://DYNAMODB.US-WEST-2.AMAZONAWS.COM") });` }] },
      ],
    },
    // A region that is not a constant: the constant tail still makes it an AWS host (template or concatenation).
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const REGION = process.env.AWS_REGION ?? "us-east-1";
export const client = new DynamoDBClient({ endpoint: \`http://dynamodb.\${REGION}.amazonaws.com\` });
export const make = (region: string) => new DynamoDBClient({ region, endpoint: "http://dynamodb." + region + ".amazonaws.com.cn" });`,
      errors: [
        { messageId: "httpEndpointAws", data: { host: "dynamodb.*.amazonaws.com" }, line: 3, column: 44, suggestions: [{ messageId: "useHttps", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const REGION = process.env.AWS_REGION ?? "us-east-1";
export const client = new DynamoDBClient({ endpoint: \`https://dynamodb.\${REGION}.amazonaws.com\` });
export const make = (region: string) => new DynamoDBClient({ region, endpoint: "http://dynamodb." + region + ".amazonaws.com.cn" });` }] },
        { messageId: "httpEndpointAws", data: { host: "dynamodb.*.amazonaws.com.cn" }, line: 4, column: 70, suggestions: [{ messageId: "useHttps", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const REGION = process.env.AWS_REGION ?? "us-east-1";
export const client = new DynamoDBClient({ endpoint: \`http://dynamodb.\${REGION}.amazonaws.com\` });
export const make = (region: string) => new DynamoDBClient({ region, endpoint: "https://dynamodb." + region + ".amazonaws.com.cn" });` }] },
      ],
    },
    {
      // Every value the region can take gives an AWS host over http: the one edit of the scheme fixes them all.
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const REGION = process.env.STAGE === "prod" ? "eu-west-1" : "us-east-1";
export const client = new DynamoDBClient({ endpoint: \`http://dynamodb.\${REGION}.amazonaws.com\` });`,
      errors: [{ messageId: "httpEndpointAws", data: { host: "dynamodb.eu-west-1.amazonaws.com" }, line: 3, column: 44, suggestions: [{ messageId: "useHttps", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const REGION = process.env.STAGE === "prod" ? "eu-west-1" : "us-east-1";
export const client = new DynamoDBClient({ endpoint: \`https://dynamodb.\${REGION}.amazonaws.com\` });` }] }],
    },
    {
      // v2 global config; an explicit :80 after a dynamic host is reported without a fix (https:// must not keep it).
      code: `const AWS = require("aws-sdk");
AWS.config.update({ endpoint: "http://dynamodb." + process.env.AWS_REGION + ".amazonaws.com" });
const legacy = new AWS.DynamoDB({ endpoint: \`http://dynamodb.\${process.env.AWS_REGION}.amazonaws.com:80\` });
module.exports = new AWS.DynamoDB.DocumentClient();`,
      languageOptions: script,
      filename: "db.js",
      errors: [
        { messageId: "httpEndpointAws", line: 2, column: 21, suggestions: [{ messageId: "useHttps", output: `const AWS = require("aws-sdk");
AWS.config.update({ endpoint: "https://dynamodb." + process.env.AWS_REGION + ".amazonaws.com" });
const legacy = new AWS.DynamoDB({ endpoint: \`http://dynamodb.\${process.env.AWS_REGION}.amazonaws.com:80\` });
module.exports = new AWS.DynamoDB.DocumentClient();` }] },
        { messageId: "httpEndpointAws", data: { host: "dynamodb.*.amazonaws.com:80" }, line: 3, column: 35, suggestions: [] },
      ],
    },
    // A constant host with a dynamic port: reported, but the fix cannot know whether the port is 80.
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const clientOnPort = (port: number) => new DynamoDBClient({ endpoint: \`http://dynamodb.eu-west-1.amazonaws.com:\${port}\` });
export const concatenated = (port: number) => new DynamoDBClient({ endpoint: "http://dynamodb.eu-west-1.amazonaws.com:" + port });`,
      errors: [
        { messageId: "httpEndpointAws", line: 2, column: 68, suggestions: [] },
        { messageId: "httpEndpointAws", line: 3, column: 68, suggestions: [] },
      ],
    },
    // Look-alike hosts, IP addresses and dotted names, branch by branch.
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
new DynamoDBClient({ endpoint: "http://localhost.evil.com:8000" });
new DynamoDBClient({ endpoint: "http://amazonaws.com.evil.io" });
new DynamoDBClient({ endpoint: "http://10.0.3.17:8000" });
new DynamoDBClient({ endpoint: process.env.STAGE === "prod" ? "http://dynamodb.internal.example.com" : "http://localhost:8000" });
new DynamoDBClient({ endpoint: "http://admin:s3cret@ddb.example.com" });`,
      errors: [
        { messageId: "httpEndpointRemote", data: { host: "localhost.evil.com:8000" }, line: 2, column: 22, suggestions: [] },
        { messageId: "httpEndpointRemote", data: { host: "amazonaws.com.evil.io" }, line: 3, column: 22, suggestions: [] },
        { messageId: "httpEndpointRemote", data: { host: "10.0.3.17:8000" }, line: 4, column: 22, suggestions: [] },
        { messageId: "httpEndpointRemote", data: { host: "dynamodb.internal.example.com" }, line: 5, column: 22, suggestions: [] },
        // The message names the host, never the credentials in the URL.
        { messageId: "httpEndpointRemote", data: { host: "ddb.example.com" }, line: 6, column: 22, suggestions: [] },
      ],
    },
    // A conditional config is judged branch by branch, written in place or through a variable.
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Agent } from "node:https";
const isProd = process.env.STAGE === "prod";
export const a = new DynamoDBClient(isProd ? { region: "eu-west-1", endpoint: "http://dynamodb.eu-west-1.amazonaws.com" } : { endpoint: "http://localhost:8000" });
const options = isProd ? { region: "eu-west-1", tls: false } : { endpoint: "http://localhost:8000", tls: false };
export const b = new DynamoDBClient(options);
const proxied = { requestHandler: { httpsAgent: new Agent({ rejectUnauthorized: false }) } };
export const c = new DynamoDBClient(isProd ? proxied : {});`,
      errors: [
        { messageId: "httpEndpointAws", data: { host: "dynamodb.eu-west-1.amazonaws.com" }, line: 4, column: 69, suggestions: [{ messageId: "useHttps", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Agent } from "node:https";
const isProd = process.env.STAGE === "prod";
export const a = new DynamoDBClient(isProd ? { region: "eu-west-1", endpoint: "https://dynamodb.eu-west-1.amazonaws.com" } : { endpoint: "http://localhost:8000" });
const options = isProd ? { region: "eu-west-1", tls: false } : { endpoint: "http://localhost:8000", tls: false };
export const b = new DynamoDBClient(options);
const proxied = { requestHandler: { httpsAgent: new Agent({ rejectUnauthorized: false }) } };
export const c = new DynamoDBClient(isProd ? proxied : {});` }] },
        { messageId: "tlsDisabled", line: 5, column: 49, suggestions: [{ messageId: "removeOption", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Agent } from "node:https";
const isProd = process.env.STAGE === "prod";
export const a = new DynamoDBClient(isProd ? { region: "eu-west-1", endpoint: "http://dynamodb.eu-west-1.amazonaws.com" } : { endpoint: "http://localhost:8000" });
const options = isProd ? { region: "eu-west-1" } : { endpoint: "http://localhost:8000", tls: false };
export const b = new DynamoDBClient(options);
const proxied = { requestHandler: { httpsAgent: new Agent({ rejectUnauthorized: false }) } };
export const c = new DynamoDBClient(isProd ? proxied : {});` }] },
        { messageId: "rejectUnauthorized", line: 7, column: 61, suggestions: [{ messageId: "removeOption", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Agent } from "node:https";
const isProd = process.env.STAGE === "prod";
export const a = new DynamoDBClient(isProd ? { region: "eu-west-1", endpoint: "http://dynamodb.eu-west-1.amazonaws.com" } : { endpoint: "http://localhost:8000" });
const options = isProd ? { region: "eu-west-1", tls: false } : { endpoint: "http://localhost:8000", tls: false };
export const b = new DynamoDBClient(options);
const proxied = { requestHandler: { httpsAgent: new Agent({}) } };
export const c = new DynamoDBClient(isProd ? proxied : {});` }] },
      ],
    },
    // Member writes on a parameter the same function hands to the client count, as they do on a local object.
    {
      code: PARAMETER_CONFIG,
      languageOptions: script,
      filename: "connection.js",
      errors: [
        { messageId: "rejectUnauthorized", line: 8, column: 38, suggestions: [{ messageId: "removeOption", output: replaceOnce(PARAMETER_CONFIG, "{ rejectUnauthorized: false }", "{}") }] },
        { messageId: "httpEndpointAws", line: 11, column: 3, suggestions: [{ messageId: "useHttps", output: replaceOnce(PARAMETER_CONFIG, '"http://', '"https://') }] },
      ],
    },
    // ---------------------------------------------------------------- strict options
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const c = new DynamoDBClient(process.env.NODE_ENV === "prod" ? { region: "ap-northeast-2" } : { endpoint: process.env.IS_DOCKER ? "http://localstack:4566" : "http://localhost:4566" });`,
      options: [{ allowSingleLabelHosts: false }],
      errors: [{ messageId: "httpEndpointSingleLabel", data: { host: "localstack:4566", hostname: "localstack" }, line: 2, column: 104 }],
    },
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
new DynamoDBClient({ endpoint: "http://dynamodb-local:8000" });`,
      options: [{ allowSingleLabelHosts: false }],
      errors: [{ messageId: "httpEndpointSingleLabel", data: { host: "dynamodb-local:8000", hostname: "dynamodb-local" }, line: 2, column: 22 }],
    },
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Agent } from "node:https";
const agent = new Agent({
  secureProtocol: "TLSv1_method",
  minVersion: "TLSv1.1",
  ciphers: "DEFAULT:RC4-SHA:!aNULL",
});
new DynamoDBClient({ requestHandler: { httpsAgent: agent } });`,
      options: [{ reportWeakProtocols: true }],
      errors: [
        { messageId: "weakProtocol", data: { option: "secureProtocol", value: "TLSv1_method" }, line: 4, column: 3, suggestions: [{ messageId: "removeOption", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Agent } from "node:https";
const agent = new Agent({
  minVersion: "TLSv1.1",
  ciphers: "DEFAULT:RC4-SHA:!aNULL",
});
new DynamoDBClient({ requestHandler: { httpsAgent: agent } });` }] },
        { messageId: "weakProtocol", data: { option: "minVersion", value: "TLSv1.1" }, line: 5, column: 3, suggestions: [{ messageId: "removeOption", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Agent } from "node:https";
const agent = new Agent({
  secureProtocol: "TLSv1_method",
  ciphers: "DEFAULT:RC4-SHA:!aNULL",
});
new DynamoDBClient({ requestHandler: { httpsAgent: agent } });` }] },
        { messageId: "weakCiphers", data: { groups: "RC4" }, line: 6, column: 3, suggestions: [{ messageId: "removeOption", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Agent } from "node:https";
const agent = new Agent({
  secureProtocol: "TLSv1_method",
  minVersion: "TLSv1.1",
});
new DynamoDBClient({ requestHandler: { httpsAgent: agent } });` }] },
      ],
    },
    // A bare AWS host with sslEnabled: false is plain HTTP to AWS.
    {
      code: `import { DynamoDB } from "aws-sdk";
export const dynamo = new DynamoDB({ endpoint: "dynamodb.eu-west-1.amazonaws.com", sslEnabled: false });`,
      errors: [{ messageId: "sslDisabled", line: 2, column: 84, suggestions: [{ messageId: "removeOption", output: `import { DynamoDB } from "aws-sdk";
export const dynamo = new DynamoDB({ endpoint: "dynamodb.eu-west-1.amazonaws.com" });` }] }],
    },
    // AWS.config.x = ... assignments.
    {
      code: `import AWS from "aws-sdk";
import https from "node:https";
AWS.config.endpoint = "http://10.20.0.7:8000";
AWS.config.httpOptions = { timeout: 3000, agent: new https.Agent({ checkServerIdentity: () => null }) };
export const db = new AWS.DynamoDB.DocumentClient();`,
      errors: [
        { messageId: "httpEndpointRemote", data: { host: "10.20.0.7:8000" }, line: 3, column: 1, suggestions: [] },
        { messageId: "checkServerIdentity", line: 4, column: 68, suggestions: [{ messageId: "removeOption", output: `import AWS from "aws-sdk";
import https from "node:https";
AWS.config.endpoint = "http://10.20.0.7:8000";
AWS.config.httpOptions = { timeout: 3000, agent: new https.Agent({}) };
export const db = new AWS.DynamoDB.DocumentClient();` }] },
      ],
    },
    // The global switch-off reaches a client without an endpoint of its own.
    {
      code: `const AWS = require("aws-sdk");
AWS.config.update({ region: "us-east-1", sslEnabled: false });
const local = new AWS.DynamoDB({ endpoint: "http://localhost:4566" });
const remote = new AWS.DynamoDB.DocumentClient();`,
      languageOptions: script,
      filename: "db.js",
      errors: [{ messageId: "sslDisabled", line: 2, column: 42, suggestions: [{ messageId: "removeOption", output: `const AWS = require("aws-sdk");
AWS.config.update({ region: "us-east-1" });
const local = new AWS.DynamoDB({ endpoint: "http://localhost:4566" });
const remote = new AWS.DynamoDB.DocumentClient();` }] }],
    },
    // aws-sdk/clients/dynamodb, import x = require(), an ES module in .mjs
    {
      code: `import DynamoDB = require("aws-sdk/clients/dynamodb");
export const documentClient = new DynamoDB.DocumentClient({ sslEnabled: false, convertEmptyValues: true });`,
      errors: [{ messageId: "sslDisabled", line: 2, column: 61, suggestions: [{ messageId: "removeOption", output: `import DynamoDB = require("aws-sdk/clients/dynamodb");
export const documentClient = new DynamoDB.DocumentClient({ convertEmptyValues: true });` }] }],
    },
    {
      code: `import AWS from "aws-sdk/global";
import DynamoDB from "aws-sdk/clients/dynamodb";
AWS.config.update({ region: "eu-west-1", sslEnabled: false });
export const db = new DynamoDB();`,
      filename: "db.mjs",
      errors: [{ messageId: "sslDisabled", line: 3, column: 42, suggestions: [{ messageId: "removeOption", output: `import AWS from "aws-sdk/global";
import DynamoDB from "aws-sdk/clients/dynamodb";
AWS.config.update({ region: "eu-west-1" });
export const db = new DynamoDB();` }] }],
    },
    // ---------------------------------------------------------------- autofix: true
    {
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import https from "https";
export const client = new DynamoDBClient({
  endpoint: "http://dynamodb.us-east-1.amazonaws.com",
  requestHandler: { httpsAgent: new https.Agent({ rejectUnauthorized: false, minVersion: "TLSv1" }) },
  tls: false,
});`,
      options: [{ autofix: true, reportWeakProtocols: true }],
      output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import https from "https";
export const client = new DynamoDBClient({
  endpoint: "https://dynamodb.us-east-1.amazonaws.com",
  requestHandler: { httpsAgent: new https.Agent({ minVersion: "TLSv1" }) },
});`,
      errors: [
        { messageId: "httpEndpointAws", line: 4, column: 3, suggestions: [] },
        { messageId: "rejectUnauthorized", line: 5, column: 51, suggestions: [] },
        { messageId: "weakProtocol", line: 5, column: 78, suggestions: [{ messageId: "removeOption", output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import https from "https";
export const client = new DynamoDBClient({
  endpoint: "http://dynamodb.us-east-1.amazonaws.com",
  requestHandler: { httpsAgent: new https.Agent({ rejectUnauthorized: false }) },
  tls: false,
});` }] },
        { messageId: "tlsDisabled", line: 6, column: 3, suggestions: [] },
      ],
    },
    // ---------------------------------------------------------------- NODE_TLS_REJECT_UNAUTHORIZED, in any file
    {
      code: `// scripts/seed.js: no DynamoDB package in sight
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
require("./seed-tables");`,
      languageOptions: script,
      filename: "seed.js",
      errors: [{ messageId: "envTlsDisabled", line: 2, column: 1, suggestions: [{ messageId: "removeEnvAssignment", output: `// scripts/seed.js: no DynamoDB package in sight
require("./seed-tables");` }] }],
    },
    {
      // Listeners are skipped where the text cannot name the variable; an escape sequence can, so it is checked.
      code: `process.env["NODE_TLS_REJECT_\\x55NAUTHORIZED"] = "0";
require("./seed-tables");`,
      languageOptions: script,
      filename: "seed.js",
      errors: [{ messageId: "envTlsDisabled", line: 1, column: 1, suggestions: [{ messageId: "removeEnvAssignment", output: `require("./seed-tables");` }] }],
    },
    {
      code: `process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
process.env.NODE_TLS_REJECT_UNAUTHORIZED ??= '0';
Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: "0" });
Object.assign(process.env, { AWS_REGION: "eu-west-1", NODE_TLS_REJECT_UNAUTHORIZED: \`0\` });
if (process.env.CORPORATE_PROXY) process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";`,
      errors: [
        { messageId: "envTlsDisabled", line: 1, column: 1, suggestions: [{ messageId: "removeEnvAssignment", output: `process.env.NODE_TLS_REJECT_UNAUTHORIZED ??= '0';
Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: "0" });
Object.assign(process.env, { AWS_REGION: "eu-west-1", NODE_TLS_REJECT_UNAUTHORIZED: \`0\` });
if (process.env.CORPORATE_PROXY) process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";` }] },
        { messageId: "envTlsDisabled", line: 2, column: 1, suggestions: [{ messageId: "removeEnvAssignment", output: `process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: "0" });
Object.assign(process.env, { AWS_REGION: "eu-west-1", NODE_TLS_REJECT_UNAUTHORIZED: \`0\` });
if (process.env.CORPORATE_PROXY) process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";` }] },
        { messageId: "envTlsDisabled", line: 3, column: 30, suggestions: [{ messageId: "removeEnvAssignment", output: `process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
process.env.NODE_TLS_REJECT_UNAUTHORIZED ??= '0';
Object.assign(process.env, { AWS_REGION: "eu-west-1", NODE_TLS_REJECT_UNAUTHORIZED: \`0\` });
if (process.env.CORPORATE_PROXY) process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";` }] },
        { messageId: "envTlsDisabled", line: 4, column: 55, suggestions: [{ messageId: "removeEnvAssignment", output: `process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
process.env.NODE_TLS_REJECT_UNAUTHORIZED ??= '0';
Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: "0" });
Object.assign(process.env, { AWS_REGION: "eu-west-1" });
if (process.env.CORPORATE_PROXY) process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";` }] },
        // The statement is the body of an \`if\`: it becomes an empty block.
        { messageId: "envTlsDisabled", line: 5, column: 34, suggestions: [{ messageId: "removeEnvAssignment", output: `process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
process.env.NODE_TLS_REJECT_UNAUTHORIZED ??= '0';
Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: "0" });
Object.assign(process.env, { AWS_REGION: "eu-west-1", NODE_TLS_REJECT_UNAUTHORIZED: \`0\` });
if (process.env.CORPORATE_PROXY) {}` }] },
      ],
    },
    {
      code: `process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
export {};`,
      options: [{ autofix: true }],
      output: `export {};`,
      errors: [{ messageId: "envTlsDisabled" }],
    },
  ],
};

runRuleTests("no-insecure-transport", rule, cases);

describe("no-insecure-transport remedies", () => {
  const linter = new Linter({ configType: "flat", cwd: path.parse(project).root });
  const configFor = (test: (typeof cases.invalid)[number], autofix: boolean): Linter.Config[] => [
    {
      files: ["**/*.{js,mjs,cjs,ts}"],
      languageOptions: { parser: typescriptParser as unknown as Linter.Parser, ...(test.languageOptions as object) },
      plugins: { "dynamodb-security": { rules: { "no-insecure-transport": rule as never } } },
      rules: { "dynamodb-security/no-insecure-transport": ["error", { ...(test.options?.[0] ?? {}), autofix }] },
    },
  ];
  const filenameOf = (test: (typeof cases.invalid)[number]) => (test.filename && path.isAbsolute(test.filename) ? test.filename : path.join(project, test.filename ?? "file.ts"));

  it.each(cases.invalid.map((test, i) => [i, test] as const))("case %i: every suggestion parses and leaves nothing to suggest at that place", (_i, test) => {
    const messages = linter.verify(test.code, configFor(test, false), filenameOf(test));
    for (const message of messages) {
      for (const suggestion of message.suggestions ?? []) {
        const fixed = test.code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + test.code.slice(suggestion.fix.range[1]);
        const after = linter.verify(fixed, configFor(test, false), filenameOf(test));
        expect(after.filter((m) => m.fatal)).toEqual([]);
        expect(after.length, fixed).toBeLessThan(messages.length);
      }
    }
  });

  it.each(cases.invalid.map((test, i) => [i, test] as const))("case %i: with autofix, --fix output parses and a second pass changes nothing", (_i, test) => {
    const first = linter.verifyAndFix(test.code, configFor(test, true), filenameOf(test));
    expect(first.messages.filter((m) => m.fatal)).toEqual([]);
    const second = linter.verifyAndFix(first.output, configFor(test, true), filenameOf(test));
    expect(second.fixed).toBe(false);
    expect(second.output).toBe(first.output);
  });
});
