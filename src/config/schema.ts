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
  satisfiesNameRule,
} from "../../components/facts/names";
import { DEPLOYMENT_SKUS } from "../../components/facts/skus";
import {
  MAX_TAG_NAME_LENGTH,
  MAX_TAG_VALUE_LENGTH,
  MAX_TAGS_PER_RESOURCE,
  platformTagValues,
} from "../../components/facts/tags";
import { gatewaySpecSchema } from "../../components/gateway/spec";
import { monitoringSpecSchema } from "../../components/monitoring/spec";
import { networkSpecSchema } from "../../components/network/spec";
import { addDuplicateIssues, azureName, azureRegion, strictObject } from "../../components/validation";
import { RULES } from "../../policy/rules/catalog";
import { policySettingsSchema } from "../../policy/rules/settings";
import { accessIssues } from "./access";
import { adoptionIssues } from "./adoption";
import { gatewayIssues, gatewayLocation } from "./gateway";
import { alertWebhookUrlSchema, budgetStartIssues, monitoringIssues, resolveMonitoring } from "./monitoring";
import { networkIssues, usesPrivateEndpoints } from "./network";
import { approvedModelIssues } from "./policy";
import { primaryAccountIssues, resolvePrimaryAccount } from "./primaryAccount";
import { quotaIssues } from "./quota";
import { regionIssues } from "./regions";
import { ENVIRONMENTS, type Environment, type ResolvedAccount } from "./types";

const tagsSchema = z.record(
  z.string().regex(new RegExp(`^[^<>%&\\\\?/]{1,${MAX_TAG_NAME_LENGTH}}$`), {
    error: `tag names are 1-${MAX_TAG_NAME_LENGTH} characters without < > % & \\ ? /`,
  }),
  z
    .string()
    .max(MAX_TAG_VALUE_LENGTH, { error: `tag values are at most ${MAX_TAG_VALUE_LENGTH} characters` }),
);

/**
 * Tags on every resource: the stack's plus the platform's own. The platform's cannot be changed (a
 * cost report must be able to trust `environment`), names are case-insensitive in Azure, and the total
 * counts against Azure's 50.
 */
function tagIssues(tags: Record<string, string>, environment: Environment): StackIssue[] {
  const issues: StackIssue[] = [];
  const platform = platformTagValues(environment);
  const platformByLower = new Map(Object.keys(platform).map((name) => [name.toLowerCase(), name]));
  const seen = new Map<string, string>();
  for (const [name, value] of Object.entries(tags)) {
    const lower = name.toLowerCase();
    const earlier = seen.get(lower);
    if (earlier !== undefined) {
      issues.push({
        path: ["tags", name],
        message: `the same tag as "${earlier}": Azure tag names are case-insensitive`,
      });
    }
    seen.set(lower, name);
    const own = platformByLower.get(lower);
    if (own !== undefined && (own !== name || platform[own] !== value)) {
      issues.push({
        path: ["tags", name],
        message: `"${own}" is the platform's own tag (${own}: ${platform[own]}) on every resource; it cannot be overridden${own === "environment" ? " (set the stack's environment key instead)" : ""}`,
      });
    }
  }
  const total = new Set([...Object.keys(platform), ...Object.keys(tags)].map((n) => n.toLowerCase())).size;
  if (total > MAX_TAGS_PER_RESOURCE) {
    issues.push({
      path: ["tags"],
      message: `${total} tags per resource with the platform's ${Object.keys(platform).join(", ")}; Azure allows at most ${MAX_TAGS_PER_RESOURCE}`,
    });
  }
  return issues;
}

interface StackIssue {
  path: PropertyKey[];
  message: string;
}

/** A real calendar date (2024-02-30 is not), as an API version date must be. */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text.slice(0, 10);
}

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

/**
 * The stack schema. Rules that depend on today (the budget's start window) read `clock`, so tests pass
 * a fixed day; the program and the plan use the real clock.
 */
export function createStackConfigSchema(clock: () => Date = () => new Date()) {
  return strictObject({
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
      .refine((version) => version === "v1" || isCalendarDate(version), {
        error: "is not a real date; API versions are release dates such as 2024-10-21",
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
    /** The AI gateway (API Management v2) in front of the accounts; absent: apps call the accounts. */
    gateway: gatewaySpecSchema.optional(),
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
        if (
          account &&
          account.customSubDomain === undefined &&
          !satisfiesNameRule(CUSTOM_SUBDOMAIN, subDomain)
        ) {
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
      // `azure:<assignment>[/<reference id>]` names an Azure Policy finding (policy/azure); the
      // assignments are only known once the policy files are read, so any such id is accepted here.
      const known = (id: string) => ruleIds.has(id) || /^azure:.+/.test(id);
      const unknownRule = (id: string) =>
        `unknown rule "${id}"; rules: ${[...ruleIds].join(", ")}, or azure:<assignment>[/<reference id>]`;
      for (const id of Object.keys(stack.policy.enforcement)) {
        if (!ruleIds.has(id))
          ctx.addIssue({ code: "custom", path: ["policy", "enforcement", id], message: unknownRule(id) });
      }
      stack.policy.exemptions.forEach((exemption, i) => {
        if (!known(exemption.rule)) {
          ctx.addIssue({
            code: "custom",
            path: ["policy", "exemptions", i, "rule"],
            message: unknownRule(exemption.rule),
          });
        }
      });
      const resolved = resolveAccounts(stack.accounts, stack.location, stack.environment);
      const crossChecks = [
        ...tagIssues(stack.tags, stack.environment),
        ...regionIssues(stack),
        ...(stack.budget ? budgetStartIssues(stack.budget.startDate, clock()) : []),
        ...quotaIssues(stack.quota, resolved),
        ...monitoringIssues(stack),
        ...networkIssues(stack.network, resolved, stack.environment),
        ...primaryAccountIssues(
          stack.primaryAccount,
          stack.accounts.map((a) => a.name),
        ),
        ...approvedModelIssues(stack.policy.approvedModels, stack.accounts),
        ...accessIssues(
          stack.access,
          stack.accounts.map((a) => a.name),
        ),
        ...adoptionIssues(stack.accounts, stack.resourceGroup.name, usesPrivateEndpoints(stack.network)),
        ...gatewayIssues(stack.gateway, {
          accounts: resolved,
          access: stack.access,
          environment: stack.environment,
          apiVersion: stack.apiVersion,
          network: stack.network,
          resourceGroupName: stack.resourceGroup.name,
          location: gatewayLocation(stack),
          monitoring: stack.monitoring !== undefined,
        }),
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
}

export const stackConfigSchema = createStackConfigSchema();

/** Fills the defaults that depend on stack-wide keys: region, subdomain, protection, Defender for AI. */
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
    lock: account.lock ?? (environment === "prod" ? "CanNotDelete" : "None"),
    defenderForAI: account.defenderForAI ?? environment === "prod",
  }));
}

export type StackConfigInput = z.input<typeof stackConfigSchema>;
export type StackConfig = z.output<typeof stackConfigSchema>;
