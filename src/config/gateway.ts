/** Stack-wide rules of the AI gateway: its accounts, deployments, identities and networking (components/gateway/plan.ts). */

import type { AccessSpec } from "../../components/access/spec";
import { type GatewayIssue, planGateway } from "../../components/gateway/plan";
import type { GatewaySpec } from "../../components/gateway/spec";
import type { Environment, ResolvedAccount } from "./schema";

export function gatewayIssues(
  gateway: GatewaySpec | undefined,
  accounts: readonly ResolvedAccount[],
  access: AccessSpec,
  environment: Environment,
  apiVersion: string,
): GatewayIssue[] {
  if (!gateway) return [];
  const { issues } = planGateway(gateway, {
    environment,
    apiVersion,
    accounts,
    identities: access.identities.map((identity) => ({
      name: identity.name,
      existing: identity.principalId !== undefined,
    })),
  });
  return issues.map((issue) => ({ path: ["gateway", ...issue.path], message: issue.message }));
}
