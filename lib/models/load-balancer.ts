import { nextRandom as randomStep } from "@/lib/random/seeded-random";
import { fnv1a32 } from "@/lib/hash/hashes";
// Pure simulation behind the load balancer model: a stream of requests from a few
// clients, spread over backends by one of four strategies. Deterministic: the same
// actions from the same start always give the same state.

export type Strategy = "round-robin" | "least-connections" | "weighted" | "ip-hash";

export const STRATEGIES: Array<{ value: Strategy; label: string }> = [
  { value: "round-robin", label: "Round robin" },
  { value: "least-connections", label: "Least connections" },
  { value: "weighted", label: "Smooth weighted round robin" },
  { value: "ip-hash", label: "IP hash" },
];

export interface ModelBackend {
  id: string;
  weight: number; // 1..9, used by the weighted strategy only
  up: boolean;
  slow: boolean; // a slow backend holds each request three times as long
  open: number; // requests in flight
  current: number; // smooth weighted round robin score
  served: number;
}

export interface Assignment {
  seq: number;
  client: string;
  backend: string | null; // null: no healthy backend, the request failed
}

export interface LbState {
  strategy: Strategy;
  backends: ModelBackend[];
  lastIndex: number; // round robin: list index of the previous pick
  tick: number; // one request arrives per tick
  rng: number; // PRNG state
  inFlight: Array<{ backend: string; endsAt: number }>;
  history: Assignment[]; // newest last, at most HISTORY entries
  failed: number;
}

export const CLIENTS = ["203.0.113.10", "198.51.100.7", "192.0.2.44", "203.0.113.99", "198.51.100.250", "192.0.2.8"];
export const HISTORY = 16;
const SEED = 0x5eed;

export function initialState(strategy: Strategy = "round-robin"): LbState {
  return {
    strategy,
    backends: [
      { id: "A", weight: 3, up: true, slow: false, open: 0, current: 0, served: 0 },
      { id: "B", weight: 1, up: true, slow: false, open: 0, current: 0, served: 0 },
      { id: "C", weight: 1, up: true, slow: false, open: 0, current: 0, served: 0 },
    ],
    lastIndex: -1,
    tick: 0,
    rng: SEED,
    inFlight: [],
    history: [],
    failed: 0,
  };
}

/** mulberry32: returns the next state and a number in [0, 1). */
function nextRandom(state: number): [number, number] {
  const step = randomStep(state);
  return [step.state, step.value];
}

/** FNV-1a, the same hash the challenges' ./support module gives learners. */
export const fnv1a = fnv1a32;

/** Chooses a backend index for this request, or -1 when none is healthy; updates strategy state in `draft`. */
function choose(draft: LbState, client: string): number {
  const healthy = draft.backends.map((b, i) => (b.up ? i : -1)).filter((i) => i >= 0);
  if (healthy.length === 0) return -1;
  switch (draft.strategy) {
    case "round-robin": {
      const n = draft.backends.length;
      for (let step = 1; step <= n; step++) {
        const index = (draft.lastIndex + step) % n;
        if (draft.backends[index]!.up) {
          draft.lastIndex = index;
          return index;
        }
      }
      return -1;
    }
    case "least-connections": {
      let best = healthy[0]!;
      for (const i of healthy) if (draft.backends[i]!.open < draft.backends[best]!.open) best = i;
      return best;
    }
    case "weighted": {
      let total = 0;
      let best = healthy[0]!;
      for (const i of healthy) {
        const b = draft.backends[i]!;
        b.current += b.weight;
        total += b.weight;
        if (b.current > draft.backends[best]!.current) best = i;
      }
      draft.backends[best]!.current -= total;
      return best;
    }
    case "ip-hash":
      return healthy[fnv1a(client) % healthy.length]!;
  }
}

function clone(state: LbState): LbState {
  return {
    ...state,
    backends: state.backends.map((b) => ({ ...b })),
    inFlight: state.inFlight.map((f) => ({ ...f })),
    history: state.history.slice(),
  };
}

