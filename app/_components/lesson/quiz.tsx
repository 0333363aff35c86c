"use client";

import { useEffect, useRef, useState } from "react";
import type { QuizQuestion } from "@/lib/content/schemas";
import { apiFetch } from "@/lib/http/api-fetch";

/**
 * A short quiz: pick an answer, see why it is right or wrong. With `concept`, the
 * result is recorded to the learner's progress once every question is answered.
 */
export function Quiz({ questions, concept }: { questions: QuizQuestion[]; concept?: string }) {
  const [answers, setAnswers] = useState<Record<number, number>>({});
  const answered = Object.keys(answers).length;
  const correct = questions.filter((question, index) => question.options[answers[index] ?? -1]?.correct).length;
  const recorded = useRef<string | null>(null);

  useEffect(() => {
    if (!concept || questions.length === 0 || answered < questions.length) return;
    const key = `${correct}/${questions.length}`;
    if (recorded.current === key) return;
    recorded.current = key;
    apiFetch(`/api/progress/${concept}`, { method: "POST", body: { event: "quiz", correct, total: questions.length } }).catch(() => {
      recorded.current = null;
    });
  }, [concept, answered, correct, questions.length]);

  return (
    <section aria-labelledby="quiz-title" className="mt-12 rounded-xl border border-slate-200 p-5 dark:border-slate-800" data-no-print>
      <h2 id="quiz-title" className="text-xl font-semibold">
        Check yourself
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {answered === 0 ? `${questions.length} questions.` : `${correct} of ${answered} answered correctly so far.`}
      </p>
      <ol className="mt-4 space-y-6">
        {questions.map((question, questionIndex) => {
          const chosen = answers[questionIndex];
          return (
            <li key={question.question}>
              <fieldset>
                <legend className="font-medium">
                  {questionIndex + 1}. {question.question}
                </legend>
                <div className="mt-2 space-y-2">
                  {question.options.map((option, optionIndex) => {
                    const id = `q${questionIndex}-o${optionIndex}`;
                    const isChosen = chosen === optionIndex;
                    return (
                      <div key={id}>
                        <label
                          htmlFor={id}
                          className={`flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm ${
                            isChosen
                              ? option.correct
                                ? "border-emerald-500 bg-emerald-50 dark:bg-emerald-950/40"
                                : "border-rose-500 bg-rose-50 dark:bg-rose-950/40"
                              : "border-slate-200 hover:border-slate-400 dark:border-slate-800 dark:hover:border-slate-600"
                          }`}
                        >
                          <input
                            id={id}
                            type="radio"
                            name={`q${questionIndex}`}
                            className="mt-1"
                            checked={isChosen}
                            onChange={() => setAnswers((current) => ({ ...current, [questionIndex]: optionIndex }))}
                          />
                          <span>{option.text}</span>
                        </label>
                        {isChosen ? (
                          <p className="ml-8 mt-1 text-sm" role="status">
                            <strong>{option.correct ? "Right. " : "Not quite. "}</strong>
                            {option.explanation}
                          </p>
                        ) : null}
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
