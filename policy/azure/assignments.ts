/**
 * Assignments as the plan and the policy pack evaluate them: a definition or an initiative with
 * its parameter values (initiative parameters flow into each member through its `parameters`
 * expressions), resolved to plain JSON so the plan can hand exactly the same set to the pack.
 * Findings carry the definition id, display name and effect. A synced or stack-supplied Deny
 * fails the plan in every environment (the deploy would be refused); non-compliant Audit /
 * AuditIfNotExists (and the baseline's Deny mirrors) fail it in prod; Modify / Append / DeployIfNotExists are drift-to-be (warnings): Azure would change or add
 * a resource behind Pulumi's back. `DoNotEnforce` assignments and report-only entries never fail.
 */
import type { EnvironmentName } from "../rules/types";
import type { ArmResource } from "./arm";
import {
  definitionEffect,
  EFFECT_NAMES,
  type Effect,
  evaluateDefinition,
  parameterValues,
  type ResourceResult,
} from "./evaluator";
import { resolveValue } from "./expressions";
import {
  definitionKey,
  type PolicyAssignment,
  type PolicyDefinition,
  type PolicyExemption,
  type PolicySetDefinition,
  UnsupportedPolicyError,
} from "./language";

export type AssignmentOrigin = "baseline" | "stack" | "synced";

export interface ResolvedMember {
  referenceId?: string;
  definitionId: string;
  definition: PolicyDefinition;
  parameters: Record<string, unknown>;
}

export interface ResolvedAssignment {
  name: string;
  displayName: string;
  origin: AssignmentOrigin;
  /** `report`: results appear in `compliance` only, never as findings (opt-in definitions such as CMK). */
  level: "enforced" | "report";
  enforcementMode: "Default" | "DoNotEnforce";
  policyDefinitionId: string;
  members: ResolvedMember[];
}

export interface ResolvedExemption {
  assignment: string;
  referenceIds: string[];
  category: string;
  reason: string;
}

/** Definitions and initiatives by name (the last segment of their id, lower case). */
export type PolicyLibrary = ReadonlyMap<string, PolicyDefinition | PolicySetDefinition>;

const isSet = (d: PolicyDefinition | PolicySetDefinition): d is PolicySetDefinition =>
  "policyDefinitions" in d.properties;

export const builtInId = (name: string) => `/providers/Microsoft.Authorization/policyDefinitions/${name}`;

function setParameters(set: PolicySetDefinition, assigned: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(set.properties.parameters)) {
    const given = Object.entries(assigned).find(([k]) => k.toLowerCase() === name.toLowerCase());
    if (given) values[name] = given[1];
    else if ("defaultValue" in spec) values[name] = spec.defaultValue;
  }
  return values;
}

/** Resolves an assignment against the library; a member missing from it is an error naming it. */
export function resolveAssignment(
  assignment: PolicyAssignment,
  library: PolicyLibrary,
  origin: AssignmentOrigin,
  level: "enforced" | "report" = "enforced",
): ResolvedAssignment {
  const target = library.get(definitionKey(assignment.properties.policyDefinitionId));
  const where = `assignment ${assignment.name}`;
  if (!target) {
    throw new UnsupportedPolicyError(
      where,
      `definition ${assignment.properties.policyDefinitionId} (not in the synced or stack files)`,
    );
  }
  const assigned = Object.fromEntries(
    Object.entries(assignment.properties.parameters).map(([k, v]) => [k, v.value]),
  );
  const base = {
    name: assignment.name,
    displayName: assignment.properties.displayName ?? target.properties.displayName,
    origin,
    level,
    enforcementMode: assignment.properties.enforcementMode,
    policyDefinitionId: assignment.properties.policyDefinitionId,
  };
  if (!isSet(target)) {
    return {
      ...base,
      members: [
        {
          definitionId: assignment.properties.policyDefinitionId,
          definition: target,
          parameters: parameterValues(target, assigned),
        },
      ],
    };
  }
  const values = setParameters(target, assigned);
  const scope = {
    parameter: (name: string) => {
      const found = Object.entries(values).find(([k]) => k.toLowerCase() === name.toLowerCase());
      if (!found)
        throw new UnsupportedPolicyError(`initiative ${target.name}`, `parameter ${name} without a value`);
      return found[1];
    },
    field: () => {
      throw new UnsupportedPolicyError(`initiative ${target.name}`, "field() in member parameters");
    },
    current: () => {
      throw new UnsupportedPolicyError(`initiative ${target.name}`, "current() in member parameters");
    },
  };
  return {
    ...base,
    members: target.properties.policyDefinitions.map((m) => {
      const definition = library.get(definitionKey(m.policyDefinitionId));
      if (!definition || isSet(definition)) {
        throw new UnsupportedPolicyError(
          `initiative ${target.name}`,
          `member ${m.policyDefinitionId} (not in the synced or stack files)`,
        );
      }
      const memberValues = Object.fromEntries(
        Object.entries(m.parameters).map(([k, v]) => [k, resolveValue(v.value, scope)]),
      );
      return {
        referenceId: m.policyDefinitionReferenceId,
        definitionId: m.policyDefinitionId,
        definition,
        parameters: parameterValues(definition, memberValues),
      };
    }),
  };
}

