/**
 * The settings each provider the program uses accepts under its config namespace
 * (`azure-native:location`, `azuread:tenantId`), read from the provider SDKs themselves: each SDK's
 * config/vars module is generated from the provider's schema and has one property per setting.
 * A key outside these is ignored by the provider, so the config checks refuse it.
 */
import * as azureNative from "@pulumi/azure-native/config/vars";
import * as azuread from "@pulumi/azuread/config/vars";

/**
 * Keys the Pulumi engine itself reads from a provider's inputs: the plugin `version` and
 * `pluginDownloadURL` (pulumi/pulumi pkg/resource/deploy/providers/registry.go).
 */
const ENGINE_KEYS = ["version", "pluginDownloadURL"];

const settingsOf = (vars: object) => [...Object.keys(vars).filter((k) => k !== "default"), ...ENGINE_KEYS];

export const PROVIDER_SETTINGS: Readonly<Record<string, readonly string[]>> = {
  "azure-native": settingsOf(azureNative),
  azuread: settingsOf(azuread),
};
