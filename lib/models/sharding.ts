// The sharding lesson's model, as pure functions: 24 user keys placed on shards by
// hash (murmur3 % N), by range (sorted bounds, split the busiest range to grow) or by
// directory (an explicit table, rebalanced by moving as few keys as possible). Every
// action returns a new state; nothing here is random, so the same clicks give the
// same picture.

import { murmur3_32 } from "@/lib/hash/hashes";

export type Scheme = "hash" | "range" | "directory";

export const SCHEMES: ReadonlyArray<{ id: Scheme; title: string }> = [
  { id: "hash", title: "Hash: murmur3(key) % N" },
  { id: "range", title: "Range: sorted bounds" },
  { id: "directory", title: "Directory: lookup table" },
];

/** The keys in the model, already in sorted (JS string) order. */
export const KEYS: readonly string[] = [
  "ada", "bea", "cai", "dev", "eli", "fay", "gus", "hal", "ivy", "jon", "kai", "lea",
  "max", "nia", "oli", "pia", "quin", "rae", "sol", "tia", "uma", "vic", "wes", "zoe",
];

export const MIN_SHARDS = 2;
export const MAX_SHARDS = 8;
export const START_SHARDS = 3;
/** The hot key's weight: the other 23 keys weigh 1 each, so it carries about a third of the load. */
export const HOT_WEIGHT = 12;

export interface ShardingState {
  scheme: Scheme;
  shardCount: number;
  /** Range scheme: sorted exclusive upper bounds, shardCount - 1 of them. */
  bounds: string[];
  /** Directory scheme: key -> shard. */
  directory: Record<string, number>;
  /** The key that receives HOT_WEIGHT times the traffic, or null. */
  hotKey: string | null;
  /** Keys whose shard changed in the last action, and a short note on what happened. */
  moved: string[];
  note: string;
}

export function hashShard(key: string, shardCount: number): number {
  return murmur3_32(key) % shardCount;
}

/** The first bound above the key, found by binary search; n bounds make n + 1 shards. */
export function rangeShard(bounds: readonly string[], key: string): number {
  let low = 0;
  let high = bounds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key < (bounds[middle] ?? "")) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Bounds that cut the sorted keys into `shards` runs of nearly equal length. */
export function evenBounds(shards: number): string[] {
  const bounds: string[] = [];
  for (let s = 1; s < shards; s++) bounds.push(KEYS[Math.round((s * KEYS.length) / shards)] ?? "zzz");
  return bounds;
}

/** The directory starts as an even split of the sorted keys. */
function evenDirectory(shards: number): Record<string, number> {
  const directory: Record<string, number> = {};
  KEYS.forEach((key, i) => {
    directory[key] = Math.min(shards - 1, Math.floor((i * shards) / KEYS.length));
  });
  return directory;
}

export function createSharding(scheme: Scheme = "hash", hotKey: string | null = null): ShardingState {
  return {
    scheme,
    shardCount: START_SHARDS,
    bounds: evenBounds(START_SHARDS),
    directory: evenDirectory(START_SHARDS),
    hotKey,
    moved: [],
    note: "Add a shard to see which keys move, or make one key hot.",
  };
}

export function shardOf(state: ShardingState, key: string): number {
  if (state.scheme === "hash") return hashShard(key, state.shardCount);
  if (state.scheme === "range") return rangeShard(state.bounds, key);
  return state.directory[key] ?? 0;
}

export function weightOf(state: ShardingState, key: string): number {
  return key === state.hotKey ? HOT_WEIGHT : 1;
}

export interface ShardView {
  index: number;
  keys: string[];
  /** Share of all traffic, 0..1. */
  load: number;
  /** Range scheme: the keys this shard covers, as text. */
  range?: string;
}

export function shards(state: ShardingState): ShardView[] {
  const views: ShardView[] = Array.from({ length: state.shardCount }, (_, index) => ({ index, keys: [], load: 0 }));
  let total = 0;
  for (const key of KEYS) {
    const view = views[shardOf(state, key)];
    if (!view) continue;
    view.keys.push(key);
    view.load += weightOf(state, key);
    total += weightOf(state, key);
  }
  for (const view of views) {
    view.load = total === 0 ? 0 : view.load / total;
    if (state.scheme === "range") {
      const lower = view.index === 0 ? undefined : state.bounds[view.index - 1];
      const upper = state.bounds[view.index];
      view.range = lower === undefined ? `below "${upper ?? ""}"` : upper === undefined ? `"${lower}" and up` : `"${lower}" to "${upper}"`;
      if (lower === undefined && upper === undefined) view.range = "every key";
    }
  }
  return views;
}

