"use client";

import { useId, useState } from "react";
import {
  STRATEGIES,
  describe,
  initialState,
  sendMany,
  sendRequest,
  setStrategy,
  setWeight,
  toggleSlow,
  toggleUp,
  type LbState,
  type Strategy,
} from "@/lib/models/load-balancer";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelSelectClass } from "../ui/model-controls";

const COLORS: Record<string, { chip: string; bar: string; text: string }> = {
  A: {
    chip: "bg-sky-100 text-sky-900 border-sky-400 dark:bg-sky-950 dark:text-sky-100 dark:border-sky-500",
    bar: "bg-sky-500 dark:bg-sky-400",
    text: "text-sky-800 dark:text-sky-200",
  },
  B: {
    chip: "bg-emerald-100 text-emerald-900 border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100 dark:border-emerald-500",
    bar: "bg-emerald-500 dark:bg-emerald-400",
    text: "text-emerald-800 dark:text-emerald-200",
  },
  C: {
    chip: "bg-amber-100 text-amber-900 border-amber-400 dark:bg-amber-950 dark:text-amber-100 dark:border-amber-500",
    bar: "bg-amber-500 dark:bg-amber-400",
    text: "text-amber-800 dark:text-amber-200",
  },
};

const FAILED_CHIP = "bg-rose-100 text-rose-900 border-rose-400 dark:bg-rose-950 dark:text-rose-100 dark:border-rose-500";

/** Requests flowing to backends under four strategies; take a backend down, slow it, or change weights. */
export function LoadBalancerModel() {
  const [state, setState] = useState<LbState>(() => initialState("round-robin"));
  const id = useId();
  const maxOpen = Math.max(4, ...state.backends.map((b) => b.open));

  return (
    <ModelFrame aria-label="Load balancer model">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm" htmlFor={`${id}-strategy`}>
          <span className="mb-1 font-medium">Strategy</span>
          <select
            id={`${id}-strategy`}
            value={state.strategy}
            onChange={(event) => setState((s) => setStrategy(s, event.target.value as Strategy))}
            className={modelSelectClass}
          >
            {STRATEGIES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" onClick={() => setState((s) => sendRequest(s))}>
          Send 1 request
        </Button>
        <Button variant="secondary" onClick={() => setState((s) => sendMany(s, 10))}>
          Send 10
        </Button>
        <Button variant="secondary" onClick={() => setState((s) => setStrategy(s, s.strategy))}>
          Reset counts
        </Button>
      </div>

      <ul className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        {state.backends.map((backend) => {
          const color = COLORS[backend.id] ?? COLORS.A!;
          return (
            <li
              key={backend.id}
              className={`rounded-lg border p-3 ${
                backend.up
                  ? "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800"
                  : "border-dashed border-rose-400 bg-rose-50 dark:border-rose-500 dark:bg-rose-950/40"
              }`}
            >
              <div className="flex items-center justify-between">
                <span className={`text-base font-semibold ${color.text}`}>Backend {backend.id}</span>
                <span className={`text-xs font-medium ${backend.up ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}>
                  {backend.up ? "healthy" : "down"}
                  {backend.slow ? ", slow" : ""}
                </span>
              </div>
              <p className="mt-1 text-sm">
                Served <strong>{backend.served}</strong>, open <strong>{backend.open}</strong>
                {state.strategy === "weighted" ? (
                  <>
                    , score <strong>{backend.current}</strong>
                  </>
                ) : null}
              </p>
              <div className="mt-2 h-2 rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
                <div className={`h-2 rounded ${color.bar}`} style={{ width: `${(backend.open / maxOpen) * 100}%` }} />
              </div>
              <div className="mt-3 flex flex-wrap items-center gap-2">
                <Button variant="secondary" onClick={() => setState((s) => toggleUp(s, backend.id))}>
                  {backend.up ? `Take ${backend.id} down` : `Bring ${backend.id} up`}
                </Button>
                <Button variant="secondary" onClick={() => setState((s) => toggleSlow(s, backend.id))}>
                  {backend.slow ? "Make fast" : "Make slow"}
                </Button>
                <label className="flex items-center gap-1 text-sm" htmlFor={`${id}-weight-${backend.id}`}>
                  Weight
                  <input
                    id={`${id}-weight-${backend.id}`}
                    type="number"
                    min={1}
                    max={9}
                    value={backend.weight}
                    onChange={(event) => setState((s) => setWeight(s, backend.id, Number(event.target.value)))}
                    className="w-14 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
                  />
                </label>
              </div>
            </li>
          );
        })}
      </ul>

      <div className="mt-4">
        <p className="text-sm font-medium">Last requests, oldest first</p>
        <ol className="mt-2 flex flex-wrap gap-1.5" aria-label="Recent assignments">
          {state.history.length === 0 ? <li className="text-sm text-slate-600 dark:text-slate-400">None yet: send a request.</li> : null}
          {state.history.map((a) => (
            <li
              key={a.seq}
              className={`rounded border px-1.5 py-0.5 text-xs ${a.backend ? (COLORS[a.backend] ?? COLORS.A!).chip : FAILED_CHIP}`}
              title={`request ${a.seq} from ${a.client}`}
            >
              #{a.seq} {a.client.split(".").slice(-1)[0]} → {a.backend ?? "503"}
            </li>
          ))}
        </ol>
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Each chip shows the request number, the last octet of the client address and the backend chosen. Weights only matter to smooth
          weighted round robin; a slow backend holds each request three times longer.
        </p>
      </div>

      <p aria-live="polite" className="mt-3 rounded-md bg-white p-2 text-sm dark:bg-slate-800">
        {describe(state)}
      </p>
    </ModelFrame>
  );
}
