import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import rule from "../../rules/no-hardcoded-credentials";
import { runRuleTests } from "../rule-tester";
import globals from "globals";

// Made-up values in the real formats (random, not real keys). Key ids are assembled from two pieces so
// that the project's self-lint, which runs this rule, does not flag this file.
const KEY_ID = "AKIA" + "2E7QZ4VNRM3KXH5T";
const KEY_ID_2 = "AKIA" + "W4HQ7ZLN2XPD6RTJ";
const TEMP_KEY_ID = "ASIA" + "Y5LQ3N7WPV2HTK4D";
const SECRET = "q8Vd2Lk9/Xr4TbN+7mWcPz3yGh6JfQs1RaEu0KtB";
const SECRET_2 = "Hn4pW2sK8vQz/Lr6YtB1mXc9Gd3Fj7Ne5Ua0RkPi";
const TOKEN = "IQoJb3JpZ2luX2VjEHcaCXVzLWVhc3QtMSJHMEUCIQD7n1zWq4Rk2sVbM8pL3xT9yC6dF0gH5jK1mN2oP3qR4sAiB5tU6vW7xY8zA9bC0dE1fG2hI3jK4lM5nO6pQ7rS8tU9vWKvkCCBAQAB";

const KEY_ID_MASK = "AKIA…XH5T";
const SECRET_MASK = "…0KtB";

/** A Next.js module that gives its client credentials from \`secret\` (and the key id from a server variable). */
const browserEnvClient = (secret: string) => `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({
  credentials: { accessKeyId: process.env.AWS_KEY_ID!, secretAccessKey: ${secret} },
});
`;

// Suggested outputs of the credential-provider case: the provider declared only for this client goes with it.
const PROVIDER_WITHOUT_DECLARED = `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";


export class NotesRepository {
  private readonly doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ credentials: async () => ({ accessKeyId: "${TEMP_KEY_ID}", secretAccessKey: process.env.S!, sessionToken: "${TOKEN}" }) }),
  );
  private readonly other = new DynamoDBClient(Object.assign({ region: "eu-west-1" }, {}));

  find(id: string) {
    return this.doc.send(new GetCommand({ TableName: "notes", Key: { id } }));
  }
}
`;
const PROVIDER_WITHOUT_INLINE = `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";

async function loadCredentials() {
  return { accessKeyId: "${KEY_ID_2}", secretAccessKey: "${SECRET_2}" };
}

export class NotesRepository {
  private readonly doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({}),
  );
  private readonly other = new DynamoDBClient(Object.assign({ region: "eu-west-1" }, { credentials: loadCredentials }));

  find(id: string) {
    return this.doc.send(new GetCommand({ TableName: "notes", Key: { id } }));
  }
}
`;

const script = { parserOptions: { sourceType: "script" } } as const;

/** Two classes that hold the secret in a field: an initialiser, and one assignment in the constructor. */
const CLASS_FIELD_SECRETS = `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export class Repo {
  private readonly secret = "${SECRET}";
  private readonly client = new DynamoDBClient({ region: "eu-west-1", credentials: { accessKeyId: process.env.KEY_ID!, secretAccessKey: this.secret } });
}
export class Other {
  private readonly key: string;
  private readonly client: DynamoDBClient;
  constructor() {
    this.key = "${SECRET}";
    this.client = new DynamoDBClient({ region: "eu-west-1", credentials: { accessKeyId: process.env.KEY_ID!, secretAccessKey: this.key } });
  }
}
`;

/** The code with the `credentials` property that reads `field` removed, as the suggestion does. */
function withoutCredentials(code: string, field: string): string {
  return code.replace(`, credentials: { accessKeyId: process.env.KEY_ID!, secretAccessKey: ${field} }`, "");
}

