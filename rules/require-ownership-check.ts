// require-ownership-check: items read, changed or deleted by a key the request chooses, in a request handler,
// with nothing in the code tying the item to the authenticated caller (OWASP API1:2023, broken object level
// authorization). The analysis (src/analysis/ownership.ts) finds the accesses and the ownership evidence;
// this rule decides what to report and offers a ConditionExpression that binds the item's owner to the caller.
import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "../src/analysis/node-types";
import { getAnalysis, type HandlerAccess, type Origin, type ResolvedObject, type TableRef } from "../src/analysis";
import { calleeName, declaredFunctionName, findProperty, memberChain, unwrap } from "../src/analysis/ast";
import { relativeModulePath } from "../src/analysis/cross-module";
import { CONVENTIONAL_KEY_NAMES, instanceTable, isKnownTable, isPathParameter, keyNameOf, nextRoutePath, sameTable, SINGLE_TABLE_KEY_NAMES } from "../src/analysis/ownership";
import { createRule } from "../src/utils/create-rule";
import type { Access, FileAnalysis, ValuePart } from "../src/analysis";
import type { ValueResolver } from "../src/analysis/values";
import { fileNameParts, isProfileCardAttribute, namesPersonProfile, isTimeAttribute, namesPerUserResource, namesPublicResource, ownerNameInRange, secretAttributeInRange, setsPublicCacheInRange } from "../src/analysis/per-user-data";
import { sourceText } from "../src/analysis/sources";
import { isCut, isFallback, isFreshValue } from "../src/analysis/fresh-values";

type Options = [{ publicTables?: string[]; publicRoutes?: string[]; ownerAttribute?: string; reportAllUnauthenticatedReads?: boolean }];
type MessageIds = "readNotOwned" | "readByAnyCaller" | "writeNotOwned" | "addOwnerCondition";

const DEFAULT_OWNER_ATTRIBUTE = "ownerId";

