/**
 * The parts of a Pulumi package schema (https://www.pulumi.com/docs/iac/guides/building-extending/packages/schema/)
 * this repository reads: what the SDK's component provider emits for our hosted components.
 */
export interface SchemaTypeSpec {
  type?: string;
  $ref?: string;
  items?: SchemaTypeSpec;
  additionalProperties?: SchemaTypeSpec;
  oneOf?: SchemaTypeSpec[];
  plain?: boolean;
}

export interface SchemaPropertySpec extends SchemaTypeSpec {
  description?: string;
}

export interface SchemaEnumValue {
  value: string | number | boolean;
  name?: string;
  description?: string;
}

export interface SchemaComplexType {
  type: string;
  description?: string;
  properties?: Record<string, SchemaPropertySpec>;
  required?: string[];
  enum?: SchemaEnumValue[];
}

export interface SchemaResource {
  description?: string;
  isComponent?: boolean;
  inputProperties?: Record<string, SchemaPropertySpec>;
  requiredInputs?: string[];
  properties?: Record<string, SchemaPropertySpec>;
  required?: string[];
}

export interface PackageSchema {
  name: string;
  version?: string;
  description?: string;
  resources?: Record<string, SchemaResource>;
  types?: Record<string, SchemaComplexType>;
  language?: Record<string, unknown>;
  dependencies?: unknown[];
}
