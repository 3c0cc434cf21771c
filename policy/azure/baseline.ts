/**
 * Our baseline, written in the Azure Policy language: one definition per built-in that matters for
 * Azure OpenAI, each mirroring what the built-in checks (same condition, same effect) in our own
 * words, for stacks that have not synced their tenant's assignments (`npm run policy-sync`).
 * Every entry names the built-in it mirrors (definition GUID and its path in Azure/azure-policy,
 * `built-in-policies/policyDefinitions/<category>/<file>`) and what it checks. Where we differ from
 * the built-in (a parameter we cannot know offline, like the tenant's workspace id), `differs` says how.
 */
import { APIM_VNET_EVALUATED_SKUS } from "../../components/facts/apimSecurity";
import type { PolicyDefinition, PolicySetDefinition } from "./language";

const ACCOUNT = "Microsoft.CognitiveServices/accounts";
const A = (alias: string) => `${ACCOUNT}/${alias}`;
const DS = (alias: string) => `Microsoft.Insights/diagnosticSettings/${alias}`;
const DATA = (alias: string) => `Microsoft.CognitiveServices.Data/accounts/deployments/${alias}`;
const isAccount = { field: "type", equals: ACCOUNT };
const arrayParam = (defaultValue: unknown[]) => ({ type: "Array", defaultValue });
const APIM = "Microsoft.ApiManagement/service";
const M = (alias: string) => `${APIM}/${alias}`;
const isApim = (child = "") => ({ field: "type", equals: child ? `${APIM}/${child}` : APIM });
/** The policy document with whitespace removed, as d5448c98 compares it. */
const compactPolicy = (alias: string) =>
  `[replace(replace(replace(replace(field('${alias}'), '\r', ''), '\n', ''), ' ', ''), '\t', '')]`;
/** A policy scope whose document lacks `<base/>` first in one of its sections (d5448c98's branch per scope). */
const lacksBase = (scope: string) => ({
  allOf: [
    isApim(scope),
    {
      not: {
        allOf: ["inbound", "outbound", "backend", "on-error"].map((section) => ({
          value: compactPolicy(M(`${scope}/value`)),
          contains: `<${section}><base/>`,
        })),
      },
    },
  ],
});

/** How a baseline finding counts: `enforced` follows the effect (prod fails); `report` never fails (opt-in). */
export type BaselineLevel = "enforced" | "report";

export interface BaselineEntry {
  /** The built-in definition (or ALZ policy) mirrored. */
  builtIn: { id: string; path: string; displayName: string };
  /** What it checks, for the README and findings. */
  checks: string;
  differs?: string;
  level: BaselineLevel;
  definition: PolicyDefinition;
}

function define(
  name: string,
  displayName: string,
  mode: string,
  effect: string,
  condition: Record<string, unknown>,
  details?: Record<string, unknown>,
  parameters: PolicyDefinition["properties"]["parameters"] = {},
): PolicyDefinition {
  return {
    name,
    properties: {
      displayName,
      mode,
      parameters: { effect: { type: "String", defaultValue: effect }, ...parameters },
      policyRule: {
        if: condition,
        then: { effect: "[parameters('effect')]", ...(details ? { details } : {}) },
      },
    },
  };
}

const builtIn = (id: string, category: string, file: string, displayName: string) => ({
  id,
  path: `built-in-policies/policyDefinitions/${category}/${file}`,
  displayName,
});

/** Both category groups with the enabled values a category-group DINE requires (55d1f543, 0884adba/f5b29bc4). */
const categoryGroupEntries = () => [
  {
    count: {
      field: DS("logs[*]"),
      where: {
        allOf: [
          { field: DS("logs[*].enabled"), equals: "[equals(parameters('categoryGroup'), 'audit')]" },
          { field: DS("logs[*].categoryGroup"), equals: "audit" },
        ],
      },
    },
    equals: 1,
  },
  {
    count: {
      field: DS("logs[*]"),
      where: {
        allOf: [
          { field: DS("logs[*].enabled"), equals: "[equals(parameters('categoryGroup'), 'allLogs')]" },
          { field: DS("logs[*].categoryGroup"), equals: "allLogs" },
        ],
      },
    },
    equals: 1,
  },
];

