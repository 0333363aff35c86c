"use client";

import { useId, useState } from "react";
import { BLOCKED, PRESET_URLS, buildChain, describeProxy, judgeUrl, type ChainOptions, type HeaderLine } from "@/lib/models/proxy";
import { ModelFrame } from "../ui/model-frame";
import { modelSelectClass } from "../ui/model-controls";

const PANEL = "rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-800";

const CHANGE_STYLE: Record<HeaderLine["change"], string> = {
  kept: "",
  added: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100",
  changed: "bg-amber-50 text-amber-900 dark:bg-amber-950/60 dark:text-amber-100",
  removed: "bg-rose-50 text-rose-900 line-through dark:bg-rose-950/60 dark:text-rose-100",
};

/** A forward proxy judging URLs, and the headers a request carries at each reverse-proxy hop. */
export function ProxyModel() {
  const id = useId();
  const [url, setUrl] = useState(PRESET_URLS[0]!);
  const [options, setOptions] = useState<ChainOptions>({ viaCdn: false, forgedXff: false, connectionListsDebug: false, clientProto: "https" });
  const verdict = judgeUrl(url);
  const { hops, app, trustedClientIp } = buildChain(options);
  const toggle = (key: "viaCdn" | "forgedXff" | "connectionListsDebug") => setOptions((o) => ({ ...o, [key]: !o[key] }));

  return (
    <ModelFrame aria-label="Forward and reverse proxy model">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className={PANEL}>
          <h3 className="text-base font-semibold">Forward proxy: may this URL go out?</h3>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Blocked: {BLOCKED.join(", ")} and their subdomains. Allowed ports: 80 and 443.
          </p>
          <label className="mt-2 flex flex-col text-sm" htmlFor={`${id}-url`}>
            <span className="mb-1 font-medium">URL requested by a laptop</span>
            <input id={`${id}-url`} value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} className={`${modelSelectClass} font-mono`} />
          </label>
          <div className="mt-2 flex flex-wrap gap-1.5" role="group" aria-label="Example URLs">
            {PRESET_URLS.map((p) => (
              <button
                key={p}
                type="button"
                onClick={() => setUrl(p)}
                className="max-w-full truncate rounded border border-slate-300 px-1.5 py-0.5 font-mono text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-700"
              >
                {p}
              </button>
            ))}
          </div>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="font-medium">scheme</dt>
            <dd className="font-mono">{verdict.scheme ?? "?"}</dd>
            <dt className="font-medium">userinfo</dt>
            <dd className="break-all font-mono">{verdict.userinfo ?? "none"}</dd>
            <dt className="font-medium">host</dt>
            <dd className="break-all font-mono">{verdict.host ?? "?"}</dd>
            <dt className="font-medium">port</dt>
            <dd className="font-mono">{verdict.port !== undefined ? `${verdict.port} (${verdict.portFrom})` : "none"}</dd>
          </dl>
          <p
            className={`mt-3 rounded-md px-2 py-1.5 text-sm font-medium ${
              verdict.allowed
                ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
                : "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100"
            }`}
          >
            {verdict.allowed ? "Allowed" : "Refused"}: {verdict.reason}.
          </p>
        </div>

        <div className={PANEL}>
          <h3 className="text-base font-semibold">Reverse proxy: what reaches the app?</h3>
          <fieldset className="mt-2 space-y-1.5 text-sm">
            <legend className="sr-only">Request path options</legend>
            <label className="flex items-center gap-2" htmlFor={`${id}-cdn`}>
              <input id={`${id}-cdn`} type="checkbox" checked={options.viaCdn} onChange={() => toggle("viaCdn")} />
              Pass through a CDN edge first
            </label>
            <label className="flex items-center gap-2" htmlFor={`${id}-forged`}>
              <input id={`${id}-forged`} type="checkbox" checked={options.forgedXff} onChange={() => toggle("forgedXff")} />
              Client sends a forged X-Forwarded-For
            </label>
            <label className="flex items-center gap-2" htmlFor={`${id}-debug`}>
              <input id={`${id}-debug`} type="checkbox" checked={options.connectionListsDebug} onChange={() => toggle("connectionListsDebug")} />
              Client names X-Debug in Connection
            </label>
            <label className="flex items-center gap-2" htmlFor={`${id}-proto`}>
              Client uses
              <select
                id={`${id}-proto`}
                value={options.clientProto}
                onChange={(e) => setOptions((o) => ({ ...o, clientProto: e.target.value as "http" | "https" }))}
                className={modelSelectClass}
              >
                <option value="https">https</option>
                <option value="http">http</option>
              </select>
            </label>
          </fieldset>
          <p className="mt-3 text-sm">
            App sees X-Real-IP <span className="font-mono">{app["x-real-ip"]}</span>; the real client, found by walking the chain from the right,
            is <span className="font-mono">{trustedClientIp}</span>.
          </p>
        </div>
      </div>

      <ol className="mt-4 grid grid-cols-1 gap-3 md:grid-cols-3" aria-label="Headers at each hop">
        {hops.map((hop) => (
          <li key={hop.label} className={PANEL}>
            <p className="text-sm font-semibold">{hop.label}</p>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              connection from <span className="font-mono">{hop.peer}</span>
            </p>
            <ul className="mt-2 space-y-0.5 font-mono text-xs">
              {hop.headers.map((line) => (
                <li key={`${line.name}-${line.change}`} className={`break-all rounded px-1 ${CHANGE_STYLE[line.change]}`}>
                  {line.name}: {line.value}
                  {line.change !== "kept" ? <span className="sr-only"> ({line.change})</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Green: added by the hop. Amber: changed. Struck through: removed. The first box shows what the client sent.
      </p>

      <p aria-live="polite" className="mt-3 rounded-md bg-white p-2 text-sm dark:bg-slate-800">
        {describeProxy(verdict, url, options)}
      </p>
    </ModelFrame>
  );
}
