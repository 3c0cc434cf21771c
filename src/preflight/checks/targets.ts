/** How results name what they are about: accounts with their region, and config keys. */
import { formatKeyPath } from "../../config/errors";
import { CONFIG_NAMESPACE } from "../../config/load";

export const accountTarget = (account: { name: string; location: string }) =>
  `${account.name} (${account.location})`;

export const configKey = (path: readonly PropertyKey[]) => `${CONFIG_NAMESPACE}:${formatKeyPath(path)}`;
