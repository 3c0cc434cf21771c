/**
 * `Construct` over the real gRPC provider interface: the plugin runs as the Pulumi CLI runs it (the
 * SDK's run-plugin in a child process given components/provider.ts, printing
 * its port, given the engine's address), and a mock engine and
 * resource monitor served here record what it registers. A component built through the provider
 * must register the same children as the TypeScript class does in-process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import {
  GetRootResourceResponse,
  type LogRequest,
  SetRootResourceResponse,
} from "@pulumi/pulumi/proto/engine_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { ConstructRequest, type ConstructResponse, GetSchemaRequest } from "@pulumi/pulumi/proto/provider_pb";
import { ResourceMonitorService } from "@pulumi/pulumi/proto/resource_grpc_pb";
import {
  type RegisterResourceRequest,
  RegisterResourceResponse,
  type ResourceInvokeRequest,
  ResourceInvokeResponse,
  type SupportsFeatureRequest,
  SupportsFeatureResponse,
} from "@pulumi/pulumi/proto/resource_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTED_COMPONENTS } from "../components/hosted";
import { componentType } from "../components/tokens";
import { SCHEMA_FILE } from "../src/schema/generate";
import { GATEWAY_VNET, gatewayComponentArgs } from "./support/gatewayFixture";
import { recordResources } from "./support/mockRun";

const ROOT = join(__dirname, "..");
const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aoai";
const SUBNET = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet`;
const ZONE = `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com`;
const ACCOUNT = `${RG}/providers/Microsoft.CognitiveServices/accounts/aoai-x`;
const GUID = "3f2a0000-0000-4000-8000-000000000000";

/** Inputs each hosted component is constructed with, as another language's SDK would send them. */
const INPUTS: Record<string, Record<string, unknown>> = {
  PlatformResourceGroup: { name: "rg-aoai-x", location: "swedencentral", tags: { owner: "platform" } },
  ResourceGroupBudget: { name: "budget-aoai", amount: 100, startDate: "2026-12-01", resourceGroupId: RG },
  AccountPrivateEndpoint: {
    accountName: "aoai-x",
    accountId: `${RG}/providers/Microsoft.CognitiveServices/accounts/aoai-x`,
    location: "swedencentral",
    resourceGroupName: "rg-aoai",
    subnetId: SUBNET,
    dnsZoneIds: { "privatelink.openai.azure.com": ZONE },
  },
  PrivateNetwork: {
    regions: {
      swedencentral: {
        vnet: { addressSpace: ["10.60.0.0/24"], privateEndpointSubnet: { addressPrefix: "10.60.0.0/27" } },
      },
      francecentral: { existingSubnetId: SUBNET },
    },
    dnsZones: ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"],
    resourceGroupName: "rg-aoai",
  },
  PlatformAccess: {
    identities: [
      { name: "id-app", roles: ["openai-user"] },
      {
        name: "ext",
        principalId: GUID,
        principalType: "Group",
        roles: ["openai-contributor"],
        scope: "resourceGroup",
      },
    ],
    groups: [{ displayName: "aoai-team-devs", roles: ["Cognitive Services OpenAI User"] }],
    ciDeployIdentity: {
      displayName: "gh-deploy",
      github: { repository: "contoso/team-ai", environments: ["prod"] },
    },
    accounts: [{ name: "aoai-x", id: ACCOUNT, principalId: GUID }],
    keyVaultGrants: [{ account: "aoai-x", keyVaultId: `${RG}/providers/Microsoft.KeyVault/vaults/kv-x` }],
    resourceGroupName: "rg-aoai",
    resourceGroupId: RG,
    location: "swedencentral",
  },
  AiGateway: {
    ...gatewayComponentArgs(),
    inbound: "privateEndpoint",
    outbound: "vnetIntegration",
    subnetId: `${GATEWAY_VNET}/subnets/snet-apim`,
    privateDnsZoneLinks: [{ name: "link-vnet", virtualNetworkId: GATEWAY_VNET }],
  },
  PlatformMonitoring: {
    workspace: { name: "log-aoai-x", retentionInDays: 60 },
    actionGroup: { name: "ag-aoai-x", shortName: "aoai-x", emails: ["oncall@contoso.com"] },
    alerts: { gateway: { cpu: { enabled: false } } },
    environment: "staging",
    resourceGroupName: "rg-aoai",
    location: "swedencentral",
    accounts: [
      {
        name: "aoai-x",
        id: `${RG}/providers/Microsoft.CognitiveServices/accounts/aoai-x`,
        location: "swedencentral",
        deployments: [{ name: "chat-ptu", sku: "ProvisionedManaged" }],
      },
    ],
    gateways: [
      {
        name: "apim-x",
        id: `${RG}/providers/Microsoft.ApiManagement/service/apim-x`,
        location: "swedencentral",
      },
    ],
  },
  OpenAIAccount: {
    name: "aoai-x",
    resourceGroupName: "rg-aoai",
    contentFilters: [
      {
        name: "strict",
        preset: "strict",
        blocklists: [
          { name: "codes", terms: [{ pattern: "ORCA" }, { pattern: "ORCA-[0-9]+", regex: true }] },
        ],
      },
    ],
    deployments: [
      {
        name: "chat",
        model: "gpt-4.1",
        version: "2025-04-14",
        sku: "GlobalStandard",
        capacity: 10,
        contentFilter: "strict",
      },
      { name: "emb", model: "text-embedding-3-small", version: "1", sku: "Standard", capacity: 5 },
    ],
    lock: "CanNotDelete",
    defenderForAI: true,
  },
};

