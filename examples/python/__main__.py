"""A team's resource group, budget and private endpoint from the aoai-platform components."""

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
