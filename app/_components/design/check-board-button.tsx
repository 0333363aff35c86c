"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { boardCheckSchema } from "@/lib/design-board/contract";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";

/** Checks the interview's saved board on the server, which stores the verdict; the page then shows it. */
export function CheckBoardButton({ interviewId, label }: { interviewId: string; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function check() {
    setBusy(true);
    setStatus("Checking…");
    try {
      const checked = await apiFetch(`/api/interviews/${interviewId}/board/check`, { method: "POST", schema: boardCheckSchema });
      setStatus(checked.verdict.verdict === "passed" ? "Checked: the design passed." : "Checked: the design failed some checks.");
      router.refresh();
    } catch (error) {
      setStatus(error instanceof ApiError && error.code !== "network" ? error.message : "Not checked: the server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => void check()}
        disabled={busy}
        className="inline-flex min-h-9 items-center rounded-md border border-sky-700 bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60"
      >
        {label}
      </button>
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
