"use client";

// The indexing lesson's interactive model: a B+ tree of numbers you can insert into,
// delete from, search and range-scan, at order 3 to 6. The path a lookup takes and the
// leaves a range scan walks are highlighted. All behaviour lives in
// @/lib/models/indexing (pure, tested); this file draws it.

import { useId, useReducer, useState } from "react";
import {
  build,
  describe,
  describeScale,
  FANOUTS,
  height,
  insert,
  KEY_MAX,
  KEY_MIN,
  keysOf,
  keyStream,
  levels,
  ORDERS,
  rangeScan,
  remove,
  ROW_COUNTS,
  scaleUp,
  search,
  type Trace,
  type Tree,
} from "@/lib/models/indexing";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelLabelClass, ModelSelect, modelSelectClass, plainChoices } from "../ui/model-controls";

const SEED = 2026;
const START_KEYS = 12;
const RANDOM_BATCH = 5;

interface State {
  tree: Tree;
  trace: Trace | null;
  /** How many keys the seeded stream has produced so far: replaying them gives the same tree. */
  drawn: number;
  key: number;
  lo: number;
  hi: number;
}

type Action =
  | { type: "order"; order: number }
  | { type: "field"; name: "key" | "lo" | "hi"; value: number }
  | { type: "insert" }
  | { type: "random" }
  | { type: "delete" }
  | { type: "search" }
  | { type: "range" }
  | { type: "reset" };

function drawKeys(count: number): number[] {
  const next = keyStream(SEED);
  return Array.from({ length: count }, () => next());
}

function initialState(): State {
  return { tree: build(4, drawKeys(START_KEYS)), trace: null, drawn: START_KEYS, key: 42, lo: 20, hi: 60 };
}

function clampKey(value: number): number {
  return Number.isFinite(value) ? Math.min(KEY_MAX, Math.max(KEY_MIN, Math.round(value))) : KEY_MIN;
}

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "order":
      return { ...state, tree: build(action.order, keysOf(state.tree)), trace: null };
    case "field":
      return { ...state, [action.name]: clampKey(action.value) };
    case "insert": {
      const { tree, trace } = insert(state.tree, state.key);
      return { ...state, tree, trace };
    }
    case "random": {
      const all = drawKeys(state.drawn + RANDOM_BATCH);
      let tree = state.tree;
      let trace: Trace | null = null;
      for (const key of all.slice(state.drawn)) ({ tree, trace } = insert(tree, key));
      return { ...state, tree, trace, drawn: state.drawn + RANDOM_BATCH };
    }
    case "delete": {
      const { tree, trace } = remove(state.tree, state.key);
      return { ...state, tree, trace };
    }
    case "search":
      return { ...state, trace: search(state.tree, state.key) };
    case "range":
      return { ...state, trace: rangeScan(state.tree, state.lo, state.hi) };
    case "reset":
      return initialState();
  }
}

