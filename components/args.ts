/**
 * Validation of a component's args with the zod schema the stack config uses, so a consumer in any
 * language gets the stack config's defaults and its errors: every bad key path, the value and what
 * is allowed, thrown as a ResourceError naming the component (no stack trace, nothing registered).
 */
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { containsCredential, REDACTED, redactText } from "./credentials";

/** What an error shows for an Output (a secret or unknown value another language's SDK sent). */
const OUTPUT_VALUE = "(an output value)";

/**
 * Keys are args properties; values are JSON-printed unless secret-looking: a value carrying a
 * credential (credentials.ts) prints as [secret], an Output (which may be secret) is never resolved.
 */
function describeValue(value: unknown): string {
  if (value === undefined) return "(missing)";
  if (pulumi.Output.isInstance(value)) return OUTPUT_VALUE;
  if (containsCredential(value)) return REDACTED;
  return JSON.stringify(value, (_key, inner: unknown) =>
    pulumi.Output.isInstance(inner) ? OUTPUT_VALUE : inner,
  );
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
    const message = containsCredential(at) ? redactText(issue.message, at) : issue.message;
    return `  ${path === "" ? "(args)" : path}: ${describeValue(at)}: ${message}`;
  });
  throw new pulumi.ResourceError(`${label}: invalid args\n${lines.join("\n")}`, component, true);
}
