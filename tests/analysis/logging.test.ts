import globals from "globals";
import { describe, expect, it } from "vitest";
import { mayReadEnvironmentSecrets } from "../../src/analysis";
import { analyze } from "./helpers";

/** Each log call in the code as "callee-text: logger library". */
function logCallsOf(code: string, filename?: string): string[] {
  const { analysis, text } = analyze(code, { filename });
  return analysis.logging.logCalls.map((call) => `${text(call.call.callee)}: ${call.logger.library}`);
}

/** The sensitive value found in the first argument of the last `use(...)` call. */
function sensitiveIn(code: string, filename?: string): { kind: string; node: string; description: string; expiration?: string } | undefined {
  const { analysis, used, text } = analyze(code, { filename });
  const found = analysis.logging.findSensitive(used()[0]);
  if (!found) return undefined;
  return {
    kind: found.value.kind,
    node: text(found.node)!,
    description: found.value.description,
    ...(found.value.kind === "credentials" ? { expiration: found.value.expirationField } : {}),
  };
}

/** Whether the first argument of `use(...)`, given as an SDK logger, records every command. */
function records(code: string, sdk: "v2" | "v3" = "v3"): string | undefined {
  const { analysis, used } = analyze(code);
  return analysis.logging.sdkLoggerRecords(used()[0], sdk)?.description;
}

describe("logging: log calls", () => {
  it("finds console, process.stdout and common logger libraries", () => {
    expect(
      logCallsOf(`
        import pino from "pino";
        import { createLogger } from "winston";
        import { Logger } from "@aws-lambda-powertools/logger";
        import bunyan from "bunyan";
        const log = pino({ level: "info" });
        const wlog = createLogger({});
        const plog = new Logger({ serviceName: "orders" });
        const blog = bunyan.createLogger({ name: "x" });
        console.log(a); console.assert(ok, b); process.stdout.write(c);
        log.info(a); log.child({ r }).warn(b); wlog.log("info", a); plog.critical(a); blog.fatal(a);
      `),
    ).toEqual([
      "console.log: console",
      "console.assert: console",
      "process.stdout.write: stream",
      "log.info: pino",
      "log.child({ r }).warn: pino",
      "wlog.log: winston",
      "plog.critical: powertools",
      "blog.fatal: bunyan",
    ]);
  });

  it("finds debug instances, bound console methods, module-level loggers and class fields", () => {
    expect(
      logCallsOf(
        `
        const debug = require("debug")("app:db");
        const createDebug = require("debug");
        const trace = createDebug("app").extend("sql");
        const winston = require("winston");
        const { Logger } = require("@nestjs/common");
        const out = console.log.bind(console);
        debug("x %o", a); trace(b); winston.info(c); Logger.log(d); out(e);
        class Service { logger = new Logger(Service.name); run() { this.logger.log(f); } }
      `,
        "file.js",
      ),
    ).toEqual(["debug: debug", "trace: debug", "winston.info: winston", "Logger.log: nestjs", "out: console", "this.logger.log: nestjs"]);
  });

  it("trusts logger names for project loggers, injected loggers and request loggers", () => {
    expect(
      logCallsOf(`
        import { logger } from "./logger";
        export class Repo { constructor(private readonly log: Log) {} find() { this.log.debug(a); } }
        app.get("/x", (req, res) => { req.log.info(b); });
        logger.error(c);
        const appLogger = makeLogger();
        appLogger.warn(d);
      `),
    ).toEqual(["this.log.debug: named", "req.log.info: named", "logger.error: named", "appLogger.warn: named"]);
  });

  it("leaves look-alikes alone", () => {
    expect(
      logCallsOf(`
        const logger = { info() {} };
        logger.info(a);
        Math.log(2); catalog.info(x); blog.post(y); items.map(f); res.json(z); dialog.warn(w);
        const console2 = {}; console2.log(1);
        function f(console) { console.log(a); }
      `),
    ).toEqual([]);
  });
});

describe("logging: browser code", () => {
  it("recognises client modules by directive or by a browser UI import", () => {
    const browser = (code: string) => analyze(code, { filename: "file.tsx" }).analysis.logging.isBrowserCode;
    expect(browser(`"use client";\nexport function A() { return null; }`)).toBe(true);
    expect(browser(`import { createRoot } from "react-dom/client";`)).toBe(true);
    expect(browser(`import { ref } from "vue";`)).toBe(true);
    expect(browser(`import React from "react"; export default async function Page() { return null; }`)).toBe(false);
    expect(browser(`"use server";\nimport { DynamoDBClient } from "@aws-sdk/client-dynamodb";`)).toBe(false);
  });
});