function placement(state: ShardingState): Map<string, number> {
  return new Map(KEYS.map((key) => [key, shardOf(state, key)]));
}

function movedBetween(before: ShardingState, after: ShardingState): string[] {
  const old = placement(before);
  return KEYS.filter((key) => old.get(key) !== shardOf(after, key));
}

export function setScheme(state: ShardingState, scheme: Scheme): ShardingState {
  if (scheme === state.scheme) return state;
  const next = createSharding(scheme, state.hotKey);
  return { ...next, note: `Switched to ${scheme} sharding: ${KEYS.length} keys on ${START_SHARDS} shards.` };
}

export function setHotKey(state: ShardingState, hotKey: string | null): ShardingState {
  const key = hotKey !== null && KEYS.includes(hotKey) ? hotKey : null;
  const note = key === null ? "Traffic is spread evenly over the keys again." : `${key} is now a celebrity: it gets ${HOT_WEIGHT} times the traffic of any other key.`;
  return { ...state, hotKey: key, moved: [], note };
}

/**
 * Grows the cluster by one shard the way each scheme does it: hash changes the
 * modulus; range splits the busiest shard at its median key; directory adds an empty
 * shard and moves keys into it one at a time from the largest shard.
 */
export function addShard(state: ShardingState): ShardingState {
  if (state.shardCount >= MAX_SHARDS) return { ...state, moved: [], note: `This model stops at ${MAX_SHARDS} shards.` };
  if (state.scheme === "hash") {
    const next = { ...state, shardCount: state.shardCount + 1 };
    const moved = movedBetween(state, next);
    return { ...next, moved, note: `Modulus ${state.shardCount} became ${next.shardCount}: ${moved.length} of ${KEYS.length} keys changed shard.` };
  }
  if (state.scheme === "range") {
    const views = shards(state);
    const busiest = [...views].sort((a, b) => b.load - a.load || b.keys.length - a.keys.length || a.index - b.index)[0];
    if (!busiest || busiest.keys.length < 2) {
      return { ...state, moved: [], note: "The busiest shard holds a single key; a range split cannot divide one key." };
    }
    const at = busiest.keys[Math.floor(busiest.keys.length / 2)] ?? "";
    const bounds = [...state.bounds];
    bounds.splice(busiest.index, 0, at);
    const next = { ...state, bounds, shardCount: state.shardCount + 1 };
    const movedKeys = busiest.keys.filter((key) => key >= at);
    return {
      ...next,
      moved: movedKeys,
      note: `Split shard ${busiest.index} at "${at}": ${movedKeys.length} keys moved to the new shard ${busiest.index + 1}; later shards were renumbered, their data stayed put.`,
    };
  }
  const newShard = state.shardCount;
  const shardCount = state.shardCount + 1;
  const directory = { ...state.directory };
  const target = Math.floor(KEYS.length / shardCount);
  const moved: string[] = [];
  while (moved.length < target) {
    const sizes = Array.from({ length: shardCount }, () => 0);
    for (const key of KEYS) sizes[directory[key] ?? 0]!++;
    let largest = 0;
    for (let s = 1; s < newShard; s++) if ((sizes[s] ?? 0) > (sizes[largest] ?? 0)) largest = s;
    const candidate = [...KEYS].reverse().find((key) => directory[key] === largest);
    if (!candidate) break;
    directory[candidate] = newShard;
    moved.push(candidate);
  }
  return { ...state, directory, shardCount, moved, note: `Added shard ${newShard} and moved ${moved.length} keys into it by editing ${moved.length} directory rows.` };
}

export function describe(state: ShardingState): string {
  const views = shards(state);
  const sizes = views.map((view) => view.keys.length).join(", ");
  const scheme = state.scheme === "hash" ? `Hash sharding, murmur3 modulo ${state.shardCount}` : state.scheme === "range" ? "Range sharding" : "Directory sharding";
  let text = `${scheme}: ${KEYS.length} keys on ${state.shardCount} shards, holding ${sizes} keys. ${state.note}`;
  if (state.hotKey !== null) {
    const hot = views.find((view) => view.keys.includes(state.hotKey ?? ""));
    if (hot) text += ` The hot key ${state.hotKey} puts ${Math.round(hot.load * 100)}% of all traffic on shard ${hot.index}.`;
  }
  return text;
}
