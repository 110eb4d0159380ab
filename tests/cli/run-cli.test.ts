// The CLI in-process, with a stand-in rule (tests/cli/fake-rule.ts) in place of the real rule registry,
// so that findings, fixes, baselines and SARIF enrichment are tested whatever rules exist today.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ESLint } from "eslint";
import type { Log } from "sarif";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli";
import { FINGERPRINT_KEY } from "../../src/cli/sarif";
import { packageInfo } from "../../src/package-info";
import { sarifSchemaErrors } from "../helpers/sarif-schema";

vi.mock("../../rules/index", async () => {
  const { noHazard } = await vi.importActual<typeof import("./fake-rule")>("./fake-rule");
  return { rules: { "no-hazard": noHazard } };
});

// SARIF `help` is read from `<package root>/rules/<name>.md`: give the stand-in rule a doc of its own.
vi.mock("../../src/package-info", async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const nodePath = await import("node:path");
  const root = fs.mkdtempSync(nodePath.join(os.tmpdir(), "dynamodb-security-package-"));
  fs.mkdirSync(nodePath.join(root, "rules"));
  fs.writeFileSync(
    nodePath.join(root, "rules", "no-hazard.md"),
    "# Disallow calls of hazard() (`dynamodb-security/no-hazard`)\n\n<!-- end auto-generated rule header -->\n\nhazard() sends data in cleartext.\n",
  );
  return { packageInfo: { name: "eslint-plugin-dynamodb-security", version: "9.9.9", root } };
});

const RULE_ID = "dynamodb-security/no-hazard";
let project: string;

function write(relativePath: string, text: string): void {
  const filePath = path.join(project, relativePath);
  mkdirSync(path.dirname(filePath), { recursive: true });
  writeFileSync(filePath, text);
}

