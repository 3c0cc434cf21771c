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
});

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
