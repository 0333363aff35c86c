"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { interviewViewSchema } from "@/lib/interview/contract";
import { buttonClass } from "../ui/button";

export function StartInterviewButton({ prompt, title }: { prompt: string; title: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setProblem(null);
    try {
      const interview = await apiFetch("/api/interviews", { method: "POST", body: { prompt }, schema: interviewViewSchema });
      router.push(`/interviews/${interview.id}`);
      return;
    } catch (error) {
      setProblem(error instanceof ApiError && error.code !== "network" ? error.message : "The server could not be reached; try again.");
    }
    setBusy(false);
  }

  return (
    <div>
      <button
        type="button"
        onClick={() => void start()}
        disabled={busy}
        aria-label={`Start: ${title}`}
        className={buttonClass({ variant: "primary" })}
      >
        {busy ? "Starting…" : "Start"}
      </button>
      {problem ? (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-400">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
