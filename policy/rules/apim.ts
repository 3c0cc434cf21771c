/**
 * Rules over Azure API Management (the AI gateway): the service's networking and management API, its
 * APIs, backends, subscriptions and named values, and the API policies that authenticate callers and
 * backends. Most mirror a built-in of Azure/azure-policy `built-in-policies/policyDefinitions/API Management/`
 * (the same conditions are in the Azure Policy baseline, policy/azure/baseline.ts); the Entra-only rule is
 * the AI gateway's own (issue 18: never subscription keys alone).
 */
import {
  APIM_CLASSIC_VNET_SKUS,
  APIM_LEGACY_TLS_PROPERTIES,
  APIM_MANAGED_IDENTITY_POLICY,
  APIM_OLDEST_SAFE_API_VERSION,
  APIM_TOKEN_VALIDATION_POLICIES,
  APIM_UNENCRYPTED_PROTOCOLS,
  APIM_VNET_EVALUATED_SKUS,
} from "../../components/facts/apimSecurity";
import {
  GATEWAY_PRIVATE_LINK_GROUP,
  GATEWAY_SKU_FEATURES,
  GATEWAY_SKUS,
} from "../../components/facts/gateway";
import { type PolicyNode, parsePolicy } from "../../components/gateway/policyXml";
import { field, list, ofType } from "./inputs";
import { OPT_IN, PROD_MANDATORY, type ResourceView, type Rule, type Violation } from "./types";

export const APIM = {
  service: "azure-native:apimanagement:ApiManagementService",
  api: "azure-native:apimanagement:Api",
  apiPolicy: "azure-native:apimanagement:ApiPolicy",
  operationPolicy: "azure-native:apimanagement:ApiOperationPolicy",
  servicePolicy: "azure-native:apimanagement:Policy",
  backend: "azure-native:apimanagement:Backend",
  namedValue: "azure-native:apimanagement:NamedValue",
  subscription: "azure-native:apimanagement:Subscription",
  privateEndpoint: "azure-native:network:PrivateEndpoint",
} as const;

const label = (r: ResourceView, nameInput: string) => {
  const name = r.inputs[nameInput];
  return typeof name === "string" && name !== "[unknown]" ? name : r.name;
};
const serviceLabel = (service: ResourceView) => label(service, "serviceName");
const known = (value: unknown): value is string =>
  typeof value === "string" && value !== "" && value !== "[unknown]";

/** Does `child` (an API, policy, backend…) belong to `service`: by serviceName when known, else by its dependency edge. */
function inService(child: ResourceView, service: ResourceView): boolean {
  const name = child.inputs.serviceName;
  const own = service.inputs.serviceName;
  if (known(name) && known(own)) return name.toLowerCase() === own.toLowerCase();
  return child.dependencies.includes(service.urn);
}

/** Does a policy (API or operation scope) belong to `api`: same service and apiId, else by the dependency edge. */
function ofApi(policy: ResourceView, api: ResourceView): boolean {
  const id = policy.inputs.apiId;
  const own = api.inputs.apiId;
  if (known(id) && known(own) && known(policy.inputs.serviceName) && known(api.inputs.serviceName))
    return (
      id.toLowerCase() === own.toLowerCase() &&
      policy.inputs.serviceName.toLowerCase() === api.inputs.serviceName.toLowerCase()
    );
  return policy.dependencies.includes(api.urn);
}

/** A rule over each resource of one type; `problem` returns a message or undefined. */
function eachRule(
  rule: Omit<Rule, "check">,
  type: string,
  nameInput: string,
  problem: (r: ResourceView) => string | undefined,
): Rule {
  return {
    ...rule,
    check: (resources) =>
      ofType(resources, type).flatMap((r): Violation[] => {
        const message = problem(r);
        return message ? [{ urn: r.urn, message: `${label(r, nameInput)}: ${message}` }] : [];
      }),
  };
}