export const BASELINE: readonly BaselineEntry[] = [
  {
    builtIn: builtIn(
      "037eea7a-bd0a-46c5-9a66-03aea78705d3",
      "Azure Ai Services",
      "NetworkAcls_Audit.json",
      "Azure AI Services resources should restrict network access",
    ),
    checks: "public network access Disabled, or network ACL default action Deny",
    level: "enforced",
    definition: define(
      "aoai-network-access-restricted",
      "Accounts restrict network access",
      "Indexed",
      "Audit",
      {
        allOf: [
          isAccount,
          { field: A("publicNetworkAccess"), notEquals: "Disabled" },
          { field: A("networkAcls.defaultAction"), notEquals: "Deny" },
        ],
      },
    ),
  },
  {
    builtIn: builtIn(
      "47ba1dd7-28d9-4b07-a8d5-9813bed64e0c",
      "Cognitive Services",
      "DisablePublicNetworkAccess_Modify.json",
      "Configure Cognitive Services accounts to disable public network access",
    ),
    checks: "Modify: rewrites publicNetworkAccess to Disabled on any account that does not say Disabled",
    level: "enforced",
    definition: define(
      "aoai-public-network-access-disabled",
      "Public network access is Disabled (else Azure rewrites it)",
      "Indexed",
      "Modify",
      { allOf: [isAccount, { field: A("publicNetworkAccess"), notEquals: "Disabled" }] },
      { operations: [{ operation: "addOrReplace", field: A("publicNetworkAccess"), value: "Disabled" }] },
    ),
  },
  {
    builtIn: builtIn(
      "71ef260a-8f18-47b7-abcb-62d0673d94dc",
      "Azure Ai Services",
      "DisableLocalAuth_Audit.json",
      "Azure AI Services resources should have key access disabled (disable local authentication)",
    ),
    checks: "disableLocalAuth is true",
    level: "enforced",
    definition: define("aoai-local-auth-disabled", "Key access is disabled", "Indexed", "Audit", {
      allOf: [isAccount, { field: A("disableLocalAuth"), notEquals: true }],
    }),
  },
  {
    builtIn: builtIn(
      "14de9e63-1b31-492e-a5a3-c3f7fd57f555",
      "Cognitive Services",
      "DisableLocalAuth_Modify.json",
      "Configure Cognitive Services accounts to disable local authentication methods",
    ),
    checks: "Modify: rewrites disableLocalAuth to true",
    level: "enforced",
    definition: define(
      "aoai-local-auth-modify",
      "Local authentication is disabled (else Azure rewrites it)",
      "Indexed",
      "Modify",
      { allOf: [isAccount, { field: A("disableLocalAuth"), notEquals: true }] },
      { operations: [{ operation: "addOrReplace", field: A("disableLocalAuth"), value: true }] },
    ),
  },
  {
    builtIn: builtIn(
      "fe3fd216-4f83-4fc1-8984-2bbec80a3418",
      "Cognitive Services",
      "ManagedIdentity_Audit.json",
      "Cognitive Services accounts should use a managed identity",
    ),
    checks: "identity.type exists and is not None",
    level: "enforced",
    definition: define("aoai-managed-identity", "Accounts have a managed identity", "Indexed", "Audit", {
      allOf: [
        isAccount,
        {
          anyOf: [
            { field: "identity.type", exists: false },
            { field: "identity.type", equals: "None" },
          ],
        },
      ],
    }),
  },
  {
    builtIn: builtIn(
      "d6759c02-b87f-42b7-892e-71b3f471d782",
      "Azure Ai Services",
      "EnablePrivateEndpoints_Audit.json",
      "Azure AI Services resources should use Azure Private Link",
    ),
    checks: "at least one private endpoint connection in state Approved",
    level: "enforced",
    definition: define("aoai-private-link", "Accounts use Azure Private Link", "Indexed", "Audit", {
      allOf: [
        isAccount,
        {
          count: {
            field: A("privateEndpointConnections[*]"),
            where: {
              field: A("privateEndpointConnections[*].privateLinkServiceConnectionState.status"),
              equals: "Approved",
            },
          },
          less: 1,
        },
      ],
    }),
  },
  {
    builtIn: builtIn(
      "db630ad5-52e9-4f4d-9c44-53912fe40053",
      "Cognitive Services",
      "EnablePrivateEndpoints_DINE.json",
      "Configure Cognitive Services accounts with private endpoints",
    ),
    checks: "DeployIfNotExists: an Approved private endpoint connection (child resource) exists",
    differs:
      "the built-in takes the subnet to deploy into (privateEndpointSubnetId); we only check existence",
    level: "enforced",
    definition: define(
      "aoai-private-endpoint-exists",
      "A private endpoint connection is approved on each account",
      "Indexed",
      "DeployIfNotExists",
      isAccount,
      {
        type: "Microsoft.CognitiveServices/accounts/privateEndpointConnections",
        existenceCondition: {
          field: `${ACCOUNT}/privateEndpointConnections/privateLinkServiceConnectionState.status`,
          equals: "Approved",
        },
      },
    ),
  },
  {
    builtIn: builtIn(
      "c4bc6f10-cb41-49eb-b000-d5ab82e2a091",
      "Cognitive Services",
      "PrivateDnsZones_DINE.json",
      "Configure Cognitive Services accounts to use private DNS zones",
    ),
    checks:
      "DeployIfNotExists: a private endpoint to an account (group account) has a private DNS zone group",
    level: "enforced",
    definition: define(
      "aoai-private-dns-zone-group",
      "Private endpoints of accounts register in private DNS",
      "Indexed",
      "DeployIfNotExists",
      {
        allOf: [
          { field: "type", equals: "Microsoft.Network/privateEndpoints" },
          {
            count: {
              field: "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]",
              where: {
                allOf: [
                  {
                    field:
                      "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].privateLinkServiceId",
                    contains: ACCOUNT,
                  },
                  {
                    field: "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].groupIds[*]",
                    equals: "account",
                  },
                ],
              },
            },
            greaterOrEquals: 1,
          },
        ],
      },
      { type: "Microsoft.Network/privateEndpoints/privateDnsZoneGroups" },
    ),
  },
  {
    builtIn: builtIn(
      "1b4d1c4e-934c-4703-944c-27c82c06bebb",
      "Azure Ai Services",
      "DiagnosticLogs_Audit.json",
      "Diagnostic logs in Azure AI services resources should be enabled",
    ),
    checks: "AuditIfNotExists: a diagnostic setting with logs exists on the account",
    level: "enforced",
    definition: define(
      "aoai-diagnostic-logs",
      "Accounts have diagnostic logs",
      "Indexed",
      "AuditIfNotExists",
      isAccount,
      {
        type: "Microsoft.Insights/diagnosticSettings",
        existenceCondition: { field: DS("logs[*]"), exists: true },
      },
    ),
  },
  {
    builtIn: builtIn(
      "55d1f543-d1b0-4811-9663-d6d0dbc6326d",
      "Monitoring",
      "DS_LA_cognitiveservices-accounts_DINE.json",
      "Enable logging by category group for Cognitive Services (microsoft.cognitiveservices/accounts) to Log Analytics",
    ),
    checks:
      "DeployIfNotExists (allLogs variant, as initiative 0884adba assigns it): a diagnostic setting with exactly one `audit` entry enabled false, one `allLogs` entry enabled true, and a Log Analytics workspace",
    differs:
      "the built-in compares workspaceId with the assigned workspace (parameter logAnalytics); offline we require a workspace",
    level: "enforced",
    definition: define(
      "aoai-diagnostics-category-groups",
      "Accounts log by category group to Log Analytics",
      "Indexed",
      "DeployIfNotExists",
      isAccount,
      {
        type: "Microsoft.Insights/diagnosticSettings",
        existenceCondition: {
          allOf: [...categoryGroupEntries(), { field: DS("workspaceId"), exists: true }],
        },
      },
      { categoryGroup: { type: "String", defaultValue: "allLogs", allowedValues: ["audit", "allLogs"] } },
    ),
  },
  {
    builtIn: builtIn(
      "187242f4-89c6-4c43-9a4e-188c0efacc5f",
      "Monitoring",
      "DiagnosticSettingsExistsAudit_Audit.json",
      "Resource logs should be enabled for Audit on supported resources",
    ),
    checks:
      "AuditIfNotExists on Cognitive Services accounts and Log Analytics workspaces (among its types): a diagnostic setting with an enabled `audit` or `allLogs` entry",
    level: "enforced",
    definition: define(
      "aoai-resource-logs-audit",
      "Resource logs are enabled for Audit",
      "Indexed",
      "AuditIfNotExists",
      {
        field: "type",
        in: ["microsoft.cognitiveservices/accounts", "microsoft.operationalinsights/workspaces"],
      },
      {
        type: "Microsoft.Insights/diagnosticSettings",
        existenceCondition: {
          count: {
            field: DS("logs[*]"),
            where: {
              allOf: [
                { field: DS("logs[*].enabled"), equals: "true" },
                {
                  anyOf: [
                    { field: DS("logs[*].categoryGroup"), equals: "audit" },
                    { field: DS("logs[*].categoryGroup"), equals: "allLogs" },
                  ],
                },
              ],
            },
          },
          greater: 0,
        },
      },
    ),
  },
  {
    builtIn: builtIn(
      "67121cc7-ff39-4ab8-b7e3-95b84dab487d",
      "Cognitive Services",
      "CustomerManagedKey_Audit.json",
      "Azure AI Services resources should encrypt data at rest with a customer-managed key (CMK)",
    ),
    checks:
      "encryption.keySource is Microsoft.KeyVault (kinds the built-in excludes, e.g. AIServices, are skipped)",
    level: "report",
    definition: define(
      "aoai-customer-managed-key",
      "Accounts encrypt with a customer-managed key",
      "Indexed",
      "Audit",
      {
        allOf: [
          isAccount,
          { field: A("encryption.keySource"), notEquals: "Microsoft.KeyVault" },
          { field: "kind", notIn: "[parameters('excludedKinds')]" },
        ],
      },
      undefined,
      {
        excludedKinds: { type: "Array", defaultValue: ["CognitiveServices", "AIServices", "ContentSafety"] },
      },
    ),
  },
  {
    builtIn: {
      id: "Deny-CognitiveServices-NetworkAcls",
      path: "Azure Landing Zones: platform/alz/policy_definitions/Deny-CognitiveServices-NetworkAcls.alz_policy_definition.json",
      displayName: "Network ACLs should be restricted for Cognitive Services",
    },
    checks: "Deny: no IP rules and no virtual network rules on accounts",
    level: "enforced",
    definition: define("aoai-alz-deny-network-acls", "No network ACL allow rules", "Indexed", "Deny", {
      allOf: [
        isAccount,
        {
          anyOf: [
            { count: { field: A("networkAcls.ipRules[*]") }, greater: 0 },
            { count: { field: A("networkAcls.virtualNetworkRules[*]") }, greater: 0 },
          ],
        },
      ],
    }),
  },
  {
    builtIn: {
      id: "Deny-CognitiveServices-RestrictOutboundNetworkAccess",
      path: "Azure Landing Zones: platform/alz/policy_definitions/Deny-CognitiveServices-RestrictOutboundNetworkAccess.alz_policy_definition.json",
      displayName: "Outbound network access should be restricted for Cognitive Services",
    },
    checks: "Deny: restrictOutboundNetworkAccess is true",
    level: "enforced",
    definition: define("aoai-alz-deny-outbound", "Outbound network access is restricted", "Indexed", "Deny", {
      allOf: [
        isAccount,
        {
          anyOf: [
            { field: A("restrictOutboundNetworkAccess"), exists: false },
            { field: A("restrictOutboundNetworkAccess"), notEquals: true },
          ],
        },
      ],
    }),
  },
  {
    builtIn: {
      id: "Deny-Subnet-Without-Nsg",
      path: "Azure Landing Zones: platform/alz/policy_definitions/Deny-Subnet-Without-Nsg.alz_policy_definition.json",
      displayName: "Subnets should have a Network Security Group",
    },
    checks: "Deny: every subnet references a network security group",
    differs:
      "ALZ tests networkSecurityGroup.id; a new NSG's id is unknown in a preview, so we test the reference object (and ALZ exempts GatewaySubnet, AzureFirewallSubnet and the like, which the stack never creates)",
    level: "enforced",
    definition: define(
      "aoai-alz-deny-subnet-without-nsg",
      "Subnets have a network security group",
      "All",
      "Deny",
      {
        allOf: [
          { field: "type", equals: "Microsoft.Network/virtualNetworks/subnets" },
          { field: "Microsoft.Network/virtualNetworks/subnets/networkSecurityGroup", exists: false },
        ],
      },
    ),
  },
  {
    builtIn: builtIn(
      "ef619a2c-cc4d-4d03-b2ba-8c94a834d85b",
      "API Management",
      "VNETEnabled_Audit.json",
      "API Management services should use a virtual network",
    ),
    checks: "services on Developer, StandardV2, Premium, PremiumV2 have a virtualNetworkType other than None",
    level: "enforced",
    definition: define(
      "aoai-apim-virtual-network",
      "API Management services use a virtual network",
      "Indexed",
      "Audit",
      {
        allOf: [
          isApim(),
          { field: M("sku.name"), in: "[parameters('evaluatedSkuNames')]" },
          {
            anyOf: [
              { field: M("virtualNetworkType"), exists: "false" },
              { field: M("virtualNetworkType"), equals: "None" },
            ],
          },
        ],
      },
      undefined,
      { evaluatedSkuNames: arrayParam([...APIM_VNET_EVALUATED_SKUS]) },
    ),
  },
  {
    builtIn: builtIn(
      "549814b6-3212-4203-bdc8-1548d342fb67",
      "API Management",
      "MinimumApiVersion_AuditDeny.json",
      "API Management minimum API version should be set to 2019-12-01 or higher",
    ),
    checks:
      "non-Consumption services have apiVersionConstraint.minApiVersion 2019-12-01, 202#-##-## or 202#-##-##-preview",
    differs:
      "mirrors version 1.0.1 (three notMatch conditions); version 1.0.2 lists the same patterns under anyOf with match",
    level: "enforced",
    definition: define(
      "aoai-apim-min-api-version",
      "API Management refuses management API versions before 2019-12-01",
      "Indexed",
      "Audit",
      {
        allOf: [
          isApim(),
          { field: M("apiVersionConstraint.minApiVersion"), notMatch: "2019-12-01" },
          { field: M("apiVersionConstraint.minApiVersion"), notMatch: "202#-##-##-preview" },
          { field: M("apiVersionConstraint.minApiVersion"), notMatch: "202#-##-##" },
          { field: M("sku.name"), notEquals: "Consumption" },
        ],
      },
    ),
  },
  {
    builtIn: builtIn(
      "ee7495e7-3ba7-40b6-bfee-c29e22cc75d4",
      "API Management",
      "HTTPEnabled_AuditDeny.json",
      "API Management APIs should use only encrypted protocols",
    ),
    checks: "no API lists the protocol http or ws",
    level: "enforced",
    definition: define(
      "aoai-apim-apis-encrypted-protocols",
      "APIs use encrypted protocols only",
      "All",
      "Audit",
      {
        allOf: [
          isApim("apis"),
          {
            count: {
              field: M("apis/protocols[*]"),
              where: {
                anyOf: [
                  { field: M("apis/protocols[*]"), equals: "http" },
                  { field: M("apis/protocols[*]"), equals: "ws" },
                ],
              },
            },
            greaterOrEquals: 1,
          },
        ],
      },
    ),
  },
  {
    builtIn: builtIn(
      "92bb331d-ac71-416a-8c91-02f2cb734ce4",
      "API Management",
      "BackendCertificateChecks_AuditDeny.json",
      "API Management calls to API backends should not bypass certificate thumbprint or name validation",
    ),
    checks: "no backend sets tls.validateCertificateChain or tls.validateCertificateName to false",
    level: "enforced",
    definition: define(
      "aoai-apim-backend-tls-validated",
      "Backends validate server certificates",
      "All",
      "Audit",
      {
        allOf: [
          isApim("backends"),
          {
            anyOf: [
              { field: M("backends/tls.validateCertificateChain"), equals: false },
              { field: M("backends/tls.validateCertificateName"), equals: false },
            ],
          },
        ],
      },
    ),
  },
  {
    builtIn: builtIn(
      "c15dcc82-b93c-4dcb-9332-fbf121685b54",
      "API Management",
      "BackendAuth_AuditDeny.json",
      "API Management calls to API backends should be authenticated",
    ),
    checks: "http backends with a URL carry a client certificate or an authorization scheme and parameter",
    differs:
      "reported, not enforced: the gateway authenticates with its managed identity in the API policy (authentication-managed-identity, rule aoai-apim-backend-managed-identity), which this condition cannot see, so its account backends are non-compliant by the built-in",
    level: "report",
    definition: define("aoai-apim-backends-authenticated", "Backends are authenticated", "All", "Audit", {
      allOf: [
        isApim("backends"),
        { field: M("backends/url"), exists: "true" },
        { field: M("backends/protocol"), equals: "http" },
        {
          allOf: [
            {
              anyOf: [
                { field: M("backends/credentials.certificate"), exists: "false" },
                {
                  value: `[length(field('${M("backends/credentials.certificate[*]")}'))]`,
                  equals: 0,
                },
              ],
            },
            {
              anyOf: [
                { field: M("backends/credentials.authorization.scheme"), exists: "false" },
                { field: M("backends/credentials.authorization.parameter"), exists: "false" },
              ],
            },
          ],
        },
      ],
    }),
  },
  {
    builtIn: builtIn(
      "f1cc7827-022c-473e-836e-5a51cae0b249",
      "API Management",
      "NamedValueSecretsInKV_AuditDeny.json",
      "API Management secret named values should be stored in Azure Key Vault",
    ),
    checks: "secret named values reference a Key Vault secret (keyVault.secretIdentifier)",
    level: "enforced",
    definition: define(
      "aoai-apim-named-values-key-vault",
      "Secret named values are in Key Vault",
      "All",
      "Audit",
      {
        allOf: [
          isApim("namedValues"),
          { field: M("namedValues/displayName"), exists: "true" },
          { field: M("namedValues/secret"), equals: "true" },
          {
            anyOf: [
              { field: M("namedValues/keyVault"), exists: "false" },
              { field: M("namedValues/keyVault.secretIdentifier"), exists: "false" },
            ],
          },
        ],
      },
    ),
  },
  {
    builtIn: builtIn(
      "3aa03346-d8c5-4994-a5bc-7652c2a2aef1",
      "API Management",
      "AllApiSubscription_AuditDeny.json",
      "API Management subscriptions should not be scoped to all APIs",
    ),
    checks: "no active subscription has a scope like */apis",
    level: "enforced",
    definition: define(
      "aoai-apim-subscriptions-scoped",
      "Subscriptions are not scoped to all APIs",
      "All",
      "Audit",
      {
        allOf: [
          isApim("subscriptions"),
          { field: M("subscriptions/scope"), like: "*/apis" },
          { field: M("subscriptions/state"), equals: "active" },
        ],
      },
    ),
  },
  {
    builtIn: builtIn(
      "d5448c98-e503-4fdd-bcd2-784960c00d04",
      "API Management",
      "BasePolicy_Audit.json",
      "API Management policies should inherit parent scope policies using <base />",
    ),
    checks: "API and operation policies start inbound, outbound, backend and on-error with <base/>",
    differs:
      "reported, not enforced: the product and workspace scopes are left out (the platform plans none); the gateway's <backend> replaces the inherited forward-request with a retry around its own (a <base/> there would forward twice), so its API policy is non-compliant by the built-in",
    level: "report",
    definition: define(
      "aoai-apim-policies-inherit-base",
      "API Management policies inherit parent scope policies",
      "All",
      "Audit",
      {
        allOf: [
          { field: "type", in: [`${APIM}/apis/policies`, `${APIM}/apis/operations/policies`] },
          { anyOf: [lacksBase("apis/policies"), lacksBase("apis/operations/policies")] },
        ],
      },
    ),
  },
  {
    builtIn: {
      id: "Deny-APIM-TLS",
      path: "Azure Landing Zones: platform/alz/policy_definitions/Deny-APIM-TLS.alz_policy_definition.json",
      displayName: "API Management services should use TLS version 1.2",
    },
    checks: "Deny: no custom property turns on client-side TLS 1.0 or 1.1",
    level: "enforced",
    definition: define("aoai-apim-alz-deny-tls", "API Management uses TLS 1.2", "All", "Deny", {
      allOf: [
        isApim(),
        {
          anyOf: ["tls10", "tls11"].flatMap((version) =>
            ['"true"', "true"].map((value) => ({
              value: `[indexof(toLower(string(field('${M("customProperties")}'))), '"microsoft.windowsazure.apimanagement.gateway.security.protocols.${version}":${value}')]`,
              greater: 0,
            })),
          ),
        },
      ],
    }),
  },
  {
    builtIn: builtIn(
      "c2c0c6d8-007b-4a48-8d9b-3539bddd8e87",
      "Security Center",
      "ASC_Azure_Defender_AI_AINE.json",
      "Microsoft Defender for AI Services should be enabled",
    ),
    checks: "AuditIfNotExists on the subscription: the Defender plan `AI` is Standard",
    differs:
      "subscription scope: never applies to a resource the stack plans (the plan is the subscription owner's)",
    level: "enforced",
    definition: define(
      "aoai-defender-for-ai-plan",
      "Defender for AI plan is on (subscription)",
      "All",
      "AuditIfNotExists",
      { field: "type", equals: "Microsoft.Resources/subscriptions" },
      {
        type: "Microsoft.Security/pricings",
        name: "AI",
        existenceScope: "subscription",
        existenceCondition: { field: "Microsoft.Security/pricings/pricingTier", equals: "Standard" },
      },
    ),
  },
];

