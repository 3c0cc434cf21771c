"""A team's resource group, budget, Azure OpenAI account, private network and endpoint, access, monitoring and AI gateway from the aoai-platform components."""

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

# Azure refuses a private endpoint while the account is busy. The provider answers Construct only once
# every child of the account is created (deployments included), so account.account_id orders it.
endpoint = aoai.AccountPrivateEndpoint(
    "endpoint",
    account_name="aoai-team-ai",
    account_id=account.account_id,
    location="swedencentral",
    resource_group_name=group.name,
    subnet_id=network.subnet_ids["swedencentral"],
    dns_zone_ids=network.dns_zone_ids,
)

access = aoai.PlatformAccess(
    "access",
    identities=[{"name": "id-team-ai-api", "roles": ["Cognitive Services OpenAI User"]}],
    accounts=[{"name": "aoai-team-ai", "id": account.account_id}],
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
            "id": account.account_id,
            "endpoint": account.endpoint,
        }
    },
    subnet_id=config.require("apimSubnetId"),
    private_endpoint_subnet_id=network.subnet_ids["swedencentral"],
    log_analytics_workspace_id=monitoring.workspace_id,
    tenant_id=config.require("tenantId"),
)

pulumi.export("resourceGroupId", group.id)
pulumi.export("budgetId", budget.budget_id)
pulumi.export("endpoint", account.endpoint)
pulumi.export("deployments", account.model_deployments)
pulumi.export("gatewayEndpoint", gateway.endpoint)
pulumi.export("workspaceId", monitoring.workspace_id)
pulumi.export("managedIdentities", access.managed_identities)
