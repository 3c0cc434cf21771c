/** The preflight checks as pure functions over a stack config and what Resource Manager reported. */
import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../src/config/load";
import type { StackConfig, StackConfigInput } from "../src/config/schema";
import { checkModelLifecycle } from "../src/preflight/checks/lifecycle";
import { checkModels } from "../src/preflight/checks/models";
import { usageNameOf } from "../src/preflight/checks/offers";
import { checkQuota } from "../src/preflight/checks/quota";
import { checkSoftDeleted } from "../src/preflight/checks/softDeleted";
import { checkSubdomains } from "../src/preflight/checks/subdomain";
import { toDeletedAccount } from "../src/preflight/fetch";
import type { DeletedAccount, LiveAccount, LiveState, ModelOffer, QuotaUsage } from "../src/preflight/model";
import { minimalConfig } from "./support/stackConfig";

const parse = (input: StackConfigInput): StackConfig =>
  parseStackConfig(input as Record<string, unknown>, "test").config;

function offer(kind: string, name: string, version: string, skus: string[], usageNames = true): ModelOffer {
  return {
    kind,
    format: "OpenAI",
    name,
    version,
    skus: skus.map((sku) => ({ name: sku, usageName: usageNames ? `OpenAI.${sku}.${name}` : undefined })),
    lifecycleStatus: "GenerallyAvailable",
    isDefaultVersion: false,
    inferenceRetiresAt: undefined,
    fineTuneRetiresAt: undefined,
  };
}

function live(parts: {
  offers?: ModelOffer[];
  usages?: QuotaUsage[];
  accounts?: [string, LiveAccount][];
  deleted?: DeletedAccount[];
  subdomains?: [string, { available: boolean; reason: string | undefined }][];
}): LiveState {
  return {
    regions: new Map([["swedencentral", { offers: parts.offers ?? [], usages: parts.usages ?? [] }]]),
    accounts: new Map(parts.accounts ?? []),
    subdomains: new Map(parts.subdomains ?? []),
    deletedAccounts: parts.deleted ?? [],
    accountSkus: [],
    existing: {
      resourceGroup: undefined,
      subnets: new Map(),
      dnsZones: new Map(),
      workspaces: new Map(),
      keyVaults: new Map(),
      keys: new Map(),
      permissions: new Map(),
    },
  };
}

/** minimalConfig: account aoai-test in swedencentral, chat = gpt-4.1-mini 2025-04-14 GlobalStandard 10. */
const config = parse(minimalConfig());

describe("checkModels", () => {
  it("passes a deployment whose model, version and SKU are offered to the account's kind", () => {
    const results = checkModels(
      config,
      live({ offers: [offer("OpenAI", "gpt-4.1-mini", "2025-04-14", ["GlobalStandard"])] }),
    );
    expect(results).toEqual([
      {
        check: "model",
        target: "aoai-test (swedencentral)",
        status: "OK",
        detail: "chat: gpt-4.1-mini 2025-04-14 GlobalStandard: offered",
      },
    ]);
  });

  it("fails when the model is offered only to another account kind", () => {
    const [result] = checkModels(
      config,
      live({ offers: [offer("AIServices", "gpt-4.1-mini", "2025-04-14", ["GlobalStandard"])] }),
    );
    expect(result?.status).toBe("FAIL");
    expect(result?.detail).toContain('offers no model "gpt-4.1-mini" (format OpenAI) to OpenAI accounts');
  });

  it("fails on a version the region does not offer, listing the offered ones", () => {
    const [result] = checkModels(
      config,
      live({
        offers: [
          offer("OpenAI", "gpt-4.1-mini", "2025-01-01", ["GlobalStandard"]),
          offer("OpenAI", "gpt-4.1-mini", "2025-09-09", ["GlobalStandard"]),
        ],
      }),
    );
    expect(result).toMatchObject({
      status: "FAIL",
      detail:
        "chat: gpt-4.1-mini 2025-04-14 GlobalStandard: version 2025-04-14 is not offered in swedencentral; offered: 2025-01-01, 2025-09-09",
      fix: "set aoai-platform:accounts[0].deployments[0].version to an offered version",
    });
  });

  it("fails on a SKU the region does not offer for that version, listing the offered ones", () => {
    const [result] = checkModels(
      config,
      live({ offers: [offer("OpenAI", "gpt-4.1-mini", "2025-04-14", ["Standard", "DataZoneStandard"])] }),
    );
    expect(result).toMatchObject({
      status: "FAIL",
      detail:
        "chat: gpt-4.1-mini 2025-04-14 GlobalStandard: SKU GlobalStandard is not offered for gpt-4.1-mini 2025-04-14 in swedencentral; offered: Standard, DataZoneStandard",
      fix: "set aoai-platform:accounts[0].deployments[0].sku to an offered SKU or choose another region",
    });
  });
});

