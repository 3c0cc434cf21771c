/** Stack outputs never carry account keys. */
import type { ResourceView, Rule, Violation } from "./types";
import { ALWAYS_MANDATORY } from "./types";

const KEY_NAME = /(^|[^a-z])(api|access|account|primary|secondary)?_?keys?\d?$/i;
/** Azure OpenAI keys: 32 hex characters (classic) or 84 base62 characters (current). */
const KEY_VALUE = /^([0-9a-f]{32}|[A-Za-z0-9]{84})$/;

/** Every place in an output value that is named like a key or holds a key-shaped string. */
export function keyProblems(value: unknown, path = ""): string[] {
  const found: string[] = [];
  findKeys(value, path, found);
  return found;
}

function findKeys(value: unknown, path: string, found: string[]): void {
  if (typeof value === "string") {
    if (KEY_VALUE.test(value)) found.push(`${path} looks like an account key`);
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (KEY_NAME.test(key) && typeof child === "string" && child !== "[secret]")
      found.push(`${childPath} is named like a key`);
    findKeys(child, childPath, found);
  }
}

export const noKeysInOutputs: Rule = {
  id: "aoai-no-keys-in-outputs",
  description: "Stack outputs carry no account keys (apps use Entra ID)",
  source: "aoai-platform",
  enforcement: ALWAYS_MANDATORY,
  check: (resources) =>
    resources
      .filter((r: ResourceView) => r.type === "pulumi:pulumi:Stack")
      .flatMap((stack): Violation[] => {
        return keyProblems(stack.inputs).map((problem) => ({
          urn: stack.urn,
          message: `stack output ${problem}; export endpoints, never keys`,
        }));
      }),
};
