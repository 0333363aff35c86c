"use client";

// The rate-limiting lesson's interactive model: a token bucket to fire requests at, and
// a second view that runs a fixed window and a sliding window counter over the same
// request stream. All behaviour lives in @/lib/models/rate-limiting (pure, tested);
// this file only draws it and turns clicks and keys into actions.

import { useEffect, useId, useMemo, useReducer, useRef, useState, type KeyboardEvent } from "react";
import {
  advance,
  burst,
  CAPACITY_RANGE,
  compareWindows,
  createBucketSim,
  describeBucket,
  describeComparison,
  describeWait,
  reconfigure,
  REFILL_RANGE,
  STREAM_SPAN_MS,
  tokensAt,
  type BucketConfig,
  type BucketSim,
  type RollingPeak,
  type StreamKind,
  type WindowDecision,
} from "@/lib/models/rate-limiting";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelLabelClass } from "../ui/model-controls";

type Tab = "bucket" | "windows";
const TABS: ReadonlyArray<{ id: Tab; title: string }> = [
  { id: "bucket", title: "Token bucket" },
  { id: "windows", title: "Fixed vs sliding window" },
];

/** The model the rate-limiting lesson embeds as <TokenBucketModel />. */
export function TokenBucketModel() {
  const [tab, setTab] = useState<Tab>("bucket");
  const baseId = useId();
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    let next = index;
    if (event.key === "ArrowRight") next = (index + 1) % TABS.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = TABS.length - 1;
    else return;
    event.preventDefault();
    const target = TABS[next];
    if (!target) return;
    setTab(target.id);
    tabRefs.current[next]?.focus();
  };

  return (
    <ModelFrame aria-label="Interactive rate limiting model">
      <div role="tablist" aria-label="Model views" className="mb-4 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700">
        {TABS.map((item, index) => {
          const selected = item.id === tab;
          return (
            <button
              key={item.id}
              ref={(element) => {
                tabRefs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${item.id}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel-${item.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setTab(item.id)}
              onKeyDown={(event) => onTabKey(event, index)}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-500 ${
                selected
                  ? "border-sky-600 text-sky-800 dark:border-sky-400 dark:text-sky-300"
                  : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
              }`}
            >
              {item.title}
            </button>
          );
        })}
      </div>
      {/* Both panels stay mounted, so switching tabs keeps each one's state. */}
      <div role="tabpanel" id={`${baseId}-panel-bucket`} aria-labelledby={`${baseId}-tab-bucket`} hidden={tab !== "bucket"}>
        <BucketPanel />
      </div>
      <div role="tabpanel" id={`${baseId}-panel-windows`} aria-labelledby={`${baseId}-tab-windows`} hidden={tab !== "windows"}>
        <WindowsPanel />
      </div>
    </ModelFrame>
  );
}

// ---- token bucket panel -----------------------------------------------------------

const INITIAL_CONFIG: BucketConfig = { capacity: 5, refillPerSecond: 1 };
const BURST_SIZE = 5;
const TICK_MS = 50;
/** Above the largest capacity, so a cost that can never be paid (retry after: never) is reachable. */
const MAX_COST = CAPACITY_RANGE.max + 5;

interface BucketState {
  sim: BucketSim;
  cost: number;
  announcement: string;
}

type BucketAction =
  | { type: "fire"; count: number }
  | { type: "advance"; ms: number; announce: boolean }
  | { type: "configure"; config: BucketConfig }
  | { type: "cost"; cost: number }
  | { type: "announce" }
  | { type: "reset" };

function initialBucketState(): BucketState {
  const sim = createBucketSim(INITIAL_CONFIG);
  return { sim, cost: 1, announcement: describeBucket(sim) };
}

function bucketReducer(state: BucketState, action: BucketAction): BucketState {
  switch (action.type) {
    case "fire": {
      const sim = burst(state.sim, action.count, state.cost);
      return { ...state, sim, announcement: describeBucket(sim) };
    }
    case "advance": {
      const sim = advance(state.sim, action.ms);
      return { ...state, sim, announcement: action.announce ? describeBucket(sim) : state.announcement };
    }
    case "configure": {
      const sim = reconfigure(state.sim, action.config);
      return { ...state, sim, announcement: describeBucket(sim) };
    }
    case "cost": {
      const cost = Number.isFinite(action.cost) ? Math.min(MAX_COST, Math.max(1, Math.round(action.cost))) : 1;
      return { ...state, cost };
    }
    case "announce":
      return { ...state, announcement: describeBucket(state.sim) };
    case "reset": {
      const sim = createBucketSim(state.sim.config);
      return { ...state, sim, announcement: describeBucket(sim) };
    }
  }
}

function BucketPanel() {
  const [state, dispatch] = useReducer(bucketReducer, undefined, initialBucketState);
  const [playing, setPlaying] = useState(false);
  const ids = useId();
  const { sim, cost } = state;
  const { capacity, refillPerSecond } = sim.config;

  // While playing, simulated time follows real time in whole 50 ms ticks, and the live
  // text is left alone (it would otherwise speak twenty times a second); pausing speaks it.
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last: number | null = null;
    let carry = 0;
    const loop = (timestamp: number) => {
      if (last !== null) {
        carry += Math.min(1000, timestamp - last);
        const ticks = Math.floor(carry / TICK_MS);
        if (ticks > 0) {
          carry -= ticks * TICK_MS;
          dispatch({ type: "advance", ms: ticks * TICK_MS, announce: false });
        }
      }
      last = timestamp;
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const togglePlay = () => {
    if (playing) dispatch({ type: "announce" });
    setPlaying(!playing);
  };

  return (
    <div className="grid gap-4 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
      <div className="flex flex-col items-center gap-2">
        <BucketDrawing sim={sim} />
        <div className="text-center text-sm tabular-nums text-slate-700 dark:text-slate-300">
          t = {(sim.now / 1000).toFixed(2)} s · {tokensAt(sim).toFixed(2)} of {capacity} tokens
        </div>
      </div>

      <div className="flex min-w-0 flex-col gap-4">
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-capacity`} className={modelLabelClass}>
              Capacity: <span className="tabular-nums">{capacity}</span> tokens
            </label>
            <input
              id={`${ids}-capacity`}
              type="range"
              min={CAPACITY_RANGE.min}
              max={CAPACITY_RANGE.max}
              step={1}
              value={capacity}
              onChange={(event) => dispatch({ type: "configure", config: { capacity: Number(event.target.value), refillPerSecond } })}
              className="w-full accent-sky-600 dark:accent-sky-400"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-refill`} className={modelLabelClass}>
              Refill: <span className="tabular-nums">{refillPerSecond}</span> per second
            </label>
            <input
              id={`${ids}-refill`}
              type="range"
              min={REFILL_RANGE.min}
              max={REFILL_RANGE.max}
              step={REFILL_RANGE.step}
              value={refillPerSecond}
              onChange={(event) => dispatch({ type: "configure", config: { capacity, refillPerSecond: Number(event.target.value) } })}
              className="w-full accent-sky-600 dark:accent-sky-400"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-cost`} className={modelLabelClass}>
              Cost: <span className="tabular-nums">{cost}</span> token{cost === 1 ? "" : "s"} per request
            </label>
            <input
              id={`${ids}-cost`}
              type="range"
              min={1}
              max={MAX_COST}
              step={1}
              value={cost}
              onChange={(event) => dispatch({ type: "cost", cost: Number(event.target.value) })}
              className="w-full accent-sky-600 dark:accent-sky-400"
            />
          </div>
        </div>

        <div className="flex flex-wrap gap-2" role="group" aria-label="Requests and time">
          <Button variant="primary" onClick={() => dispatch({ type: "fire", count: 1 })}>
            Send request
          </Button>
          <Button variant="secondary" onClick={() => dispatch({ type: "fire", count: BURST_SIZE })}>
            Burst of {BURST_SIZE}
          </Button>
          <Button variant="secondary" aria-pressed={playing} onClick={togglePlay}>
            {playing ? "Pause time" : "Play time"}
          </Button>
          <Button variant="secondary" onClick={() => dispatch({ type: "advance", ms: 100, announce: true })}>
            +100 ms
          </Button>
          <Button variant="secondary" onClick={() => dispatch({ type: "advance", ms: 1000, announce: true })}>
            +1 s
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setPlaying(false);
              dispatch({ type: "reset" });
            }}
          >
            Reset
          </Button>
        </div>

        <div aria-live="polite" className="rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
          {state.announcement}
        </div>

        <RequestLog sim={sim} />
      </div>
    </div>
  );
}

function BucketDrawing({ sim }: { sim: BucketSim }) {
  const { capacity, refillPerSecond } = sim.config;
  const tokens = tokensAt(sim);
  const top = 30;
  const bottom = 210;
  const height = bottom - top;
  const level = (tokens / capacity) * height;
  const last = sim.log[sim.log.length - 1];
  const deniedJustNow = last !== undefined && !last.allowed && last.at === sim.now;
  const marks = Array.from({ length: capacity + 1 }, (_, i) => i);
  return (
    <svg
      viewBox="0 0 200 230"
      role="img"
      aria-label={`Token bucket holding ${tokens.toFixed(1)} of ${capacity} tokens`}
      className="h-auto w-full max-w-[14rem]"
    >
      <text x="100" y="16" textAnchor="middle" fontSize="12" className="fill-slate-600 dark:fill-slate-400">
        +{refillPerSecond} token{refillPerSecond === 1 ? "" : "s"} / s
      </text>
      <path d="M 100 20 V 28" strokeWidth="2" strokeDasharray="2 2" className="stroke-sky-600 dark:stroke-sky-400" />
      <rect x="50" y={bottom - level} width="100" height={level} className="fill-sky-400/80 dark:fill-sky-500/70" />
      {marks.map((mark) => {
        const y = bottom - (mark / capacity) * height;
        const labelled = mark === 0 || mark === capacity || capacity <= 10;
        return (
          <g key={mark}>
            <line x1="150" x2="158" y1={y} y2={y} strokeWidth="1" className="stroke-slate-500 dark:stroke-slate-400" />
            {labelled ? (
              <text x="162" y={y + 4} fontSize="11" className="fill-slate-600 dark:fill-slate-400">
                {mark}
              </text>
            ) : null}
          </g>
        );
      })}
      <path
        d={`M 50 ${top} V ${bottom} H 150 V ${top}`}
        fill="none"
        strokeWidth="3"
        className={deniedJustNow ? "stroke-rose-600 dark:stroke-rose-400" : "stroke-slate-700 dark:stroke-slate-300"}
      />
      <text x="100" y="124" textAnchor="middle" fontSize="22" fontWeight="600" className="fill-slate-900 dark:fill-white">
        {tokens.toFixed(2)}
      </text>
      <text x="100" y="142" textAnchor="middle" fontSize="11" className="fill-slate-700 dark:fill-slate-300">
        tokens
      </text>
    </svg>
  );
}

function RequestLog({ sim }: { sim: BucketSim }) {
  const entries = [...sim.log].reverse();
  return (
    <div className="min-w-0">
      <h4 className="mb-1 text-sm font-semibold text-slate-800 dark:text-slate-200">Request log (newest first)</h4>
      {entries.length === 0 ? (
        <div className="text-sm text-slate-600 dark:text-slate-400">No requests yet. The bucket starts full.</div>
      ) : (
        <div role="list" aria-label="Request log" className="max-h-56 space-y-1 overflow-y-auto text-sm tabular-nums">
          {entries.map((entry) => (
            <div role="listitem" key={entry.id} className="flex flex-wrap items-baseline gap-x-2">
              <span className="w-16 shrink-0 text-slate-600 dark:text-slate-400">{(entry.at / 1000).toFixed(2)} s</span>
              <span
                className={`rounded px-1.5 text-xs font-semibold uppercase ${
                  entry.allowed
                    ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-200"
                    : "bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-200"
                }`}
              >
                {entry.allowed ? "allowed" : "denied"}
              </span>
              <span className="text-slate-800 dark:text-slate-200">
                {entry.cost > 1 ? `cost ${entry.cost}, ` : ""}
                {entry.allowed
                  ? `${Math.floor(entry.tokensAfter)} left`
                  : describeWait(entry.retryAfterMs)}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

// ---- fixed window vs sliding window counter panel ---------------------------------

const WINDOW_MS = 1000;
const STREAMS: ReadonlyArray<{ kind: StreamKind; title: string; hint: string }> = [
  { kind: "boundary", title: "Boundary burst", hint: "a full limit just before 1 s and again just after" },
  { kind: "steady", title: "Steady", hint: "evenly spaced, 1.5 times the limit" },
  { kind: "random", title: "Random (seed 7)", hint: "seeded, the same every time" },
];

const CHART = { left: 12, right: 588, width: 600 } as const;

function xOf(ms: number): number {
  return CHART.left + (ms / STREAM_SPAN_MS) * (CHART.right - CHART.left);
}

function WindowsPanel() {
  const [kind, setKind] = useState<StreamKind>("boundary");
  const [limit, setLimit] = useState(5);
  const ids = useId();
  const config = useMemo(() => ({ limit, windowMs: WINDOW_MS }), [limit]);
  const comparison = useMemo(() => compareWindows(kind, config), [kind, config]);
  const summary = describeComparison(comparison, config);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <fieldset className="min-w-0">
          <legend className={`${modelLabelClass} mb-1`}>Request stream</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {STREAMS.map((stream) => (
              <label key={stream.kind} className="inline-flex items-center gap-1.5 text-sm text-slate-800 dark:text-slate-200">
                <input
                  type="radio"
                  name={`${ids}-stream`}
                  value={stream.kind}
                  checked={kind === stream.kind}
                  onChange={() => setKind(stream.kind)}
                  className="accent-sky-600 dark:accent-sky-400"
                />
                {stream.title}
              </label>
            ))}
          </div>
          <div className="mt-1 text-xs text-slate-600 dark:text-slate-400">{STREAMS.find((stream) => stream.kind === kind)?.hint}</div>
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-limit`} className={modelLabelClass}>
            Limit: <span className="tabular-nums">{limit}</span> per 1 s window
          </label>
          <input
            id={`${ids}-limit`}
            type="range"
            min={2}
            max={10}
            step={1}
            value={limit}
            onChange={(event) => setLimit(Number(event.target.value))}
            className="w-48 max-w-full accent-sky-600 dark:accent-sky-400"
          />
        </div>
      </div>

      <Timeline title="Fixed window" decisions={comparison.fixed} peak={comparison.fixedPeak} limit={limit} />
      <Timeline title="Sliding window counter" decisions={comparison.sliding} peak={comparison.slidingPeak} limit={limit} />

      <div className="text-xs text-slate-600 dark:text-slate-400">
        Tall filled marks are allowed requests, short outlined marks denied ones; shading alternates per window. The dashed box
        is the busiest one-second span of allowed requests, red when it holds more than the limit.
      </div>
      <div aria-live="polite" className="rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {summary}
      </div>
    </div>
  );
}

function Timeline({
  title,
  decisions,
  peak,
  limit,
}: {
  title: string;
  decisions: readonly WindowDecision[];
  peak: RollingPeak;
  limit: number;
}) {
  const over = peak.count > limit;
  const allowed = decisions.filter((decision) => decision.allowed).length;
  const windows = Array.from({ length: Math.ceil(STREAM_SPAN_MS / WINDOW_MS) }, (_, i) => i);
  const peakX = xOf(peak.start) - 4;
  const peakWidth = Math.min(xOf(peak.start + WINDOW_MS), CHART.right + 4) - peakX;
  return (
    <figure className="m-0 flex flex-col gap-1">
      <figcaption className="text-sm text-slate-800 dark:text-slate-200">
        <span className="font-semibold">{title}</span>: {allowed} of {decisions.length} allowed; busiest second{" "}
        <span className={over ? "font-semibold text-rose-700 dark:text-rose-300" : ""}>
          {peak.count} allowed{over ? `, ${(peak.count / limit).toFixed(1)} x the limit` : ""}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${CHART.width} 96`}
        role="img"
        aria-label={`${title}: ${allowed} of ${decisions.length} requests allowed; at most ${peak.count} in any one second.`}
        className="h-auto w-full max-w-2xl rounded-md bg-white dark:bg-slate-950"
      >
        {windows.map((w) => (
          <rect
            key={w}
            x={xOf(w * WINDOW_MS)}
            y={4}
            width={xOf((w + 1) * WINDOW_MS) - xOf(w * WINDOW_MS)}
            height={56}
            className={w % 2 === 0 ? "fill-slate-100 dark:fill-slate-900" : "fill-slate-200 dark:fill-slate-800"}
          />
        ))}
        {windows.slice(1).map((w) => (
          <line
            key={`boundary-${w}`}
            x1={xOf(w * WINDOW_MS)}
            x2={xOf(w * WINDOW_MS)}
            y1={2}
            y2={64}
            strokeWidth="2"
            className="stroke-slate-500 dark:stroke-slate-400"
          />
        ))}
        {peak.count > 0 ? (
          <rect
            x={peakX}
            y={8}
            width={peakWidth}
            height={48}
            fill="none"
            strokeWidth="2.5"
            strokeDasharray="8 5"
            className={over ? "stroke-rose-600 dark:stroke-rose-400" : "stroke-amber-600 dark:stroke-amber-400"}
          />
        ) : null}
        {decisions.map((decision, index) =>
          decision.allowed ? (
            <rect key={index} x={xOf(decision.at) - 2.5} y={14} width={5} height={36} className="fill-emerald-600 dark:fill-emerald-400" />
          ) : (
            <rect
              key={index}
              x={xOf(decision.at) - 2.5}
              y={34}
              width={5}
              height={16}
              fill="none"
              strokeWidth="1.5"
              className="stroke-rose-600 dark:stroke-rose-400"
            />
          ),
        )}
        {windows.concat(windows.length).map((w) => (
          <text
            key={`tick-${w}`}
            x={xOf(w * WINDOW_MS)}
            y={88}
            textAnchor={w === 0 ? "start" : w === windows.length ? "end" : "middle"}
            fontSize="20"
            className="fill-slate-700 dark:fill-slate-300"
          >
            {w} s
          </text>
        ))}
      </svg>
    </figure>
  );
}