export function resolveExemption(exemption: PolicyExemption): ResolvedExemption {
  return {
    assignment: definitionKey(exemption.properties.policyAssignmentId),
    referenceIds: exemption.properties.policyDefinitionReferenceIds,
    category: exemption.properties.exemptionCategory,
    reason:
      exemption.properties.description ??
      exemption.properties.displayName ??
      `${exemption.properties.exemptionCategory} exemption ${exemption.name}`,
  };
}

export type AzureSeverity = "error" | "warning";

export interface AzurePolicyFinding {
  /** `azure:<assignment>` or `azure:<assignment>/<member reference id>`. */
  rule: string;
  severity: AzureSeverity;
  urn: string;
  message: string;
  policy: {
    assignment: string;
    origin: AssignmentOrigin;
    definitionId: string;
    displayName: string;
    effect: string;
    referenceId?: string;
    resource: string;
    /** What Azure would rewrite or deploy (Modify / Append / DeployIfNotExists). */
    driftToBe?: string;
  };
}

export interface AzureExemptedFinding extends AzurePolicyFinding {
  reason: string;
}

/** Per assignment (and member): how many planned resources it selected and how many fail it. */
export interface AzureComplianceRow {
  rule: string;
  definitionId: string;
  displayName: string;
  effect: string;
  evaluated: number;
  nonCompliant: number;
}

export interface AzurePolicyEvaluation {
  findings: AzurePolicyFinding[];
  exempted: AzureExemptedFinding[];
  compliance: AzureComplianceRow[];
}

const DRIFT_EFFECTS = new Set<Effect>(["modify", "append", "deployifnotexists"]);

function severityOf(
  effect: Effect,
  assignment: ResolvedAssignment,
  environment: EnvironmentName,
): AzureSeverity {
  if (DRIFT_EFFECTS.has(effect)) return "warning";
  // A tenant's Deny (synced or stack-supplied) refuses the deploy anywhere; the baseline's Deny
  // mirrors are our guess at a landing zone's guardrails, so they fail prod like Audit does.
  if (effect === "deny" && assignment.enforcementMode === "Default" && assignment.origin !== "baseline")
    return "error";
  return environment === "prod" && assignment.enforcementMode === "Default" ? "error" : "warning";
}

function finding(
  assignment: ResolvedAssignment,
  member: ResolvedMember,
  result: ResourceResult,
  environment: EnvironmentName,
): AzurePolicyFinding {
  const effect = EFFECT_NAMES[result.effect];
  const displayName = member.definition.properties.displayName;
  const rule = member.referenceId
    ? `azure:${assignment.name}/${member.referenceId}`
    : `azure:${assignment.name}`;
  const drift = result.drift ? `; drift-to-be: ${result.drift}` : "";
  return {
    rule,
    severity: severityOf(result.effect, assignment, environment),
    urn: result.urn,
    message: `${displayName} (${effect}): ${result.resourceName}: ${result.reason}${drift} [${member.definitionId}]`,
    policy: {
      assignment: assignment.name,
      origin: assignment.origin,
      definitionId: member.definitionId,
      displayName,
      effect,
      referenceId: member.referenceId,
      resource: result.resourceName,
      driftToBe: result.drift,
    },
  };
}

/** Evaluates every assignment on the resources; exemptions move findings to `exempted`. */
export function evaluateAssignments(
  assignments: readonly ResolvedAssignment[],
  resources: readonly ArmResource[],
  environment: EnvironmentName,
  exemptions: readonly ResolvedExemption[] = [],
): AzurePolicyEvaluation {
  const evaluation: AzurePolicyEvaluation = { findings: [], exempted: [], compliance: [] };
  for (const assignment of assignments) {
    for (const member of assignment.members) {
      const results = evaluateDefinition(member.definition, member.parameters, resources);
      const failing = results.filter((r) => r.compliance === "NonCompliant");
      const effect = definitionEffect(member.definition, member.parameters);
      evaluation.compliance.push({
        rule: member.referenceId
          ? `azure:${assignment.name}/${member.referenceId}`
          : `azure:${assignment.name}`,
        definitionId: member.definitionId,
        displayName: member.definition.properties.displayName,
        effect: EFFECT_NAMES[effect],
        evaluated: results.length,
        nonCompliant: failing.length,
      });
      const exemption = exemptions.find(
        (e) =>
          e.assignment === assignment.name.toLowerCase() &&
          (e.referenceIds.length === 0 ||
            (member.referenceId !== undefined && e.referenceIds.includes(member.referenceId))),
      );
      // Report-only entries (opt-in, e.g. customer-managed keys) show in `compliance`, never as findings.
      if (assignment.level === "report") continue;
      for (const result of failing) {
        const f = finding(assignment, member, result, environment);
        if (exemption) evaluation.exempted.push({ ...f, reason: exemption.reason });
        else evaluation.findings.push(f);
      }
    }
  }
  return evaluation;
}
