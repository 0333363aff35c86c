"use client";

import { useId, useState } from "react";
import { CALCULATORS, worksheetLine } from "@/lib/interview/worksheet";

const defaults = () =>
  Object.fromEntries(CALCULATORS.map((calculator) => [calculator.id, Object.fromEntries(calculator.inputs.map((input) => [input.id, String(input.defaultValue)]))])) as Record<
    string,
    Record<string, string>
  >;

/** The back-of-envelope worksheet: pick a formula, fill in numbers with units, insert the result into the notes. */
export function WorksheetPanel({ onInsert, disabled }: { onInsert: (line: string) => void; disabled?: boolean }) {
  const [selected, setSelected] = useState(CALCULATORS[0]?.id ?? "");
  const [values, setValues] = useState(defaults);
  const [inserted, setInserted] = useState("");
  const id = useId();
  const calculator = CALCULATORS.find((c) => c.id === selected) ?? CALCULATORS[0];
  if (!calculator) return null;
  const raw = values[calculator.id] ?? {};
  const numbers = Object.fromEntries(calculator.inputs.map((input) => [input.id, raw[input.id]?.trim() === "" ? Number.NaN : Number(raw[input.id])]));
  const results = calculator.compute(numbers);
  const valid = calculator.inputs.every((input) => Number.isFinite(numbers[input.id]));

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid="worksheet">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Back-of-envelope worksheet
      </h2>
      <label htmlFor={`${id}-calc`} className="mt-3 block text-sm font-medium">
        Estimate
      </label>
      <select
        id={`${id}-calc`}
        value={calculator.id}
        onChange={(event) => setSelected(event.target.value)}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {CALCULATORS.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <p className="mt-2 font-mono text-xs text-slate-600 dark:text-slate-400">{calculator.formula}</p>
      <div className="mt-3 grid gap-2">
        {calculator.inputs.map((input) => (
          <div key={input.id}>
            <label htmlFor={`${id}-${calculator.id}-${input.id}`} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
              {input.label} <span className="text-slate-500 dark:text-slate-400">({input.unit})</span>
            </label>
            <input
              id={`${id}-${calculator.id}-${input.id}`}
              type="number"
              inputMode="decimal"
              step="any"
              value={raw[input.id] ?? ""}
              onChange={(event) =>
                setValues((all) => ({ ...all, [calculator.id]: { ...(all[calculator.id] ?? {}), [input.id]: event.target.value } }))
              }
              className="mt-0.5 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums dark:border-slate-700 dark:bg-slate-900"
            />
          </div>
        ))}
      </div>
      <dl className="mt-3 space-y-1 rounded-md bg-slate-50 p-2 text-sm dark:bg-slate-900" aria-live="polite">
        {valid ? (
          results.map((result) => (
            <div key={result.label} className="flex flex-wrap justify-between gap-x-2">
              <dt className="text-slate-600 dark:text-slate-400">{result.label}</dt>
              <dd className="font-medium tabular-nums">{result.value}</dd>
            </div>
          ))
        ) : (
          <p>Fill in every number to see the result.</p>
        )}
      </dl>
      <button
        type="button"
        disabled={!valid || disabled}
        onClick={() => {
          const line = worksheetLine(calculator, numbers);
          onInsert(line);
          setInserted(`Inserted into the notes: ${calculator.title}`);
        }}
        className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Insert into notes
      </button>
      <p className="sr-only" aria-live="polite">
        {inserted}
      </p>
    </section>
  );
}
