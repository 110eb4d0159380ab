import { execFileSync } from "node:child_process";
import * as espree from "espree";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { clearProjectCaches, importersOf, importersThroughBarrels, nearestTsconfig, parseModuleFile, resolveImport, resolveModuleFile } from "../../src/analysis/project";

import { functionName } from "../../src/analysis/cross-module";
import { analyze } from "./helpers";
import type { TSESTree } from "@typescript-eslint/utils";

let project: string;

function write(relativePath: string, text: string): string {
  const file = path.join(project, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** File system answers (listings, stamps, resolutions) are trusted for two seconds: a test that edits a file moves the clock past that. */
function afterFreshnessWindow(): void {
  const now = performance.now();
  vi.spyOn(performance, "now").mockReturnValue(now + 2_500);
}

afterEach(() => {
  vi.restoreAllMocks();
});

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "dynamodb-security-project-"));
  write("src/http.ts", `import { Agent } from "node:https";\nexport const agent = new Agent({ keepAlive: true });\nconst local = { timeout: 1 };\nexport { local as options };\nexport default "default-value";\n`);
  write("src/legacy.cjs", `const https = require("https");\nmodule.exports = { agent: new https.Agent({}) };\nmodule.exports.timeout = 5;\n`);
  write("src/whole.js", `module.exports = "whole";\n`);
  write("src/lib/index.ts", `export const fromIndex = 1;\n`);
  write("src/second.ts", `import { agent } from "./http";\nexport const again = agent;\n`);
  write("src/broken.ts", `export const = ;\n`);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** A new folder under the system's temporary one, and a writer of files in it (folders made as needed). */