export const apimVirtualNetwork = eachRule(
  {
    id: "aoai-apim-virtual-network",
    description: "API Management services on SKUs with virtual network support use a virtual network",
    source: "Azure Policy ef619a2c-cc4d-4d03-b2ba-8c94a834d85b",
    enforcement: PROD_MANDATORY,
  },
  APIM.service,
  "serviceName",
  (service) => {
    const sku = field(service.inputs, "sku", "name");
    const type = service.inputs.virtualNetworkType;
    if (!APIM_VNET_EVALUATED_SKUS.some((s) => s === sku)) return undefined;
    return type === undefined || type === "None"
      ? `SKU ${String(sku)} without a virtual network (virtualNetworkType ${String(type ?? "None")}); set gateway.outbound: vnetIntegration (or inbound/outbound vnetInjection on PremiumV2)`
      : undefined;
  },
);

/** SKUs that support a virtual network: 73ef9241's classic ones and the v2 tiers with VNet integration or injection. */
const VNET_CAPABLE_SKUS: readonly string[] = [
  ...APIM_CLASSIC_VNET_SKUS,
  ...GATEWAY_SKUS.filter(
    (sku) => GATEWAY_SKU_FEATURES[sku].vnetIntegrationOutbound || GATEWAY_SKU_FEATURES[sku].vnetInjection,
  ),
];

export const apimVnetCapableSku = eachRule(
  {
    id: "aoai-apim-vnet-capable-sku",
    description: "API Management services use a SKU that supports virtual networks",
    source:
      "Azure Policy 73ef9241-5d81-4cd4-b483-8443d1730fe5 (its allowed SKUs predate the v2 tiers: StandardV2 and PremiumV2 added)",
    enforcement: PROD_MANDATORY,
  },
  APIM.service,
  "serviceName",
  (service) => {
    const sku = field(service.inputs, "sku", "name");
    return typeof sku === "string" && VNET_CAPABLE_SKUS.includes(sku)
      ? undefined
      : `SKU ${String(sku)} supports no virtual network; use one of ${VNET_CAPABLE_SKUS.join(", ")}`;
  },
);

/** Private endpoints whose automatic connection targets this service's gateway (group `Gateway`). */
function gatewayEndpoints(resources: readonly ResourceView[], service: ResourceView): ResourceView[] {
  const own = service.inputs.serviceName;
  return ofType(resources, APIM.privateEndpoint).filter((pe) =>
    list(pe.inputs.privateLinkServiceConnections).some((c) => {
      if (!list(field(c, "groupIds")).includes(GATEWAY_PRIVATE_LINK_GROUP)) return false;
      const id = field(c, "privateLinkServiceId");
      if (known(id) && known(own))
        return id.toLowerCase().endsWith(`/microsoft.apimanagement/service/${own.toLowerCase()}`);
      return pe.dependencies.includes(service.urn);
    }),
  );
}

export const apimPrivateInbound: Rule = {
  id: "aoai-apim-private-inbound",
  description:
    "API Management services are reachable privately: a private endpoint (group Gateway, automatic approval) or VNet injection in internal mode",
  source: "aoai-platform (https://learn.microsoft.com/azure/api-management/private-endpoint)",
  enforcement: PROD_MANDATORY,
  check: (resources) =>
    ofType(resources, APIM.service)
      .filter(
        (service) =>
          service.inputs.virtualNetworkType !== "Internal" &&
          gatewayEndpoints(resources, service).length === 0,
      )
      .map((service) => ({
        urn: service.urn,
        message: `${serviceLabel(service)}: no private endpoint with group "${GATEWAY_PRIVATE_LINK_GROUP}" targets the service and it is not injected in internal mode; set gateway.inbound: privateEndpoint (or vnetInjection)`,
      })),
};

export const apimPublicNetworkAccessDisabled = eachRule(
  {
    id: "aoai-apim-public-network-access-disabled",
    description: "API Management services have public network access Disabled",
    source: "Checkov CKV_AZURE_174 (no Azure built-in)",
    // Azure refuses Disabled until the service's private endpoint exists: turn it on after the first deploy.
    enforcement: OPT_IN,
  },
  APIM.service,
  "serviceName",
  (service) =>
    service.inputs.publicNetworkAccess === "Disabled"
      ? undefined
      : `publicNetworkAccess is ${String(service.inputs.publicNetworkAccess ?? "Enabled (default)")}; once the private endpoint exists, set gateway.publicNetworkAccess: Disabled`,
);

