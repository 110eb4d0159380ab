// Callees in other modules of the project: which function a call in this file invokes when it is defined
// elsewhere. `getOrder(id)` imported from "../services/orders", `orderService.getOrder(id)` on an exported
// singleton (`export const orderService = new OrderService()`, `export default { getOrder }`), `repo.find(id)`
// on `const repo = new OrderRepository()` with the class imported, and `this.booksService.findOne(id)` on a
// class field or a NestJS constructor-injected parameter (`constructor(private readonly booksService:
// BooksService)`). Modules are found by project.ts (relative specifiers, index files, `.js` naming `.ts`,
// tsconfig `paths`; never packages) and analysed on their own, once per process for each path and
// modification time: the callee's summary is computed by that module's own OwnershipAnalysis, so a module
// imported by a thousand handlers is summarised once. Everything unknown is undefined (no callee: quiet).
import path from "node:path";
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { calleeName, enclosingClass, findProperty, instanceMember, isFunction, memberChain, memberChainRoot, requiredSpecifier, returnsThis, staticKeyName, staticMethodNamed, unwrap, walk, type FunctionNode } from "./ast";
import type { AllowListGuards } from "./allow-lists";
import type { FunctionDefinition } from "./deployment";
import type { Operation } from "./operations";
import type { OwnershipAnalysis, RouteRegistration, TableRef } from "./ownership";
import { cousinEntryFiles, DECLARATION_FILE, ENTRY_FILE, exportedExpression, fileMentions, importedBinding, importersOf, importersThroughBarrels, projectMainMentions, resolveImport, resolveModuleFile, siblingFilesMentioning } from "./project";
import { importedModuleOf, type ScopeIndex } from "./scope";
import type { SourceCatalogue } from "./sources";
import type { ValueResolver } from "./values";

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
/** How many files (the declaring module and its importers) implementationOf() reads at most. */
const MAX_IMPLEMENTATION_FILES = 60;
/** Words of an application-wide NestJS ValidationPipe that strips what a DTO does not declare. */
const GLOBAL_WHITELIST_PIPE = ["useGlobalPipes", "ValidationPipe", "whitelist: true"];


/** What the resolver needs of a module's analysis (FileAnalysis offers it). */
export interface ModuleView {
  readonly filename: string;
  readonly program: TSESTree.Program;
  readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  readonly scope: ScopeIndex;
  readonly sources: SourceCatalogue;
  /** The 1-based line of an offset in the module's text. */
  lineOf(offset: number): number;
  /** Every function of the module. */
  readonly functions: readonly FunctionNode[];
  readonly ownership: OwnershipAnalysis;
  /** Every call expression of the module. */
  readonly calls: readonly TSESTree.CallExpression[];
  /** The module's own resolver of calls into other modules (undefined when it imports nothing). */
  readonly crossModule: CrossModuleResolver | undefined;
  /** The module's DynamoDB operations and its value resolver (a rule judging what a callee does with its parameters). */
  readonly operations: readonly Operation[];
  readonly values: ValueResolver;
  /** The module's allow-list checks (a rule judging whether a callee checks what a parameter decides). */
  readonly allowLists: AllowListGuards;
  /** The analysis of the project module an import specifier names, from this module (undefined: not a project file). */
  moduleAt(specifier: string): ModuleView | undefined;
  /** The analysis of a project file by its absolute path (this module's own for its own path). */
  moduleAtPath(file: string): ModuleView | undefined;
  /** The project file an import specifier names from this module. */
  resolvedFile(specifier: string): string | undefined;
  /**
   * Could code in the file reach DynamoDB: does it, or a project module it imports (transitively, read as
   * text), name a DynamoDB package or a configured client module? False only when certain.
   */
  reachesDynamoDB(file: string): boolean;
}

/** The parts of typescript-eslint's parser services (with a TypeScript program) the resolver uses. */
export interface TypedServices {
  program: { getTypeChecker(): { getResolvedSignature(node: never): { declaration?: unknown } | undefined } } | null;
  esTreeNodeToTSNodeMap: { get(node: never): unknown };
}

interface TsDeclaration {
  getSourceFile(): { fileName: string };
  getStart(): number;
  getEnd(): number;
}

/** A function in another module (or, through a class of this module, this one) that a call invokes. */
export interface ExternalCallee {
  fn: FunctionNode;
  module: ModuleView;
  /** The function's name as a person would look it up: `getOrder`, `OrderRepository.findById`. */
  name: string;
}

/** What an expression stands for, in the module that defines it. */
type Value =
  | { kind: "node"; module: ModuleView; node: Node }
  | { kind: "instance"; module: ModuleView; class: ClassNode }
  | { kind: "namespace"; module: ModuleView };

const MAX_HOPS = 8;
/** projectCallsOf() reads at most this many importing modules. */
const MAX_CALLER_MODULES = 12;

