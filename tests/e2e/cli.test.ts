// The built CLI (dist/src/cli.js, built by tests/global-setup.ts) as a user runs it.
//
// Expected findings live in the fixtures themselves: a reported line ends with `// expect: <rule>` (or
// `// expect: <rule-a>, <rule-b>`). The CLI must report exactly the marked (rule, file, line) findings.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ESLint } from "eslint";
import type { Log } from "sarif";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rules } from "../../rules";
import { sarifSchemaErrors } from "../helpers/sarif-schema";
import { FIXTURES, markedFindings, sourceFiles } from "../helpers/fixtures";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "dist/src/cli.js");

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runBuiltCli(args: string[], cwd = ROOT): CliRun {
  const { status, stdout, stderr } = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { status, stdout, stderr };
}

/** Several tests read the JSON report of vulnerable-api: scan it once. */
let vulnerableJsonRun: CliRun | undefined;
function scanVulnerableApiAsJson(): CliRun {
  vulnerableJsonRun ??= runBuiltCli(["--format", "json", "fixtures/vulnerable-api"]);
  return vulnerableJsonRun;
}

/** The same shape from a JSON report; a parse error shows up as `parse-error` and matches no marker. */
function reportedFindings(report: string, baseDirectory: string): string[] {
  return (JSON.parse(report) as ESLint.LintResult[])
    .flatMap((result) =>
      result.messages.map((message) => {
        const location = `${path.relative(baseDirectory, result.filePath).split(path.sep).join("/")}:${message.line}`;
        return `${message.ruleId ?? `parse-error(${message.message})`} ${location}`;
      }),
    )
    .sort();
}

describe("fixtures", () => {
  it("secure-api: no findings, exit 0", () => {
    expect(markedFindings("secure-api")).toEqual([]);
    const run = runBuiltCli(["--format", "json", "fixtures/secure-api"]);
    expect(reportedFindings(run.stdout, path.join(FIXTURES, "secure-api"))).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("vulnerable-api: exactly the marked findings", () => {
    const expected = markedFindings("vulnerable-api");
    const run = scanVulnerableApiAsJson();
    expect(reportedFindings(run.stdout, path.join(FIXTURES, "vulnerable-api"))).toEqual(expected);
    // Exit 1 as soon as the fixture demonstrates a rule (until the first rule lands it cannot).
    expect(run.status).toBe(expected.length > 0 ? 1 : 0);
  });

  it("layered-api: handlers → services → repositories in other modules (Express/CJS, NestJS, Lambda, Next.js): exactly the marked findings", () => {
    const expected = markedFindings("layered-api");
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const run = runBuiltCli(["--format", "json", "fixtures/layered-api"]);
    expect(reportedFindings(run.stdout, path.join(FIXTURES, "layered-api"))).toEqual(expected);
    expect(run.status).toBe(1);
  });

  it("vulnerable-api demonstrates every rule", () => {
    const demonstrated = new Set(markedFindings("vulnerable-api").map((finding) => finding.split(" ")[0]));
    const missing = Object.keys(rules)
      .map((name) => `dynamodb-security/${name}`)
      .filter((ruleId) => !demonstrated.has(ruleId));
    expect(missing, "add a vulnerable line with `// expect: <rule>` to fixtures/vulnerable-api").toEqual([]);
  });

  it("npm run scan:example scans vulnerable-api", () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["scan:example"]).toBe("node dist/src/cli.js fixtures/vulnerable-api");
  });
});

