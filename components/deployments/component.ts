/** Model deployments on one account, chained in config order. */
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as pulumi from "@pulumi/pulumi";
import { importOptions } from "../facts/adoption";
import { MICROSOFT_DEFAULT_POLICY } from "../facts/contentFilters";
import { componentType, withLegacyType } from "../tokens";
import type { DeploymentSpec } from "./spec";

export interface ModelDeploymentChainArgs {
  accountName: pulumi.Input<string>;
  resourceGroupName: pulumi.Input<string>;
  deployments: readonly DeploymentSpec[];
  /** RAI policy names by content filter name; deployments without a filter use Microsoft's default. */
  policyNames?: Record<string, pulumi.Input<string>>;
  /** What the first deployment must wait for (e.g. the account's content filters). */
  after?: pulumi.Resource[];
  tags?: Record<string, string>;
}

/**
 * Azure answers 409 RequestConflict to parallel deployment operations on one account, so each
 * deployment depends on the one before it. Chains on different accounts run in parallel.
 */
export class ModelDeploymentChain extends pulumi.ComponentResource {
  /** The deployments in config (and creation) order. */
  readonly deployments: cognitiveservices.Deployment[];

  constructor(name: string, args: ModelDeploymentChainArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("ModelDeploymentChain"),
      name,
      {},
      withLegacyType("aoai-platform:deployments:ModelDeploymentChain", opts),
    );
    let previous: pulumi.Resource[] = args.after ?? [];
    this.deployments = args.deployments.map((spec) => {
      const filter = spec.contentFilter;
      const raiPolicyName =
        filter === undefined || filter === MICROSOFT_DEFAULT_POLICY
          ? MICROSOFT_DEFAULT_POLICY
          : (args.policyNames?.[filter] ?? filter);
      const deployment = new cognitiveservices.Deployment(
        `${name}-${spec.name}`,
        {
          accountName: args.accountName,
          resourceGroupName: args.resourceGroupName,
          deploymentName: spec.name,
          properties: {
            model: { format: spec.format, name: spec.model, version: spec.version },
            versionUpgradeOption: spec.versionUpgradeOption,
            raiPolicyName,
            ...(spec.spilloverDeploymentName !== undefined && {
              spilloverDeploymentName: spec.spilloverDeploymentName,
            }),
          },
          sku: { name: spec.sku, capacity: spec.capacity },
          tags: args.tags,
        },
        { parent: this, dependsOn: previous, ...importOptions("deployment", spec.import) },
      );
      previous = [deployment];
      return deployment;
    });
    this.registerOutputs({ deploymentNames: this.deployments.map((d) => d.name) });
  }
}
