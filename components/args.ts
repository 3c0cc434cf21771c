/**
 * Validation of a component's args with the zod schema the stack config uses, so a consumer in any
 * language gets the stack config's defaults and its errors: every bad key path, the value and what
 * is allowed, thrown as a ResourceError naming the component (no stack trace, nothing registered).
 */
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/** Keys are args properties; values are JSON-printed unless secret-looking (never printed here). */
function describeValue(value: unknown): string {
  return value === undefined ? "(missing)" : JSON.stringify(value);
}

export function validateArgs<Schema extends z.ZodType>(
  component: pulumi.Resource,
  label: string,
  schema: Schema,
  value: unknown,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    let at: unknown = value;
    for (const key of issue.path)
      at = at === null || typeof at !== "object" ? undefined : (at as Record<PropertyKey, unknown>)[key];
    return `  ${path === "" ? "(args)" : path}: ${describeValue(at)}: ${issue.message}`;
  });
  throw new pulumi.ResourceError(`${label}: invalid args\n${lines.join("\n")}`, component, true);
}
