/**
 * The gateway section of the plan: the routing table (consumer → deployment → pool → backends in order,
 * with capacities), the token limits promised per deployment against the capacity behind them, the policy
 * XML the program registered, and how long creating API Management takes.
 */
import { CLASSIC_TIER_CREATE_MINUTES, GATEWAY_CREATE_SECONDS } from "../../components/facts/gateway";
import { type PlannedGatewayRoute, planGateway } from "../../components/gateway/plan";
import type { StackConfig } from "../config/schema";
import type { Finding } from "./finding";
import type {
  GatewayLimitRow,
  GatewayPlanSection,
  GatewayResourceRow,
  GatewayRoutingRow,
} from "./gatewayModel";
import type { PlannedResource } from "./resource";

const backendText = (b: PlannedGatewayRoute["backends"][number]) =>
  `${b.account} (priority ${b.priority}, weight ${b.weight}, ${b.tokensPerMinute === undefined ? `${b.capacity} PTU` : `${b.tokensPerMinute} TPM`})`;

/** The gateway's resources shown in the plan: role, the input holding the Azure name, and what to say of it. */
const RESOURCE_ROLES: readonly [
  type: string,
  role: string,
  nameInput: string,
  detail: (inputs: Record<string, unknown>) => string,
][] = [
  [
    "azure-native:network:Subnet",
    "outbound subnet",
    "subnetName",
    (i) =>
      `${String(i.addressPrefix)} in ${String(i.virtualNetworkName)}, delegated to ${JSON.stringify(i.delegations).match(/Microsoft\.Web\/\w+/)?.[0] ?? "?"}`,
  ],
  [
    "azure-native:network:NetworkSecurityGroup",
    "subnet NSG",
    "networkSecurityGroupName",
    () => "no rules of its own (none required)",
  ],
  [
    "azure-native:network:PrivateEndpoint",
    "private endpoint",
    "privateEndpointName",
    () => "inbound, sub-resource Gateway",
  ],
  [
    "azure-native:privatedns:PrivateZone",
    "private DNS zone",
    "privateZoneName",
    () => "resolves <name>.azure-api.net to the endpoint",
  ],
  [
    "azure-native:privatedns:VirtualNetworkLink",
    "zone link",
    "virtualNetworkLinkName",
    () => "registration off",
  ],
  [
    "azure-native:applicationinsights:Component",
    "Application Insights",
    "resourceName",
    (i) => `workspace-based, local auth ${i.disableLocalAuth === true ? "off" : "on"}`,
  ],
  [
    "azure-native:apimanagement:Logger",
    "logger",
    "loggerId",
    () => "the gateway's identity (Monitoring Metrics Publisher)",
  ],
  [
    "azure-native:apimanagement:ApiDiagnostic",
    "API diagnostic",
    "diagnosticId",
    (i) => `metrics ${i.metrics === true ? "on" : "off"}`,
  ],
];

function gatewayResources(
  spec: NonNullable<StackConfig["gateway"]>,
  resources: readonly PlannedResource[],
): GatewayResourceRow[] {
  const ours = resources.filter((r) => /[$:]aoai-platform:index:AiGateway::[^:]+$/.test(r.parent ?? ""));
  const given: GatewayResourceRow[] = [
    ...(spec.subnetId
      ? [{ role: "outbound subnet", name: spec.subnetId, origin: "given" as const, detail: "yours" }]
      : []),
    ...(spec.privateDnsZoneId
      ? [{ role: "private DNS zone", name: spec.privateDnsZoneId, origin: "given" as const, detail: "yours" }]
      : []),
    ...(spec.applicationInsights
      ? [
          {
            role: "Application Insights",
            name: spec.applicationInsights.resourceId,
            origin: "given" as const,
            detail: "yours",
          },
        ]
      : []),
  ];
  const created = RESOURCE_ROLES.flatMap(([type, role, nameInput, detail]) =>
    ours
      .filter((r) => r.type === type)
      .map(
        (r): GatewayResourceRow => ({
          role,
          name: String(r.inputs[nameInput]),
          origin: "created",
          detail: detail(r.inputs),
        }),
      ),
  );
  const order = RESOURCE_ROLES.map(([, role]) => role);
  return [...given, ...created].sort(
    (a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name),
  );
}

/** The gateway section and its warnings as findings; undefined without a gateway. */
export function gatewayPlanSection(
  config: StackConfig,
  resources: readonly PlannedResource[],
): { section: GatewayPlanSection; findings: Finding[] } | undefined {
  const spec = config.gateway;
  if (!spec) return undefined;
  const { plan } = planGateway(spec, {
    environment: config.environment,
    apiVersion: config.apiVersion,
    accounts: config.accounts,
    identities: config.access.identities.map((i) => ({
      name: i.name,
      existing: i.principalId !== undefined,
    })),
  });
  const policy = resources.find((r) => r.type === "azure-native:apimanagement:ApiPolicy");
  const routing = plan.routes.flatMap((route) =>
    route.consumers.map(
      (consumer): GatewayRoutingRow => ({
        consumer,
        deployment: route.deployment,
        pool: route.pool,
        backends: route.backends.map(backendText),
      }),
    ),
  );
  const limits = plan.routes.map(
    (route): GatewayLimitRow => ({
      deployment: route.deployment,
      pool: route.pool,
      consumers: route.consumers,
      promisedTokensPerMinute: route.promisedTokensPerMinute,
      capacityTokensPerMinute: route.capacityTokensPerMinute,
      ptuBackends: route.ptuBackends,
      exceeds:
        route.ptuBackends.length === 0 && route.promisedTokensPerMinute > route.capacityTokensPerMinute,
    }),
  );
  const createMinutes = GATEWAY_CREATE_SECONDS[spec.sku] / 60;
  return {
    section: {
      name: spec.name,
      sku: spec.sku,
      endpoint: `https://${spec.name}.azure-api.net`,
      routing,
      limits,
      policyXml: typeof policy?.inputs.value === "string" ? policy.inputs.value : null,
      resources: gatewayResources(spec, resources),
      createMinutes,
      createNote: `${spec.sku} creates in minutes (up to ~${createMinutes} assumed); classic tiers take ${CLASSIC_TIER_CREATE_MINUTES.min}-${CLASSIC_TIER_CREATE_MINUTES.max} minutes, which is why only v2 tiers are offered`,
    },
    findings: plan.warnings.map(
      ({ rule, message }): Finding => ({ rule, severity: "warning", urn: null, message }),
    ),
  };
}
