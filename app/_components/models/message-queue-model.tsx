"use client";

// The message-queue lesson's interactive model: send jobs, let two consumers receive,
// ack, nack or crash, and move the clock to watch visibility timeouts bring messages
// back and the last failed attempt park them in the dead letters. All behaviour lives
// in @/lib/models/message-queue (pure, tested); this file draws it.

import { useId, useReducer } from "react";
import {
  ack,
  advance,
  ATTEMPT_CHOICES,
  consumerOf,
  CONSUMERS,
  countByState,
  crash,
  createQueueSim,
  depth,
  describeQueue,
  formatSeconds,
  messageName,
  nack,
  receive,
  reconfigure,
  remainingMs,
  send,
  TIMEOUT_CHOICES,
  visibleInOrder,
  type ConsumerName,
  type QueueSim,
  type SimMessage,
} from "@/lib/models/message-queue";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelLabelClass, modelSelectClass } from "../ui/model-controls";

type Action =
  | { type: "send"; priority?: number; delayMs?: number }
  | { type: "receive" | "ack" | "nack" | "crash"; consumer: ConsumerName }
  | { type: "advance"; ms: number }
  | { type: "configure"; visibilityTimeoutMs: number; maxAttempts: number }
  | { type: "reset" };

function reducer(sim: QueueSim, action: Action): QueueSim {
  switch (action.type) {
    case "send":
      return send(sim, { priority: action.priority, delayMs: action.delayMs });
    case "receive":
      return receive(sim, action.consumer);
    case "ack":
      return ack(sim, action.consumer);
    case "nack":
      return nack(sim, action.consumer);
    case "crash":
      return crash(sim, action.consumer);
    case "advance":
      return advance(sim, action.ms);
    case "configure":
      return reconfigure({ visibilityTimeoutMs: action.visibilityTimeoutMs, maxAttempts: action.maxAttempts });
    case "reset":
      return reconfigure(sim.config);
  }
}

function initialSim(): QueueSim {
  let sim = createQueueSim({ visibilityTimeoutMs: 10_000, maxAttempts: 3 });
  sim = send(sim);
  sim = send(sim);
  sim = send(sim, { priority: 1 });
  return sim;
}

const chipTone: Record<SimMessage["state"], string> = {
  delayed: "border-slate-300 bg-white text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200",
  waiting: "border-sky-400 bg-sky-50 text-sky-900 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-100",
  inflight: "border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100",
  acked: "border-emerald-400 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100",
  dead: "border-rose-400 bg-rose-50 text-rose-900 dark:border-rose-500 dark:bg-rose-950 dark:text-rose-100",
};