/** The content-filter guardrail members we mirror (5207647b's definitions), by built-in GUID. */
const GUARDRAIL_MEMBERS = {
  severity: "930f48f9-f07e-427c-9494-52603581c6a9",
  prompt: "f3a9c2e0-7b4d-4d8f-9c3a-2e1f6b9a8d4e",
  completion: "af253d37-136a-42f8-a1fc-30010c083d41",
  mode: "c1ad46c6-37f8-4af0-9c71-c208375c87dd",
} as const;

const filterWhere = (source: string, extra: Record<string, unknown>[] = []) => ({
  allOf: [
    { field: DATA("raiPolicy.contentFilters[*].name"), equals: "[parameters('filterName')]" },
    { field: DATA("raiPolicy.contentFilters[*].source"), equals: source },
    { field: DATA("raiPolicy.contentFilters[*].enabled"), in: `[parameters('allowedEnabledFor${source}')]` },
    {
      field: DATA("raiPolicy.contentFilters[*].blocking"),
      in: `[parameters('allowedBlockingFor${source}')]`,
    },
    ...extra,
  ],
});
const noMatch = (where: Record<string, unknown>) => ({
  count: { field: DATA("raiPolicy.contentFilters[*]"), where },
  equals: 0,
});
const isDataDeployment = { field: "type", equals: "Microsoft.CognitiveServices.Data/accounts/deployments" };
const DATA_MODE = "Microsoft.CognitiveServices.Data";