export class CrossModuleResolver {
  private readonly calls = new Map<TSESTree.CallExpression, ExternalCallee | null>();
  /** implementationOf()'s answers, by declaring file and name. */
  private readonly implementations = new Map<string, Value | null>();
  private readonly accessingCalls = new Map<TSESTree.CallExpression, ExternalCallee | null>();
  /** The project modules that import this one (found on the first registrationsOf()). */
  private importers?: string[];
  /** importersOf() and the importers of barrels that pass this module on: where its exported functions are called. */
  private barrelImporters?: string[];
  /** functionDefinition()'s answer (null: none). */
  private definition: FunctionDefinition | null | undefined;
  /** appWhitelistsBodies()'s answer. */
  private whitelistsBodies?: boolean;
  /** Set while resolving for resolveAccessing(): modules that cannot reach DynamoDB are not read. */
  private requireReach = false;

  constructor(
    private readonly self: ModuleView,
    /** Parser services with a TypeScript program (`parserOptions.projectService`): the checker resolves what the syntax cannot. */
    readonly typed?: TypedServices,
  ) {}

  /**
   * Cheap, without reading any module: could the call's callee be defined in another module? (An imported
   * binding at its root, `this.x.y()` inside a class, or a variable holding `new X()`.)
   */
  isCandidate(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (this.typed && (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression)) return true;
    // new NotesTable().remove(id): an imported class constructed where its method is called; also through methods
    // called on the way (`new Table(t).forUser(me).getOne(id)`, `table.forUser(me).getOne(id)`: fluent setters).
    let constructed = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : undefined;
    let fluent = 0;
    while (constructed?.type === AST_NODE_TYPES.CallExpression && unwrap(constructed.callee).type === AST_NODE_TYPES.MemberExpression && fluent < 8) {
      constructed = unwrap((unwrap(constructed.callee) as TSESTree.MemberExpression).object);
      fluent++;
    }
    if (constructed?.type === AST_NODE_TYPES.NewExpression && constructed.callee.type === AST_NODE_TYPES.Identifier) {
      const definition = this.self.scope.variableOf(constructed.callee)?.defs[0];
      return definition?.type === "ImportBinding" || definition?.type === "Variable";
    }
    if (fluent > 0) return constructed?.type === AST_NODE_TYPES.Identifier && this.namesProjectValue(constructed);
    const chain = memberChainRoot(callee);
    if (!chain) return false;
    if (chain.root.type === AST_NODE_TYPES.ThisExpression) return chain.length === 2;
    if (chain.length > 1) return false;
    return this.namesProjectValue(chain.root);
  }

