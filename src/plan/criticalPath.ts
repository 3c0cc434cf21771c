/**
 * The deploy critical path: the longest chain of dependent create operations in a plan. Only custom
 * resources are operations; a dependency on a component resource stands for its custom descendants.
 * Everything off the path runs in parallel with it, so its length is the least time `pulumi up` needs.
 */
import type { PlannedResource } from "./resource";

export type PathResource = Pick<
  PlannedResource,
  "urn" | "type" | "name" | "custom" | "parent" | "dependencies"
>;

export interface CriticalPathStep {
  urn: string;
  type: string;
  name: string;
  /** Estimated minutes of this operation. */
  minutes: number;
  /** Minutes after the deploy starts at which this operation can start. */
  startsAt: number;
}

export interface CriticalPath {
  /** Estimated minutes of the whole path: the least wall time of the deploy. */
  minutes: number;
  /** Sum of every operation's minutes: the deploy's time if nothing ran in parallel. */
  sequentialMinutes: number;
  operations: number;
  steps: CriticalPathStep[];
}

/** Custom resources each dependency stands for: itself, or a component's custom descendants. */
function operationIndex(resources: readonly PathResource[]) {
  const children = new Map<string, PathResource[]>();
  for (const r of resources) {
    if (r.parent === null) continue;
    const siblings = children.get(r.parent) ?? [];
    siblings.push(r);
    children.set(r.parent, siblings);
  }
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const expanded = new Map<string, readonly string[]>();
  const operationsOf = (urn: string): readonly string[] => {
    const known = expanded.get(urn);
    if (known) return known;
    const resource = byUrn.get(urn);
    const operations = !resource
      ? []
      : resource.custom
        ? [urn]
        : (children.get(urn) ?? []).flatMap((child) => operationsOf(child.urn));
    expanded.set(urn, operations);
    return operations;
  };
  return (resource: PathResource): string[] => {
    const operations = new Set(resource.dependencies.flatMap(operationsOf));
    operations.delete(resource.urn);
    return [...operations];
  };
}

/**
 * Longest path by summed minutes over the custom resources. Ties go to the resource registered
 * first, so the same plan always yields the same path. Throws on a dependency cycle (the engine
 * rejects those, so one here is a bug in the recorded graph).
 */
export function criticalPath<R extends PathResource>(
  resources: readonly R[],
  minutesOf: (resource: R) => number,
): CriticalPath {
  const operations = resources.filter((r) => r.custom);
  const order = new Map(operations.map((r, i) => [r.urn, i]));
  const byUrn = new Map(operations.map((r) => [r.urn, r]));
  const predecessorsOf = operationIndex(resources);
  /** Earliest finish of each operation and the predecessor that decides it. */
  const finish = new Map<string, { at: number; after: string | null }>();
  const visiting = new Set<string>();

  const finishOf = (resource: R): number => {
    const known = finish.get(resource.urn);
    if (known) return known.at;
    if (visiting.has(resource.urn)) throw new Error(`dependency cycle through ${resource.urn}`);
    visiting.add(resource.urn);
    let start = 0;
    let after: string | null = null;
    const predecessors = predecessorsOf(resource).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    for (const urn of predecessors) {
      const predecessor = byUrn.get(urn);
      if (!predecessor) continue;
      const at = finishOf(predecessor);
      if (at > start) {
        start = at;
        after = urn;
      }
    }
    visiting.delete(resource.urn);
    const at = start + minutesOf(resource);
    finish.set(resource.urn, { at, after });
    return at;
  };

  let end: R | undefined;
  let sequentialMinutes = 0;
  for (const resource of operations) {
    sequentialMinutes += minutesOf(resource);
    if (!end || finishOf(resource) > finishOf(end)) end = resource;
  }
  const steps: CriticalPathStep[] = [];
  for (let urn = end?.urn ?? null; urn !== null; urn = finish.get(urn)?.after ?? null) {
    const resource = byUrn.get(urn) as R;
    const minutes = minutesOf(resource);
    steps.unshift({
      urn,
      type: resource.type,
      name: resource.name,
      minutes,
      startsAt: (finish.get(urn)?.at ?? 0) - minutes,
    });
  }
  return {
    minutes: end ? finishOf(end) : 0,
    sequentialMinutes,
    operations: operations.length,
    steps,
  };
}
