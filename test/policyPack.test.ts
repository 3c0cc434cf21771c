import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import * as grpc from "@grpc/grpc-js";
import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type { AnalyzerInfo } from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { afterEach, describe, expect, it } from "vitest";
import { POLICIES } from "../policy/policies";
import { RULES } from "../policy/rules/catalog";
import { policyPackConfig } from "../policy/rules/packConfig";
import { policySettingsSchema } from "../policy/rules/settings";

function policyResource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  protect = false,
): PolicyResource {
  return {
    type,
    name,
    urn: `urn:pulumi:prod::aoai-platform::${type}::${name}`,
    props,
    opts: {
      protect,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    dependencies: [],
    propertyDependencies: {},
  } as unknown as PolicyResource;
}

function runPolicy(id: string, resources: PolicyResource[], config: Record<string, unknown> = {}): string[] {
  const policy = POLICIES.find((p) => p.name === id);
  if (!policy?.validateStack) throw new Error(`no stack policy ${id}`);
  const reported: string[] = [];
  const report: ReportViolation = (message) => reported.push(message);
  const args = { resources, getConfig: () => config } as unknown as StackValidationArgs;
  (policy.validateStack as (a: StackValidationArgs, r: ReportViolation) => void)(args, report);
  return reported;
}

describe("policy pack policies", () => {
  const openAccount = policyResource("azure-native:cognitiveservices:Account", "acct", {
    accountName: "aoai-x",
    properties: { disableLocalAuth: false },
  });

  it("one policy per rule, named by the rule id, then the two Azure Policy entries", () => {
    expect(POLICIES.map((p) => p.name)).toEqual([
      ...RULES.map((r) => r.id),
      "azure-policy",
      "azure-policy-advisory",
    ]);
  });

  it("report the same violations as the rules, and honour exemptions from the pack config", () => {
    expect(runPolicy("aoai-local-auth-disabled", [openAccount])).toEqual([
      expect.stringMatching(/aoai-x: API keys are enabled/),
    ]);
    expect(
      runPolicy("aoai-local-auth-disabled", [openAccount], {
        exemptions: [{ resource: "acct", reason: "r" }],
      }),
    ).toEqual([]);
  });

  it("the pack config carries each rule's enforcement for the stack's environment", () => {
    const settings = policySettingsSchema.parse({ enforcement: { "aoai-required-tags": "advisory" } });
    const prod = policyPackConfig("prod", settings);
    expect(prod["aoai-local-auth-disabled"]?.enforcementLevel).toBe("mandatory");
    expect(prod["aoai-required-tags"]?.enforcementLevel).toBe("advisory");
    expect(policyPackConfig("dev", settings)["aoai-local-auth-disabled"]?.enforcementLevel).toBe("advisory");
  });
});

describe("policy/index.ts as the Pulumi CLI loads it", () => {
  let pack: ChildProcess | undefined;
  afterEach(() => {
    pack?.kill();
  });

  it("starts an analyzer server that lists every rule as a policy", async () => {
    pack = spawn("node_modules/.bin/tsx", ["policy/index.ts"], { stdio: ["ignore", "pipe", "inherit"] });
    const [chunk] = (await once(pack.stdout as NodeJS.ReadableStream, "data")) as [Buffer];
    const port = Number(chunk.toString().trim());
    expect(port).toBeGreaterThan(0);
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const info = await new Promise<AnalyzerInfo>((resolve, reject) =>
      client.getAnalyzerInfo(new Empty(), (error, response) => (error ? reject(error) : resolve(response))),
    );
    client.close();
    expect(info.getName()).toBe("aoai-platform-baseline");
    expect(info.getPoliciesList().map((p) => p.getName())).toEqual([
      ...RULES.map((r) => r.id),
      "azure-policy",
      "azure-policy-advisory",
    ]);
  });
});
