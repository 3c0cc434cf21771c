/** Per-stack policy settings (config key `policy`): enforcement overrides, exemptions, required tags. */
import { z } from "zod";
import { nearMiss } from "../../components/nearMiss";
import { strictObject } from "../../components/validation";

export const policySettingsSchema = strictObject({
  /** Rule id → mandatory | advisory | disabled, overriding the rule's default for this environment. */
  enforcement: z.record(z.string(), z.enum(["mandatory", "advisory", "disabled"])).default({}),
  /** Accepted violations, each with the reason a reviewer agreed to. */
  exemptions: z
    .array(
      strictObject({
        rule: z.string().min(1),
        /** Pulumi resource name as the plan prints it; omit to exempt the rule for the whole stack. */
        resource: z.string().min(1).optional(),
        reason: z.string().min(10, { error: "say why (at least 10 characters)" }),
      }),
    )
    .default([]),
  requiredTags: z.array(z.string().min(1)).default(["environment", "owner", "costCenter"]),
  /**
   * The organisation's own Azure Policy definitions and initiatives (JSON as Resource Manager
   * returns them), paths relative to the project; each is assigned with `parameters` unless
   * `assign: false` (a definition only used as an initiative member).
   */
  azureDefinitions: z
    .array(
      z.union([
        z
          .string()
          .min(1)
          .transform((file) => ({ file, parameters: {}, enforcementMode: "Default" as const, assign: true })),
        strictObject({
          file: z.string().min(1),
          parameters: z.record(z.string(), z.unknown()).default({}),
          enforcementMode: z.enum(["Default", "DoNotEnforce"]).default("Default"),
          assign: z.boolean().default(true),
        }),
      ]),
    )
    .default([]),
  /**
   * Models the organisation approves (Azure Policy aafe3651 "approved registry models"): every
   * deployment's model must be listed, with one of `versions` and `skus` when given.
   */
  approvedModels: z
    .array(
      strictObject({
        model: z.string().min(1),
        versions: z.array(z.string().min(1)).min(1).optional(),
        skus: z.array(z.string().min(1)).min(1).optional(),
      }),
    )
    .min(1, { error: "list at least one model, or leave approvedModels out" })
    .optional(),
});

export type AzureDefinitionFile = z.output<typeof policySettingsSchema>["azureDefinitions"][number];
export type ApprovedModel = NonNullable<z.output<typeof policySettingsSchema>["approvedModels"]>[number];

export type PolicySettings = z.output<typeof policySettingsSchema>;

export interface ExemptionCheck {
  /** Exemptions that name no resource but are a near miss of one: a typo leaves the real one unexempted. */
  errors: { index: number; message: string }[];
  /** Exemptions that name no resource of the plan at all. */
  warnings: { index: number; message: string }[];
}

/** Checks that each exemption's `resource` names a resource the program registers. */
export function exemptionChecks(
  exemptions: PolicySettings["exemptions"],
  resourceNames: readonly string[],
): ExemptionCheck {
  const names = new Set(resourceNames);
  const check: ExemptionCheck = { errors: [], warnings: [] };
  exemptions.forEach((exemption, index) => {
    const { resource } = exemption;
    if (resource === undefined || names.has(resource)) return;
    const near = nearMiss(resource, [...names]);
    if (near !== undefined) {
      check.errors.push({ index, message: `no resource named "${resource}"; did you mean "${near}"?` });
    } else {
      check.warnings.push({
        index,
        message: `no resource named "${resource}" in this plan; the exemption of ${exemption.rule} applies to nothing`,
      });
    }
  });
  return check;
}
