"use client";

// The consensus lesson's interactive model: a five-node Raft election you step through
// tick by tick, crash nodes in and split with a partition. The behaviour lives in
// @/lib/models/consensus (pure, seeded, tested); this file draws it and wires controls.

import { useEffect, useId, useState } from "react";
import { createSim, describeSim, NODE_COUNT, PARTITIONS, run, setPartition, step, toggleNode, type MsgType, type SimNode, type SimState } from "@/lib/models/consensus";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelBlockFieldClass, modelLabelClass } from "../ui/model-controls";

const CENTER = 150;
const RADIUS = 100;
const position = (id: number) => {
  const angle = -Math.PI / 2 + (2 * Math.PI * id) / NODE_COUNT;
  // Rounded so server and browser agree to the last digit (no hydration mismatch).
  return { x: Math.round((CENTER + RADIUS * Math.cos(angle)) * 100) / 100, y: Math.round((CENTER + RADIUS * Math.sin(angle)) * 100) / 100 };
};

const ROLE_FILL: Record<SimNode["role"], string> = {
  leader: "fill-emerald-300 dark:fill-emerald-700",
  candidate: "fill-amber-200 dark:fill-amber-700",
  follower: "fill-white dark:fill-slate-800",
};
const MSG_STROKE: Record<MsgType, string> = {
  RequestVote: "stroke-amber-500 dark:stroke-amber-300",
  Vote: "stroke-sky-500 dark:stroke-sky-300",
  Heartbeat: "stroke-emerald-500 dark:stroke-emerald-300",
  HeartbeatAck: "stroke-slate-400 dark:stroke-slate-500",
};

/** The model the consensus lesson embeds as <ConsensusModel />. */
export function ConsensusModel() {
  const [sim, setSim] = useState<SimState>(() => createSim(7));
  const [playing, setPlaying] = useState(false);
  const [target, setTarget] = useState(0);
  const ids = useId();

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => setSim((s) => step(s)), 250);
    return () => window.clearInterval(timer);
  }, [playing]);

  const partitionId = PARTITIONS.find((p) => p.side1.length > 0 && sim.nodes.every((n) => (sim.side[n.id] === 1) === p.side1.includes(n.id)))?.id ?? "none";
  const targetNode = sim.nodes[target];

  return (
    <ModelFrame aria-label="Interactive Raft election model">
      <div className="flex flex-wrap items-end gap-2">
        <Button variant="primary" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
          {playing ? "Pause" : "Play"}
        </Button>
        <Button variant="secondary" onClick={() => setSim((s) => step(s))} disabled={playing}>
          Step 1 tick
        </Button>
        <Button variant="secondary" onClick={() => setSim((s) => run(s, 10))} disabled={playing}>
          Run 10 ticks
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setPlaying(false);
            setSim(createSim(7));
          }}
        >
          Reset
        </Button>
      </div>

      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="flex items-end gap-2">
          <div className="grow">
            <label htmlFor={`${ids}-node`} className={modelLabelClass}>
              Node
            </label>
            <select id={`${ids}-node`} className={modelBlockFieldClass} value={target} onChange={(e) => setTarget(Number(e.target.value))}>
              {sim.nodes.map((n) => (
                <option key={n.id} value={n.id}>
                  {`N${n.id + 1} (${n.up ? n.role : "crashed"})`}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary" onClick={() => setSim((s) => toggleNode(s, target))}>
            {targetNode?.up ? "Crash" : "Restart"}
          </Button>
        </div>
        <div>
          <label htmlFor={`${ids}-partition`} className={modelLabelClass}>
            Partition
          </label>
          <select id={`${ids}-partition`} className={modelBlockFieldClass} value={partitionId} onChange={(e) => setSim((s) => setPartition(s, e.target.value))}>
            {PARTITIONS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <svg viewBox="0 0 300 300" className="mx-auto h-auto w-full max-w-sm" aria-hidden="true">
          {sim.inFlight.map((m, i) => {
            const a = position(m.from);
            const b = position(m.to);
            const mid = { x: a.x + (b.x - a.x) * 0.6, y: a.y + (b.y - a.y) * 0.6 };
            return (
              <g key={i}>
                <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} strokeWidth={1.5} className={MSG_STROKE[m.type]} strokeOpacity={0.7} />
                <circle cx={mid.x} cy={mid.y} r={4} className={`fill-white dark:fill-slate-900 ${MSG_STROKE[m.type]}`} strokeWidth={2} />
              </g>
            );
          })}
          {sim.nodes.map((n) => {
            const p = position(n.id);
            const fraction = n.role === "leader" || !n.up ? 0 : Math.min(1, n.elapsed / n.timeout);
            const cut = sim.side[n.id] === 1;
            return (
              <g key={n.id}>
                <circle
                  cx={p.x}
                  cy={p.y}
                  r={30}
                  strokeWidth={cut ? 3 : 2}
                  strokeDasharray={cut ? "6 4" : undefined}
                  className={`${n.up ? ROLE_FILL[n.role] : "fill-slate-300 dark:fill-slate-950"} ${cut ? "stroke-rose-500 dark:stroke-rose-400" : "stroke-slate-500 dark:stroke-slate-400"}`}
                />
                <text x={p.x} y={p.y - 6} textAnchor="middle" fontSize={13} fontWeight={600} className="fill-slate-900 dark:fill-slate-100">
                  {`N${n.id + 1}`}
                </text>
                <text x={p.x} y={p.y + 10} textAnchor="middle" fontSize={11} className="fill-slate-700 dark:fill-slate-200">
                  {n.up ? `${n.role === "leader" ? "lead" : n.role === "candidate" ? "cand" : "foll"} t${n.term}` : "down"}
                </text>
                <rect x={p.x - 24} y={p.y + 34} width={48} height={5} rx={2} className="fill-slate-200 dark:fill-slate-700" />
                <rect x={p.x - 24} y={p.y + 34} width={48 * fraction} height={5} rx={2} className="fill-amber-500 dark:fill-amber-400" />
              </g>
            );
          })}
          <text x={CENTER} y={CENTER + 4} textAnchor="middle" fontSize={12} className="fill-slate-500 dark:fill-slate-400">
            {`tick ${sim.tick}`}
          </text>
        </svg>

        <div className="text-sm">
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Green: leader. Amber: candidate. Bar: election timer. Dashed red ring: cut off from the other side. Lines: messages in flight (amber vote
            request, blue vote, green heartbeat, grey ack).
          </p>
          <ol className="mt-2 space-y-1 text-slate-800 dark:text-slate-200">
            {sim.events.map((e, i) => (
              <li key={`${i}-${e}`} className="rounded bg-white px-2 py-1 dark:bg-slate-950">
                {e}
              </li>
            ))}
          </ol>
        </div>
      </div>

      <p aria-live="polite" className="sr-only">
        {playing ? "" : describeSim(sim)}
      </p>
      <p className="mt-3 rounded-md bg-white px-3 py-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">{sim.events[sim.events.length - 1]}</p>
    </ModelFrame>
  );
}
