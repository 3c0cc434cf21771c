/**
 * Runs the Pulumi program (src/index.ts, the module `pulumi up` runs) under Pulumi's mocks with a
 * stack's config, and collects what it would create. Nothing reaches Azure.
 */
import * as pulumi from "@pulumi/pulumi";
import { exemptionChecks } from "../../policy/rules/settings";
import { adoptedResources, adoptionFindings, restoreFindings } from "../adopt/changes";
import { readObservedState } from "../adopt/observed";
import { ConfigError } from "../config/errors";
import { CONFIG_NAMESPACE } from "../config/load";
import runProgram from "../index";
import { armSpecFindings } from "./armSpec";
import { azureMocks } from "./azureMocks";
import { plannedDeployments, quotaRows } from "./capacity";
import { criticalPath } from "./criticalPath";
import type { Finding } from "./finding";
import { gatewayPlanSection } from "./gateway";
import { type LoadedStackConfig, loadStackConfig, type StackConfigSource } from "./loadConfig";
import type { PlanResult } from "./model";
import { monitoringPlan } from "./monitoring";
import { operationMinutes } from "./operationTimes";
import { policyFindings, stackAzurePolicySet } from "./policy";
import { assertUniqueUrns, recordRegistrations, sanitize } from "./recorder";

/**
 * Validates the stack's config (unless the caller loaded it), then runs the program under mocks on that
 * validated config. Throws ConfigError, StackFileError, or DuplicateUrnError (a program the engine would refuse).
 */
export async function runPlan(
  options: StackConfigSource,
  loaded: LoadedStackConfig = loadStackConfig(options),
): Promise<PlanResult> {
  const { stack } = options;
  // Validated once, before the mocks start: an invalid config never starts them, and the program
  // receives the result instead of validating the same values again (pulumi up still validates there).
  const { file, config, warnings } = loaded;
  // Policy files are read before the program runs: a bad one fails like a bad config.
  const azurePolicy = stackAzurePolicySet(stack, config, options.configFile);
  const observed = readObservedState(file.path);

  await pulumi.runtime.setMocks(azureMocks(config.location), CONFIG_NAMESPACE, stack, true);
  const resources = recordRegistrations();
  pulumi.runtime.setAllConfig(file.values, file.secretKeys);
  const outputs = (await pulumi.runtime.runInPulumiStack(() => runProgram({ config, warnings }))) ?? {};
  await pulumi.runtime.disconnect();
  assertUniqueUrns(resources);
  const exemptions = exemptionChecks(
    config.policy.exemptions,
    resources.map((r) => r.name),
  );
  if (exemptions.errors.length > 0) {
    throw new ConfigError(
      stack,
      exemptions.errors.map(({ index, message }) => ({
        key: `${CONFIG_NAMESPACE}:policy.exemptions[${index}].resource`,
        value: JSON.stringify(config.policy.exemptions[index]?.resource),
        message,
      })),
    );
  }

  const safeOutputs = sanitize(outputs) as Record<string, unknown>;
  const policy = policyFindings(resources, safeOutputs, config, azurePolicy);
  const adopted = adoptedResources(resources, observed);
  const gateway = gatewayPlanSection(config, resources);
  const findings: Finding[] = [
    ...file.warnings.map(
      (w): Finding => ({ rule: w.rule, severity: "warning", urn: null, message: `${w.key}: ${w.message}` }),
    ),
    ...warnings.map(
      (w): Finding => ({
        rule: w.rule,
        severity: "warning",
        urn: null,
        message: `${CONFIG_NAMESPACE}:${w.key}: ${w.message}`,
      }),
    ),
    ...exemptions.warnings.map(
      ({ index, message }): Finding => ({
        rule: "config.exemption-unmatched",
        severity: "warning",
        urn: null,
        message: `${CONFIG_NAMESPACE}:policy.exemptions[${index}].resource: ${message}`,
      }),
    ),
    ...policy.findings,
    ...armSpecFindings(resources),
    ...adoptionFindings(adopted, observed),
    ...restoreFindings(resources),
    ...(gateway?.findings ?? []),
  ];
  return {
    stack,
    resources,
    deployments: plannedDeployments(resources, config),
    quota: quotaRows(config),
    findings,
    exempted: policy.exempted,
    azurePolicy: policy.azurePolicy,
    outputs: safeOutputs,
    monitoring: monitoringPlan(resources),
    criticalPath: criticalPath(resources, operationMinutes),
    adopted,
    ...(gateway && { gateway: gateway.section }),
  };
}
