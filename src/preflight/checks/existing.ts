/**
 * Resources the config names as existing must exist and fit: the resource group, endpoint subnets
 * (in the account's region, with room, and what their network policies mean), central DNS zones,
 * the Log Analytics workspace, and the customer-managed key's vault and key.
 */

import {
  ADDRESSES_PER_PRIVATE_ENDPOINT,
  AZURE_RESERVED_ADDRESSES_PER_SUBNET,
} from "../../../components/facts/privateLink";
import { cidrSize, parseCidr, readCidr } from "../../../components/network/cidr";
import type { StackConfig } from "../../config/schema";
import { CMK_KEY_SIZE, CMK_KEY_TYPES } from "../facts";
import type { CheckResult, LiveState, LiveSubnet } from "../model";
import { accountTarget, configKey } from "./targets";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const lastSegment = (id: string) => id.split("/").at(-1) ?? id;

function checkResourceGroup(config: StackConfig, live: LiveState): CheckResult {
  const { name, existing, location } = config.resourceGroup;
  const wanted = location ?? config.location;
  const base = { check: "resource-group", target: name } as const;
  const group = live.existing.resourceGroup;
  if (existing) {
    if (group === undefined) {
      return {
        ...base,
        status: "FAIL",
        detail: `resource group ${name} does not exist (resourceGroup.existing is true)`,
        fix: `create it (az group create --name ${name} --location ${wanted}), or set ${configKey(["resourceGroup", "existing"])} to false so the stack creates it`,
      };
    }
    return { ...base, status: "OK", detail: `exists in ${group.location}` };
  }
  if (group !== undefined && !same(group.location, wanted)) {
    return {
      ...base,
      status: "FAIL",
      detail: `exists in ${group.location}; the config creates it in ${wanted}, and a resource group cannot move`,
      fix: `set ${configKey(["resourceGroup", "location"])} to ${group.location}, or choose another ${configKey(["resourceGroup", "name"])}`,
    };
  }
  return {
    ...base,
    status: "OK",
    detail: group === undefined ? `created by the stack in ${wanted}` : `exists in ${group.location}`,
  };
}

/** Addresses left for endpoints; existing endpoints of this stack already hold theirs. */
function freeAddresses(subnet: LiveSubnet): number | undefined {
  const prefix = subnet.addressPrefixes.find((p) => readCidr(p).ok);
  if (prefix === undefined) return undefined;
  return cidrSize(parseCidr(prefix)) - AZURE_RESERVED_ADDRESSES_PER_SUBNET - subnet.usedAddresses;
}

function checkSubnets(config: StackConfig, live: LiveState): CheckResult[] {
  return Object.entries(config.network?.regions ?? {}).flatMap(([region, spec]): CheckResult[] => {
    const id = spec.existingSubnetId;
    if (id === undefined) return [];
    const key = configKey(["network", "regions", region, "existingSubnetId"]);
    const base = { check: "subnet", target: `${lastSegment(id)} (${region})` } as const;
    const subnet = live.existing.subnets.get(id.toLowerCase());
    if (subnet === undefined) {
      return [
        {
          ...base,
          status: "FAIL",
          detail: `${id} does not exist (or is not visible to the signed-in identity)`,
          fix: `correct ${key}, or ask the network team for the subnet`,
        },
      ];
    }
    if (subnet.vnetLocation !== undefined && !same(subnet.vnetLocation, region)) {
      return [
        {
          ...base,
          status: "FAIL",
          detail: `the subnet's VNet is in ${subnet.vnetLocation}; a private endpoint must be in its VNet's region (${region})`,
          fix: `set ${key} to a subnet of a VNet in ${region}`,
        },
      ];
    }
    const accounts = config.accounts.filter((a) => a.location === region);
    const placed = new Set(subnet.privateEndpointNames.map((n) => n.toLowerCase()));
    const needed =
      accounts.filter((a) => !placed.has(`pe-${a.name}`.toLowerCase())).length *
      ADDRESSES_PER_PRIVATE_ENDPOINT;
    const free = freeAddresses(subnet);
    const rows: CheckResult[] = [];
    if (free !== undefined && free < needed) {
      rows.push({
        ...base,
        status: "FAIL",
        detail: `${Math.max(free, 0)} free address(es) in ${subnet.addressPrefixes.join(", ")} (${subnet.usedAddresses} in use, ${AZURE_RESERVED_ADDRESSES_PER_SUBNET} reserved by Azure) for ${needed} new private endpoint(s)`,
        fix: `free addresses in the subnet, or set ${key} to a larger one`,
      });
    } else {
      rows.push({
        ...base,
        status: "OK",
        detail: `exists in ${subnet.vnetLocation ?? region}; ${free ?? "unknown"} free address(es) for ${needed} new private endpoint(s)`,
      });
    }
    const policies = subnet.privateEndpointNetworkPolicies ?? "Disabled";
    if (!same(policies, "Disabled")) {
      rows.push({
        ...base,
        status: "WARN",
        detail: `privateEndpointNetworkPolicies is ${policies}: the subnet's network security group and route table apply to the endpoints' traffic`,
        fix: "make sure the NSG allows 443 from the clients and routes reach the endpoints, or ask the network team to set privateEndpointNetworkPolicies to Disabled",
      });
    }
    return rows;
  });
}

function checkDnsZones(config: StackConfig, live: LiveState): CheckResult[] {
  return Object.entries(config.network?.existingDnsZoneIds ?? {}).flatMap(([zone, id]): CheckResult[] => {
    if (id === undefined) return [];
    const exists = live.existing.dnsZones.get(id.toLowerCase()) === true;
    return [
      exists
        ? { check: "dns-zone", target: zone, status: "OK", detail: `${id} exists` }
        : {
            check: "dns-zone",
            target: zone,
            status: "FAIL",
            detail: `${id} does not exist (or is not visible to the signed-in identity)`,
            fix: `correct ${configKey(["network", "existingDnsZoneIds", zone])}, or ask the hub team for the zone`,
          },
    ];
  });
}