/** `process.env.AWS_*` set in code, in a file that does not mention DynamoDB. */
const environmentWrites = {
  name: "process.env.AWS_* set in code, in a file that does not mention DynamoDB",
  filename: "src/bootstrap.ts",
  code: `
process.env.AWS_ACCESS_KEY_ID = "${KEY_ID}";
process.env["AWS_SECRET_ACCESS_KEY"] = process.env.PROD_SECRET || "${SECRET}";
Object.assign(process.env, { AWS_REGION: "us-east-1", AWS_SESSION_TOKEN: "${TOKEN}" });
`,
  errors: [
    {
      messageId: "hardcodedEnvironment",
      data: { name: "AWS_ACCESS_KEY_ID", masked: KEY_ID_MASK },
      line: 2,
      suggestions: [
        {
          messageId: "removeAssignment",
          data: { name: "AWS_ACCESS_KEY_ID" },
          output: `
process.env["AWS_SECRET_ACCESS_KEY"] = process.env.PROD_SECRET || "${SECRET}";
Object.assign(process.env, { AWS_REGION: "us-east-1", AWS_SESSION_TOKEN: "${TOKEN}" });
`,
        },
      ],
    },
    {
      messageId: "hardcodedEnvironment",
      data: { name: "AWS_SECRET_ACCESS_KEY", masked: SECRET_MASK },
      line: 3,
      suggestions: [
        {
          messageId: "dropFallback",
          output: `
process.env.AWS_ACCESS_KEY_ID = "${KEY_ID}";
process.env["AWS_SECRET_ACCESS_KEY"] = process.env.PROD_SECRET;
Object.assign(process.env, { AWS_REGION: "us-east-1", AWS_SESSION_TOKEN: "${TOKEN}" });
`,
        },
      ],
    },
    {
      messageId: "hardcodedEnvironment",
      data: { name: "AWS_SESSION_TOKEN", masked: `…${TOKEN.slice(-4)}` },
      line: 4,
      suggestions: [
        {
          messageId: "removeAssignment",
          data: { name: "AWS_SESSION_TOKEN" },
          output: `
process.env.AWS_ACCESS_KEY_ID = "${KEY_ID}";
process.env["AWS_SECRET_ACCESS_KEY"] = process.env.PROD_SECRET || "${SECRET}";
Object.assign(process.env, { AWS_REGION: "us-east-1" });
`,
        },
      ],
    },
  ],
} as const;

