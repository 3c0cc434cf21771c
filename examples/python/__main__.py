"""A team's resource group, budget, Azure OpenAI account and its private endpoint from the aoai-platform components."""

import pulumi
import pulumi_aoai_platform as aoai

config = pulumi.Config()

group = aoai.PlatformResourceGroup(
    "group",
    name="rg-team-ai",
    location="swedencentral",
    tags={"owner": "team-ai@contoso.com"},
)

budget = aoai.ResourceGroupBudget(
    "budget",
    name="budget-team-ai",
    amount=500,
    start_date="2026-12-01",
    contact_emails=["finops@contoso.com"],
    resource_group_id=group.id,
)

# Region from the resource group, subdomain from the name, Entra ID only, public access Disabled:
# the component's defaults, the same as the platform's stack config.
account = aoai.OpenAIAccount(
    "account",
    name="aoai-team-ai",
    resource_group_name=group.name,
    content_filters=[
        aoai.ContentFilterArgs(
            name="team-strict",
            preset=aoai.ContentFilterPreset.STRICT,
            blocklists=[
                aoai.BlocklistArgs(
                    name="internal-codes",
                    terms=[
                        aoai.BlocklistItemArgs(pattern="PROJECT-ORCA"),
                        aoai.BlocklistItemArgs(pattern="ORCA-[0-9]{4}", regex=True),
                    ],
                ),
            ],
        ),
    ],
    deployments=[
        aoai.ModelDeploymentArgs(
            name="chat",
            model="gpt-4.1-mini",
            version="2025-04-14",
            sku=aoai.DeploymentSku.GLOBAL_STANDARD,
            capacity=50,
            version_upgrade_option=aoai.VersionUpgradeOption.NO_AUTO_UPGRADE,
            content_filter="team-strict",
        ),
    ],
    tags={"owner": "team-ai@contoso.com"},
)

# Azure refuses a private endpoint while the account is busy. The provider answers Construct only once
# every child of the account is created (deployments included), so account.account_id orders it.
endpoint = aoai.AccountPrivateEndpoint(
    "endpoint",
    account_name="aoai-team-ai",
    account_id=account.account_id,
    location="swedencentral",
    resource_group_name=group.name,
    subnet_id=config.require("subnetId"),
    dns_zone_ids={"privatelink.openai.azure.com": config.require("openaiZoneId")},
)

pulumi.export("resourceGroupId", group.id)
pulumi.export("budgetId", budget.budget_id)
pulumi.export("endpoint", account.endpoint)
pulumi.export("deployments", account.model_deployments)
