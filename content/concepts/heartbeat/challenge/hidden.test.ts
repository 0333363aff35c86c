import { expect, randomInt, seededRandom, test } from "@blueprint/test";
import { PhiAccrualDetector } from "./solution";

// ---- an independent reference of the rules ------------------------------------------

interface Options {
  threshold: number;
  maxSampleSize: number;
  minStdDevMs: number;
  acceptablePauseMs: number;
  firstHeartbeatEstimateMs: number;
}

const base: Options = { threshold: 8, maxSampleSize: 200, minStdDevMs: 100, acceptablePauseMs: 0, firstHeartbeatEstimateMs: 1000 };

function referencePhi(elapsed: number, mean: number, std: number): number {
  const y = (elapsed - mean) / std;
  const e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
  return elapsed > mean ? -Math.log10(e / (1 + e)) : -Math.log10(1 - 1 / (1 + e));
}

/** The exponent inside exp(); near 745 exp() underflows, and a result there is a floating-point knife edge. */
function exponent(elapsed: number, mean: number, std: number): number {
  const y = (elapsed - mean) / std;
  return y * (1.5976 + 0.070566 * y * y);
}

class Reference {
  samples: number[] = [];
  last: number | undefined;
  constructor(readonly o: Options) {}
  stats(): { mean: number; std: number } {
    const n = this.samples.length;
    const mean = this.samples.reduce((a, b) => a + b, 0) / n;
    const meanOfSquares = this.samples.reduce((a, b) => a + b * b, 0) / n;
    const std = Math.sqrt(Math.max(0, meanOfSquares - mean * mean));
    return { mean: mean + this.o.acceptablePauseMs, std: Math.max(std, this.o.minStdDevMs) };
  }
  phi(now: number): number {
    if (this.last === undefined) return 0;
    const { mean, std } = this.stats();
    return referencePhi(now - this.last, mean, std);
  }
  /** True when phi at `now` is far enough from exp()'s underflow that both sides must agree. */
  comparable(now: number): boolean {
    if (this.last === undefined) return true;
    const { mean, std } = this.stats();
    const z = exponent(now - this.last, mean, std);
    return z < 700 || z > 800;
  }
  heartbeat(now: number): void {
    if (this.last === undefined) {
      const q = Math.floor(this.o.firstHeartbeatEstimateMs / 4);
      this.samples = [this.o.firstHeartbeatEstimateMs - q, this.o.firstHeartbeatEstimateMs + q].slice(-this.o.maxSampleSize);
    } else if (this.phi(now) < this.o.threshold) {
      this.samples = [...this.samples, now - this.last].slice(-this.o.maxSampleSize);
    }
    this.last = now;
  }
}

/** The rule's tolerance: |a - e| <= 1e-6 |e| + 1e-12, and Infinity only matches Infinity. */
function close(actual: number, expected: number): boolean {
  if (expected === Infinity) return actual === Infinity;
  return Math.abs(actual - expected) <= 1e-6 * Math.abs(expected) + 1e-12;
}

function expectPhi(actual: number, expected: number, what: string): void {
  if (!close(actual, expected)) throw new Error(`${what}: phi is ${actual}, expected ${expected}`);
}

/** Feeds the same heartbeats to the learner's detector and the reference, then compares phi at the probes. */
function compare(o: Options, beats: number[], probes: number[], label: string): void {
  const detector = new PhiAccrualDetector(o);
  const reference = new Reference(o);
  for (const t of beats) {
    detector.heartbeat(t);
    reference.heartbeat(t);
  }
  for (const t of probes) expectPhi(detector.phi(t), reference.phi(t), `${label}, at ${t} ms`);
}

// ---- tests ----------------------------------------------------------------------------

test("phi is 0 and the node available before any heartbeat", () => {
  const detector = new PhiAccrualDetector(base);
  expectPhi(detector.phi(0), 0, "no heartbeat yet");
  expectPhi(detector.phi(1_000_000), 0, "no heartbeat yet, much later");
  expect(detector.isAvailable(1_000_000)).toBe(true);
});

test("the first heartbeat seeds two intervals: estimate minus and plus a quarter", () => {
  // estimate 2000: history [1500, 2500], mean 2000, std 500 (population).
  const o = { ...base, firstHeartbeatEstimateMs: 2000, minStdDevMs: 1 };
  const detector = new PhiAccrualDetector(o);
  detector.heartbeat(10_000);
  expectPhi(detector.phi(12_000), referencePhi(2000, 2000, 500), "at the mean");
  expectPhi(detector.phi(12_500), referencePhi(2500, 2000, 500), "one std past the mean");
  expectPhi(detector.phi(11_000), referencePhi(1000, 2000, 500), "two std before the mean");
  expectPhi(detector.phi(14_000), referencePhi(4000, 2000, 500), "four std past the mean");
});