export default createRule<Options, MessageIds>({
  name: "require-ownership-check",
  meta: {
    type: "problem",
    docs: {
      description: "Require request handlers to check that an item read, changed or deleted by a request-supplied key belongs to the caller",
      recommended: true,
      cwe: ["CWE-639", "CWE-862"],
      owasp: "API1:2023",
      securitySeverity: 8.1,
      strictOptions: { reportAllUnauthenticatedReads: true },
    },
    hasSuggestions: true,
    messages: {
      readNotOwned: "{{operation}} reads {{target}} by {{source}}, which the request chooses, and nothing ties it to the caller: {{missing}}. {{advice}}",
      readByAnyCaller:
        "{{operation}} serves {{target}} chosen by {{source}} to any caller: the handler shows no authentication and no ownership check. Compare the item's owner with the authenticated caller; if the data is public, list the table in the `publicTables` option or the route in `publicRoutes`.",
      writeNotOwned: "{{operation}} {{verb}} {{target}} by {{source}}, which the request chooses, and nothing ties it to the caller: {{missing}}. {{advice}}",
      addOwnerCondition: "Only {{verb}} the item when its {{attribute}} equals {{caller}}: add ConditionExpression \"{{condition}}\"",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          publicTables: {
            type: "array",
            items: { type: "string" },
            description: "Tables whose items any caller may read: table names, or the names of the environment variables that hold them (reads only).",
          },
          publicRoutes: {
            type: "array",
            items: { type: "string" },
            description: "Route path patterns whose reads are public (`/products/:id`, `/api/catalog/**`; `*` matches within a segment, `**` any segments).",
          },
          ownerAttribute: {
            type: "string",
            description: "The item attribute that holds the owner's id, used by the suggested ConditionExpression.",
          },
          reportAllUnauthenticatedReads: {
            type: "boolean",
            description:
              "Report reads in handlers that show no authentication even when nothing suggests the data is per-user (no owner attribute in the code that handles the item; table, route and handler not named after users, orders, notes, ...).",
          },
        },
      },
    ],
    defaultOptions: [{ publicTables: [], publicRoutes: [], ownerAttribute: DEFAULT_OWNER_ATTRIBUTE, reportAllUnauthenticatedReads: false }],
  },
  defaultOptions: [{ publicTables: [], publicRoutes: [], ownerAttribute: DEFAULT_OWNER_ATTRIBUTE, reportAllUnauthenticatedReads: false }],
  create(context, [options]) {
    const publicTables = new Set(options.publicTables ?? []);
    const publicRoutes = options.publicRoutes ?? [];
    const ownerAttribute = options.ownerAttribute ?? DEFAULT_OWNER_ATTRIBUTE;
    const reportAllUnauthenticatedReads = options.reportAllUnauthenticatedReads ?? false;
    const sourceCode = context.sourceCode;
    return {
      "Program:exit"() {
        const analysis = getAnalysis(context);
        // A file without DynamoDB operations may still pass request data to a service in a project module it imports.
        if (analysis.operations.length === 0 && !analysis.handlersMayCallProjectModules) return;
        const ownership = analysis.ownership;
        const reported = new Set<string>();
        const findings: HandlerAccess[] = [];
        /** declaredPublic() of each handler, once. */
        const publicHandlers = new Map<TSESTree.Node, boolean>();
        for (const access of ownership.handlerAccesses()) {
          // Evidence first: `complete` walks the handler for caller values, needed only for an access without evidence.
          if (access.evidence.length > 0 || !access.complete) continue;
          const { instance } = access;
          const kind = instance.access.kind;
          const readLike = kind === "read" || kind === "query";
          if (readLike && (access.itemUse === "unused" || access.itemUse === "tested")) continue;
          // A read that returns only what a profile card shows (`ProjectionExpression: "#n, avatar"`) serves a public card, not someone's data.
          if (readLike && showsProfileCardOnly(instance.access)) continue;
          // So does one whose code serves only those attributes of a person's item (`res.json({ name: user.name, image: user.image })`).
          if (readLike && access.itemUse === "card" && readsPersonProfile(instance)) continue;
          // A read keyed by a time period that returns only dates (`orderYearMonth = :m`, `ProjectionExpression: "orderPlacedDate"`) serves a calendar.
          if (readLike && showsDatesOnly(instance.access)) continue;
          if (readLike && (isPublic(access) || declaredPublic(access))) continue;
          // The file (or a handler module beside it) lists the whole table to anyone: one of its items by id is no more private. (A table named after
          // people's data, `users` or `orders`, whose items the file keys or fills with an owner, listed to anyone is a leak of its own, not evidence
          // that it is public.)
          // A single table's whole Scan (its items keyed `PK`/`SK`) lists every kind of item: it shows no entity to be public.
          if (readLike && !singleTableKey(instance) && ownership.listsWholeTableNearby(instanceTable(instance), access.authenticated) && !(namesPerUserTable(instanceTable(instance)) && keyedByOwner(instance))) continue;
          // With no authentication in sight, a read is only worth a report when the data looks like someone's.
          // A handler whose only authentication is an authorizer its deployment declares reads no caller itself, as
          // handlers of shared data do: its reads are judged as unauthenticated ones are (those reported say the caller is signed in).
          if (readLike && (!access.authenticated || access.authenticatedByDeploymentOnly) && !reportAllUnauthenticatedReads && !looksPerUser(access)) continue;
          // A Put whose sort key holds a freshly generated id creates an item: like attribute_not_exists, it overwrites nothing.
          if (instance.access.put && createsFreshItem(access, analysis)) continue;
          // A one-time code's record (`OTP#${email}`, a `verification-codes` table): a sign-in or sign-up flow stores, counts and
          // removes it by the address the code goes to; what it holds reaches only that address. (Serving it is still a read.)
          if ((kind === "write" || kind === "delete") && isOneTimeCodeRecord(access, analysis)) continue;
          // A sign-in session's record (a `sessions` table keyed by the `sessionId` the request presents): holding the id is the sign-in.
          if (isPresentedSessionKey(access)) continue;
          // A record keyed by the token a link presents (`TOKEN#${token}` of an e-mail verification or a password reset):
          // holding the token is what the flow asks of the caller.
          if (isPresentedTokenKey(access)) continue;
          // An update or delete keyed by a value generated here (`` `PAYMENT#${mode}${Date.now()}` ``, a new id) names an
          // item no one has yet: the request cannot reach someone else's with it.
          if ((kind === "write" || kind === "delete") && !instance.access.put && keyedByFreshValue(access, analysis)) continue;
          // A call that reaches several reads (`listMedia()` querying by request or by user) is one finding there, and so are several writes.
          const reached = instance.via.length > 0 ? (readLike ? "read" : "write") : `${instance.access.operation.node.range[0]}:${instance.module?.file ?? ""}`;
          const key = `${access.reportNode.range[0]}:${access.reportNode.range[1]}:${reached}`;
          if (reported.has(key)) continue;
          reported.add(key);
          findings.push(access);
        }

        // The accesses of one path through a handler by the same request value have one cause, and one ownership check
        // fixes them all: one finding, at the first write (the most harmful), else at the first read. (Branches of a
        // router, `switch (event.routeKey)` or `if (method === "DELETE")`, are routes of their own.)
        const chosen = new Map<string, HandlerAccess>();
        const isWrite = (candidate: HandlerAccess) => candidate.instance.access.kind === "write" || candidate.instance.access.kind === "delete";
        findings.forEach((access, index) => {
          const source = describeSource(access, sourceCode);
          // A write keyed by a fetched item counts where the read is: one cause with it.
          const branch = branchOf(access.instance.fetchedBy ?? access.instance.via[0] ?? access.instance.access.operation.node, access.handler);
          const key = source === UNNAMED_SOURCE ? `#${index}` : `${branch.range[0]}:${branch.range[1]}:${source}`;
          const first = chosen.get(key);
          if (!first || (isWrite(access) && !isWrite(first))) chosen.set(key, access);
        });
        const picked = new Set(chosen.values());
        for (const access of findings) {
          if (!picked.has(access)) continue;
          const { instance } = access;
          const kind = instance.access.kind;
          const readLike = kind === "read" || kind === "query";
          const caller = access.callerNodes.find((node) => node.type !== AST_NODE_TYPES.Identifier || node.parent?.type !== AST_NODE_TYPES.VariableDeclarator);
          // Items that nothing in the code ties to a user (a catalogue, a shared record) may be meant for everyone or for
          // staff only: the advice says which check each case needs instead of assuming an owner.
          const advice = adviceFor(readLike, looksPerUser(access), access.authenticated);
          const data = {
            operation: describeOperation(access, context.filename),
            target: describeTarget(access),
            source: describeSource(access, sourceCode),
            missing: describeMissing(access, caller ? (caller.type === AST_NODE_TYPES.Identifier ? caller.name : sourceCode.getText(caller)) : undefined),
            verb: kind === "delete" ? "deletes" : instance.access.put ? "overwrites" : "updates",
            advice,
          };
          if (readLike) {
            context.report({ node: access.reportNode, loc: reportLoc(access.reportNode), messageId: access.authenticated ? "readNotOwned" : "readByAnyCaller", data });
            continue;
          }
          const suggestion = ownerConditionSuggestion(access);
          context.report({ node: access.reportNode, loc: reportLoc(access.reportNode), messageId: "writeNotOwned", data, suggest: suggestion ? [suggestion] : [] });
        }

        /** The names a table is known by: its name, its environment variable, its stage pattern's constant text, the identifier holding it. */
        function tableNames(table: TableRef | undefined): Array<string | undefined> {
          return [table?.name, table?.env, table?.stage?.constant, table?.identifier];
        }

        /** Is the item keyed as in a single-table design (`PK`, `SK`, `sortKey`), where one table holds every kind of item? */
        function singleTableKey(instance: HandlerAccess["instance"]): boolean {
          return instance.keyParts.some((part) => part.attribute !== undefined && SINGLE_TABLE_KEY_NAMES.has(keyNameOf(part.attribute)));
        }

        function namesPerUserTable(table: TableRef | undefined): boolean {
          return tableNames(table).some((name) => name !== undefined && namesPerUserResource(name));
        }

        /**
         * Does the read return only key attributes, the owner's id and what a public profile card shows (a display
         * name, a picture, a bio, follower counts)?
         */
        function showsProfileCardOnly(item: HandlerAccess["instance"]["access"]): boolean {
          const projection = item.projection;
          if (!projection?.some(isProfileCardAttribute)) return false;
          const keyAttributes = new Set(item.keyParts.map((part) => part.attribute));
          // Ids (the owner's, the item's own `communityId`) are no secrets: the request named one of them already.
          return projection.every((attribute) => keyAttributes.has(attribute) || isProfileCardAttribute(attribute) || ID_ATTRIBUTE.test(attribute));
        }

        /**
         * Is the item a person's profile: its table or the constant text of its key names people (`Users`,
         * `` `USER#${id}` ``)? A key attribute alone (`userId`) says only whose the item is, not that it is a profile.
         */
        function readsPersonProfile(instance: HandlerAccess["instance"]): boolean {
          if (tableNames(instanceTable(instance)).some((name) => name !== undefined && namesPersonProfile(name))) return true;
          return instance.keyParts.some((part) => namesPersonProfile(constantText(part.node)));
        }

        /** The constant text written in a key value (`USER#` of `` `USER#${id}` ``, a string literal), without its interpolations. */
        function constantText(node: TSESTree.Node): string {
          const value = unwrap(node);
          if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.quasis.map((quasi) => quasi.value.cooked ?? "").join(" ");
          if (value.type === AST_NODE_TYPES.Literal && typeof value.value === "string") return value.value;
          if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === "+") return `${constantText(value.left)} ${constantText(value.right)}`;
          return "";
        }

        /** Is the read keyed by dates or periods only, and does it return only dates (no item's data, nobody's id)? */
        function showsDatesOnly(item: HandlerAccess["instance"]["access"]): boolean {
          const projection = item.projection;
          if (!projection || projection.length === 0 || item.keyParts.length === 0) return false;
          return item.keyParts.every((part) => part.attribute !== undefined && isTimeAttribute(part.attribute)) && projection.every(isTimeAttribute);
        }

        function isPublic(access: HandlerAccess): boolean {
          const table = instanceTable(access.instance);
          if (
            table &&
            ((table.name !== undefined && publicTables.has(table.name)) ||
              (table.env !== undefined && publicTables.has(table.env)) ||
              (table.stage !== undefined && (publicTables.has(table.stage.constant) || publicTables.has(table.stage.pattern))) ||
              (table.identifier !== undefined && publicTables.has(table.identifier)))
          ) {
            return true;
          }
          const route = access.routePath ?? (access.handlerKind?.kind === "next-route" || access.handlerKind?.kind === "controller" ? nextRoutePath(context.filename) : undefined);
          return route !== undefined && publicRoutes.some((pattern) => routeMatches(pattern, route));
        }

        /**
         * Does the code declare what the handler serves to be public: a response shared caches may keep for anyone
         * (`Cache-Control: public`), or a route, handler or file named so (`GET /public/products/{slug}`, `public-get.ts`)?
         */
        function declaredPublic(access: HandlerAccess): boolean {
          let declared = publicHandlers.get(access.handler);
          if (declared === undefined) {
            const names = [access.routePath, declaredFunctionName(access.handler), ...fileNameParts(context.filename, context.cwd)];
            if (access.handlerKind?.kind === "next-route") names.push(nextRoutePath(context.filename));
            declared = names.some((name) => name !== undefined && namesPublicResource(name)) || setsPublicCacheInRange(sourceCode, access.handler.range);
            publicHandlers.set(access.handler, declared);
          }
          return declared;
        }

        /**
         * Does the read serve someone's data? An owner attribute (`userId`, `ownerId`, `USER#${id}`) in the code
         * that handles this item (the handler, the function that performs the operation, the other operations
         * on the same table where it is performed), or a table, route, handler, helper or file named after a
         * per-user resource. Owner names elsewhere in the file (another handler, a sign-up call) or in a shared
         * data-access module that serves every table (`getOne(id, table)`) say nothing about this item.
         */
        function looksPerUser(access: HandlerAccess): boolean {
          if (ownerNameInRange(sourceCode, access.handler.range) !== undefined) return true;
          // An item whose secret the handler reads (`res.Item.apiKey`) is worth protecting whoever owns it.
          if (secretAttributeInRange(sourceCode, access.handler.range) !== undefined) return true;
          const table = instanceTable(access.instance);
          const names = [...tableNames(table), access.routePath, declaredFunctionName(access.handler), ...access.instance.via.map((call) => calleeName(call))];
          if (access.handlerKind?.kind === "next-route" || access.handlerKind?.kind === "server-action") names.push(nextRoutePath(context.filename));
          names.push(...fileNameParts(context.filename, context.cwd));
          // An operation in another module: that module's code near the operation, function and file name count too.
          const module = access.instance.module;
          const performer = module ? analysis.moduleAtPath(module.file) : analysis;
          if (performer && ownerNameNearOperation(performer, access.instance.access)) return true;
          if (module) names.push(module.function, ...fileNameParts(module.file, context.cwd));
          return names.some((name) => name !== undefined && namesPerUserResource(name));
        }

        /** An owner name near the operation, in the module that performs it. */
        function keyedByOwner(instance: HandlerAccess["instance"]): boolean {
          const performer = instance.module ? analysis.moduleAtPath(instance.module.file) : analysis;
          return performer === undefined || ownerNameNearOperation(performer, instance.access);
        }

        /** An owner name in the function that performs the operation, its request, or the file's other operations on the same table. */
        function ownerNameNearOperation(file: FileAnalysis, item: Access): boolean {
          const code = file.sourceCode;
          const performer = file.ownership.ownerOf(item.operation.node);
          if (performer && ownerNameInRange(code, performer.range) !== undefined) return true;
          if (item.request && ownerNameInRange(code, item.request.range) !== undefined) return true;
          if (!isKnownTable(item.table)) return false;
          for (const operation of file.operations) {
            if (!operation.dataPlane) continue;
            for (const other of file.ownership.accessesOf(operation)) {
              if (other.request && sameTable(other.table, item.table) && ownerNameInRange(code, other.request.range) !== undefined) return true;
            }
          }
          return false;
        }

        function ownerConditionSuggestion(access: HandlerAccess): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
          const { instance } = access;
          const operation = instance.access.operation;
          const request = instance.access.request;
          if (instance.via.length > 0 || operation.client !== "document" || !request || instance.access.member.startsWith("RequestItems")) return undefined;
          // The caller expression goes into the request object literal: it must be in scope (and initialised) there.
          const callerNode = ownership.callerExpressionAt(access, request);
          if (!callerNode) return undefined;
          const resolved = analysis.values.resolveObject(request);
          if (!resolved) return undefined;
          const parts = ["ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues"].map((name) => resolved.properties.get(name));
          // Only edit what is written in this object literal.
          if (parts.some((part) => part && (!part.property || part.property.parent !== request || part.assignment))) return undefined;
          const [condition, names, values] = parts;
          const existingCondition = condition?.property?.value;
          if (existingCondition && !(existingCondition.type === AST_NODE_TYPES.Literal && typeof existingCondition.value === "string")) return undefined;
          const existingNames = names?.value ? analysis.values.resolveObject(names.value) : undefined;
          const existingValues = values?.value ? analysis.values.resolveObject(values.value) : undefined;
          // Fresh placeholder names need every existing one known.
          if ((names && !existingNames?.complete) || (values && !existingValues?.complete)) return undefined;
          const nameKeys = keysOf(existingNames);
          const valueKeys = keysOf(existingValues);
          const ownerName = fresh("#owner", nameKeys);
          const callerValue = fresh(":caller", valueKeys);
          const newNames: Array<[string, string]> = [[ownerName, JSON.stringify(ownerAttribute)]];
          let clause = `${ownerName} = ${callerValue}`;
          if (instance.access.put) {
            const keyAttribute = instance.keyParts.find((part) => part.attribute !== undefined)?.attribute;
            if (!keyAttribute) return undefined;
            const keyName = fresh("#key", new Set([...nameKeys, ownerName]));
            newNames.push([keyName, JSON.stringify(keyAttribute)]);
            clause = `attribute_not_exists(${keyName}) OR ${clause}`;
          }
          const conditionText = existingCondition ? `(${String((existingCondition as TSESTree.StringLiteral).value)}) AND (${clause})` : clause;
          const callerText = sourceCode.getText(callerNode);
          const verb = instance.access.kind === "delete" ? "delete" : instance.access.put ? "overwrite" : "update";
          return {
            messageId: "addOwnerCondition",
            data: { verb, attribute: JSON.stringify(ownerAttribute), condition: conditionText, caller: callerText },
            fix(fixer) {
              const fixes: TSESLint.RuleFix[] = [];
              const additions: string[] = [];
              if (existingCondition) fixes.push(fixer.replaceText(existingCondition, JSON.stringify(conditionText)));
              else additions.push(`ConditionExpression: ${JSON.stringify(conditionText)}`);
              const nameEntries = newNames.map(([name, value]) => `${JSON.stringify(name)}: ${value}`);
              const valueEntries = [`${JSON.stringify(callerValue)}: ${callerText}`];
              for (const [part, entries, property] of [
                [names, nameEntries, "ExpressionAttributeNames"],
                [values, valueEntries, "ExpressionAttributeValues"],
              ] as const) {
                if (!part) {
                  additions.push(`${property}: { ${entries.join(", ")} }`);
                  continue;
                }
                const value = part.property!.value;
                if (value.type === AST_NODE_TYPES.ObjectExpression) fixes.push(appendToObject(fixer, value, entries));
                else fixes.push(fixer.replaceText(value, `{ ...${sourceCode.getText(value)}, ${entries.join(", ")} }`));
              }
              if (additions.length > 0) fixes.push(appendToObject(fixer, request, additions));
              return fixes;
            },
          };
        }

        /** Adds `entries` as the last properties of an object literal, keeping its layout and trailing comma. */
        function appendToObject(fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, entries: readonly string[]): TSESLint.RuleFix {
          const last = object.properties[object.properties.length - 1];
          const closing = sourceCode.getLastToken(object)!;
          if (!last) return fixer.insertTextBefore(closing, ` ${entries.join(", ")} `);
          const afterLast = sourceCode.getTokenAfter(last)!;
          const trailingComma = afterLast.value === "," && afterLast !== closing;
          const multiline = last.loc.start.line !== object.loc.start.line;
          if (multiline) {
            const indent = sourceCode.lines[last.loc.start.line - 1].slice(0, last.loc.start.column);
            const text = entries.map((entry) => `\n${indent}${entry},`).join("");
            return trailingComma ? fixer.insertTextAfter(afterLast, text) : fixer.insertTextAfter(last, `,${text.slice(0, -1)}`);
          }
          return trailingComma ? fixer.insertTextAfter(afterLast, ` ${entries.join(", ")},`) : fixer.insertTextAfter(last, `, ${entries.join(", ")}`);
        }
      },
    };
  },
});

