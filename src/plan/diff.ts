/**
 * What a change to the stack does to what runs: this plan compared with an older one (e.g. main's),
 * resource by resource. Create, import, update (with the changed input paths), replace (an input
 * azure-native replaces on changed: components/facts/replacement.ts) or delete, and for replacements,
 * deletions and known updates their consequence in Azure. Dependencies are not compared: an edge that
 * only changes order (reordered deployments) changes nothing in Azure. Pure.
 */
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import {
  DELETE_CONSEQUENCES,
  REPLACE_CONSEQUENCES,
  replacesResource,
} from "../../components/facts/replacement";
import { explainChange } from "../adopt/changes";
import type { PlannedResource } from "./resource";

export type ChangeAction = "create" | "import" | "update" | "replace" | "delete";

export interface ResourceChange {
  urn: string;
  type: string;
  name: string;
  action: ChangeAction;
  /** Changed input paths (update, replace). */
  paths: string[];
  /** The changed paths that force the replacement. */
  replacedBy: string[];
  /** What it does in Azure, in plain words. */
  consequences: string[];
}

export interface PlanDiff {
  stack: string;
  /** The plan file compared against. */
  against: string;
  summary: Record<ChangeAction | "unchanged", number>;
  changes: ResourceChange[];
}

/** The part of an older plan's JSON the diff reads; older plans may lack newer fields. */
const oldPlanSchema = z.object({
  resources: z.array(
    z.object({
      urn: z.string(),
      type: z.string(),
      name: z.string(),
      custom: z.boolean(),
      /** Plans before adoption support have no import field. */
      import: z.string().nullable().optional(),
      inputs: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type DiffablePlan = z.infer<typeof oldPlanSchema>;

export class PlanFileError extends Error {
  override name = "PlanFileError";
}

/** Validates an older plan's JSON text (`npm run plan -- --json` output). */
export function parseOldPlan(text: string, path: string): DiffablePlan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(
      `--diff-against ${path}: not JSON (${(error as Error).message}); pass the output of npm run plan -- --json`,
    );
  }
  const result = oldPlanSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PlanFileError(
      `--diff-against ${path}: ${issue?.path.join(".") || "(top level)"}: ${issue?.message ?? "invalid"}; pass the output of npm run plan -- --json`,
    );
  }
  return result.data;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Dotted paths where two input trees differ; arrays compare as a whole, like an ARM property. */
export function changedPaths(before: unknown, after: unknown, base = ""): string[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedPaths(before[key], after[key], base === "" ? key : `${base}.${key}`));
  }
  return [base];
}

function valueAt(inputs: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), inputs);
}

function compare(old: DiffablePlan["resources"][number], now: PlannedResource): ResourceChange | undefined {
  const paths = changedPaths(old.inputs, now.inputs);
  if (paths.length === 0) return undefined;
  const replacedBy = paths.filter((path) => replacesResource(now.type, path));
  const base = { urn: now.urn, type: now.type, name: now.name, paths };
  if (replacedBy.length > 0) {
    return {
      ...base,
      action: "replace",
      replacedBy,
      consequences: [REPLACE_CONSEQUENCES[now.type] ?? "the resource is deleted and created again"],
    };
  }
  const consequences = paths.flatMap((path) => {
    const words = explainChange(now.type, path, valueAt(old.inputs, path), valueAt(now.inputs, path));
    return words === undefined ? [] : [words];
  });
  return { ...base, action: "update", replacedBy: [], consequences };
}

export function diffPlans(
  old: DiffablePlan,
  now: { stack: string; resources: readonly PlannedResource[] },
  against: string,
): PlanDiff {
  const before = new Map(old.resources.filter((r) => r.custom).map((r) => [r.urn, r]));
  const after = now.resources.filter((r) => r.custom);
  const changes: ResourceChange[] = [];
  let unchanged = 0;
  for (const resource of after) {
    const previous = before.get(resource.urn);
    // Newly marked for import: the deploy adopts what exists instead of creating it.
    const newlyImported = resource.import !== null && (previous?.import ?? null) !== resource.import;
    if (!previous || newlyImported) {
      const action = resource.import === null ? "create" : "import";
      changes.push({
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        action,
        paths: [],
        replacedBy: [],
        consequences: [],
      });
      continue;
    }
    const change = compare(previous, resource);
    if (change) changes.push(change);
    else unchanged += 1;
  }
  const present = new Set(after.map((r) => r.urn));
  for (const [urn, resource] of before) {
    if (present.has(urn)) continue;
    changes.push({
      urn,
      type: resource.type,
      name: resource.name,
      action: "delete",
      paths: [],
      replacedBy: [],
      consequences: [DELETE_CONSEQUENCES[resource.type] ?? "the resource is deleted"],
    });
  }
  const count = (action: ChangeAction) => changes.filter((c) => c.action === action).length;
  return {
    stack: now.stack,
    against,
    summary: {
      create: count("create"),
      import: count("import"),
      update: count("update"),
      replace: count("replace"),
      delete: count("delete"),
      unchanged,
    },
    changes,
  };
}
