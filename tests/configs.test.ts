// The plugin object as users load it, its generated configs, and the meta every rule must carry.
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import plugin from "../src/index";
import { REPOSITORY_URL, type DynamoDBSecurityDocs } from "../src/utils/create-rule";

const require = createRequire(__filename);
const ROOT = path.resolve(__dirname, "..");
const packageJson = require("../package.json") as { name: string; version: string; main: string };
const CONFIG_NAMES = ["recommended", "strict", "all"] as const;

function ruleIdsOf(configName: (typeof CONFIG_NAMES)[number]): string[] {
  return Object.keys(plugin.configs[configName].rules ?? {});
}

describe("plugin object", () => {
  it("require() of the build returns the plugin itself, not a module namespace", () => {
    const built = require(path.join(ROOT, packageJson.main)) as Record<string, unknown>;
    expect(Object.keys(built).sort()).toEqual(["configs", "meta", "rules"]);
    expect(built.meta).toEqual({ name: packageJson.name, version: packageJson.version });
    expect(Object.keys(built.rules as object).sort()).toEqual(Object.keys(plugin.rules).sort());
  });

  it("import of the build and of the sources give the same shape", async () => {
    const imported = (await import(path.join(ROOT, packageJson.main))) as { default: Record<string, unknown> };
    expect(Object.keys(imported.default).sort()).toEqual(["configs", "meta", "rules"]);
    expect(Object.keys(plugin).sort()).toEqual(["configs", "meta", "rules"]);
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });
});

describe("configs", () => {
  it("are recommended, strict and all, named and registering the plugin as dynamodb-security", () => {
    expect(Object.keys(plugin.configs).sort()).toEqual([...CONFIG_NAMES].sort());
    for (const configName of CONFIG_NAMES) {
      const config = plugin.configs[configName];
      expect(config.name).toBe(`dynamodb-security/${configName}`);
      expect(config.plugins?.["dynamodb-security"]).toBe(plugin);
    }
  });

  it("reference only existing rules, at error", () => {
    for (const configName of CONFIG_NAMES) {
      for (const [ruleId, entry] of Object.entries(plugin.configs[configName].rules ?? {})) {
        expect(ruleId).toMatch(/^dynamodb-security\//);
        expect(plugin.rules, `${configName} names ${ruleId}`).toHaveProperty([ruleId.slice("dynamodb-security/".length)]);
        expect(Array.isArray(entry) ? entry[0] : entry).toBe("error");
      }
    }
  });

  it("nest: recommended ⊆ strict ⊆ all, and all has every rule", () => {
    const [recommended, strict, all] = CONFIG_NAMES.map(ruleIdsOf);
    expect(strict).toEqual(expect.arrayContaining(recommended));
    expect(all).toEqual(expect.arrayContaining(strict));
    expect(all.sort()).toEqual(Object.keys(plugin.rules).map((name) => `dynamodb-security/${name}`).sort());
  });

  it("recommended has exactly the rules marked recommended; strict adds the ones with strict options", () => {
    const docsOf = (name: string) => plugin.rules[name].meta.docs as unknown as DynamoDBSecurityDocs;
    const names = Object.keys(plugin.rules);
    expect(ruleIdsOf("recommended").sort()).toEqual(
      names.filter((name) => docsOf(name).recommended).map((name) => `dynamodb-security/${name}`).sort(),
    );
    for (const name of names.filter((candidate) => docsOf(candidate).strictOptions)) {
      expect(plugin.configs.strict.rules?.[`dynamodb-security/${name}`]).toEqual(["error", docsOf(name).strictOptions]);
    }
  });
});

describe.each(Object.keys(plugin.rules).sort())("rule %s", (name) => {
  const { meta } = plugin.rules[name];
  const docs = meta.docs as unknown as DynamoDBSecurityDocs & { url?: string };

  it("links to its doc", () => {
    expect(docs.url).toBe(`${REPOSITORY_URL}/blob/main/rules/${name}.md`);
  });

  it("describes itself for configs, docs and code scanning", () => {
    expect(docs.description).toMatch(/^(Disallow|Require|Enforce) /);
    expect(typeof docs.recommended).toBe("boolean");
    expect(docs.cwe.length).toBeGreaterThan(0);
    for (const cwe of docs.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
    expect(docs.securitySeverity).toBeGreaterThanOrEqual(0);
    expect(docs.securitySeverity).toBeLessThanOrEqual(10);
  });

  it("has messages, a schema, and default options when it takes options", () => {
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    expect(meta.schema).toBeDefined();
    const takesOptions = !Array.isArray(meta.schema) || meta.schema.length > 0;
    if (takesOptions) expect(Array.isArray(meta.defaultOptions), "meta.defaultOptions").toBe(true);
  });
});
