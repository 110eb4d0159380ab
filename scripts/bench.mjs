// Performance of the plugin: lints corpora with (a) ESLint and the typescript-eslint parser and no rules,
// (b) every rule of this plugin with default options (configs.all), (c) eslint-plugin-security's
// recommended rules, in alternating rounds in one process, and prints median times and each set's
// overhead over (a). Then the scaling check: one generated file of 100, 10,000 and 100,000 lines, whose
// time per line must stay about constant.
//
//   npm run bench                          # both corpora, 5 rounds, and the scaling check
//   node scripts/bench.mjs --rounds 9 --corpus deps --no-scaling
//   node scripts/bench.mjs --dir ../my-service --no-scaling   # your own code base (node_modules left out)
//
// Times are CPU time of this process (user + system), which a busy machine disturbs far less than wall
// time; wall time is printed beside it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Linter } from "eslint";
import { ROOT, collectFiles, configFor, defaultRuleSettings, lintName, loadPlugin, median } from "./lib/corpus.mjs";
import { generateApplication, generateFileOfLines } from "./lib/generate.mjs";

const require = createRequire(import.meta.url);

/** Installed dependencies' sources: the AWS SDK (DynamoDB clients included), Smithy and ESLint. About 1,400 files, 5.4 MB. */
const DEPENDENCY_CORPUS = ["node_modules/@aws-sdk", "node_modules/@smithy", "node_modules/eslint/lib"];

function parseArguments(argv) {
  const options = { rounds: 5, corpus: "all", scaling: true, generated: 400 };
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
    else throw new Error(`unknown argument ${argument}`);
  }
  return options;
}

function ruleSets() {
  const plugin = loadPlugin();
  const security = require("eslint-plugin-security");
  const securityConfig = security.configs.recommended;
  return {
    plugin,
    sets: [
      { name: "(a) parser, no rules", plugins: {}, rules: {} },
      { name: "(b) dynamodb-security (all rules)", plugins: { "dynamodb-security": plugin }, rules: defaultRuleSettings(plugin) },
      { name: "(c) eslint-plugin-security recommended", plugins: securityConfig.plugins, rules: securityConfig.rules },
    ],
  };
}

function cpuNow() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Lints every file once with a rule set; returns { cpu, wall } in milliseconds and the number of findings. */
function lintAll(linter, files, set, realNames = false) {
  const cpu = cpuNow();
  const wall = performance.now();
  let findings = 0;
  for (const { file, text } of files) {
    const messages = linter.verify(text, configFor(file, { plugins: set.plugins, rules: set.rules }), realNames ? file : lintName(file));
    for (const message of messages) if (message.ruleId) findings++;
  }
  return { cpu: cpuNow() - cpu, wall: performance.now() - wall, findings };
}

function formatMs(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** With `cwd`, files are linted under their real names (a project's own code: its imports resolve for the cross-module analysis). */
function benchCorpus(label, files, sets, rounds, cwd = undefined) {
  const bytes = files.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0);
  console.log(`\n## ${label}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} rounds`);
  const linter = new Linter({ configType: "flat", cwd: cwd ?? ROOT });
  const realNames = cwd !== undefined;
  // Warm-up: JIT, module loading and the SDK catalogue, once per set.
  for (const set of sets) lintAll(linter, files.slice(0, 50), set, realNames);
  const samples = sets.map(() => ({ cpu: [], wall: [], findings: 0 }));
  for (let round = 0; round < rounds; round++) {
    // Alternate the order each round so that drift (thermal, other load) spreads over all sets.
    const order = sets.map((_, i) => (i + round) % sets.length);
    for (const i of order) {
      const { cpu, wall, findings } = lintAll(linter, files, sets[i], realNames);
      samples[i].cpu.push(cpu);
      samples[i].wall.push(wall);
      samples[i].findings = findings;
    }
  }
  const baseline = median(samples[0].cpu);
  const rows = sets.map((set, i) => {
    const cpu = median(samples[i].cpu);
    const overhead = i === 0 ? "" : `${(((cpu - baseline) / baseline) * 100).toFixed(1)}%`;
    return { set: set.name, cpu: formatMs(cpu), wall: formatMs(median(samples[i].wall)), overhead, findings: samples[i].findings };
  });
  console.table(rows);
  return rows;
}

function benchScaling(sets) {
  console.log("\n## Scaling: one generated file of growing size (median of 3 runs, CPU time)");
  const linter = new Linter({ configType: "flat", cwd: ROOT });
  const [none, plugin] = sets;
  const rows = [];
  for (const lines of [100, 10_000, 100_000]) {
    const text = generateFileOfLines(lines);
    const actualLines = text.split("\n").length;
    const file = path.join(ROOT, "generated", `scaling-${lines}.ts`);
    const files = [{ file, text }];
    lintAll(linter, files, plugin); // warm-up
    const runs = lines >= 100_000 ? 3 : lines >= 10_000 ? 5 : 21;
    const base = [];
    const withPlugin = [];
    let findings = 0;
    for (let run = 0; run < runs; run++) {
      base.push(lintAll(linter, files, none).cpu);
      const result = lintAll(linter, files, plugin);
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

function main() {
  const options = parseArguments(process.argv.slice(2));
  const { plugin, sets } = ruleSets();
  console.log(`# dynamodb-security benchmark: ${Object.keys(plugin.rules).length} rule(s) (${Object.keys(plugin.rules).join(", ") || "none registered yet"}); Node ${process.version}`);
  if (options.corpus === "all" || options.corpus === "deps") {
    const files = collectFiles(DEPENDENCY_CORPUS.map((root) => path.resolve(ROOT, root))).map(({ file }) => ({ file, text: readFileSync(file, "utf8") }));
    benchCorpus(`Installed dependencies (${DEPENDENCY_CORPUS.map((root) => root.replace("node_modules/", "")).join(", ")})`, files, sets, options.rounds);
  }
  if (options.corpus === "all" || options.corpus === "generated") {
    const files = generateApplication(options.generated).map(({ file, text }) => ({ file: path.join(ROOT, file), text }));
    benchCorpus("Generated DynamoDB application (every file uses DynamoDB)", files, sets, options.rounds);
  }
  if (options.corpus === "dir") {
    const files = collectFiles([options.dir])
      .filter(({ file }) => !file.split(path.sep).includes("node_modules"))
      .map(({ file }) => ({ file, text: readFileSync(file, "utf8") }));
    benchCorpus(options.dir, files, sets, options.rounds, options.dir);
  }
  if (options.scaling) benchScaling(sets);
}

main();
