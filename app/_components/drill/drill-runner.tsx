"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { answerResultSchema, drillHistorySchema, publicRoundSchema, type DrillFeedback, type DrillHistory, type PublicRound } from "@/lib/drill/contract";
import { apiFetch } from "@/lib/http/api-fetch";
import { buttonClass } from "../ui/button";
import { textLinkClass } from "../ui/nav-link";
import { ErrorText } from "../ui/callout";

interface Props {
  concepts: Array<{ slug: string; title: string }>;
  initialRound: PublicRound | null;
  initialHistory: DrillHistory;
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A drill round: scenario, twenty concept buttons, feedback, next; then the score and history. */
export function DrillRunner({ concepts, initialRound, initialHistory }: Props) {
  const [round, setRound] = useState<PublicRound | null>(initialRound);
  const [history, setHistory] = useState(initialHistory);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<DrillFeedback | null>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const answered = new Map(round?.feedback.map((f) => [f.scenarioId, f]) ?? []);
  const current = round?.scenarios.find((s) => !answered.has(s.id)) ?? null;
  const position = round ? round.scenarios.findIndex((s) => s.id === current?.id) + 1 : 0;
  const titles = new Map(concepts.map((c) => [c.slug, c.title]));

  useEffect(() => {
    if (shown) nextRef.current?.focus();
  }, [shown]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => {
      setRound(await apiFetch("/api/drills", { method: "POST", schema: publicRoundSchema }));
      setShown(null);
      requestAnimationFrame(() => headingRef.current?.focus());
    });

  const choose = (slug: string) =>
    run(async () => {
      if (!round || !current) return;
      const feedback = await apiFetch(`/api/drills/${round.id}/answers`, { body: { scenarioId: current.id, chosen: slug }, schema: answerResultSchema });
      setRound({ ...round, feedback: [...round.feedback, feedback] });
      setShown(feedback);
    });

  const next = () =>
    run(async () => {
      setShown(null);
      if (round && !current) {
        const finished = await apiFetch(`/api/drills/${round.id}/finish`, { method: "POST", schema: publicRoundSchema });
        setRound(finished);
        setHistory(await apiFetch("/api/drills", { schema: drillHistorySchema }));
      }
      requestAnimationFrame(() => headingRef.current?.focus());
    });

  const finished = round?.finishedAt != null;
  const score = round ? round.feedback.filter((f) => f.correct).length : 0;

  return (
    <div className="mt-6 space-y-8">
      <section aria-labelledby="drill-round" className="rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-800">
        {!round || finished ? (
          <div>
            <h2 id="drill-round" ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
              {round && finished ? `Round finished: ${round.score.correct} of ${round.score.total}` : "Ready for a round?"}
            </h2>
            {round && finished ? (
              <ul className="mt-3 space-y-1 text-sm" aria-label="Answers of the round">
                {round.feedback.map((f) => (
                  <li key={f.scenarioId}>
                    <span className={f.correct ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}>
                      {f.correct ? "Right" : "Wrong"}
                    </span>
                    : {f.answerTitle}
                    {!f.correct ? ` (you chose ${titles.get(f.chosen) ?? f.chosen})` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            <button
              type="button"
              onClick={start}
              disabled={busy}
              className={`mt-4 ${buttonClass({ variant: "primary", size: "lg" })}`}
            >
              {round ? "Start another round" : "Start a round of 10"}
            </button>
          </div>
        ) : (
          <div>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="drill-round" ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
                {current ? `Scenario ${position} of ${round.scenarios.length}` : "Last answer"}
              </h2>
              <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="drill-score">
                Score: {score} of {round.feedback.length} answered
              </p>
            </div>
            {shown ? (
              <div role="status" data-testid="drill-feedback" data-correct={shown.correct} className={`mt-4 rounded-lg border p-4 ${shown.correct ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40" : "border-rose-300 bg-rose-50 dark:border-rose-800 dark:bg-rose-950/40"}`}>
                <p className="font-semibold">
                  {shown.correct ? "Right: " : `Not quite. You chose ${titles.get(shown.chosen) ?? shown.chosen}; the answer is `}
                  {shown.answerTitle}.
                </p>
                <p className="mt-2 text-slate-700 dark:text-slate-300">{shown.reason}</p>
                <Link href={shown.lessonHref} className={`mt-2 inline-block text-sm ${textLinkClass}`}>
                  Read the {shown.answerTitle} lesson
                </Link>
                <div>
                  <button
                    ref={nextRef}
                    type="button"
                    onClick={next}
                    disabled={busy}
                    className={`mt-4 ${buttonClass({ variant: "primary", size: "lg" })}`}
                  >
                    {current ? "Next scenario" : "See the score"}
                  </button>
                </div>
              </div>
            ) : current ? (
              <>
                <p className="mt-4 text-lg" data-testid="drill-scenario" data-scenario={current.id}>
                  {current.text}
                </p>
                <fieldset className="mt-4" disabled={busy}>
                  <legend className="text-sm font-medium text-slate-600 dark:text-slate-400">Which concept answers it?</legend>
                  <div className="mt-2 grid grid-cols-1 gap-2 min-[420px]:grid-cols-2 md:grid-cols-4">
                    {concepts.map((concept) => (
                      <button
                        key={concept.slug}
                        type="button"
                        data-concept-choice={concept.slug}
                        onClick={() => choose(concept.slug)}
                        className="rounded-md border border-slate-300 px-3 py-2 text-left text-sm hover:border-sky-500 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:hover:bg-sky-950/40"
                      >
                        {concept.title}
                      </button>
                    ))}
                  </div>
                </fieldset>
              </>
            ) : (
              <button type="button" onClick={next} disabled={busy} className={`mt-4 ${buttonClass({ variant: "primary", size: "lg" })}`}>
                See the score
              </button>
            )}
          </div>
        )}
        {error ? (
          <ErrorText className="mt-3">{error}</ErrorText>
        ) : null}
      </section>

      <section aria-labelledby="drill-history" className="grid gap-6 md:grid-cols-2">
        <div>
          <h2 id="drill-history" className="text-lg font-semibold">
            Your rounds
          </h2>
          {history.rounds.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No rounds yet.</p>
          ) : (
            <ol className="mt-2 space-y-1 text-sm" data-testid="drill-history">
              {history.rounds.map((r) => (
                <li key={r.id} className="flex justify-between gap-4 border-b border-slate-100 py-1 dark:border-slate-800">
                  <span>{dateFormat.format(new Date(r.createdAt))} UTC</span>
                  <span className="font-medium">{r.finishedAt ? `${r.score.correct}/${r.score.total}` : `in progress (${r.score.answered}/${r.score.total})`}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h2 className="text-lg font-semibold">Missed most (they come first next round)</h2>
          {history.mostMissed.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Nothing to review yet.</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm">
              {history.mostMissed.map((m) => (
                <li key={m.id}>
                  <p>{m.text}</p>
                  <p className="text-slate-600 dark:text-slate-400">
                    Missed {m.misses}, right {m.hits}.{" "}
                    <Link href={`/concepts/${m.concept}`} className={textLinkClass}>
                      {m.conceptTitle}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}
