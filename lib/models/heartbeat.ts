import { seededRandom } from "@/lib/random/seeded-random";
// Pure logic for the heartbeat model: a seeded heartbeat stream with jitter, an optional
// GC pause and crash, and two detectors watching it (phi accrual and a fixed timeout).

export const DURATION_MS = 60_000;
export const INTERVAL_MS = 1000;
export const SAMPLE_MS = 50;
export const GC_AT_MS = 20_000;
export const GC_PAUSE_MS = 3000;
export const CRASH_AT_MS = 45_000;
export const PHI_CAP = 16; // how high the chart draws phi (Infinity is drawn at the cap)

export interface HeartbeatSettings {
  jitterMs: number; // standard deviation of the interval
  threshold: number; // phi threshold
  timeoutMs: number; // the fixed-timeout detector
  gcPause: boolean;
  crash: boolean;
  seed: number;
}

export const DEFAULT_SETTINGS: HeartbeatSettings = { jitterMs: 200, threshold: 8, timeoutMs: 1500, gcPause: false, crash: true, seed: 1 };


/** A standard normal sample (Box-Muller) from a uniform source. */
function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Arrival times of heartbeats, in ms from the start. */
export function heartbeatTimes(s: HeartbeatSettings): number[] {
  const random = seededRandom(s.seed * 7919 + s.jitterMs);
  const times = [0];
  let t = 0;
  let paused = false;
  for (;;) {
    let next = t + Math.max(100, Math.round(INTERVAL_MS + normal(random) * s.jitterMs));
    if (s.gcPause && !paused && next >= GC_AT_MS) {
      next += GC_PAUSE_MS;
      paused = true;
    }
    if (next > DURATION_MS || (s.crash && next > CRASH_AT_MS)) break;
    times.push(next);
    t = next;
  }
  return times;
}

/** The phi accrual detector with Akka's formulas (minStdDev 100 ms, no acceptable pause). */
export class PhiDetector {
  private intervals: number[] = [];
  private last: number | undefined;
  constructor(
    private readonly threshold: number,
    private readonly maxSamples = 200,
    private readonly minStd = 100,
    private readonly estimate = INTERVAL_MS,
  ) {}

  heartbeat(t: number): void {
    if (this.last === undefined) {
      const q = Math.floor(this.estimate / 4);
      this.intervals = [this.estimate - q, this.estimate + q];
    } else if (this.phi(t) < this.threshold) {
      this.intervals.push(t - this.last);
      if (this.intervals.length > this.maxSamples) this.intervals.shift();
    }
    this.last = t;
  }

  phi(t: number): number {
    if (this.last === undefined) return 0;
    const n = this.intervals.length;
    const mean = this.intervals.reduce((a, b) => a + b, 0) / n;
    const variance = this.intervals.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    const std = Math.max(Math.sqrt(variance), this.minStd);
    const elapsed = t - this.last;
    const y = (elapsed - mean) / std;
    const e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
    return elapsed > mean ? -Math.log10(e / (1 + e)) : -Math.log10(1 - 1 / (1 + e));
  }
}

export interface Span {
  from: number;
  to: number;
}

export interface DetectorResult {
  spans: Span[]; // when the detector suspected the node
  falseAlarms: number; // suspicions that started while the sender was alive
  detectionMs: number | null; // from the crash to the first suspicion after it
}

export interface Simulation {
  beats: number[];
  samples: Array<{ t: number; phi: number }>;
  phi: DetectorResult;
  fixed: DetectorResult;
  crashAt: number | null;
}

function summarize(flags: boolean[], crashAt: number | null): DetectorResult {
  const spans: Span[] = [];
  flags.forEach((on, i) => {
    const t = i * SAMPLE_MS;
    const last = spans[spans.length - 1];
    if (on && last && last.to === t) last.to = t + SAMPLE_MS;
    else if (on) spans.push({ from: t, to: t + SAMPLE_MS });
  });
  const falseAlarms = spans.filter((s) => crashAt === null || s.from < crashAt).length;
  const after = crashAt === null ? undefined : spans.find((s) => s.to > crashAt);
  const detectionMs = crashAt === null || !after ? null : Math.max(0, after.from - crashAt);
  return { spans, falseAlarms, detectionMs };
}

export function simulate(s: HeartbeatSettings): Simulation {
  const beats = heartbeatTimes(s);
  const detector = new PhiDetector(s.threshold);
  const samples: Array<{ t: number; phi: number }> = [];
  const phiFlags: boolean[] = [];
  const fixedFlags: boolean[] = [];
  let next = 0;
  let last = -Infinity;
  for (let t = 0; t <= DURATION_MS; t += SAMPLE_MS) {
    while (next < beats.length && (beats[next] ?? Infinity) <= t) {
      const at = beats[next] ?? t;
      detector.heartbeat(at);
      last = at;
      next++;
    }
    const phi = detector.phi(t);
    samples.push({ t, phi });
    phiFlags.push(phi >= s.threshold);
    fixedFlags.push(t - last >= s.timeoutMs);
  }
  const crashAt = s.crash ? CRASH_AT_MS : null;
  return { beats, samples, phi: summarize(phiFlags, crashAt), fixed: summarize(fixedFlags, crashAt), crashAt };
}

function detection(result: DetectorResult): string {
  return result.detectionMs === null ? "did not flag the crash" : `flagged the crash ${(result.detectionMs / 1000).toFixed(1)} s after it`;
}

export function describe(s: HeartbeatSettings, sim: Simulation): string {
  const parts = [
    `Run ${s.seed}: ${sim.beats.length} heartbeats over 60 s, about one a second with ${s.jitterMs} ms of jitter${s.gcPause ? ", a 3 s pause at 20 s" : ""}${s.crash ? ", and a crash at 45 s" : ""}.`,
    `Phi detector with threshold ${s.threshold}: ${sim.phi.falseAlarms} false alarm${sim.phi.falseAlarms === 1 ? "" : "s"}${s.crash ? `, ${detection(sim.phi)}` : ""}.`,
    `Fixed ${s.timeoutMs / 1000} s timeout: ${sim.fixed.falseAlarms} false alarm${sim.fixed.falseAlarms === 1 ? "" : "s"}${s.crash ? `, ${detection(sim.fixed)}` : ""}.`,
  ];
  return parts.join(" ");
}
