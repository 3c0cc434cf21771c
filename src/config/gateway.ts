/** Stack-wide rules of the AI gateway: its accounts, deployments, identities and networking (components/gateway/plan.ts). */

import type { AccessSpec } from "../../components/access/spec";
import { type GatewayIssue, planGateway } from "../../components/gateway/plan";
import type { GatewaySpec } from "../../components/gateway/spec";
import { subnetVirtualNetworkId } from "../../components/network/ids";
import { createdVnetName, zoneLinkTargets } from "../../components/network/plan";
import type { NetworkSpec } from "../../components/network/spec";
import type { Environment, ResolvedAccount } from "./types";

export interface GatewayStackContext {
  accounts: readonly ResolvedAccount[];
  access: AccessSpec;
  environment: Environment;
  apiVersion: string;
  network: NetworkSpec | undefined;
  resourceGroupName: string;
}

export function gatewayIssues(gateway: GatewaySpec | undefined, stack: GatewayStackContext): GatewayIssue[] {
  if (!gateway) return [];
  const { issues } = planGateway(gateway, {
    environment: stack.environment,
    apiVersion: stack.apiVersion,
    accounts: stack.accounts,
    identities: stack.access.identities.map((identity) => ({
      name: identity.name,
      existing: identity.principalId !== undefined,
    })),
  });
  const dns = outboundDnsIssue(gateway, stack);
  return [...issues, ...(dns ? [dns] : [])].map((issue) => ({
    path: ["gateway", ...issue.path],
    message: issue.message,
  }));
}

/**
 * Outbound through a VNet, the gateway resolves the accounts' hosts to their private endpoints only if the
 * zones the stack creates are linked to the gateway's VNet (a created VNet, an endpoint subnet's VNet or
 * one of network.linkVnetIds). Central zones (existingDnsZoneIds) and policy-managed DNS are the hub's job.
 */
function outboundDnsIssue(gateway: GatewaySpec, stack: GatewayStackContext): GatewayIssue | undefined {
  const { network } = stack;
  if (gateway.outbound === "public" || gateway.subnetId === undefined || !network) return undefined;
  if (Object.keys(network.regions).length === 0) return undefined;
  if (network.existingDnsZoneIds !== undefined || network.dnsZoneGroup === "policy-managed") return undefined;
  const vnetId = subnetVirtualNetworkId(gateway.subnetId);
  if (!vnetId) {
    return {
      path: ["subnetId"],
      message:
        "must be a subnet resource id: /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>",
    };
  }
  const [, , , , resourceGroup = "", , , , vnetName = ""] = vnetId.split("/");
  const linked = zoneLinkTargets(network).some((target) =>
    "virtualNetworkId" in target
      ? target.virtualNetworkId.toLowerCase() === vnetId.toLowerCase()
      : resourceGroup.toLowerCase() === stack.resourceGroupName.toLowerCase() &&
        vnetName.toLowerCase() === createdVnetName(target.createdInRegion, network).toLowerCase(),
  );
  return linked
    ? undefined
    : {
        path: ["subnetId"],
        message: `the gateway reaches the accounts from VNet "${vnetName}", which the stack's private DNS zones are not linked to, so it would resolve their public addresses: add ${vnetId} to network.linkVnetIds`,
      };
}
