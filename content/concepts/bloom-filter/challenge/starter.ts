// The two independent hashes for double hashing are in ./support: murmur3_32 and fnv1a32.

/** bits = ceil(-n ln p / (ln 2)^2), hashes = max(1, round(bits / n * ln 2)). */
export function optimalParameters(n: number, p: number): { bits: number; hashes: number } {
  void n;
  void p;
  return { bits: 1, hashes: 1 };
}

export class BloomFilter {
  readonly bitCount: number = 1;
  readonly hashCount: number = 1;

  constructor(opts: { expectedItems: number; falsePositiveRate: number }) {
    void opts;
  }

  add(item: string): void {
    void item;
  }

  mightContain(item: string): boolean {
    void item;
    return false;
  }

  /** (1 - e^(-k * inserted / m))^k */
  expectedFalsePositiveRate(): number {
    return 0;
  }
}

/** Same as BloomFilter, with a counter per slot so that remove() is possible. */
export class CountingBloomFilter {
  readonly bitCount: number = 1;
  readonly hashCount: number = 1;

  constructor(opts: { expectedItems: number; falsePositiveRate: number }) {
    void opts;
  }

  add(item: string): void {
    void item;
  }

  mightContain(item: string): boolean {
    void item;
    return false;
  }

  /** false (and no change) unless every counter covers the probes that land on it. */
  remove(item: string): boolean {
    void item;
    return false;
  }

  expectedFalsePositiveRate(): number {
    return 0;
  }
}
