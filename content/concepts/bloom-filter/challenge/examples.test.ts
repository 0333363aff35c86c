import { expect, test } from "@blueprint/test";
import { BloomFilter, CountingBloomFilter, optimalParameters } from "./solution";

test("10,000 items at a 1% false-positive rate need 95,851 bits and 7 hashes", () => {
  // -10000 ln 0.01 / (ln 2)^2 = 95850.58..., rounded up; 9.585 bits per item x ln 2 = 6.64, rounded.
  expect(optimalParameters(10_000, 0.01)).toEqual({ bits: 95_851, hashes: 7 });
});

test("a filter is sized from its options and finds everything that was added", () => {
  const filter = new BloomFilter({ expectedItems: 1_000, falsePositiveRate: 0.01 });
  expect(filter.bitCount).toBe(optimalParameters(1_000, 0.01).bits);
  expect(filter.hashCount).toBe(optimalParameters(1_000, 0.01).hashes);
  for (let i = 0; i < 1_000; i++) filter.add(`user-${i}`);
  for (let i = 0; i < 1_000; i++) expect(filter.mightContain(`user-${i}`)).toBe(true);
});

test("the expected false-positive rate follows the items inserted so far", () => {
  const filter = new BloomFilter({ expectedItems: 100, falsePositiveRate: 0.01 });
  expect(filter.expectedFalsePositiveRate()).toBe(0);
  for (let i = 0; i < 50; i++) filter.add(`k${i}`);
  const { bits, hashes } = optimalParameters(100, 0.01);
  expect(filter.expectedFalsePositiveRate()).toBeCloseTo(Math.pow(1 - Math.exp((-hashes * 50) / bits), hashes), 12);
});

test("a counting filter removes an item it holds and refuses one it does not", () => {
  const filter = new CountingBloomFilter({ expectedItems: 100, falsePositiveRate: 0.01 });
  expect(filter.remove("ghost")).toBe(false);
  filter.add("alice");
  expect(filter.remove("alice")).toBe(true);
  expect(filter.mightContain("alice")).toBe(false);
});

test("n below 1 or p outside (0, 1) is a RangeError", () => {
  expect(() => optimalParameters(0, 0.01)).toThrow(RangeError);
  expect(() => new BloomFilter({ expectedItems: 100, falsePositiveRate: 1 })).toThrow(RangeError);
});
