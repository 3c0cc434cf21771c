/**
 * Model versions retire: a deployment of a retired version cannot be created (and answers 410),
 * one retiring soon will stop working or be upgraded under the stack. And `versionUpgradeOption`
 * decides whether Azure moves a deployment off the version the config pins.
 */
import type { StackConfig } from "../../config/schema";
import { LIFECYCLE_DEPRECATING, LIFECYCLE_RETIRED } from "../facts";
import type { CheckResult, LiveState, ModelOffer } from "../model";
import { offersOf } from "./offers";
import { accountTarget, configKey } from "./targets";

export interface LifecycleContext {
  now: Date;
  /** A version retiring within this many days fails. */
  horizonDays: number;
}

const DAY_MS = 86_400_000;
const day = (iso: string) => iso.slice(0, 10);

/** A newer offered version that does not retire within the horizon, the default first. */
function replacementFor(offers: readonly ModelOffer[], pinned: string, cutoff: number): string | undefined {
  const lasting = offers.filter(
    (o) =>
      o.version !== pinned &&
      o.lifecycleStatus !== LIFECYCLE_RETIRED &&
      o.lifecycleStatus !== LIFECYCLE_DEPRECATING &&
      (o.inferenceRetiresAt === undefined || Date.parse(o.inferenceRetiresAt) > cutoff),
  );
  return (
    lasting.find((o) => o.isDefaultVersion) ?? lasting.sort((a, b) => b.version.localeCompare(a.version))[0]
  )?.version;
}

export function checkModelLifecycle(
  config: StackConfig,
  live: LiveState,
  context: LifecycleContext,
): CheckResult[] {
  const now = context.now.getTime();
  const cutoff = now + context.horizonDays * DAY_MS;
  return config.accounts.flatMap((account, a) => {
    const offers = live.regions.get(account.location)?.offers ?? [];
    const target = accountTarget(account);
    const existing = live.accounts.get(account.name)?.deployments ?? [];
    return account.deployments.flatMap((deployment, d): CheckResult[] => {
      const key = (field: string) => configKey(["accounts", a, "deployments", d, field]);
      const byName = offersOf(offers, account.kind, deployment);
      const offer = byName.find((o) => o.version === deployment.version);
      // Not offered at all: the model check reports it.
      if (offer === undefined) return [];
      const what = `${deployment.name}: ${deployment.model} ${deployment.version}`;
      const replacement = replacementFor(byName, deployment.version, cutoff);
      const moveTo = replacement
        ? `set ${key("version")} to ${replacement}`
        : `move ${key("model")} to a model that is not retiring`;
      const horizon = `the ${context.horizonDays}-day horizon (--retirement-horizon-days)`;
      const fineTune = offer.fineTuneRetiresAt ? `; fine-tuning ends ${day(offer.fineTuneRetiresAt)}` : "";
      const skuEnds = offer.skus.find(
        (s) => s.name.toLowerCase() === deployment.sku.toLowerCase(),
      )?.deprecationDate;
      const retiresAt =
        offer.inferenceRetiresAt === undefined ? Number.NaN : Date.parse(offer.inferenceRetiresAt);
      const base = { check: "model-retirement", target } as const;
      let retirement: CheckResult;
      if (offer.lifecycleStatus === LIFECYCLE_RETIRED || retiresAt <= now) {
        retirement = {
          ...base,
          status: "FAIL",
          detail: `${what} is retired${offer.inferenceRetiresAt ? ` since ${day(offer.inferenceRetiresAt)}` : ""} (lifecycle ${offer.lifecycleStatus ?? "unknown"}): deployments of it cannot be created and answer 410`,
          fix: moveTo,
        };
      } else if (retiresAt <= cutoff) {
        retirement = {
          ...base,
          status: "FAIL",
          detail: `${what} retires on ${day(offer.inferenceRetiresAt ?? "")}, within ${horizon}${fineTune}`,
          fix: moveTo,
        };
      } else if (skuEnds !== undefined && Date.parse(skuEnds) <= cutoff) {
        retirement = {
          ...base,
          status: "FAIL",
          detail: `${what}: SKU ${deployment.sku} is withdrawn on ${day(skuEnds)}, within ${horizon}`,
          fix: `set ${key("sku")} to another offered SKU, or ${moveTo}`,
        };
      } else if (offer.lifecycleStatus === LIFECYCLE_DEPRECATING) {
        const exists = existing.some((e) => e.name === deployment.name && e.version === deployment.version);
        retirement = {
          ...base,
          status: exists ? "WARN" : "FAIL",
          detail: `${what} is ${LIFECYCLE_DEPRECATING}: only subscriptions that already deploy it may create deployments${exists ? " (this one exists)" : ""}`,
          fix: moveTo,
        };
      } else {
        retirement = {
          ...base,
          status: "OK",
          detail: `${what}: ${offer.inferenceRetiresAt ? `retires ${day(offer.inferenceRetiresAt)}, after` : "no retirement date within"} ${horizon.replace(" (--retirement-horizon-days)", "")}${fineTune}`,
        };
      }
      const defaultVersion = byName.find((o) => o.isDefaultVersion)?.version;
      const option = deployment.versionUpgradeOption;
      const upgradeBase = { check: "model-upgrade", target } as const;
      const pinHint = `to keep ${deployment.version}, set ${key("versionUpgradeOption")} to NoAutoUpgrade and move versions in config`;
      let upgrade: CheckResult;
      if (
        option === "OnceNewDefaultVersionAvailable" &&
        defaultVersion !== undefined &&
        defaultVersion !== deployment.version
      ) {
        upgrade = {
          ...upgradeBase,
          status: "WARN",
          detail: `${what}: versionUpgradeOption OnceNewDefaultVersionAvailable and the default version is ${defaultVersion}, so Azure upgrades the deployment off the pinned version and the next pulumi up puts it back`,
          fix: `set ${key("version")} to ${defaultVersion}, or ${pinHint}`,
        };
      } else if (option === "OnceCurrentVersionExpired" && offer.inferenceRetiresAt !== undefined) {
        upgrade = {
          ...upgradeBase,
          status: "WARN",
          detail: `${what}: versionUpgradeOption OnceCurrentVersionExpired, so Azure upgrades it when the version retires on ${day(offer.inferenceRetiresAt)}; the config still pins ${deployment.version}`,
          fix: replacement ? `set ${key("version")} to ${replacement} before then` : pinHint,
        };
      } else {
        upgrade = {
          ...upgradeBase,
          status: "OK",
          detail: `${what}: versionUpgradeOption ${option} keeps the pinned version${defaultVersion === deployment.version ? " (it is the default)" : ""}`,
        };
      }
      return [retirement, upgrade];
    });
  });
}
