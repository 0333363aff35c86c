// solution-canary:bloom-filter (tests/e2e/bundle.spec.ts: this string must never reach a browser)
import { fnv1a32, murmur3_32 } from "./support";

/** m = ceil(-n ln p / (ln 2)^2) bits and k = max(1, round(m/n ln 2)) hashes. */
export function optimalParameters(n: number, p: number): { bits: number; hashes: number } {
  if (!(n >= 1) || !(p > 0 && p < 1)) throw new RangeError(`need n >= 1 and 0 < p < 1, got n=${n}, p=${p}`);
  const bits = Math.ceil((-n * Math.log(p)) / (Math.LN2 * Math.LN2));
  const hashes = Math.max(1, Math.round((bits / n) * Math.LN2));
  return { bits, hashes };
}

/** The k probe positions of `item` in m slots: g_i = (h1 + i * h2) mod m (Kirsch-Mitzenmacher). */
function probes(item: string, m: number, k: number): number[] {
  const h1 = murmur3_32(item);
  const h2 = (fnv1a32(item) | 1) >>> 0; // odd, so the step is never 0
  const out = new Array<number>(k);
  for (let i = 0; i < k; i++) out[i] = (h1 + i * h2) % m;
  return out;
}

function falsePositiveRate(k: number, inserted: number, m: number): number {
  return Math.pow(1 - Math.exp((-k * inserted) / m), k);
}

export class BloomFilter {
  readonly bitCount: number;
  readonly hashCount: number;
  private readonly bits: Uint8Array;
  private inserted = 0;

  constructor(opts: { expectedItems: number; falsePositiveRate: number }) {
    const { bits, hashes } = optimalParameters(opts.expectedItems, opts.falsePositiveRate);
    this.bitCount = bits;
    this.hashCount = hashes;
    this.bits = new Uint8Array(Math.ceil(bits / 8));
  }

  add(item: string): void {
    for (const at of probes(item, this.bitCount, this.hashCount)) this.bits[at >>> 3]! |= 1 << (at & 7);
    this.inserted++;
  }

  mightContain(item: string): boolean {
    for (const at of probes(item, this.bitCount, this.hashCount)) {
      if ((this.bits[at >>> 3]! & (1 << (at & 7))) === 0) return false;
    }
    return true;
  }

  expectedFalsePositiveRate(): number {
    return falsePositiveRate(this.hashCount, this.inserted, this.bitCount);
  }
}

/** A Bloom filter with a counter per slot instead of a bit, so items can be removed. */
export class CountingBloomFilter {
  readonly bitCount: number;
  readonly hashCount: number;
  private readonly counters: Uint32Array;
  private inserted = 0;

  constructor(opts: { expectedItems: number; falsePositiveRate: number }) {
    const { bits, hashes } = optimalParameters(opts.expectedItems, opts.falsePositiveRate);
    this.bitCount = bits;
    this.hashCount = hashes;
    this.counters = new Uint32Array(bits);
  }

  add(item: string): void {
    for (const at of probes(item, this.bitCount, this.hashCount)) this.counters[at]!++;
    this.inserted++;
  }

  mightContain(item: string): boolean {
    return probes(item, this.bitCount, this.hashCount).every((at) => this.counters[at]! > 0);
  }

  remove(item: string): boolean {
    const hits = new Map<number, number>();
    for (const at of probes(item, this.bitCount, this.hashCount)) hits.set(at, (hits.get(at) ?? 0) + 1);
    for (const [at, count] of hits) if (this.counters[at]! < count) return false;
    for (const [at, count] of hits) this.counters[at]! -= count;
    this.inserted--;
    return true;
  }

  expectedFalsePositiveRate(): number {
    return falsePositiveRate(this.hashCount, this.inserted, this.bitCount);
  }
}
