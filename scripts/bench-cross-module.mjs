// Cost of the cross-module analysis (not a timed test): generates a project of handlers → services →
// repositories (at least 2,000 modules, safe and unsafe, ESM and CommonJS, classes, singletons and plain
// functions) in a temporary directory, lints every file with all rules of the plugin (default options) with
// `settings["dynamodb-security"].crossModule` on and off, in alternating rounds in one process, and prints
// CPU milliseconds per file for each (median and spread over rounds) and the ratio on/off, per round (the
// budget: at most 1.5).
//
//   npm run bench:cross-module                 # 700 groups of 3 modules, 3 rounds
//   node --expose-gc scripts/bench-cross-module.mjs --groups 1000 --rounds 5
//   node --cpu-prof scripts/bench-cross-module.mjs --only on   # one variant (on or off), for a CPU profile
//
// Before each "on" round the process-wide module caches are cleared, as at the start of a lint run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { ROOT, configFor, defaultRuleSettings, loadAnalysis, loadPlugin, median } from "./lib/corpus.mjs";

function parseArguments(argv) {
  const options = { groups: 700, rounds: 3, keep: false, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--groups") options.groups = Number(argv[++i]);
    else if (argument === "--rounds") options.rounds = Number(argv[++i]);
    else if (argument === "--keep") options.keep = true;
    else if (argument === "--only") options.only = argv[++i];
    else throw new Error(`unknown argument ${argument}`);
  }
  return options;
}

/** One group: a route module, a service and a repository; every fourth group CommonJS with SDK v2. */
function writeGroup(root, i) {
  const safe = i % 2 === 0;
  const write = (relative, text) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  if (i % 4 === 3) {
    return [
      write(
        `src/repositories/r${i}.js`,
        `const { dynamo } = require("../db.cjs");\n\nasync function find(id) {\n  const { Item } = await dynamo.get({ TableName: "T${i}", Key: { id } }).promise();\n  return Item;\n}\n\n` +
          `function remove(id, ownerId) {\n  return dynamo.delete({ TableName: "T${i}", Key: { id }, ConditionExpression: "ownerId = :o", ExpressionAttributeValues: { ":o": ownerId } }).promise();\n}\n\nmodule.exports = { find, remove };\n`,
      ),
      write(`src/services/s${i}.js`, `const repo = require("../repositories/r${i}");\n\nmodule.exports = {\n  get(id) {\n    return repo.find(id);\n  },\n  remove(id, userId) {\n    return repo.remove(id, userId);\n  },\n};\n`),
      write(
        `src/routes/h${i}.js`,
        `const express = require("express");\nconst service = require("../services/s${i}");\n\nconst router = express.Router();\n\n` +
          `router.get("/items${i}/:id", async (req, res) => {\n  const item = await service.get(req.params.id);\n  ${safe ? `if (!item || item.ownerId !== req.user.id) return res.status(404).end();\n  ` : ""}res.json(item);\n});\n\n` +
          `router.delete("/items${i}/:id", async (req, res) => {\n  await service.remove(req.params.id, req.user.id);\n  res.status(204).end();\n});\n\nmodule.exports = router;\n`,
      ),
    ];
  }
  return [
    write(
      `src/repositories/r${i}.ts`,
      `import { GetCommand, UpdateCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";\nimport { doc } from "../db";\n\nexport class Repository${i} {\n` +
        `  async findById(id: string) {\n    const { Item } = await doc.send(new GetCommand({ TableName: "T${i}", Key: { id } }));\n    return Item;\n  }\n\n` +
        `  async rename(id: string, name: string, ownerId: string) {\n    await doc.send(new UpdateCommand({ TableName: "T${i}", Key: { id }, UpdateExpression: "SET #n = :n", ConditionExpression: "ownerId = :o", ExpressionAttributeNames: { "#n": "name" }, ExpressionAttributeValues: { ":n": name, ":o": ownerId } }));\n  }\n\n` +
        `  async listFor(ownerId: string) {\n    const { Items } = await doc.send(new QueryCommand({ TableName: "T${i}", KeyConditionExpression: "ownerId = :o", ExpressionAttributeValues: { ":o": ownerId } }));\n    return Items ?? [];\n  }\n}\n`,
    ),
    write(
      `src/services/s${i}.ts`,
      `import { Repository${i} } from "../repositories/r${i}";\n\nexport class Service${i} {\n  private readonly repo = new Repository${i}();\n\n` +
        `  get(id: string${safe ? ", userId: string" : ""}) {\n    ${safe ? `return this.repo.findById(id).then((item) => (item?.ownerId === userId ? item : undefined));` : "return this.repo.findById(id);"}\n  }\n\n` +
        `  rename(id: string, name: string, userId: string) {\n    return this.repo.rename(id, name, userId);\n  }\n\n  mine(userId: string) {\n    return this.repo.listFor(userId);\n  }\n}\n\nexport const service${i} = new Service${i}();\n`,
    ),
    write(
      `src/routes/h${i}.ts`,
      `import express from "express";\nimport { service${i} } from "../services/s${i}";\nimport { format } from "../util";\n\nexport const router${i} = express.Router();\n\n` +
        `router${i}.get("/items${i}/:id", async (req, res) => {\n  const item = await service${i}.get(req.params.id${safe ? ", req.user.id" : ""});\n  res.json(format(item));\n});\n\n` +
        `router${i}.patch("/items${i}/:id", async (req, res) => {\n  await service${i}.rename(req.params.id, String(req.body.name), req.user.id);\n  res.status(204).end();\n});\n\n` +
        `router${i}.get("/items${i}", async (req, res) => {\n  res.json(await service${i}.mine(req.user.id));\n});\n`,
    ),
  ];
}

