"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { stateFromView, viewTimer, type TimerView } from "@/lib/interview/timer";
import { apiFetch } from "@/lib/http/api-fetch";
import { interviewViewSchema } from "@/lib/interview/contract";
import type { InterviewView } from "@/lib/interview/view";

const TICK_MS = 250;
const RESYNC_MS = 30_000;

/**
 * Keeps an interview's clock on screen from the server's record: the server sends its
 * state and its own time; the browser works out how far its clock is from the server's
 * and runs the same timer rules forward. A second tab's pause shows on the next resync.
 */
export function useInterviewClock(initial: InterviewView, onView?: (view: InterviewView) => void) {
  const [view, setView] = useState(initial);
  const [now, setNow] = useState(initial.serverNow);
  const offset = useRef(0);
  const viewRef = useRef(initial);
  const onViewRef = useRef(onView);
  useEffect(() => {
    onViewRef.current = onView;
  }, [onView]);

  /** Takes a fresh view from the server; `sentAt` is when the request left, to halve the round trip. */
  const accept = useCallback((next: InterviewView, sentAt?: number) => {
    const received = Date.now();
    const local = sentAt === undefined ? received : (sentAt + received) / 2;
    offset.current = next.serverNow - local;
    viewRef.current = next;
    setView(next);
    setNow(received + offset.current);
    onViewRef.current?.(next);
  }, []);

  const resync = useCallback(async () => {
    const sentAt = Date.now();
    try {
      accept(await apiFetch(`/api/interviews/${viewRef.current.id}`, { schema: interviewViewSchema }), sentAt);
    } catch {
      // Offline for a moment: the local clock keeps going and the next resync catches up.
    }
  }, [accept]);

  useEffect(() => {
    offset.current = initial.serverNow - Date.now();
    void resync();
    const tick = setInterval(() => setNow(Date.now() + offset.current), TICK_MS);
    const poll = setInterval(() => void resync(), RESYNC_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void resync();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(tick);
      clearInterval(poll);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [initial.serverNow, resync]);

  const timer: TimerView = viewTimer(stateFromView(view, view.serverNow), Math.max(now, view.serverNow));
  return { view, timer, accept, resync };
}
