import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/errors";
import { parseAllConfig } from "../src/config/load";
import { PROVIDER_SETTINGS } from "../src/providerSettings";
import { minimalConfig } from "./support/stackConfig";

/** The flat `namespace:key` → string map Pulumi gives the program. */
function flat(extra: Record<string, string> = {}): Record<string, string> {
  const values = Object.fromEntries(
    Object.entries(minimalConfig()).map(([k, v]) => [
      `aoai-platform:${k}`,
      typeof v === "string" ? v : JSON.stringify(v),
    ]),
  );
  return { ...values, ...extra };
}

function problems(allConfig: Record<string, string>): string[] {
  try {
    parseAllConfig(allConfig, "test", { providerSettings: PROVIDER_SETTINGS });
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => `${p.key}: ${p.value}: ${p.message}`);
  }
}

describe("config namespaces", () => {
  it("accepts this project's namespace, the providers the program uses and pulumi:", () => {
    expect(
      problems(
        flat({
          "azure-native:location": "swedencentral",
          "azuread:tenantId": "00000000-0000-0000-0000-000000000000",
          "pulumi:disable-default-providers": '["*"]',
        }),
      ),
    ).toEqual([]);
  });

  it("refuses a key under a namespace nothing reads, suggesting the one it probably meant", () => {
    expect(problems(flat({ "aoai-platfrom:budget": '{"amount":500}' }))).toEqual([
      'aoai-platfrom:budget: namespace "aoai-platfrom": no part of this program reads the aoai-platfrom namespace, so the value would be ignored; did you mean aoai-platform:budget? (namespaces read: aoai-platform, azure-native, azuread, pulumi)',
    ]);
    expect(problems(flat({ "azure-natve:location": "westeurope" }))[0]).toContain(
      "did you mean azure-native:location?",
    );
    expect(problems(flat({ "kubernetes:namespace": "x" }))[0]).not.toContain("did you mean");
  });

  it("refuses a setting the provider does not have, suggesting the one it probably meant", () => {
    expect(problems(flat({ "azure-native:subscriptionID": "x", "azuread:tenantId": "y" }))).toEqual([
      'azure-native:subscriptionID: setting "subscriptionID": the azure-native provider has no such setting, so the value would be ignored; did you mean azure-native:subscriptionId?',
    ]);
    expect(problems(flat({ "azure-native:region": "westeurope" }))[0]).toMatch(
      /no such setting, so the value would be ignored; its settings: .*location.*subscriptionId/,
    );
    expect(problems(flat({ "azure-native:version": "3.28.0", "azure-native:useOidc": "true" }))).toEqual([]);
  });

  it("takes each provider's settings from its SDK", () => {
    expect(PROVIDER_SETTINGS["azure-native"]).toEqual(
      expect.arrayContaining(["location", "subscriptionId", "tenantId", "clientId", "useOidc"]),
    );
    expect(PROVIDER_SETTINGS.azuread).toEqual(expect.arrayContaining(["tenantId", "clientId", "useOidc"]));
    expect(PROVIDER_SETTINGS["azure-native"]).not.toContain("default");
  });

  it("reports namespace and schema problems together", () => {
    const all = { ...flat({ "aoai-platfrom:budget": "{}" }), "aoai-platform:environment": "qa" };
    expect(problems(all).map((p) => p.split(":").slice(0, 2).join(":"))).toEqual([
      "aoai-platfrom:budget",
      "aoai-platform:environment",
    ]);
  });
});
