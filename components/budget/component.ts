/** A monthly cost budget on the platform's resource group, notifying people and the action group. */
import * as consumption from "@pulumi/azure-native/consumption";
import * as pulumi from "@pulumi/pulumi";
import { validateArgs } from "../args";
import { componentType, withLegacyType } from "../tokens";
import { budgetNotifications } from "./notifications";
import { budgetSpecSchema } from "./spec";

/** One notification of the budget. */
export interface BudgetNotification {
  /** Percent of the amount (0.01-1000); above 100 warns about overspend. */
  threshold: number;
  /** "Actual" (cost so far this month, the default) or "Forecasted" (Cost Management's month-end forecast). */
  type?: string;
}

/** A monthly Cost budget on a resource group; validated and defaulted as the stack config's `budget`. */
export interface ResourceGroupBudgetArgs {
  /** The budget's name in Azure (Microsoft.Consumption/budgets). */
  name: string;
  /** Monthly amount in the billing account's currency. */
  amount: number;
  /** First day of a month (YYYY-MM-DD), 2017-06-01 or later. */
  startDate: string;
  /** Last day (YYYY-MM-DD); omitted, Azure ends the budget ten years after the start. */
  endDate?: string;
  /** People notified besides the action group. */
  contactEmails?: string[];
  /** Defaults to 80% and 100% actual and 100% forecasted. */
  notifications?: BudgetNotification[];
  /** The resource group id: the budget tracks everything in the group. */
  resourceGroupId: pulumi.Input<string>;
  /** Action group to notify besides the contact emails. */
  actionGroupId?: pulumi.Input<string>;
}

export class ResourceGroupBudget extends pulumi.ComponentResource {
  /** The budget's ARM id (Microsoft.Consumption/budgets, at the resource group's scope). */
  readonly budgetId: pulumi.Output<string>;

  constructor(name: string, args: ResourceGroupBudgetArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("ResourceGroupBudget"),
      name,
      {},
      withLegacyType("aoai-platform:budget:ResourceGroupBudget", opts),
    );
    const { resourceGroupId, actionGroupId, ...budgetArgs } = args;
    const spec = validateArgs(this, `ResourceGroupBudget ${name}`, budgetSpecSchema, budgetArgs);
    const contactGroups = actionGroupId === undefined ? [] : [actionGroupId];
    const budget = new consumption.Budget(
      `${name}-monthly`,
      {
        budgetName: spec.name,
        scope: resourceGroupId,
        category: "Cost",
        amount: spec.amount,
        timeGrain: "Monthly",
        timePeriod: {
          startDate: `${spec.startDate}T00:00:00Z`,
          endDate: spec.endDate === undefined ? undefined : `${spec.endDate}T00:00:00Z`,
        },
        notifications: budgetNotifications(spec.notifications, spec.contactEmails, contactGroups),
      },
      // Earlier builds named it `<component>-budget`: "budget-budget" for a component named "budget".
      { parent: this, aliases: [{ name: `${name}-budget` }] },
    );
    this.budgetId = budget.id;
    this.registerOutputs({ budgetId: this.budgetId });
  }
}
