/**
 * Content filter (RAI policy) vocabulary and Microsoft's default policy.
 * Sources: https://learn.microsoft.com/azure/ai-services/openai/concepts/content-filter, the default policy
 * https://learn.microsoft.com/azure/ai-services/openai/concepts/default-safety-policies, and the raiPolicies
 * REST spec specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01/cognitiveservices.json.
 */

/** The policy Azure applies to a deployment that names no RAI policy. */
export const MICROSOFT_DEFAULT_POLICY = "Microsoft.DefaultV2";

export const HARM_CATEGORIES = ["hate", "sexual", "violence", "selfHarm"] as const;
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

/** The filter names the service uses for each harm category. */
export const HARM_CATEGORY_FILTER_NAME: Record<HarmCategory, string> = {
  hate: "Hate",
  sexual: "Sexual",
  violence: "Violence",
  selfHarm: "Selfharm",
};

/**
 * `Low` blocks low, medium and high severity (strictest); `High` blocks only high; `Off` disables
 * the filter, which Azure allows only for customers approved for modified content filtering.
 */
export const SeverityThreshold = { Low: "Low", Medium: "Medium", High: "High", Off: "Off" } as const;
export type SeverityThreshold = (typeof SeverityThreshold)[keyof typeof SeverityThreshold];
export const SEVERITY_THRESHOLDS: readonly SeverityThreshold[] = Object.values(SeverityThreshold);

/**
 * What a disabled category filter is sent with. Azure's own RaiPolicies_CreateOrUpdate example sends a
 * threshold even for a filter with `enabled: false` (Hate on prompts: `severityThreshold: "High"`), so we
 * do too. Source: Azure/azure-rest-api-specs
 * specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01/examples/PutRaiPolicy.json
 */
export const DISABLED_FILTER_SEVERITY = "High";

/**
 * Blocklist limits. Source: https://learn.microsoft.com/azure/ai-services/openai/how-to/use-blocklists
 * ("a maximum limit of 10,000 terms allowed in one list"; "the maximum length of a blockItem is 1000
 * characters").
 */
export const MAX_BLOCKLIST_TERMS = 10_000;
export const MAX_BLOCKLIST_TERM_LENGTH = 1000;

/** Strictness order: a lower rank blocks more. */
export const SEVERITY_RANK: Record<SeverityThreshold, number> = { Low: 0, Medium: 1, High: 2, Off: 3 };

/**
 * On/off filters and the sides of the conversation they check. Profanity and indirect-attack
 * spotlighting are members of Azure Policy's content-filter guardrail initiative 5207647b
 * (filter names "Profanity" on prompts and completions, "Indirect Attack Spotlighting" on prompts:
 * Azure/azure-policy built-in-policies/policySetDefinitions/Cognitive Services/AllowDeploymentControl_Audit.json).
 */
export const PROMPT_SHIELD_FILTERS = {
  jailbreak: { name: "Jailbreak", sources: ["Prompt"] },
  indirectAttack: { name: "Indirect Attack", sources: ["Prompt"] },
  indirectAttackSpotlighting: { name: "Indirect Attack Spotlighting", sources: ["Prompt"] },
  profanity: { name: "Profanity", sources: ["Prompt", "Completion"] },
  protectedMaterialText: { name: "Protected Material Text", sources: ["Completion"] },
  protectedMaterialCode: { name: "Protected Material Code", sources: ["Completion"] },
} as const;
export type PromptShield = keyof typeof PROMPT_SHIELD_FILTERS;

export interface CategoryThresholds {
  prompt: SeverityThreshold;
  completion: SeverityThreshold;
}

export interface FilterSettings {
  categories: Record<HarmCategory, CategoryThresholds>;
  shields: Record<PromptShield, boolean>;
}

const everyCategory = (threshold: SeverityThreshold): Record<HarmCategory, CategoryThresholds> => ({
  hate: { prompt: threshold, completion: threshold },
  sexual: { prompt: threshold, completion: threshold },
  violence: { prompt: threshold, completion: threshold },
  selfHarm: { prompt: threshold, completion: threshold },
});

/** Microsoft's default policy: Medium everywhere, jailbreak on prompts, protected material on completions. */
export const DEFAULT_FILTER_SETTINGS: FilterSettings = {
  categories: everyCategory("Medium"),
  shields: {
    jailbreak: true,
    indirectAttack: false,
    indirectAttackSpotlighting: false,
    profanity: false,
    protectedMaterialText: true,
    protectedMaterialCode: true,
  },
};

/**
 * Our stricter preset: blocks from Low severity and adds indirect-attack detection, spotlighting and
 * profanity, so it meets every member of the guardrail initiative 5207647b.
 */
export const STRICT_FILTER_SETTINGS: FilterSettings = {
  categories: everyCategory("Low"),
  shields: {
    jailbreak: true,
    indirectAttack: true,
    indirectAttackSpotlighting: true,
    profanity: true,
    protectedMaterialText: true,
    protectedMaterialCode: true,
  },
};

export const FILTER_PRESETS = { default: DEFAULT_FILTER_SETTINGS, strict: STRICT_FILTER_SETTINGS } as const;
export type FilterPreset = keyof typeof FILTER_PRESETS;
