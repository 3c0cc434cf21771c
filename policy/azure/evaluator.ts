/**
 * Evaluates Azure Policy definitions against resources in ARM shape, as the documented language
 * says (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule):
 * logical operators allOf / anyOf / not; conditions on `field` (aliases, `[*]` array members:
 * true only when every member meets the condition), `value` and `count` (field count and value
 * count with `where`, `current()`); string comparisons case-insensitive like ARM (`match` is the
 * case-sensitive exception); template functions in values. Effects: Audit, Deny, Modify, Append,
 * AuditIfNotExists / DeployIfNotExists (existence condition evaluated on the related resources:
 * https://learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists),
 * Disabled, DenyAction (deletes only) and Manual (attestation) are never findings of a plan.
 */
import { aliasPath } from "./aliases";
import { type ArmResource, sameResourceId } from "./arm";
import { type ExpressionScope, resolveValue } from "./expressions";
import { type PolicyDefinition, UnsupportedPolicyError } from "./language";

type Json = Record<string, unknown>;

export type Effect =
  | "audit"
  | "deny"
  | "modify"
  | "append"
  | "auditifnotexists"
  | "deployifnotexists"
  | "disabled"
  | "denyaction"
  | "manual";
const EFFECTS = new Set<string>([
  "audit",
  "deny",
  "modify",
  "append",
  "auditifnotexists",
  "deployifnotexists",
  "disabled",
  "denyaction",
  "manual",
]);

/** How the effects read in findings (Azure's spelling). */
export const EFFECT_NAMES: Record<Effect, string> = {
  audit: "Audit",
  deny: "Deny",
  modify: "Modify",
  append: "Append",
  auditifnotexists: "AuditIfNotExists",
  deployifnotexists: "DeployIfNotExists",
  disabled: "Disabled",
  denyaction: "DenyAction",
  manual: "Manual",
};

type Frame =
  | { kind: "field"; alias: string; path: string; element: unknown }
  | { kind: "value"; name: string | undefined; element: unknown };

interface Scope {
  resource: ArmResource;
  /** The resource `field()` in values refers to (the `if` resource, also inside existence conditions). */
  ruleResource: ArmResource;
  parameters: Json;
  frames: Frame[];
}

const lowerKeys = (condition: Json): Map<string, [string, unknown]> =>
  new Map(Object.entries(condition).map(([k, v]) => [k.toLowerCase(), [k, v]]));

const entry = (object: unknown, key: string): unknown => {
  if (object === null || typeof object !== "object" || Array.isArray(object)) return undefined;
  const found = Object.entries(object).find(([k]) => k.toLowerCase() === key.toLowerCase());
  return found?.[1];
};

interface Values {
  /** Several values when the path went through a `[*]` array. */
  collection: boolean;
  values: unknown[];
}

/** Values at an ARM path (`properties.logs[*].enabled`); a missing array is an empty collection. */
function walk(root: unknown, path: string): Values {
  if (path.startsWith("tags."))
    return { collection: false, values: [entry(entry(root, "tags"), path.slice(5))] };
  let current: unknown[] = [root];
  let collection = false;
  for (const segment of path === "" ? [] : path.split(".")) {
    const each = segment.endsWith("[*]");
    const key = each ? segment.slice(0, -3) : segment;
    const next: unknown[] = [];
    for (const value of current) {
      const child = key === "" ? value : entry(value, key);
      if (each) {
        collection = true;
        if (Array.isArray(child)) next.push(...child);
      } else next.push(child);
    }
    current = next;
  }
  return { collection, values: current };
}

function fieldValues(alias: string, scope: Scope): Values {
  const path = aliasPath(alias, scope.resource.type);
  for (let i = scope.frames.length - 1; i >= 0; i--) {
    const frame = scope.frames[i];
    if (frame?.kind !== "field" || path === undefined) continue;
    if (path.toLowerCase() === frame.path.toLowerCase())
      return { collection: false, values: [frame.element] };
    if (path.toLowerCase().startsWith(`${frame.path.toLowerCase()}.`))
      return walk(frame.element, path.slice(frame.path.length + 1));
  }
  if (path === undefined) return { collection: false, values: [undefined] };
  return walk(scope.resource, path);
}

