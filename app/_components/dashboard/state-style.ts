import type { ConceptState } from "@/lib/progress/progress";

// One colour per state, used by the map, the legend and the lesson page.
export const STATE_LABEL: Record<ConceptState, string> = {
  not_started: "Not started",
  reading: "Reading",
  quiz_done: "Quiz done",
  solved: "Challenge solved",
};

export const STATE_BADGE: Record<ConceptState, string> = {
  not_started: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  reading: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  quiz_done: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100",
  solved: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
};

export const STATE_BORDER: Record<ConceptState, string> = {
  not_started: "border-slate-200 dark:border-slate-800",
  reading: "border-amber-400 dark:border-amber-600",
  quiz_done: "border-sky-400 dark:border-sky-600",
  solved: "border-emerald-500 dark:border-emerald-600",
};
