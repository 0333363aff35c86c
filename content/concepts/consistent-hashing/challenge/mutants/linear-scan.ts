// Mutant: finds the owner by scanning every virtual node, O(V) per lookup instead of a binary search.
import { murmur3_32 } from "./support";

export class HashRing {
  private readonly virtualNodes: number;
  private readonly hash: (s: string) => number;
  private readonly members = new Map<string, Array<{ position: number; owner: string }>>();

  constructor(opts?: { virtualNodes?: number; hash?: (s: string) => number }) {
    this.virtualNodes = opts?.virtualNodes ?? 160;
    this.hash = opts?.hash ?? murmur3_32;
  }

  addNode(id: string, weight = 1): void {
    const points: Array<{ position: number; owner: string }> = [];
    for (let i = 0; i < Math.round(this.virtualNodes * weight); i++) points.push({ position: this.hash(`${id}#${i}`), owner: id });
    this.members.set(id, points);
  }

  removeNode(id: string): void {
    this.members.delete(id);
  }

  /** All points, sorted; recomputed lazily only when someone asks for a replica set. */
  private sortedPoints(): Array<{ position: number; owner: string }> {
    return [...this.members.values()].flat().sort((a, b) => a.position - b.position || (a.owner < b.owner ? -1 : 1));
  }

  getNode(key: string): string {
    const h = this.hash(key);
    let best: { position: number; owner: string } | undefined;
    let lowest: { position: number; owner: string } | undefined;
    for (const points of this.members.values()) {
      for (const point of points) {
        if (!lowest || point.position < lowest.position) lowest = point;
        if (point.position >= h && (!best || point.position < best.position)) best = point;
      }
    }
    const owner = (best ?? lowest)?.owner;
    if (owner === undefined) throw new Error("empty ring");
    return owner;
  }

  getNodes(key: string, n: number): string[] {
    const points = this.sortedPoints();
    const wanted = Math.min(n, this.members.size);
    if (wanted <= 0 || points.length === 0) return [];
    const h = this.hash(key);
    let start = points.findIndex((point) => point.position >= h);
    if (start < 0) start = 0;
    const found: string[] = [];
    for (let step = 0; step < points.length && found.length < wanted; step++) {
      const owner = points[(start + step) % points.length]!.owner;
      if (!found.includes(owner)) found.push(owner);
    }
    return found;
  }

  get nodes(): string[] {
    return [...this.members.keys()];
  }
}
