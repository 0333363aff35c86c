"use client";

import { useId, useMemo, useState } from "react";
import {
  CRASH_AT_MS,
  DEFAULT_SETTINGS,
  DURATION_MS,
  GC_AT_MS,
  PHI_CAP,
  describe,
  simulate,
  type HeartbeatSettings,
} from "@/lib/models/heartbeat";
import { Button } from "../ui/button";
import { ModelFrame, modelPanelClass } from "../ui/model-frame";
import { modelSelectClass } from "../ui/model-controls";

const LEFT = 36;
const RIGHT = 592;
const TOP = 16;
const BOTTOM = 160;
const x = (t: number) => LEFT + (t / DURATION_MS) * (RIGHT - LEFT);
const y = (phi: number) => BOTTOM - (Math.min(phi, PHI_CAP) / PHI_CAP) * (BOTTOM - TOP);

/** Heartbeats with jitter, a pause and a crash, watched by a phi detector and a fixed timeout. */
export function HeartbeatModel() {
  const id = useId();
  const [settings, setSettings] = useState<HeartbeatSettings>(DEFAULT_SETTINGS);
  const sim = useMemo(() => simulate(settings), [settings]);
  const update = (patch: Partial<HeartbeatSettings>) => setSettings((s) => ({ ...s, ...patch }));

  const path = sim.samples.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.t).toFixed(1)},${y(p.phi).toFixed(1)}`).join(" ");

  return (
    <ModelFrame aria-label="Heartbeat failure detector model">
      <div className="grid grid-cols-1 gap-2 text-sm min-[360px]:grid-cols-2 sm:grid-cols-4">
        <label className="flex flex-col" htmlFor={`${id}-jitter`}>
          <span className="mb-1 font-medium">Network jitter</span>
          <select id={`${id}-jitter`} className={modelSelectClass} value={settings.jitterMs} onChange={(e) => update({ jitterMs: Number(e.target.value) })}>
            <option value={50}>calm (50 ms)</option>
            <option value={200}>normal (200 ms)</option>
            <option value={400}>congested (400 ms)</option>
          </select>
        </label>
        <label className="flex flex-col" htmlFor={`${id}-threshold`}>
          <span className="mb-1 font-medium">Phi threshold</span>
          <select id={`${id}-threshold`} className={modelSelectClass} value={settings.threshold} onChange={(e) => update({ threshold: Number(e.target.value) })}>
            <option value={3}>3 (aggressive)</option>
            <option value={8}>8 (Akka, Cassandra)</option>
            <option value={12}>12 (cautious)</option>
          </select>
        </label>
        <label className="flex flex-col" htmlFor={`${id}-timeout`}>
          <span className="mb-1 font-medium">Fixed timeout</span>
          <select id={`${id}-timeout`} className={modelSelectClass} value={settings.timeoutMs} onChange={(e) => update({ timeoutMs: Number(e.target.value) })}>
            <option value={1500}>1.5 s</option>
            <option value={2500}>2.5 s</option>
            <option value={4000}>4 s</option>
          </select>
        </label>
        <div className="flex flex-col justify-end gap-1">
          <label className="flex items-center gap-2" htmlFor={`${id}-gc`}>
            <input id={`${id}-gc`} type="checkbox" className="h-4 w-4 accent-sky-600" checked={settings.gcPause} onChange={(e) => update({ gcPause: e.target.checked })} />
            <span>3 s pause at 20 s</span>
          </label>
          <label className="flex items-center gap-2" htmlFor={`${id}-crash`}>
            <input id={`${id}-crash`} type="checkbox" className="h-4 w-4 accent-sky-600" checked={settings.crash} onChange={(e) => update({ crash: e.target.checked })} />
            <span>Crash at 45 s</span>
          </label>
        </div>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <Button variant="secondary" onClick={() => update({ seed: settings.seed + 1 })}>
          Next run
        </Button>
        <Button variant="secondary" onClick={() => setSettings(DEFAULT_SETTINGS)}>
          Reset
        </Button>
        <span className="text-slate-600 dark:text-slate-300">Run {settings.seed} (each run number always gives the same heartbeats)</span>
      </div>

      <svg viewBox="0 0 600 250" className="mt-3 w-full" aria-hidden="true">
        <line x1={LEFT} y1={BOTTOM} x2={RIGHT} y2={BOTTOM} strokeWidth="1" className="stroke-slate-400 dark:stroke-slate-500" />
        <line x1={LEFT} y1={TOP} x2={LEFT} y2={BOTTOM} strokeWidth="1" className="stroke-slate-400 dark:stroke-slate-500" />
        <text x={4} y={TOP + 8} fontSize="11" className="fill-slate-600 dark:fill-slate-300">phi</text>
        <text x={4} y={y(settings.threshold) + 4} fontSize="10" className="fill-rose-700 dark:fill-rose-300">{settings.threshold}</text>
        <text x={4} y={BOTTOM} fontSize="10" className="fill-slate-600 dark:fill-slate-300">0</text>
        <line x1={LEFT} y1={y(settings.threshold)} x2={RIGHT} y2={y(settings.threshold)} strokeDasharray="5 4" strokeWidth="1.5" className="stroke-rose-600 dark:stroke-rose-400" />
        {settings.gcPause && <rect x={x(GC_AT_MS)} y={TOP} width={x(GC_AT_MS + 3000) - x(GC_AT_MS)} height={BOTTOM - TOP} className="fill-violet-200/50 dark:fill-violet-800/40" />}
        {sim.crashAt !== null && (
          <>
            <line x1={x(CRASH_AT_MS)} y1={TOP} x2={x(CRASH_AT_MS)} y2={BOTTOM} strokeWidth="1.5" className="stroke-slate-700 dark:stroke-slate-200" />
            <text x={x(CRASH_AT_MS) + 3} y={TOP + 10} fontSize="10" className="fill-slate-700 dark:fill-slate-200">crash</text>
          </>
        )}
        <path d={path} fill="none" strokeWidth="1.5" className="stroke-amber-600 dark:stroke-amber-400" />
        <text x={LEFT + 2} y={180} fontSize="10" className="fill-slate-700 dark:fill-slate-200">phi suspects</text>
        {sim.phi.spans.map((s, i) => (
          <rect key={`p${i}`} x={x(s.from)} y={183} width={Math.max(2, x(s.to) - x(s.from))} height={8} className="fill-rose-500 dark:fill-rose-400" />
        ))}
        <text x={LEFT + 2} y={204} fontSize="10" className="fill-slate-700 dark:fill-slate-200">timeout suspects</text>
        {sim.fixed.spans.map((s, i) => (
          <rect key={`f${i}`} x={x(s.from)} y={207} width={Math.max(2, x(s.to) - x(s.from))} height={8} className="fill-orange-500 dark:fill-orange-400" />
        ))}
        {sim.beats.map((t) => (
          <rect key={t} x={x(t) - 0.75} y={222} width={1.5} height={8} className="fill-sky-600 dark:fill-sky-400" />
        ))}
        {[0, 10, 20, 30, 40, 50, 60].map((s) => (
          <text key={s} x={x(s * 1000)} y={246} fontSize="10" textAnchor="middle" className="fill-slate-600 dark:fill-slate-300">
            {s}s
          </text>
        ))}
      </svg>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Blue ticks: heartbeats. Orange line: phi (drawn up to {PHI_CAP}). Red and orange bars: when each detector suspects the node.
      </p>

      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
        <div className={modelPanelClass}>
          <dt className="font-medium">Phi, threshold {settings.threshold}</dt>
          <dd>
            {sim.phi.falseAlarms} false alarm{sim.phi.falseAlarms === 1 ? "" : "s"}
            {settings.crash && <span className="block">crash flagged after {sim.phi.detectionMs === null ? "never" : `${(sim.phi.detectionMs / 1000).toFixed(1)} s`}</span>}
          </dd>
        </div>
        <div className={modelPanelClass}>
          <dt className="font-medium">Fixed {settings.timeoutMs / 1000} s timeout</dt>
          <dd>
            {sim.fixed.falseAlarms} false alarm{sim.fixed.falseAlarms === 1 ? "" : "s"}
            {settings.crash && <span className="block">crash flagged after {sim.fixed.detectionMs === null ? "never" : `${(sim.fixed.detectionMs / 1000).toFixed(1)} s`}</span>}
          </dd>
        </div>
      </dl>

      <p aria-live="polite" className="mt-3 text-sm text-slate-700 dark:text-slate-200">
        {describe(settings, sim)}
      </p>
    </ModelFrame>
  );
}