/** `2019-12-01`, `2021-08-01`, `2024-06-01-preview`: the date part, when the value is an API version. */
const apiVersionDate = (value: unknown) =>
  typeof value === "string" ? /^(\d{4}-\d{2}-\d{2})(-preview)?$/.exec(value)?.[1] : undefined;

export const apimMinApiVersion = eachRule(
  {
    id: "aoai-apim-min-api-version",
    description: `API Management services refuse management API versions before ${APIM_OLDEST_SAFE_API_VERSION}`,
    source: "Azure Policy 549814b6-3212-4203-bdc8-1548d342fb67",
    enforcement: PROD_MANDATORY,
  },
  APIM.service,
  "serviceName",
  (service) => {
    if (field(service.inputs, "sku", "name") === "Consumption") return undefined;
    const min = field(service.inputs, "apiVersionConstraint", "minApiVersion");
    const date = apiVersionDate(min);
    return date !== undefined && date >= APIM_OLDEST_SAFE_API_VERSION
      ? undefined
      : `apiVersionConstraint.minApiVersion is ${min === undefined ? "not set" : String(min)}; older management API versions return service secrets to read-only users: set ${APIM_OLDEST_SAFE_API_VERSION} or later`;
  },
);

export const apimTls12 = eachRule(
  {
    id: "aoai-apim-modern-tls",
    description: "API Management services keep TLS 1.0 and 1.1 off, towards clients and backends",
    source: "Landing-zone policy Deny-APIM-TLS (API Management services should use TLS version 1.2)",
    enforcement: PROD_MANDATORY,
  },
  APIM.service,
  "serviceName",
  (service) => {
    const properties = (field(service.inputs, "customProperties") ?? {}) as Record<string, unknown>;
    const on = APIM_LEGACY_TLS_PROPERTIES.filter((key) =>
      Object.entries(properties).some(
        ([name, value]) => name.toLowerCase() === key.toLowerCase() && String(value).toLowerCase() === "true",
      ),
    );
    return on.length === 0
      ? undefined
      : `customProperties turn on ${on.join(", ")}; leave TLS 1.0 and 1.1 off (TLS 1.2 or later)`;
  },
);

export const apimApisEncrypted = eachRule(
  {
    id: "aoai-apim-apis-encrypted-protocols",
    description: "API Management APIs use only encrypted protocols (https, wss)",
    source: "Azure Policy ee7495e7-3ba7-40b6-bfee-c29e22cc75d4",
    enforcement: PROD_MANDATORY,
  },
  APIM.api,
  "apiId",
  (api) => {
    const plain = list(api.inputs.protocols).filter((p) =>
      APIM_UNENCRYPTED_PROTOCOLS.some((u) => typeof p === "string" && p.toLowerCase() === u),
    );
    return plain.length === 0
      ? undefined
      : `protocols include ${plain.join(", ")}; serve it over https (or wss) only`;
  },
);

const isPool = (backend: ResourceView) => backend.inputs.type === "Pool";

export const apimBackendsHttps = eachRule(
  {
    id: "aoai-apim-backends-https",
    description: "API Management backends are called over https (no http:// backend URLs)",
    source: "aoai-platform (Azure security baseline for API Management: encrypt data in transit)",
    enforcement: PROD_MANDATORY,
  },
  APIM.backend,
  "backendId",
  (backend) => {
    const url = backend.inputs.url;
    if (isPool(backend) || !known(url)) return undefined;
    return url.toLowerCase().startsWith("https://")
      ? undefined
      : `url ${url} is not https; call the backend over TLS`;
  },
);

export const apimBackendTlsValidated = eachRule(
  {
    id: "aoai-apim-backend-tls-validated",
    description:
      "API Management backends validate the server certificate's chain and name (no bypass of certificate validation)",
    source: "Azure Policy 92bb331d-ac71-416a-8c91-02f2cb734ce4",
    enforcement: PROD_MANDATORY,
  },
  APIM.backend,
  "backendId",
  (backend) => {
    const off = ["validateCertificateChain", "validateCertificateName"].filter(
      (key) => field(backend.inputs, "tls", key) === false,
    );
    return off.length === 0
      ? undefined
      : `tls.${off.join(" and tls.")} is false; keep certificate validation on`;
  },
);

