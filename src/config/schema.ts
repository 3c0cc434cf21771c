/**
 * The stack config schema: everything under this project's config namespace in Pulumi.<stack>.yaml.
 * Component specs come from components/; this file adds the stack-wide rules (unique names across
 * accounts, accounts per region, quota) and resolves defaults that depend on other keys.
 */
import { z } from "zod";
import { accessSpecSchema } from "../../components/access/spec";
import { type AccountSpec, accountSpecSchema } from "../../components/account/spec";
import { budgetSpecSchema } from "../../components/budget/spec";
import {
  CUSTOM_SUBDOMAIN,
  MAX_OPENAI_ACCOUNTS_PER_REGION,
  RESOURCE_GROUP_NAME,
} from "../../components/facts/names";
import { DEPLOYMENT_SKUS } from "../../components/facts/skus";
import { monitoringSpecSchema } from "../../components/monitoring/spec";
import { networkSpecSchema } from "../../components/network/spec";
import { addDuplicateIssues, azureName, azureRegion, strictObject } from "../../components/validation";
import { RULES } from "../../policy/rules/catalog";
import { policySettingsSchema } from "../../policy/rules/settings";
import { accessIssues } from "./access";
import { alertWebhookUrlSchema, monitoringIssues, resolveMonitoring } from "./monitoring";
import { networkIssues } from "./network";
import { primaryAccountIssues, resolvePrimaryAccount } from "./primaryAccount";
import { quotaIssues } from "./quota";

