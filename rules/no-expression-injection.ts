// no-expression-injection: DynamoDB expressions and PartiQL statements built from non-constant text.
// The analysis finds every expression member (expressionSites) and resolves its text (resolveString);
// this rule decides which non-constant parts matter (request input and open parameters; in strict mode,
// anything but placeholder names and configuration) and offers placeholder and `?` parameter remedies.
import { type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "../src/analysis/node-types";
import {
  countParameterMarkers,
  expressionPosition,
  getAnalysis,
  partiqlPosition,
  reservedWordsIn,
  type ExpressionPosition,
  type ExpressionSite,
  type FileAnalysis,
  type Origin,
  type PartiqlPosition,
} from "../src/analysis";
import { contains, declaredFunctionName, isFunction, unwrap, valueParent } from "../src/analysis/ast";
import { describeRequestSource, sourceText } from "../src/analysis/sources";
import { createRule } from "../src/utils/create-rule";
import { insertArrayElements, insertProperties } from "../src/utils/fixes";

type Node = TSESTree.Node;
type Fix = TSESLint.RuleFix;

export type Options = [{ reportAllNonConstant?: boolean; autofix?: boolean }];
export type MessageIds = "expressionInjection" | "statementInjection" | "suggestValuePlaceholder" | "suggestNamePlaceholder" | "suggestParameters";

type Position = { language: "expression"; at: ExpressionPosition } | { language: "partiql"; at: PartiqlPosition };

interface Finding {
  node: Node;
  site: ExpressionSite;
  position: Position;
  origins: Origin[];
  /** The part is the member's whole text (`FilterExpression: req.query.filter`). */
  whole: boolean;
}

interface Verdict {
  /** Reported by the recommended configuration (request input, open parameters) or only with reportAllNonConstant. */
  level: "recommended" | "strict";
  source: string;
}

/** Marks a non-constant part inside the constant text around it: a name character, so glued text reads as one token. */
const DYNAMIC_MARK = "_";
const MAX_HELPER_LEVELS = 3;
/** Request members that always hold strings (route parameters, query strings, headers). */
const STRING_REQUEST_MEMBERS = new Set(["params", "query", "headers", "header", "pathParameters", "queryStringParameters", "cookies", "searchParams", "nextUrl", "req"]);

export default createRule<Options, MessageIds>({
  name: "no-expression-injection",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow DynamoDB expressions and PartiQL statements built from request input or other non-constant text",
      recommended: true,
      strictOptions: { reportAllNonConstant: true },
      cwe: ["CWE-943"],
      securitySeverity: 8.1,
    },
    messages: {
      expressionInjection:
        "{{member}} is built from `{{value}}`, which {{source}}. DynamoDB reads expression text as attribute paths and operators, so whoever controls it decides what the expression reads, tests or writes: pass values through ExpressionAttributeValues (`:placeholder`) and attribute names through ExpressionAttributeNames (`#placeholder`, picked from an allow-list).",
      statementInjection:
        "The PartiQL {{member}} is built from `{{value}}`, which {{source}}. Spliced text becomes part of the statement (PartiQL injection): pass values as `?` markers with Parameters, and pick table and attribute names from an allow-list.",
      suggestValuePlaceholder: "Compare with a value: use {{placeholder}} and add `{{value}}` to ExpressionAttributeValues",
      suggestNamePlaceholder: "Use it as an attribute name: use {{placeholder}} and add `{{value}}` to ExpressionAttributeNames (allow-list the names it may take)",
      suggestParameters: "Pass the spliced values as PartiQL parameters (`?` markers with Parameters)",
    },
    schema: [
      {
        type: "object",
        properties: {
          reportAllNonConstant: {
            type: "boolean",
            description:
              "Report every non-constant part of expression text, not only request input and function parameters (placeholder names, process.env and imported configuration stay allowed). The strict config sets it.",
          },
          autofix: {
            type: "boolean",
            description: "Apply the rewrite of quoted PartiQL values ('${id}' to ? with Parameters) as an automatic fix instead of a suggestion.",
          },
        },
        additionalProperties: false,
      },
    ],
    hasSuggestions: true,
    fixable: "code",
    defaultOptions: [{ reportAllNonConstant: false, autofix: false }],
  },
  defaultOptions: [{ reportAllNonConstant: false, autofix: false }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const reportAll = options.reportAllNonConstant === true;
    const autofix = options.autofix === true;

    return {
      "Program:exit"() {
        const analysis = getAnalysis(context);
        const sites = analysis.expressionSites;
        if (sites.length === 0) return;
        const findings = new Map<Node, Finding>();
        for (const site of sites) {
          for (const value of site.values) collect(analysis, site, value, findings, 0);
        }
        const ordered = [...findings.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
        for (const finding of ordered) {
          if (finding.position.language === "expression" && finding.position.at.kind === "placeholder") continue;
          // A number or a boolean cannot carry syntax (`list[${index}]` with a numeric index, `n > ${Number(x)}`).
          const type = analysis.typeOf(finding.node);
          if (type === "number" || type === "boolean") continue;
          // Checked against constants or an allow-list where it is used (`if (op === "in")`, `if (!FIELDS.includes(f)) return`).
          if (analysis.guards.isConstrained(finding.node)) continue;
          // A key of what a closed object schema returned (`Object.keys(Joi.object({ ... }).validate(x).value)`), or of an
          // object literal every caller passes (`update(id, { Title: t })`): a name the code lists.
          if (analysis.allowLists.isKeyOfClosedObject(finding.node)) continue;
          const verdict = judge(analysis, finding);
          if (!verdict || (verdict.level === "strict" && !reportAll)) continue;
          report(analysis, finding, verdict);
        }
      },
    };

    /** Every non-constant part of a member's text, with its position; a pass-through parameter is followed to its callers. */
    function collect(analysis: FileAnalysis, site: ExpressionSite, value: Node, findings: Map<Node, Finding>, level: number): void {
      const resolved = analysis.values.resolveString(value);
      for (const alternative of resolved.alternatives) {
        let before = "";
        alternative.forEach((segment, i) => {
          if (segment.kind === "text") {
            before += segment.value;
            return;
          }
          const next = alternative[i + 1];
          const after = next === undefined ? "" : next.kind === "text" ? next.value : DYNAMIC_MARK;
          const whole = alternative.length === 1;
          // `KeyConditionExpression: condition` in a helper: the text is whatever the callers pass.
          if (whole && level < MAX_HELPER_LEVELS && segment.origins.length > 0 && segment.origins.every((origin) => origin.kind === "parameter")) {
            let followed = true;
            for (const origin of segment.origins as Array<Extract<Origin, { kind: "parameter" }>>) {
              const callers = analysis.callSites.callersOf(origin.fn);
              if (callers.kind !== "local") {
                followed = false;
                continue;
              }
              for (const callSite of callers.sites) {
                const argument = analysis.callSites.argumentAt(callSite.call, origin.index, origin.path);
                if (argument) collect(analysis, site, argument, findings, level + 1);
              }
            }
            if (followed) return;
          }
          const position: Position =
            site.language === "expression"
              ? { language: "expression", at: expressionPosition(before, after) }
              : { language: "partiql", at: partiqlPosition(before, after) };
          const previous = findings.get(segment.node);
          if (!previous || isPlaceholder(previous.position)) {
            findings.set(segment.node, { node: segment.node, site, position, origins: segment.origins, whole });
          }
          before += DYNAMIC_MARK;
        });
      }
    }

    /** Whether (and why) a non-constant part is worth a report. */
    function judge(analysis: FileAnalysis, finding: Finding): Verdict | undefined {
      let strict: Verdict | undefined;
      for (const origin of finding.origins) {
        switch (origin.kind) {
          case "request":
            return { level: "recommended", source: `comes from request input ${describeRequestSource(origin)}` };
          case "parameter": {
            const fnName = functionName(origin.fn);
            const parameter = origin.name ?? `#${origin.index + 1}`;
            // Every call in the project is read only when it can change the report: not for a whole expression passed through, unless strict.
            const verdict = analysis.callSites.judgeParameter(origin, 0, undefined, !finding.whole || reportAll);
            if (verdict.open) {
              // A parameter passed through whole is a wrapper's business; text built around one is this code's.
              const open = verdict.openAt ?? origin;
              const source = `is parameter \`${open.name ?? `#${open.index + 1}`}\` of \`${functionName(open.fn)}\`, which callers can set to anything`;
              if (!finding.whole) return { level: "recommended", source };
              strict ??= { level: "strict", source };
            }
            // Names from the keys of the object passed in: what the calls that choose the keys pass (`{ ...req.body }`).
            const keyOrigins = analysis.allowLists.keyedObject(finding.node) ? analysis.callSites.openKeyOrigins(origin) : undefined;
            const passed = keyOrigins?.some((inner) => inner.kind === "request") ? keyOrigins : verdict.origins;
            for (const inner of passed) {
              if (inner.kind === "request") return { level: "recommended", source: `comes from request input ${describeRequestSource(inner)} passed to \`${fnName}\`` };
              if (inner.kind !== "env" && inner.kind !== "module" && !(inner.kind === "unknown" && inner.exhausted)) strict ??= { level: "strict", source: `is parameter \`${parameter}\` of \`${fnName}\`, which its callers set to a non-constant value` };
            }
            break;
          }
          case "caller":
            strict ??= { level: "strict", source: `comes from the authenticated caller (\`${sourceText(origin)}\`)` };
            break;
          case "env":
          case "module":
            break;
          case "unknown":
            // A resolver that gave up (budget, depth, cycles) is no evidence: quiet.
            if (!origin.exhausted) strict ??= { level: "strict", source: "is not a constant" };
            break;
          default:
            strict ??= { level: "strict", source: "is not a constant" };
        }
      }
      return strict;
    }

    function report(analysis: FileAnalysis, finding: Finding, verdict: Verdict): void {
      const data = { member: finding.site.member, value: snippet(finding.node), source: verdict.source };
      if (finding.site.language === "partiql") {
        const rewrite = partiqlRewrite(analysis, finding);
        const fix = rewrite && autofix && rewrite.quotedOnly ? rewrite.fix : undefined;
        context.report({
          node: finding.node,
          messageId: "statementInjection",
          data,
          fix,
          suggest: rewrite && !fix ? [{ messageId: "suggestParameters", fix: rewrite.fix }] : [],
        });
        return;
      }
      const suggestions = expressionSuggestions(analysis, finding);
      context.report({ node: finding.node, messageId: "expressionInjection", data, suggest: suggestions });
    }

    // ------------------------------------------------------------ expression remedies

    function expressionSuggestions(analysis: FileAnalysis, finding: Finding): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const at = finding.position.language === "expression" ? finding.position.at : undefined;
      if (at?.kind !== "operand") return [];
      const site = finding.site;
      const edit = editableSite(analysis, site);
      const splice = edit && templateSplice(analysis, finding.node, site);
      if (!edit || !splice || !movable(analysis, finding.node, edit.literal)) return [];
      const taken = takenPlaceholders(analysis, site, edit.literal);
      const base = placeholderBase(finding.node);
      const valueText = sourceCode.getText(finding.node);
      const quote = quoteOf(edit.literal);
      const names = analysis.values.resolveObject(edit.literal)?.properties.get("ExpressionAttributeNames");
      const values = analysis.values.resolveObject(edit.literal)?.properties.get("ExpressionAttributeValues");
      const namesTarget = entriesTarget(names, edit.literal, "ExpressionAttributeNames");
      const valuesTarget = entriesTarget(values, edit.literal, "ExpressionAttributeValues");

      // Reserved words in the template's own text get `#word` placeholders too (DynamoDB rejects them bare).
      const reserved = splice.template ? reservedIn(splice.template, taken, names, analysis) : [];
      const build = (kind: "value" | "name"): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined => {
        const target = kind === "value" ? valuesTarget : namesTarget;
        if (!target || (reserved.some((word) => word.entry) && !namesTarget)) return undefined;
        const placeholder = fresh(kind === "value" ? ":" : "#", base, taken);
        let entryValue = valueText;
        if (kind === "value") {
          const style = target.style ?? (site.client === "document" ? "native" : site.client === "low-level" ? "attribute-value" : undefined);
          if (!style) return undefined;
          if (style === "attribute-value") {
            const type = knownType(analysis, finding.node);
            if (!type) return undefined;
            entryValue = type === "string" ? `{ S: ${valueText} }` : `{ N: String(${valueText}) }`;
          }
        }
        const nameEntries = reserved.filter((word) => word.entry).map((word) => `${quote}${word.placeholder}${quote}: ${quote}${word.word}${quote}`);
        const ownEntry = `${quote}${placeholder}${quote}: ${entryValue}`;
        return {
          messageId: kind === "value" ? "suggestValuePlaceholder" : "suggestNamePlaceholder",
          data: { placeholder, value: snippet(finding.node) },
          fix: (fixer) => {
            const fixes: Fix[] = [fixer.replaceTextRange(splice.range, splice.text(placeholder))];
            for (const word of reserved) fixes.push(fixer.replaceTextRange([word.start, word.end], word.placeholder));
            const additions = new Map<EntriesTarget, string[]>();
            const add = (t: EntriesTarget, entry: string) => additions.set(t, [...(additions.get(t) ?? []), entry]);
            if (kind === "value") add(valuesTarget!, ownEntry);
            else add(namesTarget!, ownEntry);
            for (const entry of nameEntries) add(namesTarget!, entry);
            const created: string[] = [];
            for (const [t, entries] of additions) {
              if (t.object) fixes.push(...insertProperties(sourceCode, fixer, t.object, entries));
              else created.push(`${t.member}: { ${entries.join(", ")} }`);
            }
            if (created.length > 0) fixes.push(...insertProperties(sourceCode, fixer, edit.literal, created));
            return fixes;
          },
        };
      };
      const order: Array<"value" | "name"> = site.member === "ProjectionExpression" ? ["name"] : at.valueLikely ? ["value", "name"] : ["name", "value"];
      return order.map(build).filter((suggestion): suggestion is TSESLint.SuggestionReportDescriptor<MessageIds> => suggestion !== undefined);
    }

    // ------------------------------------------------------------ PartiQL remedies

    function partiqlRewrite(analysis: FileAnalysis, finding: Finding): { fix: TSESLint.ReportFixFunction; quotedOnly: boolean } | undefined {
      const site = finding.site;
      const client = site.client;
      if (site.values.length !== 1 || client === "unknown") return undefined;
      const edit = editableSite(analysis, site);
      const splice = edit && templateSplice(analysis, finding.node, site);
      const template = splice?.template;
      if (!edit || !template || analysis.values.definitionOf(site.values[0]) !== template) return undefined;
      const holder = analysis.values.resolveObject(edit.literal);
      const parameters = holder?.properties.get("Parameters");
      let existing: TSESTree.ArrayExpression | undefined;
      if (parameters) {
        const value = unwrap(parameters.value);
        if (value.type !== AST_NODE_TYPES.ArrayExpression || parameters.property?.parent !== edit.literal) return undefined;
        if (value.elements.some((element) => !element || element.type === AST_NODE_TYPES.SpreadElement)) return undefined;
        existing = value;
      }
      // Walk the statement: existing `?` markers keep their Parameters; converted parts get new ones in order.
      const quoteState: { quote: "'" | '"' | undefined } = { quote: undefined };
      let markers = 0;
      let before = "";
      const inserts: Array<{ at: number; text: string }> = [];
      const replacements: Array<{ range: [number, number] }> = [];
      let convertedFinding = false;
      let quotedOnly = true;
      template.quasis.forEach((quasi, i) => {
        const text = quasi.value.cooked ?? quasi.value.raw;
        markers += countParameterMarkers(text, quoteState);
        before += text;
        const expression = template.expressions[i];
        if (!expression) return;
        const nextQuasi = template.quasis[i + 1];
        const after = nextQuasi.value.cooked ?? nextQuasi.value.raw;
        const position = partiqlPosition(before, after);
        before += DYNAMIC_MARK;
        if (position.kind !== "quoted-value" && position.kind !== "bare-value") return;
        const parameter = parameterText(analysis, expression, position.kind, client);
        const range = spliceRange(expression);
        if (!parameter || !range || !movable(analysis, expression, edit.literal)) return;
        if (position.kind === "quoted-value") {
          // '${id}': from the opening quote (before `${`) to the closing one (after `}`).
          const open = range[0] - 3;
          const close = range[1] + 1;
          if (sourceCode.text[open] !== "'" || sourceCode.text[close] !== "'") return;
          replacements.push({ range: [open, close + 1] });
        } else {
          quotedOnly = false;
          replacements.push({ range: [range[0] - 2, range[1] + 1] });
        }
        if (contains(expression, finding.node)) convertedFinding = true;
        // Before the existing Parameters element that the next `?` marker would take.
        inserts.push({ at: markers, text: parameter });
      });
      if (!convertedFinding || inserts.length === 0) return undefined;
      if ((existing?.elements.length ?? 0) !== markers) return undefined;
      const fix: TSESLint.ReportFixFunction = (fixer) => {
        const fixes: Fix[] = replacements.map((replacement) => fixer.replaceTextRange(replacement.range, "?"));
        if (!existing) {
          fixes.push(...insertProperties(sourceCode, fixer, edit.literal, [`Parameters: [${inserts.map((insert) => insert.text).join(", ")}]`]));
          return fixes;
        }
        fixes.push(...insertArrayElements(sourceCode, fixer, existing, inserts));
        return fixes;
      };
      return { fix, quotedOnly };
    }

    function parameterText(analysis: FileAnalysis, expression: Node, kind: "quoted-value" | "bare-value", client: "document" | "low-level"): string | undefined {
      const text = sourceCode.getText(expression);
      const type = knownType(analysis, expression);
      if (kind === "quoted-value") {
        const value = type === "string" ? text : `String(${text})`;
        return client === "document" ? value : `{ S: ${value} }`;
      }
      if (client === "document") return text;
      return type === "number" ? `{ N: String(${text}) }` : undefined;
    }

    // ------------------------------------------------------------ editing helpers

    /** The object literal to edit: it holds the member's property itself, it is complete, and the member is not set later. */
    function editableSite(analysis: FileAnalysis, site: ExpressionSite): { literal: TSESTree.ObjectExpression } | undefined {
      const literal = site.holderLiteral;
      if (!literal || !site.property.property || site.property.assignment || site.property.appends?.length) return undefined;
      const holder = analysis.values.resolveObject(literal);
      if (!holder?.complete) return undefined;
      return { literal };
    }

    /**
     * Where the part sits in text that flows, unconditionally and only, into the member's value: directly
     * in a template literal (`${x}`) or as an operand of `+`. Undefined for anything else (helpers, branches,
     * variables read elsewhere).
     */
    function templateSplice(analysis: FileAnalysis, node: Node, site: ExpressionSite): Splice | undefined {
      const { parent, child } = valueParent(node);
      let container: Node;
      let result: Splice;
      if (parent?.type === AST_NODE_TYPES.TemplateLiteral && parent.expressions.includes(child as TSESTree.Expression)) {
        const range = spliceRange(child);
        if (!range) return undefined;
        result = { range: [range[0] - 2, range[1] + 1], template: parent, text: (placeholder) => placeholder };
        container = parent;
      } else if (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === "+") {
        result = plusSplice(parent, child);
        container = parent;
      } else {
        return undefined;
      }
      return flowsOnlyInto(analysis, container, site.values[0]) ? result : undefined;
    }

    /**
     * An operand of `+`: merged into the string literals right beside it (`"SET " + f + " = :v"` becomes
     * `"SET #f = :v"`), or replaced by a literal of its own when there are none.
     */
    function plusSplice(parent: TSESTree.BinaryExpression, child: Node): Splice {
      const stringLiteral = (node: Node | undefined): TSESTree.StringLiteral | undefined =>
        node?.type === AST_NODE_TYPES.Literal && typeof node.value === "string" ? (node as TSESTree.StringLiteral) : undefined;
      let start = child.range[0];
      let end = child.range[1];
      let before = "";
      let after = "";
      let quote: string | undefined;
      // Only `+` and spaces between the pieces: no parentheses or comments to keep.
      const joinedByPlus = (from: number, to: number) => /^\s*\+\s*$/.test(sourceCode.text.slice(from, to));
      const leftCandidate = parent.right === child ? stringLiteral(parent.left) : undefined;
      const left = leftCandidate && joinedByPlus(leftCandidate.range[1], child.range[0]) ? leftCandidate : undefined;
      if (left) {
        start = left.range[0];
        before = left.value;
        quote = left.raw[0];
      }
      // `(... + child) + " = :v"` or `child + " = :v"`: the literal after it.
      const holder = parent.left === child ? parent : parent.parent?.type === AST_NODE_TYPES.BinaryExpression && parent.parent.operator === "+" && parent.parent.left === parent ? parent.parent : undefined;
      const right = holder ? stringLiteral(holder.right) : undefined;
      if (right && (!quote || right.raw[0] === quote) && (holder === parent || left) && joinedByPlus(child.range[1], right.range[0])) {
        end = right.range[1];
        after = right.value;
        quote ??= right.raw[0];
      }
      const q = quote ?? '"';
      const merged = (placeholder: string) => `${before}${placeholder}${after}`;
      // Only text that needs no escaping is merged; otherwise the placeholder gets a literal of its own.
      if ((before || after) && !/[\\\n\r]/.test(before + after) && !(before + after).includes(q)) {
        return { range: [start, end], template: undefined, text: (placeholder) => `${q}${merged(placeholder)}${q}` };
      }
      return { range: child.range, template: undefined, text: (placeholder) => `${q}${placeholder}${q}` };
    }

    /** The source range of a template substitution's content, between `${` and `}`. */
    function spliceRange(expression: Node): [number, number] | undefined {
      const open = sourceCode.getTokenBefore(expression, { filter: (token) => token.type === "Template" });
      const close = sourceCode.getTokenAfter(expression, { filter: (token) => token.type === "Template" });
      if (!open || !close || !open.value.endsWith("${") || !close.value.startsWith("}")) return undefined;
      return [open.range[1], close.range[0]];
    }

    /** Does `node`'s text reach `value` only through `+`, templates and type wrappers (or one single-use variable)? */
    function flowsOnlyInto(analysis: FileAnalysis, node: Node, value: Node): boolean {
      let current = node;
      for (let i = 0; i < 200; i++) {
        if (current === value) return true;
        const parent = current.parent;
        if (!parent) return false;
        if (
          (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === "+") ||
          parent.type === AST_NODE_TYPES.TemplateLiteral ||
          parent.type === AST_NODE_TYPES.TSAsExpression ||
          parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
          parent.type === AST_NODE_TYPES.TSNonNullExpression
        ) {
          current = parent;
          continue;
        }
        // `const filter = `...`; ... { FilterExpression: filter }`: a variable written once and read only there.
        if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
          const variable = analysis.scope.variableOf(parent.id);
          if (!variable || analysis.scope.writesOf(variable).length !== 1) return false;
          const reads = variable.references.filter((reference) => reference.isRead());
          if (reads.length !== 1) return false;
          return flowsOnlyInto(analysis, reads[0].identifier as Node, value);
        }
        return false;
      }
      return false;
    }

    /**
     * Can the part's expression move to the object literal? Only plain reads (identifiers, member chains,
     * String()/Number()) whose variables are in scope there, not inside a loop or callback the literal is outside of.
     */
    function movable(analysis: FileAnalysis, node: Node, literal: TSESTree.ObjectExpression): boolean {
      if (!plainRead(node, 0)) return false;
      for (let current = node.parent; current && !contains(current, literal); current = current.parent) {
        if (isFunction(current) || isLoop(current)) return false;
      }
      const identifiers: TSESTree.Identifier[] = [];
      collectRootIdentifiers(node, identifiers, 0);
      for (const identifier of identifiers) {
        const variable = analysis.scope.variableOf(identifier);
        const definition = variable?.defs[0];
        if (!variable || !definition) continue;
        if (!contains(variable.scope.block as Node, literal)) return false;
        if (definition.type === "Variable" && definition.name.range[0] > literal.range[0]) return false;
      }
      return true;
    }

    function entriesTarget(property: { value: Node; property?: TSESTree.Property } | undefined, literal: TSESTree.ObjectExpression, member: string): EntriesTarget | undefined {
      if (!property) return { member, object: undefined, style: undefined };
      if (property.property?.parent !== literal) return undefined;
      const value = unwrap(property.value);
      if (value.type === AST_NODE_TYPES.ObjectExpression) return { member, object: value, style: styleOf(value) };
      // marshall({ ":v": v }): native values inside.
      if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 1) {
        const argument = unwrap(value.arguments[0]);
        const callee = unwrap(value.callee);
        const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : "";
        if (argument.type === AST_NODE_TYPES.ObjectExpression && name === "marshall") return { member, object: argument, style: "native" };
      }
      return undefined;
    }

    function reservedIn(
      template: TSESTree.TemplateLiteral,
      taken: Set<string>,
      names: { value: Node } | undefined,
      analysis: FileAnalysis,
    ): Array<{ word: string; start: number; end: number; placeholder: string; entry: boolean }> {
      const existing = new Map<string, string>();
      if (names) {
        for (const [key, property] of analysis.values.resolveObject(names.value)?.properties ?? []) {
          const value = unwrap(property.value);
          if (value.type === AST_NODE_TYPES.Literal && typeof value.value === "string") existing.set(value.value, key);
        }
      }
      const result: Array<{ word: string; start: number; end: number; placeholder: string; entry: boolean }> = [];
      const chosen = new Map<string, string>();
      template.quasis.forEach((quasi, i) => {
        const raw = quasi.value.raw;
        const text = sourceCode.text.slice(quasi.range[0], quasi.range[1]);
        const offset = quasi.range[0] + text.indexOf(raw);
        for (const word of reservedWordsIn(raw)) {
          if ((word.start === 0 && i > 0) || (word.end === raw.length && i < template.quasis.length - 1)) continue;
          const known = existing.get(word.word) ?? chosen.get(word.word);
          const placeholder = known ?? fresh("#", word.word, taken);
          chosen.set(word.word, placeholder);
          result.push({ word: word.word, start: offset + word.start, end: offset + word.end, placeholder, entry: !known && !result.some((other) => other.word === word.word) });
        }
      });
      return result;
    }

    function takenPlaceholders(analysis: FileAnalysis, site: ExpressionSite, literal: TSESTree.ObjectExpression): Set<string> {
      const taken = new Set<string>();
      for (const member of ["ExpressionAttributeValues", "ExpressionAttributeNames"]) {
        const entries = site.holder.properties.get(member);
        for (const key of (entries && analysis.values.resolveObject(entries.value)?.properties.keys()) ?? []) taken.add(key);
      }
      // Any placeholder-looking token in the function around the input (other members, later assignments).
      let scopeNode: Node = literal;
      while (scopeNode.parent && !isFunction(scopeNode)) scopeNode = scopeNode.parent;
      const text = sourceCode.getText(scopeNode);
      for (const match of text.matchAll(/[#:]\w+/g)) taken.add(match[0]);
      return taken;
    }

    function knownType(analysis: FileAnalysis, node: Node): "string" | "number" | undefined {
      const type = analysis.typeOf(node);
      if (type === "string" || type === "number") return type;
      if (type) return undefined;
      const origins = analysis.values.originsOf(node);
      if (origins.length > 0 && origins.every((origin) => origin.kind === "request" && STRING_REQUEST_MEMBERS.has(origin.path.split(".")[0]))) {
        return "string";
      }
      return undefined;
    }

    function quoteOf(literal: TSESTree.ObjectExpression): string {
      const text = sourceCode.getText(literal);
      let single = 0;
      let double = 0;
      for (const char of text) {
        if (char === "'") single++;
        else if (char === '"') double++;
      }
      return single > double ? "'" : '"';
    }

    function snippet(node: Node): string {
      const text = sourceCode.getText(node).replace(/\s+/g, " ");
      return text.length > 40 ? `${text.slice(0, 39)}…` : text;
    }
  },
});

