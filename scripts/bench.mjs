// Performance of the plugin: lints corpora with (a) ESLint and the typescript-eslint parser and no rules,
// (a') one rule that does nothing (what ESLint itself costs as soon as any rule runs), (b) every rule of this
// plugin with default options (configs.all), (c) eslint-plugin-security's recommended rules, (d) ESLint's
// own recommended rules and (e) those plus this plugin (what adding the plugin to a typical configuration
// costs), in alternating rounds in one process, and prints median times and each set's overhead over (a)
// and over (a'), then the time spent in (b)'s and (c)'s own code (timed listeners, in passes of their own)
// as a share of (a). Files are linted through the ESLint class, whose configuration is computed once per set
// as the CLI does. Then the same sets again, each round in a fresh process per set: what one `eslint` run
// with that configuration costs (each process's first pass), and what its later passes cost. In one process
// the sets share the heap and the compiled code, which hides part of what a set's allocations and retained
// memory cost the parse and the collector. Then the scaling check: one generated file of 100, 10,000 and
// 100,000 lines, whose time per line must stay about constant.
//
//   npm run bench                          # both corpora, 5 rounds, and the scaling check
//   node scripts/bench.mjs --rounds 9 --corpus deps --no-scaling
//   node scripts/bench.mjs --dir ../my-service --no-scaling   # your own code base (node_modules left out),
//                                          # also with crossModule: false (b')
//   node scripts/bench.mjs --no-isolated   # skip the rounds in separate processes (about half the time)
//   node scripts/bench.mjs --dir ../my-js-service --parser default   # JavaScript through ESLint's own parser
//
// Times are CPU time of this process (user + system), which a busy machine disturbs far less than wall
// time; wall time is printed beside it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { ESLint } from "eslint";
import { ROOT, collectFiles, corpusConfig, defaultRuleSettings, lintName, loadPlugin, median } from "./lib/corpus.mjs";
import { generateApplication, generateFileOfLines } from "./lib/generate.mjs";

const require = createRequire(import.meta.url);

/** Installed dependencies' sources: the AWS SDK (DynamoDB clients included), Smithy and ESLint. About 1,400 files, 5.4 MB. */
const DEPENDENCY_CORPUS = ["node_modules/@aws-sdk", "node_modules/@smithy", "node_modules/eslint/lib"];

function parseArguments(argv) {
  const options = { rounds: 5, corpus: "all", scaling: true, generated: 400, isolated: true, isolatedRounds: 3, parser: "typescript" };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--rounds") options.rounds = Number(argv[++i]);
    else if (argument === "--corpus") options.corpus = argv[++i];
    else if (argument === "--dir") {
      options.dir = path.resolve(argv[++i]);
      options.corpus = "dir";
    }
    else if (argument === "--no-scaling") options.scaling = false;
    else if (argument === "--scaling-only") options.corpus = "none";
    else if (argument === "--generated") options.generated = Number(argv[++i]);
    else if (argument === "--no-isolated") options.isolated = false;
    else if (argument === "--isolated-rounds") options.isolatedRounds = Number(argv[++i]);
    else if (argument === "--parser") options.parser = argv[++i];
    // Internal: one set's passes in this process (see isolatedRounds).
    else if (argument === "--child") options.child = Number(argv[++i]);
    else throw new Error(`unknown argument ${argument}`);
  }
  return options;
}

/**
 * The same plugin with every rule's create() and listeners timed (performance.now): the time spent in the
 * plugin's own code, without the parse, ESLint's traversal and the garbage collection that its allocations
 * cause later. A much steadier figure than the difference of two whole-lint medians.
 */
function timedPlugin(plugin, timer) {
  const rules = {};
  for (const [name, rule] of Object.entries(plugin.rules)) {
    rules[name] = {
      ...rule,
      create(context) {
        const start = performance.now();
        const listeners = rule.create(context);
        const timed = {};
        for (const [selector, listener] of Object.entries(listeners)) {
          timed[selector] = function (...args) {
            const begin = performance.now();
            try {
              return listener.apply(this, args);
            } finally {
              timer.ms += performance.now() - begin;
            }
          };
        }
        timer.ms += performance.now() - start;
        return timed;
      },
    };
  }
  return { ...plugin, rules };
}

