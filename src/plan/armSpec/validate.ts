/**
 * Validates a REST request body against the mappers of Azure's SDK: required properties, fixed enums,
 * patterns, lengths, ranges, item counts, read-only and unknown properties, JSON types. Pure: no I/O.
 */
import type { Mapper, MapperConstraints, MapperRegistry, Violation, ViolationKind } from "./types";
import { compositeOf, concreteMapper, wireSegments } from "./wire";

/** Values the offline plan cannot know (computed by Azure) or must not print (secrets). */
const OPAQUE = new Set(["[unknown]", "[secret]"]);

type RestNode = { property: Mapper } | { container: Map<string, RestNode> };

const restViews = new WeakMap<Mapper, Map<string, RestNode>>();

/** A composite's properties keyed by wire name, flattened ones nested under their container (`properties`). */
function restView(composite: Mapper): Map<string, RestNode> {
  const cached = restViews.get(composite);
  if (cached) return cached;
  const root = new Map<string, RestNode>();
  for (const property of Object.values(composite.type.modelProperties ?? {})) {
    const segments = wireSegments(property.serializedName ?? "");
    const leaf = segments.pop();
    if (leaf === undefined) continue;
    let level = root;
    for (const segment of segments) {
      const existing = level.get(segment);
      if (existing && "container" in existing) {
        level = existing.container;
      } else {
        const container = new Map<string, RestNode>();
        level.set(segment, { container });
        level = container;
      }
    }
    level.set(leaf, { property });
  }
  restViews.set(composite, root);
  return root;
}

/** Paths of the required properties under a node that is absent (a flattened container holds several). */
function requiredLeaves(node: RestNode, path: string): string[] {
  if ("property" in node) return node.property.required && !node.property.readOnly ? [path] : [];
  return [...node.container].flatMap(([key, child]) => requiredLeaves(child, childPath(path, key)));
}

