/** One Azure OpenAI account with secure defaults, its content filters and its model deployments. */
import * as authorization from "@pulumi/azure-native/authorization";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import { validateArgs } from "../args";
import { ContentFilterSet } from "../content-filter/component";
import { ModelDeploymentChain } from "../deployments/component";
import { deploymentsByModel } from "../deployments/uses";
import { importOptions } from "../facts/adoption";
import { DEFENDER_FOR_AI_SETTING } from "../facts/defender";
import { componentType, withLegacyType } from "../tokens";
import type { DeploymentInfo, OpenAIAccountArgs } from "./args";
import { accountSpecSchema, accountSubDomain } from "./spec";

/** The data-plane endpoint key ARM lists for the OpenAI API on both OpenAI and AIServices accounts. */
const OPENAI_ENDPOINT_KEY = "OpenAI Language Model Instance API";

/**
 * Each account's last chained operation. Pulumi's schema inference turns every property of a
 * hosted component into an output for other languages, and a resource of any of five types is not
 * one; so the handle lives here, read through `lastOperation()`, which the inference ignores.
 */
const lastOperations = new WeakMap<OpenAIAccount, pulumi.Resource>();

/**
 * An Azure OpenAI account with secure defaults, its content filters (RAI policies and blocklists)
 * and its model deployments. Every operation on the account (blocklists, their items, RAI policies,
 * deployments, Defender for AI) runs after the previous one: Azure answers 409 RequestConflict to
 * concurrent operations on one account. The filters and deployments are internal child components
 * (ContentFilterSet, ModelDeploymentChain) kept as locals, and the chain's ordering stays inside:
 * Pulumi's schema inference makes every property of this class an output for other languages, so
 * the properties are only outputs of types the schema can express.
 */
export class OpenAIAccount extends pulumi.ComponentResource {
  /** The account's ARM id. */
  readonly accountId: pulumi.Output<string>;
  /** The account's name in Azure. */
  readonly accountName: pulumi.Output<string>;
  /** The account's region (the resource group's when none was set). */
  readonly location: pulumi.Output<string | undefined>;
  /** `https://<subdomain>.openai.azure.com/`: what apps set as AZURE_OPENAI_ENDPOINT. */
  readonly endpoint: pulumi.Output<string>;
  /** The system-assigned identity's principal id (for Key Vault and storage grants). */
  readonly principalId: pulumi.Output<string | undefined>;
  /** Deployment details by deployment name. */
  readonly deployments: pulumi.Output<Record<string, DeploymentInfo>>;
  /** Model name: every deployment of it, in order (a model may be deployed more than once). */
  readonly modelDeployments: pulumi.Output<Record<string, string[]>>;

  constructor(name: string, args: OpenAIAccountArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("OpenAIAccount"),
      name,
      {},
      withLegacyType("aoai-platform:account:OpenAIAccount", opts),
    );
    const { resourceGroupName, tags, retainOnDelete, ...accountArgs } = args;
    const spec = validateArgs(this, `OpenAIAccount ${name}`, accountSpecSchema, accountArgs);
    const customSubDomain = accountSubDomain(spec);

    const account = new cognitiveservices.Account(
      `${name}-account`,
      {
        accountName: spec.name,
        resourceGroupName,
        location: spec.location,
        kind: spec.kind,
        sku: { name: "S0" },
        identity: {
          type: spec.identity.type,
          userAssignedIdentities:
            spec.identity.userAssignedIdentityIds.length > 0
              ? spec.identity.userAssignedIdentityIds
              : undefined,
        },
        properties: {
          customSubDomainName: customSubDomain,
          disableLocalAuth: !spec.localAuthEnabled,
          publicNetworkAccess: spec.publicNetworkAccess,
          networkAcls: {
            defaultAction: spec.networkAcls.defaultAction,
            bypass: spec.networkAcls.bypass,
            ipRules: spec.networkAcls.ipRules.map((value) => ({ value })),
            virtualNetworkRules: [],
          },
          restrictOutboundNetworkAccess: spec.outbound.restrict,
          allowedFqdnList: spec.outbound.restrict ? spec.outbound.allowedFqdns : undefined,
          encryption: spec.customerManagedKey?.encrypt
            ? {
                keySource: "Microsoft.KeyVault",
                keyVaultProperties: {
                  keyVaultUri: spec.customerManagedKey.keyVaultUri,
                  keyName: spec.customerManagedKey.keyName,
                  keyVersion: spec.customerManagedKey.keyVersion,
                },
              }
            : undefined,
          // Recovers a soft-deleted account of this name instead of creating a new one.
          restore: spec.restore ? true : undefined,
        },
        tags,
      },
      {
        parent: this,
        protect: spec.protect,
        retainOnDelete,
        ...importOptions("account", spec.import),
      },
    );
    this.accountId = account.id;
    this.accountName = account.name;
    this.location = account.location;
    this.endpoint = account.properties.apply(
      (p) => p.endpoints?.[OPENAI_ENDPOINT_KEY] ?? `https://${customSubDomain}.openai.azure.com/`,
    );
    this.principalId = account.identity.apply((identity) => identity?.principalId);

