import { describe, expect, test } from "vitest";
import { CRASH_AT_MS, DEFAULT_SETTINGS, PhiDetector, describe as describeRun, heartbeatTimes, simulate } from "./heartbeat";

describe("heartbeat model logic", () => {
  test("the phi detector matches the formula after its first heartbeat", () => {
    const detector = new PhiDetector(8);
    detector.heartbeat(0);
    expect(detector.phi(1000)).toBeCloseTo(Math.log10(2), 12); // mean 1000, std 250
    expect(detector.phi(1250)).toBeCloseTo(0.7995083208395598, 12);
    expect(detector.phi(100_000)).toBe(Infinity);
  });

  test("the same settings always give the same run", () => {
    expect(heartbeatTimes(DEFAULT_SETTINGS)).toEqual(heartbeatTimes(DEFAULT_SETTINGS));
    expect(heartbeatTimes({ ...DEFAULT_SETTINGS, seed: 2 })).not.toEqual(heartbeatTimes(DEFAULT_SETTINGS));
  });

  test("a crash stops heartbeats and both detectors flag it", () => {
    const sim = simulate({ ...DEFAULT_SETTINGS, crash: true });
    expect(Math.max(...sim.beats)).toBeLessThanOrEqual(CRASH_AT_MS);
    expect(sim.phi.detectionMs).not.toBeNull();
    expect(sim.fixed.detectionMs).not.toBeNull();
  });

  test("under heavy jitter the fixed 1.5 s timeout raises more false alarms than phi", () => {
    const sim = simulate({ ...DEFAULT_SETTINGS, jitterMs: 400, timeoutMs: 1500, crash: false });
    expect(sim.fixed.falseAlarms).toBeGreaterThan(sim.phi.falseAlarms);
    expect(sim.fixed.falseAlarms).toBeGreaterThan(0);
  });

  test("a GC pause shows up as a suspicion with a low threshold", () => {
    const sim = simulate({ ...DEFAULT_SETTINGS, jitterMs: 50, gcPause: true, crash: false, threshold: 3 });
    expect(sim.phi.falseAlarms).toBeGreaterThan(0);
  });

  test("the description names both detectors", () => {
    const text = describeRun(DEFAULT_SETTINGS, simulate(DEFAULT_SETTINGS));
    expect(text).toContain("Phi detector with threshold 8");
    expect(text).toContain("Fixed 1.5 s timeout");
  });
});
