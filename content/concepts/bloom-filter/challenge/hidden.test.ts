import { expect, randomInt, seededRandom, test } from "@blueprint/test";
import { BloomFilter, CountingBloomFilter, optimalParameters } from "./solution";

const exactBits = (n: number, p: number) => (-n * Math.log(p)) / (Math.LN2 * Math.LN2);
const formulaRate = (k: number, inserted: number, m: number) => Math.pow(1 - Math.exp((-k * inserted) / m), k);

// ---- sizing ------------------------------------------------------------------------

test("sizing: known values, including the 1,000,000-item example", () => {
  expect(optimalParameters(1_000_000, 0.01)).toEqual({ bits: 9_585_059, hashes: 7 });
  expect(optimalParameters(100, 0.001)).toEqual({ bits: 1_438, hashes: 10 });
  expect(optimalParameters(5_000, 0.02)).toEqual({ bits: 40_712, hashes: 6 });
  expect(optimalParameters(250, 0.25)).toEqual({ bits: 722, hashes: 2 });
});

test("sizing: bits are rounded up, never to the nearest", () => {
  expect(optimalParameters(1, 0.5).bits).toBe(2); // 1.44 bits
  expect(optimalParameters(1, 0.01).bits).toBe(10); // 9.59 bits
});

test("sizing: the hash count is rounded to the nearest and is at least 1", () => {
  expect(optimalParameters(10_000, 0.01).hashes).toBe(7); // 6.64
  expect(optimalParameters(1, 0.5).hashes).toBe(1); // 2 bits x ln 2 = 1.39
  expect(optimalParameters(100, 0.9)).toEqual({ bits: 22, hashes: 1 }); // 0.15 would round to 0
});

test("sizing: the hash count comes from the rounded-up bit count", () => {
  // 1 item at p = 0.05: 6.24 bits -> 7; 7 x ln 2 = 4.85 -> 5 hashes (6.24 x ln 2 = 4.32 would give 4).
  expect(optimalParameters(1, 0.05)).toEqual({ bits: 7, hashes: 5 });
  // 1 item at p = 0.2: 3.35 bits -> 4; 4 x ln 2 = 2.77 -> 3 hashes (3.35 x ln 2 = 2.32 would give 2).
  expect(optimalParameters(1, 0.2)).toEqual({ bits: 4, hashes: 3 });
});

test("sizing: matches the formulas over random n and p", () => {
  const random = seededRandom(1616);
  let checked = 0;
  for (let round = 0; round < 500; round++) {
    const n = randomInt(random, 1, 2_000_000);
    const p = 0.0001 + random() * 0.5;
    const raw = exactBits(n, p);
    const bits = Math.ceil(raw);
    const perItem = (bits / n) * Math.LN2;
    // Skip floating-point knife edges, where two correct ways of writing the formula can disagree.
    if (Math.abs(raw - Math.round(raw)) < 1e-6 || Math.abs(perItem - Math.floor(perItem) - 0.5) < 1e-9) continue;
    expect(optimalParameters(n, p)).toEqual({ bits, hashes: Math.max(1, Math.round(perItem)) });
    checked++;
  }
  expect(checked).toBeGreaterThan(400);
});

test("sizing: n below 1 is a RangeError", () => {
  expect(() => optimalParameters(0, 0.01)).toThrow(RangeError);
  expect(() => optimalParameters(-5, 0.01)).toThrow(RangeError);
  expect(() => optimalParameters(0.5, 0.01)).toThrow(RangeError);
});

test("sizing: p outside the open interval (0, 1) is a RangeError", () => {
  for (const p of [0, 1, -0.1, 1.5]) expect(() => optimalParameters(100, p)).toThrow(RangeError);
});

test("both filters reject bad options with RangeError", () => {
  for (const opts of [
    { expectedItems: 0, falsePositiveRate: 0.01 },
    { expectedItems: 100, falsePositiveRate: 0 },
    { expectedItems: 100, falsePositiveRate: 1 },
  ]) {
    expect(() => new BloomFilter(opts)).toThrow(RangeError);
    expect(() => new CountingBloomFilter(opts)).toThrow(RangeError);
  }
});

test("both filters report the size and hash count of optimalParameters", () => {
  for (const [n, p] of [
    [1, 0.5],
    [777, 0.003],
    [50_000, 0.05],
  ] as const) {
    const expected = optimalParameters(n, p);
    const plain = new BloomFilter({ expectedItems: n, falsePositiveRate: p });
    const counting = new CountingBloomFilter({ expectedItems: n, falsePositiveRate: p });
    expect([plain.bitCount, plain.hashCount]).toEqual([expected.bits, expected.hashes]);
    expect([counting.bitCount, counting.hashCount]).toEqual([expected.bits, expected.hashes]);
  }
});