  /** Could the identifier hold a value of another module: an import, or a variable initialised from one (`new X()`, `require()`, an alias)? */
  private namesProjectValue(root: TSESTree.Identifier): boolean {
    const variable = this.self.scope.variableOf(root);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!definition) return false;
    if (definition.type === "ImportBinding") return true;
    if (definition.type !== "Variable" || definition.node.type !== AST_NODE_TYPES.VariableDeclarator || !definition.node.init) return false;
    const init = unwrap(definition.node.init);
    // let dbclient: any = importedDb (an alias of an import)
    if (init.type === AST_NODE_TYPES.Identifier) return this.self.scope.variableOf(init)?.defs[0]?.type === "ImportBinding";
    return init.type === AST_NODE_TYPES.NewExpression || (init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === "require") ||
      (init.type === AST_NODE_TYPES.MemberExpression && unwrap(init.object).type === AST_NODE_TYPES.CallExpression);
  }

  /**
   * isCandidate(), for resolveAccessing(): also false, still without parsing, when the callee's root is an
   * import of a package or of a project module whose code cannot reach DynamoDB (`jwt.verify(token)`,
   * `formatDate(x)` from "./format").
   */
  isAccessCandidate(call: TSESTree.CallExpression): boolean {
    if (!this.isCandidate(call)) return false;
    const chain = memberChainRoot(call.callee);
    if (chain?.root.type !== AST_NODE_TYPES.Identifier) return true;
    const variable = this.self.scope.variableOf(chain.root);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== "ImportBinding" || definition.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return true;
    const declaration = definition.node.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return true;
    const file = this.self.resolvedFile(String(declaration.source.value));
    return file !== undefined && this.self.reachesDynamoDB(file);
  }

  /** The function a call invokes when it is found in a project module; undefined when unknown. */
  resolve(call: TSESTree.CallExpression): ExternalCallee | undefined {
    return this.resolveWith(this.calls, call, false);
  }

  /**
   * resolve(), for a caller that only wants functions that may access DynamoDB items (ownership's search for
   * handlers that call into data modules): a module whose code cannot reach DynamoDB (it and the project
   * modules it imports, read as text, name no DynamoDB package or client module) is not parsed, and the call
   * has no callee. A function in such a module has no item access, so no access is lost; its checks are,
   * which is why composing a callee's summary uses resolve().
   */
  resolveAccessing(call: TSESTree.CallExpression): ExternalCallee | undefined {
    return this.resolveWith(this.accessingCalls, call, true);
  }

  /**
   * Registrations in the project's route modules that route requests to a function of this module:
   * `router.delete("/:id", protectAdmin, deleteBanner)` with `const { deleteBanner } = require("../controllers/banner")`,
   * or `controller.list` on the whole module. The modules that import this one are found by their text; only
   * those are parsed.
   */
  registrationsOf(fn: FunctionNode): RouteRegistration[] {
    const file = this.self.filename;
    if (!file) return [];
    const result: RouteRegistration[] = [];
    try {
      for (const importer of (this.importers ??= importersOf(file))) {
        const module = this.self.moduleAtPath(importer);
        if (!module) continue;
        for (const registration of module.ownership.routeRegistrations()) {
          const binding = importedBinding(registration.handler, module.scope, { anySpecifier: true });
          if (!binding || binding.name === "*" || module.resolvedFile(binding.source) !== file) continue;
          if (this.exportedFunction(binding.name) === fn) result.push(registration);
        }
      }
    } catch {
      // A module that cannot be read or analysed registers nothing.
    }
    return result;
  }

  /**
   * Does a module beside this one (same folder) list the whole table to the reader's audience (see
   * OwnershipAnalysis.listsWholeTable)? Lambda projects keep one handler per file: `listGames.ts` scans the
   * table that `getUserGames.ts` queries. Only siblings whose text names the table are parsed.
   */
  siblingListsWholeTable(table: TableRef, readerAuthenticated: boolean): boolean {
    const file = this.self.filename;
    const mention = table.env ?? table.name ?? table.stage?.constant;
    if (!file || !mention) return false;
    const lists = (module: string) => this.self.moduleAtPath(module)?.ownership.listsWholeTable(table, readerAuthenticated) === true;
    try {
      if (siblingFilesMentioning(file, mention).some(lists)) return true;
      // One folder per function (`notes/get-all/handler.ts` beside `notes/get-by-id/`), its Scan maybe in a module of its own.
      // Only a function's entry module looks there.
      return ENTRY_FILE.test(path.basename(file)) && cousinEntryFiles(file).some(lists);
    } catch {
      // A module that cannot be read or analysed lists nothing.
      return false;
    }
  }

  /**
   * What a Serverless Framework function definition beside this handler module declares for its events
   * (`functions/deleteUser/index.ts`: `export default { handler: \`${handlerPath(__dirname)}/handler.main\`, events:
   * [{ http: { method: "delete", path: "user/{id}", authorizer: { name: "adminAuth" }, request: { schemas } } }] }`):
   * the authorizers' names ("" for one without), and whether API Gateway validates the body against a model.
   * Undefined when no definition beside it names this module.
   */
  functionDefinition(): FunctionDefinition | undefined {
    if (this.definition === undefined) this.definition = this.findFunctionDefinition() ?? null;
    return this.definition ?? undefined;
  }

  /** The analysis of the project module at a path written without its extension (a deployment descriptor's handler). */
  moduleAtDeclaredPath(modulePath: string): ModuleView | undefined {
    const file = resolveModuleFile(this.self.filename, relativeModulePath(this.self.filename, modulePath));
    return file ? this.self.moduleAtPath(file) : undefined;
  }

  /** Does the application start with a global `ValidationPipe({ whitelist: true })` (NestJS's `main.ts`, read as text)? */
  appWhitelistsBodies(): boolean {
    return this.whitelistsBodies ??= this.self.filename !== "" && projectMainMentions(this.self.filename, GLOBAL_WHITELIST_PIPE);
  }

  private findFunctionDefinition(): FunctionDefinition | undefined {
    const file = this.self.filename;
    if (!file) return undefined;
    const moduleName = path.basename(file).replace(/\.[cm]?[jt]sx?$/, "");
    for (const definitionName of ["index.ts", "index.js"]) {
      const definition = path.join(path.dirname(file), definitionName);
      if (definition === file || !fileMentions(definition, ["events", `${moduleName}.`])) continue;
      const module = this.self.moduleAtPath(definition);
      if (!module) continue;
      // The definition whose `handler` names this module (`${handlerPath(__dirname)}/getTodo.handler`): one index.ts
      // may define every function of its folder.
      let found: FunctionDefinition | undefined;
      let budget = 5_000;
      walk(module.program, module.visitorKeys, (node) => {
        // Data only: a definition module's functions (`handlerPath`) hold no definition.
        if (found || --budget < 0 || isFunction(node)) return false;
        if (node.type !== AST_NODE_TYPES.Property || staticKeyName(node) !== "handler" || node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        if (handlerModuleName(node.value) === moduleName) found = definedFor(node.parent, module.visitorKeys);
      });
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Every call of one of this module's functions in the project: in this module and in the modules that import
   * it. Undefined when a call of the same name cannot be resolved (it may be one), when a module cannot be
   * read, or when there is no call at all (callers outside the project, such as a package's users, may exist).
   */
  projectCallsOf(fn: FunctionNode): Array<{ module: ModuleView; call: TSESTree.CallExpression }> | undefined {
    const file = this.self.filename;
    const name = functionName(fn).split(".").pop();
    if (!file || !name || name === "default" || name === "exports" || name === "method") return undefined;
    const isThisFunction = (callee: ExternalCallee | undefined) =>
      callee !== undefined && callee.module.filename === file && callee.fn.range[0] === fn.range[0] && callee.fn.range[1] === fn.range[1];
    const found: Array<{ module: ModuleView; call: TSESTree.CallExpression }> = [];
    try {
      // The module's own SDK calls of the same name (`db.update(...)` in a model's `update()`) are not calls of it.
      const sdkCalls = new Set<TSESTree.Node>(this.self.operations.filter((operation) => operation.style === "method").map((operation) => operation.node));
      for (const call of this.self.calls) {
        if (calleeName(call) !== name || sdkCalls.has(call)) continue;
        const local = this.self.values.sameFileFunction(unwrap(call.callee));
        const callee = local ? { fn: local, module: this.self, name } : this.resolve(call);
        if (!callee) return undefined;
        if (isThisFunction(callee)) found.push({ module: this.self, call });
      }
      const importers = (this.barrelImporters ??= importersThroughBarrels(file));
      // A module imported all over the project is a library of its own: its callers are not worth reading one by one.
      if (importers.length > MAX_CALLER_MODULES) return undefined;
      for (const importer of importers) {
        const module = this.self.moduleAtPath(importer);
        const resolver = module?.crossModule;
        if (!module || !resolver) return undefined;
        for (const call of module.calls) {
          if (calleeName(call) !== name) continue;
          const callee = resolver.resolve(call);
          if (!callee) return undefined;
          if (isThisFunction(callee)) found.push({ module, call });
        }
      }
    } catch {
      return undefined;
    }
    return found.length > 0 ? found : undefined;
  }

  /** The function this module exports under a name (`exports.list = ...`, `export function list`, a property of the default export). */
  private exportedFunction(name: string): FunctionNode | undefined {
    let node = exportedExpression(this.self.program, name);
    if (!node && name !== "default") {
      const fallback = exportedExpression(this.self.program, "default");
      node = fallback && (this.self.values.resolveObject(fallback)?.properties.get(name)?.value ?? this.staticMethod(fallback, name) ?? this.instanceMethod(fallback, name));
    }
    return node ? this.self.ownership.functionOf(node) : undefined;
  }

  /** `module.exports = InventoryController` with `static async deleteItem(req, res)`: the class's static method. */
  private staticMethod(exported: Node, name: string): Node | undefined {
    const definition = unwrap(this.self.values.definitionOf(exported) ?? exported);
    const variable = definition.type === AST_NODE_TYPES.Identifier ? this.self.scope.variableOf(definition) : undefined;
    const declared = variable?.defs.length === 1 && variable.defs[0].type === "ClassName" ? variable.defs[0].node : definition;
    if (declared.type !== AST_NODE_TYPES.ClassDeclaration && declared.type !== AST_NODE_TYPES.ClassExpression) return undefined;
    const method = staticMethodNamed(declared.body, name);
    return method?.kind === "method" ? method.value : undefined;
  }

  /** `module.exports = new BookingController()` with `async createBooking(req, res)`: the instance's method. */
  private instanceMethod(exported: Node, name: string): Node | undefined {
    const declared = this.self.values.constructedClass(exported);
    const method = declared && instanceMember(declared.body, name);
    return method?.type === AST_NODE_TYPES.MethodDefinition && method.kind === "method" ? method.value : undefined;
  }

  private resolveWith(cache: Map<TSESTree.CallExpression, ExternalCallee | null>, call: TSESTree.CallExpression, requireReach: boolean): ExternalCallee | undefined {
    const cached = cache.get(call);
    if (cached !== undefined) return cached ?? undefined;
    let result: ExternalCallee | undefined;
    const outer = this.requireReach;
    this.requireReach = requireReach;
    try {
      result = this.isCandidate(call) ? (this.compute(call) ?? this.typedCallee(call)) : undefined;
    } catch {
      result = undefined;
    } finally {
      this.requireReach = outer;
    }
    cache.set(call, result ?? null);
    return result;
  }

  /** The module a specifier names from `module`; under resolveAccessing(), only one that may reach DynamoDB. */
  private open(module: ModuleView, specifier: string): ModuleView | undefined {
    if (this.requireReach) {
      const file = module.resolvedFile(specifier);
      if (file === undefined || !module.reachesDynamoDB(file)) return undefined;
    }
    return module.moduleAt(specifier);
  }

  /** The project module at a path (from the type checker); under resolveAccessing(), only one that may reach DynamoDB. */
  private openPath(file: string): ModuleView | undefined {
    return this.requireReach && !this.self.reachesDynamoDB(file) ? undefined : this.self.moduleAtPath(file);
  }

  private compute(call: TSESTree.CallExpression): ExternalCallee | undefined {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const value = this.valueOf(this.self, callee, 0);
      return value?.kind === "node" && isFunction(value.node) ? this.callee(value.module, value.node) : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = staticKeyName(callee);
    if (name === undefined) return undefined;
    const object = unwrap(callee.object);
    let holder: Value | undefined;
    if (object.type === AST_NODE_TYPES.MemberExpression && unwrap(object.object).type === AST_NODE_TYPES.ThisExpression) {
      const field = staticKeyName(object);
      const owner = enclosingClass(call);
      holder = field !== undefined && owner ? this.fieldValue(owner, field) : undefined;
    } else {
      holder = this.valueOf(this.self, object, 0);
    }
    return holder ? this.memberFunction(holder, name, 0) : undefined;
  }

  /** With type information: the declaration the checker resolves the call's signature to, when it is a project function. */
  private typedCallee(call: TSESTree.CallExpression): ExternalCallee | undefined {
    const typed = this.typed;
    if (!typed?.program) return undefined;
    const tsNode = typed.esTreeNodeToTSNodeMap.get(call as never);
    if (!tsNode) return undefined;
    const declaration = typed.program.getTypeChecker().getResolvedSignature(tsNode as never)?.declaration as TsDeclaration | undefined;
    if (!declaration || typeof declaration.getSourceFile !== "function") return undefined;
    const file = path.resolve(declaration.getSourceFile().fileName);
    if (DECLARATION_FILE.test(file) || file.split(path.sep).includes("node_modules")) return undefined;
    const module = file === this.self.filename ? this.self : this.openPath(file);
    if (!module) return undefined;
    const start = declaration.getStart();
    const end = declaration.getEnd();
    for (const fn of module.functions) {
      const holder = fn.parent;
      const matches = (node: Node | undefined) => node !== undefined && node.range[0] === start && node.range[1] === end;
      if (matches(fn) || ((holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.PropertyDefinition || holder?.type === AST_NODE_TYPES.Property) && matches(holder))) {
        return this.callee(module, fn);
      }
    }
    return undefined;
  }

  private callee(module: ModuleView, fn: FunctionNode): ExternalCallee {
    // May be this module itself: a method of a class instantiated here (`const service = new OrderService()`).
    return { fn, module, name: functionName(fn) };
  }

  /** The value an expression of `module` stands for, following imports, re-exports and single assignments. */
  private valueOf(module: ModuleView, expression: Node, hops: number): Value | undefined {
    if (hops > MAX_HOPS) return undefined;
    const node = unwrap(expression);
    if (node.type === AST_NODE_TYPES.NewExpression) {
      const constructed = this.valueOf(module, node.callee, hops + 1);
      return constructed?.kind === "node" && isClass(constructed.node) ? { kind: "instance", module: constructed.module, class: constructed.node } : undefined;
    }
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "require") {
      const specifier = requiredSpecifier(node);
      const target = specifier !== undefined ? this.open(module, specifier) : undefined;
      return target ? this.exported(target, "default", hops + 1) ?? { kind: "namespace", module: target } : undefined;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticKeyName(node);
      const object = name === undefined ? undefined : this.valueOf(module, node.object, hops + 1);
      return object && name !== undefined ? this.member(object, name, hops + 1) : undefined;
    }
    // table.forUser(me): a method that returns its object (`return this;`) gives the same instance.
    if (node.type === AST_NODE_TYPES.CallExpression && unwrap(node.callee).type === AST_NODE_TYPES.MemberExpression) {
      const callee = unwrap(node.callee) as TSESTree.MemberExpression;
      const name = staticKeyName(callee);
      const receiver = name === undefined ? undefined : this.valueOf(module, callee.object, hops + 1);
      const method = receiver?.kind === "instance" ? this.member(receiver, name!, hops + 1) : undefined;
      if (method?.kind === "node" && isFunction(method.node) && returnsThis(method.node)) return receiver;
    }
    if (node.type !== AST_NODE_TYPES.Identifier) return { kind: "node", module, node };
    const binding = importedBinding(node, module.scope, { anySpecifier: true, types: true });
    if (binding) {
      const target = this.open(module, binding.source);
      if (!target) return undefined;
      if (binding.name === "*") return { kind: "namespace", module: target };
      return this.exported(target, binding.name, hops + 1) ?? (binding.name === "default" ? { kind: "namespace", module: target } : undefined);
    }
    const variable = module.scope.variableOf(node);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition) return undefined;
    if ((definition.type === "FunctionName" && isFunction(definition.node)) || (definition.type === "ClassName" && isClass(definition.node))) {
      return { kind: "node", module, node: definition.node };
    }
    if (definition.type === "ImportBinding") {
      // const x = require("./m") and friends are Variables; here: import x = require("./m")
      const source = definition.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration ? importedModuleOf(definition) : undefined;
      const target = source === undefined ? undefined : this.open(module, source);
      return target ? this.exported(target, "default", hops + 1) ?? { kind: "namespace", module: target } : undefined;
    }
    if (definition.type !== "Variable") return undefined;
    const writes = module.scope.writesOf(variable);
    if (writes.length !== 1 || !writes[0].value) return undefined;
    const value = this.valueOf(module, writes[0].value, hops + 1);
    let current = value;
    for (const segment of writes[0].path) current = current ? this.member(current, segment, hops + 1) : undefined;
    return current;
  }

  /** A member of a value: an object literal's property, a class instance's method, a namespace's export. */
  private member(holder: Value, name: string, hops: number): Value | undefined {
    if (hops > MAX_HOPS) return undefined;
    if (holder.kind === "namespace") return this.exported(holder.module, name, hops + 1);
    if (holder.kind === "instance") {
      const method = classMember(holder.class, name, false);
      if (method) return { kind: "node", module: holder.module, node: method };
      const base = holder.class.superClass ? this.valueOf(holder.module, holder.class.superClass, hops + 1) : undefined;
      return base?.kind === "node" && isClass(base.node) ? this.member({ kind: "instance", module: base.module, class: base.node }, name, hops + 1) : undefined;
    }
    const node = unwrap(holder.node);
    if (isClass(node)) {
      const method = classMember(node, name, true);
      return method ? { kind: "node", module: holder.module, node: method } : undefined;
    }
    if (node.type === AST_NODE_TYPES.TSModuleDeclaration) return this.namespaceMember(holder.module, node, name, hops);
    // const notesDb = (function () { ...; return { get, remove }; })(): the object the function returns.
    if (node.type === AST_NODE_TYPES.CallExpression && isFunction(unwrap(node.callee)) && node.arguments.length === 0) {
      const returned = holder.module.values.returnsOf(unwrap(node.callee) as FunctionNode);
      return returned.length === 1 ? this.member({ kind: "node", module: holder.module, node: returned[0] }, name, hops + 1) : undefined;
    }
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      let found: TSESTree.Property | undefined;
      for (const property of node.properties) if (property.type === AST_NODE_TYPES.Property && staticKeyName(property) === name) found = property;
      if (!found) return undefined;
      const value = unwrap(found.value);
      return isFunction(value) ? { kind: "node", module: holder.module, node: value } : this.valueOf(holder.module, value, hops + 1);
    }
    return undefined;
  }

  /** An exported function or constant of a TypeScript namespace (`export namespace Album { export function get() }`). */
  private namespaceMember(module: ModuleView, namespace: TSESTree.TSModuleDeclaration, name: string, hops: number): Value | undefined {
    if (namespace.body?.type !== AST_NODE_TYPES.TSModuleBlock) return undefined;
    for (const statement of namespace.body.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : undefined;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === name) return { kind: "node", module, node: declaration };
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init) return this.valueOf(module, declarator.init, hops + 1);
        }
      }
    }
    return undefined;
  }

  private memberFunction(holder: Value, name: string, hops: number): ExternalCallee | undefined {
    const value = this.member(holder, name, hops);
    return value?.kind === "node" && isFunction(value.node) ? this.callee(value.module, value.node) : undefined;
  }

  /** `this.<field>` in a class: `field = new X()`, `field: X`, `constructor(private readonly field: X)`, `this.field = new X()`. */
  private fieldValue(owner: ClassNode, field: string): Value | undefined {
    for (const member of owner.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && staticKeyName(member) === field) {
        if (member.value) return this.valueOf(this.self, member.value, 1);
        // `repo;` declares the field only: the constructor sets it.
        if (member.typeAnnotation) return this.typeValue(member.typeAnnotation.typeAnnotation);
        continue;
      }
      if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== "constructor") continue;
      for (const parameter of member.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = parameter.parameter;
        const identifier = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
        if (identifier.type === AST_NODE_TYPES.Identifier && identifier.name === field) {
          // constructor(private readonly repo = new NoteRepository()): the default, when no type names the class.
          return this.typeValue(identifier.typeAnnotation?.typeAnnotation) ?? (inner.type === AST_NODE_TYPES.AssignmentPattern ? this.valueOf(this.self, inner.right, 1) : undefined);
        }
      }
      for (const statement of member.value.body?.body ?? []) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
        const assignment = statement.expression;
        const left = assignment.left;
        if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression || staticKeyName(left) !== field) continue;
        const right = unwrap(assignment.right);
        // this.repo = repo, where the parameter is typed with the class, or defaults to one (`repo = new NoteRepository()`)
        if (right.type === AST_NODE_TYPES.Identifier) {
          const parameter = member.value.params.find(
            (candidate) =>
              (candidate.type === AST_NODE_TYPES.Identifier && candidate.name === right.name) ||
              (candidate.type === AST_NODE_TYPES.AssignmentPattern && candidate.left.type === AST_NODE_TYPES.Identifier && candidate.left.name === right.name),
          );
          if (parameter?.type === AST_NODE_TYPES.Identifier) return this.typeValue(parameter.typeAnnotation?.typeAnnotation);
          if (parameter?.type === AST_NODE_TYPES.AssignmentPattern && parameter.left.type === AST_NODE_TYPES.Identifier) {
            return this.typeValue(parameter.left.typeAnnotation?.typeAnnotation) ?? this.valueOf(this.self, parameter.right, 1);
          }
        }
        return this.valueOf(this.self, right, 1);
      }
    }
    return undefined;
  }

  /**
   * A parameter or field typed with a class (`BooksService`): an instance of that class. Typed with an abstract
   * class or an interface (`IPatientsResource`), an instance of the one class that implements it.
   */
  private typeValue(type: TSESTree.TypeNode | undefined): Value | undefined {
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
    const value = this.valueOf(this.self, type.typeName, 1);
    if (value?.kind === "node" && isClass(value.node) && !value.node.abstract) return { kind: "instance", module: value.module, class: value.node };
    return this.implementationOf(type.typeName, value);
  }

  /**
   * The one concrete class of the project that implements an interface or extends an abstract class, as NestJS
   * binds one (`{ provide: IPatientsResource, useClass: PatientsResource }`): looked for in the declaring module
   * and the modules that import it, by their text first. None, or several: unknown.
   */
  private implementationOf(name: TSESTree.Identifier, declared: Value | undefined): Value | undefined {
    let file: string | undefined;
    let contract = name.name;
    if (declared?.kind === "node" && isClass(declared.node)) {
      file = declared.module.filename;
      contract = declared.node.id?.name ?? contract;
    } else if (declared === undefined) {
      const binding = importedBinding(name, this.self.scope, { anySpecifier: true, types: true });
      if (binding && binding.name !== "*") {
        file = this.self.resolvedFile(binding.source);
        contract = binding.name;
      } else if (this.self.program.body.some((statement) => declaresInterface(statement, contract))) {
        file = this.self.filename;
      }
    }
    if (!file) return undefined;
    const key = `${file}#${contract}`;
    const cached = this.implementations.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const found: Value[] = [];
    try {
      for (const candidate of [file, ...importersOf(file)].slice(0, MAX_IMPLEMENTATION_FILES)) {
        if (!fileMentions(candidate, [contract, "class"])) continue;
        const module = this.self.moduleAtPath(candidate);
        for (const statement of module?.program.body ?? []) {
          const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
          if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && !declaration.abstract && implementsContract(declaration, contract)) found.push({ kind: "instance", module: module!, class: declaration });
        }
      }
    } catch {
      // A module that cannot be read or analysed implements nothing.
    }
    const result = found.length === 1 ? found[0] : undefined;
    this.implementations.set(key, result ?? null);
    return result;
  }

  /** What a module exports under `name`, following `export { x } from` and `export * from`. */
  private exported(module: ModuleView, name: string, hops: number): Value | undefined {
    if (hops > MAX_HOPS) return undefined;
    const program = module.program;
    const stars: string[] = [];
    for (const statement of program.body) {
      switch (statement.type) {
        case AST_NODE_TYPES.ExportNamedDeclaration: {
          const declaration = statement.declaration;
          if (declaration && !statement.source) {
            if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id?.name === name) {
              return { kind: "node", module, node: declaration };
            }
            // `export namespace Album { export async function update(...) }` (SST's core packages): its members are the namespace's exports.
            if (declaration.type === AST_NODE_TYPES.TSModuleDeclaration && declaration.id.type === AST_NODE_TYPES.Identifier && declaration.id.name === name && declaration.body?.type === AST_NODE_TYPES.TSModuleBlock) {
              return { kind: "node", module, node: declaration };
            }
            if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
              for (const declarator of declaration.declarations) {
                if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init) return this.valueOf(module, declarator.init, hops + 1);
              }
            }
          }
          for (const specifier of statement.specifiers) {
            if (specifier.type !== AST_NODE_TYPES.ExportSpecifier || moduleExportName(specifier.exported) !== name) continue;
            if (statement.source) {
              const target = this.open(module, String(statement.source.value));
              const local = moduleExportName(specifier.local);
              return target ? (local === "default" ? this.exported(target, "default", hops + 1) : this.exported(target, local, hops + 1)) : undefined;
            }
            return specifier.local.type === AST_NODE_TYPES.Identifier ? this.valueOf(module, specifier.local, hops + 1) : undefined;
          }
          break;
        }
        case AST_NODE_TYPES.ExportAllDeclaration:
          if (statement.exported) {
            if (moduleExportName(statement.exported) === name) {
              const target = this.open(module, String(statement.source.value));
              return target ? { kind: "namespace", module: target } : undefined;
            }
          } else if (name !== "default") {
            stars.push(String(statement.source.value));
          }
          break;
        case AST_NODE_TYPES.ExportDefaultDeclaration:
          if (name === "default") {
            const declaration = statement.declaration;
            if (isFunction(declaration) || isClass(declaration)) return { kind: "node", module, node: declaration };
            return this.valueOf(module, declaration, hops + 1);
          }
          break;
        case AST_NODE_TYPES.ExpressionStatement: {
          const found = this.commonJsExport(module, statement.expression, name, hops);
          if (found) return found;
          break;
        }
        default:
          break;
      }
    }
    for (const source of stars) {
      const target = this.open(module, source);
      const found = target ? this.exported(target, name, hops + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /** `module.exports = ...`, `module.exports = { a }`, `exports.a = ...`, `module.exports.a = ...`. */
  private commonJsExport(module: ModuleView, expression: Node, name: string, hops: number): Value | undefined {
    if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== "=") return undefined;
    const chain = memberChain(expression.left);
    if (chain?.root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const target = chain.root.name === "module" && chain.path[0] === "exports" ? chain.path.slice(1) : chain.root.name === "exports" ? chain.path : undefined;
    if (!target) return undefined;
    if (target.length === 0) {
      const whole = this.valueOf(module, expression.right, hops + 1);
      if (name === "default" || !whole) return whole;
      return this.member(whole, name, hops + 1);
    }
    return target.length === 1 && target[0] === name ? this.valueOf(module, expression.right, hops + 1) : undefined;
  }
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** Does the statement declare the interface (also exported)? */
function declaresInterface(statement: TSESTree.ProgramStatement, name: string): boolean {
  const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
  return declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === name;
}

/** `class X implements IRepo`, `class X extends AbstractRepo`. */
function implementsContract(declaration: TSESTree.ClassDeclaration, contract: string): boolean {
  const named = (expression: TSESTree.Node | null | undefined) => expression?.type === AST_NODE_TYPES.Identifier && expression.name === contract;
  // espree leaves `implements` out of a plain JavaScript class.
  return named(declaration.superClass) || (declaration.implements ?? []).some((clause) => named(clause.expression));
}

function isClass(node: Node | null | undefined): node is ClassNode {
  return node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression;
}

/** A method (or arrow-function field) of a class, static or not. */
function classMember(owner: ClassNode, name: string, isStatic: boolean): FunctionNode | undefined {
  for (const member of owner.body.body) {
    if ((member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "method") || member.type === AST_NODE_TYPES.PropertyDefinition) {
      if (member.static !== isStatic || staticKeyName(member) !== name) continue;
      const value = member.value ? unwrap(member.value) : undefined;
      if (isFunction(value)) return value;
    }
  }
  return undefined;
}

/** `getOrder`, `OrderRepository.findById`, `default` for anonymous defaults. */
export function functionName(fn: FunctionNode): string {
  const parent = fn.parent;
  let own: string | undefined = fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id ? fn.id.name : undefined;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) && parent.value === fn) {
    own = staticKeyName(parent) ?? own;
    const owner = parent.parent?.parent;
    const className = isClass(owner) ? owner.id?.name : undefined;
    return className ? `${className}.${own ?? "method"}` : (own ?? "method");
  }
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) own = staticKeyName(parent) ?? own;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) own = parent.id.name;
  // exports.remove = function (...) {}, module.exports = async (params) => ...
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    const chain = memberChain(parent.left);
    if (chain?.root.type === AST_NODE_TYPES.Identifier) own = chain.path.length > 0 && chain.path.at(-1) !== "exports" ? chain.path.at(-1) : [chain.root.name, ...chain.path].join(".");
  }
  return own ?? "default";
}