interface Splice {
  /** The source range the remedy replaces. */
  range: [number, number];
  /** The template literal the part sits in, when it is one. */
  template: TSESTree.TemplateLiteral | undefined;
  /** The replacement text for a placeholder. */
  text: (placeholder: string) => string;
}

interface EntriesTarget {
  /** Member name to create (when `object` is undefined). */
  member: string;
  object: TSESTree.ObjectExpression | undefined;
  style: "native" | "attribute-value" | undefined;
}

function isPlaceholder(position: Position): boolean {
  return position.language === "expression" && position.at.kind === "placeholder";
}

function isLoop(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

function plainRead(node: Node, depth: number): boolean {
  if (depth > 20) return false;
  const current = unwrap(node);
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return (
        plainRead(current.object, depth + 1) &&
        (!current.computed || current.property.type === AST_NODE_TYPES.Literal || current.property.type === AST_NODE_TYPES.Identifier)
      );
    case AST_NODE_TYPES.CallExpression:
      return (
        current.callee.type === AST_NODE_TYPES.Identifier &&
        (current.callee.name === "String" || current.callee.name === "Number") &&
        current.arguments.length === 1 &&
        plainRead(current.arguments[0], depth + 1)
      );
    default:
      return false;
  }
}

function collectRootIdentifiers(node: Node, out: TSESTree.Identifier[], depth: number): void {
  if (depth > 20) return;
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) out.push(current);
  else if (current.type === AST_NODE_TYPES.MemberExpression) {
    collectRootIdentifiers(current.object, out, depth + 1);
    if (current.computed) collectRootIdentifiers(current.property, out, depth + 1);
  } else if (current.type === AST_NODE_TYPES.CallExpression) {
    for (const argument of current.arguments) collectRootIdentifiers(argument, out, depth + 1);
  }
}

