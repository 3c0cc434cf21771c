/**
 * Does a regex blocklist term compile? Azure's blocklist documentation says a term may be a regular
 * expression (`isRegex: true`) but names no dialect (https://learn.microsoft.com/azure/ai-services/openai/how-to/use-blocklists,
 * and the Content Safety TextBlocklistItem spec only says "matched as a regular expression"). So the
 * check is what every common dialect (.NET, RE2, ECMAScript) refuses: unbalanced groups or brackets,
 * a quantifier with nothing to repeat, a range out of order, a trailing backslash. The pattern is
 * compiled as an ECMAScript expression after inline flag groups (`(?i)`, `(?i:...)`, which .NET and RE2
 * both accept) and .NET's atomic groups and comments (`(?>...)`, `(?#...)`) are neutralised; a construct
 * only one dialect has is left for Azure to judge.
 */

const INLINE_FLAGS = /\(\?[imnsx]*(?:-[imnsx]+)?\)/g;
const SCOPED_FLAGS = /\(\?[imnsx]+(?:-[imnsx]+)?:|\(\?-[imnsx]+:/g;
/** .NET's atomic groups and comments, which ECMAScript lacks: checked as plain groups / dropped. */
const ATOMIC_GROUP = /\(\?>/g;
const COMMENT = /\(\?#[^)]*\)/g;

/** Why the pattern does not compile, or undefined when it does. */
export function regexTermIssue(pattern: string): string | undefined {
  const portable = pattern
    .replace(COMMENT, "")
    .replace(INLINE_FLAGS, "")
    .replace(SCOPED_FLAGS, "(?:")
    .replace(ATOMIC_GROUP, "(?:");
  try {
    new RegExp(portable);
    return undefined;
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
    return `is not a valid regular expression (${reason})`;
  }
}
