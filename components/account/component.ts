/** One Azure OpenAI account with secure defaults, its content filters and its model deployments. */
import * as authorization from "@pulumi/azure-native/authorization";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import { ContentFilterSet } from "../content-filter/component";
import { ModelDeploymentChain } from "../deployments/component";
import { deploymentsByModel } from "../deployments/uses";
import { importOptions } from "../facts/adoption";
import { DEFENDER_FOR_AI_SETTING } from "../facts/defender";
import { componentType, withLegacyType } from "../tokens";
import type { AccountSpec } from "./spec";

/** The account spec with the defaults a stack resolves (region, subdomain). */
export interface OpenAIAccountSpec extends AccountSpec {
  location: string;
  customSubDomain: string;
}

export interface OpenAIAccountArgs {
  spec: OpenAIAccountSpec;
  resourceGroupName: pulumi.Input<string>;
  tags?: Record<string, string>;
  /** Pulumi `protect` for the account resource: deleting an account soft-deletes it for 48 h. */
  protect?: boolean;
  /** Pulumi `retainOnDelete` for the account resource. */
  retainOnDelete?: boolean;
  /** Azure management lock on the account (Pulumi `protect` only stops Pulumi). */
  lock?: "CanNotDelete";
  /** Defender for AI on the account (`defenderForAISettings/Default`, state Enabled). */
  defenderForAI?: boolean;
}

/** What an app needs to call one deployment. */
export interface DeploymentInfo {
  model: string;
  version: string;
  sku: string;
  capacity: number;
}

/** The data-plane endpoint key ARM lists for the OpenAI API on both OpenAI and AIServices accounts. */
const OPENAI_ENDPOINT_KEY = "OpenAI Language Model Instance API";

export class OpenAIAccount extends pulumi.ComponentResource {
  readonly account: cognitiveservices.Account;
  readonly accountId: pulumi.Output<string>;
  readonly accountName: pulumi.Output<string>;
  readonly location: string;
  /** `https://<subdomain>.openai.azure.com/`: what apps set as AZURE_OPENAI_ENDPOINT. */
  readonly endpoint: pulumi.Output<string>;
  /** The system-assigned identity's principal id (for Key Vault and storage grants). */
  readonly principalId: pulumi.Output<string | undefined>;
  readonly contentFilters: ContentFilterSet;
  readonly deploymentChain: ModelDeploymentChain;
  /** The account's Defender for AI setting, when on (a generic resource: azure-native 3.28 has no typed one). */
  readonly defenderForAISetting: resources.Resource | undefined;
  /**
   * The account's last chained operation (Defender for AI setting, else deployment, else content
   * filter); later work on it waits for this.
   */
  readonly lastOperation: pulumi.Resource | undefined;
  /** Deployment details by deployment name. */
  readonly deployments: Record<string, DeploymentInfo>;
  /** Model name → every deployment of it, in config order (a model may be deployed more than once). */
  readonly modelDeployments: Record<string, string[]>;

  constructor(name: string, args: OpenAIAccountArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("OpenAIAccount"),
      name,
      {},
      withLegacyType("aoai-platform:account:OpenAIAccount", opts),
    );
    const { spec, resourceGroupName, tags } = args;
    this.location = spec.location;

    this.account = new cognitiveservices.Account(
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
          customSubDomainName: spec.customSubDomain,
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
        protect: args.protect,
        retainOnDelete: args.retainOnDelete,
        ...importOptions("account", spec.import),
      },
    );
    this.accountId = this.account.id;
    this.accountName = this.account.name;
    this.endpoint = this.account.properties.apply(
      (p) => p.endpoints?.[OPENAI_ENDPOINT_KEY] ?? `https://${spec.customSubDomain}.openai.azure.com/`,
    );
    this.principalId = this.account.identity.apply((identity) => identity?.principalId);

    this.contentFilters = new ContentFilterSet(
      `${name}-filters`,
      { accountName: this.accountName, resourceGroupName, filters: spec.contentFilters, tags },
      { parent: this },
    );
    this.deploymentChain = new ModelDeploymentChain(
      `${name}-deployments`,
      {
        accountName: this.accountName,
        resourceGroupName,
        deployments: spec.deployments,
        policyNames: this.contentFilters.policyNames,
        after: this.contentFilters.lastOperation ? [this.contentFilters.lastOperation] : [],
        tags,
      },
      { parent: this },
    );

    const lastChained = this.deploymentChain.deployments.at(-1) ?? this.contentFilters.lastOperation;
    this.defenderForAISetting = args.defenderForAI
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
          { parent: this, dependsOn: lastChained ? [lastChained] : [this.account] },
        )
      : undefined;
    this.lastOperation = this.defenderForAISetting ?? lastChained;

    if (args.lock) {
      // After the account's last operation, so the first deploy builds everything before the lock
      // exists. CanNotDelete allows updates; deleting the account or a deployment needs the lock
      // removed first (lock: None, pulumi up), which Pulumi does before anything it depends on.
      new authorization.ManagementLockByScope(
        `${name}-lock`,
        {
          lockName: `${spec.name}-lock`,
          scope: this.account.id,
          level: args.lock,
          notes:
            "aoai-platform: prod account; set lock: None and pulumi up before deleting it or its deployments",
        },
        { parent: this, dependsOn: this.lastOperation ? [this.lastOperation] : [this.account] },
      );
    }

    this.deployments = {};
    for (const d of spec.deployments) {
      this.deployments[d.name] = { model: d.model, version: d.version, sku: d.sku, capacity: d.capacity };
    }
    this.modelDeployments = deploymentsByModel(spec.deployments);
    this.registerOutputs({
      accountId: this.accountId,
      endpoint: this.endpoint,
      deployments: this.deployments,
      modelDeployments: this.modelDeployments,
    });
  }
}
