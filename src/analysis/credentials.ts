// What a credential value written in the source is: a real-format AWS key, an obvious placeholder, or
// something in between; how to show it without repeating it; and whether an endpoint is local (DynamoDB
// Local, LocalStack, a compose service). Pure functions over strings: no AST here, see credential-sites.ts.
// Every regular expression in this module is linear-time (the project lints itself with
// eslint-plugin-regexp's no-super-linear-backtracking): they run on every string literal of every file.

export type CredentialSlot = "accessKeyId" | "secretAccessKey" | "sessionToken";

export const CREDENTIAL_SLOTS: readonly CredentialSlot[] = ["accessKeyId", "secretAccessKey", "sessionToken"];

/** Environment variables the SDKs read credentials from, by slot. */
export const CREDENTIAL_ENV_VARIABLES: Readonly<Record<string, CredentialSlot>> = {
  AWS_ACCESS_KEY_ID: "accessKeyId",
  AWS_SECRET_ACCESS_KEY: "secretAccessKey",
  AWS_SESSION_TOKEN: "sessionToken",
};

/** How every access key id begins (text without one holds no key id; see ACCESS_KEY_ID_TOKEN). */
export const ACCESS_KEY_ID_PREFIXES: readonly string[] = ["AKIA", "ASIA", "ABIA", "ACCA"];

/**
 * An AWS access key id as a whole token: `AKIA` (long-term user key), `ASIA` (temporary, STS), `ABIA`
 * (STS service bearer token), `ACCA` (context-specific) and 16 characters of base32 `[A-Z2-7]`.
 * Other `A...` unique-id prefixes (`AIDA` user, `AROA` role, `AGPA`, `ANPA`, `APKA`, `AIPA`, `ASCA`) are not
 * secrets and appear in policies and logs: they do not match.
 */
const ACCESS_KEY_ID_TOKEN = /(?<![\dA-Za-z])A(?:KIA|SIA|BIA|CCA)[2-7A-Z]{16}(?![\dA-Za-z])/g;
const ACCESS_KEY_ID_FORMAT = /^A(?:KIA|SIA|BIA|CCA)[2-7A-Z]{16}$/;
/** A secret access key: 40 characters of base64 without padding. */
const SECRET_ACCESS_KEY_FORMAT = /^[\d+/A-Z]{40}$/i;
/** A session token: long base64 (hundreds of characters in practice). */
const SESSION_TOKEN_FORMAT = /^[\d+/=A-Z]{100,}$/i;

export interface AccessKeyIdMatch {
  /** The key id. */
  value: string;
  /** Offset of the key id in the scanned text. */
  index: number;
}

/** Every AWS access key id in `text`, as whole tokens (also the documentation and filler ones; see isPlaceholderCredential). */
export function findAccessKeyIds(text: string): AccessKeyIdMatch[] {
  if (text.length < 20) return [];
  const found: AccessKeyIdMatch[] = [];
  for (const match of text.matchAll(ACCESS_KEY_ID_TOKEN)) found.push({ value: match[0], index: match.index });
  return found;
}

/** The text just before a key id that a signature names as its credential: `X-Amz-Credential=`, `AWSAccessKeyId=`, `Credential=`. */
const SIGNATURE_CREDENTIAL = /(?:Credential|AWSAccessKeyId)=$/i;

/**
 * Is the key id at `index` of `text` the credential a signature names (a presigned URL's `X-Amz-Credential=` or
 * `AWSAccessKeyId=` parameter, a signed request's `Authorization: AWS4-HMAC-SHA256 Credential=`)? Presigned URLs
 * are made to be handed out: the key id is public there, and no secret key comes with it.
 */
export function isSignatureCredential(text: string, index: number): boolean {
  return SIGNATURE_CREDENTIAL.test(text.slice(Math.max(0, index - 16), index));
}

export function isAccessKeyId(value: string): boolean {
  return ACCESS_KEY_ID_FORMAT.test(value);
}

/** Does the value have the shape of a real credential for this slot (what AWS itself issues)? */
export function hasKeyFormat(value: string, slot: CredentialSlot): boolean {
  switch (slot) {
    case "accessKeyId":
      return ACCESS_KEY_ID_FORMAT.test(value);
    case "secretAccessKey":
      return SECRET_ACCESS_KEY_FORMAT.test(value);
    case "sessionToken":
      return SESSION_TOKEN_FORMAT.test(value);
  }
}

