// solution-canary:consistent-hashing (tests/e2e/bundle.spec.ts: this string must never reach a browser)
import { murmur3_32 } from "./support";

interface VirtualNode {
  position: number;
  owner: string;
  index: number;
}

/**
 * A consistent hash ring. Each node contributes virtualNodes x weight points at
 * hash(`${id}#${i}`); the points are kept sorted, so a lookup is a binary search for the
 * first point at or after hash(key), wrapping to the first point past the top.
 */
export class HashRing {
  private readonly virtualNodes: number;
  private readonly hash: (s: string) => number;
  /** Node id -> its virtual nodes. A Map keeps insertion order, and set() on an existing key keeps its place. */
  private readonly members = new Map<string, VirtualNode[]>();
  private ring: VirtualNode[] = [];
  private stale = false;

  constructor(opts?: { virtualNodes?: number; hash?: (s: string) => number }) {
    this.virtualNodes = opts?.virtualNodes ?? 160;
    this.hash = opts?.hash ?? murmur3_32;
  }

  addNode(id: string, weight = 1): void {
    const count = Math.max(0, Math.round(this.virtualNodes * weight));
    const points: VirtualNode[] = [];
    for (let i = 0; i < count; i++) points.push({ position: this.hash(`${id}#${i}`), owner: id, index: i });
    this.members.set(id, points);
    this.stale = true;
  }

  removeNode(id: string): void {
    if (this.members.delete(id)) this.stale = true;
  }

  getNode(key: string): string {
    const ring = this.sorted();
    if (ring.length === 0) throw new Error("getNode on an empty ring");
    return ring[this.firstAtOrAfter(this.hash(key))]!.owner;
  }

  getNodes(key: string, n: number): string[] {
    const ring = this.sorted();
    const wanted = Math.min(n, this.members.size);
    const found: string[] = [];
    if (wanted <= 0 || ring.length === 0) return found;
    const start = this.firstAtOrAfter(this.hash(key));
    for (let step = 0; step < ring.length && found.length < wanted; step++) {
      const owner = ring[(start + step) % ring.length]!.owner;
      if (!found.includes(owner)) found.push(owner);
    }
    return found;
  }

  get nodes(): string[] {
    return [...this.members.keys()];
  }

  /** Index of the first virtual node at or after `position`, wrapping to 0. */
  private firstAtOrAfter(position: number): number {
    const ring = this.ring;
    let low = 0;
    let high = ring.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ring[middle]!.position < position) low = middle + 1;
      else high = middle;
    }
    return low === ring.length ? 0 : low;
  }

  /** Rebuilds the sorted ring after membership changed (ties broken by id, then index). */
  private sorted(): VirtualNode[] {
    if (this.stale) {
      this.ring = [...this.members.values()].flat();
      this.ring.sort((a, b) => a.position - b.position || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : a.index - b.index));
      this.stale = false;
    }
    return this.ring;
  }
}
