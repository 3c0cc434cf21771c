/** The plan diff as text (terminal, PR comment): one line per changed resource, consequences under it. */
import type { ChangeAction, PlanDiff } from "./diff";

const MARK: Record<ChangeAction, string> = {
  create: "+",
  import: "=",
  update: "~",
  replace: "+-",
  delete: "-",
};

export function renderDiff(diff: PlanDiff): string {
  const { summary } = diff;
  const head = `Changes of stack "${diff.stack}" against ${diff.against}: ${summary.replace} to replace, ${summary.delete} to delete, ${summary.update} to update, ${summary.create} to create, ${summary.import} to import (${summary.unchanged} unchanged)`;
  if (diff.changes.length === 0)
    return `${head}\nNo change: nothing in Azure would be created, changed, replaced or deleted.\n`;
  const order: ChangeAction[] = ["replace", "delete", "update", "create", "import"];
  const lines = order.flatMap((action) =>
    diff.changes
      .filter((c) => c.action === action)
      .flatMap((c) => {
        const detail =
          c.action === "replace"
            ? ` (${c.paths.join(", ")}; replaced because ${c.replacedBy.join(", ")} cannot change in place)`
            : c.paths.length > 0
              ? ` (${c.paths.join(", ")})`
              : "";
        return [
          `  ${MARK[c.action].padEnd(2)} ${c.action.padEnd(7)} ${c.type}  ${c.name}${detail}`,
          ...c.consequences.map((text) => `       ! ${text}`),
        ];
      }),
  );
  return `${[head, ...lines].join("\n")}\n`;
}
