// Small, bounded parsers for the text of DynamoDB condition-like expressions (`KeyConditionExpression`,
// `ConditionExpression`, `FilterExpression`) and of PartiQL statements. They answer structural questions
// (which attribute is compared with which `:value` placeholder or `?` parameter, under which AND/OR/NOT)
// without evaluating anything. Text they cannot parse gives `undefined`: callers treat it as unknown.

/** An attribute path operand: its first element (a `#name` placeholder or a plain name) and the rest. */
export interface AttributeOperand {
  kind: "attribute";
  /** Path elements as written: `#owner`, `owner`, `info`, `[0]`. */
  path: string[];
}
export interface ValueOperand {
  kind: "value";
  /** The placeholder as written, with its colon (`:owner`). */
  placeholder: string;
}
export interface OtherOperand {
  kind: "other";
}
export type Operand = AttributeOperand | ValueOperand | OtherOperand;

/** A parsed condition. `compare` covers `=`, `<>`, `<`, `<=`, `>`, `>=`, `BETWEEN` and `IN`. */
export type ConditionNode =
  | { kind: "and" | "or"; items: ConditionNode[] }
  | { kind: "not"; item: ConditionNode }
  | { kind: "compare"; operator: string; operands: Operand[] }
  | { kind: "function"; name: string; operands: Operand[] };

const MAX_TOKENS = 5_000;
const MAX_DEPTH = 100;

type Token = { type: "name" | "value" | "word" | "number" | "op" | "punct"; text: string };

function tokenizeExpression(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (tokens.length > MAX_TOKENS) return undefined;
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c === "#" || c === ":") {
      let j = i + 1;
      while (j < text.length && isWordChar(text[j])) j++;
      if (j === i + 1) return undefined;
      tokens.push({ type: c === "#" ? "name" : "value", text: text.slice(i, j) });
      i = j;
      continue;
    }
    if (isWordStart(text[i])) {
      let j = i + 1;
      while (j < text.length && isWordChar(text[j])) j++;
      tokens.push({ type: "word", text: text.slice(i, j) });
      i = j;
      continue;
    }
    if (c >= "0" && c <= "9") {
      let j = i + 1;
      while (j < text.length && text[j] >= "0" && text[j] <= "9") j++;
      tokens.push({ type: "number", text: text.slice(i, j) });
      i = j;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      tokens.push({ type: "op", text: two });
      i += 2;
      continue;
    }
    if (c === "=" || c === "<" || c === ">") {
      tokens.push({ type: "op", text: c });
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === "," || c === "." || c === "[" || c === "]") {
      tokens.push({ type: "punct", text: c });
      i++;
      continue;
    }
    return undefined;
  }
  return tokens;
}

function isWordStart(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
}

function isWordChar(c: string): boolean {
  return isWordStart(c) || (c >= "0" && c <= "9") || c === "-";
}

const KEYWORDS = new Set(["AND", "OR", "NOT", "BETWEEN", "IN"]);

class ExpressionParser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): ConditionNode | undefined {
    const node = this.or();
    return node && this.position === this.tokens.length ? node : undefined;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  private keyword(word: string): boolean {
    const token = this.peek();
    return token?.type === "word" && token.text.toUpperCase() === word;
  }

  private punct(text: string): boolean {
    const token = this.peek();
    return token?.type === "punct" && token.text === text;
  }

  private or(): ConditionNode | undefined {
    if (++this.depth > MAX_DEPTH) return undefined;
    try {
      const items: ConditionNode[] = [];
      for (;;) {
        const item = this.and();
        if (!item) return undefined;
        items.push(item);
        if (!this.keyword("OR")) break;
        this.position++;
      }
      return items.length === 1 ? items[0] : { kind: "or", items };
    } finally {
      this.depth--;
    }
  }

  private and(): ConditionNode | undefined {
    const items: ConditionNode[] = [];
    for (;;) {
      const item = this.not();
      if (!item) return undefined;
      items.push(item);
      if (!this.keyword("AND")) break;
      this.position++;
    }
    return items.length === 1 ? items[0] : { kind: "and", items };
  }

  private not(): ConditionNode | undefined {
    let negations = 0;
    while (this.keyword("NOT") && negations < MAX_DEPTH) {
      this.position++;
      negations++;
    }
    let node = this.primary();
    if (!node) return undefined;
    for (let i = 0; i < negations; i++) node = { kind: "not", item: node };
    return node;
  }

