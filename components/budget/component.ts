/** A monthly cost budget on the platform's resource group, notifying people and the action group. */
import * as consumption from "@pulumi/azure-native/consumption";
import * as pulumi from "@pulumi/pulumi";
import { componentType, withLegacyType } from "../tokens";
import { budgetNotifications } from "./notifications";
import type { BudgetSpec } from "./spec";

export interface ResourceGroupBudgetArgs {
  spec: BudgetSpec;
  /** The resource group id: the budget tracks everything in the group. */
  resourceGroupId: pulumi.Input<string>;
  /** Action group to notify besides the contact emails. */
  actionGroupId?: pulumi.Input<string>;
}

export class ResourceGroupBudget extends pulumi.ComponentResource {
  readonly budgetId: pulumi.Output<string>;

  constructor(name: string, args: ResourceGroupBudgetArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("ResourceGroupBudget"),
      name,
      {},
      withLegacyType("aoai-platform:budget:ResourceGroupBudget", opts),
    );
    const { spec } = args;
    const contactGroups = args.actionGroupId === undefined ? [] : [args.actionGroupId];
    const budget = new consumption.Budget(
      `${name}-monthly`,
      {
        budgetName: spec.name,
        scope: args.resourceGroupId,
        category: "Cost",
        amount: spec.amount,
        timeGrain: "Monthly",
        timePeriod: {
          startDate: `${spec.startDate}T00:00:00Z`,
          endDate: spec.endDate === undefined ? undefined : `${spec.endDate}T00:00:00Z`,
        },
        notifications: budgetNotifications(spec.notifications, spec.contactEmails, contactGroups),
      },
      // 0.1.x named it `<component>-budget`: "budget-budget" for a component named "budget".
      { parent: this, aliases: [{ name: `${name}-budget` }] },
    );
    this.budgetId = budget.id;
    this.registerOutputs({ budgetId: this.budgetId });
  }
}
