// The controls inside a lesson's interactive model: labels, selects and number fields.
// One place for their classes, so every model's controls look (and contrast) alike in
// light and dark mode; ModelSelect is the label-above-a-select every model repeats.
import type { ChangeEvent, ReactNode } from "react";

export const modelLabelClass = "text-sm font-medium text-slate-800 dark:text-slate-200";

/** A label under a heading that already names the group (a step in a saga, a node). */
export const modelSmallLabelClass = "text-xs font-medium text-slate-700 dark:text-slate-300";

const CONTROL_COLOURS =
  "text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100";

/** A select or a short field in a row of controls. */
export const modelSelectClass = `min-h-9 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm ${CONTROL_COLOURS}`;

/** A select or field that fills its column, under its label. */
export const modelBlockFieldClass = `mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm ${CONTROL_COLOURS}`;

export interface ModelChoice {
  value: string | number;
  label: ReactNode;
}

interface ModelSelectProps {
  id: string;
  label: ReactNode;
  value: string | number;
  choices: readonly ModelChoice[];
  onChange(value: string): void;
  /** The wrapper's classes; none by default. */
  className?: string;
  labelClassName?: string;
  selectClassName?: string;
  disabled?: boolean;
}

/** A label above a select of choices, tied to it by id. */
export function ModelSelect({
  id,
  label,
  value,
  choices,
  onChange,
  className,
  labelClassName = modelLabelClass,
  selectClassName = modelSelectClass,
  disabled,
}: ModelSelectProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <select id={id} className={selectClassName} value={value} disabled={disabled} onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Choices whose label is the value itself (a count, a quorum). */
export function plainChoices(values: readonly (string | number)[]): ModelChoice[] {
  return values.map((value) => ({ value, label: value }));
}
