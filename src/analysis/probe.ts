// Exercises every entry point of the shared analysis on a file, the way rules ask it, and counts the
// answers. The corpus run (scripts/test-corpus.mjs) and the hardening tests use it so that the analysis is
// proven crash-free on real and pathological code even for questions no rule asks yet. Not used by rules.
import { type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "./node-types";
import { unwrap } from "./ast";
import type { FileAnalysis } from "./index";

export interface ProbeSummary {
  operations: number;
  clientConfigs: number;
  handlers: number;
  /** Expressions whose origins include request input or the caller. */
  requestValues: number;
  /** Expressions the resolver gave up on (exhausted budget or unknowable). */
  unknownValues: number;
  questions: number;
}

/** At most this many arguments per call are asked about (keeps the probe linear in file size). */
const ARGUMENTS_PER_CALL = 3;

export function probeAnalysis(analysis: FileAnalysis): ProbeSummary {
  const summary: ProbeSummary = { operations: 0, clientConfigs: 0, handlers: 0, requestValues: 0, unknownValues: 0, questions: 0 };
  const { values, sources, index } = analysis;

  const ask = (node: TSESTree.Node | null | undefined): void => {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement) return;
    summary.questions++;
    const origins = values.originsOf(node);
    if (origins.some((origin) => origin.kind === "request" || origin.kind === "caller")) summary.requestValues++;
    for (const origin of origins) if (origin.kind === "request") analysis.allowLists.isAllowListed(origin, node);
    if (origins.some((origin) => origin.kind === "unknown")) summary.unknownValues++;
    values.resolveString(node);
    values.definitionOf(node);
    const object = values.resolveObject(node);
    if (object) for (const property of object.properties.values()) values.originsOf(property.value);
    values.arrayElements(node);
    if (values.isConstantTable(node)) summary.questions++;
  };

  for (const fn of index.functions) {
    if (sources.handlerKind(fn)) summary.handlers++;
    values.returnsOf(fn);
    for (const parameter of fn.params) sources.classifyParameter(fn, parameter);
  }

  for (const operation of analysis.operations) {
    summary.operations++;
    ask(operation.input);
    if (operation.send) {
      const callee = unwrap(operation.send.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) analysis.clientTypeOf(callee.object);
    }
  }
  for (const config of analysis.clientConfigs) {
    summary.clientConfigs++;
    for (const property of config.resolved?.properties.values() ?? []) ask(property.value);
  }

  for (const call of index.calls) {
    values.sameFileFunction(unwrap(call.callee));
    sources.callSource(call);
    const callee = unwrap(call.callee);
    if (analysis.mentionsDynamoDB && callee.type === AST_NODE_TYPES.MemberExpression) analysis.clientTypeOf(callee.object);
    for (const argument of call.arguments.slice(0, ARGUMENTS_PER_CALL)) ask(argument);
  }
  for (const construction of index.news) {
    for (const argument of construction.arguments.slice(0, ARGUMENTS_PER_CALL)) ask(argument);
  }
  for (const assignment of index.assignments) ask(assignment.right);
  return summary;
}
