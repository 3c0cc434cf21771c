/** Every rule, in report order. */
import { ACCOUNT_RULES } from "./account";
import { APIM_RULES } from "./apim";
import { contentFilterStrength } from "./contentFilter";
import { GRAPH_RULES } from "./graph";
import { noKeysInOutputs } from "./outputs";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  ...ACCOUNT_RULES,
  ...GRAPH_RULES,
  ...APIM_RULES,
  contentFilterStrength,
  noKeysInOutputs,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
