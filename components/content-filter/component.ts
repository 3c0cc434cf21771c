/** Content filters (RAI policies) with their blocklists, on one account. */
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as pulumi from "@pulumi/pulumi";
import { importOptions } from "../facts/adoption";
import { componentType, withLegacyType } from "../tokens";
import { blocklistConflicts, planBlocklists } from "./plan";
import { raiPolicyProperties } from "./settings";
import type { ContentFilterSpec } from "./spec";

export interface ContentFilterSetArgs {
  accountName: pulumi.Input<string>;
  resourceGroupName: pulumi.Input<string>;
  filters: readonly ContentFilterSpec[];
  tags?: Record<string, string>;
}

/**
 * The account's blocklists (one per name, shared by the filters that use it), their items and the RAI
 * policies, created one after another: each is an operation on
 * the account, and Azure rejects concurrent operations on one account with 409 RequestConflict.
 */
export class ContentFilterSet extends pulumi.ComponentResource {
  /** RAI policy name by content filter name, for deployments to reference. */
  readonly policyNames: Record<string, pulumi.Output<string>>;
  /** The last operation of the chain; the account's deployments wait for it. */
  readonly lastOperation: pulumi.Resource | undefined;

  constructor(name: string, args: ContentFilterSetArgs, opts?: pulumi.ComponentResourceOptions) {
    // Refused before anything registers: a half-built component would leave the engine waiting.
    const conflict = blocklistConflicts(args.filters)[0];
    if (conflict) {
      const first = args.filters[conflict.firstFilter]?.name;
      const second = args.filters[conflict.filter]?.name;
      throw new pulumi.ResourceError(
        `content filters "${first}" and "${second}" both declare blocklist "${conflict.name}" with different terms or description; a blocklist belongs to the account, so declare it once (or identically)`,
        undefined,
      );
    }
    super(
      componentType("ContentFilterSet"),
      name,
      {},
      withLegacyType("aoai-platform:contentfilter:ContentFilterSet", opts),
    );
    const { accountName, resourceGroupName, tags } = args;
    let previous: pulumi.Resource | undefined;
    const after = () => ({ parent: this, dependsOn: previous ? [previous] : [] });
    this.policyNames = {};

    for (const planned of planBlocklists(name, args.filters)) {
      const list = new cognitiveservices.RaiBlocklist(
        planned.resourceName,
        {
          accountName,
          resourceGroupName,
          raiBlocklistName: planned.spec.name,
          properties: {
            description: planned.spec.description ?? `Blocklist of content filter ${planned.filter}`,
          },
          tags,
        },
        {
          ...after(),
          aliases: [{ name: planned.previousName }],
          ...importOptions("raiBlocklist", planned.spec.import),
        },
      );
      previous = list;
      for (const item of planned.items) {
        previous = new cognitiveservices.RaiBlocklistItem(
          item.resourceName,
          {
            accountName,
            resourceGroupName,
            raiBlocklistName: list.name,
            raiBlocklistItemName: item.itemName,
            properties: { pattern: item.pattern, isRegex: item.isRegex },
            tags,
          },
          {
            ...after(),
            aliases: item.previousNames.map((previousName) => ({ name: previousName })),
            ...importOptions("raiBlocklistItem", item.import),
          },
        );
      }
    }
    for (const filter of args.filters) {
      const policy = new cognitiveservices.RaiPolicy(
        `${name}-${filter.name}`,
        {
          accountName,
          resourceGroupName,
          raiPolicyName: filter.name,
          properties: raiPolicyProperties(filter),
          tags,
        },
        { ...after(), ...importOptions("raiPolicy", filter.import) },
      );
      previous = policy;
      this.policyNames[filter.name] = policy.name;
    }
    this.lastOperation = previous;
    this.registerOutputs({ policyNames: this.policyNames });
  }
}
