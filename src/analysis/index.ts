// The per-file analysis every rule asks. Computed lazily, at most once per file (cached by Program node),
// and only the parts a rule actually asks for. Files that mention no DynamoDB package skip the client
// analysis entirely; file-wide checks (access key ids, NODE_TLS_REJECT_UNAUTHORIZED) do not depend on it.
import { readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { getSettings, type NormalizedSettings } from "../settings";
import { CallSites } from "./call-sites";
import { ClientResolver } from "./clients";
import { collectClientConfigs, type ClientConfig } from "./config";
import { collectExpressionSites, mentionsExpressionMember, type ExpressionSite } from "./expression-sites";
import { buildFileIndex, type FileIndex, type TraversalStep } from "./file-index";
import { BoundedCache } from "./lru";
import { isFunction, memberChain, requiredSpecifier, unwrap, wrapperCallOf, type FunctionNode } from "./ast";
import { AllowListGuards } from "./allow-lists";
import { Guards } from "./guards";
import { LoggingAnalysis } from "./logging";
import { importEqualsDeclarations, requireCalls } from "./modules";
import { collectOperations, type Operation } from "./operations";
import { CrossModuleResolver, type ModuleView, type TypedServices } from "./cross-module";
import { exportedExpression, fileStamp, IMPORT_SPECIFIER, importedBinding, importersOf, isEspree, parseModuleFile, resolveImport, resolveModuleFile, type ModuleParser, type ParsedModule } from "./project";
import { OwnershipAnalysis } from "./ownership";
import { ResultIndex } from "./results";
import { ScopeIndex } from "./scope";
import { collectSdkReferences, emptySdkReferences, reexportedCommand, type ClientType, type SdkReferences } from "./sdk/recognizer";
import { SourceCatalogue, type RootKind } from "./sources";
import { TransportAnalysis } from "./transport";
import { declaredType, type PrimitiveType } from "./types";
import { constantValues, ValueResolver } from "./values";

export type { CallSite, Callers, ParameterVerdict } from "./call-sites";
export type { ClientConfig } from "./config";
export type { ExpressionLanguage, ExpressionPosition, ExpressionSite, PartiqlPosition } from "./expression-sites";
export { countParameterMarkers, expressionPosition, partiqlPosition, reservedWordsIn, RESERVED_WORDS } from "./expression-sites";
export type { LogCall, LoggerValue, SensitiveValue } from "./logging";
export { findLogged, mayMentionCredentials, mayReadEnvironmentSecrets } from "./logging";
export type { ItemData } from "./results";
export type { Operation } from "./operations";
export { isGraphQLArgument, requestKey } from "./allow-lists";
export type { ComputedEntry, Origin, ResolvedObject, ResolvedProperty, ResolvedString, Segment } from "./values";
export { constantValues, dynamicParts, hasOrigin, isConstantString } from "./values";
export type { ClientType } from "./sdk/recognizer";
export type { Endpoint, EndpointAlternative, EndpointUrl, HostKind, TlsOptions } from "./transport";
export type { Access, AccessInstance, Check, EvidenceKind, FunctionSummary, HandlerAccess, TableRef, ValuePart } from "./ownership";
export type { PrimitiveType } from "./types";

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

// A case-insensitive substring test is linear and cheap; it decides which analysis runs, never a finding.
// Every DynamoDB package names DynamoDB (`@aws-sdk/client-dynamodb`, `@aws-sdk/lib-dynamodb`,
// `aws-sdk/clients/dynamodb`) except SDK v2's whole `aws-sdk` (and `aws-sdk/global`), which a file imports
// by that specifier: a quote then `aws-sdk`, not `@aws-sdk/` (the other v3 clients and SDK internals).
const DYNAMODB_MENTION = /dynamodb|["'`]aws-sdk["'`/]/i;
/** `require("./db")`, `require('../lib/dynamo')`: relative modules a CommonJS file loads. */
const REQUIRED_SPECIFIER = /\brequire\(\s*(["'`])([^"'`\n]{1,300})\1\s*\)/g;

/** Does a module's text name a DynamoDB package or a configured client module? */
function namesDynamoDB(text: string, settings: NormalizedSettings): boolean {
  return DYNAMODB_MENTION.test(text) || settings.clientModules.some((module) => text.includes(module));
}

/** Modules read to find a constant that configuration passes on (`config.js` requiring `databases/bikes.js`). */
const MAX_CONFIGURATION_HOPS = 3;

export class FileAnalysis implements ModuleView {
  private hasRequestHandlerValue?: boolean;
  private importsProjectModuleValue?: boolean;
  private indexValue?: FileIndex;
  private scopeValue?: ScopeIndex;
  private sdkValue?: SdkReferences;
  private catalogueValue?: SourceCatalogue;
  private valuesValue?: ValueResolver;
  private clientsValue?: ClientResolver;
  private operationsValue?: Operation[];
  private configsValue?: ClientConfig[];
  private loggingValue?: LoggingAnalysis;
  private resultsValue?: ResultIndex;
  private transportValue?: TransportAnalysis;
  private readonly importedFiles = new Map<string, FileAnalysis | null>();
  private ownershipValue?: OwnershipAnalysis;
  private callSitesValue?: CallSites;
  private expressionSitesValue?: ExpressionSite[];
  private guardsValue?: Guards;
  private allowListsValue?: AllowListGuards;
  private crossModuleValue?: CrossModuleResolver | null;
  private lineStarts?: number[];
  private readonly projectModules = new Map<string, FileAnalysis | null>();
  private readonly resolvedFiles = new Map<string, string | null>();
  private readonly reachesFiles = new Map<string, boolean>();
  /** The linted file's parser, when other modules are parsed like it: one offering `parseForESLint`, or espree. */
  parser: ModuleParser | undefined;
  /** True when the file names a DynamoDB package or a configured client module. */
  private readonly mentionsOwn: boolean;
  private mentionsValue?: boolean;

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly settings: NormalizedSettings,
    /** The file's absolute path on disk, when it has one (`<input>` and relative names have none). */
    readonly filename = "",
    /** 0 for the linted file; 1 for a module imported from it (whose own imports are not followed). */
    readonly importDepth = 0,
  ) {
    const text = sourceCode.text;
    this.mentionsOwn = namesDynamoDB(text, settings);
    this.givenFilename = filename;
  }

  /** The file's name as ESLint gives it, relative ones included: for path conventions such as Next.js's `pages/api/`. */
  givenFilename: string;

  /**
   * The steps of ESLint's traversal of the linted file (ESLint 9 and later compute them before any rule runs and
   * keep them): the index reads its nodes from that flat list instead of walking the tree again.
   */
  traversalSteps?: () => readonly TraversalStep[];

  /**
   * True when the file names a DynamoDB package or a configured client module, or (with cross-module analysis)
   * imports a project module that does (`const { docClient } = require("../db")`): its clients may come from there.
   */
  get mentionsDynamoDB(): boolean {
    if (this.mentionsValue === undefined) {
      this.mentionsValue = this.mentionsOwn || this.importsDynamoDBModule();
    }
    return this.mentionsValue;
  }

  private importsDynamoDBModule(): boolean {
    if (!this.settings.crossModule) return false;
    const specifiers: string[] = [];
    for (const statement of this.program.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== "type") specifiers.push(String(statement.source.value));
    }
    // require("./db"), require("@config/dynamodb") (a jsconfig.json alias) by its text: a file that names no
    // DynamoDB package is not walked for this question. A package's name resolves to no project file.
    for (const match of this.sourceCode.text.matchAll(REQUIRED_SPECIFIER)) specifiers.push(match[2]);
    return specifiers.some((specifier) => {
      // The text is enough (no parse): does the imported module name a DynamoDB package?
      const file = this.projectFile(specifier);
      return file !== undefined && mentionsInFile(file, this.settings);
    });
  }

  /** The imported project function a call invokes, with its module's value resolver (for ValueResolver's questions about it). */
  private importedFunction(call: TSESTree.CallExpression): { fn: FunctionNode; values: ValueResolver } | undefined {
    const resolver = this.crossModule;
    if (!resolver?.isCandidate(call)) return undefined;
    const callee = resolver.resolve(call);
    return callee !== undefined && callee.module !== this ? { fn: callee.fn, values: callee.module.values } : undefined;
  }

  /** For a module cross-module analysis reads: the client an imported binding is, when the module it comes from exports one. */
  private importedClient(node: TSESTree.Node): ClientType | undefined {
    const binding = importedBinding(node, this.scope, { anySpecifier: true });
    if (!binding || binding.name === "*") return undefined;
    const module = this.moduleAt(binding.source);
    const exported = module?.mentionsOwn ? exportedExpression(module.program, binding.name) : undefined;
    return exported ? module!.clientTypeOf(exported) : undefined;
  }

  get program(): TSESTree.Program {
    return this.sourceCode.ast;
  }

  get visitorKeys(): Readonly<Record<string, readonly string[] | undefined>> {
    return this.sourceCode.visitorKeys;
  }

  get index(): FileIndex {
    return (this.indexValue ??= buildFileIndex(this.sourceCode.ast, this.sourceCode.visitorKeys, this.traversalSteps?.()));
  }

  get scope(): ScopeIndex {
    return (this.scopeValue ??= new ScopeIndex(this.sourceCode.scopeManager));
  }

  get sources(): SourceCatalogue {
    if (!this.catalogueValue) {
      this.catalogueValue = new SourceCatalogue(this.sourceCode.ast, this.settings, this.givenFilename);
      // A handler given to a wrapper of another module gets from it what that wrapper passes (the caller's tenant).
      // Only for the linted file: its own wrapper in the same file would ask this file's analysis while it is being built.
      if (this.importDepth === 0 && this.settings.crossModule) this.catalogueValue.wrapperParameter = (fn, index) => this.wrappedParameter(fn, index);
    }
    return this.catalogueValue;
  }

  /** What the wrapper of another module that `fn` is given to passes as its parameter `index`, when that is the caller. */
  private wrappedParameter(fn: FunctionNode, index: number): RootKind | undefined {
    const wrapped = wrapperCallOf(fn);
    const resolver = this.crossModule;
    if (!wrapped || !resolver?.isCandidate(wrapped.call)) return undefined;
    const wrapper = resolver.resolve(wrapped.call);
    if (!wrapper || wrapper.module === this) return undefined;
    if (wrapper.module.ownership.wrapperContract(wrapper.fn, wrapped.index)?.parameters[index] !== "caller") return undefined;
    const parameter = fn.params[index];
    return { kind: "caller", framework: "lambda", path: parameter?.type === AST_NODE_TYPES.Identifier ? parameter.name : `arguments[${index}]` };
  }

  get values(): ValueResolver {
    if (!this.valuesValue) {
      const imported = this.settings.crossModule ? (call: TSESTree.CallExpression) => this.importedFunction(call) : undefined;
      const importedText = this.settings.crossModule && this.importDepth === 0 ? (node: TSESTree.Identifier | TSESTree.MemberExpression) => this.importedText(node) : undefined;
      this.valuesValue = new ValueResolver(this.scope, this.sources, this.index, this.sourceCode.visitorKeys, this.importDepth === 0 ? imported : undefined, imported, importedText);
    }
    return this.valuesValue;
  }

  /**
   * Every place DynamoDB expression text or a PartiQL statement is written: expression members of each
   * operation's input (paths from the SDK) and of object literals that are plainly DynamoDB inputs.
   */
  get expressionSites(): ExpressionSite[] {
    if (!this.expressionSitesValue) {
      // Outside DynamoDB files a site needs an expression member written in the file (`FilterExpression: ...`,
      // `params.UpdateExpression = ...`), or spelled there with escapes.
      const relevant = this.mentionsDynamoDB || mentionsExpressionMember(this.sourceCode.text);
      this.expressionSitesValue = relevant ? collectExpressionSites(this.operations, this.values, this.index, this.mentionsDynamoDB) : [];
    }
    return this.expressionSitesValue;
  }

  /** Equality and allow-list checks that limit a value to constants where it is used. */
  get guards(): Guards {
    return (this.guardsValue ??= new Guards(this.scope, this.values));
  }

  /** Allow-list checks a request value passes on its way to a use (`if (!ALLOWED.includes(x)) throw`, schema enums, filters). */
  get allowLists(): AllowListGuards {
    this.allowListsValue ??= new AllowListGuards(
      this.values,
      this.scope,
      (object) => this.callSites.fixedKeysInEveryCall(object),
      (name) => {
        const imported = this.importedValue(name);
        return imported && { allowLists: imported.file.allowLists, node: imported.node };
      },
    );
    return this.allowListsValue;
  }

  /** Every call expression of the file. */
  get calls(): readonly TSESTree.CallExpression[] {
    return this.index.calls;
  }

  /** Who calls a function of this file, and whether callers elsewhere can (parameter judgements). */
  get callSites(): CallSites {
    return (this.callSitesValue ??= new CallSites(this.scope, this.values, this.index, (fn) => this.crossModule?.projectCallsOf(fn)));
  }

  /**
   * References to the SDKs' DynamoDB parts (empty in files that mention no DynamoDB package). A module that
   * only imports a project module naming one has no SDK reference of its own (a reference needs the package's
   * name in the text): its clients come through `clients` (imported bindings), without tracking references.
   */
  get sdk(): SdkReferences {
    if (!this.sdkValue) {
      this.sdkValue = this.mentionsOwn ? collectSdkReferences(this.sourceCode) : emptySdkReferences();
      if (this.settings.crossModule && this.mentionsDynamoDB) this.addReexportedCommands(this.sdkValue);
    }
    return this.sdkValue;
  }

  /** `new DeleteCommand(...)` with the class taken from a project module that passes the SDK's on (`require("../config/db")`). */
  private addReexportedCommands(sdk: SdkReferences): void {
    const known = new Set<TSESTree.Node>(sdk.commands.map((command) => command.node));
    for (const node of this.index.news) {
      if (node.callee.type !== AST_NODE_TYPES.Identifier || !node.callee.name.endsWith("Command") || known.has(node)) continue;
      const binding = importedBinding(node.callee, this.scope, { anySpecifier: true });
      if (!binding || binding.name === "*" || SDK_OR_NODE_SPECIFIER.test(binding.source)) continue;
      const module = this.moduleAt(binding.source);
      if (!module?.mentionsOwn || !exportedExpression(module.program, binding.name)) continue;
      const command = reexportedCommand(binding.name, module.sourceCode.text);
      if (command) sdk.commands.push({ node, ...command });
    }
  }

  get clients(): ClientResolver {
    // A client imported from a project module that exports one (`const { docClient } = require("./db")`), alike
    // whether the file is linted or read as a module, so the two never disagree about its clients.
    const imported = this.settings.crossModule ? (node: TSESTree.Node) => this.importedClient(node) : undefined;
    return (this.clientsValue ??= new ClientResolver(this.sdk, this.scope, this.values, this.index, this.settings.clientModules, imported));
  }

  /** Every DynamoDB operation in the file. */
  get operations(): Operation[] {
    if (!this.operationsValue) {
      this.operationsValue = this.mentionsDynamoDB ? collectOperations(this.sdk, this.index, this.clients, this.values) : [];
    }
    return this.operationsValue;
  }

  /** Every DynamoDB client configuration in the file (v3 clients, v2 services, v2 global config). */
  get clientConfigs(): ClientConfig[] {
    if (!this.configsValue) {
      this.configsValue = this.mentionsDynamoDB ? collectClientConfigs(this.sdk, this.values) : [];
    }
    return this.configsValue;
  }

  /** Log calls, loggers, and credential values (file-wide: runs in files that mention no DynamoDB package). */
  get logging(): LoggingAnalysis {
    return (this.loggingValue ??= new LoggingAnalysis(this.sourceCode, this, (node) => this.clientTypeOf(node)?.sdk === "v2"));
  }

  /** Which expressions hold DynamoDB item data (command outputs, `Items`, `Item`, `Attributes`). */
  get results(): ResultIndex {
    return (this.resultsValue ??= new ResultIndex(this.operations, this.index, this.scope, this.values));
  }

  /** HTTPS agents, request handlers and endpoints of the DynamoDB clients configured in this file. */
  get transport(): TransportAnalysis {
    return (this.transportValue ??= new TransportAnalysis(this));
  }

  /**
   * The expression a binding imported from a relative module stands for, with that module's analysis
   * (`import { agent } from "./http"` → the `export const agent = ...` initialiser in ./http.ts). One hop:
   * undefined in an imported module, and whenever the module cannot be found, read or parsed.
   */
  importedValue(node: TSESTree.Node): { file: FileAnalysis; node: TSESTree.Node; source: string } | undefined {
    const binding = importedBinding(node, this.scope);
    if (!binding || binding.name === "*") return undefined;
    const file = this.importedFile(binding.source);
    const exported = file ? exportedExpression(file.program, binding.name) : undefined;
    return file && exported ? { file, node: exported, source: binding.source } : undefined;
  }

  /** A relative module this file imports, analysed on its own (one hop, unless `hops` allows more: none from an imported module). */
  private importedFile(source: string, hops = 1): FileAnalysis | undefined {
    if (this.importDepth >= hops || !this.filename) return undefined;
    let file = this.importedFiles.get(source);
    if (file === undefined) {
      const path = resolveModuleFile(this.filename, source);
      // Parsed like the other modules: with the linted file's parser where it lends itself (espree, parseForESLint).
      const parsed = path ? parseModuleFile(path, this.parser) : undefined;
      file = parsed && path ? new FileAnalysis(parsed as ParsedModule as Readonly<TSESLint.SourceCode>, this.settings, path, this.importDepth + 1) : null;
      if (file) file.parser = this.parser;
      this.importedFiles.set(source, file);
    }
    return file ?? undefined;
  }

  /**
   * The constant texts an imported name or a member of one stands for (`config.bikes.partitionKey` of
   * `const config = require("./config")`, `import { USER_KEY } from "./keys"`), read in the module that
   * exports it; undefined when it is not a relative import or not a constant there.
   */
  importedText(node: TSESTree.Identifier | TSESTree.MemberExpression): string[] | undefined {
    const chain = node.type === AST_NODE_TYPES.Identifier ? { root: node, path: [] } : memberChain(node);
    return chain?.root.type === AST_NODE_TYPES.Identifier ? this.textAt(chain.root, chain.path, MAX_CONFIGURATION_HOPS) : undefined;
  }

  /** importedText() of `root.path` when `root` is imported; modules that pass configuration on are followed `hops` deep. */
  private textAt(root: TSESTree.Identifier, path: readonly string[], hops: number): string[] | undefined {
    const binding = importedBinding(root, this.scope);
    const file = binding ? this.importedFile(binding.source, hops) : undefined;
    if (!binding || !file) return undefined;
    const exported = binding.name === "*" ? path : [binding.name, ...path];
    let value = exported.length > 0 ? exportedExpression(file.program, exported[0]) : undefined;
    for (let i = 1; value; i++) {
      const current = unwrap(value);
      // `bikes: require("./databases/bikes")`, `module.exports = { bikes }` of an imported `bikes`: read on in that module.
      const required = requiredSpecifier(current);
      if (required !== undefined) return file.textOfModule(required, exported.slice(i), hops);
      if (current.type === AST_NODE_TYPES.Identifier && importedBinding(current, file.scope)) return file.textAt(current, exported.slice(i), hops);
      if (i === exported.length) break;
      value = file.values.resolveObject(value)?.properties.get(exported[i])?.value;
    }
    return file.constantTextBelow(value, []);
  }

  /** The constant text at `path` of what the module `source` exports whole (`module.exports`, its default export). */
  private textOfModule(source: string, path: readonly string[], hops: number): string[] | undefined {
    const file = this.importedFile(source, hops);
    const whole = file ? exportedExpression(file.program, "default") : undefined;
    if (!file || whole) return file?.constantTextBelow(whole, path);
    // A module of named exports (`export const partitionKey = ...`) is read by the first name.
    return path.length > 0 ? file.constantTextBelow(exportedExpression(file.program, path[0]), path.slice(1)) : undefined;
  }

  /** The constant text at a member path below a value of this module (`bikes.partitionKey` of an object literal). */
  private constantTextBelow(value: TSESTree.Node | undefined, path: readonly string[]): string[] | undefined {
    for (const key of path) value = value && this.values.resolveObject(value)?.properties.get(key)?.value;
    return value ? constantValues(this.values.resolveString(value)) : undefined;
  }

  /**
   * Callees in other project modules (null when cross-module analysis is off, the file has no path on disk,
   * or it imports nothing).
   */
  get crossModule(): CrossModuleResolver | undefined {
    if (this.crossModuleValue === undefined) {
      const imports = this.program.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) || this.sourceCode.text.includes("require(");
      const services = (this.sourceCode as { parserServices?: Partial<TypedServices> }).parserServices;
      const typed = services?.program && services.esTreeNodeToTSNodeMap ? (services as TypedServices) : undefined;
      this.crossModuleValue = this.settings.crossModule && this.filename && (imports || typed) ? new CrossModuleResolver(this, typed) : null;
    }
    return this.crossModuleValue ?? undefined;
  }

  /**
   * Does the file import a project module (`import { getNote } from "./notes"`, `require("../db")`, a path the
   * project's tsconfig maps)? Without one, no call of the file reaches a function of another module, so the
   * searches for such calls are skipped (bundled browser code, scripts that use only packages). With type
   * information a callee is found without an import: then always yes.
   */
  get importsProjectModule(): boolean {
    if (this.importsProjectModuleValue === undefined) {
      const resolver = this.crossModule;
      this.importsProjectModuleValue =
        resolver !== undefined && (resolver.typed !== undefined || this.importsSomeProjectFile());
    }
    return this.importsProjectModuleValue;
  }

  private importsSomeProjectFile(): boolean {
    for (const specifier of this.importedSpecifiers()) if (this.projectFile(specifier) !== undefined) return true;
    return false;
  }

  /**
   * The specifiers of the file's imports, `import x = require()` and `require()` calls (a re-export binds no name a
   * call could use). From the top-level statements and the scope manager: a file that needs nothing else builds no index.
   */
  private *importedSpecifiers(): Generator<string> {
    for (const statement of this.program.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) yield String(statement.source.value);
    }
    for (const declaration of importEqualsDeclarations(this.program)) {
      const reference = declaration.moduleReference;
      if (reference.type === AST_NODE_TYPES.TSExternalModuleReference && reference.expression.type === AST_NODE_TYPES.Literal) yield String(reference.expression.value);
    }
    for (const call of requireCalls(this.sourceCode.scopeManager)) {
      const required = requiredSpecifier(call);
      if (required !== undefined) yield required;
    }
  }

  /** The analysis of the project module a specifier names from this file (cached for the process by path and modification time). */
  moduleAt(specifier: string): FileAnalysis | undefined {
    let module = this.projectModules.get(specifier);
    if (module === undefined) {
      const path = this.resolved(specifier);
      module = (path && projectModule(path, this.settings, this.parser)) || null;
      this.projectModules.set(specifier, module);
    }
    return module ?? undefined;
  }

  /** The project file a specifier names from this file (resolved once per specifier). */
  resolvedFile(specifier: string): string | undefined {
    return this.resolved(specifier);
  }

  /** Could the file's code reach DynamoDB (it or a project module it imports names a DynamoDB package or client module)? */
  reachesDynamoDB(file: string): boolean {
    // Once per file and module for this analysis: the process-wide answer re-checks the stamp of every file it read.
    let reaches = this.reachesFiles.get(file);
    if (reaches === undefined) {
      reaches = (file === this.filename && this.mentionsDynamoDB) || reachesDynamoDB(file, this.settings);
      this.reachesFiles.set(file, reaches);
    }
    return reaches;
  }

  /** The project file an import names (an SDK package or Node module never is one: not even looked up). */
  private projectFile(specifier: string): string | undefined {
    return SDK_OR_NODE_SPECIFIER.test(specifier) ? undefined : this.resolved(specifier);
  }

  private resolved(specifier: string): string | undefined {
    let file = this.resolvedFiles.get(specifier);
    if (file === undefined) {
      file = resolveImport(this.filename, specifier) ?? null;
      this.resolvedFiles.set(specifier, file);
    }
    return file ?? undefined;
  }

  /** The analysis of a project file by its path (this analysis for the file itself). */
  moduleAtPath(file: string): FileAnalysis | undefined {
    if (file === this.filename) return this;
    let module = this.projectModules.get(file);
    if (module === undefined) {
      module = (!file.split(/[\\/]/).includes("node_modules") && projectModule(file, this.settings, this.parser)) || null;
      this.projectModules.set(file, module);
    }
    return module ?? undefined;
  }

  /** The 1-based line of an offset in the file (modules read by the analysis are parsed without locations). */
  lineOf(offset: number): number {
    const starts = (this.lineStarts ??= lineStarts(this.sourceCode.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** Every function of the file. */
  get functions(): FunctionNode[] {
    return this.index.functions;
  }

  /**
   * May a request handler of the file call a function of another project module (with request data)? Without
   * both, the searches for such calls are skipped. The cheaper question first: the handler (from the scope
   * manager), where the imports may need the project's file system; but in a file that names no DynamoDB
   * package, importsDynamoDBModule() has resolved its imports already, and most files import no project module.
   */
  get handlersMayCallProjectModules(): boolean {
    if (this.mentionsValue === false) return this.importsProjectModule && this.hasRequestHandler;
    return this.hasRequestHandler && this.importsProjectModule;
  }

  /**
   * Does the file define a request handler (per the source catalogue)? Read from the scope manager, where
   * every function has a scope of its own, without walking the tree: most files of a code base have none.
   */
  get hasRequestHandler(): boolean {
    return (this.hasRequestHandlerValue ??= (this.sourceCode.scopeManager?.scopes ?? []).some(
      (scope) => scope.type === "function" && isFunction(scope.block) && this.sources.handlerKind(scope.block) !== undefined,
    ));
  }

  /** Item accesses by key, per-function summaries and ownership evidence (computed on first use). */
  get ownership(): OwnershipAnalysis {
    return (this.ownershipValue ??= new OwnershipAnalysis({
      operations: this.operations,
      file: this,
      sources: this.sources,
      visitorKeys: this.sourceCode.visitorKeys,
      authorizationFunctions: this.settings.authorizationFunctions,
      external: this.crossModule,
    }));
  }

  /** The primitive type an expression has on its face (literals, conversions, casts, same-file TS annotations). */
  typeOf(node: TSESTree.Node): PrimitiveType | undefined {
    return declaredType(node, this.scope);
  }

  clientTypeOf(node: TSESTree.Node): ClientType | undefined {
    return this.mentionsDynamoDB ? this.clients.clientTypeOf(node) : undefined;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Analyses of other project modules, for the whole process: a module imported by many files is analysed (and summarised) once. */
/** At most 1,000 modules and 1 MB of their source text (their trees and analyses take memory in proportion: about 100 KB of heap for a 1 KB module). */
const projectModules = new BoundedCache<string, { stamp: string; settings: NormalizedSettings; analysis: FileAnalysis }>(1_000, 1_000_000);

function projectModule(file: string, settings: NormalizedSettings, parser: ModuleParser | undefined): FileAnalysis | undefined {
  const stamp = fileStamp(file);
  if (!stamp) return undefined;
  const cached = projectModules.get(file);
  if (cached && cached.stamp === stamp && cached.settings === settings) return cached.analysis;
  // Parsed here even when ESLint has linted the file in this process: keeping linted files for reuse held
  // their whole SourceCode (tokens, locations, the TypeScript tree: about 200 KB of heap per KB of source,
  // four times this lean parse) alive across files, and the larger heap cost more garbage collection than
  // the parses it saved (each module is parsed once per process).
  const parsed = parseModuleFile(file, parser);
  if (!parsed) return undefined;
  const analysis = new FileAnalysis(parsed as ParsedModule as Readonly<TSESLint.SourceCode>, settings, file, 1);
  analysis.parser = parser;
  projectModules.set(file, { stamp, settings, analysis }, parsed.text.length);
  return analysis;
}

const mentionCache = new Map<string, { stamp: string; mentions: boolean }>();

function mentionsInFile(file: string, settings: NormalizedSettings): boolean {
  const stamp = fileStamp(file);
  if (!stamp) return false;
  const cached = mentionCache.get(file);
  if (cached?.stamp === stamp) return cached.mentions;
  let mentions: boolean;
  try {
    const text = readFileSync(file, "utf8");
    mentions = namesDynamoDB(text, settings);
  } catch {
    mentions = false;
  }
  if (mentionCache.size > 10_000) mentionCache.clear();
  mentionCache.set(file, { stamp, mentions });
  return mentions;
}

/** Specifiers of Node's modules and the AWS SDKs: never a project module that passes DynamoDB on. */
const SDK_OR_NODE_SPECIFIER = /^(?:node:|@aws-sdk\/|aws-sdk)/;
/** Modules read as text per question before giving up (and answering "may reach"). */
const MAX_REACH_FILES = 300;
/** An interface or abstract class of a data-access layer (`export interface IUserRepository`, `abstract class INotesStore`). */
const CONTRACT_DECLARATION = /\b(?:interface|abstract\s+class)\s+\w*(?:Repository|Repo|Resource|Store|Dao|DAO|Gateway|Service)\b/;

/** Answers per starting file, with the stamp of every file read for them: a change to any of them asks again. */
const reachCache = new Map<string, { settings: NormalizedSettings; reaches: boolean; stamps: Array<[string, string | undefined]> }>();

/**
 * Does the file, or a project module it imports (relative specifiers and tsconfig paths, followed through
 * the text of each module, transitively), name a DynamoDB package or a configured client module? Read as
 * text without parsing; false only when every module of the closure was read and none does.
 */
function reachesDynamoDB(file: string, settings: NormalizedSettings): boolean {
  const cached = reachCache.get(file);
  if (cached && cached.settings === settings && cached.stamps.every(([path, stamp]) => fileStamp(path) === stamp)) return cached.reaches;
  const stamps: Array<[string, string | undefined]> = [];
  const queue = [file];
  const seen = new Set(queue);
  let reaches = false;
  for (let i = 0; i < queue.length && !reaches; i++) {
    if (i >= MAX_REACH_FILES) {
      reaches = true;
      break;
    }
    const current = queue[i];
    let text: string;
    try {
      stamps.push([current, fileStamp(current)]);
      text = readFileSync(current, "utf8");
    } catch {
      continue;
    }
    if (namesDynamoDB(text, settings)) {
      reaches = true;
      break;
    }
    const next = [...text.matchAll(IMPORT_SPECIFIER)].flatMap((match) => (match[1].startsWith("node:") ? [] : [resolveImport(current, match[1])]));
    // A repository's interface or abstract class: the modules that import it include its implementations (NestJS
    // injects them by the contract: `{ provide: IUserRepository, useClass: UserRepository }`).
    if (CONTRACT_DECLARATION.test(text)) next.push(...importersOf(current));
    for (const module of next) {
      if (module !== undefined && !seen.has(module)) {
        seen.add(module);
        queue.push(module);
      }
    }
  }
  if (reachCache.size > 10_000) reachCache.clear();
  reachCache.set(file, { settings, reaches, stamps });
  return reaches;
}

/** Forgets every other module analysed so far (tests that rewrite files within one modification-time tick). */
export function clearProjectModules(): void {
  projectModules.clear();
  mentionCache.clear();
  reachCache.clear();
}

const cache = new WeakMap<TSESTree.Program, FileAnalysis>();

/** The analysis of the file being linted, shared by every rule. */
export function getAnalysis(context: AnyContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const settings = getSettings(context);
  let analysis = cache.get(sourceCode.ast);
  if (!analysis || analysis.settings !== settings || analysis.sourceCode !== sourceCode) {
    const filename = context.physicalFilename ?? context.filename;
    analysis = new FileAnalysis(sourceCode, settings, isAbsolute(filename) ? filename : "");
    analysis.givenFilename = filename;
    const traverse = (sourceCode as { traverse?: () => readonly TraversalStep[] }).traverse;
    if (typeof traverse === "function") analysis.traversalSteps = () => traverse.call(sourceCode);
    const parser = (context.languageOptions as { parser?: ModuleParser } | undefined)?.parser;
    if (parser && (typeof parser.parseForESLint === "function" || isEspree(parser))) analysis.parser = parser;
    cache.set(sourceCode.ast, analysis);
  }
  return analysis;
}
