// Other modules of the linted project, one hop away: which relative import a binding comes from, the file
// that import names, that file parsed (cached by path, size and modification time), and the expression it
// exports under a name. Rules use it to judge a value defined in a sibling module (an HTTPS agent in
// `./http.ts`) at the place where this file uses it. Everything fails quiet: an import that cannot be
// resolved, read or parsed yields undefined.
import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { memberChain, requiredSpecifier, staticKeyName, unwrap, walk } from "./ast";
import { BoundedCache } from "./lru";
import { importedModuleOf, type ScopeIndex } from "./scope";

type Node = TSESTree.Node;

/** Where an imported binding comes from: the module specifier as written and the exported name (`default` for the module itself). */
export interface ImportedBinding {
  source: string;
  name: string;
}

/** Build output, dependencies and deployment artefacts: never the code a person wrote (the CLI skips them too). */
export const GENERATED_DIRECTORIES: readonly string[] = [
  ".git",
  "node_modules",
  "dist",
  "build",
  "coverage",
  "cdk.out",
  ".serverless",
  ".aws-sam",
  ".next",
  ".open-next",
  ".sst",
  ".amplify",
];

/** TypeScript declaration files: types only, no code to analyse. */
export const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** Files larger than this are not read (generated bundles, vendored code). */
const MAX_MODULE_BYTES = 512 * 1024;
const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/**
 * The import an expression reads, when it is one: `import { a } from "./m"` (a → a), `import a from "./m"`
 * (default), `import * as m from "./m"; m.a`, `const { a } = require("./m")`, `const a = require("./m").a`,
 * `const m = require("./m")` (default) and `import m = require("./m")` (default). Only relative specifiers.
 */
export function importedBinding(node: Node, scope: ScopeIndex, options: BindingOptions = {}): ImportedBinding | undefined {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const chain = memberChain(current);
    if (chain?.root.type !== AST_NODE_TYPES.Identifier || chain.path.length !== 1) return undefined;
    const namespace = importedBinding(chain.root, scope, options);
    // `ns.a` on `import * as ns` or on a whole required module.
    return namespace && (namespace.name === "*" || namespace.name === "default") ? { source: namespace.source, name: chain.path[0] } : undefined;
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = scope.variableOf(current);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !definition) return undefined;
  let result: ImportedBinding | undefined;
  if (definition.type === "ImportBinding") {
    const specifier = definition.node;
    const source = importedModuleOf(definition);
    if (source === undefined) return undefined;
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      result = { source, name: "default" };
    } else {
      // A defined source means an ImportDeclaration here.
      if ((specifier.parent as TSESTree.ImportDeclaration).importKind === "type" && !options.types) return undefined;
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) result = { source, name: "default" };
      else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) result = { source, name: "*" };
      else if (specifier.type === AST_NODE_TYPES.ImportSpecifier && (specifier.importKind !== "type" || options.types)) {
        const imported = specifier.imported;
        result = { source, name: imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value) };
      }
    }
  } else if (definition.type === "Variable") {
    const writes = scope.writesOf(variable);
    if (writes.length !== 1 || !writes[0].value || writes[0].path.length > 1) return undefined;
    const init = unwrap(writes[0].value);
    const required = requiredSpecifier(init);
    if (required !== undefined) {
      result = { source: required, name: writes[0].path[0] ?? "default" };
    } else if (init.type === AST_NODE_TYPES.MemberExpression && writes[0].path.length === 0) {
      const key = staticKeyName(init);
      const source = requiredSpecifier(unwrap(init.object));
      if (key !== undefined && source !== undefined) result = { source, name: key };
    }
  }
  return result && (options.anySpecifier || isRelative(result.source)) ? result : undefined;
}

export interface BindingOptions {
  /** Also bindings of bare specifiers (`@/services/orders`, which a tsconfig `paths` alias may map to a project file). */
  anySpecifier?: boolean;
  /** Also type-only imports (`import type { BooksService }`: a NestJS constructor parameter's type names the injected class). */
  types?: boolean;
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../");
}

/** The file a relative specifier names, as Node and TypeScript resolve it (`./http.js` may be `./http.ts`). */
export function resolveModuleFile(fromFile: string, specifier: string): string | undefined {
  if (!isRelative(specifier) || !path.isAbsolute(fromFile)) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const directory = path.dirname(base);
  const name = path.basename(base);
  const here = listingOf(directory);
  if (EXTENSIONS.includes(path.extname(name)) && here.has(name)) return base;
  for (const extension of EXTENSIONS) if (here.has(name + extension)) return base + extension;
  const inside = listingOf(base);
  for (const extension of EXTENSIONS) if (inside.has(`index${extension}`)) return path.join(base, `index${extension}`);
  // TypeScript's ESM convention: `./http.js` in source names `./http.ts`.
  const withoutExtension = name.replace(/\.[cm]?jsx?$/, "");
  if (withoutExtension !== name) {
    for (const extension of EXTENSIONS.slice(0, 4)) if (here.has(withoutExtension + extension)) return path.join(directory, withoutExtension + extension);
  }
  return undefined;
}

const CASE_INSENSITIVE_FILE_NAMES = process.platform === "darwin" || process.platform === "win32";

/**
 * The files of a directory, so that the dozen candidates an import may name cost one read of the directory
 * instead of a system call each. Symbolic links are kept apart and followed on each question: a link's target
 * can go without its directory changing.
 */
class DirectoryListing {
  private readonly files = new Set<string>();
  private readonly links = new Set<string>();
  checkedAt = performance.now();

