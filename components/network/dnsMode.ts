/**
 * `network.dnsZoneGroup: policy-managed`: the endpoints carry this tag, so the DNS rule (and a
 * reader in the portal) knows the zone group is the tenant policy's to create, not missing.
 */
export const DNS_ZONE_GROUP_TAG = "aoai-platform-dns-zone-group";
export const POLICY_MANAGED = "policy-managed";
