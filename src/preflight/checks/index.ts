/** All preflight checks over the config and what Azure reported, in table order. */
import type { StackConfig } from "../../config/schema";
import type { CheckResult, LiveState } from "../model";
import { checkExisting } from "./existing";
import { checkModelLifecycle } from "./lifecycle";
import { checkModels } from "./models";
import { checkQuota } from "./quota";
import { checkAccountCount, checkAccountSkus } from "./region";
import { checkRights } from "./rights";
import { checkSoftDeleted } from "./softDeleted";
import { checkSubdomains } from "./subdomain";

export interface CheckContext {
  subscriptionId: string;
  /** Wall-clock time the retirement dates are judged against. */
  now: Date;
  retirementHorizonDays: number;
}

export function runChecks(config: StackConfig, live: LiveState, context: CheckContext): CheckResult[] {
  return [
    ...checkAccountSkus(config, live),
    ...checkAccountCount(config, live),
    ...checkModels(config, live),
    ...checkModelLifecycle(config, live, { now: context.now, horizonDays: context.retirementHorizonDays }),
    ...checkQuota(config, live),
    ...checkSubdomains(config, live),
    ...checkSoftDeleted(config, live),
    ...checkExisting(config, live),
    ...checkRights(config, live, context.subscriptionId),
  ];
}