  private primary(): ConditionNode | undefined {
    if (this.punct("(")) {
      this.position++;
      const inner = this.or();
      if (!inner || !this.punct(")")) return undefined;
      this.position++;
      return inner;
    }
    const token = this.peek();
    // A function used as a condition: attribute_exists(a), begins_with(a, :v), contains(a, :v).
    if (token?.type === "word" && !KEYWORDS.has(token.text.toUpperCase()) && this.peek(1)?.text === "(" && token.text.toLowerCase() !== "size") {
      this.position += 2;
      const operands = this.operandList(")");
      if (!operands) return undefined;
      return { kind: "function", name: token.text.toLowerCase(), operands };
    }
    const left = this.operand();
    if (!left) return undefined;
    const next = this.peek();
    if (next?.type === "op") {
      this.position++;
      const right = this.operand();
      if (!right) return undefined;
      return { kind: "compare", operator: next.text, operands: [left, right] };
    }
    if (this.keyword("BETWEEN")) {
      this.position++;
      const low = this.operand();
      if (!low || !this.keyword("AND")) return undefined;
      this.position++;
      const high = this.operand();
      if (!high) return undefined;
      return { kind: "compare", operator: "BETWEEN", operands: [left, low, high] };
    }
    if (this.keyword("IN")) {
      this.position++;
      if (!this.punct("(")) return undefined;
      this.position++;
      const list = this.operandList(")");
      if (!list) return undefined;
      return { kind: "compare", operator: "IN", operands: [left, ...list] };
    }
    return undefined;
  }

  /** Operands separated by commas up to the closing token (consumed). */
  private operandList(close: string): Operand[] | undefined {
    const operands: Operand[] = [];
    if (this.punct(close)) {
      this.position++;
      return operands;
    }
    for (;;) {
      const operand = this.operand();
      if (!operand) return undefined;
      operands.push(operand);
      if (this.punct(",")) {
        this.position++;
        continue;
      }
      if (this.punct(close)) {
        this.position++;
        return operands;
      }
      return undefined;
    }
  }

  private operand(): Operand | undefined {
    const token = this.peek();
    if (!token) return undefined;
    if (token.type === "value") {
      this.position++;
      return { kind: "value", placeholder: token.text };
    }
    if (token.type === "word" && token.text.toLowerCase() === "size" && this.peek(1)?.text === "(") {
      this.position += 2;
      const inner = this.operandList(")");
      return inner ? { kind: "other" } : undefined;
    }
    if (token.type === "name" || (token.type === "word" && !KEYWORDS.has(token.text.toUpperCase()))) {
      const path = [token.text];
      this.position++;
      for (let i = 0; i < MAX_TOKENS; i++) {
        if (this.punct(".") && (this.peek(1)?.type === "name" || this.peek(1)?.type === "word")) {
          path.push(this.peek(1)!.text);
          this.position += 2;
          continue;
        }
        if (this.punct("[") && this.peek(1)?.type === "number" && this.peek(2)?.text === "]") {
          path.push(`[${this.peek(1)!.text}]`);
          this.position += 3;
          continue;
        }
        break;
      }
      return { kind: "attribute", path };
    }
    if (token.type === "number") {
      this.position++;
      return { kind: "other" };
    }
    return undefined;
  }
}

/**
 * Where a name placeholder (`#name`) stands in expression text: how often it starts a document path (`#name = :v`,
 * `attribute_not_exists(#name)`) and how often it is an element below another (`packages.#name`, `#p . #name`).
 * `#name` inside a longer placeholder (`#names`) is not counted.
 */
export function placeholderUses(text: string, placeholder: string): { pathStart: number; nested: number } {
  const uses = { pathStart: 0, nested: 0 };
  for (let at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, at + 1)) {
    if (/\w/.test(text[at + placeholder.length] ?? "")) continue;
    if (text.slice(0, at).trimEnd().endsWith(".")) uses.nested++;
    else uses.pathStart++;
  }
  return uses;
}

/** Parses a condition, key condition or filter expression; undefined when the text is not one. */
export function parseConditionExpression(text: string): ConditionNode | undefined {
  const tokens = tokenizeExpression(text);
  if (!tokens || tokens.length === 0) return undefined;
  return new ExpressionParser(tokens).parse();
}

// ---------------------------------------------------------------- PartiQL