function expressionScope(scope: Scope): ExpressionScope {
  return {
    parameter: (name) => {
      const found = Object.entries(scope.parameters).find(([k]) => k.toLowerCase() === name.toLowerCase());
      if (!found) throw new UnsupportedPolicyError(`parameters('${name}')`, "a parameter without a value");
      return found[1];
    },
    field: (alias) => {
      const values = fieldValues(alias, { ...scope, resource: scope.ruleResource, frames: [] });
      return values.collection ? values.values : values.values[0];
    },
    current: (name) => {
      for (let i = scope.frames.length - 1; i >= 0; i--) {
        const frame = scope.frames[i];
        if (!frame) continue;
        if (name === undefined) return frame.element;
        if (frame.kind === "value" && frame.name?.toLowerCase() === name.toLowerCase()) return frame.element;
        if (frame.kind === "field" && frame.alias.toLowerCase() === name.toLowerCase()) return frame.element;
      }
      throw new UnsupportedPolicyError(`current(${name ?? ""})`, "current() outside a matching count");
    },
  };
}

const resolve = (value: unknown, scope: Scope) => resolveValue(value, expressionScope(scope));

/** Loose equality as conditions compare: strings case-insensitive, booleans and numbers against their text. */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  if ((typeof a === "boolean" || typeof a === "number") && typeof b === "string")
    return String(a).toLowerCase() === b.toLowerCase();
  if (typeof a === "string" && (typeof b === "boolean" || typeof b === "number"))
    return a.toLowerCase() === String(b).toLowerCase();
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => looseEquals(x, b[i]));
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => looseEquals(entry(a, k), entry(b, k)));
  }
  return a === b;
}