/** Children a component must register through the provider, beyond matching the class. */
const EXPECTED_CHILDREN: Record<string, string[]> = {
  OpenAIAccount: [
    "azure-native:cognitiveservices:Account",
    "azure-native:cognitiveservices:RaiBlocklist",
    "azure-native:cognitiveservices:RaiBlocklistItem",
    "azure-native:cognitiveservices:RaiPolicy",
    "azure-native:cognitiveservices:Deployment",
    "azure-native:resources:Resource",
    "azure-native:authorization:ManagementLockByScope",
  ],
};

/** Outputs a component must return through the provider (defaults applied from the plain inputs). */
const EXPECTED_STATE: Record<string, Record<string, unknown>> = {
  OpenAIAccount: {
    endpoint: "https://aoai-x.openai.azure.com/",
    deployments: {
      chat: { model: "gpt-4.1", version: "2025-04-14", sku: "GlobalStandard", capacity: 10 },
      emb: { model: "text-embedding-3-small", version: "1", sku: "Standard", capacity: 5 },
    },
    modelDeployments: { "gpt-4.1": ["chat"], "text-embedding-3-small": ["emb"] },
  },
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

interface Registered {
  type: string;
  name: string;
}

const registered: Registered[] = [];
let server: grpc.Server;
let provider: ChildProcess;
let client: ResourceProviderClient;

function serveMocks(): Promise<number> {
  server = new grpc.Server();
  server.addService(EngineService, {
    log: (_call: grpc.ServerUnaryCall<LogRequest, Empty>, cb: grpc.sendUnaryData<Empty>) =>
      cb(null, new Empty()),
    getRootResource: (_call: unknown, cb: grpc.sendUnaryData<GetRootResourceResponse>) =>
      cb(null, new GetRootResourceResponse()),
    setRootResource: (_call: unknown, cb: grpc.sendUnaryData<SetRootResourceResponse>) =>
      cb(null, new SetRootResourceResponse()),
  });
  server.addService(ResourceMonitorService, {
    supportsFeature: (
      call: grpc.ServerUnaryCall<SupportsFeatureRequest, SupportsFeatureResponse>,
      cb: grpc.sendUnaryData<SupportsFeatureResponse>,
    ) =>
      cb(
        null,
        new SupportsFeatureResponse().setHassupport(
          ["secrets", "resourceReferences"].includes(call.request.getId()),
        ),
      ),
    registerResource: (
      call: grpc.ServerUnaryCall<RegisterResourceRequest, RegisterResourceResponse>,
      cb: grpc.sendUnaryData<RegisterResourceResponse>,
    ) => {
      const request = call.request;
      registered.push({ type: request.getType(), name: request.getName() });
      const urn = `urn:pulumi:test::consumer::${request.getType()}::${request.getName()}`;
      const response = new RegisterResourceResponse().setUrn(urn);
      if (request.getCustom()) response.setId(`${request.getName()}-id`);
      // As Azure does, a system-assigned identity gets its object id (the gateway's role assignments need it).
      const object = request.getObject()?.toJavaScript() ?? {};
      const identity = object.identity;
      if (isRecord(identity) && String(identity.type).includes("SystemAssigned")) {
        object.identity = { ...identity, principalId: `${request.getName()}-principal` };
      }
      response.setObject(Struct.fromJavaScript(object));
      cb(null, response);
    },
    registerResourceOutputs: (_call: unknown, cb: grpc.sendUnaryData<Empty>) => cb(null, new Empty()),
    // Role assignments read the subscription (azure-native:authorization:getClientConfig); the CI
    // identities read the tenant (azuread getClientConfig).
    invoke: (
      _call: grpc.ServerUnaryCall<ResourceInvokeRequest, ResourceInvokeResponse>,
      cb: grpc.sendUnaryData<ResourceInvokeResponse>,
    ) =>
      cb(
        null,
        new ResourceInvokeResponse().setReturn(
          Struct.fromJavaScript({
            subscriptionId: "00000000-0000-0000-0000-000000000000",
            tenantId: "11111111-1111-4111-8111-111111111111",
            clientId: "c",
            objectId: "o",
          }),
        ),
      ),
  });
  return new Promise((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(port),
    ),
  );
}

function construct(className: string, name: string, monitor: string): Promise<ConstructResponse> {
  const request = new ConstructRequest()
    .setProject("consumer")
    .setStack("test")
    .setDryrun(true)
    .setParallel(1)
    .setMonitorendpoint(monitor)
    .setType(componentType(className))
    .setName(name)
    .setInputs(Struct.fromJavaScript(INPUTS[className] as Record<string, never>));
  return new Promise((resolve, reject) =>
    client.construct(request, (error, response) => (error ? reject(error) : resolve(response))),
  );
}

describe("Construct through components/provider.ts over gRPC", () => {
  let monitor = "";
  beforeAll(async () => {
    const port = await serveMocks();
    monitor = `127.0.0.1:${port}`;
    // The Node.js language host starts a plugin with the SDK's run-plugin (ts-node, type-checked), from
    // the consumer's working directory.
    provider = spawn(
      process.execPath,
      // PulumiPlugin.yaml's main (the directory's fallback, index.ts, exports the same list: test/package.plugin.test.ts);
      // a file, so that a dist/ another test builds cannot take its place.
      [
        join(ROOT, "node_modules/@pulumi/pulumi/cmd/run-plugin"),
        join(ROOT, "components/provider.ts"),
        monitor,
      ],
      { cwd: tmpdir(), stdio: ["ignore", "pipe", "inherit"] },
    );
    const [chunk] = (await once(provider.stdout as NodeJS.ReadableStream, "data")) as [Buffer];
    client = new ResourceProviderClient(
      `127.0.0.1:${Number(chunk.toString().trim())}`,
      grpc.credentials.createInsecure(),
    );
  }, 180_000);

  afterAll(() => {
    client?.close();
    provider?.kill();
    server?.forceShutdown();
  });

  it("serves the checked-in schema.json (GetSchema, as pulumi package add asks for it)", async () => {
    const served = await new Promise<string>((resolve, reject) =>
      client.getSchema(new GetSchemaRequest(), (error, response) =>
        error ? reject(error) : resolve(response.getSchema()),
      ),
    );
    expect(JSON.parse(served)).toEqual(JSON.parse(readFileSync(join(ROOT, SCHEMA_FILE), "utf8")));
  });

  it.each(HOSTED_COMPONENTS.map((c) => c.name))(
    "%s registers the same children as the TypeScript class",
    async (className) => {
      const component = HOSTED_COMPONENTS.find((c) => c.name === className);
      if (!component) throw new Error(className);
      const from = registered.length;
      const response = await construct(className, "c", monitor);
      expect(response.getUrn()).toBe(`urn:pulumi:test::consumer::${componentType(className)}::c`);
      const viaProvider = registered.slice(from);
      const inProcess = (await recordResources(() => new component("c", INPUTS[className] as never))).filter(
        (r) => r.type !== "pulumi:pulumi:Stack",
      );
      const shape = (rs: readonly Registered[]) => rs.map((r) => `${r.type}::${r.name}`).sort();
      expect(viaProvider.length).toBeGreaterThan(1);
      expect(shape(viaProvider)).toEqual(shape(inProcess));
      const types = viaProvider.map((r) => r.type);
      for (const type of EXPECTED_CHILDREN[className] ?? []) expect(types, type).toContain(type);
      expect(response.getState()?.toJavaScript()).toMatchObject(EXPECTED_STATE[className] ?? {});
    },
    120_000,
  );
});
