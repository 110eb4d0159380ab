import rule from "../../rules/no-sensitive-logging";
import { runRuleTests } from "../rule-tester";
import globals from "globals";

const script = { filename: "src/db.js", languageOptions: { parserOptions: { sourceType: "script" as const } } };
const strict = [{ reportItemsInHandlers: true }] as [{ reportItemsInHandlers: boolean }];

/** An STS response logged where its Credentials may be present (lines 7, 8, 9 and 11 log it). */
const STS_PARTLY_KNOWN = `
import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";
import { logger } from "./logger";
const sts = new STSClient({});
export async function assume(roleArn: string, other: { Credentials?: unknown }, retry: boolean) {
  const data = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "d" }));
  if (data.Credentials) logger.debug("assumed", data);
  if (!other.Credentials) console.log(data);
  if (!data.Credentials || retry) console.log(data);
  if (data.Credentials && data.AssumedRoleUser) return data.Credentials;
  else console.log(data);
  return undefined;
}
`;

/** The code with the response logged at `line` (1-based) replaced by its expiration, as the suggestion does. */
function withExpirationOnly(code: string, line: number): string {
  const lines = code.split("\n");
  const at = lines[line - 1].lastIndexOf("data)");
  lines[line - 1] = `${lines[line - 1].slice(0, at)}{ Expiration: data.Credentials?.Expiration })${lines[line - 1].slice(at + "data)".length)}`;
  return lines.join("\n");
}

/** Files that mention no DynamoDB package: environment dumps and secret variables. */
const environmentDump = {
  code: `
export const handler = async (event) => {
  console.log("EVENT", JSON.stringify(event), "ENV", JSON.stringify(process.env, null, 2));
  console.debug(\`key=\${process.env.AWS_ACCESS_KEY_ID} secret=\${process.env.AWS_SECRET_ACCESS_KEY}\`);
  const { AWS_SESSION_TOKEN } = process.env;
  console.log({ token: AWS_SESSION_TOKEN });
};
`,
  errors: [
    { messageId: "environment" as const, line: 3, column: 54, data: { what: "the whole `process.env`" } },
    { messageId: "credentials" as const, line: 4, data: { what: "the `AWS_SECRET_ACCESS_KEY` environment variable" } },
    { messageId: "credentials" as const, line: 6, data: { what: "the `AWS_SESSION_TOKEN` environment variable" } },
  ],
};

