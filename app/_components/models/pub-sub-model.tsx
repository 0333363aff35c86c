"use client";

// The pub/sub lesson's interactive model: a broker with MQTT topic filters. Type a
// filter to subscribe, publish to a topic, and see which subscriptions receive it, in
// which order, and why the others did not. Behaviour lives in @/lib/models/pub-sub.

import { useId, useReducer, useState, type FormEvent } from "react";
import {
  createPubSubSim,
  describePubSub,
  filterError,
  publish,
  retain,
  SAMPLE_TOPICS,
  subscribe,
  topicError,
  unsubscribe,
  type PubSubSim,
} from "@/lib/models/pub-sub";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { modelLabelClass, modelSelectClass } from "../ui/model-controls";

type Action =
  | { type: "subscribe"; filter: string }
  | { type: "unsubscribe"; id: number }
  | { type: "publish"; topic: string }
  | { type: "retain"; topic: string; message: string }
  | { type: "reset" };

function reducer(sim: PubSubSim, action: Action): PubSubSim {
  switch (action.type) {
    case "subscribe":
      return subscribe(sim, action.filter);
    case "unsubscribe":
      return unsubscribe(sim, action.id);
    case "publish":
      return publish(sim, action.topic);
    case "retain":
      return retain(sim, action.topic, action.message);
    case "reset":
      return createPubSubSim();
  }
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Publisher, broker and subscribers; matched lines are solid and numbered in delivery order. */
function FanOutDrawing({ sim }: { sim: PubSubSim }) {
  const rows = Math.max(1, sim.subscriptions.length);
  const rowHeight = 30;
  const height = rows * rowHeight + 20;
  const brokerY = height / 2;
  return (
    <svg
      viewBox={`0 0 360 ${height}`}
      className="h-auto w-full max-w-xl"
      role="img"
      aria-label="Fan-out from the publisher through the broker to each subscription; the text below the drawing lists the same result."
    >
      <rect x="4" y={brokerY - 16} width="86" height="32" rx="6" strokeWidth="1.5" className="fill-white stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500" />
      <text x="47" y={brokerY + 4} textAnchor="middle" fontSize="11" className="fill-slate-800 dark:fill-slate-100">
        {sim.lastTopic === null ? "publisher" : shorten(sim.lastTopic, 14)}
      </text>
      <line x1="90" y1={brokerY} x2="118" y2={brokerY} strokeWidth="1.5" className="stroke-slate-500 dark:stroke-slate-400" />
      <rect x="118" y={brokerY - 16} width="62" height="32" rx="6" strokeWidth="1.5" className="fill-sky-50 stroke-sky-500 dark:fill-sky-950 dark:stroke-sky-400" />
      <text x="149" y={brokerY + 4} textAnchor="middle" fontSize="11" className="fill-slate-800 dark:fill-slate-100">
        broker
      </text>
      {sim.subscriptions.map((subscription, index) => {
        const y = 10 + index * rowHeight + rowHeight / 2;
        const delivery = sim.deliveries.find((d) => d.subscriptionId === subscription.id);
        const hit = delivery !== undefined && delivery.order !== null;
        return (
          <g key={subscription.id}>
            <line
              x1="180"
              y1={brokerY}
              x2="232"
              y2={y}
              strokeWidth={hit ? 2.5 : 1}
              strokeDasharray={hit ? undefined : "4 4"}
              className={hit ? "stroke-emerald-500 dark:stroke-emerald-400" : "stroke-slate-300 dark:stroke-slate-600"}
            />
            <circle cx="244" cy={y} r="10" className={hit ? "fill-emerald-500 dark:fill-emerald-400" : "fill-slate-200 dark:fill-slate-700"} />
            <text x="244" y={y + 4} textAnchor="middle" fontSize="10" className={hit ? "fill-white dark:fill-slate-950" : "fill-slate-500 dark:fill-slate-400"}>
              {hit ? delivery?.order : "-"}
            </text>
            <text x="260" y={y + 4} fontSize="11" className="fill-slate-800 font-mono dark:fill-slate-100">
              {shorten(subscription.filter, 16)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The model the pub/sub lesson embeds as <PubSubModel />. */
export function PubSubModel() {
  const [sim, dispatch] = useReducer(reducer, undefined, () => createPubSubSim());
  const [filter, setFilter] = useState("home/+/light");
  const [topic, setTopic] = useState("home/kitchen/temp");
  const [message, setMessage] = useState("21.5");
  const ids = useId();
  const filterProblem = filter.length > 0 ? filterError(filter) : null;
  const topicProblem = topic.length > 0 ? topicError(topic) : null;

  const onSubscribe = (event: FormEvent) => {
    event.preventDefault();
    dispatch({ type: "subscribe", filter });
  };
  const onPublish = (event: FormEvent) => {
    event.preventDefault();
    dispatch({ type: "publish", topic });
  };

  return (
    <ModelFrame aria-label="Interactive publish/subscribe model">
      <div className="grid gap-3 md:grid-cols-2">
        <form onSubmit={onPublish} className="flex flex-col gap-1">
          <label htmlFor={`${ids}-topic`} className={modelLabelClass}>
            Topic to publish
          </label>
          <div className="flex gap-2">
            <input
              id={`${ids}-topic`}
              className={`${modelSelectClass} w-full min-w-0 font-mono`}
              value={topic}
              onChange={(event) => setTopic(event.target.value)}
              aria-describedby={`${ids}-topic-help`}
              spellCheck={false}
              autoComplete="off"
            />
            <Button type="submit" variant="primary">
              Publish
            </Button>
          </div>
          <p id={`${ids}-topic-help`} className="text-xs text-slate-600 dark:text-slate-400">
            {topicProblem ?? "Levels are separated by /."}
          </p>
          <div className="flex flex-wrap gap-1" role="group" aria-label="Sample topics">
            {SAMPLE_TOPICS.map((sample) => (
              <Button
                key={sample}
                variant="secondary"
                className="font-mono text-xs"
                onClick={() => {
                  setTopic(sample);
                  dispatch({ type: "publish", topic: sample });
                }}
              >
                {sample}
              </Button>
            ))}
          </div>
        </form>

        <form onSubmit={onSubscribe} className="flex flex-col gap-1">
          <label htmlFor={`${ids}-filter`} className={modelLabelClass}>
            New subscription filter
          </label>
          <div className="flex gap-2">
            <input
              id={`${ids}-filter`}
              className={`${modelSelectClass} w-full min-w-0 font-mono`}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              aria-describedby={`${ids}-filter-help`}
              aria-invalid={filterProblem !== null}
              spellCheck={false}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary">
              Subscribe
            </Button>
          </div>
          <p id={`${ids}-filter-help`} className="text-xs text-slate-600 dark:text-slate-400">
            {filterProblem ?? "+ is one level, # is the rest (and must be last)."}
          </p>
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <label htmlFor={`${ids}-message`} className={modelLabelClass}>
                Retained message
              </label>
              <input id={`${ids}-message`} className={`${modelSelectClass} w-full min-w-0 font-mono`} value={message} onChange={(event) => setMessage(event.target.value)} />
            </div>
            <Button variant="secondary" onClick={() => dispatch({ type: "retain", topic, message })}>
              Retain on topic
            </Button>
          </div>
        </form>
      </div>

      <div className="mt-3 flex justify-center rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-950">
        <FanOutDrawing sim={sim} />
      </div>

      <ol className="mt-3 flex flex-col gap-1">
        {sim.subscriptions.map((subscription, index) => {
          const delivery = sim.deliveries.find((d) => d.subscriptionId === subscription.id);
          const hit = delivery !== undefined && delivery.order !== null;
          return (
            <li
              key={subscription.id}
              className={`grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-2 gap-y-0.5 rounded-md border px-2 py-1 text-sm ${
                hit
                  ? "border-emerald-400 bg-emerald-50 dark:border-emerald-600 dark:bg-emerald-950"
                  : "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950"
              }`}
            >
              <span className="tabular-nums text-slate-500 dark:text-slate-400">{index + 1}.</span>
              <code className="break-all font-mono text-slate-900 dark:text-slate-100">{subscription.filter}</code>
              <Button
                variant="secondary"
                className="min-h-7 px-2 py-0.5 text-xs"
                aria-label={`Unsubscribe ${subscription.filter}`}
                onClick={() => dispatch({ type: "unsubscribe", id: subscription.id })}
              >
                Unsubscribe
              </Button>
              <span className="col-span-3 text-xs text-slate-600 dark:text-slate-300">
                {delivery ? `${hit ? `Delivery ${delivery.order}: ` : "No delivery: "}${delivery.reason}` : "Waiting for a publish."}
              </span>
            </li>
          );
        })}
      </ol>

      {sim.retainedDeliveries.length > 0 ? (
        <p className="mt-2 text-sm text-emerald-800 dark:text-emerald-300">
          Retained on subscribe:{" "}
          {sim.retainedDeliveries.map((d) => `${d.topic} = ${d.message}`).join(", ")}
        </p>
      ) : null}

      <p aria-live="polite" className="mt-3 rounded-md bg-white p-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {describePubSub(sim)}
      </p>
      <Button variant="secondary" className="mt-2" onClick={() => dispatch({ type: "reset" })}>
        Reset
      </Button>
    </ModelFrame>
  );
}
