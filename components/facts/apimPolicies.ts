/**
 * The API Management policy elements the gateway generates, with the attributes and child elements each
 * allows, from the policy reference (https://learn.microsoft.com/azure/api-management/api-management-policies
 * and each policy's page below). The generated XML is checked against this table: an element or attribute
 * not listed here is refused before it reaches Azure.
 */

export interface PolicyElementFacts {
  attributes: readonly string[];
  /** Attributes the policy requires. */
  required?: readonly string[];
  /** Child elements allowed (policies inside sections and control flow accept any known policy: "*"). */
  children: readonly string[] | "*";
  /** Holds text (an id, an audience) rather than elements. */
  text?: boolean;
  /** Sections the policy may stand in (its page's "Usage", "Policy sections"); only on policies. */
  sections?: readonly PolicySection[];
  source: string;
}

export type PolicySection = "inbound" | "backend" | "outbound" | "on-error";
const ANY_SECTION: readonly PolicySection[] = ["inbound", "backend", "outbound", "on-error"];

const REF = "https://learn.microsoft.com/azure/api-management";
const SECTION: PolicyElementFacts = {
  attributes: [],
  children: "*",
  source: `${REF}/api-management-howto-policies#understanding-policy-configuration`,
};

export const POLICY_ELEMENTS: Readonly<Record<string, PolicyElementFacts>> = {
  policies: {
    attributes: [],
    children: ["inbound", "backend", "outbound", "on-error"],
    source: SECTION.source,
  },
  inbound: SECTION,
  backend: SECTION,
  outbound: SECTION,
  "on-error": SECTION,
  base: { attributes: [], children: [], sections: ANY_SECTION, source: SECTION.source },
  choose: {
    attributes: [],
    children: ["when", "otherwise"],
    sections: ANY_SECTION,
    source: `${REF}/choose-policy`,
  },
  when: { attributes: ["condition"], required: ["condition"], children: "*", source: `${REF}/choose-policy` },
  otherwise: { attributes: [], children: "*", source: `${REF}/choose-policy` },
  "validate-azure-ad-token": {
    attributes: [
      "tenant-id",
      "header-name",
      "query-parameter-name",
      "token-value",
      "failed-validation-httpcode",
      "failed-validation-error-message",
      "output-token-variable-name",
    ],
    required: ["tenant-id"],
    children: [
      "backend-application-ids",
      "client-application-ids",
      "audiences",
      "required-claims",
      "decryption-keys",
    ],
    sections: ["inbound"],
    source: `${REF}/validate-azure-ad-token-policy`,
  },
  "client-application-ids": {
    attributes: [],
    children: ["application-id"],
    source: `${REF}/validate-azure-ad-token-policy`,
  },
  "application-id": {
    attributes: [],
    children: [],
    text: true,
    source: `${REF}/validate-azure-ad-token-policy`,
  },
  audiences: { attributes: [], children: ["audience"], source: `${REF}/validate-azure-ad-token-policy` },
  audience: { attributes: [], children: [], text: true, source: `${REF}/validate-azure-ad-token-policy` },
  "authentication-managed-identity": {
    attributes: ["resource", "client-id", "output-token-variable-name", "ignore-error"],
    required: ["resource"],
    children: [],
    sections: ["inbound"],
    source: `${REF}/authentication-managed-identity-policy`,
  },
  "set-backend-service": {
    attributes: ["base-url", "backend-id"],
    children: [],
    sections: ["inbound", "backend"],
    source: `${REF}/set-backend-service-policy`,
  },
  "set-variable": {
    attributes: ["name", "value"],
    required: ["name", "value"],
    children: [],
    sections: ANY_SECTION,
    source: `${REF}/set-variable-policy`,
  },
  "azure-openai-token-limit": {
    attributes: [
      "counter-key",
      "tokens-per-minute",
      "token-quota",
      "token-quota-period",
      "estimate-prompt-tokens",
      "retry-after-header-name",
      "retry-after-variable-name",
      "remaining-quota-tokens-header-name",
      "remaining-quota-tokens-variable-name",
      "remaining-tokens-header-name",
      "remaining-tokens-variable-name",
      "tokens-consumed-header-name",
      "tokens-consumed-variable-name",
    ],
    required: ["counter-key", "estimate-prompt-tokens"],
    children: [],
    // "This policy can be used multiple times per policy definition" (Usage notes): one per consumer, each
    // in the consumer's <when>, is allowed; choose accepts any policy statements in when/otherwise.
    sections: ["inbound"],
    source: `${REF}/azure-openai-token-limit-policy`,
  },
  "azure-openai-emit-token-metric": {
    attributes: ["namespace"],
    children: ["dimension"],
    sections: ["inbound"],
    source: `${REF}/azure-openai-emit-token-metric-policy`,
  },
  dimension: {
    attributes: ["name", "value"],
    required: ["name"],
    children: [],
    source: `${REF}/azure-openai-emit-token-metric-policy`,
  },
  retry: {
    attributes: ["condition", "count", "interval", "max-interval", "delta", "first-fast-retry"],
    required: ["condition", "count", "interval"],
    children: "*",
    sections: ANY_SECTION,
    source: `${REF}/retry-policy`,
  },
  "forward-request": {
    attributes: [
      "timeout",
      "timeout-ms",
      "continue-timeout",
      "http-version",
      "follow-redirects",
      "buffer-request-body",
      "buffer-response",
      "fail-on-error-status-code",
    ],
    children: [],
    sections: ["backend"],
    source: `${REF}/forward-request-policy`,
  },
  "return-response": {
    attributes: ["response-variable-name"],
    children: ["set-status", "set-header", "set-body"],
    sections: ANY_SECTION,
    source: `${REF}/return-response-policy`,
  },
  "set-status": {
    attributes: ["code", "reason"],
    required: ["code"],
    children: [],
    source: `${REF}/set-status-policy`,
  },
};

/** Elements that are policies (may stand inside a section, when, otherwise or retry). */
export const POLICY_STATEMENTS: readonly string[] = [
  "base",
  "choose",
  "validate-azure-ad-token",
  "authentication-managed-identity",
  "set-backend-service",
  "set-variable",
  "azure-openai-token-limit",
  "azure-openai-emit-token-metric",
  "retry",
  "forward-request",
  "return-response",
];
