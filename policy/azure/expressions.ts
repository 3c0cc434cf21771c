/**
 * Template expressions inside policy rules (`"[parameters('effect')]"`, `"[field('name')]"`, …): a
 * small parser and the functions the built-ins use. Anything else throws UnsupportedPolicyError.
 * Sources: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#policy-functions
 * and https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions
 * (a string `[...]` is an expression; `[[` escapes a literal `[`; string literals use single quotes, `''` escapes one).
 */
import { UnsupportedPolicyError } from "./language";

export interface ExpressionScope {
  parameter(name: string): unknown;
  field(alias: string): unknown;
  /** `current()` inside a count's `where`; throws when not inside one. */
  current(name?: string): unknown;
}

type Node =
  | { kind: "literal"; value: unknown }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "member"; target: Node; key: Node };

/** True for a string Azure treats as an expression. */
export function isExpression(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("[") && !value.startsWith("[[") && value.endsWith("]");
}

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): Node {
    const node = this.expression();
    this.space();
    if (this.at !== this.text.length) this.fail(`unexpected "${this.text.slice(this.at)}"`);
    return node;
  }

  private fail(message: string): never {
    throw new UnsupportedPolicyError(`expression [${this.text}]`, message);
  }

  private space() {
    while (this.text[this.at] === " ") this.at++;
  }

  private expression(): Node {
    this.space();
    let node = this.primary();
    for (;;) {
      const char = this.text[this.at];
      if (char === ".") {
        this.at++;
        node = { kind: "member", target: node, key: { kind: "literal", value: this.identifier() } };
      } else if (char === "[") {
        this.at++;
        const key = this.expression();
        this.space();
        if (this.text[this.at] !== "]") this.fail("missing ]");
        this.at++;
        node = { kind: "member", target: node, key };
      } else return node;
    }
  }

  private identifier(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.at));
    if (!match) this.fail(`expected a name at "${this.text.slice(this.at)}"`);
    this.at += match[0].length;
    return match[0];
  }

  private primary(): Node {
    const char = this.text[this.at];
    if (char === "'") return { kind: "literal", value: this.string() };
    const number = /^-?\d+/.exec(this.text.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return { kind: "literal", value: Number(number[0]) };
    }
    const name = this.identifier();
    this.space();
    if (this.text[this.at] !== "(") this.fail(`"${name}" is not a function call`);
    this.at++;
    const args: Node[] = [];
    this.space();
    if (this.text[this.at] === ")") this.at++;
    else {
      for (;;) {
        args.push(this.expression());
        this.space();
        const next = this.text[this.at++];
        if (next === ")") break;
        if (next !== ",") this.fail(`expected , or ) in ${name}()`);
      }
    }
    return { kind: "call", name, args };
  }

  private string(): string {
    let value = "";
    this.at++;
    for (;;) {
      if (this.at >= this.text.length) this.fail("unterminated string");
      const char = this.text[this.at++];
      if (char === "'") {
        if (this.text[this.at] === "'") {
          value += "'";
          this.at++;
        } else return value;
      } else value += char;
    }
  }
}

const str = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));
const lower = (value: unknown) => (typeof value === "string" ? value.toLowerCase() : value);

