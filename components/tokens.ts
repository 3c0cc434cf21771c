/**
 * Type tokens of the platform's components. Pulumi's component provider (@pulumi/pulumi
 * provider/experimental, `ComponentProvider.validateResourceType`) accepts only
 * `<package>:index:<Class>`, where the package is package.json's `name`; the tokens before that
 * (`aoai-platform:<module>:<Class>`) stay as aliases, so a stack deployed with them keeps every
 * resource: the engine finds the old URN through the alias and renames instead of replacing.
 */
import type * as pulumi from "@pulumi/pulumi";

export const PACKAGE_NAME = "aoai-platform";

/** The token Pulumi's component provider requires for a component class. */
export const componentType = (className: string): string => `${PACKAGE_NAME}:index:${className}`;

/** The component's options with an alias from the token it was registered under before the index tokens (aoai-platform:<module>:<Class>). */
export function withLegacyType(
  legacyType: string,
  opts: pulumi.ComponentResourceOptions | undefined,
): pulumi.ComponentResourceOptions {
  return { ...opts, aliases: [...(opts?.aliases ?? []), { type: legacyType }] };
}