/** Item attributes named as ids: `id`, `commentId`, `comment_id`, `noteID`. */
const ID_ATTRIBUTE = /^id$|[a-z0-9_](?:Id|ID|_id)$/;

/**
 * Does the Put create a new item, so that it cannot overwrite an existing one (which is what the rule reports for
 * Puts)? Either its table is a partition key-and-sort-key one (`PK`/`SK`) whose sort key includes a value generated
 * here (a unique id, or the current time: `` `RECIPE#${nanoid()}` ``, `"TS#" + Date.now()`), or the item carries an
 * id generated here (`commentId: randomUUID()`, `id: nanoid()`, a random number) and no other conventional key
 * attribute (`PK`, `SK`, `id`) that the request may choose.
 */
function createsFreshItem(access: HandlerAccess, analysis: FileAnalysis): boolean {
  // A spread of a body the route validates holds no key attribute the schema does not let through (not for this rule to say).
  const parts = access.bodyValidated ? access.instance.keyParts.filter((part) => !part.fromSpread) : access.instance.keyParts;
  // `id: body.id ?? randomUUID()` is still the request's choice when it sends one.
  const fresh = (part: ValuePart, unique: boolean) =>
    part.origins.some((origin) => origin.kind === "unknown" && isFreshValue(origin.node, unique, resolverHolding(origin.node, access, analysis)) && !(isFallback(origin.node) && part.origins.some((other) => other.kind === "request")));
  // A key attribute (`SK`, or one the file's other operations key by) generated here, a timestamp included: the key is new.
  // Every value the attribute may get counts (`{ SK: ulid(), ...body }` also gives it the body's).
  const generated = (attribute: string | undefined) => attribute !== undefined && parts.filter((part) => part.attribute === attribute).every((part) => fresh(part, false));
  if (parts.some((part) => generated(part.attribute))) return true;
  // Without a conventional key attribute (`PK`, `SK`, `id`) that says which attributes are the key: a generated id is the new item's.
  const all = [...parts, ...access.instance.possibleKeyParts];
  if (all.some((part) => part.attribute !== undefined && CONVENTIONAL_KEY_NAMES.has(keyNameOf(part.attribute)) && !fresh(part, true))) return false;
  return all.some((part) => part.attribute !== undefined && ID_ATTRIBUTE.test(part.attribute) && fresh(part, true));
}

