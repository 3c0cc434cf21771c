/** Composes the platform's components from a validated stack config and returns the stack outputs. */
import * as pulumi from "@pulumi/pulumi";
import { OpenAIAccount } from "../components/account/component";
import { platformTagValues } from "../components/facts/tags";
import { PlatformResourceGroup } from "../components/resource-group/component";
import { type AccessOutputs, definePlatformAccess } from "./access";
import { type AppSettingOutputs, appSettingOutputs } from "./appOutputs";
import type { StackConfig } from "./config/schema";
import { definePlatformGateway } from "./gateway";
import { defineObservability } from "./observability";
import { definePrivateNetworking } from "./privateNetworking";

/** Tags every resource carries, so cost and ownership reports can find the platform. */
export function platformTags(config: StackConfig): Record<string, string> {
  // The schema refuses stack tags that contradict the platform's, so the order only drops duplicates.
  return { ...platformTagValues(config.environment), ...config.tags };
}

export interface AccountOutputs {
  id: pulumi.Output<string>;
  endpoint: pulumi.Output<string>;
  location: string;
  deployments: OpenAIAccount["deployments"];
  /** Model → its deployment names, in config order (a model may be deployed more than once). */
  modelDeployments: Record<string, string[]>;
}

/**
 * The app settings (AZURE_OPENAI_ENDPOINT of the AI gateway when `gateway` is on, else of the primary
 * account; API version under both names, the per-use deployment names when unambiguous, the token scope),
 * then the platform's own outputs.
 */
export interface PlatformOutputs extends AccessOutputs, AppSettingOutputs {
  /** The config's `primaryAccount` (or the only account): whose endpoint AZURE_OPENAI_ENDPOINT is without a gateway. */
  primaryAccount: string;
  /** Endpoint by account name, for apps that fail over between regions. */
  AZURE_OPENAI_ENDPOINTS: Record<string, pulumi.Output<string>>;
  /** Model → its deployment names on the primary account: what apps pass as `model`. */
  modelDeployments: Record<string, string[]>;
  resourceGroupName: pulumi.Output<string>;
  accounts: Record<string, AccountOutputs>;
  /** Private endpoint id by account name ({} without private networking). */
  privateEndpoints: Record<string, pulumi.Output<string>>;
  /** Private DNS zone id by zone name ({} without private networking). */
  privateDnsZoneIds: Record<string, pulumi.Output<string>>;
  /** The AI gateway's endpoint (only with `gateway`); AZURE_OPENAI_ENDPOINT is this then. */
  gatewayEndpoint?: pulumi.Output<string>;
}

/** Resolves after the promises queued so far have run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function definePlatform(config: StackConfig): Promise<PlatformOutputs> {
  const tags = platformTags(config);
  const group = new PlatformResourceGroup(config.resourceGroup.name, {
    name: config.resourceGroup.name,
    location: config.resourceGroup.location ?? config.location,
    existing: config.resourceGroup.existing,
    tags,
  });
  const accounts = new Map<string, OpenAIAccount>();
  for (const spec of config.accounts) {
    accounts.set(
      spec.name,
      new OpenAIAccount(spec.name, {
        spec,
        resourceGroupName: group.name,
        tags,
        protect: spec.protect,
        lock: spec.lock === "None" ? undefined : spec.lock,
        defenderForAI: spec.defenderForAI,
      }),
    );
    // Under the offline plan's mocks an account's registrations complete here, so Pulumi's pending
    // promises peak at one account's worth instead of the whole stack's: half the plan's time and
    // memory at 50 accounts (docs/BENCHMARKS.md). Against the engine it only lets queued work run.
    await settle();
  }
  // The schema checks that primaryAccount names an account.
  const primarySpec = config.accounts.find(
    (a) => a.name === config.primaryAccount,
  ) as StackConfig["accounts"][number];
  const primary = accounts.get(primarySpec.name) as OpenAIAccount;
  const network = definePrivateNetworking(config, accounts, group.name, tags);
  const access = definePlatformAccess(config, group, accounts, tags);
  // Monitoring holds the workspace the gateway's Application Insights lives on, and monitors the gateway
  // (its diagnostic setting and alerts): it takes the gateway's service id as a deferred output.
  const [gatewayServiceId, resolveGatewayServiceId] = pulumi.deferredOutput<string>();
  const observability = defineObservability(
    config,
    group,
    accounts,
    config.gateway ? gatewayServiceId : undefined,
    tags,
  );
  const gateway = definePlatformGateway(config, { group, accounts, access, network, observability, tags });
  if (gateway) resolveGatewayServiceId(gateway.serviceId);
  const byName = <T>(pick: (account: OpenAIAccount) => T): Record<string, T> =>
    Object.fromEntries([...accounts].map(([accountName, account]) => [accountName, pick(account)]));
  return {
    ...appSettingOutputs(primarySpec, primary.endpoint, config.apiVersion, gateway?.endpoint),
    primaryAccount: primarySpec.name,
    AZURE_OPENAI_ENDPOINTS: byName((account) => account.endpoint),
    modelDeployments: primary.modelDeployments,
    resourceGroupName: group.name,
    accounts: byName((account) => ({
      id: account.accountId,
      endpoint: account.endpoint,
      location: account.location,
      deployments: account.deployments,
      modelDeployments: account.modelDeployments,
    })),
    privateEndpoints: network.privateEndpointIds,
    privateDnsZoneIds: network.privateDnsZoneIds,
    ...access,
    ...(gateway && { gatewayEndpoint: gateway.endpoint }),
  };
}
