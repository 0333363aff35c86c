// The verdict JSON, the same for the CLI, the HTTP API and the database.
export type JudgeMode = "run" | "submit";
export type VerdictKind = "passed" | "failed" | "compile_error" | "runtime_error" | "timeout" | "memory_limit";

export interface TestOutcome {
  name: string;
  status: "passed" | "failed";
  message?: string;
  durationMs: number;
}

export interface Diagnostic {
  line: number;
  column: number;
  message: string;
}

export interface Verdict {
  challengeId: string;
  mode: JudgeMode;
  verdict: VerdictKind;
  passed: number;
  failed: number;
  total: number;
  tests: TestOutcome[];
  diagnostics?: Diagnostic[];
  logs: string;
  durationMs: number;
}

export const JUDGE_MODES: readonly JudgeMode[] = ["run", "submit"];

/** Limits of one run. Source size is checked in bytes of UTF-8. */
export interface JudgeLimits {
  sourceBytes: number;
  memoryMb: number;
  cpuMs: number;
  wallMs: number;
  logBytes: number;
  /**
   * The judge process's own resident-memory bound (MiB). A run during which the process
   * passes it is stopped with memory_limit, whatever the isolate's heap says: the backstop
   * for memory V8 keeps outside the isolate's limit. Defaults to JUDGE_MAX_RSS_MB or 1024.
   */
  processRssMb?: number;
}

function defaultProcessRssMb(): number {
  const configured = Number(typeof process === "undefined" ? undefined : process.env.JUDGE_MAX_RSS_MB);
  return Number.isFinite(configured) && configured > 0 ? configured : 1024;
}

export const DEFAULT_LIMITS: JudgeLimits = {
  sourceBytes: 64 * 1024,
  memoryMb: 64,
  cpuMs: 4000,
  wallMs: 8000,
  logBytes: 16 * 1024,
  processRssMb: defaultProcessRssMb(),
};
