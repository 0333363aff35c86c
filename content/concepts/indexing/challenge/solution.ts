// solution-canary:indexing (tests/e2e/bundle.spec.ts: this string must never reach a browser)
interface Leaf<K, V> {
  kind: "leaf";
  keys: K[];
  values: V[];
  /** The next leaf to the right: range scans walk this chain. */
  next: Leaf<K, V> | null;
}

interface Inner<K, V> {
  kind: "inner";
  /** keys[i] is the smallest key under children[i + 1]. */
  keys: K[];
  children: Array<Node<K, V>>;
}

type Node<K, V> = Leaf<K, V> | Inner<K, V>;

interface Split<K, V> {
  separator: K;
  right: Node<K, V>;
}

function defaultCompare<K>(a: K, b: K): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Plain loops instead of splice: shifting a few slots by hand is cheap and predictable.
function insertAt<T>(items: T[], index: number, item: T): void {
  items.push(item);
  for (let i = items.length - 1; i > index; i--) items[i] = items[i - 1]!;
  items[index] = item;
}

function removeAt<T>(items: T[], index: number): void {
  for (let i = index; i < items.length - 1; i++) items[i] = items[i + 1]!;
  items.pop();
}

/** Moves items[from..] into a new array and truncates items to `from`. */
function cutFrom<T>(items: T[], from: number): T[] {
  const moved: T[] = [];
  for (let i = from; i < items.length; i++) moved.push(items[i]!);
  items.length = from;
  return moved;
}

/**
 * A B+ tree: values live only in the leaves, which are linked left to right;
 * inner nodes hold separator keys that route a search. Full nodes split on the
 * way back up from an insert. Deletes remove the key from its leaf and do not
 * merge under-full nodes.
 */
export class BPlusTree<K, V> {
  private root: Node<K, V> = { kind: "leaf", keys: [], values: [], next: null };
  private readonly order: number;
  private readonly compare: (a: K, b: K) => number;
  private count = 0;
  private levels = 1;

  constructor(opts: { order: number; compare?: (a: K, b: K) => number }) {
    if (!Number.isInteger(opts.order) || opts.order < 3) throw new RangeError("order must be an integer >= 3");
    this.order = opts.order;
    this.compare = opts.compare ?? defaultCompare;
  }

  get size(): number {
    return this.count;
  }

  get height(): number {
    return this.levels;
  }

  insert(key: K, value: V): void {
    const split = this.insertInto(this.root, key, value);
    if (split) {
      this.root = { kind: "inner", keys: [split.separator], children: [this.root, split.right] };
      this.levels++;
    }
  }

  get(key: K): V | undefined {
    const leaf = this.findLeaf(key);
    const i = this.lowerBound(leaf.keys, key);
    return i < leaf.keys.length && this.compare(leaf.keys[i]!, key) === 0 ? leaf.values[i] : undefined;
  }

  delete(key: K): boolean {
    const leaf = this.findLeaf(key);
    const i = this.lowerBound(leaf.keys, key);
    if (i >= leaf.keys.length || this.compare(leaf.keys[i]!, key) !== 0) return false;
    removeAt(leaf.keys, i);
    removeAt(leaf.values, i);
    this.count--;
    return true;
  }

  range(lo: K, hi: K): Array<[K, V]> {
    const out: Array<[K, V]> = [];
    if (this.compare(lo, hi) > 0) return out;
    let leaf: Leaf<K, V> | null = this.findLeaf(lo);
    let i = this.lowerBound(leaf.keys, lo);
    while (leaf) {
      for (; i < leaf.keys.length; i++) {
        const key = leaf.keys[i]!;
        if (this.compare(key, hi) > 0) return out;
        out.push([key, leaf.values[i]!]);
      }
      leaf = leaf.next;
      i = 0;
    }
    return out;
  }

  /** First index whose key is >= key. */
  private lowerBound(keys: K[], key: K): number {
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(keys[middle]!, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The child to follow: the first separator above the key marks it; equal keys go right. */
  private childIndex(node: Inner<K, V>, key: K): number {
    let low = 0;
    let high = node.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(key, node.keys[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private findLeaf(key: K): Leaf<K, V> {
    let node = this.root;
    while (node.kind === "inner") node = node.children[this.childIndex(node, key)]!;
    return node;
  }

  private insertInto(node: Node<K, V>, key: K, value: V): Split<K, V> | null {
    if (node.kind === "leaf") {
      const i = this.lowerBound(node.keys, key);
      if (i < node.keys.length && this.compare(node.keys[i]!, key) === 0) {
        node.values[i] = value;
        return null;
      }
      insertAt(node.keys, i, key);
      insertAt(node.values, i, value);
      this.count++;
      if (node.keys.length <= this.order - 1) return null;
      // Overfull by one: the right half moves to a new leaf, linked after this one.
      const middle = Math.floor(node.keys.length / 2);
      const right: Leaf<K, V> = {
        kind: "leaf",
        keys: cutFrom(node.keys, middle),
        values: cutFrom(node.values, middle),
        next: node.next,
      };
      node.next = right;
      return { separator: right.keys[0]!, right };
    }
    const at = this.childIndex(node, key);
    const split = this.insertInto(node.children[at]!, key, value);
    if (!split) return null;
    insertAt(node.keys, at, split.separator);
    insertAt(node.children, at + 1, split.right);
    if (node.children.length <= this.order) return null;
    // order + 1 children: keep the larger half, move the rest, push one separator up.
    const keepChildren = Math.ceil(node.children.length / 2);
    const separator = node.keys[keepChildren - 1]!;
    const right: Inner<K, V> = {
      kind: "inner",
      keys: cutFrom(node.keys, keepChildren),
      children: cutFrom(node.children, keepChildren),
    };
    node.keys.length = keepChildren - 1;
    return { separator, right };
  }
}
