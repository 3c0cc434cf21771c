/**
 * Who creates each private endpoint's DNS zone group. An `as const` object, so Pulumi's schema
 * inference turns it into an enum of the package (`aoai-platform:index:DnsZoneGroupMode`).
 */
export const DnsZoneGroupMode = {
  /** The stack creates each endpoint's private DNS zone group (the default). */
  Stack: "stack",
  /**
   * A landing zone's DeployIfNotExists policy (Azure Policy c4bc6f10, ALZ Deploy-Private-DNS-Zones)
   * creates the zone groups in its central zones; the stack creates the endpoints only.
   */
  PolicyManaged: "policy-managed",
} as const;
export type DnsZoneGroupMode = (typeof DnsZoneGroupMode)[keyof typeof DnsZoneGroupMode];

/**
 * `network.dnsZoneGroup: policy-managed`: the endpoints carry this tag, so the DNS rule (and a
 * reader in the portal) knows the zone group is the tenant policy's to create, not missing.
 */
export const DNS_ZONE_GROUP_TAG = "aoai-platform-dns-zone-group";
export const POLICY_MANAGED = DnsZoneGroupMode.PolicyManaged;