function checkWorkspace(config: StackConfig, live: LiveState): CheckResult[] {
  const id = config.monitoring?.workspace.existingId;
  if (id === undefined) return [];
  const base = { check: "workspace", target: lastSegment(id) } as const;
  const workspace = live.existing.workspaces.get(id.toLowerCase());
  if (workspace === undefined) {
    return [
      {
        ...base,
        status: "FAIL",
        detail: `${id} does not exist (or is not visible to the signed-in identity)`,
        fix: `correct ${configKey(["monitoring", "workspace", "existingId"])}`,
      },
    ];
  }
  if (workspace.provisioningState !== undefined && !same(workspace.provisioningState, "Succeeded")) {
    return [
      {
        ...base,
        status: "WARN",
        detail: `exists in ${workspace.location} but is ${workspace.provisioningState}`,
        fix: "wait until the workspace is Succeeded",
      },
    ];
  }
  return [{ ...base, status: "OK", detail: `exists in ${workspace.location}` }];
}

function checkCustomerManagedKeys(config: StackConfig, live: LiveState): CheckResult[] {
  return config.accounts.flatMap((account, a): CheckResult[] => {
    const cmk = account.customerManagedKey;
    if (cmk === undefined) return [];
    const target = accountTarget(account);
    const key = (field: string) => configKey(["accounts", a, "customerManagedKey", field]);
    if (cmk.keyVaultId === undefined) {
      return [
        {
          check: "key-vault",
          target,
          status: "WARN",
          detail: `no keyVaultId: the vault behind ${cmk.keyVaultUri} cannot be checked`,
          fix: `set ${key("keyVaultId")} to the vault's ARM id`,
        },
      ];
    }
    const vault = live.existing.keyVaults.get(cmk.keyVaultId.toLowerCase());
    const vaultName = lastSegment(cmk.keyVaultId);
    if (vault === undefined) {
      return [
        {
          check: "key-vault",
          target,
          status: "FAIL",
          detail: `${cmk.keyVaultId} does not exist (or is not visible to the signed-in identity)`,
          fix: `correct ${key("keyVaultId")}`,
        },
      ];
    }
    const problems = [
      ...(same(vault.location, account.location)
        ? []
        : [`is in ${vault.location}, not the account's region ${account.location}`]),
      ...(vault.enableSoftDelete === false ? ["has soft delete off"] : []),
      ...(vault.enablePurgeProtection !== true ? ["has purge protection off"] : []),
    ];
    const vaultRow: CheckResult =
      problems.length === 0
        ? {
            check: "key-vault",
            target,
            status: "OK",
            detail: `${vaultName} is in ${vault.location} with soft delete and purge protection`,
          }
        : {
            check: "key-vault",
            target,
            status: "FAIL",
            detail: `${vaultName} ${problems.join(", ")}; customer-managed keys need a vault in the account's region with soft delete and purge protection`,
            fix: `az keyvault update --name ${vaultName} --enable-purge-protection true (purge protection cannot be turned off again), or use a vault in ${account.location}`,
          };
    const liveKey = live.existing.keys.get(`${cmk.keyVaultId}/keys/${cmk.keyName}`.toLowerCase());
    const keyBase = { check: "cmk-key", target } as const;
    let keyRow: CheckResult;
    if (liveKey === undefined) {
      keyRow = {
        ...keyBase,
        status: "FAIL",
        detail: `key ${cmk.keyName} does not exist in ${vaultName}`,
        fix: `create it (az keyvault key create --vault-name ${vaultName} --name ${cmk.keyName} --kty RSA --size ${CMK_KEY_SIZE}), or correct ${key("keyName")}`,
      };
    } else if (liveKey.enabled === false) {
      keyRow = {
        ...keyBase,
        status: "FAIL",
        detail: `key ${cmk.keyName} in ${vaultName} is disabled`,
        fix: `enable it: az keyvault key set-attributes --vault-name ${vaultName} --name ${cmk.keyName} --enabled true`,
      };
    } else if (
      !(CMK_KEY_TYPES as readonly string[]).includes(liveKey.kty ?? "") ||
      (liveKey.keySize !== undefined && liveKey.keySize !== CMK_KEY_SIZE)
    ) {
      keyRow = {
        ...keyBase,
        status: "FAIL",
        detail: `key ${cmk.keyName} is ${liveKey.kty ?? "of unknown type"}${liveKey.keySize ? ` ${liveKey.keySize}` : ""}; Azure OpenAI takes ${CMK_KEY_TYPES.join(" or ")} keys of ${CMK_KEY_SIZE} bits`,
        fix: `create an RSA ${CMK_KEY_SIZE} key and set ${key("keyName")} to it`,
      };
    } else {
      keyRow = {
        ...keyBase,
        status: "OK",
        detail:
          `key ${cmk.keyName} in ${vaultName}: ${liveKey.kty} ${liveKey.keySize ?? ""}, enabled`.trimEnd(),
      };
    }
    return [vaultRow, keyRow];
  });
}

export function checkExisting(config: StackConfig, live: LiveState): CheckResult[] {
  return [
    checkResourceGroup(config, live),
    ...checkSubnets(config, live),
    ...checkDnsZones(config, live),
    ...checkWorkspace(config, live),
    ...checkCustomerManagedKeys(config, live),
  ];
}
