import { seededRandom } from "@/lib/random/seeded-random";
// The indexing lesson's model, as pure functions: a small B+ tree of numbers that
// can be rebuilt at another order, with a trace of the pages a lookup or a range scan
// touches. Every action copies the tree (it has a few dozen keys at most) and returns
// the copy, so React can hold snapshots in state and the same clicks give the same tree.

export const ORDERS: readonly number[] = [3, 4, 5, 6];
export const KEY_MIN = 1;
export const KEY_MAX = 99;

export interface LeafNode {
  kind: "leaf";
  id: number;
  keys: number[];
}

export interface InnerNode {
  kind: "inner";
  id: number;
  keys: number[];
  children: TreeNode[];
}

export type TreeNode = LeafNode | InnerNode;

export interface Tree {
  order: number;
  root: TreeNode;
  size: number;
  nextId: number;
}

export interface Trace {
  kind: "search" | "range" | "insert" | "delete";
  /** Node ids on the way down, root first. */
  path: number[];
  /** Range scans: ids of the leaves walked, in order. */
  walked: number[];
  /** Keys found (search: [key] or []; range: the keys in range). */
  found: number[];
  /** Insert: whether the insert split at least one node. */
  splits: number;
}

export function emptyTree(order: number): Tree {
  return { order, root: { kind: "leaf", id: 0, keys: [] }, size: 0, nextId: 1 };
}

function clone(node: TreeNode): TreeNode {
  return node.kind === "leaf" ? { ...node, keys: [...node.keys] } : { ...node, keys: [...node.keys], children: node.children.map(clone) };
}

function childIndex(node: InnerNode, key: number): number {
  let i = 0;
  while (i < node.keys.length && key >= (node.keys[i] ?? Infinity)) i++;
  return i;
}

function lowerBound(keys: number[], key: number): number {
  let i = 0;
  while (i < keys.length && (keys[i] ?? Infinity) < key) i++;
  return i;
}

export function height(tree: Tree): number {
  return levels(tree).length;
}

/** Levels of the tree, root first, each level left to right. */
export function levels(tree: Tree): TreeNode[][] {
  const out: TreeNode[][] = [];
  let level: TreeNode[] = [tree.root];
  while (level.length > 0) {
    out.push(level);
    const next: TreeNode[] = [];
    for (const node of level) if (node.kind === "inner") next.push(...node.children);
    level = next;
  }
  return out;
}

export function leaves(tree: Tree): LeafNode[] {
  const all = levels(tree);
  return (all[all.length - 1] ?? []).filter((node): node is LeafNode => node.kind === "leaf");
}

function pathTo(tree: Tree, key: number): { path: number[]; leaf: LeafNode } {
  const path: number[] = [];
  let node = tree.root;
  while (node.kind === "inner") {
    path.push(node.id);
    node = node.children[childIndex(node, key)] ?? node.children[0]!;
  }
  path.push(node.id);
  return { path, leaf: node };
}

export function has(tree: Tree, key: number): boolean {
  return pathTo(tree, key).leaf.keys.includes(key);
}

/** Inserts a key (a no-op if present) and reports how many nodes split. */
export function insert(tree: Tree, key: number): { tree: Tree; trace: Trace } {
  const next: Tree = { ...tree, root: clone(tree.root) };
  const path: number[] = [];
  let splits = 0;
  let inserted = false;
  const newId = () => next.nextId++;

  const into = (node: TreeNode): { separator: number; right: TreeNode } | null => {
    path.push(node.id);
    if (node.kind === "leaf") {
      const i = lowerBound(node.keys, key);
      if (node.keys[i] === key) return null;
      node.keys.splice(i, 0, key);
      inserted = true;
      if (node.keys.length <= next.order - 1) return null;
      splits++;
      const middle = Math.floor(node.keys.length / 2);
      const right: LeafNode = { kind: "leaf", id: newId(), keys: node.keys.splice(middle) };
      return { separator: right.keys[0] ?? key, right };
    }
    const at = childIndex(node, key);
    const child = node.children[at];
    if (!child) return null;
    const split = into(child);
    if (!split) return null;
    node.keys.splice(at, 0, split.separator);
    node.children.splice(at + 1, 0, split.right);
    if (node.children.length <= next.order) return null;
    splits++;
    const keep = Math.ceil(node.children.length / 2);
    const separator = node.keys[keep - 1] ?? split.separator;
    const right: InnerNode = { kind: "inner", id: newId(), keys: node.keys.splice(keep), children: node.children.splice(keep) };
    node.keys.length = keep - 1;
    return { separator, right };
  };

  const split = into(next.root);
  if (split) next.root = { kind: "inner", id: newId(), keys: [split.separator], children: [next.root, split.right] };
  if (inserted) next.size++;
  return { tree: next, trace: { kind: "insert", path, walked: [], found: inserted ? [key] : [], splits } };
}

/** Removes a key from its leaf; like many real engines, under-full nodes are left as they are. */
export function remove(tree: Tree, key: number): { tree: Tree; trace: Trace } {
  const next: Tree = { ...tree, root: clone(tree.root) };
  const { path, leaf } = pathTo(next, key);
  const i = leaf.keys.indexOf(key);
  if (i >= 0) {
    leaf.keys.splice(i, 1);
    next.size--;
  }
  return { tree: next, trace: { kind: "delete", path, walked: [], found: i >= 0 ? [key] : [], splits: 0 } };
}

export function search(tree: Tree, key: number): Trace {
  const { path, leaf } = pathTo(tree, key);
  return { kind: "search", path, walked: [], found: leaf.keys.includes(key) ? [key] : [], splits: 0 };
}