function Chip({ sim, message }: { sim: QueueSim; message: SimMessage }) {
  const timeout = sim.config.visibilityTimeoutMs;
  const left = remainingMs(sim, message);
  const holder = message.holder ? consumerOf(sim, message.holder) : null;
  const orphaned = message.state === "inflight" && holder?.receipt !== message.receipt;
  return (
    <li className={`rounded-md border px-2 py-1 text-xs ${chipTone[message.state]}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2">
        <span className="font-semibold">{messageName(message)}</span>
        <span className="tabular-nums">
          {message.priority > 0 ? "high · " : ""}
          {message.attempts > 0 ? `attempt ${message.attempts}` : "new"}
        </span>
      </div>
      {message.state === "inflight" ? (
        <>
          <div className="mt-1 h-1.5 w-full rounded bg-amber-200 dark:bg-amber-900" aria-hidden="true">
            <div className="h-1.5 rounded bg-amber-500 dark:bg-amber-400" style={{ width: `${(left / timeout) * 100}%` }} />
          </div>
          <div className="mt-0.5 tabular-nums">
            {orphaned ? `${message.holder ?? "consumer"} crashed` : `held by ${message.holder}`} · {formatSeconds(left)} left
          </div>
        </>
      ) : null}
      {message.state === "delayed" ? <div className="mt-0.5 tabular-nums">visible at {formatSeconds(message.visibleAt)}</div> : null}
    </li>
  );
}

function Column({ title, hint, children, count }: { title: string; hint: string; count: number; children: React.ReactNode }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-950">
      <h4 className="text-sm font-semibold text-slate-900 dark:text-slate-100">
        {title} <span className="font-normal tabular-nums text-slate-500 dark:text-slate-400">({count})</span>
      </h4>
      <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>
      <ul className="flex flex-col gap-1">{children}</ul>
    </div>
  );
}

/** The model the message-queue lesson embeds as <MessageQueueModel />. */
export function MessageQueueModel() {
  const [sim, dispatch] = useReducer(reducer, undefined, initialSim);
  const ids = useId();
  const counts = countByState(sim);
  const waiting = visibleInOrder(sim);
  const delayed = sim.messages.filter((m) => m.state === "delayed" || (m.state === "waiting" && sim.now < m.visibleAt));
  const inflight = sim.messages.filter((m) => m.state === "inflight");
  const dead = sim.messages.filter((m) => m.state === "dead");

  return (
    <ModelFrame aria-label="Interactive message queue model">
      <div className="flex flex-wrap items-end gap-2">
        <Button variant="primary" onClick={() => dispatch({ type: "send" })}>
          Send job
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "send", priority: 1 })}>
          Send high priority
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "send", delayMs: 5_000 })}>
          Send delayed 5s
        </Button>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-timeout`} className={modelLabelClass}>
            Visibility timeout
          </label>
          <select
            id={`${ids}-timeout`}
            className={modelSelectClass}
            value={sim.config.visibilityTimeoutMs}
            onChange={(event) =>
              dispatch({ type: "configure", visibilityTimeoutMs: Number(event.target.value), maxAttempts: sim.config.maxAttempts })
            }
          >
            {TIMEOUT_CHOICES.map((ms) => (
              <option key={ms} value={ms}>
                {formatSeconds(ms)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-attempts`} className={modelLabelClass}>
            Max attempts
          </label>
          <select
            id={`${ids}-attempts`}
            className={modelSelectClass}
            value={sim.config.maxAttempts}
            onChange={(event) =>
              dispatch({ type: "configure", visibilityTimeoutMs: sim.config.visibilityTimeoutMs, maxAttempts: Number(event.target.value) })
            }
          >
            {ATTEMPT_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Changing a setting starts over with an empty queue.</p>

      <div className="mt-3 grid gap-2 sm:grid-cols-2">
        {CONSUMERS.map((name) => {
          const consumer = consumerOf(sim, name);
          const busy = consumer.receipt !== null;
          const holding = sim.messages.find((m) => m.state === "inflight" && m.receipt === consumer.receipt);
          return (
            <div key={name} className="rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-950">
              <div className="text-sm font-semibold">Consumer {name}</div>
              <div className="mb-2 text-xs text-slate-600 dark:text-slate-300">
                {!busy
                  ? "idle"
                  : holding
                    ? `working on ${messageName(holding)} with receipt r${consumer.receipt}`
                    : `still working, but receipt r${consumer.receipt} has expired`}
              </div>
              <div className="flex flex-wrap gap-1">
                <Button variant="secondary" disabled={busy} onClick={() => dispatch({ type: "receive", consumer: name })}>
                  Receive
                </Button>
                <Button variant="secondary" disabled={!busy} onClick={() => dispatch({ type: "ack", consumer: name })}>
                  Ack
                </Button>
                <Button variant="secondary" disabled={!busy} onClick={() => dispatch({ type: "nack", consumer: name })}>
                  Nack
                </Button>
                <Button variant="danger" disabled={!busy} onClick={() => dispatch({ type: "crash", consumer: name })}>
                  Crash
                </Button>
              </div>
            </div>
          );
        })}
      </div>

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <span className="text-sm tabular-nums" aria-hidden="true">
          Clock: {formatSeconds(sim.now)}
        </span>
        <Button variant="secondary" onClick={() => dispatch({ type: "advance", ms: 1_000 })}>
          Wait 1s
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "advance", ms: 5_000 })}>
          Wait 5s
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "reset" })}>
          Reset
        </Button>
        <span className="text-sm tabular-nums text-slate-600 dark:text-slate-300">depth {depth(sim)}</span>
      </div>

      <div className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
        <Column title="Waiting" hint="visible, in delivery order" count={waiting.length}>
          {waiting.map((m) => (
            <Chip key={m.id} sim={sim} message={m} />
          ))}
        </Column>
        <Column title="Delayed" hint="hidden until their time" count={delayed.length}>
          {delayed.map((m) => (
            <Chip key={m.id} sim={sim} message={m} />
          ))}
        </Column>
        <Column title="In flight" hint="invisible until acked or timed out" count={inflight.length}>
          {inflight.map((m) => (
            <Chip key={m.id} sim={sim} message={m} />
          ))}
        </Column>
        <Column title="Dead letters" hint={`after ${sim.config.maxAttempts} failed attempts`} count={dead.length}>
          {dead.map((m) => (
            <Chip key={m.id} sim={sim} message={m} />
          ))}
        </Column>
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">Acked and deleted: {counts.acked}</p>

      <p aria-live="polite" className="mt-3 rounded-md bg-white p-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {describeQueue(sim)}
      </p>

      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-700 dark:text-slate-300">Event log</summary>
        <ol className="mt-1 list-decimal pl-5 text-xs text-slate-700 dark:text-slate-300">
          {sim.log.map((line, index) => (
            <li key={`${index}-${line}`}>{line}</li>
          ))}
        </ol>
      </details>
    </ModelFrame>
  );
}
