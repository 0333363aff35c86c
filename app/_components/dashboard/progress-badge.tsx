import type { ConceptState } from "@/lib/progress/progress";
import { STATE_BADGE, STATE_LABEL } from "./state-style";

export function ProgressBadge({ state }: { state: ConceptState }) {
  return (
    <span data-state={state} className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_BADGE[state]}`}>
      {STATE_LABEL[state]}
    </span>
  );
}

export function StateLegend() {
  return (
    <ul className="flex flex-wrap gap-2 text-xs" aria-label="Legend">
      {(Object.keys(STATE_LABEL) as ConceptState[]).map((state) => (
        <li key={state}>
          <ProgressBadge state={state} />
        </li>
      ))}
    </ul>
  );
}