/** Our mirrors of the guardrail initiative's member definitions, named by the built-in GUID they mirror. */
export const GUARDRAIL_DEFINITIONS: readonly PolicyDefinition[] = [
  define(
    GUARDRAIL_MEMBERS.severity,
    "[Preview] Deployments use allowed severity content filtering (mirror of 930f48f9)",
    DATA_MODE,
    "Audit",
    {
      allOf: [
        isDataDeployment,
        {
          anyOf: [
            { count: { field: DATA("raiPolicy.contentFilters[*]") }, equals: 0 },
            noMatch(
              filterWhere("Prompt", [
                {
                  field: DATA("raiPolicy.contentFilters[*].severityThreshold"),
                  in: "[parameters('allowedSeveritiesForPrompt')]",
                },
              ]),
            ),
            noMatch(
              filterWhere("Completion", [
                {
                  field: DATA("raiPolicy.contentFilters[*].severityThreshold"),
                  in: "[parameters('allowedSeveritiesForCompletion')]",
                },
              ]),
            ),
          ],
        },
      ],
    },
    undefined,
    {
      filterName: { type: "String" },
      allowedSeveritiesForPrompt: arrayParam(["Medium", "High"]),
      allowedEnabledForPrompt: arrayParam(["true"]),
      allowedBlockingForPrompt: arrayParam(["true"]),
      allowedSeveritiesForCompletion: arrayParam(["Medium", "High"]),
      allowedEnabledForCompletion: arrayParam(["true"]),
      allowedBlockingForCompletion: arrayParam(["true"]),
    },
  ),
  define(
    GUARDRAIL_MEMBERS.prompt,
    "[Preview] Deployments use allowed prompt content filtering (mirror of f3a9c2e0)",
    DATA_MODE,
    "Audit",
    { allOf: [isDataDeployment, noMatch(filterWhere("Prompt"))] },
    undefined,
    {
      filterName: { type: "String" },
      allowedEnabledForPrompt: arrayParam(["true"]),
      allowedBlockingForPrompt: arrayParam(["true"]),
    },
  ),
  define(
    GUARDRAIL_MEMBERS.completion,
    "[Preview] Deployments use allowed completion content filtering (mirror of af253d37)",
    DATA_MODE,
    "Audit",
    { allOf: [isDataDeployment, noMatch(filterWhere("Completion"))] },
    undefined,
    {
      filterName: { type: "String" },
      allowedEnabledForCompletion: arrayParam(["true"]),
      allowedBlockingForCompletion: arrayParam(["true"]),
    },
  ),
  define(
    GUARDRAIL_MEMBERS.mode,
    "[Preview] Deployments use an allowed content filter mode (mirror of c1ad46c6)",
    DATA_MODE,
    "Audit",
    { allOf: [isDataDeployment, { field: DATA("raiPolicy.mode"), notIn: "[parameters('raiPolicyMode')]" }] },
    undefined,
    { raiPolicyMode: arrayParam(["Default", "Asynchronous_filter"]) },
  ),
];

