/**
 * Renamed type tokens and child names must not replace anything in a deployed stack. The engine
 * matches a registration to the old state through its aliases: the declared ones, multiplied by
 * every alias of each ancestor (pulumi/pulumi pkg/resource/deploy/step_generator.go,
 * generateAliases). This test runs the program of each stack under mocks, collapses every
 * resource's declared aliases with the SDK's own `allAliases` (fed each parent's full alias set,
 * level by level, as the engine does), and checks each URN of the stack as it was at e7f0ffe
 * (test/fixtures/urns-e7f0ffe.json, the plan of that commit) is either registered again or an alias
 * of a registered resource: zero replacements. URNs are spelled as the engine spells them: the type
 * chain of every ancestor but the root stack (the mocks keep only the parent's type), so both the
 * fixture and the URNs here are built from the parent chain.
 */
import * as pulumi from "@pulumi/pulumi";
import { allAliases } from "@pulumi/pulumi/resource";
import { describe, expect, it } from "vitest";
import { namespaceValues, parseStackConfig } from "../src/config/load";
import { azureMocks } from "../src/plan/azureMocks";
import { readStackConfigFile } from "../src/plan/stackFile";
import { definePlatform } from "../src/program";
import before from "./fixtures/urns-e7f0ffe.json";

interface Registration {
  resource: pulumi.Resource;
  name: string;
  type: string;
  aliases: pulumi.Input<string | pulumi.Alias>[];
  parent: pulumi.Resource | undefined;
}

/** Resolves an Output (mocks make every URN known). */
const value = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

async function registrations(stack: string): Promise<Registration[]> {
  const file = readStackConfigFile(`Pulumi.${stack}.yaml`);
  const { config } = parseStackConfig(namespaceValues(file.values), stack);
  await pulumi.runtime.setMocks(azureMocks(config.location), "aoai-platform", stack, true);
  pulumi.runtime.setAllConfig(file.values, file.secretKeys);
  const seen: Registration[] = [];
  try {
    await pulumi.runtime.runInPulumiStack(async () => {
      pulumi.runtime.registerStackTransformation(({ resource, name, type, opts }) => {
        seen.push({ resource, name, type, aliases: opts.aliases ?? [], parent: opts.parent });
        return undefined;
      });
      return definePlatform(config);
    });
  } finally {
    await pulumi.runtime.disconnect();
  }
  return seen;
}

/** Every URN the engine would match each registration against: its URN and all its aliases. */
async function matchable(
  stack: string,
): Promise<{ urns: Map<string, string>; aliases: Map<string, string> }> {
  const seen = await registrations(stack);
  const byResource = new Map(seen.map((r) => [r.resource, r]));
  const full = new Map<pulumi.Resource, pulumi.Output<string>[]>();
  const urnOf = new Map<pulumi.Resource, pulumi.Output<string>>();
  const engineUrn = (r: Registration): pulumi.Output<string> => {
    const known = urnOf.get(r.resource);
    if (known) return known;
    const parent = r.parent ? byResource.get(r.parent) : undefined;
    const prefix = parent
      ? engineUrn(parent).apply((p) => `${p.slice(0, p.lastIndexOf("::"))}$`)
      : pulumi.output(`urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::`);
    const urn = pulumi.interpolate`${prefix}${r.type}::${r.name}`;
    urnOf.set(r.resource, urn);
    return urn;
  };
  const fullAliases = (r: Registration): pulumi.Output<string>[] => {
    const known = full.get(r.resource);
    if (known) return known;
    const parentRegistration = r.parent ? byResource.get(r.parent) : undefined;
    // allAliases reads the parent's urn and alias set; give it the parent's full (inherited) set.
    const parentView = {
      __pulumiResource: true,
      urn: parentRegistration
        ? engineUrn(parentRegistration)
        : pulumi.output(`urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::pulumi:pulumi:Stack::root`),
      __aliases: parentRegistration ? fullAliases(parentRegistration) : [],
    } as unknown as pulumi.Resource;
    const computed = allAliases(r.aliases, r.name, r.type, parentView, parentRegistration?.name ?? "");
    full.set(r.resource, computed);
    return computed;
  };
  const urns = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const r of seen) {
    const urn = await value(engineUrn(r));
    urns.set(urn, urn);
    for (const alias of fullAliases(r)) aliases.set(await value(alias), urn);
  }
  return { urns, aliases };
}

/**
 * Resources deleted on purpose since e7f0ffe, not renamed: the deploy identity no longer trusts pull
 * requests or the main branch (CHANGELOG, "Breaking (access)"). Listed so the test stays exact.
 */
const DELETED_ON_PURPOSE: Record<"dev" | "prod", string[]> = {
  dev: [],
  prod: ["github-pull-request", "github-branch-main"].map(
    (subject) =>
      `urn:pulumi:prod::aoai-platform::aoai-platform:access:PlatformAccess$aoai-platform:access:GithubDeployIdentity$azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential::access-ci-${subject}`,
  ),
};

describe.each(["dev", "prod"] as const)("the %s stack as deployed at e7f0ffe", (stack) => {
  it("keeps every resource: each old URN is registered again or aliased by exactly one resource", async () => {
    const { urns, aliases } = await matchable(stack);
    const old = before[stack].filter((urn) => !urn.includes("::pulumi:pulumi:Stack::"));
    expect(old.length).toBeGreaterThan(10);
    const lost = old.filter((urn) => !urns.has(urn) && !aliases.has(urn));
    expect(DELETED_ON_PURPOSE[stack].every((urn) => old.includes(urn))).toBe(true);
    for (const urn of DELETED_ON_PURPOSE[stack]) expect(lost).toContain(urn);
    const unexpected = lost.filter((urn) => !DELETED_ON_PURPOSE[stack].includes(urn));
    expect(unexpected, unexpected.join("\n")).toEqual([]);
    // An old URN that is still registered must not also be some other resource's alias.
    const claimedTwice = old.filter((urn) => urns.has(urn) && aliases.has(urn) && aliases.get(urn) !== urn);
    expect(claimedTwice).toEqual([]);
  });

  it("registers every component under aoai-platform:index:<Class> and no child name doubles an infix", async () => {
    const { urns } = await matchable(stack);
    const types = [...urns.keys()].map((urn) => urn.split("::")[2]?.split("$").pop() ?? "");
    const ours = types.filter((t) => t.startsWith("aoai-platform:"));
    expect(ours.length).toBeGreaterThan(3);
    for (const t of ours) expect(t).toMatch(/^aoai-platform:index:[A-Z][A-Za-z]+$/);
    const names = [...urns.keys()].map((urn) => urn.split("::").pop() ?? "");
    for (const doubled of ["-id-id-", "-rg-rg", "-rg", "budget-budget", "-pe-pe"]) {
      expect(names.filter((n) => n.includes(doubled) || n.endsWith(doubled))).toEqual([]);
    }
  });
});
