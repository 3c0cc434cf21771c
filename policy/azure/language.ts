/**
 * The Azure Policy definition language as this evaluator reads it: definitions, initiatives
 * (policy set definitions), assignments and exemptions, in the JSON shape Resource Manager returns
 * (`GET .../policyDefinitions/{name}` etc.), and the error raised for anything not supported.
 * Source: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics
 */
import { z } from "zod";

/** Raised for a construct the evaluator does not implement: never guessed, always named. */
export class UnsupportedPolicyError extends Error {
  constructor(where: string, what: string) {
    super(`${where}: ${what} is not supported by the offline Azure Policy evaluator`);
    this.name = "UnsupportedPolicyError";
  }
}

export const parameterDefinitionSchema = z.looseObject({
  type: z.string().optional(),
  defaultValue: z.unknown().optional(),
  allowedValues: z.array(z.unknown()).optional(),
  metadata: z.looseObject({ displayName: z.string().optional() }).optional(),
});

export const policyDefinitionSchema = z.looseObject({
  /** The definition's GUID (built-ins) or custom name. */
  name: z.string().min(1),
  id: z.string().optional(),
  properties: z.looseObject({
    displayName: z.string().default(""),
    description: z.string().optional(),
    mode: z.string().default("All"),
    policyType: z.string().optional(),
    version: z.string().optional(),
    parameters: z.record(z.string(), parameterDefinitionSchema).default({}),
    policyRule: z.looseObject({
      if: z.record(z.string(), z.unknown()),
      then: z.looseObject({ effect: z.string(), details: z.unknown().optional() }),
    }),
  }),
});
export type PolicyDefinition = z.output<typeof policyDefinitionSchema>;

const parameterValuesSchema = z.record(z.string(), z.looseObject({ value: z.unknown() })).default({});

export const policySetDefinitionSchema = z.looseObject({
  name: z.string().min(1),
  id: z.string().optional(),
  properties: z.looseObject({
    displayName: z.string().default(""),
    parameters: z.record(z.string(), parameterDefinitionSchema).default({}),
    policyDefinitions: z.array(
      z.looseObject({
        policyDefinitionId: z.string().min(1),
        policyDefinitionReferenceId: z.string().optional(),
        parameters: parameterValuesSchema,
      }),
    ),
  }),
});
export type PolicySetDefinition = z.output<typeof policySetDefinitionSchema>;

export const policyAssignmentSchema = z.looseObject({
  name: z.string().min(1),
  id: z.string().optional(),
  properties: z.looseObject({
    displayName: z.string().optional(),
    policyDefinitionId: z.string().min(1),
    scope: z.string().optional(),
    notScopes: z.array(z.string()).default([]),
    parameters: parameterValuesSchema,
    /** `DoNotEnforce`: evaluated and reported, never denies or remediates. */
    enforcementMode: z.enum(["Default", "DoNotEnforce"]).default("Default"),
  }),
});
export type PolicyAssignment = z.output<typeof policyAssignmentSchema>;

export const policyExemptionSchema = z.looseObject({
  name: z.string().min(1),
  properties: z.looseObject({
    policyAssignmentId: z.string().min(1),
    policyDefinitionReferenceIds: z.array(z.string()).default([]),
    exemptionCategory: z.enum(["Waiver", "Mitigated"]),
    displayName: z.string().optional(),
    description: z.string().optional(),
    expiresOn: z.string().optional(),
  }),
});
export type PolicyExemption = z.output<typeof policyExemptionSchema>;

/** The last segment of a definition id, or the name itself: how members and assignments refer to definitions. */
export function definitionKey(idOrName: string): string {
  return (idOrName.split("/").pop() ?? idOrName).toLowerCase();
}
