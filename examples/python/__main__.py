"""A team's resource group, budget, Azure OpenAI account, its private endpoint and monitoring from the aoai-platform components."""

import pulumi
import pulumi_aoai_platform as aoai

config = pulumi.Config()

group = aoai.PlatformResourceGroup(
    "group",
    name="rg-team-ai",
    location="swedencentral",
    tags={"owner": "team-ai@contoso.com"},
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

monitoring = aoai.PlatformMonitoring(
    "monitoring",
    workspace={"name": "log-team-ai", "retention_in_days": 90},
    action_group={"name": "ag-team-ai", "short_name": "team-ai", "emails": ["team-ai-oncall@contoso.com"]},
    environment="prod",
    resource_group_name=group.name,
    location="swedencentral",
    accounts=[
        {
            "name": "aoai-team-ai",
            "id": account.account_id,
            "location": "swedencentral",
            "deployments": [{"name": "chat", "sku": "GlobalStandard"}],
        }
    ],
)

budget = aoai.ResourceGroupBudget(
    "budget",
    name="budget-team-ai",
    amount=500,
    start_date="2026-12-01",
    contact_emails=["finops@contoso.com"],
    resource_group_id=group.id,
    action_group_id=monitoring.action_group_id,
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
pulumi.export("workspaceId", monitoring.workspace_id)
