/**
 * What PlatformMonitoring watches, as plain references any Pulumi language can pass: a name (it
 * names the diagnostic setting and the alerts, so it is a plain string), the ARM id as an input,
 * the region (it picks the per-region archive and stream) and, for accounts, the deployments.
 */
import type * as pulumi from "@pulumi/pulumi";

/** A model deployment of a monitored account. */
export interface MonitoredDeployment {
  /** The deployment name (the ModelDeploymentName dimension of the account's metrics). */
  name: string;
  /** The deployment SKU, e.g. GlobalStandard or ProvisionedManaged: provisioned ones get the PTU utilization alert. */
  sku: string;
}

/** An Azure OpenAI account to send diagnostics from and alert on. */
export interface MonitoredAccount {
  /** The account's name; its diagnostic setting and alerts are named after it. */
  name: string;
  /** ARM id of the Microsoft.CognitiveServices/accounts resource. */
  id: pulumi.Input<string>;
  /** The account's region, e.g. swedencentral: diagnostics archive and stream to that region's destinations. */
  location: string;
  /** Its model deployments; omitted, no PTU utilization alert. */
  deployments?: MonitoredDeployment[];
}

/** An AI gateway (Azure API Management v2 service) to send diagnostics from and alert on. */
export interface MonitoredGateway {
  /** The API Management service name; its diagnostic setting and alerts are named after it. */
  name: string;
  /** ARM id of the Microsoft.ApiManagement/service resource. */
  id: pulumi.Input<string>;
  /** The service's region: diagnostics archive and stream to that region's destinations. */
  location: string;
}
