/**
 * The package other languages load: PulumiPlugin.yaml, the provider entry and the schema Pulumi's
 * own inference (the SDK's ComponentProvider and its analyzer, not a re-implementation) derives
 * from the TypeScript source. Slow (the analyzer type-checks the repository): one run for the file.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HOSTED_COMPONENTS } from "../components/hosted";
import { componentType, PACKAGE_NAME } from "../components/tokens";
import pkg from "../package.json";

const ROOT = join(__dirname, "..");

interface SchemaProperty {
  type?: string;
  $ref?: string;
  description?: string;
}
interface PackageSchema {
  name: string;
  version: string;
  resources: Record<
    string,
    {
      isComponent?: boolean;
      inputProperties?: Record<string, SchemaProperty>;
      requiredInputs?: string[];
      properties?: Record<string, SchemaProperty>;
    }
  >;
}

describe("the component package", () => {
  let schema: PackageSchema;
  beforeAll(async () => {
    const provider = new ComponentProvider({
      name: PACKAGE_NAME,
      dirname: ROOT,
      components: HOSTED_COMPONENTS,
    });
    schema = JSON.parse(await provider.getSchema()) as PackageSchema;
  }, 180_000);

  it("PulumiPlugin.yaml declares the nodejs runtime and an entry point that exists", () => {
    const manifest = parse(readFileSync(join(ROOT, "PulumiPlugin.yaml"), "utf8")) as {
      runtime: string;
      main: string;
    };
    expect(manifest.runtime).toBe("nodejs");
    expect(existsSync(join(ROOT, manifest.main))).toBe(true);
    expect(readFileSync(join(ROOT, manifest.main), "utf8")).toMatch(/componentProviderHost\(/);
  });

  it("is named after package.json, at its version", () => {
    expect(schema.name).toBe(pkg.name);
    expect(schema.name).toBe(PACKAGE_NAME);
    expect(schema.version).toBe(pkg.version);
  });

  it("the SDK's inference accepts every hosted component, under the token the class registers", () => {
    expect(Object.keys(schema.resources).sort()).toEqual(
      HOSTED_COMPONENTS.map((c) => componentType(c.name)).sort(),
    );
    for (const resource of Object.values(schema.resources)) {
      expect(resource.isComponent).toBe(true);
      expect(Object.keys(resource.inputProperties ?? {}).length).toBeGreaterThan(0);
    }
  });

  it("carries the args' doc comments as descriptions", () => {
    const group = schema.resources[componentType("PlatformResourceGroup")];
    expect(group?.inputProperties?.existing?.description).toMatch(/existing group/);
    expect(group?.requiredInputs).toEqual(expect.arrayContaining(["name", "location"]));
  });
});
