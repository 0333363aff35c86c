"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";

/** Download everything as JSON; delete the account (or the anonymous learner) and all its data. */
export function AccountActions({ signedIn }: { signedIn: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function deleteAll() {
    const what = signedIn ? "your account and all your work" : "all your work on this browser";
    if (!window.confirm(`Delete ${what}? Drafts, submissions, progress, interviews and drills go too. This cannot be undone.`)) return;
    setBusy(true);
    const deleted = await apiFetch("/api/me", { method: "DELETE" }).then(
      () => true,
      () => false,
    );
    if (deleted) {
      router.replace("/");
        router.refresh();
      return;
    }
    setBusy(false);
    setError("Could not delete right now. Nothing was removed; please try again.");
  }

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <a href="/api/me/export" download className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
        Download my data (JSON)
      </a>
      <button
        type="button"
        onClick={() => void deleteAll()}
        disabled={busy}
        className="rounded-md border border-rose-300 px-3 py-1.5 text-rose-800 hover:bg-rose-50 disabled:opacity-50 dark:border-rose-800 dark:text-rose-200 dark:hover:bg-rose-950/50"
      >
        {signedIn ? "Delete my account" : "Delete my data"}
      </button>
      {error ? (
        <p role="alert" className="w-full text-rose-800 dark:text-rose-200">
          {error}
        </p>
      ) : null}
    </div>
  );
}
