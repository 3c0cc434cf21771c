/**
 * Defender for AI on a Cognitive Services / Azure OpenAI account: the account-level setting
 * `Microsoft.CognitiveServices/accounts/defenderForAISettings`, one per account, named `Default`, with
 * `properties.state` Enabled or Disabled (KnownDefenderForAISettingState).
 * Source: specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01/cognitiveservices.json
 * (DefenderForAISettings_CreateOrUpdate, definitions DefenderForAISetting / DefenderForAISettingProperties)
 * and its example examples/PutDefenderForAISetting.json, in Azure/azure-rest-api-specs; AVM
 * avm/res/cognitive-services/account `enableDefenderForAI`. `@pulumi/azure-native` 3.28 has no typed
 * resource for it, so the stack sends it through the generic `azure-native:resources:Resource`.
 * The subscription-level plan (`Microsoft.Security/pricings/AI`) is the subscription owner's.
 */
export const DEFENDER_FOR_AI_SETTING = {
  resourceProviderNamespace: "Microsoft.CognitiveServices",
  /** The account's path under the provider namespace (the generic resource's parentResourcePath). */
  parentResourcePath: (accountName: string) => `accounts/${accountName}`,
  resourceType: "defenderForAISettings",
  resourceName: "Default",
  apiVersion: "2025-06-01",
  states: ["Enabled", "Disabled"],
} as const;
