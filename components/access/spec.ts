/** Config shape of identity and access: app identities, Entra groups, the CI deploy and preview identities. */
import { z } from "zod";
import { MANAGED_IDENTITY_NAME } from "../facts/names";
import { type ResolvedRole, resolveAppRole } from "../facts/roles";
import { addDuplicateIssues, armResourceId, azureName, strictObject } from "../validation";

/**
 * Where a principal's roles apply. `as const` objects, so Pulumi's schema inference turns them into
 * enums of the package (`aoai-platform:index:GrantScopeKind`, `…:PrincipalType`).
 */
export const GrantScopeKind = {
  /** The accounts (all of them, or the entry's `accounts`): the default. */
  Accounts: "accounts",
  /** The platform's resource group. */
  ResourceGroup: "resourceGroup",
  /** The subscription: only for roles Azure honours there alone (Cognitive Services Usages Reader). */
  Subscription: "subscription",
} as const;
export type GrantScopeKind = (typeof GrantScopeKind)[keyof typeof GrantScopeKind];
export const GRANT_SCOPES = Object.values(GrantScopeKind);

/** The kind of an existing principal; Azure needs it to assign roles to principals still replicating. */
export const PrincipalType = {
  ServicePrincipal: "ServicePrincipal",
  Group: "Group",
  User: "User",
} as const;
export type PrincipalType = (typeof PrincipalType)[keyof typeof PrincipalType];
export const PRINCIPAL_TYPES = Object.values(PrincipalType);

const objectId = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, {
    error: "must be an Entra object id (a GUID)",
  });

/** A role by catalog name, alias or role definition id; refused roles fail with the role to use instead. */
const roleReference = z.string().transform((value, ctx): ResolvedRole => {
  const resolved = resolveAppRole(value);
  if ("error" in resolved) {
    ctx.addIssue({ code: "custom", message: resolved.error });
    return z.NEVER;
  }
  return resolved;
});

const grantShape = {
  /** Default: the stack's accounts (or the `accounts` subset); the resource group only when asked. */
  scope: z.enum(GrantScopeKind).default(GrantScopeKind.Accounts),
  /** A subset of the stack's account names, for scope `accounts`. */
  accounts: z.array(z.string().min(1)).min(1).optional(),
};

interface GrantFields {
  roles: readonly ResolvedRole[];
  scope: GrantScopeKind;
  accounts?: readonly string[] | undefined;
}

/** Rules every principal's grants follow: scope fits the role, no role twice. */
function addGrantIssues(grant: GrantFields, ctx: z.RefinementCtx): void {
  if (grant.accounts !== undefined && grant.scope !== "accounts") {
    ctx.addIssue({
      code: "custom",
      path: ["accounts"],
      message: `accounts only apply with scope "accounts" (scope is "${grant.scope}")`,
    });
  }
  const seen = new Set<string>();
  grant.roles.forEach((role, i) => {
    if (seen.has(role.guid)) {
      ctx.addIssue({ code: "custom", path: ["roles", i], message: `${role.name} is listed twice` });
    }
    seen.add(role.guid);
    if (role.subscriptionOnly && grant.scope !== "subscription") {
      ctx.addIssue({
        code: "custom",
        path: ["roles", i],
        message: `${role.name} only works at subscription scope (quota is per subscription); set scope: subscription on this entry`,
      });
    }
    if (!role.subscriptionOnly && grant.scope === "subscription") {
      ctx.addIssue({
        code: "custom",
        path: ["roles", i],
        message: `${role.name} at subscription scope would cover every resource in the subscription; subscription scope is only for roles Azure honours there alone (Cognitive Services Usages Reader): use scope "accounts" or "resourceGroup"`,
      });
    }
  });
}

export const appIdentitySpecSchema = strictObject({
  /** The user-assigned managed identity to create, or a label for an existing principal. */
  name: azureName(MANAGED_IDENTITY_NAME),
  /** Object id of an existing principal; nothing is created then. */
  principalId: objectId.optional(),
  /** Required with principalId; Azure needs it to assign roles to principals that are still replicating. */
  principalType: z.enum(PrincipalType).optional(),
  roles: z.array(roleReference).min(1, { error: "list at least one role" }),
  ...grantShape,
}).superRefine((identity, ctx) => {
  if (identity.principalId !== undefined && identity.principalType === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["principalType"],
      message: `an existing principal needs its type: ${PRINCIPAL_TYPES.join(" | ")}`,
    });
  }
  if (identity.principalId === undefined && identity.principalType !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["principalType"],
      message:
        "principalType only applies with principalId; a created managed identity is a ServicePrincipal",
    });
  }
  addGrantIssues(identity, ctx);
});
export type AppIdentitySpec = z.output<typeof appIdentitySpecSchema>;

