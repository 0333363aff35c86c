"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { noteConflictSchema, noteSavedSchema } from "@/lib/interview/contract";
import type { InterviewNoteView } from "@/lib/interview/view";

export type SaveState = "saved" | "saving" | "unsaved" | "conflict" | "error";

export interface PhaseNote {
  text: string;
  /** The version the server last confirmed for this tab. */
  version: number;
  state: SaveState;
  /** Set on a 409: what is stored, so the learner can choose. */
  conflict: { text: string; version: number } | null;
  error: string | null;
}

const SAVE_DELAY_MS = 700;

function initialNotes(count: number, notes: InterviewNoteView[]): PhaseNote[] {
  return Array.from({ length: count }, (_, index) => {
    const stored = notes.find((note) => note.phaseIndex === index);
    return { text: stored?.text ?? "", version: stored?.version ?? 0, state: "saved", conflict: null, error: null };
  });
}

/** Notes per phase that save as the learner types, with versions so two tabs never overwrite each other blindly. */
export function usePhaseNotes(interviewId: string, phaseCount: number, stored: InterviewNoteView[]) {
  const [notes, setNotes] = useState(() => initialNotes(phaseCount, stored));
  const notesRef = useRef(notes);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Set<number>());

  const update = useCallback((index: number, change: (note: PhaseNote) => PhaseNote) => {
    const next = notesRef.current.map((note, i) => (i === index ? change(note) : note));
    notesRef.current = next;
    setNotes(next);
  }, []);

  // The latest save function, for timers set by earlier renders.
  const saveRef = useRef<(index: number) => Promise<void>>(async () => {});
  const schedule = useCallback((index: number) => {
    const pending = timers.current.get(index);
    if (pending) clearTimeout(pending);
    timers.current.set(index, setTimeout(() => void saveRef.current(index), SAVE_DELAY_MS));
  }, []);

  const save = useCallback(
    async (index: number): Promise<void> => {
      const pending = timers.current.get(index);
      if (pending) clearTimeout(pending);
      timers.current.delete(index);
      const note = notesRef.current[index];
      if (!note || note.state === "conflict" || inFlight.current.has(index)) return;
      inFlight.current.add(index);
      const text = note.text;
      update(index, (current) => ({ ...current, state: "saving" }));
      try {
        const { version } = await apiFetch(`/api/interviews/${interviewId}/notes/${index}`, {
          method: "PUT",
          body: { text, version: note.version },
          schema: noteSavedSchema,
        });
        update(index, (current) => ({ ...current, version, state: current.text === text ? "saved" : "unsaved", error: null }));
      } catch (error) {
        const conflict = error instanceof ApiError && error.code === "conflict" ? noteConflictSchema.safeParse(error.details) : null;
        if (conflict?.success) {
          const saved = conflict.data;
          // The same words saved from elsewhere are no conflict: adopt the version.
          update(index, (current) =>
            current.text === saved.text ? { ...current, version: saved.version, state: "saved" } : { ...current, state: "conflict", conflict: saved },
          );
        } else if (error instanceof ApiError && error.code !== "network") {
          update(index, (current) => ({ ...current, state: "error", error: error.message }));
        } else {
          update(index, (current) => ({ ...current, state: "error", error: "not saved: the connection dropped; it will retry on the next change" }));
        }
      } finally {
        inFlight.current.delete(index);
      }
      // Typing that arrived while the request was out is saved next.
      if (notesRef.current[index]?.state === "unsaved") schedule(index);
    },
    [interviewId, schedule, update],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const setText = useCallback(
    (index: number, text: string) => {
      update(index, (note) => ({ ...note, text, state: note.state === "conflict" ? "conflict" : "unsaved" }));
      if (notesRef.current[index]?.state !== "conflict") schedule(index);
    },
    [schedule, update],
  );

  const append = useCallback(
    (index: number, line: string) => {
      const current = notesRef.current[index]?.text ?? "";
      setText(index, current.length === 0 || current.endsWith("\n") ? `${current}${line}\n` : `${current}\n${line}\n`);
    },
    [setText],
  );

  /** After a 409: keep this tab's text (saved over the other) or take the stored one. */
  const resolve = useCallback(
    (index: number, keep: "mine" | "saved") => {
      const conflict = notesRef.current[index]?.conflict;
      if (!conflict) return;
      if (keep === "saved") {
        update(index, (note) => ({ ...note, text: conflict.text, version: conflict.version, state: "saved", conflict: null }));
      } else {
        update(index, (note) => ({ ...note, version: conflict.version, state: "unsaved", conflict: null }));
        void save(index);
      }
    },
    [save, update],
  );

  /** Saves everything typed so far (before finishing, say). */
  const flush = useCallback(async () => {
    await Promise.all(notesRef.current.map((note, index) => (note.state === "unsaved" || note.state === "error" ? save(index) : Promise.resolve())));
  }, [save]);

  useEffect(() => {
    const pendingTimers = timers.current;
    // A closing tab cannot await a fetch; a beacon still delivers the last words.
    const onHide = () => {
      notesRef.current.forEach((note, index) => {
        if (note.state !== "unsaved") return;
        const body = new Blob([JSON.stringify({ text: note.text, version: note.version })], { type: "application/json" });
        navigator.sendBeacon?.(`/api/interviews/${interviewId}/notes/${index}`, body);
      });
    };
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      pendingTimers.forEach((timer) => clearTimeout(timer));
    };
  }, [interviewId]);

  /** Takes notes another tab saved, where this tab has nothing unsaved for that phase. */
  const absorb = useCallback(
    (stored: InterviewNoteView[]) => {
      for (const incoming of stored) {
        const local = notesRef.current[incoming.phaseIndex];
        if (local && local.state === "saved" && incoming.version > local.version) {
          update(incoming.phaseIndex, (note) => ({ ...note, text: incoming.text, version: incoming.version }));
        }
      }
    },
    [update],
  );

  return { notes, setText, append, resolve, flush, absorb };
}
