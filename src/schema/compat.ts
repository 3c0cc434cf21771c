/**
 * The versioning promise of the component package, as code: the difference between two package
 * schemas, each change classified as breaking or compatible for a consumer's generated SDK, and
 * whether a version change allows the breaking ones. README ("Use from Python, Go, C#, YAML",
 * Versioning) states the same rules.
 */
import type { PackageSchema, SchemaComplexType, SchemaPropertySpec, SchemaTypeSpec } from "./types";

export interface SchemaChange {
  breaking: boolean;
  /** JSON-pointer-like path in the schema, e.g. resources/aoai-platform:index:X/inputProperties/name. */
  path: string;
  what: string;
}

/** A property's type as one comparable string: the primitive, array, map or reference, and `plain`. */
function signature(spec: SchemaTypeSpec): string {
  const plain = spec.plain ? "plain " : "";
  if (spec.$ref) return `${plain}${spec.$ref}`;
  if (spec.oneOf) return `${plain}oneOf(${spec.oneOf.map(signature).join(" | ")})`;
  if (spec.type === "array") return `${plain}array<${spec.items ? signature(spec.items) : "?"}>`;
  // A map's element type defaults to string (pulumi.json, #/$defs/typeSpec, Map Type).
  if (spec.type === "object")
    return `${plain}map<${spec.additionalProperties ? signature(spec.additionalProperties) : "string"}>`;
  return `${plain}${spec.type ?? "?"}`;
}

const change = (breaking: boolean, path: string, what: string): SchemaChange => ({ breaking, path, what });

interface PropertyRules {
  /** An input side: a new required property breaks callers; a property made optional does not. */
  input: boolean;
  label: string;
}

function propertyChanges(
  path: string,
  before: Record<string, SchemaPropertySpec> = {},
  beforeRequired: string[] = [],
  after: Record<string, SchemaPropertySpec> = {},
  afterRequired: string[] = [],
  { input, label }: PropertyRules,
): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const [name, old] of Object.entries(before)) {
    const at = `${path}/${name}`;
    const now = after[name];
    if (!now) {
      changes.push(change(true, at, `${label} removed`));
      continue;
    }
    if (signature(old) !== signature(now)) {
      changes.push(change(true, at, `${label} type changed from ${signature(old)} to ${signature(now)}`));
    }
    const wasRequired = beforeRequired.includes(name);
    const isRequired = afterRequired.includes(name);
    if (!wasRequired && isRequired) {
      changes.push(change(input, at, `${label} made required`));
    } else if (wasRequired && !isRequired) {
      changes.push(change(!input, at, input ? `${label} made optional` : `${label} no longer always set`));
    }
  }
  for (const name of Object.keys(after).filter((n) => !(n in before))) {
    const required = afterRequired.includes(name);
    const what = input ? `${required ? "required" : "optional"} ${label} added` : `${label} added`;
    changes.push(change(input && required, `${path}/${name}`, what));
  }
  return changes;
}

function typeChanges(path: string, before: SchemaComplexType, after: SchemaComplexType): SchemaChange[] {
  if (before.type !== after.type || Boolean(before.enum) !== Boolean(after.enum)) {
    return [change(true, path, `type changed from ${before.type} to ${after.type}`)];
  }
  if (before.enum && after.enum) {
    const values = (type: SchemaComplexType) => (type.enum ?? []).map((v) => v.value);
    const now = values(after);
    const old = values(before);
    return [
      ...old.filter((v) => !now.includes(v)).map((v) => change(true, path, `enum narrowed: ${v} removed`)),
      ...now.filter((v) => !old.includes(v)).map((v) => change(false, path, `enum widened: ${v} added`)),
    ];
  }
  // Object types the analyzer emits are the args' nested interfaces: input rules apply.
  return propertyChanges(
    `${path}/properties`,
    before.properties,
    before.required,
    after.properties,
    after.required,
    { input: true, label: "property" },
  );
}

