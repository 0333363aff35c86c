// The replication lesson's model, as pure functions: one primary and three
// asynchronous replicas with fixed lags on a simulated clock. Writes get lsns,
// replicas apply them after their lag, reads go round-robin or by minimum lsn, and a
// failover promotes a replica and loses what it had not applied. Same clicks, same
// picture: there is no randomness at all.

export const LAGS_MS: readonly number[] = [40, 120, 400];
export const STEP_MS = 20;
export const KEY = "bio";

export interface LogEntry {
  lsn: number;
  value: string;
  /** When the primary accepted it. */
  at: number;
}

export interface LostEntry extends LogEntry {
  /** When the failover discarded it. */
  lostAt: number;
}

export type ServedBy = "primary" | number;

export interface ReadResult {
  at: number;
  kind: "plain" | "mine";
  servedBy: ServedBy;
  value: string | undefined;
  /** The value the primary had at that moment: a read that differs was stale. */
  primaryValue: string | undefined;
}

export interface ReplicationState {
  now: number;
  log: LogEntry[];
  lost: LostEntry[];
  serving: boolean[];
  /** The replica that served the last plain read, -1 before the first. */
  lastRoundRobin: number;
  /** The highest lsn this client has written: its read-your-writes token. */
  myLsn: number;
  writes: number;
  lastRead: ReadResult | null;
  /** The replica that is the primary now, or null while the original primary runs. */
  primaryIndex: number | null;
  note: string;
}

export function createReplication(): ReplicationState {
  return {
    now: 0,
    log: [],
    lost: [],
    serving: LAGS_MS.map(() => true),
    lastRoundRobin: -1,
    myLsn: 0,
    writes: 0,
    lastRead: null,
    primaryIndex: null,
    note: "A primary and three replicas, lagging 40, 120 and 400 ms. Nothing written yet.",
  };
}

export function primaryLsn(state: ReplicationState): number {
  return state.log[state.log.length - 1]?.lsn ?? 0;
}

/** The highest lsn replica i has applied: entries apply in order once now >= at + lag. */
export function appliedLsn(state: ReplicationState, i: number, now = state.now): number {
  const lag = LAGS_MS[i] ?? 0;
  let lsn = 0;
  for (const entry of state.log) {
    if (now >= entry.at + lag) lsn = entry.lsn;
    else break;
  }
  return lsn;
}

/** Milliseconds until replica i applies its next pending entry, or null if it is caught up. */
export function nextApplyIn(state: ReplicationState, i: number): number | null {
  const applied = appliedLsn(state, i);
  const next = state.log.find((entry) => entry.lsn > applied);
  return next ? next.at + (LAGS_MS[i] ?? 0) - state.now : null;
}

export function valueAt(state: ReplicationState, lsn: number): string | undefined {
  let value: string | undefined;
  for (const entry of state.log) if (entry.lsn <= lsn) value = entry.value;
  return value;
}

export function write(state: ReplicationState): ReplicationState {
  const lsn = primaryLsn(state) + 1;
  const writes = state.writes + 1;
  const value = `v${writes}`;
  return {
    ...state,
    log: [...state.log, { lsn, value, at: state.now }],
    myLsn: lsn,
    writes,
    note: `The primary wrote ${KEY} = ${value} as lsn ${lsn} and acknowledged at once; replicas will apply it at ${LAGS_MS.map((lag) => state.now + lag).join(", ")} ms.`,
  };
}

export function advance(state: ReplicationState, ms: number): ReplicationState {
  const now = state.now + Math.max(0, ms);
  return { ...state, now, note: `Time moved to ${now} ms.` };
}

function describeRead(read: ReadResult): string {
  const who = read.servedBy === "primary" ? "the primary" : `replica ${read.servedBy}`;
  const value = read.value ?? "nothing";
  const stale = read.value !== read.primaryValue;
  const kind = read.kind === "mine" ? "A read-your-writes read" : "A plain read";
  return `${kind} went to ${who} and saw ${KEY} = ${value}${stale ? `, stale: the primary has ${read.primaryValue ?? "nothing"}` : ", up to date"}.`;
}

