/** What the offline plan says when it refuses a stack file's config (its ConfigError's message). */
import { ConfigError } from "../../src/config/errors";
import { loadStackConfig } from "../../src/plan/loadConfig";

export function planRefusal(stack: string, configFile: string): string {
  try {
    loadStackConfig({ stack, configFile });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`the plan accepts ${configFile}`);
}
