/**
 * Reads YAML the way the Pulumi CLI does: `gopkg.in/yaml.v2` (a YAML 1.1 reader) decoding into Go's
 * `interface{}`. The `yaml` package parses the text (syntax, anchors, aliases, tags, styles); the
 * scalar resolution, merge keys and map keys below follow yaml.v2's resolve.go and decode.go:
 *
 * - plain scalars: `y|Y|yes|Yes|YES|on|On|ON|true|True|TRUE` are true, `n|N|no|No|NO|off|Off|OFF|false|
 *   False|FALSE` false, `~|null|Null|NULL|` (empty) null; integers go through Go's strconv.ParseInt with
 *   base 0 after removing `_` (`0150` is octal 104, `0x1F` 31, `0b101` 5, `0o17` 15, `+1` 1); then
 *   floats (`1.5`, `1e3`, `.5`, `08`); `.inf`/`.nan` are floats; timestamps and sexagesimal (`1:30`)
 *   stay strings. Quoted and block scalars are strings.
 * - explicit tags: `!!str`, `!!bool`, `!!int`, `!!float`, `!!null`, `!!timestamp` resolve the text and
 *   fail when it does not fit (`!!float` accepts an integer); `!!binary` is base64 decoded; any other
 *   tag is ignored (the text is the value).
 * - merge keys `<<` (plain): the merged mapping's keys are set where `<<` stands, in document order,
 *   so a key written before `<<` is overridden by the merged one; a list merges from last to first.
 * - map keys: scalars become strings with Go's `%v` (`yes:` is the key "true"); duplicate keys keep
 *   the last value; a mapping or list as a key is an error.
 *
 * Each place where a YAML 1.2 reader (what editors, linters and most tools use) reads the same text
 * differently is reported as a note, so the plan can say so.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, parseDocument, Scalar } from "yaml";

/** What yaml.v2 produces in an `interface{}` (integers and floats are both numbers here). */
export type GoValue = null | boolean | number | string | GoValue[] | { [key: string]: GoValue };

export type YamlPath = readonly (string | number)[];

export type DialectNoteKind =
  | "yaml11-scalar" // a plain scalar YAML 1.2 reads as something else
  | "yaml11-key" // a plain map key YAML 1.2 reads as another key
  | "merge-order" // a key written before `<<:` is overridden by the merged mapping
  | "duplicate-key" // the last of two equal keys wins
  | "ignored-tag"; // a tag yaml.v2 does not know is dropped

export interface DialectNote {
  kind: DialectNoteKind;
  path: YamlPath;
  /** The text as written (a scalar's or key's source, a tag). */
  text: string;
  /** How the Pulumi CLI reads it. */
  cli?: GoValue;
  /** How a YAML 1.2 (core schema) reader reads it. */
  yaml12?: GoValue;
}

