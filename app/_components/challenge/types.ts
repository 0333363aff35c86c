import type { Verdict } from "@/lib/judge/verdict";

export interface ChallengeView {
  id: string;
  concept: string;
  title: string;
  summary: string;
  exports: string[];
  starter: string;
  examples: string;
}

export interface SubmissionRow {
  id: string;
  /** "draft": not judged, a draft kept when an anonymous session was merged into an account. */
  mode: "run" | "submit" | "draft";
  verdict: Verdict["verdict"] | "not_judged";
  passed: number;
  total: number;
  createdAt: string;
}

export type JudgeResponse = Verdict & { submission: SubmissionRow; draftUpdatedAt?: string };