  constructor(
    readonly directory: string,
    /** The directory's modification time when listed (undefined: no such directory). */
    readonly mtimeMs: number | undefined,
  ) {
    try {
      for (const entry of mtimeMs === undefined ? [] : readdirSync(directory, { withFileTypes: true })) {
        if (entry.isFile()) this.files.add(DirectoryListing.key(entry.name));
        else if (entry.isSymbolicLink()) this.links.add(DirectoryListing.key(entry.name));
      }
    } catch {
      // not a directory, or unreadable: no files
    }
  }

  private static key(name: string): string {
    return CASE_INSENSITIVE_FILE_NAMES ? name.toLowerCase() : name;
  }

  /** Is there a file (or a link to one) of this name? */
  has(name: string): boolean {
    const key = DirectoryListing.key(name);
    if (this.files.has(key)) return true;
    return this.links.has(key) && isFile(path.join(this.directory, name));
  }
}

const directoryListings = new Map<string, DirectoryListing>();

/**
 * Is there a file (or a link to one) at this path? Asked once per folder for configuration files (their answers are
 * cached per folder): one system call, cheaper there than listing a large folder, and no failed read's exception.
 */
function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/** A directory's listing, trusted for FRESHNESS_MS, then made again only if the directory's time changed (a file added, removed or renamed). */
function listingOf(directory: string): DirectoryListing {
  let listing = directoryListings.get(directory);
  const now = performance.now();
  if (!listing || now - listing.checkedAt >= FRESHNESS_MS) {
    const mtimeMs = directoryTime(directory);
    if (listing && listing.mtimeMs === mtimeMs) listing.checkedAt = now;
    else {
      listing = new DirectoryListing(directory, mtimeMs);
      if (directoryListings.size > MAX_TSCONFIG_DIRECTORIES) directoryListings.clear();
      directoryListings.set(directory, listing);
    }
  }
  return listing;
}

/**
 * The project file an import names: a relative specifier (`./orders`, `../services/index.js`) or a bare one
 * that a `paths` alias of the nearest tsconfig.json maps into the project (`@/services/orders`). Never a
 * package: specifiers no alias maps, and files inside node_modules, are undefined.
 */
export function resolveImport(fromFile: string, specifier: string): string | undefined {
  if (!path.isAbsolute(fromFile)) return undefined;
  // Modules of a folder import the same specifiers (`./db`, `../models`, every package): asked once per folder
  // and freshness window.
  return recentAnswer(resolutions, `${path.dirname(fromFile)}\0${specifier}`, () => resolveImportNow(fromFile, specifier));
}

const resolutions: RecentAnswers<string | undefined> = new Map();

function resolveImportNow(fromFile: string, specifier: string): string | undefined {
  let resolved: string | undefined;
  if (isRelative(specifier)) resolved = resolveModuleFile(fromFile, specifier);
  else if (specifier.startsWith(LAYER_MOUNT)) resolved = resolveLayerImport(fromFile, specifier.slice(LAYER_MOUNT.length));
  else {
    const config = nearestTsconfig(path.dirname(fromFile));
    for (const target of config ? aliasTargets(config, specifier) : []) {
      resolved = resolveModuleFile(path.join(config!.directory, "index.ts"), `./${path.relative(config!.directory, target).split(path.sep).join("/")}`);
      if (resolved) break;
    }
    // After `paths`, TypeScript looks a bare specifier up under `baseUrl`: only worth a look when its first segment is there.
    if (!resolved && config?.baseUrl && baseUrlHolds(config.baseUrl, specifier)) resolved = resolveModuleFile(path.join(config.baseUrl, "index.ts"), `./${specifier}`);
    // A package of the same npm, yarn or pnpm workspace (`@acme/platform-core` in packages/platform-core): its source.
    if (!resolved) resolved = resolveWorkspaceImport(path.dirname(fromFile), specifier);
  }
  return resolved && !resolved.split(path.sep).includes("node_modules") ? resolved : undefined;
}

/** Where Lambda mounts a function's layers: `require("/opt/nodejs/db")` reads the layer's `nodejs/db.js`. */
const LAYER_MOUNT = "/opt/";
/** Folders named for layers (`layers/`, `awsLayer/`, `lambda-layer/`, `layer_common/`; not `player/`). */
const LAYER_FOLDER = /^[Ll]ayers?(?:$|[-_.A-Z0-9])|(?:^|[-_.])layers?$|[a-z0-9]Layers?$/;
const MAX_LAYER_SEARCH_LEVELS = 8;
/** The layer folders (the contents of a layer's zip, mounted at /opt) found from a directory upward, per directory. */
const layerRootsByDirectory = new Map<string, string[]>();

/**
 * The project file a Lambda layer import names (`/opt/aws` → `layers/awsLayer/aws/index.js`, `/opt/nodejs/dynamo.mjs`
 * → `layers/common/nodejs/dynamo.mjs`): looked up in the layer folders of the project (a folder named for layers, or
 * each folder inside one named `layers`), from the importing file's folder upward. Only when exactly one layer holds it.
 */
