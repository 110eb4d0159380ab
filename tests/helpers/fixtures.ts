// Fixture projects and the findings their marker comments declare (`// expect: <rule>[, <rule>]`).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const FIXTURES = path.resolve(__dirname, "../../fixtures");
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
const MARKER = /\/\/ expect: (.+)$/;

export function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** `<rule id> <file relative to the fixture>:<line>` of every marker in a fixture, sorted. */
export function markedFindings(fixture: string): string[] {
  const directory = path.join(FIXTURES, fixture);
  return sourceFiles(directory)
    .flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => {
          const ruleNames = MARKER.exec(line)?.[1].split(",") ?? [];
          const location = `${path.relative(directory, file).split(path.sep).join("/")}:${index + 1}`;
          return ruleNames.map((name) => `dynamodb-security/${name.trim()} ${location}`);
        }),
    )
    .sort();
}