export class GoYamlError extends Error {
  override name = "GoYamlError";
  constructor(
    readonly path: YamlPath,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const TAG_PREFIX = "tag:yaml.org,2002:";
const shortTag = (tag: string) => (tag.startsWith(TAG_PREFIX) ? `!!${tag.slice(TAG_PREFIX.length)}` : tag);
const RESOLVABLE = new Set(["", "!!str", "!!bool", "!!int", "!!float", "!!null", "!!timestamp"]);

/** resolve.go's resolveMap: the plain scalars recognised by their whole text. */
const WORDS = new Map<string, { tag: string; value: GoValue }>();
for (const [value, tag, words] of [
  [true, "!!bool", "y Y yes Yes YES true True TRUE on On ON"],
  [false, "!!bool", "n N no No NO false False FALSE off Off OFF"],
  [null, "!!null", "~ null Null NULL"],
  [Number.NaN, "!!float", ".nan .NaN .NAN"],
  [Number.POSITIVE_INFINITY, "!!float", ".inf .Inf .INF +.inf +.Inf +.INF"],
  [Number.NEGATIVE_INFINITY, "!!float", "-.inf -.Inf -.INF"],
] as const) {
  for (const word of words.split(" ")) WORDS.set(word, { tag, value });
}
WORDS.set("", { tag: "!!null", value: null });

/** resolve.go's resolveTable: the first character says what a plain scalar may be. */
function hintOf(text: string): "D" | "S" | "M" | "." | undefined {
  const first = text[0];
  if (first === undefined) return "M";
  if (first >= "0" && first <= "9") return "D";
  if (first === "+" || first === "-") return "S";
  if ("yYnNtTfFoO~".includes(first)) return "M";
  if (first === ".") return ".";
  return undefined;
}

const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(s, 0, 64), falling back to ParseUint(s, 0, 64) as yaml.v2 does. */
function parseGoInt(text: string): number | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const [, sign = "", digits = ""] = match;
  const literal = /^0[0-7]+$/.test(digits)
    ? `0o${digits.slice(1)}`
    : digits.replace(/^0([XBO])/, (_, p) => `0${p.toLowerCase()}`);
  const magnitude = BigInt(literal);
  const value = sign === "-" ? -magnitude : magnitude;
  if (value < -(INT64_MAX + 1n) || value > (sign === "" ? UINT64_MAX : INT64_MAX)) return undefined;
  return Number(value);
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** The subset of yaml.org/type/timestamp that yaml.v2 recognises (date, or date and time). */
const TIMESTAMP =
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/;

/** resolve.go's resolve(tag, in) for a tag in RESOLVABLE: [resolved tag, value]. */
function resolve(tag: string, text: string): [string, GoValue] {
  const hint = hintOf(text);
  if (hint !== undefined && tag !== "!!str") {
    const word = WORDS.get(text);
    if (word) return [word.tag, word.value];
    if (hint === "." && /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) return ["!!float", Number(text)];
    if (hint === "D" || hint === "S") {
      // A timestamp decodes into interface{} as its text; it only matters for an explicit tag.
      if ((tag === "" || tag === "!!timestamp") && TIMESTAMP.test(text)) return ["!!timestamp", text];
      const plain = text.replaceAll("_", "");
      const int = parseGoInt(plain);
      if (int !== undefined) return ["!!int", int];
      // Go's ParseFloat fails (and yaml.v2 keeps the text) when the number overflows a float64.
      if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return ["!!float", Number(plain)];
    }
  }
  return ["!!str", text];
}

/** The YAML 1.2 core schema (spec 10.3.2): how YAML 1.2 tools read a plain scalar. */
function resolveYaml12(text: string): GoValue {
  if (/^(~|null|Null|NULL)?$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return Number.parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (YAML_STYLE_FLOAT.test(text)) return Number(text);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text))
    return text.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^\.(nan|NaN|NAN)$/.test(text)) return Number.NaN;
  return text;
}

const sameScalar = (a: GoValue, b: GoValue) => Object.is(a, b) || (a === 0 && b === 0);

/** Go's fmt `%v` of a scalar map key. */
function keyText(value: GoValue): string {
  if (value === null) return "<nil>";
  return String(value);
}

interface Entry {
  value: GoValue;
  /** Set by an explicit key of this mapping (not by a merge). */
  explicit: boolean;
}

const MAX_DECODED_NODES = 100_000;

class Decoder {
  readonly notes: DialectNote[] = [];

  constructor(private readonly doc: Document) {}

  /** Nodes decoded so far, aliases expanded: a bound against alias bombs, as yaml.v2 has one. */
  private decoded = 0;

  decode(node: unknown, path: YamlPath): GoValue {
    this.decoded += 1;
    if (this.decoded > MAX_DECODED_NODES)
      throw new GoYamlError(path, "the document contains excessive aliasing");
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.decode(this.target(node, path), path);
    if (isScalar(node)) return this.scalar(node, path);
    if (isSeq(node)) {
      this.noteTag(node.tag, path);
      return node.items.map((item, i) => this.decode(item, [...path, i]));
    }
    if (isMap(node)) {
      this.noteTag(node.tag, path);
      const entries = new Map<string, Entry>();
      this.mappingInto(node, path, entries);
      return Object.fromEntries([...entries].map(([k, e]) => [k, e.value]));
    }
    throw new GoYamlError(path, "unsupported YAML node");
  }

  /** The node an alias stands for; yaml.v2 refuses an alias to an anchor not defined before it. */
  private target(node: unknown, path: YamlPath): unknown {
    if (!isAlias(node)) return node;
    const target = node.resolve(this.doc);
    if (target === undefined) throw new GoYamlError(path, `unknown anchor "${node.source}" referenced`);
    return target;
  }

  private noteTag(tag: string | undefined, path: YamlPath): void {
    if (tag === undefined) return;
    const short = shortTag(tag);
    if (!["!!map", "!!seq", "!!omap"].includes(short)) {
      this.notes.push({ kind: "ignored-tag", path, text: short });
    }
  }

