// Every recent ECMAScript and TypeScript syntax, mixed into DynamoDB code so that the whole analysis runs,
// through ESLint with every rule on (strict options) and the analysis probe. Each snippet must parse,
// no rule may throw, and each snippet is secure code, so no rule may report.
import { describe, expect, it } from "vitest";
import { lastProbeSummary, lintWithAllRules } from "./synthetic";

const V3 = `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

const V2 = `const AWS = require("aws-sdk");
const doc = new AWS.DynamoDB.DocumentClient();
`;

const cases: Array<{ name: string; filename: string; code: string }> = [
  {
    name: "TypeScript experimental decorators, parameter decorators and parameter properties (NestJS)",
    filename: "notes.controller.ts",
    code: `${V3}
function Controller(_path: string): ClassDecorator { return () => {}; }
function Get(_path?: string): MethodDecorator { return () => {}; }
function CurrentUser(): ParameterDecorator { return () => {}; }
@Controller("notes")
export class NotesController {
  constructor(private readonly client: DynamoDBDocumentClient = doc, protected readonly table = "notes") {}
  @Get()
  async list(@CurrentUser() user: { id: string }) {
    return this.client.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": user.id } }));
  }
}`,
  },
  {
    name: "standard (TC39) decorators with accessor fields and decorator metadata",
    filename: "model.ts",
    code: `${V3}
function logged<T>(value: T, context: ClassMethodDecoratorContext | ClassAccessorDecoratorContext): T { void context.name; return value; }
export class Model {
  @logged accessor table = "models";
  static accessor #count = 0;
  @logged async read(id: string) {
    Model.#count++;
    return doc.send(new GetCommand({ TableName: this.table, Key: { id } }));
  }
}`,
  },
  {
    name: "satisfies, as const, const type parameters, NoInfer, template literal types",
    filename: "config.ts",
    code: `${V3}