runRuleTests("no-hardcoded-credentials", rule, {
  valid: [
    {
      name: "the key id a signature names as its credential: a presigned URL's parameter, a signed request's header (made to be handed out, no secret key)",
      filename: "tests/mocks/signed-url.mock.ts",
      code: `
export const signedUrlMock = "https://uploads.s3.eu-west-1.amazonaws.com/file.csv?AWSAccessKeyId=${TEMP_KEY_ID}&Expires=1631440568&Signature=abc%3D";
export const v4Url = \`https://uploads.s3.amazonaws.com/file.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${KEY_ID}%2F\${date}%2Fus-east-1%2Fs3%2Faws4_request\`;
export const headers = { Authorization: "AWS4-HMAC-SHA256 Credential=${KEY_ID}/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc" };
`,
    },
    {
      name: "secrets from server-only variables, and public-prefixed variables that hold no secret",
      filename: "config/dbconfig.ts",
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({
  region: process.env.NEXT_PUBLIC_AWS_REGION,
  credentials: { accessKeyId: process.env.NEXT_PUBLIC_AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! },
});
export const vite = new DynamoDBClient({ credentials: { accessKeyId: "x", secretAccessKey: process.env.VITE_SECRET! } });
`,
    },
    {
      name: "v3: credentials from the default chain, providers, STS and parameters",
      filename: "src/db.ts",
      code: `
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
        import { STSClient, AssumeRoleCommand } from "@aws-sdk/client-sts";

        export const defaultClient = new DynamoDBClient({ region: process.env.AWS_REGION });
        export const profileClient = new DynamoDBClient({ credentials: fromIni({ profile: "reporting" }) });
        export const chainClient = new DynamoDBClient({ credentials: fromNodeProviderChain() });
        export const roleClient = new DynamoDBClient({ credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN! } }) });

        export async function tenantClient(roleArn: string) {
          const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "tenant" }));
          return new DynamoDBClient({
            credentials: {
              accessKeyId: Credentials!.AccessKeyId!,
              secretAccessKey: Credentials!.SecretAccessKey!,
              sessionToken: Credentials!.SessionToken,
            },
          });
        }

        export function clientFor(accessKeyId: string, secretAccessKey: string) {
          return new DynamoDBClient({ credentials: { accessKeyId, secretAccessKey } });
        }

        export const envClient = new DynamoDBClient({
          credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! },
        });
      `,
    },
    {
      name: "v3: DynamoDB Local with placeholders (loopback, compose service, configured endpoint)",
      filename: "src/local-db.ts",
      code: `
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

        const local = new DynamoDBClient({
          region: "local",
          endpoint: "http://localhost:8000",
          credentials: { accessKeyId: "localuser", secretAccessKey: "localsecret" },
        });
        const compose = new DynamoDBClient({
          endpoint: "http://dynamodb-local:8000",
          credentials: { accessKeyId: "appuser", secretAccessKey: "Tr0ub4dor3horse" },
        });
        const configured = new DynamoDBClient({
          endpoint: process.env.DYNAMODB_ENDPOINT,
          credentials: { accessKeyId: "ci-runner", secretAccessKey: "hq9Lz2bVx7" },
        });
        export const docs = [local, compose, configured].map((client) => DynamoDBDocumentClient.from(client));
      `,
    },
    {
      name: "v3: offline switch with AWS documentation and filler keys",
      filename: "src/db.js",
      code: `
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        const offline = process.env.IS_OFFLINE === "true";
        export const client = new DynamoDBClient(
          offline
            ? { region: "localhost", endpoint: "http://localhost:8000", credentials: { accessKeyId: "MockAccessKeyId", secretAccessKey: "MockSecretAccessKey" } }
            : {},
        );
        export const docsClient = new DynamoDBClient({
          credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
        });
        export const fillerClient = new DynamoDBClient({
          credentials: { accessKeyId: "AKIAXXXXXXXXXXXXXXXX", secretAccessKey: "" },
        });
      `,
    },
    {
      name: "v2: serverless-offline and DynamoDB Local placeholders, config from a file",
      filename: "handler.js",
      languageOptions: script,
      code: `
        const AWS = require("aws-sdk");
        AWS.config.loadFromPath("./config.json");
        const options = process.env.IS_OFFLINE
          ? { region: "localhost", endpoint: "http://localhost:8000", accessKeyId: "DEFAULT_ACCESS_KEY", secretAccessKey: "DEFAULT_SECRET" }
          : {};
        const db = new AWS.DynamoDB.DocumentClient(options);
        const local = new AWS.DynamoDB({ endpoint: new AWS.Endpoint("http://127.0.0.1:8000"), accessKeyId: "dev", secretAccessKey: "hq9Lz2bVx7" });
        module.exports = { db, local };
      `,
    },
    {
      name: "process.env placeholders and other variables; a local process object",
      filename: "jest.setup.ts",
      code: `
        process.env.AWS_ACCESS_KEY_ID = "fakeMyKeyId";
        process.env.AWS_SECRET_ACCESS_KEY = "fakeSecretAccessKey";
        process.env.AWS_REGION = "${SECRET}";
        Object.assign(process.env, { AWS_SESSION_TOKEN: "test", TABLE_NAME: "notes" });
        function configure(process: { env: Record<string, string> }) {
          process.env.AWS_SECRET_ACCESS_KEY = "${SECRET}";
        }
      `,
    },
    {
      name: "non-secret AWS unique ids, key ids inside longer tokens, fillers in any string",
      filename: "src/policy.ts",
      code: `
        export const principals = ["AIDA${KEY_ID.slice(4)}", "AROA${KEY_ID.slice(4)}", "ANPA${KEY_ID.slice(4)}"];
        export const notAKey = "X${KEY_ID}";
        export const longer = "${KEY_ID}QQ";
        export const sample = \`aws_access_key_id = AKIAIOSFODNN7EXAMPLE\`;
        export const redacted = "AKIA****************";
      `,
    },
    {
      name: "other AWS clients are not this plugin's business unless a key id appears",
      filename: "src/s3.ts",
      code: `
        import { S3Client } from "@aws-sdk/client-s3";
        export const s3 = new S3Client({ credentials: { accessKeyId: "minio", secretAccessKey: "Tr0ub4dor3horse" } });
      `,
    },
    {
      name: "odd shapes do not crash: no config, spread arguments, cycles, computed keys",
      filename: "src/odd.ts",
      code: `
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        import AWS from "aws-sdk";
        const a: any = b;
        const b: any = a;
        const key = "accessKeyId";
        new DynamoDBClient();
        new DynamoDBClient(...args);
        new DynamoDBClient({ credentials: a });
        new DynamoDBClient({ credentials: { [key]: "Tr0ub4dor3horse" } });
        AWS.config.update();
        AWS.config.credentials = null;
        new AWS.Credentials(...parts);
        process.env.AWS_ACCESS_KEY_ID ||= "fakeKey";
        function selfReferencing() {
          return new DynamoDBClient({ credentials: selfReferencing });
        }
      `,
    },
    {
      name: "allowedValues: project placeholders",
      filename: "src/db.ts",
      options: [{ allowedValues: [KEY_ID, SECRET] }],
      code: `
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        export const client = new DynamoDBClient({ credentials: { accessKeyId: "${KEY_ID}", secretAccessKey: "${SECRET}" } });
        export const fixture = "${KEY_ID}";
      `,
    },
  ],
  invalid: [
    {
      name: "a secret read from a variable that Next.js copies into browser code",
      filename: "config/dbconfig.ts",
      code: browserEnvClient("process.env.NEXT_PUBLIC_AWS_SECRET_ACCESS_KEY!"),
      errors: [
        {
          messageId: "browserBundledCredential",
          data: { slot: "secret access key", variable: "process.env.NEXT_PUBLIC_AWS_SECRET_ACCESS_KEY", tool: "Next.js", prefix: "NEXT_PUBLIC_" },
          line: 3,
          column: 73,
          suggestions: [{ messageId: "useServerVariable", data: { name: "AWS_SECRET_ACCESS_KEY" }, output: browserEnvClient("process.env.AWS_SECRET_ACCESS_KEY!") }],
        },
      ],
    },
    {
      name: "a secret read through a constant from Vite's import.meta.env, and a session token from Create React App's environment",
      filename: "src/aws.ts",
      code: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const secret = import.meta.env.VITE_AWS_SECRET;
export const client = new DynamoDBClient({ credentials: { accessKeyId: "x", secretAccessKey: secret, sessionToken: process.env["REACT_APP_TOKEN"] } });
`,
      errors: [
        {
          messageId: "browserBundledCredential",
          data: { slot: "secret access key", variable: "import.meta.env.VITE_AWS_SECRET", tool: "Vite", prefix: "VITE_" },
          line: 2,
          suggestions: [
            {
              messageId: "useServerVariable",
              output: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const secret = import.meta.env.AWS_SECRET;
export const client = new DynamoDBClient({ credentials: { accessKeyId: "x", secretAccessKey: secret, sessionToken: process.env["REACT_APP_TOKEN"] } });
`,
            },
          ],
        },
        { messageId: "browserBundledCredential", data: { slot: "session token", variable: 'process.env["REACT_APP_TOKEN"]', tool: "Create React App", prefix: "REACT_APP_" }, line: 3, suggestions: [] },
      ],
    },
    {
      name: "a secret held in a class field (an initialiser, or one assignment in the constructor) and handed to the client",
      filename: "src/repo.ts",
      code: CLASS_FIELD_SECRETS,
      errors: [
        { messageId: "hardcodedCredential", data: { slot: "secret access key", masked: SECRET_MASK }, line: 4, suggestions: [{ messageId: "removeCredentials", output: withoutCredentials(CLASS_FIELD_SECRETS, "this.secret") }] },
        { messageId: "hardcodedCredential", data: { slot: "secret access key", masked: SECRET_MASK }, line: 11, suggestions: [{ messageId: "removeCredentials", output: withoutCredentials(CLASS_FIELD_SECRETS, "this.key") }] },
      ],
    },
    {
      name: "v3 config module (TS, ESM): inline credentials object",
      filename: "src/lib/dynamo.ts",
      code: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

const client = new DynamoDBClient({
  region: "eu-west-1",
  credentials: {
    accessKeyId: "${KEY_ID}",
    secretAccessKey: "${SECRET}",
  },
});

export const docClient = DynamoDBDocumentClient.from(client);
`,
      errors: [
        {
          messageId: "hardcodedCredential",
          data: { slot: "access key id", masked: KEY_ID_MASK },
          line: 8,
          column: 18,
          suggestions: [
            {
              messageId: "removeCredentials",
              output: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

const client = new DynamoDBClient({
  region: "eu-west-1",
});

export const docClient = DynamoDBDocumentClient.from(client);
`,
            },
          ],
        },
        {
          messageId: "hardcodedCredential",
          data: { slot: "secret access key", masked: SECRET_MASK },
          line: 9,
          suggestions: [
            {
              messageId: "removeCredentials",
              output: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

const client = new DynamoDBClient({
  region: "eu-west-1",
});

export const docClient = DynamoDBDocumentClient.from(client);
`,
            },
          ],
        },
      ],
    },
    {
      name: "v3 (CommonJS): hardcoded fallbacks after process.env",
      filename: "src/db.js",
      languageOptions: script,
      code: `
const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID || "${KEY_ID}",
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "${SECRET}",
  },
});
module.exports = { client };
`,
      errors: [
        {
          messageId: "hardcodedFallback",
          data: { slot: "access key id", masked: KEY_ID_MASK },
          line: 6,
          column: 51,
          suggestions: [
            {
              messageId: "dropFallback",
              output: `
