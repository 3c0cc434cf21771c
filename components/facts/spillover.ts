/**
 * PTU spillover: a provisioned deployment sends overage to a standard deployment of the same account.
 * Source: https://learn.microsoft.com/azure/ai-services/openai/how-to/spillover-traffic-management
 * (prerequisites: a global or data zone provisioned deployment as primary, a global or data zone standard
 * deployment as spillover, both in the same resource, the same data processing level, and the same model
 * and version); the property is DeploymentProperties.spilloverDeploymentName in
 * specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01/cognitiveservices.json.
 */
import type { DeploymentSku } from "./skus";

/** The standard SKU each provisioned SKU that supports spillover may spill to (same data processing level). */
export const SPILLOVER_TARGET_SKU: Readonly<Partial<Record<DeploymentSku, DeploymentSku>>> = {
  GlobalProvisionedManaged: "GlobalStandard",
  DataZoneProvisionedManaged: "DataZoneStandard",
};
