/**
 * What a region must offer before an account can be created there: the account's kind with SKU S0
 * (resource SKUs API), and room under the subscription's per-region account count (usages API).
 */
import type { StackConfig } from "../../config/schema";
import { ACCOUNT_COUNT_USAGE, ACCOUNT_SKU } from "../facts";
import type { AccountSkuOffer, CheckResult, LiveState } from "../model";
import { accountTarget, configKey } from "./targets";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Location restrictions on this offer in the region (e.g. NotAvailableForSubscription). */
function restrictionIn(offer: AccountSkuOffer, region: string): string | undefined {
  const restriction = offer.restrictions.find(
    (r) => same(r.type, "Location") && r.values.some((v) => same(v, region)),
  );
  return restriction && (restriction.reasonCode ?? "restricted");
}

export function checkAccountSkus(config: StackConfig, live: LiveState): CheckResult[] {
  return config.accounts.map((account, a): CheckResult => {
    const base = { check: "account-sku", target: accountTarget(account) } as const;
    const what = `${account.kind} ${ACCOUNT_SKU}`;
    if (live.accounts.get(account.name) !== undefined) {
      return { ...base, status: "OK", detail: `${what}: the account exists` };
    }
    const offers = live.accountSkus.filter((s) => same(s.kind, account.kind) && same(s.name, ACCOUNT_SKU));
    const here = offers.find((s) => s.locations.some((l) => same(l, account.location)));
    const elsewhere = [...new Set(offers.flatMap((s) => s.locations.map((l) => l.toLowerCase())))];
    const fix = `choose a region that offers it in ${configKey(["accounts", a, "location"])} (offered in: ${elsewhere.slice(0, 12).join(", ") || "none listed for this subscription"})`;
    if (here === undefined) {
      return {
        ...base,
        status: "FAIL",
        detail: `${account.location} does not offer ${what} accounts to this subscription`,
        fix,
      };
    }
    const restricted = restrictionIn(here, account.location);
    if (restricted !== undefined) {
      return {
        ...base,
        status: "FAIL",
        detail: `${account.location} lists ${what} but restricts it for this subscription (${restricted})`,
        fix: `ask for the SKU to be enabled for the subscription (Azure support request), or ${fix}`,
      };
    }
    return { ...base, status: "OK", detail: `${account.location} offers ${what}` };
  });
}

export function checkAccountCount(config: StackConfig, live: LiveState): CheckResult[] {
  const regions = [...new Set(config.accounts.map((a) => a.location))];
  return regions.map((region): CheckResult => {
    const base = { check: "account-count", target: region } as const;
    const inRegion = config.accounts.filter((a) => a.location === region);
    const created = inRegion.filter((a) => live.accounts.get(a.name) === undefined).length;
    if (created === 0) return { ...base, status: "OK", detail: `${inRegion.length} account(s), all exist` };
    const usage = live.regions.get(region)?.usages.find((u) => same(u.name, ACCOUNT_COUNT_USAGE));
    if (usage === undefined) {
      return {
        ...base,
        status: "WARN",
        detail: `creates ${created} account(s); the subscription lists no ${ACCOUNT_COUNT_USAGE} quota in ${region}, so it cannot be checked`,
        fix: `look for it with: az cognitiveservices usage list --location ${region}`,
      };
    }
    const free = usage.limit - usage.currentValue;
    const numbers = `${ACCOUNT_COUNT_USAGE} limit ${usage.limit}, in use ${usage.currentValue}, free ${free}`;
    if (created > free) {
      return {
        ...base,
        status: "FAIL",
        detail: `creates ${created} account(s); ${numbers}`,
        fix: `delete or purge unused Cognitive Services accounts in ${region}, or request a higher account limit through an Azure support request`,
      };
    }
    return { ...base, status: "OK", detail: `creates ${created} account(s); ${numbers}` };
  });
}
