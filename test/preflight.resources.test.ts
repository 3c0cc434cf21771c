/**
 * The checks that read more than the models and quota, end to end against the fake Resource
 * Manager: region offers, the account count, model retirement and upgrades, resources the config
 * names as existing, and the signed-in identity's rights. Each has a passing and a failing case.
 */
import { describe, expect, it } from "vitest";
import { type FakeArmState, offer, usage } from "./support/fakeArm";
import {
  accountSku,
  CONTRIBUTOR,
  keyVault,
  permission,
  privateZone,
  subnet,
  vaultKey,
  virtualNetwork,
  workspace,
} from "./support/fakeArmResources";
import {
  failures,
  healthySubscription,
  RG,
  RG_ID,
  results,
  rowsOf,
  SUBSCRIPTION,
  stackFile,
} from "./support/preflightRun";

const NET_RG = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-hub`;
const VNET_ID = `${NET_RG}/providers/Microsoft.Network/virtualNetworks/vnet-hub`;
const SUBNET_ID = `${VNET_ID}/subnets/snet-pe`;
const ZONE = (zone: string) => `${NET_RG}/providers/Microsoft.Network/privateDnsZones/${zone}`;
const WORKSPACE_ID = `${NET_RG}/providers/Microsoft.OperationalInsights/workspaces/log-central`;
const VAULT_ID = `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-pf`;

const put = (state: FakeArmState, id: string, body: unknown) => {
  state.resources = { ...state.resources, [id.toLowerCase()]: body };
};
const allow = (state: FakeArmState, scope: string, ...entries: ReturnType<typeof permission>[]) => {
  state.permissions = { ...state.permissions, [scope.toLowerCase()]: entries };
};

describe("account-sku: the region offers the account's kind with SKU S0", () => {
  it("passes when the resource SKUs list offers OpenAI S0 in the region", async () => {
    const { rows } = await results(healthySubscription());
    expect(rowsOf(rows, "account-sku")).toEqual([
      {
        check: "account-sku",
        target: "aoai-pf-swc (swedencentral)",
        status: "OK",
        detail: "swedencentral offers OpenAI S0",
      },
    ]);
  });

  it("fails when the region does not offer it, listing where it is offered", async () => {
    const state = healthySubscription();
    state.accountSkus = [
      accountSku("OpenAI", ["eastus2", "westeurope"]),
      accountSku("AIServices", ["swedencentral"]),
    ];
    const { code, rows } = await results(state);
    expect(code).toBe(1);
    expect(rowsOf(rows, "account-sku")[0]).toMatchObject({
      status: "FAIL",
      detail: "swedencentral does not offer OpenAI S0 accounts to this subscription",
      fix: expect.stringContaining("aoai-platform:accounts[0].location (offered in: eastus2, westeurope)"),
    });
  });

  it("fails when the region restricts it for the subscription", async () => {
    const state = healthySubscription();
    state.accountSkus = [accountSku("OpenAI", ["swedencentral"], ["swedencentral"])];
    const { rows } = await results(state);
    expect(rowsOf(rows, "account-sku")[0]).toMatchObject({
      status: "FAIL",
      detail:
        "swedencentral lists OpenAI S0 but restricts it for this subscription (NotAvailableForSubscription)",
    });
  });
});

describe("account-count: room under the region's AccountCount quota", () => {
  it("passes with room for the new account", async () => {
    const { rows } = await results(healthySubscription());
    expect(rowsOf(rows, "account-count")[0]).toMatchObject({
      status: "OK",
      detail: "creates 1 account(s); AccountCount limit 200, in use 3, free 197",
    });
  });

  it("fails when the subscription holds its limit of accounts in the region", async () => {
    const state = healthySubscription();
    state.usages.swedencentral = [
      usage("AccountCount", 200, 200),
      ...(state.usages.swedencentral ?? []).slice(1),
    ];
    const { code, rows } = await results(state);
    expect(code).toBe(1);
    expect(rowsOf(rows, "account-count")[0]).toMatchObject({
      status: "FAIL",
      target: "swedencentral",
      detail: "creates 1 account(s); AccountCount limit 200, in use 200, free 0",
    });
  });
});

describe("model-retirement and model-upgrade", () => {
  /** The clock of the runs is 2026-06-01. */
  function withChat(lifecycle: Parameters<typeof offer>[4], newer = true): FakeArmState {
    const state = healthySubscription();
    state.models.swedencentral = [
      ...(state.models.swedencentral ?? []).filter((m) => m.model.name !== "gpt-4.1-mini"),
      offer("OpenAI", "gpt-4.1-mini", "2025-04-14", ["GlobalStandard"], lifecycle),
      ...(newer
        ? [offer("OpenAI", "gpt-4.1-mini", "2025-09-30", ["GlobalStandard"], { isDefaultVersion: true })]
        : []),
    ];
    return state;
  }

  it("passes a version with no retirement date, and one retiring after the horizon", async () => {
    const { rows } = await results(healthySubscription());
    expect(rowsOf(rows, "model-retirement").map((r) => r.status)).toEqual(["OK", "OK"]);
    const later = await results(
      withChat({ isDefaultVersion: true, deprecation: { inference: "2026-12-01T00:00:00Z" } }, false),
    );
    expect(rowsOf(later.rows, "model-retirement")[0]).toMatchObject({
      status: "OK",
      detail: "chat: gpt-4.1-mini 2025-04-14: retires 2026-12-01, after the 90-day horizon",
    });
  });

  it("fails a version that retires within the horizon, naming the version to move to", async () => {
    const state = withChat({
      deprecation: { inference: "2026-07-15T00:00:00Z", fineTune: "2026-06-15T00:00:00Z" },
    });
    const { code, rows } = await results(state);
    expect(code).toBe(1);
    expect(rowsOf(rows, "model-retirement")[0]).toEqual({
      check: "model-retirement",
      target: "aoai-pf-swc (swedencentral)",
      status: "FAIL",
      detail:
        "chat: gpt-4.1-mini 2025-04-14 retires on 2026-07-15, within the 90-day horizon (--retirement-horizon-days); fine-tuning ends 2026-06-15",
      fix: "set aoai-platform:accounts[0].deployments[0].version to 2025-09-30",
    });
    const shorter = await results(state, stackFile(), { env: { PREFLIGHT_RETIREMENT_HORIZON_DAYS: "30" } });
    expect(rowsOf(shorter.rows, "model-retirement")[0]?.status).toBe("OK");
  });

  it("fails a retired version", async () => {
    const { rows } = await results(
      withChat({ lifecycleStatus: "Deprecated", deprecation: { inference: "2026-03-01T00:00:00Z" } }),
    );
    expect(rowsOf(rows, "model-retirement")[0]).toMatchObject({
      status: "FAIL",
      detail: expect.stringContaining(
        "chat: gpt-4.1-mini 2025-04-14 is retired since 2026-03-01 (lifecycle Deprecated)",
      ),
    });
  });

  it("warns when versionUpgradeOption would move a deployment off its pinned version", async () => {
    const { code, rows } = await results(withChat({}));
    expect(code).toBe(0);
    expect(rowsOf(rows, "model-upgrade")[0]).toMatchObject({
      status: "WARN",
      detail: expect.stringContaining(
        "versionUpgradeOption OnceNewDefaultVersionAvailable and the default version is 2025-09-30",
      ),
      fix: expect.stringContaining(
        "set aoai-platform:accounts[0].deployments[0].versionUpgradeOption to NoAutoUpgrade",
      ),
    });
  });

  it("does not warn when the pinned version is the default, or auto-upgrade is off", async () => {
    const { rows } = await results(healthySubscription());
    expect(rowsOf(rows, "model-upgrade").map((r) => r.status)).toEqual(["OK", "OK"]);
    const pinned = stackFile(20, {
      "aoai-platform:accounts": [
        {
          name: "aoai-pf-swc",
          deployments: [
            {
              name: "chat",
              model: "gpt-4.1-mini",
              version: "2025-04-14",
              sku: "GlobalStandard",
              capacity: 20,
              versionUpgradeOption: "NoAutoUpgrade",
            },
          ],
        },
      ],
    });
    const off = await results(withChat({}), pinned);
    expect(rowsOf(off.rows, "model-upgrade")[0]).toMatchObject({
      status: "OK",
      detail: expect.stringContaining("NoAutoUpgrade keeps the pinned version"),
    });
  });
});

describe("resource-group", () => {
  const existingGroup = (location?: string) =>
    stackFile(20, {
      "aoai-platform:resourceGroup": { name: RG, existing: true, ...(location ? { location } : {}) },
    });

  it("passes an existing group the config names as existing", async () => {
    const { rows } = await results(healthySubscription(), existingGroup());
    expect(rowsOf(rows, "resource-group")[0]).toMatchObject({
      status: "OK",
      detail: "exists in swedencentral",
    });
  });

  it("fails when the group named as existing does not exist", async () => {
    const state = healthySubscription();
    state.resourceGroups = {};
    const { code, rows } = await results(state, existingGroup());
    expect(code).toBe(1);
    expect(rowsOf(rows, "resource-group")[0]).toMatchObject({
      status: "FAIL",
      detail: "resource group rg-pf does not exist (resourceGroup.existing is true)",
      fix: expect.stringContaining("az group create --name rg-pf --location swedencentral"),
    });
  });

  it("fails when a group the stack creates exists in another region", async () => {
    const state = healthySubscription();
    state.resourceGroups = { [RG]: "westeurope" };
    const { rows } = await results(state);
    expect(rowsOf(rows, "resource-group")[0]).toMatchObject({
      status: "FAIL",
      detail:
        "exists in westeurope; the config creates it in swedencentral, and a resource group cannot move",
    });
  });
});

describe("subnet and dns-zone: an existing subnet and central zones", () => {
  const hubStack = () =>
    stackFile(20, {
      "aoai-platform:network": {
        regions: { swedencentral: { existingSubnetId: SUBNET_ID } },
        existingDnsZoneIds: {
          "privatelink.openai.azure.com": ZONE("privatelink.openai.azure.com"),
          "privatelink.cognitiveservices.azure.com": ZONE("privatelink.cognitiveservices.azure.com"),
        },
      },
    });
  function hub(
    subnetBody: unknown = subnet(SUBNET_ID, "10.1.0.0/28"),
    vnetRegion = "swedencentral",
  ): FakeArmState {
    const state = healthySubscription();
    put(state, SUBNET_ID, subnetBody);
    put(state, VNET_ID, virtualNetwork(VNET_ID, vnetRegion, "10.1.0.0/16"));
    for (const zone of ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"]) {
      put(state, ZONE(zone), privateZone(ZONE(zone)));
      allow(state, ZONE(zone), CONTRIBUTOR);
    }
    allow(state, SUBNET_ID, CONTRIBUTOR);
    return state;
  }

  it("passes a subnet in the account's region with room, and zones that exist", async () => {
    const { code, rows } = await results(hub(), hubStack());
    expect(failures(rows)).toEqual([]);
    expect(code).toBe(0);
    expect(rowsOf(rows, "subnet")).toEqual([
      {
        check: "subnet",
        target: "snet-pe (swedencentral)",
        status: "OK",
        detail: "exists in swedencentral; 11 free address(es) for 1 new private endpoint(s)",
      },
    ]);
    expect(rowsOf(rows, "dns-zone").map((r) => r.status)).toEqual(["OK", "OK"]);
  });

  it("fails a subnet that does not exist", async () => {
    const state = hub();
    state.resources = {};
    const { rows } = await results(state, hubStack());
    expect(rowsOf(rows, "subnet")[0]).toMatchObject({
      status: "FAIL",
      detail: `${SUBNET_ID} does not exist (or is not visible to the signed-in identity)`,
    });
    expect(rowsOf(rows, "dns-zone").map((r) => r.status)).toEqual(["FAIL", "FAIL"]);
  });

  it("fails a subnet of a VNet in another region", async () => {
    const { rows } = await results(hub(undefined, "westeurope"), hubStack());
    expect(rowsOf(rows, "subnet")[0]).toMatchObject({
      status: "FAIL",
      detail:
        "the subnet's VNet is in westeurope; a private endpoint must be in its VNet's region (swedencentral)",
    });
  });

  it("fails a full subnet, but counts an endpoint of this stack that is already there", async () => {
    const full = await results(hub(subnet(SUBNET_ID, "10.1.0.0/29", { ipConfigurations: 3 })), hubStack());
    expect(rowsOf(full.rows, "subnet")[0]).toMatchObject({
      status: "FAIL",
      detail:
        "0 free address(es) in 10.1.0.0/29 (3 in use, 5 reserved by Azure) for 1 new private endpoint(s)",
    });
    const placed = await results(
      hub(subnet(SUBNET_ID, "10.1.0.0/29", { ipConfigurations: 3, privateEndpoints: ["pe-aoai-pf-swc"] })),
      hubStack(),
    );
    expect(rowsOf(placed.rows, "subnet")[0]?.status).toBe("OK");
  });

  it("checks the identity may join the subnet and use the zones, where they are", async () => {
    const ok = await results(hub(), hubStack());
    expect(rowsOf(ok.rows, "rights").map((r) => [r.target, r.status])).toEqual([
      [`resource group ${RG}`, "OK"],
      ["existing subnet", "OK"],
      ["existing DNS zone", "OK"],
      ["existing DNS zone", "OK"],
    ]);
    const state = hub();
    allow(state, SUBNET_ID, permission(["*/read"]));
    const readOnly = await results(state, hubStack());
    expect(readOnly.code).toBe(1);
    expect(rowsOf(readOnly.rows, "rights")[1]).toMatchObject({
      status: "FAIL",
      detail: `the signed-in identity may not Microsoft.Network/virtualNetworks/subnets/join/action at ${SUBNET_ID}; pulumi up would stop half-way there`,
    });
  });

  it("warns when private endpoint network policies apply", async () => {
    const { rows } = await results(
      hub(subnet(SUBNET_ID, "10.1.0.0/28", { policies: "NetworkSecurityGroupEnabled" })),
      hubStack(),
    );
    expect(rowsOf(rows, "subnet")[1]).toMatchObject({
      status: "WARN",
      detail: expect.stringContaining("privateEndpointNetworkPolicies is NetworkSecurityGroupEnabled"),
    });
  });
});

describe("workspace: an existing Log Analytics workspace", () => {
  const monitored = () =>
    stackFile(20, {
      "aoai-platform:monitoring": {
        workspace: { existingId: WORKSPACE_ID },
        actionGroup: { name: "ag-pf", shortName: "agpf", emails: ["oncall@contoso.com"] },
      },
    });

  it("passes when it exists", async () => {
    const state = healthySubscription();
    put(state, WORKSPACE_ID, workspace(WORKSPACE_ID, "swedencentral"));
    const { rows } = await results(state, monitored());
    expect(rowsOf(rows, "workspace")).toEqual([
      { check: "workspace", target: "log-central", status: "OK", detail: "exists in swedencentral" },
    ]);
  });

  it("fails when it does not", async () => {
    const { code, rows } = await results(healthySubscription(), monitored());
    expect(code).toBe(1);
    expect(rowsOf(rows, "workspace")[0]).toMatchObject({
      status: "FAIL",
      fix: "correct aoai-platform:monitoring.workspace.existingId",
    });
  });
});

describe("key-vault and cmk-key: the customer-managed key", () => {
  const encrypted = () =>
    stackFile(20, {
      "aoai-platform:accounts": [
        {
          name: "aoai-pf-swc",
          customerManagedKey: {
            keyVaultUri: "https://kv-pf.vault.azure.net/",
            keyName: "cmk",
            keyVaultId: VAULT_ID,
            encrypt: false,
          },
        },
      ],
    });
  function withVault(purgeProtection = true, kty = "RSA", region = "swedencentral"): FakeArmState {
    const state = healthySubscription();
    put(state, VAULT_ID, keyVault(VAULT_ID, region, purgeProtection));
    put(state, `${VAULT_ID}/keys/cmk`, vaultKey(VAULT_ID, "cmk", kty, kty === "RSA" ? 2048 : 256));
    allow(state, VAULT_ID, CONTRIBUTOR, permission(["Microsoft.Authorization/roleAssignments/write"]));
    return state;
  }

  it("passes a vault in the account's region with purge protection and an RSA 2048 key", async () => {
    const { rows } = await results(withVault(), encrypted());
    expect(rowsOf(rows, "key-vault")[0]).toMatchObject({
      status: "OK",
      detail: "kv-pf is in swedencentral with soft delete and purge protection",
    });
    expect(rowsOf(rows, "cmk-key")[0]).toMatchObject({
      status: "OK",
      detail: "key cmk in kv-pf: RSA 2048, enabled",
    });
    expect(rowsOf(rows, "rights").find((r) => r.target === "key vault")?.status).toBe("OK");
  });

  it("fails a vault without purge protection or in another region", async () => {
    const { code, rows } = await results(withVault(false, "RSA", "westeurope"), encrypted());
    expect(code).toBe(1);
    expect(rowsOf(rows, "key-vault")[0]).toMatchObject({
      status: "FAIL",
      detail:
        "kv-pf is in westeurope, not the account's region swedencentral, has purge protection off; customer-managed keys need a vault in the account's region with soft delete and purge protection",
    });
  });

  it("fails a key that is not RSA, and a key or vault that does not exist", async () => {
    const ec = await results(withVault(true, "EC"), encrypted());
    expect(rowsOf(ec.rows, "cmk-key")[0]).toMatchObject({
      status: "FAIL",
      detail: expect.stringContaining(
        "key cmk is EC 256; Azure OpenAI takes RSA or RSA-HSM keys of 2048 bits",
      ),
    });
    const noKey = withVault();
    delete noKey.resources?.[`${VAULT_ID}/keys/cmk`.toLowerCase()];
    const missingKey = await results(noKey, encrypted());
    expect(rowsOf(missingKey.rows, "cmk-key")[0]).toMatchObject({
      status: "FAIL",
      detail: "key cmk does not exist in kv-pf",
    });
    const noVault = await results(healthySubscription(), encrypted());
    expect(rowsOf(noVault.rows, "key-vault")[0]).toMatchObject({
      status: "FAIL",
      detail: expect.stringContaining(`${VAULT_ID} does not exist`),
    });
  });
});

describe("rights: the signed-in identity may do what the stack does", () => {
  const withGrant = () =>
    stackFile(20, {
      "aoai-platform:access": { identities: [{ name: "id-pf-app", roles: ["openai-user"] }] },
    });

  it("passes when the identity may write the resources and the role assignments", async () => {
    const { rows } = await results(healthySubscription(), withGrant());
    expect(rowsOf(rows, "rights")).toEqual([
      {
        check: "rights",
        target: `resource group ${RG}`,
        status: "OK",
        detail: `allowed: 4 action(s) the stack needs at ${RG_ID}`,
      },
    ]);
  });

  it("fails a Contributor-only identity when the stack assigns roles (notActions exclude them)", async () => {
    const state = healthySubscription();
    allow(state, RG_ID, CONTRIBUTOR);
    const { code, rows } = await results(state, withGrant());
    expect(code).toBe(1);
    expect(rowsOf(rows, "rights")[0]).toMatchObject({
      status: "FAIL",
      detail: `the signed-in identity may not Microsoft.Authorization/roleAssignments/write at ${RG_ID}; pulumi up would stop half-way there`,
      fix: expect.stringContaining("Role Based Access Control Administrator"),
    });
  });

  it("fails an identity that may only read", async () => {
    const state = healthySubscription();
    allow(state, RG_ID, permission(["*/read"]));
    const { rows } = await results(state);
    expect(rowsOf(rows, "rights")[0]).toMatchObject({
      status: "FAIL",
      detail: expect.stringContaining(
        "may not Microsoft.CognitiveServices/accounts/write, Microsoft.CognitiveServices/accounts/deployments/write",
      ),
    });
  });

  it("warns when the resource group does not exist yet, naming what it will need", async () => {
    const state = healthySubscription();
    state.resourceGroups = {};
    const { code, rows } = await results(state);
    expect(code).toBe(0);
    expect(rowsOf(rows, "rights")[0]).toMatchObject({
      status: "WARN",
      fix: expect.stringContaining(
        "Microsoft.Resources/subscriptions/resourceGroups/write on the subscription",
      ),
    });
  });
});