describe("checkModelLifecycle", () => {
  const context = { now: new Date("2026-06-01T00:00:00Z"), horizonDays: 90 };
  const chat = (lifecycle: Partial<ModelOffer>, skuDeprecation?: string): ModelOffer => {
    const base = offer("OpenAI", "gpt-4.1-mini", "2025-04-14", ["GlobalStandard"]);
    return {
      ...base,
      ...lifecycle,
      skus: base.skus.map((s) => ({ ...s, deprecationDate: skuDeprecation })),
    };
  };
  const retirement = (state: LiveState) =>
    checkModelLifecycle(config, state, context).find((r) => r.check === "model-retirement");

  it("fails a Deprecating version for a new deployment, warns for one that exists", () => {
    const offers = [chat({ lifecycleStatus: "Deprecating" })];
    expect(retirement(live({ offers }))).toMatchObject({
      status: "FAIL",
      detail:
        "chat: gpt-4.1-mini 2025-04-14 is Deprecating: only subscriptions that already deploy it may create deployments",
    });
    const existing: LiveAccount = {
      kind: "OpenAI",
      customSubDomain: "aoai-test",
      deployments: [
        {
          name: "chat",
          format: "OpenAI",
          model: "gpt-4.1-mini",
          version: "2025-04-14",
          sku: "GlobalStandard",
          capacity: 10,
        },
      ],
    };
    expect(retirement(live({ offers, accounts: [["aoai-test", existing]] }))?.status).toBe("WARN");
  });

  it("fails a deployment whose SKU is withdrawn within the horizon, passes one withdrawn later", () => {
    expect(retirement(live({ offers: [chat({}, "2026-08-01T00:00:00Z")] }))).toMatchObject({
      status: "FAIL",
      detail: expect.stringContaining("SKU GlobalStandard is withdrawn on 2026-08-01"),
    });
    expect(retirement(live({ offers: [chat({}, "2027-08-01T00:00:00Z")] }))?.status).toBe("OK");
  });

  it("says nothing about a version the region does not offer (the model check reports it)", () => {
    expect(checkModelLifecycle(config, live({ offers: [] }), context)).toEqual([]);
  });
});

describe("usageNameOf", () => {
  const ref = { format: "OpenAI", model: "gpt-4.1", version: "2025-04-14", sku: "ProvisionedManaged" };

  it("takes the quota name the region's model list gives", () => {
    const offers = [
      {
        ...offer("OpenAI", "gpt-4.1", "2025-04-14", []),
        skus: [{ name: "ProvisionedManaged", usageName: "OpenAI.ProvisionedManaged" }],
      },
    ];
    expect(usageNameOf(offers, "OpenAI", ref, false)).toBe("OpenAI.ProvisionedManaged");
  });

  it("falls back to Azure's naming: per model for pay-per-token, per SKU for provisioned", () => {
    expect(usageNameOf([], "OpenAI", ref, true)).toBe("OpenAI.ProvisionedManaged");
    expect(usageNameOf([], "OpenAI", { ...ref, sku: "GlobalStandard" }, false)).toBe(
      "OpenAI.GlobalStandard.gpt-4.1",
    );
  });
});

