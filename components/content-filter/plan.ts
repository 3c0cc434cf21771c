/**
 * Pulumi resource names of a content filter set's blocklists and their items: a pure planner.
 *
 * Blocklists belong to the account (`accounts/{account}/raiBlocklists/{name}`), not to a filter, so
 * each blocklist name is one resource per account, however many filters use it. Names are
 * `${set}-blocklist-${name}` and `${set}-blocklist-${name}-${itemName}`, where an item is named by its
 * content (`item-<16 hex digits>`, itemName.ts) so reordering terms changes nothing; the fixed-length
 * suffix keeps distinct (blocklist, term) pairs apart. An adopted item keeps its Azure name. Before, the filter name was part of
 * the name (`${set}-${filter}-${blocklist}`), and filter `strict` with blocklist `codes-eu` collided with
 * filter `strict-codes` with blocklist `eu`; each resource carries its old name as an alias, so stacks
 * deployed with the old names keep their resources instead of replacing them.
 */
import { blocklistItemSettings } from "./itemName";
import type { BlocklistSpec, ContentFilterSpec } from "./spec";

export interface BlocklistTerm {
  pattern: string;
  isRegex: boolean;
}

export interface PlannedBlocklistItem extends BlocklistTerm {
  resourceName: string;
  /** Names the item had before (per filter, then per position): aliases, so deployed stacks keep it. */
  previousNames: string[];
  /** ARM name of the item under its blocklist. */
  itemName: string;
  /** ARM id of the existing item to adopt. */
  import?: string;
}

export interface PlannedBlocklist {
  spec: BlocklistSpec;
  /** The first filter that declares the blocklist. */
  filter: string;
  resourceName: string;
  previousName: string;
  items: PlannedBlocklistItem[];
}

export function blocklistTerms(blocklist: BlocklistSpec): BlocklistTerm[] {
  return blocklist.terms.map((term) => ({ pattern: term.pattern, isRegex: term.regex }));
}

/** True when two declarations describe the same Azure blocklist (its policy side may differ). */
export function sameBlocklist(a: BlocklistSpec, b: BlocklistSpec): boolean {
  return (
    a.description === b.description && JSON.stringify(blocklistTerms(a)) === JSON.stringify(blocklistTerms(b))
  );
}

export interface BlocklistConflict {
  filter: number;
  blocklist: number;
  /** Index of the filter that declared the blocklist first. */
  firstFilter: number;
  name: string;
}

/**
 * Blocklists declared by more than one filter of an account: the same name (case-insensitive, as ARM
 * names are) with a different description or terms would be two definitions of one Azure resource.
 */
export function blocklistConflicts(filters: readonly ContentFilterSpec[]): BlocklistConflict[] {
  const first = new Map<string, { filter: number; spec: BlocklistSpec }>();
  const conflicts: BlocklistConflict[] = [];
  filters.forEach((filter, f) => {
    filter.blocklists.forEach((blocklist, b) => {
      const key = blocklist.name.toLowerCase();
      const seen = first.get(key);
      if (seen === undefined) first.set(key, { filter: f, spec: blocklist });
      else if (seen.filter !== f && !sameBlocklist(seen.spec, blocklist)) {
        conflicts.push({ filter: f, blocklist: b, firstFilter: seen.filter, name: blocklist.name });
      }
    });
  });
  return conflicts;
}

/** One entry per distinct blocklist name of the account, in declaration order. */
export function planBlocklists(setName: string, filters: readonly ContentFilterSpec[]): PlannedBlocklist[] {
  const planned = new Map<string, PlannedBlocklist>();
  for (const filter of filters) {
    for (const blocklist of filter.blocklists) {
      const key = blocklist.name.toLowerCase();
      if (planned.has(key)) continue;
      const resourceName = `${setName}-blocklist-${blocklist.name}`;
      const previousName = `${setName}-${filter.name}-${blocklist.name}`;
      planned.set(key, {
        spec: blocklist,
        filter: filter.name,
        resourceName,
        previousName,
        items: blocklist.terms.map((term, index) => {
          const item = blocklistItemSettings(term);
          return {
            pattern: item.pattern,
            isRegex: item.isRegex,
            resourceName: `${resourceName}-${item.itemName}`,
            previousNames: [`${previousName}-${index}`, `${resourceName}-item-${index}`],
            itemName: item.itemName,
            ...(item.import === undefined ? {} : { import: item.import }),
          };
        }),
      });
    }
  }
  return [...planned.values()];
}