/**
 * Does a key attribute of the access hold, in every value it may get, a unique id or the whole current time generated
 * here? Not a day or an hour cut from it (`toISOString().slice(0, 10)`): today's item exists already.
 */
function keyedByFreshValue(access: HandlerAccess, analysis: FileAnalysis): boolean {
  const parts = access.instance.keyParts;
  const fresh = (part: ValuePart) =>
    part.origins.some((origin) => {
      if (origin.kind !== "unknown" || isFallback(origin.node) || isCut(origin.node)) return false;
      return isFreshValue(origin.node, false, resolverHolding(origin.node, access, analysis));
    });
  return parts.some((part) => part.attribute !== undefined && parts.filter((other) => other.attribute === part.attribute).every(fresh));
}


/** Names of one-time codes: `OTP`, `otps`, `verification_codes`, `one-time`. */
const ONE_TIME_CODE = /(?:^|[^a-z])otps?(?:[^a-z]|$)|verification[-_ ]?codes?|one[-_ ]?time/i;

/**
 * Is the access's table named for one-time codes, or its key made with such a constant prefix (`` `OTP#${email}` ``,
 * `` `${EntityType.OTP}#${email}` ``)?
 */
function isOneTimeCodeRecord(access: HandlerAccess, analysis: FileAnalysis): boolean {
  if (tableNamedFor(instanceTable(access.instance), ONE_TIME_CODE) || issuesRandomCode(access, analysis)) return true;
  return access.instance.keyParts.some((part) => {
    const values = resolverHolding(part.node, access, analysis);
    const text = values?.resolveString(part.node);
    return text?.alternatives.some((segments) => segments.some((segment) => segment.kind === "text" && ONE_TIME_CODE.test(segment.value))) === true;
  });
}