// ---- the plain filter --------------------------------------------------------------

test("an empty filter contains nothing", () => {
  const filter = new BloomFilter({ expectedItems: 1_000, falsePositiveRate: 0.01 });
  for (let i = 0; i < 1_000; i++) expect(filter.mightContain(`nothing-${i}`)).toBe(false);
});

test("no false negatives and at most 1.5% false positives at n = 10,000, p = 0.01", () => {
  const filter = new BloomFilter({ expectedItems: 10_000, falsePositiveRate: 0.01 });
  filter.add("hidden-canary:bloom-filter");
  for (let i = 1; i < 10_000; i++) filter.add(`member:${i}`);
  let missing = 0;
  for (let i = 1; i < 10_000; i++) if (!filter.mightContain(`member:${i}`)) missing++;
  expect(filter.mightContain("hidden-canary:bloom-filter")).toBe(true);
  expect(missing).toBe(0);
  let falsePositives = 0;
  for (let i = 0; i < 100_000; i++) if (filter.mightContain(`absent:${i}`)) falsePositives++;
  expect(falsePositives / 100_000).toBeLessThanOrEqual(0.015);
});

test("no false negatives for odd keys: empty, unicode, long and near-duplicate strings", () => {
  const keys = ["", " ", "a", "A", "ab", "ba", "é", "e\u0301", "\u{1F600}", "x".repeat(1_000), "key\u0000", "0", "00"];
  const filter = new BloomFilter({ expectedItems: keys.length, falsePositiveRate: 0.001 });
  for (const key of keys) filter.add(key);
  for (const key of keys) expect(filter.mightContain(key)).toBe(true);
});

test("no false negatives in tiny filters, whatever the load", () => {
  const random = seededRandom(99);
  for (let round = 0; round < 40; round++) {
    const n = randomInt(random, 1, 30);
    const filter = new BloomFilter({ expectedItems: n, falsePositiveRate: 0.01 + random() * 0.5 });
    const items = Array.from({ length: randomInt(random, 1, 4 * n) }, (_, i) => `r${round}-${i}-${randomInt(random, 0, 1e6)}`);
    for (const item of items) filter.add(item);
    for (const item of items) expect(filter.mightContain(item)).toBe(true);
  }
});

test("the expected false-positive rate is 0 when empty and near p at capacity", () => {
  const filter = new BloomFilter({ expectedItems: 10_000, falsePositiveRate: 0.01 });
  expect(filter.expectedFalsePositiveRate()).toBe(0);
  for (let i = 0; i < 10_000; i++) filter.add(`m${i}`);
  expect(filter.expectedFalsePositiveRate()).toBeCloseTo(formulaRate(7, 10_000, 95_851), 12);
  expect(filter.expectedFalsePositiveRate()).toBeGreaterThan(0.009);
  expect(filter.expectedFalsePositiveRate()).toBeLessThan(0.011);
});

test("the expected false-positive rate counts duplicate adds", () => {
  const filter = new BloomFilter({ expectedItems: 100, falsePositiveRate: 0.05 });
  const { bits, hashes } = optimalParameters(100, 0.05);
  for (let i = 0; i < 30; i++) filter.add("same");
  expect(filter.expectedFalsePositiveRate()).toBeCloseTo(formulaRate(hashes, 30, bits), 12);
});

test("the expected false-positive rate keeps growing past the expected item count", () => {
  const filter = new BloomFilter({ expectedItems: 10, falsePositiveRate: 0.01 });
  const { bits, hashes } = optimalParameters(10, 0.01);
  for (let i = 0; i < 40; i++) filter.add(`x${i}`);
  expect(filter.expectedFalsePositiveRate()).toBeCloseTo(formulaRate(hashes, 40, bits), 12);
  expect(filter.expectedFalsePositiveRate()).toBeGreaterThan(0.5);
});

test("filters are independent of each other", () => {
  const a = new BloomFilter({ expectedItems: 100, falsePositiveRate: 0.01 });
  const b = new BloomFilter({ expectedItems: 100, falsePositiveRate: 0.01 });
  for (let i = 0; i < 100; i++) a.add(`only-a-${i}`);
  expect(b.expectedFalsePositiveRate()).toBe(0);
  for (let i = 0; i < 100; i++) expect(b.mightContain(`only-a-${i}`)).toBe(false);
});

// ---- the counting filter -----------------------------------------------------------

