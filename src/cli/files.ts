import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { CliUsageError, LINTABLE_EXTENSIONS } from "./options";

import { DECLARATION_FILE, GENERATED_DIRECTORIES } from "../analysis/project";

export class MissingPathError extends CliUsageError {
  constructor(readonly missingPath: string) {
    super(`No such file or directory: ${missingPath}`);
  }
}

function isLintableFile(fileName: string): boolean {
  return LINTABLE_EXTENSIONS.includes(path.extname(fileName)) && !DECLARATION_FILE.test(fileName);
}

/** The TypeScript sources a JavaScript file is compiled from, by extension: tsc without `outDir` writes `x.js` beside `x.ts`. */
const COMPILED_FROM: Readonly<Record<string, readonly string[]>> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

/** A JavaScript file beside the TypeScript source it was compiled from (`names`: its folder's entries): the source is scanned, not the copy. */
function isCompiledCopy(fileName: string, names: ReadonlySet<string>): boolean {
  const extension = path.extname(fileName);
  const base = fileName.slice(0, -extension.length);
  return (COMPILED_FROM[extension] ?? []).some((source) => names.has(base + source));
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** The folder whose `.gitignore` files apply: the enclosing git work tree, else `cwd`, else the path itself. */
function findRoot(target: string, cwd: string): string {
  for (let directory = target; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, ".git"))) return directory;
    if (path.dirname(directory) === directory) break;
  }
  if (isInside(cwd, target)) return cwd;
  return statSync(target).isDirectory() ? target : path.dirname(target);
}

/**
 * Answers "is this path ignored?" with git's rules: every `.gitignore` from the root down to the path's
 * folder applies to paths relative to its own folder, and a deeper file's `!pattern` overrides a shallower one.
 */
class GitignoreMatcher {
  private readonly matchers = new Map<string, Ignore | undefined>();

  constructor(private readonly root: string) {}

  isIgnored(absolutePath: string, isDirectory: boolean): boolean {
    const relativeToRoot = path.relative(this.root, absolutePath);
    if (relativeToRoot === "") return false;
    const segments = relativeToRoot.split(path.sep);
    if (segments.slice(0, isDirectory ? undefined : -1).some((segment) => GENERATED_DIRECTORIES.includes(segment))) {
      return true;
    }
    let ignored = false;
    for (let depth = 0; depth < segments.length; depth++) {
      const directory = path.join(this.root, ...segments.slice(0, depth));
      const matcher = this.matcherFor(directory);
      if (!matcher) continue;
      const relative = segments.slice(depth).join("/") + (isDirectory ? "/" : "");
      const result = matcher.test(relative);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private matcherFor(directory: string): Ignore | undefined {
    if (!this.matchers.has(directory)) {
      let matcher: Ignore | undefined;
      try {
        matcher = ignore().add(readFileSync(path.join(directory, ".gitignore"), "utf8"));
      } catch {
        matcher = undefined; // no .gitignore in this folder
      }
      this.matchers.set(directory, matcher);
    }
    return this.matchers.get(directory);
  }
}

/**
 * Every JS/TS file under `targets` (files or folders, relative to `cwd`), minus ignored ones, sorted.
 * Symbolic links are not followed: they lead into dependencies or loops far more often than into sources.
 */
export function collectFiles(targets: readonly string[], cwd: string): string[] {
  const files = new Set<string>();
  const matchers = new Map<string, GitignoreMatcher>();

  for (const target of targets) {
    const absoluteTarget = path.resolve(cwd, target);
    if (!existsSync(absoluteTarget)) throw new MissingPathError(target);
    const root = findRoot(absoluteTarget, cwd);
    let matcher = matchers.get(root);
    if (!matcher) {
      matcher = new GitignoreMatcher(root);
      matchers.set(root, matcher);
    }

    const targetIsDirectory = statSync(absoluteTarget).isDirectory();
    if (!targetIsDirectory) {
      if (isLintableFile(absoluteTarget) && !matcher.isIgnored(absoluteTarget, false)) files.add(absoluteTarget);
      continue;
    }
    if (matcher.isIgnored(absoluteTarget, true)) continue;

    const pending = [absoluteTarget];
    for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
      const entries = readdirSync(directory, { withFileTypes: true });
      const names = new Set(entries.map((entry) => entry.name));
      for (const entry of entries) {
        const entryPath = path.join(directory, entry.name);
        if (entry.isDirectory()) {
          if (!matcher.isIgnored(entryPath, true)) pending.push(entryPath);
        } else if (entry.isFile() && isLintableFile(entry.name) && !isCompiledCopy(entry.name, names) && !matcher.isIgnored(entryPath, false)) {
          files.add(entryPath);
        }
      }
    }
  }
  return [...files].sort();
}