const SESSION_TABLE = /session/i;
const SESSION_ID = /^(?:session_?id|sid)$/i;
/** Request members that name a resource in the route besides its parameters (`event.rawPath`), or an AppSync field's arguments. */
const ROUTE_MEMBERS = new Set(["path", "rawPath", "arguments"]);

/** Is the table known by a name (its own, its environment variable's, its stage pattern's constant text) that `pattern` matches? */
function tableNamedFor(table: TableRef | undefined, pattern: RegExp): boolean {
  return [table?.name, table?.env, table?.stage?.constant].some((name) => name !== undefined && pattern.test(name));
}

/**
 * Is the access's table named for sessions and every key value the request chooses a session id the request presents
 * in its body, query or headers (`POST /validate { sessionId }`)? A session id is a bearer secret: whoever holds it is
 * signed in as its user, so looking it up is the sign-in check itself. A session of the route (`/sessions/:id`, a
 * workout or tutoring session) is a resource and stays judged.
 */
function isPresentedSessionKey(access: HandlerAccess): boolean {
  if (!tableNamedFor(instanceTable(access.instance), SESSION_TABLE)) return false;
  const presented = (origin: Origin) => origin.kind !== "request" || !(isPathParameter(origin) || ROUTE_MEMBERS.has(origin.path.split(".")[0]));
  return access.requestParts.every((part) => part.attribute !== undefined && SESSION_ID.test(part.attribute) && part.origins.every(presented));
}

