/** The resource group the platform lives in: created here, or an existing one the platform team owns. */
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import { componentType, withLegacyType } from "../tokens";

export interface PlatformResourceGroupArgs {
  name: string;
  location: string;
  /** Reference an existing group instead of creating one; nothing is created or deleted then. */
  existing?: boolean;
  tags?: Record<string, string>;
}

export class PlatformResourceGroup extends pulumi.ComponentResource {
  readonly name: pulumi.Output<string>;
  readonly id: pulumi.Output<string>;
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
