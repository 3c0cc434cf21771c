/** Stack-wide rules and warnings for identity and access (they need the stack's account names). */
import {
  type AccessIssue,
  type AccessSpec,
  accountSubsetIssues,
  type CiPreviewIdentitySpec,
} from "../../components/access/spec";
import type { AccountSpec } from "../../components/account/spec";
import { formatKeyPath } from "./errors";
import type { ConfigWarning } from "./types";

/** Every `accounts` subset must name accounts of this stack. */
export function accessIssues(access: AccessSpec, accountNames: readonly string[]): AccessIssue[] {
  return accountSubsetIssues(access, accountNames).map(({ path, message }) => ({
    path: ["access", ...path],
    message,
  }));
}

/**
 * A customer-managed key without keyVaultId works only if someone grants the key access by hand; one
 * that encrypts on the first deploy fails, because the identity it needs is created with the account.
 */
export function accessWarnings(accounts: readonly AccountSpec[]): ConfigWarning[] {
  return accounts.flatMap((account, a): ConfigWarning[] => {
    const key = account.customerManagedKey;
    if (!key) return [];
    const warnings: ConfigWarning[] = [];
    if (key.keyVaultId === undefined) {
      warnings.push({
        rule: "config.cmk-grant-missing",
        key: formatKeyPath(["accounts", a, "customerManagedKey", "keyVaultId"]),
        message: `no keyVaultId: the platform cannot grant ${account.name}'s system identity "Key Vault Crypto Service Encryption User" on the vault; set it, or grant the role yourself before the account is encrypted`,
      });
    }
    if (key.encrypt) {
      warnings.push({
        rule: "config.cmk-new-account",
        key: formatKeyPath(["accounts", a, "customerManagedKey", "encrypt"]),
        message: `if ${account.name} does not exist yet, deploy it once with encrypt: false (its system identity and the key grant are created), then set encrypt: true; Azure cannot encrypt an account with an identity that does not exist yet`,
      });
    }
    return warnings;
  });
}

/**
 * A preview identity without the state container or the secrets key cannot run `pulumi preview` on
 * the README's backend (azblob state, azurekeyvault secrets) unless someone grants those by hand.
 */
export function previewIdentityWarnings(preview: CiPreviewIdentitySpec | undefined): ConfigWarning[] {
  if (!preview) return [];
  const missing = [
    { key: "stateContainerId", what: "read the Pulumi state (Storage Blob Data Reader)" },
    { key: "secretsKeyId", what: "decrypt the stack's secrets (Key Vault Crypto User)" },
  ] as const;
  return missing
    .filter(({ key }) => preview[key] === undefined)
    .map(({ key, what }) => ({
      rule: "config.preview-access-missing",
      key: formatKeyPath(["access", "ciPreviewIdentity", key]),
      message: `not set: the preview identity cannot ${what} unless granted outside this stack`,
    }));
}