runRuleTests("no-sensitive-logging", rule, {
  valid: [
    // SDK loggers: default (none), no-op, filtered, above info, opt-in switches, v3 with a stream.
    `
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      export const client = new DynamoDBClient({ region: process.env.AWS_REGION, maxAttempts: 3 });
    `,
    `
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      const quiet = { debug() {}, info() {}, warn: console.warn, error: console.error };
      export const client = new DynamoDBClient({ logger: quiet });
    `,
    `
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      // Only command names and timings: the filter the rule asks for.
      const sdkLogger = { ...console, info: (entry) => console.log(entry.commandName, entry.metadata?.totalRetryDelay) };
      export const client = new DynamoDBClient({ logger: sdkLogger });
    `,
    `
      import pino from "pino";
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      const logger = pino({ level: process.env.LOG_LEVEL ?? "warn" });
      export const client = new DynamoDBClient({ logger });
    `,
    `
      import { Logger } from "@aws-lambda-powertools/logger";
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      const logger = new Logger({ serviceName: "orders", logLevel: "ERROR" });
      export const client = new DynamoDBClient({ logger });
    `,
    `
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      export const client = new DynamoDBClient({ logger: process.env.DEBUG_SDK === "1" ? console : undefined });
    `,
    `
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      export const client = new DynamoDBClient({ logger: process.stdout });
    `,
    {
      code: `
        const AWS = require("aws-sdk");
        const pino = require("pino");
        // SDK v2 writes through log() or write(); pino has neither, so nothing is logged.
        AWS.config.update({ region: "eu-west-1", logger: pino() });
      `,
      ...script,
    },
    {
      // The v2 global logger in a file that uses no DynamoDB client: every S3 request is logged, which is
      // not this rule's concern.
      code: `
        const AWS = require("aws-sdk");
        AWS.config.logger = console;
        const s3 = new AWS.S3();
        exports.upload = (file) => s3.upload({ Bucket: "b", Key: file.name, Body: file.data }).promise();
      `,
      ...script,
    },
    // A logger option on a client that is not DynamoDB's.
    `
      import { S3Client } from "@aws-sdk/client-s3";
      export const s3 = new S3Client({ logger: console });
    `,
    // Credentials: selected non-secret fields, key ids, counts, names.
    `
      import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
      const provider = fromNodeProviderChain();
      export async function warmUp() {
        const credentials = await provider();
        console.info("credentials valid until", credentials.expiration);
        console.info({ accessKeyId: credentials.accessKeyId, expiration: credentials.expiration });
      }
    `,
    `
      import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";
      const sts = new STSClient({});
      export async function assume(roleArn: string) {
        const { Credentials, AssumedRoleUser } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "worker" }));
        console.log("assumed", AssumedRoleUser?.Arn, "until", Credentials?.Expiration);
        return Credentials;
      }
    `,
    `
      console.log("stage", process.env.STAGE, "region", process.env.AWS_REGION);
      console.log("env keys", Object.keys(process.env).length);
      console.log(\`access key in use: \${process.env.AWS_ACCESS_KEY_ID}\`);
    `,
    // Whether a secret is set, its length or a masked suffix.
    `
      import { fromEnv } from "@aws-sdk/credential-providers";
      const creds = await fromEnv()();
      console.log("secret configured:", Boolean(process.env.AWS_SECRET_ACCESS_KEY), !!creds.sessionToken);
      console.log(\`using key ...\${creds.secretAccessKey.slice(-4)} (\${creds.secretAccessKey.length} chars)\`);
      console.log(creds.secretAccessKey ? "static keys" : "role", creds && creds.expiration);
      console.log("key ends in", process.env.AWS_SECRET_ACCESS_KEY.substr(-3), creds.sessionToken?.slice(-4, -1));
    `,
    // An STS response logged where its Credentials are known absent: in the else branch, inside the guard, after an early return.
    `
      import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";
      import { logger } from "./logger";
      const sts = new STSClient({});
      export async function assumeOrWarn(roleArn: string) {
        const data = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "a" }));
        if (data && data.Credentials) {
          return data.Credentials;
        } else {
          logger.warn("Unexpected response from STS", data);
        }
      }
      export async function assumeOrThrow(roleArn: string) {
        const data = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "b" }));
        if (!data.Credentials) {
          console.error("AssumeRole returned no credentials", data);
          throw new Error("no credentials");
        }
        return data.Credentials;
      }
      export async function assumeOrLog(roleArn: string) {
        const result = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "c" }));
        if (result.Credentials != null) return result.Credentials;
        console.warn("no credentials in", JSON.stringify(result));
        return undefined;
      }
    `,
    // Browser code: the user's own console, and process.env holds public build variables only.
    {
      code: `
        "use client";
        import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
        export async function debugIdentity() {
          const credentials = await fromCognitoIdentityPool({ identityPoolId: process.env.NEXT_PUBLIC_POOL_ID })();
          console.log(credentials, process.env);
        }
      `,
      filename: "app/debug/identity.tsx",
    },
    // DynamoDB Local placeholders are not secrets.
    `
      const local = { region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } };
      console.log("using", local);
    `,
    // Not AWS credentials: a user's login credentials and a web session token.
    `
      export function login(credentials: { username: string; password: string }) {
        console.log("login attempt", credentials.username);
      }
      export function session(req) { console.log({ user: req.user.id, sessionToken: req.cookies.sid?.slice(0, 4) }); }
    `,
    // A value passed to something that is not a logger.
    `
      import { fromIni } from "@aws-sdk/credential-providers";
      const credentials = await fromIni()();
      cache.set("creds", credentials);
      send(process.env);
      const child = spawn("node", ["job.js"], { env: { ...process.env, JOB: "1" } });
    `,
    // Items are reported only with reportItemsInHandlers, and only in request handlers.
    `
      import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
      app.get("/orders", async (req, res) => {
        const { Items } = await doc.send(new QueryCommand({ TableName: "orders" }));
        console.log(Items);
        res.json(Items);
      });
    `,
    {
      code: `
        import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
        // A maintenance script, not a request handler.
        async function main() {
          const { Items } = await doc.send(new ScanCommand({ TableName: "orders" }));
          console.log(Items);
        }
      `,
      options: strict,
    },
    {
      code: `
        import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
        export const handler = async (event) => {
          const { Items, Count, $metadata } = await doc.send(new QueryCommand({ TableName: "orders" }));
          const { Item } = await doc.send(new GetCommand({ TableName: "orders", Key: { id: event.pathParameters.id } }));
          console.log("found", Count, "orders; request", $metadata.requestId, "first", Items[0]?.orderId, Items.length);
          console.log({ orderId: Item?.orderId, status: Item?.status, table: "orders" });
          return { statusCode: 200, body: JSON.stringify(Items) };
        };
      `,
      options: strict,
    },
  ],
  invalid: [
    {
      code: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  logger: console,
});
export const doc = DynamoDBDocumentClient.from(client);
`,
      errors: [
        {
          messageId: "sdkLogger",
          line: 7,
          column: 3,
          data: { logger: "`console`" },
          suggestions: [
            {
              messageId: "removeLogger",
              data: { what: "option" },
              output: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
});
export const doc = DynamoDBDocumentClient.from(client);
`,
            },
          ],
        },
      ],
    },
    {
      // A Powertools logger shared with the handler, given through a config variable; one line.
      code: `
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDB } from "@aws-sdk/client-dynamodb";
export const logger = new Logger({ serviceName: "orders" });
const config = { logger, region: "eu-west-1" };
export const ddb = new DynamoDB(config);
`,
      errors: [
        {
          messageId: "sdkLogger",
          line: 5,
          column: 18,
          data: { logger: "a Powertools Logger" },
          suggestions: [
            {
              messageId: "removeLogger",
              data: { what: "option" },
              output: `
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDB } from "@aws-sdk/client-dynamodb";
export const logger = new Logger({ serviceName: "orders" });
const config = { region: "eu-west-1" };
export const ddb = new DynamoDB(config);
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import pino from "pino";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const log = pino().child({ module: "db" });
export const client = new DynamoDBClient({ region: "eu-west-1", logger: log });
`,
      errors: [
        {
          messageId: "sdkLogger",
          data: { logger: "a pino logger" },
          suggestions: [
            {
              messageId: "removeLogger",
              data: { what: "option" },
              output: `
import pino from "pino";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const log = pino().child({ module: "db" });
export const client = new DynamoDBClient({ region: "eu-west-1" });
`,
            },
          ],
        },
      ],
    },
    {
      // A project logger module, constructor-injected config in a factory.
      code: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { logger } from "../lib/logger";
export function createClient() {
  return new DynamoDBClient({ logger, maxAttempts: 5 });
}
`,
      errors: [
        {
          messageId: "sdkLogger",
          data: { logger: "`logger`" },
          suggestions: [
            {
              messageId: "removeLogger",
              data: { what: "option" },
              output: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { logger } from "../lib/logger";
export function createClient() {
  return new DynamoDBClient({ maxAttempts: 5 });
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({
  logger: { debug: () => {}, info: (...args) => console.log(...args), warn: console.warn, error: console.error },
});
`,
      errors: [
        {
          messageId: "sdkLogger",
          data: { logger: "an object whose `info` method logs its argument" },
          suggestions: [
            {
              messageId: "removeLogger",
              data: { what: "option" },
              output: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const AWS = require("aws-sdk");
AWS.config.update({ region: "eu-west-1" });
AWS.config.logger = console;
const docClient = new AWS.DynamoDB.DocumentClient();
module.exports = { docClient };
`,
      ...script,
      errors: [
        {
          messageId: "sdkLoggerV2",
          line: 4,
          data: { logger: "`console`" },
          suggestions: [
            {
              messageId: "removeLogger",
              data: { what: "assignment" },
              output: `
const AWS = require("aws-sdk");
AWS.config.update({ region: "eu-west-1" });
const docClient = new AWS.DynamoDB.DocumentClient();
module.exports = { docClient };
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const AWS = require("aws-sdk");
AWS.config.update({ logger: process.stdout });
const dynamodb = new AWS.DynamoDB({ apiVersion: "2012-08-10", logger: console });
`,
      ...script,
      errors: [
        {
          messageId: "sdkLoggerV2",
          line: 3,
          data: { logger: "`process.stdout`" },
          suggestions: [
            {
              messageId: "removeLogger",
              data: { what: "option" },
              output: `
const AWS = require("aws-sdk");
AWS.config.update({});
const dynamodb = new AWS.DynamoDB({ apiVersion: "2012-08-10", logger: console });
`,
            },
          ],
        },
        {
          messageId: "sdkLoggerV2",
          line: 4,
          suggestions: [
            {
              messageId: "removeLogger",
              data: { what: "option" },
              output: `
const AWS = require("aws-sdk");
AWS.config.update({ logger: process.stdout });
const dynamodb = new AWS.DynamoDB({ apiVersion: "2012-08-10" });
`,
            },
          ],
        },
      ],
    },
    {
      // A winston logger (it has `log`) on a v2 DocumentClient, TypeScript with ESM imports.
      code: `
import AWS from "aws-sdk";
import winston from "winston";
const logger = winston.createLogger({ level: "info" });
export const docClient = new AWS.DynamoDB.DocumentClient({ region: "eu-west-1", logger });
`,
      errors: [
        {
          messageId: "sdkLoggerV2",
          line: 5,
          column: 81,
          data: { logger: "a winston logger" },
          suggestions: [
            {
              messageId: "removeLogger",
              data: { what: "option" },
              output: `
import AWS from "aws-sdk";
import winston from "winston";
const logger = winston.createLogger({ level: "info" });
export const docClient = new AWS.DynamoDB.DocumentClient({ region: "eu-west-1" });
`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- credentials
    {
      code: `
import { fromIni } from "@aws-sdk/credential-providers";
export async function loadCredentials(profile: string) {
  const credentials = await fromIni({ profile })();
  console.log("loaded credentials", credentials);
  return credentials;
}
`,
      errors: [
        {
          messageId: "credentials",
          line: 5,
          column: 37,
          data: { what: "the AWS credentials that `fromIni()` resolves" },
          suggestions: [
            {
              messageId: "logExpirationOnly",
              data: { field: "expiration" },
              output: `
import { fromIni } from "@aws-sdk/credential-providers";
export async function loadCredentials(profile: string) {
  const credentials = await fromIni({ profile })();
  console.log("loaded credentials", { expiration: credentials.expiration });
  return credentials;
}
`,
            },
          ],
        },
      ],
    },
    {
      // Structured log with a shorthand property.
      code: `
import pino from "pino";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const logger = pino();
const client = new DynamoDBClient({});
export async function debugIdentity() {
  const credentials = await client.config.credentials();
  logger.debug({ credentials, region: await client.config.region() }, "resolved identity");
}
`,
      errors: [
        {
          messageId: "credentials",
          line: 8,
          suggestions: [
            {
              messageId: "logExpirationOnly",
              data: { field: "expiration" },
              output: `
import pino from "pino";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const logger = pino();
const client = new DynamoDBClient({});
export async function debugIdentity() {
  const credentials = await client.config.credentials();
  logger.debug({ credentials: { expiration: credentials.expiration }, region: await client.config.region() }, "resolved identity");
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";
import { logger } from "./logger";
const sts = new STSClient({});
export async function assumeTenantRole(roleArn: string) {
  const response = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "tenant" }));
  logger.info("assumed role", response);
  logger.info(\`session token \${response.Credentials?.SessionToken}\`);
  return response.Credentials;
}
`,
      errors: [
        {
          messageId: "credentials",
          line: 7,
          data: { what: "the STS `AssumeRole` response, which holds the temporary AWS credentials it issued" },
          suggestions: [
            {
              messageId: "logExpirationOnly",
              data: { field: "Expiration" },
              output: `
import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";
import { logger } from "./logger";
const sts = new STSClient({});
export async function assumeTenantRole(roleArn: string) {
  const response = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "tenant" }));
  logger.info("assumed role", { Expiration: response.Credentials?.Expiration });
  logger.info(\`session token \${response.Credentials?.SessionToken}\`);
  return response.Credentials;
}
`,
            },
          ],
        },
        { messageId: "credentials", line: 8, data: { what: "an AWS session token" }, suggestions: [] },
      ],
    },
    {
      code: `
const AWS = require("aws-sdk");
const debug = require("debug")("app:aws");
AWS.config.getCredentials((err) => {
  if (err) return console.error(err);
  debug("credentials %o", AWS.config.credentials);
  console.log("secret: " + AWS.config.credentials.secretAccessKey);
});
`,
      ...script,
      errors: [
        {
          messageId: "credentials",
          line: 6,
          suggestions: [
            {
              messageId: "logExpirationOnly",
              data: { field: "expireTime" },
              output: `
const AWS = require("aws-sdk");
const debug = require("debug")("app:aws");
AWS.config.getCredentials((err) => {
  if (err) return console.error(err);
  debug("credentials %o", { expireTime: AWS.config.credentials.expireTime });
  console.log("secret: " + AWS.config.credentials.secretAccessKey);
});
`,
            },
          ],
        },
        { messageId: "credentials", line: 7, data: { what: "an AWS secret access key" }, suggestions: [] },
      ],
    },
    {
      // Hosts that reserve the AWS_ prefix (Amplify, Vercel) and bundlers (Vite's import.meta.env) make apps rename the variable.
      code: `
console.log("secret", process.env.MY_AWS_SECRET_ACCESS_KEY);
console.log("AWS Secret Key:", import.meta.env.VITE_AWS_SECRET_ACCESS_KEY);
console.log(import.meta.env.VITE_API_URL, process.env.MY_AWS_SECRET_ACCESS_KEY_NAME, import.meta.env.VITE_AWS_REGION);
`,
      errors: [
        { messageId: "credentials", line: 2, data: { what: "the `MY_AWS_SECRET_ACCESS_KEY` environment variable" } },
        { messageId: "credentials", line: 3, data: { what: "the `VITE_AWS_SECRET_ACCESS_KEY` environment variable" } },
      ],
    },
    {
      // A Vite module that names no credential word but the variable's (no `process`, no "secret" in lower case).
      code: `
const token = import.meta.env.VITE_AWS_SESSION_TOKEN;
export const client = () => console.info("token", token);
`,
      errors: [{ messageId: "credentials", line: 3, data: { what: "the `VITE_AWS_SESSION_TOKEN` environment variable" } }],
    },
    {
      // The whole environment spelled with an escape: the pre-check decodes it and asks the scope manager about `process`.
      code: `
export const handler = async () => {
  console.debug(pro\\u0063ess.env);
};
`,
      errors: [{ messageId: "environment", line: 3, data: { what: "the whole `process.env`" } }],
    },
    {
      // The text pre-check lets escapes through: \u0063 spells the "c" of "process", which is nowhere else in the linted text.
      code: `
export const handler = async () => {
  console.debug(pro\\u0063ess.env.AWS_SECRET_ACCESS_KEY);
};
`,
      errors: [{ messageId: "credentials", line: 3, data: { what: "the `AWS_SECRET_ACCESS_KEY` environment variable" } }],
    },
    {
      // Where the Credentials are present, or their absence is not known (another object's test, "|| retry", the else of "&& other"): reported.
      code: STS_PARTLY_KNOWN,
      errors: [7, 8, 9, 11].map((line) => ({
        messageId: "credentials" as const,
        line,
        data: { what: "the STS `AssumeRole` response, which holds the temporary AWS credentials it issued" },
        suggestions: [{ messageId: "logExpirationOnly" as const, output: withExpirationOnly(STS_PARTLY_KNOWN, line) }],
      })),
    },
    {
      // String views of a secret: a part of it (beyond the last four characters) or the whole as text.
      code: `
import config from "config";
import { logger } from "./logger";
logger.debug("sak" + config.aws.secretAccessKey.substring(15));
console.log(\`secret=\${config.aws.secretAccessKey.slice(-8)}\`);
console.log("secret: " + process.env.AWS_SECRET_ACCESS_KEY.substring(0, 20));
const head = process.env.AWS_SESSION_TOKEN!.slice(0, 12);
console.info("token", head);
console.log("secret", process.env.AWS_SECRET_ACCESS_KEY.trim().toString());
console.log("tail", config.aws.secretAccessKey.substring(-4));
`,
      errors: [
        { messageId: "credentials", line: 4, data: { what: "part of an AWS secret access key" } },
        { messageId: "credentials", line: 5, data: { what: "part of an AWS secret access key" } },
        { messageId: "credentials", line: 6, data: { what: "part of the `AWS_SECRET_ACCESS_KEY` environment variable" } },
        { messageId: "credentials", line: 8, data: { what: "part of the `AWS_SESSION_TOKEN` environment variable" } },
        { messageId: "credentials", line: 9, data: { what: "the `AWS_SECRET_ACCESS_KEY` environment variable" } },
        // substring() takes a negative start as 0: the whole secret.
        { messageId: "credentials", line: 10, data: { what: "part of an AWS secret access key" } },
      ],
    },
    environmentDump,
    {
      // The same with Node's globals declared (`globals.node`): `process` and `console` resolve to global variables.
      ...environmentDump,
      languageOptions: { globals: globals.node },
    },
    {
      code: `
const winston = require("winston");
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
logger.info("starting", { env: process.env });
console.table(process.env);
`,
      ...script,
      errors: [
        { messageId: "environment", line: 4 },
        { messageId: "environment", line: 5 },
      ],
    },
    {
      // A credentials object built for a client, logged by a NestJS service.
      code: `
import { Injectable, Logger } from "@nestjs/common";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
@Injectable()
export class DynamoService {
  private readonly logger = new Logger(DynamoService.name);
  create(accessKeyId: string, secretAccessKey: string) {
    const credentials = { accessKeyId, secretAccessKey };
    this.logger.log(\`creating client with \${JSON.stringify(credentials)}\`);
    return new DynamoDBClient({ credentials });
  }
}
`,
      errors: [{ messageId: "credentials", line: 9, data: { what: "an object with AWS credential fields (`secretAccessKey`, `sessionToken`)" }, suggestions: [] }],
    },
    // ---------------------------------------------------------------- strict: items in handlers
    {
      code: `
import express from "express";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = express();
app.get("/customers/:id", async (req, res) => {
  const result = await doc.send(new GetCommand({ TableName: "customers", Key: { id: req.params.id } }));
  console.log("customer", result.Item);
  const { Items } = await doc.send(new QueryCommand({ TableName: "orders", KeyConditionExpression: "customerId = :c", ExpressionAttributeValues: { ":c": req.params.id } }));
  console.log(\`orders: \${JSON.stringify(Items)}\`);
  console.log(result);
  res.json({ customer: result.Item, orders: Items });
});
`,
      options: strict,
      errors: [
        { messageId: "items", line: 9, data: { what: "a whole DynamoDB item (from `Item` of a `Get`)" } },
        { messageId: "items", line: 11, data: { what: "a list of DynamoDB items (`Items` of a `Query`)" } },
        { messageId: "items", line: 12, data: { what: "the whole output of a DynamoDB `Get`" } },
      ],
    },
    {
      code: `
const AWS = require("aws-sdk");
const docClient = new AWS.DynamoDB.DocumentClient();
exports.handler = async (event) => {
  const data = await docClient.query({ TableName: process.env.TABLE, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": event.pathParameters.id } }).promise();
  for (const item of data.Items) console.log("item", item);
  return { statusCode: 200, body: JSON.stringify(data.Items) };
};
`,
      ...script,
      options: strict,
      errors: [{ messageId: "items", line: 6, data: { what: "a whole DynamoDB item (from `Items` of a `Query`)" } }],
    },
    {
      // The AWS SAM starter's pattern: the response body holds every scanned item.
      code: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
const ddbDocClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const getAllItemsHandler = async (event) => {
  const data = await ddbDocClient.send(new ScanCommand({ TableName: process.env.SAMPLE_TABLE }));
  const items = data.Items;
  const response = { statusCode: 200, body: JSON.stringify(items) };
  console.info(\`response from: \${event.path} statusCode: \${response.statusCode} body: \${response.body}\`);
  return response;
};
`,
      filename: "src/handlers/get-all-items.mjs",
      options: strict,
      errors: [{ messageId: "items", line: 9, data: { what: "a list of DynamoDB items (`Items` of a `Scan`)" } }],
    },
    {
      // Credentials win over items: one report per call.
      code: `
import { fromEnv } from "@aws-sdk/credential-providers";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
export async function GET(request: Request) {
  const out = await doc.send(new GetCommand({ TableName: "t", Key: { id: "1" } }));
  console.log(out, await fromEnv()());
}
`,
      options: strict,
      errors: [{ messageId: "credentials", line: 6, column: 20 }],
    },
  ],
});
