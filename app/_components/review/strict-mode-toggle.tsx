"use client";

import { useEffect, useId, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { strictReplySchema } from "@/lib/review/contract";
import { ErrorText } from "../ui/callout";

/**
 * The challenge panel's strict-mode switch. The setting lives on the server, which applies
 * it: under it Submit answers only the verdict and the pass count.
 */
export function StrictModeToggle() {
  const [strict, setStrict] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();

  useEffect(() => {
    apiFetch("/api/me/strict-mode", { schema: strictReplySchema }).then(
      (reply) => setStrict(reply.strict),
      (caught: Error) => setError(caught.message),
    );
  }, []);

  const change = async (next: boolean) => {
    setError(null);
    const before = strict;
    setStrict(next);
    try {
      setStrict((await apiFetch("/api/me/strict-mode", { method: "PUT", body: { strict: next }, schema: strictReplySchema })).strict);
    } catch (caught) {
      setStrict(before);
      setError((caught as Error).message);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label className="inline-flex items-center gap-2">
        <input type="checkbox" role="switch" checked={strict ?? false} disabled={strict === null} onChange={(event) => void change(event.target.checked)} aria-describedby={hintId} data-testid="strict-mode" className="h-4 w-4 accent-sky-700" />
        Strict mode
      </label>
      <span id={hintId} className="text-slate-600 dark:text-slate-400">
        {strict ? "Submit shows only the verdict and how many hidden tests passed." : "Submit names the hidden tests that failed."}
      </span>
      {error ? (
        <ErrorText inline>{error}</ErrorText>
      ) : null}
    </div>
  );
}
