/** The critical path as text: when each operation on it starts, and what the rest adds in parallel. */
import type { CriticalPath } from "./criticalPath";
import { renderTable } from "./table";

const minutes = (value: number) => `${Number(value.toFixed(1))} min`;

export function renderCriticalPath(path: CriticalPath): string[] {
  return [
    `Deploy critical path (rough estimate): ${minutes(path.minutes)} for ${path.steps.length} of ${path.operations} operations; all of them one after another would take ${minutes(path.sequentialMinutes)}. Operations off this path, other accounts' included, run in parallel with it.`,
    renderTable(
      ["starts", "takes", "type", "name"],
      path.steps.map((step) => [
        `+${minutes(step.startsAt)}`,
        minutes(step.minutes),
        step.type.replace(/^azure-native:/, ""),
        step.name,
      ]),
    ),
  ];
}
