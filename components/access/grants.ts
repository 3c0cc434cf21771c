/** Which role goes on which scope for one principal: a pure function of its config entry. */
import type { ResolvedRole } from "../facts/roles";
import type { GrantScopeKind } from "./spec";

export type GrantScope =
  | { kind: "account"; account: string }
  | { kind: "resourceGroup" }
  | { kind: "subscription" };

export interface Grant {
  role: ResolvedRole;
  scope: GrantScope;
}

export interface GrantRequest {
  roles: readonly ResolvedRole[];
  scope: GrantScopeKind;
  /** A subset of the stack's accounts; all of them when absent. */
  accounts?: readonly string[] | undefined;
}

/** Every (role, scope) pair the request asks for, roles in config order, then scopes. */
export function plannedGrants(request: GrantRequest, accountNames: readonly string[]): Grant[] {
  const scopes: GrantScope[] =
    request.scope === "accounts"
      ? (request.accounts ?? accountNames).map((account) => ({ kind: "account", account }))
      : [{ kind: request.scope }];
  return request.roles.flatMap((role) => scopes.map((scope) => ({ role, scope })));
}

/** A short, stable label of a scope for Pulumi resource names. */
export function scopeLabel(scope: GrantScope): string {
  return scope.kind === "account"
    ? scope.account
    : scope.kind === "resourceGroup"
      ? "resource-group"
      : "subscription";
}

/** The scope exactly, for telling names apart (an account named "rg" is not the resource group). */
export function scopeKey(scope: GrantScope): string {
  return scope.kind === "account" ? `account|${scope.account}` : scope.kind;
}
