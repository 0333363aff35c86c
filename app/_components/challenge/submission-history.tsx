"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { submissionDetailSchema } from "@/lib/challenges/contract";
import { apiFetch } from "@/lib/http/api-fetch";
import type { SubmissionRow } from "./types";
import { ErrorText } from "../ui/callout";

const DiffEditor = dynamic(() => import("./diff-editor"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-500">Loading the diff…</p>,
});

const LABEL: Record<SubmissionRow["mode"], string> = { run: "run", submit: "submit", draft: "saved draft" };

/** Every submission with its verdict; pick any two to compare their code side by side. */
export function SubmissionHistory({ submissions, dark }: { submissions: SubmissionRow[]; dark: boolean }) {
  const [picked, setPicked] = useState<string[]>([]);
  const [diff, setDiff] = useState<{ original: string; modified: string; title: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const toggle = (id: string) =>
    setPicked((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id].slice(-2)));

  async function compare() {
    setProblem(null);
    const rows = submissions.filter((row) => picked.includes(row.id));
    // Older on the left, newer on the right.
    rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    try {
      const codes = await Promise.all(
        rows.map(async (row) => (await apiFetch(`/api/submissions/${row.id}`, { schema: submissionDetailSchema })).code),
      );
      const [older, newer] = rows;
      if (!older || !newer) return;
      setDiff({
        original: codes[0] ?? "",
        modified: codes[1] ?? "",
        title: `${LABEL[older.mode]} ${new Date(older.createdAt).toLocaleString()} → ${LABEL[newer.mode]} ${new Date(newer.createdAt).toLocaleString()}`,
      });
    } catch {
      setProblem("Could not load those submissions. Please try again.");
    }
  }

  return (
    <section aria-labelledby="history-title">
      <div className="mt-2 flex items-center justify-between gap-2">
        <h3 id="history-title" className="text-sm font-semibold">
          Your submissions
        </h3>
        {submissions.length >= 2 ? (
          <button
            type="button"
            onClick={() => void compare()}
            disabled={picked.length !== 2}
            className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {picked.length === 2 ? "Compare the two picked" : "Pick two to compare"}
          </button>
        ) : null}
      </div>
      {submissions.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">None yet. Run or submit to see them here.</p>
      ) : (
        <ol className="mt-1 divide-y divide-slate-200 text-sm dark:divide-slate-800" data-testid="submissions">
          {submissions.map((row) => (
            <li key={row.id} className="flex items-center justify-between gap-2 py-1.5" data-verdict={row.verdict}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={picked.includes(row.id)}
                  onChange={() => toggle(row.id)}
                  aria-label={`Pick the ${LABEL[row.mode]} of ${new Date(row.createdAt).toLocaleString()} to compare`}
                />
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">{LABEL[row.mode]}</span>
                {row.verdict === "not_judged" ? (row.mode === "draft" ? "not judged" : "not judged: no judge answered in time; the code is kept") : row.verdict.replace("_", " ")}
              </label>
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {row.mode === "draft" || row.verdict === "not_judged" ? "" : `${row.passed}/${row.total} · `}
                <time dateTime={row.createdAt}>{new Date(row.createdAt).toLocaleString()}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
      {problem ? (
        <ErrorText className="mt-2">{problem}</ErrorText>
      ) : null}
      {diff ? (
        <div className="mt-3" data-testid="submission-diff">
          <div className="flex items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
            <span>{diff.title}</span>
            <button type="button" onClick={() => setDiff(null)} className="rounded px-2 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800">
              Close the diff
            </button>
          </div>
          <div className="mt-1 h-80 overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800">
            <DiffEditor original={diff.original} modified={diff.modified} dark={dark} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
