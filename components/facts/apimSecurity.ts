/**
 * Security facts for Azure API Management (the AI gateway's service and its children), as the policy
 * rules in policy/rules/apim.ts and the baseline mirrors in policy/azure/baseline.ts check them.
 * Sources: the built-in definitions in Azure/azure-policy, `built-in-policies/policyDefinitions/API Management/`
 * (file named with each fact), and the API Management docs linked below.
 */

/**
 * The oldest management API version a service should accept: 549814b6 "API Management minimum API version
 * should be set to 2019-12-01 or higher" (MinimumApiVersion_AuditDeny.json): older versions return service
 * secrets to read-only users.
 */
export const APIM_OLDEST_SAFE_API_VERSION = "2019-12-01";

/**
 * The minimum API version the gateway sets: Azure retired every management API version before 2021-08-01
 * (https://learn.microsoft.com/azure/api-management/breaking-changes/api-version-retirement-sep-2023), so no
 * current client needs an older one.
 */
export const APIM_MIN_API_VERSION = "2021-08-01";

/** SKUs on which ef619a2c "API Management services should use a virtual network" is evaluated by default (VNETEnabled_Audit.json). */
export const APIM_VNET_EVALUATED_SKUS = ["Developer", "StandardV2", "Premium", "PremiumV2"] as const;

/**
 * Classic SKUs that support virtual networks: the default of 73ef9241 "API Management service should use a SKU
 * that supports virtual networks" (AllowedVNETSkus_AuditDeny.json). Its allowed values predate the v2 tiers;
 * which v2 tiers support virtual networks is in GATEWAY_SKU_FEATURES (components/facts/gateway.ts).
 */
export const APIM_CLASSIC_VNET_SKUS = ["Developer", "Premium", "Isolated"] as const;

/** API protocols ee7495e7 "API Management APIs should use only encrypted protocols" refuses (HTTPEnabled_AuditDeny.json). */
export const APIM_UNENCRYPTED_PROTOCOLS = ["http", "ws"] as const;

/**
 * Policies that authenticate callers with an Entra ID (OAuth 2.0) token: `validate-azure-ad-token`
 * (https://learn.microsoft.com/azure/api-management/validate-azure-ad-token-policy) and `validate-jwt`
 * (https://learn.microsoft.com/azure/api-management/validate-jwt-policy).
 */
export const APIM_TOKEN_VALIDATION_POLICIES = ["validate-azure-ad-token", "validate-jwt"] as const;

/**
 * The policy that makes API Management call the backend with its managed identity
 * (https://learn.microsoft.com/azure/api-management/authentication-managed-identity-policy).
 */
export const APIM_MANAGED_IDENTITY_POLICY = "authentication-managed-identity";

/**
 * `<base />` inherits the enclosing scope's policies; d5448c98 "API Management policies should inherit parent
 * scope policies using <base />" (BasePolicy_Audit.json) wants it first in each of these sections.
 */
export const APIM_POLICY_SECTIONS = ["inbound", "backend", "outbound", "on-error"] as const;

/**
 * Custom properties that turn on TLS 1.0 / 1.1 (client side, then backend side), per "Manage protocols and
 * ciphers in Azure API Management" (https://learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers).
 * The landing-zone policy Deny-APIM-TLS (Azure/Azure-Landing-Zones-Library,
 * platform/alz/policy_definitions/Deny-APIM-TLS.alz_policy_definition.json) refuses the client-side ones.
 */
export const APIM_LEGACY_TLS_PROPERTIES = [
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10",
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11",
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10",
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11",
] as const;
