"use client";

// The sharding lesson's interactive model: 24 user keys on shards by hash, range or
// directory. Grow the cluster and see which keys move; make one key hot and see one
// shard carry its load. All behaviour lives in @/lib/models/sharding (pure, tested).

import { useId, useReducer } from "react";
import {
  addShard,
  createSharding,
  describe,
  KEYS,
  MAX_SHARDS,
  SCHEMES,
  setHotKey,
  setScheme,
  shards,
  type Scheme,
  type ShardingState,
} from "@/lib/models/sharding";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelLabelClass, modelSelectClass } from "../ui/model-controls";

type Action = { type: "scheme"; scheme: Scheme } | { type: "add" } | { type: "hot"; key: string | null } | { type: "reset" };

function reducer(state: ShardingState, action: Action): ShardingState {
  switch (action.type) {
    case "scheme":
      return setScheme(state, action.scheme);
    case "add":
      return addShard(state);
    case "hot":
      return setHotKey(state, action.key);
    case "reset":
      return { ...createSharding(state.scheme, null), note: "Reset to 3 shards." };
  }
}

const ADD_LABEL: Record<Scheme, string> = {
  hash: "Add a shard (N + 1)",
  range: "Split the busiest range",
  directory: "Add a shard and rebalance",
};

/** The model the sharding lesson embeds as <ShardingModel />. */
export function ShardingModel() {
  const [state, dispatch] = useReducer(reducer, undefined, () => createSharding("hash"));
  const ids = useId();
  const views = shards(state);
  const maxLoad = Math.max(...views.map((view) => view.load));

  return (
    <ModelFrame aria-label="Interactive sharding model">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-scheme`} className={modelLabelClass}>
            Scheme
          </label>
          <select
            id={`${ids}-scheme`}
            className={modelSelectClass}
            value={state.scheme}
            onChange={(event) => dispatch({ type: "scheme", scheme: event.target.value as Scheme })}
          >
            {SCHEMES.map((scheme) => (
              <option key={scheme.id} value={scheme.id}>
                {scheme.title}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-hot`} className={modelLabelClass}>
            Hot key (a celebrity)
          </label>
          <select
            id={`${ids}-hot`}
            className={modelSelectClass}
            value={state.hotKey ?? ""}
            onChange={(event) => dispatch({ type: "hot", key: event.target.value === "" ? null : event.target.value })}
          >
            <option value="">none: every key equally busy</option>
            {KEYS.map((key) => (
              <option key={key} value={key}>
                {key}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label="Cluster changes">
        <Button variant="primary" disabled={state.shardCount >= MAX_SHARDS} onClick={() => dispatch({ type: "add" })}>
          {ADD_LABEL[state.scheme]}
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "reset" })}>
          Reset
        </Button>
      </div>

      <ol className="mt-4 grid list-none grid-cols-1 gap-2 p-0 min-[420px]:grid-cols-2 md:grid-cols-4" aria-label="Shards">
        {views.map((view) => {
          const hot = state.hotKey !== null && view.keys.includes(state.hotKey) && view.load === maxLoad;
          return (
            <li
              key={view.index}
              className={`rounded-lg border p-2 ${
                hot
                  ? "border-rose-500 bg-rose-50 dark:border-rose-400 dark:bg-rose-950/60"
                  : "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950"
              }`}
            >
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="font-semibold">Shard {view.index}</span>
                <span className="tabular-nums text-slate-600 dark:text-slate-300">
                  {view.keys.length} keys · {Math.round(view.load * 100)}% load
                </span>
              </div>
              {view.range ? <div className="text-xs text-slate-600 dark:text-slate-400">{view.range}</div> : null}
              <div
                className="mt-1 h-2 rounded bg-slate-200 dark:bg-slate-800"
                role="img"
                aria-label={`Shard ${view.index} carries ${Math.round(view.load * 100)}% of traffic`}
              >
                <div
                  className={`h-2 rounded ${hot ? "bg-rose-500 dark:bg-rose-400" : "bg-sky-500 dark:bg-sky-400"}`}
                  style={{ width: `${Math.round(view.load * 100)}%` }}
                />
              </div>
              <ul className="mt-2 flex list-none flex-wrap gap-1 p-0">
                {view.keys.map((key) => {
                  const moved = state.moved.includes(key);
                  const isHot = key === state.hotKey;
                  return (
                    <li
                      key={key}
                      className={`rounded px-1.5 py-0.5 font-mono text-xs ${
                        isHot
                          ? "bg-rose-600 text-white dark:bg-rose-400 dark:text-slate-950"
                          : moved
                            ? "bg-amber-200 text-amber-950 ring-1 ring-amber-500 dark:bg-amber-500/30 dark:text-amber-100 dark:ring-amber-400"
                            : "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200"
                      }`}
                    >
                      {key}
                      {moved ? <span className="sr-only"> (moved)</span> : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>

      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
        <span className="rounded bg-amber-200 px-1 text-amber-950 dark:bg-amber-500/30 dark:text-amber-100">highlighted</span> keys moved in the last change;{" "}
        <span className="rounded bg-rose-600 px-1 text-white dark:bg-rose-400 dark:text-slate-950">red</span> is the hot key.
      </p>

      <div aria-live="polite" className="mt-3 rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {describe(state)}
      </div>
    </ModelFrame>
  );
}
