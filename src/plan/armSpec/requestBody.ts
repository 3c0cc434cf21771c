/**
 * How azure-native turns a resource's inputs into the ARM request: inputs that are URL path parameters
 * (resourceGroupName, accountName, scope, …) leave the body; every other input is a body property, named
 * by its wire name (`odata.type` is the input `odataType`) and nested under the containers the spec
 * flattens (`x-ms-client-flatten`: the input `addressPrefix` of a Subnet is sent as
 * `properties.addressPrefix`), at every depth. This mirrors the provider's SdkPropertiesToRequestBody
 * (pulumi/pulumi-azure-native provider/pkg/resources/convert.go), with the containers read from the
 * SDK mapper's serialized names, which follow the same spec flattening. An input with no spec property is
 * kept where it stands, so the validator reports it (azure-native would drop it silently). A list of
 * strings given for a map (user-assigned identity ids) becomes the map `{ <id>: {} }`, as azure-native sends it.
 */
import type { Mapper, MapperRegistry } from "./types";
import { compositeOf, concreteMapper, sdkName, wireSegments } from "./wire";

export interface ArmRequest {
  /** URL path parameters by name, e.g. { resourceGroupName, accountName }. */
  pathParameters: Record<string, unknown>;
  /** The JSON body of the PUT. */
  body: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function place(target: Record<string, unknown>, segments: readonly string[], value: unknown) {
  let level = target;
  for (const segment of segments.slice(0, -1)) {
    const next = level[segment];
    if (isRecord(next)) {
      level = next;
    } else {
      const created: Record<string, unknown> = {};
      level[segment] = created;
      level = created;
    }
  }
  const leaf = segments[segments.length - 1];
  if (leaf !== undefined) level[leaf] = value;
}

function convert(value: unknown, mapper: Mapper, registry: MapperRegistry): unknown {
  const type = mapper.type;
  if (type.name === "Sequence" && Array.isArray(value) && type.element) {
    const element = type.element;
    return value.map((item) => convert(item, element, registry));
  }
  // azure-native takes a map of user-assigned identities (id → {}) as a list of ids (IsStringSet in
  // convert.go) and sends the map.
  if (
    type.name === "Dictionary" &&
    type.value?.type.name === "Composite" &&
    Array.isArray(value) &&
    value.every((id) => typeof id === "string")
  ) {
    return Object.fromEntries(value.map((id) => [id, {}]));
  }
  if (type.name === "Dictionary" && isRecord(value) && type.value) {
    const item = type.value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, item, registry)]));
  }
  const declared = compositeOf(mapper, registry);
  if (declared && isRecord(value)) return convertComposite(value, declared, registry);
  return value;
}

function convertComposite(inputs: Record<string, unknown>, declared: Mapper, registry: MapperRegistry) {
  const composite = concreteMapper(declared, inputs, registry, sdkName);
  const body: Record<string, unknown> = {};
  const used = new Set<string>();
  // Read-only properties are no inputs: a writable one of the same name (BackendContract's properties.type
  // beside the resource's read-only type) takes the input; otherwise the first (the resource's own) does.
  const properties = Object.values(composite.type.modelProperties ?? {});
  const ordered = [...properties.filter((p) => !p.readOnly), ...properties.filter((p) => p.readOnly)];
  for (const property of ordered) {
    const segments = wireSegments(property.serializedName ?? "");
    const leaf = segments[segments.length - 1];
    if (leaf === undefined) continue;
    const name = sdkName(leaf);
    if (used.has(name) || !(name in inputs) || inputs[name] === undefined) continue;
    used.add(name);
    place(body, segments, convert(inputs[name], property, registry));
  }
  for (const [key, value] of Object.entries(inputs)) {
    if (!used.has(key) && value !== undefined && !(key in body)) body[key] = value;
  }
  return body;
}

/** The request azure-native sends for a resource's inputs, given the body definition and the path parameters. */
export function armRequest(
  inputs: Record<string, unknown>,
  pathParameterNames: readonly string[],
  definition: Mapper,
  registry: MapperRegistry,
): ArmRequest {
  const pathParameters: Record<string, unknown> = {};
  const bodyInputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (pathParameterNames.includes(key)) pathParameters[key] = value;
    else bodyInputs[key] = value;
  }
  return { pathParameters, body: convertComposite(bodyInputs, definition, registry) };
}
