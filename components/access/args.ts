/**
 * The PlatformAccess component's args as a consumer writes them in any Pulumi language: the stack
 * config's `access` settings (validated and defaulted with the same zod schema, access/spec.ts),
 * the accounts by reference and the accounts' customer-managed-key grants. Nested types carry no
 * `Args` suffix: each language's generated SDK adds its own (Python `AppIdentityArgs`, Go, C#).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AccountReference } from "../accountRef";
import type { GrantScopeKind, PrincipalType } from "./spec";

/** An app's user-assigned managed identity (created here) or an existing principal, and its roles. */
export interface AppIdentity {
  /** The user-assigned managed identity to create, or a label for an existing principal. */
  name: string;
  /** Object id of an existing principal; nothing is created then. */
  principalId?: string;
  /** Required with principalId. */
  principalType?: PrincipalType;
  /**
   * Roles by catalog name ("Cognitive Services OpenAI User"), alias ("openai-user") or role definition
   * id; broad roles (Contributor, Owner, User Access Administrator, ...) are refused with the role to
   * use instead.
   */
  roles: string[];
  /** Where the roles apply; defaults to the accounts. */
  scope?: GrantScopeKind;
  /** A subset of the accounts by name, for scope `accounts`. */
  accounts?: string[];
}

/** An Entra security group (created, or an existing one looked up by display name) and its roles. */
export interface EntraGroup {
  /** Entra display names are tenant-wide: include the environment. */
  displayName: string;
  /** Look up an existing security group by display name instead of creating one. */
  existing?: boolean;
  /** The created group's description. */
  description?: string;
  /** Object ids of the created group's owners. */
  owners?: string[];
  /** Object ids of the created group's members. */
  members?: string[];
  /** Roles, as for identities. */
  roles?: string[];
  /** Where the roles apply; defaults to the accounts. */
  scope?: GrantScopeKind;
  /** A subset of the accounts by name, for scope `accounts`. */
  accounts?: string[];
}

/** The GitHub jobs the deploy identity trusts. */
export interface GithubDeployTrust {
  /** "<owner>/<repository>". */
  repository: string;
  /** GitHub deployment environments whose jobs may log in (their protection rules guard every deploy). */
  environments?: string[];
  /** Also trust jobs on this branch outside any environment (they skip the environments' reviewers). */
  branch?: string;
}

/** The CI deploy identity: an Entra application GitHub Actions logs in as through OIDC (no secret). */
export interface CiDeployIdentity {
  /** Display name of the Entra application and its service principal. */
  displayName: string;
  /** Object ids of the application's owners. */
  owners?: string[];
  /** The deploy jobs it trusts. */
  github: GithubDeployTrust;
}

/** The repository whose pull-request jobs the preview identity trusts. */
export interface GithubRepository {
  /** "<owner>/<repository>". */
  repository: string;
}

/** The CI preview identity: pull-request jobs log in as it; it reads and changes nothing. */
export interface CiPreviewIdentity {
  /** Display name of the Entra application and its service principal. */
  displayName: string;
  /** Object ids of the application's owners. */
  owners?: string[];
  /** Pull requests to this repository may log in. */
  github: GithubRepository;
  /** The Pulumi state blob container (azblob backend): Storage Blob Data Reader on it. */
  stateContainerId?: string;
  /** The Key Vault key of the stack's secrets provider: Key Vault Crypto User on it. */
  secretsKeyId?: string;
}

/** An account's customer-managed key: its system-assigned identity gets the key vault role it needs. */
export interface KeyVaultGrant {
  /** The account (a name of `accounts`; its principalId is the grantee). */
  account: string;
  /** The key vault's ARM resource id. */
  keyVaultId: string;
}

/** Identity and access for one stack; validated and defaulted as the stack config's `access`. */
export interface PlatformAccessArgs {
  /** App identities and their roles. */
  identities?: AppIdentity[];
  /** Entra groups and their roles. */
  groups?: EntraGroup[];
  /** The CI deploy identity (Contributor on the resource group, and constrained role delegation). */
  ciDeployIdentity?: CiDeployIdentity;
  /** The CI pull-request preview identity (read-only roles). */
  ciPreviewIdentity?: CiPreviewIdentity;
  /** The accounts roles are granted on (scope `accounts`), by reference. */
  accounts?: AccountReference[];
  /** Customer-managed-key grants of the accounts. */
  keyVaultGrants?: KeyVaultGrant[];
  /** The resource group created managed identities go in. */
  resourceGroupName: pulumi.Input<string>;
  /** The resource group's id: the scope of resource-group grants and the CI identities' roles. */
  resourceGroupId: pulumi.Input<string>;
  /** Region of created managed identities. */
  location: pulumi.Input<string>;
  /** Tags on created managed identities. */
  tags?: Record<string, string>;
}
