/**
 * Rough wall time of one create operation per Azure resource type, for the deploy critical path.
 * Azure publishes no provisioning times; these are assumptions from typical `pulumi up` / ARM
 * deployment runs, rounded up, meant to show what dominates a deploy, not to predict it.
 */
import { GATEWAY_CREATE_SECONDS, GATEWAY_SKUS, type GatewaySku } from "../../components/facts/gateway";
import type { PlannedResource } from "./resource";

interface OperationTime {
  minutes: number;
  /** Why this figure: what the operation waits for. */
  assumption: string;
}

const SECONDS = 0.1;

export const OPERATION_TIMES: Readonly<Record<string, OperationTime>> = {
  "azure-native:resources:ResourceGroup": { minutes: SECONDS, assumption: "metadata only: seconds" },
  "azure-native:cognitiveservices:Account": {
    minutes: 1,
    assumption: "account and custom subdomain provisioning: about a minute",
  },
  "azure-native:cognitiveservices:Deployment": {
    minutes: 2,
    assumption: "pay-per-token model deployment: 1-3 minutes, one at a time per account (409 otherwise)",
  },
  "azure-native:cognitiveservices:RaiPolicy": { minutes: 0.5, assumption: "content filter: under a minute" },
  "azure-native:cognitiveservices:RaiBlocklist": { minutes: SECONDS, assumption: "seconds" },
  "azure-native:cognitiveservices:RaiBlocklistItem": { minutes: SECONDS, assumption: "seconds" },
  "azure-native:network:VirtualNetwork": { minutes: 0.3, assumption: "VNet: under half a minute" },
  "azure-native:network:Subnet": { minutes: 0.3, assumption: "subnet: under half a minute" },
  "azure-native:network:PrivateEndpoint": {
    minutes: 1.5,
    assumption: "private endpoint with its NIC and private link approval: 1-2 minutes",
  },
  "azure-native:network:PrivateDnsZoneGroup": { minutes: 0.5, assumption: "DNS records: under a minute" },
  "azure-native:privatedns:PrivateZone": { minutes: 1, assumption: "global resource: about a minute" },
  "azure-native:privatedns:VirtualNetworkLink": { minutes: 1, assumption: "zone link: about a minute" },
  "azure-native:operationalinsights:Workspace": { minutes: 1, assumption: "workspace: about a minute" },
  "azure-native:monitor:DiagnosticSetting": { minutes: 0.2, assumption: "seconds" },
  "azure-native:monitor:ActionGroup": { minutes: 0.3, assumption: "under half a minute" },
  "azure-native:monitor:MetricAlert": { minutes: 0.5, assumption: "under a minute" },
  "azure-native:consumption:Budget": { minutes: 0.2, assumption: "seconds" },
  "azure-native:managedidentity:UserAssignedIdentity": { minutes: 0.2, assumption: "seconds" },
  "azure-native:authorization:RoleAssignment": { minutes: SECONDS, assumption: "seconds" },
  "azure-native:apimanagement:ApiManagementService": {
    minutes: GATEWAY_CREATE_SECONDS.StandardV2 / 60,
    assumption: "API Management v2: minutes (components/facts/gateway.ts); classic tiers 45-75 minutes",
  },
  "azure-native:apimanagement:Api": {
    minutes: 0.5,
    assumption: "API import: API Management fetches and parses the OpenAPI spec",
  },
};

/** Provisioned throughput allocates dedicated capacity: slower than pay-per-token. */
export const PROVISIONED_DEPLOYMENT: OperationTime = {
  minutes: 5,
  assumption: "provisioned (PTU) deployment allocates capacity: several minutes",
};

/** Resources not in the table (Entra ID objects, new types): a Graph or ARM call of seconds. */
export const UNLISTED_OPERATION: OperationTime = { minutes: 0.2, assumption: "assumed: seconds" };

/** An adopted resource is imported, not created: the provider reads it. */
export const IMPORT_OPERATION: OperationTime = {
  minutes: 0.1,
  assumption: "assumed: an import is one read (seconds)",
};

function skuName(inputs: Record<string, unknown>): string {
  const sku = inputs.sku;
  return typeof sku === "object" && sku !== null ? String((sku as Record<string, unknown>).name ?? "") : "";
}

/** Estimated minutes of creating (or importing) one resource. */
export function operationMinutes(
  resource: Pick<PlannedResource, "type" | "inputs"> & { import?: string | null },
): number {
  if (typeof resource.import === "string") return IMPORT_OPERATION.minutes;
  if (
    resource.type === "azure-native:cognitiveservices:Deployment" &&
    skuName(resource.inputs).includes("Provisioned")
  ) {
    return PROVISIONED_DEPLOYMENT.minutes;
  }
  if (resource.type === "azure-native:apimanagement:ApiManagementService") {
    const sku = skuName(resource.inputs);
    if ((GATEWAY_SKUS as readonly string[]).includes(sku))
      return GATEWAY_CREATE_SECONDS[sku as GatewaySku] / 60;
  }
  return (OPERATION_TIMES[resource.type] ?? UNLISTED_OPERATION).minutes;
}