describe("logging: may the file read the whole environment or a secret of it", () => {
  const reads = (code: string, options: Parameters<typeof analyze>[1] = {}) => mayReadEnvironmentSecrets(analyze(code, options).sourceCode.scopeManager);

  it("is yes for any read of the global process that may reach env", () => {
    expect(reads(`console.log(process.env);`)).toBe(true);
    expect(reads(`const e = process["env"];`)).toBe(true);
    expect(reads(`const { env } = process;`)).toBe(true);
    expect(reads(`dump(process);`)).toBe(true);
    expect(reads(`export function f() { return () => process?.env; }`)).toBe(true);
    // Configured globals (process resolves to a variable without definitions), and ESLint's own parser.
    expect(reads(`console.log(process.env);`, { globals: globals.node })).toBe(true);
    expect(reads(`console.log(process.env);`, { parser: "default" })).toBe(true);
  });

  it("is yes for a variable read by a name that is not written out, a secret's name, or a rest of the environment", () => {
    expect(reads(`const value = process.env[name];`)).toBe(true);
    expect(reads(`const secret = process.env.AWS_SECRET_ACCESS_KEY;`)).toBe(true);
    expect(reads(`const token = process.env["MY_AWS_SESSION_TOKEN"];`)).toBe(true);
    expect(reads(`const { STAGE, ...rest } = process.env;`)).toBe(true);
    expect(reads(`const { [name]: value } = process.env;`)).toBe(true);
    expect(reads(`const { AWS_SECURITY_TOKEN } = process.env;`)).toBe(true);
    expect(reads(`let stage; ({ STAGE: stage } = process.env);`)).toBe(true);
    expect(reads(`const names = Object.keys(process.env);`)).toBe(true);
    expect(reads(`const config = { ...process.env };`)).toBe(true);
  });

  it("is no for variables read by names that hold no AWS secret", () => {
    expect(reads(`const table = process.env.TABLE_NAME; const stage = process.env["STAGE"] ?? "dev";`)).toBe(false);
    expect(reads(`const { TABLE_NAME, AWS_REGION: region } = process.env;`)).toBe(false);
    expect(reads(`const id = process.env.AWS_ACCESS_KEY_ID; if (process.env.DEBUG) console.log(id);`, { globals: globals.node })).toBe(false);
  });

  it("is no for typeof tests, other members, a local binding and a file without process", () => {
    expect(reads(`if (typeof process !== "undefined" && process.versions) run(process.argv);`)).toBe(false);
    expect(reads(`process.on("exit", () => process.exit(0));`, { globals: globals.node })).toBe(false);
    expect(reads(`const process = { env: {} }; console.log(process.env);`)).toBe(false);
    expect(reads(`// process.env\nconst processed = 1;`)).toBe(false);
  });
});