/** Round robin: the next serving replica after the last one used, wrapping; the primary if none serve. */
export function readPlain(state: ReplicationState): ReplicationState {
  let next = -1;
  for (let i = 0; i < state.serving.length; i++) if (state.serving[i] && i > state.lastRoundRobin) { next = i; break; }
  if (next < 0) next = state.serving.indexOf(true);
  const primaryValue = valueAt(state, primaryLsn(state));
  const read: ReadResult =
    next < 0
      ? { at: state.now, kind: "plain", servedBy: "primary", value: primaryValue, primaryValue }
      : { at: state.now, kind: "plain", servedBy: next, value: valueAt(state, appliedLsn(state, next)), primaryValue };
  return { ...state, lastRoundRobin: next < 0 ? state.lastRoundRobin : next, lastRead: read, note: describeRead(read) };
}

/** minLsn = the client's last write: the lowest caught-up serving replica, else the primary. */
export function readMine(state: ReplicationState): ReplicationState {
  const primaryValue = valueAt(state, primaryLsn(state));
  let read: ReadResult = { at: state.now, kind: "mine", servedBy: "primary", value: primaryValue, primaryValue };
  for (let i = 0; i < state.serving.length; i++) {
    if (state.serving[i] && appliedLsn(state, i) >= state.myLsn) {
      read = { ...read, servedBy: i, value: valueAt(state, appliedLsn(state, i)) };
      break;
    }
  }
  const note = `${describeRead(read)} It asked for lsn ${state.myLsn} or later.`;
  return { ...state, lastRead: read, note };
}

/** Failover: the primary dies, replica i takes over with what it had applied; the rest is lost. */
export function promote(state: ReplicationState, i: number): ReplicationState {
  if (!state.serving[i]) return { ...state, note: `Replica ${i} is not serving; it cannot be promoted.` };
  const keep = appliedLsn(state, i);
  const lostNow = state.log.filter((entry) => entry.lsn > keep).map((entry) => ({ ...entry, lostAt: state.now }));
  const serving = state.serving.map((on, j) => on && j !== i);
  const note =
    lostNow.length === 0
      ? `The primary failed and replica ${i} took over at lsn ${keep}; it had every write, so nothing was lost.`
      : `The primary failed and replica ${i} took over at lsn ${keep}. ${lostNow.length} acknowledged write${lostNow.length === 1 ? " was" : "s were"} lost (lsn ${lostNow.map((entry) => entry.lsn).join(", ")}); the other replicas dropped them too.`;
  return {
    ...state,
    log: state.log.filter((entry) => entry.lsn <= keep),
    lost: [...state.lost, ...lostNow],
    serving,
    primaryIndex: i,
    lastRead: null,
    myLsn: Math.min(state.myLsn, keep),
    note,
  };
}

export function describe(state: ReplicationState): string {
  const primaryName = state.primaryIndex === null ? "the primary" : `the primary (formerly replica ${state.primaryIndex})`;
  const parts = [`At ${state.now} ms ${primaryName} is at lsn ${primaryLsn(state)} with ${KEY} = ${valueAt(state, primaryLsn(state)) ?? "nothing"}.`];
  state.serving.forEach((on, i) => {
    if (!on) {
      parts.push(i === state.primaryIndex ? `Replica ${i} is the primary now.` : `Replica ${i} was a primary and has failed.`);
      return;
    }
    const wait = nextApplyIn(state, i);
    parts.push(`Replica ${i} (lag ${LAGS_MS[i]} ms) has applied lsn ${appliedLsn(state, i)}${wait === null ? "" : `, next in ${wait} ms`}.`);
  });
  if (state.lost.length > 0) parts.push(`${state.lost.length} write${state.lost.length === 1 ? "" : "s"} lost in failover.`);
  return `${state.note} ${parts.join(" ")}`;
}