export interface PartiqlStatement {
  verb: "SELECT" | "UPDATE" | "DELETE" | "INSERT" | "EXISTS";
  /** The table (first name after FROM / UPDATE / INTO), unquoted. */
  table: string | undefined;
  /** Comparisons in the WHERE clause that compare an attribute with a `?` parameter (by position in the statement). */
  whereComparisons: Array<{ attribute: string; parameterIndex: number }>;
  /** True when the WHERE clause contains OR or NOT: a comparison there does not have to hold. */
  whereHasDisjunction: boolean;
}

type PartiqlToken = { type: "word" | "quoted" | "string" | "param" | "op" | "punct" | "number"; text: string };

function tokenizePartiql(text: string): PartiqlToken[] | undefined {
  const tokens: PartiqlToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (tokens.length > MAX_TOKENS) return undefined;
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let value = "";
      for (; j < text.length; j++) {
        if (text[j] === c) {
          if (text[j + 1] === c) {
            value += c;
            j++;
            continue;
          }
          break;
        }
        value += text[j];
      }
      if (j >= text.length) return undefined;
      tokens.push({ type: c === "'" ? "string" : "quoted", text: value });
      i = j + 1;
      continue;
    }
    if (c === "?") {
      tokens.push({ type: "param", text: "?" });
      i++;
      continue;
    }
    if (isWordStart(c)) {
      let j = i + 1;
      while (j < text.length && (isWordStart(text[j]) || (text[j] >= "0" && text[j] <= "9"))) j++;
      tokens.push({ type: "word", text: text.slice(i, j) });
      i = j;
      continue;
    }
    if (c >= "0" && c <= "9") {
      let j = i + 1;
      while (j < text.length && ((text[j] >= "0" && text[j] <= "9") || text[j] === ".")) j++;
      tokens.push({ type: "number", text: text.slice(i, j) });
      i = j;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=" || two === "!=" || two === "<<" || two === ">>") {
      tokens.push({ type: "op", text: two });
      i += 2;
      continue;
    }
    tokens.push({ type: c === "=" || c === "<" || c === ">" ? "op" : "punct", text: c });
    i++;
  }
  return tokens;
}

/** The parts of a PartiQL statement that decide which items it touches. */
export function parsePartiql(text: string): PartiqlStatement | undefined {
  const tokens = tokenizePartiql(text);
  if (!tokens || tokens.length === 0 || tokens[0].type !== "word") return undefined;
  const verb = tokens[0].text.toUpperCase();
  if (verb !== "SELECT" && verb !== "UPDATE" && verb !== "DELETE" && verb !== "INSERT" && verb !== "EXISTS") return undefined;
  const upper = (token: PartiqlToken | undefined) => (token?.type === "word" ? token.text.toUpperCase() : undefined);
  let table: string | undefined;
  let whereIndex = -1;
  let parameter = 0;
  const parameterAt = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "param") parameterAt.set(i, parameter++);
    const word = upper(token);
    if (table === undefined && (word === "FROM" || word === "INTO" || (word === "UPDATE" && i === 0))) {
      const next = tokens[i + 1];
      if (next?.type === "quoted" || (next?.type === "word" && next.text.toUpperCase() !== "FROM")) table = next.text;
    }
    if (word === "WHERE" && whereIndex < 0) whereIndex = i;
  }
  const whereComparisons: PartiqlStatement["whereComparisons"] = [];
  let whereHasDisjunction = false;
  if (whereIndex >= 0) {
    for (let i = whereIndex + 1; i < tokens.length; i++) {
      const word = upper(tokens[i]);
      if (word === "OR" || word === "NOT") whereHasDisjunction = true;
      if (tokens[i].type !== "op" || tokens[i].text !== "=") continue;
      const left = tokens[i - 1];
      const right = tokens[i + 1];
      const name = (token: PartiqlToken | undefined) =>
        token?.type === "quoted" || (token?.type === "word" && !KEYWORDS.has(token.text.toUpperCase())) ? token.text : undefined;
      if (right?.type === "param" && name(left) !== undefined) whereComparisons.push({ attribute: name(left)!, parameterIndex: parameterAt.get(i + 1)! });
      else if (left?.type === "param" && name(right) !== undefined) whereComparisons.push({ attribute: name(right)!, parameterIndex: parameterAt.get(i - 1)! });
    }
  }
  return { verb, table, whereComparisons, whereHasDisjunction };
}