test("the seed's quarter is rounded down to a whole millisecond", () => {
  // estimate 1003: floor(250.75) = 250, history [753, 1253], mean 1003, std 250.
  const o = { ...base, firstHeartbeatEstimateMs: 1003, minStdDevMs: 1 };
  const detector = new PhiAccrualDetector(o);
  detector.heartbeat(0);
  expectPhi(detector.phi(1503), referencePhi(1503, 1003, 250), "two std past the mean");
  expectPhi(detector.phi(2003), referencePhi(2003, 1003, 250), "four std past the mean");
});

test("later heartbeats append their intervals to the history", () => {
  compare({ ...base, minStdDevMs: 1 }, [0, 900, 1700, 2800, 3700], [3700, 4000, 4600, 5000, 6000], "intervals 900, 800, 1100, 900");
});

test("phi is measured from the latest heartbeat", () => {
  const detector = new PhiAccrualDetector({ ...base, minStdDevMs: 1 });
  detector.heartbeat(0);
  detector.heartbeat(1000);
  const reference = new Reference({ ...base, minStdDevMs: 1 });
  reference.heartbeat(0);
  reference.heartbeat(1000);
  expectPhi(detector.phi(2500), reference.phi(2500), "1500 ms after the second heartbeat");
});

test("the history keeps only the last maxSampleSize intervals", () => {
  const o = { ...base, maxSampleSize: 3, minStdDevMs: 10 };
  // Seeds 750 and 1250 are pushed out by three 400 ms intervals: mean 400, std 0 -> 10.
  const detector = new PhiAccrualDetector(o);
  for (const t of [0, 400, 800, 1200]) detector.heartbeat(t);
  expectPhi(detector.phi(1600), referencePhi(400, 400, 10), "at the mean");
  expectPhi(detector.phi(1610), referencePhi(410, 400, 10), "one std past the mean");
  expectPhi(detector.phi(1630), referencePhi(430, 400, 10), "three std past the mean");
});

test("the seeded intervals count toward maxSampleSize", () => {
  compare({ ...base, maxSampleSize: 4, minStdDevMs: 1 }, [0, 500, 1100, 1600, 2300], [2300, 2800, 3000, 3300], "maxSampleSize 4");
});

test("acceptablePauseMs is added to the mean", () => {
  const o = { ...base, acceptablePauseMs: 3000, minStdDevMs: 1 };
  const detector = new PhiAccrualDetector(o);
  detector.heartbeat(0);
  // mean 1000 + 3000 = 4000, std 250
  expectPhi(detector.phi(4000), referencePhi(4000, 4000, 250), "at the shifted mean");
  expectPhi(detector.phi(4500), referencePhi(4500, 4000, 250), "two std past the shifted mean");
  expect(detector.isAvailable(3000)).toBe(true);
});

test("minStdDevMs is a floor on the standard deviation", () => {
  const o = { ...base, maxSampleSize: 2, minStdDevMs: 200 };
  const detector = new PhiAccrualDetector(o);
  for (const t of [0, 1000, 2000]) detector.heartbeat(t); // history [1000, 1000], std 0 -> 200
  expectPhi(detector.phi(3200), referencePhi(1200, 1000, 200), "one floored std past the mean");
  expectPhi(detector.phi(3600), referencePhi(1600, 1000, 200), "three floored std past the mean");
});

test("the standard deviation is the population one, not the sample one", () => {
  const o = { ...base, minStdDevMs: 1 };
  const detector = new PhiAccrualDetector(o);
  for (const t of [0, 600, 1800]) detector.heartbeat(t); // [750, 1250, 600, 1200]
  const intervals = [750, 1250, 600, 1200];
  const mean = intervals.reduce((a, b) => a + b, 0) / 4;
  const std = Math.sqrt(intervals.reduce((a, b) => a + (b - mean) ** 2, 0) / 4);
  expectPhi(detector.phi(3000), referencePhi(1200, mean, std), "1200 ms of silence");
  expectPhi(detector.phi(3500), referencePhi(1700, mean, std), "1700 ms of silence");
});

test("a heartbeat that arrives after phi reached the threshold is not recorded", () => {
  const o = { ...base, threshold: 3, minStdDevMs: 1 };
  const detector = new PhiAccrualDetector(o);
  detector.heartbeat(0);
  expect(detector.isAvailable(5000)).toBe(false);
  detector.heartbeat(5000); // a 5000 ms interval must not enter the history
  expectPhi(detector.phi(6000), referencePhi(1000, 1000, 250), "at the unchanged mean");
  expectPhi(detector.phi(6500), referencePhi(1500, 1000, 250), "two std past the unchanged mean");
});

test("a heartbeat that is not recorded still restarts the silence", () => {
  const o = { ...base, threshold: 3, minStdDevMs: 1 };
  const detector = new PhiAccrualDetector(o);
  detector.heartbeat(0);
  detector.heartbeat(9000);
  expect(detector.isAvailable(9100)).toBe(true);
  expectPhi(detector.phi(9100), referencePhi(100, 1000, 250), "100 ms after the late heartbeat");
});

