/**
 * The package schema, from Pulumi's own inference: the SDK's ComponentProvider (the analyzer in
 * @pulumi/pulumi provider/experimental) over the hosted components, as `pulumi package add` gets it.
 * Slow (the analyzer type-checks the repository): about 20 s.
 */
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { HOSTED_COMPONENTS } from "../../components/hosted";
import { PACKAGE_NAME } from "../../components/tokens";
import type { PackageSchema } from "./types";

/** The checked-in schema, relative to the repository root: the contract the versioning promise is about. */
export const SCHEMA_FILE = "schema.json";

export async function generatePackageSchema(root: string): Promise<PackageSchema> {
  const provider = new ComponentProvider({
    name: PACKAGE_NAME,
    dirname: root,
    components: HOSTED_COMPONENTS,
  });
  return JSON.parse(await provider.getSchema()) as PackageSchema;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** The file's text: keys sorted (a stable diff whatever order the analyzer emits), two-space indent. */
export function formatSchema(schema: PackageSchema): string {
  return `${JSON.stringify(sortKeys(schema), null, 2)}\n`;
}
