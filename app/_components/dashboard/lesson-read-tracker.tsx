"use client";

import { useEffect, useRef } from "react";
import { apiFetch } from "@/lib/http/api-fetch";

const READ_AFTER_MS = 90_000;

/**
 * Marks the lesson read once: when this marker (placed at the end of the lesson)
 * scrolls into view, or after a while on the page. Renders an invisible sentinel.
 */
export function LessonReadTracker({ concept, alreadyRead }: { concept: string; alreadyRead: boolean }) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (alreadyRead) return;
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      apiFetch(`/api/progress/${concept}`, { method: "POST", body: { event: "lesson_read" } }).catch(() => {
        sent = false;
      });
    };
    const timer = setTimeout(send, READ_AFTER_MS);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) send();
    });
    if (sentinel.current) observer.observe(sentinel.current);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [concept, alreadyRead]);
  return <div ref={sentinel} aria-hidden="true" data-lesson-end className="h-px" />;
}