export const groupSpecSchema = strictObject({
  /** Entra display names are tenant-wide: include the environment. */
  displayName: z.string().min(1).max(256),
  /** Look up an existing security group by display name instead of creating one. */
  existing: z.boolean().default(false),
  description: z.string().max(1024).optional(),
  owners: z.array(objectId).default([]),
  members: z.array(objectId).default([]),
  roles: z.array(roleReference).default([]),
  ...grantShape,
}).superRefine((group, ctx) => {
  if (group.existing) {
    for (const key of ["description", "owners", "members"] as const) {
      const value = group[key];
      if (value !== undefined && value.length > 0) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message:
            "an existing group is only looked up; manage its description, owners and members where it is owned",
        });
      }
    }
  }
  addGrantIssues(group, ctx);
});
export type GroupSpec = z.output<typeof groupSpecSchema>;

/** Federated identity credentials per application (Entra limit). */
export const MAX_FEDERATED_CREDENTIALS = 20;

const repository = z
  .string()
  .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { error: 'must be "<owner>/<repository>"' });

export const ciDeployIdentitySpecSchema = strictObject({
  /** Display name of the Entra application and its service principal. */
  displayName: z.string().min(1).max(120),
  owners: z.array(objectId).default([]),
  github: strictObject({
    repository,
    /**
     * GitHub deployment environments whose jobs may log in: the only way in by default, so the
     * environments' protection rules (required reviewers) guard every deploy.
     */
    environments: z
      .array(
        z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, {
          error: "must be a GitHub environment name of letters, digits, '_' and '-' (at most 100)",
        }),
      )
      .max(MAX_FEDERATED_CREDENTIALS - 1, {
        error: `an Entra application holds at most ${MAX_FEDERATED_CREDENTIALS} federated credentials; one may go to the branch`,
      })
      .default([]),
    /**
     * Also trust jobs on this branch that run outside any environment. Off by default: such a job
     * skips the environments' reviewers.
     */
    branch: z
      .string()
      .regex(/^[A-Za-z0-9._/-]+$/, { error: "must be a branch name (letters, digits, '.', '_', '-', '/')" })
      // The subject is `ref:refs/heads/<branch>`: a full ref would give ref:refs/heads/refs/heads/main,
      // which GitHub never issues, and the deploy could never log in.
      .refine((branch) => !branch.startsWith("refs/"), {
        error:
          'give the branch name only (e.g. "main"), not a ref: the federated subject is built as ref:refs/heads/<branch>',
      })
      .optional(),
  }).superRefine((github, ctx) => {
    if (github.environments.length === 0 && github.branch === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["environments"],
        message:
          "list the GitHub environments the deploy jobs run in (e.g. [prod]); without one the identity cannot log in",
      });
    }
  }),
});
export type CiDeployIdentitySpec = z.output<typeof ciDeployIdentitySpecSchema>;

const STORAGE_CONTAINER_ID =
  /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[a-z0-9]{3,24}\/blobServices\/default\/containers\/[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])?$/i;
const KEY_VAULT_KEY_ID =
  /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/[A-Za-z0-9-]{3,24}\/keys\/[A-Za-z0-9-]{1,127}$/i;

/** The pull-request preview identity: reads the stack, its state and its secrets; changes nothing. */
export const ciPreviewIdentitySpecSchema = strictObject({
  displayName: z.string().min(1).max(120),
  owners: z.array(objectId).default([]),
  /** Jobs of pull requests to this repository may log in (subject repo:<owner>/<repo>:pull_request). */
  github: strictObject({ repository }),
  /** The Pulumi state container (azblob backend): Storage Blob Data Reader on it. */
  stateContainerId: z
    .string()
    .regex(STORAGE_CONTAINER_ID, {
      error:
        "must be a blob container id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<account>/blobServices/default/containers/<container>",
    })
    .optional(),
  /** The Key Vault key of the stack's secrets provider (azurekeyvault://): Key Vault Crypto User on it. */
  secretsKeyId: z
    .string()
    .regex(KEY_VAULT_KEY_ID, {
      error:
        "must be a Key Vault key id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<vault>/keys/<key>",
    })
    .optional(),
});
export type CiPreviewIdentitySpec = z.output<typeof ciPreviewIdentitySpecSchema>;

