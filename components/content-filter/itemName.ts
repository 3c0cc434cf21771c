/**
 * Blocklist items are named by their content, not their position, so reordering the terms of a
 * blocklist changes nothing in Azure. An adopted item keeps the name Azure has.
 */
import { createHash } from "node:crypto";
import { parseArmId } from "../facts/armIds";
import type { BlocklistTermSpec } from "./spec";

export interface BlocklistItemSettings {
  /** The item's ARM name (raiBlocklistItemName). */
  itemName: string;
  pattern: string;
  isRegex: boolean;
  import?: string;
}

/** `item-` and 16 hex digits of SHA-256 over the match kind and the pattern (RAI names allow 64). */
export function contentItemName(pattern: string, isRegex: boolean): string {
  const digest = createHash("sha256")
    .update(`${isRegex ? "regex" : "exact"}\u0000${pattern}`)
    .digest("hex");
  return `item-${digest.slice(0, 16)}`;
}

export function blocklistItemSettings(term: BlocklistTermSpec): BlocklistItemSettings {
  const adopted =
    term.import === undefined ? undefined : parseArmId("raiBlocklistItem", term.import)?.names[2];
  return {
    itemName: adopted ?? contentItemName(term.pattern, term.regex),
    pattern: term.pattern,
    isRegex: term.regex,
    ...(term.import === undefined ? {} : { import: term.import }),
  };
}
