/** Content filters (RAI policies) with their blocklists, on one account. */
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as pulumi from "@pulumi/pulumi";
import { raiPolicyProperties } from "./settings";
import type { ContentFilterSpec } from "./spec";

export interface ContentFilterSetArgs {
  accountName: pulumi.Input<string>;
  resourceGroupName: pulumi.Input<string>;
  filters: readonly ContentFilterSpec[];
  tags?: Record<string, string>;
}

/**
 * Blocklists, their items and the RAI policies, created one after another: each is an operation on
 * the account, and Azure rejects concurrent operations on one account with 409 RequestConflict.
 */
export class ContentFilterSet extends pulumi.ComponentResource {
  /** RAI policy name by content filter name, for deployments to reference. */
  readonly policyNames: Record<string, pulumi.Output<string>>;
  /** The last operation of the chain; the account's deployments wait for it. */
  readonly lastOperation: pulumi.Resource | undefined;

  constructor(name: string, args: ContentFilterSetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aoai-platform:contentfilter:ContentFilterSet", name, {}, opts);
    const { accountName, resourceGroupName, tags } = args;
    let previous: pulumi.Resource | undefined;
    const after = () => ({ parent: this, dependsOn: previous ? [previous] : [] });
    this.policyNames = {};

    for (const filter of args.filters) {
      for (const blocklist of filter.blocklists) {
        const list = new cognitiveservices.RaiBlocklist(
          `${name}-${filter.name}-${blocklist.name}`,
          {
            accountName,
            resourceGroupName,
            raiBlocklistName: blocklist.name,
            properties: {
              description: blocklist.description ?? `Blocklist of content filter ${filter.name}`,
            },
            tags,
          },
          after(),
        );
        previous = list;
        blocklist.terms.forEach((term, index) => {
          const pattern = typeof term === "string" ? term : term.pattern;
          const isRegex = typeof term === "string" ? false : term.regex;
          previous = new cognitiveservices.RaiBlocklistItem(
            `${name}-${filter.name}-${blocklist.name}-${index}`,
            {
              accountName,
              resourceGroupName,
              raiBlocklistName: list.name,
              raiBlocklistItemName: `item-${index}`,
              properties: { pattern, isRegex },
              tags,
            },
            after(),
          );
        });
      }
      const policy = new cognitiveservices.RaiPolicy(
        `${name}-${filter.name}`,
        {
          accountName,
          resourceGroupName,
          raiPolicyName: filter.name,
          properties: raiPolicyProperties(filter),
          tags,
        },
        after(),
      );
      previous = policy;
      this.policyNames[filter.name] = policy.name;
    }
    this.lastOperation = previous;
    this.registerOutputs({ policyNames: this.policyNames });
  }
}
