/**
 * Deterministic role assignment names. ARM requires a GUID name and answers RoleAssignmentExists
 * when the same (scope, principal, role) arrives under a second name, so the name is derived from
 * exactly those three: re-runs, imports and other tools that follow the same rule never duplicate.
 */
import { createHash } from "node:crypto";

/**
 * The namespace of this platform's names (a random UUID picked once). Changing it renames, and so
 * replaces, every role assignment the platform manages.
 */
export const ROLE_ASSIGNMENT_NAMESPACE = "a82a3a19-4c8f-494f-85c6-886a6bc6fe29";

/** A name-based UUID (RFC 9562 version 5: SHA-1 of namespace and name). */
export function nameBasedUuid(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (namespaceBytes.length !== 16) throw new Error(`namespace ${namespace} is not a UUID`);
  const bytes = createHash("sha1").update(namespaceBytes).update(name, "utf8").digest().subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The role assignment name for (scope, principal, role). ARM ids and GUIDs are case-insensitive and
 * a trailing slash names the same scope, so they are normalised first; the role is its GUID, so the
 * short and the subscription-qualified role definition id give the same name.
 */
export function roleAssignmentName(scope: string, principalId: string, roleGuid: string): string {
  const parts = [scope.replace(/\/+$/, ""), principalId, roleGuid].map((part) => part.trim().toLowerCase());
  return nameBasedUuid(ROLE_ASSIGNMENT_NAMESPACE, parts.join("|"));
}
