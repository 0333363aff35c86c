// Mutant: hashes keys modulo the node count, which is simple and balanced but moves almost every key when a node joins.
import { murmur3_32 } from "./support";

export class HashRing {
  private readonly hash: (s: string) => number;
  private readonly weights = new Map<string, number>();

  constructor(opts?: { virtualNodes?: number; hash?: (s: string) => number }) {
    this.hash = opts?.hash ?? murmur3_32;
  }

  addNode(id: string, weight = 1): void {
    this.weights.set(id, weight);
  }

  removeNode(id: string): void {
    this.weights.delete(id);
  }

  getNode(key: string): string {
    const ids = this.nodes;
    if (ids.length === 0) throw new Error("empty ring");
    return ids[this.hash(key) % ids.length]!;
  }

  getNodes(key: string, n: number): string[] {
    const ids = this.nodes;
    if (ids.length === 0 || n <= 0) return [];
    const start = this.hash(key) % ids.length;
    const out: string[] = [];
    for (let i = 0; i < Math.min(n, ids.length); i++) out.push(ids[(start + i) % ids.length]!);
    return out;
  }

  get nodes(): string[] {
    return [...this.weights.keys()];
  }
}
