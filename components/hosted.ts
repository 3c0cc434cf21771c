/**
 * The components other Pulumi languages get through `pulumi package add` (components/provider.ts
 * hosts them; the repository's index.ts exports this list for a CLI that loads the directory). Only components whose args Pulumi's schema
 * inference accepts are listed: the SDK's analyzer (@pulumi/pulumi provider/experimental) refuses zod output types, readonly arrays,
 * `Partial<Record<…>>`, unions and outputs typed as other components of this package, and fails
 * the whole schema if one listed component is refused. test/schema.test.ts runs it over this list.
 */
import { PlatformAccess } from "./access/component";
import { OpenAIAccount } from "./account/component";
import { ResourceGroupBudget } from "./budget/component";
import { AiGateway } from "./gateway/component";
import { PlatformMonitoring } from "./monitoring/component";
import { PrivateNetwork } from "./network/component";
import { AccountPrivateEndpoint } from "./network/endpoint";
import { PlatformResourceGroup } from "./resource-group/component";

export const HOSTED_COMPONENTS = [
  PlatformResourceGroup,
  ResourceGroupBudget,
  AccountPrivateEndpoint,
  PrivateNetwork,
  PlatformAccess,
  OpenAIAccount,
  AiGateway,
  PlatformMonitoring,
];
