"use client";

import { useId, useState } from "react";
import {
  LIMIT_PER_MINUTE,
  PRESET_PATHS,
  ROUTES,
  STAGES,
  TOKENS,
  describeGateway,
  handle,
  initialGatewayState,
  nextMinute,
  type GatewayState,
  type StageResult,
  type TokenChoice,
} from "@/lib/models/api-gateway";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelSelectClass } from "../ui/model-controls";

const OUTCOME_STYLE: Record<StageResult["outcome"], string> = {
  pass: "border-emerald-500 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/50",
  skip: "border-slate-400 border-dashed bg-white dark:border-slate-500 dark:bg-slate-800",
  stop: "border-rose-500 bg-rose-50 dark:border-rose-400 dark:bg-rose-950/50",
  "not reached": "border-slate-200 bg-slate-100 text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400",
};

const OUTCOME_LABEL: Record<StageResult["outcome"], string> = {
  pass: "passed",
  skip: "skipped",
  stop: "stopped here",
  "not reached": "not reached",
};

/** A request walking through the gateway's stages, with the status it gets at each. */
export function ApiGatewayModel() {
  const id = useId();
  const [method, setMethod] = useState("GET");
  const [path, setPath] = useState(PRESET_PATHS[0]!);
  const [token, setToken] = useState<TokenChoice>("alice");
  const [state, setState] = useState<GatewayState>(() => initialGatewayState());
  const result = state.last?.result;
  const statusTone =
    result === undefined
      ? "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"
      : result.status === 200
        ? "bg-emerald-600 text-white dark:bg-emerald-500 dark:text-slate-950"
        : "bg-rose-600 text-white dark:bg-rose-500 dark:text-slate-950";

  return (
    <ModelFrame aria-label="API gateway model">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setState((s) => handle(s, method, path, token));
        }}
      >
        <label className="flex flex-col text-sm" htmlFor={`${id}-method`}>
          <span className="mb-1 font-medium">Method</span>
          <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value)} className={modelSelectClass}>
            {["GET", "POST", "DELETE"].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 basis-full flex-col text-sm sm:basis-auto sm:flex-1" htmlFor={`${id}-path`}>
          <span className="mb-1 font-medium">Path</span>
          <input
            id={`${id}-path`}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            list={`${id}-paths`}
            spellCheck={false}
            className={`${modelSelectClass} min-w-0 font-mono`}
          />
          <datalist id={`${id}-paths`}>
            {PRESET_PATHS.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
        <label className="flex flex-col text-sm" htmlFor={`${id}-token`}>
          <span className="mb-1 font-medium">Credential</span>
          <select id={`${id}-token`} value={token} onChange={(e) => setToken(e.target.value as TokenChoice)} className={modelSelectClass}>
            {TOKENS.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Send request
        </Button>
        <Button variant="secondary" onClick={() => setState((s) => nextMinute(s))}>
          Wait one minute
        </Button>
      </form>

      <div className="mt-2 flex flex-wrap gap-1.5" role="group" aria-label="Example paths">
        {PRESET_PATHS.map((p) => (
          <button key={p} type="button" className="rounded border border-slate-300 px-1.5 py-0.5 font-mono text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800" onClick={() => setPath(p)}>
            {p}
          </button>
        ))}
      </div>

      <ol className="mt-4 grid grid-cols-1 gap-2 sm:grid-cols-5" aria-label="Gateway stages">
        {STAGES.map((stage, index) => {
          const found = result?.stages.find((s) => s.stage === stage);
          const outcome = found?.outcome ?? "not reached";
          return (
            <li key={stage} className={`rounded-lg border-2 p-2 text-sm ${OUTCOME_STYLE[outcome]}`}>
              <p className="font-semibold">
                {index + 1}. {stage}
              </p>
              <p className="text-xs font-medium">{OUTCOME_LABEL[outcome]}</p>
              {found?.detail ? <p className="mt-1 break-words font-mono text-xs">{found.detail}</p> : null}
            </li>
          );
        })}
      </ol>

      <div className="mt-3 flex flex-wrap items-center gap-3">
        <span className={`rounded-md px-3 py-1 text-lg font-bold ${statusTone}`}>{result ? result.status : "–"}</span>
        <span className="text-sm">
          Minute {state.minute + 1}; limit {LIMIT_PER_MINUTE} requests per caller per minute.
          {Object.keys(state.used).length > 0
            ? ` Allowed so far: ${Object.entries(state.used)
                .map(([caller, n]) => `${caller} ${n}`)
                .join(", ")}.`
            : ""}
        </span>
      </div>

      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium">Route table (most specific first)</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[20rem] border-collapse text-left text-xs">
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-600">
                <th className="py-1 pr-2">Method</th>
                <th className="py-1 pr-2">Pattern</th>
                <th className="py-1 pr-2">Service</th>
                <th className="py-1">Notes</th>
              </tr>
            </thead>
            <tbody>
              {ROUTES.map((route) => {
                const active = result?.route === route;
                return (
                  <tr key={`${route.method} ${route.pattern}`} className={`border-b border-slate-200 dark:border-slate-700 ${active ? "bg-sky-100 dark:bg-sky-950" : ""}`}>
                    <td className="py-1 pr-2 font-mono">{route.method}</td>
                    <td className="py-1 pr-2 font-mono">{route.pattern}</td>
                    <td className="py-1 pr-2">{route.service}</td>
                    <td className="py-1">
                      {[route.public ? "public" : "", route.rewrite ? `rewrite ${route.rewrite}` : ""].filter(Boolean).join("; ") || "needs a token"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>

      <p aria-live="polite" className="mt-3 rounded-md bg-white p-2 text-sm dark:bg-slate-800">
        {describeGateway(state)}
      </p>
    </ModelFrame>
  );
}
