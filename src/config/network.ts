/**
 * Stack-wide rules that relate private networking to the accounts: every account's region needs an
 * endpoint subnet, endpoint subnets must hold their endpoints, accounts behind an endpoint keep public
 * access off, central zones must cover every account kind, and prod allows no ip rules by default.
 */

import { VNET_RESERVED_RANGES } from "../../components/facts/addresses";
import {
  ADDRESSES_PER_PRIVATE_ENDPOINT,
  AZURE_RESERVED_ADDRESSES_PER_SUBNET,
  privateDnsZonesFor,
} from "../../components/facts/privateLink";
import { cidrSize, cidrsOverlap, parseCidr, readCidr } from "../../components/network/cidr";
import { endpointsPerRegion } from "../../components/network/plan";
import type { NetworkSpec } from "../../components/network/spec";
import type { Environment, ResolvedAccount } from "./types";

export interface NetworkIssue {
  path: PropertyKey[];
  message: string;
}

/** True when the stack puts its accounts behind private endpoints. */
export function usesPrivateEndpoints(network: NetworkSpec | undefined): network is NetworkSpec {
  return network !== undefined && Object.keys(network.regions).length > 0;
}

export function networkIssues(
  network: NetworkSpec | undefined,
  accounts: readonly ResolvedAccount[],
  environment: Environment,
): NetworkIssue[] {
  const issues: NetworkIssue[] = [];
  if (environment === "prod" && network?.allowIpRulesInProd === undefined) {
    accounts.forEach((account, i) => {
      if (account.networkAcls.ipRules.length > 0) {
        issues.push({
          path: ["accounts", i, "networkAcls", "ipRules"],
          message:
            "prod accounts are not reachable from IP ranges (landing-zone guardrail: no network ACL ip rules in prod); use private endpoints (network.regions), or set network.allowIpRulesInProd.reason to accept the exception",
        });
      }
    });
  }
  if (!usesPrivateEndpoints(network)) return issues;
  issues.push(...reservedRangeIssues(network));

  const regions = Object.keys(network.regions);
  accounts.forEach((account, i) => {
    if (!regions.includes(account.location)) {
      issues.push({
        path: ["accounts", i, "name"],
        message: `this account is in ${account.location}, but network.regions has no private-endpoint subnet there (a private endpoint must be in its VNet's region); add network.regions.${account.location} (regions with a subnet: ${regions.join(", ")})`,
      });
    }
    if (account.publicNetworkAccess === "Enabled") {
      issues.push({
        path: ["accounts", i, "publicNetworkAccess"],
        message:
          "accounts behind a private endpoint (network.regions is set) keep public network access Disabled; remove the key or set Disabled",
      });
    }
  });

  for (const [region, count] of endpointsPerRegion(accounts.map((a) => a.location))) {
    const prefix = network.regions[region]?.vnet?.privateEndpointSubnet.addressPrefix;
    if (prefix === undefined || !readCidr(prefix).ok) continue;
    const usable = cidrSize(parseCidr(prefix)) - AZURE_RESERVED_ADDRESSES_PER_SUBNET;
    const needed = count * ADDRESSES_PER_PRIVATE_ENDPOINT;
    if (usable < needed) {
      issues.push({
        path: ["network", "regions", region, "vnet", "privateEndpointSubnet", "addressPrefix"],
        message: `too small: ${Math.max(usable, 0)} usable addresses (Azure reserves ${AZURE_RESERVED_ADDRESSES_PER_SUBNET} per subnet) for ${needed} private endpoint${needed === 1 ? "" : "s"} in ${region}`,
      });
    }
  }

  if (network.existingDnsZoneIds !== undefined) {
    const given = network.existingDnsZoneIds;
    const missing = privateDnsZonesFor(accounts.map((a) => a.kind)).filter(
      (zone) => given[zone] === undefined,
    );
    if (missing.length > 0) {
      issues.push({
        path: ["network", "existingDnsZoneIds"],
        message: `missing ${missing.join(", ")}: the accounts' zone groups need every zone of their kind (${[...new Set(accounts.map((a) => a.kind))].join(", ")})`,
      });
    }
  }
  return issues;
}

/** A created VNet may not use the ranges Azure reserves (multicast, broadcast, loopback, link-local, 168.63.129.16). */
function reservedRangeIssues(network: NetworkSpec): NetworkIssue[] {
  return Object.entries(network.regions).flatMap(([region, spec]) =>
    (spec.vnet?.addressSpace ?? []).flatMap((text, index) => {
      const reading = readCidr(text);
      if (!reading.ok) return [];
      const reserved = VNET_RESERVED_RANGES.find((range) =>
        cidrsOverlap(parseCidr(range.cidr), reading.cidr),
      );
      return reserved === undefined
        ? []
        : [
            {
              path: ["network", "regions", region, "vnet", "addressSpace", index],
              message: `overlaps ${reserved.cidr} (${reserved.what}), which Azure reserves; virtual networks cannot use it`,
            },
          ];
    }),
  );
}
