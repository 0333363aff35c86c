// Pure logic for the circuit breaker model: a breaker driven by clicks, on a simulated clock.
// Calls settle at once here, so at most one trial is ever in flight.

export type BreakerState = "CLOSED" | "OPEN" | "HALF_OPEN";

export const CONFIG = { failureThreshold: 3, resetTimeoutMs: 5000, successThreshold: 2 } as const;

export type Served = "value" | "fallback" | "error";

export interface CbEvent {
  at: number;
  kind: "call" | "wait";
  /** For calls: whether the dependency was called and how it answered. */
  result?: "success" | "failure" | "refused";
  served?: Served;
  waitedMs?: number;
  before: BreakerState;
  after: BreakerState;
}

export interface CbModel {
  now: number;
  state: BreakerState;
  failures: number;
  successes: number;
  openedAt: number;
  dependencyHealthy: boolean;
  useFallback: boolean;
  events: CbEvent[];
  calls: { toDependency: number; refused: number };
}

export function initialModel(): CbModel {
  return {
    now: 0,
    state: "CLOSED",
    failures: 0,
    successes: 0,
    openedAt: 0,
    dependencyHealthy: true,
    useFallback: true,
    events: [],
    calls: { toDependency: 0, refused: 0 },
  };
}

/** OPEN becomes HALF_OPEN once the reset timeout has passed. */
function refreshed(m: CbModel): CbModel {
  if (m.state === "OPEN" && m.now >= m.openedAt + CONFIG.resetTimeoutMs) {
    return { ...m, state: "HALF_OPEN", successes: 0 };
  }
  return m;
}

export function currentState(m: CbModel): BreakerState {
  return refreshed(m).state;
}

const KEEP_EVENTS = 24;

function withEvent(m: CbModel, event: CbEvent): CbModel {
  return { ...m, events: [...m.events, event].slice(-KEEP_EVENTS) };
}

/** One request through the breaker; the dependency answers according to its health. */
export function sendRequest(model: CbModel): CbModel {
  const m = refreshed(model);
  const before = m.state;
  if (m.state === "OPEN") {
    const next = { ...m, calls: { ...m.calls, refused: m.calls.refused + 1 } };
    return withEvent(next, { at: m.now, kind: "call", result: "refused", served: m.useFallback ? "fallback" : "error", before, after: "OPEN" });
  }
  const ok = m.dependencyHealthy;
  let next: CbModel = { ...m, calls: { ...m.calls, toDependency: m.calls.toDependency + 1 } };
  if (m.state === "CLOSED") {
    const failures = ok ? 0 : m.failures + 1;
    next =
      failures >= CONFIG.failureThreshold
        ? { ...next, state: "OPEN", failures: 0, openedAt: m.now }
        : { ...next, failures };
  } else if (!ok) {
    next = { ...next, state: "OPEN", successes: 0, openedAt: m.now };
  } else {
    const successes = m.successes + 1;
    next = successes >= CONFIG.successThreshold ? { ...next, state: "CLOSED", successes: 0, failures: 0 } : { ...next, successes };
  }
  const served: Served = ok ? "value" : m.useFallback ? "fallback" : "error";
  return withEvent(next, { at: m.now, kind: "call", result: ok ? "success" : "failure", served, before, after: next.state });
}

export function wait(model: CbModel, ms: number): CbModel {
  const before = currentState(model);
  const next = refreshed({ ...model, now: model.now + ms });
  return withEvent(next, { at: next.now, kind: "wait", waitedMs: ms, before, after: next.state });
}

export function setHealthy(m: CbModel, healthy: boolean): CbModel {
  return { ...m, dependencyHealthy: healthy };
}

export function setFallback(m: CbModel, useFallback: boolean): CbModel {
  return { ...m, useFallback };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;

/** The text alternative: what the picture shows right now. */
export function describe(model: CbModel): string {
  const m = refreshed(model);
  const head = `At t = ${seconds(m.now)} the breaker is ${m.state.replace("_", "-")}; the dependency is ${m.dependencyHealthy ? "healthy" : "failing"}.`;
  let detail: string;
  if (m.state === "CLOSED") {
    detail = `${m.failures} of ${CONFIG.failureThreshold} consecutive failures counted.`;
  } else if (m.state === "OPEN") {
    detail = `Requests are refused without calling the dependency until t = ${seconds(m.openedAt + CONFIG.resetTimeoutMs)}.`;
  } else {
    detail = `The next request is a trial; ${m.successes} of ${CONFIG.successThreshold} successful trials so far, and any failure reopens the circuit.`;
  }
  const last = m.events[m.events.length - 1];
  let tail = "";
  if (last?.kind === "call") {
    const how = last.served === "value" ? "got the real answer" : last.served === "fallback" ? "got the fallback" : "got an error";
    tail =
      last.result === "refused"
        ? ` The last request was refused at once and ${how}.`
        : ` The last request called the dependency, which ${last.result === "success" ? "succeeded" : "failed"}, and ${how}.`;
  }
  return `${head} ${detail}${tail} So far ${m.calls.toDependency} requests reached the dependency and ${m.calls.refused} were refused.`;
}