test("counting: no false negatives and at most 1.5% false positives at n = 10,000, p = 0.01", () => {
  const filter = new CountingBloomFilter({ expectedItems: 10_000, falsePositiveRate: 0.01 });
  for (let i = 0; i < 10_000; i++) filter.add(`member:${i}`);
  for (let i = 0; i < 10_000; i++) expect(filter.mightContain(`member:${i}`)).toBe(true);
  let falsePositives = 0;
  for (let i = 0; i < 10_000; i++) if (filter.mightContain(`absent:${i}`)) falsePositives++;
  expect(falsePositives / 10_000).toBeLessThanOrEqual(0.015);
});

test("counting: an item added twice survives one removal and goes after the second", () => {
  const filter = new CountingBloomFilter({ expectedItems: 100, falsePositiveRate: 0.01 });
  filter.add("twice");
  filter.add("twice");
  expect(filter.remove("twice")).toBe(true);
  expect(filter.mightContain("twice")).toBe(true);
  expect(filter.remove("twice")).toBe(true);
  expect(filter.mightContain("twice")).toBe(false);
  expect(filter.remove("twice")).toBe(false);
});

test("counting: removing every item empties the filter completely", () => {
  const filter = new CountingBloomFilter({ expectedItems: 500, falsePositiveRate: 0.02 });
  for (let i = 0; i < 500; i++) filter.add(`item-${i}`);
  for (let i = 0; i < 500; i++) expect(filter.remove(`item-${i}`)).toBe(true);
  expect(filter.expectedFalsePositiveRate()).toBe(0);
  for (let i = 0; i < 500; i++) expect(filter.mightContain(`item-${i}`)).toBe(false);
  for (let i = 0; i < 2_000; i++) expect(filter.mightContain(`other-${i}`)).toBe(false);
});

test("counting: removing something that is definitely absent returns false and changes nothing", () => {
  // A small, overloaded filter: most absent items share some of their slots with members.
  const filter = new CountingBloomFilter({ expectedItems: 200, falsePositiveRate: 0.05 });
  const members = Array.from({ length: 300 }, (_, i) => `member-${i}`);
  for (const item of members) filter.add(item);
  const before = filter.expectedFalsePositiveRate();
  let tried = 0;
  for (let i = 0; i < 3_000; i++) {
    const candidate = `stranger-${i}`;
    if (filter.mightContain(candidate)) continue; // a false positive: removing it would be legal but harmful
    expect(filter.remove(candidate)).toBe(false);
    tried++;
  }
  expect(tried).toBeGreaterThan(1_000);
  expect(filter.expectedFalsePositiveRate()).toBe(before);
  for (const item of members) expect(filter.mightContain(item)).toBe(true);
});

test("counting: removing some members never hides the others", () => {
  const random = seededRandom(2024);
  const filter = new CountingBloomFilter({ expectedItems: 400, falsePositiveRate: 0.03 });
  const members = Array.from({ length: 400 }, (_, i) => `m-${i}-${randomInt(random, 0, 1e9)}`);
  for (const item of members) filter.add(item);
  const gone = members.filter(() => random() < 0.5);
  const kept = members.filter((item) => !gone.includes(item));
  for (const item of gone) expect(filter.remove(item)).toBe(true);
  for (const item of kept) expect(filter.mightContain(item)).toBe(true);
});

test("counting: the expected rate counts adds, duplicates and successful removes only", () => {
  const filter = new CountingBloomFilter({ expectedItems: 100, falsePositiveRate: 0.01 });
  const { bits, hashes } = optimalParameters(100, 0.01);
  for (let i = 0; i < 20; i++) filter.add(`a${i}`);
  filter.add("a0");
  expect(filter.expectedFalsePositiveRate()).toBeCloseTo(formulaRate(hashes, 21, bits), 12);
  expect(filter.remove("a1")).toBe(true);
  expect(filter.remove("a0")).toBe(true);
  expect(filter.expectedFalsePositiveRate()).toBeCloseTo(formulaRate(hashes, 19, bits), 12);
  const empty = new CountingBloomFilter({ expectedItems: 100, falsePositiveRate: 0.01 });
  expect(empty.remove("nope")).toBe(false);
  expect(empty.expectedFalsePositiveRate()).toBe(0);
});

test("counting: an add after a remove brings the item back", () => {
  const filter = new CountingBloomFilter({ expectedItems: 10, falsePositiveRate: 0.01 });
  filter.add("x");
  filter.remove("x");
  filter.add("x");
  expect(filter.mightContain("x")).toBe(true);
  expect(filter.remove("x")).toBe(true);
  expect(filter.remove("x")).toBe(false);
});