const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "${SECRET}",
  },
});
module.exports = { client };
`,
            },
          ],
        },
        {
          messageId: "hardcodedFallback",
          data: { slot: "secret access key", masked: SECRET_MASK },
          line: 7,
          suggestions: [
            {
              messageId: "dropFallback",
              output: `
const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID || "${KEY_ID}",
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  },
});
module.exports = { client };
`,
            },
          ],
        },
      ],
    },
    {
      name: "v3: constants in a config object, spread into the client (aggregated DynamoDB)",
      filename: "src/config.ts",
      code: `
import { DynamoDB } from "@aws-sdk/client-dynamodb";
const ACCESS_KEY = "${KEY_ID}";
const config = {
  aws: { region: "us-east-1", credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: process.env.SECRET! } },
  port: 3000,
};
export const dynamo = new DynamoDB({ ...config.aws, maxAttempts: 5 });
`,
      errors: [
        {
          messageId: "hardcodedCredential",
          data: { slot: "access key id", masked: KEY_ID_MASK },
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: "removeCredentials",
              output: `
import { DynamoDB } from "@aws-sdk/client-dynamodb";
const ACCESS_KEY = "${KEY_ID}";
const config = {
  aws: { region: "us-east-1" },
  port: 3000,
};
export const dynamo = new DynamoDB({ ...config.aws, maxAttempts: 5 });
`,
            },
          ],
        },
      ],
    },
    {
      name: "v3: credential provider functions (async arrow and function declaration), Object.assign",
      filename: "src/repositories/notes.ts",
      code: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";

async function loadCredentials() {
  return { accessKeyId: "${KEY_ID_2}", secretAccessKey: "${SECRET_2}" };
}

export class NotesRepository {
  private readonly doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ credentials: async () => ({ accessKeyId: "${TEMP_KEY_ID}", secretAccessKey: process.env.S!, sessionToken: "${TOKEN}" }) }),
  );
  private readonly other = new DynamoDBClient(Object.assign({ region: "eu-west-1" }, { credentials: loadCredentials }));

  find(id: string) {
    return this.doc.send(new GetCommand({ TableName: "notes", Key: { id } }));
  }
}
`,
      errors: [
        { messageId: "hardcodedCredential", data: { slot: "access key id", masked: "AKIA…6RTJ" }, line: 6, suggestions: [{ messageId: "removeCredentials", output: PROVIDER_WITHOUT_DECLARED }] },
        { messageId: "hardcodedCredential", data: { slot: "secret access key", masked: `…${SECRET_2.slice(-4)}` }, line: 6, suggestions: [{ messageId: "removeCredentials", output: PROVIDER_WITHOUT_DECLARED }] },
        { messageId: "hardcodedCredential", data: { slot: "access key id", masked: "ASIA…TK4D" }, line: 11, suggestions: [{ messageId: "removeCredentials", output: PROVIDER_WITHOUT_INLINE }] },
        { messageId: "hardcodedCredential", data: { slot: "session token", masked: `…${TOKEN.slice(-4)}` }, line: 11, suggestions: [{ messageId: "removeCredentials", output: PROVIDER_WITHOUT_INLINE }] },
      ],
    },
    {
      name: "v3: a real-format key is never needed for DynamoDB Local",
      filename: "scripts/seed.ts",
      code: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({ endpoint: "http://localhost:8000", credentials: { accessKeyId: "${KEY_ID}", secretAccessKey: "local" } });
`,
      errors: [
        {
          messageId: "hardcodedCredential",
          line: 3,
          suggestions: [
            {
              messageId: "removeCredentials",
              output: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({ endpoint: "http://localhost:8000" });
`,
            },
          ],
        },
      ],
    },
    {
      name: "v3: a password-like value for a fixed remote endpoint",
      filename: "src/alternator.ts",
      code: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({
  endpoint: "https://alternator.internal.example.com:8043",
  credentials: { accessKeyId: "app-user", secretAccessKey: "Tr0ub4dor&3horse" },
});
`,
      errors: [
        {
          messageId: "hardcodedCredential",
          data: { slot: "secret access key", masked: "16 characters, hidden" },
          line: 5,
          column: 60,
          suggestions: [
            {
              messageId: "removeCredentials",
              output: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
export const client = new DynamoDBClient({
  endpoint: "https://alternator.internal.example.com:8043",
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "v3: a credentials constant used only by the client goes with it; template literal values",
      filename: "src/db.ts",
      code: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

const credentials = {
  accessKeyId: \`${KEY_ID}\`,
  secretAccessKey: "${SECRET}",
};

export const client = new DynamoDBClient({ region: "eu-west-1", credentials });
`,
      errors: [
        {
          messageId: "hardcodedCredential",
          data: { slot: "access key id", masked: KEY_ID_MASK },
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: "removeCredentials",
              output: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";


export const client = new DynamoDBClient({ region: "eu-west-1" });
`,
            },
          ],
        },
        {
          messageId: "hardcodedCredential",
          data: { slot: "secret access key", masked: SECRET_MASK },
          line: 6,
          suggestions: [
            {
              messageId: "removeCredentials",
              output: `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";


export const client = new DynamoDBClient({ region: "eu-west-1" });
`,
            },
          ],
        },
      ],
    },
    {
      name: "v2: credentials object on a service, let binding",
      filename: "src/legacy.js",
      languageOptions: script,
      code: `
var AWS = require("aws-sdk");
let secret = "${SECRET}";
var db = new AWS.DynamoDB({ region: "eu-west-1", credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: secret } });
module.exports = db;
`,
      errors: [
        {
          messageId: "hardcodedCredential",
          data: { slot: "secret access key", masked: SECRET_MASK },
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: "removeCredentials",
              output: `
var AWS = require("aws-sdk");
let secret = "${SECRET}";
var db = new AWS.DynamoDB({ region: "eu-west-1" });
module.exports = db;
`,
            },
          ],
        },
      ],
    },
    {
      name: "v2 (CommonJS): AWS.config.update with keys",
      filename: "lambda/handler.js",
      languageOptions: script,
      code: `
const AWS = require("aws-sdk");
AWS.config.update({
  region: "us-east-1",
  accessKeyId: "${KEY_ID}",
  secretAccessKey: "${SECRET}",
});
const docClient = new AWS.DynamoDB.DocumentClient();
exports.handler = async (event) => docClient.get({ TableName: "notes", Key: { id: event.pathParameters.id } }).promise();
`,
      errors: [
        {
          messageId: "hardcodedCredential",
          line: 5,
          suggestions: [
            {
              messageId: "removeKeys",
              output: `
const AWS = require("aws-sdk");
AWS.config.update({
  region: "us-east-1",
});
const docClient = new AWS.DynamoDB.DocumentClient();
exports.handler = async (event) => docClient.get({ TableName: "notes", Key: { id: event.pathParameters.id } }).promise();
`,
            },
          ],
        },
        {
          messageId: "hardcodedCredential",
          line: 6,
          suggestions: [
            {
              messageId: "removeKeys",
              output: `
const AWS = require("aws-sdk");
AWS.config.update({
  region: "us-east-1",
});
const docClient = new AWS.DynamoDB.DocumentClient();
exports.handler = async (event) => docClient.get({ TableName: "notes", Key: { id: event.pathParameters.id } }).promise();
`,
            },
          ],
        },
      ],
    },
    {
      name: "v2: DocumentClient and service configs, AWS.Config, clients/dynamodb",
      filename: "src/db.js",
      code: `
import AWS from "aws-sdk";
import DynamoDB from "aws-sdk/clients/dynamodb";
export const doc = new AWS.DynamoDB.DocumentClient({ accessKeyId: "${KEY_ID}", secretAccessKey: "${SECRET}", region: "eu-west-1" });
export const low = new DynamoDB({ region: "eu-west-1", sessionToken: "${TOKEN}" });
export const config = new AWS.Config({ secretAccessKey: "${SECRET_2}" });
`,
      errors: [
        {
          messageId: "hardcodedCredential",
          line: 4,
          column: 67,
          suggestions: [
            {
              messageId: "removeKeys",
              output: `
import AWS from "aws-sdk";
import DynamoDB from "aws-sdk/clients/dynamodb";
export const doc = new AWS.DynamoDB.DocumentClient({ region: "eu-west-1" });
export const low = new DynamoDB({ region: "eu-west-1", sessionToken: "${TOKEN}" });
export const config = new AWS.Config({ secretAccessKey: "${SECRET_2}" });
`,
            },
          ],
        },
        {
          messageId: "hardcodedCredential",
          line: 4,
          column: 108,
          suggestions: [
            {
              messageId: "removeKeys",
              output: `
import AWS from "aws-sdk";
import DynamoDB from "aws-sdk/clients/dynamodb";
export const doc = new AWS.DynamoDB.DocumentClient({ region: "eu-west-1" });
export const low = new DynamoDB({ region: "eu-west-1", sessionToken: "${TOKEN}" });
export const config = new AWS.Config({ secretAccessKey: "${SECRET_2}" });
`,
            },
          ],
        },
        {
          messageId: "hardcodedCredential",
          data: { slot: "session token", masked: `…${TOKEN.slice(-4)}` },
          line: 5,
          suggestions: [
            {
              messageId: "removeKeys",
              output: `
import AWS from "aws-sdk";
import DynamoDB from "aws-sdk/clients/dynamodb";
export const doc = new AWS.DynamoDB.DocumentClient({ accessKeyId: "${KEY_ID}", secretAccessKey: "${SECRET}", region: "eu-west-1" });
export const low = new DynamoDB({ region: "eu-west-1" });
export const config = new AWS.Config({ secretAccessKey: "${SECRET_2}" });
`,
            },
          ],
        },
        {
          messageId: "hardcodedCredential",
          line: 6,
          suggestions: [
            {
              messageId: "removeKeys",
              output: `
import AWS from "aws-sdk";
import DynamoDB from "aws-sdk/clients/dynamodb";
export const doc = new AWS.DynamoDB.DocumentClient({ accessKeyId: "${KEY_ID}", secretAccessKey: "${SECRET}", region: "eu-west-1" });
export const low = new DynamoDB({ region: "eu-west-1", sessionToken: "${TOKEN}" });
export const config = new AWS.Config({});
`,
            },
          ],
        },
      ],
    },
    {
      name: "v2: AWS.config.credentials = new AWS.Credentials(...) and a standalone Credentials object",
      filename: "src/aws.ts",
      code: `
import AWS = require("aws-sdk");
const KEYS = { id: "${KEY_ID}", secret: "${SECRET}" };
AWS.config.credentials = new AWS.Credentials(KEYS.id, KEYS.secret);
export const readOnly = new AWS.Credentials({ accessKeyId: "${KEY_ID_2}", secretAccessKey: process.env.RO_SECRET! });
export const db = new AWS.DynamoDB();
`,
      errors: [
        {
          messageId: "hardcodedCredential",
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: "removeCredentials",
              output: `
import AWS = require("aws-sdk");
const KEYS = { id: "${KEY_ID}", secret: "${SECRET}" };
export const readOnly = new AWS.Credentials({ accessKeyId: "${KEY_ID_2}", secretAccessKey: process.env.RO_SECRET! });
export const db = new AWS.DynamoDB();
`,
            },
          ],
        },
        {
          messageId: "hardcodedCredential",
          line: 3,
          column: 52,
          suggestions: [
            {
              messageId: "removeCredentials",
              output: `
import AWS = require("aws-sdk");
const KEYS = { id: "${KEY_ID}", secret: "${SECRET}" };
export const readOnly = new AWS.Credentials({ accessKeyId: "${KEY_ID_2}", secretAccessKey: process.env.RO_SECRET! });
export const db = new AWS.DynamoDB();
`,
            },
          ],
        },
        { messageId: "hardcodedCredential", data: { slot: "access key id", masked: "AKIA…6RTJ" }, line: 5, suggestions: [] },
      ],
    },
    environmentWrites,
    {
      ...environmentWrites,
      name: "process.env.AWS_* set in code, with Node's globals declared (`globals.node`: `process` is then a global variable)",
      languageOptions: { globals: globals.node },
    },
    {
      name: "access key ids in any string or template chunk, in any file (also tests)",
      filename: "tests/fixtures/upload.test.js",
      code: `
const headers = { "x-debug": "signed by ${KEY_ID}/20240101/us-east-1/s3/aws4_request" };
const url = \`https://example.com/upload?owner=${TEMP_KEY_ID}%2F\${date}&sig=\${sig}\`;
const pair = "${KEY_ID}:${KEY_ID_2}";
`,
      errors: [
        { messageId: "accessKeyIdInString", data: { masked: KEY_ID_MASK }, line: 2, column: 41, endColumn: 61 },
        { messageId: "accessKeyIdInString", data: { masked: "ASIA…TK4D" }, line: 3, column: 47 },
        { messageId: "accessKeyIdInString", data: { masked: KEY_ID_MASK }, line: 4, column: 15 },
        { messageId: "accessKeyIdInString", data: { masked: "AKIA…6RTJ" }, line: 4, column: 36 },
      ],
    },
    {
      // The listeners are skipped in files whose text holds no key id prefix and no variable name; escape
      // sequences can spell both, so such text is always checked.
      name: "a key id and a variable name spelled with escape sequences are still found",
      filename: "src/bootstrap.js",
      code: `
const id = "\\u0041${KEY_ID.slice(1)}";
process.env.AWS\\u005fSESSION_TOKEN = "${TOKEN}";
`,
      errors: [
        { messageId: "accessKeyIdInString", data: { masked: KEY_ID_MASK }, line: 2, column: 12, endColumn: 39 },
        { messageId: "hardcodedEnvironment", data: { name: "AWS_SESSION_TOKEN", masked: `…${TOKEN.slice(-4)}` }, line: 3, suggestions: [{ messageId: "removeAssignment", data: { name: "AWS_SESSION_TOKEN" }, output: `
const id = "\\u0041${KEY_ID.slice(1)}";
` }] },
      ],
    },
    {
      name: "a key id split by a line continuation is still found",
      filename: "src/bootstrap.js",
      code: `
const id = "AK\\
${KEY_ID.slice(2)}";
`,
      errors: [{ messageId: "accessKeyIdInString", data: { masked: KEY_ID_MASK }, line: 2, column: 12 }],
    },
  ],
});

