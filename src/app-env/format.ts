/** Prints app settings as a dotenv file, JSON, or lines for GitHub Actions' $GITHUB_ENV / $GITHUB_OUTPUT. */

export const FORMATS = ["dotenv", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

const PLAIN = /^[A-Za-z0-9_./:@-]*$/;

/** A dotenv value: bare when plain, otherwise double-quoted with `\` and `"` escaped. */
function dotenvValue(value: string): string {
  return PLAIN.test(value) ? value : `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function formatSettings(
  settings: readonly [string, string][],
  format: Format,
  header: string,
): string {
  for (const [name, value] of settings) {
    // A line break would end the entry early in every format (and inject another one).
    if (/[\r\n]/.test(value)) throw new Error(`${name}: a value with a line break cannot be printed`);
  }
  switch (format) {
    case "json":
      return `${JSON.stringify(Object.fromEntries(settings), null, 2)}\n`;
    case "dotenv":
      return [`# ${header}`, ...settings.map(([name, value]) => `${name}=${dotenvValue(value)}`)]
        .join("\n")
        .concat("\n");
    case "github":
      // GitHub reads NAME=value literally (no quotes, no comments) from both files.
      return settings.map(([name, value]) => `${name}=${value}\n`).join("");
  }
}
