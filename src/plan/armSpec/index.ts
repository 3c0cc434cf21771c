/**
 * The plan's check of every planned azure-native resource against Azure's REST API spec: the request
 * azure-native would send (path parameters and body) validated against the spec of the API version it uses.
 */
import type { Finding } from "../finding";
import type { PlannedResource } from "../resource";
import { type ArmSpecBinding, armSpecBindingOf, type PathParameter } from "./facts";
import { armRequest } from "./requestBody";
import { type LoadedSpec, loadSpec } from "./sdkMappers";
import type { Mapper, Violation } from "./types";
import { validateBody, validatePathParameter } from "./validate";

export const ARM_SPEC_RULE = "arm-spec";
export const ARM_SPEC_UNCHECKED_RULE = "arm-spec-unchecked";

/** A finding of the spec check: where in the request, and against which spec definition. */
export interface ArmSpecFinding extends Finding {
  path: string | null;
  definition: string | null;
}

const definitionPrefix = (binding: ArmSpecBinding) => `${binding.armType}@${binding.apiVersion}`;

function parameterMapper(parameter: PathParameter, spec: LoadedSpec): Mapper {
  const fromSdk = parameter.sdkParameter ? spec.parameters[parameter.sdkParameter] : undefined;
  if (parameter.sdkParameter && !fromSdk) {
    throw new Error(`ARM spec facts: the SDK has no path parameter ${parameter.sdkParameter}`);
  }
  if (fromSdk) return fromSdk;
  const rule = parameter.spec;
  return {
    serializedName: parameter.name,
    required: true,
    type: { name: "String" },
    constraints: rule && {
      ...(rule.pattern === undefined ? {} : { Pattern: new RegExp(rule.pattern) }),
      ...(rule.minLength === undefined ? {} : { MinLength: rule.minLength }),
      ...(rule.maxLength === undefined ? {} : { MaxLength: rule.maxLength }),
    },
  };
}

/** Every violation of one resource's request against its binding's spec. */
export function resourceViolations(binding: ArmSpecBinding, inputs: Record<string, unknown>): Violation[] {
  const spec = loadSpec(binding);
  const request = armRequest(
    inputs,
    binding.pathParameters.map((p) => p.name),
    spec.body,
    spec.registry,
  );
  const prefix = definitionPrefix(binding);
  return [
    ...binding.pathParameters.flatMap((parameter) =>
      validatePathParameter(
        parameter.name,
        request.pathParameters[parameter.name],
        parameterMapper(parameter, spec),
        prefix,
      ),
    ),
    ...validateBody(request.body, spec.body, spec.registry, prefix),
  ];
}

/** The type a warning names: the token, and for a generic resource the ARM type and API version it sends. */
function genericType(resource: PlannedResource): string {
  const { resourceProviderNamespace, resourceType, apiVersion } = resource.inputs;
  return resource.type === "azure-native:resources:Resource"
    ? `${resource.type} (${String(resourceProviderNamespace)}/${String(resourceType)}@${String(apiVersion)})`
    : resource.type;
}

/** Error findings for spec violations; a warning for an azure-native type the facts do not cover yet. */
export function armSpecFindings(resources: readonly PlannedResource[]): ArmSpecFinding[] {
  const findings: ArmSpecFinding[] = [];
  const unchecked = new Set<string>();
  for (const resource of resources) {
    if (!resource.custom || !resource.type.startsWith("azure-native:")) continue;
    const binding = armSpecBindingOf(resource.type, resource.inputs);
    if (!binding) {
      const what = genericType(resource);
      if (!unchecked.has(what)) {
        unchecked.add(what);
        findings.push({
          rule: ARM_SPEC_UNCHECKED_RULE,
          severity: "warning",
          urn: resource.urn,
          path: null,
          definition: null,
          message: `${what} is not checked against Azure's REST API spec (no binding in src/plan/armSpec/facts.ts)`,
        });
      }
      continue;
    }
    for (const violation of resourceViolations(binding, resource.inputs)) {
      findings.push({
        rule: ARM_SPEC_RULE,
        severity: "error",
        urn: resource.urn,
        path: violation.path,
        definition: violation.definition,
        message: `${resource.name}: ${violation.path}: ${violation.message} [${violation.definition}]`,
      });
    }
  }
  return findings;
}