/** A value or key attribute named for a token (`token`, `resetToken`, `verification_token`), and a key text that prefixes one (`TOKEN#`). */
const TOKEN_NAME = /token$/i;
const TOKEN_PREFIX = /token[#:_/-]*$/i;

/**
 * Is every request part of the access's key a token the request presents (`Key: { token }`, `` `TOKEN#${token}` ``,
 * `"resetToken:" + token`)? A token's id (`params.tokenId`) is not the token, and names nothing the caller must hold.
 */
function isPresentedTokenKey(access: HandlerAccess): boolean {
  return (
    access.requestParts.length > 0 &&
    access.requestParts.every((part) => {
      if (part.origins.some((origin) => origin.kind === "request" && /id$/i.test(origin.path.split(".").pop() ?? ""))) return false;
      if (part.attribute !== undefined && TOKEN_NAME.test(part.attribute)) return true;
      const node = unwrap(part.node);
      if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 1) {
        const expression = unwrap(node.expressions[0]);
        const name = expression.type === AST_NODE_TYPES.Identifier ? expression.name : expression.type === AST_NODE_TYPES.MemberExpression ? memberChain(expression)?.path.at(-1) : undefined;
        return name !== undefined && (TOKEN_NAME.test(name) || (TOKEN_PREFIX.test(node.quasis[0].value.cooked ?? "") && !/id$/i.test(name)));
      }
      if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+" && node.left.type === AST_NODE_TYPES.Literal && typeof node.left.value === "string") {
        return TOKEN_PREFIX.test(node.left.value);
      }
      return false;
    })
  );
}

