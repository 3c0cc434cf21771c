/** Wire names of mapper properties: how a serialized name nests the JSON body, and how azure-native names it. */
import type { Mapper, MapperRegistry } from "./types";

/** `properties.addressPrefix` → [properties, addressPrefix]; an escaped dot (`odata\.type`) stays in the name. */
export function wireSegments(serializedName: string): string[] {
  return serializedName
    .split(/(?<!\\)\./)
    .map((segment) => segment.replace(/\\\./g, "."))
    .filter((segment) => segment !== "");
}

/**
 * The azure-native input name of a wire property: the wire name, with characters that are not letters or
 * digits dropped and the next letter upper-cased (`odata.type` → `odataType`), and the first letter
 * lower-cased (Application Insights' `Application_Type` → `applicationType`), as azure-native's schema
 * generator names SDK properties.
 */
export function sdkName(wireName: string): string {
  const joined = wireName.replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_match, next: string) =>
    next.toUpperCase(),
  );
  return joined.charAt(0).toLowerCase() + joined.slice(1);
}

/** The composite mapper a property refers to (by class name), or the property's inline model. */
export function compositeOf(mapper: Mapper, registry: MapperRegistry): Mapper | undefined {
  if (mapper.type.name !== "Composite") return undefined;
  if (mapper.type.modelProperties) return mapper;
  return mapper.type.className ? registry.classes[mapper.type.className] : undefined;
}

/** The subtype a discriminated value selects (`odata.type`, `criterionType`), else the mapper itself. */
export function concreteMapper(
  composite: Mapper,
  value: Record<string, unknown>,
  registry: MapperRegistry,
  discriminatorKey: (wireName: string) => string,
): Mapper {
  const discriminator = composite.type.polymorphicDiscriminator;
  const root = composite.type.uberParent ?? composite.type.className;
  if (!discriminator || !root) return composite;
  const tag = value[discriminatorKey(wireSegments(discriminator.serializedName).join("."))];
  return (typeof tag === "string" && registry.discriminators[`${root}.${tag}`]) || composite;
}
