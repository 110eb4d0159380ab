import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "../src/analysis/node-types";
import { getAnalysis } from "../src/analysis";
import {
  collectCredentialSites,
  credentialEnvName,
  credentialEnvObjectProperties,
  envCredentialSite,
  hardcodedValues,
  isGlobalProcess,
  type CredentialRemedy,
  type CredentialSite,
} from "../src/analysis/credential-sites";
import {
  ACCESS_KEY_ID_PREFIXES,
  CREDENTIAL_ENV_VARIABLES,
  browserEnvPrefix,
  classifyCredential,
  findAccessKeyIds,
  isSignatureCredential,
  isPlaceholderCredential,
  maskCredential,
  type CredentialSlot,
} from "../src/analysis/credentials";
import { textMayContain } from "../src/analysis/text-checks";
import { createRule } from "../src/utils/create-rule";
import { dropFallback, removeProperties, removeStatement } from "../src/utils/fixes";

type Options = [{ allowedValues?: string[] }];
type MessageIds =
  | "hardcodedCredential"
  | "hardcodedFallback"
  | "hardcodedEnvironment"
  | "accessKeyIdInString"
  | "browserBundledCredential"
  | "removeCredentials"
  | "removeKeys"
  | "removeAssignment"
  | "dropFallback"
  | "useServerVariable";

const SLOT_NAMES: Record<CredentialSlot, string> = {
  accessKeyId: "access key id",
  secretAccessKey: "secret access key",
  sessionToken: "session token",
};

const CREDENTIAL_ENV_NAMES = Object.keys(CREDENTIAL_ENV_VARIABLES);

const REMEDY_MESSAGES: Record<CredentialRemedy["kind"], MessageIds> = {
  "remove-credentials": "removeCredentials",
  "remove-keys": "removeKeys",
  "remove-assignment": "removeAssignment",
};

