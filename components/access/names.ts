/**
 * Pulumi names of the access component's children that cannot collide. Names are built from config
 * labels (`grp-${displayName}`, `${principal}-${role}-${scope}`), and labels are not injective: group
 * "AOAI Ops" and group "AOAI-Ops", identity "a-b" with role "c" and identity "a" with role "b-c", or an
 * account named "rg" and the resource-group scope give one name. A name that only one planned resource
 * has is kept as it always was; resources that share a name each get a suffix hashed from what makes
 * them distinct (their key), and the first of them (config order) keeps the shared name as an alias,
 * since before the suffix existed only one of them can have been deployed under it. Pure.
 */
import { createHash } from "node:crypto";

export interface NameRequest {
  /** The name the resource has had so far. */
  base: string;
  /** What makes the resource distinct from any other of the component (exact config values). */
  key: string;
}

export interface PlannedName {
  name: string;
  /** The base name, for the one resource that may have been deployed under it. */
  alias?: string;
}

const suffix = (key: string) => createHash("sha256").update(key).digest("hex").slice(0, 10);

export function uniqueNames(requests: readonly NameRequest[]): PlannedName[] {
  const count = new Map<string, number>();
  for (const { base } of requests) count.set(base, (count.get(base) ?? 0) + 1);
  const aliased = new Set<string>();
  return requests.map(({ base, key }) => {
    if (count.get(base) === 1) return { name: base };
    const name = `${base}-${suffix(key)}`;
    if (aliased.has(base)) return { name };
    aliased.add(base);
    return { name, alias: base };
  });
}