function childPath(parent: string, key: string): string {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (parent === "") return segment === key ? key : `[${segment}]`;
  return segment === key ? `${parent}.${key}` : `${parent}[${segment}]`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const STRING_TYPES = new Set(["String", "Uuid", "TimeSpan", "ByteArray", "Base64Url"]);
const DATE_TYPES = new Set(["DateTime", "Date", "DateTimeRfc1123"]);

/** What the JSON value should have been, when its type does not fit the mapper's; undefined when it fits. */
function expectedShape(typeName: string, value: unknown): string | undefined {
  if (STRING_TYPES.has(typeName)) return typeof value === "string" ? undefined : "a string";
  if (DATE_TYPES.has(typeName))
    return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? undefined : "a date-time string";
  if (typeName === "Number" || typeName === "UnixTime")
    return typeof value === "number" ? undefined : "a number";
  if (typeName === "Boolean") return typeof value === "boolean" ? undefined : "a boolean";
  if (typeName === "Sequence") return Array.isArray(value) ? undefined : "an array";
  if (typeName === "Dictionary" || typeName === "Composite") return isRecord(value) ? undefined : "an object";
  return undefined;
}

class Checker {
  readonly violations: Violation[] = [];
  constructor(
    private readonly registry: MapperRegistry,
    private readonly definitionPrefix: string,
  ) {}

  private add(kind: ViolationKind, path: string, definition: string, message: string) {
    this.violations.push({
      kind,
      path,
      definition: `${this.definitionPrefix} #/definitions/${definition}`,
      message,
    });
  }

  value(value: unknown, mapper: Mapper, path: string, definition: string): void {
    if (value === undefined || value === null || (typeof value === "string" && OPAQUE.has(value))) return;
    const type = mapper.type;
    if (mapper.isConstant && mapper.defaultValue !== undefined && value !== mapper.defaultValue) {
      this.add(
        "constant",
        path,
        definition,
        `must be ${JSON.stringify(mapper.defaultValue)}, got ${JSON.stringify(value)}`,
      );
      return;
    }
    const expected = expectedShape(type.name, value);
    if (expected) {
      this.wrongType(value, expected, path, definition);
      return;
    }
    switch (type.name) {
      case "Enum":
        this.enumValue(value, type.allowedValues ?? [], path, definition);
        break;
      case "Sequence":
        this.constraints(value, mapper.constraints, path, definition);
        (value as unknown[]).forEach((item, index) => {
          if (type.element) this.value(item, type.element, `${path}[${index}]`, definition);
        });
        break;
      case "Dictionary":
        this.constraints(value, mapper.constraints, path, definition);
        for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
          if (type.value) this.value(item, type.value, childPath(path, key), definition);
        }
        break;
      case "Composite":
        this.composite(value as Record<string, unknown>, mapper, path, definition);
        break;
      default:
        this.constraints(value, mapper.constraints, path, definition);
    }
  }

  private wrongType(value: unknown, expected: string, path: string, definition: string) {
    this.add("type", path, definition, `must be ${expected}, got ${JSON.stringify(value)}`);
  }

  private enumValue(value: unknown, allowed: readonly unknown[], path: string, definition: string) {
    const matches = allowed.some((item) =>
      typeof item === "string" && typeof value === "string"
        ? item.toLowerCase() === value.toLowerCase()
        : item === value,
    );
    if (!matches)
      this.add(
        "enum",
        path,
        definition,
        `${JSON.stringify(value)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
      );
  }

  private constraints(value: unknown, c: MapperConstraints | undefined, path: string, definition: string) {
    if (!c) return;
    if (typeof value === "string") {
      if (c.Pattern && !c.Pattern.test(value))
        this.add("pattern", path, definition, `${JSON.stringify(value)} does not match ${c.Pattern.source}`);
      if (c.MinLength !== undefined && value.length < c.MinLength)
        this.add(
          "length",
          path,
          definition,
          `${JSON.stringify(value)} is shorter than ${c.MinLength} characters`,
        );
      if (c.MaxLength !== undefined && value.length > c.MaxLength)
        this.add(
          "length",
          path,
          definition,
          `${JSON.stringify(value)} is longer than ${c.MaxLength} characters`,
        );
    } else if (typeof value === "number") {
      const range = (broken: boolean, rule: string) => {
        if (broken) this.add("range", path, definition, `${value} is not ${rule}`);
      };
      if (c.InclusiveMinimum !== undefined) range(value < c.InclusiveMinimum, `>= ${c.InclusiveMinimum}`);
      if (c.InclusiveMaximum !== undefined) range(value > c.InclusiveMaximum, `<= ${c.InclusiveMaximum}`);
      if (c.ExclusiveMinimum !== undefined) range(value <= c.ExclusiveMinimum, `> ${c.ExclusiveMinimum}`);
      if (c.ExclusiveMaximum !== undefined) range(value >= c.ExclusiveMaximum, `< ${c.ExclusiveMaximum}`);
    } else {
      // arrays, and dictionaries whose spec limits the number of entries (`maxItems` on an object)
      const count = Array.isArray(value) ? value.length : Object.keys(value as object).length;
      if (c.MinItems !== undefined && count < c.MinItems)
        this.add("items", path, definition, `${count} items, at least ${c.MinItems} required`);
      if (c.MaxItems !== undefined && count > c.MaxItems)
        this.add("items", path, definition, `${count} items, at most ${c.MaxItems} allowed`);
      if (
        c.UniqueItems &&
        Array.isArray(value) &&
        new Set(value.map((v) => JSON.stringify(v))).size !== value.length
      )
        this.add("items", path, definition, "items must be unique");
    }
  }

  private composite(value: Record<string, unknown>, mapper: Mapper, path: string, outer: string) {
    const declared = compositeOf(mapper, this.registry);
    if (!declared) return;
    const composite = concreteMapper(declared, value, this.registry, (wire) => wire);
    if (composite === declared) this.discriminatorValue(value, declared, path);
    this.level(value, restView(composite), composite, path, composite.type.className ?? outer);
  }

  /** A discriminator value (`odata.type`, `criterionType`) that selects none of the spec's subtypes. */
  private discriminatorValue(value: Record<string, unknown>, declared: Mapper, path: string) {
    const discriminator = declared.type.polymorphicDiscriminator;
    const root = declared.type.uberParent ?? declared.type.className;
    if (!discriminator || !root) return;
    const key = wireSegments(discriminator.serializedName).join(".");
    const tag = value[key];
    const subtypes = Object.keys(this.registry.discriminators)
      .filter((name) => name.startsWith(`${root}.`))
      .map((name) => name.slice(root.length + 1));
    if (typeof tag === "string" && !OPAQUE.has(tag) && subtypes.length > 0 && !subtypes.includes(tag)) {
      const allowed = subtypes.map((s) => JSON.stringify(s)).join(", ");
      this.add("enum", childPath(path, key), root, `${JSON.stringify(tag)} is not one of ${allowed}`);
    }
  }

  private level(
    value: Record<string, unknown>,
    nodes: Map<string, RestNode>,
    composite: Mapper,
    path: string,
    definition: string,
  ) {
    for (const [key, item] of Object.entries(value)) {
      const node = nodes.get(key);
      const itemPath = childPath(path, key);
      if (!node) {
        if (!composite.type.additionalProperties)
          this.add("unknown-property", itemPath, definition, `${definition} has no property "${key}"`);
        continue;
      }
      if ("container" in node) {
        if (!isRecord(item)) this.wrongType(item, "an object", itemPath, definition);
        else this.level(item, node.container, composite, itemPath, definition);
        continue;
      }
      if (node.property.readOnly && item !== undefined && item !== null) {
        this.add(
          "read-only",
          itemPath,
          definition,
          `"${key}" is read-only: Azure sets it and rejects or ignores a value`,
        );
        continue;
      }
      this.value(item, node.property, itemPath, definition);
    }
    for (const [key, node] of nodes) {
      if (value[key] !== undefined) continue;
      for (const missing of requiredLeaves(node, childPath(path, key)))
        this.add("required", missing, definition, `"${missing.split(".").pop()}" is required`);
    }
  }
}

/** Violations of a request body against its definition (a composite mapper of the registry). */
export function validateBody(
  body: Record<string, unknown>,
  definition: Mapper,
  registry: MapperRegistry,
  definitionPrefix: string,
): Violation[] {
  const checker = new Checker(registry, definitionPrefix);
  checker.value(body, definition, "", definition.type.className ?? "body");
  return checker.violations;
}

/** Violations of one URL path parameter (a resource name) against its parameter mapper. */
export function validatePathParameter(
  name: string,
  value: unknown,
  parameter: Mapper,
  definitionPrefix: string,
): Violation[] {
  const definition = `${definitionPrefix} #/parameters/${name}`;
  if (value === undefined || value === null || value === "") {
    return [
      { kind: "path-parameter", path: name, definition, message: `the URL parameter "${name}" is required` },
    ];
  }
  const checker = new Checker({ classes: {}, discriminators: {} }, definitionPrefix);
  checker.value(value, parameter, name, name);
  return checker.violations.map((v) => ({ ...v, kind: "path-parameter", definition }));
}
