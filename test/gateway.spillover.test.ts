/** PTU spillover on the account side: a provisioned deployment's spilloverDeploymentName, validated and deployed. */
import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../src/config/load";
import type { StackConfigInput } from "../src/config/schema";
import { definePlatform } from "../src/program";
import { ofType, recordResources } from "./support/mockRun";
import { minimalConfig, problemsOf } from "./support/stackConfig";

type Deployment = NonNullable<StackConfigInput["accounts"][number]["deployments"]>[number];

const ptu = (extra: Partial<Deployment> = {}): Deployment => ({
  name: "chat-ptu",
  model: "gpt-4.1",
  version: "2025-04-14",
  sku: "GlobalProvisionedManaged",
  capacity: 15,
  spilloverDeploymentName: "chat",
  ...extra,
});
const standard = (extra: Partial<Deployment> = {}): Deployment => ({
  name: "chat",
  model: "gpt-4.1",
  version: "2025-04-14",
  sku: "GlobalStandard",
  capacity: 10,
  ...extra,
});

function withDeployments(...deployments: Deployment[]): StackConfigInput {
  const config = minimalConfig();
  const account = config.accounts[0];
  if (!account) throw new Error("fixture");
  return { ...config, accounts: [{ ...account, deployments }] };
}

const KEY = "aoai-platform:accounts[0].deployments[1].spilloverDeploymentName";

describe("PTU spillover", () => {
  it("deploys the provisioned deployment with its spillover target", async () => {
    const { config } = parseStackConfig(
      withDeployments(standard(), ptu()) as Record<string, unknown>,
      "test",
    );
    const resources = await recordResources(() => definePlatform(config));
    const deployments = ofType(resources, "cognitiveservices:Deployment");
    expect(
      deployments.map((d) => [
        d.inputs.deploymentName,
        (d.inputs.properties as Record<string, unknown>).spilloverDeploymentName,
      ]),
    ).toEqual([
      ["chat", undefined],
      ["chat-ptu", "chat"],
    ]);
  });

  it("refuses a target that is not on the account", () => {
    expect(problemsOf(withDeployments(standard({ name: "mini" }), ptu()))).toEqual([
      `${KEY}: "chat": no deployment "chat" on this account (deployments: mini, chat-ptu); the spillover target must be on the same account`,
    ]);
  });

  it("refuses a target of another data processing level, model or version", () => {
    expect(
      problemsOf(withDeployments(standard({ sku: "DataZoneStandard", model: "gpt-4.1-mini" }), ptu())),
    ).toEqual([
      `${KEY}: "chat": "chat" is DataZoneStandard; a GlobalProvisionedManaged deployment spills over to a GlobalStandard deployment (the same data processing level)`,
      `${KEY}: "chat": "chat" serves gpt-4.1-mini@2025-04-14; spillover needs the same model and version (gpt-4.1@2025-04-14)`,
    ]);
  });

  it("refuses spillover from a deployment that is not global or data zone provisioned", () => {
    expect(
      problemsOf(withDeployments(standard(), standard({ name: "other", spilloverDeploymentName: "chat" }))),
    ).toEqual([
      `${KEY}: "chat": GlobalStandard deployments cannot spill over; spillover is for GlobalProvisionedManaged, DataZoneProvisionedManaged`,
    ]);
  });

  it("needs the target declared first, as deployments are created in order", () => {
    expect(problemsOf(withDeployments(ptu(), standard()))).toEqual([
      'aoai-platform:accounts[0].deployments[0].spilloverDeploymentName: "chat": declare "chat" before "chat-ptu": deployments are created in order, and the spillover target must exist first',
    ]);
  });
});
