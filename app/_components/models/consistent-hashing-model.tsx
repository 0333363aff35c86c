"use client";

// The consistent-hashing lesson's interactive model: a ring of murmur3 positions with
// virtual nodes, 48 keys placed on it, and the count of keys that move when a node joins
// or leaves, next to what hash mod N would have moved. All behaviour lives in
// @/lib/models/consistent-hashing (pure, tested); this file only draws it.

import { useId, useReducer, useState } from "react";
import {
  addNode,
  angleOf,
  createRing,
  describeRing,
  keyPosition,
  KEYS,
  loads,
  MAX_NODES,
  MIN_NODES,
  NODE_NAMES,
  ownersOf,
  removeNode,
  ringPoints,
  setVirtualNodes,
  VNODE_CHOICES,
  type RingState,
} from "@/lib/models/consistent-hashing";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelLabelClass, ModelSelect, modelSelectClass, plainChoices } from "../ui/model-controls";

/** One colour per node name, as fill and background classes that read in both themes. */
const NODE_FILL: Record<string, string> = {
  A: "fill-sky-500 dark:fill-sky-400",
  B: "fill-emerald-500 dark:fill-emerald-400",
  C: "fill-amber-500 dark:fill-amber-400",
  D: "fill-violet-500 dark:fill-violet-400",
  E: "fill-rose-500 dark:fill-rose-400",
  F: "fill-teal-600 dark:fill-teal-300",
  G: "fill-orange-600 dark:fill-orange-300",
  H: "fill-fuchsia-600 dark:fill-fuchsia-300",
};
const NODE_BG: Record<string, string> = {
  A: "bg-sky-500 dark:bg-sky-400",
  B: "bg-emerald-500 dark:bg-emerald-400",
  C: "bg-amber-500 dark:bg-amber-400",
  D: "bg-violet-500 dark:bg-violet-400",
  E: "bg-rose-500 dark:bg-rose-400",
  F: "bg-teal-600 dark:bg-teal-300",
  G: "bg-orange-600 dark:bg-orange-300",
  H: "bg-fuchsia-600 dark:bg-fuchsia-300",
};

type Action = { type: "add" } | { type: "remove"; id: string } | { type: "vnodes"; count: number } | { type: "reset" };

function reducer(state: RingState, action: Action): RingState {
  switch (action.type) {
    case "add":
      return addNode(state);
    case "remove":
      return removeNode(state, action.id);
    case "vnodes":
      return setVirtualNodes(state, action.count);
    case "reset":
      return createRing(state.virtualNodes);
  }
}

const SIZE = 300;
const CENTER = SIZE / 2;
const RADIUS = 118;

// Rounded: Math.sin/cos may differ in the last bit between the server and the browser,
// and the SVG is rendered on both (a hydration mismatch otherwise).
const round2 = (value: number) => Math.round(value * 100) / 100;

function pointAt(degrees: number, radius: number): { x: number; y: number } {
  const radians = ((degrees - 90) * Math.PI) / 180;
  return { x: round2(CENTER + radius * Math.cos(radians)), y: round2(CENTER + radius * Math.sin(radians)) };
}