export const apimNamedValuesInKeyVault = eachRule(
  {
    id: "aoai-apim-named-values-key-vault",
    description: "API Management secret named values reference Azure Key Vault",
    source: "Azure Policy f1cc7827-022c-473e-836e-5a51cae0b249",
    enforcement: PROD_MANDATORY,
  },
  APIM.namedValue,
  "namedValueId",
  (namedValue) =>
    namedValue.inputs.secret === true && !known(field(namedValue.inputs, "keyVault", "secretIdentifier"))
      ? "a secret named value is stored in API Management; reference a Key Vault secret (keyVault.secretIdentifier) instead"
      : undefined,
);

export const apimSubscriptionsScoped = eachRule(
  {
    id: "aoai-apim-subscriptions-scoped",
    description: "API Management subscriptions are scoped to a product or one API, not to all APIs",
    source: "Azure Policy 3aa03346-d8c5-4994-a5bc-7652c2a2aef1",
    enforcement: PROD_MANDATORY,
  },
  APIM.subscription,
  "sid",
  (subscription) => {
    const scope = subscription.inputs.scope;
    return known(scope) && scope.toLowerCase().endsWith("/apis") && subscription.inputs.state === "active"
      ? `an active subscription scoped to all APIs (${scope}); scope it to a product or one API (/apis/<api>)`
      : undefined;
  },
);

/** A policy document's sections by name, or a reason it cannot be read; undefined when its value is unknown (a preview). */
function policySections(policy: ResourceView): Map<string, PolicyNode> | string | undefined {
  const value = policy.inputs.value;
  if (!known(value)) return undefined;
  const format = String(policy.inputs.format ?? "xml");
  if (format !== "xml" && format !== "rawxml")
    return `its policy is given as ${format}, which the rule cannot read offline`;
  try {
    const root = parsePolicy(value);
    return new Map((root.children ?? []).map((section) => [section.name, section]));
  } catch (error) {
    return `its policy is not well-formed XML (${(error as Error).message})`;
  }
}

const statements = (section: PolicyNode | undefined) => section?.children ?? [];
const hasBase = (section: PolicyNode | undefined) => statements(section).some((s) => s.name === "base");
/** Statements that run on every request of the section: its direct children (not under choose/when). */
const runsAlways = (section: PolicyNode | undefined, names: readonly string[]) =>
  statements(section).some((s) => names.includes(s.name));
/** Statements anywhere in the section, including conditional branches. */
function appearsAnywhere(section: PolicyNode | undefined, names: readonly string[]): boolean {
  return statements(section).some((s) => names.includes(s.name) || appearsAnywhere(s, names));
}

interface ApiPolicies {
  service: Map<string, PolicyNode> | string | undefined;
  api: Map<string, PolicyNode> | string | undefined;
  /** Operation-scope policies, by Pulumi name. */
  operations: { name: string; sections: Map<string, PolicyNode> | string | undefined }[];
  /** Whether each scope has a policy resource at all. */
  hasService: boolean;
  hasApi: boolean;
}

function policiesOf(resources: readonly ResourceView[], api: ResourceView): ApiPolicies {
  const service = ofType(resources, APIM.service).find((s) => inService(api, s));
  const servicePolicy = service
    ? ofType(resources, APIM.servicePolicy).find((p) => inService(p, service))
    : undefined;
  const apiPolicy = ofType(resources, APIM.apiPolicy).find((p) => ofApi(p, api));
  return {
    service: servicePolicy ? policySections(servicePolicy) : undefined,
    api: apiPolicy ? policySections(apiPolicy) : undefined,
    operations: ofType(resources, APIM.operationPolicy)
      .filter((p) => ofApi(p, api))
      .map((p) => ({ name: p.name, sections: policySections(p) })),
    hasService: servicePolicy !== undefined,
    hasApi: apiPolicy !== undefined,
  };
}

/**
 * Whether every request of the API passes one of `names` in `section`: the API policy runs it
 * unconditionally, or inherits (<base />, or no API policy) a service policy that does.
 * Returns a problem, or undefined; "unknown" when a policy value is unknown (a preview: the plan judges it).
 */
