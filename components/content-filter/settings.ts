/** Pure translation of a content filter spec into effective settings and RAI policy properties. */
import {
  DISABLED_FILTER_SEVERITY,
  FILTER_PRESETS,
  type FilterSettings,
  HARM_CATEGORIES,
  HARM_CATEGORY_FILTER_NAME,
  MICROSOFT_DEFAULT_POLICY,
  PROMPT_SHIELD_FILTERS,
  type PromptShield,
} from "../facts/contentFilters";
import type { BlocklistSpec, ContentFilterSpec } from "./spec";

/** The preset with the spec's overrides applied. */
export function effectiveFilterSettings(spec: ContentFilterSpec): FilterSettings {
  const preset = FILTER_PRESETS[spec.preset];
  const categories = { ...preset.categories };
  for (const category of HARM_CATEGORIES) {
    categories[category] = { ...preset.categories[category], ...spec.categories[category] };
  }
  const shields = { ...preset.shields };
  for (const shield of Object.keys(PROMPT_SHIELD_FILTERS) as PromptShield[]) {
    shields[shield] = spec[shield] ?? preset.shields[shield];
  }
  return { categories, shields };
}

export interface RaiContentFilter {
  name: string;
  source: "Prompt" | "Completion";
  enabled: boolean;
  blocking: boolean;
  severityThreshold?: "Low" | "Medium" | "High";
}

export interface RaiCustomBlocklist {
  blocklistName: string;
  source: "Prompt" | "Completion";
  blocking: boolean;
}

export interface RaiPolicyProperties {
  basePolicyName: string;
  mode: string;
  contentFilters: RaiContentFilter[];
  customBlocklists: RaiCustomBlocklist[];
}

function blocklistSources(blocklist: BlocklistSpec): ("Prompt" | "Completion")[] {
  if (blocklist.appliesTo === "prompt") return ["Prompt"];
  if (blocklist.appliesTo === "completion") return ["Completion"];
  return ["Prompt", "Completion"];
}

/** The `properties` of a Microsoft.CognitiveServices/accounts/raiPolicies resource. */
export function raiPolicyProperties(spec: ContentFilterSpec): RaiPolicyProperties {
  const settings = effectiveFilterSettings(spec);
  const contentFilters: RaiContentFilter[] = [];
  for (const category of HARM_CATEGORIES) {
    const thresholds = settings.categories[category];
    for (const source of ["Prompt", "Completion"] as const) {
      const threshold = source === "Prompt" ? thresholds.prompt : thresholds.completion;
      contentFilters.push(
        threshold === "Off"
          ? {
              name: HARM_CATEGORY_FILTER_NAME[category],
              source,
              enabled: false,
              blocking: false,
              severityThreshold: DISABLED_FILTER_SEVERITY,
            }
          : {
              name: HARM_CATEGORY_FILTER_NAME[category],
              source,
              enabled: true,
              blocking: true,
              severityThreshold: threshold,
            },
      );
    }
  }
  for (const shield of Object.keys(PROMPT_SHIELD_FILTERS) as PromptShield[]) {
    const { name, sources } = PROMPT_SHIELD_FILTERS[shield];
    const on = settings.shields[shield];
    for (const source of sources) contentFilters.push({ name, source, enabled: on, blocking: on });
  }
  const customBlocklists = spec.blocklists.flatMap((blocklist) =>
    blocklistSources(blocklist).map((source) => ({ blocklistName: blocklist.name, source, blocking: true })),
  );
  return { basePolicyName: MICROSOFT_DEFAULT_POLICY, mode: spec.mode, contentFilters, customBlocklists };
}
