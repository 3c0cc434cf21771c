/**
 * A team's own stack built from the aoai-platform components: one account in West Europe with a
 * chat deployment behind a stricter content filter. Config validation uses the same spec schemas
 * the platform's stacks use, so a bad value fails before anything is registered.
 */
import { accountSpecSchema, OpenAIAccount, PlatformResourceGroup } from "aoai-platform";

export = async () => {
  const group = new PlatformResourceGroup("team-ai", { name: "rg-team-ai-weu", location: "westeurope" });
  const spec = accountSpecSchema.parse({
    name: "aoai-team-ai-weu",
    contentFilters: [{ name: "team-strict", preset: "strict" }],
    deployments: [
      {
        name: "chat",
        model: "gpt-4.1-mini",
        version: "2025-04-14",
        sku: "GlobalStandard",
        capacity: 50,
        contentFilter: "team-strict",
      },
    ],
  });
  const account = new OpenAIAccount("team-ai", {
    spec: { ...spec, location: "westeurope", customSubDomain: "aoai-team-ai-weu" },
    resourceGroupName: group.name,
    protect: true,
  });
  return { endpoint: account.endpoint, deployments: account.modelDeployments };
};
