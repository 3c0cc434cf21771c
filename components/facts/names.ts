/**
 * Azure naming rules for the resources we create.
 * Sources: the Microsoft.CognitiveServices REST spec
 * (specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01/cognitiveservices.json)
 * and https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules.
 */

export interface NameRule {
  pattern: RegExp;
  minLength: number;
  maxLength: number;
  /** What is allowed, in words, for error messages. */
  allowed: string;
}

export const ACCOUNT_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
  minLength: 2,
  maxLength: 64,
  allowed: "2-64 characters: letters, digits, '_', '.', '-', starting with a letter or digit",
};

/**
 * The custom subdomain becomes `<name>.openai.azure.com`: one DNS label, at most 63 characters
 * (RFC 1035 section 2.3.4; https://learn.microsoft.com/azure/ai-services/cognitive-services-custom-subdomains).
 */
export const CUSTOM_SUBDOMAIN: NameRule = {
  pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
  minLength: 2,
  maxLength: 63,
  allowed:
    "2-63 characters (one DNS label): letters, digits and '-', starting and ending with a letter or digit (it becomes <name>.openai.azure.com, globally unique, immutable)",
};

export const DEPLOYMENT_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9_-]+$/,
  minLength: 1,
  maxLength: 64,
  allowed: "1-64 characters: letters, digits, '_' and '-' (no '.', no '/')",
};

export const RAI_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
  minLength: 2,
  maxLength: 64,
  allowed: "2-64 characters: letters, digits, '_', '.', '-', starting with a letter or digit",
};

export const RESOURCE_GROUP_NAME: NameRule = {
  pattern: /^[-\w._()]*[-\w_()]$/u,
  minLength: 1,
  maxLength: 90,
  allowed: "1-90 characters: letters, digits, '_', '-', '.', '(', ')', not ending with '.'",
};

export function satisfiesNameRule(rule: NameRule, value: string): boolean {
  return value.length >= rule.minLength && value.length <= rule.maxLength && rule.pattern.test(value);
}

/** Per-account and per-region limits. */
export const MAX_DEPLOYMENTS_PER_ACCOUNT = 32;
export const MAX_OPENAI_ACCOUNTS_PER_REGION = 30;

/** Microsoft.ManagedIdentity/userAssignedIdentities. */
export const MANAGED_IDENTITY_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
  minLength: 3,
  maxLength: 128,
  allowed: "3-128 characters: letters, digits, '_' and '-', starting with a letter or digit",
};

/**
 * Microsoft.Network/privateEndpoints and network interfaces.
 * Source: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftnetwork
 */
export const PRIVATE_ENDPOINT_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9_])?$/,
  minLength: 2,
  maxLength: 64,
  allowed:
    "2-64 characters: letters, digits, '_', '.', '-', starting with a letter or digit, ending with a letter, digit or '_'",
};