/** Every difference between two schemas that a consumer's SDK can see, classified. */
export function schemaChanges(before: PackageSchema, after: PackageSchema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  if (before.version !== after.version) {
    changes.push(change(false, "version", `version ${before.version} to ${after.version}`));
  }
  const beforeResources = before.resources ?? {};
  const afterResources = after.resources ?? {};
  for (const [token, old] of Object.entries(beforeResources)) {
    const path = `resources/${token}`;
    const now = afterResources[token];
    if (!now) {
      changes.push(change(true, path, "resource removed"));
      continue;
    }
    changes.push(
      ...propertyChanges(
        `${path}/inputProperties`,
        old.inputProperties,
        old.requiredInputs,
        now.inputProperties,
        now.requiredInputs,
        { input: true, label: "input" },
      ),
      ...propertyChanges(`${path}/properties`, old.properties, old.required, now.properties, now.required, {
        input: false,
        label: "output",
      }),
    );
  }
  for (const token of Object.keys(afterResources).filter((t) => !(t in beforeResources))) {
    changes.push(change(false, `resources/${token}`, "resource added"));
  }
  const beforeTypes = before.types ?? {};
  const afterTypes = after.types ?? {};
  for (const [token, old] of Object.entries(beforeTypes)) {
    const now = afterTypes[token];
    changes.push(
      ...(now ? typeChanges(`types/${token}`, old, now) : [change(true, `types/${token}`, "type removed")]),
    );
  }
  for (const token of Object.keys(afterTypes).filter((t) => !(t in beforeTypes))) {
    changes.push(change(false, `types/${token}`, "type added"));
  }
  return changes;
}

function parseVersion(version: string | undefined): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version ?? "");
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/**
 * Whether `to` leaves the range a consumer pins with `^from` (npm's caret, semver's "major"): the
 * major version for 1.0.0 and later, the minor while the major is 0, the patch for 0.0.z.
 */
export function isMajorBump(from: string | undefined, to: string | undefined): boolean {
  const a = parseVersion(from);
  const b = parseVersion(to);
  if (!a || !b) return false;
  const leading = a[0] > 0 ? 0 : a[1] > 0 ? 1 : 2;
  for (let i = 0; i < leading; i++) if (b[i] !== a[i]) return (b[i] ?? 0) > (a[i] ?? 0);
  return (b[leading] ?? 0) > (a[leading] ?? 0);
}

/** The smallest version a breaking change of `from` needs. */
export function nextMajor(from: string | undefined): string {
  const [major, minor, patch] = parseVersion(from) ?? [0, 0, 0];
  if (major > 0) return `${major + 1}.0.0`;
  if (minor > 0) return `0.${minor + 1}.0`;
  return `0.0.${patch + 1}`;
}

export const formatChange = ({ breaking, path, what }: SchemaChange) =>
  `${breaking ? "breaking" : "compatible"}: ${path}: ${what}`;

/** The versions CHANGELOG.md still heads `## <version> (unreleased)`: never published, so no consumer yet. */
export function unreleasedVersions(changelog: string): string[] {
  return [...changelog.matchAll(/^## v?(\S+) \(unreleased\)\s*$/gm)].map(([, version]) => version ?? "");
}

/**
 * Why `after` may not replace `before`: its breaking changes, when its version is not a major
 * step from `before`'s and `before`'s version is released (not in `unreleased`). Empty when the
 * promise is kept.
 */
export function promiseViolations(
  before: PackageSchema,
  after: PackageSchema,
  unreleased: string[],
): string[] {
  const breaking = schemaChanges(before, after).filter((c) => c.breaking);
  if (breaking.length === 0 || isMajorBump(before.version, after.version)) return [];
  if (before.version !== undefined && unreleased.includes(before.version)) return [];
  return [
    `${breaking.length} breaking change(s) need version ${nextMajor(before.version)} or later in package.json (it has ${after.version}, the schema was ${before.version}):`,
    ...breaking.map((c) => `  ${formatChange(c)}`),
  ];
}
