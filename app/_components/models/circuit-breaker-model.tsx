"use client";

import { useId, useState } from "react";
import {
  CONFIG,
  currentState,
  describe,
  initialModel,
  sendRequest,
  setFallback,
  setHealthy,
  wait,
  type BreakerState,
  type CbEvent,
  type CbModel,
} from "@/lib/models/circuit-breaker";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelSelectClass } from "../ui/model-controls";

const STATES: Array<{ state: BreakerState; label: string; on: string; hint: string }> = [
  {
    state: "CLOSED",
    label: "CLOSED",
    on: "border-emerald-600 bg-emerald-100 text-emerald-950 ring-2 ring-emerald-600 dark:border-emerald-400 dark:bg-emerald-900/70 dark:text-emerald-50 dark:ring-emerald-400",
    hint: "calls go through",
  },
  {
    state: "OPEN",
    label: "OPEN",
    on: "border-rose-600 bg-rose-100 text-rose-950 ring-2 ring-rose-600 dark:border-rose-400 dark:bg-rose-900/70 dark:text-rose-50 dark:ring-rose-400",
    hint: "refused at once",
  },
  {
    state: "HALF_OPEN",
    label: "HALF-OPEN",
    on: "border-amber-600 bg-amber-100 text-amber-950 ring-2 ring-amber-600 dark:border-amber-400 dark:bg-amber-900/70 dark:text-amber-50 dark:ring-amber-400",
    hint: "one trial at a time",
  },
];

const OFF = "border-slate-300 bg-white text-slate-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-400";

function chip(event: CbEvent): { text: string; tone: string; title: string } {
  if (event.kind === "wait") {
    return {
      text: `+${(event.waitedMs ?? 0) / 1000}s`,
      tone: "border-dashed border-slate-400 text-slate-600 dark:border-slate-500 dark:text-slate-300",
      title: `waited ${(event.waitedMs ?? 0) / 1000} s, now ${event.after}`,
    };
  }
  if (event.result === "refused") {
    return {
      text: event.served === "fallback" ? "FB" : "ERR",
      tone: "border-slate-400 bg-slate-200 text-slate-800 dark:border-slate-500 dark:bg-slate-700 dark:text-slate-100",
      title: `refused in ${event.before}, ${event.served === "fallback" ? "fallback returned" : "CircuitOpenError"}`,
    };
  }
  const ok = event.result === "success";
  return {
    text: ok ? "OK" : "X",
    tone: ok
      ? "border-emerald-500 bg-emerald-100 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-900/60 dark:text-emerald-100"
      : "border-rose-500 bg-rose-100 text-rose-900 dark:border-rose-400 dark:bg-rose-900/60 dark:text-rose-100",
    title: `${event.before}: dependency ${ok ? "succeeded" : "failed"}, now ${event.after}`,
  };
}

/** A breaker you drive by hand: send requests to a healthy or failing dependency and let time pass. */
export function CircuitBreakerModel() {
  const id = useId();
  const [model, setModel] = useState<CbModel>(initialModel);
  const state = currentState(model);
  const openUntil = model.openedAt + CONFIG.resetTimeoutMs;
  const openLeft = state === "OPEN" ? Math.max(0, openUntil - model.now) : 0;

  return (
    <ModelFrame aria-label="Circuit breaker model">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="flex items-center gap-2" htmlFor={`${id}-health`}>
          <span className="font-medium">Dependency</span>
          <select
            id={`${id}-health`}
            value={model.dependencyHealthy ? "healthy" : "failing"}
            onChange={(event) => setModel((m) => setHealthy(m, event.target.value === "healthy"))}
            className={modelSelectClass}
          >
            <option value="healthy">healthy</option>
            <option value="failing">failing</option>
          </select>
        </label>
        <label className="flex items-center gap-2" htmlFor={`${id}-fallback`}>
          <input
            id={`${id}-fallback`}
            type="checkbox"
            checked={model.useFallback}
            onChange={(event) => setModel((m) => setFallback(m, event.target.checked))}
            className="h-4 w-4 accent-sky-600"
          />
          <span>Use a fallback</span>
        </label>
      </div>

      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setModel((m) => sendRequest(m))}>
          Send request
        </Button>
        <Button
          variant="secondary"
          onClick={() =>
            setModel((m) => {
              let out = m;
              for (let i = 0; i < 3; i++) out = sendRequest(out);
              return out;
            })
          }
        >
          Send 3
        </Button>
        <Button variant="secondary" onClick={() => setModel((m) => wait(m, 1000))}>
          Wait 1 s
        </Button>
        <Button variant="secondary" onClick={() => setModel((m) => wait(m, CONFIG.resetTimeoutMs))}>
          Wait 5 s
        </Button>
        <Button variant="secondary" onClick={() => setModel(initialModel())}>
          Reset
        </Button>
      </div>

      <ol className="mt-4 grid grid-cols-3 gap-2" aria-label="Breaker states">
        {STATES.map((s) => (
          <li
            key={s.state}
            aria-current={s.state === state ? "step" : undefined}
            className={`rounded-lg border px-1 py-2 text-center ${s.state === state ? s.on : OFF}`}
          >
            <span className="block text-xs font-bold tracking-wide sm:text-sm">{s.label}</span>
            <span className="block text-[11px] sm:text-xs">{s.hint}</span>
          </li>
        ))}
      </ol>

      <div className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
        <p>
          <span className="text-slate-600 dark:text-slate-300">Clock:</span> t = {(model.now / 1000).toFixed(0)} s
        </p>
        <p>
          <span className="text-slate-600 dark:text-slate-300">Failures in a row:</span> {model.state === "CLOSED" ? model.failures : 0} / {CONFIG.failureThreshold}
        </p>
        <p>
          <span className="text-slate-600 dark:text-slate-300">{state === "OPEN" ? "Trial allowed in:" : "Successful trials:"}</span>{" "}
          {state === "OPEN" ? `${(openLeft / 1000).toFixed(0)} s` : `${state === "HALF_OPEN" ? model.successes : 0} / ${CONFIG.successThreshold}`}
        </p>
      </div>
      {state === "OPEN" && (
        <div className="mt-1 h-2 w-full rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
          <div className="h-2 rounded bg-rose-500 dark:bg-rose-400" style={{ width: `${(openLeft / CONFIG.resetTimeoutMs) * 100}%` }} />
        </div>
      )}

      <div className="mt-4">
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Timeline, oldest first: OK and X reached the dependency; FB and ERR were refused without calling it.
        </p>
        <ol className="mt-1 flex min-h-9 flex-wrap gap-1" aria-label="Recent events">
          {model.events.map((event, index) => {
            const c = chip(event);
            return (
              <li key={index} title={c.title} className={`rounded border px-1.5 py-0.5 font-mono text-xs ${c.tone}`}>
                <span aria-hidden="true">{c.text}</span>
                <span className="sr-only">{c.title}</span>
              </li>
            );
          })}
        </ol>
        <p className="mt-2 text-sm">
          Reached the dependency: <strong>{model.calls.toDependency}</strong>, refused: <strong>{model.calls.refused}</strong>
        </p>
      </div>

      <p aria-live="polite" className="mt-3 text-sm text-slate-700 dark:text-slate-200">
        {describe(model)}
      </p>
    </ModelFrame>
  );
}