describe("checkQuota", () => {
  const ptuInput = minimalConfig();
  const ptuAccount = ptuInput.accounts[0];
  if (ptuAccount === undefined) throw new Error("minimalConfig has an account");
  ptuAccount.deployments = [
    { name: "chat", model: "gpt-4.1", version: "2025-04-14", sku: "ProvisionedManaged", capacity: 100 },
    { name: "chat-4o", model: "gpt-4o", version: "2024-11-20", sku: "ProvisionedManaged", capacity: 50 },
  ];
  const ptuConfig = parse(ptuInput);

  it("adds up provisioned deployments of different models against the one PTU quota of the region", () => {
    const results = checkQuota(
      ptuConfig,
      live({ usages: [{ name: "OpenAI.ProvisionedManaged", currentValue: 0, limit: 120 }] }),
    );
    expect(results).toEqual([
      expect.objectContaining({
        check: "quota",
        status: "FAIL",
        detail: "OpenAI.ProvisionedManaged: plans 150 PTU; limit 120, in use 0, free 120 PTU",
      }),
    ]);
    expect(results[0]?.fix).toContain(
      "aoai-platform:accounts[0].deployments[0].capacity, aoai-platform:accounts[0].deployments[1].capacity",
    );
  });

  it("passes when the demand fits exactly in what is free", () => {
    const [result] = checkQuota(
      ptuConfig,
      live({ usages: [{ name: "OpenAI.ProvisionedManaged", currentValue: 50, limit: 200 }] }),
    );
    expect(result?.status).toBe("OK");
  });

  it("warns, without failing, when the subscription lists no quota of that name", () => {
    const [result] = checkQuota(config, live({ usages: [] }));
    expect(result).toMatchObject({
      status: "WARN",
      detail:
        "OpenAI.GlobalStandard.gpt-4.1-mini: plans 10 kTPM; the subscription lists no such quota in swedencentral, so it cannot be checked",
    });
  });

  it("credits an existing deployment only when it draws on the same quota (a SKU change needs it all)", () => {
    const existing: LiveAccount = {
      kind: "OpenAI",
      customSubDomain: "aoai-test",
      deployments: [
        {
          name: "chat",
          format: "OpenAI",
          model: "gpt-4.1-mini",
          version: "2025-04-14",
          sku: "Standard",
          capacity: 10,
        },
      ],
    };
    const [result] = checkQuota(
      config,
      live({
        accounts: [["aoai-test", existing]],
        usages: [{ name: "OpenAI.GlobalStandard.gpt-4.1-mini", currentValue: 995, limit: 1000 }],
      }),
    );
    expect(result).toMatchObject({
      status: "FAIL",
      detail: expect.stringMatching(/^OpenAI\.GlobalStandard\.gpt-4\.1-mini: plans 10 kTPM; /),
    });
  });
});

describe("checkSubdomains", () => {
  it("fails when an existing account has another subdomain than the config: subdomains cannot change", () => {
    const [result] = checkSubdomains(
      config,
      live({
        accounts: [["aoai-test", { kind: "OpenAI", customSubDomain: "legacy-name", deployments: [] }]],
      }),
    );
    expect(result).toMatchObject({
      status: "FAIL",
      fix: "set aoai-platform:accounts[0].customSubDomain to legacy-name",
    });
  });

  it("passes a new account whose subdomain is free", () => {
    const [result] = checkSubdomains(
      config,
      live({ subdomains: [["aoai-test", { available: true, reason: undefined }]] }),
    );
    expect(result).toMatchObject({ status: "OK", detail: "aoai-test.openai.azure.com is available" });
  });
});

