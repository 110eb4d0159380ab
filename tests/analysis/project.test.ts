import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveModuleFile } from "../../src/analysis/project";
import { analyze } from "./helpers";

let project: string;

function write(relativePath: string, text: string): string {
  const file = path.join(project, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "dynamodb-security-project-"));
  write("src/http.ts", `import { Agent } from "node:https";\nexport const agent = new Agent({ keepAlive: true });\nconst local = { timeout: 1 };\nexport { local as options };\nexport default "default-value";\n`);
  write("src/legacy.cjs", `const https = require("https");\nmodule.exports = { agent: new https.Agent({}) };\nmodule.exports.timeout = 5;\n`);
  write("src/whole.js", `module.exports = "whole";\n`);
  write("src/lib/index.ts", `export const fromIndex = 1;\n`);
  write("src/second.ts", `import { agent } from "./http";\nexport const again = agent;\n`);
  write("src/broken.ts", `export const = ;\n`);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** The source text each `use(...)` argument stands for in the module it is imported from. */
function importedTexts(code: string, filename = path.join(project, "src/db.ts")): Array<string | undefined> {
  const { analysis, used } = analyze(code, { filename });
  return used().map((node) => {
    const imported = analysis.importedValue(node);
    return imported && `${imported.source} → ${imported.file.sourceCode.text.slice(imported.node.range[0], imported.node.range[1])}`;
  });
}

describe("project modules: imported values, one hop", () => {
  it("resolves ESM named, renamed, default and namespace imports, with TypeScript's .js convention", () => {
    expect(
      importedTexts(`import def, { agent, options as opts } from "./http"; import * as http from "./http.js"; use(agent, opts, def, http.agent);`),
    ).toEqual([
      "./http → new Agent({ keepAlive: true })",
      "./http → local",
      `./http → "default-value"`,
      "./http.js → new Agent({ keepAlive: true })",
    ]);
  });

  it("resolves require: destructured, member, whole module, and import x = require()", () => {
    expect(
      importedTexts(`const { agent } = require("./legacy.cjs"); const t = require("./legacy.cjs").timeout; const whole = require("./whole"); const m = require("./legacy.cjs"); use(agent, t, whole, m.agent);`),
    ).toEqual(["./legacy.cjs → new https.Agent({})", "./legacy.cjs → 5", `./whole → "whole"`, "./legacy.cjs → new https.Agent({})"]);
    expect(importedTexts(`import http = require("./http"); use(http.agent);`)).toEqual(["./http → new Agent({ keepAlive: true })"]);
    expect(importedTexts(`import { fromIndex } from "./lib"; use(fromIndex);`)).toEqual(["./lib → 1"]);
  });

  it("stays quiet for packages, missing modules and exports, type-only imports, unparsable files and local values", () => {
    expect(
      importedTexts(
        `import { Agent } from "https"; import { agent } from "./missing"; import { nothing } from "./http"; import type { agent as t } from "./http"; import { x } from "./broken"; const local = 1; use(Agent, agent, nothing, t, x, local);`,
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("does not follow imports without a file on disk, nor a second hop", () => {
    expect(importedTexts(`import { agent } from "./http"; use(agent);`, "file.ts")).toEqual([undefined]);
    const { analysis, used } = analyze(`import { again } from "./second"; use(again);`, { filename: path.join(project, "src/db.ts") });
    const imported = analysis.importedValue(used()[0])!;
    expect(analysis.importDepth).toBe(0);
    expect(imported.file.importDepth).toBe(1);
    expect(imported.file.sourceCode.text.slice(imported.node.range[0], imported.node.range[1])).toBe("agent");
    // ./second imports ./http, which exists, but an imported module's own imports are not followed.
    expect(imported.file.importedValue(imported.node)).toBeUndefined();
  });

  it("resolves module files the way Node.js and TypeScript do", () => {
    const from = path.join(project, "src/db.ts");
    expect(resolveModuleFile(from, "./http")).toBe(path.join(project, "src/http.ts"));
    expect(resolveModuleFile(from, "./http.js")).toBe(path.join(project, "src/http.ts"));
    expect(resolveModuleFile(from, "./legacy.cjs")).toBe(path.join(project, "src/legacy.cjs"));
    expect(resolveModuleFile(from, "./lib")).toBe(path.join(project, "src/lib/index.ts"));
    expect(resolveModuleFile(from, "https")).toBeUndefined();
    expect(resolveModuleFile("file.ts", "./http")).toBeUndefined();
  });
});
