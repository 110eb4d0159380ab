import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectFiles, MissingPathError } from "../../src/cli/files";

let project: string;

function write(relativePath: string, text = "export {};\n"): void {
  const filePath = path.join(project, relativePath);
  mkdirSync(path.dirname(filePath), { recursive: true });
  writeFileSync(filePath, text);
}

function collected(targets: string[] = ["."]): string[] {
  return collectFiles(targets, project).map((file) => path.relative(project, file).split(path.sep).join("/"));
}

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), "dynamodb-security-files-"));
});
afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe("collectFiles", () => {
  it("finds every JS and TS flavour and nothing else", () => {
    for (const extension of ["js", "cjs", "mjs", "jsx", "ts", "cts", "mts", "tsx", "json", "md", "vue"]) {
      write(`src/file-${extension}.${extension}`);
    }
    expect(collected()).toEqual(
      ["cjs", "cts", "js", "jsx", "mjs", "mts", "ts", "tsx"].map((extension) => `src/file-${extension}.${extension}`),
    );
  });

  it("skips JavaScript compiled beside its TypeScript source, and keeps JavaScript with no such twin", () => {
    for (const name of ["src/handler.ts", "src/handler.js", "src/view.tsx", "src/view.jsx", "src/view.js", "src/esm.mts", "src/esm.mjs", "src/cjs.cts", "src/cjs.cjs"]) write(name);
    write("src/legacy.js");
    write("src/other/handler.js"); // another folder's file of the same name
    write("src/esm.ts.bak");
    expect(collected()).toEqual(["src/cjs.cts", "src/esm.mts", "src/handler.ts", "src/legacy.js", "src/other/handler.js", "src/view.tsx"]);
    // Named on the command line, a file is scanned whatever lies beside it.
    expect(collected(["src/handler.js"])).toEqual(["src/handler.js"]);
  });

  it("skips declaration files", () => {
    write("src/types.d.ts");
    write("src/types.d.mts");
    write("src/handler.ts");
    expect(collected()).toEqual(["src/handler.ts"]);
  });

  it("skips build output, dependencies and deployment folders at any depth", () => {
    const skipped = ["node_modules", "dist", "build", "coverage", "cdk.out", ".serverless", ".aws-sam", ".next", ".open-next", ".sst", ".amplify", ".git"];
    for (const folder of skipped) {
      write(`${folder}/index.js`);
      write(`packages/api/${folder}/index.js`);
    }
    write("packages/api/src/index.ts");
    write("src/build-orders.ts"); // a file whose name merely contains an ignored word
    expect(collected()).toEqual(["packages/api/src/index.ts", "src/build-orders.ts"]);
  });

  it("respects .gitignore files of the root and of nested folders, including negations", () => {
    write(".gitignore", "generated/\n*.gen.ts\n");
    write("generated/client.ts");
    write("src/schema.gen.ts");
    write("src/app.ts");
    write("packages/web/.gitignore", "legacy/\n!keep.gen.ts\n");
    write("packages/web/legacy/old.js");
    write("packages/web/keep.gen.ts");
    write("packages/web/drop.gen.ts");
    expect(collected()).toEqual(["packages/web/keep.gen.ts", "src/app.ts"]);
  });

  it("applies the .gitignore of the enclosing git work tree when a sub-folder is scanned", () => {
    mkdirSync(path.join(project, ".git"));
    write(".gitignore", "fixtures/**/generated/\n");
    write("fixtures/api/generated/x.ts");
    write("fixtures/api/src/y.ts");
    expect(collected(["fixtures/api"])).toEqual(["fixtures/api/src/y.ts"]);
  });

  it("lints named files, de-duplicated, and treats brackets in names literally", () => {
    write("app/notes/[id]/route.ts");
    write("src/a.ts");
    expect(collected(["app/notes/[id]/route.ts", "src/a.ts", "src", "./src/a.ts"])).toEqual(["app/notes/[id]/route.ts", "src/a.ts"]);
  });

  it("skips named files that are not JS/TS or are ignored", () => {
    write("README.md");
    write("dist/index.js");
    expect(collected(["README.md", "dist/index.js"])).toEqual([]);
  });

  it("names a path that does not exist", () => {
    expect(() => collected(["src/missing.ts"])).toThrow(MissingPathError);
    expect(() => collected(["src/missing.ts"])).toThrow("No such file or directory: src/missing.ts");
  });
});
