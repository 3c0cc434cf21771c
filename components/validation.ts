/** Small zod helpers shared by the component spec schemas. */
import { z } from "zod";
import { ARM_ID_SHAPES, type ArmIdKind, parseArmId } from "./facts/armIds";
import { type NameRule, satisfiesNameRule } from "./facts/names";

/** A string that must satisfy an Azure name rule; the message says what is allowed. */
export function azureName(rule: NameRule) {
  return z.string().refine((value) => satisfiesNameRule(rule, value), { error: `must be ${rule.allowed}` });
}

/**
 * An object that rejects unknown keys with a message listing the allowed ones, so a typo in
 * Pulumi.<stack>.yaml is an error instead of a silently ignored setting.
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown key${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => `"${k}"`).join(", ")}; allowed: ${allowed}`
        : undefined,
  });
}

/** Reports every value that appears more than once (case-insensitive, as Azure names are). */
export function addDuplicateIssues(
  ctx: z.RefinementCtx,
  values: readonly string[],
  path: (index: number) => PropertyKey[],
  what: string,
): void {
  const seen = new Map<string, number>();
  values.forEach((value, index) => {
    const key = value.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    ctx.addIssue({
      code: "custom",
      path: path(index),
      message: `duplicate ${what} "${value}" (also at index ${first}); ${what}s must be unique (case-insensitive)`,
    });
  });
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IPv4 address or CIDR range, as Azure network ACL ip rules take them. */
export const ipv4OrCidr = z.string().refine(
  (value) => {
    const [address, prefix, extra] = value.split("/");
    if (extra !== undefined || address === undefined || !IPV4.test(address)) return false;
    return prefix === undefined || (/^\d{1,2}$/.test(prefix) && Number(prefix) <= 32);
  },
  { error: "must be an IPv4 address or CIDR range such as 203.0.113.0/24" },
);

/** Azure region name as ARM spells it (e.g. swedencentral). */
export const azureRegion = z.string().regex(/^[a-z][a-z0-9]+$/, {
  error: "must be an Azure region name in ARM form, e.g. swedencentral or eastus2",
});

/** A fully qualified domain name. */
export const fqdn = z
  .string()
  .regex(/^(?=.{1,253}$)(\*\.)?([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/, {
    error: "must be a fully qualified domain name such as mysearch.search.windows.net",
  });

/** An ARM resource id. */
export const armResourceId = z
  .string()
  .regex(/^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/[^/]+\/[^/]+\/[^/]+/, {
    error:
      "must be an ARM resource id: /subscriptions/<guid>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>",
  });

/** The ARM id of an existing resource of one kind, to adopt with Pulumi's `import` option. */
export function armIdOf(kind: ArmIdKind) {
  return z.string().refine((value) => parseArmId(kind, value) !== undefined, {
    error: `must be an ARM resource id ${ARM_ID_SHAPES[kind].example}`,
  });
}