  private scalar(node: Scalar, path: YamlPath, noteDialect = true): GoValue {
    const text = typeof node.source === "string" ? node.source : String(node.value ?? "");
    const tag = node.tag === undefined ? "" : shortTag(node.tag);
    if (tag === "" && node.type !== Scalar.PLAIN) return text;
    if (tag === "!!binary") {
      const base64 = text.replace(/[\r\n]/g, "");
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
        throw new GoYamlError(path, "!!binary value is not valid base64");
      }
      return Buffer.from(base64, "base64").toString("utf8");
    }
    if (!RESOLVABLE.has(tag)) {
      // yaml.v2 drops tags it does not know; "!" alone is YAML's "this is a string".
      if (tag !== "!") this.notes.push({ kind: "ignored-tag", path, text: tag });
      return text;
    }
    const [resolvedTag, value] = resolve(tag, text);
    if (tag !== "" && tag !== resolvedTag && tag !== "!!str") {
      if (tag === "!!float" && resolvedTag === "!!int") return value;
      throw new GoYamlError(
        path,
        `a ${tag} tag on a value that is not ${tag === "!!int" ? "an int" : `a ${tag.slice(2)}`}`,
      );
    }
    if (tag === "" && noteDialect) {
      const yaml12 = resolveYaml12(text);
      if (!sameScalar(value, yaml12))
        this.notes.push({ kind: "yaml11-scalar", path, text, cli: value, yaml12 });
    }
    return value;
  }

  private key(node: unknown, path: YamlPath): { key: string; merge: boolean } {
    const resolved = this.target(node, path);
    if (isScalar(resolved)) {
      const text = typeof resolved.source === "string" ? resolved.source : String(resolved.value ?? "");
      const tag = resolved.tag === undefined ? "" : shortTag(resolved.tag);
      const plain = resolved.type === Scalar.PLAIN;
      if (text === "<<" && ((plain && tag === "") || tag === "!!merge")) return { key: "<<", merge: true };
      const key = keyText(this.scalar(resolved, path, false));
      if (plain && tag === "" && key !== keyText(resolveYaml12(text))) {
        const yaml12 = keyText(resolveYaml12(text));
        this.notes.push({ kind: "yaml11-key", path: [...path, key], text, cli: key, yaml12 });
      }
      return { key, merge: false };
    }
    if (resolved === null || resolved === undefined) return { key: "<nil>", merge: false };
    throw new GoYamlError(path, "a mapping or list cannot be a map key");
  }

  private mappingInto(node: unknown, path: YamlPath, entries: Map<string, Entry>, explicit = true): void {
    if (!isMap(node)) throw new GoYamlError(path, "map merge requires a mapping or a list of mappings");
    for (const pair of node.items) {
      const { key, merge } = this.key(pair.key, path);
      if (merge) {
        this.merge(pair.value, path, entries);
        continue;
      }
      const value = this.decode(pair.value, [...path, key]);
      const previous = entries.get(key);
      if (explicit && previous?.explicit) {
        this.notes.push({ kind: "duplicate-key", path: [...path, key], text: key });
      }
      entries.set(key, { value, explicit });
    }
  }

  private merge(value: unknown, path: YamlPath, entries: Map<string, Entry>): void {
    const sources = isSeq(value) ? [...value.items].reverse() : [value];
    for (const source of sources) {
      const target = this.target(source, path);
      const merged = new Map<string, Entry>();
      this.mappingInto(target, path, merged);
      for (const [key, entry] of merged) {
        const previous = entries.get(key);
        if (previous?.explicit && JSON.stringify(previous.value) !== JSON.stringify(entry.value)) {
          this.notes.push({ kind: "merge-order", path: [...path, key], text: key });
        }
        entries.set(key, { value: entry.value, explicit: false });
      }
    }
  }
}

export interface GoYamlDocument {
  value: GoValue;
  notes: DialectNote[];
}

/** Parses YAML text as yaml.v2 decodes it into interface{}. Throws GoYamlError. */
export function readGoYaml(text: string): GoYamlDocument {
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), {
    schema: "failsafe",
    merge: false,
    uniqueKeys: false,
    prettyErrors: false,
  });
  const [error] = doc.errors;
  if (error) {
    // The parser's message quotes the source line; only its position is kept (the line may hold a secret).
    const before = text.slice(0, error.pos[0]).split("\n");
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    throw new GoYamlError([], `not valid YAML at line ${line}, column ${column} (${error.code})`);
  }
  const decoder = new Decoder(doc);
  const value = decoder.decode(doc.contents as Node | null, []);
  return { value, notes: decoder.notes };
}