function resolveLayerImport(fromFile: string, inLayer: string): string | undefined {
  if (inLayer === "" || inLayer.split("/").includes("..")) return undefined;
  const found = new Set<string>();
  for (const root of layerRoots(path.dirname(fromFile))) {
    const resolved = resolveModuleFile(path.join(root, "index.js"), `./${inLayer}`);
    if (resolved) found.add(resolved);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function layerRoots(directory: string): string[] {
  const cached = layerRootsByDirectory.get(directory);
  if (cached) return cached;
  const roots: string[] = [];
  let current = directory;
  for (let level = 0; level < MAX_LAYER_SEARCH_LEVELS; level++) {
    if (path.basename(current) === "node_modules") break;
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      // unreadable: nothing here
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || !LAYER_FOLDER.test(entry.name)) continue;
      const folder = path.join(current, entry.name);
      roots.push(folder);
      // `layers/` holds one folder per layer.
      try {
        for (const layer of readdirSync(folder, { withFileTypes: true })) if (layer.isDirectory() && layer.name !== "node_modules") roots.push(path.join(folder, layer.name));
      } catch {
        // unreadable: only the folder itself
      }
    }
    // A git work tree's root is the top of the project.
    if (existsSync(path.join(current, ".git"))) break;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (layerRootsByDirectory.size > MAX_TSCONFIG_DIRECTORIES) layerRootsByDirectory.clear();
  layerRootsByDirectory.set(directory, roots);
  return roots;
}

/** A monorepo's root folder and its workspace packages by name. */
export interface Workspace {
  root: string;
  packages: Map<string, { directory: string; entries: string[] }>;
}

const workspaceByDirectory = new Map<string, Workspace | null>();
const MAX_WORKSPACE_PACKAGES = 500;

/** The workspace a folder is in: the nearest folder above with a package.json that lists `workspaces` (or a pnpm-workspace.yaml). */
export function workspaceOf(directory: string): Workspace | undefined {
  return nearestAbove(directory, workspaceByDirectory, (folder) => {
    const patterns = workspacePatterns(folder);
    return patterns ? { root: folder, packages: workspacePackages(folder, patterns) } : undefined;
  });
}

/** The package folder patterns a folder's package.json `workspaces` (or pnpm-workspace.yaml `packages`) lists. */
function workspacePatterns(directory: string): string[] | undefined {
  const manifest = readJson(path.join(directory, "package.json")) as { workspaces?: unknown } | undefined;
  const listed = Array.isArray(manifest?.workspaces) ? manifest.workspaces : (manifest?.workspaces as { packages?: unknown } | undefined)?.packages;
  if (Array.isArray(listed)) return listed.filter((pattern): pattern is string => typeof pattern === "string");
  const pnpmWorkspace = path.join(directory, "pnpm-workspace.yaml");
  if (!isFile(pnpmWorkspace)) return undefined;
  try {
    const yaml = readFileSync(pnpmWorkspace, "utf8");
    // Its `packages:` list: one `- "packages/*"` per line.
    return yaml
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.startsWith("- "))
      .map((line) => line.slice(2).trim().replace(/^["']|["']$/g, ""));
  } catch {
    return undefined;
  }
}

/** Each workspace package's name, folder and the files its package.json names as its entry. */
function workspacePackages(root: string, patterns: string[]): Workspace["packages"] {
  const packages: Workspace["packages"] = new Map();
  for (const pattern of patterns) {
    if (pattern.startsWith("!")) continue;
    // `packages/*`, `services/**`, `apps/web`: a folder of packages, or one package.
    const wildcard = /\/\*{1,2}\/?$/.test(pattern);
    const base = path.resolve(root, pattern.replace(/\/\*{1,2}\/?$/, ""));
    if (base.includes("*") || !base.startsWith(root)) continue;
    let folders = [base];
    if (wildcard) {
      try {
        folders = readdirSync(base, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && entry.name !== "node_modules")
          .map((entry) => path.join(base, entry.name));
      } catch {
        folders = [];
      }
    }
    for (const folder of folders) {
      if (packages.size >= MAX_WORKSPACE_PACKAGES) return packages;
      const manifest = readJson(path.join(folder, "package.json")) as Record<string, unknown> | undefined;
      if (typeof manifest?.name !== "string") continue;
      const entries = ["source", "main", "module", "types", "typings"].map((field) => manifest[field]).filter((entry): entry is string => typeof entry === "string");
      packages.set(manifest.name, { directory: folder, entries });
    }
  }
  return packages;
}

function readJson(file: string): unknown {
  if (!isFile(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * A workspace package's source file for a specifier (`@acme/core`, `@acme/core/dynamo`): the entry its package.json
 * names, read from source when it names built output (`dist/index.js` → `src/index.ts`), else `src/index` or `index`.
 */
function resolveWorkspaceImport(fromDirectory: string, specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("node:")) return undefined;
  const workspace = workspaceOf(fromDirectory);
  if (!workspace) return undefined;
  const segments = specifier.split("/");
  const nameLength = specifier.startsWith("@") ? 2 : 1;
  const entry = workspace.packages.get(segments.slice(0, nameLength).join("/"));
  if (!entry) return undefined;
  const from = path.join(entry.directory, "index.ts");
  const subpath = segments.slice(nameLength).join("/");
  if (subpath) return resolveModuleFile(from, `./${subpath}`) ?? resolveModuleFile(from, `./src/${subpath}`);
  const candidates = entry.entries.flatMap((file) => {
    const source = file.replace(/\.d\.[cm]?ts$/, ".ts");
    return [source, source.replace(/^(?:\.\/)?(?:dist|lib|build|out)\//, "src/")];
  });
  for (const candidate of [...candidates, "src/index", "index"]) {
    const resolved = resolveModuleFile(from, `./${candidate.replace(/^\.\//, "")}`);
    if (resolved) return resolved;
  }
  return undefined;
}

/** `export * from "./dynamo"`, `export { queryByIndex } from "./dynamo"`: a barrel passing a module's exports on. */
const RE_EXPORT = /\bexport\s*(?:\*|\{[^{}]{0,2000}\})\s*from\s*["']([^"'\n]{1,300})["']/g;

/**
 * importersOf(), plus the importers of each barrel module among them that passes this module's exports on
 * (`packages/core/src/index.ts` with `export * from "./dynamo"`, imported as `@acme/core`), two barrels deep.
 */
export function importersThroughBarrels(file: string): string[] {
  const result = new Set<string>();
  let current = [file];
  for (let depth = 0; depth < 3 && current.length > 0; depth++) {
    const next: string[] = [];
    for (const module of current) {
      for (const importer of importersOf(module)) {
        if (result.has(importer) || importer === file) continue;
        result.add(importer);
        if (depth < 2 && reExports(importer, module)) next.push(importer);
      }
    }
    current = next;
  }
  return [...result];
}

function reExports(barrel: string, module: string): boolean {
  let text: string;
  try {
    text = readFileSync(barrel, "utf8");
  } catch {
    return false;
  }
  return [...text.matchAll(RE_EXPORT)].some((match) => resolveImport(barrel, match[1]) === module);
}

/** What the analysis needs of a tsconfig.json: where `paths` are relative to, and the aliases. */
export interface PathAliases {
  /** The directory the aliases' targets are relative to (`baseUrl`, else the tsconfig's own directory). */
  directory: string;
  paths: Array<{ prefix: string; suffix: string; wildcard: boolean; targets: string[] }>;
  /** `baseUrl`, when set: bare specifiers are also looked up under it (`src/db/crud.service`, the NestJS default). */
  baseUrl?: string;
}

const tsconfigByDirectory = new Map<string, PathAliases | null>();
const MAX_TSCONFIG_DIRECTORIES = 5_000;

const CONFIG_FILES = ["tsconfig.json", "jsconfig.json"];

/** The `paths` of the nearest tsconfig.json (or jsconfig.json) above a directory (cached per directory; `extends` followed for relative files). */
export function nearestTsconfig(directory: string): PathAliases | undefined {
  return nearestAbove(directory, tsconfigByDirectory, (folder) => {
    // A JavaScript project declares the same `paths` in jsconfig.json. The nearest one decides, also when it does not parse.
    const candidate = CONFIG_FILES.map((name) => path.join(folder, name)).find(isFile);
    return candidate ? (readTsconfig(candidate, 0) ?? null) : undefined;
  });
}

/**
 * What `look` finds in the nearest folder at or above `directory` where it finds anything (null: stop there with
 * nothing), cached for every folder on the way; a node_modules folder ends the search.
 */
function nearestAbove<T>(directory: string, cache: Map<string, T | null>, look: (folder: string) => T | null | undefined): T | undefined {
  const visited: string[] = [];
  let current = directory;
  let found: T | null = null;
  for (let i = 0; i < 64; i++) {
    const cached = cache.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(current);
    if (path.basename(current) === "node_modules") break;
    const value = look(current);
    if (value !== undefined) {
      found = value;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (cache.size > MAX_TSCONFIG_DIRECTORIES) cache.clear();
  for (const entry of visited) cache.set(entry, found);
  return found ?? undefined;
}

const baseUrlEntries = new Map<string, ReadonlySet<string>>();

/** Is the first segment of a bare specifier (`src` of `src/db/crud.service`) a file or folder under `baseUrl`? One directory listing per `baseUrl`. */
function baseUrlHolds(baseUrl: string, specifier: string): boolean {
  let entries = baseUrlEntries.get(baseUrl);
  if (!entries) {
    const names = new Set<string>();
    try {
      for (const entry of readdirSync(baseUrl)) {
        if (entry === "node_modules") continue;
        names.add(entry);
        names.add(entry.replace(/\.[^.]+$/, ""));
      }
    } catch {
      // unreadable: nothing resolves under it
    }
    if (baseUrlEntries.size > MAX_TSCONFIG_DIRECTORIES) baseUrlEntries.clear();
    baseUrlEntries.set(baseUrl, (entries = names));
  }
  return entries.has(specifier.split("/")[0]);
}

const serviceByDirectory = new Map<string, string | null>();
/** A Serverless Framework service's definition, and an AWS SAM template. */
const SERVICE_FILES = ["serverless.yml", "serverless.yaml", "template.yaml", "template.yml"];

/** The nearest deployment descriptor (`serverless.yml`, a SAM `template.yaml`) at or above a directory (cached per directory). */
export function nearestServiceFile(directory: string): string | undefined {
  return nearestAbove(directory, serviceByDirectory, (folder) => SERVICE_FILES.map((name) => path.join(folder, name)).find(isFile));
}

/** Forgets the tsconfig.json files read so far (tests that rewrite them). */
export function clearProjectCaches(): void {
  tsconfigByDirectory.clear();
  serviceByDirectory.clear();
  workspaceByDirectory.clear();
  baseUrlEntries.clear();
  projectFolders.clear();
  projectListings.clear();
  importLists.clear();
  parsedModules.clear();
  layerRootsByDirectory.clear();
  directoryListings.clear();
  resolutions.clear();
  recentStamps.clear();
}

function readTsconfig(file: string, depth: number): PathAliases | undefined {
  let json: { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
  try {
    json = JSON.parse(stripJsonComments(readFileSync(file, "utf8"))) as typeof json;
  } catch {
    return undefined;
  }
  const directory = path.dirname(file);
  const options = json.compilerOptions ?? {};
  let inherited: PathAliases | undefined;
  if (typeof json.extends === "string" && isRelative(json.extends) && depth < 5) {
    const base = path.resolve(directory, json.extends);
    inherited = readTsconfig(base.endsWith(".json") ? base : `${base}.json`, depth + 1);
  }
  const baseUrl = typeof options.baseUrl === "string" ? path.resolve(directory, options.baseUrl) : undefined;
  if (!options.paths || typeof options.paths !== "object") {
    if (inherited) return baseUrl ? { ...inherited, baseUrl } : inherited;
    return baseUrl ? { directory: baseUrl, paths: [], baseUrl } : undefined;
  }
  const paths: PathAliases["paths"] = [];
  for (const [pattern, targets] of Object.entries(options.paths as Record<string, unknown>)) {
    if (!Array.isArray(targets)) continue;
    const star = pattern.indexOf("*");
    paths.push({
      prefix: star < 0 ? pattern : pattern.slice(0, star),
      suffix: star < 0 ? "" : pattern.slice(star + 1),
      wildcard: star >= 0,
      targets: targets.filter((target): target is string => typeof target === "string"),
    });
  }
  return { directory: baseUrl ?? directory, paths, baseUrl: baseUrl ?? inherited?.baseUrl };
}

/** The files an alias maps a specifier to, most specific pattern first. */
function aliasTargets(config: PathAliases, specifier: string): string[] {
  const matches = config.paths
    .filter((alias) => (alias.wildcard ? specifier.startsWith(alias.prefix) && specifier.endsWith(alias.suffix) && specifier.length >= alias.prefix.length + alias.suffix.length : specifier === alias.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const result: string[] = [];
  for (const alias of matches) {
    const star = alias.wildcard ? specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length) : "";
    for (const target of alias.targets) result.push(path.resolve(config.directory, target.replace("*", star)));
  }
  return result;
}

/** JSON with comments and trailing commas (tsconfig.json) to JSON, in one pass. */
function stripJsonComments(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      out += char;
      if (char === "\\") out += text[++i] ?? "";
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (char === "/" && text[i + 1] === "*") {
      i += 2;
      while (i < text.length && !(text[i] === "*" && text[i + 1] === "/")) i++;
      i++;
    } else if (char === ",") {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] !== "}" && text[j] !== "]") out += char;
    } else {
      out += char;
    }
  }
  return out;
}

/** What a parsed module offers the analysis: the parts of an ESLint SourceCode the analysis reads. */
export type ParsedModule = Pick<TSESLint.SourceCode, "text" | "ast" | "scopeManager" | "visitorKeys">;

interface CacheEntry {
  size: number;
  mtimeMs: number;
  parsed: ParsedModule | undefined;
}
const parsedModules = new BoundedCache<string, CacheEntry>(1_000, 1_000_000);

/**
 * The parts of the TypeScript parser used to parse a module on its own: typescript-estree's `parse()` and the
 * scope manager's `analyze()`. `parseForESLint` forces tokens, comments and locations on and maps every node
 * to its TypeScript node, which a module read by the analysis never needs (about 40% of its parse).
 */
interface Toolchain {
  parse(text: string, options: Record<string, unknown>): TSESTree.Program;
  analyze(program: TSESTree.Program, options: Record<string, unknown>): ParsedModule["scopeManager"];
  visitorKeys: ParsedModule["visitorKeys"];
}
let toolchain: Toolchain | undefined;

function typescriptToolchain(): Toolchain {
  if (!toolchain) {
    // Loaded on first use (they load TypeScript itself, seconds that most lint runs never need), resolved from
    // the parser's own location: the exact versions it parses with (dependencies of it).
    const fromParser = createRequire(require.resolve("@typescript-eslint/parser"));
    const estree = fromParser("@typescript-eslint/typescript-estree") as Pick<Toolchain, "parse">;
    const scopeManager = fromParser("@typescript-eslint/scope-manager") as Pick<Toolchain, "analyze">;
    const keys = fromParser("@typescript-eslint/visitor-keys") as { visitorKeys: Toolchain["visitorKeys"] };
    toolchain = { parse: estree.parse, analyze: scopeManager.analyze, visitorKeys: keys.visitorKeys };
  }
  return toolchain;
}

/** ESLint's own parser (espree) and scope analysis (eslint-scope): what ESLint lints plain JavaScript with. */
interface JavaScriptToolchain {
  parse(text: string, options: Record<string, unknown>): TSESTree.Program;
  analyze(program: TSESTree.Program, options: Record<string, unknown>): ParsedModule["scopeManager"];
  visitorKeys: ParsedModule["visitorKeys"];
  ecmaVersion: number;
}
let javascriptToolchainLoaded: JavaScriptToolchain | null | undefined;

function javascriptToolchain(): JavaScriptToolchain | undefined {
  if (javascriptToolchainLoaded === undefined) {
    try {
      // Resolved from ESLint's location: the versions it lints with. Milliseconds to load, where TypeScript takes
      // half a second, which a plain JavaScript project (linted with espree) then never pays.
      const fromEslint = createRequire(require.resolve("eslint"));
      const espree = fromEslint("espree") as { parse: JavaScriptToolchain["parse"]; VisitorKeys: JavaScriptToolchain["visitorKeys"]; latestEcmaVersion: number };
      const scope = fromEslint("eslint-scope") as Pick<JavaScriptToolchain, "analyze">;
      // eslint-scope reads the version as ESLint gives it, a year (17 is 2026).
      javascriptToolchainLoaded = { parse: espree.parse, analyze: scope.analyze, visitorKeys: espree.VisitorKeys, ecmaVersion: espree.latestEcmaVersion + 2009 };
    } catch {
      javascriptToolchainLoaded = null;
    }
  }
  return javascriptToolchainLoaded ?? undefined;
}

/**
 * A JavaScript module through espree, as an ES module or else as CommonJS (sloppy mode, top-level `return`), or
 * undefined when espree cannot parse it (Flow, decorators, TypeScript in a .js file).
 */
function parseJavaScript(text: string): ParseResult | undefined {
  const toolchain = javascriptToolchain();
  if (!toolchain) return undefined;
  for (const sourceType of ["module", "commonjs"] as const) {
    try {
      // JSX on: without type assertions there is nothing for it to misread. Ranges only, as below.
      const ast = toolchain.parse(text, { ecmaVersion: "latest", sourceType, range: true, loc: false, comment: false, tokens: false, ecmaFeatures: { jsx: true } });
      const scopeManager = toolchain.analyze(ast, {
        ignoreEval: true,
        ecmaVersion: toolchain.ecmaVersion,
        sourceType,
        childVisitorKeys: toolchain.visitorKeys,
        fallback: "iteration",
        jsx: true,
      });
      return { ast, scopeManager, visitorKeys: toolchain.visitorKeys };
    } catch {
      // not this source type
    }
  }
  return undefined;
}

/** Reads and parses a module (TypeScript parser, no type information), or undefined when it cannot. */
export function parseModuleFile(file: string, parser?: ModuleParser): ParsedModule | undefined {
  let stats;
  try {
    stats = statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stats?.isFile() || stats.size > MAX_MODULE_BYTES) return undefined;
  const cached = parsedModules.get(file);
  if (cached && cached.size === stats.size && cached.mtimeMs === stats.mtimeMs) return cached.parsed;
  let parsed: ParsedModule | undefined;
  try {
    const text = readFileSync(file, "utf8");
    const result = parseWith(parser, text, file);
    const visitorKeys = result.visitorKeys;
    setParents(result.ast as TSESTree.Program, visitorKeys);
    parsed = { text, ast: result.ast as unknown as ParsedModule["ast"], scopeManager: result.scopeManager, visitorKeys };
  } catch {
    parsed = undefined;
  }
  // Kept for the whole process, least recently used dropped first: at most 1,000 modules and 1 MB of source text.
  parsedModules.set(file, { size: stats.size, mtimeMs: stats.mtimeMs, parsed }, stats.size);
  return parsed;
}

/**
 * The linted file's parser (`languageOptions.parser`): one that offers `parseForESLint` with a scope manager parses
 * the other modules too; ESLint's default, espree (`name: "espree"`), has the other JavaScript modules read by espree.
 */
export interface ModuleParser {
  parseForESLint?: (text: string, options: Record<string, unknown>) => unknown;
  meta?: { name?: string };
  name?: string;
}

/** ESLint's default parser: the module object of espree. */
export function isEspree(parser: ModuleParser | undefined): boolean {
  return parser?.name === "espree" && !parser.parseForESLint;
}

const JAVASCRIPT_FILE = /\.(?:[cm]?js|jsx)$/i;

interface ParseResult {
  ast: TSESTree.Program;
  scopeManager: ParsedModule["scopeManager"];
  visitorKeys: ParsedModule["visitorKeys"];
}

function parseWith(parser: ModuleParser | undefined, text: string, file: string): ParseResult {
  const jsx = /x$/.test(path.extname(file));
  if (parser?.parseForESLint && parser.meta?.name !== "typescript-eslint/parser") {
    try {
      const result = parser.parseForESLint(text, {
        ecmaVersion: "latest",
        sourceType: "module",
        range: true,
        loc: false,
        comment: false,
        tokens: false,
        ecmaFeatures: { jsx },
        filePath: file,
        lib: [],
      }) as Partial<ParseResult> | undefined;
      if (result?.ast && result.scopeManager && result.visitorKeys) return result as ParseResult;
    } catch {
      // the project's parser could not parse it on its own: fall back to the TypeScript parser
    }
  }
  // Plain JavaScript, when the linted file is, through espree: its code is then already compiled and warm, and a
  // plain JavaScript project never loads TypeScript (half a second). Beside files linted with the TypeScript parser
  // that parser is the warm one, and espree, cold for a handful of modules, would be slower.
  if (isEspree(parser) && JAVASCRIPT_FILE.test(file)) {
    const parsed = parseJavaScript(text);
    if (parsed) return parsed;
  }
  const { parse, analyze, visitorKeys } = typescriptToolchain();
  // Ranges only: no locations, tokens or comments (the analysis reads ranges; lineOf() gives a line for messages).
  const ast = parse(text, { range: true, loc: false, comment: false, tokens: false, jsx, filePath: file });
  ast.sourceType = "module";
  // No TypeScript lib globals: the analysis treats an unresolved global like a lib one, and populating them is a third of the scope analysis.
  return { ast, scopeManager: analyze(ast, { sourceType: "module", lib: [] }), visitorKeys };
}

/** ESLint sets `parent` while it traverses; a module parsed here gets it set once, without recursion. */
function setParents(program: TSESTree.Program, visitorKeys: ParsedModule["visitorKeys"]): void {
  walk(program, visitorKeys, (node) => {
    const keys = visitorKeys[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(child) ? child : [child];
      for (const item of children) {
        if (item && typeof (item as Node).type === "string") (item as { parent?: Node }).parent = node;
      }
    }
  });
}

/**
 * The expression a module exports under `name` (`default` for the default export or `module.exports`):
 * `export const a = ...`, `export { b as a }`, `export default ...`, `module.exports = ...`,
 * `module.exports = { a }`, `exports.a = ...`, `module.exports.a = ...`.
 */
export function exportedExpression(program: TSESTree.Program, name: string): Node | undefined {
  let found: Node | undefined;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init) found = declarator.init;
        }
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
        if (exported === name && specifier.local.type === AST_NODE_TYPES.Identifier) found = specifier.local;
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && name === "default") {
      const declaration = statement.declaration;
      if (declaration.type !== AST_NODE_TYPES.FunctionDeclaration && declaration.type !== AST_NODE_TYPES.ClassDeclaration && declaration.type !== AST_NODE_TYPES.TSInterfaceDeclaration && declaration.type !== AST_NODE_TYPES.TSDeclareFunction) {
        found = declaration;
      }
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const assignment = statement.expression;
      if (assignment.operator !== "=") continue;
      const chain = memberChain(assignment.left);
      if (chain?.root.type !== AST_NODE_TYPES.Identifier) continue;
      const target = chain.root.name === "module" && chain.path[0] === "exports" ? chain.path.slice(1) : chain.root.name === "exports" ? chain.path : undefined;
      if (!target) continue;
      if (target.length === 0) {
        const value = unwrap(assignment.right);
        if (name === "default") found = value;
        else if (value.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of value.properties) {
            if (property.type === AST_NODE_TYPES.Property && staticKeyName(property) === name) found = property.value;
          }
        }
      } else if (target.length === 1 && target[0] === name) {
        found = assignment.right;
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------- importers

/** Source files listed per project before giving up on finding a module's importers (a monorepo's root, a home directory). */
const MAX_PROJECT_FILES = 5_000;
const MAX_LISTING_DEPTH = 24;

interface ProjectListing {
  /** Every directory walked, with its modification time: a file added or removed anywhere changes one of them. */
  directories: Map<string, number>;
  files: string[];
  /** When the directories' times were last compared (performance.now()). */
  checkedAt: number;
}
const projectListings = new Map<string, ProjectListing>();

/**
 * How long a project listing or a file's import list is trusted before the file system is asked again.
 * importersOf() looks at every project file, and each linted module asks it: checking every file's time per
 * question made a lint run's cost grow with the square of the project's size. A file saved a moment ago is
 * seen at most this late (eslint-plugin-import trusts its module cache for 30 seconds).
 */
const FRESHNESS_MS = 2_000;

/**
 * The file's modification stamp (for caches keyed by path and modification time), or undefined. Caches check
 * every file an answer read on each question: a stamp is trusted for FRESHNESS_MS, like the project's listings.
 */
export function fileStamp(file: string): string | undefined {
  return recentAnswer(recentStamps, file, () => {
    try {
      // No exception for a missing file: building one costs more than the stat.
      const stats = statSync(file, { throwIfNoEntry: false });
      return stats?.isFile() ? `${stats.size}:${stats.mtimeMs}` : undefined;
    } catch {
      return undefined;
    }
  });
}

const recentStamps: RecentAnswers<string | undefined> = new Map();

/** Answers about the file system by key, each with the time it was found (performance.now()). */
type RecentAnswers<V> = Map<string, { value: V; checkedAt: number }>;
const MAX_RECENT_ANSWERS = 20_000;

/** The answer for `key`, trusted for FRESHNESS_MS, then found again (`find`); at most MAX_RECENT_ANSWERS kept. */
function recentAnswer<V>(answers: RecentAnswers<V>, key: string, find: () => V): V {
  const now = performance.now();
  let answer = answers.get(key);
  if (!answer || now - answer.checkedAt >= FRESHNESS_MS) {
    answer = { value: find(), checkedAt: now };
    if (answers.size > MAX_RECENT_ANSWERS) answers.clear();
    answers.set(key, answer);
  }
  return answer.value;
}

function directoryTime(directory: string): number | undefined {
  try {
    return statSync(directory, { throwIfNoEntry: false })?.mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The project whose modules may import a file: the directory of the nearest package.json or git work tree
 * above it, else the folder above the file's own (`routes/` beside `controllers/`). None inside node_modules.
 */
const projectFolders = new Map<string, boolean>();

/** Does the folder hold a package.json or a git work tree (cached per folder)? */
export function isProjectFolder(directory: string): boolean {
  let marked = projectFolders.get(directory);
  if (marked === undefined) {
    marked = existsSync(path.join(directory, "package.json")) || existsSync(path.join(directory, ".git"));
    if (projectFolders.size > MAX_TSCONFIG_DIRECTORIES) projectFolders.clear();
    projectFolders.set(directory, marked);
  }
  return marked;
}

function projectRoot(file: string): string | undefined {
  const root = nearestProjectRoot(file);
  // A Lambda layer's module is imported by the functions beside the layers (`/opt/nodejs/db.mjs`): its project is the
  // folder that holds the layer folder, also when the layer has a package.json of its own.
  const layers = layerProjectRoot(file);
  return layers && (!root || root.startsWith(layers + path.sep)) ? layers : root;
}

/** The folder above the outermost layer folder a file is in (within a few levels of it), if any. */
function layerProjectRoot(file: string): string | undefined {
  const segments = path.dirname(file).split(path.sep);
  for (let index = Math.max(1, segments.length - MAX_LAYER_SEARCH_LEVELS); index < segments.length; index++) {
    if (segments[index] === "node_modules") return undefined;
    if (LAYER_FOLDER.test(segments[index])) return segments.slice(0, index).join(path.sep) || path.sep;
  }
  return undefined;
}

function nearestProjectRoot(file: string): string | undefined {
  let current = path.dirname(file);
  for (let i = 0; i < 64; i++) {
    if (path.basename(current) === "node_modules") return undefined;
    if (isProjectFolder(current)) return current;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const fallback = path.dirname(path.dirname(file));
  return path.dirname(fallback) === fallback ? undefined : fallback;
}

/** The project's source files (no generated directories, no declaration files), listed once and re-listed when a directory changes. */
function projectFiles(root: string): ProjectListing {
  const cached = projectListings.get(root);
  const now = performance.now();
  if (cached && now - cached.checkedAt < FRESHNESS_MS) return cached;
  if (cached && [...cached.directories].every(([directory, time]) => directoryTime(directory) === time)) {
    cached.checkedAt = now;
    return cached;
  }
  const listing: ProjectListing = { directories: new Map(), files: [], checkedAt: now };
  const walkDirectory = (directory: string, depth: number): void => {
    const time = directoryTime(directory);
    if (time === undefined || depth > MAX_LISTING_DEPTH) return;
    listing.directories.set(directory, time);
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (listing.files.length >= MAX_PROJECT_FILES) return;
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!GENERATED_DIRECTORIES.includes(entry.name)) walkDirectory(full, depth + 1);
      } else if (entry.isFile() && EXTENSIONS.includes(path.extname(entry.name)) && !DECLARATION_FILE.test(entry.name)) {
        listing.files.push(full);
      }
    }
  };
  walkDirectory(root, 0);
  if (projectListings.size > 100) projectListings.clear();
  projectListings.set(root, listing);
  return listing;
}

/** Source files beside a module (its folder, not below) whose text holds `mention`: at most 40 looked at. */
export function siblingFilesMentioning(file: string, mention: string): string[] {
  const directory = path.dirname(file);
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  let looked = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !EXTENSIONS.includes(path.extname(entry.name)) || DECLARATION_FILE.test(entry.name)) continue;
    const sibling = path.join(directory, entry.name);
    if (sibling === file) continue;
    if (++looked > 40) break;
    try {
      const stats = statSync(sibling);
      if (stats.size <= MAX_MODULE_BYTES && readFileSync(sibling, "utf8").includes(mention)) found.push(sibling);
    } catch {
      // unreadable: not a sibling worth reading
    }
  }
  return found;
}

/** Does the file's text (a source file of at most 512 KB) hold every one of `words`? Unreadable files hold nothing. */
export function fileMentions(file: string, words: readonly string[]): boolean {
  try {
    // Most files asked about do not exist (an `index.ts` beside a handler, a project's `main.ts`): no exception for them.
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.size > MAX_MODULE_BYTES) return false;
    const text = readFileSync(file, "utf8");
    return words.every((word) => text.includes(word));
  } catch {
    return false;
  }
}

/** Where a NestJS application is bootstrapped: `main.ts`, or the Lambda entry that bootstraps it (`serverless.ts`, `lambda.ts`). */
const BOOTSTRAP_MODULES = ["main", "serverless", "lambda", "handler"].flatMap((name) => [`src/${name}.ts`, `${name}.ts`, `src/${name}.js`, `${name}.js`]);

/** Does a bootstrap module of the project a file belongs to hold every one of `words`? Read as text. */
export function projectMainMentions(file: string, words: readonly string[]): boolean {
  const root = projectRoot(file);
  if (!root) return false;
  return BOOTSTRAP_MODULES.some((name) => fileMentions(path.join(root, name), words));
}

/** File names of Lambda entry modules, one per function folder (`notes/get-all/handler.ts`). */
export const ENTRY_FILE = /^(?:handler|index|main|lambda|app|function)\.[cm]?[jt]sx?$/;

/**
 * Lambda entry modules in the folders beside a module's folder (`notes/get-all/handler.ts` for
 * `notes/get-by-id/handler.ts`: one folder per function), at most one per folder and 30 folders.
 */
export function cousinEntryFiles(file: string): string[] {
  const directory = path.dirname(file);
  let folders;
  try {
    folders = readdirSync(path.dirname(directory), { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const folder of folders.slice(0, 60)) {
    if (!folder.isDirectory() || folder.name === "node_modules" || folder.name.startsWith(".")) continue;
    const sibling = path.join(path.dirname(directory), folder.name);
    if (sibling === directory) continue;
    try {
      const entry = readdirSync(sibling, { withFileTypes: true }).find((candidate) => candidate.isFile() && ENTRY_FILE.test(candidate.name));
      if (entry) found.push(path.join(sibling, entry.name));
    } catch {
      // unreadable: no entry module
    }
    if (found.length >= 30) break;
  }
  return found;
}

/** Each file's import specifiers, read from its text (cached by size and modification time). */
const importLists = new BoundedCache<string, { stamp: string; specifiers: string[]; checkedAt: number }>(20_000, 20_000_000);
/** Import specifiers in a module's text: `from "x"`, `import "x"`, `import("x")`, `require("x")` (also in comments: that only adds files to read). */
export const IMPORT_SPECIFIER = /\b(?:from|import|require)\s*(?:\(\s*)?["'`]([^"'`\n]{1,300})["'`]/g;

function importSpecifiers(file: string): string[] {
  const now = performance.now();
  const recent = importLists.get(file);
  if (recent && now - recent.checkedAt < FRESHNESS_MS) return recent.specifiers;
  let stats;
  try {
    stats = statSync(file, { throwIfNoEntry: false });
  } catch {
    return [];
  }
  if (!stats?.isFile() || stats.size > MAX_MODULE_BYTES) return [];
  const stamp = `${stats.size}:${stats.mtimeMs}`;
  if (recent?.stamp === stamp) {
    recent.checkedAt = now;
    return recent.specifiers;
  }
  let specifiers: string[];
  try {
    specifiers = [...readFileSync(file, "utf8").matchAll(IMPORT_SPECIFIER)].map((match) => match[1]);
  } catch {
    specifiers = [];
  }
  importLists.set(file, { stamp, specifiers, checkedAt: now }, specifiers.reduce((size, specifier) => size + specifier.length, 16));
  return specifiers;
}

/**
 * The project files that import a module (`require("../controllers/banner")`, `import { x } from "@/api/notes"`):
 * the files of its project (see projectRoot) whose import specifiers resolve to it. Read as text, never parsed;
 * at most what the first 5,000 source files hold.
 */
export function importersOf(file: string): string[] {
  // In a monorepo the importers may be other workspace packages (`import { queryByIndex } from "@acme/platform-core"`).
  const workspace = workspaceOf(path.dirname(file));
  const root = workspace?.root ?? projectRoot(file);
  if (!root) return [];
  // A specifier names the module by its file name, or by its directory for an index file, or by the workspace package it is in.
  const stem = path.basename(file).replace(/\.[^.]+$/, "");
  const names = [stem === "index" ? path.basename(path.dirname(file)) : stem];
  for (const [name, entry] of workspace?.packages ?? []) if (file.startsWith(entry.directory + path.sep)) names.push(name);
  const importers: string[] = [];
  for (const candidate of projectFiles(root).files) {
    if (candidate === file) continue;
    if (importSpecifiers(candidate).some((specifier) => names.some((name) => specifier.includes(name)) && resolveImport(candidate, specifier) === file)) importers.push(candidate);
  }
  return importers;
}
