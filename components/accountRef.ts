/**
 * What a component needs to know about an Azure OpenAI account it works with (grants roles on,
 * monitors, fronts), as any Pulumi language passes it: plain references, not the OpenAIAccount class.
 */
import type * as pulumi from "@pulumi/pulumi";

/** An Azure OpenAI (Cognitive Services) account, by reference. */
export interface AccountReference {
  /** The account's name (the stack config's `accounts[].name`); plain, since it names child resources. */
  name: string;
  /** The account's ARM resource id (Microsoft.CognitiveServices/accounts). */
  id: pulumi.Input<string>;
  /** The account's Azure region (ARM name, e.g. swedencentral); plain, since it picks per-region resources. */
  location?: string;
  /** Object id of the account's system-assigned managed identity. */
  principalId?: pulumi.Input<string>;
  /** The account's endpoint, https://<customSubDomain>.openai.azure.com/. */
  endpoint?: pulumi.Input<string>;
}
