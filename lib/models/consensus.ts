import { nextRandom as randomStep } from "@/lib/random/seeded-random";
// The consensus lesson's model: a five-node Raft election on a tick-by-tick timeline.
// Nodes time out, ask for votes, win with a majority and send heartbeats; you can crash
// nodes and cut the network. Pure and deterministic: randomized timeouts come from a
// seeded generator stored in the state, so the same clicks replay the same history.

export type Role = "follower" | "candidate" | "leader";

export interface SimNode {
  id: number;
  role: Role;
  term: number;
  votedFor: number | null;
  votes: number[];
  /** Ticks since the election timer was last reset. */
  elapsed: number;
  /** This node's current randomized election timeout, in ticks. */
  timeout: number;
  heartbeatElapsed: number;
  up: boolean;
}

export type MsgType = "RequestVote" | "Vote" | "Heartbeat" | "HeartbeatAck";

export interface SimMsg {
  type: MsgType;
  from: number;
  to: number;
  term: number;
  granted?: boolean;
  /** The tick at which it arrives. */
  at: number;
}

export interface SimState {
  tick: number;
  nodes: SimNode[];
  inFlight: SimMsg[];
  /** Side of each node when partitioned; all 0 when healthy. */
  side: number[];
  seed: number;
  events: string[];
}

export const NODE_COUNT = 5;
export const TIMEOUT_MIN = 10;
export const TIMEOUT_MAX = 20;
export const HEARTBEAT_TICKS = 3;
export const MESSAGE_DELAY = 1;
const MAX_EVENTS = 8;

/** The partitions the model offers: which nodes sit on side 1 (the rest on side 0). */
export const PARTITIONS: ReadonlyArray<{ id: string; label: string; side1: number[] }> = [
  { id: "none", label: "None", side1: [] },
  { id: "12", label: "N1 N2 | N3 N4 N5", side1: [2, 3, 4] },
  { id: "1", label: "N1 | N2 N3 N4 N5", side1: [1, 2, 3, 4] },
  { id: "123", label: "N1 N2 N3 | N4 N5", side1: [3, 4] },
];

/** mulberry32: returns the next value in [0, 1) and the next seed. */
export function nextRandom(seed: number): [number, number] {
  const step = randomStep(seed);
  return [step.value, step.state];
}

const label = (id: number) => `N${id + 1}`;
const majority = (size: number) => Math.floor(size / 2) + 1;

export function createSim(seed = 7): SimState {
  let current = seed >>> 0;
  const nodes: SimNode[] = [];
  for (let id = 0; id < NODE_COUNT; id++) {
    const [r, next] = nextRandom(current);
    current = next;
    nodes.push({
      id,
      role: "follower",
      term: 0,
      votedFor: null,
      votes: [],
      elapsed: 0,
      timeout: TIMEOUT_MIN + Math.floor(r * (TIMEOUT_MAX - TIMEOUT_MIN + 1)),
      heartbeatElapsed: 0,
      up: true,
    });
  }
  return { tick: 0, nodes, inFlight: [], side: nodes.map(() => 0), seed: current, events: ["All five nodes start as followers in term 0."] };
}

/** A mutable working copy for one transition. */
interface Work {
  state: SimState;
  outbox: SimMsg[];
  events: string[];
}

function clone(state: SimState): SimState {
  return {
    ...state,
    nodes: state.nodes.map((n) => ({ ...n, votes: [...n.votes] })),
    inFlight: state.inFlight.map((m) => ({ ...m })),
    side: [...state.side],
    events: [...state.events],
  };
}

function newTimeout(work: Work): number {
  const [r, next] = nextRandom(work.state.seed);
  work.state.seed = next;
  return TIMEOUT_MIN + Math.floor(r * (TIMEOUT_MAX - TIMEOUT_MIN + 1));
}

function resetTimer(work: Work, node: SimNode): void {
  node.elapsed = 0;
  node.timeout = newTimeout(work);
}

function send(work: Work, msg: Omit<SimMsg, "at">): void {
  work.outbox.push({ ...msg, at: work.state.tick + MESSAGE_DELAY });
}

function broadcast(work: Work, node: SimNode, type: "RequestVote" | "Heartbeat"): void {
  for (const peer of work.state.nodes) if (peer.id !== node.id) send(work, { type, from: node.id, to: peer.id, term: node.term });
}

function becomeLeader(work: Work, node: SimNode): void {
  node.role = "leader";
  node.heartbeatElapsed = 0;
  node.elapsed = 0;
  work.events.push(`${label(node.id)} won term ${node.term} with ${node.votes.length} of ${NODE_COUNT} votes and sends heartbeats.`);
  broadcast(work, node, "Heartbeat");
}

function tickNode(work: Work, node: SimNode): void {
  if (!node.up) return;
  if (node.role === "leader") {
    node.heartbeatElapsed++;
    if (node.heartbeatElapsed >= HEARTBEAT_TICKS) {
      node.heartbeatElapsed = 0;
      broadcast(work, node, "Heartbeat");
    }
    return;
  }
  node.elapsed++;
  if (node.elapsed < node.timeout) return;
  node.role = "candidate";
  node.term++;
  node.votedFor = node.id;
  node.votes = [node.id];
  resetTimer(work, node);
  work.events.push(`${label(node.id)} timed out and asks for votes in term ${node.term}.`);
  broadcast(work, node, "RequestVote");
}