/** Template `equals`: case-sensitive for strings per ARM, deep for arrays and objects. */
function deepEquals(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compare(a: unknown, b: unknown, fn: string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  throw new UnsupportedPolicyError(`${fn}()`, `comparing ${typeof a} with ${typeof b}`);
}

type Fn = (args: unknown[], scope: ExpressionScope) => unknown;

const arity =
  (name: string, min: number, max: number, fn: Fn): Fn =>
  (args, scope) => {
    if (args.length < min || args.length > max)
      throw new UnsupportedPolicyError(`${name}()`, `${args.length} argument(s)`);
    return fn(args, scope);
  };

const FUNCTIONS: Record<string, Fn> = {
  parameters: arity("parameters", 1, 1, ([name], scope) => scope.parameter(String(name))),
  field: arity("field", 1, 1, ([alias], scope) => scope.field(String(alias))),
  current: arity("current", 0, 1, ([name], scope) =>
    scope.current(name === undefined ? undefined : String(name)),
  ),
  concat: (args) =>
    args.every(Array.isArray) ? args.flat() : args.map((a) => (a === undefined ? "" : str(a))).join(""),
  tolower: arity("toLower", 1, 1, ([s]) => String(s).toLowerCase()),
  toupper: arity("toUpper", 1, 1, ([s]) => String(s).toUpperCase()),
  equals: arity("equals", 2, 2, ([a, b]) => deepEquals(a, b)),
  not: arity("not", 1, 1, ([a]) => !a),
  and: (args) => args.every(Boolean),
  or: (args) => args.some(Boolean),
  if: arity("if", 3, 3, ([c, a, b]) => (c ? a : b)),
  true: arity("true", 0, 0, () => true),
  false: arity("false", 0, 0, () => false),
  contains: arity("contains", 2, 2, ([container, item]) => {
    if (typeof container === "string") return container.toLowerCase().includes(String(item).toLowerCase());
    if (Array.isArray(container)) return container.some((e) => deepEquals(lower(e), lower(item)));
    if (container !== null && typeof container === "object")
      return Object.keys(container).some((k) => k.toLowerCase() === String(item).toLowerCase());
    return false;
  }),
  empty: arity("empty", 1, 1, ([v]) =>
    v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)
      ? true
      : typeof v === "object" && Object.keys(v as object).length === 0,
  ),
  first: arity("first", 1, 1, ([v]) => (typeof v === "string" ? v[0] : Array.isArray(v) ? v[0] : undefined)),
  last: arity("last", 1, 1, ([v]) => (typeof v === "string" || Array.isArray(v) ? v.at(-1) : undefined)),
  length: arity("length", 1, 1, ([v]) =>
    typeof v === "string" || Array.isArray(v) ? v.length : Object.keys((v ?? {}) as object).length,
  ),
  split: arity("split", 2, 2, ([s, d]) => String(s).split(String(d))),
  replace: arity("replace", 3, 3, ([s, a, b]) => String(s).replaceAll(String(a), String(b))),
  substring: arity("substring", 2, 3, ([s, i, n]) =>
    String(s).substring(Number(i), n === undefined ? undefined : Number(i) + Number(n)),
  ),
  indexof: arity("indexOf", 2, 2, ([s, t]) => String(s).toLowerCase().indexOf(String(t).toLowerCase())),
  startswith: arity("startsWith", 2, 2, ([s, t]) =>
    String(s).toLowerCase().startsWith(String(t).toLowerCase()),
  ),
  endswith: arity("endsWith", 2, 2, ([s, t]) => String(s).toLowerCase().endsWith(String(t).toLowerCase())),
  string: arity("string", 1, 1, ([v]) => str(v)),
  int: arity("int", 1, 1, ([v]) => Number.parseInt(String(v), 10)),
  bool: arity("bool", 1, 1, ([v]) => (typeof v === "string" ? v.toLowerCase() === "true" : Boolean(v))),
  greater: arity("greater", 2, 2, ([a, b]) => compare(a, b, "greater") > 0),
  greaterorequals: arity("greaterOrEquals", 2, 2, ([a, b]) => compare(a, b, "greaterOrEquals") >= 0),
  less: arity("less", 2, 2, ([a, b]) => compare(a, b, "less") < 0),
  lessorequals: arity("lessOrEquals", 2, 2, ([a, b]) => compare(a, b, "lessOrEquals") <= 0),
  coalesce: (args) => args.find((a) => a !== null && a !== undefined),
  createarray: (args) => args,
  union: (args) => (args.every(Array.isArray) ? [...new Set(args.flat())] : Object.assign({}, ...args)),
};

function evaluateNode(node: Node, scope: ExpressionScope): unknown {
  if (node.kind === "literal") return node.value;
  if (node.kind === "member") {
    const target = evaluateNode(node.target, scope);
    const key = evaluateNode(node.key, scope);
    if (Array.isArray(target) && typeof key === "number") return target[key];
    if (target !== null && typeof target === "object") {
      const entry = Object.entries(target).find(([k]) => k.toLowerCase() === String(key).toLowerCase());
      return entry?.[1];
    }
    return undefined;
  }
  const fn = FUNCTIONS[node.name.toLowerCase()];
  if (!fn) throw new UnsupportedPolicyError(`${node.name}()`, "the template function");
  return fn(
    node.args.map((arg) => evaluateNode(arg, scope)),
    scope,
  );
}

/** A value as the rule means it: expressions evaluated, `[[` unescaped, everything else as is. */
export function resolveValue(value: unknown, scope: ExpressionScope): unknown {
  if (typeof value === "string") {
    if (value.startsWith("[[")) return value.slice(1);
    if (isExpression(value)) return evaluateNode(new Parser(value.slice(1, -1)).parse(), scope);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, scope));
  return value;
}