describe("no-hardcoded-credentials: secrets never reach messages", () => {
  it("masks every credential in messages and suggestion descriptions", () => {
    const linter = new Linter({ configType: "flat" });
    const code = `
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      process.env.AWS_SESSION_TOKEN = "${TOKEN}";
      export const client = new DynamoDBClient({ credentials: { accessKeyId: "${KEY_ID}", secretAccessKey: process.env.S || "${SECRET}" } });
      export const password = new DynamoDBClient({ credentials: { accessKeyId: "${KEY_ID_2}", secretAccessKey: "Tr0ub4dor&3horse" } });
      const leaked = "${TEMP_KEY_ID}";
    `;
    const messages = linter.verify(
      code,
      [{ files: ["**/*.ts"], languageOptions: { parser: tsParser }, plugins: { d: { rules: { r: rule as never } } }, rules: { "d/r": "error" } }],
      "file.ts",
    );
    expect(messages.map((message) => message.messageId)).toEqual([
      "hardcodedEnvironment",
      "hardcodedCredential",
      "hardcodedFallback",
      "hardcodedCredential",
      "hardcodedCredential",
      "accessKeyIdInString",
    ]);
    const printed = messages.flatMap((message) => [message.message, ...(message.suggestions ?? []).map((suggestion) => suggestion.desc)]).join("\n");
    for (const secret of [TOKEN, KEY_ID, SECRET, KEY_ID_2, TEMP_KEY_ID, "Tr0ub4dor&3horse"]) {
      expect(printed).not.toContain(secret.slice(4, 14));
    }
  });
});