function receive(work: Work, node: SimNode, msg: SimMsg): void {
  if (msg.term > node.term) {
    if (node.role === "leader") work.events.push(`${label(node.id)} saw term ${msg.term} and stepped down.`);
    node.term = msg.term;
    node.role = "follower";
    node.votedFor = null;
    node.votes = [];
  }
  switch (msg.type) {
    case "RequestVote": {
      const granted = msg.term === node.term && (node.votedFor === null || node.votedFor === msg.from);
      if (granted) {
        node.votedFor = msg.from;
        resetTimer(work, node);
      }
      send(work, { type: "Vote", from: node.id, to: msg.from, term: node.term, granted });
      return;
    }
    case "Vote": {
      if (msg.term !== node.term || node.role !== "candidate" || !msg.granted) return;
      if (!node.votes.includes(msg.from)) node.votes.push(msg.from);
      if (node.votes.length >= majority(NODE_COUNT)) becomeLeader(work, node);
      return;
    }
    case "Heartbeat": {
      if (msg.term === node.term) {
        if (node.role === "candidate") {
          node.role = "follower";
          work.events.push(`${label(node.id)} heard leader ${label(msg.from)} of term ${msg.term} and follows it.`);
        }
        resetTimer(work, node);
      }
      send(work, { type: "HeartbeatAck", from: node.id, to: msg.from, term: node.term });
      return;
    }
    case "HeartbeatAck":
      return;
  }
}

/** One tick: every live node's timer moves, then messages due now are delivered. */
export function step(previous: SimState): SimState {
  const state = clone(previous);
  state.tick++;
  const work: Work = { state, outbox: [], events: [] };
  for (const node of state.nodes) tickNode(work, node);
  const due = state.inFlight.filter((m) => m.at <= state.tick);
  state.inFlight = state.inFlight.filter((m) => m.at > state.tick);
  for (const msg of due) {
    const target = state.nodes[msg.to];
    if (!target || !target.up || state.side[msg.from] !== state.side[msg.to]) continue;
    receive(work, target, msg);
  }
  // A message is lost at once if its ends are on different sides or either end is down.
  for (const msg of work.outbox) {
    if (state.side[msg.from] === state.side[msg.to] && state.nodes[msg.to]?.up) state.inFlight.push(msg);
  }
  state.events = [...state.events, ...work.events.map((e) => `t=${state.tick}: ${e}`)].slice(-MAX_EVENTS);
  return state;
}

export function run(state: SimState, ticks: number): SimState {
  let current = state;
  for (let i = 0; i < ticks; i++) current = step(current);
  return current;
}

/** Crash a live node or restart a crashed one (it restarts as a follower, keeping its term). */
export function toggleNode(previous: SimState, id: number): SimState {
  const state = clone(previous);
  const node = state.nodes[id];
  if (!node) return previous;
  const work: Work = { state, outbox: [], events: [] };
  if (node.up) {
    node.up = false;
    state.inFlight = state.inFlight.filter((m) => m.to !== id && m.from !== id);
    work.events.push(`${label(id)} crashed${node.role === "leader" ? " while leading" : ""}.`);
  } else {
    node.up = true;
    node.role = "follower";
    node.votes = [];
    resetTimer(work, node);
    work.events.push(`${label(id)} restarted as a follower in term ${node.term}.`);
  }
  state.events = [...state.events, ...work.events.map((e) => `t=${state.tick}: ${e}`)].slice(-MAX_EVENTS);
  return state;
}

export function setPartition(previous: SimState, partitionId: string): SimState {
  const choice = PARTITIONS.find((p) => p.id === partitionId) ?? PARTITIONS[0]!;
  const state = clone(previous);
  state.side = state.nodes.map((n) => (choice.side1.includes(n.id) ? 1 : 0));
  state.inFlight = state.inFlight.filter((m) => state.side[m.from] === state.side[m.to]);
  const text = choice.side1.length === 0 ? "The network healed." : `Partition: ${choice.label}.`;
  state.events = [...state.events, `t=${state.tick}: ${text}`].slice(-MAX_EVENTS);
  return state;
}

export function leaders(state: SimState): SimNode[] {
  return state.nodes.filter((n) => n.up && n.role === "leader");
}

/** The picture in words, for the live region. */
export function describeSim(state: SimState): string {
  const lead = leaders(state);
  const leadText =
    lead.length === 0
      ? "No node is leading."
      : lead.map((n) => `${label(n.id)} believes it leads term ${n.term}`).join("; ") + ".";
  const roles = state.nodes
    .map((n) => `${label(n.id)} ${n.up ? `${n.role}, term ${n.term}, timer ${n.elapsed} of ${n.timeout}` : "crashed"}`)
    .join("; ");
  const split = state.side.some((s) => s === 1)
    ? ` Partitioned: ${state.nodes.filter((n) => state.side[n.id] === 0).map((n) => label(n.id)).join(" ")} | ${state.nodes
        .filter((n) => state.side[n.id] === 1)
        .map((n) => label(n.id))
        .join(" ")}.`
    : "";
  return `Tick ${state.tick}. ${leadText}${split} ${roles}. ${state.inFlight.length} messages in flight.`;
}
