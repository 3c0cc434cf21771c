/** The resource group the platform lives in: created here, or an existing one the platform team owns. */
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import { componentType, withLegacyType } from "../tokens";

export interface PlatformResourceGroupArgs {
  /** The resource group's name (1-90 characters: letters, digits, `_`, `-`, `.`, `(`, `)`; not ending in `.`). */
  name: string;
  /** Azure region of the group (ARM name, e.g. swedencentral); ignored for an existing group. */
  location: string;
  /** Reference an existing group instead of creating one; nothing is created or deleted then. */
  existing?: boolean;
  /** Tags of the group the component creates (an existing group's tags are left as they are). */
  tags?: Record<string, string>;
}

export class PlatformResourceGroup extends pulumi.ComponentResource {
  /** The resource group's name. */
  readonly name: pulumi.Output<string>;
  /** The resource group's ARM id (/subscriptions/<id>/resourceGroups/<name>). */
  readonly id: pulumi.Output<string>;
  /** The resource group's region. */
  readonly location: pulumi.Output<string>;

  constructor(name: string, args: PlatformResourceGroupArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("PlatformResourceGroup"),
      name,
      {},
      withLegacyType("aoai-platform:resourcegroup:PlatformResourceGroup", opts),
    );
    if (args.existing) {
      const group = resources.getResourceGroupOutput({ resourceGroupName: args.name }, { parent: this });
      this.name = group.name;
      this.id = group.id;
      this.location = group.location;
    } else {
      const group = new resources.ResourceGroup(
        `${name}-group`,
        { resourceGroupName: args.name, location: args.location, tags: args.tags },
        // Earlier builds named it `<component>-rg`, doubling the usual "rg-" prefix of the component's name.
        { parent: this, aliases: [{ name: `${name}-rg` }] },
      );
      this.name = group.name;
      this.id = group.id;
      this.location = group.location;
    }
    this.registerOutputs({ name: this.name, id: this.id, location: this.location });
  }
}
