// Per-stage timing of a judge run, for bench:judge. Wall-clock and the process's CPU
// time (every thread: isolated-vm runs the isolate on a pool thread), so a loaded
// machine's waiting shows as wall time without CPU.
export type SandboxStage =
  | "transpile"
  | "isolate-create"
  | "context-create"
  | "harness-compile"
  | "harness-run"
  | "tests-compile"
  | "tests-run"
  | "seal"
  | "learner-load"
  | "suite-run"
  | "dispose";

export const SANDBOX_STAGES: readonly SandboxStage[] = [
  "transpile",
  "isolate-create",
  "context-create",
  "harness-compile",
  "harness-run",
  "tests-compile",
  "tests-run",
  "seal",
  "learner-load",
  "suite-run",
  "dispose",
];

export type StageListener = (stage: SandboxStage, wallMs: number, cpuMs: number) => void;

/** Returns mark(stage): reports the time since the previous mark (or the clock's start). */
export function stageClock(listener: StageListener | undefined): (stage: SandboxStage) => void {
  if (!listener) return () => {};
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return (stage) => {
    const nowWall = performance.now();
    const spent = process.cpuUsage(cpu);
    listener(stage, nowWall - wall, (spent.user + spent.system) / 1000);
    wall = nowWall;
    cpu = process.cpuUsage();
  };
}