describe("logging: credential values", () => {
  it("recognises the result of a credential provider, directly or through a variable", () => {
    expect(
      sensitiveIn(`
        import { fromIni } from "@aws-sdk/credential-providers";
        const provider = fromIni({ profile: "prod" });
        const creds = await provider();
        use(creds);
      `),
    ).toMatchObject({ kind: "credentials", node: "creds", expiration: "expiration", description: "the AWS credentials that `fromIni()` resolves" });
    expect(
      sensitiveIn(`
        const { defaultProvider } = require("@aws-sdk/credential-provider-node");
        use({ credentials: await defaultProvider()() });
      `),
    ).toMatchObject({ kind: "credentials", node: "await defaultProvider()()" });
    expect(sensitiveIn(`import { fromIni } from "@aws-sdk/credential-providers"; use(fromIni());`)).toBeUndefined();
  });

  it("recognises client.config.credentials() and STS responses", () => {
    expect(sensitiveIn(`const creds = await client.config.credentials(); use(creds);`)).toMatchObject({ kind: "credentials", expiration: "expiration" });
    const sts = `
      import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";
      const sts = new STSClient({});
      const response = await sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: "s" }));
      const { Credentials } = response;
    `;
    expect(sensitiveIn(`${sts} use(response);`)).toMatchObject({ kind: "credentials", description: expect.stringContaining("STS `AssumeRole` response"), expiration: "Expiration" });
    expect(sensitiveIn(`${sts} use(Credentials);`)).toMatchObject({ kind: "credentials", description: "the temporary AWS credentials from STS `AssumeRole`" });
    expect(sensitiveIn(`${sts} use(\`key \${Credentials.SecretAccessKey}\`);`)).toMatchObject({ kind: "secret", node: "Credentials.SecretAccessKey" });
    expect(sensitiveIn(`${sts} use(Credentials.Expiration);`)).toBeUndefined();
    expect(sensitiveIn(`${sts} use(Credentials.AccessKeyId);`)).toBeUndefined();
    expect(
      sensitiveIn(
        `const AWS = require("aws-sdk"); const sts = new AWS.STS(); const data = await sts.assumeRole(params).promise(); use(data.Credentials);`,
        "file.js",
      ),
    ).toMatchObject({ kind: "credentials", expiration: "Expiration" });
  });

  it("recognises SDK v2 credentials objects and AWS.config.credentials", () => {
    expect(sensitiveIn(`import AWS from "aws-sdk"; use(AWS.config.credentials);`)).toMatchObject({ kind: "credentials", expiration: "expireTime" });
    expect(sensitiveIn(`import AWS from "aws-sdk"; use("secret=" + AWS.config.credentials.secretAccessKey);`)).toMatchObject({ kind: "secret" });
    expect(sensitiveIn(`import AWS from "aws-sdk"; use(AWS.config.credentials.expireTime);`)).toBeUndefined();
    expect(sensitiveIn(`import AWS from "aws-sdk"; const c = new AWS.SharedIniFileCredentials({ profile }); use(c);`)).toMatchObject({ kind: "credentials" });
    expect(sensitiveIn(`import AWS from "aws-sdk"; use(new AWS.Credentials("local", "local"));`)).toBeUndefined();
  });

  it("recognises credential-shaped objects and secret members, not constant placeholders or key ids", () => {
    expect(sensitiveIn(`use({ accessKeyId: id, secretAccessKey: secret });`)).toMatchObject({ kind: "credentials", node: "{ accessKeyId: id, secretAccessKey: secret }" });
    expect(sensitiveIn(`use(\`\${creds.accessKeyId}:\${creds.secretAccessKey}\`);`)).toMatchObject({ kind: "secret", node: "creds.secretAccessKey" });
    expect(sensitiveIn(`use(credentials.sessionToken);`)).toMatchObject({ kind: "secret", description: "an AWS session token" });
    expect(sensitiveIn(`use({ accessKeyId: "local", secretAccessKey: "local" });`)).toBeUndefined();
    expect(sensitiveIn(`use(creds.accessKeyId);`)).toBeUndefined();
    expect(sensitiveIn(`use(user.sessionToken);`)).toBeUndefined();
    expect(sensitiveIn(`use({ userId, sessionToken });`)).toBeUndefined();
    expect(sensitiveIn(`function login(credentials) { use(credentials); }`)).toBeUndefined();
  });

  it("recognises process.env as a whole and its AWS secret variables", () => {
    expect(sensitiveIn(`use(process.env);`)).toMatchObject({ kind: "environment" });
    expect(sensitiveIn(`use(JSON.stringify(process.env, null, 2));`)).toMatchObject({ kind: "environment" });
    expect(sensitiveIn(`use({ ...process.env });`)).toMatchObject({ kind: "environment" });
    expect(sensitiveIn(`const env = process.env; use({ env });`)).toMatchObject({ kind: "environment", node: "env" });
    expect(sensitiveIn(`const { env } = process; use(env);`)).toMatchObject({ kind: "environment" });
    expect(sensitiveIn(`use("key: " + process.env.AWS_SECRET_ACCESS_KEY);`)).toMatchObject({ kind: "secret", description: "the `AWS_SECRET_ACCESS_KEY` environment variable" });
    expect(sensitiveIn(`use(process.env["AWS_SESSION_TOKEN"]);`)).toMatchObject({ kind: "secret" });
    expect(sensitiveIn(`const { AWS_SECRET_ACCESS_KEY: key } = process.env; use(key);`)).toMatchObject({ kind: "secret" });
    expect(sensitiveIn(`use(process.env.AWS_REGION);`)).toBeUndefined();
    expect(sensitiveIn(`use(process.env.AWS_ACCESS_KEY_ID);`)).toBeUndefined();
    expect(sensitiveIn(`use(Object.keys(process.env));`)).toBeUndefined();
    expect(sensitiveIn(`use(Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_"))));`)).toBeUndefined();
    expect(sensitiveIn(`function f(process) { use(process.env); }`)).toBeUndefined();
  });

  it("looks into local payload objects, later mutations and printing calls", () => {
    const provider = `import { fromEnv } from "@aws-sdk/credential-providers"; const creds = await fromEnv()();`;
    expect(sensitiveIn(`${provider} const meta = { stage }; meta.creds = creds; use(meta);`)).toMatchObject({ node: "creds" });
    expect(sensitiveIn(`${provider} import util from "node:util"; use(util.inspect({ creds }, { depth: 5 }));`)).toMatchObject({ node: "creds" });
    expect(sensitiveIn(`${provider} use(\`expires \${creds.expiration}\`);`)).toBeUndefined();
    expect(sensitiveIn(`${provider} use({ expiration: creds.expiration, source: "env" });`)).toBeUndefined();
    expect(sensitiveIn(`${provider} use(creds && creds.expiration, !!creds, typeof creds);`)).toBeUndefined();
    expect(sensitiveIn(`${provider} use(cached ?? creds);`)).toMatchObject({ kind: "credentials" });
    expect(sensitiveIn(`${provider} const response = { statusCode: 200, body: JSON.stringify(creds) }; use(response.body);`)).toMatchObject({ kind: "credentials", node: "response.body" });
  });

  it("stays bounded on deep and cyclic input", () => {
    // Deeper than the walk's budget: quiet rather than slow or crashing.
    const deep = `use(${"{ a: ".repeat(300)}process.env${" }".repeat(300)});`;
    expect(sensitiveIn(deep)).toBeUndefined();
    const long = `use(${Array.from({ length: 400 }, (_, i) => `"s${i}"`).join(" + ")} + process.env.AWS_SESSION_TOKEN);`;
    expect(sensitiveIn(long)).toMatchObject({ kind: "secret" });
    const leading = `use(process.env.AWS_SESSION_TOKEN + ${Array.from({ length: 400 }, (_, i) => `"s${i}"`).join(" + ")});`;
    expect(sensitiveIn(leading)).toMatchObject({ kind: "secret" });
    expect(sensitiveIn(`let a = b; let b = a; use(a);`)).toBeUndefined();
  });
});

