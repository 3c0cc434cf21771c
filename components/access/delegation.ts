/**
 * An Azure ABAC condition (version 2.0) for Role Based Access Control Administrator that lets the
 * holder create and delete role assignments of the listed roles only. Without it the role could
 * grant Owner; with it the CI identity can manage the stack's grants and nothing more.
 */
export const CONDITION_VERSION = "2.0";

export function constrainedRolesCondition(roleGuids: readonly string[]): string {
  if (roleGuids.length === 0) throw new Error("a constrained delegation needs at least one role");
  const list = `{${[...new Set(roleGuids.map((g) => g.toLowerCase()))].sort().join(", ")}}`;
  const allow = (action: "write" | "delete", source: "Request" | "Resource") =>
    `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/${action}'})) OR ` +
    `(@${source}[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals ${list}))`;
  return `${allow("write", "Request")} AND ${allow("delete", "Resource")}`;
}
