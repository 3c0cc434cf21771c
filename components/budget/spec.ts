/** Config shape of the monthly cost budget on the platform's resource group. */
import { z } from "zod";
import {
  BUDGET_NAME,
  BUDGET_THRESHOLD_TYPES,
  EARLIEST_BUDGET_START,
  MAX_BUDGET_NOTIFICATIONS,
  MAX_BUDGET_THRESHOLD_PERCENT,
  MIN_BUDGET_THRESHOLD_PERCENT,
} from "../facts/monitoring";
import { emailAddress } from "../monitoring/spec";
import { addDuplicateIssues, azureName, strictObject } from "../validation";

const thresholdRange = `${MIN_BUDGET_THRESHOLD_PERCENT}-${MAX_BUDGET_THRESHOLD_PERCENT} percent of the amount`;

const notificationSchema = strictObject({
  /** Percent of the amount; above 100 warns about overspend. */
  threshold: z
    .number()
    .min(MIN_BUDGET_THRESHOLD_PERCENT, { error: `must be ${thresholdRange}` })
    .max(MAX_BUDGET_THRESHOLD_PERCENT, { error: `must be ${thresholdRange}` }),
  /** Actual: cost so far this month. Forecasted: Cost Management's month-end forecast. */
  type: z.enum(BUDGET_THRESHOLD_TYPES).default("Actual"),
});

const isoDate = z.iso.date({ error: "must be a date written YYYY-MM-DD" });

export const budgetSpecSchema = strictObject({
  name: azureName(BUDGET_NAME),
  /** Monthly amount in the billing account's currency. */
  amount: z.number().positive({ error: "must be more than 0 (the billing currency)" }),
  /** First day of a month, on or after June 2017; Azure rejects budgets starting mid-month. */
  startDate: isoDate.refine((date) => date.endsWith("-01") && date >= EARLIEST_BUDGET_START, {
    error: `must be the first of a month, ${EARLIEST_BUDGET_START} or later (e.g. 2025-07-01)`,
  }),
  /** Omitted, Azure ends the budget ten years after the start. */
  endDate: isoDate.optional(),
  contactEmails: z.array(emailAddress).default([]),
  notifications: z
    .array(notificationSchema)
    .min(1, { error: "declare at least one notification" })
    .max(MAX_BUDGET_NOTIFICATIONS, {
      error: `a budget holds at most ${MAX_BUDGET_NOTIFICATIONS} notifications`,
    })
    .default([
      { threshold: 80, type: "Actual" },
      { threshold: 100, type: "Actual" },
      { threshold: 100, type: "Forecasted" },
    ]),
}).superRefine((budget, ctx) => {
  if (budget.endDate !== undefined && budget.endDate <= budget.startDate) {
    ctx.addIssue({
      code: "custom",
      path: ["endDate"],
      message: `must be after startDate ${budget.startDate}`,
    });
  }
  addDuplicateIssues(ctx, budget.contactEmails, (i) => ["contactEmails", i], "email");
  addDuplicateIssues(
    ctx,
    budget.notifications.map((n) => `${n.type} ${n.threshold}%`),
    (i) => ["notifications", i],
    "notification",
  );
});

export type BudgetSpec = z.output<typeof budgetSpecSchema>;
export type BudgetNotificationSpec = BudgetSpec["notifications"][number];
