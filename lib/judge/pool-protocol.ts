// The messages between lib/judge/pool.ts and its children (lib/judge/pool-child.ts).
import type { ChallengeSuite } from "./index";
import type { SandboxStage } from "./stages";
import type { JudgeLimits, JudgeMode, Verdict } from "./verdict";

export type ParentMessage =
  | {
      type: "job";
      id: number;
      /** The child loads the suite from content/ itself, unless the caller pinned one (the mutation run). */
      challengeId?: string;
      suite?: ChallengeSuite;
      mode: JudgeMode;
      code: string;
      limits: JudgeLimits;
    }
  | { type: "cancel"; id: number };

/** What a finished job cost the child: its resident size after it, its CPU time, the stages it went through. */
export interface JobCost {
  rssBytes: number;
  cpuMs: number;
  stages: SandboxStage[];
}

export type ChildMessage =
  | { type: "ready"; pid: number }
  | { type: "rss"; id: number; rssBytes: number }
  | ({ type: "verdict"; id: number; verdict: Verdict } & JobCost)
  | ({ type: "failed"; id: number; kind: "cancelled" | "input" | "unknown_challenge" | "internal"; message: string } & JobCost);
