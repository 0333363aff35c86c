"use client";

// The caching lesson's interactive model: an LRU cache with TTLs to drive by hand (get,
// set, let time pass, change capacity) and a stampede calculator for one expiring hot
// key. All behaviour lives in @/lib/models/caching (pure, tested); this file only draws
// it and turns clicks into actions.

import { useId, useReducer, useState } from "react";
import {
  advance,
  CAPACITY_CHOICES,
  createCache,
  describeCache,
  describeStampede,
  get,
  hitRatio,
  KEY_CHOICES,
  RATE_CHOICES,
  RELOAD_CHOICES,
  resize,
  secondsLeft,
  SERVER_CHOICES,
  set,
  stampede,
  TTL_CHOICES,
  type CacheSim,
} from "@/lib/models/caching";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelLabelClass, ModelSelect, modelSelectClass, plainChoices } from "../ui/model-controls";

const RATE_OPTIONS = RATE_CHOICES.map((choice) => ({ value: choice, label: choice.toLocaleString("en-US") }));
const RELOAD_OPTIONS = RELOAD_CHOICES.map((choice) => ({ value: choice, label: `${choice} ms` }));

type Action =
  | { type: "get"; key: string }
  | { type: "set"; key: string; ttlMs: number | null }
  | { type: "advance"; ms: number }
  | { type: "resize"; capacity: number }
  | { type: "reset" };

function reducer(sim: CacheSim, action: Action): CacheSim {
  switch (action.type) {
    case "get":
      return get(sim, action.key);
    case "set":
      return set(sim, action.key, action.ttlMs);
    case "advance":
      return advance(sim, action.ms);
    case "resize":
      return resize(sim, action.capacity);
    case "reset":
      return createCache(sim.capacity);
  }
}

function ttlLabel(ttl: number | null): string {
  return ttl === null ? "no expiry" : `${ttl / 1000} s`;
}

