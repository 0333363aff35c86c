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
  mode: "run" | "submit";
  verdict: Verdict["verdict"];
  passed: number;
  total: number;
  createdAt: string;
}

export type JudgeResponse = Verdict & { submission: SubmissionRow };
