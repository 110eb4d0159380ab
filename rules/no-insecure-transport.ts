// no-insecure-transport: TLS verification or TLS itself switched off for DynamoDB traffic.
import { findVariable, getStaticValue } from "@eslint-community/eslint-utils";
import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "../src/analysis/node-types";
import { getAnalysis, type ClientConfig, type EndpointUrl, type FileAnalysis, type TlsOptions } from "../src/analysis";
import { staticKeyName, unwrap } from "../src/analysis/ast";
import {
  TLS_ENV_NAME,
  acceptsEveryHost,
  hostMatches,
  isProcessEnv,
  isStaticFalse,
  isTlsEnvMember,
  isWeakProtocolSetting,
  weakCipherGroups,
} from "../src/analysis/transport";
import type { ResolvedProperty } from "../src/analysis/values";
import { textMayContain } from "../src/analysis/text-checks";
import { createRule } from "../src/utils/create-rule";
import { removeProperties, removeStatement } from "../src/utils/fixes";

type Options = [
  {
    allowedHttpHosts?: string[];
    allowSingleLabelHosts?: boolean;
    reportWeakProtocols?: boolean;
    autofix?: boolean;
  },
];

type MessageIds =
  | "rejectUnauthorized"
  | "checkServerIdentity"
  | "weakProtocol"
  | "weakCiphers"
  | "importedTransport"
  | "tlsDisabled"
  | "sslDisabled"
  | "httpEndpointAws"
  | "httpEndpointRemote"
  | "httpEndpointSingleLabel"
  | "envTlsDisabled"
  | "removeOption"
  | "removeEnvAssignment"
  | "useHttps";

type Fixer = TSESLint.ReportFixFunction;

/** What imported HTTPS settings do wrong, for the message about them. */
const IMPORTED_PROBLEMS = {
  rejectUnauthorized: "turn off certificate verification (`rejectUnauthorized: false`)",
  checkServerIdentity: "accept a certificate for any host name (a `checkServerIdentity` that returns nothing)",
  weakProtocol: "allow a protocol version below TLS 1.2",
  weakCiphers: "enable cipher suites without real encryption",
} as const;