/** The model the caching lesson embeds as <CachingModel />. */
export function CachingModel() {
  const [sim, dispatch] = useReducer(reducer, undefined, () => createCache(3));
  const [key, setKey] = useState("A");
  const [ttlIndex, setTtlIndex] = useState(0);
  const ids = useId();
  const ttl = TTL_CHOICES[ttlIndex] ?? null;
  const ratio = hitRatio(sim);
  const slots = Array.from({ length: sim.capacity }, (_, i) => sim.entries[i] ?? null);

  return (
    <ModelFrame aria-label="Interactive caching model">
      <h3 className="text-base font-semibold">An LRU cache with TTLs</h3>
      <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <ModelSelect
          id={`${ids}-key`}
          label="Key"
          className="flex flex-col gap-1"
          value={key}
          choices={plainChoices(KEY_CHOICES)}
          onChange={(value) => setKey(value)}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-ttl`} className={modelLabelClass}>
            TTL for set
          </label>
          <select id={`${ids}-ttl`} className={modelSelectClass} value={ttlIndex} onChange={(event) => setTtlIndex(Number(event.target.value))}>
            {TTL_CHOICES.map((choice, index) => (
              <option key={index} value={index}>
                {ttlLabel(choice)}
              </option>
            ))}
          </select>
        </div>
        <ModelSelect
          id={`${ids}-capacity`}
          label="Capacity"
          className="flex flex-col gap-1"
          value={sim.capacity}
          choices={plainChoices(CAPACITY_CHOICES)}
          onChange={(value) => dispatch({ type: "resize", capacity: Number(value) })}
        />
      </div>

      <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label="Cache operations">
        <Button variant="primary" onClick={() => dispatch({ type: "get", key })}>
          get({key})
        </Button>
        <Button variant="primary" onClick={() => dispatch({ type: "set", key, ttlMs: ttl })}>
          set({key})
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "advance", ms: 5_000 })}>
          Wait 5 s
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "reset" })}>
          Reset
        </Button>
      </div>

      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">Most recently used on the left; the rightmost entry is evicted next.</p>
      <ol className="mt-1 grid list-none grid-cols-2 gap-2 p-0 min-[420px]:grid-cols-3 md:grid-cols-5" aria-label="Cache entries, most recently used first">
        {slots.map((entry, index) => {
          if (!entry) {
            return (
              <li
                key={`empty-${index}`}
                className="flex min-h-16 items-center justify-center rounded-lg border border-dashed border-slate-300 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400"
              >
                empty
              </li>
            );
          }
          const left = secondsLeft(sim, entry);
          const next = index === sim.entries.length - 1 && sim.entries.length === sim.capacity;
          return (
            <li
              key={entry.key}
              className={`min-h-16 rounded-lg border p-2 ${
                next
                  ? "border-rose-400 bg-rose-50 dark:border-rose-500 dark:bg-rose-950/50"
                  : "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950"
              }`}
            >
              <div className="font-mono text-base font-semibold">
                {entry.key} = {entry.value}
              </div>
              <div className="text-xs text-slate-600 dark:text-slate-300">{left === null ? "no expiry" : `${left} s left`}</div>
              {next ? <div className="text-xs font-medium text-rose-700 dark:text-rose-300">next to evict</div> : null}
            </li>
          );
        })}
      </ol>

      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        {[
          ["Hits", String(sim.hits)],
          ["Misses", String(sim.misses)],
          ["Hit ratio", ratio === null ? "-" : `${Math.round(ratio * 100)}%`],
          ["Evictions / expired", `${sim.evictions} / ${sim.expirations}`],
        ].map(([name, value]) => (
          <div key={name} className="rounded-md bg-white p-2 dark:bg-slate-950">
            <dt className="text-slate-600 dark:text-slate-400">{name}</dt>
            <dd className="font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      <div aria-live="polite" className="mt-3 rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {describeCache(sim)}
      </div>

      <StampedePanel />
    </ModelFrame>
  );
}

function StampedePanel() {
  const [rate, setRate] = useState(5_000);
  const [reload, setReload] = useState(200);
  const [servers, setServers] = useState(10);
  const [singleFlight, setSingleFlight] = useState(false);
  const ids = useId();
  const result = stampede(rate, reload, servers, singleFlight);
  const without = stampede(rate, reload, servers, false).databaseQueries;
  const width = Math.max(1, Math.round((result.databaseQueries / without) * 100));

  return (
    <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-700">
      <h3 className="text-base font-semibold">One hot key expires: the stampede</h3>
      <div className="mt-2 grid grid-cols-1 gap-3 min-[420px]:grid-cols-3">
        <ModelSelect
          id={`${ids}-rate`}
          label="Reads per second"
          className="flex flex-col gap-1"
          value={rate}
          choices={RATE_OPTIONS}
          onChange={(value) => setRate(Number(value))}
        />
        <ModelSelect
          id={`${ids}-reload`}
          label="Reload time"
          className="flex flex-col gap-1"
          value={reload}
          choices={RELOAD_OPTIONS}
          onChange={(value) => setReload(Number(value))}
        />
        <ModelSelect
          id={`${ids}-servers`}
          label="App servers"
          className="flex flex-col gap-1"
          value={servers}
          choices={plainChoices(SERVER_CHOICES)}
          onChange={(value) => setServers(Number(value))}
        />
      </div>
      <div className="mt-3 flex items-center gap-2">
        <input
          id={`${ids}-single`}
          type="checkbox"
          className="h-4 w-4 accent-sky-600"
          checked={singleFlight}
          onChange={(event) => setSingleFlight(event.target.checked)}
        />
        <label htmlFor={`${ids}-single`} className={modelLabelClass}>
          Single flight (one load per key per server)
        </label>
      </div>
      <div className="mt-3 text-sm">
        <div className="flex justify-between gap-2">
          <span>Database queries from this expiry</span>
          <span className="font-semibold tabular-nums">{result.databaseQueries.toLocaleString("en-US")}</span>
        </div>
        <div className="mt-1 h-3 rounded bg-slate-200 dark:bg-slate-800" aria-hidden="true">
          <div
            className={`h-3 rounded ${singleFlight ? "bg-emerald-500 dark:bg-emerald-400" : "bg-rose-500 dark:bg-rose-400"}`}
            style={{ width: `${width}%` }}
          />
        </div>
      </div>
      <p aria-live="polite" className="mt-3 rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {describeStampede(rate, reload, servers, singleFlight)}
      </p>
    </div>
  );
}
