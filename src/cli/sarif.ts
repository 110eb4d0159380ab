import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ESLint } from "eslint";
import type { ArtifactLocation, Log, ReportingDescriptor } from "sarif";
import plugin from "../index";
import { PLUGIN_NAME } from "../configs";
import { packageInfo } from "../package-info";
import { REPOSITORY_URL, type DynamoDBSecurityDocs } from "../utils/create-rule";
import { fingerprintMessages, portableRelativePath } from "./fingerprint";

type SarifFormatter = (results: ESLint.LintResult[], data: { cwd: string; rulesMeta: ESLint.LintResultData["rulesMeta"] }) => string;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the formatter is CommonJS without type declarations
const formatWithMicrosoftSarif = require("@microsoft/eslint-formatter-sarif") as SarifFormatter;

/** The key of this tool's fingerprint in `partialFingerprints`; bump the version if the hash ever changes. */
export const FINGERPRINT_KEY = "dynamodbSecurity/v1";
const SOURCE_ROOT = "%SRCROOT%";

/** The rule doc, minus the HTML comments that only delimit generated sections. */
function ruleHelp(ruleName: string, description: string): { text: string; markdown: string } {
  let markdown: string;
  try {
    markdown = readFileSync(path.join(packageInfo.root, "rules", `${ruleName}.md`), "utf8")
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  } catch {
    markdown = description;
  }
  return { text: markdown, markdown };
}

function describeRule(rule: ReportingDescriptor): void {
  if (!rule.id.startsWith(`${PLUGIN_NAME}/`)) return;
  const ruleName = rule.id.slice(PLUGIN_NAME.length + 1);
  const docs = plugin.rules[ruleName]?.meta.docs as DynamoDBSecurityDocs | undefined;
  if (!docs) return;
  rule.fullDescription = { text: docs.description };
  rule.help = ruleHelp(ruleName, docs.description);
  rule.properties = {
    ...rule.properties,
    tags: ["security", ...docs.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)],
    "security-severity": docs.securitySeverity.toFixed(1),
  };
}

/** Relative URIs under `%SRCROOT%` (the scanned `cwd`) let code scanning map results to the repository. */
function relativizeUri(location: ArtifactLocation | undefined, cwd: string): void {
  if (!location?.uri?.startsWith("file:")) return;
  const relative = portableRelativePath(cwd, fileURLToPath(location.uri));
  if (relative.startsWith("..")) return;
  location.uri = relative.split("/").map(encodeURIComponent).join("/");
  location.uriBaseId = SOURCE_ROOT;
}

/**
 * SARIF 2.1.0 for code scanning: `@microsoft/eslint-formatter-sarif`, then per rule `help`, CWE tags and
 * `security-severity`, per result a fingerprint that survives line shifts, and never any file contents.
 */
export function formatSarif(results: ESLint.LintResult[], data: { cwd: string; rulesMeta: ESLint.LintResultData["rulesMeta"] }): string {
  const withoutSources = results.map(({ source: _source, output: _output, ...result }) => result);
  const log = JSON.parse(formatWithMicrosoftSarif(withoutSources, data)) as Log;
  const run = log.runs[0];

  run.tool.driver = {
    ...run.tool.driver,
    name: "dynamodb-security",
    version: packageInfo.version,
    semanticVersion: packageInfo.version,
    informationUri: REPOSITORY_URL,
  };
  run.tool.driver.rules?.forEach(describeRule);

  // The formatter embeds files when SARIF_ESLINT_EMBED=true: code must not leave the machine through a report.
  for (const artifact of run.artifacts ?? []) {
    delete artifact.contents;
    delete artifact.encoding;
    relativizeUri(artifact.location, data.cwd);
  }

  // SARIF results are matched back to ESLint messages by file URI, rule and position.
  const locationKey = (uri: unknown, ruleId: unknown, line: unknown, column: unknown) => `${uri}\u0000${ruleId}\u0000${line}\u0000${column}`;
  const fingerprintsByLocation = new Map<string, string[]>();
  for (const result of results) {
    const allMessages = { ...result, messages: [...result.messages, ...result.suppressedMessages] };
    for (const { message, ruleId, fingerprint, occurrence } of fingerprintMessages(allMessages, data.cwd)) {
      const key = locationKey(pathToFileURL(result.filePath).href, ruleId, message.line, message.column);
      const queue = fingerprintsByLocation.get(key) ?? [];
      queue.push(`${fingerprint}:${occurrence}`);
      fingerprintsByLocation.set(key, queue);
    }
  }
  for (const result of run.results ?? []) {
    const location = result.locations?.[0]?.physicalLocation;
    const key = locationKey(location?.artifactLocation?.uri, result.ruleId, location?.region?.startLine, location?.region?.startColumn);
    const fingerprint = fingerprintsByLocation.get(key)?.shift();
    if (fingerprint) result.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint };
  }

  // Parse errors are notifications rather than results; they carry locations too.
  const notifications = (run.invocations ?? []).flatMap((invocation) => invocation.toolConfigurationNotifications ?? []);
  for (const { locations } of [...(run.results ?? []), ...notifications]) {
    for (const { physicalLocation } of locations ?? []) {
      if (physicalLocation?.region) delete physicalLocation.region.snippet;
      relativizeUri(physicalLocation?.artifactLocation, data.cwd);
    }
  }
  run.originalUriBaseIds = { [SOURCE_ROOT]: { uri: pathToFileURL(data.cwd + path.sep).href } };

  return `${JSON.stringify(log, null, 2)}\n`;
}
