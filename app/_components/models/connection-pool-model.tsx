"use client";

import { useId, useMemo, useState } from "react";
import { ACQUIRE_TIMEOUT_MS, CORES, LOADS, MAX_POOL, bestRun, describe, sweep, type PoolRun } from "@/lib/models/connection-pool";
import { ModelFrame, modelPanelClass } from "../ui/model-frame";
import { modelSelectClass } from "../ui/model-controls";

const CHART_LEFT = 34;
const CHART_RIGHT = 596;
const BAR_GAP = 2;

function Bars({
  runs,
  selected,
  value,
  max,
  top,
  height,
  label,
  unit,
}: {
  runs: PoolRun[];
  selected: number;
  value: (run: PoolRun) => number;
  max: number;
  top: number;
  height: number;
  label: string;
  unit: string;
}) {
  const width = (CHART_RIGHT - CHART_LEFT) / runs.length;
  return (
    <g>
      <text x={CHART_LEFT} y={top - 6} fontSize="11" className="fill-slate-700 dark:fill-slate-200">
        {label}
      </text>
      <line x1={CHART_LEFT} y1={top + height} x2={CHART_RIGHT} y2={top + height} strokeWidth="1" className="stroke-slate-400 dark:stroke-slate-500" />
      <text x={CHART_LEFT - 4} y={top + 8} fontSize="9" textAnchor="end" className="fill-slate-600 dark:fill-slate-300">
        {max.toFixed(0)}
      </text>
      <text x={CHART_LEFT - 4} y={top + height} fontSize="9" textAnchor="end" className="fill-slate-600 dark:fill-slate-300">
        0
      </text>
      {runs.map((run, i) => {
        const h = max === 0 ? 0 : (Math.min(value(run), max) / max) * height;
        const isSelected = run.poolSize === selected;
        return (
          <rect
            key={run.poolSize}
            x={CHART_LEFT + i * width + BAR_GAP / 2}
            y={top + height - h}
            width={width - BAR_GAP}
            height={h}
            className={
              isSelected
                ? "fill-sky-600 dark:fill-sky-400"
                : run.timedOut > 0
                  ? "fill-rose-300 dark:fill-rose-800"
                  : "fill-slate-300 dark:fill-slate-600"
            }
          />
        );
      })}
      <text x={CHART_RIGHT} y={top - 6} fontSize="10" textAnchor="end" className="fill-slate-600 dark:fill-slate-300">
        {unit}
      </text>
    </g>
  );
}

/** A workload against pools of every size: pick one and compare throughput and tail latency. */
export function ConnectionPoolModel() {
  const id = useId();
  const [size, setSize] = useState(10);
  const [loadIndex, setLoadIndex] = useState(1);
  const load = LOADS[loadIndex] ?? LOADS[0]!;
  const runs = useMemo(() => sweep(load.perSecond), [load.perSecond]);
  const run = runs[size - 1] ?? runs[0]!;
  const best = bestRun(runs);
  const maxThroughput = Math.max(...runs.map((r) => r.throughput), 1);
  const maxLatency = Math.max(...runs.map((r) => r.p95LatencyMs), 1);
  const busy = Math.round(run.meanBusy);

  return (
    <ModelFrame aria-label="Connection pool model">
      <div className="grid gap-3 text-sm sm:grid-cols-2">
        <label className="flex flex-col" htmlFor={`${id}-size`}>
          <span className="mb-1 font-medium">
            Pool size (max connections): <strong>{size}</strong>
          </span>
          <input
            id={`${id}-size`}
            type="range"
            min={1}
            max={MAX_POOL}
            step={1}
            value={size}
            onChange={(event) => setSize(Number(event.target.value))}
            className="w-full accent-sky-600"
          />
        </label>
        <label className="flex flex-col" htmlFor={`${id}-load`}>
          <span className="mb-1 font-medium">Load</span>
          <select id={`${id}-load`} className={modelSelectClass} value={loadIndex} onChange={(event) => setLoadIndex(Number(event.target.value))}>
            {LOADS.map((l, i) => (
              <option key={l.label} value={i}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
        The database has {CORES} cores; each query needs 20 ms of CPU, and more than {CORES} queries at once slow each other down. A request waits at most{" "}
        {ACQUIRE_TIMEOUT_MS} ms for a connection. Same 10 seconds of seeded arrivals for every size.
      </p>

      <div className="mt-3" aria-hidden="true">
        <p className="text-xs font-medium">This pool, on average over the run</p>
        <div className="mt-1 flex flex-wrap gap-1">
          {Array.from({ length: size }, (_, i) => (
            <span
              key={i}
              className={`h-5 w-5 rounded border ${
                i < busy
                  ? "border-amber-600 bg-amber-300 dark:border-amber-400 dark:bg-amber-600"
                  : "border-emerald-600 bg-emerald-100 dark:border-emerald-400 dark:bg-emerald-900"
              }`}
            />
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">Amber: busy connections. Green: idle.</p>
      </div>

      <svg viewBox="0 0 600 250" className="mt-3 w-full" aria-hidden="true">
        <Bars runs={runs} selected={size} value={(r) => r.throughput} max={maxThroughput} top={20} height={80} label="Throughput" unit="queries/s" />
        <Bars runs={runs} selected={size} value={(r) => r.p95LatencyMs} max={maxLatency} top={135} height={80} label="p95 latency" unit="ms" />
        {runs.map((r, i) => (
          <text
            key={r.poolSize}
            x={CHART_LEFT + (i + 0.5) * ((CHART_RIGHT - CHART_LEFT) / runs.length)}
            y={232}
            fontSize="9"
            textAnchor="middle"
            className={r.poolSize === size ? "fill-sky-700 font-bold dark:fill-sky-300" : "fill-slate-600 dark:fill-slate-300"}
          >
            {r.poolSize}
          </text>
        ))}
        <text x={(CHART_LEFT + CHART_RIGHT) / 2} y={247} fontSize="10" textAnchor="middle" className="fill-slate-700 dark:fill-slate-200">
          pool size (red bars: some requests timed out)
        </text>
      </svg>

      <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div className={modelPanelClass}>
          <dt className="text-xs text-slate-600 dark:text-slate-300">Throughput</dt>
          <dd className="font-semibold">{run.throughput.toFixed(0)} /s</dd>
        </div>
        <div className={modelPanelClass}>
          <dt className="text-xs text-slate-600 dark:text-slate-300">p95 latency</dt>
          <dd className="font-semibold">{run.p95LatencyMs.toFixed(0)} ms</dd>
        </div>
        <div className={modelPanelClass}>
          <dt className="text-xs text-slate-600 dark:text-slate-300">Mean wait for a connection</dt>
          <dd className="font-semibold">{run.meanWaitMs.toFixed(1)} ms</dd>
        </div>
        <div className={modelPanelClass}>
          <dt className="text-xs text-slate-600 dark:text-slate-300">Timed out</dt>
          <dd className="font-semibold">
            {run.timedOut} of {run.arrived}
          </dd>
        </div>
      </dl>

      <p aria-live="polite" className="mt-3 text-sm text-slate-700 dark:text-slate-200">
        {describe(run, load, best)}
      </p>
    </ModelFrame>
  );
}
