"""A team's resource group, budget, monitoring, private network and endpoint, access and AI gateway from the aoai-platform components."""

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

network = aoai.PrivateNetwork(
    "network",
    regions={
        "swedencentral": {
            "vnet": {
                "address_space": ["10.60.0.0/24"],
                "private_endpoint_subnet": {"address_prefix": "10.60.0.0/27"},
            },
        },
    },
    resource_group_name=group.name,
)

endpoint = aoai.AccountPrivateEndpoint(
    "endpoint",
    account_name="aoai-team-ai",
    account_id=config.require("accountId"),
    location="swedencentral",
    resource_group_name=group.name,
    subnet_id=network.subnet_ids["swedencentral"],
    dns_zone_ids=network.dns_zone_ids,
)

access = aoai.PlatformAccess(
    "access",
    identities=[{"name": "id-team-ai-api", "roles": ["Cognitive Services OpenAI User"]}],
    accounts=[{"name": "aoai-team-ai", "id": config.require("accountId")}],
    resource_group_name=group.name,
    resource_group_id=group.id,
    location="swedencentral",
)

gateway = aoai.AiGateway(
    "gateway",
    name="apim-team-ai",
    publisher_email="team-ai@contoso.com",
    publisher_name="Team AI",
    location="swedencentral",
    inbound="privateEndpoint",
    outbound="vnetIntegration",
    api_version="2024-10-21",
    resource_group_name=group.name,
    pools=[{"name": "chat-pool", "backends": [{"account": "aoai-team-ai"}]}],
    routes=[{"deployment": "chat", "pool": "chat-pool"}],
    consumers=[{"name": "team-app", "client_id": config.require("appClientId"), "tokens_per_minute": 50000}],
    accounts={
        "aoai-team-ai": {
            "id": config.require("accountId"),
            "endpoint": "https://aoai-team-ai.openai.azure.com/",
        }
    },
    subnet_id=config.require("apimSubnetId"),
    private_endpoint_subnet_id=network.subnet_ids["swedencentral"],
    log_analytics_workspace_id=monitoring.workspace_id,
    tenant_id=config.require("tenantId"),
)

pulumi.export("resourceGroupId", group.id)
pulumi.export("budgetId", budget.budget_id)
pulumi.export("gatewayEndpoint", gateway.endpoint)
pulumi.export("workspaceId", monitoring.workspace_id)
pulumi.export("managedIdentities", access.managed_identities)