/** A rule that visits nothing: ESLint's cost of running rules at all (rule contexts, traversal, code path analysis) without any rule work. */
const DO_NOTHING = { rules: { "do-nothing": { meta: { type: "problem", schema: [] }, create: () => ({ "Program:exit"() {} }) } } };

function ruleSets(options = {}) {
  const plugin = loadPlugin();
  const security = require("eslint-plugin-security");
  const securityConfig = security.configs.recommended;
  // ESLint's core no-unused-vars throws on a TypeScript enum (typescript-eslint replaces it with its own rule): off here.
  const recommended = { ...require("@eslint/js").configs.recommended.rules, "no-unused-vars": "off" };
  const pluginRules = defaultRuleSettings(plugin);
  const pluginTimer = { ms: 0 };
  const securityTimer = { ms: 0 };
  return {
    plugin,
    sets: [
      { name: "(a) parser, no rules", plugins: {}, rules: {} },
      { name: "(a') one do-nothing rule", plugins: { noop: DO_NOTHING }, rules: { "noop/do-nothing": "error" } },
      { name: "(b) dynamodb-security (all rules)", plugins: { "dynamodb-security": plugin }, rules: pluginRules, plugin: true },
      // Only a project linted under its real file names (`--dir`) has other modules to read.
      ...(options.corpus === "dir"
        ? [{ name: "(b') the same, crossModule: false", plugins: { "dynamodb-security": plugin }, rules: pluginRules, settings: { "dynamodb-security": { crossModule: false } }, plugin: true }]
        : []),
      { name: "(c) eslint-plugin-security recommended", plugins: securityConfig.plugins, rules: securityConfig.rules },
      { name: "(d) eslint:recommended", plugins: {}, rules: recommended },
      { name: "(e) eslint:recommended + dynamodb-security", plugins: { "dynamodb-security": plugin }, rules: { ...recommended, ...pluginRules }, plugin: true },
    ],
    // Own time (timed listeners), in passes of their own so that the timing never weighs on the sets above.
    timedSets: [
      { name: "(b) dynamodb-security", plugins: { "dynamodb-security": timedPlugin(plugin, pluginTimer) }, rules: pluginRules, timer: pluginTimer },
      {
        name: "(c) eslint-plugin-security",
        plugins: { security: timedPlugin(securityConfig.plugins.security, securityTimer) },
        rules: securityConfig.rules,
        timer: securityTimer,
      },
    ],
  };
}

/** What JavaScript files are parsed with: typescript-eslint's parser, or with `--parser default` ESLint's own (espree). */
let javascriptParser = "typescript";

/** One ESLint instance per rule set and project folder: the configuration is computed once, as in a CLI run. */
const instances = new WeakMap();
function eslintFor(set, cwd) {
  let byFolder = instances.get(set);
  if (!byFolder) instances.set(set, (byFolder = new Map()));
  let eslint = byFolder.get(cwd);
  if (!eslint) {
    eslint = new ESLint({ cwd, overrideConfigFile: true, ignore: false, overrideConfig: corpusConfig({ plugins: set.plugins, rules: set.rules, settings: set.settings, javascriptParser }) });
    byFolder.set(cwd, eslint);
  }
  return eslint;
}

