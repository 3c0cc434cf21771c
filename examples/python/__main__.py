"""A team's resource group, budget, private endpoint and monitoring from the aoai-platform components."""

import pulumi
import pulumi_aoai_platform as aoai

config = pulumi.Config()

group = aoai.PlatformResourceGroup(
    "group",
    name="rg-team-ai",
    location="swedencentral",
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
            "id": config.require("accountId"),
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

endpoint = aoai.AccountPrivateEndpoint(
    "endpoint",
    account_name="aoai-team-ai",
    account_id=config.require("accountId"),
    location="swedencentral",
    resource_group_name=group.name,
    subnet_id=config.require("subnetId"),
    dns_zone_ids={"privatelink.openai.azure.com": config.require("openaiZoneId")},
)

pulumi.export("resourceGroupId", group.id)
pulumi.export("budgetId", budget.budget_id)
pulumi.export("workspaceId", monitoring.workspace_id)
