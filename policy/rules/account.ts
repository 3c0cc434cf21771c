/** Rules over each Azure OpenAI account's own settings (the Azure Policy baseline for accounts). */
import { DEFENDER_FOR_AI_SETTING } from "../../components/facts/defender";
import { AZURE, field, type Inputs, list, ofType } from "./inputs";
import {
  ALWAYS_MANDATORY,
  OPT_IN,
  PROD_MANDATORY,
  type ResourceView,
  type Rule,
  type Violation,
} from "./types";

/** A rule that checks each account on its own; `problem` returns a message or undefined. */
function accountRule(
  rule: Omit<Rule, "check">,
  problem: (properties: Inputs, account: ResourceView) => string | undefined,
): Rule {
  return {
    ...rule,
    check: (resources) =>
      ofType(resources, AZURE.account).flatMap((account): Violation[] => {
        const message = problem((field(account.inputs, "properties") ?? {}) as Inputs, account);
        return message
          ? [{ urn: account.urn, message: `${account.inputs.accountName ?? account.name}: ${message}` }]
          : [];
      }),
  };
}

export const networkAccessRestricted = accountRule(
  {
    id: "aoai-network-access-restricted",
    description:
      "Accounts restrict network access: public network access Disabled or network ACL default action Deny",
    source: "Azure Policy 037eea7a-bd0a-46c5-9a66-03aea78705d3",
    enforcement: PROD_MANDATORY,
  },
  (p) =>
    p.publicNetworkAccess === "Disabled" || field(p, "networkAcls", "defaultAction") === "Deny"
      ? undefined
      : `publicNetworkAccess is ${String(p.publicNetworkAccess ?? "Enabled (default)")} with network ACL default action ${String(field(p, "networkAcls", "defaultAction") ?? "Allow")}; set publicNetworkAccess: Disabled or networkAcls.defaultAction: Deny`,
);

export const localAuthDisabled = accountRule(
  {
    id: "aoai-local-auth-disabled",
    description: "Key (local) authentication is disabled; callers use Entra ID",
    source: "Azure Policy 71ef260a-8f18-47b7-abcb-62d0673d94dc",
    enforcement: PROD_MANDATORY,
  },
  (p) =>
    p.disableLocalAuth === true
      ? undefined
      : "API keys are enabled; set localAuthEnabled: false (disableLocalAuth)",
);

export const managedIdentity = accountRule(
  {
    id: "aoai-managed-identity",
    description: "Accounts have a managed identity",
    source: "Azure Policy fe3fd216-4f83-4fc1-8984-2bbec80a3418",
    enforcement: PROD_MANDATORY,
  },
  (_p, account) => {
    const type = field(account.inputs, "identity", "type");
    return typeof type === "string" && type !== "None" ? undefined : "no managed identity; set identity.type";
  },
);

export const outboundRestricted = accountRule(
  {
    id: "aoai-outbound-restricted",
    description: "OpenAI accounts restrict outbound access to an explicit FQDN allow list",
    source: "Checkov CKV_AZURE_247",
    enforcement: PROD_MANDATORY,
  },
  (p, account) => {
    if (account.inputs.kind !== "OpenAI") return undefined;
    if (p.restrictOutboundNetworkAccess !== true)
      return "outbound network access is unrestricted; set outbound.restrict: true";
    return list(p.allowedFqdnList).length > 0
      ? undefined
      : "outbound access is restricted but allowedFqdnList is empty; list the FQDNs the account may call (outbound.allowedFqdns)";
  },
);

export const noNetworkAclAllowRules = accountRule(
  {
    id: "aoai-no-network-acl-allow-rules",
    description:
      "No IP or virtual network allow rules on accounts: traffic arrives through private endpoints",
    source: "Landing-zone guardrail: deny network ACLs",
    enforcement: PROD_MANDATORY,
  },
  (p) => {
    const ipRules = list(field(p, "networkAcls", "ipRules"));
    const vnetRules = list(field(p, "networkAcls", "virtualNetworkRules"));
    return ipRules.length + vnetRules.length === 0
      ? undefined
      : `${ipRules.length} IP rule(s) and ${vnetRules.length} virtual network rule(s) open the account; use private endpoints`;
  },
);

export const customerManagedKey = accountRule(
  {
    id: "aoai-customer-managed-key",
    description: "Accounts encrypt data with a customer-managed key in Key Vault",
    source: "Azure Policy 67121cc7-ff39-4ab8-b7e3-95b84dab487d",
    enforcement: OPT_IN,
  },
  (p) =>
    field(p, "encryption", "keySource") === "Microsoft.KeyVault"
      ? undefined
      : "data is encrypted with a Microsoft-managed key; configure customerManagedKey",
);

export const customSubDomain = accountRule(
  {
    id: "aoai-custom-subdomain",
    description: "Accounts have a custom subdomain (required for Entra ID tokens and private endpoints)",
    source: "aoai-platform",
    enforcement: ALWAYS_MANDATORY,
  },
  (p) =>
    typeof p.customSubDomainName === "string" && p.customSubDomainName !== ""
      ? undefined
      : "no customSubDomainName",
);

export const prodAccountsProtected: Rule = {
  id: "aoai-prod-accounts-protected",
  description: "Prod accounts are protected from deletion (a deleted account blocks its name for 48 h)",
  source: "aoai-platform",
  enforcement: { ...OPT_IN, prod: "mandatory" },
  check: (resources) =>
    ofType(resources, AZURE.account)
      .filter((account) => !account.protect)
      .map((account) => ({
        urn: account.urn,
        message: `${account.inputs.accountName ?? account.name}: not protected; set protect: true (pulumi protect)`,
      })),
};

const sameText = (value: unknown, expected: string) =>
  typeof value === "string" && value.toLowerCase() === expected.toLowerCase();

/** Whether a planned resource is the account's Defender for AI setting with state Enabled. */
function enablesDefenderForAI(resource: ResourceView, accountName: string): boolean {
  const { inputs } = resource;
  return (
    resource.type === "azure-native:resources:Resource" &&
    sameText(inputs.resourceProviderNamespace, DEFENDER_FOR_AI_SETTING.resourceProviderNamespace) &&
    sameText(inputs.resourceType, DEFENDER_FOR_AI_SETTING.resourceType) &&
    sameText(inputs.parentResourcePath, DEFENDER_FOR_AI_SETTING.parentResourcePath(accountName)) &&
    field(inputs, "properties", "state") === "Enabled"
  );
}

export const defenderForAIOn: Rule = {
  id: "aoai-defender-for-ai",
  description:
    "Prod accounts have Defender for AI on (accounts/{account}/defenderForAISettings/Default Enabled)",
  source: "aoai-platform (AVM avm/res/cognitive-services/account enableDefenderForAI)",
  enforcement: { ...OPT_IN, prod: "mandatory" },
  check: (resources) =>
    ofType(resources, AZURE.account).flatMap((account): Violation[] => {
      const name = String(account.inputs.accountName ?? account.name);
      return resources.some((r) => enablesDefenderForAI(r, name))
        ? []
        : [{ urn: account.urn, message: `${name}: Defender for AI is off; set defenderForAI: true` }];
    }),
};

export const ACCOUNT_RULES: readonly Rule[] = [
  networkAccessRestricted,
  localAuthDisabled,
  managedIdentity,
  outboundRestricted,
  noNetworkAclAllowRules,
  customerManagedKey,
  customSubDomain,
  prodAccountsProtected,
  defenderForAIOn,
];
