export interface ChallengeView {
  id: string;
  concept: string;
  title: string;
  summary: string;
  exports: string[];
  starter: string;
  examples: string;
}

// The rows and replies the API sends: defined once, with their schemas, in the challenge contract.
export type { JudgeResponse, SubmissionRow } from "@/lib/challenges/contract";
