/** One resource the offline plan recorded (the `resources` of the plan JSON). */
export interface PlannedResource {
  urn: string;
  type: string;
  name: string;
  /** Component resources (our type tokens) are false; Azure resources are true. */
  custom: boolean;
  parent: string | null;
  /**
   * Explicit `dependsOn` edges. The engine receives explicit and input-derived dependencies as one
   * list, so an explicit edge that an input also implies shows only in `dependencies`.
   */
  dependsOn: string[];
  /** Every direct dependency: explicit ones and those that flow from inputs. */
  dependencies: string[];
  protect: boolean;
  retainOnDelete: boolean;
  /** ARM id of an existing resource the deploy adopts (Pulumi `import`); null when it is created. */
  import: string | null;
  /** Inputs as registered; secrets appear as "[secret]". */
  inputs: Record<string, unknown>;
}
