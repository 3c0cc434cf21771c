/**
 * What `npm run adopt` found in Azure, kept beside the stack config (`Pulumi.<stack>.adopted.json`)
 * so the offline plan can say what the stack will change on each adopted resource. It is a snapshot
 * for the adoption: once the adopted resources are in the stack's state, delete it with the
 * `import` keys.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";

/** One adopted resource as found, its values in the shape of the program's inputs (dotted paths). */
const observedResourceSchema = z.object({
  id: z.string().min(1),
  /** ARM type, e.g. Microsoft.CognitiveServices/accounts. */
  type: z.string().min(1),
  /** Input path → value found in Azure; `null` when Azure has none. */
  values: z.record(z.string(), z.unknown()),
});

/** Something adopt found but could not describe in the stack config, and why. */
const notAdoptedSchema = z.object({ id: z.string(), type: z.string(), reason: z.string() });

export const observedStateSchema = z.object({
  subscriptionId: z.string(),
  resourceGroup: z.string(),
  resources: z.array(observedResourceSchema),
  notAdopted: z.array(notAdoptedSchema),
});

export type ObservedResource = z.infer<typeof observedResourceSchema>;
export type NotAdopted = z.infer<typeof notAdoptedSchema>;
export type ObservedState = z.infer<typeof observedStateSchema>;

export class ObservedStateError extends Error {
  override name = "ObservedStateError";
}

/** `Pulumi.dev.yaml` → `Pulumi.dev.adopted.json`, in the same folder. */
export function observedStatePath(stackConfigPath: string): string {
  return `${stackConfigPath.replace(/\.ya?ml$/i, "")}.adopted.json`;
}

/** Reads the snapshot beside a stack config; undefined when there is none. */
export function readObservedState(stackConfigPath: string): ObservedState | undefined {
  const path = observedStatePath(stackConfigPath);
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ObservedStateError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const result = observedStateSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ObservedStateError(
      `${path}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}; re-run npm run adopt to write it again`,
    );
  }
  return result.data;
}