function everyRequestRuns(
  policies: ApiPolicies,
  section: string,
  names: readonly string[],
): string | "unknown" | undefined {
  const { api, service } = policies;
  if (typeof api === "string") return api;
  if (policies.hasApi && api === undefined) return "unknown";
  const apiSection = api?.get(section);
  const apiRuns = runsAlways(apiSection, names);
  const inherits = !policies.hasApi || hasBase(apiSection);
  let serviceRuns = false;
  if (inherits && policies.hasService) {
    if (service === undefined) return "unknown";
    if (typeof service !== "string") serviceRuns = runsAlways(service.get(section), names);
  }
  if (!apiRuns && !serviceRuns) {
    return appearsAnywhere(apiSection, names)
      ? `<${names.join("> or <")}> runs only under a condition in <${section}>, so some requests skip it`
      : `no <${names.join("> or <")}> in <${section}>`;
  }
  for (const operation of policies.operations) {
    if (operation.sections === undefined) return "unknown";
    if (typeof operation.sections === "string")
      return `operation policy ${operation.name}: ${operation.sections}`;
    const opSection = operation.sections.get(section);
    if (!hasBase(opSection) && !runsAlways(opSection, names))
      return `operation policy ${operation.name} drops <base /> from <${section}> without its own <${names.join("> or <")}>`;
  }
  return undefined;
}

export const apimEntraIdOnly: Rule = {
  id: "aoai-apim-entra-id-only",
  description:
    "Every API Management API operation is reachable only with an Entra ID token (validate-azure-ad-token or validate-jwt on every request; never a subscription key alone)",
  source:
    "aoai-platform (AI gateway, issue 18; https://learn.microsoft.com/azure/api-management/api-management-authenticate-authorize-azure-openai)",
  enforcement: PROD_MANDATORY,
  check: (resources) =>
    ofType(resources, APIM.api).flatMap((api): Violation[] => {
      const problem = everyRequestRuns(policiesOf(resources, api), "inbound", APIM_TOKEN_VALIDATION_POLICIES);
      if (problem === undefined || problem === "unknown") return [];
      const keys =
        api.inputs.subscriptionRequired === true ? " (callers pass with a subscription key alone)" : "";
      return [
        {
          urn: api.urn,
          message: `API ${label(api, "apiId")}: ${problem}${keys}; validate an Entra ID token on every request`,
        },
      ];
    }),
};

export const apimBackendManagedIdentity: Rule = {
  id: "aoai-apim-backend-managed-identity",
  description:
    "API Management authenticates to its backends with its managed identity (authentication-managed-identity on every request; the service has an identity)",
  source:
    "Azure Policy c15dcc82-b93c-4dcb-9332-fbf121685b54 (backends authenticated), with a managed identity instead of keys or certificates",
  enforcement: PROD_MANDATORY,
  check: (resources) =>
    ofType(resources, APIM.service).flatMap((service): Violation[] => {
      const backends = ofType(resources, APIM.backend).filter((b) => inService(b, service) && !isPool(b));
      if (backends.length === 0) return [];
      const violations: Violation[] = [];
      const identity = field(service.inputs, "identity", "type");
      if (typeof identity !== "string" || identity === "None")
        violations.push({
          urn: service.urn,
          message: `${serviceLabel(service)}: calls ${backends.length} backend(s) but has no managed identity; set identity.type SystemAssigned`,
        });
      for (const api of ofType(resources, APIM.api).filter((a) => inService(a, service))) {
        const problem = everyRequestRuns(policiesOf(resources, api), "inbound", [
          APIM_MANAGED_IDENTITY_POLICY,
        ]);
        if (problem !== undefined && problem !== "unknown")
          violations.push({
            urn: api.urn,
            message: `API ${label(api, "apiId")}: ${problem}; backends are called without the gateway's managed identity`,
          });
      }
      return violations;
    }),
};

export const APIM_RULES: readonly Rule[] = [
  apimPrivateInbound,
  apimPublicNetworkAccessDisabled,
  apimVnetCapableSku,
  apimVirtualNetwork,
  apimMinApiVersion,
  apimTls12,
  apimApisEncrypted,
  apimEntraIdOnly,
  apimBackendManagedIdentity,
  apimBackendsHttps,
  apimBackendTlsValidated,
  apimNamedValuesInKeyVault,
  apimSubscriptionsScoped,
];
