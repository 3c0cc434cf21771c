/**
 * The serializer mappers of the Azure SDK for JavaScript management packages (`@azure/arm-*`,
 * `models/mappers.js`), as far as the plan reads them: the structural subset of `@azure/core-client`'s
 * `Mapper` that carries a REST spec's constraints (required, read-only, enums, patterns, lengths, ranges).
 */
export interface MapperConstraints {
  Pattern?: RegExp;
  MaxLength?: number;
  MinLength?: number;
  InclusiveMaximum?: number;
  InclusiveMinimum?: number;
  ExclusiveMaximum?: number;
  ExclusiveMinimum?: number;
  MaxItems?: number;
  MinItems?: number;
  UniqueItems?: true;
}

export interface MapperType {
  /** String, Number, Boolean, Enum, Sequence, Dictionary, Composite, Object, DateTime, TimeSpan, Uuid, … */
  name: string;
  className?: string;
  modelProperties?: Record<string, Mapper>;
  allowedValues?: readonly unknown[];
  element?: Mapper;
  value?: Mapper;
  polymorphicDiscriminator?: { serializedName: string; clientName: string };
  uberParent?: string;
  additionalProperties?: Mapper;
}

export interface Mapper {
  /** The wire name; `properties.x` for a property the spec flattens (`x-ms-client-flatten`). */
  serializedName?: string;
  required?: boolean;
  readOnly?: boolean;
  isConstant?: boolean;
  defaultValue?: unknown;
  constraints?: MapperConstraints;
  type: MapperType;
}

/** A package's mappers: composite mappers by class name, and subtypes by `<uberParent>.<discriminator value>`. */
export interface MapperRegistry {
  classes: Readonly<Record<string, Mapper | undefined>>;
  discriminators: Readonly<Record<string, Mapper | undefined>>;
}

export type ViolationKind =
  | "required"
  | "enum"
  | "pattern"
  | "length"
  | "range"
  | "items"
  | "read-only"
  | "unknown-property"
  | "type"
  | "constant"
  | "path-parameter";

/** One way a request breaks the spec: where (JSON path in the body, or the URL parameter) and which definition. */
export interface Violation {
  kind: ViolationKind;
  /** JSON path in the request body (`properties.networkAcls.ipRules[0].value`) or the path parameter's name. */
  path: string;
  /** `<ARM type>@<api version> #/definitions/<name>` or `… #/parameters/<name>`. */
  definition: string;
  message: string;
}
