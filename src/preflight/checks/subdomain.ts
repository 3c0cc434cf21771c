/**
 * Custom subdomains are global across Azure and immutable: a new account needs a free one, an
 * existing account must keep the one it has.
 */
import type { StackConfig } from "../../config/schema";
import type { CheckResult, LiveState } from "../model";
import { accountTarget, configKey } from "./targets";

export function checkSubdomains(config: StackConfig, live: LiveState): CheckResult[] {
  return config.accounts.map((account, a): CheckResult => {
    const target = accountTarget(account);
    const wanted = account.customSubDomain;
    const key = configKey(["accounts", a, "customSubDomain"]);
    const existing = live.accounts.get(account.name);
    if (existing !== undefined) {
      if (existing.customSubDomain === undefined || existing.customSubDomain.toLowerCase() === wanted) {
        return {
          check: "subdomain",
          target,
          status: "OK",
          detail: `account exists with subdomain ${wanted}`,
        };
      }
      return {
        check: "subdomain",
        target,
        status: "FAIL",
        detail: `the existing account's subdomain is ${existing.customSubDomain}, the config says ${wanted}; a subdomain cannot be changed`,
        fix: `set ${key} to ${existing.customSubDomain}`,
      };
    }
    const availability = live.subdomains.get(account.name);
    if (availability === undefined || availability.available) {
      return { check: "subdomain", target, status: "OK", detail: `${wanted}.openai.azure.com is available` };
    }
    return {
      check: "subdomain",
      target,
      status: "FAIL",
      detail: `${wanted} is not available${availability.reason ? `: ${availability.reason}` : ""} (subdomains are global; a soft-deleted account also holds its subdomain)`,
      fix: `choose another ${key}, or purge the soft-deleted account that holds it (see soft-delete)`,
    };
  });
}
