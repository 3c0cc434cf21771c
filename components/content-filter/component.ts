/** Content filters (RAI policies) with their blocklists, on one account. */
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as pulumi from "@pulumi/pulumi";
import { importOptions } from "../facts/adoption";
import { blocklistItemSettings } from "./itemName";
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
          { ...after(), ...importOptions("raiBlocklist", blocklist.import) },
        );
        previous = list;
        blocklist.terms.forEach((term, index) => {
          const item = blocklistItemSettings(term);
          const itemResource = `${name}-${filter.name}-${blocklist.name}`;
          previous = new cognitiveservices.RaiBlocklistItem(
            `${itemResource}-${item.itemName}`,
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
              ...importOptions("raiBlocklistItem", item.import),
              // Items were named by position before; the state of such a stack finds them by that name.
              aliases: [{ name: `${itemResource}-${index}` }],
            },
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
        { ...after(), ...importOptions("raiPolicy", filter.import) },
      );
      previous = policy;
      this.policyNames[filter.name] = policy.name;
    }
    this.lastOperation = previous;
    this.registerOutputs({ policyNames: this.policyNames });
  }
}
