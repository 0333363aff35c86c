// The frame around a lesson's interactive model: a labelled region, set apart from the prose.
import type { HTMLAttributes } from "react";

export const modelFrameClass =
  "not-prose my-8 rounded-xl border border-slate-200 bg-slate-50 p-3 text-slate-900 sm:p-4 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100";

/** A panel inside a model (a node, a counter, a log). */
export const modelPanelClass = "rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-800";

export function ModelFrame({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <section className={`${modelFrameClass}${className ? ` ${className}` : ""}`} {...rest} />;
}
