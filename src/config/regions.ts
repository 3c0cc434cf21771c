/**
 * Every region the stack config names, checked against the catalog (components/facts/regions.ts): a
 * near miss of a known region is an error with the suggestion; a name far from all of them is a warning,
 * since Azure adds regions.
 */
import { AZURE_REGIONS } from "../../components/facts/regions";
import { nearMiss } from "../../components/nearMiss";
import { formatKeyPath } from "./errors";

/** A warning as src/config/warnings.ts reports it (declared here so the two modules do not import each other). */
interface RegionWarning {
  rule: string;
  key: string;
  message: string;
}

export interface RegionReference {
  path: PropertyKey[];
  region: string;
}

/** The parts of the stack config that name regions (input or output shape). */
export interface RegionBearingConfig {
  location: string;
  resourceGroup: { location?: string | undefined };
  accounts: readonly { location?: string | undefined }[];
  quota: readonly { region: string }[];
  network?: { regions: Record<string, unknown> } | undefined;
  monitoring?:
    | {
        workspace?: { location?: string | undefined } | undefined;
        diagnostics?:
          | { storageAccounts?: Record<string, unknown>; eventHubs?: Record<string, unknown> }
          | undefined;
      }
    | undefined;
}

export function regionReferences(stack: RegionBearingConfig): RegionReference[] {
  const refs: RegionReference[] = [{ path: ["location"], region: stack.location }];
  const add = (path: PropertyKey[], region: string | undefined) => {
    if (region !== undefined) refs.push({ path, region });
  };
  add(["resourceGroup", "location"], stack.resourceGroup.location);
  stack.accounts.forEach((account, i) => {
    add(["accounts", i, "location"], account.location);
  });
  stack.quota.forEach((entry, i) => {
    add(["quota", i, "region"], entry.region);
  });
  for (const region of Object.keys(stack.network?.regions ?? {})) add(["network", "regions", region], region);
  add(["monitoring", "workspace", "location"], stack.monitoring?.workspace?.location);
  for (const map of ["storageAccounts", "eventHubs"] as const) {
    for (const region of Object.keys(stack.monitoring?.diagnostics?.[map] ?? {})) {
      add(["monitoring", "diagnostics", map, region], region);
    }
  }
  return refs;
}

const known = new Set(AZURE_REGIONS);

export function regionIssues(stack: RegionBearingConfig): { path: PropertyKey[]; message: string }[] {
  return regionReferences(stack).flatMap(({ path, region }) => {
    const suggestion = known.has(region) ? undefined : nearMiss(region, AZURE_REGIONS);
    return suggestion === undefined
      ? []
      : [{ path, message: `unknown region "${region}"; did you mean "${suggestion}"?` }];
  });
}

export function regionWarnings(stack: RegionBearingConfig): RegionWarning[] {
  return regionReferences(stack).flatMap(({ path, region }): RegionWarning[] =>
    known.has(region) || nearMiss(region, AZURE_REGIONS) !== undefined
      ? []
      : [
          {
            rule: "config.unknown-region",
            key: formatKeyPath(path),
            message: `region "${region}" is not in the built-in catalog of Azure regions; check the name (az account list-locations --query "[].name") or add it to components/facts/regions.ts`,
          },
        ],
  );
}
