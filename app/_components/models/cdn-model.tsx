"use client";

// The CDN lesson's interactive model: users in five cities fetch /logo.png through their
// nearest edge from an origin in Virginia. Send requests, let time pass, take the origin
// down, purge, and fire bursts with and without request coalescing. All behaviour lives
// in @/lib/models/cdn (pure, tested); this file only draws it.

import { useId, useReducer, useState } from "react";
import {
  burst,
  BURST_SIZE,
  CITIES,
  cityById,
  classify,
  createCdn,
  describeCdn,
  edgeStatus,
  MAX_AGE_CHOICES,
  ORIGIN_WORK_MS,
  purge,
  request,
  setCoalescing,
  setHeaders,
  setOrigin,
  STALE_IF_ERROR_CHOICES,
  wait,
  type CdnSim,
  type Served,
} from "@/lib/models/cdn";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelLabelClass, ModelSelect, modelSelectClass, plainChoices } from "../ui/model-controls";

const SERVED_STYLE: Record<Served, string> = {
  HIT: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100",
  MISS: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  STALE: "bg-violet-100 text-violet-900 dark:bg-violet-900/60 dark:text-violet-100",
  ERROR: "bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100",
};

type Action =
  | { type: "request"; city: string }
  | { type: "burst"; city: string }
  | { type: "wait"; seconds: number }
  | { type: "origin"; up: boolean }
  | { type: "coalescing"; on: boolean }
  | { type: "headers"; maxAge: number; staleIfError: number }
  | { type: "purge" }
  | { type: "reset" };

function reducer(sim: CdnSim, action: Action): CdnSim {
  switch (action.type) {
    case "request":
      return request(sim, action.city);
    case "burst":
      return burst(sim, action.city);
    case "wait":
      return wait(sim, action.seconds);
    case "origin":
      return setOrigin(sim, action.up);
    case "coalescing":
      return setCoalescing(sim, action.on);
    case "headers":
      return setHeaders(sim, action.maxAge, action.staleIfError);
    case "purge":
      return purge(sim);
    case "reset":
      return createCdn();
  }
}