describe("reports", () => {
  // A distinctive text of the fixture's source: a report that contains it embeds code.
  const SOURCE_TEXT = "ConditionalCheckFailedException";

  it("--format json: ESLint results without file sources", () => {
    const run = scanVulnerableApiAsJson();
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(results.length).toBe(sourceFiles(path.join(FIXTURES, "vulnerable-api")).length);
    for (const result of results) {
      expect(result).not.toHaveProperty("source");
      expect(result).not.toHaveProperty("output");
    }
    expect(run.stdout).not.toContain(SOURCE_TEXT);
  });

  it("--format sarif: valid SARIF 2.1.0 with rule help and no file contents", () => {
    const run = runBuiltCli(["--format", "sarif", "fixtures/vulnerable-api"], ROOT);
    const log = JSON.parse(run.stdout) as Log;
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.version).toBe("2.1.0");
    expect(run.stdout).not.toContain(SOURCE_TEXT);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe("dynamodb-security");
    expect(sarifRun.artifacts?.every((artifact) => artifact.contents === undefined)).toBe(true);
    expect(sarifRun.artifacts?.map((artifact) => artifact.location?.uri)).toContain("fixtures/vulnerable-api/src/app.ts");
    for (const rule of sarifRun.tool.driver.rules ?? []) {
      expect(rule.help?.markdown, rule.id).toBeTruthy();
      expect(rule.properties?.tags, rule.id).toContain("security");
      expect(rule.properties?.["security-severity"], rule.id).toMatch(/^\d+\.\d$/);
    }
    for (const result of sarifRun.results ?? []) {
      expect(result.partialFingerprints?.["dynamodbSecurity/v1"]).toMatch(/^[0-9a-f]{32}:\d+$/);
    }
  });

  it("--output-file writes the report there and nothing to standard output", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "dynamodb-security-report-"));
    try {
      const outputFile = path.join(directory, "results", "dynamodb.sarif");
      const run = runBuiltCli(["--format", "sarif", "--output-file", outputFile, "fixtures/secure-api"]);
      expect(run).toMatchObject({ status: 0, stdout: "" });
      expect((JSON.parse(readFileSync(outputFile, "utf8")) as Log).runs[0].results).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("command line", () => {
  it("--version prints the package version", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(runBuiltCli(["--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("--help prints usage", () => {
    const run = runBuiltCli(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: dynamodb-security \[options\] \[paths\.\.\.\]/);
    for (const option of ["--config", "--format", "--output-file", "--fix", "--max-warnings", "--baseline", "--update-baseline"]) {
      expect(run.stdout).toContain(option);
    }
  });

  it("a missing path: exit 2 and one line that names it", () => {
    const run = runBuiltCli(["fixtures/secure-api", "fixtures/no-such-service"]);
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: "dynamodb-security: No such file or directory: fixtures/no-such-service\n",
    });
  });

  it("an unknown option: exit 2", () => {
    expect(runBuiltCli(["--formatt", "json"]).status).toBe(2);
  });
});

describe("ad-hoc projects", () => {
  let project: string;
  const write = (relativePath: string, text: string) => {
    const filePath = path.join(project, relativePath);
    mkdirSync(path.dirname(filePath), { recursive: true });
    writeFileSync(filePath, text);
  };
  const UNPARSABLE = "export const = ;\n";

  beforeEach(() => {
    project = mkdtempSync(path.join(tmpdir(), "dynamodb-security-e2e-"));
  });
  afterEach(() => {
    rmSync(project, { recursive: true, force: true });
  });

  it("reports every file that does not parse, goes on, and exits 1", () => {
    write("src/broken.ts", UNPARSABLE);
    write("src/also-broken.js", "function (\n");
    write("src/fine.tsx", "export const Note = ({ title }: { title: string }) => <h1>{title}</h1>;\n");
    write("src/fine.cjs", "module.exports = { table: process.env.TABLE };\nreturn;\n");
    const run = runBuiltCli(["--format", "json", "."], project);
    expect(run.status).toBe(1);
    expect(reportedFindings(run.stdout, project)).toEqual([
      expect.stringMatching(/^parse-error\(Parsing error: .*\) src\/also-broken\.js:1$/),
      expect.stringMatching(/^parse-error\(Parsing error: .*\) src\/broken\.ts:1$/),
    ]);
    expect((JSON.parse(run.stdout) as ESLint.LintResult[]).map((result) => path.basename(result.filePath))).toEqual([
      "also-broken.js",
      "broken.ts",
      "fine.cjs",
      "fine.tsx",
    ]);
  });

  it("--settings: the analysis settings of an ESLint config, from a JSON file; a key it does not know is a usage error", () => {
    write(
      "app.js",
      `const AWS = require("aws-sdk");
const db = new AWS.DynamoDB.DocumentClient();
const app = require("express")();
app.delete("/notes/:id", async (req, res) => {
  await db.delete({ TableName: "Notes", Key: { ownerId: req.session.account, id: req.params.id } }).promise();
  res.json({});
});
`,
    );
    write("settings.json", JSON.stringify({ callerSources: ["req.session.account"] }));
    write("typo.json", JSON.stringify({ callerSource: ["req.session.account"] }));
    const without = runBuiltCli(["--format", "json", "app.js"], project);
    expect(reportedFindings(without.stdout, project)).toEqual(["dynamodb-security/require-ownership-check app.js:5"]);
    const configured = runBuiltCli(["--settings", "settings.json", "app.js"], project);
    expect([configured.status, configured.stdout]).toEqual([0, ""]);
    const typo = runBuiltCli(["--settings", "typo.json", "app.js"], project);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('unknown setting "callerSource"');
  });

  it("skips ignored folders, .gitignore'd files and declaration files", () => {
    const ignoredFolders = ["node_modules", "dist", "build", "coverage", "cdk.out", ".serverless", ".aws-sam", ".next", ".open-next", ".sst", ".amplify"];
    for (const folder of ignoredFolders) write(`${folder}/index.js`, UNPARSABLE);
    write("packages/api/node_modules/lib/index.js", UNPARSABLE);
    write(".gitignore", "generated/\n*.local.ts\n");
    write("generated/client.ts", UNPARSABLE);
    write("src/settings.local.ts", UNPARSABLE);
    write("src/types.d.ts", UNPARSABLE);
    write("src/index.ts", UNPARSABLE);
    const run = runBuiltCli(["--format", "json"], project);
    expect(reportedFindings(run.stdout, project)).toEqual([expect.stringMatching(/ src\/index\.ts:1$/)]);
  });

  it("directives and inline configs naming other tools' rules produce nothing", () => {
    write(
      "src/notes-list.jsx",
      [
        "/* eslint-env browser */",
        "/* eslint no-console: off */",
        "/* eslint no-alert: error, react/jsx-key: warn */",
        "import { useEffect, useState } from 'react';",
        "export function NotesList({ ownerId }) {",
        "  const [notes, setNotes] = useState([]);",
        "  useEffect(() => {",
        "    fetch(`/notes?owner=${ownerId}`).then((response) => response.json()).then(setNotes);",
        "    // eslint-disable-next-line react-hooks/exhaustive-deps",
        "  }, []);",
        "  alert(notes.length);",
        "  return <ul>{notes.map((note) => <li>{note.title}</li>)}</ul>;",
        "}",
      ].join("\n"),
    );
    write("src/legacy.ts", "// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const legacy: any = 1;\n");
    expect(runBuiltCli(["."], project)).toEqual({ status: 0, stdout: "", stderr: "" });
  });
});