type Table = \`\${"users" | "orders"}-\${"dev" | "prod"}\`;
const TABLES = { users: "users-prod", orders: "orders-prod" } as const satisfies Record<string, Table>;
function pick<const T extends readonly string[]>(values: T, fallback: NoInfer<T[number]>): T[number] { return values[0] ?? fallback; }
export const read = (id: string) => doc.send(new GetCommand({ TableName: pick([TABLES.users], TABLES.users) satisfies string, Key: { id } } satisfies Record<string, unknown>));`,
  },
  {
    name: "using and await using declarations, Symbol.dispose",
    filename: "resource.ts",
    code: `${V3}
class Lease implements AsyncDisposable, Disposable {
  [Symbol.dispose]() {}
  async [Symbol.asyncDispose]() {}
}
export async function withLease(id: string) {
  using lease = new Lease();
  await using other = new Lease();
  void lease; void other;
  return doc.send(new GetCommand({ TableName: "leases", Key: { id } }));
}`,
  },
  {
    name: "enums (string, numeric, const, declare) and namespaces (nested, merged, ambient modules)",
    filename: "tables.ts",
    code: `${V3}
enum Table { Users = "users", Orders = \`orders\` }
const enum Index { ByOwner = "by-owner" }
declare enum Legacy { A = 1 }
enum Flags { None = 0, A = 1 << 0, B = A | 2 }
namespace Repo.Users { export const table = Table.Users; }
namespace Repo.Users { export function get(id: string) { return doc.send(new GetCommand({ TableName: Repo.Users.table, Key: { id } })); } }
declare module "virtual:tables" { export const all: string[]; }
declare global { interface Window { tables: string[] } }
export { Repo, Flags, Index, Legacy };`,
  },
  {
    name: "TSX: components, generic arrows, fragments, namespaced and spread attributes",
    filename: "page.tsx",
    code: `${V3}
const List = <T,>({ items, render }: { items: T[]; render: (item: T) => JSX.Element }) => <>{items.map(render)}</>;
export default async function Page({ params }: { params: { id: string } }) {
  "use server";
  const { Item } = await doc.send(new GetCommand({ TableName: "pages", Key: { id: "home" } }));
  const props = { title: String(Item?.title) };
  return <main {...props} xml:lang="en"><List items={[Item]} render={(i) => <p key={1}>{String(i?.body)}</p>} />{params.id}</main>;
}`,
  },
  {
    name: "JSX in a .jsx file",
    filename: "view.jsx",
    code: `${V3}
export function View({ item }) { return <section data-id={item.id}>{item.name ?? <em>none</em>}</section>; }
export const load = () => doc.send(new GetCommand({ TableName: "views", Key: { id: "home" } }));`,
  },
  {
    name: "import attributes, export * as, import.meta, dynamic import, top-level await, import type",
    filename: "loader.mts",
    code: `${V3}
import settings from "./settings.json" with { type: "json" };
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
export * as sdk from "@aws-sdk/lib-dynamodb";
export type { AttributeValue };
const extra = await import("./extra.js", { with: { type: "javascript" } });
const here = new URL(".", import.meta.url);
export const item = await doc.send(new GetCommand({ TableName: String(settings.table), Key: { id: here.pathname + String(extra.default) } }));`,
  },
  {
    name: "import x = require(), export =, and require in a .cts file",
    filename: "legacy.cts",
    code: `import AWS = require("aws-sdk");
import type Lib = require("@aws-sdk/lib-dynamodb");
const { DynamoDBDocumentClient, GetCommand } = require("@aws-sdk/lib-dynamodb") as typeof Lib;
const v2 = new AWS.DynamoDB.DocumentClient();
const v3 = DynamoDBDocumentClient.from(new (require("@aws-sdk/client-dynamodb").DynamoDBClient)({}));
function read(id: string) { return Promise.all([v2.get({ TableName: "t", Key: { id } }).promise(), v3.send(new GetCommand({ TableName: "t", Key: { id } }))]); }
export = read;`,
  },
  {
    name: "classes: private methods and fields, #x in obj, static blocks, getters, overloads, abstract, override",
    filename: "repo.ts",
    code: `${V3}
abstract class Base { abstract table(): string; protected client = doc; }
export class Repo extends Base {
  #cache = new Map<string, unknown>();
  static #instances = 0;
  static { Repo.#instances = 0; }
  declare readonly kind: string;
  definite!: number;
  override table(): string { return "repo"; }
  get size() { return this.#cache.size; }
  set size(_value: number) {}
  static isRepo(value: object): boolean { return #cache in value; }
  #key(id: string) { return { id }; }
  read(id: string): Promise<unknown>;
  read(id: number): Promise<unknown>;
  read(id: string | number) { Repo.#instances++; return this.client.send(new GetCommand({ TableName: this.table(), Key: this.#key(String(id)) })); }
}`,
  },
  {
    name: "modern operators and literals: ??=, ||=, &&=, ?., bigint, numeric separators, exponent, regex flags v/d/s and modifiers",
    filename: "ops.ts",
    code: `${V3}
export async function run(input: { limit?: number; sk?: string } = {}) {
  input.limit ??= 1_000;
  input.sk ||= "none";
  input.sk &&= input.sk.trim();
  const big = 2n ** 64n;
  const pattern = /[\\p{L}--\\p{N}]+/v;
  const dotAll = /a.b/ds;
  const modifiers = /(?i:a)b/;
  const { Item } = await doc.send(new GetCommand({ TableName: "ops", Key: { id: "fixed" } }));
  return [Item?.value?.[0]?.(), big, pattern.test("x"), dotAll.exec("a\\nb")?.indices, modifiers.flags, input.limit ** 2];
}`,
  },
  {
    name: "generators, async generators, for await, labels, destructuring defaults, optional catch binding",
    filename: "scan.js",
    code: `${V3}
export async function* scanAll(table = "items", { limit = 25, ...rest } = {}) {
  let ExclusiveStartKey;
  outer: for (;;) {
    try {
      const page = await doc.send(new QueryCommand({ TableName: table, Limit: limit, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": "fixed" }, ExclusiveStartKey, ...rest }));
      for (const item of page.Items ?? []) yield item;
      if (!(ExclusiveStartKey = page.LastEvaluatedKey)) break outer;
    } catch { break outer; }
  }
}
export async function collect() { const all = []; for await (const item of scanAll()) all.push(item); return all; }`,
  },
  {
    name: "CommonJS script with sloppy-mode syntax (with, arguments, octal-like names) and SDK v2",
    filename: "legacy.cjs",
    code: `${V2}
var config = { table: "legacy" };
function read(id, cb) {
  with (config) { return doc.get({ TableName: table, Key: { id: id } }, function () { return cb.apply(null, arguments); }); }
}
module.exports = { read: read };`,
  },
  {
    name: "type-level syntax: conditional and mapped types, infer extends, variance, asserts, unique symbol, tuples",
    filename: "types.ts",
    code: `${V3}
type ElementOf<T> = T extends readonly (infer E extends string)[] ? E : never;
type Mutable<T> = { -readonly [K in keyof T as \`set\${Capitalize<K & string>}\`]-?: (value: T[K]) => void };
interface Box<in out T> { value: T }
declare const tag: unique symbol;
type Pair = [first: string, second?: number, ...rest: boolean[]];
function assertString(value: unknown): asserts value is string { if (typeof value !== "string") throw new Error("no"); }
export function read(id: unknown, _t?: ElementOf<["a"]>, _m?: Mutable<{ a: 1 }>, _b?: Box<Pair>, _s?: typeof tag) {
  assertString(id);
  return doc.send(new GetCommand({ TableName: "types", Key: { id } }));
}`,
  },
  {
    name: "accessor keyword, class auto-accessors in an abstract class, and enum-keyed inputs",
    filename: "accessor.ts",
    code: `${V3}
enum Attr { Pk = "pk" }
export abstract class Store {
  static accessor region = "eu-west-1";
  protected abstract accessor table: string;
  put(owner: string) { return doc.send(new PutCommand({ TableName: this.table, Item: { [Attr.Pk]: owner }, ConditionExpression: "attribute_not_exists(pk)" })); }
}`,
  },
];

describe("every recent syntax, with every rule on", () => {
  for (const { name, filename, code } of cases) {
    it(name, () => {
      const messages = lintWithAllRules(code, filename);
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      expect(messages.map((message) => `${message.ruleId}:${message.line}`)).toEqual([]);
      // The DynamoDB analysis really ran on the snippet.
      expect(lastProbeSummary()?.operations).toBeGreaterThanOrEqual(1);
    });
  }
});
