/**
 * A team's own stack built from the aoai-platform components: one account in West Europe with a
 * chat deployment behind a stricter content filter. The component validates and defaults its args
 * with the same schema the platform's stacks use (the region comes from the resource group, the
 * subdomain from the account name), so a bad value fails before anything is registered.
 */
import { OpenAIAccount, PlatformResourceGroup } from "aoai-platform";

export = async () => {
  const group = new PlatformResourceGroup("team-ai", { name: "rg-team-ai-weu", location: "westeurope" });
  const account = new OpenAIAccount("team-ai", {
    name: "aoai-team-ai-weu",
    resourceGroupName: group.name,
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
    protect: true,
  });
  return { endpoint: account.endpoint, deployments: account.modelDeployments };
};
