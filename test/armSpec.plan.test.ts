/** The plans of dev, prod and a richer stack conform to Azure's REST API specs (the plan CLI, end to end). */
import { describe, expect, it } from "vitest";
import { ARM_SPEC_BINDINGS } from "../src/plan/armSpec/facts";
import { planJson, writeStackFile } from "./support/planCli";

/** More than the shipped stacks: AIServices with user-assigned identity and CMK, a PTU deployment, an
 * existing subnet beside a created VNet, hub links, archive copies, a webhook receiver, subscription-scope
 * roles, CI identity. */
const RICH_STACK = `config:
  azure-native:location: swedencentral
  aoai-platform:environment: staging
  aoai-platform:location: swedencentral
  aoai-platform:tags: { owner: platform-team@contoso.com, costCenter: "4711" }
  aoai-platform:resourceGroup: { name: rg-aoai-rich }
  aoai-platform:primaryAccount: aoai-rich-swc
  aoai-platform:accounts:
    - name: aoai-rich-swc
      kind: AIServices
      identity:
        type: SystemAssigned, UserAssigned
        userAssignedIdentityIds:
          - /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-shared
      customerManagedKey:
        keyVaultUri: https://kv-rich.vault.azure.net/
        keyName: aoai-cmk
        keyVaultId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-rich
      contentFilters:
        - name: custom
          preset: default
          mode: Asynchronous_filter
          categories:
            hate: { prompt: High, completion: "Off" } # quoted: YAML 1.1 (the Pulumi CLI) reads a bare Off as false
          blocklists:
            - name: terms
              terms: [alpha, { pattern: "B[0-9]+", regex: true }]
      deployments:
        - { name: chat-ptu, model: gpt-4.1, version: "2025-04-14", sku: ProvisionedManaged, capacity: 50, contentFilter: custom }
        - { name: mini, model: gpt-4.1-mini, version: "2025-04-14", sku: GlobalStandard, capacity: 20, versionUpgradeOption: OnceCurrentVersionExpired }
    - name: aoai-rich-frc
      location: francecentral
      deployments:
        - { name: chat, model: gpt-4.1, version: "2025-04-14", sku: DataZoneStandard, capacity: 10 }
  aoai-platform:network:
    regions:
      swedencentral:
        vnet:
          addressSpace: [10.50.0.0/24, 10.51.0.0/24]
          privateEndpointSubnet: { addressPrefix: 10.50.0.0/28 }
      francecentral:
        existingSubnetId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe
    linkVnetIds:
      - /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub
  aoai-platform:monitoring:
    workspace: { name: log-aoai-rich, retentionInDays: 60, dailyCapGb: 5 }
    diagnostics:
      logs: audit
      storageAccounts:
        swedencentral: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stlogsswc
        francecentral: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stlogsfrc
      eventHubs:
        swedencentral: { authorizationRuleId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/eh-siem-swc/authorizationRules/RootManageSharedAccessKey, name: aoai }
        francecentral: { authorizationRuleId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/eh-siem-frc/authorizationRules/RootManageSharedAccessKey }
    actionGroup: { name: ag-aoai-rich, shortName: aoairich, emails: [oncall@contoso.com] }
    alerts:
      ptuUtilization: { threshold: 80, windowSize: PT30M, evaluationFrequency: PT5M, severity: 1 }
      serverErrors: { enabled: false }
  aoai-platform:alertWebhookUrl: https://alerts.contoso.com/aoai
  aoai-platform:budget:
    name: budget-aoai-rich
    amount: 1000
    startDate: "2026-12-01"
    endDate: "2027-12-01"
    contactEmails: [finops@contoso.com]
    notifications:
      - { threshold: 90, type: Forecasted }
  aoai-platform:access:
    identities:
      - name: id-app-rich
        roles: [openai-user, Monitoring Reader]
        scope: resourceGroup
      - name: quota-bot
        principalId: 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b
        principalType: ServicePrincipal
        roles: [usages-reader]
        scope: subscription
    groups:
      - displayName: aoai-rich-devs
        members: [0b9e7d64-52a1-4f3c-8d17-c2e5a9f4b806]
        roles: [openai-contributor]
        accounts: [aoai-rich-swc]
    ciDeployIdentity:
      displayName: gh-aoai-rich
      github: { repository: contoso/aoai-platform, branch: release, environments: [staging] }
    ciPreviewIdentity:
      displayName: gh-aoai-rich-preview
      github: { repository: contoso/aoai-platform }
      stateContainerId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-state/providers/Microsoft.Storage/storageAccounts/strichstate/blobServices/default/containers/state
      secretsKeyId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-state/providers/Microsoft.KeyVault/vaults/kv-rich-state/keys/pulumi
`;

const bound = new Set(ARM_SPEC_BINDINGS.map((b) => b.token));

describe.each([
  ["dev", ["--stack", "dev"]],
  ["prod", ["--stack", "prod"]],
  ["a richer stack", ["--stack", "rich", "--config-file", writeStackFile(RICH_STACK)]],
])("the plan of %s", (_name, args) => {
  it("checks every azure-native resource against its spec and finds no violation", async () => {
    const plan = await planJson(...args);
    const azure = plan.resources.filter((r) => r.custom && r.type.startsWith("azure-native:"));
    expect(azure.length).toBeGreaterThan(10);
    expect(azure.filter((r) => !bound.has(r.type)).map((r) => r.type)).toEqual([]);
    expect(plan.findings.filter((f) => f.rule.startsWith("arm-spec"))).toEqual([]);
  });
});