function cpuNow() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Lints every file once with a rule set; returns { cpu, wall } in milliseconds and the number of findings (of this plugin's rules, for sets that include it). */
async function lintAll(files, set, cwd = ROOT, realNames = false) {
  const eslint = eslintFor(set, cwd);
  const cpu = cpuNow();
  const wall = performance.now();
  let findings = 0;
  for (const { file, text } of files) {
    const [result] = await eslint.lintText(text, { filePath: realNames ? file : lintName(file) });
    for (const message of result.messages) if (message.ruleId && (!set.plugin || message.ruleId.startsWith("dynamodb-security/"))) findings++;
  }
  return { cpu: cpuNow() - cpu, wall: performance.now() - wall, findings };
}

function formatMs(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** With `cwd`, files are linted under their real names (a project's own code: its imports resolve for the cross-module analysis). */
async function benchCorpus(label, files, sets, rounds, cwd = undefined, timedSets = undefined) {
  const bytes = files.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0);
  console.log(`\n## ${label}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} rounds`);
  const realNames = cwd !== undefined;
  const folder = cwd ?? ROOT;
  // Warm-up: JIT, module loading and the SDK catalogue, once per set.
  for (const set of [...sets, ...(timedSets ?? [])]) await lintAll(files.slice(0, 50), set, folder, realNames);
  const samples = sets.map(() => ({ cpu: [], wall: [], findings: 0 }));
  for (let round = 0; round < rounds; round++) {
    // Alternate the order each round so that drift (thermal, other load) spreads over all sets.
    const order = sets.map((_, i) => (i + round) % sets.length);
    for (const i of order) {
      const { cpu, wall, findings } = await lintAll(files, sets[i], folder, realNames);
      samples[i].cpu.push(cpu);
      samples[i].wall.push(wall);
      samples[i].findings = findings;
    }
  }
  const { medians, rows } = printOverheads(sets, samples);
  if (timedSets) {
    // Own time: the median of three timed passes per set, as a share of the no-rule time (a).
    const own = [];
    for (const set of timedSets) {
      const passes = [];
      for (let pass = 0; pass < 3; pass++) {
        const before = set.timer.ms;
        await lintAll(files, set, folder, realNames);
        passes.push(set.timer.ms - before);
      }
      own.push({ set: set.name, "own time": formatMs(median(passes)), "of (a)": `${((median(passes) / medians[0]) * 100).toFixed(1)}%` });
    }
    console.log("Time spent in each plugin's own code (create() and listeners; parse, traversal and later garbage collection excluded):");
    console.table(own);
  }
  return rows;
}

/** Prints each set's median CPU and wall time, its overhead over (a) and (a′), and what adding the plugin to eslint:recommended costs. */
function printOverheads(sets, samples) {
  const medians = samples.map(({ cpu }) => median(cpu));
  const percent = (value, base) => `${(((value - base) / base) * 100).toFixed(1)}%`;
  const rows = sets.map((set, i) => ({
    set: set.name,
    cpu: formatMs(medians[i]),
    wall: formatMs(median(samples[i].wall)),
    "over (a)": i === 0 ? "" : percent(medians[i], medians[0]),
    "over (a')": i <= 1 ? "" : percent(medians[i], medians[1]),
    findings: samples[i].findings,
  }));
  console.table(rows);
  const recommended = sets.findIndex((set) => set.name.startsWith("(d)"));
  const withPlugin = sets.findIndex((set) => set.name.startsWith("(e)"));
  if (recommended >= 0 && withPlugin >= 0) {
    console.log(`Adding dynamodb-security to eslint:recommended: ${formatMs(medians[recommended])} → ${formatMs(medians[withPlugin])} (${percent(medians[withPlugin], medians[recommended])})`);
  }
  return { medians, rows };
}

async function benchScaling(sets) {
  console.log("\n## Scaling: one generated file of growing size (median of 3 runs, CPU time)");
  const none = sets[0];
  const plugin = sets.find((set) => set.name.startsWith("(b)"));
  const rows = [];
  for (const lines of [100, 10_000, 100_000]) {
    const text = generateFileOfLines(lines);
    const actualLines = text.split("\n").length;
    const file = path.join(ROOT, "generated", `scaling-${lines}.ts`);
    const files = [{ file, text }];
    await lintAll(files, plugin); // warm-up
    const runs = lines >= 100_000 ? 3 : lines >= 10_000 ? 5 : 21;
    const base = [];
    const withPlugin = [];
    let findings = 0;
    for (let run = 0; run < runs; run++) {
      base.push((await lintAll(files, none)).cpu);
      const result = await lintAll(files, plugin);
      withPlugin.push(result.cpu);
      findings = result.findings;
    }
    const a = median(base);
    const b = median(withPlugin);
    rows.push({
      lines: actualLines,
      "no rules": formatMs(a),
      "all plugin rules": formatMs(b),
      "plugin µs/line": (((b - a) * 1000) / actualLines).toFixed(1),
      "total µs/line": ((b * 1000) / actualLines).toFixed(1),
      findings,
    });
    console.log(`${actualLines} lines: ${JSON.stringify(rows.at(-1))}`);
  }
  console.table(rows);
  return rows;
}

/** The corpora the options ask for, each with the folder its files are linted in (real names) or none (names under the project). */
function corpora(options) {
  const result = [];
  if (options.corpus === "all" || options.corpus === "deps") {
    const files = collectFiles(DEPENDENCY_CORPUS.map((root) => path.resolve(ROOT, root))).map(({ file }) => ({ file, text: readFileSync(file, "utf8") }));
    result.push({ name: "deps", label: `Installed dependencies (${DEPENDENCY_CORPUS.map((root) => root.replace("node_modules/", "")).join(", ")})`, files });
  }
  if (options.corpus === "all" || options.corpus === "generated") {
    const files = generateApplication(options.generated).map(({ file, text }) => ({ file: path.join(ROOT, file), text }));
    result.push({ name: "generated", label: "Generated DynamoDB application (every file uses DynamoDB)", files });
  }
  if (options.corpus === "dir") {
    const files = collectFiles([options.dir])
      .filter(({ file }) => !file.split(path.sep).includes("node_modules"))
      .map(({ file }) => ({ file, text: readFileSync(file, "utf8") }));
    result.push({ name: "dir", label: options.dir, files, cwd: options.dir });
  }
  return result;
}

/**
 * Child process: three passes of one set over one corpus, all timed; prints the times as JSON. The first pass
 * is what one `eslint` run costs (the CLI, a CI step, a pre-commit hook): code not yet compiled, caches empty,
 * other project modules parsed for the first time. The next two are a long-running process's (an editor's).
 */
async function runChild(options) {
  const { sets } = ruleSets(options);
  const set = sets[options.child];
  const [corpus] = corpora(options);
  const folder = corpus.cwd ?? ROOT;
  const passes = [];
  for (let pass = 0; pass < 3; pass++) passes.push(await lintAll(corpus.files, set, folder, corpus.cwd !== undefined));
  process.stdout.write(JSON.stringify({ cpu: passes.map((pass) => pass.cpu), wall: passes.map((pass) => pass.wall), findings: passes[0].findings }));
}

/**
 * Each set in a fresh process per round, in alternating order: what an `eslint` run with that configuration
 * costs (the first pass of each process), and what later passes in a long-running process cost, without the
 * other sets' heap and compiled code in the same process.
 */
function benchIsolated(corpus, sets, options) {
  const script = fileURLToPath(import.meta.url);
  const corpusArguments = [...(corpus.name === "dir" ? ["--dir", options.dir] : ["--corpus", corpus.name, "--generated", String(options.generated)]), "--parser", options.parser];
  const firstPasses = sets.map(() => ({ cpu: [], wall: [], findings: 0 }));
  const laterPasses = sets.map(() => ({ cpu: [], wall: [], findings: 0 }));
  for (let round = 0; round < options.isolatedRounds; round++) {
    const order = sets.map((_, i) => (i + round) % sets.length);
    for (const i of order) {
      const output = execFileSync(process.execPath, [script, "--child", String(i), ...corpusArguments], { encoding: "utf8", maxBuffer: 1 << 20 });
      const { cpu, wall, findings } = JSON.parse(output);
      firstPasses[i].cpu.push(cpu[0]);
      firstPasses[i].wall.push(wall[0]);
      laterPasses[i].cpu.push(...cpu.slice(1));
      laterPasses[i].wall.push(...wall.slice(1));
      firstPasses[i].findings = laterPasses[i].findings = findings;
    }
  }
  console.log(`Each set in a fresh process per round (${options.isolatedRounds} rounds): the first pass, one \`eslint\` run:`);
  printOverheads(sets, firstPasses);
  console.log("The same processes' second and third passes (a long-running process, such as an editor's):");
  printOverheads(sets, laterPasses);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.parser !== "typescript" && options.parser !== "default") throw new Error(`--parser: "typescript" or "default", not ${options.parser}`);
  javascriptParser = options.parser;
  if (options.child !== undefined) return runChild(options);
  const { plugin, sets, timedSets } = ruleSets(options);
  console.log(`# dynamodb-security benchmark: ${Object.keys(plugin.rules).length} rule(s) (${Object.keys(plugin.rules).join(", ") || "none registered yet"}); Node ${process.version}; JavaScript parsed by ${options.parser === "default" ? "ESLint's default parser (espree)" : "the typescript-eslint parser"}`);
  for (const corpus of corpora(options)) {
    await benchCorpus(corpus.label, corpus.files, sets, options.rounds, corpus.cwd, timedSets);
    if (options.isolated) benchIsolated(corpus, sets, options);
  }
  if (options.scaling) await benchScaling(sets);
}

await main();