export default createRule<Options, MessageIds>({
  name: "no-insecure-transport",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow switching off TLS or TLS certificate verification for DynamoDB traffic",
      recommended: true,
      strictOptions: { allowSingleLabelHosts: false, reportWeakProtocols: true },
      cwe: ["CWE-295", "CWE-319"],
      owasp: "API8:2023",
      securitySeverity: 7.4,
    },
    fixable: "code",
    hasSuggestions: true,
    messages: {
      rejectUnauthorized:
        "This HTTPS agent of a DynamoDB client accepts any server certificate (`rejectUnauthorized: false`), so anyone on the network path can read and change requests and items. Remove the option (verification is on by default); to trust a private CA, pass it in `ca`.",
      checkServerIdentity:
        "This `checkServerIdentity` returns nothing, so the DynamoDB client accepts a certificate issued for any host name. Remove it, or end it with `return tls.checkServerIdentity(host, cert)` after your own checks.",
      weakProtocol:
        "`{{option}}: \"{{value}}\"` lets the HTTPS agent of a DynamoDB client use a protocol version below TLS 1.2, which has known weaknesses. Remove it: Node.js defaults to TLS 1.2 and later, and AWS endpoints refuse older versions.",
      weakCiphers:
        "The cipher list of this HTTPS agent of a DynamoDB client enables {{groups}} cipher suites, which give no or breakable encryption. Remove `ciphers` to use the Node.js defaults, or exclude them (`!aNULL:!eNULL:!EXPORT:!RC4:!DES`).",
      importedTransport:
        "The HTTPS settings imported from '{{source}}' {{problem}} for this DynamoDB client, so its traffic can be read and changed in transit. Fix them where they are defined, in '{{source}}'.",
      tlsDisabled:
        "`tls: false` asks for an unencrypted connection to DynamoDB: current SDK versions ignore it for the default regional endpoint, older ones and custom endpoint setups send plain HTTP. Remove it; it belongs only beside a loopback endpoint such as DynamoDB Local.",
      sslDisabled:
        "`sslEnabled: false` makes the AWS SDK v2 send DynamoDB requests over plain HTTP, where requests and items can be read and changed in transit. Remove it: HTTPS is the default.",
      httpEndpointAws:
        "The DynamoDB endpoint 'http://{{host}}' sends requests to AWS over plain HTTP, where requests and items can be read and changed in transit. Use 'https://'.",
      httpEndpointRemote:
        "The DynamoDB endpoint 'http://{{host}}' sends requests unencrypted to another machine, where they can be read and changed in transit. Use HTTPS, or list the host in `allowedHttpHosts` if it is a trusted development endpoint.",
      httpEndpointSingleLabel:
        "The DynamoDB endpoint 'http://{{host}}' sends requests unencrypted to the host '{{hostname}}' (typically a container such as DynamoDB Local or LocalStack). Use HTTPS for anything beyond local development, or list the host in `allowedHttpHosts`.",
      envTlsDisabled:
        "Setting NODE_TLS_REJECT_UNAUTHORIZED to '0' turns off certificate verification for every TLS connection of this process, DynamoDB included. Remove it; to trust a private CA, set NODE_EXTRA_CA_CERTS instead.",
      removeOption: "Remove `{{name}}`",
      removeEnvAssignment: "Remove the NODE_TLS_REJECT_UNAUTHORIZED assignment",
      useHttps: "Use https:// for this endpoint",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          allowedHttpHosts: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              "Host names that may be reached over plain HTTP besides loopback ones, exact or as `*.example.com` for subdomains (e.g. an internal DynamoDB Local host).",
          },
          allowSingleLabelHosts: {
            type: "boolean",
            description: "Allow plain HTTP to host names without a dot (`http://dynamodb-local:8000`, `http://localstack:4566`), typically containers on a development network.",
          },
          reportWeakProtocols: {
            type: "boolean",
            description: "Also report agents that allow protocol versions below TLS 1.2 or weak cipher suites (`secureProtocol`, `minVersion`, `maxVersion`, `ciphers`).",
          },
          autofix: {
            type: "boolean",
            description: "Apply the unambiguous remedies with --fix (removing the insecure option or assignment, https:// for AWS endpoints) instead of offering them only as suggestions.",
          },
        },
      },
    ],
    defaultOptions: [{ allowedHttpHosts: [], allowSingleLabelHosts: true, reportWeakProtocols: false, autofix: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowedHosts = options.allowedHttpHosts ?? [];
    const allowSingleLabel = options.allowSingleLabelHosts !== false;
    const reported = new Set<string>();

    /** Reports once per node and message; the remedy is a fix with `autofix` (when `autofixable`), otherwise a suggestion. */
    function report(
      node: TSESTree.Node,
      messageId: MessageIds,
      data: Record<string, string>,
      remedy?: { messageId: MessageIds; data?: Record<string, string>; fix: Fixer | undefined; autofixable: boolean },
    ): void {
      const key = `${node.range[0]}:${node.range[1]}:${messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      if (remedy?.fix && remedy.autofixable && options.autofix) {
        context.report({ node, messageId, data, fix: remedy.fix });
        return;
      }
      const suggest = remedy?.fix ? [{ messageId: remedy.messageId, data: remedy.data ?? {}, fix: remedy.fix }] : [];
      context.report({ node, messageId, data, suggest });
    }

    /** The remedy that removes a config option: its property, or the statement that assigns it. */
    function removal(property: ResolvedProperty, name: string, autofixable: boolean) {
      let fix: Fixer | undefined;
      const written = property.property;
      if (written && written.parent?.type === AST_NODE_TYPES.ObjectExpression) {
        fix = (fixer) => removeProperties(sourceCode, fixer, [written]);
      } else if (property.assignment) {
        const statement = statementOf(property.assignment);
        if (statement) fix = (fixer) => removeStatement(sourceCode, fixer, statement);
      }
      return { messageId: "removeOption" as const, data: { name }, fix, autofixable };
    }

    function siteOf(property: ResolvedProperty, fallback: TSESTree.Node): TSESTree.Node {
      return property.property ?? property.assignment ?? fallback;
    }

    // ------------------------------------------------------------ TLS options of agents

    interface TlsProblem {
      messageId: "rejectUnauthorized" | "checkServerIdentity" | "weakProtocol" | "weakCiphers";
      property: ResolvedProperty;
      data: Record<string, string>;
    }

    function tlsProblems(tls: TlsOptions): TlsProblem[] {
      const file = tls.file;
      const problems: TlsProblem[] = [];
      const reject = tls.options.properties.get("rejectUnauthorized");
      if (reject && isStaticFalse(file, reject.value)) problems.push({ messageId: "rejectUnauthorized", property: reject, data: {} });
      const identity = tls.options.properties.get("checkServerIdentity");
      if (identity && acceptsEveryHost(file, identity.value)) problems.push({ messageId: "checkServerIdentity", property: identity, data: {} });
      if (!options.reportWeakProtocols) return problems;
      for (const option of ["secureProtocol", "minVersion", "maxVersion"]) {
        const property = tls.options.properties.get(option);
        const weak = property && constantStrings(file, property.value).find((value) => isWeakProtocolSetting(option, value));
        if (property && weak !== undefined) problems.push({ messageId: "weakProtocol", property, data: { option, value: weak } });
      }
      const ciphers = tls.options.properties.get("ciphers");
      if (ciphers) {
        const groups = new Set(constantStrings(file, ciphers.value).flatMap((list) => weakCipherGroups(list)));
        if (groups.size > 0) problems.push({ messageId: "weakCiphers", property: ciphers, data: { groups: [...groups].join(", ") } });
      }
      return problems;
    }

    function checkTlsOptions(tls: TlsOptions): void {
      const problems = tlsProblems(tls);
      if (problems.length === 0) return;
      if (tls.source !== undefined) {
        // Defined in another module: report where this file hands it to the client; the fix belongs there.
        report(tls.at, "importedTransport", { source: tls.source, problem: IMPORTED_PROBLEMS[problems[0].messageId] });
        return;
      }
      for (const problem of problems) {
        const name = problem.property.name;
        const autofixable = problem.messageId === "rejectUnauthorized" || problem.messageId === "checkServerIdentity";
        report(siteOf(problem.property, tls.node), problem.messageId, problem.data, removal(problem.property, name, autofixable));
      }
    }

    // ------------------------------------------------------------ endpoints and TLS switches

    /** May this endpoint carry DynamoDB traffic in cleartext (or is the scheme https anyway)? A bare host is judged by its host. */
    function isAcceptable(url: EndpointUrl): boolean {
      if (url.protocol !== "http:" && url.protocol !== "") return true;
      if (url.kind === "loopback" || hostMatches(url.hostname, allowedHosts)) return true;
      return url.kind === "single-label" && allowSingleLabel;
    }

    /** Does a TLS switch-off (`tls: false`, `sslEnabled: false`) matter for this config's endpoint? */
    function switchOffMatters(analysis: FileAnalysis, config: ClientConfig): boolean {
      const endpoint = analysis.transport.endpointOf(config);
      if (!endpoint && config.kind === "v2-global") {
        // A global switch-off next to clients that all name a local (or https) endpoint of their own.
        const services = analysis.clientConfigs.filter((candidate) => candidate.kind === "v2-service");
        const allLocal = services.every((service) => {
          const own = analysis.transport.endpointOf(service);
          return own?.property !== undefined && own.alternatives.every((alternative) => alternative.url && isAcceptable(alternative.url));
        });
        return services.length === 0 || !allLocal;
      }
      if (!endpoint) return true; // the default regional endpoint
      return endpoint.alternatives.some((alternative) => alternative.absent || (alternative.url && !isAcceptable(alternative.url)));
    }

    function checkEndpoint(analysis: FileAnalysis, config: ClientConfig): void {
      const endpoint = analysis.transport.endpointOf(config);
      if (!endpoint?.property) return;
      const offending = endpoint.alternatives.filter((alternative) => alternative.url?.protocol === "http:" && !isAcceptable(alternative.url));
      if (offending.length === 0) return;
      const url = (offending.find((alternative) => alternative.url!.kind === "aws") ?? offending[0]).url!;
      const host = url.port ? `${url.hostname}:${url.port}` : url.hostname;
      const node = siteOf(endpoint.property, config.node);
      if (url.kind === "aws") {
        const edits = offending.filter((alternative) => alternative.url!.kind === "aws").flatMap((alternative) => alternative.httpsFix ?? []);
        const fix: Fixer | undefined = edits.length > 0 ? (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)) : undefined;
        report(node, "httpEndpointAws", { host }, { messageId: "useHttps", fix, autofixable: true });
      } else if (url.kind === "single-label") {
        report(node, "httpEndpointSingleLabel", { host, hostname: url.hostname });
      } else {
        report(node, "httpEndpointRemote", { host });
      }
    }

    function checkConfig(analysis: FileAnalysis, config: ClientConfig): void {
      checkEndpoint(analysis, config);
      if (config.kind === "v3-client") {
        const tls = config.property("tls");
        if (tls && isStaticFalse(analysis, tls.value) && switchOffMatters(analysis, config)) {
          report(siteOf(tls, config.node), "tlsDisabled", {}, removal(tls, "tls", true));
        }
        return;
      }
      const ssl = analysis.transport.v2Properties(config, "sslEnabled").at(-1);
      if (ssl && isStaticFalse(analysis, ssl.value) && switchOffMatters(analysis, config)) {
        report(siteOf(ssl, config.node), "sslDisabled", {}, removal(ssl, "sslEnabled", true));
      }
    }

    // ------------------------------------------------------------ NODE_TLS_REJECT_UNAUTHORIZED (every file)

    function isGlobalProcess(node: TSESTree.Node, member: TSESTree.Node): boolean {
      let object = unwrap(member);
      while (object.type === AST_NODE_TYPES.MemberExpression) object = unwrap(object.object);
      if (object.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(sourceCode.getScope(node) as never, object);
      return !variable || variable.defs.length === 0;
    }

    function isZero(node: TSESTree.Node): boolean {
      const result = getStaticValue(node as never, sourceCode.getScope(node) as never);
      return result !== null && (typeof result.value === "string" || typeof result.value === "number") && String(result.value) === "0";
    }

    /** `{ NODE_TLS_REJECT_UNAUTHORIZED: "0" }` written into process.env: report the property. */
    function checkEnvObject(object: TSESTree.Node, statementExpression: TSESTree.Node | undefined): void {
      const value = unwrap(object);
      if (value.type !== AST_NODE_TYPES.ObjectExpression) return;
      for (const property of value.properties) {
        if (property.type !== AST_NODE_TYPES.Property || staticKeyName(property) !== TLS_ENV_NAME || !isZero(property.value)) continue;
        const statement = statementExpression && value.properties.length === 1 ? statementOf(statementExpression) : undefined;
        const fix: Fixer = statement ? (fixer) => removeStatement(sourceCode, fixer, statement) : (fixer) => removeProperties(sourceCode, fixer, [property]);
        report(property, "envTlsDisabled", {}, { messageId: "removeEnvAssignment", fix, autofixable: true });
      }
    }

    // `NODE_TLS_REJECT_UNAUTHORIZED` is checked in every file: listeners only where the text could name it
    // (ESLint calls each for every node of its type).
    const envListeners: TSESLint.RuleListener = textMayContain(sourceCode.text, [TLS_ENV_NAME])
      ? {
          AssignmentExpression(node) {
            if (node.operator !== "=" && node.operator !== "||=" && node.operator !== "??=") return;
            if (isTlsEnvMember(node.left)) {
              if (!isZero(node.right) || !isGlobalProcess(node, node.left)) return;
              const statement = statementOf(node);
              const fix: Fixer | undefined = statement ? (fixer) => removeStatement(sourceCode, fixer, statement) : undefined;
              report(node, "envTlsDisabled", {}, { messageId: "removeEnvAssignment", fix, autofixable: true });
            } else if (node.operator === "=" && isProcessEnv(node.left) && isGlobalProcess(node, node.left)) {
              checkEnvObject(node.right, undefined);
            }
          },
          CallExpression(node) {
            // Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: "0" })
            const callee = unwrap(node.callee);
            if (callee.type !== AST_NODE_TYPES.MemberExpression || staticKeyName(callee) !== "assign") return;
            const object = unwrap(callee.object);
            if (object.type !== AST_NODE_TYPES.Identifier || object.name !== "Object" || node.arguments.length < 2) return;
            const target = node.arguments[0];
            if (!isProcessEnv(target) || !isGlobalProcess(node, target)) return;
            const onlySource = node.arguments.length === 2 ? node : undefined;
            for (const source of node.arguments.slice(1)) checkEnvObject(source, onlySource);
          },
        }
      : {};

    return {
      ...envListeners,
      "Program:exit"() {
        const analysis = getAnalysis(context);
        if (!analysis.mentionsDynamoDB) return;
        for (const tls of analysis.transport.tlsOptions) checkTlsOptions(tls);
        for (const config of analysis.clientConfigs) checkConfig(analysis, config);
      },
    };
  },
});

/** The statement an expression is the whole of (`x = 1;` for `x = 1`), if it is one. */
function statementOf(expression: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  const parent = expression.parent;
  return parent?.type === AST_NODE_TYPES.ExpressionStatement && parent.expression === expression ? parent : undefined;
}

/** The constant values a string option can take (alternatives that are not constant are skipped). */
function constantStrings(file: FileAnalysis, node: TSESTree.Node): string[] {
  return file.values
    .resolveString(node)
    .alternatives.filter((alternative) => alternative.every((segment) => segment.kind === "text"))
    .map((alternative) => alternative.map((segment) => (segment as { value: string }).value).join(""));
}