describe("checkSoftDeleted", () => {
  const deleted = (over: Partial<DeletedAccount>): DeletedAccount => ({
    accountId: "/subscriptions/s/resourceGroups/rg-other/providers/Microsoft.CognitiveServices/accounts/old",
    name: "old",
    location: "westeurope",
    resourceGroup: "rg-other",
    customSubDomain: "old",
    scheduledPurgeDate: undefined,
    ...over,
  });

  it("fails when a deleted account elsewhere still holds the subdomain", () => {
    const [result] = checkSoftDeleted(config, live({ deleted: [deleted({ customSubDomain: "AOAI-TEST" })] }));
    expect(result).toMatchObject({
      check: "soft-delete",
      status: "FAIL",
      detail: "soft-deleted account old (resource group rg-other, westeurope) holds the subdomain aoai-test",
    });
    expect(result?.fix).toContain(
      "az cognitiveservices account purge --location westeurope --resource-group rg-other --name old",
    );
  });

  /** Two accounts, so the fix names the index: aoai-other (0) and aoai-test (1, restore as given). */
  const twoAccounts = (restore: boolean) =>
    parse({
      ...minimalConfig(),
      accounts: [{ name: "aoai-other" }, { name: "aoai-test", restore }],
      primaryAccount: "aoai-test",
    });
  const sameName = deleted({
    name: "aoai-test",
    resourceGroup: "rg-test",
    location: "swedencentral",
    customSubDomain: "aoai-test",
    scheduledPurgeDate: "2026-06-03T10:00:00Z",
  });

  it("tells how to recover a deleted account of the same name: accounts[i].restore: true, naming the index", () => {
    const results = checkSoftDeleted(twoAccounts(false), live({ deleted: [sameName] }));
    expect(results.map((r) => r.status)).toEqual(["OK", "FAIL"]);
    expect(results[1]?.detail).toBe(
      "soft-deleted account aoai-test (resource group rg-test, swedencentral, purged automatically at 2026-06-03T10:00:00Z) holds the name aoai-test in resource group rg-test",
    );
    expect(results[1]?.fix).toBe(
      "recover it with its deployments and data: set aoai-platform:accounts[1].restore: true and pulumi up recovers it instead of creating the account; or purge it (its deployments and data are gone for good): az cognitiveservices account purge --location swedencentral --resource-group rg-test --name aoai-test",
    );
  });

  it("says the account will be recovered when accounts[i].restore is already true", () => {
    const results = checkSoftDeleted(twoAccounts(true), live({ deleted: [sameName] }));
    expect(results[1]).toEqual({
      check: "soft-delete",
      target: "aoai-test (swedencentral)",
      status: "OK",
      detail:
        "soft-deleted account aoai-test (resource group rg-test, swedencentral, purged automatically at 2026-06-03T10:00:00Z) will be recovered: aoai-platform:accounts[1].restore is true",
    });
  });

  it("restore recovers an account only where it was deleted: another region needs accounts[i].location", () => {
    const [, other] = checkSoftDeleted(
      twoAccounts(true),
      live({ deleted: [{ ...sameName, location: "westeurope" }] }),
    );
    expect(other?.status).toBe("FAIL");
    expect(other?.fix).toContain(
      "set aoai-platform:accounts[1].location: westeurope (restore recovers it in the region it was deleted in)",
    );
  });

  it("ignores a deleted account of the same name in another resource group with another subdomain", () => {
    const results = checkSoftDeleted(
      config,
      live({ deleted: [deleted({ name: "aoai-test", customSubDomain: "other" })] }),
    );
    expect(results).toEqual([expect.objectContaining({ status: "OK" })]);
  });
});

describe("toDeletedAccount", () => {
  it("reads the resource group from the deleted account's id and names the id it gets back when recovered", () => {
    const result = toDeletedAccount({
      id: "/subscriptions/0000/providers/Microsoft.CognitiveServices/locations/westus/resourceGroups/myResourceGroup/deletedAccounts/myAccount",
      name: "myAccount",
      location: "westus",
      properties: { customSubDomainName: "myaccount", scheduledPurgeDate: "2026-05-03T10:00:00Z" },
    });
    expect(result).toEqual({
      accountId:
        "/subscriptions/0000/resourceGroups/myResourceGroup/providers/Microsoft.CognitiveServices/accounts/myAccount",
      name: "myAccount",
      location: "westus",
      resourceGroup: "myResourceGroup",
      customSubDomain: "myaccount",
      scheduledPurgeDate: "2026-05-03T10:00:00Z",
    });
  });
});