/** The model the indexing lesson embeds as <IndexingModel />. */
export function IndexingModel() {
  const [state, dispatch] = useReducer(reducer, undefined, initialState);
  const ids = useId();
  const { tree, trace } = state;
  const rows = levels(tree);
  const onPath = new Set(trace?.path ?? []);
  const walked = new Set(trace?.walked ?? []);
  const found = new Set(trace?.found ?? []);

  return (
    <ModelFrame aria-label="Interactive B+ tree model">
      <div className="flex flex-wrap items-end gap-3">
        <ModelSelect
          id={`${ids}-order`}
          label="Order"
          className="flex flex-col gap-1"
          value={tree.order}
          choices={ORDERS.map((order) => ({ value: order, label: `${order} (leaves hold up to ${order - 1})` }))}
          onChange={(value) => dispatch({ type: "order", order: Number(value) })}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-key`} className={modelLabelClass}>
            Key
          </label>
          <input
            id={`${ids}-key`}
            type="number"
            min={KEY_MIN}
            max={KEY_MAX}
            value={state.key}
            onChange={(event) => dispatch({ type: "field", name: "key", value: Number(event.target.value) })}
            className={`${modelSelectClass} w-20 tabular-nums`}
          />
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label="Key operations">
          <Button variant="primary" onClick={() => dispatch({ type: "insert" })}>
            Insert
          </Button>
          <Button variant="secondary" onClick={() => dispatch({ type: "search" })}>
            Search
          </Button>
          <Button variant="secondary" onClick={() => dispatch({ type: "delete" })}>
            Delete
          </Button>
          <Button variant="secondary" onClick={() => dispatch({ type: "random" })}>
            Insert {RANDOM_BATCH} random
          </Button>
        </div>
      </div>

      <div className="mt-3 flex flex-wrap items-end gap-3" role="group" aria-label="Range scan">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-lo`} className={modelLabelClass}>
            From
          </label>
          <input
            id={`${ids}-lo`}
            type="number"
            min={KEY_MIN}
            max={KEY_MAX}
            value={state.lo}
            onChange={(event) => dispatch({ type: "field", name: "lo", value: Number(event.target.value) })}
            className={`${modelSelectClass} w-20 tabular-nums`}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-hi`} className={modelLabelClass}>
            To
          </label>
          <input
            id={`${ids}-hi`}
            type="number"
            min={KEY_MIN}
            max={KEY_MAX}
            value={state.hi}
            onChange={(event) => dispatch({ type: "field", name: "hi", value: Number(event.target.value) })}
            className={`${modelSelectClass} w-20 tabular-nums`}
          />
        </div>
        <Button variant="secondary" onClick={() => dispatch({ type: "range" })}>
          Range scan
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "reset" })}>
          Reset
        </Button>
      </div>

      <p className="mt-3 text-sm tabular-nums text-slate-700 dark:text-slate-300">
        {tree.size} keys · height {height(tree)} · a lookup reads {height(tree)} page{height(tree) === 1 ? "" : "s"}
      </p>

      <div className="mt-2 flex flex-col gap-3 overflow-x-auto rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-950" aria-hidden="true">
        {rows.map((row, depth) => {
          const isLeafRow = depth === rows.length - 1;
          return (
            <div key={depth} className="flex flex-wrap items-center justify-center gap-1">
              {row.map((node, i) => {
                const highlighted = onPath.has(node.id);
                const walkedLeaf = walked.has(node.id);
                return (
                  <div key={node.id} className="flex items-center gap-1">
                    <div
                      className={`flex min-h-7 min-w-8 items-center gap-1 rounded border px-1.5 font-mono text-xs ${
                        highlighted
                          ? "border-sky-600 bg-sky-100 dark:border-sky-400 dark:bg-sky-900/60"
                          : walkedLeaf
                            ? "border-amber-600 bg-amber-100 dark:border-amber-400 dark:bg-amber-900/50"
                            : isLeafRow
                              ? "border-slate-400 bg-slate-50 dark:border-slate-500 dark:bg-slate-900"
                              : "border-slate-500 bg-slate-200 dark:border-slate-400 dark:bg-slate-800"
                      }`}
                    >
                      {node.keys.length === 0 ? <span className="text-slate-400">empty</span> : null}
                      {node.keys.map((key) => (
                        <span key={key} className={isLeafRow && found.has(key) ? "rounded bg-emerald-600 px-0.5 text-white dark:bg-emerald-400 dark:text-slate-950" : ""}>
                          {key}
                        </span>
                      ))}
                    </div>
                    {isLeafRow && i < row.length - 1 ? <span className="text-xs text-slate-500 dark:text-slate-400">→</span> : null}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      <ol className="sr-only">
        {rows.map((row, depth) => (
          <li key={depth}>
            {depth === rows.length - 1 ? "Leaves" : `Level ${depth + 1}`}: {row.map((node) => (node.keys.length === 0 ? "empty" : node.keys.join(" "))).join("; ")}
          </li>
        ))}
      </ol>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Grey rows are inner nodes (separator keys), the bottom row is the linked leaves. Blue: pages read on the way down; amber: leaves walked by
        a range scan; green: keys found.
      </p>

      <div aria-live="polite" className="mt-3 rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {describe(tree, trace)}
      </div>

      <ScaleUp />
    </ModelFrame>
  );
}

/** The same arithmetic at database scale: rows and fan-out in, height and page counts out. */
function ScaleUp() {
  const [rows, setRows] = useState(100_000_000);
  const [fanout, setFanout] = useState(400);
  const ids = useId();
  const estimate = scaleUp(rows, fanout);
  return (
    <fieldset className="mt-4 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Scale it up: a real table</legend>
      <div className="flex flex-wrap items-end gap-3">
        <ModelSelect
          id={`${ids}-rows`}
          label="Rows"
          className="flex flex-col gap-1"
          value={rows}
          choices={ROW_COUNTS.map((count) => ({ value: count, label: count.toLocaleString("en-US") }))}
          onChange={(value) => setRows(Number(value))}
        />
        <ModelSelect
          id={`${ids}-fanout`}
          label="Entries per 8 KB page"
          className="flex flex-col gap-1"
          value={fanout}
          choices={plainChoices(FANOUTS)}
          onChange={(value) => setFanout(Number(value))}
        />
      </div>
      <ol className="mt-3 flex list-none flex-col-reverse gap-1 p-0 text-sm tabular-nums" aria-label="Pages per level, root at the top">
        {estimate.levelPages.map((pages, level) => (
          <li key={level} className="flex items-center gap-2">
            <span className="w-20 shrink-0 text-xs text-slate-600 dark:text-slate-400">{level === 0 ? "leaves" : level === estimate.height - 1 ? "root" : `level ${estimate.height - level}`}</span>
            <span
              className={`h-3 rounded ${level === 0 ? "bg-amber-400 dark:bg-amber-500" : "bg-sky-500 dark:bg-sky-400"}`}
              style={{ width: `${Math.max(2, (Math.log10(pages) / Math.log10(Math.max(10, estimate.levelPages[0] ?? 10))) * 60)}%` }}
            />
            <span>{pages.toLocaleString("en-US")}</span>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="mt-3 text-sm text-slate-800 dark:text-slate-200">
        {describeScale(estimate)}
      </p>
    </fieldset>
  );
}
