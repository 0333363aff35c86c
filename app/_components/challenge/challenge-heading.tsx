import type { ChallengeView } from "./types";

/** The challenge's title block: drawn the same by the loading frame and by the panel, so nothing shifts when the panel arrives. */
export function ChallengeHeading({ challenge }: { challenge: Pick<ChallengeView, "title" | "summary" | "exports"> }) {
  return (
    <div>
      <p className="text-xs font-semibold uppercase tracking-wider text-sky-800 dark:text-sky-300">Challenge</p>
      <h2 id="challenge-title" className="text-xl font-semibold">
        {challenge.title}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{challenge.summary}</p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Export: <code className="font-mono">{challenge.exports.join(", ")}</code>
      </p>
    </div>
  );
}
