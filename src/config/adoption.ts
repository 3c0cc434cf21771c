/**
 * Stack-wide rules for adopted resources (`import:` keys): each id must name the resource it sits
 * on — its own name, its parents' names, the stack's resource group — and all ids one subscription.
 */
import type { AccountSpec } from "../../components/account/spec";
import { type ArmIdKind, parseArmId } from "../../components/facts/armIds";
import { formatKeyPath } from "./errors";

export interface AdoptionIssue {
  path: PropertyKey[];
  message: string;
}

interface ImportRef {
  path: PropertyKey[];
  kind: ArmIdKind;
  id: string;
  /** The names the id must carry, top-level first; undefined: any name (blocklist items keep theirs). */
  names: (string | undefined)[];
  /** What each name is, for the message. */
  roles: string[];
}

function importRefs(accounts: readonly AccountSpec[]): ImportRef[] {
  const refs: ImportRef[] = [];
  accounts.forEach((account, a) => {
    const at = (...rest: PropertyKey[]) => ["accounts", a, ...rest];
    const push = (ref: Omit<ImportRef, "id">, id: string | undefined) => {
      if (id !== undefined) refs.push({ ...ref, id });
    };
    push(
      { path: at("import"), kind: "account", names: [account.name], roles: ["account name"] },
      account.import,
    );
    account.deployments.forEach((d, j) => {
      push(
        {
          path: at("deployments", j, "import"),
          kind: "deployment",
          names: [account.name, d.name],
          roles: ["account name", "deployment name"],
        },
        d.import,
      );
    });
    const endpoint = account.privateEndpoint;
    if (endpoint) {
      push(
        {
          path: at("privateEndpoint", "import"),
          kind: "privateEndpoint",
          names: [endpoint.name],
          roles: ["private endpoint name"],
        },
        endpoint.import,
      );
      push(
        {
          path: at("privateEndpoint", "dnsZoneGroup", "import"),
          kind: "privateDnsZoneGroup",
          names: [endpoint.name, endpoint.dnsZoneGroup?.name],
          roles: ["private endpoint name", "DNS zone group name"],
        },
        endpoint.dnsZoneGroup?.import,
      );
    }
    account.contentFilters.forEach((filter, k) => {
      push(
        {
          path: at("contentFilters", k, "import"),
          kind: "raiPolicy",
          names: [account.name, filter.name],
          roles: ["account name", "content filter name"],
        },
        filter.import,
      );
      filter.blocklists.forEach((list, b) => {
        const listPath = at("contentFilters", k, "blocklists", b);
        push(
          {
            path: [...listPath, "import"],
            kind: "raiBlocklist",
            names: [account.name, list.name],
            roles: ["account name", "blocklist name"],
          },
          list.import,
        );
        list.terms.forEach((term, t) => {
          push(
            {
              path: [...listPath, "terms", t, "import"],
              kind: "raiBlocklistItem",
              names: [account.name, list.name, undefined],
              roles: ["account name", "blocklist name", "item name"],
            },
            term.import,
          );
        });
      });
    });
  });
  return refs;
}

/** Children an account may only adopt when the account itself is adopted. */
function childrenOfCreatedAccounts(accounts: readonly AccountSpec[], refs: ImportRef[]): AdoptionIssue[] {
  return refs.flatMap((ref) => {
    const a = ref.path[1];
    const account = typeof a === "number" ? accounts[a] : undefined;
    if (ref.kind === "account" || a === undefined || !account || account.import !== undefined) return [];
    return [
      {
        path: ref.path,
        message: `account ${account.name} is created by the stack (no ${formatKeyPath(["accounts", a, "import"])}), so nothing on it exists to adopt; adopt the account too or remove this import`,
      },
    ];
  });
}

export function adoptionIssues(
  accounts: readonly AccountSpec[],
  resourceGroup: string,
  usesPrivateEndpoints: boolean,
): AdoptionIssue[] {
  const issues: AdoptionIssue[] = [];
  if (!usesPrivateEndpoints) {
    accounts.forEach((account, a) => {
      if (account.privateEndpoint) {
        issues.push({
          path: ["accounts", a, "privateEndpoint"],
          message: "names a private endpoint, but the stack has no network.regions to put it in",
        });
      }
    });
  }
  const refs = importRefs(accounts);
  let subscription: { id: string; path: PropertyKey[] } | undefined;
  for (const ref of refs) {
    const parsed = parseArmId(ref.kind, ref.id);
    // The field's own schema reports a malformed id.
    if (!parsed) continue;
    if (parsed.resourceGroup.toLowerCase() !== resourceGroup.toLowerCase()) {
      issues.push({
        path: ref.path,
        message: `the id is in resource group ${parsed.resourceGroup}, but the stack's resourceGroup.name is ${resourceGroup}`,
      });
    }
    ref.names.forEach((expected, i) => {
      const actual = parsed.names[i] ?? "";
      if (expected !== undefined && actual.toLowerCase() !== expected.toLowerCase()) {
        issues.push({
          path: ref.path,
          message: `the id names ${ref.roles[i]} "${actual}" but this entry's ${ref.roles[i]} is "${expected}"; adopted resources keep their Azure names`,
        });
      }
    });
    if (subscription === undefined) subscription = { id: parsed.subscriptionId, path: ref.path };
    else if (subscription.id.toLowerCase() !== parsed.subscriptionId.toLowerCase()) {
      issues.push({
        path: ref.path,
        message: `the id is in subscription ${parsed.subscriptionId}, but ${formatKeyPath(subscription.path)} is in ${subscription.id}; a stack deploys into one subscription`,
      });
    }
  }
  return [...issues, ...childrenOfCreatedAccounts(accounts, refs)];
}