export default createRule<Options, MessageIds>({
  name: "no-hardcoded-credentials",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow AWS credentials written into the code that configures DynamoDB clients",
      recommended: true,
      cwe: ["CWE-798"],
      owasp: "API8:2023",
      securitySeverity: 9.1,
    },
    hasSuggestions: true,
    messages: {
      hardcodedCredential:
        "The {{slot}} ({{masked}}) is written in the source. Anyone who can read the code, its history or its build output can use it: let the SDK's default provider chain supply credentials (environment, IAM role, profile) or load them from a secret store, and rotate this key.",
      hardcodedFallback:
        "The {{slot}} falls back to a hardcoded value ({{masked}}) when the environment does not provide one. The fallback puts the credential in the source, its history and its builds: drop it so that a missing setting fails loudly, and rotate this key.",
      hardcodedEnvironment:
        "process.env.{{name}} is set to a hardcoded value ({{masked}}). Setting the variable in code puts the credential in the source: set it outside the code (deployment environment, CI secrets, an uncommitted .env file) or use an IAM role, and rotate this key.",
      accessKeyIdInString:
        "This string contains an AWS access key id ({{masked}}). A committed key id belongs to a live key pair: remove it, rotate the key, load credentials from the environment, an IAM role, a profile or a secret store, and use a placeholder such as \"local\" for DynamoDB Local and mocks.",
      browserBundledCredential:
        "The {{slot}} comes from {{variable}}, and {{tool}} copies every {{prefix}} variable into the JavaScript it sends to browsers: every visitor can read the key. Keep AWS credentials out of browser code: read a variable without the {{prefix}} prefix in server code only (or use an IAM role, or Cognito identity-pool credentials in the browser), and rotate this key.",
      removeCredentials: "Remove the hardcoded `credentials` so that the default provider chain supplies them",
      removeKeys: "Remove the hardcoded key properties so that the default provider chain supplies credentials",
      removeAssignment: "Remove this hardcoded assignment to process.env.{{name}}",
      dropFallback: "Drop the hardcoded fallback and use the environment value alone",
      useServerVariable: "Read {{name}}, a variable that is not copied into browser code",
    },
    schema: [
      {
        type: "object",
        description: "Options of no-hardcoded-credentials.",
        properties: {
          allowedValues: {
            type: "array",
            description: "Project-specific placeholder values that are never reported (exact match), such as the fake keys of a test fixture.",
            items: { type: "string" },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowedValues: [] }],
  },
  defaultOptions: [{ allowedValues: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowed = new Set(options.allowedValues ?? []);
    const strings: Array<TSESTree.Literal | TSESTree.TemplateElement> = [];
    const envWrites: Array<{ write: TSESTree.AssignmentExpression | TSESTree.Property; process: TSESTree.Node }> = [];

    /** Reports `node` once; later reports inside an already reported range are dropped. */
    const reported: Array<[number, number]> = [];
    const isReported = (node: TSESTree.Node) => reported.some(([start, end]) => start <= node.range[0] && node.range[1] <= end);

    function remedySuggestion(remedy: CredentialRemedy | undefined, name: string | undefined): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (!remedy) return [];
      const properties = remedy.targets.filter((target): target is TSESTree.Property => target.type === AST_NODE_TYPES.Property);
      const statements = remedy.targets.filter((target): target is Exclude<typeof target, TSESTree.Property> => target.type !== AST_NODE_TYPES.Property);
      return [
        {
          messageId: REMEDY_MESSAGES[remedy.kind],
          data: { name: name ?? "" },
          fix: (fixer) => [...removeProperties(sourceCode, fixer, properties), ...statements.map((statement) => removeStatement(sourceCode, fixer, statement))],
        },
      ];
    }

    function checkSite(site: CredentialSite, values: ReturnType<typeof getAnalysis>["values"]): void {
      for (const found of hardcodedValues(values, site.value)) {
        if (isReported(found.node)) continue;
        const secret = found.values.find((value) => classifyCredential(value, site.slot, site.endpoint, allowed) === "hardcoded");
        if (secret === undefined) continue;
        reported.push(found.node.range);
        const data = { slot: SLOT_NAMES[site.slot], masked: maskCredential(secret), name: site.envName ?? "" };
        const fallback = found.fallback;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = fallback
          ? [{ messageId: "dropFallback", fix: (fixer) => dropFallback(sourceCode, fixer, fallback) }]
          : remedySuggestion(site.remedy, site.envName);
        context.report({
          node: found.node,
          messageId: site.envName ? "hardcodedEnvironment" : fallback ? "hardcodedFallback" : "hardcodedCredential",
          data,
          suggest,
        });
      }
    }

    /** A secret read from an environment variable that a front-end build copies into browser code (`process.env.NEXT_PUBLIC_...`). */
    function checkBrowserEnvironment(site: CredentialSite, values: ReturnType<typeof getAnalysis>["values"]): void {
      if (site.slot === "accessKeyId" || site.envName) return;
      for (const origin of values.originsOf(site.value)) {
        if (origin.kind !== "env" || !origin.name || origin.node.type !== AST_NODE_TYPES.MemberExpression || isReported(origin.node)) continue;
        const browser = browserEnvPrefix(origin.name, origin.importMeta === true);
        if (!browser) continue;
        reported.push(origin.node.range);
        const serverName = origin.name.slice(browser.prefix.length);
        const property = origin.node.property;
        const variable = sourceCode.getText(origin.node);
        context.report({
          node: origin.node,
          messageId: "browserBundledCredential",
          data: { slot: SLOT_NAMES[site.slot], variable, tool: browser.tool, prefix: browser.prefix },
          suggest:
            !origin.node.computed && property.type === AST_NODE_TYPES.Identifier
              ? [{ messageId: "useServerVariable", data: { name: serverName }, fix: (fixer) => fixer.replaceText(property, serverName) }]
              : [],
        });
      }
    }

    // File-wide checks: cheap filters in listeners, the work at Program:exit. A file whose text cannot hold an
    // access key id or a credential variable's name gets no listener (ESLint calls each for every node of its type).
    const text = sourceCode.text;
    const stringListeners: TSESLint.RuleListener = textMayContain(text, ACCESS_KEY_ID_PREFIXES)
      ? {
          Literal(node) {
            if (typeof node.value === "string" && node.value.length >= 20) strings.push(node);
          },
          TemplateElement(node) {
            if ((node.value.cooked ?? node.value.raw).length >= 20) strings.push(node);
          },
        }
      : {};
    const envListeners: TSESLint.RuleListener = textMayContain(text, CREDENTIAL_ENV_NAMES)
      ? {
          AssignmentExpression(node) {
            if (credentialEnvName(node.left) !== undefined) envWrites.push({ write: node, process: node.left });
          },
          CallExpression(node) {
            if (node.callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length < 2) return;
            for (const property of credentialEnvObjectProperties(node)) envWrites.push({ write: property, process: node.arguments[0] });
          },
        }
      : {};

    return {
      ...stringListeners,
      ...envListeners,
      "Program:exit"() {
        const analysis = getAnalysis(context);
        if (analysis.mentionsDynamoDB) {
          for (const site of collectCredentialSites(analysis)) {
            checkSite(site, analysis.values);
            checkBrowserEnvironment(site, analysis.values);
          }
        }
        for (const { write, process } of envWrites) {
          if (!isGlobalProcess(analysis, process)) continue;
          const site = envCredentialSite(analysis, write);
          if (site) checkSite(site, analysis.values);
        }
        for (const node of strings) {
          if (isReported(node)) continue;
          const text = node.type === AST_NODE_TYPES.Literal ? (node.value as string) : (node.value.cooked ?? node.value.raw);
          const written = sourceCode.text.slice(node.range[0], node.range[1]);
          for (const key of findAccessKeyIds(text)) {
            if (isPlaceholderCredential(key.value) || allowed.has(key.value) || allowed.has(text) || isSignatureCredential(text, key.index)) continue;
            // Point at the key itself when it is written as is (no escapes inside it).
            const offset = written.indexOf(key.value);
            const loc =
              offset >= 0
                ? { start: sourceCode.getLocFromIndex(node.range[0] + offset), end: sourceCode.getLocFromIndex(node.range[0] + offset + key.value.length) }
                : node.loc;
            context.report({ node, loc, messageId: "accessKeyIdInString", data: { masked: maskCredential(key.value) } });
          }
        }
      },
    };
  },
});