function generate(groups) {
  const root = mkdtempSync(path.join(tmpdir(), "dynamodb-security-cross-module-"));
  const files = [];
  const write = (relative, text) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files.push(file);
  };
  write("src/db.ts", `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";\nimport { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";\n\nexport const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\n`);
  write("src/db.cjs", `const AWS = require("aws-sdk");\n\nmodule.exports = { dynamo: new AWS.DynamoDB.DocumentClient() };\n`);
  write("src/util.ts", `export function format(value: unknown) {\n  return { data: value ?? null };\n}\n`);
  for (let i = 0; i < groups; i++) files.push(...writeGroup(root, i));
  // In path order, as ESLint walks a directory (repositories/, routes/, services/).
  files.sort();
  return { root, files: files.map((file) => ({ file, text: readFileSync(file, "utf8") })) };
}

function cpuNow() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function lintAll(linter, files, plugins, rules, settings) {
  const start = cpuNow();
  let findings = 0;
  for (const { file, text } of files) {
    const config = configFor(file, { plugins, rules });
    config[0].settings = settings;
    for (const message of linter.verify(text, config, file)) if (message.ruleId) findings++;
  }
  return { cpu: cpuNow() - start, findings };
}

const options = parseArguments(process.argv.slice(2));
const plugin = loadPlugin();
const analysis = loadAnalysis();
const project = createRequire(import.meta.url)(path.join(ROOT, "dist/src/analysis/project.js"));
const { root, files } = generate(options.groups);
console.log(`# cross-module benchmark: ${files.length} modules (${options.groups} groups of route → service → repository), ${options.rounds} rounds, all rules`);
try {
  const linter = new Linter({ configType: "flat", cwd: root });
  const plugins = { "dynamodb-security": plugin };
  const rules = defaultRuleSettings(plugin);
  const variants = [
    { name: "crossModule: false", key: "off", settings: { "dynamodb-security": { crossModule: false } } },
    { name: "crossModule: true (default)", key: "on", settings: { "dynamodb-security": { crossModule: true } } },
  ].filter((variant) => !options.only || variant.key === options.only);
  const reset = () => {
    analysis.clearProjectModules();
    project.clearProjectCaches();
  };
  // Warm-up: JIT and module loading.
  for (const variant of variants) {
    reset();
    lintAll(linter, files.slice(0, 100), plugins, rules, variant.settings);
  }
  const samples = variants.map(() => ({ cpu: [], findings: 0 }));
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (k + round) % variants.length;
      reset();
      const { cpu, findings } = lintAll(linter, files, plugins, rules, variants[i].settings);
      samples[i].cpu.push(cpu);
      samples[i].findings = findings;
      // Heap still in use after the round (caches included), after a collection when --expose-gc is given.
      globalThis.gc?.();
      samples[i].heap = Math.max(samples[i].heap ?? 0, process.memoryUsage().heapUsed);
    }
  }
  const perFile = samples.map((sample) => median(sample.cpu) / files.length);
  console.table(
    variants.map((variant, i) => ({
      variant: variant.name,
      "cpu total (median)": `${Math.round(median(samples[i].cpu))} ms`,
      "ms per file": perFile[i].toFixed(3),
      "spread (ms per file)": `${(Math.min(...samples[i].cpu) / files.length).toFixed(3)}–${(Math.max(...samples[i].cpu) / files.length).toFixed(3)}`,
      findings: samples[i].findings,
      "heap after a round": `${Math.round(samples[i].heap / 1e6)} MB`,
    })),
  );
  if (variants.length === 2) {
    // Each round runs both variants back to back, so the per-round ratio is less exposed to the machine's load
    // changing between rounds than the ratio of medians; the spread shows how far to trust the median.
    const ratios = samples[1].cpu.map((on, round) => on / samples[0].cpu[round]);
    const spread = (values) => `${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)}`;
    console.log(`cpu per round (ms): off ${samples[0].cpu.map(Math.round).join(", ")}; on ${samples[1].cpu.map(Math.round).join(", ")}`);
    const ratio = median(ratios);
    console.log(`on/off per round: median ${ratio.toFixed(3)}×, spread ${spread(ratios)} (ratio of medians ${(perFile[1] / perFile[0]).toFixed(3)}×; budget 1.5×) ${ratio <= 1.5 ? "OK" : "OVER BUDGET"}`);
  }
} finally {
  if (!options.keep) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root}`);
}
