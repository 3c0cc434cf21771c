/** Stack-wide rules of the AI gateway: its accounts, deployments, identities and networking (components/gateway/plan.ts). */

import type { AccessSpec } from "../../components/access/spec";
import { GATEWAY_SUBNET_MAX_PREFIX_LENGTH } from "../../components/facts/gateway";
import { type GatewayIssue, planGateway } from "../../components/gateway/plan";
import type { GatewaySpec } from "../../components/gateway/spec";
import { cidrContains, cidrsOverlap, parseCidr, readCidr } from "../../components/network/cidr";
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
  /** The gateway's region (gatewayLocation). */
  location: string;
  /** The stack has `monitoring` (its Log Analytics workspace hosts a created Application Insights). */
  monitoring: boolean;
}

/** The region the gateway runs in: its own `location`, else the resource group's, else the stack's. */
export const gatewayLocation = (stack: {
  gateway?: { location?: string | undefined } | undefined;
  resourceGroup: { location?: string | undefined };
  location: string;
}): string => stack.gateway?.location ?? stack.resourceGroup.location ?? stack.location;

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
  return [
    ...issues,
    ...(dns ? [dns] : []),
    ...inboundIssues(gateway, stack),
    ...subnetIssues(gateway, stack),
    ...telemetryIssues(gateway, stack),
  ].map((issue) => ({
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

/** The private endpoint's subnet and the zone it registers in, from the gateway config or the stack's network. */
function inboundIssues(gateway: GatewaySpec, stack: GatewayStackContext): GatewayIssue[] {
  if (gateway.inbound !== "privateEndpoint") return [];
  const issues: GatewayIssue[] = [];
  const region = stack.network?.regions[stack.location];
  if (gateway.privateEndpointSubnetId === undefined && region === undefined) {
    issues.push({
      path: ["privateEndpointSubnetId"],
      message: `inbound privateEndpoint needs privateEndpointSubnetId, or network.regions.${stack.location} (the stack's endpoint subnet in the gateway's region)`,
    });
  }
  if (gateway.privateDnsZoneId === undefined && stack.network?.existingDnsZoneIds !== undefined) {
    issues.push({
      path: ["privateDnsZoneId"],
      message:
        "the stack registers its endpoints in central zones (network.existingDnsZoneIds): give the hub's privatelink.azure-api.net zone id here, so <name>.azure-api.net resolves where the accounts' hosts do",
    });
  }
  return issues;
}

/** The integration subnet the gateway creates: in the stack's VNet of its region, inside its space, apart from the endpoint subnet, /27 or larger. */
function subnetIssues(gateway: GatewaySpec, stack: GatewayStackContext): GatewayIssue[] {
  const subnet = gateway.subnet;
  if (subnet === undefined) return [];
  const vnet = stack.network?.regions[stack.location]?.vnet;
  if (vnet === undefined) {
    return [
      {
        path: ["subnet"],
        message: `the gateway creates its subnet in the VNet the stack creates in its region: add network.regions.${stack.location}.vnet, or give subnetId (a subnet you own)`,
      },
    ];
  }
  const reading = readCidr(subnet.addressPrefix);
  if (!reading.ok) return [];
  const path = ["subnet", "addressPrefix"];
  const issues: GatewayIssue[] = [];
  if (reading.cidr.prefix > GATEWAY_SUBNET_MAX_PREFIX_LENGTH) {
    issues.push({
      path,
      message: `too small: API Management needs a /${GATEWAY_SUBNET_MAX_PREFIX_LENGTH} or larger (/24 recommended for scaling)`,
    });
  }
  const space = vnet.addressSpace.filter((range) => readCidr(range).ok);
  if (!space.some((range) => cidrContains(parseCidr(range), reading.cidr))) {
    issues.push({
      path,
      message: `must lie inside the address space of network.regions.${stack.location}.vnet (${vnet.addressSpace.join(", ")})`,
    });
  }
  const endpoints = vnet.privateEndpointSubnet;
  if (
    readCidr(endpoints.addressPrefix).ok &&
    cidrsOverlap(parseCidr(endpoints.addressPrefix), reading.cidr)
  ) {
    issues.push({
      path,
      message: `overlaps the endpoint subnet ${endpoints.name} (${endpoints.addressPrefix}); the integration subnet is dedicated to the gateway`,
    });
  }
  return issues;
}

/** Token metrics need Application Insights: an existing one, or one created on the stack's workspace. */
function telemetryIssues(gateway: GatewaySpec, stack: GatewayStackContext): GatewayIssue[] {
  if (gateway.applicationInsights !== undefined || stack.monitoring) return [];
  return [
    {
      path: ["applicationInsights"],
      message:
        "the token metrics need Application Insights: give an existing one here (resourceId, connectionString), or add monitoring: the gateway then creates one on its Log Analytics workspace",
    },
  ];
}
