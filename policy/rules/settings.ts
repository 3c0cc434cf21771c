/** Per-stack policy settings (config key `policy`): enforcement overrides, exemptions, required tags. */
import { z } from "zod";
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
