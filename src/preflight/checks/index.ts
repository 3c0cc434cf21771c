/** All preflight checks over the config and what Azure reported, in table order. */
import type { StackConfig } from "../../config/schema";
import type { CheckResult, LiveState } from "../model";
import { checkModels } from "./models";
import { checkQuota } from "./quota";
import { checkSoftDeleted } from "./softDeleted";
import { checkSubdomains } from "./subdomain";

export function runChecks(config: StackConfig, live: LiveState): CheckResult[] {
  return [
    ...checkModels(config, live),
    ...checkQuota(config, live),
    ...checkSubdomains(config, live),
    ...checkSoftDeleted(config, live),
  ];
}
