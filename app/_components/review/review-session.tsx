"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { dueReplySchema, gradeReplySchema, type GradeReply, type ReviewCardView } from "@/lib/review/contract";
import { buttonClass } from "../ui/button";
import { textLinkClass } from "../ui/nav-link";
import { ErrorText } from "../ui/callout";

const GRADES = [
  { grade: 1, label: "Again", hint: "forgot it" },
  { grade: 2, label: "Hard", hint: "recalled with effort" },
  { grade: 3, label: "Good", hint: "recalled" },
  { grade: 4, label: "Easy", hint: "instantly" },
] as const;

const dueFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

function untilText(due: string, now: number): string {
  const minutes = Math.round((new Date(due).getTime() - now) / 60_000);
  if (minutes < 60) return `in ${Math.max(1, minutes)} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.round(hours / 24);
  return `in ${days} day${days === 1 ? "" : "s"}`;
}

/**
 * Today's cards one at a time: question (pick an option on quiz cards), reveal (Space),
 * answer with its explanation and lesson link, grade (keys 1-4). Every grade is stored
 * at once, so leaving at any card and coming back resumes where the learner stopped.
 */
export function ReviewSession() {
  const [cards, setCards] = useState<ReviewCardView[] | null>(null);
  const [later, setLater] = useState(0);
  const [more, setMore] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [picked, setPicked] = useState<number | null>(null);
  const [last, setLast] = useState<(GradeReply & { until: string }) | null>(null);
  const [done, setDone] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const reply = await apiFetch("/api/review/due", { schema: dueReplySchema });
      setCards(reply.cards);
      setLater(reply.later);
        setMore(reply.more);
    } catch (caught) {
      setError((caught as Error).message);
      setCards((current) => current ?? []);
    }
  }, []);

  useEffect(() => {
    let live = true;
    apiFetch("/api/review/due", { schema: dueReplySchema }).then(
      (reply) => {
        if (!live) return;
        setCards(reply.cards);
        setLater(reply.later);
        setMore(reply.more);
      },
      (caught: Error) => {
        if (!live) return;
        setError(caught.message);
        setCards([]);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const card = cards?.[0] ?? null;

  const reveal = useCallback(() => {
    setRevealed(true);
    requestAnimationFrame(() => answerRef.current?.focus());
  }, []);

  const grade = useCallback(
    async (value: number) => {
      if (!card || busy) return;
      setBusy(true);
      setError(null);
      try {
        const reply = await apiFetch(`/api/review/${card.id}/grade`, { body: { grade: value, version: card.version }, schema: gradeReplySchema });
        setLast({ ...reply, until: untilText(reply.due, Date.now()) });
        setDone((n) => n + 1);
        const rest = (cards ?? []).slice(1);
        setCards(rest);
        // The list carries 50 cards at most: past the last, fetch the next ones.
        if (rest.length === 0 && more > 0) await load();
        setRevealed(false);
        setPicked(null);
        requestAnimationFrame(() => headingRef.current?.focus());
      } catch (caught) {
        const message = (caught as Error).message;
        // Graded in another tab: take the fresh list rather than grade twice.
        if ((caught as { status?: number }).status === 409) {
          setRevealed(false);
          setPicked(null);
          await load();
        }
        setError(message);
      } finally {
        setBusy(false);
      }
    },
    [busy, card, cards, load, more],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!card || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (!revealed && event.key === " " && target?.tagName !== "BUTTON" && target?.tagName !== "A") {
        event.preventDefault();
        reveal();
      } else if (revealed && ["1", "2", "3", "4"].includes(event.key)) {
        event.preventDefault();
        void grade(Number(event.key));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, grade, reveal, revealed]);

  if (cards === null) {
    return (
      <p className="mt-6 text-slate-600 dark:text-slate-400" role="status">
        Loading your cards…
      </p>
    );
  }

  return (
    <section aria-labelledby="review-card-title" className="mt-6 rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-800" data-testid="review-session">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="review-progress">
        {card ? `${cards.length + more} due now` : "Nothing due now"}
        {done > 0 ? ` · ${done} reviewed this session` : ""}
        {later > 0 ? ` · ${later} scheduled later` : ""}
      </p>
      {last ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300" role="status" data-testid="review-last">
          Last card graded {GRADES[last.grade - 1]?.label}: due again {last.until} ({dueFormat.format(new Date(last.due))}).
        </p>
      ) : null}
      {!card ? (
        <div>
          <h2 id="review-card-title" ref={headingRef} tabIndex={-1} className="mt-4 text-xl font-semibold outline-none">
            {done > 0 ? "Done for now" : "No cards due"}
          </h2>
          <p className="mt-2 text-slate-700 dark:text-slate-300">
            Cards come from lessons you have started (their quiz and interview follow-ups), drill scenarios you answered, hidden tests your code
            failed, rubric points you scored low in a mock interview and your last design check. Come back when they are due.
          </p>
        </div>
      ) : (
        <article data-testid="review-card" data-kind={card.kind} data-card={card.id}>
          <p className="mt-4 text-xs font-semibold uppercase tracking-wide text-sky-700 dark:text-sky-300">
            {card.kindLabel}
            {card.concept ? ` · ${card.concept.title}` : ""}
          </p>
          <h2 id="review-card-title" ref={headingRef} tabIndex={-1} className="mt-1 text-lg font-semibold outline-none sm:text-xl">
            {card.question}
          </h2>
          {card.options ? (
            <fieldset className="mt-4">
              <legend className="text-sm text-slate-600 dark:text-slate-400">Pick an answer, then reveal</legend>
              <ul className="mt-2 space-y-2">
                {card.options.map((option, index) => {
                  const chosen = picked === index;
                  const tone = revealed ? (option.correct ? "border-emerald-500 bg-emerald-50 dark:bg-emerald-950/40" : chosen ? "border-rose-500 bg-rose-50 dark:bg-rose-950/40" : "border-slate-300 dark:border-slate-700") : chosen ? "border-sky-500 bg-sky-50 dark:bg-sky-950/40" : "border-slate-300 dark:border-slate-700";
                  return (
                    <li key={option.text}>
                      <button
                        type="button"
                        aria-pressed={chosen}
                        disabled={revealed}
                        onClick={() => setPicked(index)}
                        className={`w-full rounded-md border px-3 py-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-sky-500 ${tone}`}
                      >
                        {option.text}
                        {revealed && option.correct ? <span className="ml-2 font-semibold text-emerald-800 dark:text-emerald-300">(right answer)</span> : null}
                        {revealed && chosen && !option.correct ? <span className="ml-2 font-semibold text-rose-800 dark:text-rose-300">(your pick)</span> : null}
                      </button>
                      {revealed && (chosen || option.correct) ? <p className="mt-1 px-1 text-sm text-slate-700 dark:text-slate-300">{option.explanation}</p> : null}
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ) : null}
          {!revealed ? (
            <button type="button" onClick={reveal} className={`mt-5 ${buttonClass({ variant: "primary", size: "lg" })}`} data-testid="review-reveal">
              Reveal the answer <kbd className="ml-2 rounded border border-current px-1 text-xs">Space</kbd>
            </button>
          ) : (
            <div>
              <div ref={answerRef} tabIndex={-1} className="mt-5 rounded-lg border border-slate-200 bg-slate-50 p-4 outline-none dark:border-slate-700 dark:bg-slate-900" data-testid="review-answer">
                <h3 className="text-sm font-semibold text-slate-600 dark:text-slate-400">Answer</h3>
                {card.answer.split(/\n\s*\n/).map((paragraph) => (
                  <p key={paragraph.slice(0, 40)} className="mt-2 whitespace-pre-line">
                    {paragraph}
                  </p>
                ))}
                {card.explanation ? <p className="mt-2 text-slate-700 dark:text-slate-300">{card.explanation}</p> : null}
                <Link href={card.link.href} className={`mt-3 inline-block text-sm ${textLinkClass}`}>
                  {card.link.label}
                </Link>
              </div>
              <fieldset className="mt-4" disabled={busy}>
                <legend className="text-sm font-medium">How well did you recall it?</legend>
                <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
                  {GRADES.map((g) => (
                    <button key={g.grade} type="button" onClick={() => void grade(g.grade)} data-grade={g.grade} className={buttonClass({ variant: g.grade === 3 ? "primary" : "secondary", size: "lg" })}>
                      <span>
                        {g.label} <kbd className="ml-1 rounded border border-current px-1 text-xs">{g.grade}</kbd>
                        <span className="sr-only">: {g.hint}</span>
                      </span>
                    </button>
                  ))}
                </div>
              </fieldset>
            </div>
          )}
        </article>
      )}
      {error ? (
        <ErrorText className="mt-3">{error}</ErrorText>
      ) : null}
    </section>
  );
}