function temporaryFolder(prefix: string): { root: string; put: (relativePath: string, text: string) => string } {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const put = (relativePath: string, text: string) => {
    const file = path.join(root, relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  return { root, put };
}

/** The source text each `use(...)` argument stands for in the module it is imported from. */
function importedTexts(code: string, filename = path.join(project, "src/db.ts")): Array<string | undefined> {
  const { analysis, used } = analyze(code, { filename });
  return used().map((node) => {
    const imported = analysis.importedValue(node);
    return imported && `${imported.source} → ${imported.file.sourceCode.text.slice(imported.node.range[0], imported.node.range[1])}`;
  });
}

describe("project modules: imported values, one hop", () => {
  it("resolves ESM named, renamed, default and namespace imports, with TypeScript's .js convention", () => {
    expect(
      importedTexts(`import def, { agent, options as opts } from "./http"; import * as http from "./http.js"; use(agent, opts, def, http.agent);`),
    ).toEqual([
      "./http → new Agent({ keepAlive: true })",
      "./http → local",
      `./http → "default-value"`,
      "./http.js → new Agent({ keepAlive: true })",
    ]);
  });

  it("resolves require: destructured, member, whole module, and import x = require()", () => {
    expect(
      importedTexts(`const { agent } = require("./legacy.cjs"); const t = require("./legacy.cjs").timeout; const whole = require("./whole"); const m = require("./legacy.cjs"); use(agent, t, whole, m.agent);`),
    ).toEqual(["./legacy.cjs → new https.Agent({})", "./legacy.cjs → 5", `./whole → "whole"`, "./legacy.cjs → new https.Agent({})"]);
    expect(importedTexts(`import http = require("./http"); use(http.agent);`)).toEqual(["./http → new Agent({ keepAlive: true })"]);
    expect(importedTexts(`import { fromIndex } from "./lib"; use(fromIndex);`)).toEqual(["./lib → 1"]);
  });

  it("stays quiet for packages, missing modules and exports, type-only imports, unparsable files and local values", () => {
    expect(
      importedTexts(
        `import { Agent } from "https"; import { agent } from "./missing"; import { nothing } from "./http"; import type { agent as t } from "./http"; import { x } from "./broken"; const local = 1; use(Agent, agent, nothing, t, x, local);`,
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("does not follow imports without a file on disk, nor a second hop", () => {
    expect(importedTexts(`import { agent } from "./http"; use(agent);`, "file.ts")).toEqual([undefined]);
    const { analysis, used } = analyze(`import { again } from "./second"; use(again);`, { filename: path.join(project, "src/db.ts") });
    const imported = analysis.importedValue(used()[0])!;
    expect(analysis.importDepth).toBe(0);
    expect(imported.file.importDepth).toBe(1);
    expect(imported.file.sourceCode.text.slice(imported.node.range[0], imported.node.range[1])).toBe("agent");
    // ./second imports ./http, which exists, but an imported module's own imports are not followed.
    expect(imported.file.importedValue(imported.node)).toBeUndefined();
  });

  it("resolves module files the way Node.js and TypeScript do", () => {
    const from = path.join(project, "src/db.ts");
    expect(resolveModuleFile(from, "./http")).toBe(path.join(project, "src/http.ts"));
    expect(resolveModuleFile(from, "./http.js")).toBe(path.join(project, "src/http.ts"));
    expect(resolveModuleFile(from, "./legacy.cjs")).toBe(path.join(project, "src/legacy.cjs"));
    expect(resolveModuleFile(from, "./lib")).toBe(path.join(project, "src/lib/index.ts"));
    expect(resolveModuleFile(from, "https")).toBeUndefined();
    expect(resolveModuleFile("file.ts", "./http")).toBeUndefined();
  });

  it("resolves from each folder's listing and answers per folder: only files (and links to files), a file added or removed seen once the answer is older than the freshness window", () => {
    const { root: app, put } = temporaryFolder("dynamodb-security-resolve-");
    try {
      const from = put("src/handler.ts", "export {};\n");
      put("src/folder.ts/index.js", "module.exports = {};\n");
      const target = put("src/shared/target.js", "module.exports = {};\n");
      symlinkSync(target, path.join(app, "src/linked.js"));
      // A folder named like a module is not one; its index is.
      expect(resolveModuleFile(from, "./folder.ts")).toBe(path.join(app, "src/folder.ts/index.js"));
      expect(resolveModuleFile(from, "./linked")).toBe(path.join(app, "src/linked.js"));
      expect(resolveModuleFile(from, "./orders")).toBeUndefined();
      expect(resolveImport(from, "./orders")).toBeUndefined();
      const orders = put("src/orders.ts", "export {};\n");
      rmSync(target);
      // Within the window the listings are trusted: no system call per candidate. A link is followed each time
      // (its target can go without its directory changing): it now points at nothing.
      expect(resolveModuleFile(from, "./orders")).toBeUndefined();
      expect(resolveImport(path.join(app, "src/other.ts"), "./orders")).toBeUndefined();
      expect(resolveModuleFile(from, "./linked")).toBeUndefined();
      afterFreshnessWindow();
      expect(resolveModuleFile(from, "./orders")).toBe(orders);
      expect(resolveImport(from, "./orders")).toBe(orders);
    } finally {
      vi.restoreAllMocks();
      rmSync(app, { recursive: true, force: true });
    }
  });

  it("parses a module with ranges, parents and scopes but without locations, tokens or comments (TypeScript and JSX)", () => {
    clearProjectCaches();
    const parsed = parseModuleFile(write("src/parsed.tsx", `// a comment\nimport { agent } from "./http";\nexport const view = (x: number) => <div>{agent}{x}</div>;\n`))!;
    const declaration = parsed.ast.body[1];
    expect(declaration.range).toEqual([parsed.text.indexOf("export"), parsed.text.lastIndexOf(";") + 1]);
    expect(declaration.parent).toBe(parsed.ast);
    expect(parsed.ast.loc).toBeUndefined();
    expect(declaration.loc).toBeUndefined();
    expect(parsed.ast.tokens).toBeUndefined();
    expect(parsed.ast.comments).toBeUndefined();
    const moduleScope = parsed.scopeManager!.globalScope!.childScopes[0];
    expect(moduleScope.set.get("agent")?.references.length).toBe(1);
    // No TypeScript lib globals are declared.
    expect(parsed.scopeManager!.globalScope!.set.has("Promise")).toBe(false);
    expect(parseModuleFile(path.join(project, "src/broken.ts"))).toBeUndefined();
  });

  it("parses plain JavaScript with espree when the linted file is: JSX in a .js file, sloppy CommonJS with a top-level return", () => {
    clearProjectCaches();
    const component = parseModuleFile(write("src/card.js", `import { agent } from "./http";\nexport const Card = () => <p>{agent}</p>;\n`), espree)!;
    expect(component.ast.body[1].type).toBe("ExportNamedDeclaration");
    expect(component.ast.body[1].parent).toBe(component.ast);
    expect(component.ast.loc).toBeUndefined();
    expect(component.scopeManager!.globalScope!.childScopes[0].set.get("agent")?.references.length).toBe(1);
    // Octal literals are no module code: read as CommonJS, whose top-level bindings live in a function scope.
    const legacy = parseModuleFile(write("src/sloppy.js", `if (!process.env.TABLE) return;\nvar mode = 0644;\nmodule.exports = { mode };\n`), espree)!;
    const moduleScope = legacy.scopeManager!.globalScope!.childScopes[0];
    expect(moduleScope.type).toBe("function");
    expect(moduleScope.set.get("mode")?.references.length).toBe(2);
  });

  it("beside a file linted with espree, reads JavaScript modules without loading TypeScript (half a second of a lint run)", () => {
    const loadsTypeScript = (parser: string) => {
      const script = [
        `const { parseModuleFile } = require(${JSON.stringify(path.resolve(__dirname, "../../dist/src/analysis/project.js"))});`,
        `const parsed = parseModuleFile(${JSON.stringify(path.join(project, "src/legacy.cjs"))}, ${parser});`,
        `const typescript = Object.keys(require.cache).filter((file) => /[\\/]node_modules[\\/]typescript[\\/]/.test(file));`,
        `console.log(JSON.stringify({ statements: parsed.ast.body.length, typescript: typescript.length > 0 }));`,
      ].join("\n");
      return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: path.resolve(__dirname, "../..") })) as unknown;
    };
    expect(loadsTypeScript(`require("espree")`)).toEqual({ statements: 3, typescript: false });
    expect(loadsTypeScript("undefined")).toEqual({ statements: 3, typescript: true });
  });
});

describe("project modules: import resolution for cross-module analysis", () => {
  it("maps tsconfig paths aliases (wildcards, exact, most specific first) to project files, relative to baseUrl", () => {
    write("aliased/tsconfig.base.json", `{\n  // shared options\n  "compilerOptions": { "baseUrl": "./src", "paths": { "@app/*": ["*"], "@db": ["db/index.ts"], }, },\n}\n`);
    write("aliased/tsconfig.json", `{ "extends": "./tsconfig.base.json", /* no options of its own */ "include": ["src"] }\n`);
    write("aliased/src/services/orders.ts", `export const a = 1;\n`);
    write("aliased/src/db/index.ts", `export const b = 1;\n`);
    write("aliased/node_modules/@app/pkg/index.ts", `export const c = 1;\n`);
    clearProjectCaches();
    const from = path.join(project, "aliased/src/routes/orders.ts");
    expect(resolveImport(from, "@app/services/orders")).toBe(path.join(project, "aliased/src/services/orders.ts"));
    expect(resolveImport(from, "@app/services/orders.js")).toBe(path.join(project, "aliased/src/services/orders.ts"));
    expect(resolveImport(from, "@db")).toBe(path.join(project, "aliased/src/db/index.ts"));
    expect(resolveImport(from, "../services/orders")).toBe(path.join(project, "aliased/src/services/orders.ts"));
    // packages stay packages; files under node_modules are never project modules
    expect(resolveImport(from, "express")).toBeUndefined();
    expect(resolveImport(path.join(project, "aliased/node_modules/@app/x.ts"), "./pkg")).toBeUndefined();
    expect(nearestTsconfig(path.join(project, "aliased/src/routes"))?.directory).toBe(path.join(project, "aliased/src"));
  });

  it("looks bare specifiers up under baseUrl after paths (the NestJS default `src/...`), never a package", () => {
    write("based/tsconfig.json", `{ "compilerOptions": { "baseUrl": "./" } }\n`);
    write("based/src/db/crud.service.ts", `export const a = 1;\n`);
    write("based/src/config/index.ts", `export const b = 1;\n`);
    write("based/node_modules/express/index.js", `module.exports = {};\n`);
    clearProjectCaches();
    const from = path.join(project, "based/src/devices/devices.service.ts");
    expect(resolveImport(from, "src/db/crud.service")).toBe(path.join(project, "based/src/db/crud.service.ts"));
    expect(resolveImport(from, "src/config")).toBe(path.join(project, "based/src/config/index.ts"));
    expect(resolveImport(from, "src/db/missing")).toBeUndefined();
    expect(resolveImport(from, "express")).toBeUndefined();
    expect(resolveImport(from, "node_modules/express")).toBeUndefined();
    // inherited through `extends`, overridden by the extending file's own baseUrl
    write("based/packages/api/tsconfig.json", `{ "extends": "../../tsconfig.json", "compilerOptions": { "baseUrl": "./lib" } }\n`);
    write("based/packages/api/lib/orders.ts", `export const c = 1;\n`);
    clearProjectCaches();
    expect(resolveImport(path.join(project, "based/packages/api/lib/routes/x.ts"), "orders")).toBe(path.join(project, "based/packages/api/lib/orders.ts"));
    expect(resolveImport(path.join(project, "based/packages/api/lib/routes/x.ts"), "src/db/crud.service")).toBeUndefined();
  });

  it("reads the same aliases from a JavaScript project's jsconfig.json; a tsconfig.json beside it wins", () => {
    write("js-aliased/jsconfig.json", `{ "compilerOptions": { "baseUrl": ".", "paths": { "@models/*": ["./src/models/*"] } } }\n`);
    write("js-aliased/src/models/callModel.js", `module.exports = {};\n`);
    write("both/jsconfig.json", `{ "compilerOptions": { "paths": { "@m/*": ["./js/*"] } } }\n`);
    write("both/tsconfig.json", `{ "compilerOptions": { "paths": { "@m/*": ["./ts/*"] } } }\n`);
    write("both/js/a.js", `module.exports = {};\n`);
    write("both/ts/a.ts", `export {};\n`);
    clearProjectCaches();
    expect(resolveImport(path.join(project, "js-aliased/src/services/callService.js"), "@models/callModel")).toBe(path.join(project, "js-aliased/src/models/callModel.js"));
    expect(resolveImport(path.join(project, "both/src/b.ts"), "@m/a")).toBe(path.join(project, "both/ts/a.ts"));
  });

  it("resolves Lambda layer imports (`/opt/...`) to the one layer folder of the project that holds them", () => {
    write("layered/package.json", `{ "name": "layered" }\n`);
    const update = write("layered/layers/awsLayer/nodejs/db/update.mjs", `export const update = () => 1;\n`);
    write("layered/layers/awsLayer/nodejs/package.json", `{ "name": "aws-layer" }\n`);
    const aws = write("layered/backend/src/layers/sdkLayer/aws/index.js", `module.exports = {};\n`);
    write("layered/layers/awsLayer/nodejs/common.js", `module.exports = {};\n`);
    write("layered/layers/utilsLayer/nodejs/common.js", `module.exports = {};\n`);
    write("layered/player/nodejs/db/update.mjs", `export const other = 2;\n`);
    const handler = write("layered/functions/chat/handler.mjs", `import { update } from "/opt/nodejs/db/update.mjs";\nexport const handler = () => update();\n`);
    clearProjectCaches();
    expect(resolveImport(handler, "/opt/nodejs/db/update.mjs")).toBe(update);
    expect(resolveImport(path.join(project, "layered/backend/src/stacks/users/delete.js"), "/opt/aws")).toBe(aws);
    // Two layers hold it: which one the function is given is not in the code.
    expect(resolveImport(handler, "/opt/nodejs/common")).toBeUndefined();
    expect(resolveImport(handler, "/opt/nodejs/missing")).toBeUndefined();
    // Not out of a layer's folder (`layers/../functions/...` is a file of the project, not of a layer).
    expect(resolveImport(handler, "/opt/../functions/chat/handler.mjs")).toBeUndefined();
    // The layer's own package.json does not hide the functions that import it.
    expect(importersOf(update)).toEqual([handler]);
  });

  it("without a tsconfig.json, or with one that does not parse, only relative specifiers resolve", () => {
    write("plain/src/a.js", `module.exports = {};\n`);
    write("broken-config/tsconfig.json", `{ "compilerOptions": { "paths": `);
    write("broken-config/src/a.ts", `export {};\n`);
    clearProjectCaches();
    expect(resolveImport(path.join(project, "plain/src/b.js"), "./a")).toBe(path.join(project, "plain/src/a.js"));
    expect(resolveImport(path.join(project, "broken-config/src/b.ts"), "@/a")).toBeUndefined();
    expect(resolveImport(path.join(project, "broken-config/src/b.ts"), "./a")).toBe(path.join(project, "broken-config/src/a.ts"));
  });

  it("resolves callees through re-exports, singletons, classes and CommonJS, and reads no module for calls without request data", () => {
    write("calls/repo.ts", `export class Repo { find(id: string) { return id; } static make() { return new Repo(); } }\n`);
    write("calls/service.ts", `import { Repo } from "./repo";\nexport class Service { private repo = new Repo(); get(id: string) { return this.repo.find(id); } }\nexport const service = new Service();\nexport default { get: (id: string) => service.get(id) };\n`);
    write("calls/index.ts", `export * from "./service";\nexport { Repo as Repository } from "./repo";\n`);
    write("calls/legacy.cjs", `function load(id) { return id; }\nmodule.exports = { load };\n`);
    const { analysis } = analyze(
      `import { service, Repository } from "./index";\nimport def from "./service";\nconst { load } = require("./legacy.cjs");\nconst repo = new Repository();\n` +
        `service.get(x); def.get(x); load(x); repo.find(x); Repository.make(x); unknown(x);\n`,
      { filename: path.join(project, "calls/handler.ts") },
    );
    const resolver = analysis.crossModule!;
    const calls = analysis.index.calls.filter((call) => call.arguments.length === 1 && call.arguments[0].type === "Identifier" && call.arguments[0].name === "x");
    expect(calls.map((call) => resolver.resolve(call)?.name)).toEqual(["Service.get", "get", "load", "Repo.find", "Repo.make", undefined]);
    expect(calls.map((call) => path.basename(resolver.resolve(call)?.module.filename ?? "-"))).toEqual(["service.ts", "service.ts", "legacy.cjs", "repo.ts", "repo.ts", "-"]);
  });

  it("for ownership, reads only modules whose code can reach DynamoDB (themselves or through their imports, read as text)", () => {
    write("reach/db.ts", `import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";\nexport const doc = DynamoDBDocumentClient.from({} as never);\n`);
    write("reach/repo.ts", `import { doc } from "./db";\nexport function find(id: string) { return doc.send({ id } as never); }\n`);
    write("reach/service.ts", `// the data layer is two hops away\nimport { find } from "./repo";\nexport function get(id: string) { return find(id); }\n`);
    write("reach/format.ts", `import { pad } from "./pad";\nexport function format(id: string) { return pad(id); }\n`);
    write("reach/pad.ts", `export const pad = (id: string) => id.padStart(8, "0");\n`);
    const handler = `import { get } from "./service";\nimport { format } from "./format";\nget(x); format(x);\n`;
    const calls = (analysis: ReturnType<typeof analyze>["analysis"]) => analysis.index.calls.filter((call) => call.arguments.length === 1 && call.arguments[0].type === "Identifier");
    const { analysis } = analyze(handler, { filename: path.join(project, "reach/handler.ts") });
    const resolver = analysis.crossModule!;
    expect(calls(analysis).map((call) => resolver.resolve(call)?.name)).toEqual(["get", "format"]);
    expect(calls(analysis).map((call) => resolver.resolveAccessing(call)?.name)).toEqual(["get", undefined]);
    // Decided before any argument is looked at: packages and modules that cannot reach DynamoDB are no candidates.
    expect(calls(analysis).map((call) => resolver.isAccessCandidate(call))).toEqual([true, false]);
    const packages = analyze(`import jwt from "jsonwebtoken";\nimport { get } from "./service";\njwt.verify(x); get(x);\n`, { filename: path.join(project, "reach/auth.ts") }).analysis;
    expect(calls(packages).map((call) => packages.crossModule!.isAccessCandidate(call))).toEqual([false, true]);
    expect(analysis.reachesDynamoDB(path.join(project, "reach/pad.ts"))).toBe(false);
    // pad.ts starts using DynamoDB: the text of every module read for the answer is checked again.
    write("reach/pad.ts", `import { find } from "./repo";\nexport const pad = (id: string) => find(id);\n`);
    afterFreshnessWindow();
    const again = analyze(handler, { filename: path.join(project, "reach/handler2.ts") }).analysis;
    expect(calls(again).map((call) => again.crossModule!.resolveAccessing(call)?.name)).toEqual(["get", "format"]);
  });

  it("analyses a module once for every file that imports it, and again when it changes on disk", () => {
    write("shared/service.ts", `export function get(id: string) { return id; }\n`);
    const first = analyze(`import { get } from "./service"; use(get);`, { filename: path.join(project, "shared/a.ts") }).analysis.moduleAt("./service");
    const second = analyze(`import { get } from "../shared/service.js"; use(get);`, { filename: path.join(project, "other/b.ts") }).analysis.moduleAt("../shared/service.js");
    expect(first).toBeDefined();
    expect(second).toBe(first);
    write("shared/service.ts", `export function get(id: string) { return [id]; }\n`);
    afterFreshnessWindow();
    const third = analyze(`import { get } from "./service"; use(get);`, { filename: path.join(project, "shared/c.ts") }).analysis.moduleAt("./service");
    expect(third).not.toBe(first);
    expect(third?.sourceCode.text).toContain("[id]");
  });

  it("reads a module from disk with its own lean parse, even when ESLint linted that file in the same process", () => {
    const settings = {};
    const repository = `import { GetCommand } from "@aws-sdk/lib-dynamodb";
export const get = (doc: any, id: string) => doc.send(new GetCommand({ TableName: "T", Key: { id } }));
`;
    const onDisk = write("linted/repository.ts", repository);
    const linted = analyze(repository, { filename: onDisk, settings }).analysis;
    const importer = analyze(`import { get } from "./repository"; use(get);`, { filename: path.join(project, "linted/handler.ts"), settings }).analysis;
    const module = importer.moduleAtPath(onDisk);
    expect(module).toBeDefined();
    // Not the linted analysis, whose SourceCode (tokens, locations, the TypeScript tree) would then stay in memory.
    expect(module).not.toBe(linted);
    expect(module?.sourceCode.text).toBe(repository);
    expect(module?.program.loc).toBeUndefined();
    expect(linted.program.loc).toBeDefined();
    expect(module?.operations).toHaveLength(1);
  });
});

describe("project modules: does a file import one at all", () => {
  const importsProjectModule = (code: string, file = "src/routes/notes.ts") => analyze(code, { filename: path.join(project, file) }).analysis.importsProjectModule;

  it("is yes for an import, a require() or an `import x = require()` that names a project file", () => {
    expect(importsProjectModule(`import { agent } from "../http";\nexport const handler = (req) => agent;\n`)).toBe(true);
    expect(importsProjectModule(`import express from "express";\nimport * as second from "../second";\n`)).toBe(true);
    expect(importsProjectModule(`function load() { return require("../legacy.cjs"); }\n`, "src/routes/notes.js")).toBe(true);
    expect(importsProjectModule(`import http = require("../http");\nexport const a = http.agent;\n`)).toBe(true);
    expect(importsProjectModule(`export import http = require("../http");\n`)).toBe(true);
    // require() found through the scope manager: a global one (also declared by the configuration) or a local binding.
    expect(importsProjectModule(`module.exports = () => require(\`../legacy.cjs\`);\n`, "src/routes/notes.js")).toBe(true);
    const declared = analyze(`const legacy = require("../legacy.cjs");\n`, { filename: path.join(project, "src/routes/notes.js"), globals: { require: "readonly" } });
    expect(declared.analysis.importsProjectModule).toBe(true);
    expect(importsProjectModule(`import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\nconst legacy = require("../legacy.cjs");\n`)).toBe(true);
  });

  it("is no for a file that imports only packages and Node's modules, or names a project file only in a comment or a string", () => {
    expect(importsProjectModule(`import express from "express";\nimport { readFileSync } from "node:fs";\nconst { DynamoDBClient } = require("@aws-sdk/client-dynamodb");\n`)).toBe(false);
    // A bundle's UMD header: \`require("../http")\` in a comment, and a require() of a computed name.
    expect(importsProjectModule(`// e.g. var agent = require("../http");\nconst name = "../http";\nmodule.exports = typeof require === "function" ? require(name) : {};\n`, "src/routes/notes.js")).toBe(false);
    // A relative specifier with no file behind it; a re-export, which binds no name a call could use.
    expect(importsProjectModule(`import { missing } from "./missing";\nexport const a = missing;\n`)).toBe(false);
    expect(importsProjectModule(`import express from "express";\nexport { agent } from "../http";\n`)).toBe(false);
    // Not calls of require: a resolution and a reference.
    expect(importsProjectModule(`const where = require.resolve("../legacy.cjs");\nconst load = [require][0];\n`, "src/routes/notes.js")).toBe(false);
  });

  it("is no with cross-module analysis switched off", () => {
    const { analysis } = analyze(`import { agent } from "../http";\n`, { filename: path.join(project, "src/routes/notes.ts"), settings: { "dynamodb-security": { crossModule: false } } });
    expect(analysis.importsProjectModule).toBe(false);
  });
});

describe("project modules: the modules that import a file", () => {
  it("finds the project's files whose specifiers resolve to it, also ones added later, and never generated folders", () => {
    const { root: app, put } = temporaryFolder("dynamodb-security-importers-");
    try {
      put("package.json", "{}");
      const controller = put("src/controllers/notes.js", "exports.getNote = () => {};\n");
      const index = put("src/services/index.ts", "export const x = 1;\n");
      const routes = put("src/routes/notes.js", `const { getNote } = require("../controllers/notes");\n`);
      const esm = put("src/routes/more.ts", `import * as notes from "../controllers/notes.js";\nimport { x } from "../services";\n`);
      put("src/routes/other.js", `const notes = require("./notes-helpers"); // names "notes" but not the controller\n`);
      put("dist/routes/notes.js", `require("../../src/controllers/notes");\n`);
      put("node_modules/pkg/index.js", `require("../../src/controllers/notes");\n`);
      expect(importersOf(controller).sort()).toEqual([esm, routes].sort());
      expect(importersOf(index)).toEqual([esm]);
      // A new route module changes its directory's modification time: the listing is made again, once the
      // listing is older than the freshness window (the file system is not asked again within it).
      const added = put("src/routes/admin/notes.js", `module.exports = require("../../controllers/notes");\n`);
      put("src/routes/notes.js", `const { getNote } = require("../controllers/archived-notes");\n`);
      expect(importersOf(controller).sort()).toEqual([esm, routes].sort());
      afterFreshnessWindow();
      // The edited module's import list is read again too: it no longer imports the controller.
      expect(importersOf(controller).sort()).toEqual([added, esm].sort());
    } finally {
      vi.restoreAllMocks();
      rmSync(app, { recursive: true, force: true });
    }
  });
});

describe("project modules: workspace packages of a monorepo", () => {
  it("resolves a workspace package's name to its source (the entry its package.json names, built output read from src/), subpaths too, npm and pnpm alike", () => {
    const { root: repo, put } = temporaryFolder("dynamodb-security-workspace-");
    try {
      put("package.json", JSON.stringify({ name: "shop", private: true, workspaces: ["packages/*", "services/orders"] }));
      put("packages/core/package.json", JSON.stringify({ name: "@shop/core", main: "dist/index.js", types: "dist/index.d.ts" }));
      const index = put("packages/core/src/index.ts", `export * from "./dynamo";\n`);
      const dynamo = put("packages/core/src/dynamo.ts", "export function queryByIndex(pk: string) { return pk; }\n");
      put("packages/plain/package.json", JSON.stringify({ name: "plain" }));
      const plain = put("packages/plain/index.js", "module.exports = {};\n");
      put("services/orders/package.json", JSON.stringify({ name: "orders" }));
      const handler = put("services/orders/src/handler.ts", `import { queryByIndex } from "@shop/core";\nimport { queryByIndex as direct } from "@shop/core/dynamo";\nexport const list = () => queryByIndex("gsi1pk");\n`);
      put("services/other/package.json", JSON.stringify({ name: "other" }));
      const outside = put("services/other/handler.ts", `import { queryByIndex } from "@shop/core";\n`);
      expect(resolveImport(handler, "@shop/core")).toBe(index);
      expect(resolveImport(handler, "@shop/core/dynamo")).toBe(dynamo);
      expect(resolveImport(handler, "plain")).toBe(plain);
      expect(resolveImport(handler, "@shop/missing")).toBeUndefined();
      expect(resolveImport(handler, "express")).toBeUndefined();
      // The callers of a package's function are in other packages, through the barrel the package name resolves to.
      expect(importersOf(index).sort()).toEqual([handler, outside].sort());
      expect(importersThroughBarrels(dynamo).sort()).toEqual([handler, index, outside].sort());
      // pnpm lists its packages in pnpm-workspace.yaml.
      rmSync(path.join(repo, "package.json"));
      put("pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n");
      clearProjectCaches();
      expect(resolveImport(handler, "@shop/core")).toBe(index);
      expect(resolveImport(handler, "orders")).toBeUndefined();
    } finally {
      rmSync(repo, { recursive: true, force: true });
      clearProjectCaches();
    }
  });
});

describe("functionName: how messages name a function of another module", () => {
  it("names declarations, variables, methods and CommonJS exports", () => {
    const { analysis } = analyze(`
      function load() {}
      const save = () => {};
      class Repo { find() {} }
      exports.remove = function () {};
      module.exports.update = async () => {};
      module.exports = async (params) => params;
    `);
    const names = [...analysis.index.functions].sort((a, b) => a.range[0] - b.range[0]).map((fn) => functionName(fn));
    expect(names).toEqual(["load", "save", "Repo.find", "remove", "update", "module.exports"]);
  });
});

describe("project modules: constant text of imported names", () => {
  const queries = path.resolve(__dirname, "../fixtures/cross-module/src/queries");
  it("reads a required module's member, a destructured name, an ES import and configuration passed on by another module where it is written; not an environment value or a package", () => {
    const { analysis, used } = analyze(
      `const keys = require("./key-names");
const { ownerKey, sortKey } = require("./key-names");
import { OWNER_KEY, KEYS } from "./key-names-esm";
import { marshall } from "@aws-sdk/util-dynamodb";
use(keys.bikes.byOwner.partitionKey, ownerKey, OWNER_KEY, KEYS.created, keys.gear.components.byBike.partitionKey, keys.esm.OWNER_KEY, keys.dates.created, sortKey, keys.missing, marshall);`,
      { filename: path.join(queries, "reader.ts") },
    );
    const texts = used().map((node) => analysis.importedText(node as TSESTree.Identifier | TSESTree.MemberExpression));
    // In ./key-names, gear is require("./gear-tables"), esm a module of named exports, dates an imported const: read on there.
    expect(texts).toEqual([["userId"], ["userId"], ["ownerId"], ["createdAt"], ["bikeId"], ["ownerId"], ["createdAt"], undefined, undefined, undefined]);
    // As expression text: a key condition naming them is constant.
    expect(used().slice(0, 4).map((node) => analysis.values.resolveString(node).alternatives.map((parts) => parts.map((part) => part.kind)))).toEqual([[["text"]], [["text"]], [["text"]], [["text"]]]);
  });
});
