// no-sensitive-logging: DynamoDB clients whose SDK logger records every command (items and keys
// included), log calls that write AWS credentials or the whole environment, and (strict) request
// handlers that log whole DynamoDB results. Policy only: the facts come from src/analysis.
import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "../src/analysis/node-types";
import { findLogged, getAnalysis, mayMentionCredentials, type ItemData, type SensitiveValue } from "../src/analysis";
import { contains, enclosingFunction, memberChain, unwrap } from "../src/analysis/ast";
import { createRule } from "../src/utils/create-rule";

type Options = [{ reportItemsInHandlers?: boolean }];
type MessageIds = "sdkLogger" | "sdkLoggerV2" | "credentials" | "environment" | "items" | "removeLogger" | "logExpirationOnly";

export default createRule<Options, MessageIds>({
  name: "no-sensitive-logging",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow writing AWS credentials, the process environment or DynamoDB items to logs",
      recommended: true,
      strictOptions: { reportItemsInHandlers: true },
      cwe: ["CWE-532"],
      owasp: "API8:2023",
      securitySeverity: 6.5,
    },
    messages: {
      sdkLogger:
        "This DynamoDB client logs every command's input and output, full items and keys included, through {{logger}}. Customer data then lands in logs that many people and systems can read; remove the `logger` option, or give the client a logger whose `info` drops `input` and `output`.",
      sdkLoggerV2:
        "The AWS SDK v2 `logger` ({{logger}}) writes the parameters of every DynamoDB request, full items and keys included. Customer data then lands in logs that many people and systems can read; remove the `logger` setting, or use a logger that leaves the parameters out.",
      credentials:
        "This log call writes {{what}}. Anyone who can read the logs can then act as this AWS identity until the keys expire or are rotated; log non-secret fields such as the expiration, or nothing.",
      environment:
        "This log call writes {{what}}, which holds the runtime's AWS credentials (`AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` on Lambda and other AWS compute) and every other secret passed through the environment. Log the few non-secret variables you need by name.",
      items:
        "This request handler logs {{what}}. Items are customer data and end up in logs that many people and systems can read; log counts, request ids or the few non-sensitive fields you need instead.",
      removeLogger: "Remove the `logger` {{what}}",
      logExpirationOnly: "Log only `{{field}}` instead of the credentials",
    },
    schema: [
      {
        type: "object",
        properties: {
          reportItemsInHandlers: {
            type: "boolean",
            description:
              "Also report request handlers that log whole DynamoDB results: a full command output, `Items`, `Item`, `Attributes` or one element of `Items`.",
          },
        },
        additionalProperties: false,
      },
    ],
    hasSuggestions: true,
    defaultOptions: [{ reportItemsInHandlers: false }],
  },
  defaultOptions: [{ reportItemsInHandlers: false }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;

    function checkSdkLoggers(analysis: ReturnType<typeof getAnalysis>): void {
      const reported = new Set<TSESTree.Node>();
      // The v2 global logger logs every service's requests; it is a DynamoDB finding where DynamoDB is used.
      const usesDynamoDB = analysis.sdk.clients.size > 0 || analysis.operations.length > 0;
      for (const config of analysis.clientConfigs) {
        if (config.kind === "v2-global" && !usesDynamoDB) continue;
        const property = config.property("logger");
        if (!property) continue;
        const sdk = config.kind === "v3-client" ? "v3" : "v2";
        const records = analysis.logging.sdkLoggerRecords(property.value, sdk);
        if (!records) continue;
        const node = property.assignment ?? property.property ?? property.value;
        if (reported.has(node)) continue;
        reported.add(node);
        const removal = property.assignment ? statementRemoval(property.assignment) : property.property ? propertyRemoval(property.property) : undefined;
        context.report({
          node,
          messageId: sdk === "v3" ? "sdkLogger" : "sdkLoggerV2",
          data: { logger: records.description },
          suggest: removal ? [{ messageId: "removeLogger", data: { what: property.assignment ? "assignment" : "option" }, fix: removal }] : [],
        });
      }
    }

    function checkLogCalls(analysis: ReturnType<typeof getAnalysis>, checkCredentials: boolean, checkItems: boolean): void {
      for (const logCall of analysis.logging.logCalls) {
        if (checkCredentials && reportCredentials(analysis, logCall.arguments)) continue;
        if (checkItems && inRequestHandler(analysis, logCall.call)) reportItems(analysis, logCall.arguments);
      }
    }

    function reportCredentials(analysis: ReturnType<typeof getAnalysis>, logged: readonly TSESTree.Node[]): boolean {
      for (const argument of logged) {
        const found = analysis.logging.findSensitive(argument);
        if (!found) continue;
        const suggestion = found.value.kind === "credentials" ? expirationSuggestion(argument, found.node, found.value) : undefined;
        context.report({
          node: argument,
          messageId: found.value.kind === "environment" ? "environment" : "credentials",
          data: { what: found.value.description },
          suggest: suggestion ? [suggestion] : [],
        });
        return true;
      }
      return false;
    }

    function reportItems(analysis: ReturnType<typeof getAnalysis>, logged: readonly TSESTree.Node[]): void {
      for (const argument of logged) {
        const found = findLogged(argument, (node) => analysis.results.itemDataOf(node), analysis.values);
        if (!found) continue;
        context.report({ node: argument, messageId: "items", data: { what: describeItems(found.value) } });
        return;
      }
    }

    function inRequestHandler(analysis: ReturnType<typeof getAnalysis>, node: TSESTree.Node): boolean {
      for (let fn = enclosingFunction(node), i = 0; fn && i < 200; fn = enclosingFunction(fn), i++) {
        if (analysis.sources.handlerKind(fn)) return true;
      }
      return false;
    }

    /** `console.log(creds)` → `console.log({ expiration: creds.expiration })`, also as a property or element. */
    function expirationSuggestion(
      argument: TSESTree.Node,
      found: TSESTree.Node,
      value: Extract<SensitiveValue, { kind: "credentials" }>,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const target = unwrap(found);
      if (!contains(argument, found) || !isReference(target)) return undefined;
      // Only where the value is printed whole: the argument itself, an object property value or an array element.
      let replaced: TSESTree.Node = found;
      for (let current: TSESTree.Node = found; current !== argument; ) {
        const parent: TSESTree.Node | undefined = current.parent;
        if (!parent) return undefined;
        const direct =
          (parent.type === AST_NODE_TYPES.Property && parent.value === current && parent.parent.type === AST_NODE_TYPES.ObjectExpression) ||
          parent.type === AST_NODE_TYPES.ObjectExpression ||
          parent.type === AST_NODE_TYPES.ArrayExpression ||
          parent.type === AST_NODE_TYPES.TSAsExpression ||
          parent.type === AST_NODE_TYPES.TSNonNullExpression;
        if (!direct) return undefined;
        if (parent.type === AST_NODE_TYPES.Property && parent.shorthand) replaced = parent;
        current = parent;
      }
      const text = sourceCode.getText(target);
      const field = value.expirationField;
      const read = value.response ? `${text}.Credentials?.${field}` : `${text}.${field}`;
      const object = `{ ${field}: ${read} }`;
      const replacement = replaced.type === AST_NODE_TYPES.Property ? `${text}: ${object}` : object;
      return { messageId: "logExpirationOnly", data: { field }, fix: (fixer) => fixer.replaceText(replaced, replacement) };
    }

    function propertyRemoval(property: TSESTree.Property): TSESLint.ReportFixFunction | undefined {
      if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      return (fixer) => {
        const after = sourceCode.getTokenAfter(property);
        const before = sourceCode.getTokenBefore(property);
        let start = property.range[0];
        let end = property.range[1];
        if (after?.value === ",") {
          end = after.range[1];
          const next = sourceCode.getTokenAfter(after, { includeComments: true });
          // `{ logger: console, region }` → `{ region }` on one line.
          if (next && next.loc.start.line === after.loc.end.line) end = next.range[0];
        } else if (before?.value === ",") {
          start = before.range[0];
        } else if (before?.value === "{" && after?.value === "}" && !sourceCode.commentsExistBetween(before, after)) {
          // The only property: `{ logger: console }` → `{}`.
          return fixer.removeRange([before.range[1], after.range[0]]);
        }
        return fixer.removeRange(wholeLines(start, end));
      };
    }

    function statementRemoval(assignment: TSESTree.AssignmentExpression): TSESLint.ReportFixFunction | undefined {
      const statement = assignment.parent;
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
      const container = statement.parent;
      // `if (x) AWS.config.logger = console;` needs a statement in place.
      if (container.type !== AST_NODE_TYPES.Program && container.type !== AST_NODE_TYPES.BlockStatement && container.type !== AST_NODE_TYPES.StaticBlock) return undefined;
      return (fixer) => fixer.removeRange(wholeLines(statement.range[0], statement.range[1]));
    }

    /** Widens a removal to whole lines when nothing else shares them, so no blank line is left behind. */
    function wholeLines(start: number, end: number): [number, number] {
      const text = sourceCode.text;
      const lineStart = text.lastIndexOf("\n", start - 1) + 1;
      const newline = text.indexOf("\n", end);
      const lineEnd = newline < 0 ? text.length : newline;
      if (text.slice(lineStart, start).trim() === "" && text.slice(end, lineEnd).trim() === "") {
        return [lineStart, newline < 0 ? lineEnd : newline + 1];
      }
      return [start, end];
    }

    return {
      "Program:exit"() {
        const analysis = getAnalysis(context);
        if (analysis.mentionsDynamoDB) checkSdkLoggers(analysis);
        // In browser code `console` is the user's own devtools and `process.env` holds public build variables only.
        const checkCredentials = mayMentionCredentials(sourceCode) && !analysis.logging.isBrowserCode;
        const checkItems = options.reportItemsInHandlers === true && analysis.mentionsDynamoDB && analysis.operations.length > 0;
        if (checkCredentials || checkItems) checkLogCalls(analysis, checkCredentials, checkItems);
      },
    };
  },
});

/** An identifier or a member chain (`creds`, `this.creds`, `result.Credentials`): safe to repeat in a fix. */
function isReference(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier || (node.type === AST_NODE_TYPES.MemberExpression && memberChain(node) !== undefined);
}

function describeItems(data: ItemData): string {
  const operation = `\`${data.operation.operation}\``;
  switch (data.kind) {
    case "output":
      return `the whole output of a DynamoDB ${operation}`;
    case "items":
      return `a list of DynamoDB items (\`${data.member ?? "Items"}\` of a ${operation})`;
    case "item":
      return `a whole DynamoDB item (${data.member ? `from \`${data.member}\` of` : "from"} a ${operation})`;
  }
}
