"use client";

// The per-learner part of a lesson page. The page's HTML is static (built once, served
// from cache); this asks GET /api/concepts/<slug>/learner once after it loads and hands
// the answer to the progress line, the read marker and the challenge panel. Each keeps
// its space while it waits, so nothing on the page moves when the answer arrives.
import { createContext, use, useEffect, useState, type ReactNode } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { lessonLearnerSchema, type LessonLearnerDto } from "@/lib/progress/lesson-contract";
import { ChallengePanel } from "../challenge/challenge-panel";
import { ChallengeHeading } from "../challenge/challenge-heading";
import type { ChallengeView } from "../challenge/types";
import { LessonReadTracker } from "../dashboard/lesson-read-tracker";
import { ProgressBadge } from "../dashboard/progress-badge";
import { Callout } from "../ui/callout";

type LearnerState = { status: "loading" } | { status: "ready"; learner: LessonLearnerDto } | { status: "failed"; message: string };

const LessonLearnerContext = createContext<LearnerState>({ status: "loading" });

export function LessonLearnerProvider({ concept, children }: { concept: string; children: ReactNode }) {
  const [state, setState] = useState<LearnerState>({ status: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    apiFetch(`/api/concepts/${concept}/learner`, { schema: lessonLearnerSchema, signal: controller.signal }).then(
      (learner) => setState({ status: "ready", learner }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "failed", message: error instanceof Error ? error.message : "Could not load your progress." });
      },
    );
    return () => controller.abort();
  }, [concept]);
  return <LessonLearnerContext value={state}>{children}</LessonLearnerContext>;
}

/** The badge, quiz score and submit count beside the reading time. */
export function LessonProgressLine() {
  const state = use(LessonLearnerContext);
  if (state.status !== "ready") {
    // Same height and about the same width as a badge, so the line does not reflow.
    return <ProgressBadgePlaceholder />;
  }
  const { learner } = state;
  return (
    <>
      <ProgressBadge state={learner.state} />
      {learner.quiz ? (
        <span>
          Quiz: {learner.quiz.correct} of {learner.quiz.total}
        </span>
      ) : null}
      {learner.attempts > 0 ? (
        <span>
          {learner.attempts} submit{learner.attempts === 1 ? "" : "s"}
        </span>
      ) : null}
    </>
  );
}

function ProgressBadgePlaceholder() {
  return (
    <span aria-hidden="true" className="invisible rounded-full px-2 py-0.5 text-xs font-medium">
      Not started
    </span>
  );
}

/** Marks the lesson read when its end scrolls into view, unless the learner already read it. */
export function LessonReadMarker({ concept }: { concept: string }) {
  const state = use(LessonLearnerContext);
  if (state.status !== "ready") return <div aria-hidden="true" className="h-px" />;
  return <LessonReadTracker concept={concept} alreadyRead={state.learner.lessonRead} />;
}

interface ChallengeProps {
  challenge: ChallengeView;
  editorLibs: Array<{ path: string; content: string }>;
}

/** The challenge panel, once the learner's draft and submissions are known (the starter when there is none). */
export function LessonChallenge({ challenge, editorLibs }: ChallengeProps) {
  const state = use(LessonLearnerContext);
  if (state.status === "ready") {
    const { draft, submissions } = state.learner;
    return (
      <ChallengePanel
        challenge={challenge}
        initialCode={draft?.code ?? challenge.starter}
        initialDraftUpdatedAt={draft?.updatedAt ?? null}
        initialSubmissions={submissions}
        editorLibs={editorLibs}
      />
    );
  }
  // While loading (or if loading failed) the panel's frame is drawn at its final size.
  return (
    <section aria-labelledby="challenge-title" className="flex flex-col gap-3" data-testid="challenge-loading">
      <ChallengeHeading challenge={challenge} />
      <div className="h-[2.125rem] border-b border-slate-200 dark:border-slate-800" />
      <div className="flex h-[28rem] items-center justify-center rounded-lg border border-slate-200 dark:border-slate-800">
        {state.status === "failed" ? (
          <Callout tone="warning" role="alert" className="m-4">
            {state.message} Reload the page to try again.
          </Callout>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">Loading your draft…</p>
        )}
      </div>
    </section>
  );
}