test("a late heartbeat that arrives while still available is recorded", () => {
  const o = { ...base, threshold: 8, minStdDevMs: 1 };
  compare(o, [0, 1600], [1600, 2600, 3000, 3500], "one 1600 ms interval recorded");
  const detector = new PhiAccrualDetector(o);
  detector.heartbeat(0);
  expect(detector.isAvailable(1600)).toBe(true);
});

test("phi rises with silence", () => {
  const detector = new PhiAccrualDetector({ ...base, minStdDevMs: 1 });
  for (const t of [0, 1000, 2100, 2950]) detector.heartbeat(t);
  let previous = -1;
  for (let t = 2950; t <= 6000; t += 50) {
    const value = detector.phi(t);
    if (!(value >= previous)) throw new Error(`phi fell from ${previous} to ${value} at ${t} ms`);
    if (previous > 1e-6 && previous < 100 && !(value > previous)) throw new Error(`phi did not rise at ${t} ms`);
    previous = value;
  }
});

test("phi drops after a heartbeat", () => {
  const detector = new PhiAccrualDetector(base);
  detector.heartbeat(0);
  detector.heartbeat(1000);
  const before = detector.phi(2400);
  detector.heartbeat(2400);
  expect(detector.phi(2400)).toBeLessThan(before);
  expect(detector.phi(2450)).toBeLessThan(before);
});

test("phi reaches Infinity far past the mean", () => {
  const detector = new PhiAccrualDetector({ ...base, minStdDevMs: 1 });
  detector.heartbeat(0);
  expect(detector.phi(100_000)).toBe(Infinity);
  expect(detector.isAvailable(100_000)).toBe(false);
});

test("isAvailable is phi < threshold, so phi equal to the threshold is unavailable", () => {
  // Infinity < Infinity is false: an infinite threshold still reports an infinite phi as unavailable.
  const detector = new PhiAccrualDetector({ ...base, threshold: Infinity });
  detector.heartbeat(0);
  expect(detector.isAvailable(5000)).toBe(true);
  expect(detector.phi(500_000)).toBe(Infinity);
  expect(detector.isAvailable(500_000)).toBe(false);
});

test("phi keeps full precision far past the mean (about 10 to 300)", () => {
  const o = { ...base, minStdDevMs: 1, firstHeartbeatEstimateMs: 1000 };
  const probes: number[] = [];
  for (let t = 2500; t <= 5500; t += 250) probes.push(t);
  compare(o, [0], probes, "hidden-canary:heartbeat, far past the mean");
});

test("phi keeps full precision well before the mean", () => {
  compare({ ...base, minStdDevMs: 1 }, [0], [0, 10, 100, 250, 500, 750, 999, 1000, 1001], "before the mean");
});

test("random heartbeat streams with jitter and pauses match the reference", () => {
  const random = seededRandom(1919);
  for (let round = 0; round < 40; round++) {
    const o: Options = {
      threshold: [1, 3, 5, 8, 12][randomInt(random, 0, 4)] ?? 8,
      maxSampleSize: randomInt(random, 2, 30),
      minStdDevMs: [1, 10, 50, 100, 500][randomInt(random, 0, 4)] ?? 100,
      acceptablePauseMs: [0, 0, 100, 1000][randomInt(random, 0, 3)] ?? 0,
      firstHeartbeatEstimateMs: randomInt(random, 100, 2000),
    };
    const interval = randomInt(random, 100, 1000);
    const detector = new PhiAccrualDetector(o);
    const reference = new Reference(o);
    let t = randomInt(random, 0, 100_000);
    const script: string[] = [];
    for (let step = 0; step < 60; step++) {
      const pause = random() < 0.08 ? randomInt(random, 2, 8) * interval : 0;
      t += Math.max(1, interval + randomInt(random, -interval / 4, interval / 4) + pause);
      if (random() < 0.7) {
        // Keep clear of a heartbeat whose phi sits on the threshold: recording it would be a knife edge.
        if (Math.abs(reference.phi(t) - o.threshold) <= 1e-6 * o.threshold) t += 1;
        detector.heartbeat(t);
        reference.heartbeat(t);
        script.push(`beat ${t}`);
      } else {
        const expected = reference.phi(t);
        if (!reference.comparable(t)) continue;
        const actual = detector.phi(t);
        if (!close(actual, expected)) {
          throw new Error(`${JSON.stringify(o)} after [${script.slice(-8).join(", ")}]: phi(${t}) is ${actual}, expected ${expected}`);
        }
        if (Math.abs(expected - o.threshold) > 1e-6 * o.threshold) {
          expect(detector.isAvailable(t)).toBe(expected < o.threshold);
        }
      }
    }
  }
});
