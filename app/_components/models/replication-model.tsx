"use client";

// The replication lesson's interactive model: a primary and three asynchronous
// replicas on a simulated clock. Write, let time pass, read plainly or with your last
// lsn, and fail over to a replica to see which writes survive. All behaviour lives in
// @/lib/models/replication (pure, tested); this file draws it.

import { useId, useReducer, useState } from "react";
import {
  advance,
  appliedLsn,
  createReplication,
  describe,
  KEY,
  LAGS_MS,
  nextApplyIn,
  primaryLsn,
  promote,
  readMine,
  readPlain,
  STEP_MS,
  valueAt,
  write,
  type ReplicationState,
} from "@/lib/models/replication";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { ModelSelect } from "../ui/model-controls";

type Action =
  | { type: "write" }
  | { type: "advance"; ms: number }
  | { type: "plain" }
  | { type: "mine" }
  | { type: "promote"; replica: number }
  | { type: "reset" };

function reducer(state: ReplicationState, action: Action): ReplicationState {
  switch (action.type) {
    case "write":
      return write(state);
    case "advance":
      return advance(state, action.ms);
    case "plain":
      return readPlain(state);
    case "mine":
      return readMine(state);
    case "promote":
      return promote(state, action.replica);
    case "reset":
      return createReplication();
  }
}

/** One lane: a label and a box per log entry, filled once applied. */
function Lane({ title, detail, entries, applied, highlight }: { title: string; detail: string; entries: Array<{ lsn: number; value: string }>; applied: number; highlight: boolean }) {
  return (
    <li
      className={`rounded-lg border p-2 ${
        highlight ? "border-sky-500 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/50" : "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950"
      }`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
        <span className="font-semibold">{title}</span>
        <span className="text-xs tabular-nums text-slate-600 dark:text-slate-300">{detail}</span>
      </div>
      <ol className="mt-1 flex min-h-7 list-none flex-wrap gap-1 p-0" aria-label={`${title}: applied lsn ${applied}`}>
        {entries.length === 0 ? <li className="text-xs text-slate-500 dark:text-slate-400">empty log</li> : null}
        {entries.map((entry) => {
          const done = entry.lsn <= applied;
          return (
            <li
              key={entry.lsn}
              className={`rounded px-1.5 py-0.5 font-mono text-xs ${
                done
                  ? "bg-emerald-600 text-white dark:bg-emerald-400 dark:text-slate-950"
                  : "border border-dashed border-slate-400 text-slate-500 dark:border-slate-500 dark:text-slate-400"
              }`}
            >
              {entry.lsn}:{entry.value}
              <span className="sr-only">{done ? " applied" : " pending"}</span>
            </li>
          );
        })}
      </ol>
    </li>
  );
}

/** The model the replication lesson embeds as <ReplicationModel />. */
export function ReplicationModel() {
  const [state, dispatch] = useReducer(reducer, undefined, createReplication);
  const [target, setTarget] = useState(1);
  const ids = useId();
  const top = primaryLsn(state);
  const serving = state.serving.map((on, i) => (on ? i : -1)).filter((i) => i >= 0);
  const chosen = serving.includes(target) ? target : (serving[0] ?? -1);
  const read = state.lastRead;
  const primaryTitle = state.primaryIndex === null ? "Primary" : `Primary (was replica ${state.primaryIndex})`;

  return (
    <ModelFrame aria-label="Interactive replication model">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Writes, reads and time">
        <Button variant="primary" onClick={() => dispatch({ type: "write" })}>
          Write {KEY}
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "advance", ms: STEP_MS })}>
          +{STEP_MS} ms
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "advance", ms: 100 })}>
          +100 ms
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "plain" })}>
          Plain read
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "mine" })}>
          Read my write (minLsn {state.myLsn})
        </Button>
      </div>

      <div className="mt-3 flex flex-wrap items-end gap-2" role="group" aria-label="Failover">
        <ModelSelect
          id={`${ids}-target`}
          label="Promote"
          className="flex flex-col gap-1"
          value={chosen}
          disabled={serving.length === 0}
          choices={serving.map((i) => ({ value: i, label: `replica ${i} (lag ${LAGS_MS[i]} ms)` }))}
          onChange={(value) => setTarget(Number(value))}
        />
        <Button variant="danger" disabled={chosen < 0} onClick={() => dispatch({ type: "promote", replica: chosen })}>
          Fail the primary over
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "reset" })}>
          Reset
        </Button>
      </div>

      <p className="mt-3 text-sm tabular-nums text-slate-700 dark:text-slate-300">
        t = {state.now} ms · primary at lsn {top} · {KEY} = {valueAt(state, top) ?? "nothing"}
      </p>

      <ol className="mt-2 grid list-none gap-2 p-0 sm:grid-cols-2">
        <Lane title={primaryTitle} detail={`lsn ${top}`} entries={state.log} applied={top} highlight={read?.servedBy === "primary"} />
        {LAGS_MS.map((lag, i) => {
          if (!state.serving[i]) return null;
          const wait = nextApplyIn(state, i);
          return (
            <Lane
              key={i}
              title={`Replica ${i}`}
              detail={`lag ${lag} ms · lsn ${appliedLsn(state, i)}${wait === null ? "" : ` · next in ${wait} ms`}`}
              entries={state.log}
              applied={appliedLsn(state, i)}
              highlight={read?.servedBy === i}
            />
          );
        })}
      </ol>

      {state.lost.length > 0 ? (
        <div className="mt-2 rounded-lg border border-rose-400 bg-rose-50 p-2 text-sm dark:border-rose-500 dark:bg-rose-950/50">
          <span className="font-semibold text-rose-800 dark:text-rose-200">Lost in failover: </span>
          {state.lost.map((entry) => (
            <span key={`${entry.lsn}-${entry.lostAt}`} className="mr-1 font-mono text-xs text-rose-800 line-through dark:text-rose-200">
              {entry.lsn}:{entry.value}
            </span>
          ))}
        </div>
      ) : null}

      {read ? (
        <p className="mt-2 text-sm">
          Last read at {read.at} ms:{" "}
          <span className="font-semibold">{read.servedBy === "primary" ? "primary" : `replica ${read.servedBy}`}</span> returned{" "}
          <span className="font-mono">{read.value ?? "nothing"}</span>
          {read.value !== read.primaryValue ? (
            <span className="ml-1 rounded bg-amber-200 px-1 text-amber-950 dark:bg-amber-500/30 dark:text-amber-100">stale</span>
          ) : null}
        </p>
      ) : null}

      <div aria-live="polite" className="mt-3 rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {describe(state)}
      </div>
    </ModelFrame>
  );
}