/** Words that mark a value as a stand-in wherever they appear (case-insensitive). */
const PLACEHOLDER_MARKERS = [
  "example", "fake", "dummy", "mock", "test", "sample", "placeholder", "changeme", "change_me", "change-me", "replace",
  "your", "local", "redacted", "stub", "xxxx", "foobar", "notreal", "not_real", "not-real", "invalid",
];

/** Words that make up placeholder names such as `mySecretKey`, `ACCESS_KEY_ID_HERE` or `default-access-key`. */
const FILLER_WORDS = new Set([
  "my", "aws", "access", "accesskey", "key", "keys", "id", "ids", "secret", "secrets", "session", "token", "tokens", "password",
  "pass", "passwd", "pwd", "user", "username", "value", "val", "dynamo", "dynamodb", "db", "ddb", "credential", "credentials",
  "cred", "creds", "the", "a", "an", "iam", "api", "app", "str", "string", "foo", "bar", "baz", "qux", "abc", "xyz", "admin",
  "root", "here", "none", "null", "nil", "undefined", "empty", "dev", "develop", "development", "offline", "sls", "serverless",
  "some", "any", "default", "insert", "put", "todo", "set", "me", "enter", "unused", "ignored", "anything", "whatever", "x",
]);

/** Filler-letter runs that a real base32/base64 key essentially never contains. */
const MAX_SAME_CHARACTER_RUN = 5;

/**
 * Is the value an obvious stand-in rather than a secret? Empty, very short, a placeholder word
 * (`local`, `test`, `fake...`, `dummy`, values containing `EXAMPLE` such as the AWS documentation keys),
 * template syntax (`<key>`, `${KEY}`), a phrase with spaces, a name made of filler words (`mySecretKey`, `ACCESS_KEY_ID`) or a
 * low-entropy filler (`AKIAXXXXXXXXXXXXXXXX`, `ABCDEFGHIJKLMNOPQRST`, `1234567890`).
 */
