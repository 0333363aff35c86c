"use client";

// The CAP lesson's interactive model: five replicas, a partition you place, and reads
// and writes sent to any replica in CP or AP mode. The behaviour lives in
// @/lib/models/cap-theorem (pure, tested); this file draws it and wires the controls.

import { useId, useReducer, useState } from "react";
import { capReducer, createCapState, describePicture, quorumsOverlap, reachable, REPLICAS, type Mode } from "@/lib/models/cap-theorem";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelBlockFieldClass, modelLabelClass, ModelSelect, plainChoices } from "../ui/model-controls";

const QUORUM_CHOICES = plainChoices([1, 2, 3, 4, 5]);

const span = (from: number, to: number) => (from === to ? `R${from}` : `R${from}-R${to}`);

const SPACING = 84;
const START_X = 48;

/** The model the CAP lesson embeds as <CapTheoremModel />. */
export function CapTheoremModel() {
  const [state, dispatch] = useReducer(capReducer, undefined, () => createCapState("CP", 3, 3));
  const [via, setVia] = useState(0);
  const ids = useId();
  const last = state.last;
  const reached = new Set(last.reached);
  const splitX = state.split === null ? null : START_X + SPACING * (state.split - 0.5);
  const sideOfVia = reachable(state, via);

  return (
    <ModelFrame aria-label="Interactive CAP theorem model">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div>
          <label htmlFor={`${ids}-mode`} className={modelLabelClass}>
            Mode
          </label>
          <select id={`${ids}-mode`} className={modelBlockFieldClass} value={state.mode} onChange={(e) => dispatch({ type: "mode", mode: e.target.value as Mode })}>
            <option value="CP">CP: refuse without a quorum</option>
            <option value="AP">AP: always answer</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${ids}-split`} className={modelLabelClass}>
            Partition
          </label>
          <select
            id={`${ids}-split`}
            className={modelBlockFieldClass}
            value={state.split === null ? "none" : String(state.split)}
            onChange={(e) => dispatch(e.target.value === "none" ? { type: "heal" } : { type: "partition", split: Number(e.target.value) })}
          >
            <option value="none">None (healed)</option>
            {Array.from({ length: REPLICAS - 1 }, (_, i) => i + 1).map((split) => (
              <option key={split} value={split}>
                {`${span(1, split)} | ${span(split + 1, REPLICAS)}`}
              </option>
            ))}
          </select>
        </div>
        <ModelSelect
          id={`${ids}-w`}
          label="Write quorum W"
          selectClassName={modelBlockFieldClass}
          value={state.w}
          choices={QUORUM_CHOICES}
          onChange={(value) => dispatch({ type: "quorum", w: Number(value), r: state.r })}
        />
        <ModelSelect
          id={`${ids}-r`}
          label="Read quorum R"
          selectClassName={modelBlockFieldClass}
          value={state.r}
          choices={QUORUM_CHOICES}
          onChange={(value) => dispatch({ type: "quorum", w: state.w, r: Number(value) })}
        />
      </div>

      <div className="mt-3 flex flex-wrap items-end gap-2">
        <div className="min-w-32">
          <label htmlFor={`${ids}-via`} className={modelLabelClass}>
            Send to replica
          </label>
          <select id={`${ids}-via`} className={modelBlockFieldClass} value={via} onChange={(e) => setVia(Number(e.target.value))}>
            {Array.from({ length: REPLICAS }, (_, i) => (
              <option key={i} value={i}>
                {`R${i + 1}`}
              </option>
            ))}
          </select>
        </div>
        <Button variant="primary" onClick={() => dispatch({ type: "write", via })}>
          Write v{state.nextValue}
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "read", via })}>
          Read
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "heal" })} disabled={state.split === null}>
          Heal
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "reset" })}>
          Reset
        </Button>
      </div>

      <svg viewBox="0 0 432 170" className="mt-4 h-auto w-full" aria-hidden="true">
        {splitX !== null ? (
          <g>
            <line x1={splitX} y1={8} x2={splitX} y2={150} strokeWidth={3} strokeDasharray="8 6" className="stroke-rose-500 dark:stroke-rose-400" />
            <text x={splitX} y={166} textAnchor="middle" fontSize={12} className="fill-rose-600 dark:fill-rose-300">
              partition
            </text>
          </g>
        ) : null}
        {state.replicas.map((replica, id) => {
          const x = START_X + SPACING * id;
          const isVia = last.via === id;
          const touched = reached.has(id);
          const ring = touched ? (last.ok ? "stroke-emerald-500 dark:stroke-emerald-400" : "stroke-rose-500 dark:stroke-rose-400") : "stroke-slate-400 dark:stroke-slate-500";
          const onSide = sideOfVia.includes(id);
          return (
            <g key={id}>
              <circle cx={x} cy={70} r={30} strokeWidth={touched ? 4 : 2} className={`${onSide ? "fill-white dark:fill-slate-800" : "fill-slate-200 dark:fill-slate-950"} ${ring}`} />
              <text x={x} y={66} textAnchor="middle" fontSize={14} fontWeight={600} className="fill-slate-900 dark:fill-slate-100">
                {`R${id + 1}`}
              </text>
              <text x={x} y={84} textAnchor="middle" fontSize={12} className="fill-slate-600 dark:fill-slate-300">
                {replica.value === null ? "empty" : `${replica.value} #${replica.version}`}
              </text>
              {isVia ? (
                <text x={x} y={124} textAnchor="middle" fontSize={12} className="fill-sky-700 dark:fill-sky-300">
                  {last.kind === "write" ? "write here" : "read here"}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>

      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        W + R = {state.w + state.r} {quorumsOverlap(state) ? ">" : "\u2264"} N = {REPLICAS}:{" "}
        {quorumsOverlap(state) ? "every read quorum overlaps every write quorum." : "a read quorum can miss the latest write."} Shaded replicas are out of
        reach of R{via + 1}.
      </p>

      <div aria-live="polite" className="mt-3 rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        <span className={last.ok ? "" : "font-semibold text-rose-700 dark:text-rose-300"}>{last.text}</span>
        <span className="sr-only"> {describePicture(state)}</span>
      </div>
    </ModelFrame>
  );
}
