import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { deploymentForUse, deploymentsByModel } from "../components/deployments/uses";
import { parseStackConfig } from "../src/config/load";
import { planJson } from "./support/planCli";
import { minimalConfig, problemsOf } from "./support/stackConfig";
import { tempDir } from "./support/tempDir";

const deployment = (name: string, model: string, sku = "GlobalStandard", version = "2025-04-14") => ({
  name,
  model,
  version,
  sku,
  capacity: sku.endsWith("Batch") ? 100 : 10,
});

function accountsOf(deployments: ReturnType<typeof deployment>[]) {
  const { config } = parseStackConfig(
    { ...minimalConfig(), accounts: [{ name: "aoai-test", deployments }] } as Record<string, unknown>,
    "test",
  );
  return config.accounts[0]?.deployments ?? [];
}

/** Writes a variant of a shipped stack file and returns its path. */
function stackFileVariant(stack: string, change: (config: Record<string, unknown>) => void): string {
  const document = parse(readFileSync(`Pulumi.${stack}.yaml`, "utf8")) as { config: Record<string, unknown> };
  change(document.config);
  const path = join(tempDir("aoai-apps-"), `Pulumi.${stack}.yaml`);
  writeFileSync(path, stringify(document));
  return path;
}

describe("primaryAccount", () => {
  const twoAccounts = () => ({
    ...minimalConfig(),
    accounts: [{ name: "aoai-swc" }, { name: "aoai-frc", location: "francecentral" }],
  });

  it("is required with more than one account, listing the accounts", () => {
    expect(problemsOf(twoAccounts())).toEqual([
      'aoai-platform:primaryAccount: missing: required with more than one account: the account apps reach through AZURE_OPENAI_ENDPOINT; one of "aoai-swc", "aoai-frc"',
    ]);
    expect(problemsOf({ ...twoAccounts(), primaryAccount: "aoai-frc" })).toEqual([]);
  });

  it("must name an account, with the near miss suggested", () => {
    expect(problemsOf({ ...twoAccounts(), primaryAccount: "aoai-swe" })).toEqual([
      'aoai-platform:primaryAccount: "aoai-swe": no account named "aoai-swe" (did you mean "aoai-swc"?); use one of "aoai-swc", "aoai-frc"',
    ]);
    expect(problemsOf({ ...twoAccounts(), primaryAccount: "westeurope-main" })).toEqual([
      'aoai-platform:primaryAccount: "westeurope-main": no account named "westeurope-main"; use one of "aoai-swc", "aoai-frc"',
    ]);
  });

  it("defaults to the only account", () => {
    expect(parseStackConfig(minimalConfig() as Record<string, unknown>, "test").config.primaryAccount).toBe(
      "aoai-test",
    );
  });
});

describe("deployments per model and per use", () => {
  it("keeps every deployment of a model deployed twice (standard and batch)", () => {
    const deployments = accountsOf([
      deployment("chat", "gpt-4.1"),
      deployment("chat-batch", "gpt-4.1", "GlobalBatch"),
      deployment("embeddings", "text-embedding-3-small", "Standard", "1"),
    ]);
    expect(deploymentsByModel(deployments)).toEqual({
      "gpt-4.1": ["chat", "chat-batch"],
      "text-embedding-3-small": ["embeddings"],
    });
    // The batch deployment only serves the Batch API: the chat use stays unambiguous.
    expect(deploymentForUse(deployments, "chat")).toBe("chat");
    expect(deploymentForUse(deployments, "embeddings")).toBe("embeddings");
  });

  it("names no deployment for a use with several candidates or none", () => {
    const deployments = accountsOf([deployment("big", "gpt-4.1"), deployment("small", "gpt-4.1-mini")]);
    expect(deploymentForUse(deployments, "chat")).toBeUndefined();
    expect(deploymentForUse(deployments, "embeddings")).toBeUndefined();
  });

  it("ignores models outside the catalog (their use is unknown)", () => {
    const deployments = accountsOf([deployment("custom", "my-fine-tune", "Standard", "1")]);
    expect(deploymentForUse(deployments, "chat")).toBeUndefined();
  });
});

describe("stack outputs apps read (offline plan of the shipped prod stack)", () => {
  it("exports the SDKs' names for endpoint, API version, deployments and token scope", async () => {
    const { outputs } = await planJson("--stack", "prod");
    expect(outputs).toMatchObject({
      primaryAccount: "aoai-contoso-prod-swc",
      AZURE_OPENAI_ENDPOINT: "https://aoai-contoso-prod-swc.openai.azure.com/",
      AZURE_OPENAI_API_VERSION: "2024-10-21",
      OPENAI_API_VERSION: "2024-10-21",
      AZURE_OPENAI_API_INSTANCE_NAME: "aoai-contoso-prod-swc",
      AZURE_OPENAI_CHAT_DEPLOYMENT_NAME: "chat",
      AZURE_OPENAI_API_DEPLOYMENT_NAME: "chat",
      AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME: "embeddings",
      AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME: "embeddings",
      AZURE_OPENAI_TOKEN_ENDPOINT: "https://cognitiveservices.azure.com/.default",
      modelDeployments: { "gpt-4.1": ["chat"], "text-embedding-3-large": ["embeddings"] },
    });
  });

  it("keeps AZURE_OPENAI_ENDPOINT on the primary account when the accounts are reordered", async () => {
    const reordered = stackFileVariant("prod", (config) => {
      (config["aoai-platform:accounts"] as unknown[]).reverse();
    });
    const { outputs } = await planJson("--stack", "prod", "--config-file", reordered);
    expect(outputs.AZURE_OPENAI_ENDPOINT).toBe("https://aoai-contoso-prod-swc.openai.azure.com/");
    expect(outputs.primaryAccount).toBe("aoai-contoso-prod-swc");
  });

  it("leaves a per-use name out when the primary account has two chat deployments", async () => {
    const twoChats = stackFileVariant("dev", (config) => {
      const [account] = config["aoai-platform:accounts"] as { deployments: unknown[] }[];
      account?.deployments.push(deployment("chat-large", "gpt-4.1"));
      (config["aoai-platform:quota"] as unknown[]).push({
        region: "swedencentral",
        sku: "GlobalStandard",
        model: "gpt-4.1",
        limit: 100,
      });
    });
    const { outputs } = await planJson("--stack", "dev", "--config-file", twoChats);
    expect(outputs).not.toHaveProperty("AZURE_OPENAI_CHAT_DEPLOYMENT_NAME");
    expect(outputs.AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME).toBe("embeddings");
    expect(outputs.modelDeployments).toEqual({
      "gpt-4.1-mini": ["chat"],
      "text-embedding-3-small": ["embeddings"],
      "gpt-4.1": ["chat-large"],
    });
  });
});