/** An attribute-value or native value style, from the values an ExpressionAttributeValues literal already holds. */
function styleOf(object: TSESTree.ObjectExpression): "native" | "attribute-value" | undefined {
  let attribute = 0;
  let native = 0;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value = unwrap(property.value);
    if (value.type === AST_NODE_TYPES.ObjectExpression && value.properties.length === 1) {
      const only = value.properties[0];
      const key = only.type === AST_NODE_TYPES.Property && only.key.type === AST_NODE_TYPES.Identifier ? only.key.name : undefined;
      if (key && /^(?:[BLMNS]|SS|NS|BS|NULL|BOOL)$/.test(key)) {
        attribute++;
        continue;
      }
    }
    native++;
  }
  if (attribute > 0 && native === 0) return "attribute-value";
  if (native > 0 && attribute === 0) return "native";
  return undefined;
}

function functionName(fn: TSESTree.Node): string {
  return declaredFunctionName(fn) ?? "an anonymous function";
}

/** A fresh placeholder: `prefix + base`, numbered when taken; records it as taken. */
function fresh(prefix: "#" | ":", base: string, taken: Set<string>): string {
  let candidate = `${prefix}${base}`;
  for (let i = 2; taken.has(candidate); i++) candidate = `${prefix}${base}${i}`;
  taken.add(candidate);
  return candidate;
}

/** A readable placeholder name from the spliced expression: `status`, `req.query.status` → `status`. */
function placeholderBase(node: Node): string {
  let current = unwrap(node);
  for (let i = 0; i < 20; i++) {
    if (current.type === AST_NODE_TYPES.CallExpression && current.arguments[0]) current = unwrap(current.arguments[0]);
    else break;
  }
  let name = "value";
  if (current.type === AST_NODE_TYPES.Identifier) name = current.name;
  else if (current.type === AST_NODE_TYPES.MemberExpression && current.property.type === AST_NODE_TYPES.Identifier && !current.computed) name = current.property.name;
  else if (current.type === AST_NODE_TYPES.MemberExpression && current.property.type === AST_NODE_TYPES.Literal) name = String(current.property.value);
  const clean = name.replace(/\W/g, "");
  return clean.length > 0 ? clean : "value";
}
