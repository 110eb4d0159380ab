// Crash-freedom on real code: lints the JavaScript and TypeScript of the project's own installed
// dependencies with every rule of the plugin at its strictest (configs.all, strict options, autofix where
// offered) plus the analysis probe (every entry point of src/analysis), through the typescript-eslint
// parser, and fails on any exception thrown by a rule, on a file that takes too long, and on a fix or
// suggestion whose output does not parse. Prints files, megabytes, seconds and findings.
//
//   npm run test:corpus                   # the default corpus (see CORPUS below)
//   node scripts/test-corpus.mjs --jobs 1 --roots node_modules/eslint/lib,node_modules/@smithy
//   node scripts/test-corpus.mjs --roots ../my-dynamodb-app   # real applications, under their own paths
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import { JAVASCRIPT_FILE, ROOT, collectFiles, configFor, lintName, loadAnalysis, loadPlugin, loadProbe, strictRuleSettings } from "./lib/corpus.mjs";

/**
 * The default corpus: every package the project installs, without declaration files and without the
 * TypeScript compiler's 9 MB bundles (typescript/lib is represented by its smaller modules). About 6,400
 * files and 45 MB, about 230 s of CPU time (two minutes on an idle 2-core machine); see docs/performance.md.
 */
const CORPUS = ["node_modules"];
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** A file whose lint takes longer than this (wall clock) counts as a hang; the slowest real file takes ~10 s on an idle 2-core machine. */
const HANG_SECONDS = 300;
/** Fix checks re-parse the file per fix: only for findings in files up to this size, at most this many per file. */
const FIX_CHECK_BYTES = 512 * 1024;
const FIX_CHECKS_PER_FILE = 20;

function parseArguments(argv) {
  const options = { jobs: Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length)), roots: CORPUS, declarations: false, maxBytes: MAX_FILE_BYTES, limit: Infinity, hangSeconds: HANG_SECONDS };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--jobs") options.jobs = Number(argv[++i]);
    else if (argument === "--roots") options.roots = argv[++i].split(",");
    else if (argument === "--declarations") options.declarations = true;
    else if (argument === "--max-bytes") options.maxBytes = Number(argv[++i]);
    else if (argument === "--limit") options.limit = Number(argv[++i]);
    else if (argument === "--hang-seconds") options.hangSeconds = Number(argv[++i]);
    else throw new Error(`unknown argument ${argument}`);
  }
  return options;
}

// ---------------------------------------------------------------- worker: lints its share of the files