export const ENVIRONMENTS = ["dev", "test", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

const tagsSchema = z
  .record(
    z
      .string()
      .regex(/^[^<>%&\\?/]{1,512}$/, { error: "tag names are 1-512 characters without < > % & \\ ? /" }),
    z.string().max(256, { error: "tag values are at most 256 characters" }),
  )
  .refine((tags) => Object.keys(tags).length <= 50, { error: "Azure allows at most 50 tags per resource" });

const resourceGroupSchema = strictObject({
  name: azureName(RESOURCE_GROUP_NAME),
  /** Use a resource group the platform team already owns instead of creating one. */
  existing: z.boolean().default(false),
  /** Region of a created group; defaults to the stack's location. */
  location: azureRegion.optional(),
});

export const quotaEntrySchema = strictObject({
  region: azureRegion,
  sku: z.enum(DEPLOYMENT_SKUS),
  /** Required for pay-per-token SKUs; omitted for provisioned SKUs, whose PTU quota is model-independent. */
  model: z.string().min(1).optional(),
  /** The subscription's limit in the SKU's unit (kTPM or PTU). */
  limit: z.number().int().nonnegative(),
});
export type QuotaEntry = z.output<typeof quotaEntrySchema>;

export const stackConfigSchema = strictObject({
  environment: z.enum(ENVIRONMENTS),
  /** Default region for the resource group and accounts. */
  location: azureRegion,
  tags: tagsSchema.default({}),
  resourceGroup: resourceGroupSchema,
  /** Data-plane API version apps should use; exported as AZURE_OPENAI_API_VERSION. */
  apiVersion: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}(-preview)?|v1)$/, {
      error: 'must look like "2024-10-21", "2025-04-01-preview" or "v1"',
    })
    .default("2024-10-21"),
  accounts: z.array(accountSpecSchema).min(1, { error: "declare at least one account" }),
  /** The account behind AZURE_OPENAI_ENDPOINT and the per-use deployment outputs; required with several. */
  primaryAccount: z.string().min(1).optional(),
  quota: z.array(quotaEntrySchema).default([]),
  /** Log Analytics, diagnostic settings, action group and metric alerts; omitted, none are created. */
  monitoring: monitoringSpecSchema.optional(),
  /** Webhook receiver of the alert action group; keep it `secure:` (URLs often carry a token). */
  alertWebhookUrl: alertWebhookUrlSchema.optional(),
  /** Monthly cost budget on the resource group. */
  budget: budgetSpecSchema.optional(),
  /** Security rule enforcement overrides, exemptions and required tags. */
  policy: policySettingsSchema.prefault({}),
  /** Private endpoints, subnets and private DNS; absent: no private networking. */
  network: networkSpecSchema.optional(),
  /** Managed identities, role assignments, Entra groups and the CI deploy identity. */
  access: accessSpecSchema.prefault({}),
})
  .superRefine((stack, ctx) => {
    addDuplicateIssues(
      ctx,
      stack.accounts.map((a) => a.name),
      (i) => ["accounts", i, "name"],
      "account name",
    );
    const subDomains = stack.accounts.map((a) => a.customSubDomain ?? a.name.toLowerCase());
    subDomains.forEach((subDomain, i) => {
      const account = stack.accounts[i];
      if (account && account.customSubDomain === undefined && !CUSTOM_SUBDOMAIN.pattern.test(subDomain)) {
        ctx.addIssue({
          code: "custom",
          path: ["accounts", i, "customSubDomain"],
          message: `the default subdomain "${subDomain}" (the account name) is not valid; set customSubDomain: ${CUSTOM_SUBDOMAIN.allowed}`,
        });
      }
    });
    addDuplicateIssues(ctx, subDomains, (i) => ["accounts", i, "customSubDomain"], "custom subdomain");

    const openAiPerRegion = new Map<string, number>();
    for (const account of stack.accounts) {
      const region = account.location ?? stack.location;
      openAiPerRegion.set(region, (openAiPerRegion.get(region) ?? 0) + 1);
    }
    for (const [region, count] of openAiPerRegion) {
      if (count > MAX_OPENAI_ACCOUNTS_PER_REGION) {
        ctx.addIssue({
          code: "custom",
          path: ["accounts"],
          message: `${count} accounts in ${region}; a subscription holds at most ${MAX_OPENAI_ACCOUNTS_PER_REGION} per region`,
        });
      }
    }
    const ruleIds = new Set(RULES.map((rule) => rule.id));
    const unknownRule = (id: string) => `unknown rule "${id}"; rules: ${[...ruleIds].join(", ")}`;
    for (const id of Object.keys(stack.policy.enforcement)) {
      if (!ruleIds.has(id))
        ctx.addIssue({ code: "custom", path: ["policy", "enforcement", id], message: unknownRule(id) });
    }
    stack.policy.exemptions.forEach((exemption, i) => {
      if (!ruleIds.has(exemption.rule)) {
        ctx.addIssue({
          code: "custom",
          path: ["policy", "exemptions", i, "rule"],
          message: unknownRule(exemption.rule),
        });
      }
    });
    const resolved = resolveAccounts(stack.accounts, stack.location, stack.environment);
    const crossChecks = [
      ...quotaIssues(stack.quota, resolved),
      ...monitoringIssues(stack),
      ...networkIssues(stack.network, resolved, stack.environment),
      ...primaryAccountIssues(
        stack.primaryAccount,
        stack.accounts.map((a) => a.name),
      ),
      ...accessIssues(
        stack.access,
        stack.accounts.map((a) => a.name),
      ),
    ];
    for (const issue of crossChecks) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  })
  .transform((stack) => ({
    ...stack,
    accounts: resolveAccounts(stack.accounts, stack.location, stack.environment),
    primaryAccount: resolvePrimaryAccount(
      stack.primaryAccount,
      stack.accounts.map((a) => a.name),
    ),
    monitoring: stack.monitoring && resolveMonitoring(stack.monitoring, stack.environment),
  }));

export interface ResolvedAccount extends AccountSpec {
  location: string;
  customSubDomain: string;
  protect: boolean;
}

/** Fills the defaults that depend on stack-wide keys: region, subdomain, protection. */
export function resolveAccounts(
  accounts: readonly AccountSpec[],
  location: string,
  environment: Environment,
): ResolvedAccount[] {
  return accounts.map((account) => ({
    ...account,
    location: account.location ?? location,
    customSubDomain: account.customSubDomain ?? account.name.toLowerCase(),
    protect: account.protect ?? environment === "prod",
  }));
}

export type StackConfigInput = z.input<typeof stackConfigSchema>;
export type StackConfig = z.output<typeof stackConfigSchema>;
