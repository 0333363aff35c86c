// The microservices lesson's model: an orchestrated saga whose steps can be made to
// fail. simulateSaga runs the rules synchronously (attempt outcomes are scripted, so no
// promises are needed) and returns the timeline the component steps through.

export type FailureMode = 0 | 1 | 2 | "always";

export interface StepConfig {
  name: string;
  service: string;
  /** How many action attempts fail before one succeeds. */
  actionFailures: FailureMode;
  /** How many compensation attempts fail before one succeeds. */
  compensateFailures: FailureMode;
  retries: number;
}

export type EventKind = "do" | "retry" | "ok" | "fail" | "undo" | "undone";

export interface SagaEvent {
  kind: EventKind;
  step: string;
  phase: "forward" | "backward";
  /** A sentence for the timeline and the live region. */
  text: string;
}

export interface SagaRun {
  events: SagaEvent[];
  /** The challenge's log format: do:, retry:, fail:, undo:. */
  log: string[];
  status: "completed" | "compensated" | "failed";
}

export const RETRY_CHOICES = [0, 1, 2] as const;
export const FAILURE_CHOICES: ReadonlyArray<{ value: FailureMode; label: string }> = [
  { value: 0, label: "never" },
  { value: 1, label: "once" },
  { value: 2, label: "twice" },
  { value: "always", label: "always" },
];

export const DEFAULT_STEPS: readonly StepConfig[] = [
  { name: "reserve-flight", service: "flights", actionFailures: 0, compensateFailures: 0, retries: 0 },
  { name: "charge-card", service: "payments", actionFailures: 1, compensateFailures: 0, retries: 1 },
  { name: "book-hotel", service: "hotels", actionFailures: "always", compensateFailures: 0, retries: 1 },
  { name: "send-confirmation", service: "email", actionFailures: 0, compensateFailures: 0, retries: 0 },
];

function failuresOf(mode: FailureMode): number {
  return mode === "always" ? Number.POSITIVE_INFINITY : mode;
}

/** Attempts 1 + retries times; the first `failures` attempts fail. */
function attempt(
  events: SagaEvent[],
  log: string[],
  step: StepConfig,
  phase: "forward" | "backward",
  failures: number,
): boolean {
  const first = phase === "forward" ? "do" : "undo";
  const verb = phase === "forward" ? "action" : "compensation";
  for (let tries = 0; tries <= step.retries; tries++) {
    if (tries === 0) {
      log.push(`${first}:${step.name}`);
      events.push({ kind: first, step: step.name, phase, text: `${step.service}: ${verb} ${step.name} starts.` });
    } else {
      log.push(`retry:${step.name}`);
      events.push({ kind: "retry", step: step.name, phase, text: `${step.service}: retry ${tries} of ${step.retries} for ${step.name}.` });
    }
    if (tries >= failures) {
      events.push({
        kind: phase === "forward" ? "ok" : "undone",
        step: step.name,
        phase,
        text: `${step.service}: ${step.name} ${phase === "forward" ? "committed" : "undone"}.`,
      });
      return true;
    }
  }
  log.push(`fail:${step.name}`);
  events.push({ kind: "fail", step: step.name, phase, text: `${step.service}: ${verb} ${step.name} failed after ${step.retries + 1} attempt${step.retries === 0 ? "" : "s"}.` });
  return false;
}

export function simulateSaga(steps: readonly StepConfig[]): SagaRun {
  const events: SagaEvent[] = [];
  const log: string[] = [];
  const done: StepConfig[] = [];
  for (const step of steps) {
    if (attempt(events, log, step, "forward", failuresOf(step.actionFailures))) {
      done.push(step);
      continue;
    }
    let status: SagaRun["status"] = "compensated";
    for (const completed of [...done].reverse()) {
      if (!attempt(events, log, completed, "backward", failuresOf(completed.compensateFailures))) status = "failed";
    }
    return { events, log, status };
  }
  return { events, log, status: "completed" };
}

export function updateStep(steps: readonly StepConfig[], index: number, change: Partial<Omit<StepConfig, "name" | "service">>): StepConfig[] {
  return steps.map((step, i) => (i === index ? { ...step, ...change } : step));
}

export function statusSentence(run: SagaRun): string {
  if (run.status === "completed") return "Saga completed: every step committed.";
  if (run.status === "compensated") return "Saga compensated: every completed step was undone, newest first.";
  return "Saga failed: a compensation still failed after its retries, so data is left inconsistent and needs a human.";
}

/** The text alternative for the first `shown` events of a run. */
export function describeSaga(run: SagaRun, shown: number): string {
  const visible = run.events.slice(0, shown);
  if (visible.length === 0) return `Nothing has run yet; ${run.events.length} events are ahead. Press Next event or Run to end.`;
  const last = visible.at(-1);
  const finished = shown >= run.events.length;
  return `Event ${visible.length} of ${run.events.length}: ${last?.text ?? ""}${finished ? ` ${statusSentence(run)}` : ""}`;
}