const member = (referenceId: string, id: string, parameters: Record<string, unknown>) => ({
  policyDefinitionReferenceId: referenceId,
  policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${id}`,
  parameters: Object.fromEntries(Object.entries(parameters).map(([k, value]) => [k, { value }])),
});
const severityMember = (filterName: string) =>
  member(`${filterName} severity`, GUARDRAIL_MEMBERS.severity, {
    filterName,
    allowedSeveritiesForPrompt: "[parameters('allowedSeverities')]",
    allowedSeveritiesForCompletion: "[parameters('allowedSeverities')]",
  });

/**
 * Our mirror of the initiative "[Preview]: Guardrail for Cognitive Services Deployments"
 * (5207647b-3e83-4e28-b836-c382cb5e2a2e, built-in-policies/policySetDefinitions/Cognitive Services/
 * AllowDeploymentControl_Audit.json): the same 12 members with the same filter names and sources.
 * One parameter differs: the built-in's default allowed severities are Medium and High, which
 * flags `Low` (blocks more) and accepts `High` (blocks less than Microsoft's default); we assign
 * Low and Medium, i.e. "Microsoft's default or stricter".
 */
export const GUARDRAIL_INITIATIVE: PolicySetDefinition = {
  name: "5207647b-3e83-4e28-b836-c382cb5e2a2e",
  properties: {
    displayName: "[Preview]: Guardrail for Cognitive Services Deployments (aoai-platform mirror)",
    parameters: {
      allowedSeverities: { type: "Array", defaultValue: ["Low", "Medium"] },
      raiPolicyMode: { type: "Array", defaultValue: ["Default"] },
    },
    policyDefinitions: [
      severityMember("Sexual"),
      severityMember("Hate"),
      severityMember("Violence"),
      severityMember("Selfharm"),
      member("Jailbreak", GUARDRAIL_MEMBERS.prompt, { filterName: "Jailbreak" }),
      member("Profanity - Prompt", GUARDRAIL_MEMBERS.prompt, { filterName: "Profanity" }),
      member("Profanity - Completion", GUARDRAIL_MEMBERS.completion, { filterName: "Profanity" }),
      member("Protected Material Code", GUARDRAIL_MEMBERS.completion, {
        filterName: "Protected Material Code",
      }),
      member("Protected Material Text", GUARDRAIL_MEMBERS.completion, {
        filterName: "Protected Material Text",
      }),
      member("Spotlighting", GUARDRAIL_MEMBERS.prompt, { filterName: "Indirect Attack Spotlighting" }),
      member("XPIA", GUARDRAIL_MEMBERS.prompt, { filterName: "Indirect Attack" }),
      member("Mode", GUARDRAIL_MEMBERS.mode, { raiPolicyMode: "[parameters('raiPolicyMode')]" }),
    ],
  },
};

/** aafe3651 "Cognitive Services Deployments should only use approved Registry Models", mirrored (Data mode). */
export const APPROVED_MODELS_BUILT_IN = builtIn(
  "aafe3651-cb78-4f68-9f81-e7e41509110f",
  "Cognitive Services",
  "AllowDeployRegistryModels_Audit.json",
  "Cognitive Services Deployments should only use approved Registry Models",
);
export const APPROVED_MODELS_DEFINITION: PolicyDefinition = define(
  APPROVED_MODELS_BUILT_IN.id,
  "Deployments only use approved registry models (mirror of aafe3651)",
  DATA_MODE,
  "Audit",
  {
    allOf: [
      isDataDeployment,
      { field: DATA("model.publisher"), notIn: "[parameters('allowedPublishers')]" },
      {
        count: {
          value: "[parameters('allowedAssetIds')]",
          name: "allowedAssetId",
          where: { field: DATA("model.assetId"), contains: "[current('allowedAssetId')]" },
        },
        equals: 0,
      },
    ],
  },
  undefined,
  { allowedPublishers: arrayParam([]), allowedAssetIds: arrayParam([]) },
);