/** Descends once to the leaf for lo, then walks the leaf list until a key passes hi. */
export function rangeScan(tree: Tree, lo: number, hi: number): Trace {
  if (lo > hi) return { kind: "range", path: [], walked: [], found: [], splits: 0 };
  const { path } = pathTo(tree, lo);
  const list = leaves(tree);
  const start = list.findIndex((leaf) => leaf.id === path[path.length - 1]);
  const walked: number[] = [];
  const found: number[] = [];
  for (let i = Math.max(0, start); i < list.length; i++) {
    const leaf = list[i]!;
    walked.push(leaf.id);
    let done = false;
    for (const key of leaf.keys) {
      if (key > hi) {
        done = true;
        break;
      }
      if (key >= lo) found.push(key);
    }
    if (done) break;
  }
  return { kind: "range", path, walked, found, splits: 0 };
}

/** A deterministic stream of keys in [KEY_MIN, KEY_MAX] (mulberry32). */
export function keyStream(seed: number): () => number {
  const random = seededRandom(seed);
  return () => {
    const unit = random();
    return KEY_MIN + Math.floor(unit * (KEY_MAX - KEY_MIN + 1));
  };
}

/** Every key in the tree, ascending. */
export function keysOf(tree: Tree): number[] {
  return leaves(tree).flatMap((leaf) => leaf.keys);
}

export function build(order: number, keys: readonly number[]): Tree {
  let tree = emptyTree(order);
  for (const key of keys) tree = insert(tree, key).tree;
  return tree;
}

export function describe(tree: Tree, trace: Trace | null): string {
  const h = height(tree);
  const base = `B+ tree of order ${tree.order} with ${tree.size} keys in ${leaves(tree).length} leaves; height ${h}, so a lookup reads ${h} page${h === 1 ? "" : "s"}.`;
  if (!trace) return base;
  const pages = trace.path.length;
  switch (trace.kind) {
    case "search":
      return `${base} Search for ${trace.found[0] ?? "the key"} read ${pages} pages from root to leaf and ${trace.found.length > 0 ? "found it" : "did not find it"}.`;
    case "insert":
      return trace.found.length === 0
        ? `${base} That key was already in the tree.`
        : `${base} Inserted ${trace.found[0]} after reading ${pages} pages${trace.splits > 0 ? `; ${trace.splits} node${trace.splits === 1 ? "" : "s"} split on the way back up` : "; no node overflowed"}.`;
    case "delete":
      return trace.found.length === 0 ? `${base} That key was not in the tree.` : `${base} Deleted ${trace.found[0]} from its leaf; nodes may stay under-full.`;
    case "range":
      return trace.path.length === 0
        ? `${base} The range is empty: its low end is above its high end.`
        : `${base} The range scan descended ${pages} pages once, then walked ${trace.walked.length} linked leaves and returned ${trace.found.length} key${trace.found.length === 1 ? "" : "s"}${trace.found.length > 0 ? `: ${trace.found.join(", ")}` : ""}.`;
  }
}

// ---- scale: height and page counts for a real table --------------------------------

export const ROW_COUNTS: readonly number[] = [1_000, 100_000, 1_000_000, 100_000_000, 1_000_000_000];
export const FANOUTS: readonly number[] = [50, 100, 200, 400];
export const PAGE_BYTES = 8192;
export const ROW_BYTES = 200;

export interface ScaleEstimate {
  rows: number;
  fanout: number;
  /** Pages per level, leaves first. */
  levelPages: number[];
  height: number;
  /** Pages above the leaves: small enough to stay in memory. */
  upperPages: number;
  /** Pages a full scan of the table reads. */
  tablePages: number;
  /** Pages one lookup reads: one per level, plus the table page holding the row. */
  lookupPages: number;
}

/** How tall a B+ tree over `rows` keys with `fanout` entries per page is, and what a lookup and a scan cost in pages. */
export function scaleUp(rows: number, fanout: number): ScaleEstimate {
  const levelPages = [Math.max(1, Math.ceil(rows / fanout))];
  while ((levelPages[levelPages.length - 1] ?? 1) > 1) levelPages.push(Math.ceil((levelPages[levelPages.length - 1] ?? 1) / fanout));
  const upperPages = levelPages.slice(1).reduce((sum, pages) => sum + pages, 0);
  const tablePages = Math.max(1, Math.ceil((rows * ROW_BYTES) / PAGE_BYTES));
  return { rows, fanout, levelPages, height: levelPages.length, upperPages, tablePages, lookupPages: levelPages.length + 1 };
}

function bytes(pages: number): string {
  const value = pages * PAGE_BYTES;
  if (value >= 1e9) return `${(value / 1e9).toFixed(1)} GB`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)} MB`;
  return `${Math.round(value / 1e3)} KB`;
}

export function describeScale(estimate: ScaleEstimate): string {
  const { rows, fanout, levelPages, height, upperPages, tablePages, lookupPages } = estimate;
  const leaves = levelPages[0] ?? 1;
  const upper = upperPages === 0 ? "There is no level above the leaves." : `The ${upperPages.toLocaleString("en-US")} pages above the leaves take ${bytes(upperPages)} and usually stay cached.`;
  return `${rows.toLocaleString("en-US")} rows with ${fanout} entries per 8 KB page: ${leaves.toLocaleString("en-US")} leaf pages and height ${height}. ${upper} A lookup reads ${lookupPages} pages (${height} in the index, 1 in the table); a full scan reads ${tablePages.toLocaleString("en-US")} table pages, ${Math.round(tablePages / lookupPages).toLocaleString("en-US")} times as many.`;
}
