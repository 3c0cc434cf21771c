/** Config shape of a content filter (RAI policy) and its blocklists. */
import { z } from "zod";
import {
  HARM_CATEGORIES,
  MAX_BLOCKLIST_TERM_LENGTH,
  MAX_BLOCKLIST_TERMS,
  SeverityThreshold,
} from "../facts/contentFilters";
import { RAI_NAME } from "../facts/names";
import { addDuplicateIssues, armIdOf, azureName, strictObject } from "../validation";
import { regexTermIssue } from "./regex";

const threshold = z.enum(SeverityThreshold);

/** Starting point of a content filter: Microsoft's default thresholds, or our stricter preset. */
export const ContentFilterPreset = { default: "default", strict: "strict" } as const;
export type ContentFilterPreset = (typeof ContentFilterPreset)[keyof typeof ContentFilterPreset];

/** `Default` filters synchronously; `Asynchronous_filter` streams first and filters after. */
export const ContentFilterMode = { Default: "Default", Asynchronous_filter: "Asynchronous_filter" } as const;
export type ContentFilterMode = (typeof ContentFilterMode)[keyof typeof ContentFilterMode];

/** Which side of the conversation a blocklist applies to. */
export const BlocklistAppliesTo = { prompt: "prompt", completion: "completion", both: "both" } as const;
export type BlocklistAppliesTo = (typeof BlocklistAppliesTo)[keyof typeof BlocklistAppliesTo];

const categoryOverride = strictObject({
  prompt: threshold.optional(),
  completion: threshold.optional(),
});

const termText = z
  .string()
  .min(1)
  .max(MAX_BLOCKLIST_TERM_LENGTH, {
    error: `a blocklist term is at most ${MAX_BLOCKLIST_TERM_LENGTH} characters`,
  });

/**
 * An exact term as text, or `{ pattern, regex }`. The text shorthand parses to `{ pattern, regex: false }`
 * (the same blocklist item), so a parsed term is always an object: one shape for every language.
 */
const blocklistTerm = z.union([
  termText.transform((pattern): { pattern: string; regex: boolean; import?: string } => ({
    pattern,
    regex: false,
  })),
  strictObject({
    pattern: termText,
    regex: z.boolean().default(false),
    /** ARM id of an existing blocklist item to adopt; the item keeps its Azure name. */
    import: armIdOf("raiBlocklistItem").optional(),
  }).superRefine((term, ctx) => {
    const issue = term.regex ? regexTermIssue(term.pattern) : undefined;
    if (issue) ctx.addIssue({ code: "custom", path: ["pattern"], message: issue });
  }),
]);

export const blocklistSpecSchema = strictObject({
  name: azureName(RAI_NAME),
  description: z.string().max(512).optional(),
  /** Exact terms, or `{ pattern, regex: true }` for regular expressions. */
  terms: z
    .array(blocklistTerm)
    .min(1)
    .max(MAX_BLOCKLIST_TERMS, { error: `a blocklist holds at most ${MAX_BLOCKLIST_TERMS} terms` }),
  /** Which side of the conversation the blocklist applies to. */
  appliesTo: z.enum(BlocklistAppliesTo).default("both"),
  /** ARM id of an existing blocklist to adopt (Pulumi `import`). */
  import: armIdOf("raiBlocklist").optional(),
}).superRefine((blocklist, ctx) => {
  // Items are named by their content: the same term twice would be the same item.
  addDuplicateIssues(
    ctx,
    blocklist.terms.map((t) => `${t.regex ? "regex" : "exact"}:${t.pattern}`),
    (i) => ["terms", i],
    "blocklist term",
  );
});

export const contentFilterSpecSchema = strictObject({
  name: azureName(RAI_NAME),
  /** Starting point: Microsoft's default thresholds, or our stricter preset. */
  preset: z.enum(ContentFilterPreset).default("default"),
  /** `Default` filters synchronously; `Asynchronous_filter` streams first and filters after. */
  mode: z.enum(ContentFilterMode).default("Default"),
  categories: z.partialRecord(z.enum(HARM_CATEGORIES), categoryOverride).default({}),
  jailbreak: z.boolean().optional(),
  indirectAttack: z.boolean().optional(),
  indirectAttackSpotlighting: z.boolean().optional(),
  profanity: z.boolean().optional(),
  protectedMaterialText: z.boolean().optional(),
  protectedMaterialCode: z.boolean().optional(),
  blocklists: z.array(blocklistSpecSchema).default([]),
  /** ARM id of an existing RAI policy to adopt (Pulumi `import`). */
  import: armIdOf("raiPolicy").optional(),
}).superRefine((filter, ctx) => {
  addDuplicateIssues(
    ctx,
    filter.blocklists.map((b) => b.name),
    (i) => ["blocklists", i, "name"],
    "blocklist name",
  );
});

export type ContentFilterSpec = z.output<typeof contentFilterSpecSchema>;
export type BlocklistSpec = z.output<typeof blocklistSpecSchema>;
export type BlocklistTermSpec = BlocklistSpec["terms"][number];