async function cli(...argv: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runCli(argv, {
    cwd: project,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { exitCode, stdout, stderr };
}

/** (rule, file, line) of every message in a JSON report. */
async function findings(...argv: string[]): Promise<string[]> {
  const { stdout } = await cli("--format", "json", ...argv);
  return (JSON.parse(stdout) as ESLint.LintResult[]).flatMap((result) =>
    result.messages.map((message) => `${message.ruleId ?? "parse-error"} ${path.relative(project, result.filePath)}:${message.line}`),
  );
}

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), "dynamodb-security-cli-"));
});
// The stand-in package root made by the package-info mock.
afterAll(() => rmSync(packageInfo.root, { recursive: true, force: true }));

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe("runCli", () => {
  it("reports findings in stylish format and exits 1", async () => {
    write("src/db.ts", "export function save() {\n  return hazard();\n}\n");
    const { exitCode, stdout } = await cli();
    expect(exitCode).toBe(1);
    expect(stdout).toContain(path.join(project, "src/db.ts"));
    expect(stdout).toMatch(/2:10\s+error\s+Calling hazard\(\) is unsafe; call safe\(\) instead\s+dynamodb-security\/no-hazard/);
  });

  it("exits 0 and prints nothing without findings", async () => {
    write("src/db.ts", "export const save = () => safe();\n");
    expect(await cli()).toEqual({ exitCode: 0, stdout: "", stderr: "" });
  });

  it("ignores directives and inline configs that name other tools' rules", async () => {
    write(
      "src/component.tsx",
      [
        "/* eslint-env browser */",
        "/* eslint no-console: off */",
        "/* eslint no-debugger: error, react/jsx-key: warn */",
        "import { useEffect } from 'react';",
        "export function Notes({ id }: { id: string }) {",
        "  // eslint-disable-next-line react-hooks/exhaustive-deps",
        "  useEffect(() => { debugger; }, []);",
        "  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- legacy",
        "  const legacy: any = id;",
        "  return <div>{legacy}</div>;",
        "}",
      ].join("\n"),
    );
    expect(await cli()).toEqual({ exitCode: 0, stdout: "", stderr: "" });
  });

  it("honours directives that name its own rules", async () => {
    write("src/db.js", "// eslint-disable-next-line dynamodb-security/no-hazard -- reviewed\nhazard();\n");
    expect(await cli()).toMatchObject({ exitCode: 0, stdout: "" });
  });

  it("applies only this plugin's fixes with --fix", async () => {
    write("src/db.js", "/* eslint prefer-const: error */\nlet table = 'notes';\nhazard(table);\n");
    expect((await cli("--fix")).exitCode).toBe(0);
    expect(readFileSync(path.join(project, "src/db.js"), "utf8")).toBe("/* eslint prefer-const: error */\nlet table = 'notes';\nsafe(table);\n");
  });

  it("reports a file that does not parse and still lints the others", async () => {
    write("src/broken.ts", "export const = ;\n");
    write("src/db.ts", "hazard();\n");
    expect(await findings()).toEqual(["parse-error src/broken.ts:1", `${RULE_ID} src/db.ts:1`]);
    expect((await cli()).exitCode).toBe(1);
  });

  it("lints paths outside the working folder", async () => {
    write("service/src/db.ts", "hazard();\n");
    mkdirSync(path.join(project, "tools"));
    const outer = project;
    project = path.join(outer, "tools");
    try {
      expect(await findings("../service")).toEqual([`${RULE_ID} ../service/src/db.ts:1`]);
    } finally {
      project = outer;
    }
  });

  it("fails on warnings only beyond --max-warnings", async () => {
    write("src/db.js", `/* eslint ${RULE_ID}: warn */\nhazard();\nhazard();\n`);
    expect((await cli()).exitCode).toBe(0);
    expect((await cli("--max-warnings", "2")).exitCode).toBe(0);
    const { exitCode, stderr } = await cli("--max-warnings", "1");
    expect(exitCode).toBe(1);
    expect(stderr).toBe("dynamodb-security: too many warnings (2, maximum: 1)\n");
  });

  it("writes JSON without file sources", async () => {
    write("src/db.ts", "const secretTableName = 'x';\nhazard(secretTableName);\n");
    const { stdout } = await cli("--format", "json");
    expect(stdout).not.toContain("secretTableName");
    const [result] = JSON.parse(stdout) as ESLint.LintResult[];
    expect(result).not.toHaveProperty("source");
    expect(result.messages).toHaveLength(1);
  });

  it("writes the report to --output-file instead of standard output", async () => {
    write("src/db.ts", "hazard();\n");
    const { exitCode, stdout } = await cli("--format", "json", "--output-file", "reports/dynamodb.json");
    expect(exitCode).toBe(1);
    expect(stdout).toBe("");
    const report = JSON.parse(readFileSync(path.join(project, "reports/dynamodb.json"), "utf8")) as ESLint.LintResult[];
    expect(report[0].messages[0].ruleId).toBe(RULE_ID);
  });

  it("rejects unknown options and values with exit code 2 and one line", async () => {
    for (const argv of [["--colour"], ["--format", "xml"], ["--config", "lenient"], ["--max-warnings", "many"], ["--update-baseline"]]) {
      const { exitCode, stderr } = await cli(...argv);
      expect(exitCode).toBe(2);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });

  describe("SARIF", () => {
    it("describes rules for code scanning and never embeds file contents", async () => {
      vi.stubEnv("SARIF_ESLINT_EMBED", "true");
      write("src/notes/[id].ts", "const unusualMarker = 1;\nhazard(unusualMarker);\n");
      const { exitCode, stdout } = await cli("--format", "sarif");
      vi.unstubAllEnvs();
      expect(exitCode).toBe(1);
      expect(stdout).not.toContain("unusualMarker");
      const log = JSON.parse(stdout) as Log;
      expect(sarifSchemaErrors(log)).toEqual([]);
      const [run] = log.runs;
      expect(run.tool.driver).toMatchObject({ name: "dynamodb-security", version: "9.9.9" });
      expect(run.tool.driver.rules).toEqual([
        expect.objectContaining({
          id: RULE_ID,
          shortDescription: { text: "Disallow calls of hazard()" },
          help: {
            text: "# Disallow calls of hazard() (`dynamodb-security/no-hazard`)\n\nhazard() sends data in cleartext.",
            markdown: "# Disallow calls of hazard() (`dynamodb-security/no-hazard`)\n\nhazard() sends data in cleartext.",
          },
          properties: expect.objectContaining({ tags: ["security", "external/cwe/cwe-319"], "security-severity": "7.4" }),
        }),
      ]);
      expect(run.results).toHaveLength(1);
      expect(run.results?.[0].locations?.[0].physicalLocation?.artifactLocation).toMatchObject({
        uri: "src/notes/%5Bid%5D.ts",
        uriBaseId: "%SRCROOT%",
      });
      expect(run.results?.[0].partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:1$/);
    });

    it("keeps fingerprints when lines shift and numbers identical lines", async () => {
      const fingerprints = async () => {
        const log = JSON.parse((await cli("--format", "sarif")).stdout) as Log;
        return log.runs[0].results?.map((result) => result.partialFingerprints?.[FINGERPRINT_KEY]);
      };
      write("src/db.ts", "hazard(table);\nhazard(table);\nhazard(other);\n");
      const before = await fingerprints();
      expect(new Set(before).size).toBe(3);
      expect(before?.[0]?.replace(/:1$/, ":2")).toBe(before?.[1]);

      write("src/db.ts", "// a comment that shifts every line\nimport { x } from './x';\n\n    hazard(table);\nhazard(table);\n  hazard(other);\n");
      expect(await fingerprints()).toEqual(before);
    });
  });

  describe("--baseline", () => {
    it("records current findings and reports only new ones afterwards, across line shifts", async () => {
      write("src/db.ts", "export function load() {\n  return hazard('notes');\n}\n");
      write("src/app.ts", "hazard(1);\nhazard(1);\n");

      const recorded = await cli("--baseline", "dynamodb-baseline.json", "--update-baseline");
      expect(recorded).toMatchObject({ exitCode: 0, stdout: "" });
      expect(recorded.stderr).toContain("recorded 3 finding(s) in dynamodb-baseline.json");
      const baseline = JSON.parse(readFileSync(path.join(project, "dynamodb-baseline.json"), "utf8"));
      expect(baseline).toMatchObject({
        version: 1,
        findings: [
          { rule: RULE_ID, file: "src/app.ts", count: 2 },
          { rule: RULE_ID, file: "src/db.ts", count: 1 },
        ],
      });

      expect(await cli("--baseline", "dynamodb-baseline.json")).toEqual({ exitCode: 0, stdout: "", stderr: "" });

      // Lines move and get re-indented: still known. A third identical line and a new call are new.
      write("src/db.ts", "import { hazard } from './hazard';\n\nexport function load() {\n    return hazard('notes');\n}\n");
      write("src/app.ts", "// header\nhazard(1);\nhazard(1);\nhazard(1);\nhazard(2);\n");
      expect(await findings("--baseline", "dynamodb-baseline.json")).toEqual([`${RULE_ID} src/app.ts:4`, `${RULE_ID} src/app.ts:5`]);
    });

    it("matches paths relative to the baseline file, whatever the working folder", async () => {
      write("service/src/db.ts", "hazard();\n");
      expect((await cli("--baseline", "service/baseline.json", "--update-baseline", "service")).exitCode).toBe(0);
      expect(JSON.parse(readFileSync(path.join(project, "service/baseline.json"), "utf8")).findings[0].file).toBe("src/db.ts");
      const outer = project;
      project = path.join(outer, "service");
      try {
        expect((await cli("--baseline", "baseline.json")).exitCode).toBe(0);
      } finally {
        project = outer;
      }
    });

    it("does not baseline files that do not parse", async () => {
      write("src/broken.ts", "export const = ;\n");
      expect((await cli("--baseline", "b.json", "--update-baseline")).exitCode).toBe(1);
      expect((await cli("--baseline", "b.json")).exitCode).toBe(1);
    });

    it("names a missing or malformed baseline file with exit code 2", async () => {
      write("src/db.ts", "hazard();\n");
      const missing = await cli("--baseline", "nope.json");
      expect(missing.exitCode).toBe(2);
      expect(missing.stderr).toContain("nope.json: file not found");
      write("bad.json", '{"findings": {}}');
      expect((await cli("--baseline", "bad.json")).exitCode).toBe(2);
      expect(existsSync(path.join(project, "nope.json"))).toBe(false);
    });
  });

  it("prints the version of package.json", async () => {
    expect(await cli("--version")).toEqual({ exitCode: 0, stdout: `${packageInfo.version}\n`, stderr: "" });
  });
});