/** One request arrives: finished requests release their connections, then the strategy picks. */
export function sendRequest(state: LbState): LbState {
  const draft = clone(state);
  draft.tick += 1;
  const stillOpen: LbState["inFlight"] = [];
  for (const flight of draft.inFlight) {
    if (flight.endsAt <= draft.tick) {
      const backend = draft.backends.find((b) => b.id === flight.backend);
      if (backend) backend.open = Math.max(0, backend.open - 1);
    } else stillOpen.push(flight);
  }
  draft.inFlight = stillOpen;

  let random: number;
  [draft.rng, random] = nextRandom(draft.rng);
  const client = CLIENTS[Math.floor(random * CLIENTS.length)]!;
  [draft.rng, random] = nextRandom(draft.rng);
  const baseDuration = 1 + Math.floor(random * 4); // 1..4 ticks

  const index = choose(draft, client);
  if (index < 0) {
    draft.failed += 1;
    draft.history.push({ seq: draft.tick, client, backend: null });
  } else {
    const backend = draft.backends[index]!;
    backend.open += 1;
    backend.served += 1;
    draft.inFlight.push({ backend: backend.id, endsAt: draft.tick + baseDuration * (backend.slow ? 3 : 1) });
    draft.history.push({ seq: draft.tick, client, backend: backend.id });
  }
  if (draft.history.length > HISTORY) draft.history = draft.history.slice(-HISTORY);
  return draft;
}

export function sendMany(state: LbState, count: number): LbState {
  let next = state;
  for (let i = 0; i < count; i++) next = sendRequest(next);
  return next;
}

/** A fresh run with a new strategy, keeping the pool's configuration (weights, health, slowness). */
export function setStrategy(state: LbState, strategy: Strategy): LbState {
  const fresh = initialState(strategy);
  fresh.backends = state.backends.map((b) => ({ ...b, open: 0, current: 0, served: 0 }));
  return fresh;
}

/** Marks a backend down or up. Like the challenge, going down keeps its connections and score. */
export function toggleUp(state: LbState, id: string): LbState {
  const draft = clone(state);
  for (const b of draft.backends) if (b.id === id) b.up = !b.up;
  return draft;
}

export function toggleSlow(state: LbState, id: string): LbState {
  const draft = clone(state);
  for (const b of draft.backends) if (b.id === id) b.slow = !b.slow;
  return draft;
}

export function setWeight(state: LbState, id: string, weight: number): LbState {
  const draft = clone(state);
  const clamped = Math.min(9, Math.max(1, Math.round(Number.isFinite(weight) ? weight : 1)));
  for (const b of draft.backends) if (b.id === id) b.weight = clamped;
  return draft;
}

/** The sentence a screen reader hears after each change. */
export function describe(state: LbState): string {
  const label = STRATEGIES.find((s) => s.value === state.strategy)?.label ?? state.strategy;
  const last = state.history[state.history.length - 1];
  const parts = [`${label}.`];
  if (!last) parts.push("No requests sent yet.");
  else if (last.backend === null) parts.push(`Request ${last.seq} from ${last.client} failed: no healthy backend.`);
  else parts.push(`Request ${last.seq} from ${last.client} went to backend ${last.backend}.`);
  parts.push(`Served: ${state.backends.map((b) => `${b.id} ${b.served}`).join(", ")}.`);
  parts.push(`Open connections: ${state.backends.map((b) => `${b.id} ${b.open}`).join(", ")}.`);
  const down = state.backends.filter((b) => !b.up).map((b) => b.id);
  if (down.length > 0) parts.push(`Down: ${down.join(", ")}.`);
  const slow = state.backends.filter((b) => b.slow).map((b) => b.id);
  if (slow.length > 0) parts.push(`Slow: ${slow.join(", ")}.`);
  if (state.failed > 0) parts.push(`Failed requests: ${state.failed}.`);
  return parts.join(" ");
}
