/** Looks up what a region offers for a deployment's model, version and SKU. */
import type { ModelOffer, OfferedSku } from "../model";

/** The model identity a deployment names (planned or live). */
export interface ModelRef {
  format: string;
  model: string;
  version: string;
  sku: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Offers of this model name for an account kind, any version. */
export function offersOf(offers: readonly ModelOffer[], kind: string, ref: ModelRef): ModelOffer[] {
  return offers.filter((o) => same(o.kind, kind) && same(o.format, ref.format) && o.name === ref.model);
}

function offeredSku(offers: readonly ModelOffer[], kind: string, ref: ModelRef): OfferedSku | undefined {
  return offersOf(offers, kind, ref)
    .find((o) => o.version === ref.version)
    ?.skus.find((s) => same(s.name, ref.sku));
}

/**
 * The quota a deployment draws on. The region's model list names it (`skus[].usageName`); when it
 * does not, Azure's naming is `{format}.{sku}.{model}`, and provisioned quota is per SKU only.
 */
export function usageNameOf(
  offers: readonly ModelOffer[],
  kind: string,
  ref: ModelRef,
  quotaIgnoresModel: boolean,
): string {
  return (
    offeredSku(offers, kind, ref)?.usageName ??
    (quotaIgnoresModel ? `${ref.format}.${ref.sku}` : `${ref.format}.${ref.sku}.${ref.model}`)
  );
}