describe("logging: SDK loggers", () => {
  it("records with console, stdout (v2), logger instances and forwarding objects", () => {
    expect(records(`use(console);`)).toBe("`console`");
    expect(records(`use(console);`, "v2")).toBe("`console`");
    expect(records(`use(process.stdout);`, "v2")).toBe("`process.stdout`");
    expect(records(`import pino from "pino"; const logger = pino(); use(logger);`)).toBe("a pino logger");
    expect(records(`import { Logger } from "@aws-lambda-powertools/logger"; use(new Logger({ serviceName: "x" }));`)).toBe("a Powertools Logger");
    expect(records(`use({ info: (...args) => console.log(...args), debug() {}, warn() {}, error() {} });`)).toMatch(/`info` method logs/);
    expect(records(`use({ info: console.info, debug: console.debug });`)).toMatch(/`info` method logs/);
    expect(records(`use({ log(message) { process.stdout.write(message); } });`, "v2")).toMatch(/`log` method logs/);
    expect(records(`import { logger } from "./logger"; use(logger);`)).toBe("`logger`");
  });

  it("is quiet for no-ops, filters, levels above info, opt-in switches and unknown values", () => {
    expect(records(`use({ info() {}, debug() {}, warn: console.warn, error: console.error });`)).toBeUndefined();
    expect(records(`use({ ...console, info: () => {} });`)).toBeUndefined();
    expect(records(`use({ info: (entry) => console.log(entry.commandName) });`)).toBeUndefined();
    expect(records(`import pino from "pino"; use(pino({ level: "warn" }));`)).toBeUndefined();
    expect(records(`import pino from "pino"; use(pino({ level: process.env.LOG_LEVEL ?? "error" }).child({ m: "ddb" }));`)).toBeUndefined();
    expect(records(`import { Logger } from "@aws-lambda-powertools/logger"; use(new Logger({ logLevel: "WARN" }));`)).toBeUndefined();
    expect(records(`use(process.env.DEBUG ? console : undefined);`)).toBeUndefined();
    expect(records(`use(process.stdout);`)).toBeUndefined();
    expect(records(`import pino from "pino"; use(pino());`, "v2")).toBeUndefined();
    expect(records(`import { noopLogger } from "./logger"; use(noopLogger);`)).toBeUndefined();
    expect(records(`use(undefined);`)).toBeUndefined();
    expect(records(`use(makeSdkLogger());`)).toBeUndefined();
    expect(records(`class Quiet { info() {} } use(new Quiet());`)).toBeUndefined();
    expect(records(`class Loud { info(m) { console.log(m); } } use(new Loud());`)).toMatch(/`info` method logs/);
  });
});