/** How a message names another module's file from the linted one: `../services/orders.ts`, `./db.ts`. */
export function relativeModulePath(fromFile: string, file: string): string {
  const relative = path.relative(path.dirname(fromFile), file).split(path.sep).join("/");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/** The module a Serverless Framework `handler` names (`src/functions/getTodo.handler`, `` `${dir}/handler.main` ``: `getTodo`, `handler`). */
function handlerModuleName(value: TSESTree.Node): string | undefined {
  const text =
    value.type === AST_NODE_TYPES.Literal && typeof value.value === "string"
      ? value.value
      : value.type === AST_NODE_TYPES.TemplateLiteral
        ? value.quasis.at(-1)?.value.cooked
        : undefined;
  if (!text?.includes(".")) return undefined;
  const file = text.slice(0, text.lastIndexOf("."));
  return file.slice(file.lastIndexOf("/") + 1);
}

/** The authorizers and request validation of one function definition's events. */
function definedFor(definition: TSESTree.ObjectExpression, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): FunctionDefinition {
  const found: FunctionDefinition = { authorizers: [], validatesBody: false };
  let budget = 2_000;
  walk(definition, visitorKeys, (node) => {
    if (--budget < 0 || isFunction(node)) return false;
    if (node.type !== AST_NODE_TYPES.Property) return;
    const key = staticKeyName(node);
    const value = unwrap(node.value);
    if (key === "authorizer") {
      const named = value.type === AST_NODE_TYPES.ObjectExpression ? findProperty(value, "name") : undefined;
      const nameValue = named ? unwrap(named.value) : value;
      found.authorizers.push(nameValue.type === AST_NODE_TYPES.Literal && typeof nameValue.value === "string" ? nameValue.value : "");
    } else if (key === "request" && value.type === AST_NODE_TYPES.ObjectExpression) {
      found.validatesBody ||= findProperty(value, "schemas") !== undefined || findProperty(value, "schema") !== undefined;
    }
  });
  return found;
}

export { resolveImport };