    const contentFilters = new ContentFilterSet(
      `${name}-filters`,
      { accountName: this.accountName, resourceGroupName, filters: spec.contentFilters, tags },
      { parent: this },
    );
    const deploymentChain = new ModelDeploymentChain(
      `${name}-deployments`,
      {
        accountName: this.accountName,
        resourceGroupName,
        deployments: spec.deployments,
        policyNames: contentFilters.policyNames,
        after: contentFilters.lastOperation ? [contentFilters.lastOperation] : [],
        tags,
      },
      { parent: this },
    );

    const lastChained = deploymentChain.deployments.at(-1) ?? contentFilters.lastOperation;
    const defenderForAISetting = spec.defenderForAI
      ? new resources.Resource(
          `${name}-defender-for-ai`,
          {
            resourceGroupName,
            resourceProviderNamespace: DEFENDER_FOR_AI_SETTING.resourceProviderNamespace,
            parentResourcePath: DEFENDER_FOR_AI_SETTING.parentResourcePath(spec.name),
            resourceType: DEFENDER_FOR_AI_SETTING.resourceType,
            resourceName: DEFENDER_FOR_AI_SETTING.resourceName,
            apiVersion: DEFENDER_FOR_AI_SETTING.apiVersion,
            properties: { state: "Enabled" },
          },
          // Azure refuses concurrent operations on one account: after its last chained operation.
          { parent: this, dependsOn: lastChained ? [lastChained] : [account] },
        )
      : undefined;
    const lastOperation = defenderForAISetting ?? lastChained;
    if (lastOperation) lastOperations.set(this, lastOperation);

    if (spec.lock === "CanNotDelete") {
      // After the account's last operation, so the first deploy builds everything before the lock
      // exists. CanNotDelete allows updates; deleting the account or a deployment needs the lock
      // removed first (lock: None, pulumi up), which Pulumi does before anything it depends on.
      new authorization.ManagementLockByScope(
        `${name}-lock`,
        {
          lockName: `${spec.name}-lock`,
          scope: account.id,
          level: spec.lock,
          notes:
            "aoai-platform: prod account; set lock: None and pulumi up before deleting it or its deployments",
        },
        { parent: this, dependsOn: lastOperation ? [lastOperation] : [account] },
      );
    }

    const deployments: Record<string, DeploymentInfo> = {};
    for (const d of spec.deployments) {
      deployments[d.name] = { model: d.model, version: d.version, sku: d.sku, capacity: d.capacity };
    }
    this.deployments = pulumi.output(deployments);
    this.modelDeployments = pulumi.output(deploymentsByModel(spec.deployments));
    this.registerOutputs({
      accountId: this.accountId,
      accountName: this.accountName,
      location: this.location,
      endpoint: this.endpoint,
      principalId: this.principalId,
      deployments: this.deployments,
      modelDeployments: this.modelDeployments,
    });
  }

  /**
   * The account's last chained operation (Defender for AI setting, else the last deployment, else
   * the last content filter resource); work on the account from outside (its private endpoint)
   * waits for it. A method, not a property: see `lastOperations`.
   */
  lastOperation(): pulumi.Resource | undefined {
    return lastOperations.get(this);
  }
}
