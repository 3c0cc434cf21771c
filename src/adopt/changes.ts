/**
 * What the stack will change on each adopted resource: the values adopt found in Azure compared
 * with the inputs the program sends, in plain words. The first `pulumi up` imports the resources as
 * they are (components/facts/adoption.ts); the deploy after the `import` keys are removed makes
 * these changes.
 */
import { isDeepStrictEqual } from "node:util";
import { SOFT_DELETE_RETENTION_HOURS } from "../../components/facts/replacement";
import type { Finding } from "../plan/finding";
import type { AdoptedResource, AdoptionChange } from "../plan/model";
import type { PlannedResource } from "../plan/resource";
import type { ObservedState } from "./observed";

type Explain = (from: unknown, to: unknown) => string | undefined;

const show = (value: unknown) => (value === null || value === undefined ? "none" : JSON.stringify(value));

/** Plain words per type token and input path; paths without an entry get a generic line. */
const EXPLAIN: Record<string, Record<string, Explain>> = {
  "azure-native:cognitiveservices:Account": {
    "properties.customSubDomainName": (from, to) =>
      from === null || from === undefined
        ? `gets the custom subdomain ${String(to)} (https://${String(to)}.openai.azure.com/): Entra ID tokens and private endpoints need one; it can be set once and never changed or removed, and apps move from the regional endpoint to this one`
        : `has the custom subdomain ${String(from)}, which can never change: set customSubDomain: ${String(from)} (Azure rejects ${String(to)})`,
    "properties.disableLocalAuth": (_from, to) =>
      to === true
        ? "disables local (API key) authentication: apps still calling with an api-key get 401; move them to Entra ID (DefaultAzureCredential, role Cognitive Services OpenAI User) first"
        : "enables local (API key) authentication: anyone holding a key can call the account",
    "properties.publicNetworkAccess": (_from, to) =>
      to === "Disabled"
        ? "disables public network access: every caller outside the account's private endpoints is refused (403)"
        : "enables public network access (limited by the network ACLs)",
    "properties.networkAcls.defaultAction": (_from, to) =>
      to === "Deny"
        ? "sets the network ACL default action to Deny: only the listed IP ranges (and private endpoints) get through"
        : "sets the network ACL default action to Allow: any address on the internet may call",
    "properties.networkAcls.ipRules": (from, to) =>
      `changes the allowed IP ranges from ${show(from)} to ${show(to)}`,
    "properties.restrictOutboundNetworkAccess": (_from, to) =>
      to === true
        ? "restricts outbound network access: the account may only call allowedFqdns (e.g. search endpoints for On Your Data)"
        : "lifts the outbound network restriction",
    "identity.type": (from, to) => `identity ${show(from)} becomes ${show(to)}`,
    kind: (from, to) =>
      `kind ${show(from)} in Azure, ${show(to)} in the stack: the kind cannot change; set kind: ${String(from)}`,
  },
  "azure-native:cognitiveservices:Deployment": {
    "sku.capacity": (from, to) =>
      typeof from === "number" && typeof to === "number" && to < from
        ? `capacity is cut from ${from} to ${to}: traffic above the new limit is throttled (429)`
        : `capacity changes from ${show(from)} to ${show(to)} (quota is drawn for the difference)`,
    "properties.model.version": (from, to) =>
      `model version changes from ${show(from)} to ${show(to)}: answers may change`,
    "properties.raiPolicyName": (from, to) => `content filter changes from ${show(from)} to ${show(to)}`,
  },
};

/** Values at a dotted path of the program's inputs. */
function valueAt(inputs: Record<string, unknown>, path: string): unknown {
  let value: unknown = inputs;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const normalize = (value: unknown) => (value === undefined ? null : value);

/** What changing one input does, in plain words; undefined when there is nothing more to say than the values. */
export function explainChange(type: string, path: string, from: unknown, to: unknown): string | undefined {
  return EXPLAIN[type]?.[path]?.(normalize(from), normalize(to));
}

function changesOf(resource: PlannedResource, values: Record<string, unknown>): AdoptionChange[] {
  return Object.entries(values).flatMap(([path, from]): AdoptionChange[] => {
    const to = normalize(valueAt(resource.inputs, path));
    if (isDeepStrictEqual(normalize(from), to)) return [];
    const message =
      explainChange(resource.type, path, from, to) ?? `${path} changes from ${show(from)} to ${show(to)}`;
    return [{ path, from: normalize(from), to, message }];
  });
}

/** Adopted resources of the plan with what the stack changes on each (none known without a snapshot). */
export function adoptedResources(
  resources: readonly PlannedResource[],
  observed: ObservedState | undefined,
): AdoptedResource[] {
  const found = new Map((observed?.resources ?? []).map((r) => [r.id.toLowerCase(), r]));
  return resources.flatMap((resource): AdoptedResource[] => {
    if (resource.import === null) return [];
    const snapshot = found.get(resource.import.toLowerCase());
    return [
      {
        urn: resource.urn,
        type: resource.type,
        id: resource.import,
        observed: snapshot !== undefined,
        changes: snapshot ? changesOf(resource, snapshot.values) : [],
      },
    ];
  });
}

export function adoptionFindings(
  adopted: readonly AdoptedResource[],
  observed: ObservedState | undefined,
): Finding[] {
  const findings = adopted.flatMap((resource): Finding[] => {
    if (!resource.observed) {
      return [
        {
          rule: "adopt.unknown-current-state",
          severity: "warning",
          urn: resource.urn,
          message: `${resource.id} is adopted but no adopt snapshot describes it (Pulumi.<stack>.adopted.json): what the stack changes on it is unknown; run npm run adopt or pulumi preview`,
        },
      ];
    }
    return resource.changes.map(
      (change): Finding => ({
        rule: "adopt.change",
        severity: "warning",
        urn: resource.urn,
        message: `adopted ${resource.id.split("/").slice(-1)[0]}: ${change.message} (${change.path}; applied by the deploy after the import keys are removed)`,
      }),
    );
  });
  for (const missed of observed?.notAdopted ?? []) {
    findings.push({
      rule: "adopt.not-adopted",
      severity: "warning",
      urn: null,
      message: `${missed.id} (${missed.type}) is not in the stack: ${missed.reason}`,
    });
  }
  return findings;
}

/** An account with `restore: true` is recovered from soft delete instead of created. */
export function restoreFindings(resources: readonly PlannedResource[]): Finding[] {
  return resources.flatMap((resource): Finding[] => {
    const properties = resource.inputs.properties as Record<string, unknown> | undefined;
    if (resource.type !== "azure-native:cognitiveservices:Account" || properties?.restore !== true) return [];
    const name = String(resource.inputs.accountName ?? resource.name);
    return [
      {
        rule: "account.restore",
        severity: "warning",
        urn: resource.urn,
        message: `account ${name} is restored: Azure recovers the soft-deleted account of this name (kept ${SOFT_DELETE_RETENTION_HOURS} hours after deletion, with its subdomain) instead of creating a new one. It applies only while such an account exists (npm run preflight lists them); remove restore: true once it is back`,
      },
    ];
  });
}
