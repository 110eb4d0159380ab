import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CliUsageError } from "../../src/cli/options";
import { readSettingsFile } from "../../src/cli/settings-file";

const directory = mkdtempSync(path.join(tmpdir(), "dynamodb-security-settings-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function settingsFile(text: string): string {
  const file = path.join(directory, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return file;
}

describe("--settings file", () => {
  it("reads the settings object as written", () => {
    const settings = { requestSources: ["request.pathVariables"], callerSources: ["whoAmI()"], authorizationFunctions: ["canEdit"], clientModules: ["./db"], crossModule: false };
    expect(readSettingsFile(settingsFile(JSON.stringify(settings)))).toEqual(settings);
  });

  it("refuses what it cannot use, naming the file and the problem", () => {
    const refused = (text: string) => {
      try {
        readSettingsFile(settingsFile(text));
      } catch (error) {
        expect(error).toBeInstanceOf(CliUsageError);
        return (error as Error).message;
      }
      return "accepted";
    };
    expect(refused("{ requestSources: [] }")).toMatch(/^Cannot read settings .*\.json: /);
    expect(refused("[]")).toMatch(/must hold a JSON object of settings/);
    expect(refused(JSON.stringify({ publicTables: ["Products"] }))).toMatch(/unknown setting "publicTables"/);
    expect(refused(JSON.stringify({ requestSources: "req.ctx" }))).toMatch(/"requestSources" must be a list of strings/);
    expect(refused(JSON.stringify({ crossModule: "no" }))).toMatch(/"crossModule" must be true or false/);
    expect(() => readSettingsFile(path.join(directory, "missing.json"))).toThrow(/Cannot read settings/);
  });
});
