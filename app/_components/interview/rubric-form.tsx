"use client";

import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { rubricSavedSchema } from "@/lib/interview/contract";
import { buttonClass } from "../ui/button";

const LEVELS = [
  { value: 0, label: "Missed" },
  { value: 1, label: "Partly" },
  { value: 2, label: "Fully" },
] as const;

/** Self-assessment against the prompt's rubric; saved to the interview. */
export function RubricForm({ interviewId, points, initial }: { interviewId: string; points: string[]; initial: number[] | null }) {
  const [scores, setScores] = useState<Array<number | null>>(() => points.map((_, index) => initial?.[index] ?? null));
  const [status, setStatus] = useState<string>(initial ? "Your scores are saved." : "");
  const [percent, setPercent] = useState<number | null>(null);
  const complete = scores.every((score) => score !== null);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!complete) return;
    setStatus("Saving…");
    try {
      const saved = await apiFetch(`/api/interviews/${interviewId}/rubric`, { method: "PUT", body: { scores }, schema: rubricSavedSchema });
      setPercent(saved.percent);
      setStatus("Saved.");
    } catch (error) {
      setStatus(error instanceof ApiError && error.code !== "network" ? error.message : "Not saved: the server could not be reached.");
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} data-testid="rubric">
      <ol className="space-y-3">
        {points.map((point, index) => (
          <li key={point}>
            <fieldset>
              <legend className="text-sm">
                <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{index + 1}.</span> {point}
              </legend>
              <div className="mt-1 flex flex-wrap gap-3 text-sm">
                {LEVELS.map((level) => (
                  <label key={level.value} className="inline-flex items-center gap-1">
                    <input
                      type="radio"
                      name={`rubric-${index}`}
                      value={level.value}
                      checked={scores[index] === level.value}
                      onChange={() => setScores((all) => all.map((score, i) => (i === index ? level.value : score)))}
                    />
                    {level.label}
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={!complete}
          className={buttonClass({ variant: "primary" })}
        >
          Save my scores
        </button>
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {complete ? "" : "Score every point to save. "}
          {status}
          {percent !== null ? ` Score: ${percent}%.` : ""}
        </p>
      </div>
    </form>
  );
}