/** `like`: `*` matches anything (one wildcard at most, per the docs), case-insensitive. */
function like(value: unknown, pattern: unknown): boolean {
  if (typeof value !== "string" || typeof pattern !== "string") return false;
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${escaped}$`, "is").test(value);
}

/** `match`: `#` a digit, `?` a letter, `.` any character, anything else itself. */
function match(value: unknown, pattern: unknown, insensitive: boolean): boolean {
  if (typeof value !== "string" || typeof pattern !== "string") return false;
  const source = [...pattern]
    .map((c) =>
      c === "#"
        ? "[0-9]"
        : c === "?"
          ? "[A-Za-z]"
          : c === "."
            ? "."
            : c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}$`, insensitive ? "is" : "s").test(value);
}

function contains(value: unknown, item: unknown): boolean {
  if (typeof value === "string") return value.toLowerCase().includes(String(item).toLowerCase());
  if (Array.isArray(value)) return value.some((v) => looseEquals(v, item));
  return false;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** less / greater: numbers, ISO 8601 dates, else strings (case-insensitive ordinal). */
function order(value: unknown, bound: unknown, operator: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = (v: unknown) =>
    typeof v === "number" ? v : typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
  const a = n(value);
  const b = n(bound);
  if (a !== undefined && b !== undefined) return a - b;
  if (typeof value === "string" && typeof bound === "string") {
    if (ISO_DATE.test(value) && ISO_DATE.test(bound)) return Date.parse(value) - Date.parse(bound);
    const x = value.toLowerCase();
    const y = bound.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  throw new UnsupportedPolicyError(operator, `comparing ${typeof value} with ${typeof bound}`);
}

const truthy = (v: unknown) => v === true || (typeof v === "string" && v.toLowerCase() === "true");

/** The documented conditions, lower-cased. */
const OPERATORS: Record<string, (value: unknown, operand: unknown) => boolean> = {
  equals: (v, o) => looseEquals(v, o),
  notequals: (v, o) => !looseEquals(v, o),
  like: (v, o) => like(v, o),
  notlike: (v, o) => !like(v, o),
  match: (v, o) => match(v, o, false),
  matchinsensitively: (v, o) => match(v, o, true),
  notmatch: (v, o) => !match(v, o, false),
  notmatchinsensitively: (v, o) => !match(v, o, true),
  contains: (v, o) => contains(v, o),
  notcontains: (v, o) => !contains(v, o),
  in: (v, o) => Array.isArray(o) && o.some((x) => looseEquals(v, x)),
  notin: (v, o) => !(Array.isArray(o) && o.some((x) => looseEquals(v, x))),
  containskey: (v, o) => entry(v, String(o)) !== undefined,
  notcontainskey: (v, o) => entry(v, String(o)) === undefined,
  less: (v, o) => (order(v, o, "less") ?? 0) < 0 && v !== undefined,
  lessorequals: (v, o) => v !== undefined && (order(v, o, "lessOrEquals") ?? 1) <= 0,
  greater: (v, o) => v !== undefined && (order(v, o, "greater") ?? 0) > 0,
  greaterorequals: (v, o) => v !== undefined && (order(v, o, "greaterOrEquals") ?? -1) >= 0,
  exists: (v, o) => (v !== undefined && v !== null) === truthy(o),
};

function operatorOf(keys: Map<string, [string, unknown]>, where: string): [string, unknown] {
  const found = [...keys].filter(([k]) => k in OPERATORS);
  const others = [...keys.keys()].filter(
    (k) => !(k in OPERATORS) && !["field", "value", "count"].includes(k),
  );
  if (others.length > 0) throw new UnsupportedPolicyError(where, `"${others.join(", ")}"`);
  const first = found[0];
  if (!first || found.length > 1)
    throw new UnsupportedPolicyError(where, "a condition without exactly one operator");
  return [first[0], first[1][1]];
}

function countOf(count: unknown, scope: Scope): number {
  if (count === null || typeof count !== "object")
    throw new UnsupportedPolicyError("count", "a non-object count");
  const keys = lowerKeys(count as Json);
  const where = keys.get("where")?.[1] as Json | undefined;
  const frames = scope.frames;
  if (keys.has("field")) {
    const alias = String(keys.get("field")?.[1]);
    if (!alias.endsWith("[*]"))
      throw new UnsupportedPolicyError(`count ${alias}`, "a field count of a non-array alias");
    const { values } = fieldValues(alias, scope);
    const path = aliasPath(alias, scope.resource.type) ?? alias;
    return values.filter(
      (element) =>
        !where ||
        evaluateCondition(where, { ...scope, frames: [...frames, { kind: "field", alias, path, element }] }),
    ).length;
  }
  if (keys.has("value")) {
    const value = resolve(keys.get("value")?.[1], scope);
    const name = keys.get("name")?.[1];
    const members = Array.isArray(value) ? value : [value];
    return members.filter(
      (element) =>
        !where ||
        evaluateCondition(where, {
          ...scope,
          frames: [
            ...frames,
            { kind: "value", name: name === undefined ? undefined : String(name), element },
          ],
        }),
    ).length;
  }
  throw new UnsupportedPolicyError("count", "a count without field or value");
}

/** One condition or logical operator, evaluated on `scope.resource`. */
export function evaluateCondition(condition: Json, scope: Scope): boolean {
  const keys = lowerKeys(condition);
  const allOf = keys.get("allof")?.[1];
  if (allOf !== undefined) return (allOf as Json[]).every((c) => evaluateCondition(c, scope));
  const anyOf = keys.get("anyof")?.[1];
  if (anyOf !== undefined) return (anyOf as Json[]).some((c) => evaluateCondition(c, scope));
  const not = keys.get("not")?.[1];
  if (not !== undefined) return !evaluateCondition(not as Json, scope);

  const [name, rawOperand] = operatorOf(keys, JSON.stringify(condition));
  const test = OPERATORS[name] as (value: unknown, operand: unknown) => boolean;
  const operand = resolve(rawOperand, scope);
  if (keys.has("field")) {
    const { collection, values } = fieldValues(String(resolve(keys.get("field")?.[1], scope)), scope);
    return collection ? values.every((v) => test(v, operand)) : test(values[0], operand);
  }
  if (keys.has("value")) return test(resolve(keys.get("value")?.[1], scope), operand);
  if (keys.has("count")) return test(countOf(keys.get("count")?.[1], scope), operand);
  throw new UnsupportedPolicyError(JSON.stringify(condition), "a condition without field, value or count");
}

/** Parameter values: the assignment's, else the definition's defaults; a required one missing is an error. */
export function parameterValues(definition: PolicyDefinition, assigned: Json): Json {
  const values: Json = {};
  for (const [name, spec] of Object.entries(definition.properties.parameters)) {
    const given = Object.entries(assigned).find(([k]) => k.toLowerCase() === name.toLowerCase());
    if (given) values[name] = given[1];
    else if ("defaultValue" in spec) values[name] = spec.defaultValue;
  }
  for (const name of Object.keys(assigned)) {
    if (!Object.keys(values).some((k) => k.toLowerCase() === name.toLowerCase()))
      throw new UnsupportedPolicyError(
        `definition ${definition.name}`,
        `assignment parameter "${name}" (the definition declares ${Object.keys(definition.properties.parameters).join(", ") || "none"})`,
      );
  }
  return values;
}

export type Compliance = "NonCompliant" | "Compliant";

export interface ResourceResult {
  urn: string;
  resourceName: string;
  resourceType: string;
  effect: Effect;
  compliance: Compliance;
  /** For Modify / Append / DeployIfNotExists: what Azure would change or add (drift-to-be). */
  drift?: string;
  reason: string;
}

function modeApplies(mode: string, resource: ArmResource): boolean {
  const data = resource.type.toLowerCase().startsWith("microsoft.cognitiveservices.data/");
  switch (mode.toLowerCase()) {
    case "all":
      return !data;
    // Indexed: only types that support tags and location.
    case "indexed":
      return !data && resource.location !== undefined;
    case "microsoft.cognitiveservices.data":
      return data;
    default:
      return false;
  }
}

/** Extension resource types: they live on another resource (`{resourceId}/providers/<type>/<name>`). */
const EXTENSION_TYPES = new Set([
  "microsoft.insights/diagnosticsettings",
  "microsoft.authorization/locks",
  "microsoft.authorization/roleassignments",
]);

function relatedResources(details: Json, scope: Scope, all: readonly ArmResource[]): ArmResource[] {
  const resource = scope.resource;
  const type = String(resolve(entry(details, "type"), scope));
  const name = entry(details, "name");
  const wanted = name === undefined ? undefined : String(resolve(name, scope));
  const existenceScope = String(entry(details, "existenceScope") ?? "resourceGroup").toLowerCase();
  const lowerType = type.toLowerCase();
  const ofType = all.filter((r) => r.type.toLowerCase() === lowerType);
  let related: ArmResource[];
  if (lowerType === resource.type.toLowerCase()) {
    related = ofType.filter(
      (r) => r === resource || (wanted !== undefined && r.resourceGroup === resource.resourceGroup),
    );
  } else if (lowerType.startsWith(`${resource.type.toLowerCase()}/`)) {
    related = ofType.filter(
      (r) => r.id.toLowerCase().startsWith(`${resource.id.toLowerCase()}/`) || r.refs.includes(resource.urn),
    );
  } else if (EXTENSION_TYPES.has(lowerType)) {
    // Extension resources (diagnostic settings, locks) belong to the resource they extend.
    related = ofType.filter((r) =>
      r.scope ? sameResourceId(r.scope, resource.id) : r.refs.includes(resource.urn),
    );
  } else if (existenceScope === "subscription") related = ofType;
  else related = ofType.filter((r) => r.resourceGroup === resource.resourceGroup);
  return wanted === undefined
    ? related
    : related.filter((r) => r.name.toLowerCase() === wanted.toLowerCase());
}

function describeOperations(details: unknown, scope: Scope): string {
  const operations = entry(details, "operations");
  if (!Array.isArray(operations)) return "Azure would change the resource";
  return operations
    .map((op) => {
      const value = resolve(entry(op, "value"), scope);
      return `${String(entry(op, "operation"))} ${String(entry(op, "field"))} = ${JSON.stringify(value)}`;
    })
    .join("; ");
}

/** The effect a definition has with these parameter values (its `then.effect`, resolved). */
export function definitionEffect(definition: PolicyDefinition, parameters: Json): Effect {
  const none = { urn: "", id: "", type: "", name: "", fullName: "", refs: [], properties: {} };
  const effect = String(
    resolve(definition.properties.policyRule.then.effect, {
      resource: none,
      ruleResource: none,
      parameters,
      frames: [],
    }),
  ).toLowerCase();
  if (!EFFECTS.has(effect))
    throw new UnsupportedPolicyError(`definition ${definition.name}`, `effect "${effect}"`);
  return effect as Effect;
}

/** Evaluates one definition with its parameter values on every resource; only resources the `if` selects appear. */
export function evaluateDefinition(
  definition: PolicyDefinition,
  parameters: Json,
  resources: readonly ArmResource[],
): ResourceResult[] {
  const rule = definition.properties.policyRule;
  const results: ResourceResult[] = [];
  for (const resource of resources) {
    if (!modeApplies(definition.properties.mode, resource)) continue;
    const scope: Scope = { resource, ruleResource: resource, parameters, frames: [] };
    const effect = String(resolve(rule.then.effect, scope)).toLowerCase();
    if (!EFFECTS.has(effect))
      throw new UnsupportedPolicyError(`definition ${definition.name}`, `effect "${effect}"`);
    if (effect === "disabled" || effect === "denyaction" || effect === "manual") return results;
    if (!evaluateCondition(rule.if, scope)) continue;
    const base = {
      urn: resource.urn,
      resourceName: resource.fullName,
      resourceType: resource.type,
      effect: effect as Effect,
    };
    if (effect === "audit" || effect === "deny") {
      results.push({ ...base, compliance: "NonCompliant", reason: "the resource matches the policy rule" });
    } else if (effect === "modify" || effect === "append") {
      const drift =
        effect === "modify"
          ? describeOperations(rule.then.details, scope)
          : `append ${JSON.stringify(resolve(rule.then.details, scope))}`;
      results.push({
        ...base,
        compliance: "NonCompliant",
        drift,
        reason: "Azure would rewrite the resource",
      });
    } else {
      const details = (rule.then.details ?? {}) as Json;
      const related = relatedResources(details, scope, resources);
      const existence = entry(details, "existenceCondition") as Json | undefined;
      const satisfied = related.filter(
        (r) => !existence || evaluateCondition(existence, { ...scope, resource: r, frames: [] }),
      );
      const type = String(resolve(entry(details, "type"), scope));
      if (satisfied.length > 0) {
        results.push({
          ...base,
          compliance: "Compliant",
          reason: `${satisfied[0]?.fullName} meets the existence condition`,
        });
      } else {
        const reason =
          related.length === 0
            ? `no related ${type} in the plan`
            : `${related.length} related ${type} (${related.map((r) => r.name).join(", ")}) but none meets the existence condition`;
        results.push({
          ...base,
          compliance: "NonCompliant",
          reason,
          drift:
            effect === "deployifnotexists"
              ? `Azure would deploy a ${type} (DeployIfNotExists remediation)`
              : undefined,
        });
      }
    }
  }
  return results;
}
