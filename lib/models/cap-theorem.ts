// The CAP lesson's model: five replicas of one key, a partition you can place, and
// reads and writes sent to any replica in CP or AP mode. Pure and deterministic:
// the same actions always give the same state.

export type Mode = "CP" | "AP";

export interface Replica {
  value: string | null;
  version: number;
}

export interface Outcome {
  kind: "write" | "read" | "partition" | "heal" | "settings" | "reset";
  ok: boolean;
  via: number | null;
  /** The replicas the request reached (empty for non-requests). */
  reached: number[];
  /** For a read: the value returned; for a write: the value written. */
  value: string | null;
  text: string;
}

export interface CapState {
  n: number;
  w: number;
  r: number;
  mode: Mode;
  /** null when healthy; otherwise replicas 0..split-1 are on the left side. */
  split: number | null;
  replicas: Replica[];
  version: number;
  nextValue: number;
  last: Outcome;
}

export type CapAction =
  | { type: "write"; via: number }
  | { type: "read"; via: number }
  | { type: "partition"; split: number | null }
  | { type: "heal" }
  | { type: "mode"; mode: Mode }
  | { type: "quorum"; w: number; r: number }
  | { type: "reset" };

export const REPLICAS = 5;

const name = (id: number) => `R${id + 1}`;
const names = (ids: number[]) => ids.map(name).join(", ");

export function createCapState(mode: Mode = "CP", w = 3, r = 3): CapState {
  return {
    n: REPLICAS,
    w,
    r,
    mode,
    split: null,
    replicas: Array.from({ length: REPLICAS }, () => ({ value: null, version: 0 })),
    version: 0,
    nextValue: 1,
    last: {
      kind: "reset",
      ok: true,
      via: null,
      reached: [],
      value: null,
      text: `Five healthy replicas in ${mode} mode with W = ${w} and R = ${r}. Nothing written yet.`,
    },
  };
}

/** The replicas a request entering at `via` can reach. */
export function reachable(state: CapState, via: number): number[] {
  const ids = Array.from({ length: state.n }, (_, i) => i);
  if (state.split === null) return ids;
  const left = via < state.split;
  return ids.filter((id) => id < state.split! === left);
}

/** Do every write quorum and every read quorum overlap? */
export function quorumsOverlap(state: Pick<CapState, "n" | "w" | "r">): boolean {
  return state.w + state.r > state.n;
}

function newest(state: CapState, ids: number[]): Replica | undefined {
  let best: Replica | undefined;
  for (const id of ids) {
    const replica = state.replicas[id];
    if (replica && replica.value !== null && (!best || replica.version > best.version)) best = replica;
  }
  return best;
}

/** The value a fully up-to-date read would return right now (the latest accepted write). */
export function latestValue(state: CapState): string | null {
  return newest(state, Array.from({ length: state.n }, (_, i) => i))?.value ?? null;
}

