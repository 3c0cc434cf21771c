/**
 * The package other languages load: PulumiPlugin.yaml, the provider entry and the schema Pulumi's
 * own inference (the SDK's ComponentProvider and its analyzer, not a re-implementation) derives
 * from the TypeScript source. Slow (the analyzer type-checks the repository): one run for the file.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  GATEWAY_INBOUND,
  GATEWAY_OUTBOUND,
  GATEWAY_SKUS,
  TOKEN_QUOTA_PERIODS,
} from "../components/facts/gateway";
import { HOSTED_COMPONENTS } from "../components/hosted";
import { componentType, PACKAGE_NAME } from "../components/tokens";
import pkg from "../package.json";
import { formatChange, promiseViolations, schemaChanges, unreleasedVersions } from "../src/schema/compat";
import { formatSchema, generatePackageSchema, SCHEMA_FILE } from "../src/schema/generate";
import type { PackageSchema as GeneratedSchema } from "../src/schema/types";
import { packageSchemaProblems } from "./support/packageMetaschema";

const ROOT = join(__dirname, "..");

const readText = (file: string) => readFileSync(join(ROOT, file), "utf8");

interface SchemaProperty {
  type?: string;
  $ref?: string;
  description?: string;
  plain?: boolean;
  items?: SchemaProperty;
  additionalProperties?: SchemaProperty;
}
interface SchemaType {
  type: string;
  properties?: Record<string, SchemaProperty>;
  required?: string[];
  enum?: { name: string; value: string; description?: string }[];
}
interface PackageSchema {
  name: string;
  version: string;
  types: Record<string, SchemaType>;
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
  let generated: GeneratedSchema;
  beforeAll(async () => {
    generated = await generatePackageSchema(ROOT);
    schema = generated as PackageSchema;
  }, 180_000);

  it("validates against Pulumi's package metaschema and the binder's rules (test/support/packageMetaschema.ts)", () => {
    expect(packageSchemaProblems(generated)).toEqual([]);
  });

  it("schema.json is the generated schema (npm run schema), changed only as the versioning promise allows", () => {
    const checkedIn = JSON.parse(readText(SCHEMA_FILE)) as GeneratedSchema;
    expect(promiseViolations(checkedIn, generated, unreleasedVersions(readText("CHANGELOG.md")))).toEqual([]);
    expect(
      schemaChanges(checkedIn, generated).map(formatChange),
      "schema.json is stale: run npm run schema",
    ).toEqual([]);
    expect(checkedIn, "schema.json is stale: run npm run schema").toEqual(
      JSON.parse(formatSchema(generated)),
    );
  });

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

  it("PrivateNetwork: the network config as inputs, a DNS zone group enum, outputs as maps by key", () => {
    const network = schema.resources[componentType("PrivateNetwork")];
    expect(network?.requiredInputs).toEqual(["resourceGroupName"]);
    const inputs = network?.inputProperties ?? {};
    expect(Object.keys(inputs).sort()).toEqual(
      [
        "dnsZoneGroup",
        "dnsZones",
        "existingDnsZoneIds",
        "linkVnetIds",
        "regions",
        "resourceGroupName",
        "tags",
      ].sort(),
    );
    for (const property of Object.values(inputs)) expect(property.description).toBeTruthy();
    expect(inputs.regions?.additionalProperties?.$ref).toBe(
      `#/types/${componentType("PrivateNetworkRegion")}`,
    );
    expect(inputs.dnsZoneGroup?.$ref).toBe(`#/types/${componentType("DnsZoneGroupMode")}`);
    expect(schema.types[componentType("DnsZoneGroupMode")]?.enum?.map((e) => e.value)).toEqual([
      "stack",
      "policy-managed",
    ]);
    const vnet = schema.types[componentType("PrivateNetworkVnet")];
    expect(vnet?.required?.sort()).toEqual(["addressSpace", "privateEndpointSubnet"]);
    expect(vnet?.properties?.addressSpace?.description).toMatch(/CIDR/);
    for (const output of ["subnetIds", "virtualNetworkIds", "dnsZoneIds"]) {
      expect(network?.properties?.[output]).toMatchObject({
        type: "object",
        additionalProperties: { type: "string" },
      });
    }
  });

  it("PlatformAccess: access config and accounts by reference as inputs, scope and principal enums, login outputs", () => {
    const access = schema.resources[componentType("PlatformAccess")];
    expect(access?.requiredInputs?.sort()).toEqual(["location", "resourceGroupId", "resourceGroupName"]);
    const inputs = access?.inputProperties ?? {};
    for (const property of Object.values(inputs)) expect(property.description).toBeTruthy();
    expect(inputs.accounts?.items?.$ref).toBe(`#/types/${componentType("AccountReference")}`);
    const account = schema.types[componentType("AccountReference")];
    expect(account?.required?.sort()).toEqual(["id", "name"]);
    // The name is plain (it names child resources); the id and the rest are inputs (outputs of other stacks' resources).
    expect(account?.properties?.name?.plain).toBe(true);
    expect(account?.properties?.id?.plain).toBeUndefined();
    const identity = schema.types[componentType("AppIdentity")];
    expect(identity?.required).toEqual(["name", "roles"]);
    expect(identity?.properties?.roles?.description).toMatch(/catalog name/);
    expect(schema.types[componentType("GrantScopeKind")]?.enum?.map((e) => e.value)).toEqual([
      "accounts",
      "resourceGroup",
      "subscription",
    ]);
    expect(schema.types[componentType("PrincipalType")]?.enum?.map((e) => e.value)).toEqual([
      "ServicePrincipal",
      "Group",
      "User",
    ]);
    expect(Object.keys(access?.properties ?? {}).sort()).toEqual(
      ["ciDeployIdentity", "ciPreviewIdentity", "groups", "managedIdentities", "subscriptionId"].sort(),
    );
    expect(access?.properties?.ciDeployIdentity?.$ref).toBe(`#/types/${componentType("CiIdentityOutputs")}`);
    // The CI identities are children of PlatformAccess, not components of the package.
    expect(Object.keys(schema.resources)).not.toContain(componentType("GithubDeployIdentity"));
  });

  /** Where a YAML value does not fit its schema property (nested types, enums, maps, arrays); `${…}` is not checked. */
  const problemsOf = (value: unknown, property: SchemaProperty, at: string): string[] => {
    if (typeof value === "string" && value.includes("${")) return [];
    const ref = property.$ref?.replace("#/types/", "");
    const type = ref === undefined ? undefined : schema.types[ref];
    if (ref !== undefined && type === undefined) return [`${at}: no type ${ref}`];
    if (type?.enum) {
      return type.enum.some((e) => e.value === value)
        ? []
        : [`${at}: ${JSON.stringify(value)} is not in ${ref}`];
    }
    if (type?.properties) {
      if (typeof value !== "object" || value === null) return [`${at}: not an object`];
      const fields = type.properties;
      return [
        ...(type.required ?? []).filter((k) => !(k in value)).map((k) => `${at}.${k}: required`),
        ...Object.entries(value).flatMap(([k, v]) => {
          const field = fields[k];
          return field ? problemsOf(v, field, `${at}.${k}`) : [`${at}.${k}: not in ${ref}`];
        }),
      ];
    }
    if (property.type === "array") {
      if (!Array.isArray(value)) return [`${at}: not a list`];
      return value.flatMap((v, i) => (property.items ? problemsOf(v, property.items, `${at}[${i}]`) : []));
    }
    if (property.type === "object" && property.additionalProperties) {
      if (typeof value !== "object" || value === null) return [`${at}: not a map`];
      const values = property.additionalProperties;
      return Object.entries(value).flatMap(([k, v]) => problemsOf(v, values, `${at}.${k}`));
    }
    if (property.type !== undefined && property.type !== "object" && typeof value !== property.type) {
      return [`${at}: ${JSON.stringify(value)} is not a ${property.type}`];
    }
    return [];
  };

  it("AiGateway: the config shape with its docs, the wiring inputs required, the outputs apps read", () => {
    const gateway = schema.resources[componentType("AiGateway")];
    expect(gateway?.requiredInputs?.sort()).toEqual(
      [
        "accounts",
        "apiVersion",
        "consumers",
        "location",
        "name",
        "pools",
        "publisherEmail",
        "publisherName",
        "resourceGroupName",
        "routes",
        "tenantId",
      ].sort(),
    );
    expect(gateway?.inputProperties?.consumers?.description).toMatch(/token limits/);
    expect(gateway?.inputProperties?.subnet?.description).toMatch(/integration subnet the gateway creates/);
    expect(gateway?.inputProperties?.logAnalyticsWorkspaceId?.description).toMatch(/workspace-based/);
    for (const output of ["endpoint", "serviceId", "principalId", "applicationInsightsId"]) {
      expect(gateway?.properties?.[output]?.type, output).toBe("string");
    }
    // The tiers and networking modes are enums in every language, with the facts' values.
    const enumOf = (name: string) =>
      schema.types?.[`${PACKAGE_NAME}:index:${name}`]?.enum?.map((member) => member.value).sort();
    expect(gateway?.inputProperties?.sku?.$ref).toBe(`#/types/${PACKAGE_NAME}:index:GatewaySku`);
    expect(enumOf("GatewaySku")).toEqual([...GATEWAY_SKUS].sort());
    expect(enumOf("GatewayInbound")).toEqual([...GATEWAY_INBOUND].sort());
    expect(enumOf("GatewayOutbound")).toEqual([...GATEWAY_OUTBOUND].sort());
    expect(enumOf("GatewayPublicNetworkAccess")).toEqual(["Disabled", "Enabled"]);
    expect(enumOf("TokenQuotaPeriod")).toEqual([...TOKEN_QUOTA_PERIODS].sort());
    expect(enumOf("DnsZoneGroupMode")).toEqual(["policy-managed", "stack"]);
    // One enum for who creates zone groups, shared with PrivateNetwork's dnsZoneGroup.
    expect(gateway?.inputProperties?.dnsZoneGroup?.$ref).toBe(
      `#/types/${PACKAGE_NAME}:index:DnsZoneGroupMode`,
    );
  });

  it("PlatformMonitoring: the monitoring config as inputs, what it monitors as references with an input id", () => {
    const monitoring = schema.resources[componentType("PlatformMonitoring")];
    expect(monitoring?.requiredInputs?.sort()).toEqual([
      "actionGroup",
      "location",
      "resourceGroupName",
      "workspace",
    ]);
    expect(monitoring?.inputProperties?.environment?.description).toMatch(/default severities/);
    expect(Object.keys(monitoring?.properties ?? {}).sort()).toEqual(["actionGroupId", "workspaceId"]);
    const type = (name: string) => schema.types?.[`${PACKAGE_NAME}:index:${name}`];
    expect(monitoring?.inputProperties?.alerts?.$ref).toBe(
      `#/types/${PACKAGE_NAME}:index:MonitoringAlertsArgs`,
    );
    expect(type("MonitoringAlertsArgs")?.properties?.gateway?.$ref).toBe(
      `#/types/${PACKAGE_NAME}:index:GatewayAlertsArgs`,
    );
    expect(Object.keys(type("GatewayAlertsArgs")?.properties ?? {}).sort()).toEqual([
      "backendDuration",
      "cpu",
      "serverErrors",
      "throttling",
    ]);
    for (const ref of ["MonitoredAccountArgs", "MonitoredGatewayArgs"]) {
      expect(type(ref)?.required?.sort(), ref).toEqual(["id", "location", "name"]);
      // The id is an input (another resource's output); names and regions are plain: they name children.
      expect(type(ref)?.properties?.id?.plain, ref).toBeUndefined();
      expect(type(ref)?.properties?.name?.plain, ref).toBe(true);
    }
    const monitoringTypes = Object.entries(schema.types ?? {}).filter(([name]) =>
      /:index:(Monitor|MetricAlertArgs|GatewayAlertsArgs)/.test(name),
    );
    expect(monitoringTypes.length).toBeGreaterThanOrEqual(10);
    for (const [name, definition] of monitoringTypes) {
      for (const [key, property] of Object.entries(definition.properties ?? {})) {
        expect(property.description, `${name}.${key}`).toBeTruthy();
      }
    }
  });

  it("examples/yaml: every aoai-platform type, property and reference is in the schema", () => {
    const program = parse(readText("examples/yaml/Pulumi.yaml")) as {
      resources: Record<string, { type: string; properties?: Record<string, unknown> }>;
      outputs?: Record<string, string>;
    };
    const ours = Object.entries(program.resources).filter(([, r]) => r.type.startsWith(`${PACKAGE_NAME}:`));
    expect(ours.map(([, r]) => r.type).sort()).toEqual(Object.keys(schema.resources).sort());
    for (const [, { type, properties = {} }] of ours) {
      const resource = schema.resources[type];
      expect(resource, type).toBeDefined();
      expect(
        Object.keys(properties).filter((k) => !(k in (resource?.inputProperties ?? {}))),
        type,
      ).toEqual([]);
      expect(
        (resource?.requiredInputs ?? []).filter((k) => !(k in properties)),
        type,
      ).toEqual([]);
      const inputs = resource?.inputProperties ?? {};
      expect(
        Object.entries(properties).flatMap(([key, value]) =>
          inputs[key] ? problemsOf(value, inputs[key], `${type}.${key}`) : [],
        ),
      ).toEqual([]);
    }
    // ${resource.property} (and ${resource.property.key}) references must name an output of that component.
    const text = readText("examples/yaml/Pulumi.yaml");
    for (const [, ref, property] of text.matchAll(/\$\{(\w+)\.(\w+)[}.[]/g)) {
      const type = program.resources[ref ?? ""]?.type ?? "";
      if (!type.startsWith(`${PACKAGE_NAME}:`)) continue;
      expect(Object.keys(schema.resources[type]?.properties ?? {}), `${ref}.${property}`).toContain(property);
    }
  });

  it("examples/python: every class and keyword argument is in the schema (snake_case of the property)", () => {
    const source = readText("examples/python/__main__.py");
    const calls = [...source.matchAll(/aoai\.(\w+)\(\s*"[^"]+",([^)]*)\)/g)];
    expect(calls.map(([, cls]) => componentType(cls ?? "")).sort()).toEqual(
      Object.keys(schema.resources).sort(),
    );
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    for (const [, cls, body] of calls) {
      const inputs = Object.keys(schema.resources[componentType(cls ?? "")]?.inputProperties ?? {}).map(
        snake,
      );
      const kwargs = [...(body ?? "").matchAll(/(\w+)=/g)].map(([, k]) => k);
      expect(
        kwargs.filter((k) => !inputs.includes(k ?? "")),
        cls,
      ).toEqual([]);
    }
  });
});