/** Item attributes that hold a one-time code: `code`, `otp`, `pin`, `verificationCode`, `auth_code`. */
const CODE_ATTRIBUTE = /^(?:(?:auth|login|verification|verify|sms|email|confirmation)_?)?(?:code|otp|pin)$/i;

/**
 * Is the access a Put of an item whose code attribute is a random value generated here (`{ phone, code:
 * Math.floor(100000 + Math.random() * 900000) }`)? That issues a sign-in code for the address in the key.
 */
function issuesRandomCode(access: HandlerAccess, analysis: FileAnalysis): boolean {
  const { request, put } = access.instance.access;
  const item = put && request ? findProperty(request, "Item") : undefined;
  const values = item && resolverHolding(item.value, access, analysis);
  if (!item || !values) return false;
  const properties = values.resolveObject(item.value)?.properties ?? new Map();
  return [...properties].some(([name, property]) => CODE_ATTRIBUTE.test(name) && isFreshValue(values.definitionOf(property.value) ?? property.value, true, values));
}

/** The value resolver of the module whose tree holds a node: the linted file's, or that of the project module the access is in. */
function resolverHolding(node: TSESTree.Node, access: HandlerAccess, analysis: FileAnalysis): ValueResolver | undefined {
  let root: TSESTree.Node = node;
  while (root.parent) root = root.parent;
  if (root === analysis.program) return analysis.values;
  const module = access.instance.module ? analysis.moduleAtPath(access.instance.module.file) : undefined;
  return module?.program === root ? module.values : undefined;
}

/** The operation's name as written: `new GetCommand`, `doc.get`, `getNote` (not the whole multi-line call). */
function reportLoc(node: TSESTree.Node): TSESTree.SourceLocation {
  if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) {
    const callee = node.callee;
    return { start: node.loc.start, end: callee.loc.end };
  }
  return node.loc;
}

function keysOf(object: ResolvedObject | undefined): Set<string> {
  return new Set(object ? object.properties.keys() : []);
}