const accessShape = {
  identities: z.array(appIdentitySpecSchema).default([]),
  groups: z.array(groupSpecSchema).default([]),
  ciDeployIdentity: ciDeployIdentitySpecSchema.optional(),
  ciPreviewIdentity: ciPreviewIdentitySpecSchema.optional(),
};
type AccessFields = z.output<z.ZodObject<typeof accessShape>>;

function addAccessIssues(access: AccessFields, ctx: z.RefinementCtx): void {
  const names = access.identities.map((i) => i.name);
  addDuplicateIssues(ctx, names, (i) => ["identities", i, "name"], "identity name");
  const { ciDeployIdentity, ciPreviewIdentity } = access;
  if (
    ciDeployIdentity &&
    ciPreviewIdentity &&
    ciDeployIdentity.displayName.toLowerCase() === ciPreviewIdentity.displayName.toLowerCase()
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["ciPreviewIdentity", "displayName"],
      message: "the same display name as ciDeployIdentity; the preview identity is a separate application",
    });
  }
  const groupNames = access.groups.map((g) => g.displayName);
  addDuplicateIssues(ctx, groupNames, (i) => ["groups", i, "displayName"], "group display name");
  // One entry per principal: a second entry would manage the same role assignments twice.
  const firstEntry = new Map<string, number>();
  access.identities.forEach(({ principalId }, i) => {
    if (principalId === undefined) return;
    const first = firstEntry.get(principalId.toLowerCase());
    if (first === undefined) firstEntry.set(principalId.toLowerCase(), i);
    else
      ctx.addIssue({
        code: "custom",
        path: ["identities", i, "principalId"],
        message: `the same principal as identities[${first}]; list each principal once with all its roles`,
      });
  });
}

export const accessSpecSchema = strictObject(accessShape).superRefine(addAccessIssues);
export type AccessSpec = z.output<typeof accessSpecSchema>;

/** An issue at a key path relative to the access settings. */
export interface AccessIssue {
  path: (string | number)[];
  message: string;
}

/** Every `accounts` subset of an identity or group must name one of the accounts. */
export function accountSubsetIssues(access: AccessFields, accountNames: readonly string[]): AccessIssue[] {
  const known = new Set(accountNames);
  const allowed = accountNames.map((n) => `"${n}"`).join(", ");
  const entries = [
    ...access.identities.map((entry, i) => ({ entry, path: ["identities", i] })),
    ...access.groups.map((entry, i) => ({ entry, path: ["groups", i] })),
  ];
  return entries.flatMap(({ entry, path }) =>
    (entry.accounts ?? []).flatMap((account, a) =>
      known.has(account)
        ? []
        : [
            {
              path: [...path, "accounts", a],
              message: `no account named "${account}"; use one of ${allowed}`,
            },
          ],
    ),
  );
}

/**
 * The PlatformAccess component's args: the stack's `access` settings, the accounts roles are granted
 * on (only their names are checked here; ids and principal ids are Pulumi inputs) and the accounts'
 * customer-managed-key grants.
 */
export const platformAccessSpecSchema = strictObject({
  ...accessShape,
  accounts: z.array(z.object({ name: z.string().min(1) })).default([]),
  keyVaultGrants: z
    .array(strictObject({ account: z.string().min(1), keyVaultId: armResourceId }))
    .default([]),
}).superRefine((access, ctx) => {
  addAccessIssues(access, ctx);
  const accountNames = access.accounts.map((a) => a.name);
  addDuplicateIssues(ctx, accountNames, (i) => ["accounts", i, "name"], "account name");
  for (const issue of accountSubsetIssues(access, accountNames)) ctx.addIssue({ code: "custom", ...issue });
  const allowed = accountNames.map((n) => `"${n}"`).join(", ");
  access.keyVaultGrants.forEach(({ account }, i) => {
    if (!accountNames.includes(account)) {
      ctx.addIssue({
        code: "custom",
        path: ["keyVaultGrants", i, "account"],
        message: `no account named "${account}"; use one of ${allowed}`,
      });
    }
  });
});
export type PlatformAccessSpec = z.output<typeof platformAccessSpecSchema>;
