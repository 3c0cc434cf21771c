/** Every planned deployment's model, version and SKU must be offered in its account's region. */
import type { StackConfig } from "../../config/schema";
import type { CheckResult, LiveState } from "../model";
import { offersOf } from "./offers";
import { accountTarget, configKey } from "./targets";

const list = (items: readonly string[]) => (items.length === 0 ? "none" : items.join(", "));

export function checkModels(config: StackConfig, live: LiveState): CheckResult[] {
  return config.accounts.flatMap((account, a) => {
    const offers = live.regions.get(account.location)?.offers ?? [];
    const target = accountTarget(account);
    return account.deployments.map((deployment, d): CheckResult => {
      const key = (field: string) => configKey(["accounts", a, "deployments", d, field]);
      const what = `${deployment.name}: ${deployment.model} ${deployment.version} ${deployment.sku}`;
      const byName = offersOf(offers, account.kind, deployment);
      if (byName.length === 0) {
        return {
          check: "model",
          target,
          status: "FAIL",
          detail: `${what}: ${account.location} offers no model "${deployment.model}" (format ${deployment.format}) to ${account.kind} accounts`,
          fix: `choose a region that offers it (az cognitiveservices model list --location <region>) or another model in ${key("model")}`,
        };
      }
      const version = byName.find((o) => o.version === deployment.version);
      if (version === undefined) {
        return {
          check: "model",
          target,
          status: "FAIL",
          detail: `${what}: version ${deployment.version} is not offered in ${account.location}; offered: ${list(byName.map((o) => o.version))}`,
          fix: `set ${key("version")} to an offered version`,
        };
      }
      const sku = version.skus.find((s) => s.name.toLowerCase() === deployment.sku.toLowerCase());
      if (sku === undefined) {
        return {
          check: "model",
          target,
          status: "FAIL",
          detail: `${what}: SKU ${deployment.sku} is not offered for ${deployment.model} ${deployment.version} in ${account.location}; offered: ${list(version.skus.map((s) => s.name))}`,
          fix: `set ${key("sku")} to an offered SKU or choose another region`,
        };
      }
      return { check: "model", target, status: "OK", detail: `${what}: offered` };
    });
  });
}
