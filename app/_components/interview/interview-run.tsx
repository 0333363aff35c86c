"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { formatClock, type TimerAction, type TimerView } from "@/lib/interview/timer";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { interviewViewSchema } from "@/lib/interview/contract";
import type { InterviewView } from "@/lib/interview/view";
import { useInterviewClock } from "./use-interview-clock";
import { usePhaseNotes, type SaveState } from "./use-phase-notes";
import { WorksheetPanel } from "./worksheet-panel";
import { flushBoards } from "../design-board/finish-hooks";
import { buttonClass } from "../ui/button";

const SAVE_LABEL: Record<SaveState, string> = {
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved changes",
  conflict: "Changed in another tab",
  error: "Not saved",
};

const plainButton = buttonClass({ variant: "secondary" });

function PhaseBars({ timer }: { timer: TimerView }) {
  return (
    <ol className="mt-4 grid gap-2" aria-label="Phases">
      {timer.phases.map((phase, index) => {
        const current = index === timer.phaseIndex && timer.status !== "finished";
        const done = index < timer.phaseIndex || timer.status === "finished";
        const scale = Math.max(phase.plannedMs, phase.elapsedMs) || 1;
        const within = Math.min(phase.elapsedMs, phase.plannedMs);
        return (
          <li key={phase.name + index} data-phase={index} data-current={current ? "true" : undefined}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
              <span className={current ? "font-semibold" : "text-slate-600 dark:text-slate-400"}>
                {index + 1}. {phase.name}
                {current ? <span className="sr-only"> (current phase)</span> : null}
              </span>
              <span className="tabular-nums text-xs text-slate-600 dark:text-slate-400">
                {formatClock(phase.elapsedMs).replace("+", "")} of {Math.round(phase.plannedMs / 60_000)} min
                {phase.overrunMs > 0 ? <span className="ml-1 font-semibold text-rose-700 dark:text-rose-400">+{formatClock(-phase.overrunMs).slice(1)} over</span> : null}
                {phase.runOver && phase.overrunMs === 0 && !done ? <span className="ml-1">(running over)</span> : null}
              </span>
            </div>
            <div className="mt-1 flex h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden="true">
              <div
                className={done ? "bg-slate-500 dark:bg-slate-500" : "bg-sky-600 dark:bg-sky-500"}
                style={{ width: `${(100 * within) / scale}%` }}
              />
              {phase.overrunMs > 0 ? <div className="bg-rose-600 dark:bg-rose-500" style={{ width: `${(100 * phase.overrunMs) / scale}%` }} /> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function InterviewRun({ initial }: { initial: InterviewView }) {
  const router = useRouter();
  const { notes, setText, append, resolve, flush, absorb } = usePhaseNotes(initial.id, initial.phases.length, initial.notes);
  // Notes saved in another tab arrive with each resync.
  const { view, timer, accept, resync } = useInterviewClock(initial, (next) => absorb(next.notes));
  const [tab, setTab] = useState(initial.phaseIndex);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const seen = useRef({ phaseIndex: initial.phaseIndex, status: initial.status });
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const finished = timer.status === "finished";

  // Announce phase changes and pauses once each, never every second; the notes follow the clock.
  useEffect(() => {
    const before = seen.current;
    if (before.phaseIndex === timer.phaseIndex && before.status === timer.status) return;
    seen.current = { phaseIndex: timer.phaseIndex, status: timer.status };
    const phase = timer.phases[timer.phaseIndex];
    const message =
      timer.status === "finished"
        ? "Interview finished."
        : timer.status === "paused"
          ? `Paused in phase ${timer.phaseIndex + 1}, ${phase?.name ?? ""}.`
          : before.phaseIndex !== timer.phaseIndex
            ? `Phase ${timer.phaseIndex + 1} of ${timer.phases.length}: ${phase?.name ?? ""}, ${Math.round((phase?.plannedMs ?? 0) / 60_000)} minutes.`
            : "Resumed.";
    const switchTab = before.phaseIndex !== timer.phaseIndex ? timer.phaseIndex : null;
    // Deferred so the announcement and the tab change happen outside the render that noticed them.
    const handle = setTimeout(() => {
      setAnnouncement(message);
      if (switchTab !== null) setTab(switchTab);
    }, 0);
    return () => clearTimeout(handle);
  }, [timer.phaseIndex, timer.status, timer.phases]);

  async function act(action: TimerAction) {
    setBusy(true);
    setProblem(null);
    try {
      // The notes and the design board reach the server before the interview turns read-only.
      if (action === "finish") await Promise.all([flush(), flushBoards()]);
      const sentAt = Date.now();
      accept(await apiFetch(`/api/interviews/${view.id}/${action}`, { method: "POST", schema: interviewViewSchema }), sentAt);
      if (action === "finish") router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.code !== "network") {
        setProblem(error.message);
        await resync();
      } else setProblem("The server could not be reached; the clock keeps the server's time, try again.");
    } finally {
      setBusy(false);
    }
  }

  const current = timer.phases[timer.phaseIndex];
  const last = timer.phaseIndex === timer.phases.length - 1;
  const note = notes[tab];

  const onTabKey = (event: React.KeyboardEvent, index: number) => {
    const move = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (move === 0) return;
    event.preventDefault();
    const next = (index + move + notes.length) % notes.length;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0">
        <section aria-label="Clock" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-status={timer.status}>
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div>
              <p className="text-xs font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
                {finished ? "Finished" : `Phase ${timer.phaseIndex + 1} of ${timer.phases.length}${timer.status === "paused" ? " · paused" : ""}`}
              </p>
              <p className="text-lg font-semibold" data-testid="current-phase">
                {finished ? "Time per phase below" : current?.name}
              </p>
            </div>
            <p
              className={`font-mono text-4xl font-bold tabular-nums ${timer.remainingMs < 0 ? "text-rose-700 dark:text-rose-400" : ""}`}
              data-testid="countdown"
              data-remaining-ms={Math.round(timer.remainingMs)}
              aria-label={finished ? "Interview finished" : timer.remainingMs < 0 ? `${formatClock(timer.remainingMs).slice(1)} over the planned time` : `${formatClock(timer.remainingMs)} left in this phase`}
              role="timer"
            >
              {finished ? formatClock(timer.totalElapsedMs) : formatClock(timer.remainingMs)}
            </p>
          </div>
          <p className="sr-only" aria-live="polite" data-testid="announcement">
            {announcement}
          </p>
          <PhaseBars timer={timer} />
          {!finished ? (
            <div className="mt-4 flex flex-wrap gap-2">
              {timer.status === "running" ? (
                <button type="button" className={plainButton} disabled={busy} onClick={() => void act("pause")}>
                  Pause
                </button>
              ) : (
                <button type="button" className={buttonClass({ variant: "primary" })} disabled={busy} onClick={() => void act("resume")}>
                  Resume
                </button>
              )}
              <button type="button" className={plainButton} disabled={busy || last} onClick={() => void act("advance")}>
                Next phase
              </button>
              <button
                type="button"
                className={plainButton}
                disabled={busy || (current?.runOver ?? false) || last}
                aria-pressed={current?.runOver ?? false}
                onClick={() => void act("run-over")}
                title="Keep this phase going past its planned time; the overrun is recorded"
              >
                {current?.runOver ? "Running over" : "Run over"}
              </button>
              <button type="button" className={buttonClass({ variant: "success" })} disabled={busy} onClick={() => void act("finish")}>
                Finish interview
              </button>
            </div>
          ) : null}
          {problem ? (
            <p role="alert" className="mt-3 text-sm text-rose-700 dark:text-rose-400">
              {problem}
            </p>
          ) : null}
        </section>

        <section aria-label="Notes" className="mt-6">
          <div role="tablist" aria-label="Notes per phase" className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
            {notes.map((phaseNote, index) => (
              <button
                key={index}
                ref={(element) => {
                  tabRefs.current[index] = element;
                }}
                type="button"
                role="tab"
                id={`notes-tab-${index}`}
                aria-selected={tab === index}
                aria-controls="notes-panel"
                tabIndex={tab === index ? 0 : -1}
                onClick={() => setTab(index)}
                onKeyDown={(event) => onTabKey(event, index)}
                className={`-mb-px rounded-t-md border px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-sky-500 ${
                  tab === index
                    ? "border-slate-200 border-b-white bg-white font-semibold dark:border-slate-800 dark:border-b-slate-950 dark:bg-slate-950"
                    : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
                }`}
              >
                {index + 1}. {timer.phases[index]?.name}
                {phaseNote.state === "conflict" ? " (!)" : ""}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="notes-panel" aria-labelledby={`notes-tab-${tab}`} className="pt-3">
            {note ? (
              <>
                <label htmlFor="phase-notes" className="sr-only">
                  Notes for phase {tab + 1}, {timer.phases[tab]?.name}
                </label>
                <textarea
                  id="phase-notes"
                  data-testid="notes"
                  value={note.text}
                  readOnly={finished}
                  onChange={(event) => setText(tab, event.target.value)}
                  rows={14}
                  spellCheck
                  placeholder={finished ? "No notes for this phase." : "Write as you would talk it through: requirements, numbers, components, trade-offs…"}
                  className="w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-sm leading-6 dark:border-slate-700 dark:bg-slate-900"
                />
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" data-save-state={note.state} aria-live="polite">
                  {SAVE_LABEL[note.state]}
                  {note.version > 0 ? ` · version ${note.version}` : ""}
                  {note.error ? `: ${note.error}` : ""}
                </p>
                {note.conflict ? (
                  <div role="alert" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
                    <p>These notes were saved from another tab while you typed here. Nothing has been overwritten.</p>
                    <details className="mt-2">
                      <summary className="cursor-pointer">Show the saved version</summary>
                      <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap font-mono text-xs">{note.conflict.text}</pre>
                    </details>
                    <div className="mt-2 flex flex-wrap gap-2">
                      <button type="button" className={plainButton} onClick={() => resolve(tab, "mine")}>
                        Keep mine
                      </button>
                      <button type="button" className={plainButton} onClick={() => resolve(tab, "saved")}>
                        Use the saved version
                      </button>
                    </div>
                  </div>
                ) : null}
              </>
            ) : null}
          </div>
        </section>
      </div>
      <aside className="min-w-0" aria-label="Worksheet">
        <WorksheetPanel onInsert={(line) => append(tab, line)} disabled={finished} />
      </aside>
    </div>
  );
}
