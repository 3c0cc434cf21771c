/**
 * Stands in for a `secure:` config value in the offline plan: the ciphertext can only be decrypted by
 * the stack's secrets provider, so schemas that validate a secret's format accept this value as is.
 */
export const OFFLINE_SECRET_PLACEHOLDER = "offline-plan-secret-placeholder";
