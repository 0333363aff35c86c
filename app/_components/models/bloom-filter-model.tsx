"use client";

// The Bloom filter lesson's interactive model: add words to a small bit array, query
// others, find a false positive, and compare hash counts on a chart. The behaviour
// lives in @/lib/models/bloom-filter (pure, tested); this file draws it.

import { useId, useState, type FormEvent } from "react";
import {
  addWord,
  bestK,
  BIT_CHOICES,
  bitsSet,
  createBloomModel,
  describeBloom,
  findFalsePositive,
  MAX_K,
  query,
  resize,
  SAMPLE_WORDS,
  theoreticalRate,
  type BloomModelState,
} from "@/lib/models/bloom-filter";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelBlockFieldClass, modelLabelClass, ModelSelect, plainChoices } from "../ui/model-controls";

const VERDICT_TEXT = {
  "definitely-not": { text: "definitely not in the set", className: "text-emerald-700 dark:text-emerald-300" },
  present: { text: "probably in the set (and it was added)", className: "text-sky-700 dark:text-sky-300" },
  "false-positive": { text: "probably in the set, but it was never added: a false positive", className: "text-rose-700 dark:text-rose-300" },
} as const;

/** The model the Bloom filter lesson embeds as <BloomFilterModel />. */
export function BloomFilterModel() {
  const [state, setState] = useState<BloomModelState>(() => createBloomModel(32, 3));
  const [word, setWord] = useState("");
  const [note, setNote] = useState("");
  const ids = useId();
  const q = state.lastQuery;
  const probeSet = new Set(q?.probes ?? []);
  const n = Math.max(1, state.added.length);
  const rates = Array.from({ length: MAX_K }, (_, i) => theoreticalRate(state.m, i + 1, n));
  const maxRate = Math.max(...rates, 0.01);
  const optimum = bestK(state.m, n);

  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    setState((s) => addWord(s, word));
    setNote(word.trim() ? `Added ${word.trim().toLowerCase()}.` : "");
    setWord("");
  };

  return (
    <ModelFrame aria-label="Interactive Bloom filter model">
      <form onSubmit={onAdd} className="flex flex-wrap items-end gap-2">
        <div className="min-w-40 grow">
          <label htmlFor={`${ids}-word`} className={modelLabelClass}>
            Word
          </label>
          <input id={`${ids}-word`} className={modelBlockFieldClass} value={word} maxLength={24} onChange={(e) => setWord(e.target.value)} placeholder="e.g. cat" />
        </div>
        <Button type="submit" variant="primary" disabled={!word.trim()}>
          Add
        </Button>
        <Button
          variant="secondary"
          disabled={!word.trim()}
          onClick={() => {
            setState((s) => query(s, word));
            setNote("");
          }}
        >
          Query
        </Button>
      </form>

      <div className="mt-3 flex flex-wrap items-end gap-2">
        <ModelSelect
          id={`${ids}-m`}
          label="Bits m"
          className="w-28"
          selectClassName={modelBlockFieldClass}
          value={state.m}
          choices={plainChoices(BIT_CHOICES)}
          onChange={(value) => setState((s) => resize(s, Number(value), s.k))}
        />
        <div className="w-28">
          <label htmlFor={`${ids}-k`} className={modelLabelClass}>
            Hashes k
          </label>
          <select id={`${ids}-k`} className={modelBlockFieldClass} value={state.k} onChange={(e) => setState((s) => resize(s, s.m, Number(e.target.value)))}>
            {Array.from({ length: MAX_K }, (_, i) => i + 1).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <Button
          variant="secondary"
          onClick={() => {
            setState((s) => SAMPLE_WORDS.reduce((next, w) => addWord(next, w), s));
            setNote(`Added ${SAMPLE_WORDS.join(", ")}.`);
          }}
        >
          Add sample words
        </Button>
        <Button
          variant="secondary"
          disabled={state.added.length === 0}
          onClick={() => {
            const found = findFalsePositive(state);
            if (found) {
              setState((s) => query(s, found));
              setNote("");
            } else setNote("No false positive among the first 5,000 test words: the filter is sparse enough.");
          }}
        >
          Find a false positive
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setState((s) => createBloomModel(s.m, s.k));
            setNote("Cleared the filter.");
          }}
        >
          Clear
        </Button>
      </div>

      <ol className="mt-4 grid grid-cols-8 gap-1 sm:grid-cols-16" aria-label="Bit array">
        {state.setBy.map((words, bit) => {
          const on = words.length > 0;
          const probed = probeSet.has(bit);
          const ring = probed ? (on ? "ring-2 ring-amber-500 dark:ring-amber-300" : "ring-2 ring-rose-500 dark:ring-rose-400") : "";
          return (
            <li
              key={bit}
              title={on ? `bit ${bit}: set by ${words.join(", ")}` : `bit ${bit}: 0`}
              className={`flex flex-col items-center rounded border py-1 text-xs ${ring} ${
                on
                  ? "border-sky-600 bg-sky-200 text-slate-900 dark:border-sky-400 dark:bg-sky-800 dark:text-white"
                  : "border-slate-300 bg-white text-slate-500 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-400"
              }`}
            >
              <span className="font-mono text-sm font-semibold">{on ? 1 : 0}</span>
              <span className="text-[10px]">{bit}</span>
            </li>
          );
        })}
      </ol>

      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        {bitsSet(state)} of {state.m} bits set. Words added: {state.added.length === 0 ? "none" : state.added.join(", ")}. Rings mark the last
        query&apos;s probes (amber: bit is 1, red: bit is 0).
      </p>

      <div className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
        <div aria-live="polite" className="rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
          {q ? (
            <p className={VERDICT_TEXT[q.verdict].className}>
              <strong>{q.word}</strong> probes bits {q.probes.join(", ")}: {VERDICT_TEXT[q.verdict].text}.
            </p>
          ) : (
            <p>{note || "Add a few words, then query a word you did not add."}</p>
          )}
          <p className="sr-only">{describeBloom(state)}</p>
        </div>

        <figure>
          <svg viewBox="0 0 260 130" className="h-auto w-full" role="img" aria-label={`Expected false-positive rate for 1 to ${MAX_K} hashes with ${state.m} bits and ${n} items; the best is ${optimum}.`}>
            {rates.map((rate, i) => {
              const k = i + 1;
              // Rounded: Math.exp may differ in the last bit between server and browser (hydration).
              const height = Math.round((rate / maxRate) * 80 * 100) / 100;
              const x = 20 + i * 40;
              const chosen = k === state.k;
              return (
                <g key={k}>
                  <rect
                    x={x}
                    y={100 - height}
                    width={28}
                    height={height}
                    className={chosen ? "fill-sky-500 dark:fill-sky-400" : k === optimum ? "fill-emerald-400 dark:fill-emerald-600" : "fill-slate-300 dark:fill-slate-600"}
                  />
                  <text x={x + 14} y={96 - height} textAnchor="middle" fontSize={10} className="fill-slate-700 dark:fill-slate-200">
                    {`${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)}%`}
                  </text>
                  <text x={x + 14} y={114} textAnchor="middle" fontSize={11} className="fill-slate-700 dark:fill-slate-200">
                    {`k=${k}`}
                  </text>
                </g>
              );
            })}
            <line x1={14} y1={100} x2={256} y2={100} className="stroke-slate-400 dark:stroke-slate-500" />
          </svg>
          <figcaption className="text-xs text-slate-600 dark:text-slate-400">
            Expected false-positive rate by hash count for {state.m} bits and {n} item{n === 1 ? "" : "s"}. Blue: your k. Green: the best k, (m/n) ln 2
            = {optimum}.
          </figcaption>
        </figure>
      </div>
    </ModelFrame>
  );
}
