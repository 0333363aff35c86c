import { expect, test } from "@blueprint/test";
import { PhiAccrualDetector } from "./solution";

const options = { threshold: 8, maxSampleSize: 100, minStdDevMs: 100, acceptablePauseMs: 0, firstHeartbeatEstimateMs: 1000 };

test("phi is 0 before any heartbeat", () => {
  const detector = new PhiAccrualDetector(options);
  expect(detector.phi(5000)).toBeCloseTo(0, 9);
  expect(detector.isAvailable(5000)).toBe(true);
});

test("the first heartbeat seeds the history with 750 and 1250 for an estimate of 1000", () => {
  const detector = new PhiAccrualDetector(options);
  detector.heartbeat(0);
  // mean 1000, std 250: at the mean y = 0 and phi = -log10(1/2).
  expect(detector.phi(1000)).toBeCloseTo(0.3010299956639812, 9);
  // one standard deviation past the mean: y = 1.
  expect(detector.phi(1250)).toBeCloseTo(0.7995083208395598, 9);
  expect(detector.phi(2000)).toBeCloseTo(4.736694582705181, 9);
});

test("phi rises with silence and drops after a heartbeat", () => {
  const detector = new PhiAccrualDetector(options);
  detector.heartbeat(0);
  const early = detector.phi(1200);
  const late = detector.phi(1800);
  expect(late).toBeGreaterThan(early);
  detector.heartbeat(1900);
  expect(detector.phi(1950)).toBeLessThan(late);
});

test("isAvailable is false once phi reaches the threshold", () => {
  const detector = new PhiAccrualDetector(options);
  detector.heartbeat(0);
  expect(detector.isAvailable(2000)).toBe(true); // phi about 4.7
  expect(detector.isAvailable(3000)).toBe(false); // phi about 21.2
});
