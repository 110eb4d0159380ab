import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { AST_NODE_TYPES as ENUM } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "../../src/analysis/node-types";
import { createRule } from "../../src/utils/create-rule";

type Options = [{ names: string[]; strict: boolean }];

/** A rule that records the options its `create` receives and reports them. */
function recordingRule() {
  const received: Options[0][] = [];
  const rule = createRule<Options, "seen">({
    name: "recording",
    meta: {
      type: "problem",
      docs: { description: "Disallow nothing (records options)", recommended: false, cwe: [], securitySeverity: 0 },
      messages: { seen: "{{options}}" },
      schema: [
        {
          type: "object",
          additionalProperties: false,
          properties: { names: { type: "array", items: { type: "string" }, description: "names" }, strict: { type: "boolean", description: "strict" } },
        },
      ],
      defaultOptions: [{ names: ["a"], strict: false }],
    },
    create(context, [options]) {
      received.push(options);
      return { Program: (node) => context.report({ node, messageId: "seen", data: { options: JSON.stringify(options) } }) };
    },
  });
  return { rule, received };
}

function lint(rule: ReturnType<typeof recordingRule>["rule"], setting: unknown): string {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify("x;", [{ plugins: { t: { rules: { recording: rule as unknown as import("eslint").Rule.RuleModule } } }, rules: { "t/recording": setting as Linter.RuleEntry } }], "file.js");
  return messages.map((message) => message.message).join("\n");
}

describe("createRule", () => {
  it("sets the docs URL from the rule name", () => {
    expect(recordingRule().rule.meta.docs?.url).toMatch(/\/rules\/recording\.md$/);
  });

  it("merges the defaults into the options each file is linted with, and remembers the merge", () => {
    const { rule, received } = recordingRule();
    expect(lint(rule, "error")).toBe('{"names":["a"],"strict":false}');
    expect(lint(rule, "error")).toBe('{"names":["a"],"strict":false}');
    expect(lint(rule, ["error", { strict: true }])).toBe('{"names":["a"],"strict":true}');
    expect(lint(rule, ["error", { strict: true }])).toBe('{"names":["a"],"strict":true}');
    expect(lint(rule, ["error", { names: ["b", "c"] }])).toBe('{"names":["b","c"],"strict":false}');
    // The same configuration, linted again, gets the options object merged the first time.
    expect(received[1]).toBe(received[0]);
    expect(received[3]).toBe(received[2]);
    expect(received[2]).not.toBe(received[0]);
    expect(received[4]).not.toBe(received[2]);
  });
});

describe("AST_NODE_TYPES (src/analysis/node-types)", () => {
  it("has every node type of the enum, as plain data properties", () => {
    expect(AST_NODE_TYPES).toEqual({ ...ENUM });
    for (const key of Object.keys(ENUM)) {
      expect(Object.getOwnPropertyDescriptor(AST_NODE_TYPES, key)?.get).toBeUndefined();
    }
  });
});
