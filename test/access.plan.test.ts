import { describe, expect, it } from "vitest";
import { roleAssignmentName } from "../components/access/roleAssignmentName";
import type { PlanResult } from "../src/plan/model";
import { planJson } from "./support/planCli";

const OPENAI_USER = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
const V5_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("npm run plan --json: identity and access in prod", () => {
  it("shows role assignments with stable GUID names, principalType, OpenAI User on an account, and Entra groups", async () => {
    const [first, second] = await Promise.all([planJson("--stack", "prod"), planJson("--stack", "prod")]);
    const assignments = (plan: PlanResult) =>
      plan.resources.filter((r) => r.type === "azure-native:authorization:RoleAssignment");
    const ours = assignments(first as PlanResult);
    expect(ours.length).toBeGreaterThan(0);
    for (const { inputs } of ours) {
      const {
        scope,
        principalId,
        principalType,
        roleDefinitionId,
        roleAssignmentName: name,
      } = inputs as Record<string, string | undefined>;
      expect(name).toMatch(V5_GUID);
      const roleGuid = String(roleDefinitionId).split("/").pop() as string;
      expect(name).toBe(roleAssignmentName(String(scope), String(principalId), roleGuid));
      expect(["ServicePrincipal", "Group", "User"]).toContain(principalType);
    }
    const names = (plan: PlanResult) =>
      assignments(plan)
        .map((r) => `${r.name}=${String(r.inputs.roleAssignmentName)}`)
        .sort();
    expect(names(second as PlanResult)).toEqual(names(first as PlanResult));

    const openAiUserOnAccount = ours.filter(
      (r) =>
        String(r.inputs.roleDefinitionId).endsWith(OPENAI_USER) &&
        /\/providers\/Microsoft\.CognitiveServices\/accounts\/[^/]+$/.test(String(r.inputs.scope)),
    );
    expect(openAiUserOnAccount.length).toBeGreaterThan(0);
    const groups = first?.resources.filter((r) => r.type === "azuread:index/group:Group") ?? [];
    expect(groups.map((g) => g.inputs)).toContainEqual(
      expect.objectContaining({
        displayName: "aoai-prod-operators",
        securityEnabled: true,
        mailEnabled: false,
      }),
    );
    expect(first?.outputs).toMatchObject({
      managedIdentities: {
        "id-chat-api-prod": { clientId: expect.any(String), principalId: expect.any(String) },
      },
      ciDeployIdentity: { tenantId: "11111111-1111-1111-1111-111111111111", clientId: expect.any(String) },
    });
  });
});
