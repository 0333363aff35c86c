/**
 * A B+ tree. Values live only in the leaves, which are linked left to right;
 * inner nodes hold separator keys. `order` is the most children an inner node
 * may have; a leaf holds at most order - 1 keys. Split full nodes on insert.
 */
export class BPlusTree<K, V> {
  private readonly order: number;
  private readonly compare: (a: K, b: K) => number;

  constructor(opts: { order: number; compare?: (a: K, b: K) => number }) {
    this.order = opts.order;
    this.compare = opts.compare ?? ((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  get size(): number {
    return 0;
  }

  /** 1 for a lone leaf; one more for each level of inner nodes above it. */
  get height(): number {
    return 1;
  }

  /** Inserts, or replaces the value of an existing key. */
  insert(key: K, value: V): void {
    void key;
    void value;
    void this.order;
  }

  get(key: K): V | undefined {
    void key;
    return undefined;
  }

  /** true if the key was there. */
  delete(key: K): boolean {
    void key;
    return false;
  }

  /** Every entry with lo <= key <= hi, ascending; [] when lo > hi. Walk the linked leaves. */
  range(lo: K, hi: K): Array<[K, V]> {
    void this.compare(lo, hi);
    return [];
  }
}
