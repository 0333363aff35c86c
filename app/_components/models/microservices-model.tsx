"use client";

// The microservices lesson's interactive model: an orchestrated trip-booking saga.
// Choose which actions and compensations fail and how often each step retries, then
// step through the timeline: retries, the failing step, and compensations in reverse.
// Behaviour lives in @/lib/models/microservices (pure, tested).

import { useId, useMemo, useState, type ComponentProps } from "react";
import {
  DEFAULT_STEPS,
  describeSaga,
  FAILURE_CHOICES,
  RETRY_CHOICES,
  simulateSaga,
  statusSentence,
  updateStep,
  type EventKind,
  type FailureMode,
  type StepConfig,
} from "@/lib/models/microservices";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";
import { ModelSelect, modelSelectClass, modelSmallLabelClass, plainChoices, type ModelChoice } from "../ui/model-controls";

const KIND_STYLE: Record<EventKind, { fill: string; label: string }> = {
  do: { fill: "fill-sky-500 dark:fill-sky-400", label: "start" },
  retry: { fill: "fill-violet-500 dark:fill-violet-400", label: "retry" },
  ok: { fill: "fill-emerald-500 dark:fill-emerald-400", label: "committed" },
  fail: { fill: "fill-rose-500 dark:fill-rose-400", label: "failed" },
  undo: { fill: "fill-amber-500 dark:fill-amber-400", label: "undo" },
  undone: { fill: "fill-emerald-600 dark:fill-emerald-300", label: "undone" },
};

const FAILURE_OPTIONS: ModelChoice[] = FAILURE_CHOICES.map((choice) => ({ value: String(choice.value), label: choice.label }));
const RETRY_OPTIONS = plainChoices(RETRY_CHOICES);

/** One of a step's three settings: a small label above a full-width select. */
function StepSelect(props: Omit<ComponentProps<typeof ModelSelect>, "className" | "labelClassName" | "selectClassName">) {
  return (
    <ModelSelect
      {...props}
      className="flex min-w-0 flex-col gap-0.5"
      labelClassName={modelSmallLabelClass}
      selectClassName={`${modelSelectClass} w-full`}
    />
  );
}

function parseFailure(value: string): FailureMode {
  if (value === "always") return "always";
  const n = Number(value);
  return n === 1 || n === 2 ? n : 0;
}

/** One lane per service; events left to right; forward events above the lane line, backward ones below. */
function Timeline({ steps, events }: { steps: readonly StepConfig[]; events: ReturnType<typeof simulateSaga>["events"] }) {
  const laneHeight = 34;
  const left = 100;
  const gap = 20;
  const width = Math.max(320, left + events.length * gap + 20);
  const height = steps.length * laneHeight + 10;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={Math.round(width * 1.5)} className="h-auto max-w-full" role="img" aria-label="Saga timeline: one lane per service, events from left to right. The live text below describes the latest event.">
      {steps.map((step, index) => {
        const y = 10 + index * laneHeight + laneHeight / 2;
        return (
          <g key={step.name}>
            <text x="4" y={y + 5} fontSize="13" className="fill-slate-700 dark:fill-slate-200">
              {step.service}
            </text>
            <line x1={left - 8} y1={y} x2={width - 8} y2={y} strokeWidth="1" className="stroke-slate-300 dark:stroke-slate-600" />
          </g>
        );
      })}
      {events.map((event, index) => {
        const lane = steps.findIndex((s) => s.name === event.step);
        const y = 10 + lane * laneHeight + laneHeight / 2 + (event.phase === "forward" ? -7 : 7);
        const x = left + index * gap;
        const style = KIND_STYLE[event.kind];
        return (
          <g key={index}>
            {event.kind === "fail" ? (
              <path d={`M${x - 6},${y - 6} L${x + 6},${y + 6} M${x - 6},${y + 6} L${x + 6},${y - 6}`} strokeWidth="3" className="stroke-rose-500 dark:stroke-rose-400" />
            ) : (
              <circle cx={x} cy={y} r="6" className={style.fill} />
            )}
            <title>{event.text}</title>
          </g>
        );
      })}
    </svg>
  );
}

