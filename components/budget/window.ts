/** Which start dates Azure accepts for a monthly budget on a given day. Pure; the clock is the caller's. */
import { MAX_BUDGET_START_MONTHS_AHEAD } from "../facts/monitoring";

export interface BudgetStartWindow {
  /** The first of the current month (UTC): the earliest start of a budget created today. */
  earliestNew: string;
  /** The first of the month twelve months ahead: the latest start Azure accepts. */
  latest: string;
}

const firstOfMonth = (year: number, monthIndex: number) =>
  new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 10);

export function budgetStartWindow(today: Date): BudgetStartWindow {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  return {
    earliestNew: firstOfMonth(year, month),
    latest: firstOfMonth(year, month + MAX_BUDGET_START_MONTHS_AHEAD),
  };
}