export function capReducer(state: CapState, action: CapAction): CapState {
  switch (action.type) {
    case "reset":
      return createCapState(state.mode, state.w, state.r);
    case "mode":
      return {
        ...state,
        mode: action.mode,
        last: { kind: "settings", ok: true, via: null, reached: [], value: null, text: `Mode is now ${action.mode}.` },
      };
    case "quorum": {
      const w = clamp(action.w, 1, state.n);
      const r = clamp(action.r, 1, state.n);
      const overlap = w + r > state.n ? "quorums overlap, so healthy reads are up to date" : "quorums may miss each other, so reads can be stale";
      return {
        ...state,
        w,
        r,
        last: { kind: "settings", ok: true, via: null, reached: [], value: null, text: `W = ${w}, R = ${r}: W + R = ${w + r} against N = ${state.n}; ${overlap}.` },
      };
    }
    case "partition": {
      const split = action.split === null ? null : clamp(action.split, 1, state.n - 1);
      if (split === null) return capReducer(state, { type: "heal" });
      const left = Array.from({ length: split }, (_, i) => i);
      const right = Array.from({ length: state.n - split }, (_, i) => i + split);
      return {
        ...state,
        split,
        last: { kind: "partition", ok: true, via: null, reached: [], value: null, text: `Partition: ${names(left)} cannot talk to ${names(right)}.` },
      };
    }
    case "heal": {
      let replicas = state.replicas;
      let text = "The partition healed. All replicas can talk again.";
      if (state.mode === "AP") {
        const best = newest(state, Array.from({ length: state.n }, (_, i) => i));
        if (best) {
          const before = state.replicas.filter((rep) => rep.version !== best.version).length;
          replicas = state.replicas.map(() => ({ ...best }));
          text += ` Last writer wins: every replica now holds ${best.value} (version ${best.version})${before > 0 ? `; ${before} replica${before === 1 ? "" : "s"} changed` : ""}.`;
        }
      } else {
        text += " CP mode copies nothing: reads reach every replica again and pick the newest version.";
      }
      return { ...state, split: null, replicas, last: { kind: "heal", ok: true, via: null, reached: [], value: null, text } };
    }
    case "write": {
      const via = clamp(action.via, 0, state.n - 1);
      const reached = reachable(state, via);
      const value = `v${state.nextValue}`;
      if (state.mode === "CP" && reached.length < state.w) {
        return {
          ...state,
          last: {
            kind: "write",
            ok: false,
            via,
            reached,
            value,
            text: `Write ${value} via ${name(via)} refused: it reaches ${reached.length} replica${reached.length === 1 ? "" : "s"} (${names(reached)}) but W = ${state.w}. Unavailable, and nothing changed.`,
          },
        };
      }
      const version = state.version + 1;
      const replicas = state.replicas.map((rep, id) => (reached.includes(id) ? { value, version } : rep));
      const tail = state.mode === "AP" && reached.length < state.n ? " The other side does not know about it." : "";
      return {
        ...state,
        replicas,
        version,
        nextValue: state.nextValue + 1,
        last: {
          kind: "write",
          ok: true,
          via,
          reached,
          value,
          text: `Write ${value} via ${name(via)} accepted as version ${version} on ${names(reached)}.${tail}`,
        },
      };
    }
    case "read": {
      const via = clamp(action.via, 0, state.n - 1);
      const reached = reachable(state, via);
      if (state.mode === "CP" && reached.length < state.r) {
        return {
          ...state,
          last: {
            kind: "read",
            ok: false,
            via,
            reached,
            value: null,
            text: `Read via ${name(via)} refused: it reaches ${reached.length} replica${reached.length === 1 ? "" : "s"} but R = ${state.r}. Unavailable rather than possibly stale.`,
          },
        };
      }
      const got = newest(state, reached)?.value ?? null;
      const latest = latestValue(state);
      const stale = got !== latest;
      return {
        ...state,
        last: {
          kind: "read",
          ok: true,
          via,
          reached,
          value: got,
          text: `Read via ${name(via)} asked ${names(reached)} and returned ${got ?? "nothing"}${stale ? `, which is stale: the latest write is ${latest}` : ", the latest value"}.`,
        },
      };
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** What the picture shows besides the last outcome: mode, quorums, partition, replica contents. */
export function describePicture(state: CapState): string {
  const layout =
    state.split === null
      ? "No partition."
      : `Partitioned: ${names(Array.from({ length: state.split }, (_, i) => i))} on one side, ${names(
          Array.from({ length: state.n - state.split }, (_, i) => i + state.split!),
        )} on the other.`;
  const values = state.replicas.map((rep, id) => `${name(id)} ${rep.value ?? "empty"}`).join(", ");
  return `${state.mode} mode, W = ${state.w}, R = ${state.r}. ${layout} Replicas: ${values}.`;
}

/** The whole picture in words, for the live region. */
export function describeCap(state: CapState): string {
  return `${state.last.text} ${describePicture(state)}`;
}
