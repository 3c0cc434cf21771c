/**
 * Advisory findings about a valid config: things Azure may still reject or that we cannot check
 * offline. New models ship monthly, so an unknown model is a warning, never an error.
 */

import { findCatalogModel, ptuSizeClassOf } from "../../components/facts/models";
import { capacityRule } from "../../components/facts/skus";
import { accessWarnings, previewIdentityWarnings } from "./access";
import { formatKeyPath } from "./errors";
import { budgetStartWarnings } from "./monitoring";
import { quotaEntryText, quotaUsage, unmatchedQuota } from "./quota";
import { regionWarnings } from "./regions";
import type { StackConfig } from "./schema";
import type { ConfigWarning } from "./types";

/** `today` is the day the plan runs (injectable so tests do not depend on the real date). */
export function configWarnings(config: StackConfig, today: Date = new Date()): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  config.accounts.forEach((account, a) => {
    account.deployments.forEach((deployment, d) => {
      const path = ["accounts", a, "deployments", d];
      const known = findCatalogModel(deployment.format, deployment.model);
      if (!known) {
        warnings.push({
          rule: "config.unknown-model",
          key: formatKeyPath([...path, "model"]),
          message: `model ${deployment.format}/${deployment.model} is not in the built-in catalog; check that ${account.location} offers it (npm run preflight) and that the capacity rules used (${ptuSizeClassOf(deployment.format, deployment.model)} model) fit`,
        });
      } else if (!known.versions.includes(deployment.version)) {
        warnings.push({
          rule: "config.unknown-model-version",
          key: formatKeyPath([...path, "version"]),
          message: `${deployment.model} version ${deployment.version} is not in the built-in catalog (known: ${known.versions.join(", ")})`,
        });
      }
      if (capacityRule(deployment.sku, "large").undocumented) {
        warnings.push({
          rule: "config.undocumented-capacity-unit",
          key: formatKeyPath([...path, "capacity"]),
          message: `Azure does not document the capacity unit of ${deployment.sku}; ${deployment.capacity} is passed through unchecked`,
        });
      }
    });
  });
  for (const usage of quotaUsage(config.quota, config.accounts)) {
    if (usage.limit === undefined && usage.unit !== "batch" && usage.unit !== "none") {
      const model = usage.model === undefined ? "" : `, model: ${usage.model}`;
      warnings.push({
        rule: "config.quota-undeclared",
        key: "quota",
        message: `no quota declared for ${usage.sku}${usage.model ? ` ${usage.model}` : ""} in ${usage.region}; ${usage.planned} ${usage.unit} planned cannot be checked (add { region: ${usage.region}, sku: ${usage.sku}${model}, limit: <n> })`,
      });
    }
  }
  for (const { index, nearMiss } of unmatchedQuota(config.quota, config.accounts)) {
    const entry = config.quota[index];
    if (nearMiss !== undefined || entry === undefined) continue; // a near miss is an error
    warnings.push({
      rule: "config.quota-unused",
      key: formatKeyPath(["quota", index]),
      message: `no deployment of this stack draws on ${quotaEntryText(entry)}; the entry checks nothing (remove it, or move it to the stack that deploys it)`,
    });
  }
  warnings.push(...regionWarnings(config));
  warnings.push(...budgetStartWarnings(config.budget, today));
  warnings.push(
    ...accessWarnings(config.accounts),
    ...previewIdentityWarnings(config.access.ciPreviewIdentity),
  );
  if (config.network?.dnsZoneGroup === "policy-managed") {
    warnings.push({
      rule: "config.dns-zone-group-policy-managed",
      key: "network.dnsZoneGroup",
      message:
        "the stack creates the private endpoints without DNS zone groups: the tenant's DeployIfNotExists policy (Azure Policy c4bc6f10 or the landing zone's Deploy-Private-DNS-Zones) creates them in the central zones after each endpoint; until it has run, <subdomain>.openai.azure.com resolves to the public address",
    });
  }
  return warnings;
}
