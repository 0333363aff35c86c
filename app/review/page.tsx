import type { Metadata } from "next";
import { ReviewSession } from "@/app/_components/review/review-session";

export const metadata: Metadata = { title: "Review", description: "Today's spaced-review cards: lessons, drills and your own mistakes, scheduled by FSRS." };

// Static (docs/decisions/015): the learner's due cards load after the page.
export default function ReviewPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Review</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Answer in your head (or pick an option), reveal with <kbd className="rounded border px-1 text-sm">Space</kbd>, then grade yourself with{" "}
        <kbd className="rounded border px-1 text-sm">1</kbd>-<kbd className="rounded border px-1 text-sm">4</kbd>: Again, Hard, Good, Easy. Each grade
        schedules the card (FSRS); stop at any card and pick up here later.
      </p>
      <ReviewSession />
    </div>
  );
}