export function isPlaceholderCredential(value: string): boolean {
  const text = value.trim();
  if (text.length < 6) return true;
  // Real keys are random: in one, a marker word could turn up by chance in mixed case, so markers in
  // key-format values count only when written as words (`EXAMPLE`, `example`, `Example`).
  const keyFormat = isAccessKeyId(text) || SECRET_ACCESS_KEY_FORMAT.test(text) || SESSION_TOKEN_FORMAT.test(text);
  const lower = text.toLowerCase();
  const hasMarker = (marker: string) =>
    keyFormat
      ? text.includes(marker) || text.includes(marker.toUpperCase()) || text.includes(marker[0].toUpperCase() + marker.slice(1))
      : lower.includes(marker);
  if (PLACEHOLDER_MARKERS.some(hasMarker)) return true;
  if (/^[$%*<[{]/.test(text) || text.includes("${") || text.includes("{{")) return true;
  // Keys and generated secrets have no spaces; a phrase is a note to the reader ("your key here").
  if (/\s/.test(text)) return true;
  if (isLowEntropy(isAccessKeyId(text) ? text.slice(4) : text)) return true;
  // A name made of filler words and digits: split camelCase and separators.
  const words = text.replace(/([a-z])(?=[A-Z])/g, "$1 ").toLowerCase().split(/[^a-z]+/).filter(Boolean);
  return words.every((word) => FILLER_WORDS.has(word));
}

/** Few distinct characters, a long run of one character, or mostly consecutive characters (`abcdef`, `123456`). */
function isLowEntropy(text: string): boolean {
  if (new Set(text).size <= Math.min(5, Math.ceil(text.length / 3))) return true;
  let run = 1;
  let sequential = 0;
  for (let i = 1; i < text.length; i++) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    run = step === 0 ? run + 1 : 1;
    if (run >= MAX_SAME_CHARACTER_RUN + 1) return true;
    if (step >= -1 && step <= 1) sequential++;
  }
  return text.length > 1 && sequential / (text.length - 1) >= 0.6;
}

/** Where the client that uses a credential sends requests. */
export type EndpointLocality =
  /** The developer's machine or its container network (DynamoDB Local, LocalStack). */
  | "local"
  /** Not known at lint time (an endpoint from configuration): it may well be local. */
  | "unknown"
  /** AWS itself (no endpoint) or a fixed non-local host. */
  | "remote";

export type CredentialVerdict =
  /** A real credential, or a value that is one for all a reviewer can tell: report. */
  | "hardcoded"
  /** A stand-in: empty, a placeholder word, a low-entropy filler, or a non-key-format value for a local endpoint. */
  | "placeholder";

/**
 * Decides whether a constant written for a credential slot is a hardcoded credential.
 * Key-format values (what AWS issues) are credentials whatever the endpoint, unless they are obvious
 * fillers (DynamoDB Local accepts any string, so a real-format key is never needed). Other values are
 * stand-ins when the client may talk to a local endpoint, and credentials otherwise unless obviously fake.
 */
export function classifyCredential(
  value: string,
  slot: CredentialSlot,
  endpoint: EndpointLocality,
  allowedValues: ReadonlySet<string> = new Set(),
): CredentialVerdict {
  if (allowedValues.has(value) || allowedValues.has(value.trim())) return "placeholder";
  if (isPlaceholderCredential(value)) return "placeholder";
  if (hasKeyFormat(value.trim(), slot) || (slot !== "accessKeyId" && findAccessKeyIds(value).length > 0)) return "hardcoded";
  return endpoint === "remote" ? "hardcoded" : "placeholder";
}

/**
 * A form of a secret that is safe to print in messages, CI logs and SARIF: the access key id's prefix and
 * last four characters (`AKIA…7EPF`, as the AWS console shows keys), the last four characters of a long
 * secret (`…EKEY`), nothing of a short one.
 */
export function maskCredential(value: string): string {
  const text = value.trim();
  if (isAccessKeyId(text)) return `${text.slice(0, 4)}…${text.slice(-4)}`;
  if (text.length >= 32) return `…${text.slice(-4)}`;
  return `${text.length} characters, hidden`;
}

/** Names that container runtimes give the developer's machine (Docker Desktop's older `docker.for.mac.*` ones too). */
export const CONTAINER_HOST_NAMES: ReadonlySet<string> = new Set([
  "host.docker.internal",
  "gateway.docker.internal",
  "host.containers.internal",
  "docker.for.mac.host.internal",
  "docker.for.mac.localhost",
  "docker.for.win.localhost",
]);
/**
 * Is this host on the developer's machine or its container network? Loopback names and addresses,
 * `*.localhost`, the container runtimes' names for the machine, and single-label names such as the `dynamodb-local` or
 * `localstack` service of a compose file (no public AWS endpoint is a single label).
 */
export function isLocalHostname(hostname: string): boolean {
  let host = hostname.trim().toLowerCase();
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (host === "") return false;
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "::1" || host === "0:0:0:0:0:0:0:1" || host === "0.0.0.0" || host === "::") return true;
  if (/^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (CONTAINER_HOST_NAMES.has(host)) return true;
  return /^[a-z][\da-z-]{0,62}$/.test(host) && !host.endsWith("-");
}

/** The host of an endpoint written as a URL (`http://localhost:8000`) or as `host:port`; undefined when it does not parse. */
export function endpointHostname(endpoint: string): string | undefined {
  const text = endpoint.trim();
  if (text === "") return undefined;
  const withScheme = /^[a-z][\d+.a-z-]*:\/\//i.test(text) ? text : `http://${text}`;
  try {
    return new URL(withScheme).hostname;
  } catch {
    return undefined;
  }
}

/** Is a constant endpoint local (see isLocalHostname)? */
export function isLocalEndpoint(endpoint: string): boolean {
  const host = endpointHostname(endpoint);
  return host !== undefined && isLocalHostname(host);
}

/**
 * Environment variables that front-end build tools copy into the JavaScript they send to browsers, by prefix,
 * with the tool that does it: `process.env.NEXT_PUBLIC_X` in Next.js, `import.meta.env.VITE_X` in Vite.
 */
const BROWSER_ENV_PREFIXES: ReadonlyArray<{ prefix: string; tool: string; importMeta: boolean }> = [
  { prefix: "NEXT_PUBLIC_", tool: "Next.js", importMeta: false },
  { prefix: "REACT_APP_", tool: "Create React App", importMeta: false },
  { prefix: "EXPO_PUBLIC_", tool: "Expo", importMeta: false },
  { prefix: "GATSBY_", tool: "Gatsby", importMeta: false },
  { prefix: "VUE_APP_", tool: "Vue CLI", importMeta: false },
  { prefix: "VITE_", tool: "Vite", importMeta: true },
  { prefix: "PUBLIC_", tool: "Astro", importMeta: true },
];

/** The browser-bundle prefix of an environment variable read as `process.env.X` or `import.meta.env.X`, if it has one. */
export function browserEnvPrefix(name: string, importMeta: boolean): { prefix: string; tool: string } | undefined {
  return BROWSER_ENV_PREFIXES.find((entry) => entry.importMeta === importMeta && name.startsWith(entry.prefix) && name.length > entry.prefix.length);
}