function fresh(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

function describeOperation(access: HandlerAccess, filename: string): string {
  const operation = access.instance.access.operation;
  const name = operation.style === "command" ? (calleeName(operation.node) ?? `${operation.operation}Command`) : `${calleeText(operation.node)}()`;
  const via = access.instance.via[0];
  const module = access.instance.module;
  if (via && module) {
    // In another module: name the file (relative to this one) and the function where the operation is.
    return `\`${calleeText(via)}()\` (${name} in \`${module.function}\`, ${relativeModulePath(filename, module.file)} line ${module.line})`;
  }
  if (via) {
    const helper = calleeText(via);
    return `\`${helper}()\` (${name} at line ${operation.node.loc.start.line})`;
  }
  return `\`${name}\``;
}

function calleeText(node: TSESTree.NewExpression | TSESTree.CallExpression): string {
  const chain = memberChain(node.callee);
  if (chain && chain.path.length <= 3) return [chain.root.type === AST_NODE_TYPES.Identifier ? chain.root.name : "this", ...chain.path].join(".");
  return calleeName(node) ?? "operation";
}

function describeTable(table: TableRef | undefined): string {
  if (!table) return "";
  if (table.name !== undefined) return ` of table "${table.name}"`;
  if (table.env !== undefined) return ` of the table in ${table.env}`;
  if (table.stage !== undefined) return ` of table \`${table.stage.pattern}\``;
  if (table.identifier !== undefined) return ` of the table in ${table.identifier}`;
  return "";
}

function describeTarget(access: HandlerAccess): string {
  const { instance } = access;
  const table = describeTable(instanceTable(access.instance));
  return instance.access.kind === "query" ? `items${table}` : `an item${table}`;
}


function describeSource(access: HandlerAccess, sourceCode: Readonly<TSESLint.SourceCode>): string {
  for (const part of access.requestParts) {
    const origin = part.origins.find((candidate): candidate is Extract<Origin, { kind: "request" }> => candidate.kind === "request");
    if (!origin) continue;
    // A Server Action's arguments come straight from the client.
    if (origin.framework === "nextjs" && origin.path.startsWith("arguments[")) {
      const text = part.node.type === AST_NODE_TYPES.Identifier ? part.node.name : sourceCode.getText(part.node);
      return `the Server Action argument \`${text}\``;
    }
    return `\`${sourceText(origin)}\``;
  }
  return UNNAMED_SOURCE;
}

const UNNAMED_SOURCE = "request input";

/** The innermost branch of the handler that holds the node (a `case`, an `if`'s or a ternary's branch), else the handler. */
function branchOf(node: TSESTree.Node, handler: TSESTree.Node): TSESTree.Node {
  for (let current = node; current.parent && current !== handler; current = current.parent) {
    const parent = current.parent;
    if (parent.type === AST_NODE_TYPES.SwitchCase) return parent;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && current !== parent.test) return current;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && current === parent.right) return current;
  }
  return handler;
}

/** How to fix a finding: an owner check where the code shows items belong to users, else the choice between a role check and an owner check. */
function adviceFor(readLike: boolean, ownerShown: boolean, authenticated: boolean): string {
  if (readLike) {
    return ownerShown
      ? "Put the caller's id in the key, or compare the item's owner with the caller before returning it."
      : "Nothing in the code names an owner for these items: if each belongs to a user, put the caller's id in the key or compare the item's owner with the caller before returning it; if every signed-in user may read them, list the table in the `publicTables` option.";
  }
  if (ownerShown) return "Add a ConditionExpression that requires the owner attribute to equal the caller, put the caller in the key, or check the item's owner first.";
  return authenticated
    ? "Nothing in the code names an owner for these items: if only some users may change them (staff, an administrator), check the caller's role first; if each belongs to a user, add a ConditionExpression that requires the owner attribute to equal the caller, or check the item's owner first."
    : "The handler shows no authentication, and nothing in the code names an owner for these items: authenticate the route, then check that the caller may change the item (a role for shared data, the item's owner for a user's).";
}

function describeMissing(access: HandlerAccess, caller: string | undefined): string {
  const { instance } = access;
  const kind = instance.access.kind;
  let text: string;
  if (kind === "query") text = "neither the key condition nor a FilterExpression compares anything with the caller";
  else if (kind === "read") text = "the key does not include the caller, and no comparison of the item's owner with the caller guards the response";
  else if (instance.access.put) {
    text = "no ConditionExpression requires the item to be new (attribute_not_exists) or to belong to the caller";
  } else if (instance.condition) {
    text = "its ConditionExpression compares no attribute with the caller, and no earlier ownership check covers this key";
  } else {
    text = "neither the key nor a ConditionExpression includes the caller, and no earlier ownership check covers this key";
  }
  if (caller) text += ` (the handler knows the caller, \`${caller}\`, but nothing checks the item against it)`;
  return text;
}

/** Route patterns: `*` matches within one segment, `**` any number of segments; `:id`, `[id]`, `{id}` are the same parameter. */
export function routeMatches(pattern: string, route: string): boolean {
  const normalize = (path: string) =>
    path
      .split("/")
      .filter(Boolean)
      .map((segment) => (/^(?::\w+\??|\[{1,2}(?:\.{3})?\w+\]{1,2}|\{\w+\+?\})$/.test(segment) ? ":param" : segment));
  const patternSegments = normalize(pattern);
  const routeSegments = normalize(route);
  // Segment-level matching with `**`, as a table over positions: linear in the product of lengths.
  const table: boolean[][] = Array.from({ length: patternSegments.length + 1 }, () => new Array<boolean>(routeSegments.length + 1).fill(false));
  table[patternSegments.length][routeSegments.length] = true;
  for (let p = patternSegments.length - 1; p >= 0; p--) {
    for (let r = routeSegments.length; r >= 0; r--) {
      if (patternSegments[p] === "**") table[p][r] = table[p + 1][r] || (r < routeSegments.length && table[p][r + 1]);
      else table[p][r] = r < routeSegments.length && segmentMatches(patternSegments[p], routeSegments[r]) && table[p + 1][r + 1];
    }
  }
  return table[0][0];
}

/** `*` wildcards inside one segment, matched greedily with backtracking to the last star (linear time). */
function segmentMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}
