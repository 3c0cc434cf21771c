/**
 * The package other languages load: PulumiPlugin.yaml, the provider entry and the schema Pulumi's
 * own inference (the SDK's ComponentProvider and its analyzer, not a re-implementation) derives
 * from the TypeScript source. Slow (the analyzer type-checks the repository): one run for the file.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ACCOUNT_KINDS } from "../components/account/spec";
import { VERSION_UPGRADE_OPTIONS } from "../components/deployments/spec";
import {
  GATEWAY_INBOUND,
  GATEWAY_OUTBOUND,
  GATEWAY_SKUS,
  TOKEN_QUOTA_PERIODS,
} from "../components/facts/gateway";
import { DEPLOYMENT_SKUS } from "../components/facts/skus";
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
  enum?: { name?: string; value: string; description?: string }[];
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

  it("names no type …Args: the Python, Go and .NET SDKs add that suffix to input types themselves", () => {
    expect(Object.keys(schema.types).filter((token) => token.endsWith("Args"))).toEqual([]);
  });

  it("documents every input, output and type property of every hosted component (every language's docs)", () => {
    const undocumented = [
      ...Object.entries(schema.resources).flatMap(([token, r]) => [
        ...Object.entries(r.inputProperties ?? {}).map(([k, p]) => [`${token} input ${k}`, p] as const),
        ...Object.entries(r.properties ?? {}).map(([k, p]) => [`${token} output ${k}`, p] as const),
      ]),
      ...Object.entries(schema.types).flatMap(([token, t]) =>
        Object.entries(t.properties ?? {}).map(([k, p]) => [`${token}.${k}`, p] as const),
      ),
    ]
      .filter(([, property]) => !property.description)
      .map(([where]) => where);
    expect(undocumented).toEqual([]);
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
    expect(monitoring?.inputProperties?.alerts?.$ref).toBe(`#/types/${PACKAGE_NAME}:index:MonitoringAlerts`);
    expect(type("MonitoringAlerts")?.properties?.gateway?.$ref).toBe(
      `#/types/${PACKAGE_NAME}:index:GatewayAlerts`,
    );
    expect(Object.keys(type("GatewayAlerts")?.properties ?? {}).sort()).toEqual([
      "backendDuration",
      "cpu",
      "serverErrors",
      "throttling",
    ]);
    for (const ref of ["MonitoredAccount", "MonitoredGateway"]) {
      expect(type(ref)?.required?.sort(), ref).toEqual(["id", "location", "name"]);
      // The id is an input (another resource's output); names and regions are plain: they name children.
      expect(type(ref)?.properties?.id?.plain, ref).toBeUndefined();
      expect(type(ref)?.properties?.name?.plain, ref).toBe(true);
    }
    const monitoringTypes = Object.entries(schema.types ?? {}).filter(([name]) =>
      /:index:(Monitor|MetricAlert|GatewayAlerts)/.test(name),
    );
    expect(monitoringTypes.length).toBeGreaterThanOrEqual(10);
    for (const [name, definition] of monitoringTypes) {
      for (const [key, property] of Object.entries(definition.properties ?? {})) {
        expect(property.description, `${name}.${key}`).toBeTruthy();
      }
    }
  });

  it("OpenAIAccount: its args and every type under them carry descriptions; only name and resource group are required", () => {
    const account = schema.resources[componentType("OpenAIAccount")];
    expect(account?.requiredInputs?.sort()).toEqual(["name", "resourceGroupName"]);
    expect(account?.inputProperties?.customSubDomain?.description).toMatch(/account name in lower case/);
    expect(account?.inputProperties?.location?.description).toMatch(/resource group's region/);
    const typeOf = (ref: string | undefined) => schema.types?.[(ref ?? "").replace("#/types/", "")];
    // Walk the args' object types: every property documented (they are every language's docs).
    const seen = new Set<string>();
    const undocumented: string[] = [];
    const walk = (owner: string, properties: Record<string, SchemaProperty>) => {
      for (const [key, property] of Object.entries(properties)) {
        if (!property.description) undocumented.push(`${owner}.${key}`);
        const ref = property.$ref ?? property.items?.$ref ?? property.additionalProperties?.$ref;
        const type = typeOf(ref);
        if (ref && type?.properties && !seen.has(ref)) {
          seen.add(ref);
          walk(ref, type.properties);
        }
      }
    };
    walk("OpenAIAccount", account?.inputProperties ?? {});
    walk("OpenAIAccount outputs", account?.properties ?? {});
    expect(undocumented).toEqual([]);
    expect([...seen].length).toBeGreaterThanOrEqual(10);
    // Python, Go and C# add "Args" to input type names themselves (no ModelDeploymentArgsArgs).
    expect([...seen].filter((ref) => ref.endsWith("Args"))).toEqual([]);
    const deployment = typeOf(account?.inputProperties?.deployments?.items?.$ref);
    expect(deployment?.required?.sort()).toEqual(["capacity", "model", "name", "sku", "version"]);
    expect(Object.keys(account?.properties ?? {})).toEqual(
      expect.arrayContaining([
        "accountId",
        "accountName",
        "endpoint",
        "principalId",
        "deployments",
        "modelDeployments",
      ]),
    );
    expect(Object.keys(account?.properties ?? {}).filter((k) => /key|secret/i.test(k))).toEqual([]);
  });

  it("OpenAIAccount: kind, SKU and version upgrade option are enums of the spec's values", () => {
    const account = schema.resources[componentType("OpenAIAccount")];
    const enumValues = (ref: string | undefined) =>
      schema.types?.[(ref ?? "").replace("#/types/", "")]?.enum?.map((e) => e.value);
    expect(enumValues(account?.inputProperties?.kind?.$ref)).toEqual([...ACCOUNT_KINDS]);
    const deployment =
      schema.types?.[(account?.inputProperties?.deployments?.items?.$ref ?? "").replace("#/types/", "")];
    expect(enumValues(deployment?.properties?.sku?.$ref)).toEqual([...DEPLOYMENT_SKUS]);
    expect(enumValues(deployment?.properties?.versionUpgradeOption?.$ref)).toEqual([
      ...VERSION_UPGRADE_OPTIONS,
    ]);
  });

  /** What a value breaks of a schema property: unknown keys, missing required ones, wrong types, enum values. */
  function problemsOf(value: unknown, property: SchemaProperty, at: string): string[] {
    // ${resource.output} and ${config} references are checked apart (outputs) or are the stack's.
    if (typeof value === "string" && /^\$\{[^}]+\}$/.test(value)) return [];
    const ref = property.$ref?.replace("#/types/", "");
    if (ref !== undefined) {
      const type = schema.types?.[ref];
      if (!type) return [`${at}: no type ${ref} in the schema`];
      if (type.enum) {
        const values = type.enum.map((e) => e.value);
        return values.includes(value as string)
          ? []
          : [`${at}: ${JSON.stringify(value)} is not one of ${values}`];
      }
      return objectProblems(value, type.properties ?? {}, type.required ?? [], at);
    }
    if (property.type === "array") {
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((item, i) => problemsOf(item, property.items ?? {}, `${at}[${i}]`));
    }
    if (property.type === "object") {
      if (value === null || typeof value !== "object") return [`${at}: not an object`];
      return Object.entries(value).flatMap(([k, v]) =>
        problemsOf(v, property.additionalProperties ?? {}, `${at}.${k}`),
      );
    }
    return property.type === undefined || typeof value === property.type
      ? []
      : [`${at}: ${JSON.stringify(value)} is not a ${property.type}`];
  }

  function objectProblems(
    value: unknown,
    properties: Record<string, SchemaProperty>,
    required: readonly string[],
    at: string,
  ): string[] {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return [`${at}: not an object`];
    const given = value as Record<string, unknown>;
    return [
      ...Object.entries(given).flatMap(([key, v]) => {
        const property = properties[key];
        return property ? problemsOf(v, property, `${at}.${key}`) : [`${at}.${key}: not in the schema`];
      }),
      ...required.filter((key) => !(key in given)).map((key) => `${at}.${key}: required, missing`),
    ];
  }

  type YamlProgram = {
    resources: Record<string, { type: string; properties?: Record<string, unknown> }>;
    outputs?: Record<string, string>;
  };
  const yamlProblems = (program: YamlProgram) =>
    Object.entries(program.resources)
      .filter(([, r]) => r.type.startsWith(`${PACKAGE_NAME}:`))
      .flatMap(([name, { type, properties = {} }]) => {
        const resource = schema.resources[type];
        if (!resource) return [`${name}: no resource ${type} in the schema`];
        return objectProblems(
          properties,
          resource.inputProperties ?? {},
          resource.requiredInputs ?? [],
          name,
        );
      });

  it("examples/yaml: every aoai-platform type, property (at every depth), enum value and reference is in the schema", () => {
    const program = parse(readText("examples/yaml/Pulumi.yaml")) as YamlProgram;
    const ours = Object.values(program.resources).filter((r) => r.type.startsWith(`${PACKAGE_NAME}:`));
    expect(ours.map((r) => r.type).sort()).toEqual(Object.keys(schema.resources).sort());
    expect(yamlProblems(program)).toEqual([]);
    // ${resource.property} references must name an output of that component.
    const text = readText("examples/yaml/Pulumi.yaml");
    for (const [, ref, property] of text.matchAll(/\$\{(\w+)\.(\w+)[}.[]/g)) {
      const type = program.resources[ref ?? ""]?.type ?? "";
      if (!type.startsWith(`${PACKAGE_NAME}:`)) continue;
      expect(Object.keys(schema.resources[type]?.properties ?? {}), `${ref}.${property}`).toContain(property);
    }
  });

  it("the YAML check finds a nested unknown key, a bad enum value, a wrong type and a missing required key", () => {
    const program = parse(readText("examples/yaml/Pulumi.yaml")) as YamlProgram;
    const account = program.resources.account?.properties as {
      deployments: Record<string, unknown>[];
      contentFilters: { blocklists: { terms: Record<string, unknown>[] }[] }[];
    };
    const [deployment] = account.deployments;
    if (!deployment) throw new Error("examples/yaml: the account has no deployment");
    deployment.sku = "Premium";
    deployment.capacity = "lots";
    delete deployment.model;
    const term = account.contentFilters[0]?.blocklists[0]?.terms[0];
    if (term) term.caseSensitive = true;
    expect(yamlProblems(program)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^account\.deployments\[0\]\.sku: "Premium" is not one of /),
        'account.deployments[0].capacity: "lots" is not a number',
        "account.deployments[0].model: required, missing",
        "account.contentFilters[0].blocklists[0].terms[0].caseSensitive: not in the schema",
      ]),
    );
  });

  /** A Python expression as far as the example needs: literals, `aoai.X(...)` calls, anything else opaque. */
  type PyNode =
    | { kind: "str"; value: string }
    | { kind: "dict"; entries: [string, PyNode][] }
    | { kind: "list"; items: PyNode[] }
    | { kind: "call"; cls: string; kwargs: [string, PyNode][] }
    | { kind: "other"; text: string };

  function parsePython(source: string, from: number): { node: PyNode; end: number } {
    let i = from;
    const skip = () => {
      while (i < source.length) {
        if (/\s|,/.test(source[i] ?? "")) i++;
        else if (source[i] === "#")
          i = source.indexOf("\n", i) === -1 ? source.length : source.indexOf("\n", i);
        else break;
      }
    };
    const value = (): PyNode => {
      skip();
      const c = source[i];
      if (c === '"') {
        const close = source.indexOf('"', i + 1);
        const node: PyNode = { kind: "str", value: source.slice(i + 1, close) };
        i = close + 1;
        return node;
      }
      if (c === "{" || c === "[") {
        const closing = c === "{" ? "}" : "]";
        i++;
        const entries: [string, PyNode][] = [];
        const items: PyNode[] = [];
        for (skip(); source[i] !== closing; skip()) {
          const item = value();
          skip();
          if (source[i] === ":") {
            i++;
            entries.push([item.kind === "str" ? item.value : "?", value()]);
          } else items.push(item);
        }
        i++;
        return c === "{" ? { kind: "dict", entries } : { kind: "list", items };
      }
      const call = /^aoai\.(\w+)\(/.exec(source.slice(i));
      if (call) {
        i += call[0].length;
        const kwargs: [string, PyNode][] = [];
        for (skip(); source[i] !== ")"; skip()) {
          const kw = /^(\w+)=(?!=)/.exec(source.slice(i));
          if (kw) i += kw[0].length;
          const argument = value();
          if (kw) kwargs.push([kw[1] ?? "", argument]);
        }
        i++;
        return { kind: "call", cls: call[1] ?? "", kwargs };
      }
      // Opaque: names, attributes, numbers and calls of other objects, e.g. config.require("subnetId").
      const start = i;
      let depth = 0;
      while (i < source.length) {
        const ch = source[i] ?? "";
        if (ch === "(" || ch === "[") depth++;
        else if (ch === ")" || ch === "]") {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && /[,}\s:]/.test(ch)) break;
        else if (ch === '"') i = source.indexOf('"', i + 1);
        i++;
      }
      return { kind: "other", text: source.slice(start, i) };
    };
    const node = value();
    return { node, end: i };
  }

  function pythonProblems(source: string): { problems: string[]; resources: string[] } {
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    // Python's SDK names enum members in upper snake case: GlobalStandard -> GLOBAL_STANDARD.
    const upperSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
    const problems: string[] = [];
    const checkFields = (
      fields: [string, PyNode][],
      properties: Record<string, SchemaProperty>,
      required: readonly string[],
      at: string,
    ) => {
      const bySnake = new Map(Object.entries(properties).map(([k, p]) => [snake(k), p]));
      for (const [key, node] of fields) {
        const property = bySnake.get(key);
        if (property) checkNode(node, property, `${at}.${key}`);
        else problems.push(`${at}.${key}: not in the schema`);
      }
      const given = fields.map(([key]) => key);
      for (const key of required.map(snake))
        if (!given.includes(key)) problems.push(`${at}.${key}: required, missing`);
    };
    const checkNode = (node: PyNode, property: SchemaProperty, at: string) => {
      const ref = property.$ref?.replace("#/types/", "");
      const type = ref === undefined ? undefined : schema.types?.[ref];
      const name = (ref ?? "").replace(`${PACKAGE_NAME}:index:`, "");
      if (type?.enum) {
        const members = type.enum.map((e) => `aoai.${name}.${upperSnake(e.name ?? e.value)}`);
        const values = type.enum.map((e) => e.value);
        const ok =
          node.kind === "str"
            ? values.includes(node.value)
            : node.kind === "other" && members.includes(node.text);
        if (!ok) problems.push(`${at}: not a member of ${name}`);
      } else if (type) {
        if (node.kind === "call" && node.cls !== `${name}Args`)
          problems.push(`${at}: ${node.cls}, expected ${name}Args`);
        if (node.kind === "call" || node.kind === "dict") {
          const fields = node.kind === "call" ? node.kwargs : node.entries;
          checkFields(fields, type.properties ?? {}, type.required ?? [], at);
        } else if (node.kind !== "other") problems.push(`${at}: not a ${name}`);
      } else if (property.type === "array") {
        if (node.kind === "list") {
          for (const [i, item] of node.items.entries()) checkNode(item, property.items ?? {}, `${at}[${i}]`);
        } else if (node.kind !== "other") problems.push(`${at}: not a list`);
      } else if (property.type === "object" && node.kind === "dict") {
        for (const [key, item] of node.entries)
          checkNode(item, property.additionalProperties ?? {}, `${at}.${key}`);
      }
    };
    const resources: string[] = [];
    for (const call of source.matchAll(/^\w+ = aoai\.(\w+)\(|^aoai\.(\w+)\(/gm)) {
      const { node } = parsePython(source, (call.index ?? 0) + call[0].indexOf("aoai."));
      if (node.kind !== "call") continue;
      const resource = schema.resources[componentType(node.cls)];
      if (!resource) {
        problems.push(`${node.cls}: not a resource of the schema`);
        continue;
      }
      resources.push(componentType(node.cls));
      checkFields(node.kwargs, resource.inputProperties ?? {}, resource.requiredInputs ?? [], node.cls);
    }
    return { problems, resources };
  }

  it("examples/python: every class, keyword argument, dict key (at every depth) and enum member is in the schema", () => {
    const { problems, resources } = pythonProblems(readText("examples/python/__main__.py"));
    expect(problems).toEqual([]);
    expect([...new Set(resources)].sort()).toEqual(Object.keys(schema.resources).sort());
  });

  it("the Python check finds a wrong keyword, dict key, Args class and enum member, and a missing required one", () => {
    const source = readText("examples/python/__main__.py")
      .replace('content_filter="team-strict"', 'contentfilter="team-strict"')
      .replace('"retention_in_days": 90', '"retentionInDays": 90')
      .replace("aoai.BlocklistArgs(", "aoai.ContentFilterArgs(")
      .replace("aoai.DeploymentSku.GLOBAL_STANDARD", "aoai.DeploymentSku.GLOBALSTANDARD")
      .replace(/\n\s*capacity=50,/, "");
    const { problems } = pythonProblems(source);
    expect(problems).toEqual(
      expect.arrayContaining([
        "OpenAIAccount.deployments[0].contentfilter: not in the schema",
        "OpenAIAccount.deployments[0].capacity: required, missing",
        "OpenAIAccount.deployments[0].sku: not a member of DeploymentSku",
        "OpenAIAccount.content_filters[0].blocklists[0]: ContentFilterArgs, expected BlocklistArgs",
        "PlatformMonitoring.workspace.retentionInDays: not in the schema",
      ]),
    );
  });
});