function runWorker() {
  const plugin = loadPlugin();
  const probeAnalysis = loadProbe();
  const { getAnalysis } = loadAnalysis();
  let probed;
  const probeRule = {
    meta: { type: "problem", schema: [] },
    create: (context) => ({ "Program:exit": () => void (probed = probeAnalysis(getAnalysis(context))) }),
  };
  const plugins = { "dynamodb-security": plugin, probe: { rules: { all: probeRule } } };
  const rules = { ...strictRuleSettings(plugin), "probe/all": "error" };
  // The file system's root as the base path: the config's `files` patterns then match every file, also those
  // of a root outside the project (linted under their own paths; see lintName).
  const linter = new Linter({ configType: "flat", cwd: path.parse(ROOT).root });

  const verify = (file, text, sourceType, parser) => linter.verify(text, configFor(file, { plugins, rules, sourceType, parser }), lintName(file));
  const parses = (file, text, sourceType) => !linter.verify(text, configFor(file, { sourceType }), lintName(file)).some((message) => message.fatal);
  if (workerData.phase === "espree") return lintWithEspree();

  for (const file of workerData.files) {
    parentPort.postMessage({ type: "start", file });
    probed = undefined;
    const result = { type: "done", file, bytes: 0, findings: {}, parseError: undefined, notLinted: undefined, exception: undefined, fixProblems: [], probe: undefined, espree: undefined };
    try {
      const text = readFileSync(file, "utf8");
      result.bytes = Buffer.byteLength(text);
      let sourceType;
      let messages = verify(file, text);
      let fatal = messages.find((message) => message.fatal);
      // Dependencies ship CommonJS in .js files, some of it sloppy-mode: retry as a script.
      if (fatal && /\.m?[jt]s$/.test(file)) {
        sourceType = "commonjs";
        messages = verify(file, text, sourceType);
        fatal = messages.find((message) => message.fatal);
      }
      if (fatal) result.parseError = fatal.message;
      // A message from the linter itself ("No matching configuration found"): the file was not linted at all.
      const unlinted = messages.find((message) => !message.ruleId && !message.fatal && /no matching configuration/i.test(message.message));
      if (unlinted) result.notLinted = unlinted.message;
      result.probe = probed;
      let checked = 0;
      for (const message of messages) {
        if (!message.ruleId) continue;
        result.findings[message.ruleId] = (result.findings[message.ruleId] ?? 0) + 1;
        if (result.bytes > FIX_CHECK_BYTES) continue;
        for (const fix of [message.fix, ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
          if (!fix || checked >= FIX_CHECKS_PER_FILE) continue;
          checked++;
          const output = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
          if (!parses(file, output, sourceType)) result.fixProblems.push(`${message.ruleId} at ${message.line}:${message.column}: fixed output does not parse`);
        }
      }
      // Kept for the second pass, which lints JavaScript again with ESLint's default parser.
      if (JAVASCRIPT_FILE.test(file) && !fatal) result.typescript = { sourceType, findings: messages.filter((message) => message.ruleId).map(describeFinding) };
    } catch (error) {
      result.exception = { message: String(error?.message ?? error), stack: String(error?.stack ?? "").split("\n").slice(0, 12).join("\n") };
    }
    parentPort.postMessage(result);
  }

  /**
   * The second pass, in workers of its own (so every other module is parsed afresh, by espree): JavaScript through
   * ESLint's default parser and its scope analysis, as a plain JavaScript project lints it. Trees without
   * TypeScript's fields must neither crash a rule nor change a finding.
   */
  function lintWithEspree() {
    for (const { file, sourceType, findings } of workerData.files) {
      parentPort.postMessage({ type: "start", file });
      const result = { type: "done", file, espree: undefined, exception: undefined };
      try {
        const text = readFileSync(file, "utf8");
        let messages = verify(file, text, sourceType, "default");
        if (messages.some((message) => message.fatal) && sourceType === undefined) messages = verify(file, text, "commonjs", "default");
        if (messages.some((message) => message.fatal)) result.espree = { parsed: false, differences: [] };
        else {
          const withEspree = messages.filter((message) => message.ruleId).map(describeFinding);
          const differences = [
            ...findings.filter((line) => !withEspree.includes(line)).map((line) => `only with typescript-eslint: ${line}`),
            ...withEspree.filter((line) => !findings.includes(line)).map((line) => `only with espree: ${line}`),
          ];
          result.espree = { parsed: true, differences };
        }
      } catch (error) {
        result.exception = { message: String(error?.message ?? error), stack: String(error?.stack ?? "").split("\n").slice(0, 12).join("\n") };
      }
      parentPort.postMessage(result);
    }
  }
}


function describeFinding(message) {
  return `${message.line}:${message.column} ${message.ruleId} ${message.message}`;
}

// ---------------------------------------------------------------- main: splits the work, watches for hangs, reports

/** Greedy split of `{ bytes }` entries into `jobs` shares of about equal size, so that the workers finish together. */
function splitBySize(entries, jobs) {
  const shares = Array.from({ length: jobs }, () => ({ files: [], bytes: 0 }));
  for (const entry of [...entries].sort((a, b) => b.bytes - a.bytes)) {
    const share = shares.reduce((least, candidate) => (candidate.bytes < least.bytes ? candidate : least));
    share.files.push(entry);
    share.bytes += entry.bytes;
  }
  return shares;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const roots = options.roots.map((root) => path.resolve(ROOT, root));
  const all = collectFiles(roots, { declarations: options.declarations, maxBytes: options.maxBytes }).slice(0, options.limit);
  loadPlugin(); // fail early when dist/ is missing
  const ruleNames = Object.keys(loadPlugin().rules);
  console.log(`corpus: ${roots.map((root) => path.relative(ROOT, root) || ".").join(", ")}`);
  console.log(`rules: ${ruleNames.length ? ruleNames.join(", ") : "(none registered yet)"} + analysis probe; ${options.jobs} worker(s)`);

  const shares = splitBySize(all, options.jobs).map((share) => ({ files: share.files.map((entry) => entry.file) }));

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const results = [];
  const hangs = [];
  const crashes = [];
  const slowest = [];
  // Each share's files in a worker; a worker that hangs or dies is replaced, and the files after the one it was on go on.
  const runWorkers = (workerShares, phase, onResult) =>
    Promise.all(
      workerShares.map(
        (share) =>
          new Promise((resolve) => {
            let remaining = share.files;
            const fileOf = (entry) => (typeof entry === "string" ? entry : entry.file);
            const indexOf = (file) => remaining.findIndex((entry) => fileOf(entry) === file);
            const launch = () => {
              if (remaining.length === 0) return resolve();
              const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { files: remaining, phase } });
              let current;
              let since = 0;
              const watchdog = setInterval(() => {
                if (current && performance.now() - since > options.hangSeconds * 1000) {
                  hangs.push(current);
                  clearInterval(watchdog);
                  remaining = remaining.slice(indexOf(current) + 1);
                  worker.removeAllListeners("exit");
                  void worker.terminate().then(launch);
                }
              }, 1000);
              worker.on("message", (message) => {
                if (message.type === "start") {
                  current = message.file;
                  since = performance.now();
                  return;
                }
                const seconds = (performance.now() - since) / 1000;
                slowest.push({ file: message.file, seconds });
                onResult(message);
                current = undefined;
              });
              worker.on("error", (error) => crashes.push({ file: current, message: String(error?.stack ?? error) }));
              worker.on("exit", () => {
                clearInterval(watchdog);
                if (current) {
                  // The worker died on this file (out of memory, a native crash): note it and go on after it.
                  crashes.push({ file: current, message: crashes.at(-1)?.file === current ? crashes.pop().message : "worker exited" });
                  remaining = remaining.slice(indexOf(current) + 1);
                  current = undefined;
                  launch();
                  return;
                }
                remaining = [];
                resolve();
              });
            };
            launch();
          }),
      ),
    );
  await runWorkers(shares, "typescript", (result) => results.push(result));
  // Second pass: the JavaScript files that parsed, again with ESLint's default parser, in fresh workers.
  const byFile = new Map(results.map((result) => [result.file, result]));
  const javascript = results.filter((result) => result.typescript).map((result) => ({ file: result.file, bytes: result.bytes, ...result.typescript }));
  await runWorkers(splitBySize(javascript, options.jobs), "espree", (message) => {
    const result = byFile.get(message.file);
    result.espree = message.espree;
    result.exception ??= message.exception;
  });
  const seconds = (performance.now() - started) / 1000;
  // CPU time of the whole process, worker threads included: what a busy machine disturbs least.
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const findings = {};
  let bytes = 0;
  let parseErrors = 0;
  const exceptions = [];
  const fixProblems = [];
  const notLinted = [];
  const espree = { files: 0, differing: [] };
  for (const result of results) {
    if (result.espree?.parsed) espree.files++;
    if (result.espree?.differences.length) espree.differing.push(result);
    bytes += result.bytes;
    if (result.parseError) parseErrors++;
    if (result.notLinted) notLinted.push(result);
    if (result.exception) exceptions.push(result);
    for (const problem of result.fixProblems) fixProblems.push(`${path.relative(ROOT, result.file)}: ${problem}`);
    for (const [rule, count] of Object.entries(result.findings)) findings[rule] = (findings[rule] ?? 0) + count;
  }
  const total = Object.values(findings).reduce((sum, count) => sum + count, 0);
  const probe = { operations: 0, clientConfigs: 0, handlers: 0, questions: 0 };
  for (const result of results) for (const key of Object.keys(probe)) probe[key] += result.probe?.[key] ?? 0;

  console.log(`files: ${results.length} (${parseErrors} not parseable by the typescript-eslint parser, skipped by the rules)`);
  console.log(`megabytes: ${(bytes / 1e6).toFixed(1)}`);
  console.log(`JavaScript files linted again with ESLint's default parser (espree): ${espree.files}, ${espree.differing.length} with other findings`);
  console.log(`seconds: ${seconds.toFixed(1)} (wall clock, ${options.jobs} worker(s)); CPU ${cpuSeconds.toFixed(1)} s`);
  console.log(`findings: ${total}${total ? ` (${Object.entries(findings).map(([rule, count]) => `${rule}: ${count}`).join(", ")})` : ""}`);
  console.log(`analysis probe: ${probe.operations} DynamoDB operations, ${probe.clientConfigs} client configurations, ${probe.handlers} request handlers, ${probe.questions} value questions`);
  console.log(`slowest files: ${slowest.sort((a, b) => b.seconds - a.seconds).slice(0, 5).map(({ file, seconds: s }) => `${path.relative(ROOT, file)} ${s.toFixed(1)} s`).join("; ")}`);

  let failed = false;
  for (const { file, exception } of exceptions) {
    failed = true;
    console.error(`\nEXCEPTION in ${path.relative(ROOT, file)}:\n${exception.stack || exception.message}`);
  }
  for (const file of hangs) {
    failed = true;
    console.error(`\nHANG: ${path.relative(ROOT, file)} took more than ${options.hangSeconds} s`);
  }
  for (const { file, message } of crashes) {
    failed = true;
    console.error(`\nWORKER CRASH on ${file ? path.relative(ROOT, file) : "?"}:\n${message}`);
  }
  for (const { file, espree: { differences } } of espree.differing) {
    failed = true;
    console.error(`\nPARSER-DEPENDENT FINDINGS in ${path.relative(ROOT, file)}:\n  ${differences.join("\n  ")}`);
  }
  for (const problem of fixProblems) {
    failed = true;
    console.error(`\nBAD FIX: ${problem}`);
  }
  // A corpus the linter skipped would pass without testing anything.
  for (const { file, notLinted: message } of notLinted) {
    failed = true;
    console.error(`\nNOT LINTED: ${path.relative(ROOT, file)}: ${message}`);
  }
  if (failed) {
    console.error(`\ncorpus: FAILED (${exceptions.length} exception(s), ${hangs.length} hang(s), ${crashes.length} crash(es), ${fixProblems.length} bad fix(es), ${notLinted.length} file(s) not linted)`);
    process.exitCode = 1;
  } else {
    console.log("corpus: OK, no rule threw");
  }
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 2;
  });
} else {
  runWorker();
}