/** The model the CDN lesson embeds as <CdnModel />. */
export function CdnModel() {
  const [sim, dispatch] = useReducer(reducer, undefined, createCdn);
  const [cityId, setCityId] = useState("syd");
  const ids = useId();
  const city = cityById(cityId);
  const next = classify(sim, city);
  const bars: Array<{ name: string; ms: number; style: string }> = [
    { name: "Edge hit", ms: city.toEdgeMs, style: "bg-emerald-500 dark:bg-emerald-400" },
    { name: "Edge miss", ms: city.toEdgeMs + city.edgeToOriginMs + ORIGIN_WORK_MS, style: "bg-amber-500 dark:bg-amber-400" },
    { name: "No CDN", ms: city.directMs + ORIGIN_WORK_MS, style: "bg-slate-500 dark:bg-slate-400" },
  ];
  const longest = Math.max(...bars.map((bar) => bar.ms));

  return (
    <ModelFrame aria-label="Interactive CDN model">
      <div className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-city`} className={modelLabelClass}>
            User in
          </label>
          <select id={`${ids}-city`} className={modelSelectClass} value={cityId} onChange={(event) => setCityId(event.target.value)}>
            {CITIES.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </div>
        <ModelSelect
          id={`${ids}-maxage`}
          label="max-age (s)"
          className="flex flex-col gap-1"
          value={sim.maxAge}
          choices={plainChoices(MAX_AGE_CHOICES)}
          onChange={(value) => dispatch({ type: "headers", maxAge: Number(value), staleIfError: sim.staleIfError })}
        />
        <ModelSelect
          id={`${ids}-sie`}
          label="stale-if-error (s)"
          className="flex flex-col gap-1"
          value={sim.staleIfError}
          choices={STALE_IF_ERROR_CHOICES.map((choice) => ({ value: choice, label: choice === 0 ? "none" : choice }))}
          onChange={(value) => dispatch({ type: "headers", maxAge: sim.maxAge, staleIfError: Number(value) })}
        />
      </div>

      <div className="mt-3 flex flex-wrap gap-x-5 gap-y-2">
        <div className="flex items-center gap-2">
          <input
            id={`${ids}-origin`}
            type="checkbox"
            className="h-4 w-4 accent-sky-600"
            checked={sim.originUp}
            onChange={(event) => dispatch({ type: "origin", up: event.target.checked })}
          />
          <label htmlFor={`${ids}-origin`} className={modelLabelClass}>
            Origin up
          </label>
        </div>
        <div className="flex items-center gap-2">
          <input
            id={`${ids}-coalesce`}
            type="checkbox"
            className="h-4 w-4 accent-sky-600"
            checked={sim.coalescing}
            onChange={(event) => dispatch({ type: "coalescing", on: event.target.checked })}
          />
          <label htmlFor={`${ids}-coalesce`} className={modelLabelClass}>
            Request coalescing
          </label>
        </div>
      </div>

      <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label="Requests and time">
        <Button variant="primary" onClick={() => dispatch({ type: "request", city: cityId })}>
          Request /logo.png
        </Button>
        <Button variant="primary" onClick={() => dispatch({ type: "burst", city: cityId })}>
          {BURST_SIZE} at once
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "wait", seconds: 30 })}>
          Wait 30 s
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "purge" })}>
          Purge
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "reset" })}>
          Reset
        </Button>
      </div>

      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold">Round trip from {city.name} (illustrative)</h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Next request here would be: <span className={`rounded px-1.5 py-0.5 font-mono ${SERVED_STYLE[next.served]}`}>{next.served}</span>
          </p>
          <ul className="mt-2 flex list-none flex-col gap-2 p-0">
            {bars.map((bar) => (
              <li key={bar.name} className="text-sm">
                <div className="flex justify-between gap-2">
                  <span>{bar.name}</span>
                  <span className="tabular-nums">{bar.ms} ms</span>
                </div>
                <div className="mt-1 h-2 rounded bg-slate-200 dark:bg-slate-800" aria-hidden="true">
                  <div className={`h-2 rounded ${bar.style}`} style={{ width: `${Math.max(2, Math.round((bar.ms / longest) * 100))}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="text-sm font-semibold">Edges (clock {sim.now} s)</h3>
          <ul className="mt-2 flex list-none flex-col gap-1 p-0 text-sm">
            {CITIES.map((edge) => (
              <li
                key={edge.id}
                className={`flex flex-wrap justify-between gap-x-2 rounded px-2 py-1 ${
                  edge.id === cityId ? "bg-sky-100 dark:bg-sky-900/50" : "bg-white dark:bg-slate-950"
                }`}
              >
                <span className="font-medium">{edge.name}</span>
                <span className="text-slate-600 dark:text-slate-300">{edgeStatus(sim, edge)}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>

      <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
        {[
          ["Requests", sim.requests],
          ["Edge hits", sim.hits],
          ["Origin fetches", sim.originFetches],
        ].map(([name, value]) => (
          <div key={String(name)} className="rounded-md bg-white p-2 dark:bg-slate-950">
            <dt className="text-slate-600 dark:text-slate-400">{name}</dt>
            <dd className="font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      {sim.log.length > 0 ? (
        <ol className="mt-3 flex list-none flex-col gap-1 p-0 text-xs" aria-label="Recent requests, newest first">
          {sim.log.map((entry, index) => (
            <li key={`${sim.requests}-${index}`} className="flex flex-wrap items-center gap-2">
              <span className={`rounded px-1.5 py-0.5 font-mono ${SERVED_STYLE[entry.served]}`}>{entry.served}</span>
              <span>
                t={entry.at} s · {entry.city} · {entry.requests} request{entry.requests === 1 ? "" : "s"} · {entry.latencyMs} ms ·{" "}
                {entry.originFetches} origin fetch{entry.originFetches === 1 ? "" : "es"}
              </span>
            </li>
          ))}
        </ol>
      ) : null}

      <div aria-live="polite" className="mt-3 rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {describeCdn(sim)}
      </div>
    </ModelFrame>
  );
}
