// The consistent-hashing lesson's model, as pure functions: 48 keys on a ring of
// murmur3 positions, nodes with a chosen number of virtual nodes each, and, for every
// change of membership, how many keys moved on the ring against how many would have
// moved with hash(key) mod N. Nothing here is random: the same clicks give the same picture.

import { murmur3_32 } from "@/lib/hash/hashes";

/** Node names in the order they join. */
export const NODE_NAMES: readonly string[] = ["A", "B", "C", "D", "E", "F", "G", "H"];
export const MIN_NODES = 1;
export const MAX_NODES = NODE_NAMES.length;
export const START_NODES = 3;
export const VNODE_CHOICES: readonly number[] = [1, 3, 10, 40];

/** The keys placed on the ring. */
export const KEYS: readonly string[] = Array.from({ length: 48 }, (_, i) => `user:${i + 1}`);

const RING = 2 ** 32;

export interface RingPoint {
  /** Position on the ring, 0 to 2^32 - 1. */
  position: number;
  owner: string;
  index: number;
}

export interface RingChange {
  description: string;
  /** Keys whose owner changed on the ring. */
  movedOnRing: string[];
  /** How many keys would have changed owner with hash(key) mod N. */
  movedWithModulo: number;
}

export interface RingState {
  nodes: string[];
  virtualNodes: number;
  last: RingChange | null;
}

export function createRing(virtualNodes = 3, count = START_NODES): RingState {
  return { nodes: NODE_NAMES.slice(0, count), virtualNodes, last: null };
}

/** Every virtual node, sorted by position (ties by owner, then index). */
export function ringPoints(nodes: readonly string[], virtualNodes: number): RingPoint[] {
  const points: RingPoint[] = [];
  for (const owner of nodes) {
    for (let index = 0; index < virtualNodes; index++) points.push({ position: murmur3_32(`${owner}#${index}`), owner, index });
  }
  return points.sort((a, b) => a.position - b.position || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0) || a.index - b.index);
}

/** The owner of the first point at or after hash(key), wrapping past the top. */
export function ringOwner(points: readonly RingPoint[], key: string): string | null {
  if (points.length === 0) return null;
  const h = murmur3_32(key);
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((points[middle]?.position ?? 0) < h) low = middle + 1;
    else high = middle;
  }
  return points[low === points.length ? 0 : low]?.owner ?? null;
}

export function moduloOwner(nodes: readonly string[], key: string): string | null {
  if (nodes.length === 0) return null;
  return nodes[murmur3_32(key) % nodes.length] ?? null;
}

/** key -> owner on the ring for the current membership. */
export function ownersOf(state: RingState): Map<string, string> {
  const points = ringPoints(state.nodes, state.virtualNodes);
  const owners = new Map<string, string>();
  for (const key of KEYS) {
    const owner = ringOwner(points, key);
    if (owner !== null) owners.set(key, owner);
  }
  return owners;
}

function change(before: RingState, after: Omit<RingState, "last">, description: string): RingState {
  const oldOwners = ownersOf(before);
  const newOwners = ownersOf({ ...after, last: null });
  const movedOnRing = KEYS.filter((key) => oldOwners.get(key) !== newOwners.get(key));
  const movedWithModulo = KEYS.filter((key) => moduloOwner(before.nodes, key) !== moduloOwner(after.nodes, key)).length;
  return { ...after, last: { description, movedOnRing, movedWithModulo } };
}

export function addNode(state: RingState): RingState {
  const next = NODE_NAMES.find((name) => !state.nodes.includes(name));
  if (next === undefined) return state;
  return change(state, { nodes: [...state.nodes, next], virtualNodes: state.virtualNodes }, `Added node ${next}.`);
}

export function removeNode(state: RingState, id: string): RingState {
  if (!state.nodes.includes(id) || state.nodes.length <= MIN_NODES) return state;
  return change(state, { nodes: state.nodes.filter((node) => node !== id), virtualNodes: state.virtualNodes }, `Removed node ${id}.`);
}

export function setVirtualNodes(state: RingState, virtualNodes: number): RingState {
  if (virtualNodes === state.virtualNodes || !VNODE_CHOICES.includes(virtualNodes)) return state;
  // Changing the point count re-places every node, so this is not a membership change.
  return { nodes: state.nodes, virtualNodes, last: null };
}

export interface NodeLoad {
  node: string;
  keys: number;
  /** Share of the ring's circumference the node owns, 0 to 1. */
  arc: number;
}

/** Keys held and ring share owned by each node, in membership order. */
export function loads(state: RingState): NodeLoad[] {
  const points = ringPoints(state.nodes, state.virtualNodes);
  const arc = new Map<string, number>();
  points.forEach((point, i) => {
    // A point owns the arc from the previous point (exclusive) up to itself.
    const previous = i === 0 ? (points[points.length - 1]?.position ?? 0) - RING : (points[i - 1]?.position ?? 0);
    arc.set(point.owner, (arc.get(point.owner) ?? 0) + (point.position - previous) / RING);
  });
  const owners = ownersOf(state);
  return state.nodes.map((node) => ({
    node,
    keys: KEYS.filter((key) => owners.get(key) === node).length,
    arc: points.length === 0 ? 0 : (arc.get(node) ?? 0),
  }));
}

/** Angle in degrees, clockwise from the top, of a ring position. */
export function angleOf(position: number): number {
  return (position / RING) * 360;
}

export function keyPosition(key: string): number {
  return murmur3_32(key);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "0%" : `${Math.round((part / whole) * 100)}%`;
}

/** What the picture shows, in words, for the live region. */
export function describeRing(state: RingState): string {
  const all = loads(state);
  const mean = KEYS.length / Math.max(1, state.nodes.length);
  const largest = all.reduce((best, load) => (load.keys > best.keys ? load : best), all[0] ?? { node: "-", keys: 0, arc: 0 });
  const parts = [
    `${state.nodes.length} node${state.nodes.length === 1 ? "" : "s"} (${state.nodes.join(", ")}) with ${state.virtualNodes} virtual node${
      state.virtualNodes === 1 ? "" : "s"
    } each hold ${KEYS.length} keys.`,
    `Largest: node ${largest.node} with ${largest.keys} keys, ${(largest.keys / mean).toFixed(2)} times the mean of ${mean.toFixed(1)}.`,
  ];
  if (state.last) {
    const moved = state.last.movedOnRing.length;
    parts.push(
      `${state.last.description} On the ring ${moved} of ${KEYS.length} keys moved (${percent(moved, KEYS.length)}); with hash mod N, ${
        state.last.movedWithModulo
      } would have moved (${percent(state.last.movedWithModulo, KEYS.length)}).`,
    );
  }
  return parts.join(" ");
}