/** The model the microservices lesson embeds as <MicroservicesModel />. */
export function MicroservicesModel() {
  const [steps, setSteps] = useState<StepConfig[]>(() => [...DEFAULT_STEPS]);
  const [shown, setShown] = useState(0);
  const ids = useId();
  const run = useMemo(() => simulateSaga(steps), [steps]);
  const finished = shown >= run.events.length;
  const visible = run.events.slice(0, shown);

  const change = (index: number, update: Parameters<typeof updateStep>[2]) => {
    setSteps((current) => updateStep(current, index, update));
    setShown(0);
  };

  return (
    <ModelFrame aria-label="Interactive saga model">
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {steps.map((step, index) => (
          <fieldset key={step.name} className="min-w-0 rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-950">
            <legend className="px-1 text-sm font-semibold">
              {index + 1}. {step.name}
            </legend>
            <div className="grid grid-cols-3 gap-1">
              <StepSelect
                id={`${ids}-${index}-action`}
                label="Action fails"
                value={String(step.actionFailures)}
                choices={FAILURE_OPTIONS}
                onChange={(value) => change(index, { actionFailures: parseFailure(value) })}
              />
              <StepSelect
                id={`${ids}-${index}-undo`}
                label="Undo fails"
                value={String(step.compensateFailures)}
                choices={FAILURE_OPTIONS}
                onChange={(value) => change(index, { compensateFailures: parseFailure(value) })}
              />
              <StepSelect
                id={`${ids}-${index}-retries`}
                label="Retries"
                value={step.retries}
                choices={RETRY_OPTIONS}
                onChange={(value) => change(index, { retries: Number(value) })}
              />
            </div>
          </fieldset>
        ))}
      </div>

      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="primary" disabled={finished} onClick={() => setShown((n) => Math.min(run.events.length, n + 1))}>
          Next event
        </Button>
        <Button variant="secondary" disabled={finished} onClick={() => setShown(run.events.length)}>
          Run to end
        </Button>
        <Button variant="secondary" disabled={shown === 0} onClick={() => setShown(0)}>
          Restart
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setSteps([...DEFAULT_STEPS]);
            setShown(0);
          }}
        >
          Default scenario
        </Button>
      </div>

      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-950">
        <Timeline steps={steps} events={visible} />
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-300" aria-label="Legend">
          {(Object.keys(KIND_STYLE) as EventKind[]).map((kind) => (
            <li key={kind} className="flex items-center gap-1">
              <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
                <circle cx="6" cy="6" r="5" className={KIND_STYLE[kind].fill} />
              </svg>
              {KIND_STYLE[kind].label}
            </li>
          ))}
          <li>above the line: forward; below: compensation</li>
        </ul>
      </div>

      <p aria-live="polite" className="mt-3 rounded-md bg-white p-2 text-sm text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {describeSaga(run, shown)}
      </p>

      <div className="mt-2 grid gap-2 md:grid-cols-2">
        <ol className="list-decimal pl-5 text-sm text-slate-700 dark:text-slate-300">
          {visible.map((event, index) => (
            <li key={index}>{event.text}</li>
          ))}
        </ol>
        <div className="min-w-0 text-sm">
          <div className="font-medium text-slate-800 dark:text-slate-200">Saga log, in the challenge&apos;s format</div>
          <code className="block break-words font-mono text-xs text-slate-700 dark:text-slate-300">
            [{run.log.slice(0, visible.filter((e) => e.kind !== "ok" && e.kind !== "undone").length).join(", ")}]
          </code>
          {finished ? <p className="mt-1 font-medium text-slate-900 dark:text-slate-100">{statusSentence(run)}</p> : null}
        </div>
      </div>
    </ModelFrame>
  );
}
