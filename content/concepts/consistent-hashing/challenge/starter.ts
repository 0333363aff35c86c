import { murmur3_32 } from "./support";

/**
 * A consistent hash ring.
 * - Virtual node i of node `id` sits at hash(`${id}#${i}`); a node has virtualNodes x weight of them.
 * - A key belongs to the first virtual node at or after hash(key), wrapping past the top.
 * - Lookups are O(log V): keep the positions sorted and binary search them.
 */
export class HashRing {
  private readonly virtualNodes: number;
  private readonly hash: (s: string) => number;
  private readonly members: string[] = [];

  constructor(opts?: { virtualNodes?: number; hash?: (s: string) => number }) {
    this.virtualNodes = opts?.virtualNodes ?? 160;
    this.hash = opts?.hash ?? murmur3_32;
  }

  addNode(id: string, weight = 1): void {
    void weight;
    if (!this.members.includes(id)) this.members.push(id);
  }

  removeNode(id: string): void {
    const index = this.members.indexOf(id);
    if (index >= 0) this.members.splice(index, 1);
  }

  /** Throws an Error on an empty ring. */
  getNode(key: string): string {
    // Modulo hashing: simple, and it moves almost every key when a node joins. Replace it.
    if (this.members.length === 0) throw new Error("the ring is empty");
    return this.members[this.hash(key) % this.members.length]!;
  }

  /** Up to n distinct physical nodes, walking clockwise from the key. */
  getNodes(key: string, n: number): string[] {
    void key;
    void n;
    return [];
  }

  get nodes(): string[] {
    return [...this.members];
  }
}
