import { expect, test } from "vitest";
import { formatMs, formatNumber, formatPercent } from "./format";

test("numbers group thousands and keep a few significant digits, the same in every locale", () => {
  expect(formatNumber(36000)).toBe("36,000");
  expect(formatNumber(4_500_000)).toBe("4,500,000");
  expect(formatNumber(12120.4)).toBe("12,120");
  expect(formatNumber(42.105)).toBe("42.1");
  expect(formatNumber(1.0214)).toBe("1.02");
  expect(formatNumber(0.5)).toBe("0.5");
  expect(formatNumber(0)).toBe("0");
  expect(formatMs(null)).toBe("unbounded");
  expect(formatMs(Infinity)).toBe("unbounded");
});

test("a percentage is never shown on a threshold it has not reached or has passed", () => {
  expect(formatPercent(1.2)).toBe("120%");
  expect(formatPercent(0.85)).toBe("85%");
  expect(formatPercent(0.8)).toBe("80%");
  expect(formatPercent(0.7996)).toBe("79.9%");
  expect(formatPercent(0.8004)).toBe("80.1%");
  expect(formatPercent(0.9996)).toBe("99.9%");
  expect(formatPercent(1.0004)).toBe("100.1%");
  expect(formatPercent(1)).toBe("100%");
  expect(formatPercent(62.59)).toBe("6,259%");
});
