import { describe, expect, test } from "vitest";
import {
  bloomFilter,
  CALCULATORS,
  cacheMemoryBytes,
  formatBits,
  formatBytes,
  formatNumber,
  qps,
  serversNeeded,
  shardsNeeded,
  storageBytes,
  worksheetLine,
} from "./worksheet";

describe("formulas", () => {
  test("QPS: 86.4 million requests a day is 1,000 a second on average", () => {
    expect(qps(8_640_000, 10, 3)).toEqual({ average: 1000, peak: 3000 });
  });

  test("storage multiplies by days, years and copies", () => {
    expect(storageBytes(1_000, 1_000, 1, 3)).toBe(1_000 * 1_000 * 365 * 3);
  });

  test("servers and shards round up, and an exact fit needs no extra", () => {
    expect(serversNeeded(10_000, 1_000, 1)).toBe(10);
    expect(serversNeeded(10_001, 1_000, 1)).toBe(11);
    expect(serversNeeded(7_000, 1_000, 0.7)).toBe(10);
    expect(shardsNeeded(2_000, 1_000)).toBe(2);
    expect(shardsNeeded(2_001, 1_000)).toBe(3);
  });

  test("cache memory adds the seed's 20% overhead", () => {
    expect(cacheMemoryBytes(1_000, 100, 0.5)).toBeCloseTo(60_000);
  });

  test("a Bloom filter for a 1% false positive rate needs about 9.6 bits and 7 hashes per item", () => {
    const { bits, hashes } = bloomFilter(1_000_000, 0.01);
    expect(bits).toBe(9_585_059);
    expect(hashes).toBe(7);
  });
});

describe("formatting", () => {
  test("numbers, bytes and bits read with their units", () => {
    expect(formatNumber(1234.4)).toBe("1,234");
    expect(formatNumber(2_500_000)).toBe("2.5 million");
    expect(formatNumber(0.125)).toBe("0.125");
    expect(formatBytes(1_500_000_000_000)).toBe("1.5 TB");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBits(8_000_000_000)).toBe("8 Gbit/s");
    expect(formatNumber(Number.NaN)).toBe("not a number");
  });
});

describe("calculators", () => {
  test("each computes finite results from its defaults", () => {
    for (const calculator of CALCULATORS) {
      const values = Object.fromEntries(calculator.inputs.map((input) => [input.id, input.defaultValue]));
      const results = calculator.compute(values);
      expect(results.length, calculator.id).toBeGreaterThan(0);
      for (const result of results) expect(result.value, `${calculator.id}: ${result.label}`).not.toMatch(/not a number|NaN|Infinity/);
    }
  });

  test("a line for the notes names the inputs with units and the results", () => {
    const calculator = CALCULATORS.find((c) => c.id === "qps")!;
    expect(worksheetLine(calculator, { users: 8_640_000, perUser: 10, peak: 3 })).toBe(
      "QPS from daily users: Daily active users 8.64 million users, Requests per user per day 10 requests, Peak factor 3 x average -> average 1,000 requests/s; peak 3,000 requests/s",
    );
  });
});