/** The model the consistent-hashing lesson embeds as <ConsistentHashingModel />. */
export function ConsistentHashingModel() {
  const [state, dispatch] = useReducer(reducer, undefined, () => createRing());
  const [toRemove, setToRemove] = useState("B");
  const ids = useId();
  const points = ringPoints(state.nodes, state.virtualNodes);
  const owners = ownersOf(state);
  const nodeLoads = loads(state);
  const moved = new Set(state.last?.movedOnRing ?? []);
  const removable = state.nodes.includes(toRemove) ? toRemove : (state.nodes[0] ?? "");
  const maxKeys = Math.max(1, ...nodeLoads.map((load) => load.keys));

  return (
    <ModelFrame aria-label="Interactive consistent hashing model">
      <div className="grid gap-3 sm:grid-cols-2">
        <ModelSelect
          id={`${ids}-vnodes`}
          label="Virtual nodes per node"
          className="flex flex-col gap-1"
          value={state.virtualNodes}
          choices={plainChoices(VNODE_CHOICES)}
          onChange={(value) => dispatch({ type: "vnodes", count: Number(value) })}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-remove`} className={modelLabelClass}>
            Node to remove
          </label>
          <div className="flex gap-2">
            <select id={`${ids}-remove`} className={`${modelSelectClass} flex-1`} value={removable} onChange={(event) => setToRemove(event.target.value)}>
              {state.nodes.map((node) => (
                <option key={node} value={node}>
                  {node}
                </option>
              ))}
            </select>
            <Button
              variant="secondary"
              disabled={state.nodes.length <= MIN_NODES}
              onClick={() => dispatch({ type: "remove", id: removable })}
            >
              Remove
            </Button>
          </div>
        </div>
      </div>

      <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label="Ring changes">
        <Button variant="primary" disabled={state.nodes.length >= MAX_NODES} onClick={() => dispatch({ type: "add" })}>
          Add node {NODE_NAMES.find((name) => !state.nodes.includes(name)) ?? ""}
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "reset" })}>
          Reset
        </Button>
      </div>

      <div className="mt-4 grid items-start gap-4 md:grid-cols-[minmax(0,300px)_1fr]">
        <svg
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          className="mx-auto h-auto w-full max-w-[300px]"
          role="img"
          aria-label={`Hash ring with ${points.length} virtual nodes and ${KEYS.length} keys; keys that moved in the last change are outlined.`}
        >
          <circle cx={CENTER} cy={CENTER} r={RADIUS} fill="none" className="stroke-slate-300 dark:stroke-slate-600" strokeWidth={4} />
          {KEYS.map((key) => {
            const owner = owners.get(key) ?? "A";
            const spot = pointAt(angleOf(keyPosition(key)), RADIUS - 18);
            return (
              <g key={key}>
                {moved.has(key) ? (
                  <circle cx={spot.x} cy={spot.y} r={6} fill="none" className="stroke-slate-900 dark:stroke-white" strokeWidth={1.5} />
                ) : null}
                <circle cx={spot.x} cy={spot.y} r={3.5} className={NODE_FILL[owner]} />
              </g>
            );
          })}
          {points.map((point) => {
            const spot = pointAt(angleOf(point.position), RADIUS);
            return (
              <circle
                key={`${point.owner}#${point.index}`}
                cx={spot.x}
                cy={spot.y}
                r={points.length > 120 ? 3 : 5.5}
                className={`${NODE_FILL[point.owner]} stroke-white dark:stroke-slate-900`}
                strokeWidth={1}
              />
            );
          })}
          <text x={CENTER} y={CENTER - 4} textAnchor="middle" fontSize={13} className="fill-slate-700 dark:fill-slate-200">
            {points.length} points
          </text>
          <text x={CENTER} y={CENTER + 14} textAnchor="middle" fontSize={11} className="fill-slate-500 dark:fill-slate-400">
            0 at the top, clockwise
          </text>
        </svg>

        <div>
          <ul className="flex list-none flex-col gap-2 p-0" aria-label="Keys per node">
            {nodeLoads.map((load) => (
              <li key={load.node} className="text-sm">
                <div className="flex items-baseline justify-between gap-2">
                  <span className="flex items-center gap-2 font-semibold">
                    <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-full ${NODE_BG[load.node]}`} />
                    Node {load.node}
                  </span>
                  <span className="tabular-nums text-slate-600 dark:text-slate-300">
                    {load.keys} keys · {Math.round(load.arc * 100)}% of ring
                  </span>
                </div>
                <div className="mt-1 h-2 rounded bg-slate-200 dark:bg-slate-800" aria-hidden="true">
                  <div className={`h-2 rounded ${NODE_BG[load.node]}`} style={{ width: `${Math.round((load.keys / maxKeys) * 100)}%` }} />
                </div>
              </li>
            ))}
          </ul>
          {state.last ? (
            <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
              <div className="rounded-md bg-white p-2 dark:bg-slate-950">
                <dt className="text-slate-600 dark:text-slate-400">Moved on the ring</dt>
                <dd className="text-lg font-semibold tabular-nums">
                  {state.last.movedOnRing.length} / {KEYS.length}
                </dd>
              </div>
              <div className="rounded-md bg-white p-2 dark:bg-slate-950">
                <dt className="text-slate-600 dark:text-slate-400">With hash mod N</dt>
                <dd className="text-lg font-semibold tabular-nums">
                  {state.last.movedWithModulo} / {KEYS.length}
                </dd>
              </div>
            </dl>
          ) : (
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">Add or remove a node to see which keys move.</p>
          )}
        </div>
      </div>

      <div aria-live="polite" className="mt-3 rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {describeRing(state)}
      </div>
    </ModelFrame>
  );
}
